//! The index on disk (or in memory), its writer and its searches.

use std::path::Path;

use serde::Serialize;
use tantivy::collector::{Count, TopDocs};
use tantivy::directory::MmapDirectory;
use tantivy::schema::Value;
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

use crate::analyzer::{Analysis, ArabicTokenizer, EXACT_TOKENIZER, STEM_TOKENIZER};
use crate::document::SearchDocument;
use crate::error::{Result, SearchError};
use crate::query::{compile, SearchQuery, MAX_LIMIT, MAX_OFFSET};
use crate::schema::Fields;
use crate::snippet::{make_snippet, Snippet};

/// Memory the writer may fill before it flushes a segment, shared by its threads.
const WRITER_MEMORY_BYTES: usize = 96 * 1024 * 1024;

/// A search index. Cheap to share across threads: searches take `&self` and
/// see the last commit (of this process's writer, or after [`SearchIndex::reload`]).
pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    fields: Fields,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex").field("num_docs", &self.num_docs()).finish()
    }
}

impl SearchIndex {
    /// Opens the index in `dir`, creating the directory and an empty index if needed.
    ///
    /// Fails with [`SearchError::Open`] when `dir` holds an index with another
    /// schema (one written by an incompatible version of this crate).
    pub fn open_or_create(dir: &Path) -> Result<Self> {
        std::fs::create_dir_all(dir).map_err(|source| SearchError::CreateDir { path: dir.to_owned(), source })?;
        let open = || {
            let directory = MmapDirectory::open(dir)?;
            Index::open_or_create(directory, Fields::schema())
        };
        let index = open().map_err(|source| SearchError::Open { path: dir.to_owned(), source })?;
        Self::with_index(index)
    }

    /// An empty index in memory, for tests and one-off searches.
    pub fn in_memory() -> Result<Self> {
        Self::with_index(Index::create_in_ram(Fields::schema()))
    }

    fn with_index(index: Index) -> Result<Self> {
        // Tokenizers are code, not data: they must be registered on every open.
        index.tokenizers().register(STEM_TOKENIZER, ArabicTokenizer::new(Analysis::Stem));
        index.tokenizers().register(EXACT_TOKENIZER, ArabicTokenizer::new(Analysis::Exact));
        let fields = Fields::from_schema(&index.schema())?;
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
        Ok(SearchIndex { index, reader, fields })
    }

    /// The index's writer. Only one may exist at a time for an index
    /// directory, across processes (a lock file enforces it).
    pub fn writer(&self) -> Result<SearchWriter> {
        let writer = self.index.writer(WRITER_MEMORY_BYTES)?;
        Ok(SearchWriter { writer, reader: self.reader.clone(), fields: self.fields })
    }

    /// Number of documents searches see.
    pub fn num_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// The payload of the last commit ([`SearchWriter::commit`]), if any.
    pub fn committed_payload(&self) -> Result<Option<String>> {
        Ok(self.index.load_metas()?.payload)
    }

    /// Makes searches see commits made since the last reload (by another
    /// process; this process's [`SearchWriter::commit`] reloads by itself).
    pub fn reload(&self) -> Result<()> {
        Ok(self.reader.reload()?)
    }

    /// Runs a search. See [`SearchQuery`] and the [`crate::query`] docs for what it matches.
    pub fn search(&self, query: &SearchQuery) -> Result<SearchResults> {
        let searcher = self.reader.searcher();
        let compiled = compile(query, &self.fields, &searcher)?;
        let limit = query.limit.min(MAX_LIMIT);
        let (total, top) = if limit == 0 {
            (searcher.search(&compiled.query, &Count)?, Vec::new())
        } else {
            let top = TopDocs::with_limit(limit).and_offset(query.offset.min(MAX_OFFSET)).order_by_score();
            searcher.search(&compiled.query, &(Count, top))?
        };
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top {
            let doc: TantivyDocument = searcher.doc(address)?;
            let get = |field| doc.get_first(field).and_then(|v| v.as_str()).map(str::to_owned);
            let text = get(self.fields.text).unwrap_or_default();
            hits.push(Hit {
                id: get(self.fields.id).unwrap_or_default(),
                title: get(self.fields.title).unwrap_or_default(),
                outlet: get(self.fields.outlet).unwrap_or_default(),
                published: get(self.fields.published),
                story: get(self.fields.story),
                score,
                snippet: make_snippet(&text, &compiled.stems, &compiled.names),
            });
        }
        Ok(SearchResults { total, hits })
    }
}

/// Adds, replaces and deletes documents; changes are seen by searches after [`SearchWriter::commit`].
pub struct SearchWriter {
    writer: IndexWriter,
    reader: IndexReader,
    fields: Fields,
}

impl std::fmt::Debug for SearchWriter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchWriter").finish_non_exhaustive()
    }
}

impl SearchWriter {
    /// Adds `doc`, replacing any document with the same id (also one added
    /// earlier in this same batch).
    pub fn upsert(&self, doc: &SearchDocument) -> Result<()> {
        let indexed = doc.to_tantivy(&self.fields)?;
        self.writer.delete_term(Term::from_field_text(self.fields.id, &doc.id));
        self.writer.add_document(indexed)?;
        Ok(())
    }

    /// Deletes the document with this id, if there is one.
    pub fn delete(&self, id: &str) {
        self.writer.delete_term(Term::from_field_text(self.fields.id, id));
    }

    /// Makes every change since the last commit durable and visible, and
    /// records `payload` with them — the caller's watermark (such as the last
    /// row indexed) to resume from after a crash; read it back with
    /// [`SearchIndex::committed_payload`].
    pub fn commit(&mut self, payload: &str) -> Result<()> {
        let mut prepared = self.writer.prepare_commit()?;
        prepared.set_payload(payload);
        prepared.commit()?;
        self.reader.reload()?;
        Ok(())
    }

    /// Drops every change since the last commit.
    pub fn rollback(&mut self) -> Result<()> {
        self.writer.rollback()?;
        Ok(())
    }
}

/// The hits of one search.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchResults {
    /// Documents matching, over all pages.
    pub total: usize,
    /// This page's hits, best first.
    pub hits: Vec<Hit>,
}

/// One matching document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    pub id: String,
    pub title: String,
    pub outlet: String,
    pub published: Option<String>,
    pub story: Option<String>,
    /// Relevance (BM25 with boosts); only comparable within one search.
    pub score: f32,
    pub snippet: Snippet,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::SearchEntity;

    fn doc(id: &str, title: &str, text: &str) -> SearchDocument {
        SearchDocument { id: id.into(), title: title.into(), text: text.into(), ..SearchDocument::default() }
    }

    fn entity(id: &str, names: &[&str]) -> SearchEntity {
        SearchEntity { id: id.into(), names: names.iter().map(|n| n.to_string()).collect() }
    }

    fn index_of(docs: &[SearchDocument]) -> SearchIndex {
        let index = SearchIndex::in_memory().expect("in-memory index");
        let mut writer = index.writer().expect("writer");
        for d in docs {
            writer.upsert(d).expect("upsert");
        }
        writer.commit("test").expect("commit");
        index
    }

    fn ids(index: &SearchIndex, query: &SearchQuery) -> Vec<String> {
        let mut ids: Vec<String> = index.search(query).expect("search").hits.into_iter().map(|h| h.id).collect();
        ids.sort();
        ids
    }

    fn ids_for(index: &SearchIndex, text: &str) -> Vec<String> {
        ids(index, &SearchQuery::new(text))
    }

    #[test]
    fn phrase_matches_across_clitics() {
        let index = index_of(&[
            doc("adjacent", "", "وصل والزعيم الكوري إلى موسكو."),
            doc("apart", "", "الزعيم الروسي استقبل الوفد الكوري."),
            doc("neither", "", "وصل الرئيس إلى موسكو."),
        ]);
        assert_eq!(ids_for(&index, "\"الزعيم الكوري\""), ["adjacent"]);
        assert_eq!(ids_for(&index, "«والزعيم الكوريّ»"), ["adjacent"], "clitics and diacritics in the query too");
        assert_eq!(ids_for(&index, "الزعيم الكوري"), ["adjacent", "apart"], "unquoted words need not be adjacent");
        assert_eq!(ids_for(&index, "زعيم موسكو"), ["adjacent"], "every word must match");
    }

    #[test]
    fn name_matches_its_spelling_variants_through_entities() {
        let index = index_of(&[
            SearchDocument {
                entities: vec![entity("Q18808", &["بيونج يانج"])],
                ..doc("spaced", "", "وصل الوفد إلى بيونج يانج أمس.")
            },
            SearchDocument {
                entities: vec![entity("Q18808", &["بيونجيانج"])],
                ..doc("joined", "", "قالت وكالة الأنباء في بيونجيانج إن الزيارة انتهت.")
            },
            doc("same-spelling", "", "عاد الوفد من بيونغ يانغ."),
            doc("untagged-variant", "", "مدينة بيونج يانج بلا كيان."),
            SearchDocument {
                entities: vec![entity("maliki", &["المالكي"])],
                ..doc("same-key-other-name", "", "قال المالكي إن الوفد وصل.")
            },
            doc("other", "", "وصل الوفد إلى سيول."),
        ]);
        assert_eq!(ids_for(&index, "بيونغ يانغ"), ["joined", "same-spelling", "spaced"]);
        assert_eq!(ids_for(&index, "\"بيونغ يانغ\""), ["joined", "same-spelling", "spaced"]);
        assert_eq!(ids_for(&index, "بيونغ يانغ الوفد"), ["same-spelling", "spaced"], "the other words still count");
        assert_eq!(
            marsad_entities::variant::name_key("الملك"),
            marsad_entities::variant::name_key("المالكي"),
            "a key collision the spelling check must reject"
        );
        assert!(ids_for(&index, "الملك").is_empty(), "the king is not al-Maliki");
        assert_eq!(ids_for(&index, "المالكى"), ["same-key-other-name"]);
        let results = index.search(&SearchQuery::new("بيونغ يانغ")).expect("search");
        for hit in &results.hits {
            let marked: Vec<&str> = hit.snippet.highlighted().collect();
            assert!(!marked.is_empty(), "{} has a highlight", hit.id);
            let key = marsad_entities::variant::name_key("بيونغ يانغ");
            assert_eq!(marsad_entities::variant::name_key(&marked.join(" ")), key, "{}: {marked:?}", hit.id);
        }
    }

    #[test]
    fn a_full_name_finds_a_short_mention_of_the_same_entity() {
        let index = index_of(&[
            SearchDocument {
                entities: vec![entity("kim-jong-un", &["كيم جونغ أون", "كيم"])],
                ..doc("short", "", "وقال كيم إن المحادثات كانت مثمرة.")
            },
            doc("other", "", "وقال مسؤول إن المحادثات كانت مثمرة."),
        ]);
        assert_eq!(ids_for(&index, "كيم جونج أون"), ["short"]);
        let hit = &index.search(&SearchQuery::new("كيم جونج أون")).expect("search").hits[0];
        assert_eq!(hit.snippet.highlighted().collect::<Vec<_>>(), ["كيم"]);
    }

    fn filtered_corpus() -> SearchIndex {
        let dated = |id: &str, outlet: &str, day: &str, story: &str, entity_id: &str| SearchDocument {
            outlet: outlet.into(),
            published: Some(day.into()),
            story: Some(story.into()),
            entities: vec![entity(entity_id, &["بوتين"])],
            ..doc(id, "قمة", "التقى بوتين الزعيم الكوري في فوستوتشني.")
        };
        index_of(&[
            dated("a", "الشرق الأوسط", "2023-09-12", "s1", "putin"),
            dated("b", "الشرق الأوسط", "2023-09-13", "s1", "putin"),
            dated("c", "الجزيرة", "2023-09-14", "s2", "kim"),
            SearchDocument { published: Some("غير معروف".into()), ..doc("undated", "", "بوتين") },
        ])
    }

    #[test]
    fn each_filter_narrows() {
        let index = filtered_corpus();
        let q = |f: &dyn Fn(&mut SearchQuery)| {
            let mut q = SearchQuery::new("بوتين");
            f(&mut q);
            ids(&index, &q)
        };
        assert_eq!(q(&|_| {}), ["a", "b", "c", "undated"]);
        assert_eq!(q(&|q| q.outlet = Some("الجزيرة".into())), ["c"]);
        assert_eq!(q(&|q| q.outlet = Some(" الشرق  الاوسط".into())), ["a", "b"], "spelling variants of the outlet");
        assert_eq!(q(&|q| q.outlet = Some("الشرق".into())), Vec::<String>::new(), "the whole name, not a part");
        assert_eq!(q(&|q| q.from = Some("2023-09-13".into())), ["b", "c"]);
        assert_eq!(q(&|q| q.to = Some("2023-09-13".into())), ["a", "b"]);
        assert_eq!(q(&|q| (q.from, q.to) = (Some("2023-09-13".into()), Some("2023-09-13".into()))), ["b"]);
        assert_eq!(q(&|q| q.entity = Some("kim".into())), ["c"]);
        assert_eq!(q(&|q| q.story = Some("s1".into())), ["a", "b"]);
        assert_eq!(q(&|q| (q.story, q.outlet) = (Some("s1".into()), Some("الجزيرة".into()))), Vec::<String>::new());
        // Filters alone list documents.
        let only_filter = SearchQuery { story: Some("s2".into()), ..SearchQuery::new("  ") };
        assert_eq!(ids(&index, &only_filter), ["c"]);
    }

    #[test]
    fn bad_queries_are_errors_not_panics() {
        let index = filtered_corpus();
        for text in ["", "   ", "؟!«»\"", "\u{0301}", "👍"] {
            let err = index.search(&SearchQuery::new(text)).expect_err(text);
            assert!(matches!(err, SearchError::EmptyQuery), "{text:?}: {err}");
        }
        let bad_date = SearchQuery { from: Some("13/09/2023".into()), ..SearchQuery::new("بوتين") };
        let err = index.search(&bad_date).expect_err("bad date");
        assert!(err.to_string().contains("13/09/2023"), "{err}");
        for text in ["ب", "و ال", "a\u{0000}b", "بوتين ".repeat(500).as_str(), "\u{10FFFF}\u{FEFF}x"] {
            assert!(index.search(&SearchQuery::new(text)).is_ok(), "{text:?}");
        }
        let err = index.writer().expect("writer").upsert(&doc(" ", "", "x")).expect_err("empty id");
        assert!(matches!(err, SearchError::EmptyId));
    }

    #[test]
    fn paging_and_counting() {
        let docs: Vec<SearchDocument> = (0..25).map(|i| doc(&format!("d{i:02}"), "", "بوتين في موسكو")).collect();
        let index = index_of(&docs);
        let page =
            |limit, offset| index.search(&SearchQuery { limit, offset, ..SearchQuery::new("موسكو") }).expect("search");
        assert_eq!(page(10, 0).total, 25);
        assert_eq!(page(10, 0).hits.len(), 10);
        assert_eq!(page(10, 20).hits.len(), 5);
        assert_eq!(page(0, 0).hits.len(), 0);
        assert_eq!(page(0, 0).total, 25);
        assert_eq!(page(usize::MAX, usize::MAX).hits.len(), 0, "huge values are clamped, not a panic");
        let all: Vec<String> = [page(10, 0), page(10, 10), page(10, 20)]
            .into_iter()
            .flat_map(|r| r.hits.into_iter().map(|h| h.id))
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        assert_eq!(all.len(), 25, "pages do not overlap");
    }

    #[test]
    fn title_and_exact_form_rank_higher() {
        let index = index_of(&[
            doc("body", "خبر", "قال مسؤول إن الصواريخ الكورية جاهزة للإطلاق غدا"),
            doc("title", "الصواريخ الكورية", "قال مسؤول إن الأمر جاهز للإطلاق غدا"),
        ]);
        let hits = index.search(&SearchQuery::new("الكورية")).expect("search").hits;
        assert_eq!(hits[0].id, "title");
        let index = index_of(&[
            doc("other-form", "", "قال مسؤول إن البرنامج الكوري يتقدم بسرعة"),
            doc("exact-form", "", "قال مسؤول إن الصواريخ الكورية تتقدم بسرعة"),
        ]);
        let hits = index.search(&SearchQuery::new("الكورية")).expect("search").hits;
        assert_eq!(hits.len(), 2, "both forms share the stem");
        assert_eq!(hits[0].id, "exact-form");
        assert!(hits[0].score > hits[1].score);
    }

    #[test]
    fn upsert_replaces_by_id() {
        let index = SearchIndex::in_memory().expect("index");
        let mut writer = index.writer().expect("writer");
        writer.upsert(&doc("same", "", "النص الأول عن موسكو")).expect("upsert");
        writer.upsert(&doc("same", "", "النص الأول عن موسكو")).expect("upsert");
        writer.commit("1").expect("commit");
        assert_eq!(index.num_docs(), 1);
        writer.upsert(&doc("same", "", "النص الثاني عن بكين")).expect("upsert");
        writer.commit("2").expect("commit");
        assert_eq!(index.num_docs(), 1);
        assert!(ids_for(&index, "موسكو").is_empty());
        assert_eq!(ids_for(&index, "بكين"), ["same"]);
        writer.delete("same");
        writer.commit("3").expect("commit");
        assert_eq!(index.num_docs(), 0);
    }

    #[test]
    fn commit_payload_survives_reopening() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("index");
        {
            let index = SearchIndex::open_or_create(&path).expect("create");
            assert_eq!(index.committed_payload().expect("metas"), None);
            let mut writer = index.writer().expect("writer");
            writer.upsert(&doc("d1", "", "وصل والزعيم الكوري")).expect("upsert");
            writer.commit("row:41").expect("commit");
            writer.upsert(&doc("d2", "", "لن يُرى")).expect("upsert");
            writer.rollback().expect("rollback");
        }
        let index = SearchIndex::open_or_create(&path).expect("reopen");
        assert_eq!(index.committed_payload().expect("metas").as_deref(), Some("row:41"));
        assert_eq!(index.num_docs(), 1);
        assert_eq!(ids_for(&index, "\"الزعيم الكوري\""), ["d1"], "the analyzers are registered again on reopen");
    }

    #[test]
    fn shared_across_threads() {
        fn send_sync<T: Send + Sync>() {}
        send_sync::<SearchIndex>();
        send_sync::<SearchWriter>();
        let index = std::sync::Arc::new(index_of(&[doc("d", "", "بوتين في موسكو")]));
        let searches: Vec<_> = (0..4)
            .map(|_| {
                let index = index.clone();
                std::thread::spawn(move || index.search(&SearchQuery::new("موسكو")).map(|r| r.total))
            })
            .collect();
        for s in searches {
            assert_eq!(s.join().expect("thread").expect("search"), 1);
        }
    }

    #[test]
    fn an_index_of_another_schema_is_refused_with_its_path() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut other = tantivy::schema::Schema::builder();
        other.add_text_field("body", tantivy::schema::TEXT);
        drop(Index::create_in_dir(dir.path(), other.build()).expect("foreign index"));
        let err = SearchIndex::open_or_create(dir.path()).expect_err("schema differs");
        assert!(matches!(err, SearchError::Open { .. }), "{err}");
        assert!(err.to_string().contains(&dir.path().display().to_string()), "{err}");
    }

    #[test]
    fn snippet_highlights_point_at_the_matched_words() {
        let text = "في يوم الأربعاء، وصل والزعيمُ الكوريّ كيم إلى قاعدة فوستوتشني الفضائية.";
        let index = index_of(&[doc("d", "قمة", text)]);
        let hit = &index.search(&SearchQuery::new("الزعيم الكوري فوستوتشني")).expect("search").hits[0];
        assert_eq!(hit.snippet.text, text);
        assert_eq!(hit.snippet.highlighted().collect::<Vec<_>>(), ["والزعيمُ", "الكوريّ", "فوستوتشني"]);
        for &(start, end) in &hit.snippet.highlights {
            assert_eq!(&text[start..end], &hit.snippet.text[start..end]);
        }
    }
}
