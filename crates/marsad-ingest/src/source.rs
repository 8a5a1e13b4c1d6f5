//! Inputs: paths, folders, standard input; format detection by content.
//!
//! [`expand`] turns the paths a user named into a sorted list of inputs
//! (folders are walked recursively; hidden files are skipped). [`read`] reads
//! one input whole, undoes gzip, recognizes its format from its bytes (the
//! extension is only a hint) and hands it to the reader of that format. A JSON
//! Lines file with a broken line, or a gzip file cut short, still yields the
//! records that could be read, next to the errors for the rest.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use flate2::read::MultiGzDecoder;
use serde::Deserialize;

use crate::decode;
use crate::format;
use crate::{IngestError, Origin, RawArticle, Result};

/// Inputs larger than this are refused (before and after gzip), unless the caller sets another limit.
pub const DEFAULT_MAX_BYTES: u64 = 2 << 30;

/// One thing to read: a file, or standard input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    File(PathBuf),
    Stdin,
}

impl Input {
    /// How the input is named in messages and in `source` fields.
    pub fn name(&self) -> String {
        match self {
            Input::File(p) => p.display().to_string(),
            Input::Stdin => "-".to_owned(),
        }
    }

    /// The id of an article that is the whole input: the file stem (without
    /// `.gz` and the format extension), or `stdin`.
    pub fn stem(&self) -> String {
        match self {
            Input::Stdin => "stdin".to_owned(),
            Input::File(p) => {
                let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                let name = name.strip_suffix(".gz").unwrap_or(&name);
                match name.rsplit_once('.') {
                    Some((stem, _)) if !stem.is_empty() => stem.to_owned(),
                    _ => name.to_owned(),
                }
            }
        }
    }
}

/// The inputs that `paths` name, in a stable order: files as given, folders
/// walked recursively in sorted order, `-` as standard input. Paths that do not
/// exist or cannot be listed are returned as errors.
pub fn expand(paths: &[PathBuf]) -> (Vec<Input>, Vec<IngestError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
        } else {
            let (before, errors_before) = (inputs.len(), errors.len());
            walk(path, &mut inputs, &mut errors);
            // A folder that yields nothing would otherwise pass in silence.
            if inputs.len() == before && errors.len() == errors_before && path.is_dir() {
                errors.push(IngestError::NoFiles { input: path.display().to_string() });
            }
        }
    }
    (inputs, errors)
}

fn walk(path: &Path, inputs: &mut Vec<Input>, errors: &mut Vec<IngestError>) {
    let io_err = |source| IngestError::Io { input: path.display().to_string(), source };
    let meta = match fs::metadata(path) {
        Ok(m) => m,
        Err(e) => return errors.push(io_err(e)),
    };
    if meta.is_file() {
        return inputs.push(Input::File(path.to_owned()));
    }
    if !meta.is_dir() {
        return;
    }
    let mut entries: Vec<PathBuf> = match fs::read_dir(path) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => return errors.push(io_err(e)),
    };
    entries.sort();
    for entry in entries {
        let hidden = entry.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if !hidden {
            walk(&entry, inputs, errors);
        }
    }
}

/// What reading one input gave: its articles, and errors about parts of it
/// (a broken JSON Lines record, a truncated gzip tail).
#[derive(Debug, Default)]
pub struct ReadOutcome {
    pub articles: Vec<RawArticle>,
    pub errors: Vec<IngestError>,
}

/// Reads one input whole and returns its raw articles.
pub fn read(input: &Input, max_bytes: u64) -> ReadOutcome {
    let name = input.name();
    let mut out = ReadOutcome::default();
    let bytes = match read_bytes(input, max_bytes) {
        Ok(b) => b,
        Err(e) => {
            out.errors.push(e);
            return out;
        }
    };
    let (bytes, gzip_error) =
        if bytes.starts_with(&[0x1f, 0x8b]) { gunzip(&bytes, &name, max_bytes) } else { (bytes, None) };
    if let Some(e) = gzip_error {
        out.errors.push(e);
        if bytes.is_empty() {
            return out;
        }
    }
    match read_content(input, &name, &bytes) {
        Ok(mut found) => {
            out.articles.append(&mut found.articles);
            out.errors.append(&mut found.errors);
        }
        Err(e) => out.errors.push(e),
    }
    out
}

fn read_bytes(input: &Input, max_bytes: u64) -> Result<Vec<u8>> {
    let name = input.name();
    let io_err = |source| IngestError::Io { input: name.clone(), source };
    let mut bytes = Vec::new();
    match input {
        Input::Stdin => {
            io::stdin().lock().take(max_bytes + 1).read_to_end(&mut bytes).map_err(io_err)?;
        }
        Input::File(path) => {
            let size = fs::metadata(path).map_err(io_err)?.len();
            if size > max_bytes {
                return Err(IngestError::TooLarge { input: name, size, limit: max_bytes });
            }
            bytes = fs::read(path).map_err(io_err)?;
        }
    }
    if bytes.len() as u64 > max_bytes {
        return Err(IngestError::TooLarge { input: name, size: bytes.len() as u64, limit: max_bytes });
    }
    Ok(bytes)
}

/// Decompresses gzip (all members). A stream cut short keeps what was
/// decompressed before the cut and reports the cut.
fn gunzip(bytes: &[u8], name: &str, max_bytes: u64) -> (Vec<u8>, Option<IngestError>) {
    let mut out = Vec::new();
    let mut reader = MultiGzDecoder::new(bytes).take(max_bytes + 1);
    let mut buf = vec![0u8; 1 << 16];
    loop {
        match reader.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => out.extend_from_slice(&buf[..n]),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => {
                let detail = format!("{e} after {} decompressed bytes", out.len());
                return (out, Some(IngestError::malformed(name, "gzip", detail)));
            }
        }
    }
    if out.len() as u64 > max_bytes {
        return (
            Vec::new(),
            Some(IngestError::TooLarge { input: name.to_owned(), size: out.len() as u64, limit: max_bytes }),
        );
    }
    (out, None)
}

/// Picks the reader by content.
fn read_content(input: &Input, name: &str, bytes: &[u8]) -> Result<ReadOutcome> {
    let stem = input.stem();
    if format::warc::looks_like_warc(bytes) {
        return Ok(ReadOutcome { articles: format::warc::read_warc(bytes, &stem, name)?, errors: Vec::new() });
    }
    let text = match decode::decode_text(bytes, name) {
        Ok(text) => text,
        // A page whose <meta> names its charset may fail the generic sniffing.
        #[cfg(feature = "html")]
        Err(IngestError::Undecodable { .. })
            if format::html::looks_like_html(&String::from_utf8_lossy(&bytes[..bytes.len().min(2048)])) =>
        {
            decode::decode_html(bytes, name)?
        }
        Err(e) => return Err(e),
    };
    let head: String = text.trim_start().chars().take(2048).collect();
    if head.starts_with('{') && head.contains("\"text\"") {
        return Ok(read_jsonl(&text, name));
    }
    #[cfg(feature = "feeds")]
    if format::feed::looks_like_feed(&head) {
        return Ok(ReadOutcome { articles: format::feed::read_feed(bytes, &stem, name)?, errors: Vec::new() });
    }
    #[cfg(feature = "html")]
    if format::html::looks_like_html(&head) {
        let html = decode::decode_html(bytes, name)?;
        let article = format::html::read_html(&html, &stem, name, None)?;
        return Ok(ReadOutcome { articles: vec![article], errors: Vec::new() });
    }
    Ok(ReadOutcome { articles: vec![RawArticle::new(stem, name, Origin::Text, text)], errors: Vec::new() })
}

/// A record of the JSON Lines input format (the SaudiNewsNet layout).
#[derive(Debug, Deserialize)]
struct Record {
    id: Option<serde_json::Value>,
    text: Option<String>,
    title: Option<String>,
    outlet: Option<String>,
    url: Option<String>,
    published: Option<String>,
    author: Option<String>,
    lang: Option<String>,
}

fn read_jsonl(text: &str, name: &str) -> ReadOutcome {
    let mut out = ReadOutcome::default();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let at = format!("{name}:{}", n + 1);
        let record: Record = match serde_json::from_str(line) {
            Ok(r) => r,
            Err(e) => {
                out.errors.push(IngestError::malformed(at, "JSON Lines record", e));
                continue;
            }
        };
        // A record declares a document even when its crawl lost the body
        // (empty "text"); only a record without the field is malformed.
        let Some(body) = record.text else {
            out.errors.push(IngestError::malformed(at, "JSON Lines record", "no \"text\" field"));
            continue;
        };
        let id = match record.id {
            Some(serde_json::Value::String(s)) => s,
            Some(serde_json::Value::Number(x)) => x.to_string(),
            _ => format!("{}:{}", Input::File(PathBuf::from(name)).stem(), n + 1),
        };
        let mut article = RawArticle::new(id, at, Origin::Jsonl, body);
        article.title = record.title;
        article.outlet = record.outlet;
        article.url = record.url;
        article.published = record.published;
        article.author = record.author;
        article.lang = record.lang;
        out.articles.push(article);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_folder_is_an_error_naming_it() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join(".hidden"), "x").expect("write");
        let (inputs, errors) = expand(&[dir.path().to_owned()]);
        assert!(inputs.is_empty());
        assert_eq!(errors.len(), 1);
        assert!(errors[0].to_string().contains("no files to read"), "{}", errors[0]);
        assert_eq!(errors[0].input(), dir.path().display().to_string());
    }
}
