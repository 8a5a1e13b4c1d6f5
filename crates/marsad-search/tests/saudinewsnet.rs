//! Search latency over the whole SaudiNewsNet corpus (31,030 articles),
//! analyzed by the real pipeline (entities included) and indexed.
//!
//! Slow (it analyzes the corpus first), so ignored by default:
//! `cargo test -p marsad-search --release --test saudinewsnet -- --ignored --nocapture`.
//! The 50 ms p99 bar is asserted in builds without debug assertions only;
//! a debug build reports its numbers.

use std::path::Path;
use std::time::{Duration, Instant};

use marsad_analyze::{analyze_inputs, Options};
use marsad_search::{SearchDocument, SearchIndex, SearchQuery};

/// p99 search latency the issue asks for.
const P99_BAR: Duration = Duration::from_millis(50);

#[test]
#[ignore = "analyzes all of SaudiNewsNet; run with --release -- --ignored"]
fn p99_latency_over_saudinewsnet() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/saudinewsnet/articles.jsonl.gz");
    if !corpus.exists() {
        eprintln!("skipped: {} is absent", corpus.display());
        return;
    }
    let t = Instant::now();
    let analyzed = analyze_inputs(&[corpus], &Options::default(), &());
    eprintln!("analyzed {} documents in {:.1?}", analyzed.documents.len(), t.elapsed());

    let dir = tempfile::tempdir().expect("tempdir");
    let index = SearchIndex::open_or_create(dir.path()).expect("index");
    let mut writer = index.writer().expect("writer");
    let t = Instant::now();
    for d in &analyzed.documents {
        writer.upsert(&SearchDocument::from(d)).expect("upsert");
    }
    writer.commit(&analyzed.documents.len().to_string()).expect("commit");
    eprintln!("indexed {} documents in {:.1?}", index.num_docs(), t.elapsed());
    assert!(index.num_docs() >= 31_030);

    let outlet = analyzed.documents.iter().find_map(|d| d.outlet.clone());
    let mut queries: Vec<SearchQuery> = [
        "السعودية",
        "الملك",
        "ولي العهد",
        "\"ولي العهد\"",
        "وزارة الصحة",
        "كورونا",
        "الرياض جدة",
        "محمد بن سلمان",
        "\"خادم الحرمين الشريفين\"",
        "أمير منطقة مكة المكرمة",
        "مجلس الوزراء",
        "الأمم المتحدة",
        "النفط أسعار",
        "الهلال النصر",
        "في",
        "من الى على",
        "وزير الخارجية الأمريكي",
        "بيونغ يانغ",
        "أوباما",
        "داعش",
    ]
    .iter()
    .map(|t| SearchQuery::new(*t))
    .collect();
    let filtered: Vec<SearchQuery> = queries
        .iter()
        .take(5)
        .map(|q| SearchQuery {
            outlet: outlet.clone(),
            from: Some("2015-01-01".into()),
            to: Some("2015-12-31".into()),
            ..q.clone()
        })
        .collect();
    queries.extend(filtered);

    let mut times = Vec::new();
    for round in 0..5 {
        for q in &queries {
            let t = Instant::now();
            let results = index.search(q).expect("search");
            let took = t.elapsed();
            if round == 0 {
                eprintln!("{:>6.1?} {:>6} hits  {}", took, results.total, q.text);
            }
            times.push(took);
        }
    }
    times.sort();
    let at = |p: f64| times[((times.len() as f64 * p).ceil() as usize).saturating_sub(1)];
    eprintln!("{} searches: p50 {:.1?}, p99 {:.1?}, max {:.1?}", times.len(), at(0.5), at(0.99), at(1.0));
    if !cfg!(debug_assertions) {
        assert!(at(0.99) < P99_BAR, "p99 {:.1?} over {P99_BAR:?}", at(0.99));
    }
}
