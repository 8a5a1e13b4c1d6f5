//! From a page's text to clean articles.
//!
//! [`Cleaner::clean`] takes one [`RawArticle`], splits it into the articles
//! it carries (a page may hold a second full article after «اقرأ أيضاً»),
//! drops page furniture ([`furniture`]), keeps a repeated headline out of the
//! body, and fills title, outlet and publication date ([`metadata`]).

pub mod furniture;
pub mod lines;
pub mod metadata;
pub mod repeated;
pub mod segments;

use std::ops::Range;

use serde::Serialize;

pub use self::furniture::{Furniture, Zone};
use crate::{Origin, RawArticle};
use furniture::{classify, is_related_heading, LineContext};
use lines::{split_lines, Line};
pub use metadata::{Published, PublishedBasis};
pub use repeated::RepeatedLines;

/// A clean article: one story's text, with its metadata.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Article {
    /// The input's id, or `<id>#<n>` for the n-th article of a page that carries several.
    pub id: String,
    pub source: String,
    pub origin: Origin,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub author: Option<String>,
    pub published: Option<Published>,
    pub lang: Option<String>,
    /// The article body: one paragraph or sub-heading per line.
    pub text: String,
}

/// Cleans raw articles; holds corpus statistics when it has them.
#[derive(Debug, Default)]
pub struct Cleaner {
    repeated: Option<RepeatedLines>,
}

impl Cleaner {
    /// A cleaner that judges each document on its own.
    pub fn new() -> Self {
        Self::default()
    }

    /// A cleaner that also removes lines repeated across documents of one outlet.
    pub fn with_repeated_lines(repeated: RepeatedLines) -> Self {
        Cleaner { repeated: Some(repeated) }
    }

    /// The clean articles in `raw`: one, or several for a page that carries
    /// several; none when nothing but furniture is left, except for a JSON
    /// Lines record, which always gives its article (maybe with empty `text`).
    pub fn clean(&self, raw: &RawArticle) -> Vec<Article> {
        let lines = split_lines(&raw.text);
        let repeated = self.repeated_flags(raw, &lines);
        article_parts(raw, &lines)
            .filter_map(|(id, range, first)| clean_segment(raw, id, &lines[range.clone()], &repeated[range], first))
            .collect()
    }

    /// The verdict on every line of `raw`, in order: what [`Cleaner::clean`]
    /// keeps and what it drops, with the rule that dropped it.
    pub fn explain(&self, raw: &RawArticle) -> Vec<LineVerdict> {
        let lines = split_lines(&raw.text);
        let repeated = self.repeated_flags(raw, &lines);
        let mut out = Vec::with_capacity(lines.len());
        for (id, range, first) in article_parts(raw, &lines) {
            let judged = judge(raw, &lines[range.clone()], &repeated[range.clone()], first);
            for ((line, verdict), zone) in lines[range].iter().zip(judged.verdicts).zip(judged.zones) {
                out.push(LineVerdict { article: id.clone(), zone, verdict, text: line.text.to_owned() });
            }
        }
        out
    }

    fn repeated_flags(&self, raw: &RawArticle, lines: &[Line<'_>]) -> Vec<bool> {
        let group = repeated::outlet_group(raw);
        lines.iter().map(|l| self.repeated.as_ref().is_some_and(|r| r.is_repeated(group, &l.key))).collect()
    }
}

/// The articles a page's lines hold: id (`<id>#<n>` when there are several),
/// line range, and whether it is the first (the one page metadata belongs to).
fn article_parts(raw: &RawArticle, lines: &[Line<'_>]) -> impl Iterator<Item = (String, Range<usize>, bool)> {
    let parts = segments::split(lines);
    let many = parts.len() > 1;
    let id = raw.id.clone();
    parts.into_iter().enumerate().map(move |(n, range)| {
        let part_id = if many { format!("{id}#{}", n + 1) } else { id.clone() };
        (part_id, range, n == 0)
    })
}

/// What the cleaner decided about one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "verdict", content = "reason")]
pub enum Verdict {
    /// Article text.
    Kept,
    /// The article's headline (kept as `title`, not in the body).
    Title,
    /// A repetition of the headline.
    TitleRepeat,
    /// Page furniture, with the rule that removed it.
    Furniture(Furniture),
}

/// One line with the cleaner's verdict, for `marsad clean --explain`.
#[derive(Debug, Clone, Serialize)]
pub struct LineVerdict {
    /// The id of the article the line belongs to.
    pub article: String,
    pub zone: Zone,
    #[serde(flatten)]
    pub verdict: Verdict,
    pub text: String,
}

/// The verdicts on the lines of one article, and what they give.
struct Judged {
    zones: Vec<Zone>,
    verdicts: Vec<Verdict>,
    title: Option<String>,
    published: Option<Published>,
}

/// Judges every line of one article.
fn judge(raw: &RawArticle, lines: &[Line<'_>], repeated: &[bool], first: bool) -> Judged {
    let first_body = lines.iter().position(Line::is_body);
    let last_body = lines.iter().rposition(Line::is_body);
    let zones: Vec<Zone> = (0..lines.len())
        .map(|i| match (first_body, last_body) {
            (Some(f), _) if i < f => Zone::Head,
            (_, Some(l)) if i > l => Zone::Tail,
            (None, None) => Zone::Head,
            _ => Zone::Body,
        })
        .collect();
    let mut furniture: Vec<Option<Furniture>> = Vec::with_capacity(lines.len());
    let mut published = None;
    let mut in_related = false;
    for (i, line) in lines.iter().enumerate() {
        if is_related_heading(line) {
            in_related = true;
        } else if line.is_body() && !line.bullet {
            in_related = false;
        }
        if zones[i] != Zone::Body {
            if let Some(found) = marsad_time::parse_dateline(line.text) {
                published.get_or_insert(Published::stated(found.date, found.time));
                furniture.push(Some(Furniture::Dateline));
                continue;
            }
        }
        let cx = LineContext {
            zone: zones[i],
            in_related_block: in_related && !is_related_heading(line),
            repeated: repeated[i],
        };
        furniture.push(classify(line, &cx));
    }

    // The title: metadata first (HTML, feed, JSON Lines), else the first headline-shaped line above the text.
    let meta_title = if first { raw.title.as_deref().map(str::trim).filter(|t| !t.is_empty()) } else { None };
    let title_line = (0..lines.len())
        .take_while(|&i| zones[i] == Zone::Head)
        .find(|&i| furniture[i].is_none() && lines[i].is_headline_like());
    let title = meta_title.map(str::to_owned).or_else(|| title_line.map(|i| lines[i].text.to_owned()));
    let title_key = title.as_deref().map(lines::line_key);
    let verdicts = lines
        .iter()
        .zip(&furniture)
        .enumerate()
        .map(|(i, (line, f))| match f {
            Some(f) => Verdict::Furniture(*f),
            None if Some(i) == title_line && meta_title.is_none() => Verdict::Title,
            None if title_key.as_deref() == Some(line.key.as_str()) => Verdict::TitleRepeat,
            None => Verdict::Kept,
        })
        .collect();
    Judged { zones, verdicts, title, published }
}

/// Cleans the lines of one article.
fn clean_segment(raw: &RawArticle, id: String, lines: &[Line<'_>], repeated: &[bool], first: bool) -> Option<Article> {
    let judged = judge(raw, lines, repeated, first);
    let mut body = String::new();
    for (line, verdict) in lines.iter().zip(&judged.verdicts) {
        if *verdict == Verdict::Kept {
            if !body.is_empty() {
                body.push('\n');
            }
            body.push_str(line.text);
        }
    }
    // Nothing but furniture. A JSON Lines record declares a document even
    // when its crawl lost the body, and metadata may still give it a title;
    // a page made only of furniture holds no article.
    if body.trim().is_empty() && !(first && raw.origin == Origin::Jsonl) {
        return None;
    }
    let furniture: Vec<Option<Furniture>> =
        judged.verdicts.iter().map(|v| if let Verdict::Furniture(f) = v { Some(*f) } else { None }).collect();
    let outlet = if first { raw.outlet.clone() } else { None }.or_else(|| metadata::stated_outlet(lines, &furniture));
    let published = judged.published.or_else(|| {
        if first {
            raw.published.as_deref().and_then(Published::from_metadata)
        } else {
            None
        }
    });
    Some(Article {
        id,
        source: raw.source.clone(),
        origin: raw.origin,
        url: raw.url.clone(),
        outlet,
        title: judged.title,
        author: if first { raw.author.clone() } else { None },
        published,
        lang: raw.lang.clone(),
        text: body,
    })
}
