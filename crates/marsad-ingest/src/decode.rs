//! Bytes to text.
//!
//! Arabic news comes as UTF-8 (with or without a byte order mark), as UTF-16
//! (Windows "Unicode" text files, with or without a BOM), and from older sites
//! and archives as windows-1256 or, rarely, ISO-8859-6. Everything else is
//! either binary data or text we cannot decode with confidence, and both are
//! reported as errors rather than guessed at: a Latin-1 guess for bytes that
//! are not UTF-8 would turn an Arabic page into mojibake that looks like text.
//!
//! None of the functions here panics, whatever the bytes.

use std::borrow::Cow;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, ISO_8859_6, REPLACEMENT, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252, WINDOWS_1256};

use crate::error::{IngestError, Result};

/// How many leading bytes the sniffers (UTF-16, control characters, NUL) look at.
const SNIFF_LEN: usize = 64 * 1024;
/// How many leading bytes of an HTML page are searched for `<meta charset>`.
const META_PRESCAN_LEN: usize = 4096;

/// Decodes a text input to a `String`.
///
/// In order:
/// 1. zero bytes → [`IngestError::Empty`];
/// 2. a UTF-8, UTF-16LE or UTF-16BE byte order mark decides the encoding (the
///    BOM is removed);
/// 3. a known binary signature (gzip, PNG, JPEG, GIF, PDF, ZIP, ELF, …) →
///    [`IngestError::Binary`];
/// 4. UTF-16 without a BOM is recognised by the zero (or `0x06`, Arabic) high
///    bytes in every other position;
/// 5. NUL bytes or many C0 control characters → [`IngestError::Binary`];
/// 6. valid UTF-8 (also when a few stray invalid bytes sit in otherwise clearly
///    UTF-8 text, which are replaced by U+FFFD, and when the input was cut in
///    the middle of a character);
/// 7. windows-1256 or ISO-8859-6, accepted only when the decoded text is
///    Arabic: nearly all of its non-ASCII characters must be Arabic letters,
///    marks, digits or punctuation, or common typographic signs;
/// 8. otherwise [`IngestError::Undecodable`].
///
/// Text that is only white space after decoding is [`IngestError::Empty`].
pub fn decode_text(bytes: &[u8], input: &str) -> Result<String> {
    if bytes.is_empty() {
        return Err(IngestError::Empty { input: input.to_string() });
    }
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let text = decode_unicode_with_bom(encoding, &bytes[bom_len..], input)?;
        return finish(text, input);
    }
    check_signature(bytes, input)?;
    if let Some(text) = sniff_utf16(bytes) {
        check_decoded_controls(&text, input)?;
        return finish(text, input);
    }
    check_binary(bytes, input)?;
    decode_unlabelled(bytes, input)
}

/// Decodes an HTML page.
///
/// A byte order mark wins; then a `<meta charset="…">` or
/// `<meta http-equiv="Content-Type" content="…; charset=…">` within the first
/// 4 KiB; else the bytes are sniffed as by [`decode_text`].
///
/// A declared charset is not trusted blindly: a page that is valid UTF-8 with
/// non-ASCII characters is read as UTF-8 whatever its `<meta>` says (pages
/// re-saved as UTF-8 often keep their old `windows-1256` declaration), a page
/// declared UTF-8 that is not is sniffed, and a page declared Latin-1 /
/// windows-1252 whose bytes decode to Arabic as windows-1256 is read as such.
pub fn decode_html(bytes: &[u8], input: &str) -> Result<String> {
    decode_html_with_charset(bytes, None, input)
}

/// Like [`decode_html`], with the charset given by the transport (an HTTP
/// `Content-Type` header, see [`charset_from_content_type`]), which takes
/// precedence over `<meta>` but not over a byte order mark.
pub fn decode_html_with_charset(bytes: &[u8], transport: Option<&'static Encoding>, input: &str) -> Result<String> {
    if bytes.is_empty() {
        return Err(IngestError::Empty { input: input.to_string() });
    }
    if Encoding::for_bom(bytes).is_some() {
        return decode_text(bytes, input);
    }
    check_signature(bytes, input)?;
    // UTF-16 declared by the transport (no BOM): believe it.
    if let Some(enc) = transport.filter(|e| *e == UTF_16LE || *e == UTF_16BE) {
        let (text, _) = enc.decode_without_bom_handling(bytes);
        let text = text.into_owned();
        check_decoded_controls(&text, input)?;
        return finish(text, input);
    }
    if sniff_utf16(bytes).is_some() {
        return decode_text(bytes, input);
    }
    let head = &bytes[..bytes.len().min(META_PRESCAN_LEN)];
    match transport.or_else(|| prescan_meta_charset(head)) {
        None => decode_text(bytes, input),
        Some(enc) => decode_declared(bytes, enc, input),
    }
}

/// The encoding named by the `charset` parameter of a MIME type such as an
/// HTTP `Content-Type` header (`text/html; charset="windows-1256"`).
///
/// Labels are resolved as browsers do (`latin1` → windows-1252, `cp1256` →
/// windows-1256, `utf8` → UTF-8). `None` when there is no charset parameter or
/// its label is unknown.
pub fn charset_from_content_type(ct: &str) -> Option<&'static Encoding> {
    ct.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        if !name.trim().eq_ignore_ascii_case("charset") {
            return None;
        }
        let value = value.trim().trim_matches(|c| c == '"' || c == '\'').trim();
        encoding_for_label(value.as_bytes())
    })
}

// ---------------------------------------------------------------------------
// Steps of decode_text

fn finish(mut text: String, input: &str) -> Result<String> {
    // A second BOM (files concatenated, or a BOM inside a UTF-16 BOM) is noise.
    while text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    if text.trim().is_empty() {
        return Err(IngestError::Empty { input: input.to_string() });
    }
    Ok(text)
}

/// Decodes UTF-8 or UTF-16 after a BOM; tolerates a few invalid sequences.
fn decode_unicode_with_bom(encoding: &'static Encoding, body: &[u8], input: &str) -> Result<String> {
    if encoding == UTF_8 {
        return match decode_utf8_tolerant(body) {
            Some(text) => Ok(text),
            None => Err(IngestError::Undecodable {
                input: input.to_string(),
                detail: "starts with a UTF-8 byte order mark but is not UTF-8".to_string(),
            }),
        };
    }
    // UTF-16: a trailing odd byte is a cut-off file, not an error.
    let body = if body.len() % 2 == 1 { &body[..body.len() - 1] } else { body };
    let (text, had_errors) = encoding.decode_without_bom_handling(body);
    if had_errors {
        let chars = text.chars().count().max(1);
        let bad = text.chars().filter(|&c| c == '\u{fffd}').count();
        if bad * 100 > chars {
            return Err(IngestError::Undecodable {
                input: input.to_string(),
                detail: format!("starts with a {} byte order mark but is not {}", encoding.name(), encoding.name()),
            });
        }
    }
    let text = text.into_owned();
    check_decoded_controls(&text, input)?;
    Ok(text)
}

/// Rejects inputs with the signature of a well-known binary format.
fn check_signature(bytes: &[u8], input: &str) -> Result<()> {
    if let Some(kind) = binary_signature(bytes) {
        return Err(IngestError::Binary { input: input.to_string(), detail: Some(kind.to_string()) });
    }
    Ok(())
}

/// The kind of binary data `bytes` starts with, if known.
pub(crate) fn binary_signature(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"\x1f\x8b", "gzip-compressed data; decompress it first"),
        (b"\x89PNG\r\n\x1a\n", "PNG image"),
        (b"\xff\xd8\xff", "JPEG image"),
        (b"GIF87a", "GIF image"),
        (b"GIF89a", "GIF image"),
        (b"%PDF-", "PDF document"),
        (b"PK\x03\x04", "ZIP archive (or a .docx/.xlsx/.epub/.jar)"),
        (b"PK\x05\x06", "ZIP archive"),
        (b"PK\x07\x08", "ZIP archive"),
        (b"\x7fELF", "ELF executable"),
        (b"\xfd7zXZ\x00", "xz-compressed data"),
        (b"\x28\xb5\x2f\xfd", "zstd-compressed data"),
        (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
        (b"Rar!\x1a\x07", "RAR archive"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Microsoft Office document"),
        (b"SQLite format 3\x00", "SQLite database"),
        (b"\xca\xfe\xba\xbe", "Java class or Mach-O file"),
        (b"\xcf\xfa\xed\xfe", "Mach-O executable"),
        (b"\xce\xfa\xed\xfe", "Mach-O executable"),
        (b"\x00asm", "WebAssembly module"),
        (b"OggS", "Ogg media"),
        (b"fLaC", "FLAC audio"),
        (b"ID3", "MP3 audio"),
        (b"\x1aE\xdf\xa3", "Matroska/WebM video"),
    ];
    for (magic, kind) in SIGNATURES {
        if bytes.starts_with(magic) {
            return Some(kind);
        }
    }
    if bytes.len() >= 12 && &bytes[..4] == b"RIFF" {
        return Some(match &bytes[8..12] {
            b"WEBP" => "WebP image",
            b"WAVE" => "WAV audio",
            b"AVI " => "AVI video",
            _ => "RIFF media file",
        });
    }
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        return Some("MP4/ISO media file");
    }
    if bytes.len() >= 10 && bytes.starts_with(b"BZh") && bytes[3].is_ascii_digit() && &bytes[4..10] == b"1AY&SY" {
        return Some("bzip2-compressed data");
    }
    None
}

/// NUL bytes (in a non-UTF-16 input) or a high share of C0 control characters.
fn check_binary(bytes: &[u8], input: &str) -> Result<()> {
    if memchr::memchr(0, bytes).is_some() {
        return Err(IngestError::Binary { input: input.to_string(), detail: Some("contains NUL bytes".to_string()) });
    }
    let sample = &bytes[..bytes.len().min(SNIFF_LEN)];
    let controls = sample.iter().filter(|&&b| is_binary_control(b)).count();
    if too_many_controls(controls, sample.len()) {
        return Err(IngestError::Binary {
            input: input.to_string(),
            detail: Some(format!("{controls} control characters in the first {} bytes", sample.len())),
        });
    }
    Ok(())
}

/// The same control check on decoded (UTF-16) text.
fn check_decoded_controls(text: &str, input: &str) -> Result<()> {
    let mut total = 0usize;
    let mut controls = 0usize;
    for c in text.chars().take(SNIFF_LEN) {
        total += 1;
        if c == '\0' || (u32::from(c) < 0x80 && is_binary_control(c as u8)) {
            controls += 1;
        }
    }
    if too_many_controls(controls, total) {
        return Err(IngestError::Binary {
            input: input.to_string(),
            detail: Some(format!("{controls} control characters in the first {total} characters")),
        });
    }
    Ok(())
}

/// C0 controls and DEL, except tab, line feed, vertical tab, form feed and carriage return.
fn is_binary_control(b: u8) -> bool {
    (b < 0x20 && !matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r')) || b == 0x7f
}

/// More than 5 % control characters.
fn too_many_controls(controls: usize, total: usize) -> bool {
    controls > 0 && controls * 20 > total
}

/// Recognises BOM-less UTF-16 and decodes it.
///
/// In UTF-16 text that is mostly ASCII or Arabic, every other byte (the high
/// byte of each code unit) is `0x00` (ASCII, spaces, digits, line breaks) or
/// `0x06` (the Arabic block), with a few `0x20` (general punctuation, RLM) and
/// `0xFB`–`0xFE` (presentation forms), and the low bytes are almost never zero.
fn sniff_utf16(bytes: &[u8]) -> Option<String> {
    let len = bytes.len() & !1;
    let sample = &bytes[..len.min(SNIFF_LEN)];
    let pairs = sample.len() / 2;
    if pairs < 2 {
        return None;
    }
    let is_high = |b: u8| matches!(b, 0x00 | 0x06 | 0x20 | 0xfb..=0xfe);
    let (mut nul_even, mut nul_odd, mut high_even, mut high_odd) = (0usize, 0usize, 0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        nul_even += usize::from(pair[0] == 0);
        nul_odd += usize::from(pair[1] == 0);
        high_even += usize::from(is_high(pair[0]));
        high_odd += usize::from(is_high(pair[1]));
    }
    // High bytes in 90 % of the units, NUL high bytes in at least 5 % of them
    // (spaces alone give more), NUL low bytes in at most 2 %.
    let looks = |high: usize, nul_high: usize, nul_low: usize| {
        high * 10 >= pairs * 9 && nul_high * 20 >= pairs && nul_low * 50 <= pairs
    };
    let encoding = if looks(high_odd, nul_odd, nul_even) {
        UTF_16LE
    } else if looks(high_even, nul_even, nul_odd) {
        UTF_16BE
    } else {
        return None;
    };
    let text = encoding.decode_without_bom_handling_and_without_replacement(&bytes[..len])?;
    Some(text.into_owned())
}

/// UTF-8, else windows-1256 / ISO-8859-6 if the result is Arabic.
fn decode_unlabelled(bytes: &[u8], input: &str) -> Result<String> {
    if let Some(text) = decode_utf8_tolerant(bytes) {
        return finish(text, input);
    }
    if let Some((text, _)) = decode_legacy_arabic(bytes) {
        return finish(text, input);
    }
    let guess = guess_encoding(bytes);
    Err(IngestError::Undecodable {
        input: input.to_string(),
        detail: format!(
            "not UTF-8, UTF-16 or Arabic windows-1256/ISO-8859-6 text (it may be {}; convert it to UTF-8 first)",
            guess.name()
        ),
    })
}

/// UTF-8 text, tolerating a cut-off character at the very end and a few stray
/// invalid bytes in text that is clearly UTF-8 otherwise (at least twenty
/// valid non-ASCII characters per invalid sequence); `None` when the bytes are
/// not UTF-8.
fn decode_utf8_tolerant(bytes: &[u8]) -> Option<String> {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Some(text.to_string());
    }
    let mut valid_non_ascii = 0usize;
    let mut invalid = 0usize;
    let mut chunks = bytes.utf8_chunks().peekable();
    let mut out = String::with_capacity(bytes.len());
    while let Some(chunk) = chunks.next() {
        let valid = chunk.valid();
        valid_non_ascii += valid.chars().filter(|c| !c.is_ascii()).count();
        out.push_str(valid);
        if !chunk.invalid().is_empty() {
            let at_end = chunks.peek().is_none();
            // An incomplete sequence at the very end: the input was cut there.
            if at_end && chunk.invalid().len() < 4 && is_incomplete_utf8_prefix(chunk.invalid()) {
                continue;
            }
            invalid += 1;
            out.push('\u{fffd}');
        }
    }
    if invalid == 0 || valid_non_ascii >= invalid * 20 {
        Some(out)
    } else {
        None
    }
}

/// Whether `tail` is the start of a valid multi-byte UTF-8 sequence.
fn is_incomplete_utf8_prefix(tail: &[u8]) -> bool {
    let Some((&lead, rest)) = tail.split_first() else {
        return false;
    };
    let needed = match lead {
        0xc2..=0xdf => 1,
        0xe0..=0xef => 2,
        0xf0..=0xf4 => 3,
        _ => return false,
    };
    rest.len() < needed && rest.iter().all(|&b| (0x80..=0xbf).contains(&b))
}

/// chardetng's guess (with an Arabic top-level domain as the hint).
fn guess_encoding(bytes: &[u8]) -> &'static Encoding {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(Some(b"sa"), Utf8Detection::Deny)
}

/// Decodes bytes as windows-1256 or ISO-8859-6 when one of them turns them into
/// Arabic text; returns the text and the encoding used.
pub(crate) fn decode_legacy_arabic(bytes: &[u8]) -> Option<(String, &'static Encoding)> {
    // chardetng orders the two candidates; windows-1256 is the default.
    let first = if guess_encoding(bytes) == ISO_8859_6 { ISO_8859_6 } else { WINDOWS_1256 };
    let second = if first == WINDOWS_1256 { ISO_8859_6 } else { WINDOWS_1256 };
    let mut best: Option<(String, &'static Encoding, f64)> = None;
    for encoding in [first, second] {
        let (text, _) = encoding.decode_without_bom_handling(bytes);
        if let Some(score) = arabic_score(&text) {
            if best.as_ref().is_none_or(|(_, _, s)| score > *s) {
                best = Some((text.into_owned(), encoding, score));
            }
        }
    }
    best.map(|(text, encoding, _)| (text, encoding))
}

/// How Arabic the non-ASCII part of `text` is, or `None` when it is not
/// confidently Arabic: at least 60 % of the non-ASCII characters must be Arabic
/// letters, at least 90 % Arabic letters, marks, digits, punctuation or common
/// typographic signs, at most 5 % of the letters may touch a Latin letter, and
/// there must be (almost) no replacement characters.
fn arabic_score(text: &str) -> Option<f64> {
    let (mut non_ascii, mut letters, mut other_ok, mut replaced) = (0usize, 0usize, 0usize, 0usize);
    // Arabic letters touching Latin letters: a Latin text decoded as Arabic
    // (`é` is `ى` in ISO-8859-6) has them inside its words.
    let mut glued = 0usize;
    let mut prev = ' ';
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied().unwrap_or(' ');
        let prev_char = std::mem::replace(&mut prev, c);
        if c.is_ascii() {
            continue;
        }
        non_ascii += 1;
        match u32::from(c) {
            0x0620..=0x063f
            | 0x0641..=0x064a
            | 0x066e..=0x066f
            | 0x0671..=0x06d3
            | 0x06d5
            | 0x06fa..=0x06ff
            | 0xfb50..=0xfdff
            | 0xfe70..=0xfefc => {
                letters += 1;
                if prev_char.is_ascii_alphabetic() || next.is_ascii_alphabetic() {
                    glued += 1;
                }
            }
            // marks, tatweel, digits, Arabic punctuation
            0x060c..=0x061f | 0x0640 | 0x064b..=0x066d | 0x0670 | 0x06d4 | 0x06d6..=0x06f9 => other_ok += 1,
            // typographic signs windows-1256 text uses
            0x00a0
            | 0x00ab
            | 0x00bb
            | 0x00b0
            | 0x00a9
            | 0x00ae
            | 0x00d7
            | 0x00f7
            | 0x00b7
            | 0x00a3
            | 0x20ac
            | 0x2013
            | 0x2014
            | 0x2018..=0x201e
            | 0x2022
            | 0x2026
            | 0x200c..=0x200f => other_ok += 1,
            0xfffd => replaced += 1,
            _ => {}
        }
    }
    if non_ascii == 0 || replaced * 200 > non_ascii {
        return None;
    }
    let letter_share = letters as f64 / non_ascii as f64;
    let ok_share = (letters + other_ok) as f64 / non_ascii as f64;
    (letter_share >= 0.6 && ok_share >= 0.9 && glued * 20 <= letters).then_some(letter_share + ok_share)
}

// ---------------------------------------------------------------------------
// HTML

/// Decodes with a declared (meta or transport) single-byte or UTF-8 charset.
fn decode_declared(bytes: &[u8], declared: &'static Encoding, input: &str) -> Result<String> {
    check_binary(bytes, input)?;
    if declared == UTF_8 {
        return decode_unlabelled(bytes, input);
    }
    // Valid UTF-8 with non-ASCII characters is UTF-8, whatever the declaration.
    if let Ok(text) = std::str::from_utf8(bytes) {
        if !text.is_ascii() || declared.is_ascii_compatible() {
            return finish(text.to_string(), input);
        }
    }
    // Latin-1 is the usual wrong declaration on Arabic pages.
    if declared == WINDOWS_1252 {
        if let Some((text, _)) = decode_legacy_arabic(bytes) {
            return finish(text, input);
        }
    }
    let (text, had_errors) = declared.decode_without_bom_handling(bytes);
    if had_errors {
        // Declared ISO-8859-6 but written in windows-1256, and the like.
        if let Some((text, _)) = decode_legacy_arabic(bytes) {
            return finish(text, input);
        }
    }
    finish(text.into_owned(), input)
}

/// The charset declared by `<meta charset>` or `<meta http-equiv=content-type>`
/// in `head`, following the HTML prescan rules loosely (a declared UTF-16 means
/// UTF-8, `x-user-defined` means windows-1252).
fn prescan_meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower = head.to_ascii_lowercase();
    let mut pos = 0;
    while pos < lower.len() {
        let rest = &lower[pos..];
        let meta = memchr::memmem::find(rest, b"<meta");
        let comment = memchr::memmem::find(rest, b"<!--");
        match (meta, comment) {
            (Some(m), Some(c)) if c < m => {
                let after = pos + c + 4;
                pos = match memchr::memmem::find(&lower[after..], b"-->") {
                    Some(end) => after + end + 3,
                    None => return None,
                };
            }
            (Some(m), _) => {
                let start = pos + m + 5;
                // `<metadata>` and the like are not `<meta>`.
                if lower.get(start).is_some_and(|&b| !(b.is_ascii_whitespace() || b == b'/')) {
                    pos = start;
                    continue;
                }
                let end = memchr::memchr(b'>', &lower[start..]).map_or(lower.len(), |e| start + e);
                if let Some(enc) = meta_tag_charset(&head[start..end]) {
                    return Some(enc);
                }
                pos = end;
            }
            (None, _) => return None,
        }
    }
    None
}

/// The charset of one `<meta …>` tag, given the bytes between `<meta` and `>`.
fn meta_tag_charset(attrs: &[u8]) -> Option<&'static Encoding> {
    let mut charset = None;
    let mut http_equiv_ct = false;
    let mut content = None;
    for (name, value) in parse_attributes(attrs) {
        match name.as_str() {
            "charset" => charset = Some(value),
            "http-equiv" => http_equiv_ct = value.trim().eq_ignore_ascii_case("content-type"),
            "content" => content = Some(value),
            _ => {}
        }
    }
    let encoding = if let Some(label) = charset {
        encoding_for_label(label.trim().as_bytes())
    } else if http_equiv_ct {
        content.as_deref().and_then(|ct| {
            // `text/html; charset=windows-1256` (the `;` may be missing in the wild)
            let lower = ct.to_ascii_lowercase();
            let at = lower.find("charset")?;
            let value = ct[at + "charset".len()..].trim_start().strip_prefix('=')?;
            let value = value.trim_start().trim_start_matches(['"', '\'']);
            let end =
                value.find(|c: char| c == ';' || c == '"' || c == '\'' || c.is_whitespace()).unwrap_or(value.len());
            encoding_for_label(&value.as_bytes()[..end])
        })
    } else {
        None
    };
    encoding.map(|e| {
        if e == UTF_16LE || e == UTF_16BE {
            UTF_8
        } else if e.name() == "x-user-defined" {
            WINDOWS_1252
        } else {
            e
        }
    })
}

/// Attribute names (lower-cased) and values of a tag's attribute text.
fn parse_attributes(bytes: &[u8]) -> Vec<(String, String)> {
    let text: Cow<'_, str> = String::from_utf8_lossy(bytes);
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        while i < chars.len() && (chars[i].is_whitespace() || chars[i] == '/') {
            i += 1;
        }
        let start = i;
        while i < chars.len() && !chars[i].is_whitespace() && !matches!(chars[i], '=' | '/' | '>') {
            i += 1;
        }
        if start == i {
            i += 1;
            continue;
        }
        let name: String = chars[start..i].iter().collect::<String>().to_ascii_lowercase();
        while i < chars.len() && chars[i].is_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if i < chars.len() && chars[i] == '=' {
            i += 1;
            while i < chars.len() && chars[i].is_whitespace() {
                i += 1;
            }
            if i < chars.len() && (chars[i] == '"' || chars[i] == '\'') {
                let quote = chars[i];
                i += 1;
                let vstart = i;
                while i < chars.len() && chars[i] != quote {
                    i += 1;
                }
                value = chars[vstart..i].iter().collect();
                i += 1;
            } else {
                let vstart = i;
                while i < chars.len() && !chars[i].is_whitespace() && chars[i] != '>' {
                    i += 1;
                }
                value = chars[vstart..i].iter().collect();
            }
        }
        out.push((name, value));
    }
    out
}

/// One block per line: trims lines, collapses runs of spaces, keeps single
/// line breaks (list items, `<br>`) and turns runs of blank lines into one.
#[cfg_attr(not(any(feature = "html", feature = "feeds")), allow(dead_code))]
pub(crate) fn normalize_block_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_pending = false;
    for line in text.lines() {
        let mut cleaned = String::with_capacity(line.len());
        for word in line.split_whitespace() {
            if !cleaned.is_empty() {
                cleaned.push(' ');
            }
            cleaned.push_str(word);
        }
        if cleaned.is_empty() {
            blank_pending = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
            if blank_pending {
                out.push('\n');
            }
        }
        blank_pending = false;
        out.push_str(&cleaned);
    }
    out
}

/// `Encoding::for_label`, without the "replacement" pseudo-encoding.
fn encoding_for_label(label: &[u8]) -> Option<&'static Encoding> {
    Encoding::for_label(label).filter(|e| *e != REPLACEMENT)
}

#[cfg(test)]
mod tests {
    use super::*;

    // windows-1256 and ISO-8859-6 have no Arabic-Indic digits: ASCII ones.
    const SENTENCE: &str = "أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في العاصمة، بسعة 200 سرير.";

    fn ok(bytes: &[u8]) -> String {
        match decode_text(bytes, "t") {
            Ok(s) => s,
            Err(e) => panic!("decode failed: {e}"),
        }
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(ok(SENTENCE.as_bytes()), SENTENCE);
        let mut with_bom = vec![0xef, 0xbb, 0xbf];
        with_bom.extend_from_slice(SENTENCE.as_bytes());
        assert_eq!(ok(&with_bom), SENTENCE);
    }

    #[test]
    fn utf8_cut_mid_character() {
        let bytes = SENTENCE.as_bytes();
        // the last character is '.', cut inside the character before it (ر)
        let cut = &bytes[..bytes.len() - 2];
        let text = ok(cut);
        assert!(SENTENCE.starts_with(&text));
        assert!(!text.contains('\u{fffd}'));
    }

    #[test]
    fn utf8_with_a_stray_byte() {
        let mut bytes = SENTENCE.as_bytes().to_vec();
        bytes.insert(10, 0xff);
        let text = ok(&bytes);
        assert_eq!(text.matches('\u{fffd}').count(), 1);
    }

    #[test]
    fn utf16_with_bom() {
        for (enc, bom) in [(UTF_16LE, [0xff, 0xfe]), (UTF_16BE, [0xfe, 0xff])] {
            let mut bytes = bom.to_vec();
            for unit in SENTENCE.encode_utf16() {
                let b = if enc == UTF_16LE { unit.to_le_bytes() } else { unit.to_be_bytes() };
                bytes.extend_from_slice(&b);
            }
            assert_eq!(ok(&bytes), SENTENCE, "{}", enc.name());
        }
    }

    #[test]
    fn utf16_without_bom() {
        let text = format!("{SENTENCE}\nThe ministry said: 200 beds.\n");
        for le in [true, false] {
            let mut bytes = Vec::new();
            for unit in text.encode_utf16() {
                bytes.extend_from_slice(&if le { unit.to_le_bytes() } else { unit.to_be_bytes() });
            }
            assert_eq!(ok(&bytes), text, "le={le}");
        }
    }

    #[test]
    fn windows_1256_and_iso_8859_6() {
        let (bytes, _, unmappable) = WINDOWS_1256.encode(SENTENCE);
        assert!(!unmappable);
        assert_eq!(ok(&bytes), SENTENCE);
        let (bytes, _, unmappable) = ISO_8859_6.encode(SENTENCE);
        assert!(!unmappable);
        assert_eq!(ok(&bytes), SENTENCE);
    }

    #[test]
    fn latin1_is_undecodable() {
        // é and è are ى and و in ISO-8859-6: Arabic letters inside Latin words.
        for text in [
            "Le président a déclaré que la réunion était très importante.",
            "Straße, Größe, Übung",
            "Ça va très bien, merci à vous.",
        ] {
            let (bytes, _, _) = WINDOWS_1252.encode(text);
            assert!(matches!(decode_text(&bytes, "t"), Err(IngestError::Undecodable { .. })), "{text}");
        }
    }

    #[test]
    fn empty_and_whitespace() {
        assert!(matches!(decode_text(b"", "t"), Err(IngestError::Empty { .. })));
        assert!(matches!(decode_text(b" \r\n\t \n", "t"), Err(IngestError::Empty { .. })));
        assert!(matches!(decode_text(b"\xef\xbb\xbf  \n", "t"), Err(IngestError::Empty { .. })));
        assert!(matches!(decode_text(b"\xff\xfe \x00\n\x00", "t"), Err(IngestError::Empty { .. })));
    }

    #[test]
    fn binary() {
        for bytes in [
            &b"\x1f\x8b\x08\x00\x00\x00\x00\x00"[..],
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            b"\xff\xd8\xff\xe0\x00\x10JFIF",
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
            b"PK\x03\x04\x14\x00\x06\x00",
            b"\x7fELF\x02\x01\x01",
            b"abc\x00def",
            b"\x01\x02\x03\x04hello\x05\x06\x07",
        ] {
            assert!(matches!(decode_text(bytes, "t"), Err(IngestError::Binary { .. })), "{bytes:?}");
        }
    }

    #[test]
    fn content_type_charset() {
        assert_eq!(charset_from_content_type("text/html; charset=windows-1256"), Some(WINDOWS_1256));
        assert_eq!(charset_from_content_type("text/html;Charset=\"UTF-8\""), Some(UTF_8));
        assert_eq!(charset_from_content_type("text/html; charset='cp1256' ; x=y"), Some(WINDOWS_1256));
        assert_eq!(charset_from_content_type("text/html; charset=iso-8859-6"), Some(ISO_8859_6));
        assert_eq!(charset_from_content_type("text/html"), None);
        assert_eq!(charset_from_content_type("text/html; charset=nonsense"), None);
        assert_eq!(charset_from_content_type(""), None);
    }

    #[test]
    fn meta_prescan() {
        assert_eq!(prescan_meta_charset(b"<html><head><meta charset=\"windows-1256\">"), Some(WINDOWS_1256));
        assert_eq!(prescan_meta_charset(b"<META CHARSET=utf-8>"), Some(UTF_8));
        assert_eq!(
            prescan_meta_charset(b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1256\" />"),
            Some(WINDOWS_1256)
        );
        assert_eq!(
            prescan_meta_charset(b"<meta content='text/html;charset=ISO-8859-6' http-equiv='content-type'>"),
            Some(ISO_8859_6)
        );
        assert_eq!(prescan_meta_charset(b"<!-- <meta charset=koi8-r> --><meta charset=utf-16>"), Some(UTF_8));
        assert_eq!(prescan_meta_charset(b"<metadata charset=koi8-r><p>"), None);
        assert_eq!(prescan_meta_charset(b"<meta name=x content=y"), None);
    }

    #[test]
    fn html_with_meta_charset() {
        let page = format!(
            "<html><head><meta charset=\"windows-1256\"><title>خبر</title></head><body><p>{SENTENCE}</p></body></html>"
        );
        let (bytes, _, _) = WINDOWS_1256.encode(&page);
        assert_eq!(decode_html(&bytes, "t").ok().as_deref(), Some(page.as_str()));
        // re-saved as UTF-8 but still declaring windows-1256
        assert_eq!(decode_html(page.as_bytes(), "t").ok().as_deref(), Some(page.as_str()));
        // declared Latin-1, written in windows-1256
        let lie = page.replace("windows-1256", "iso-8859-1");
        let (bytes, _, _) = WINDOWS_1256.encode(&lie);
        assert_eq!(decode_html(&bytes, "t").ok().as_deref(), Some(lie.as_str()));
        // transport charset wins over meta
        let koi = page.replace("windows-1256", "koi8-r");
        let (bytes, _, _) = WINDOWS_1256.encode(&koi);
        let text = decode_html_with_charset(&bytes, Some(WINDOWS_1256), "t").ok();
        assert!(text.is_some_and(|t| t.contains(SENTENCE)));
    }

    #[test]
    fn never_panics_on_odd_bytes() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for len in 0..300 {
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    (seed >> 24) as u8
                })
                .collect();
            let _ = decode_text(&bytes, "t");
            let _ = decode_html(&bytes, "t");
            let mut with_bom = vec![0xfe, 0xff];
            with_bom.extend_from_slice(&bytes);
            let _ = decode_text(&with_bom, "t");
        }
        for bytes in [&b"\xff\xfe\x00"[..], b"\xef\xbb", b"\xfe", b"<meta charset=", b"<meta", b"<!--<meta"] {
            let _ = decode_text(bytes, "t");
            let _ = decode_html(bytes, "t");
        }
    }
}
