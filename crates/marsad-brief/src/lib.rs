//! The brief: what marsad shows a reader about a pile of articles.
//!
//! A [`Brief`] holds the analyzed documents and the stories found in them;
//! [`render`] writes it as right-to-left terminal text, Markdown, a
//! standalone HTML page, JSON or JSON Lines.

pub mod render;

use marsad_analyze::Document;
use serde::Serialize;

/// Everything a brief shows.
#[derive(Debug, Default, Serialize)]
pub struct Brief {
    pub documents: Vec<Document>,
    /// Stories: groups of documents about one event. Empty until story
    /// clustering runs on the documents.
    pub stories: Vec<serde_json::Value>,
}

impl Brief {
    pub fn new(documents: Vec<Document>) -> Self {
        Brief { documents, stories: Vec::new() }
    }
}
