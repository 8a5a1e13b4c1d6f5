//! Incremental story clustering.
//!
//! Documents arrive one at a time, in time order. Each is compared with the
//! stories still open and joins the most similar one, or starts a story of
//! its own. Similarity is the cosine between the document's vector and the
//! story's centroid ([`crate::terms`]), damped by the time between the
//! document and the story's latest report: a story can absorb documents for
//! days, but a report a week later needs much more in common to join.
//!
//! Candidate stories come from an inverted index (feature → stories whose
//! centroid carries it heavily), so a document is compared with a few
//! stories, never with all of them. The result depends only on the order of
//! the input: the same input order gives the same stories.

use std::collections::HashMap;

use marsad_text::SparseVector as Vector;

use crate::terms::{Counts, DocumentFrequencies};

/// Features kept per document vector.
const DOC_FEATURES: usize = 64;
/// Features kept per story centroid.
const STORY_FEATURES: usize = 128;
/// Features of a document used to look up candidate stories, and features
/// of a story indexed for lookup.
const LOOKUP_FEATURES: usize = 20;
/// The most recent stories read from one posting list.
const MAX_POSTINGS_READ: usize = 300;
/// Candidate stories (those sharing the most lookup features) compared in full.
const CANDIDATES: usize = 24;
/// Recent members of a story a document is compared with.
const RECENT_MEMBERS: usize = 24;

/// Settings of the clusterer.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    /// Cosine similarity to the story's centroid (after time decay) a
    /// document needs to join it.
    pub join_similarity: f32,
    /// Cosine similarity to at least one of the story's recent documents a
    /// document also needs: a story grows by reports of its event, not by a
    /// chain of reports on its topic drifting from it.
    pub member_similarity: f32,
    /// Days without a new report after which a story is closed.
    pub max_gap_days: i64,
    /// Days over which the time decay falls to 1/e, after the first day.
    pub decay_days: f32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { join_similarity: 0.30, member_similarity: 0.35, max_gap_days: 7, decay_days: 4.0 }
    }
}

#[derive(Debug, Clone)]
struct Story {
    centroid: HashMap<u64, f32>,
    vector: Vector,
    members: Vec<usize>,
    /// Earliest and latest day of its reports, when known.
    first: Option<i64>,
    last: Option<i64>,
    indexed: Vec<u64>,
}

/// Clusters documents into stories as they arrive.
#[derive(Debug, Default)]
pub struct Clusterer {
    settings: Settings,
    df: DocumentFrequencies,
    stories: Vec<Story>,
    index: HashMap<u64, Vec<u32>>,
    /// Story of each document, in order of adding.
    story_of: Vec<usize>,
    /// Vector of each document, in order of adding.
    vectors: Vec<Vector>,
}

impl Clusterer {
    pub fn new(settings: Settings) -> Self {
        Clusterer { settings, ..Default::default() }
    }

    /// Adds the next document (numbered in order of adding) and returns its
    /// story. `day` is its publication day (days since 1970-01-01); `copy_of`
    /// names an earlier document it is a near-duplicate of, whose story it
    /// joins without comparison.
    pub fn add(&mut self, counts: &Counts, day: Option<i64>, copy_of: Option<usize>) -> usize {
        let doc = self.story_of.len();
        self.df.add(counts);
        let vector = self.df.vector(counts, DOC_FEATURES);
        let story = match copy_of.and_then(|o| self.story_of.get(o).copied()) {
            Some(s) => s,
            None => self.best_story(&vector, day).unwrap_or(self.stories.len()),
        };
        if story == self.stories.len() {
            self.stories.push(Story {
                centroid: HashMap::new(),
                vector: Vector::default(),
                members: Vec::new(),
                first: day,
                last: day,
                indexed: Vec::new(),
            });
        }
        self.join(story, doc, &vector, day);
        self.story_of.push(story);
        self.vectors.push(vector);
        story
    }

    /// The documents of each story, in order of the stories' first documents.
    pub fn stories(&self) -> impl Iterator<Item = &[usize]> {
        self.stories.iter().map(|s| s.members.as_slice())
    }

    fn best_story(&self, vector: &Vector, day: Option<i64>) -> Option<usize> {
        // Stories sharing the most of the document's heaviest features.
        let mut shared: HashMap<u32, u32> = HashMap::new();
        for f in vector.heaviest(LOOKUP_FEATURES) {
            let Some(postings) = self.index.get(&f) else { continue };
            for &s in postings.iter().rev().take(MAX_POSTINGS_READ) {
                *shared.entry(s).or_default() += 1;
            }
        }
        let mut candidates: Vec<(u32, u32)> = shared.into_iter().collect();
        candidates.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut best: Option<(f32, usize)> = None;
        for &(s, _) in candidates.iter().take(CANDIDATES) {
            let s = s as usize;
            let story = &self.stories[s];
            let Some(decay) = self.decay(story, day) else { continue };
            let score = vector.dot(&story.vector) * decay;
            if score < self.settings.join_similarity || best.is_some_and(|(b, bs)| score < b || score == b && bs < s) {
                continue;
            }
            let recent = story.members.iter().rev().take(RECENT_MEMBERS);
            if recent.map(|&m| vector.dot(&self.vectors[m])).any(|sim| sim >= self.settings.member_similarity) {
                best = Some((score, s));
            }
        }
        best.map(|(_, s)| s)
    }

    /// The damping of a document's similarity to `story` by time; `None`
    /// when the story is closed for it.
    fn decay(&self, story: &Story, day: Option<i64>) -> Option<f32> {
        let (Some(d), Some(first), Some(last)) = (day, story.first, story.last) else { return Some(1.0) };
        let gap = if d < first { first - d } else { (d - last).max(0) };
        if gap > self.settings.max_gap_days {
            return None;
        }
        // Reports of the next day are the story's normal follow-ups.
        Some((-((gap - 1).max(0) as f32) / self.settings.decay_days).exp())
    }

    fn join(&mut self, s: usize, doc: usize, vector: &Vector, day: Option<i64>) {
        let story = &mut self.stories[s];
        story.members.push(doc);
        if let Some(d) = day {
            story.first = Some(story.first.map_or(d, |f| f.min(d)));
            story.last = Some(story.last.map_or(d, |l| l.max(d)));
        }
        for &(f, w) in &vector.0 {
            *story.centroid.entry(f).or_default() += w;
        }
        let mut top: Vec<(u64, f32)> = story.centroid.iter().map(|(&f, &w)| (f, w)).collect();
        top.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        top.truncate(STORY_FEATURES);
        // Keep the centroid bounded: features that fell out of the top are
        // too weak to matter for this story again.
        if story.centroid.len() > 4 * STORY_FEATURES {
            story.centroid = top.iter().copied().collect();
        }
        story.vector = Vector::normalized(top);
        for f in story.vector.heaviest(LOOKUP_FEATURES) {
            if !story.indexed.contains(&f) {
                story.indexed.push(f);
                self.index.entry(f).or_default().push(s as u32);
            }
        }
    }
}
