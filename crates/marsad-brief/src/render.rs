//! Output formats of a brief.

use std::io::{self, Write};

use marsad_analyze::Document;

use crate::Brief;

/// How to write a brief.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text for a terminal.
    Text,
    Markdown,
    /// A standalone right-to-left HTML page.
    Html,
    /// One JSON object: `{"documents": [...], "stories": [...]}`.
    Json,
    /// One JSON story (with its brief) per line, for big inputs.
    Jsonl,
}

/// Writes the documents of `brief`, one JSON object per line.
pub fn documents_jsonl(brief: &Brief, out: &mut dyn Write) -> io::Result<()> {
    for doc in &brief.documents {
        serde_json::to_writer(&mut *out, doc)?;
        writeln!(out)?;
    }
    Ok(())
}

/// Writes `brief` in `format`.
pub fn render(brief: &Brief, format: Format, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Json => {
            serde_json::to_writer(&mut *out, brief)?;
            writeln!(out)
        }
        Format::Jsonl => {
            for story in &brief.stories {
                serde_json::to_writer(&mut *out, story)?;
                writeln!(out)?;
            }
            Ok(())
        }
        Format::Text => text(brief, out),
        Format::Markdown => markdown(brief, out),
        Format::Html => html(brief, out),
    }
}

/// The first sentence of a document, as a lead.
fn lead(doc: &Document) -> &str {
    let first = doc.sentences.first().map_or(doc.text.len(), |s| byte_of_char(&doc.text, s.end));
    doc.text[..first].trim()
}

fn byte_of_char(text: &str, char_offset: usize) -> usize {
    text.char_indices().nth(char_offset).map_or(text.len(), |(b, _)| b)
}

/// An entity as the brief lists it: across how many documents it appears.
struct Named<'a> {
    name: &'a str,
    name_en: Option<&'a str>,
    kind: &'a str,
    documents: usize,
}

/// The entities of the corpus by the number of documents that mention them
/// (ids agree across documents), most mentioned first; ties by name.
fn top_entities(brief: &Brief, limit: usize) -> Vec<Named<'_>> {
    let mut by_id: std::collections::HashMap<&str, Named<'_>> = std::collections::HashMap::new();
    for doc in &brief.documents {
        let mut seen = std::collections::HashSet::new();
        for e in &doc.entities {
            if !seen.insert(e.id.as_str()) {
                continue;
            }
            by_id
                .entry(e.id.as_str())
                .or_insert(Named { name: &e.name, name_en: e.name_en.as_deref(), kind: &e.kind, documents: 0 })
                .documents += 1;
        }
    }
    let mut list: Vec<Named<'_>> = by_id.into_values().collect();
    list.sort_by(|a, b| b.documents.cmp(&a.documents).then_with(|| a.name.cmp(b.name)));
    list.truncate(limit);
    list
}

fn entity_label(n: &Named<'_>) -> String {
    match n.name_en {
        Some(en) => format!("{} ({en}, {})", n.name, n.kind),
        None => format!("{} ({})", n.name, n.kind),
    }
}

/// A line of facts about a document: outlet, date, id.
fn byline(doc: &Document) -> String {
    let mut parts = Vec::new();
    if let Some(o) = &doc.outlet {
        parts.push(o.clone());
    }
    if let Some(p) = &doc.published {
        parts.push(p.clone());
    }
    parts.push(format!("[{}]", doc.id));
    parts.join(" · ")
}

fn text(brief: &Brief, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{} documents", brief.documents.len())?;
    let named = top_entities(brief, 15);
    if !named.is_empty() {
        writeln!(out, "\nMentioned (documents):")?;
        for n in &named {
            writeln!(out, "  {:>3}  {}", n.documents, entity_label(n))?;
        }
    }
    for doc in &brief.documents {
        writeln!(out)?;
        writeln!(out, "■ {}", doc.title.as_deref().unwrap_or(lead(doc)))?;
        writeln!(out, "  {}", byline(doc))?;
        if doc.title.is_some() {
            writeln!(out, "  {}", lead(doc))?;
        }
    }
    Ok(())
}

fn markdown(brief: &Brief, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "# marsad brief\n\n{} documents", brief.documents.len())?;
    let named = top_entities(brief, 15);
    if !named.is_empty() {
        writeln!(out, "\n## Mentioned\n")?;
        for n in &named {
            writeln!(out, "- {} — {} documents", entity_label(n), n.documents)?;
        }
    }
    for doc in &brief.documents {
        writeln!(out, "\n## {}\n\n*{}*\n\n{}", doc.title.as_deref().unwrap_or(lead(doc)), byline(doc), lead(doc))?;
    }
    Ok(())
}

/// Escapes text for HTML element content and attribute values. Article text
/// is untrusted: nothing from it may become markup.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn html(brief: &Brief, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "<!doctype html>\n<html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\
         <title>marsad brief</title><style>body{{font-family:sans-serif;max-width:52rem;margin:2rem auto;line-height:1.7}}\
         .meta{{color:#555;font-size:.9em}}</style></head><body>\n<h1>marsad</h1>\n<p>{} documents</p>",
        brief.documents.len()
    )?;
    let named = top_entities(brief, 15);
    if !named.is_empty() {
        writeln!(out, "<h2>Mentioned</h2><ul>")?;
        for n in &named {
            writeln!(out, "<li>{} — {} documents</li>", escape_html(&entity_label(n)), n.documents)?;
        }
        writeln!(out, "</ul>")?;
    }
    for doc in &brief.documents {
        writeln!(
            out,
            "<article><h2>{}</h2><p class=\"meta\">{}</p><p>{}</p></article>",
            escape_html(doc.title.as_deref().unwrap_or(lead(doc))),
            escape_html(&byline(doc)),
            escape_html(lead(doc))
        )?;
    }
    writeln!(out, "</body></html>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_neutralizes_markup() {
        assert_eq!(
            escape_html("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
    }
}
