//! Word clusters from unlabeled text: the exchange algorithm (Kneser & Ney
//! 1993; Martin, Liermann & Ney 1998) maximizing the likelihood of a
//! class-bigram model. Words in the same class share left and right
//! contexts; cluster ids let the tagger generalize to words ANERcorp never
//! shows. Training-time only: the tagger ships the resulting word → class map.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;

use flate2::read::GzDecoder;

use crate::NerError;

/// A tokenized, normalized corpus as word ids (`0` = sentence boundary).
pub struct Corpus {
    pub words: Vec<String>,
    pub counts: Vec<u64>,
    pub ids: Vec<u32>,
}

fn data_err(path: &Path, message: impl Into<String>) -> NerError {
    NerError::Data { path: path.to_path_buf(), message: message.into() }
}

/// Reads `title` and `text` of a gzip JSON Lines news corpus (SaudiNewsNet's
/// `articles.jsonl.gz`), tokenized with `marsad_marsad_text::tokenize` and normalized.
/// Words seen fewer than `min_count` times become the rare-word id 1.
pub fn read_jsonl_corpus(path: &Path, min_count: u64) -> Result<Corpus, NerError> {
    let f = File::open(path).map_err(|e| data_err(path, e.to_string()))?;
    let reader = BufReader::new(GzDecoder::new(f));
    let mut vocab: HashMap<String, u32> = HashMap::new();
    let mut words: Vec<String> = vec!["<s>".into(), "<rare>".into()];
    let mut ids: Vec<u32> = Vec::new();
    for line in reader.lines() {
        let line = line.map_err(|e| data_err(path, e.to_string()))?;
        let v: serde_json::Value = match serde_json::from_str(&line) {
            Ok(v) => v,
            Err(_) => continue,
        };
        for field in ["title", "text"] {
            let Some(s) = v.get(field).and_then(|x| x.as_str()) else { continue };
            for para in s.split('\n') {
                ids.push(0);
                for tok in marsad_text::tokenize(para) {
                    let n = marsad_text::normalize_str(tok.text);
                    if crate::is_sentence_final(&n) {
                        ids.push(0);
                        continue;
                    }
                    let id = match vocab.get(&n) {
                        Some(&id) => id,
                        None => {
                            let id = words.len() as u32;
                            vocab.insert(n.clone(), id);
                            words.push(n);
                            id
                        }
                    };
                    ids.push(id);
                }
            }
        }
    }
    ids.push(0);
    // Remap: frequent words first (by count, ties by text), rare → 1.
    let mut counts = vec![0u64; words.len()];
    for &i in &ids {
        counts[i as usize] += 1;
    }
    let mut order: Vec<u32> = (2..words.len() as u32).filter(|&i| counts[i as usize] >= min_count).collect();
    order.sort_by(|&a, &b| counts[b as usize].cmp(&counts[a as usize]).then(words[a as usize].cmp(&words[b as usize])));
    let mut remap = vec![1u32; words.len()];
    remap[0] = 0;
    let mut new_words = vec!["<s>".to_string(), "<rare>".to_string()];
    for (k, &old) in order.iter().enumerate() {
        remap[old as usize] = (k + 2) as u32;
        new_words.push(std::mem::take(&mut words[old as usize]));
    }
    // Collapse runs of boundaries.
    let mut new_ids = Vec::with_capacity(ids.len());
    for &i in &ids {
        let r = remap[i as usize];
        if r == 0 && new_ids.last() == Some(&0) {
            continue;
        }
        new_ids.push(r);
    }
    let mut new_counts = vec![0u64; new_words.len()];
    for &i in &new_ids {
        new_counts[i as usize] += 1;
    }
    Ok(Corpus { words: new_words, counts: new_counts, ids: new_ids })
}

/// Precomputed `x ln x` for small counts.
struct XLogX {
    table: Vec<f64>,
}

impl XLogX {
    fn new(n: usize) -> XLogX {
        XLogX { table: (0..n).map(|x| if x == 0 { 0.0 } else { x as f64 * (x as f64).ln() }).collect() }
    }

    #[inline]
    fn f(&self, x: i64) -> f64 {
        if x <= 0 {
            0.0
        } else if let Some(&v) = self.table.get(x as usize) {
            v
        } else {
            x as f64 * (x as f64).ln()
        }
    }
}

/// Exchange clustering into `k` classes, `iters` passes; returns each word id's class.
pub fn exchange(corpus: &Corpus, k: usize, iters: usize, verbose: bool) -> Vec<u16> {
    let v = corpus.words.len();
    // Word bigram adjacency.
    let mut big: HashMap<u64, u32> = HashMap::new();
    for w in corpus.ids.windows(2) {
        *big.entry((u64::from(w[0]) << 32) | u64::from(w[1])).or_insert(0) += 1;
    }
    let mut right: Vec<Vec<(u32, u32)>> = vec![Vec::new(); v];
    let mut left: Vec<Vec<(u32, u32)>> = vec![Vec::new(); v];
    let mut pairs: Vec<(u64, u32)> = big.into_iter().collect();
    pairs.sort_unstable();
    for (key, n) in pairs {
        let (a, b) = ((key >> 32) as u32, key as u32);
        right[a as usize].push((b, n));
        left[b as usize].push((a, n));
    }
    let counts: Vec<i64> = corpus.counts.iter().map(|&c| c as i64).collect();
    let mut class: Vec<u16> = (0..v).map(|i| (i % k) as u16).collect();
    let mut nn = vec![0i64; k * k];
    let mut nc = vec![0i64; k];
    for (w, r) in right.iter().enumerate() {
        for &(u, n) in r {
            nn[class[w] as usize * k + class[u as usize] as usize] += i64::from(n);
        }
    }
    for (w, &c) in counts.iter().enumerate() {
        nc[class[w] as usize] += c;
    }
    let xl = XLogX::new(1 << 22);
    let mut rr = vec![0i64; k];
    let mut ll = vec![0i64; k];
    let mut nz_r: Vec<usize> = Vec::new();
    let mut nz_l: Vec<usize> = Vec::new();
    for it in 0..iters {
        let mut moved = 0usize;
        for w in 0..v {
            let a = class[w] as usize;
            let mut s = 0i64;
            nz_r.clear();
            nz_l.clear();
            for &(u, n) in &right[w] {
                if u as usize == w {
                    s += i64::from(n);
                    continue;
                }
                let d = class[u as usize] as usize;
                if rr[d] == 0 {
                    nz_r.push(d);
                }
                rr[d] += i64::from(n);
            }
            for &(u, n) in &left[w] {
                if u as usize == w {
                    continue;
                }
                let c = class[u as usize] as usize;
                if ll[c] == 0 {
                    nz_l.push(c);
                }
                ll[c] += i64::from(n);
            }
            let nw = counts[w];
            // Remove w from a.
            for &d in &nz_r {
                nn[a * k + d] -= rr[d];
            }
            for &c in &nz_l {
                nn[c * k + a] -= ll[c];
            }
            nn[a * k + a] -= s;
            nc[a] -= nw;
            // Best class.
            let mut best = a;
            let mut best_delta = f64::NEG_INFINITY;
            for t in 0..k {
                let mut delta = 0.0;
                let row = &nn[t * k..(t + 1) * k];
                for &d in &nz_r {
                    if d != t {
                        let x = row[d];
                        delta += xl.f(x + rr[d]) - xl.f(x);
                    }
                }
                for &c in &nz_l {
                    if c != t {
                        let x = nn[c * k + t];
                        delta += xl.f(x + ll[c]) - xl.f(x);
                    }
                }
                let x = row[t];
                delta += xl.f(x + rr[t] + ll[t] + s) - xl.f(x);
                delta -= 2.0 * (xl.f(nc[t] + nw) - xl.f(nc[t]));
                if delta > best_delta + 1e-9 || (t == a && delta >= best_delta - 1e-9) {
                    best_delta = delta;
                    best = t;
                }
            }
            // Add w to best.
            for &d in &nz_r {
                nn[best * k + d] += rr[d];
            }
            for &c in &nz_l {
                nn[c * k + best] += ll[c];
            }
            nn[best * k + best] += s;
            nc[best] += nw;
            if best != a {
                moved += 1;
                class[w] = best as u16;
            }
            for &d in &nz_r {
                rr[d] = 0;
            }
            for &c in &nz_l {
                ll[c] = 0;
            }
        }
        if verbose {
            let mut obj = 0.0;
            for &x in &nn {
                obj += xl.f(x);
            }
            for &x in &nc {
                obj -= 2.0 * xl.f(x);
            }
            eprintln!("clusters k={k}: pass {} moved {moved} words, objective {obj:.0}", it + 1);
        }
        if moved == 0 {
            break;
        }
    }
    class
}

/// Number of cluster granularities a model carries.
pub const LEVELS: usize = 3;
/// Cluster counts of the levels, coarse to fine.
pub const DEFAULT_KS: [usize; LEVELS] = [64, 256, 1024];
/// "No cluster" marker.
pub const NONE: u16 = u16::MAX;

/// Word → class at each level, for normalized words.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClusterMap {
    /// `(normalized word, class per level)`, sorted by word.
    pub words: Vec<(String, [u16; LEVELS])>,
}

/// A short fingerprint of the text functions the clusters depend on, so a
/// cache built with another tokenizer or normalizer is not reused.
fn text_fingerprint() -> u64 {
    let sample = "أعلنت وزارةُ الخارجية، في القاهرة يوم ٢٠ مايو: «الإمارات» Obama's 3.5% والمستشفى إلى ى";
    let mut s = String::new();
    for t in marsad_text::tokenize(sample) {
        s.push_str(&marsad_text::normalize_str(t.text));
        s.push('|');
    }
    crate::hash::hash_str(&s)
}

fn header(ks: &[usize; LEVELS], min_count: u64, iters: usize) -> String {
    format!("# marsad-ner clusters ks={ks:?} min_count={min_count} iters={iters} text={:016x}", text_fingerprint())
}

impl ClusterMap {
    /// Clusters the corpus at each level of `ks`.
    pub fn build(corpus: &Corpus, ks: &[usize; LEVELS], iters: usize, verbose: bool) -> ClusterMap {
        let classes: Vec<Vec<u16>> = ks.iter().map(|&k| exchange(corpus, k, iters, verbose)).collect();
        let mut words = Vec::with_capacity(corpus.words.len());
        for (i, w) in corpus.words.iter().enumerate().skip(2) {
            let mut c = [NONE; LEVELS];
            for (l, cl) in classes.iter().enumerate() {
                c[l] = cl[i];
            }
            words.push((w.clone(), c));
        }
        words.sort();
        ClusterMap { words }
    }

    /// Loads clusters cached at `cache` when they were built with the same
    /// settings (and text functions); otherwise builds them from the gzip
    /// JSON Lines corpus `unlabeled` and writes the cache.
    pub fn load_or_build(
        unlabeled: &Path,
        cache: &Path,
        ks: &[usize; LEVELS],
        min_count: u64,
        iters: usize,
        verbose: bool,
    ) -> Result<ClusterMap, NerError> {
        let head = header(ks, min_count, iters);
        if let Some(map) = ClusterMap::read_cache(cache, &head) {
            if verbose {
                eprintln!("clusters: {} words from cache {}", map.words.len(), cache.display());
            }
            return Ok(map);
        }
        let corpus = read_jsonl_corpus(unlabeled, min_count)?;
        if verbose {
            eprintln!(
                "clusters: corpus of {} tokens, {} words (count >= {min_count})",
                corpus.ids.len(),
                corpus.words.len()
            );
        }
        let map = ClusterMap::build(&corpus, ks, iters, verbose);
        let mut out = head.clone();
        out.push('\n');
        for (w, c) in &map.words {
            let cs: Vec<String> = c.iter().map(|x| x.to_string()).collect();
            out.push_str(&format!("{w}\t{}\n", cs.join(",")));
        }
        std::fs::write(cache, out).map_err(|e| data_err(cache, e.to_string()))?;
        // Read back, so a fresh build and a cached one are the same bytes.
        Ok(ClusterMap::read_cache(cache, &head).unwrap_or(map))
    }

    fn read_cache(cache: &Path, head: &str) -> Option<ClusterMap> {
        let s = std::fs::read_to_string(cache).ok()?;
        let mut lines = s.split('\n');
        if lines.next() != Some(head) {
            return None;
        }
        let mut words = Vec::new();
        for l in lines {
            let Some((w, rest)) = l.split_once('\t') else { continue };
            let mut c = [NONE; LEVELS];
            for (slot, v) in c.iter_mut().zip(rest.split(',')) {
                *slot = v.parse().unwrap_or(NONE);
            }
            words.push((w.to_string(), c));
        }
        Some(ClusterMap { words })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::write::GzEncoder;
    use flate2::Compression;
    use std::io::Write;

    fn corpus_file(dir: &Path) -> std::path::PathBuf {
        let mut lines = String::new();
        let cities = ["القاهرة", "دمشق", "بغداد", "الرياض", "عمان"];
        let people = ["محمد", "أحمد", "علي", "خالد", "سعيد"];
        for (i, c) in cities.iter().enumerate() {
            for p in people.iter().skip(i % 2) {
                lines.push_str(&format!(
                    "{{\"title\": \"زيارة\", \"text\": \"وصل {p} إلى {c} يوم الاثنين.\\nغادر {p} مدينة {c} مساء.\"}}\n"
                ));
            }
        }
        lines.push_str("not json\n");
        let path = dir.join("corpus.jsonl.gz");
        let mut enc = GzEncoder::new(Vec::new(), Compression::fast());
        enc.write_all(lines.as_bytes()).expect("gzip");
        std::fs::write(&path, enc.finish().expect("gzip")).expect("write corpus");
        path
    }

    #[test]
    fn exchange_groups_words_by_context_and_cache_round_trips() {
        let dir = std::env::temp_dir().join(format!("marsad-ner-clusters-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = corpus_file(&dir);
        let corpus = read_jsonl_corpus(&path, 1).expect("read");
        assert!(corpus.ids.len() > 100);
        let cache = dir.join("cache.tsv");
        let ks = [2, 4, 8];
        let built = ClusterMap::load_or_build(&path, &cache, &ks, 1, 5, false).expect("build");
        let loaded = ClusterMap::load_or_build(&path, &cache, &ks, 1, 5, false).expect("load");
        assert_eq!(built, loaded);
        // Deterministic.
        assert_eq!(ClusterMap::build(&corpus, &ks, 5, false), built);
        // Cities share their contexts, and so do people.
        let class = |w: &str| {
            let n = marsad_text::normalize_str(w);
            built.words.iter().find(|(x, _)| *x == n).map(|(_, c)| c[2])
        };
        assert_eq!(class("دمشق"), class("بغداد"));
        assert_eq!(class("أحمد"), class("خالد"));
        assert_ne!(class("دمشق"), class("أحمد"));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
