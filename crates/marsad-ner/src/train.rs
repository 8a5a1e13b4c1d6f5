//! Training: ANERcorp reading, pseudo-sentences, gazetteers, the averaged
//! structured perceptron, and held-out evaluation.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use flate2::read::GzDecoder;

use crate::autolex::AutoLexicon;
use crate::clusters::{ClusterMap, Corpus};
use crate::context::{document_keys, ContextKeys, FirstPass};
use crate::decode::{viterbi, Lattice, Transitions};
use crate::eval::{score, Score};
use crate::features::{Extractor, Features};
use crate::lexicon::{Entry, Lexicon, Source};
use crate::model::{Model, Row, Stage, WeightTable};
use crate::tags::{repair, Tag, NTAGS};
use crate::{is_sentence_final, NerError, Tagger};

/// A tagged sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub tokens: Vec<String>,
    pub tags: Vec<Tag>,
}

fn data_err(path: &Path, message: impl Into<String>) -> NerError {
    NerError::Data { path: path.to_path_buf(), message: message.into() }
}

fn open(path: &Path) -> Result<File, NerError> {
    File::open(path).map_err(|e| data_err(path, e.to_string()))
}

/// Reads `token TAG` lines (ANERcorp's `train.txt`). Lines without a token
/// and a tag are skipped; blank lines end sentences; long runs are cut into
/// pseudo-sentences after sentence-final punctuation.
pub fn read_conll(path: &Path) -> Result<Vec<Sentence>, NerError> {
    let reader = BufReader::new(open(path)?);
    let mut out = Vec::new();
    let mut cur = Sentence { tokens: Vec::new(), tags: Vec::new() };
    let mut push = |cur: &mut Sentence| {
        if !cur.tokens.is_empty() {
            repair(&mut cur.tags);
            out.push(std::mem::replace(cur, Sentence { tokens: Vec::new(), tags: Vec::new() }));
        }
    };
    for (n, line) in reader.lines().enumerate() {
        let line = line.map_err(|e| data_err(path, format!("line {}: {e}", n + 1)))?;
        let fields: Vec<&str> = line.split_whitespace().collect();
        if fields.is_empty() {
            push(&mut cur);
            continue;
        }
        if fields.len() < 2 {
            continue;
        }
        let tag: Tag = fields[fields.len() - 1]
            .parse()
            .map_err(|_| data_err(path, format!("line {}: bad tag in {line:?}", n + 1)))?;
        cur.tokens.push(fields[0].to_string());
        cur.tags.push(tag);
        if is_sentence_final(fields[0]) {
            push(&mut cur);
        }
    }
    push(&mut cur);
    if out.is_empty() {
        return Err(data_err(path, "no tagged tokens"));
    }
    Ok(out)
}

/// Writes sentences as `token TAG` lines with a blank line after each.
pub fn write_conll(path: &Path, sentences: &[Sentence], tags: Option<&[Vec<Tag>]>) -> Result<(), NerError> {
    let mut s = String::new();
    for (k, sent) in sentences.iter().enumerate() {
        let tg = tags.and_then(|t| t.get(k)).unwrap_or(&sent.tags);
        for (tok, tag) in sent.tokens.iter().zip(tg) {
            s.push_str(tok);
            s.push(' ');
            s.push_str(&tag.to_string());
            s.push('\n');
        }
        s.push('\n');
    }
    std::fs::write(path, s).map_err(|e| data_err(path, e.to_string()))
}

fn normalized_phrase(s: &str) -> String {
    let n = marsad_text::normalize_str(s);
    n.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Gazetteer entries: ANERGazet under `anercorp/gazetteers`, and, when
/// `names` is given, full names (`wikidata_arabic_names.tsv.gz`) and name
/// words (`ar2en-*.txt`).
pub fn load_gazetteers(anercorp: &Path, names: Option<&Path>) -> Result<Vec<Entry>, NerError> {
    let mut entries = Vec::new();
    for (dir, source) in [
        ("AlignedPersGazetteer", Source::AnerPers),
        ("AlignedLocGazetteer", Source::AnerLoc),
        ("AlignedOrgGazetteer", Source::AnerOrg),
    ] {
        let path = anercorp.join("gazetteers").join(dir).join("data");
        let mut s = String::new();
        open(&path)?.read_to_string(&mut s).map_err(|e| data_err(&path, e.to_string()))?;
        for line in s.lines() {
            let l = line.trim();
            if l.is_empty() || l.chars().all(|c| c == '=' || c == '*') {
                continue;
            }
            let text = normalized_phrase(l);
            if !text.is_empty() {
                entries.push(Entry { source, text });
            }
        }
    }
    if let Some(names) = names {
        let path = names.join("wikidata_arabic_names.tsv.gz");
        let mut s = String::new();
        GzDecoder::new(open(&path)?).read_to_string(&mut s).map_err(|e| data_err(&path, e.to_string()))?;
        for line in s.lines().skip(1) {
            if let Some(ar) = line.split('\t').next() {
                let text = normalized_phrase(ar);
                if !text.is_empty() {
                    entries.push(Entry { source: Source::FullName, text });
                }
            }
        }
        for f in ["ar2en-train.txt", "ar2en-eval.txt"] {
            let path = names.join(f);
            let mut s = String::new();
            open(&path)?.read_to_string(&mut s).map_err(|e| data_err(&path, e.to_string()))?;
            for line in s.lines() {
                if let Some(ar) = line.split('\t').next() {
                    let text = normalized_phrase(ar);
                    if !text.is_empty() && !text.contains(' ') {
                        entries.push(Entry { source: Source::NameWord, text });
                    }
                }
            }
        }
    }
    Ok(entries)
}

/// Training settings.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// Passes over the training data.
    pub epochs: usize,
    /// Seed of the per-epoch shuffle.
    pub seed: u64,
    /// Features seen fewer times than this in training are dropped.
    pub min_count: u32,
    /// Print progress (and held-out F1 per epoch when `dev` is given) to stderr.
    pub verbose: bool,
    /// Loss-augmented decoding in training: this much is added to the score
    /// of every wrong tag (entity tags for gold `O` tokens get `margin`, wrong
    /// tags of entity tokens `2 * margin`), so updates also fire on
    /// low-margin correct paths.
    pub margin: f32,
    /// Number of perceptrons (different shuffles) whose averaged weights are averaged.
    pub bags: usize,
    /// With an unlabeled corpus: also use the multiword names the base model finds there.
    pub auto_phrases: bool,
    /// Subtracted from the score of `O` on every token after training: trades
    /// precision for recall (the perceptron alone favours precision).
    pub o_penalty: f32,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 8,
            seed: 0x6d61_7273_6164,
            min_count: 2,
            verbose: false,
            margin: 0.0,
            bags: 3,
            o_penalty: 0.0,
            auto_phrases: true,
        }
    }
}

/// SplitMix64: a tiny deterministic RNG for shuffling.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// A sentence as dense feature indices.
struct Encoded {
    feats: Vec<u32>,
    starts: Vec<u32>,
    gold: Vec<usize>,
}

impl Encoded {
    fn token(&self, i: usize) -> &[u32] {
        &self.feats[self.starts[i] as usize..self.starts[i + 1] as usize]
    }
}

fn encode(
    ex: &Extractor,
    s: &Sentence,
    context: Option<&ContextKeys>,
    index: &HashMap<u64, u32>,
    f: &mut Features,
) -> Encoded {
    let words: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
    ex.extract(&words, f);
    let mut feats = Vec::new();
    let mut starts = vec![0u32];
    for i in 0..words.len() {
        let extra = context.map_or(&[][..], |c| c.token(i));
        feats.extend(f.token(i).iter().chain(extra).filter_map(|k| index.get(k).copied()));
        starts.push(feats.len() as u32);
    }
    Encoded { feats, starts, gold: s.tags.iter().map(|t| t.index()).collect() }
}

/// Perceptron state with lazy averaging (`avg = w - acc / c`).
struct Perceptron {
    w: Vec<Row>,
    acc: Vec<Row>,
    tw: Transitions,
    tacc: Transitions,
    c: f32,
}

impl Perceptron {
    fn emissions(&self, e: &Encoded, out: &mut Vec<Row>, averaged: Option<&[Row]>) {
        out.clear();
        let w = averaged.unwrap_or(&self.w);
        for i in 0..e.gold.len() {
            let mut row = [0.0f32; NTAGS];
            for &f in e.token(i) {
                let r = &w[f as usize];
                for t in 0..NTAGS {
                    row[t] += r[t];
                }
            }
            out.push(row);
        }
    }

    fn update(&mut self, e: &Encoded, pred: &[usize]) {
        let c = self.c;
        for i in 0..e.gold.len() {
            let (g, p) = (e.gold[i], pred[i]);
            if g != p {
                for &f in e.token(i) {
                    let f = f as usize;
                    self.w[f][g] += 1.0;
                    self.w[f][p] -= 1.0;
                    self.acc[f][g] += c;
                    self.acc[f][p] -= c;
                }
            }
            if i == 0 {
                if g != p {
                    self.tw.start[g] += 1.0;
                    self.tw.start[p] -= 1.0;
                    self.tacc.start[g] += c;
                    self.tacc.start[p] -= c;
                }
            } else {
                let (gp, pp) = (e.gold[i - 1], pred[i - 1]);
                if (gp, g) != (pp, p) {
                    self.tw.pair[gp][g] += 1.0;
                    self.tw.pair[pp][p] -= 1.0;
                    self.tacc.pair[gp][g] += c;
                    self.tacc.pair[pp][p] -= c;
                }
            }
        }
    }

    fn averaged(&self) -> (Vec<Row>, Transitions) {
        let c = self.c;
        let avg = |w: f32, a: f32| w - a / c;
        let rows = self
            .w
            .iter()
            .zip(&self.acc)
            .map(|(w, a)| {
                let mut r = [0.0f32; NTAGS];
                for t in 0..NTAGS {
                    r[t] = avg(w[t], a[t]);
                }
                r
            })
            .collect();
        let mut tr = Transitions::default();
        for t in 0..NTAGS {
            tr.start[t] = avg(self.tw.start[t], self.tacc.start[t]);
            for u in 0..NTAGS {
                tr.pair[t][u] = avg(self.tw.pair[t][u], self.tacc.pair[t][u]);
            }
        }
        (rows, tr)
    }
}

fn dev_score(p_rows: &[Row], tr: &Transitions, dev: &[Encoded], gold: &[Tag]) -> Score {
    let mut pred = Vec::with_capacity(gold.len());
    let mut emit = Vec::new();
    let mut lat = Lattice::default();
    let mut path = Vec::new();
    for e in dev {
        emit.clear();
        for i in 0..e.gold.len() {
            let mut row = [0.0f32; NTAGS];
            for &f in e.token(i) {
                let r = &p_rows[f as usize];
                for t in 0..NTAGS {
                    row[t] += r[t];
                }
            }
            emit.push(row);
        }
        viterbi(&emit, tr, &mut lat, &mut path);
        pred.extend(path.iter().map(|&i| Tag::from_index(i)));
    }
    score(gold, &pred)
}

/// Trains a tagger on `train` with gazetteer `entries` and word `clusters`
/// (no automatic lexicon); with `dev`, reports held-out F1 after each epoch
/// (when verbose).
pub fn train(
    train: &[Sentence],
    dev: Option<&[Sentence]>,
    entries: Vec<Entry>,
    clusters: ClusterMap,
    opts: &TrainOptions,
) -> Tagger {
    let ex = Extractor::with_lists(Lexicon::new(entries), clusters);
    Tagger::from_model(train_core(train, &[], dev, ex, opts, None))
}

/// Trains with an automatic lexicon from the `unlabeled` corpus (see
/// [`AutoLexicon`]); one pass, no document context.
pub fn train_with_unlabeled(
    train: &[Sentence],
    dev: Option<&[Sentence]>,
    entries: Vec<Entry>,
    clusters: ClusterMap,
    unlabeled: &Corpus,
    opts: &TrainOptions,
) -> Tagger {
    let ex = Extractors::with_unlabeled(train, entries, clusters, unlabeled, opts);
    Tagger::from_model(train_core(train, &ex.per_sentence(train.len()), dev, ex.all.clone(), opts, None))
}

/// The feature extractors of a training run: the one the model keeps, and
/// the one each training sentence is featurized with.
struct Extractors {
    all: Extractor,
    /// `(end, extractor)`: sentences before `end` (and after the previous
    /// fold's end) use `extractor`.
    folds: Vec<(usize, Extractor)>,
}

impl Extractors {
    /// Gazetteers and clusters only: every sentence uses the same extractor.
    fn lists(entries: Vec<Entry>, clusters: ClusterMap) -> Extractors {
        Extractors { all: Extractor::with_lists(Lexicon::new(entries), clusters), folds: Vec::new() }
    }

    /// With an automatic lexicon from `unlabeled`. So that training sees the
    /// lexicon as reliable as it is for unseen words, it is jackknifed: the
    /// sentences of each of [`AUTO_FOLDS`] folds get the lexicon of a base
    /// model trained without that fold; the shipped model (and `dev`) use
    /// the lexicon of a base model trained on all of `train`.
    fn with_unlabeled(
        train: &[Sentence],
        entries: Vec<Entry>,
        clusters: ClusterMap,
        unlabeled: &Corpus,
        opts: &TrainOptions,
    ) -> Extractors {
        let base_opts = TrainOptions { bags: 1, verbose: false, ..opts.clone() };
        let lexicon = Lexicon::new(entries.clone());
        let base_ex = || Extractor::with_lists(lexicon.clone(), clusters.clone());
        let with_auto = |base: &Tagger| {
            let (auto, phrases) = AutoLexicon::build_with_phrases(base, unlabeled);
            let n = (auto.words.len(), phrases.len());
            let mut all = entries.clone();
            if opts.auto_phrases {
                all.extend(phrases);
            }
            (Extractor::new(Lexicon::new(all), clusters.clone(), auto), n)
        };
        let mut folds = Vec::with_capacity(AUTO_FOLDS);
        for k in 0..AUTO_FOLDS {
            let (held, part) = fold(train, k, AUTO_FOLDS);
            let base = Tagger::from_model(train_core(&part, &[], None, base_ex(), &base_opts, None));
            let (ex, (nw, np)) = with_auto(&base);
            if opts.verbose {
                eprintln!("automatic lexicon, fold {k}: {nw} words, {np} multiword names");
            }
            folds.push((held.end, ex));
        }
        let base = Tagger::from_model(train_core(train, &[], None, base_ex(), &base_opts, None));
        let (all, (nw, np)) = with_auto(&base);
        if opts.verbose {
            eprintln!("automatic lexicon, all: {nw} words, {np} multiword names");
        }
        Extractors { all, folds }
    }

    /// The extractor of each of `n` training sentences.
    fn per_sentence(&self, n: usize) -> Vec<&Extractor> {
        (0..n).map(|i| self.folds.iter().find(|(hi, _)| i < *hi).map_or(&self.all, |(_, e)| e)).collect()
    }
}

/// Fold `k` of `folds` contiguous folds of `sentences` (for jackknifing and
/// cross-validation): its range, and the other sentences in order.
pub fn fold(sentences: &[Sentence], k: usize, folds: usize) -> (std::ops::Range<usize>, Vec<Sentence>) {
    let n = sentences.len();
    let (lo, hi) = (n * k / folds.max(1), (n * (k + 1) / folds.max(1)).min(n));
    let mut rest = sentences[..lo].to_vec();
    rest.extend_from_slice(&sentences[hi..]);
    (lo..hi, rest)
}

/// Number of folds for the automatic lexicon's jackknife.
pub const AUTO_FOLDS: usize = 5;

/// Number of folds for the jackknifed first-pass tags the second pass learns from.
pub const CONTEXT_FOLDS: usize = 5;

/// Trains the two-pass tagger (see `context`): a first pass as
/// [`train_with_unlabeled`] (or [`train`] without `unlabeled`), and a second
/// pass over the same features plus the document context of the first
/// pass's tags. The second pass learns from first-pass tags of models that
/// did not see the sentence ([`CONTEXT_FOLDS`] folds, trained in parallel),
/// so that it trusts them as much as they deserve on unseen text. Training
/// sentences are one stream of documents in their order; so are `dev`'s.
pub fn train_two_pass(
    train: &[Sentence],
    dev: Option<&[Sentence]>,
    entries: Vec<Entry>,
    clusters: ClusterMap,
    unlabeled: Option<&Corpus>,
    opts: &TrainOptions,
) -> Tagger {
    let extractors = |part: &[Sentence], opts: &TrainOptions| match unlabeled {
        Some(u) => Extractors::with_unlabeled(part, entries.clone(), clusters.clone(), u, opts),
        None => Extractors::lists(entries.clone(), clusters.clone()),
    };
    let one_pass = |part: &[Sentence], dev: Option<&[Sentence]>, opts: &TrainOptions| {
        let ex = extractors(part, opts);
        let model = train_core(part, &ex.per_sentence(part.len()), dev, ex.all.clone(), opts, None);
        (model, ex)
    };
    // Jackknifed first-pass tags of the training sentences.
    let fold_opts = TrainOptions { bags: 1, verbose: false, ..opts.clone() };
    let fold_tags: Vec<Vec<Vec<usize>>> = std::thread::scope(|scope| {
        let jobs: Vec<_> = (0..CONTEXT_FOLDS)
            .map(|k| {
                let (one_pass, fold_opts) = (&one_pass, &fold_opts);
                scope.spawn(move || {
                    let (held, part) = fold(train, k, CONTEXT_FOLDS);
                    let tagger = Tagger::from_model(one_pass(&part, None, fold_opts).0);
                    first_pass_tags(&tagger, &train[held])
                })
            })
            .collect();
        jobs.into_iter().map(|j| j.join().unwrap_or_default()).collect()
    });
    let train_tags: Vec<Vec<usize>> = fold_tags.into_iter().flatten().collect();
    if train_tags.len() != train.len() {
        // A fold's thread panicked: no honest context; train one pass.
        return Tagger::from_model(one_pass(train, dev, opts).0);
    }
    if opts.verbose {
        eprintln!("first-pass tags of the training sentences from {CONTEXT_FOLDS} jackknifed models");
    }
    let (first, ex) = one_pass(train, dev, opts);
    let first_tagger = Tagger::from_model(first.clone());
    let train_ctx = context_of(&ex.all, train, &train_tags);
    let dev = dev.unwrap_or(&[]);
    let dev_ctx = context_of(&ex.all, dev, &first_pass_tags(&first_tagger, dev));
    if opts.verbose {
        eprintln!("second pass:");
    }
    let second = train_core(
        train,
        &ex.per_sentence(train.len()),
        (!dev.is_empty()).then_some(dev),
        ex.all.clone(),
        opts,
        Some((&train_ctx, &dev_ctx)),
    );
    Tagger::from_model(Model { context: Some(Stage { trans: second.trans, weights: second.weights }), ..first })
}

/// The first pass's tag indices for each sentence.
fn first_pass_tags(tagger: &Tagger, sentences: &[Sentence]) -> Vec<Vec<usize>> {
    sentences
        .iter()
        .map(|s| {
            let words: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
            tagger.tag(&words).into_iter().map(Tag::index).collect()
        })
        .collect()
}

/// Context keys of `sentences` (one stream of documents) from first-pass `tags`.
fn context_of(ex: &Extractor, sentences: &[Sentence], tags: &[Vec<usize>]) -> Vec<ContextKeys> {
    let mut buf = String::new();
    let words: Vec<Vec<u64>> =
        sentences.iter().map(|s| s.tokens.iter().map(|t| ex.word_info(t, &mut buf).pair().base).collect()).collect();
    let passes: Vec<FirstPass<'_>> = words.iter().zip(tags).map(|(w, t)| FirstPass { words: w, tags: t }).collect();
    document_keys(&passes)
}

/// The perceptron proper. Sentence `i` of `train` is featurized with
/// `per_sentence[i]` when given, else with `ex`, which the model keeps; with
/// `context`, the sentences of `train` and `dev` also get those context keys.
fn train_core(
    train: &[Sentence],
    per_sentence: &[&Extractor],
    dev: Option<&[Sentence]>,
    ex: Extractor,
    opts: &TrainOptions,
    context: Option<(&[ContextKeys], &[ContextKeys])>,
) -> Model {
    let ctx_train = |i: usize| context.and_then(|(t, _)| t.get(i));
    let ctx_dev = |i: usize| context.and_then(|(_, d)| d.get(i));
    let ex_of = |i: usize| -> &Extractor { per_sentence.get(i).copied().unwrap_or(&ex) };
    let mut f = Features::default();
    // Count features.
    let mut counts: HashMap<u64, u32> = HashMap::new();
    for (i, s) in train.iter().enumerate() {
        let words: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
        ex_of(i).extract(&words, &mut f);
        let extra = ctx_train(i).map_or(&[][..], |c| &c.keys[..]);
        for &k in f.keys.keys.iter().chain(extra) {
            *counts.entry(k).or_insert(0) += 1;
        }
    }
    let mut kept: Vec<u64> = counts.iter().filter(|&(_, &c)| c >= opts.min_count).map(|(&k, _)| k).collect();
    kept.sort_unstable();
    let index: HashMap<u64, u32> = kept.iter().enumerate().map(|(i, &k)| (k, i as u32)).collect();
    if opts.verbose {
        eprintln!("features: {} seen, {} kept (count >= {})", counts.len(), kept.len(), opts.min_count);
    }
    drop(counts);
    let enc: Vec<Encoded> =
        train.iter().enumerate().map(|(i, s)| encode(ex_of(i), s, ctx_train(i), &index, &mut f)).collect();
    let dev_enc: Vec<Encoded> =
        dev.unwrap_or(&[]).iter().enumerate().map(|(i, s)| encode(&ex, s, ctx_dev(i), &index, &mut f)).collect();
    let dev_gold: Vec<Tag> = dev.unwrap_or(&[]).iter().flat_map(|s| s.tags.iter().copied()).collect();

    let mut sum_rows: Vec<Row> = vec![[0.0; NTAGS]; kept.len()];
    let mut sum_trans = Transitions::default();
    let bags = opts.bags.max(1);
    for bag in 0..bags {
        let mut p = Perceptron {
            w: vec![[0.0; NTAGS]; kept.len()],
            acc: vec![[0.0; NTAGS]; kept.len()],
            tw: Transitions::default(),
            tacc: Transitions::default(),
            c: 1.0,
        };
        let mut order: Vec<usize> = (0..enc.len()).collect();
        let mut rng = Rng(opts.seed.wrapping_add(bag as u64 * 0x1234_5678_9abc));
        let mut emit = Vec::new();
        let mut lat = Lattice::default();
        let mut path = Vec::new();
        for epoch in 1..=opts.epochs {
            rng.shuffle(&mut order);
            let mut errors = 0usize;
            for &k in &order {
                let e = &enc[k];
                p.emissions(e, &mut emit, None);
                if opts.margin > 0.0 {
                    for (row, &g) in emit.iter_mut().zip(&e.gold) {
                        let cost = if g == 0 { opts.margin } else { 2.0 * opts.margin };
                        for (t, v) in row.iter_mut().enumerate() {
                            if t != g {
                                *v += cost;
                            }
                        }
                    }
                }
                viterbi(&emit, &p.tw, &mut lat, &mut path);
                if path != e.gold {
                    errors += path.iter().zip(&e.gold).filter(|(a, b)| a != b).count();
                    p.update(e, &path);
                }
                p.c += 1.0;
            }
            if opts.verbose {
                let mut msg = format!("bag {bag} epoch {epoch:>2}: {errors} token errors in training");
                if !dev_enc.is_empty() {
                    let (rows, tr) = p.averaged();
                    let s = dev_score(&rows, &tr, &dev_enc, &dev_gold);
                    msg.push_str(&format!(
                        "; held-out P {:.4} R {:.4} F1 {:.4}",
                        s.all.precision(),
                        s.all.recall(),
                        s.all.f1()
                    ));
                }
                eprintln!("{msg}");
            }
        }
        let (rows, tr) = p.averaged();
        for (acc, r) in sum_rows.iter_mut().zip(&rows) {
            for t in 0..NTAGS {
                acc[t] += r[t] / bags as f32;
            }
        }
        for t in 0..NTAGS {
            sum_trans.start[t] += tr.start[t] / bags as f32;
            for u in 0..NTAGS {
                sum_trans.pair[t][u] += tr.pair[t][u] / bags as f32;
            }
        }
        if opts.verbose && bags > 1 && !dev_enc.is_empty() {
            let s = dev_score(&sum_rows, &sum_trans, &dev_enc, &dev_gold);
            eprintln!("after {} bags: held-out F1 {:.4} (scaled)", bag + 1, s.all.f1());
        }
    }
    let (mut rows, trans) = (sum_rows, sum_trans);
    if let Some(&b) = index.get(&Extractor::bias_key()) {
        rows[b as usize][0] -= opts.o_penalty;
    }
    let features: Vec<(u64, Row)> =
        kept.iter().zip(rows).filter(|(_, r)| r.iter().any(|v| v.abs() > 1e-6)).map(|(&k, r)| (k, r)).collect();
    Model { extractor: ex, trans, weights: WeightTable::new(&features), context: None }
}

/// Tags `sentences` (one stream of documents) with `tagger` and scores
/// against their gold tags.
pub fn evaluate(tagger: &Tagger, sentences: &[Sentence]) -> (Score, Vec<Vec<Tag>>) {
    let words: Vec<Vec<&str>> = sentences.iter().map(|s| s.tokens.iter().map(String::as_str).collect()).collect();
    let refs: Vec<&[&str]> = words.iter().map(Vec::as_slice).collect();
    let all = tagger.tag_document(&refs);
    let gold: Vec<Tag> = sentences.iter().flat_map(|s| s.tags.iter().copied()).collect();
    let pred: Vec<Tag> = all.iter().flatten().copied().collect();
    (score(&gold, &pred), all)
}

/// Splits sentences into (train, held-out): the held-out part is the last
/// `fraction` of the sentences, contiguous.
pub fn split_heldout(sentences: &[Sentence], fraction: f64) -> (&[Sentence], &[Sentence]) {
    let n = sentences.len();
    let held = ((n as f64) * fraction.clamp(0.0, 1.0)).round() as usize;
    sentences.split_at(n - held.min(n))
}

/// Locations of the training data under a data folder.
pub struct DataPaths {
    pub train: PathBuf,
    pub anercorp: PathBuf,
    /// `../names`, when present.
    pub names: Option<PathBuf>,
    /// `../saudinewsnet/articles.jsonl.gz`, when present.
    pub unlabeled: Option<PathBuf>,
}

impl DataPaths {
    /// `dir` is the `anercorp` folder; the other data sets are its siblings.
    pub fn new(dir: &Path) -> DataPaths {
        let names = dir.parent().map(|p| p.join("names")).filter(|p| p.is_dir());
        let unlabeled = dir.parent().map(|p| p.join("saudinewsnet").join("articles.jsonl.gz")).filter(|p| p.is_file());
        DataPaths { train: dir.join("train.txt"), anercorp: dir.to_path_buf(), names, unlabeled }
    }
}
