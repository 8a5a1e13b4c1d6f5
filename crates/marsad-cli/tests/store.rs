//! `marsad ingest` and `marsad search` end to end on the example corpus.
#![cfg(feature = "store")]

mod common;

use common::{marsad, stderr, stdout};

const EXAMPLES: &str = "examples/kim-putin-2023";

fn search_ids(data: &str, query: &str) -> Vec<String> {
    let out = marsad(&["search", query, "--data", data, "--format", "json", "--limit", "20"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("search --format json prints JSON");
    json["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .map(|h| {
            assert!(h["snippet"]["text"].as_str().is_some_and(|s| !s.is_empty()), "every hit has a snippet: {h}");
            h["id"].as_str().expect("id").to_owned()
        })
        .collect()
}

#[test]
fn ingest_is_idempotent_and_the_arabic_searches_find_the_seed_articles() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().to_str().expect("utf-8 path");
    let first = marsad(&["ingest", EXAMPLES, "--data", data]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(stderr(&first).contains("6 new"), "{}", stderr(&first));
    let again = marsad(&["ingest", EXAMPLES, "--data", data]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(stderr(&again).contains("0 new") && stderr(&again).contains("6 already stored"), "{}", stderr(&again));
    assert!(stderr(&again).contains("holds 6 documents"), "{}", stderr(&again));

    // A phrase across clitics: 001 writes «والزعيم الكوري»... and the others the bare form.
    let phrase = search_ids(data, "\"الزعيم الكوري\"");
    for id in ["000_d1f3ed59859814e8", "001_368e647d4396fd8b", "004_5fd61a628ac1c141"] {
        assert!(phrase.contains(&id.to_owned()), "{id} not in {phrase:?}");
    }
    // A name through its spelling variants: 001 writes only «بيونج يانج».
    let pyongyang = search_ids(data, "بيونغ يانغ");
    assert!(pyongyang.contains(&"001_368e647d4396fd8b".to_owned()), "{pyongyang:?}");
    assert!(pyongyang.len() >= 4, "{pyongyang:?}");
    // Filters: a date range that holds only the June 2024 report.
    let later = marsad(&["search", "كوريا", "--data", data, "--from", "2024-01-01", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&later)).expect("json");
    let ids: Vec<&str> = json["hits"].as_array().expect("hits").iter().filter_map(|h| h["id"].as_str()).collect();
    assert_eq!(ids, ["003_9875eea54a075adb#2"]);
}

#[test]
fn bad_input_keeps_what_is_stored_and_searching_no_store_says_so() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("store");
    let data = data.to_str().expect("utf-8 path");
    assert!(marsad(&["ingest", EXAMPLES, "--data", data]).status.success());
    let junk = dir.path().join("junk.bin");
    std::fs::write(&junk, [0u8, 159, 146, 150, 0, 0, 255, 254, 0, 1, 2, 3].repeat(100)).expect("write");
    let out = marsad(&["ingest", junk.to_str().expect("path"), "--data", data]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("junk.bin"), "the error names the input: {}", stderr(&out));
    assert!(stderr(&out).contains("holds 6 documents"), "{}", stderr(&out));

    let missing = dir.path().join("nothing-here");
    let out = marsad(&["search", "كيم", "--data", missing.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no store at") && stderr(&out).contains("nothing-here"), "{}", stderr(&out));
}

/// `kill -9` in the middle of an ingest: whatever was committed stays, the
/// next ingest finishes the rest, and nothing is stored twice.
#[test]
fn an_ingest_killed_midway_loses_nothing_committed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("store");
    let data = data.to_str().expect("utf-8 path");
    // 300 distinct articles: the example texts, each with a line of its own
    // (not 003, a page that holds two articles).
    let texts: Vec<String> = std::fs::read_dir(common::repo().join(EXAMPLES))
        .expect("examples")
        .map(|e| e.expect("entry").path())
        .filter(|p| !p.to_string_lossy().contains("003_"))
        .map(|p| std::fs::read_to_string(p).expect("read"))
        .collect();
    let mut jsonl = String::new();
    for i in 0..300 {
        let text = format!("{}\nالرقم المرجعي للنسخة {i} من الأرشيف.", texts[i % texts.len()]);
        jsonl.push_str(&serde_json::json!({"id": format!("copy-{i}"), "text": text, "outlet": "الأرشيف"}).to_string());
        jsonl.push('\n');
    }
    let input = dir.path().join("archive.jsonl");
    std::fs::write(&input, jsonl).expect("write");
    let input = input.to_str().expect("path");

    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_marsad"))
        .args(["ingest", input, "--data", data, "-q"])
        .spawn()
        .expect("start ingest");
    // Killed once the documents are committed, while stories are being
    // found: the state a crash most often leaves.
    let db = std::path::Path::new(data).join("marsad.sqlite");
    let committed = || -> i64 {
        let Ok(conn) = rusqlite::Connection::open(&db) else { return 0 };
        conn.query_row("SELECT COUNT(*) FROM documents", [], |r| r.get(0)).unwrap_or(0)
    };
    let started = std::time::Instant::now();
    while committed() == 0
        && started.elapsed() < std::time::Duration::from_secs(120)
        && child.try_wait().ok().flatten().is_none()
    {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let _ = child.kill(); // SIGKILL; the ingest may also have finished already.
    let _ = child.wait();

    let before = committed();
    let again = marsad(&["ingest", input, "--data", data]);
    assert!(again.status.success(), "{}", stderr(&again));
    let report = stderr(&again);
    eprintln!("{before} documents committed before the kill; then: {report}");
    assert!(report.contains("holds 300 documents"), "{report}");
    let out = marsad(&["search", "الأرشيف", "--data", data, "--format", "json", "--limit", "0"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("json");
    assert_eq!(json["total"], 300, "every stored document is indexed once: {report}");
}
