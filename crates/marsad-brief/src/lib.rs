//! The brief: what marsad shows a reader about a pile of articles.
//!
//! A [`Brief`] holds the analyzed documents and the stories found in them;
//! [`render`] writes it as right-to-left terminal text, Markdown, a
//! standalone HTML page, JSON or JSON Lines.

pub mod quotes;
pub mod render;
pub mod timeline;

use marsad_analyze::Document;
use marsad_stories::{Settings, Story};
use serde::Serialize;

pub use quotes::StoryQuote;
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
}

impl Brief {
    /// Finds the stories of `documents` and briefs each.
    pub fn new(mut documents: Vec<Document>) -> Self {
        let stories = marsad_stories::find_stories(&mut documents, Settings::default());
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
                StoryBrief { quotes: quotes::story_quotes(&members), timeline: timeline::timeline(&members), story }
            })
            .collect();
        Brief { documents, stories }
    }
}
