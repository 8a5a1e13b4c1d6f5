//! Lines that many documents of one outlet share.
//!
//! A page template prints the same footer, byline prefix or SMS notice under
//! every article of a site («للتواصل مع الكاتب ارسل رسالة SMS»). No single
//! document shows that such a line is furniture; a corpus does. This counts,
//! per outlet, in how many documents each line occurs.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

use super::lines::{is_blank, line_key};
use crate::RawArticle;

/// Lines longer than this many bytes are never counted: long lines are text.
const MAX_LINE_BYTES: usize = 400;

/// Per-outlet document frequency of lines.
#[derive(Debug, Default, Clone)]
pub struct RepeatedLines {
    /// (outlet hash, line-key hash) → number of documents.
    counts: HashMap<(u64, u64), u32>,
    /// outlet hash → number of documents.
    documents: HashMap<u64, u32>,
}

fn hash<T: Hash + ?Sized>(x: &T) -> u64 {
    let mut h = DefaultHasher::new();
    x.hash(&mut h);
    h.finish()
}

/// The group a document's template is shared in: its outlet when known, else
/// the folder it came from.
pub fn outlet_group(article: &RawArticle) -> u64 {
    match &article.outlet {
        Some(outlet) => hash(outlet.as_str()),
        None => {
            let source = article.source.rsplit_once(['/', '\\']).map_or("", |(dir, _)| dir);
            hash(source)
        }
    }
}

impl RepeatedLines {
    pub fn new() -> Self {
        Self::default()
    }

    /// Counts the lines of one document.
    pub fn add(&mut self, article: &RawArticle) {
        let group = outlet_group(article);
        *self.documents.entry(group).or_default() += 1;
        let mut seen: Vec<u64> = article
            .text
            .split('\n')
            .map(|l| l.trim_matches(is_blank))
            .filter(|l| !l.is_empty() && l.len() <= MAX_LINE_BYTES)
            .map(line_key)
            .filter(|k| !k.is_empty())
            .map(|k| hash(&k))
            .collect();
        seen.sort_unstable();
        seen.dedup();
        for line in seen {
            *self.counts.entry((group, line)).or_default() += 1;
        }
    }

    /// Builds the counts over many documents.
    pub fn from_articles<'a>(articles: impl IntoIterator<Item = &'a RawArticle>) -> Self {
        let mut stats = Self::new();
        for a in articles {
            stats.add(a);
        }
        stats
    }

    /// Whether a line (by its key) is template text for this outlet group: it
    /// occurs in at least 3 documents and in at least 1 % of the group's
    /// documents, so that a quotation two papers share is not taken for a footer.
    pub fn is_repeated(&self, group: u64, key: &str) -> bool {
        let docs = self.documents.get(&group).copied().unwrap_or(0);
        let n = self.counts.get(&(group, hash(key))).copied().unwrap_or(0);
        n >= 3 && n * 100 >= docs
    }
}
