//! Who said what in a story: one entry per utterance, with every document
//! that reports it.

use marsad_analyze::{Document, Speaker};
use marsad_quotes::Utterance;
use serde::Serialize;

/// One utterance of a story.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoryQuote {
    pub speaker: Speaker,
    /// The fullest wording: the longest direct quote, else the longest report.
    pub text: String,
    /// `direct` when some outlet quotes the words themselves.
    pub kind: &'static str,
    /// Documents that carry it, in story order.
    pub sources: Vec<String>,
    /// Each document's wording.
    pub variants: Vec<Variant>,
}

/// One document's wording of an utterance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Variant {
    pub doc: String,
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// The utterances reported by `docs`, most widely reported first. Only
/// speech and written statements count: source lines («بحسب رويترز») and
/// beliefs are not someone's words.
pub fn story_quotes(docs: &[&Document]) -> Vec<StoryQuote> {
    let quotes: Vec<(&Document, &marsad_analyze::Quote)> = docs
        .iter()
        .flat_map(|d| d.quotes.iter().map(move |q| (*d, q)))
        .filter(|(_, q)| {
            matches!(q.attribution, marsad_quotes::Attribution::Speech | marsad_quotes::Attribution::Written)
        })
        .collect();
    let items: Vec<Utterance<'_>> =
        quotes.iter().map(|(_, q)| Utterance { speaker: q.speaker.entity.as_deref(), text: &q.text }).collect();
    let mut out: Vec<StoryQuote> = marsad_quotes::group(&items)
        .into_iter()
        .map(|members| {
            let variants: Vec<Variant> = members
                .iter()
                .map(|&i| {
                    let (d, q) = quotes[i];
                    Variant { doc: d.id.clone(), text: q.text.clone(), start: q.start, end: q.end }
                })
                .collect();
            let mut sources: Vec<String> = Vec::new();
            for v in &variants {
                if !sources.contains(&v.doc) {
                    sources.push(v.doc.clone());
                }
            }
            let best = members
                .iter()
                .copied()
                .max_by_key(|&i| {
                    (quotes[i].1.kind == marsad_quotes::Kind::Direct, quotes[i].1.text.chars().count(), usize::MAX - i)
                })
                .unwrap_or(members[0]);
            // The speaker as named best: a resolved entity, else the longest words.
            let speaker = members
                .iter()
                .map(|&i| &quotes[i].1.speaker)
                .max_by_key(|s| (s.entity.is_some(), s.text.chars().count()))
                .cloned()
                .unwrap_or(Speaker { entity: None, text: String::new() });
            let kind = if members.iter().any(|&i| quotes[i].1.kind == marsad_quotes::Kind::Direct) {
                "direct"
            } else {
                "indirect"
            };
            StoryQuote { speaker, text: quotes[best].1.text.clone(), kind, sources, variants }
        })
        .collect();
    out.sort_by_key(|q| std::cmp::Reverse(q.sources.len()));
    out
}
