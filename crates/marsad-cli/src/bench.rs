//! `marsad bench`: throughput of every stage on one core.
//!
//! Runs each stage over the whole corpus on the current thread and reports
//! articles/s and MB/s (of article text, after decompression) per stage and
//! for the spine as a whole, and the process's peak resident memory.

use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use marsad_analyze::{Analyzer, Options};
use marsad_ingest::{Cleaner, RepeatedLines};

struct Stage {
    name: &'static str,
    time: Duration,
}

pub fn run(path: &Path, options: &Options) -> anyhow::Result<ExitCode> {
    if !path.exists() {
        eprintln!(
            "marsad bench: {} not found; pass a corpus path (e.g. ../shared/data/saudinewsnet/articles.jsonl.gz)",
            path.display()
        );
        return Ok(ExitCode::from(1));
    }
    let mut stages = Vec::new();

    let t = Instant::now();
    let (raws, errors) = marsad_analyze::pipeline::read_all(&[path.to_owned()], options, &());
    stages.push(Stage { name: "read (gunzip, decode, parse)", time: t.elapsed() });
    for e in &errors {
        eprintln!("marsad: {e}");
    }
    let bytes: usize = raws.iter().map(|r| r.text.len()).sum();

    let t = Instant::now();
    let cleaner = Cleaner::with_repeated_lines(RepeatedLines::from_articles(&raws));
    stages.push(Stage { name: "count repeated lines", time: t.elapsed() });

    let t = Instant::now();
    let articles: Vec<_> = raws.iter().flat_map(|r| cleaner.clean(r)).collect();
    stages.push(Stage { name: "clean (furniture, split, metadata)", time: t.elapsed() });
    drop(raws);

    let t = Instant::now();
    let mut words = 0usize;
    let mut stem_bytes = 0usize;
    let mut sentences = 0usize;
    for a in &articles {
        let norm = marsad_text::normalize(&a.text);
        stem_bytes += norm.text.len();
        for tok in marsad_text::tokenize(&a.text) {
            if tok.kind == marsad_text::TokenKind::Arabic {
                stem_bytes += marsad_text::light_stem(tok.text).len();
            }
            words += 1;
        }
        sentences += marsad_text::split_sentences(&a.text).len();
    }
    stages.push(Stage { name: "text core (normalize, tokenize, stem, sentences)", time: t.elapsed() });

    // Each analysis step alone, then the whole analysis as `marsad analyze` runs it.
    let t = Instant::now();
    let found: Vec<_> = articles.iter().map(|a| marsad_entities::entities(&a.text)).collect();
    stages.push(Stage { name: "  entities (gazetteer, tagger, variants)", time: t.elapsed() });
    let t = Instant::now();
    let mut quotes = 0usize;
    for (a, entities) in articles.iter().zip(&found) {
        let names: Vec<marsad_quotes::NamedSpan> = entities
            .iter()
            .enumerate()
            .flat_map(|(i, e)| {
                e.mentions.iter().map(move |m| marsad_quotes::NamedSpan {
                    span: m.span.clone(),
                    entity: i,
                    person: false,
                })
            })
            .collect();
        quotes += marsad_quotes::find_quotes(&a.text, &marsad_text::split_sentences(&a.text), &names).len();
    }
    stages.push(Stage { name: "  quotes (with sentences)", time: t.elapsed() });
    drop(found);
    let t = Instant::now();
    let dates: usize =
        articles.iter().map(|a| marsad_time::find_timexes(&a.text, a.published.map(|p| p.date)).len()).sum();
    stages.push(Stage { name: "  dates", time: t.elapsed() });

    let t = Instant::now();
    let analyzer = Analyzer::new();
    let n_docs = articles.len();
    let mut documents: Vec<_> = articles.into_iter().map(|a| analyzer.analyze(a)).collect();
    let analyze = t.elapsed();
    stages.push(Stage { name: "analyze (sentences, entities, quotes, dates)", time: analyze });

    let t = Instant::now();
    let stories = marsad_stories::find_stories(&mut documents, marsad_stories::Settings::default()).len();
    let stories_time = t.elapsed();
    stages.push(Stage { name: "stories (duplicates, clustering, reuse)", time: stories_time });

    let mb = bytes as f64 / 1e6;
    println!(
        "corpus: {} ({:.1} MB of article text, {} documents after cleaning, {words} tokens, {sentences} sentences, \
         {quotes} quotes, {dates} dates, {stories} stories)",
        path.display(),
        mb,
        n_docs
    );
    println!("{:<52} {:>9} {:>12} {:>10}", "stage (one core)", "seconds", "articles/s", "MB/s");
    // The spine is reading and cleaning plus the text core; the analysis
    // redoes the text core itself, so the total counts reading, cleaning,
    // the analysis and the stories.
    let ingest: Duration = stages[..3].iter().map(|s| s.time).sum();
    let totals = [
        Stage { name: "spine: ingest + clean + text core", time: ingest + stages[3].time },
        Stage { name: "full: ingest + clean + analyze + stories", time: ingest + analyze + stories_time },
    ];
    for s in stages.iter().chain(&totals) {
        let secs = s.time.as_secs_f64().max(1e-9);
        println!("{:<52} {:>9.2} {:>12.0} {:>10.1}", s.name, secs, n_docs as f64 / secs, mb / secs);
    }
    if let Some(kb) = peak_rss_kb() {
        println!("peak memory (VmHWM): {:.0} MB", kb as f64 / 1024.0);
    }
    std::hint::black_box(stem_bytes);
    Ok(if errors.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// Peak resident set size of this process, from /proc (Linux only).
fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
