//! Output formats of a brief.

use marsad_text::html::escape as escape_html;
use std::io::{self, Write};

use std::collections::HashMap;

use marsad_analyze::Document;

use crate::{Brief, StoryBrief};

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

/// Writes documents, one JSON object per line.
pub fn documents_jsonl(documents: &[Document], out: &mut dyn Write) -> io::Result<()> {
    for doc in documents {
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

/// Short citation labels for documents: the id's prefix before `_` when
/// that is unique («000», «003#2»), else the document's number.
struct Labels(HashMap<String, String>);

impl Labels {
    fn new(docs: &[Document]) -> Self {
        let short = |id: &str| {
            let (base, part) = id.split_once('#').map_or((id, None), |(b, p)| (b, Some(p)));
            let prefix = base.split('_').next().unwrap_or(base);
            match part {
                Some(p) => format!("{prefix}#{p}"),
                None => prefix.to_owned(),
            }
        };
        let mut count: HashMap<String, usize> = HashMap::new();
        for d in docs {
            *count.entry(short(&d.id)).or_default() += 1;
        }
        let labels = docs
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let s = short(&d.id);
                let label = if count[&s] == 1 && s.len() <= 12 { s } else { (i + 1).to_string() };
                (d.id.clone(), label)
            })
            .collect();
        Labels(labels)
    }

    fn of<'a>(&'a self, id: &'a str) -> &'a str {
        self.0.get(id).map_or(id, String::as_str)
    }
}

/// One line of a brief section: words and the documents that carry them.
struct Item {
    text: String,
    cites: Vec<String>,
}

/// A titled part of a story's brief.
struct Section {
    title: &'static str,
    items: Vec<Item>,
}

/// Lines shown per section in the human-readable formats; JSON has them all.
const SHOWN: usize = 8;

fn sections(story: &StoryBrief) -> Vec<Section> {
    let item = |text: String, cites: &[String]| Item { text, cites: cites.to_vec() };
    let mut out = Vec::new();
    out.push(Section {
        title: "Summary",
        items: story.summary.iter().map(|s| item(s.text.clone(), &s.sources)).collect(),
    });
    out.push(Section {
        title: "Who said what",
        items: story
            .quotes
            .iter()
            .take(SHOWN)
            .map(|q| {
                let words = if q.kind == "direct" { format!("«{}»", q.text) } else { q.text.clone() };
                item(format!("{}: {words}", q.speaker.text), &q.sources)
            })
            .collect(),
    });
    out.push(Section {
        title: "Timeline",
        items: story
            .timeline
            .iter()
            .take(2 * SHOWN)
            .map(|t| item(format!("{}  {}", t.date, t.text), &t.sources))
            .collect(),
    });
    out.push(Section {
        title: "Corroborated",
        items: story
            .facts
            .iter()
            .filter(|f| !f.single_source)
            .take(SHOWN)
            .map(|f| item(format!("({} sources: {}) {}", f.origins.len(), f.origins.join("، "), f.text), &f.sources))
            .collect(),
    });
    out.push(Section {
        title: "Only one source",
        items: story
            .facts
            .iter()
            .filter(|f| f.single_source)
            .take(SHOWN)
            .map(|f| item(f.text.clone(), &f.sources))
            .collect(),
    });
    out.push(Section {
        title: "Tensions",
        items: story
            .tensions
            .iter()
            .map(|t| {
                let sides: Vec<String> = t
                    .statements
                    .iter()
                    .map(|s| format!("«{}» ({})", s.text, s.date.as_deref().unwrap_or("undated")))
                    .collect();
                let cites: Vec<String> = t.statements.iter().map(|s| s.doc.clone()).collect();
                item(format!("{}: {}", t.kind, sides.join(" ⟷ ")), &cites)
            })
            .collect(),
    });
    out.retain(|s| !s.items.is_empty());
    out
}

/// What a story header says: documents, period, outlets.
fn story_meta(story: &StoryBrief) -> String {
    let s = &story.story;
    let mut parts = vec![format!("{} documents", s.members.len())];
    match (&s.period.start, &s.period.end) {
        (Some(a), Some(b)) if a != b => parts.push(format!("{a} → {b}")),
        (Some(a), _) => parts.push(a.clone()),
        _ => {}
    }
    if !s.outlets.is_empty() {
        parts.push(s.outlets.join("، "));
    }
    parts.join(" · ")
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
    let mut by_id: HashMap<&str, Named<'_>> = HashMap::new();
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
    parts.push(doc.id.clone());
    parts.join(" · ")
}

fn cites_text(labels: &Labels, cites: &[String]) -> String {
    cites.iter().map(|c| format!("[{}]", labels.of(c))).collect()
}

fn text(brief: &Brief, out: &mut dyn Write) -> io::Result<()> {
    let labels = Labels::new(&brief.documents);
    writeln!(out, "{} documents, {} stories", brief.documents.len(), brief.stories.len())?;
    for story in &brief.stories {
        writeln!(out, "\n═══ {}", story.story.title.as_deref().unwrap_or(&story.story.id))?;
        writeln!(out, "    {}", story_meta(story))?;
        for section in sections(story) {
            writeln!(out, "\n  {}", section.title)?;
            for item in &section.items {
                writeln!(out, "   • {} {}", item.text, cites_text(&labels, &item.cites))?;
            }
        }
    }
    let named = top_entities(brief, 15);
    if !named.is_empty() {
        writeln!(out, "\nMentioned (documents):")?;
        for n in &named {
            writeln!(out, "  {:>3}  {}", n.documents, entity_label(n))?;
        }
    }
    writeln!(out, "\nDocuments:")?;
    for doc in &brief.documents {
        writeln!(out, "  [{}] {}", labels.of(&doc.id), doc.title.as_deref().unwrap_or(lead(doc)))?;
        writeln!(out, "       {}", byline(doc))?;
    }
    Ok(())
}

fn markdown(brief: &Brief, out: &mut dyn Write) -> io::Result<()> {
    let labels = Labels::new(&brief.documents);
    writeln!(out, "# marsad brief\n\n{} documents, {} stories", brief.documents.len(), brief.stories.len())?;
    for story in &brief.stories {
        writeln!(out, "\n## {}\n\n*{}*", story.story.title.as_deref().unwrap_or(&story.story.id), story_meta(story))?;
        for section in sections(story) {
            writeln!(out, "\n### {}\n", section.title)?;
            for item in &section.items {
                writeln!(out, "- {} {}", item.text, cites_text(&labels, &item.cites))?;
            }
        }
    }
    let named = top_entities(brief, 15);
    if !named.is_empty() {
        writeln!(out, "\n## Mentioned\n")?;
        for n in &named {
            writeln!(out, "- {} — {} documents", entity_label(n), n.documents)?;
        }
    }
    writeln!(out, "\n## Documents\n")?;
    for doc in &brief.documents {
        writeln!(
            out,
            "- **[{}]** {} — *{}*",
            labels.of(&doc.id),
            doc.title.as_deref().unwrap_or(lead(doc)),
            byline(doc)
        )?;
    }
    Ok(())
}

/// A document's anchor in the page: letters and digits only, so no id can
/// break out of the attribute or the fragment.
fn anchor(label: &str) -> String {
    label.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect()
}

fn html(brief: &Brief, out: &mut dyn Write) -> io::Result<()> {
    let labels = Labels::new(&brief.documents);
    let cites = |cs: &[String]| -> String {
        cs.iter()
            .map(|c| {
                let l = labels.of(c);
                format!("<a class=\"cite\" href=\"#doc-{}\">[{}]</a>", anchor(l), escape_html(l))
            })
            .collect()
    };
    writeln!(
        out,
        "<!doctype html>\n<html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\
         <title>marsad brief</title><style>body{{font-family:sans-serif;max-width:52rem;margin:2rem auto;line-height:1.7}}\
         .meta{{color:#555;font-size:.9em}}a.cite{{text-decoration:none;font-size:.85em}}</style></head><body>\n\
         <h1>marsad</h1>\n<p>{} documents, {} stories</p>",
        brief.documents.len(),
        brief.stories.len()
    )?;
    for story in &brief.stories {
        writeln!(
            out,
            "<section class=\"story\"><h2>{}</h2><p class=\"meta\">{}</p>",
            escape_html(story.story.title.as_deref().unwrap_or(&story.story.id)),
            escape_html(&story_meta(story))
        )?;
        for section in sections(story) {
            writeln!(out, "<h3>{}</h3><ul>", section.title)?;
            for item in &section.items {
                writeln!(out, "<li>{} {}</li>", escape_html(&item.text), cites(&item.cites))?;
            }
            writeln!(out, "</ul>")?;
        }
        writeln!(out, "</section>")?;
    }
    let named = top_entities(brief, 15);
    if !named.is_empty() {
        writeln!(out, "<h2>Mentioned</h2><ul>")?;
        for n in &named {
            writeln!(out, "<li>{} — {} documents</li>", escape_html(&entity_label(n)), n.documents)?;
        }
        writeln!(out, "</ul>")?;
    }
    writeln!(out, "<h2>Documents</h2>")?;
    for doc in &brief.documents {
        let label = labels.of(&doc.id);
        writeln!(
            out,
            "<article id=\"doc-{}\"><h3>[{}] {}</h3><p class=\"meta\">{}</p><p>{}</p></article>",
            anchor(label),
            escape_html(label),
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
