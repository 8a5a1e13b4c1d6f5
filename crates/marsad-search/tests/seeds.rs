//! The five seed articles (`shared/seeds`), analyzed by the real pipeline and
//! indexed: the searches the issue names find them.

use std::path::{Path, PathBuf};

use marsad_analyze::{analyze_inputs, Document, Options};
use marsad_search::{SearchDocument, SearchIndex, SearchQuery};

fn seeds_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipped: no seed articles at {}", dir.display());
        None
    }
}

fn seed_index() -> Option<(SearchIndex, Vec<Document>)> {
    let corpus = analyze_inputs(&[seeds_dir()?], &Options::default(), &());
    assert!(corpus.errors.is_empty(), "{:?}", corpus.errors);
    let index = SearchIndex::in_memory().expect("index");
    let mut writer = index.writer().expect("writer");
    for d in &corpus.documents {
        writer.upsert(&SearchDocument::from(d)).expect("upsert");
    }
    writer.commit("seeds").expect("commit");
    assert_eq!(index.num_docs(), corpus.documents.len() as u64);
    Some((index, corpus.documents))
}

/// The seed files (id prefixes) the hits come from.
fn files(ids: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut files: Vec<String> = ids.into_iter().map(|id| id.split('#').next().unwrap_or("").to_owned()).collect();
    files.sort();
    files.dedup();
    files
}

#[test]
fn leader_phrase_finds_the_articles_that_write_it_with_clitics() {
    let Some((index, docs)) = seed_index() else { return };
    let results = index.search(&SearchQuery { limit: 50, ..SearchQuery::new("\"الزعيم الكوري\"") }).expect("search");
    assert!(!results.hits.is_empty());
    // Every document whose text has the two words adjacent, with or without clitics, is found.
    let expected: Vec<String> = docs
        .iter()
        .filter(|d| ["الزعيم الكوري", "والزعيم الكوري", "للزعيم الكوري"].iter().any(|p| d.text.contains(p)))
        .map(|d| d.id.clone())
        .collect();
    assert!(!expected.is_empty(), "the seeds say «الزعيم الكوري»");
    let found: Vec<&str> = results.hits.iter().map(|h| h.id.as_str()).collect();
    for id in &expected {
        assert!(found.contains(&id.as_str()), "{id} not found: {found:?}");
    }
    let with_clitic = docs.iter().find(|d| d.text.contains("والزعيم الكوري")).expect("a seed writes والزعيم الكوري");
    assert!(found.contains(&with_clitic.id.as_str()));
    for hit in &results.hits {
        assert!(hit.snippet.highlighted().any(|w| w.ends_with("الزعيم")), "{}: {:?}", hit.id, hit.snippet.text);
    }
}

#[test]
fn pyongyang_finds_every_spelling() {
    let Some((index, docs)) = seed_index() else { return };
    let results = index.search(&SearchQuery { limit: 50, ..SearchQuery::new("بيونغ يانغ") }).expect("search");
    let found = files(results.hits.iter().map(|h| h.id.clone()));
    // 001 only ever writes «بيونج يانج»: it is found through the entity's name key.
    let only_variant = docs
        .iter()
        .find(|d| d.text.contains("بيونج يانج") && !d.text.contains("بيونغ"))
        .expect("a seed spells it only بيونج يانج");
    assert!(found.contains(&files([only_variant.id.clone()])[0]), "{found:?}");
    assert_eq!(found.len(), 5, "all five seed files name Pyongyang: {found:?}");
    for hit in &results.hits {
        assert!(!hit.snippet.highlights.is_empty(), "{} has a highlight: {:?}", hit.id, hit.snippet.text);
    }
    let json = serde_json::to_string(&results).expect("json");
    assert!(json.contains("\"highlights\"") && json.contains("\"total\""));
}

#[test]
fn filters_on_seed_metadata() {
    let Some((index, docs)) = seed_index() else { return };
    let entity = docs
        .iter()
        .flat_map(|d| &d.entities)
        .find(|e| e.mentions.iter().any(|m| m.text.contains("بوتين")))
        .expect("Putin is an entity of the seeds");
    let q = SearchQuery { entity: Some(entity.id.clone()), limit: 50, ..SearchQuery::new("") };
    let with_entity = index.search(&q).expect("search");
    let expected = docs.iter().filter(|d| d.entities.iter().any(|e| e.id == entity.id)).count();
    assert_eq!(with_entity.total, expected);
    if let Some(outlet) = docs.iter().find_map(|d| d.outlet.clone()) {
        let q = SearchQuery { outlet: Some(outlet.clone()), limit: 50, ..SearchQuery::new("بوتين") };
        let hits = index.search(&q).expect("search").hits;
        assert!(!hits.is_empty() && hits.iter().all(|h| h.outlet == outlet));
    }
}
