//! Story clustering measured on hand-judged SaudiNewsNet pairs.
//!
//! `tests/data/snn_story_pairs.jsonl` holds 206 pairs of articles from
//! different outlets over two days (2015-08-10 and 2015-08-11), each read
//! and judged "same" story or "different" — 85 of the different ones are
//! hard: the same topic but another event (two attacks in one country on
//! one day, two days' market reports, two congratulatory cables). The
//! articles of those two days are analyzed and clustered, and pair
//! precision and recall are computed as by the project's scorer. Skips
//! when `../shared/data` is absent.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;

#[derive(serde::Deserialize)]
struct Pair {
    a: String,
    b: String,
    label: String,
}

#[test]
fn pairs_judged_by_hand_on_two_days_of_saudinewsnet() {
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/saudinewsnet/articles.jsonl.gz");
    if !corpus.exists() {
        eprintln!("skipping: ../shared/data/saudinewsnet is absent (SaudiNewsNet is not part of the repository)");
        return;
    }
    let pairs: Vec<Pair> =
        std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/snn_story_pairs.jsonl"))
            .expect("pairs")
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| serde_json::from_str(l).expect("pair"))
            .collect();

    // The two days' records, as their own JSON Lines input.
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("two-days.jsonl");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&input).expect("create"));
    let reader = BufReader::new(flate2::read::GzDecoder::new(std::fs::File::open(&corpus).expect("corpus")));
    for line in reader.lines() {
        let line = line.expect("line");
        if line.contains("\"snn-20150810-") || line.contains("\"snn-20150811-") {
            writeln!(out, "{line}").expect("write");
        }
    }
    drop(out);

    let mut corpus = marsad_analyze::analyze_inputs(&[input], &marsad_analyze::Options::default(), &());
    assert!(corpus.errors.is_empty(), "{:?}", corpus.errors);
    let stories = marsad_stories::find_stories(&mut corpus.documents, marsad_stories::Settings::default());
    let story_of: HashMap<&str, usize> =
        stories.iter().enumerate().flat_map(|(i, s)| s.members.iter().map(move |m| (m.as_str(), i))).collect();

    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    for p in &pairs {
        let same_pred = story_of.contains_key(p.a.as_str()) && story_of.get(p.a.as_str()) == story_of.get(p.b.as_str());
        let same_gold = p.label == "same";
        tp += (same_pred && same_gold) as usize;
        fp += (same_pred && !same_gold) as usize;
        fn_ += (!same_pred && same_gold) as usize;
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fn_).max(1) as f64;
    eprintln!(
        "SaudiNewsNet story pairs: {} documents, {} stories; {} pairs: precision {precision:.3}, recall {recall:.3}",
        corpus.documents.len(),
        stories.len(),
        pairs.len()
    );
    assert!(precision >= 0.85, "pair precision {precision:.3}");
    assert!(recall >= 0.80, "pair recall {recall:.3}");
}
