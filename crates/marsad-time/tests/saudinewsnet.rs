//! Time expressions on SaudiNewsNet (`shared/data/saudinewsnet/articles.jsonl.gz`,
//! 31k Saudi articles from summer 2015; skipped when absent). Each record's
//! `published` is the crawl time, usually the day of or after publication.
//!
//! Three measurements:
//! (a) «اليوم (الاثنين)»-style mentions resolved against `published` land
//!     within a day of it (also reported without the first crawl day,
//!     2015-07-21, which swept up a backlog of articles several days old);
//! (b) Hijri dates agree with the Gregorian date printed next to them
//!     («26 شوال 1436 هـ الموافق 11 اغسطس 2015 م»), and Hijri datelines at the
//!     top of an article fall within a few days of `published`;
//! (c) a hand-checked list (`tests/data/saudinewsnet_timexes.tsv`) gives
//!     precision and recall.

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;

use marsad_time::{find_timexes, CivilDate, Reference, Timex, TimexKind};
use serde_json::Value;

struct Article {
    id: String,
    published: CivilDate,
    text: String,
}

fn articles() -> Option<Vec<Article>> {
    let path = std::env::var_os("MARSAD_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"))
        .join("saudinewsnet/articles.jsonl.gz");
    let Ok(file) = std::fs::File::open(&path) else {
        eprintln!("skipped: SaudiNewsNet not found at {}", path.display());
        return None;
    };
    let reader = BufReader::new(flate2::read::GzDecoder::new(file));
    let mut out = Vec::new();
    for line in reader.lines() {
        let record: Value = serde_json::from_str(&line.expect("read corpus")).expect("json record");
        let published = record["published"].as_str().and_then(CivilDate::parse_iso_prefix);
        if let (Some(id), Some(published), Some(text)) = (record["id"].as_str(), published, record["text"].as_str()) {
            out.push(Article { id: id.into(), published, text: text.into() });
        }
    }
    Some(out)
}

fn kind_name(kind: TimexKind) -> String {
    serde_json::to_value(kind).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
}

/// Whether a date expression is written in the Hijri calendar.
fn is_hijri(text: &str) -> bool {
    let norm = marsad_text::normalize_str(text);
    let words: Vec<&str> = norm.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    words.contains(&"ه")
        || (0..words.len()).any(|k| {
            marsad_time::lexicon::month_at(&words[k..])
                .is_some_and(|m| m.calendar == marsad_time::lexicon::Calendar::Hijri)
        })
}

#[test]
fn saudinewsnet_time_expressions() {
    let Some(articles) = articles() else { return };
    let by_id: HashMap<&str, &Article> = articles.iter().map(|a| (a.id.as_str(), a)).collect();

    let first_crawl_day = CivilDate::new(2015, 7, 21);
    let (mut today, mut today_near) = (0, 0);
    let (mut fresh, mut fresh_near) = (0, 0);
    let (mut pairs, mut pairs_agree) = (0, 0);
    let (mut datelines, mut datelines_near) = (0, 0);
    let mut found: HashMap<&str, Vec<Timex>> = HashMap::new();
    for a in &articles {
        let timexes = find_timexes(&a.text, Some(a.published));
        for (k, t) in timexes.iter().enumerate() {
            // (a) «اليوم (الاثنين)», «اليوم الاثنين».
            if let Some(r @ Reference::Day { offset: 0, weekday: Some(_) }) = t.reference {
                let day = r.day(a.published).expect("day reference");
                let near = usize::from((day.to_days() - a.published.to_days()).abs() <= 1);
                today += 1;
                today_near += near;
                if Some(a.published) != first_crawl_day {
                    fresh += 1;
                    fresh_near += near;
                }
            }
            let is_date = matches!(t.kind, TimexKind::Date | TimexKind::Datetime);
            if !is_date || !is_hijri(&a.text[t.core.clone()]) {
                continue;
            }
            let Some(day) = CivilDate::parse_iso_prefix(&t.value.to_string()) else { continue };
            // (b) «… هـ الموافق <Gregorian date>».
            if let Some(next) = timexes.get(k + 1) {
                let between = a.text[t.span.end..next.span.start].trim();
                if marsad_text::normalize_str(between) == "الموافق" && matches!(next.kind, TimexKind::Date) {
                    pairs += 1;
                    pairs_agree += usize::from(next.value.to_string() == day.to_string());
                }
            }
            // (b) A Hijri dateline at the top of the article («الرياض 26 شوال 1436 هـ»).
            if t.span.start < 120 {
                datelines += 1;
                datelines_near += usize::from((day.to_days() - a.published.to_days()).abs() <= 3);
            }
        }
        found.insert(a.id.as_str(), timexes);
    }
    let rate = |n: usize, d: usize| n as f64 / d.max(1) as f64;
    println!(
        "(a) today+weekday: {today_near}/{today} within 1 day of published ({:.3}); \
         without the first crawl day {fresh_near}/{fresh} ({:.3})",
        rate(today_near, today),
        rate(fresh_near, fresh)
    );
    println!("(b) Hijri = paired Gregorian date: {pairs_agree}/{pairs} ({:.3})", rate(pairs_agree, pairs));
    println!(
        "(b) Hijri datelines within 3 days of published: {datelines_near}/{datelines} ({:.3})",
        rate(datelines_near, datelines)
    );

    // (c) The hand-checked list.
    let list =
        std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/saudinewsnet_timexes.tsv"))
            .expect("hand-checked list");
    let (mut positives, mut recalled, mut predicted, mut correct) = (0, 0, 0, 0);
    for row in list.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let fields: Vec<&str> = row.split('\t').collect();
        let [id, expression, kind, value] = fields[..] else { panic!("bad row {row}") };
        let article = by_id.get(id).unwrap_or_else(|| panic!("no article {id}"));
        let hit = found[id].iter().find(|t| {
            [&t.span, &t.core]
                .iter()
                .any(|r| article.text[(*r).clone()].split_whitespace().eq(expression.split_whitespace()))
        });
        let right = hit.is_some_and(|t| kind_name(t.kind) == kind && t.value.to_string() == value);
        if kind != "none" {
            positives += 1;
            recalled += usize::from(right);
        }
        predicted += usize::from(hit.is_some());
        correct += usize::from(hit.is_some() && right);
        if !right && (kind != "none" || hit.is_some()) {
            let got = hit.map(|t| format!("{} {}", kind_name(t.kind), t.value));
            println!("  list miss: {id} «{expression}» want {kind} {value}, got {got:?}");
        }
    }
    let (precision, recall) = (rate(correct, predicted), rate(recalled, positives));
    println!("(c) hand-checked list: precision {precision:.3} ({correct}/{predicted}), recall {recall:.3} ({recalled}/{positives})");

    // The rest are crawl lags: «اليوم الاثنين 20 يوليو» crawled on 22 July.
    assert!(today > 1000 && rate(today_near, today) >= 0.85 && rate(fresh_near, fresh) >= 0.88);
    assert!(pairs > 100 && rate(pairs_agree, pairs) >= 0.9);
    assert!(datelines > 100 && rate(datelines_near, datelines) >= 0.85);
    assert!(precision >= 0.9 && recall >= 0.9);
}
