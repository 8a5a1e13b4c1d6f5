//! HTML pages: main-content extraction and metadata.
//!
//! The main content is found by [`dom_smoothie`] (a port of Mozilla's
//! Readability), which drops navigation, share buttons, related-article boxes
//! and the like as far as its heuristics see them. Its formatted text mode
//! gives one block per paragraph; we then normalise the text to one paragraph,
//! heading or list item per line with blank lines between blocks, which is what
//! the cleaner expects.
//!
//! Metadata is read from the page before extraction (extraction changes the
//! document): Open Graph and other `<meta>` tags, JSON-LD, `<title>`,
//! `<time datetime>` and `<html lang>`.
//!
//! The input is untrusted: nothing here panics on any page (the parser is
//! additionally guarded), pages are cut at [`MAX_HTML_BYTES`] and pages with
//! more than [`MAX_ELEMENTS`] elements are refused.

use std::panic::{catch_unwind, AssertUnwindSafe};

use dom_smoothie::{Config, Readability, ReadabilityError, TextMode};

use crate::article::{Origin, RawArticle};
use crate::decode::normalize_block_text;
use crate::error::{IngestError, Result};

/// Pages longer than this are cut (at a character boundary) before parsing.
pub const MAX_HTML_BYTES: usize = 4 * 1024 * 1024;
/// Pages with more elements than this are refused (Readability's work grows
/// with the element count and it parses several times).
pub const MAX_ELEMENTS: usize = 60_000;
/// Pages (and fragments) are cut where their element nesting, estimated from
/// the markup, first exceeds this: the HTML parser's work grows with the square
/// of the nesting depth. Real pages nest a few dozen levels deep.
pub const MAX_NESTING: usize = 1000;
/// HTML fragments (feed item content) longer than this are cut.
const MAX_FRAGMENT_BYTES: usize = 2 * 1024 * 1024;
/// Readability's "good enough" length. Its default (500 characters) makes it
/// retry with ever looser rules on short news briefs, and the loosest rules
/// keep page furniture; 250 characters is a short Arabic news item.
const CHAR_THRESHOLD: usize = 250;
/// Metadata values longer than this are not metadata.
const MAX_META_CHARS: usize = 400;

const FORMAT: &str = "HTML";

/// Reads an HTML page into one article.
///
/// `text` is the main content, one paragraph, heading or list item per line,
/// blank lines between blocks. `url` (for instance a WARC record's target URI)
/// is used to resolve relative links and is the article's URL; without it the
/// page's canonical or `og:url` is used.
///
/// Metadata, first found wins:
/// - title: `og:title`, JSON-LD `headline`/`name`, `twitter:title`, `<title>`
///   (without a ` | Site` / ` - Site` suffix or prefix equal to the site name),
///   Readability's guess;
/// - outlet: `og:site_name`, JSON-LD `publisher.name`, `application-name`;
/// - published: `article:published_time`, JSON-LD `datePublished`,
///   `<time datetime>` in the `<article>` (or `itemprop=datePublished`, or
///   `<time pubdate>`), `<meta name=date|pubdate|publishdate|…>`;
/// - author: `<meta name=author>`, `article:author` (when not a URL), JSON-LD
///   `author`, Readability's byline;
/// - lang: `<html lang>`, `content-language`, `og:locale`, JSON-LD `inLanguage`.
///
/// # Errors
///
/// [`IngestError::Malformed`] with format `"HTML"` when the page has no
/// article content or is too complex to parse.
pub fn read_html(html: &str, id: &str, source: &str, url: Option<&str>) -> Result<RawArticle> {
    let mut html = truncate_at_char_boundary(html, MAX_HTML_BYTES);
    if let Some(cut) = nesting_cut(html, MAX_NESTING) {
        tracing::warn!(
            input = source,
            at_byte = cut,
            "HTML nested more than {MAX_NESTING} levels deep; reading only the page before that point"
        );
        html = &html[..cut];
    }
    let doc_url = url.map(str::trim).filter(|u| is_http_url(u));
    let config = Config {
        text_mode: TextMode::Formatted,
        max_elements_to_parse: MAX_ELEMENTS,
        char_threshold: CHAR_THRESHOLD,
        ..Default::default()
    };

    let outcome = catch_unwind(AssertUnwindSafe(|| -> std::result::Result<_, String> {
        let mut readability = Readability::new(html, doc_url, Some(config.clone()))
            .or_else(|_| Readability::new(html, None, Some(config.clone())))
            .map_err(|e| e.to_string())?;
        if !has_body_text(&readability) {
            return Err(NO_CONTENT.to_string());
        }
        let meta = PageMeta::collect(&readability);
        let article = readability.parse().map_err(|e| match e {
            ReadabilityError::GrabFailed => NO_CONTENT.to_string(),
            ReadabilityError::TooManyElements(n, limit) => {
                format!("page too complex: {n} elements (the limit is {limit})")
            }
            other => other.to_string(),
        })?;
        Ok((meta, article))
    }));
    let (meta, article) = match outcome {
        Ok(Ok(parts)) => parts,
        Ok(Err(detail)) => return Err(IngestError::malformed(source, FORMAT, detail)),
        Err(_) => return Err(IngestError::malformed(source, FORMAT, "the HTML parser failed on this page")),
    };

    let text = normalize_block_text(&article.text_content);
    if text.is_empty() {
        return Err(IngestError::malformed(source, FORMAT, NO_CONTENT));
    }

    let site_names: Vec<&str> = [&meta.og_site_name, &meta.ld.publisher, &meta.application_name]
        .into_iter()
        .filter_map(|s| s.as_deref())
        .collect();
    let readability_title = clean_meta(&article.title);
    let title = meta
        .og_title
        .iter()
        .chain(&meta.ld.headline)
        .chain(&meta.twitter_title)
        .chain(&meta.title_tag)
        .chain(&readability_title)
        .map(|t| strip_site_name(t, &site_names))
        .find(|t| !t.is_empty());

    let outlet =
        meta.og_site_name.clone().or_else(|| meta.ld.publisher.clone()).or_else(|| meta.application_name.clone());
    let published = meta
        .published_meta
        .clone()
        .or_else(|| meta.ld.date_published.clone())
        .or_else(|| meta.time_in_article.clone())
        .or_else(|| meta.date_meta.clone())
        .or_else(|| article.published_time.as_deref().and_then(clean_meta));
    let author = meta
        .author_meta
        .clone()
        .or_else(|| meta.ld.author.clone())
        .or_else(|| article.byline.as_deref().and_then(clean_meta).filter(|b| b.chars().count() <= 100));
    let lang = meta.lang.clone().or_else(|| meta.ld.in_language.clone());
    let url = url.map(str::trim).filter(|u| !u.is_empty()).map(str::to_string).or_else(|| meta.canonical.clone());

    let mut out = RawArticle::new(id, source, Origin::Html, text);
    out.title = title;
    out.outlet = outlet;
    out.url = url;
    out.published = published;
    out.author = author;
    out.lang = lang;
    Ok(out)
}

const NO_CONTENT: &str = "no article content found";

/// Converts an HTML fragment (a feed item's content, say) to text: one block
/// (paragraph, heading, list item, table row, `<br>`-separated line) per line,
/// blank lines between blocks, entities decoded, scripts, styles and other
/// non-text elements dropped, white space within lines collapsed.
pub fn html_fragment_to_text(html: &str) -> String {
    let mut html = truncate_at_char_boundary(html, MAX_FRAGMENT_BYTES);
    if let Some(cut) = nesting_cut(html, MAX_NESTING) {
        html = &html[..cut];
    }
    let text = catch_unwind(AssertUnwindSafe(|| {
        let readability = Readability::from(html);
        readability.doc.select("script, style, noscript, template, iframe, object, embed, svg, canvas, head").remove();
        readability.doc.select("body").formatted_text().to_string()
    }));
    match text {
        Ok(text) => normalize_block_text(&text),
        Err(_) => String::new(),
    }
}

/// Whether `text` looks like an HTML document or fragment: a doctype or an
/// `<html`, `<head`, `<body`, `<article`, `<p>`, `<p …>`, `<div`, `<br` or
/// `<meta` tag within its first 1 KiB (ASCII case-insensitive).
///
/// Feeds often contain HTML too (an Atom `<div xmlns=…>`): test for a feed
/// first.
pub fn looks_like_html(text: &str) -> bool {
    let head = truncate_at_char_boundary(text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']), 1024);
    let lower = head.to_ascii_lowercase();
    const MARKERS: &[&str] =
        &["<!doctype html", "<html", "<head", "<body", "<article", "<p>", "<p ", "<div", "<br", "<meta "];
    MARKERS.iter().any(|m| lower.contains(m))
}

// ---------------------------------------------------------------------------

/// Page metadata read before extraction.
#[derive(Debug, Default)]
struct PageMeta {
    og_title: Option<String>,
    twitter_title: Option<String>,
    title_tag: Option<String>,
    og_site_name: Option<String>,
    application_name: Option<String>,
    published_meta: Option<String>,
    date_meta: Option<String>,
    time_in_article: Option<String>,
    author_meta: Option<String>,
    lang: Option<String>,
    canonical: Option<String>,
    ld: JsonLd,
}

impl PageMeta {
    fn collect(r: &Readability) -> PageMeta {
        // `<meta>` keys (property, name, itemprop, http-equiv; lower-cased) to
        // the first non-empty content.
        let mut metas: Vec<(String, String)> = Vec::new();
        for node in r.doc.select("meta").nodes() {
            let Some(content) = node.attr("content").as_deref().and_then(clean_meta) else {
                continue;
            };
            for key_attr in ["property", "name", "itemprop", "http-equiv"] {
                if let Some(key) = node.attr(key_attr) {
                    for key in key.split_whitespace() {
                        let key = key.to_ascii_lowercase();
                        if !metas.iter().any(|(k, _)| *k == key) {
                            metas.push((key, content.clone()));
                        }
                    }
                }
            }
        }
        let get = |keys: &[&str]| -> Option<String> {
            keys.iter().find_map(|key| metas.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone()))
        };
        // The first value among `keys` that is not a URL (`article:author` often is).
        let get_name = |keys: &[&str]| -> Option<String> {
            keys.iter().find_map(|key| metas.iter().find(|(k, v)| k == key && !is_http_url(v)).map(|(_, v)| v.clone()))
        };

        let title_tag = ["head title", "title"]
            .iter()
            .find_map(|sel| r.doc.select(sel).nodes().first().and_then(|n| clean_meta(&n.text())));

        let time_in_article = ["article time[datetime]", "time[itemprop=datePublished]", "time[pubdate]"]
            .iter()
            .find_map(|sel| {
                r.doc.select(sel).nodes().iter().find_map(|n| n.attr("datetime").as_deref().and_then(clean_meta))
            })
            .or_else(|| {
                r.doc
                    .select("[itemprop=datePublished]")
                    .nodes()
                    .iter()
                    .find_map(|n| n.attr("datetime").or_else(|| n.attr("content")).as_deref().and_then(clean_meta))
            });

        let lang = r
            .doc
            .select("html")
            .nodes()
            .first()
            .and_then(|n| n.attr("lang").or_else(|| n.attr("xml:lang")))
            .as_deref()
            .and_then(clean_meta)
            .or_else(|| get(&["content-language", "language", "dc.language"]))
            .or_else(|| get(&["og:locale"]).map(|l| l.replace('_', "-")));

        let canonical = r
            .doc
            .select("link[rel=canonical]")
            .nodes()
            .first()
            .and_then(|n| n.attr("href"))
            .as_deref()
            .and_then(clean_meta)
            .filter(|u| is_http_url(u))
            .or_else(|| get(&["og:url"]).filter(|u| is_http_url(u)));

        let mut ld = JsonLd::default();
        for node in r.doc.select("script[type]").nodes() {
            let is_ld = node.attr("type").is_some_and(|t| t.to_ascii_lowercase().contains("ld+json"));
            if is_ld {
                ld.merge(JsonLd::parse(&node.text()));
            }
        }

        PageMeta {
            og_title: get(&["og:title"]),
            twitter_title: get(&["twitter:title"]),
            title_tag,
            og_site_name: get(&["og:site_name"]),
            application_name: get(&["application-name"]),
            published_meta: get(&["article:published_time", "og:published_time", "datepublished"]),
            date_meta: get(&[
                "date",
                "pubdate",
                "publishdate",
                "publish-date",
                "publish_date",
                "publication_date",
                "dc.date.issued",
                "dcterms.issued",
                "dc.date",
                "dcterms.created",
                "sailthru.date",
                "parsely-pub-date",
            ]),
            time_in_article,
            author_meta: get_name(&[
                "author",
                "article:author",
                "dc.creator",
                "byl",
                "sailthru.author",
                "parsely-author",
            ]),
            lang,
            canonical,
            ld,
        }
    }
}

/// The parts of JSON-LD (`schema.org` Article and friends) we use.
#[derive(Debug, Default, PartialEq)]
struct JsonLd {
    headline: Option<String>,
    date_published: Option<String>,
    author: Option<String>,
    publisher: Option<String>,
    in_language: Option<String>,
}

impl JsonLd {
    /// Reads one `<script type="application/ld+json">` text. Broken JSON
    /// gives nothing; raw line breaks inside strings (common) are tolerated.
    fn parse(text: &str) -> JsonLd {
        let text = text.trim();
        let text = text.strip_prefix("<![CDATA[").and_then(|t| t.strip_suffix("]]>")).unwrap_or(text);
        let cleaned: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
        let Ok(value) = serde_json::from_str::<serde_json::Value>(&cleaned) else {
            return JsonLd::default();
        };
        let mut nodes = Vec::new();
        collect_ld_nodes(&value, 0, &mut nodes);
        // Article-like nodes first, then anything with a headline.
        let article = nodes
            .iter()
            .find(|n| ld_types(n).iter().any(|t| is_article_type(t)))
            .or_else(|| nodes.iter().find(|n| n.get("headline").is_some()));
        let mut ld = JsonLd::default();
        if let Some(node) = article {
            ld.headline = ld_string(node.get("headline")).or_else(|| ld_string(node.get("name")));
            ld.date_published = ld_string(node.get("datePublished")).or_else(|| ld_string(node.get("dateCreated")));
            ld.author = ld_names(node.get("author"));
            ld.publisher = ld_names(node.get("publisher"));
            ld.in_language = ld_string(node.get("inLanguage"));
        }
        if ld.publisher.is_none() {
            // A separate Organization / NewsMediaOrganization / WebSite node.
            ld.publisher = nodes
                .iter()
                .find(|n| ld_types(n).iter().any(|t| t.ends_with("Organization") || *t == "WebSite"))
                .and_then(|n| ld_string(n.get("name")));
        }
        ld
    }

    fn merge(&mut self, other: JsonLd) {
        self.headline = self.headline.take().or(other.headline);
        self.date_published = self.date_published.take().or(other.date_published);
        self.author = self.author.take().or(other.author);
        self.publisher = self.publisher.take().or(other.publisher);
        self.in_language = self.in_language.take().or(other.in_language);
    }
}

fn collect_ld_nodes<'a>(
    value: &'a serde_json::Value,
    depth: usize,
    out: &mut Vec<&'a serde_json::Map<String, serde_json::Value>>,
) {
    if depth > 4 || out.len() > 200 {
        return;
    }
    match value {
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect_ld_nodes(v, depth + 1, out)),
        serde_json::Value::Object(map) => {
            out.push(map);
            if let Some(graph) = map.get("@graph") {
                collect_ld_nodes(graph, depth + 1, out);
            }
        }
        _ => {}
    }
}

fn ld_types(node: &serde_json::Map<String, serde_json::Value>) -> Vec<&str> {
    match node.get("@type") {
        Some(serde_json::Value::String(s)) => vec![s.as_str()],
        Some(serde_json::Value::Array(items)) => items.iter().filter_map(|v| v.as_str()).collect(),
        _ => Vec::new(),
    }
}

fn is_article_type(t: &str) -> bool {
    t.ends_with("Article") || matches!(t, "BlogPosting" | "Report" | "LiveBlogPosting" | "AnalysisNewsArticle")
}

fn ld_string(value: Option<&serde_json::Value>) -> Option<String> {
    match value? {
        serde_json::Value::String(s) => clean_meta(s),
        serde_json::Value::Array(items) => items.iter().find_map(|v| ld_string(Some(v))),
        serde_json::Value::Object(map) => ld_string(map.get("@value")),
        _ => None,
    }
}

/// A person or organisation: a string, `{"name": …}`, or a list of those
/// (joined with ", ").
fn ld_names(value: Option<&serde_json::Value>) -> Option<String> {
    let name = |v: &serde_json::Value| match v {
        serde_json::Value::String(s) => clean_meta(s).filter(|s| !is_http_url(s)),
        serde_json::Value::Object(map) => ld_string(map.get("name")),
        _ => None,
    };
    match value? {
        serde_json::Value::Array(items) => {
            let names: Vec<String> = items.iter().filter_map(name).take(10).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        other => name(other),
    }
}

// ---------------------------------------------------------------------------
// Helpers

/// Whether the page's `<body>` has any text at all.
fn has_body_text(r: &Readability) -> bool {
    r.doc.select("body").nodes().first().is_some_and(|body| body.text().chars().any(|c| !c.is_whitespace()))
}

/// Trims and collapses white space; `None` for empty or overlong values.
fn clean_meta(value: &str) -> Option<String> {
    let mut out = String::new();
    for word in value.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    (!out.is_empty() && out.chars().count() <= MAX_META_CHARS).then_some(out)
}

/// Removes a ` | Site` / ` - Site` (and similar) suffix or a `Site | ` prefix
/// from a title when "Site" is one of the page's site names.
fn strip_site_name(title: &str, site_names: &[&str]) -> String {
    const SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " » ", " « ", " · ", " : ", " / "];
    let same = |a: &str, b: &str| {
        let a: Vec<&str> = a.split_whitespace().collect();
        let b: Vec<&str> = b.split_whitespace().collect();
        a.len() == b.len() && a.iter().zip(&b).all(|(x, y)| x.to_lowercase() == y.to_lowercase())
    };
    let title = title.trim();
    for site in site_names.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
        for sep in SEPARATORS {
            if let Some((head, tail)) = title.rsplit_once(sep) {
                if same(tail, site) && !head.trim().is_empty() {
                    return head.trim().to_string();
                }
            }
            if let Some((head, tail)) = title.split_once(sep) {
                if same(head, site) && !tail.trim().is_empty() {
                    return tail.trim().to_string();
                }
            }
        }
    }
    title.to_string()
}

/// The byte offset (of a `<`) at which the nesting of container elements,
/// estimated by counting their start and end tags (outside comments and
/// raw-text elements such as `<script>`), first exceeds `limit`.
fn nesting_cut(html: &str, limit: usize) -> Option<usize> {
    /// Elements that nest when left unclosed (the parser closes `p`, `li`,
    /// formatting elements and the like by itself).
    const NESTING: &[&[u8]] = &[
        b"div",
        b"span",
        b"section",
        b"article",
        b"aside",
        b"main",
        b"header",
        b"footer",
        b"nav",
        b"blockquote",
        b"ul",
        b"ol",
        b"dl",
        b"table",
        b"form",
        b"center",
        b"font",
        b"figure",
        b"details",
        b"fieldset",
        b"object",
    ];
    const RAW_TEXT: &[&[u8]] =
        &[b"script", b"style", b"textarea", b"title", b"xmp", b"noscript", b"iframe", b"noembed", b"noframes"];
    let lower = html.as_bytes().to_ascii_lowercase();
    let mut depth = 0usize;
    let mut pos = 0usize;
    while let Some(found) = memchr::memchr(b'<', &lower[pos..]) {
        let start = pos + found;
        let rest = &lower[start + 1..];
        if rest.starts_with(b"!--") {
            pos = start + 4 + memchr::memmem::find(&rest[3..], b"-->")? + 3;
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_start = usize::from(closing);
        let name_len = rest[name_start..].iter().take_while(|c| c.is_ascii_alphanumeric()).count();
        let name = &rest[name_start..name_start + name_len];
        pos = start + 1 + name_start + name_len;
        if name.is_empty() {
            continue;
        }
        if !closing && RAW_TEXT.contains(&name) {
            let end_tag = [b"</", name].concat();
            pos += memchr::memmem::find(&lower[pos..], &end_tag)?;
            continue;
        }
        if NESTING.contains(&name) {
            if closing {
                depth = depth.saturating_sub(1);
            } else {
                depth += 1;
                if depth > limit {
                    return Some(start);
                }
            }
        }
    }
    None
}

fn is_http_url(s: &str) -> bool {
    let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://"))
        && s.len() > "https://".len()
        && !s.contains(char::is_whitespace)
}

fn truncate_at_char_boundary(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_name_suffix_and_prefix() {
        let sites = ["شبكة الأفق"];
        assert_eq!(strip_site_name("خبر عاجل | شبكة الأفق", &sites), "خبر عاجل");
        assert_eq!(strip_site_name("خبر عاجل - شبكة  الأفق", &sites), "خبر عاجل");
        assert_eq!(strip_site_name("شبكة الأفق | خبر عاجل", &sites), "خبر عاجل");
        assert_eq!(strip_site_name("خبر عاجل - تفاصيل", &sites), "خبر عاجل - تفاصيل");
        assert_eq!(strip_site_name("| شبكة الأفق", &sites), "| شبكة الأفق");
    }

    #[test]
    fn nesting_estimate() {
        assert_eq!(nesting_cut("<div><div></div></div>", 1), Some(5));
        assert_eq!(nesting_cut("<div></div><div></div>", 1), None);
        assert_eq!(nesting_cut("<p><p><p><li><li><b><b>", 1), None);
        assert_eq!(nesting_cut("<div><!-- <div> --><script>'<div><div>'</script></div>", 1), None);
        assert_eq!(nesting_cut("<DIV><Div>", 1), Some(5));
        assert_eq!(nesting_cut("<div><!--", 0), Some(0));
        assert_eq!(nesting_cut("<script><div><div>", 1), None);
        assert_eq!(nesting_cut("<", 1), None);
    }

    #[test]
    fn block_text_normalisation() {
        assert_eq!(normalize_block_text("  a  b \n\n\n\n c\nd\n \n"), "a b\n\nc\nd");
        assert_eq!(normalize_block_text("\n\n"), "");
    }

    #[test]
    fn json_ld_variants() {
        let ld = JsonLd::parse(
            r#"{"@context":"https://schema.org","@graph":[
                {"@type":"WebSite","name":"الأفق"},
                {"@type":["NewsArticle"],"headline":"عنوان
                 الخبر","datePublished":"2024-05-12","author":[{"name":"أ"},{"name":"ب"}]}]}"#,
        );
        assert_eq!(ld.headline.as_deref(), Some("عنوان الخبر"));
        assert_eq!(ld.date_published.as_deref(), Some("2024-05-12"));
        assert_eq!(ld.author.as_deref(), Some("أ, ب"));
        assert_eq!(ld.publisher.as_deref(), Some("الأفق"));
        assert_eq!(JsonLd::parse("{not json"), JsonLd::default());
        assert_eq!(JsonLd::parse("[[[[[[[[[[]]]]]]]]]]"), JsonLd::default());
    }

    #[test]
    fn fragment_to_text() {
        let text = html_fragment_to_text(
            "<p>الفقرة &amp; الأولى</p><script>alert(1)</script><style>p{}</style><p>الثانية<br>سطر</p><ul><li>أ</li><li>ب</li></ul>",
        );
        assert_eq!(text, "الفقرة & الأولى\n\nالثانية\nسطر\n\nأ\nب");
        assert_eq!(html_fragment_to_text("نص عادي بلا وسوم"), "نص عادي بلا وسوم");
        assert_eq!(html_fragment_to_text(""), "");
    }

    #[test]
    fn html_sniffing() {
        assert!(looks_like_html("<!DOCTYPE html><html>"));
        assert!(looks_like_html("\u{feff}  <HTML lang=ar>"));
        assert!(looks_like_html("<p>فقرة</p>"));
        assert!(!looks_like_html("خبر عادي\nبلا وسوم < ولا > شيء"));
        assert!(!looks_like_html(""));
    }
}
