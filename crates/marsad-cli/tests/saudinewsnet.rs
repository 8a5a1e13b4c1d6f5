//! The whole SaudiNewsNet corpus goes through `marsad analyze` with no error.

mod common;

use common::{marsad, shared};

#[test]
fn analyze_all_of_saudinewsnet() {
    let Some(shared) = shared() else { return };
    let corpus = shared.join("data/saudinewsnet/articles.jsonl.gz");
    if !corpus.exists() {
        eprintln!("skipped: {} is absent", corpus.display());
        return;
    }
    let out = marsad(&["analyze", "--quiet", corpus.to_str().expect("utf-8 path")]);
    let err = common::stderr(&out);
    assert!(out.status.success(), "{err}");
    let mut ids = std::collections::HashSet::new();
    for line in out.stdout.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
        let doc: serde_json::Value = serde_json::from_slice(line).expect("JSON document");
        let id = doc["id"].as_str().expect("id");
        ids.insert(id.split('#').next().unwrap_or(id).to_owned());
    }
    assert_eq!(ids.len(), 31_030, "every record comes out");
}
