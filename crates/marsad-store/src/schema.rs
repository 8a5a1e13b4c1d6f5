//! The database schema, and the one place that counts entities.

use std::path::Path;

use marsad_analyze::Document;
use rusqlite::{params, Connection, Transaction};

use crate::error::{Result, StoreError};

/// The schema version this build writes and reads.
const SCHEMA_VERSION: i64 = 1;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- seq orders documents by when they were stored; AUTOINCREMENT never reuses
-- one, so the search index's last seq marks exactly what it holds.
CREATE TABLE IF NOT EXISTS documents (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL UNIQUE,
    outlet TEXT,
    title TEXT,
    published TEXT,
    story TEXT,
    json TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_story ON documents (story);
CREATE INDEX IF NOT EXISTS documents_published ON documents (published);
CREATE TABLE IF NOT EXISTS stories (
    id TEXT PRIMARY KEY,
    title TEXT,
    start TEXT,
    end TEXT,
    documents INTEGER NOT NULL,
    outlets TEXT NOT NULL,
    brief TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS stories_recent ON stories (end DESC, documents DESC);
CREATE TABLE IF NOT EXISTS entities (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    name_en TEXT,
    type TEXT NOT NULL,
    documents INTEGER NOT NULL,
    mentions INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS entities_documents ON entities (documents DESC);
";

/// Sets the connection up (write-ahead log, full sync: a commit is on disk
/// when it returns) and creates or checks the schema.
pub(crate) fn prepare(db: &Connection, path: &Path) -> Result<()> {
    let db_err = |source| StoreError::Database { path: path.to_path_buf(), source };
    db.busy_timeout(std::time::Duration::from_secs(10)).map_err(db_err)?;
    db.pragma_update(None, "journal_mode", "WAL").map_err(db_err)?;
    db.pragma_update(None, "synchronous", "FULL").map_err(db_err)?;
    db.execute_batch(SCHEMA).map_err(db_err)?;
    let found: Option<i64> = db
        .query_row("SELECT value FROM meta WHERE key = 'schema'", [], |r| r.get::<_, String>(0))
        .map(|v| v.parse().ok())
        .or_else(|e| if e == rusqlite::Error::QueryReturnedNoRows { Ok(None) } else { Err(e) })
        .map_err(db_err)?;
    match found {
        Some(found) if found > SCHEMA_VERSION => {
            Err(StoreError::Schema { path: path.to_path_buf(), found, supported: SCHEMA_VERSION })
        }
        Some(_) => Ok(()),
        None => db
            .execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema', ?1)", [SCHEMA_VERSION.to_string()])
            .map(|_| ())
            .map_err(db_err),
    }
}

/// Adds (`sign` 1) or removes (-1) a document's entities to the counts.
pub(crate) fn count_entities(tx: &Transaction<'_>, doc: &Document, sign: i64) -> rusqlite::Result<()> {
    for e in &doc.entities {
        tx.execute(
            "INSERT INTO entities (id, name, name_en, type, documents, mentions) VALUES (?1, ?2, ?3, ?4, ?5, ?6) \
             ON CONFLICT (id) DO UPDATE SET documents = documents + ?5, mentions = mentions + ?6",
            params![e.id, e.name, e.name_en, e.kind, sign, sign * e.mentions.len() as i64],
        )?;
    }
    Ok(())
}
