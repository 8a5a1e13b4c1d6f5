//! Trains the ANERcorp NER model.
//!
//! ```text
//! train-ner --data DIR --out FILE [--epochs N] [--heldout-fraction F] [--final]
//!           [--no-names] [--gold-out FILE] [--pred-out FILE] [--min-count N] [--seed N]
//! ```
//! Without `--final`: trains on all but the last F (0.1) of the pseudo-sentences,
//! prints entity-level P/R/F1 on that held-out part, writes the held-out gold and
//! predictions (for `conll_f1.py`) and the model. With `--final`: trains on all data.
//! `--no-context` trains the first pass only (no document-context second pass).

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use marsad_ner::clusters::read_jsonl_corpus;
use marsad_ner::clusters::{ClusterMap, DEFAULT_KS};
use marsad_ner::train::{
    evaluate, fold, load_gazetteers, read_conll, split_heldout, train, train_two_pass, train_with_unlabeled,
    write_conll, DataPaths, TrainOptions,
};
use marsad_ner::Tagger;

struct Args {
    data: PathBuf,
    out: PathBuf,
    heldout: f64,
    final_model: bool,
    names: bool,
    clusters: bool,
    autolex: bool,
    context: bool,
    unlabeled: Option<PathBuf>,
    clusters_cache: PathBuf,
    cluster_iters: usize,
    cv: usize,
    gold_out: PathBuf,
    pred_out: PathBuf,
    opts: TrainOptions,
}

fn usage() -> &'static str {
    "usage: train-ner --data DIR --out FILE [--epochs N] [--heldout-fraction F] [--final] \
     [--no-names] [--no-clusters] [--no-autolex] [--no-context] [--unlabeled FILE.jsonl.gz] [--clusters-cache FILE] \
     [--cluster-iters N] [--gold-out FILE] [--pred-out FILE] [--min-count N] [--seed N]"
}

fn parse() -> Result<Args, String> {
    let mut it = std::env::args().skip(1);
    let tmp = std::env::temp_dir();
    let mut a = Args {
        data: PathBuf::new(),
        out: PathBuf::new(),
        heldout: 0.1,
        final_model: false,
        names: true,
        clusters: true,
        autolex: true,
        context: true,
        unlabeled: None,
        clusters_cache: tmp.join("marsad-ner-clusters.tsv"),
        cluster_iters: 10,
        cv: 0,
        gold_out: tmp.join("marsad-ner-heldout-gold.txt"),
        pred_out: tmp.join("marsad-ner-heldout-pred.txt"),
        opts: TrainOptions { verbose: true, ..TrainOptions::default() },
    };
    while let Some(flag) = it.next() {
        let mut val = || it.next().ok_or_else(|| format!("{flag} needs a value\n{}", usage()));
        match flag.as_str() {
            "--data" => a.data = val()?.into(),
            "--out" => a.out = val()?.into(),
            "--epochs" => a.opts.epochs = val()?.parse().map_err(|e| format!("--epochs: {e}"))?,
            "--heldout-fraction" => {
                a.heldout = val()?.parse().map_err(|e| format!("--heldout-fraction: {e}"))?;
                if !(0.0..1.0).contains(&a.heldout) {
                    return Err("--heldout-fraction must be in [0, 1)".into());
                }
            }
            "--min-count" => a.opts.min_count = val()?.parse().map_err(|e| format!("--min-count: {e}"))?,
            "--margin" => a.opts.margin = val()?.parse().map_err(|e| format!("--margin: {e}"))?,
            "--o-penalty" => a.opts.o_penalty = val()?.parse().map_err(|e| format!("--o-penalty: {e}"))?,
            "--bags" => a.opts.bags = val()?.parse().map_err(|e| format!("--bags: {e}"))?,
            "--seed" => a.opts.seed = val()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--gold-out" => a.gold_out = val()?.into(),
            "--pred-out" => a.pred_out = val()?.into(),
            "--final" => a.final_model = true,
            "--cv" => a.cv = val()?.parse().map_err(|e| format!("--cv: {e}"))?,
            "--no-names" => a.names = false,
            "--no-clusters" => a.clusters = false,
            "--no-autolex" => a.autolex = false,
            "--no-context" => a.context = false,
            "--no-auto-phrases" => a.opts.auto_phrases = false,
            "--unlabeled" => a.unlabeled = Some(val()?.into()),
            "--clusters-cache" => a.clusters_cache = val()?.into(),
            "--cluster-iters" => a.cluster_iters = val()?.parse().map_err(|e| format!("--cluster-iters: {e}"))?,
            "-h" | "--help" => return Err(usage().into()),
            other => return Err(format!("unknown argument {other}\n{}", usage())),
        }
    }
    if a.data.as_os_str().is_empty() || a.out.as_os_str().is_empty() {
        return Err(usage().into());
    }
    Ok(a)
}

fn run(a: Args) -> Result<(), Box<dyn std::error::Error>> {
    let paths = DataPaths::new(&a.data);
    let t0 = Instant::now();
    let sentences = read_conll(&paths.train)?;
    let names = if a.names { paths.names.as_deref() } else { None };
    let entries = load_gazetteers(&paths.anercorp, names)?;
    let ntok: usize = sentences.iter().map(|s| s.tokens.len()).sum();
    eprintln!(
        "read {} pseudo-sentences ({ntok} tokens), {} gazetteer entries{} in {:.1}s",
        sentences.len(),
        entries.len(),
        if names.is_some() { " (with names lists)" } else { "" },
        t0.elapsed().as_secs_f64()
    );
    let unlabeled = a.unlabeled.clone().or(paths.unlabeled.clone());
    let auto_corpus = match (&unlabeled, a.autolex) {
        (Some(u), true) => {
            let t = Instant::now();
            let c = read_jsonl_corpus(u, 1)?;
            eprintln!(
                "unlabeled corpus for the automatic lexicon: {} tokens in {:.1}s",
                c.ids.len(),
                t.elapsed().as_secs_f64()
            );
            Some(c)
        }
        _ => None,
    };
    let train_fn = |tr: &[marsad_ner::train::Sentence],
                    dev: Option<&[marsad_ner::train::Sentence]>,
                    entries: Vec<marsad_ner::GazetteerEntry>,
                    clusters: ClusterMap,
                    opts: &TrainOptions| match (&auto_corpus, a.context) {
        (c, true) => train_two_pass(tr, dev, entries, clusters, c.as_ref(), opts),
        (Some(c), false) => train_with_unlabeled(tr, dev, entries, clusters, c, opts),
        (None, false) => train(tr, dev, entries, clusters, opts),
    };
    let clusters = match (a.clusters, unlabeled) {
        (true, Some(u)) => {
            let t = Instant::now();
            let c = ClusterMap::load_or_build(&u, &a.clusters_cache, &DEFAULT_KS, 5, a.cluster_iters, true)?;
            eprintln!("clusters of {} words ready in {:.1}s", c.words.len(), t.elapsed().as_secs_f64());
            c
        }
        (true, None) => {
            eprintln!("no unlabeled corpus found (give --unlabeled); training without word clusters");
            ClusterMap::default()
        }
        (false, _) => ClusterMap::default(),
    };
    if a.cv > 1 {
        // Model selection without touching the held-out part: K contiguous folds of the rest.
        let (rest, _) = split_heldout(&sentences, a.heldout);
        let mut total = marsad_ner::eval::Score::default();
        let quiet = TrainOptions { verbose: false, ..a.opts.clone() };
        for f in 0..a.cv {
            let (held, tr) = fold(rest, f, a.cv);
            let tagger = train_fn(&tr, None, entries.clone(), clusters.clone(), &quiet);
            let (s, _) = evaluate(&tagger, &rest[held]);
            println!("fold {f}: P {:.4} R {:.4} F1 {:.4}", s.all.precision(), s.all.recall(), s.all.f1());
            for (k, c) in s.by_type {
                let e = total.by_type.entry(k).or_default();
                e.correct += c.correct;
                e.predicted += c.predicted;
                e.gold += c.gold;
            }
            total.all.correct += s.all.correct;
            total.all.predicted += s.all.predicted;
            total.all.gold += s.all.gold;
        }
        println!("{}-fold cross-validation on the training part (pooled):", a.cv);
        print!("{total}");
        return Ok(());
    }
    let (train_part, held) =
        if a.final_model { (&sentences[..], &sentences[..0]) } else { split_heldout(&sentences, a.heldout) };
    let held_tokens: usize = held.iter().map(|s| s.tokens.len()).sum();
    eprintln!(
        "training on {} sentences, holding out {} ({held_tokens} tokens), {} epochs",
        train_part.len(),
        held.len(),
        a.opts.epochs
    );
    let t1 = Instant::now();
    let tagger = train_fn(train_part, (!held.is_empty()).then_some(held), entries, clusters, &a.opts);
    eprintln!("trained in {:.1}s", t1.elapsed().as_secs_f64());
    let bytes = tagger.to_bytes()?;
    if let Some(dir) = a.out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(&a.out, &bytes)?;
    let t2 = Instant::now();
    let loaded = Tagger::load(&bytes)?;
    let (nfeat, nent) = loaded.size();
    println!(
        "model: {} ({} bytes, {nfeat} features, {nent} gazetteer entries; reload {:.0} ms)",
        a.out.display(),
        bytes.len(),
        t2.elapsed().as_secs_f64() * 1000.0
    );
    if !held.is_empty() {
        let (score, pred) = evaluate(&loaded, held);
        println!("held-out (last {:.0}% of pseudo-sentences, shipped-format model):", a.heldout * 100.0);
        print!("{score}");
        write_conll(&a.gold_out, held, None)?;
        // Predictions through the public CoNLL path, from the gold file itself.
        let gold_file = std::io::BufReader::new(std::fs::File::open(&a.gold_out)?);
        loaded.tag_conll(gold_file, std::io::BufWriter::new(std::fs::File::create(&a.pred_out)?))?;
        let via_conll: Vec<_> = std::fs::read_to_string(&a.pred_out)?
            .lines()
            .filter_map(|l| l.split_whitespace().nth(1).and_then(|t| t.parse::<marsad_ner::Tag>().ok()))
            .collect();
        let direct: Vec<_> = pred.iter().flatten().copied().collect();
        if via_conll != direct {
            return Err("tag_conll and document tagging disagree on the held-out part".into());
        }
        println!("gold: {}\npred: {}", a.gold_out.display(), a.pred_out.display());
    }
    Ok(())
}

fn main() -> ExitCode {
    let args = match parse() {
        Ok(a) => a,
        Err(msg) => {
            eprintln!("{msg}");
            return ExitCode::from(2);
        }
    };
    match run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train-ner: {e}");
            ExitCode::FAILURE
        }
    }
}
