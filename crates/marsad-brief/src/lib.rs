//! The brief: what marsad shows a reader about a pile of articles.
//!
//! A [`Brief`] holds the analyzed documents and the stories found in them;
//! [`render`] writes it as right-to-left terminal text, Markdown, a
//! standalone HTML page, JSON or JSON Lines.

pub mod facts;
pub mod quotes;
pub mod render;
pub mod summary;
pub mod tensions;
pub mod timeline;
mod wires;

use marsad_analyze::Document;
use marsad_stories::{Settings, Story};
use serde::Serialize;

pub use facts::Fact;
pub use quotes::StoryQuote;
pub use tensions::Tension;
pub use timeline::TimelineEntry;

/// Everything a brief shows.
#[derive(Debug, Default, Serialize)]
pub struct Brief {
    pub documents: Vec<Document>,
    pub stories: Vec<StoryBrief>,
}

/// A story and what its documents say.
#[derive(Debug, Clone, Serialize)]
pub struct StoryBrief {
    #[serde(flatten)]
    pub story: Story,
    /// Who said what, one entry per utterance.
    pub quotes: Vec<StoryQuote>,
    /// Dated events, sorted.
    pub timeline: Vec<TimelineEntry>,
    /// Claims with the independent sources that support them.
    pub facts: Vec<Fact>,
    /// Conflicting or updated statements that involve the story (the other
    /// side may be in another story).
    pub tensions: Vec<Tension>,
    /// 3–7 sentences, each cited to the documents that report it.
    pub summary: Vec<SummarySentence>,
}

/// A sentence of a story's summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SummarySentence {
    pub text: String,
    pub sources: Vec<String>,
}

/// Summary length: two sentences more than the story has documents, within 3–7.
fn summary_length(documents: usize) -> usize {
    (documents + 2).clamp(3, 7)
}

impl Brief {
    /// Finds the stories of `documents` and briefs each.
    pub fn new(mut documents: Vec<Document>) -> Self {
        let stories = marsad_stories::find_stories(&mut documents, Settings::default());
        let all: Vec<&Document> = documents.iter().collect();
        let tensions = tensions::tensions(&all);
        let mut by_story: std::collections::HashMap<&str, Vec<&Document>> = std::collections::HashMap::new();
        for d in &documents {
            if let Some(s) = d.story.as_deref() {
                by_story.entry(s).or_default().push(d);
            }
        }
        let stories = stories
            .into_iter()
            .map(|story| {
                let members = by_story.get(story.id.as_str()).cloned().unwrap_or_default();
                StoryBrief::new(story, &members, &tensions)
            })
            .collect();
        Brief { documents, stories }
    }
}

impl StoryBrief {
    /// The brief of `story`, made of its `members`; `tensions` are those
    /// found among all documents at hand (the other side of one may be in
    /// another story), of which the story keeps those it takes part in.
    pub fn new(story: Story, members: &[&Document], tensions: &[Tension]) -> Self {
        let quotes = quotes::story_quotes(members);
        let facts = facts::facts(members, &quotes);
        let summary = summarize(members, &facts);
        let tensions =
            tensions.iter().filter(|t| t.statements.iter().any(|s| story.members.contains(&s.doc))).cloned().collect();
        StoryBrief { quotes, timeline: timeline::timeline(members), facts, tensions, summary, story }
    }
}

/// The summary of a story: its sentences, weighted by how many documents
/// report what they say (the facts their clauses belong to), picked for
/// centrality and coverage, each cited to those documents.
fn summarize(members: &[&Document], facts: &[Fact]) -> Vec<SummarySentence> {
    // The first of the widest-reported facts wins a slot.
    fn keep_widest<'f, K: std::hash::Hash + Eq>(
        slots: &mut std::collections::HashMap<K, &'f Fact>,
        key: K,
        fact: &'f Fact,
    ) {
        let slot = slots.entry(key).or_insert(fact);
        if fact.sources.len() > slot.sources.len() {
            *slot = fact;
        }
    }
    // A clause may support several facts: keep the widest-reported.
    let mut fact_of: std::collections::HashMap<(&str, &str), &Fact> = std::collections::HashMap::new();
    for f in facts {
        for e in &f.evidence {
            keep_widest(&mut fact_of, (e.doc.as_str(), e.text.as_str()), f);
        }
    }
    // The widest-reported fact among each sentence's clauses.
    let mut support: std::collections::HashMap<(usize, usize), &Fact> = std::collections::HashMap::new();
    for c in facts::clauses(members) {
        if let Some(&f) = fact_of.get(&(members[c.doc].id.as_str(), c.text)) {
            keep_widest(&mut support, (c.doc, c.sentence), f);
        }
    }
    let mut sentences: Vec<(usize, usize, &str)> = Vec::new();
    for (d, doc) in members.iter().enumerate() {
        for (s, r) in doc.sentence_bytes().into_iter().enumerate() {
            sentences.push((d, s, doc.text[r].trim()));
        }
    }
    let candidates: Vec<summary::Candidate<'_>> = sentences
        .iter()
        .map(|&(d, s, text)| summary::Candidate {
            text,
            position: s,
            support: support.get(&(d, s)).map_or(1, |f| f.sources.len()),
        })
        .collect();
    let mut picked = summary::summarize(&candidates, summary_length(members.len()));
    // Read in story order: earlier documents and sentences first.
    picked.sort_unstable_by_key(|&i| (sentences[i].0, sentences[i].1));
    picked
        .into_iter()
        .map(|i| {
            let (d, s, text) = sentences[i];
            let sources = match support.get(&(d, s)) {
                Some(f) => f.sources.clone(),
                None => vec![members[d].id.clone()],
            };
            SummarySentence { text: text.to_owned(), sources }
        })
        .collect()
}
