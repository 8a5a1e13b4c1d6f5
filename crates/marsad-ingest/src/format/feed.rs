//! RSS 0.9x/1.0/2.0, Atom and JSON Feed files, read with [`feed_rs`].

use std::borrow::Cow;
use std::panic::{catch_unwind, AssertUnwindSafe};

use feed_rs::model::{Entry, Feed, Text};

use crate::article::{Origin, RawArticle};
use crate::decode::{decode_text, normalize_block_text};
use crate::error::{IngestError, Result};
#[cfg(feature = "html")]
use crate::format::html::html_fragment_to_text;

const FORMAT: &str = "RSS/Atom feed";

/// Reads a feed into one article per entry.
///
/// The n-th entry (1-based, in feed order) gets the id `<id>/<n>`; entries
/// without any text are skipped (with a warning), so ids may have gaps but an
/// entry keeps its id when others are skipped. Per entry:
/// - `text`: the content body, else the summary (HTML converted with
///   [`html_fragment_to_text`], plain text kept as is);
/// - `title`; `url`: the first `alternate` link, else the first link;
/// - `published`: published, else updated (RFC 3339, in UTC as `feed-rs`
///   normalises times);
/// - `author`: the entry's author names; `outlet`: the feed title;
/// - `lang`: the entry's language, else the feed's.
///
/// `bytes` may be the raw file or text already decoded to UTF-8: the feed is
/// decoded here (a BOM, else valid UTF-8, else the XML declaration's
/// `encoding`, else the sniffing of [`decode_text`]) and handed to `feed-rs`
/// as UTF-8 without its declaration, so a decoded feed that still declares
/// `encoding="windows-1256"` is not decoded twice.
///
/// [`decode_text`]: crate::decode::decode_text
///
/// # Errors
///
/// [`IngestError::Empty`] for an empty input, [`IngestError::Malformed`] with
/// format `"RSS/Atom feed"` when the feed cannot be parsed or an XML feed is
/// cut before its closing root tag.
pub fn read_feed(bytes: &[u8], id: &str, source: &str) -> Result<Vec<RawArticle>> {
    parse_feed(bytes, id, source, SkipTextless::Yes)
}

/// Like [`read_feed`], but keeps the entries without any text, with an empty
/// `text`: a feed watcher fetches the page an entry links to, and many feeds
/// carry only a title and a link.
///
/// # Errors
///
/// As [`read_feed`].
pub fn read_feed_entries(bytes: &[u8], id: &str, source: &str) -> Result<Vec<RawArticle>> {
    parse_feed(bytes, id, source, SkipTextless::No)
}

/// Whether entries without text are left out (files read as articles) or kept
/// (feeds whose links are followed).
#[derive(Clone, Copy, PartialEq, Eq)]
enum SkipTextless {
    Yes,
    No,
}

fn parse_feed(bytes: &[u8], id: &str, source: &str, skip_textless: SkipTextless) -> Result<Vec<RawArticle>> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(IngestError::Empty { input: source.to_string() });
    }
    let text = decode_feed(bytes, source)?;
    let bytes = without_xml_declaration(&text).as_bytes();
    let parsed = catch_unwind(AssertUnwindSafe(|| feed_rs::parser::parse(bytes)));
    let feed = match parsed {
        Ok(Ok(feed)) => feed,
        Ok(Err(e)) => return Err(IngestError::malformed(source, FORMAT, e)),
        Err(_) => return Err(IngestError::malformed(source, FORMAT, "the feed parser failed on this input")),
    };
    if let Some(detail) = truncation(bytes) {
        return Err(IngestError::malformed(source, FORMAT, detail));
    }
    Ok(articles(&feed, id, source, skip_textless))
}

/// Whether `text` starts (after an optional BOM, XML declaration, processing
/// instructions, comments and doctype) with an `<rss`, `<rdf:RDF` or an Atom
/// `<feed xmlns="http://www.w3.org/2005/Atom"` root element within its first
/// ~1 KiB.
pub fn looks_like_feed(text: &str) -> bool {
    let Some(root) = root_tag(text.as_bytes(), 1024) else {
        return false;
    };
    let name_end = root.iter().position(|b| b.is_ascii_whitespace() || *b == b'>' || *b == b'/').unwrap_or(root.len());
    match &root[..name_end] {
        b"rss" | b"rdf:RDF" | b"RDF" => true,
        b"feed" | b"atom:feed" => memchr::memmem::find(root, b"http://www.w3.org/2005/Atom").is_some(),
        _ => false,
    }
}

// ---------------------------------------------------------------------------

/// The feed as UTF-8 text.
fn decode_feed<'a>(bytes: &'a [u8], source: &str) -> Result<Cow<'a, str>> {
    if encoding_rs::Encoding::for_bom(bytes).is_none() {
        if let Ok(text) = std::str::from_utf8(bytes) {
            return Ok(Cow::Borrowed(text));
        }
        if let Some(declared) = declared_encoding(bytes).filter(|e| *e != encoding_rs::UTF_8) {
            let (text, _) = declared.decode_without_bom_handling(bytes);
            return Ok(Cow::Owned(text.into_owned()));
        }
    }
    decode_text(bytes, source).map(Cow::Owned)
}

/// The `encoding` of the XML declaration at the start of `bytes`.
fn declared_encoding(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(512)];
    let start = head.iter().position(|b| !b.is_ascii_whitespace())?;
    let head = &head[start..];
    if !head.starts_with(b"<?xml") {
        return None;
    }
    let decl = &head[..memchr::memmem::find(head, b"?>")?];
    let at = memchr::memmem::find(decl, b"encoding")?;
    let rest = &decl[at + "encoding".len()..];
    let rest = &rest[rest.iter().position(|b| !b.is_ascii_whitespace())?..];
    let rest = rest.strip_prefix(b"=")?;
    let rest = &rest[rest.iter().position(|b| !b.is_ascii_whitespace())?..];
    let quote = *rest.first()?;
    if quote != b'"' && quote != b'\'' {
        return None;
    }
    let value = &rest[1..];
    let end = memchr::memchr(quote, value)?;
    encoding_rs::Encoding::for_label(&value[..end]).filter(|e| *e != encoding_rs::REPLACEMENT)
}

/// `text` without a leading BOM and XML declaration (the declaration's
/// `encoding` no longer applies to decoded text).
fn without_xml_declaration(text: &str) -> &str {
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with("<?xml") && trimmed[5..].starts_with(|c: char| c.is_whitespace() || c == '?') {
        if let Some(end) = trimmed.find("?>") {
            return &trimmed[end + 2..];
        }
    }
    trimmed
}

fn articles(feed: &Feed, id: &str, source: &str, skip_textless: SkipTextless) -> Vec<RawArticle> {
    let outlet = feed.title.as_ref().and_then(text_construct_line);
    let feed_lang = feed.language.as_deref().and_then(non_empty);
    let mut out = Vec::new();
    for (n, entry) in feed.entries.iter().enumerate() {
        let article_id = format!("{id}/{}", n + 1);
        let text = match entry_text(entry) {
            Some(text) => text,
            None if skip_textless == SkipTextless::No => String::new(),
            None => {
                tracing::warn!(input = source, entry = n + 1, id = %entry.id, "skipping feed entry without text");
                continue;
            }
        };
        let mut article = RawArticle::new(article_id, source, Origin::Feed, text);
        article.title = entry.title.as_ref().and_then(text_construct_line);
        article.outlet = outlet.clone();
        article.url = entry
            .links
            .iter()
            .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
            .or_else(|| entry.links.first())
            .and_then(|l| non_empty(&l.href));
        article.published = entry.published.or(entry.updated).map(|t| t.to_rfc3339());
        let authors: Vec<&str> =
            entry.authors.iter().filter_map(|p| p.name.as_deref()).map(str::trim).filter(|s| !s.is_empty()).collect();
        article.author = (!authors.is_empty()).then(|| authors.join(", "));
        article.lang = entry.language.as_deref().and_then(non_empty).or_else(|| feed_lang.clone());
        out.push(article);
    }
    out
}

/// The entry's text: content body, else summary.
fn entry_text(entry: &Entry) -> Option<String> {
    let from_content = entry.content.as_ref().and_then(|c| {
        let body = c.body.as_deref()?;
        Some(markup_to_text(body, is_markup(c.content_type.subty().as_ref())))
    });
    from_content
        .filter(|t| !t.is_empty())
        .or_else(|| entry.summary.as_ref().map(text_construct).filter(|t| !t.is_empty()))
}

/// A feed text construct (title, summary) as text.
fn text_construct(text: &Text) -> String {
    markup_to_text(&text.content, is_markup(text.content_type.subty().as_ref()))
}

/// Whether a media subtype is HTML, XHTML (feed-rs says `application/xhtml`)
/// or inline XML.
fn is_markup(subtype: &str) -> bool {
    matches!(subtype, "html" | "xhtml" | "xhtml+xml" | "xml")
}

/// A text construct on one line (titles).
fn text_construct_line(text: &Text) -> Option<String> {
    let text = text_construct(text);
    non_empty(&text.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// HTML through [`html_fragment_to_text`]; plain text (and "HTML" without
/// any markup or entity, as RSS descriptions usually are) with lines trimmed
/// and runs of blank lines collapsed.
fn markup_to_text(body: &str, is_html: bool) -> String {
    if is_html && (body.contains('<') || body.contains('&')) {
        html_fragment_to_text(body)
    } else {
        normalize_block_text(body)
    }
}

/// Without the `html` feature: a plain tag stripper. Block elements become
/// line breaks, `script`/`style` are dropped, common entities are decoded.
#[cfg(not(feature = "html"))]
fn html_fragment_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        push_text(&mut out, &rest[..lt]);
        let after = &rest[lt + 1..];
        let Some(gt) = after.find('>') else {
            rest = "";
            break;
        };
        let tag = &after[..gt];
        rest = &after[gt + 1..];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        if !tag.starts_with('/') && matches!(name.as_str(), "script" | "style" | "template" | "noscript") {
            let end = format!("</{name}");
            rest = rest.to_ascii_lowercase().find(&end).map_or("", |i| &rest[i..]);
            continue;
        }
        match name.as_str() {
            "br" => out.push('\n'),
            "li" | "tr" if !tag.starts_with('/') => out.push('\n'),
            "p" | "div" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote" | "ul" | "ol" | "table"
            | "section" | "article" | "pre" | "hr" => out.push_str("\n\n"),
            _ => {}
        }
    }
    push_text(&mut out, rest);
    normalize_block_text(&out)
}

/// Text between tags: white space collapsed as HTML does, entities decoded.
#[cfg(not(feature = "html"))]
fn push_text(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        push_spaces(out, &rest[..amp]);
        let after = &rest[amp + 1..];
        let end = after.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let entity = &after[..e];
            let c = match entity {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                _ => entity
                    .strip_prefix("#x")
                    .or_else(|| entity.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    push_spaces(out, rest);
}

#[cfg(not(feature = "html"))]
fn push_spaces(out: &mut String, text: &str) {
    out.extend(text.chars().map(|c| if c.is_whitespace() { ' ' } else { c }));
}

fn non_empty(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// For an XML feed, a description of the truncation when the root element is
/// not closed (`feed-rs` accepts some cut-off feeds and would return a partial
/// last entry).
fn truncation(bytes: &[u8]) -> Option<String> {
    let root = root_tag(bytes, 64 * 1024)?;
    let name_end = root.iter().position(|b| b.is_ascii_whitespace() || *b == b'>' || *b == b'/').unwrap_or(root.len());
    let name = &root[..name_end];
    if root.ends_with(b"/") {
        return None; // `<feed/>`: empty but whole
    }
    // The last tag of the document must close the root element.
    let end = bytes.len() - trailing_misc_len(bytes);
    let closing = {
        let mut c = b"</".to_vec();
        c.extend_from_slice(name);
        c
    };
    let last_open = memchr::memrchr(b'<', &bytes[..end])?;
    let tail = &bytes[last_open..end];
    let closed = tail.len() > closing.len()
        && tail[..closing.len()] == closing[..]
        && tail[closing.len()..].iter().all(|b| b.is_ascii_whitespace() || *b == b'>')
        && tail.ends_with(b">");
    (!closed).then(|| format!("truncated: the document does not end with </{}>", String::from_utf8_lossy(name)))
}

/// Length of trailing white space and comments.
fn trailing_misc_len(bytes: &[u8]) -> usize {
    let mut end = bytes.len();
    loop {
        while end > 0 && (bytes[end - 1].is_ascii_whitespace() || bytes[end - 1] == 0) {
            end -= 1;
        }
        if bytes[..end].ends_with(b"-->") {
            match memchr::memmem::rfind(&bytes[..end], b"<!--") {
                Some(start) => end = start,
                None => break,
            }
        } else {
            break;
        }
    }
    bytes.len() - end
}

/// The root element's tag text (between `<` and `>`), after a BOM, XML
/// declaration, processing instructions, comments and doctype; the root must
/// start within `limit` bytes of the end of that prologue (the prologue itself
/// may be up to 64 KiB). Only ASCII-compatible encodings are looked at.
fn root_tag(bytes: &[u8], limit: usize) -> Option<&[u8]> {
    let mut rest = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let prologue_limit = 64 * 1024;
    let start_len = rest.len();
    loop {
        let skipped = rest.iter().position(|b| !b.is_ascii_whitespace())?;
        if skipped > limit {
            return None;
        }
        rest = &rest[skipped..];
        if start_len - rest.len() > prologue_limit + limit {
            return None;
        }
        let close: &[u8] = if rest.starts_with(b"<?") {
            b"?>"
        } else if rest.starts_with(b"<!--") {
            b"-->"
        } else if rest.starts_with(b"<!") {
            b">"
        } else if rest.starts_with(b"<") {
            let end = memchr::memchr(b'>', &rest[..rest.len().min(limit + 1)])?;
            return Some(&rest[1..end]);
        } else {
            return None;
        };
        let end = memchr::memmem::find(&rest[..rest.len().min(prologue_limit)], close)?;
        rest = &rest[end + close.len()..];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feed_sniffing() {
        assert!(looks_like_feed("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel>"));
        assert!(looks_like_feed("\u{feff}<!-- generated --><?xml-stylesheet href=\"a.xsl\"?>\n<rss>"));
        assert!(looks_like_feed("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"ar\">"));
        assert!(looks_like_feed("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"));
        assert!(!looks_like_feed("<feed><entry>"));
        assert!(!looks_like_feed("<!DOCTYPE html><html><body><rss>"));
        assert!(!looks_like_feed("نص عادي <rss>"));
        assert!(!looks_like_feed(""));
        assert!(!looks_like_feed("<?xml version=\"1.0\""));
    }

    #[cfg(not(feature = "html"))]
    #[test]
    fn tag_stripper() {
        assert_eq!(
            html_fragment_to_text(
                "<p>أ &amp; ب</p><script>x<y</script><p>ج<br>د &#1575;</p><ul><li>1</li><li>2</li></ul>"
            ),
            "أ & ب\n\nج\nد ا\n\n1\n2"
        );
    }

    #[test]
    fn xml_declarations() {
        assert_eq!(
            declared_encoding(b"<?xml version=\"1.0\" encoding=\"windows-1256\"?><rss>"),
            Some(encoding_rs::WINDOWS_1256)
        );
        assert_eq!(
            declared_encoding(b"\n<?xml version='1.0' encoding = 'ISO-8859-6' ?>"),
            Some(encoding_rs::ISO_8859_6)
        );
        assert_eq!(declared_encoding(b"<?xml version=\"1.0\"?><rss>"), None);
        assert_eq!(declared_encoding(b"<?xml encoding=\"bogus\"?>"), None);
        assert_eq!(declared_encoding(b"<?xml encoding="), None);
        assert_eq!(without_xml_declaration("\u{feff}<?xml version=\"1.0\"?>\n<rss/>"), "\n<rss/>");
        assert_eq!(
            without_xml_declaration("<?xml-stylesheet href=\"a\"?><rss/>"),
            "<?xml-stylesheet href=\"a\"?><rss/>"
        );
        assert_eq!(without_xml_declaration("<?xml"), "<?xml");
    }

    #[test]
    fn truncation_check() {
        assert_eq!(truncation(b"<rss><channel></channel></rss>\n<!-- c -->\n"), None);
        assert_eq!(truncation(b"<?xml version='1.0'?><feed xmlns='x'/>"), None);
        assert!(truncation(b"<rss><channel><item><title>x</title>").is_some());
        assert!(truncation(b"<rss><channel></channel></rs").is_some());
        assert_eq!(truncation(b"{\"version\": \"https://jsonfeed.org/version/1.1\"}"), None);
    }
}
