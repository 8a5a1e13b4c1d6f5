//! The embedded store: what `marsad ingest` keeps and `marsad serve` shows.
//!
//! A store is a folder (by default `./marsad-data/`) with two parts:
//!
//! - `marsad.sqlite`: the analyzed documents (as JSON, with the columns a
//!   listing needs), the stories with their briefs, and the entities. SQLite
//!   is the source of truth: every write is a transaction, so a process
//!   killed mid-ingest leaves the documents of every committed batch and
//!   nothing half-written.
//! - `index/`: the search index (marsad-search), derived from the database.
//!   Each index commit records the last document (`seq`) it holds; opening a
//!   store indexes whatever the database holds beyond it, so an index that
//!   missed a crash catches up instead of going stale.
//!
//! Ingest runs in three steps, each of which can be interrupted and resumed:
//! 1. [`Store::add`] stores new documents without a story. A document whose
//!    normalized text is already stored is skipped (ingesting the same
//!    article twice stores it once); one with a known id and new text
//!    replaces the old version.
//! 2. [`Store::update_stories`] places the documents without a story: it
//!    finds stories among them and the stored documents of the same days,
//!    and a new document joins the stored story that most of its cluster
//!    already belongs to (stored documents never change story, so story ids
//!    stay put). Every story that gained documents is briefed again.
//! 3. [`Store::sync_index`] indexes the documents stored since the index's
//!    last commit.

mod error;
mod schema;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use marsad_analyze::Document;
use marsad_brief::StoryBrief;
use marsad_search::{SearchDocument, SearchIndex, SearchQuery, SearchResults};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use sha2::{Digest, Sha256};

pub use error::{Result, StoreError};

/// The store folder used when none is named.
pub const DEFAULT_DIR: &str = "marsad-data";

/// The database file in the store folder.
const DATABASE: &str = "marsad.sqlite";

/// Documents written per transaction while adding: a crash loses at most
/// the batch in flight.
const ADD_BATCH: usize = 1000;
/// Documents indexed per search-index commit.
const INDEX_BATCH: usize = 5000;

/// An open store.
pub struct Store {
    dir: PathBuf,
    db: Connection,
    index: SearchIndex,
}

/// What [`Store::add`] did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Added {
    /// Documents stored for the first time.
    pub new: usize,
    /// Documents whose id was stored with other text, replaced.
    pub replaced: usize,
    /// Documents whose text was already stored, skipped.
    pub unchanged: usize,
}

/// What [`Store::update_stories`] did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct StoriesUpdated {
    /// Documents placed in a story.
    pub placed: usize,
    /// Stories created or grown, and briefed again.
    pub briefed: usize,
}

/// A story as listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoryRow {
    pub id: String,
    pub title: Option<String>,
    pub start: Option<String>,
    pub end: Option<String>,
    pub documents: usize,
    pub outlets: Vec<String>,
}

/// An entity as listed, with how many stored documents name it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntityRow {
    pub id: String,
    pub name: String,
    pub name_en: Option<String>,
    #[serde(rename = "type")]
    pub kind: String,
    pub documents: usize,
    pub mentions: usize,
}

/// How much a store holds.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub documents: usize,
    pub stories: usize,
    pub entities: usize,
    /// Documents not yet placed in a story (an interrupted ingest).
    pub pending: usize,
}

impl Store {
    /// Opens the store in `dir`, creating it when absent, and finishes what
    /// an interrupted ingest left: documents without a story are placed, and
    /// the search index catches up with the database.
    pub fn open(dir: impl AsRef<Path>) -> Result<Store> {
        let mut store = Store::open_without_recovery(dir)?;
        if store.counts()?.pending > 0 {
            store.update_stories()?;
        }
        store.sync_index()?;
        Ok(store)
    }

    /// Opens the store for reading only what is committed: no recovery, no
    /// index writer (a server beside a running ingest).
    pub fn open_without_recovery(dir: impl AsRef<Path>) -> Result<Store> {
        let dir = dir.as_ref().to_path_buf();
        std::fs::create_dir_all(&dir).map_err(|source| StoreError::Folder { path: dir.clone(), source })?;
        let path = dir.join(DATABASE);
        let db = Connection::open(&path).map_err(|source| StoreError::Database { path: path.clone(), source })?;
        schema::prepare(&db, &path)?;
        let index = SearchIndex::open_or_create(&dir.join("index"))?;
        Ok(Store { dir, db, index })
    }

    /// The store's folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn db_error(&self, source: rusqlite::Error) -> StoreError {
        StoreError::Database { path: self.dir.join(DATABASE), source }
    }

    /// Runs all three ingest steps for `documents`.
    pub fn ingest(&mut self, documents: Vec<Document>) -> Result<(Added, StoriesUpdated)> {
        let added = self.add(documents)?;
        let placed = self.update_stories()?;
        self.sync_index()?;
        Ok((added, placed))
    }

    /// Stores `documents` without a story, in batches of one transaction each.
    pub fn add(&mut self, documents: Vec<Document>) -> Result<Added> {
        let path = self.dir.join(DATABASE);
        let db_err = |source| StoreError::Database { path: path.clone(), source };
        let mut added = Added::default();
        let mut documents = documents.into_iter().peekable();
        while documents.peek().is_some() {
            let batch: Vec<Document> = documents.by_ref().take(ADD_BATCH).collect();
            let tx = self.db.transaction().map_err(db_err)?;
            for mut doc in batch {
                let hash = content_hash(&doc.text);
                let known: bool = tx
                    .query_row("SELECT 1 FROM documents WHERE content_hash = ?1", [&hash], |_| Ok(true))
                    .optional()
                    .map_err(db_err)?
                    .is_some();
                if known {
                    added.unchanged += 1;
                    continue;
                }
                let old: Option<String> = tx
                    .query_row("SELECT json FROM documents WHERE id = ?1", [&doc.id], |r| r.get(0))
                    .optional()
                    .map_err(db_err)?;
                if let Some(old) = old {
                    let old: Document = serde_json::from_str(&old)
                        .map_err(|source| StoreError::Corrupt { id: doc.id.clone(), source })?;
                    schema::count_entities(&tx, &old, -1).map_err(db_err)?;
                    tx.execute("DELETE FROM documents WHERE id = ?1", [&doc.id]).map_err(db_err)?;
                    added.replaced += 1;
                } else {
                    added.new += 1;
                }
                doc.story = None;
                let json =
                    serde_json::to_string(&doc).map_err(|source| StoreError::Corrupt { id: doc.id.clone(), source })?;
                tx.execute(
                    "INSERT INTO documents (id, content_hash, outlet, title, published, story, json) \
                     VALUES (?1, ?2, ?3, ?4, ?5, NULL, ?6)",
                    params![doc.id, hash, doc.outlet, doc.title, doc.published, json],
                )
                .map_err(db_err)?;
                schema::count_entities(&tx, &doc, 1).map_err(db_err)?;
            }
            tx.commit().map_err(db_err)?;
        }
        Ok(added)
    }

    /// Places the documents that have no story yet (see the module docs).
    pub fn update_stories(&mut self) -> Result<StoriesUpdated> {
        let pending = self.load("WHERE story IS NULL", [])?;
        if pending.is_empty() {
            return Ok(StoriesUpdated::default());
        }
        // The stored documents of the same days (a story spans at most the
        // clusterer's gap on either side), with every story they are in.
        let gap = marsad_stories::Settings::default().max_gap_days;
        let days: Vec<i64> = pending.iter().filter_map(|(_, d)| d.published_date()).map(|d| d.to_days()).collect();
        let mut stored: Vec<(i64, Document)> = Vec::new();
        if let (Some(first), Some(last)) = (days.iter().min(), days.iter().max()) {
            let from = marsad_time::CivilDate::from_days(first - gap).to_string();
            let to = marsad_time::CivilDate::from_days(last + gap).to_string() + "\u{10ffff}";
            stored = self.load(
                "WHERE story IN (SELECT DISTINCT story FROM documents WHERE story IS NOT NULL \
                 AND published >= ?1 AND published <= ?2)",
                [from, to],
            )?;
        }
        let stored_story: Vec<Option<String>> = stored.iter().map(|(_, d)| d.story.clone()).collect();
        let new_from = stored.len();
        let seqs: Vec<i64> = stored.iter().chain(&pending).map(|(s, _)| *s).collect();
        let mut docs: Vec<Document> = stored.into_iter().chain(pending).map(|(_, d)| d).collect();
        let clusters = marsad_stories::find_stories(&mut docs, marsad_stories::Settings::default());

        // Each cluster's story: the stored one most of its stored members are in.
        let index_of: HashMap<&str, usize> = docs.iter().enumerate().map(|(i, d)| (d.id.as_str(), i)).collect();
        let mut story_of: Vec<Option<String>> = stored_story;
        story_of.resize(docs.len(), None);
        let mut grown: HashSet<String> = HashSet::new();
        for cluster in &clusters {
            let members: Vec<usize> =
                cluster.members.iter().filter_map(|m| index_of.get(m.as_str()).copied()).collect();
            let mut votes: HashMap<&str, usize> = HashMap::new();
            for &m in members.iter().filter(|&&m| m < new_from) {
                if let Some(s) = story_of[m].as_deref() {
                    *votes.entry(s).or_default() += 1;
                }
            }
            let chosen = votes
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
                .map_or_else(|| cluster.id.clone(), |(s, _)| s.to_owned());
            for &m in members.iter().filter(|&&m| m >= new_from) {
                story_of[m] = Some(chosen.clone());
                grown.insert(chosen.clone());
            }
        }
        // Brief every grown story with all its members.
        let all: Vec<&Document> = docs.iter().collect();
        let tensions = marsad_brief::tensions::tensions(&all);
        let mut members_of: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, s) in story_of.iter().enumerate() {
            if let Some(s) = s.as_deref().filter(|s| grown.contains(*s)) {
                members_of.entry(s).or_default().push(i);
            }
        }
        for (i, d) in docs.iter_mut().enumerate() {
            d.story.clone_from(&story_of[i]);
        }
        let briefs: Vec<StoryBrief> = members_of
            .iter()
            .map(|(id, members)| {
                let members: Vec<&Document> = members.iter().map(|&m| &docs[m]).collect();
                let story = marsad_stories::describe((*id).to_owned(), &members);
                StoryBrief::new(story, &members, &tensions)
            })
            .collect();

        let path = self.dir.join(DATABASE);
        let db_err = |source| StoreError::Database { path: path.clone(), source };
        let tx = self.db.transaction().map_err(db_err)?;
        for (i, d) in docs.iter().enumerate().skip(new_from) {
            let json = serde_json::to_string(d).map_err(|source| StoreError::Corrupt { id: d.id.clone(), source })?;
            tx.execute("UPDATE documents SET story = ?1, json = ?2 WHERE seq = ?3", params![d.story, json, seqs[i]])
                .map_err(db_err)?;
        }
        for brief in &briefs {
            let s = &brief.story;
            let json =
                serde_json::to_string(brief).map_err(|source| StoreError::Corrupt { id: s.id.clone(), source })?;
            let outlets =
                serde_json::to_string(&s.outlets).map_err(|source| StoreError::Corrupt { id: s.id.clone(), source })?;
            tx.execute(
                "INSERT OR REPLACE INTO stories (id, title, start, end, documents, outlets, brief) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![s.id, s.title, s.period.start, s.period.end, s.members.len() as i64, outlets, json],
            )
            .map_err(db_err)?;
        }
        tx.commit().map_err(db_err)?;
        Ok(StoriesUpdated { placed: docs.len() - new_from, briefed: briefs.len() })
    }

    /// Indexes the documents stored since the search index's last commit.
    /// Returns how many.
    pub fn sync_index(&mut self) -> Result<usize> {
        let watermark: i64 = self.index.committed_payload()?.and_then(|p| p.parse().ok()).unwrap_or(0);
        let mut writer = None;
        let mut done = 0;
        let mut last = watermark;
        loop {
            let batch =
                self.load("WHERE seq > ?1 AND story IS NOT NULL ORDER BY seq LIMIT ?2", [last, INDEX_BATCH as i64])?;
            let Some(&(end, _)) = batch.last() else { break };
            let w = match writer.as_mut() {
                Some(w) => w,
                None => writer.insert(self.index.writer()?),
            };
            for (_, doc) in &batch {
                w.upsert(&SearchDocument::from(doc))?;
            }
            w.commit(&end.to_string())?;
            done += batch.len();
            last = end;
        }
        if done > 0 {
            self.index.reload()?;
        }
        Ok(done)
    }

    /// Documents matching a `WHERE` clause, with their `seq`.
    fn load<P: rusqlite::Params>(&self, clause: &str, params: P) -> Result<Vec<(i64, Document)>> {
        let mut statement =
            self.db.prepare(&format!("SELECT seq, id, json FROM documents {clause}")).map_err(|e| self.db_error(e))?;
        let rows = statement
            .query_map(params, |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?)))
            .map_err(|e| self.db_error(e))?;
        let mut out = Vec::new();
        for row in rows {
            let (seq, id, json) = row.map_err(|e| self.db_error(e))?;
            let doc = serde_json::from_str(&json).map_err(|source| StoreError::Corrupt { id, source })?;
            out.push((seq, doc));
        }
        Ok(out)
    }

    /// How much the store holds.
    pub fn counts(&self) -> Result<Counts> {
        let count = |sql: &str| -> Result<usize> {
            self.db.query_row(sql, [], |r| r.get::<_, i64>(0)).map(|n| n as usize).map_err(|e| self.db_error(e))
        };
        Ok(Counts {
            documents: count("SELECT COUNT(*) FROM documents")?,
            stories: count("SELECT COUNT(*) FROM stories")?,
            entities: count("SELECT COUNT(*) FROM entities WHERE documents > 0")?,
            pending: count("SELECT COUNT(*) FROM documents WHERE story IS NULL")?,
        })
    }

    /// Stories, most recent first, then biggest.
    pub fn stories(&self, limit: usize, offset: usize) -> Result<Vec<StoryRow>> {
        let mut statement = self
            .db
            .prepare(
                "SELECT id, title, start, end, documents, outlets FROM stories \
                 ORDER BY end DESC, documents DESC, id LIMIT ?1 OFFSET ?2",
            )
            .map_err(|e| self.db_error(e))?;
        let rows = statement
            .query_map(params![limit as i64, offset as i64], |r| {
                let outlets: String = r.get(5)?;
                Ok(StoryRow {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    start: r.get(2)?,
                    end: r.get(3)?,
                    documents: r.get::<_, i64>(4)? as usize,
                    outlets: serde_json::from_str(&outlets).unwrap_or_default(),
                })
            })
            .map_err(|e| self.db_error(e))?;
        rows.collect::<rusqlite::Result<Vec<_>>>().map_err(|e| self.db_error(e))
    }

    /// A story's brief as JSON (the `stories[]` element of `marsad brief --format json`).
    pub fn story_json(&self, id: &str) -> Result<Option<String>> {
        self.db
            .query_row("SELECT brief FROM stories WHERE id = ?1", [id], |r| r.get(0))
            .optional()
            .map_err(|e| self.db_error(e))
    }

    /// A document as JSON (as `marsad analyze` prints it).
    pub fn document_json(&self, id: &str) -> Result<Option<String>> {
        self.db
            .query_row("SELECT json FROM documents WHERE id = ?1", [id], |r| r.get(0))
            .optional()
            .map_err(|e| self.db_error(e))
    }

    /// A document.
    pub fn document(&self, id: &str) -> Result<Option<Document>> {
        match self.document_json(id)? {
            Some(json) => serde_json::from_str(&json)
                .map(Some)
                .map_err(|source| StoreError::Corrupt { id: id.to_owned(), source }),
            None => Ok(None),
        }
    }

    /// Entities named in stored documents, most widely named first.
    pub fn entities(&self, limit: usize, offset: usize) -> Result<Vec<EntityRow>> {
        let mut statement = self
            .db
            .prepare(
                "SELECT id, name, name_en, type, documents, mentions FROM entities WHERE documents > 0 \
                 ORDER BY documents DESC, id LIMIT ?1 OFFSET ?2",
            )
            .map_err(|e| self.db_error(e))?;
        let rows = statement
            .query_map(params![limit as i64, offset as i64], |r| {
                Ok(EntityRow {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    name_en: r.get(2)?,
                    kind: r.get(3)?,
                    documents: r.get::<_, i64>(4)? as usize,
                    mentions: r.get::<_, i64>(5)? as usize,
                })
            })
            .map_err(|e| self.db_error(e))?;
        rows.collect::<rusqlite::Result<Vec<_>>>().map_err(|e| self.db_error(e))
    }

    /// Searches the stored documents.
    pub fn search(&self, query: &SearchQuery) -> Result<SearchResults> {
        Ok(self.index.search(query)?)
    }
}

/// The key under which a text is stored once: a hash of its matching
/// normalization, so a re-encoded or re-spaced copy is the same article.
fn content_hash(text: &str) -> String {
    let normalized = marsad_text::normalize_str(text);
    let words: Vec<&str> = normalized.split_whitespace().collect();
    let digest = Sha256::digest(words.join(" ").as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests;
