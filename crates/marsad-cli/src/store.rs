//! The commands that keep a store: `ingest`, `search`, `watch`.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use marsad_analyze::{analyze_inputs, Corpus, Options};
use marsad_search::{SearchQuery, SearchResults};
use marsad_store::Store;

use crate::{progress, report};

/// Analyzes `paths` and stores the documents in the store at `data`.
pub fn ingest(paths: &[PathBuf], data: &Path, options: &Options, quiet: bool) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    // Open first: a store that cannot be opened fails before the analysis.
    let mut store = open(data)?;
    let bar = progress::Bars::new(quiet);
    let corpus = analyze_inputs(paths, options, &bar);
    bar.finish();
    let analyzed = started.elapsed();
    store_corpus(&mut store, corpus, quiet, started, analyzed)
}

fn store_corpus(
    store: &mut Store,
    corpus: Corpus,
    quiet: bool,
    started: Instant,
    analyzed: std::time::Duration,
) -> anyhow::Result<ExitCode> {
    let errors = corpus.errors;
    let articles = corpus.documents.len();
    let added = store.add(corpus.documents).with_context(|| format!("{}", store.dir().display()))?;
    let placed = store.update_stories().with_context(|| format!("{}", store.dir().display()))?;
    let indexed = store.sync_index().with_context(|| format!("{}", store.dir().display()))?;
    let counts = store.counts()?;
    if !quiet {
        eprintln!(
            "marsad: {articles} articles: {} new, {} replaced, {} already stored; {} placed in stories ({} briefed); \
             {indexed} indexed; analysis {:.1}s, total {:.1}s",
            added.new,
            added.replaced,
            added.unchanged,
            placed.placed,
            placed.briefed,
            analyzed.as_secs_f64(),
            started.elapsed().as_secs_f64()
        );
        eprintln!(
            "marsad: {} holds {} documents, {} stories, {} entities",
            store.dir().display(),
            counts.documents,
            counts.stories,
            counts.entities
        );
    }
    Ok(report(&errors))
}

/// Opens (or creates) the store at `data`, finishing an interrupted ingest.
fn open(data: &Path) -> anyhow::Result<Store> {
    Store::open(data).with_context(|| format!("cannot open the store {}", data.display()))
}

/// Searches the store at `data` and prints the hits.
pub fn search(query: &SearchQuery, json: bool, data: &Path) -> anyhow::Result<ExitCode> {
    if !data.join("marsad.sqlite").is_file() {
        anyhow::bail!("no store at {} (run `marsad ingest PATH...` first, or name one with --data)", data.display());
    }
    let store = Store::open_without_recovery(data).with_context(|| format!("cannot open {}", data.display()))?;
    let results = store.search(query)?;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    if json {
        serde_json::to_writer_pretty(&mut out, &results)?;
        writeln!(out)?;
    } else {
        write_hits(&mut out, &results, io::stdout().is_terminal())?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Hits as text: a heading line per hit, then its snippet with the matched
/// words in bold on a terminal.
fn write_hits(out: &mut impl Write, results: &SearchResults, bold: bool) -> io::Result<()> {
    writeln!(out, "{} hits", results.total)?;
    for hit in &results.hits {
        let date = hit.published.as_deref().map(|p| p.get(..10).unwrap_or(p)).unwrap_or("—");
        writeln!(out, "\n{}  ·  {}  ·  {}  ·  {}", hit.title, hit.outlet, date, hit.id)?;
        let text = &hit.snippet.text;
        let mut at = 0;
        for &(start, end) in &hit.snippet.highlights {
            let (Some(before), Some(word)) = (text.get(at..start), text.get(start..end)) else { continue };
            if bold {
                write!(out, "{before}\x1b[1m{word}\x1b[0m")?;
            } else {
                write!(out, "{before}{word}")?;
            }
            at = end;
        }
        writeln!(out, "{}", text.get(at..).unwrap_or(""))?;
    }
    Ok(())
}

/// Feed watching settings, as given on the command line.
pub struct WatchArgs {
    pub feeds: PathBuf,
    pub allow_private: bool,
    pub once: bool,
    pub interval_secs: u64,
    pub state: Option<PathBuf>,
}

/// Polls the feeds listed in `args.feeds` and stores their new articles.
pub fn watch(args: WatchArgs, data: &Path, quiet: bool) -> anyhow::Result<ExitCode> {
    let feeds = marsad_watch::FeedList::read(&args.feeds)?;
    let mut store = open(data)?;
    let state_path = args.state.unwrap_or_else(|| data.join("watch-state.json"));
    let mut state = marsad_watch::WatchState::load(&state_path)?;
    let mut config = marsad_watch::WatchConfig::default();
    config.http.addresses.allow_private = args.allow_private;
    let mut watcher = marsad_watch::Watcher::new(feeds, config);
    let mut failed = false;
    let mut on_poll = |report: marsad_watch::PollReport, state: &marsad_watch::WatchState| -> anyhow::Result<()> {
        for feed in &report.feeds {
            match &feed.outcome {
                marsad_watch::FeedOutcome::Failed(e) => {
                    failed = true;
                    eprintln!("marsad: {e}");
                }
                outcome if !quiet => eprintln!("marsad: {}: {outcome:?}, {} articles", feed.feed, feed.articles),
                _ => {}
            }
            for e in &feed.page_errors {
                eprintln!("marsad: {e}");
            }
        }
        let raws: Vec<_> = report.articles.into_iter().map(|a| a.article).collect();
        if !raws.is_empty() {
            let started = Instant::now();
            let corpus = marsad_analyze::analyze_articles(&raws, Vec::new(), &());
            store_corpus(&mut store, corpus, quiet, started, started.elapsed())?;
        }
        // Saved after the articles are stored: a crash re-fetches rather than loses.
        state.save(&state_path)?;
        Ok(())
    };
    if args.once {
        let report = watcher.poll_once(&mut state);
        on_poll(report, &state)?;
    } else {
        let stop = std::sync::atomic::AtomicBool::new(false);
        let mut error = None;
        watcher.run(&mut state, std::time::Duration::from_secs(args.interval_secs), &stop, |report, state| {
            if let Err(e) = on_poll(report, state) {
                error = Some(e);
                stop.store(true, std::sync::atomic::Ordering::Relaxed);
            }
        });
        if let Some(e) = error {
            return Err(e);
        }
    }
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Search latency over the store at `data`: queries made of its most named
/// entities (each name as words and as a quoted phrase) and of the first
/// words of its story titles, each run once to warm up and then timed.
pub fn search_latency(data: &Path) -> anyhow::Result<ExitCode> {
    if !data.join("marsad.sqlite").is_file() {
        anyhow::bail!("no store at {} (run `marsad ingest PATH...` first, or name one with --data)", data.display());
    }
    let store = Store::open_without_recovery(data)?;
    let mut queries: Vec<String> = Vec::new();
    for e in store.entities(100, 0)? {
        queries.push(format!("\"{}\"", e.name));
        queries.push(e.name);
    }
    for s in store.stories(200, 0)? {
        let words: Vec<&str> = s.title.as_deref().unwrap_or("").split_whitespace().take(3).collect();
        if words.len() >= 2 {
            queries.push(words.join(" "));
        }
    }
    if queries.is_empty() {
        anyhow::bail!("{} holds nothing to search", data.display());
    }
    let mut timings: Vec<std::time::Duration> = Vec::with_capacity(queries.len());
    let mut hits = 0usize;
    for q in &queries {
        let query = SearchQuery::new(q.clone());
        store.search(&query)?;
        let t = Instant::now();
        hits += store.search(&query)?.total;
        timings.push(t.elapsed());
    }
    timings.sort_unstable();
    let at = |p: f64| timings[((timings.len() - 1) as f64 * p).round() as usize].as_secs_f64() * 1000.0;
    let counts = store.counts()?;
    println!(
        "search latency over {} documents, {} queries ({} hits in all): p50 {:.1} ms, p90 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        counts.documents,
        timings.len(),
        hits,
        at(0.5),
        at(0.9),
        at(0.99),
        at(1.0)
    );
    Ok(ExitCode::SUCCESS)
}
