//! Quotation extraction measured on hand-annotated SaudiNewsNet articles.
//!
//! `tests/data/snn_quotes.jsonl` holds every attributed statement of 25
//! articles (14 outlets, 12 days), annotated by hand from the articles'
//! text; the articles themselves are read from `../shared/data` and the test
//! skips when that folder is absent. Matching follows the seed scorer: a
//! predicted statement matches a gold one of the same article when their
//! words overlap with F1 ≥ 0.5; statements of other attribution kinds
//! (beliefs, source lines, …) are neither credited nor penalized.

use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader};
use std::path::PathBuf;

use marsad_quotes::{find_quotes, Attribution};

#[derive(serde::Deserialize)]
struct Gold {
    article: String,
    attribution_type: String,
    speaker_text: String,
    speaker_name: Option<String>,
    text: String,
}

fn corpus() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/saudinewsnet/articles.jsonl.gz");
    p.exists().then_some(p)
}

fn words(s: &str) -> Vec<String> {
    let n = marsad_text::normalize_str(s);
    n.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_owned).collect()
}

fn overlap_f1(a: &str, b: &str) -> f64 {
    let (a, b) = (words(a), words(b));
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let mut count: HashMap<&str, usize> = HashMap::new();
    for w in &b {
        *count.entry(w).or_default() += 1;
    }
    let mut common = 0;
    for w in &a {
        if let Some(c) = count.get_mut(w.as_str()).filter(|c| **c > 0) {
            *c -= 1;
            common += 1;
        }
    }
    if common == 0 {
        return 0.0;
    }
    let (p, r) = (common as f64 / a.len() as f64, common as f64 / b.len() as f64);
    2.0 * p * r / (p + r)
}

/// A predicted speaker names the gold one: one of them contains the other's words.
fn same_speaker(pred: &str, gold: &Gold) -> bool {
    let gold_names = [gold.speaker_text.trim_matches(['[', ']']), gold.speaker_name.as_deref().unwrap_or("")];
    let p = words(pred).join(" ");
    !p.is_empty()
        && gold_names.iter().filter(|g| !g.is_empty()).any(|g| {
            let g = words(g).join(" ");
            p.contains(&g) || g.contains(&p) || words(&g).last().is_some_and(|last| p.split(' ').any(|w| w == last))
        })
}

#[test]
fn statements_of_annotated_saudinewsnet_articles() {
    let Some(path) = corpus() else {
        eprintln!("skipping: ../shared/data/saudinewsnet is absent (SaudiNewsNet is not part of the repository)");
        return;
    };
    let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let ids: HashSet<String> = std::fs::read_to_string(data.join("snn_quotes_articles.txt"))
        .expect("article list")
        .lines()
        .map(str::to_owned)
        .collect();
    let gold: Vec<Gold> = std::fs::read_to_string(data.join("snn_quotes.jsonl"))
        .expect("gold")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("gold line"))
        .collect();
    let mut texts: HashMap<String, String> = HashMap::new();
    let reader = BufReader::new(flate2::read::GzDecoder::new(std::fs::File::open(path).expect("corpus")));
    for line in reader.lines() {
        let v: serde_json::Value = serde_json::from_str(&line.expect("line")).expect("json");
        let id = v["id"].as_str().unwrap_or_default();
        if ids.contains(id) {
            texts.insert(id.to_owned(), v["text"].as_str().unwrap_or_default().to_owned());
        }
    }
    assert_eq!(texts.len(), ids.len(), "every annotated article is in the corpus");

    let (mut tp, mut n_pred, mut speaker_ok) = (0usize, 0usize, 0usize);
    let n_gold = gold.iter().filter(|g| g.attribution_type == "speech").count();
    for (id, text) in &texts {
        let sentences = marsad_text::split_sentences(text);
        // No entity names here: speakers are judged by their words.
        let preds = find_quotes(text, &sentences, &[]);
        let golds: Vec<&Gold> = gold.iter().filter(|g| &g.article == id).collect();
        let mut used = vec![false; preds.len()];
        for g in golds.iter().filter(|g| g.attribution_type == "speech") {
            let best = preds
                .iter()
                .enumerate()
                .filter(|(i, _)| !used[*i])
                .map(|(i, p)| (i, overlap_f1(&text[p.text.clone()], &g.text)))
                .max_by(|a, b| a.1.total_cmp(&b.1));
            if let Some((i, _)) = best.filter(|b| b.1 >= 0.5) {
                used[i] = true;
                tp += 1;
                speaker_ok += same_speaker(&preds[i].speaker.text, g) as usize;
            }
        }
        for (i, p) in preds.iter().enumerate() {
            let other = golds
                .iter()
                .any(|g| g.attribution_type != "speech" && overlap_f1(&text[p.text.clone()], &g.text) >= 0.5);
            let neutral = !used[i] && (other || p.attribution == Attribution::Source);
            n_pred += !neutral as usize;
        }
    }
    let precision = tp as f64 / n_pred.max(1) as f64;
    let recall = tp as f64 / n_gold.max(1) as f64;
    let f1 = 2.0 * precision * recall / (precision + recall).max(f64::EPSILON);
    let speaker = speaker_ok as f64 / tp.max(1) as f64;
    eprintln!(
        "SaudiNewsNet quotes: {} articles, {n_gold} gold speech statements, {n_pred} predicted: \
         precision {precision:.3}, recall {recall:.3}, F1 {f1:.3}, speaker accuracy {speaker:.3}",
        texts.len()
    );
    assert!(f1 >= 0.60, "F1 {f1:.3}");
    assert!(speaker >= 0.70, "speaker accuracy {speaker:.3}");
}
