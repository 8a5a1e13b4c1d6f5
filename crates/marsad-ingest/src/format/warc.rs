//! WARC files (web archives, `.warc` and `.warc.gz`): the HTML pages in them.
//!
//! Records are read one at a time from the (possibly gzip-compressed) stream,
//! so only the HTML responses are held in memory. Kept are `response` records
//! whose HTTP response has status 200 and an HTML content type; each goes
//! through [`decode_html_with_charset`] and the HTML reader with the record's
//! `WARC-Target-URI` as the page URL.
//!
//! [`decode_html_with_charset`]: crate::decode::decode_html_with_charset

// Without the `html` feature only the sniffer and an error are left.
#![cfg_attr(not(feature = "html"), allow(dead_code))]

use std::io::{BufRead, Read};

use flate2::read::{DeflateDecoder, MultiGzDecoder, ZlibDecoder};

use crate::article::RawArticle;
use crate::error::{IngestError, Result};

const FORMAT: &str = "WARC";
/// Longest WARC header line / block of header lines we accept.
const MAX_HEADER_LINE: u64 = 64 * 1024;
const MAX_HEADER_BYTES: usize = 512 * 1024;
/// Response records larger than this are skipped (read past, not kept).
const MAX_RECORD_BYTES: u64 = 64 * 1024 * 1024;
/// Decompressed HTTP bodies are cut at this size.
const MAX_BODY_BYTES: u64 = 32 * 1024 * 1024;

/// Reads the HTML pages of a WARC file (plain, or gzip-compressed as a whole
/// or per record) into articles.
///
/// The n-th kept record (a `response` with HTTP status 200 and a `text/html` or
/// `application/xhtml+xml` content type, or no content type and a body that
/// looks like HTML) gets the id `<id>/<n>`, 1-based; `source` is kept as the
/// articles' source and their `url` is the record's `WARC-Target-URI`.
/// `Transfer-Encoding: chunked` and `Content-Encoding: gzip`/`deflate` bodies
/// are decoded; the charset comes from the HTTP `Content-Type`, else from the
/// page (see [`crate::decode::decode_html`]).
///
/// A kept record that cannot be read (undecodable, no article content, …) is
/// skipped with a warning naming its URI; its number is not reused.
///
/// # Errors
///
/// - [`IngestError::Empty`] for an empty input;
/// - [`IngestError::Malformed`] with format `"WARC"` when the file is broken
///   (no `WARC/` version line, a missing `Content-Length`, a record cut short,
///   corrupt gzip) and no article could be read before the break; when some
///   could, they are returned and the break is logged as a warning;
/// - [`IngestError::Malformed`] when the crate was built without the `html`
///   feature.
pub fn read_warc(bytes: &[u8], id: &str, source: &str) -> Result<Vec<RawArticle>> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(IngestError::Empty { input: source.to_string() });
    }
    #[cfg(not(feature = "html"))]
    {
        let _ = id;
        Err(IngestError::malformed(
            source,
            FORMAT,
            "HTML support is not compiled in (build marsad-ingest with the `html` feature)",
        ))
    }
    #[cfg(feature = "html")]
    {
        read_warc_html(bytes, id, source)
    }
}

/// Whether `bytes` start like a WARC file: `WARC/<digit>` at the start,
/// possibly inside a gzip member.
pub fn looks_like_warc(bytes: &[u8]) -> bool {
    let is_version = |head: &[u8]| head.starts_with(b"WARC/") && head.get(5).is_some_and(u8::is_ascii_digit);
    if is_gzip(bytes) {
        let mut head = Vec::with_capacity(16);
        let _ = MultiGzDecoder::new(bytes).take(16).read_to_end(&mut head);
        is_version(&head)
    } else {
        is_version(bytes)
    }
}

fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0x1f, 0x8b])
}

// ---------------------------------------------------------------------------

#[cfg(feature = "html")]
fn read_warc_html(bytes: &[u8], id: &str, source: &str) -> Result<Vec<RawArticle>> {
    use crate::article::Origin;
    use crate::decode::{charset_from_content_type, decode_html_with_charset};
    use crate::format::html::read_html;
    use std::io::BufReader;

    let reader: Box<dyn BufRead + '_> = if is_gzip(bytes) {
        Box::new(BufReader::with_capacity(64 * 1024, MultiGzDecoder::new(bytes)))
    } else {
        Box::new(bytes)
    };
    let mut records = RecordReader::new(reader);
    let mut articles = Vec::new();
    let mut kept = 0usize;
    let mut broken = None;
    loop {
        let record = match records.next_record() {
            Ok(Some(record)) => record,
            Ok(None) => break,
            Err(detail) => {
                broken = Some(detail);
                break;
            }
        };
        let Some(block) = record.block else { continue };
        let uri = record.target_uri.as_deref().unwrap_or("(no WARC-Target-URI)");
        let response = match HttpResponse::parse(&block) {
            Ok(response) => response,
            // Heritrix stores DNS lookups as `response` records too.
            Err(detail) if !uri.to_ascii_lowercase().starts_with("http") => {
                tracing::debug!(input = source, uri, "skipping WARC record: {detail}");
                continue;
            }
            Err(detail) => {
                tracing::warn!(input = source, uri, "skipping WARC record: {detail}");
                continue;
            }
        };
        if response.status != 200 {
            tracing::debug!(input = source, uri, status = response.status, "skipping non-200 WARC response");
            continue;
        }
        let mime = response.mime_type();
        let is_html = match mime.as_deref() {
            Some("text/html" | "application/xhtml+xml") => true,
            None => {
                let body = &block[response.body_start.min(block.len())..];
                crate::format::html::looks_like_html(&String::from_utf8_lossy(&body[..body.len().min(1024)]))
            }
            Some(_) => false,
        };
        if !is_html {
            tracing::debug!(
                input = source,
                uri,
                mime = mime.as_deref().unwrap_or("-"),
                "skipping non-HTML WARC response"
            );
            continue;
        }
        kept += 1;
        let article_id = format!("{id}/{kept}");
        let result = response
            .body(&block)
            .and_then(|body| {
                let charset = response.header("content-type").and_then(charset_from_content_type);
                decode_html_with_charset(&body, charset, uri).map_err(|e| e.to_string())
            })
            .and_then(|html| {
                read_html(&html, &article_id, source, record.target_uri.as_deref()).map_err(|e| e.to_string())
            });
        match result {
            Ok(mut article) => {
                article.origin = Origin::Warc;
                articles.push(article);
            }
            Err(detail) => tracing::warn!(input = source, uri, "skipping WARC record: {detail}"),
        }
    }
    if let Some(detail) = broken {
        if articles.is_empty() {
            return Err(IngestError::malformed(source, FORMAT, detail));
        }
        tracing::warn!(
            input = source,
            read = articles.len(),
            "WARC file is broken, keeping the pages read before the break: {detail}"
        );
    }
    Ok(articles)
}

/// One WARC record; `block` is only read for `response` records.
struct Record {
    target_uri: Option<String>,
    block: Option<Vec<u8>>,
}

/// Reads records one after another.
struct RecordReader<R: BufRead> {
    reader: R,
    /// Bytes consumed so far (of the decompressed stream), for error messages.
    offset: u64,
    records: usize,
}

impl<R: BufRead> RecordReader<R> {
    fn new(reader: R) -> Self {
        RecordReader { reader, offset: 0, records: 0 }
    }

    /// The next record, `None` at the end, or a description of why the stream
    /// cannot be read further.
    fn next_record(&mut self) -> std::result::Result<Option<Record>, String> {
        // Records are separated by two CRLFs; be lenient about how many.
        loop {
            let buf = self.reader.fill_buf().map_err(io_error(self.offset, self.records))?;
            if buf.is_empty() {
                return Ok(None);
            }
            let skip = buf.iter().take_while(|b| matches!(b, b'\r' | b'\n')).count();
            if skip == 0 {
                break;
            }
            self.reader.consume(skip);
            self.offset += skip as u64;
        }
        let record_start = self.offset;
        let version = self.read_line()?;
        let version_text = String::from_utf8_lossy(version.trim_ascii());
        if !(version_text.starts_with("WARC/") && version_text[5..].starts_with(|c: char| c.is_ascii_digit())) {
            let shown: String = version_text.chars().take(40).collect();
            return Err(if self.records == 0 {
                format!("not a WARC file: expected a WARC/1.0 or WARC/1.1 version line, found {shown:?}")
            } else {
                format!("bad version line {shown:?} at byte {record_start} (after record {})", self.records)
            });
        }

        let mut warc_type = None;
        let mut target_uri = None;
        let mut content_length = None;
        let mut header_bytes = 0usize;
        loop {
            let line = self.read_line()?;
            if line.is_empty() {
                return Err(format!("record at byte {record_start} is cut short in its header"));
            }
            header_bytes += line.len();
            if header_bytes > MAX_HEADER_BYTES {
                return Err(format!("record at byte {record_start} has an overlong header"));
            }
            let line = line.trim_ascii_end();
            if line.is_empty() {
                break;
            }
            let line = String::from_utf8_lossy(line);
            let Some((name, value)) = line.split_once(':') else {
                continue;
            };
            let value = value.trim();
            match name.trim().to_ascii_lowercase().as_str() {
                "warc-type" => warc_type = Some(value.to_ascii_lowercase()),
                // WARC/0.x and some tools write `<uri>`.
                "warc-target-uri" => target_uri = Some(value.trim_start_matches('<').trim_end_matches('>').to_string()),
                "content-length" => {
                    content_length =
                        Some(value.parse::<u64>().map_err(|_| {
                            format!("record at byte {record_start} has a bad Content-Length {value:?}")
                        })?);
                }
                _ => {}
            }
        }
        let Some(length) = content_length else {
            return Err(format!("record at byte {record_start} has no Content-Length"));
        };

        let wanted = warc_type.as_deref() == Some("response") && length <= MAX_RECORD_BYTES;
        let block = if wanted {
            let mut block = Vec::with_capacity(length.min(1 << 20) as usize);
            let got =
                (&mut self.reader).take(length).read_to_end(&mut block).map_err(io_error(self.offset, self.records))?;
            self.offset += got as u64;
            (got as u64 == length).then_some(block)
        } else {
            if warc_type.as_deref() == Some("response") {
                tracing::warn!(uri = target_uri.as_deref().unwrap_or("-"), length, "skipping oversized WARC record");
            }
            let got = std::io::copy(&mut (&mut self.reader).take(length), &mut std::io::sink())
                .map_err(io_error(self.offset, self.records))?;
            self.offset += got;
            (got == length).then_some(Vec::new())
        };
        let Some(block) = block else {
            return Err(format!(
                "record at byte {record_start} ({}) is cut short: Content-Length {length} runs past the end of the file",
                target_uri.as_deref().unwrap_or("no URI")
            ));
        };
        self.records += 1;
        Ok(Some(Record { target_uri, block: wanted.then_some(block) }))
    }

    /// One line including its `\n` (empty at the end of the stream).
    fn read_line(&mut self) -> std::result::Result<Vec<u8>, String> {
        let mut line = Vec::new();
        let n = (&mut self.reader)
            .take(MAX_HEADER_LINE)
            .read_until(b'\n', &mut line)
            .map_err(io_error(self.offset, self.records))?;
        self.offset += n as u64;
        if n as u64 == MAX_HEADER_LINE && !line.ends_with(b"\n") {
            return Err(format!("overlong header line at byte {}", self.offset));
        }
        Ok(line)
    }
}

/// Describes a read error (corrupt gzip, mostly) at `offset`.
fn io_error(offset: u64, records: usize) -> impl Fn(std::io::Error) -> String {
    move |e| format!("cannot read past byte {offset} (after record {records}): {e}")
}

/// The HTTP response in a `response` record's block.
struct HttpResponse {
    status: u16,
    headers: Vec<(String, String)>,
    /// Offset of the body in the block.
    body_start: usize,
}

impl HttpResponse {
    fn parse(block: &[u8]) -> std::result::Result<HttpResponse, String> {
        if !block.starts_with(b"HTTP/") {
            return Err("the block is not an HTTP response".to_string());
        }
        let head_len = block.len().min(MAX_HEADER_BYTES);
        let (head_end, body_start) = match (
            memchr::memmem::find(&block[..head_len], b"\r\n\r\n"),
            memchr::memmem::find(&block[..head_len], b"\n\n"),
        ) {
            (Some(a), Some(b)) if b < a => (b, b + 2),
            (Some(a), _) => (a, a + 4),
            (None, Some(b)) => (b, b + 2),
            (None, None) if head_len == block.len() => (block.len(), block.len()),
            (None, None) => return Err("the HTTP header is overlong".to_string()),
        };
        let head = String::from_utf8_lossy(&block[..head_end]);
        let mut lines = head.lines();
        let status_line = lines.next().unwrap_or_default();
        let status =
            status_line.split_whitespace().nth(1).and_then(|s| s.parse::<u16>().ok()).ok_or_else(|| {
                format!("bad HTTP status line {:?}", status_line.chars().take(60).collect::<String>())
            })?;
        let headers = lines
            .filter_map(|line| {
                let (name, value) = line.split_once(':')?;
                Some((name.trim().to_ascii_lowercase(), value.trim().to_string()))
            })
            .collect();
        Ok(HttpResponse { status, headers, body_start })
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }

    /// The media type of `Content-Type`, lower-cased, without parameters.
    fn mime_type(&self) -> Option<String> {
        let ct = self.header("content-type")?;
        let mime = ct.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
        (!mime.is_empty()).then_some(mime)
    }

    /// The body with transfer and content encodings undone.
    fn body(&self, block: &[u8]) -> std::result::Result<Vec<u8>, String> {
        let raw = &block[self.body_start.min(block.len())..];
        let mut body = if self.header("transfer-encoding").is_some_and(|te| te.to_ascii_lowercase().contains("chunked"))
        {
            // Some archivers store the body de-chunked but keep the header.
            dechunk(raw).unwrap_or_else(|| raw.to_vec())
        } else {
            raw.to_vec()
        };
        let encoding = self.header("content-encoding").map(|e| e.trim().to_ascii_lowercase()).unwrap_or_default();
        match encoding.as_str() {
            "" | "identity" | "none" => {}
            "gzip" | "x-gzip" => {
                // Archivers that store the decoded body keep the header too.
                if is_gzip(&body) {
                    body = decompress(MultiGzDecoder::new(&body[..]), "gzip")?;
                }
            }
            "deflate" => {
                if body.first().is_some_and(|b| b & 0x0f == 8) {
                    body = decompress(ZlibDecoder::new(&body[..]), "deflate")
                        .or_else(|_| decompress(DeflateDecoder::new(&body[..]), "deflate"))?;
                } else if body.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'<') {
                    body = decompress(DeflateDecoder::new(&body[..]), "deflate")?;
                }
            }
            other => return Err(format!("unsupported Content-Encoding {other:?}")),
        }
        Ok(body)
    }
}

/// Undoes `Transfer-Encoding: chunked`; `None` when the body is not chunked.
/// A body cut inside a chunk keeps what is there.
fn dechunk(body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    let mut pos = 0usize;
    let mut chunks = 0usize;
    while pos < body.len() {
        let line_end = memchr::memchr(b'\n', &body[pos..]).map(|i| pos + i)?;
        let line = String::from_utf8_lossy(&body[pos..line_end]);
        let size_text = line.split(';').next().unwrap_or_default().trim();
        let size = usize::from_str_radix(size_text, 16).ok()?;
        pos = line_end + 1;
        if size == 0 {
            return Some(out);
        }
        chunks += 1;
        let end = pos.saturating_add(size).min(body.len());
        out.extend_from_slice(&body[pos..end]);
        pos = end;
        // chunk data is followed by CRLF
        if body[pos..].starts_with(b"\r\n") {
            pos += 2;
        } else if body[pos..].starts_with(b"\n") {
            pos += 1;
        }
    }
    (chunks > 0).then_some(out)
}

/// Reads a decoder to the end (at most [`MAX_BODY_BYTES`]); a stream cut
/// short keeps what was decompressed.
fn decompress(decoder: impl Read, what: &str) -> std::result::Result<Vec<u8>, String> {
    let mut out = Vec::new();
    match decoder.take(MAX_BODY_BYTES).read_to_end(&mut out) {
        Ok(_) => Ok(out),
        Err(_) if !out.is_empty() => Ok(out),
        Err(e) => Err(format!("cannot decompress the {what} body: {e}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dechunking() {
        assert_eq!(dechunk(b"4\r\nWiki\r\n5;x=y\r\npedia\r\n0\r\n\r\n").as_deref(), Some(&b"Wikipedia"[..]));
        assert_eq!(dechunk(b"4\r\nWiki\r\nA\r\npedi").as_deref(), Some(&b"Wikipedi"[..]));
        assert_eq!(dechunk(b"<html>"), None);
        assert_eq!(dechunk(b""), None);
    }

    #[test]
    fn http_parsing() {
        let r = HttpResponse::parse(b"HTTP/1.1 301 Moved\r\nLocation: /x\r\n\r\n");
        assert!(r.is_ok_and(|r| r.status == 301 && r.header("location") == Some("/x")));
        let block = b"HTTP/1.0 200 OK\nContent-Type: Text/HTML; charset=UTF-8\n\n<p>x</p>";
        let r = HttpResponse::parse(block);
        assert!(r.is_ok_and(|r| r.status == 200
            && r.mime_type().as_deref() == Some("text/html")
            && r.body(block).is_ok_and(|b| b == b"<p>x</p>")));
        assert!(HttpResponse::parse(b"GET / HTTP/1.1\r\n\r\n").is_err());
        assert!(HttpResponse::parse(b"HTTP/1.1 abc\r\n\r\n").is_err());
    }

    #[test]
    fn sniffing() {
        assert!(looks_like_warc(b"WARC/1.0\r\n"));
        assert!(looks_like_warc(b"WARC/1.1\r\nWARC-Type: warcinfo"));
        assert!(!looks_like_warc(b"WARC/x"));
        assert!(!looks_like_warc(b"<html>"));
        assert!(!looks_like_warc(b"\x1f\x8b\x08"));
    }
}
