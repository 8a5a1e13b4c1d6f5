//! The five annotated seed articles (`shared/seeds/*.txt`, gold in
//! `shared/gold/seeds/`): time expressions scored the way
//! `shared/eval/score.py::score_dates` scores them, and publication-date
//! inference against the gold `published` dates. Skipped when `shared/` is absent.

use std::collections::HashMap;
use std::path::PathBuf;

use marsad_time::{find_timexes, infer_publication_date, parse_dateline, CivilDate, PublicationBasis};
use serde_json::Value;

fn shared_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    if dir.join("gold/seeds/dates.json").is_file() {
        Some(dir)
    } else {
        eprintln!("skipped: seed gold not found at {}", dir.display());
        None
    }
}

fn read_json(path: PathBuf) -> Value {
    serde_json::from_str(&std::fs::read_to_string(&path).expect("read gold")).expect("parse gold")
}

/// score.py's `norm`: matching normalization, punctuation to spaces, spaces collapsed.
fn norm(s: &str) -> String {
    let n = marsad_text::normalize_str(s);
    let spaced: String = n.chars().map(|c| if c.is_alphanumeric() || c.is_whitespace() { c } else { ' ' }).collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// score.py's `overlap_f1` over normalized tokens.
fn overlap_f1(a: &str, b: &str) -> f64 {
    let (na, nb) = (norm(a), norm(b));
    let (ta, tb): (Vec<&str>, Vec<&str>) = (na.split(' ').collect(), nb.split(' ').collect());
    if na.is_empty() || nb.is_empty() {
        return 0.0;
    }
    let mut count: HashMap<&str, i32> = HashMap::new();
    for t in &tb {
        *count.entry(t).or_default() += 1;
    }
    let common = ta
        .iter()
        .filter(|t| {
            count.get_mut(*t).is_some_and(|c| {
                *c > 0 && {
                    *c -= 1;
                    true
                }
            })
        })
        .count() as f64;
    if common == 0.0 {
        return 0.0;
    }
    let (p, r) = (common / ta.len() as f64, common / tb.len() as f64);
    2.0 * p * r / (p + r)
}

struct Pred {
    file: String,
    text: String,
    value: String,
}

/// Text of lines `first..=last` (1-based) of `text`.
fn lines(text: &str, first: usize, last: usize) -> String {
    text.split('\n').skip(first - 1).take(last + 1 - first).collect::<Vec<_>>().join("\n")
}

#[test]
fn seed_dates_scored_like_score_py() {
    let Some(shared) = shared_dir() else { return };
    let gold_dates = read_json(shared.join("gold/seeds/dates.json"));
    let documents = read_json(shared.join("gold/seeds/documents.json"));
    let mut preds = Vec::new();
    for doc in documents.as_array().expect("documents") {
        let file = doc["file"].as_str().expect("file");
        let text = std::fs::read_to_string(shared.join(format!("seeds/{file}.txt"))).expect("seed text");
        for seg in doc["segments"].as_array().expect("segments") {
            let published = seg.get("published").or(doc.get("published")).and_then(Value::as_str).expect("published");
            let anchor = CivilDate::parse_iso_prefix(published);
            let first = seg["first_line"].as_u64().expect("first") as usize;
            let last = seg["last_line"].as_u64().expect("last") as usize;
            let segment = lines(&text, first, last);
            for t in find_timexes(&segment, anchor) {
                preds.push(Pred { file: file.into(), text: segment[t.span].to_string(), value: t.value.to_string() });
            }
        }
    }

    // score_dates: gold = non-vague expressions with a single, non-_REF value.
    let all: Vec<&Value> = gold_dates.as_array().expect("dates").iter().collect();
    let is_scored =
        |g: &Value| !g["vague"].as_bool().unwrap_or(false) && g["value"].as_str().is_some_and(|v| !v.ends_with("_REF"));
    let gold: Vec<&Value> = all.iter().copied().filter(|g| is_scored(g)).collect();
    let mut used = vec![false; preds.len()];
    let mut matched: Vec<Option<usize>> = vec![None; gold.len()];
    for exact in [true, false] {
        for (gi, g) in gold.iter().enumerate() {
            if matched[gi].is_some() {
                continue;
            }
            let whole = norm(g["text"].as_str().unwrap_or(""));
            let core = norm(g.get("text_core").and_then(Value::as_str).or(g["text"].as_str()).unwrap_or(""));
            for (i, p) in preds.iter().enumerate() {
                if used[i] || p.file != g["file"].as_str().unwrap_or("") {
                    continue;
                }
                let pn = norm(&p.text);
                let ok = if exact {
                    pn == whole || pn == core
                } else {
                    !pn.is_empty() && (whole.contains(&pn) || pn.contains(&core)) && overlap_f1(&pn, &core) >= 0.5
                };
                if ok {
                    used[i] = true;
                    matched[gi] = Some(i);
                    break;
                }
            }
        }
    }
    let vague: Vec<&Value> = all.iter().copied().filter(|g| !is_scored(g)).collect();
    let neutral = preds
        .iter()
        .enumerate()
        .filter(|(i, p)| {
            !used[*i]
                && vague.iter().any(|v| {
                    v["file"].as_str() == Some(p.file.as_str())
                        && overlap_f1(&p.text, v["text"].as_str().unwrap_or("")).max(overlap_f1(
                            &p.text,
                            v.get("text_core").and_then(Value::as_str).or(v["text"].as_str()).unwrap_or(""),
                        )) >= 0.5
                })
        })
        .count();
    let tp = matched.iter().flatten().count();
    let value_ok = matched
        .iter()
        .enumerate()
        .filter(|(gi, m)| m.is_some_and(|i| preds[i].value == gold[*gi]["value"].as_str().unwrap_or("")))
        .count();
    let counted = preds.len() - neutral;
    let precision = tp as f64 / counted.max(1) as f64;
    let recall = tp as f64 / gold.len() as f64;
    let value_accuracy = value_ok as f64 / tp.max(1) as f64;
    println!(
        "seed dates: {} predictions ({neutral} neutral), {} gold, {tp} matched; precision {precision:.3} \
         recall {recall:.3} value accuracy {value_accuracy:.3} value recall {:.3}",
        preds.len(),
        gold.len(),
        value_ok as f64 / gold.len() as f64
    );
    for (gi, g) in gold.iter().enumerate() {
        match matched[gi] {
            None => println!("  missed {} «{}» = {}", g["id"], g["text"].as_str().unwrap_or(""), g["value"]),
            Some(i) if preds[i].value != g["value"].as_str().unwrap_or("") => {
                println!(
                    "  value  {} «{}» = {} (ours {})",
                    g["id"],
                    g["text"].as_str().unwrap_or(""),
                    g["value"],
                    preds[i].value
                )
            }
            _ => {}
        }
    }
    for (i, p) in preds.iter().enumerate() {
        if !used[i] {
            println!("  unmatched prediction {} «{}» = {}", &p.file[..3], p.text, p.value);
        }
    }
    assert!(precision >= 0.8, "precision {precision}");
    assert!(recall >= 0.7, "recall {recall}");
    assert!(value_accuracy >= 0.9, "value accuracy {value_accuracy}");
}

/// Publication dates: datelines first, then inference for the other
/// documents with the dateline dates of the rest of the story as context.
#[test]
fn seed_publication_dates() {
    let Some(shared) = shared_dir() else { return };
    let documents = read_json(shared.join("gold/seeds/documents.json"));
    let docs: Vec<(String, String, String)> = documents
        .as_array()
        .expect("documents")
        .iter()
        .map(|d| {
            let file = d["file"].as_str().expect("file").to_string();
            let text = std::fs::read_to_string(shared.join(format!("seeds/{file}.txt"))).expect("seed text");
            (file, text, d["published"].as_str().expect("published").to_string())
        })
        .collect();
    let stated: Vec<Option<CivilDate>> =
        docs.iter().map(|(_, text, _)| text.lines().find_map(parse_dateline).map(|m| m.date)).collect();
    let mut right = 0;
    for (k, (file, text, gold)) in docs.iter().enumerate() {
        let context: Vec<CivilDate> =
            stated.iter().enumerate().filter(|&(j, _)| j != k).filter_map(|(_, d)| *d).collect();
        let found = infer_publication_date(text, &context);
        let got = found.as_ref().map(|p| p.date.to_string()).unwrap_or_default();
        let basis = found.as_ref().map(|p| p.basis);
        println!("{file}: inferred {got} ({basis:?}), gold {gold}");
        right += usize::from(&got == gold);
        if stated[k].is_none() {
            assert_eq!(basis, Some(PublicationBasis::Inferred), "{file}");
        }
    }
    println!("publication dates: {right}/{} right", docs.len());
    assert_eq!(right, docs.len());
}
