//! Stories: which documents report one event.
//!
//! [`find_stories`] takes analyzed documents and
//! 1. marks **near-duplicates** (re-crawls, syndicated copies) with the
//!    earlier document they copy ([`duplicates`]);
//! 2. **clusters** the documents into stories incrementally, in time order
//!    ([`cluster`]), on their entities, specific words and numbers ([`terms`]);
//! 3. marks, inside each story, the **sentences copied** from an earlier
//!    report ([`passages`]), so that later stages count one wire text once.
//!
//! Each step reads every document once and compares it only with candidates
//! from an index, so time and memory grow linearly with the corpus.

pub mod cluster;
pub mod duplicates;
mod hash;
pub mod passages;
pub mod terms;

use std::collections::HashMap;

use marsad_analyze::{Document, ReusedSentence};
use serde::Serialize;

pub use cluster::{Clusterer, Settings};
pub use duplicates::NearDuplicates;

/// A story: the documents that report one event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Story {
    /// Stable for the same first document.
    pub id: String,
    pub title: Option<String>,
    /// Document ids, in input order.
    pub members: Vec<String>,
    pub period: Period,
    pub outlets: Vec<String>,
    /// The entities its documents name, by number of documents.
    pub entities: Vec<StoryEntity>,
}

/// First and last publication day of a story's documents (`YYYY-MM-DD`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Period {
    pub start: Option<String>,
    pub end: Option<String>,
}

/// An entity of a story.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoryEntity {
    pub id: String,
    pub name: String,
    pub name_en: Option<String>,
    #[serde(rename = "type")]
    pub kind: String,
    /// How many of the story's documents name it.
    pub documents: usize,
}

/// Entities listed per story.
const STORY_ENTITIES: usize = 15;

/// Groups `documents` into stories, and records on each document its story,
/// the document it is a near-duplicate of, and its copied sentences.
/// Deterministic for the same input order.
pub fn find_stories(documents: &mut [Document], settings: Settings) -> Vec<Story> {
    let days: Vec<Option<i64>> = documents.iter().map(|d| d.published_date().map(|p| p.to_days())).collect();
    // Time order; undated documents keep their input order after the dated ones.
    let mut order: Vec<usize> = (0..documents.len()).collect();
    order.sort_by_key(|&i| (days[i].unwrap_or(i64::MAX), i));

    let mut duplicates = NearDuplicates::new();
    let mut clusterer = Clusterer::new(settings);
    for (k, &i) in order.iter().enumerate() {
        let d = &documents[i];
        let copy_of = duplicates.add(&d.text);
        let entities: Vec<(&str, usize)> = d.entities.iter().map(|e| (e.id.as_str(), e.mentions.len())).collect();
        let counts = terms::Counts::of(d.title.as_deref(), &d.text, &entities);
        clusterer.add(&counts, days[i], copy_of);
        if let Some(o) = copy_of {
            documents[i].duplicate_of = Some(documents[order[o]].id.clone());
        }
        debug_assert_eq!(k + 1, clusterer.stories().map(<[usize]>::len).sum::<usize>());
    }

    let mut stories: Vec<Vec<usize>> = clusterer.stories().map(|m| m.iter().map(|&k| order[k]).collect()).collect();
    // Stories in the order of their first document in the input.
    for s in &mut stories {
        s.sort_unstable();
    }
    stories.sort_by_key(|s| s[0]);
    stories.iter().map(|members| story(documents, members, &days)).collect()
}

fn story(documents: &mut [Document], members: &[usize], days: &[Option<i64>]) -> Story {
    let id = story_id(&documents[members[0]].id);
    for &m in members {
        documents[m].story = Some(id.clone());
    }
    mark_reused(documents, members, days);
    let docs: Vec<&Document> = members.iter().map(|&m| &documents[m]).collect();
    describe(id, &docs)
}

/// The id of a story first reported by document `first`: fixed for the same
/// document, so a story keeps its id when more reports join it.
pub fn story_id(first: &str) -> String {
    format!("story-{:012x}", hash::of_str(first) & 0xffff_ffff_ffff)
}

/// The description of story `id` made of `docs`: its title (the earliest
/// report's), period, outlets and most widely named entities.
pub fn describe(id: String, docs: &[&Document]) -> Story {
    let dated: Vec<&Document> = {
        let mut v: Vec<&Document> = docs.to_vec();
        v.sort_by_key(|d| d.published_date());
        v
    };
    let title = dated
        .iter()
        .find_map(|d| d.title.clone())
        .or_else(|| docs.iter().find_map(|d| d.text.lines().find(|l| !l.trim().is_empty()).map(str::to_owned)));
    let dates: Vec<String> = docs.iter().filter_map(|d| d.published_date()).map(|d| d.to_string()).collect();
    let period = Period { start: dates.iter().min().cloned(), end: dates.iter().max().cloned() };
    let mut outlets: Vec<String> = Vec::new();
    for o in docs.iter().filter_map(|d| d.outlet.clone()) {
        if !outlets.contains(&o) {
            outlets.push(o);
        }
    }
    let mut entities: HashMap<&str, StoryEntity> = HashMap::new();
    for d in docs {
        for e in &d.entities {
            entities
                .entry(e.id.as_str())
                .or_insert_with(|| StoryEntity {
                    id: e.id.clone(),
                    name: e.name.clone(),
                    name_en: e.name_en.clone(),
                    kind: e.kind.clone(),
                    documents: 0,
                })
                .documents += 1;
        }
    }
    let mut entities: Vec<StoryEntity> = entities.into_values().collect();
    entities.sort_by(|a, b| b.documents.cmp(&a.documents).then_with(|| a.id.cmp(&b.id)));
    entities.truncate(STORY_ENTITIES);
    Story { id, title, members: docs.iter().map(|d| d.id.clone()).collect(), period, outlets, entities }
}

/// Records on each member the sentences it copies from an earlier member.
fn mark_reused(documents: &mut [Document], members: &[usize], days: &[Option<i64>]) {
    let mut in_time: Vec<usize> = members.to_vec();
    in_time.sort_by_key(|&m| (days[m].unwrap_or(i64::MAX), m));
    let byte_sentences: Vec<Vec<std::ops::Range<usize>>> =
        in_time.iter().map(|&m| documents[m].sentence_bytes()).collect();
    let input: Vec<(&str, &[std::ops::Range<usize>])> =
        in_time.iter().zip(&byte_sentences).map(|(&m, s)| (documents[m].text.as_str(), s.as_slice())).collect();
    let found = passages::reused(&input);
    for (k, reuses) in found.into_iter().enumerate() {
        let marks = reuses
            .into_iter()
            .map(|r| ReusedSentence {
                sentence: r.sentence,
                from: documents[in_time[r.from_doc]].id.clone(),
                from_sentence: r.from_sentence,
            })
            .collect();
        documents[in_time[k]].reused = marks;
    }
}
