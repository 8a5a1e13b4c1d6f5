//! Extractive summaries measured on EASC against human extracts.
//!
//! The Essex Arabic Summaries Corpus (El-Haj, Kruschwitz and Fox, 2010) has
//! 153 articles (Wikipedia, Alwatan, Alrai) and, for each, five extractive
//! summaries made on Mechanical Turk: each worker picked the sentences that
//! carry the article's main idea, and the summary is those sentences copied
//! out. The corpus is read from `../shared/data/easc` and the test skips when
//! that folder is absent.
//!
//! The summaries are defined by a number of sentences, not by a length (the
//! `250` in their file names is a naming convention, not a word budget), so
//! each article is summarized in k sentences: the mean number of the
//! article's sentences (as `split_sentences` finds them) that its five human
//! summaries draw from, rounded, at least 1. A sentence counts as drawn when
//! at least half of its word bigrams are in the summary; the workers saw a
//! finer segmentation than marsad's, so counting the summaries' own sentences
//! would ask for more sentences than marsad's segmentation holds. marsad's
//! `summarize_text` is compared with lead-k (the first k sentences, same k)
//! and plain lead-3; for context, each human summary is also scored against
//! the other four.
//!
//! Scores are ROUGE-1 and ROUGE-2 recall, precision and F1 with clipped
//! n-gram counts, on the words of `marsad_text::normalize_str` split on
//! non-alphanumeric characters: no stemming, no stopword removal, bigrams
//! taken over the whole summary. A summary is scored against each reference
//! separately; the scores are averaged over the references (a plain mean, not
//! the best reference nor ROUGE's jackknife), then over articles (macro
//! average).
//!
//! Two quirks of the data are repaired before scoring. About 40 newspaper
//! articles are hard-wrapped at a fixed width, and marsad ends a sentence at
//! every line break: in an article where most lines end without a sentence
//! terminator, those line breaks become spaces. The human summaries of these
//! articles glued the words on either side of each line break
//! ("تريليوناتدولار"): a summary word that is not in the article but is the
//! last word of an article line followed by the first word of the next is
//! split back in two. Not repaired: the summaries cut sentences longer than
//! about 255 characters, which costs long picks some precision.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::{Path, PathBuf};

/// The corpus, when it is there.
fn corpus() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/easc/EASC-UTF-8");
    p.is_dir().then_some(p)
}

/// A file's text: lossy UTF-8, without BOM, with `\n` line ends.
fn read(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let text = String::from_utf8_lossy(&bytes);
    text.trim_start_matches('\u{feff}').replace("\r\n", "\n").replace('\r', "\n")
}

/// The files of a folder, sorted by name.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.is_file())
        .collect();
    v.sort();
    v
}

fn words(s: &str) -> Vec<String> {
    let n = marsad_text::normalize_str(s);
    n.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_owned).collect()
}

/// Whether a line ends a sentence: a terminator, maybe followed by closing marks.
fn ends_sentence(line: &str) -> bool {
    let end = line.trim_end().trim_end_matches(['"', '\'', '»', '”', '“', '’', ')', ']']);
    end.ends_with(['.', '!', '?', '؟', '؛', '…', ':'])
}

/// The article with its hard-wrapped lines joined (see the module comment).
fn unwrap(article: &str) -> String {
    let lines: Vec<&str> = article.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let Some((_, body)) = lines.split_last() else {
        return String::new();
    };
    let wrapped = 2 * body.iter().filter(|l| !ends_sentence(l)).count() > body.len();
    let mut out = String::with_capacity(article.len());
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push(if wrapped && !ends_sentence(lines[i - 1]) { ' ' } else { '\n' });
        }
        out.push_str(line);
    }
    out
}

/// A reference's words, with the words glued at the article's line breaks split again.
fn reference_words(reference: &str, article: &str) -> Vec<String> {
    let vocabulary: HashSet<String> = words(article).into_iter().collect();
    let lines: Vec<Vec<String>> = article.lines().map(words).filter(|l| !l.is_empty()).collect();
    let glued: HashMap<String, [&String; 2]> = lines
        .windows(2)
        .map(|pair| {
            let (a, b) = (&pair[0][pair[0].len() - 1], &pair[1][0]);
            (format!("{a}{b}"), [a, b])
        })
        .collect();
    let mut out = Vec::new();
    for w in words(reference) {
        match glued.get(&w).filter(|_| !vocabulary.contains(&w)) {
            Some(parts) => out.extend(parts.iter().map(|p| (*p).clone())),
            None => out.push(w),
        }
    }
    out
}

fn ngrams(words: &[String], n: usize) -> HashMap<&[String], usize> {
    let mut m = HashMap::new();
    for g in words.windows(n) {
        *m.entry(g).or_default() += 1;
    }
    m
}

/// How many of the article's sentences a reference draws from (see the module comment).
fn drawn_from(text: &str, sentences: &[Range<usize>], reference: &[String]) -> usize {
    let (unigrams, bigrams) = (ngrams(reference, 1), ngrams(reference, 2));
    sentences
        .iter()
        .filter(|r| {
            let w = words(&text[(*r).clone()]);
            match w.len() {
                0 => false,
                1 => unigrams.contains_key(&w[..]),
                n => 2 * w.windows(2).filter(|g| bigrams.contains_key(g)).count() >= n - 1,
            }
        })
        .count()
}

/// Recall, precision and F1.
#[derive(Debug, Default, Clone, Copy)]
struct Prf {
    r: f64,
    p: f64,
    f: f64,
}

impl Prf {
    fn plus(self, o: Prf) -> Prf {
        Prf { r: self.r + o.r, p: self.p + o.p, f: self.f + o.f }
    }

    fn scaled(self, x: f64) -> Prf {
        Prf { r: self.r * x, p: self.p * x, f: self.f * x }
    }
}

/// ROUGE-n of one summary against one reference.
fn rouge(summary: &[String], reference: &[String], n: usize) -> Prf {
    let (s, r) = (ngrams(summary, n), ngrams(reference, n));
    let overlap: usize = s.iter().map(|(g, c)| (*c).min(r.get(g).copied().unwrap_or(0))).sum();
    let (ns, nr) = (s.values().sum::<usize>(), r.values().sum::<usize>());
    if overlap == 0 {
        return Prf::default();
    }
    let (recall, precision) = (overlap as f64 / nr as f64, overlap as f64 / ns as f64);
    Prf { r: recall, p: precision, f: 2.0 * recall * precision / (recall + precision) }
}

/// ROUGE-1 and ROUGE-2 of a summary, each the mean over the references.
fn against(summary: &[String], references: &[&Vec<String>]) -> [Prf; 2] {
    let mut out = [Prf::default(); 2];
    for r in references {
        out[0] = out[0].plus(rouge(summary, r, 1));
        out[1] = out[1].plus(rouge(summary, r, 2));
    }
    out.map(|x| x.scaled(1.0 / references.len() as f64))
}

/// A system's scores summed over articles.
#[derive(Debug, Default)]
struct Score {
    rouge: [Prf; 2],
    sentences: f64,
    articles: usize,
}

impl Score {
    fn add(&mut self, rouge: [Prf; 2], sentences: f64) {
        self.rouge[0] = self.rouge[0].plus(rouge[0]);
        self.rouge[1] = self.rouge[1].plus(rouge[1]);
        self.sentences += sentences;
        self.articles += 1;
    }

    /// Mean ROUGE-1 and ROUGE-2 over articles.
    fn mean(&self) -> [Prf; 2] {
        self.rouge.map(|x| x.scaled(1.0 / self.articles.max(1) as f64))
    }
}

#[test]
fn summaries_of_easc_articles_against_human_extracts() {
    let Some(root) = corpus() else {
        eprintln!("skipping: ../shared/data/easc is absent (EASC is not part of the repository)");
        return;
    };
    let mut topics: Vec<(usize, PathBuf)> = std::fs::read_dir(root.join("Articles"))
        .expect("Articles folder")
        .map(|e| e.expect("directory entry").path())
        .filter_map(|p| Some((p.file_name()?.to_str()?.strip_prefix("Topic")?.parse().ok()?, p)))
        .collect();
    topics.sort();

    let (mut marsad, mut lead_k, mut lead_3, mut human) =
        (Score::default(), Score::default(), Score::default(), Score::default());
    let mut short = 0;
    for (n, dir) in &topics {
        let article = files(dir);
        assert_eq!(article.len(), 1, "one article in {}", dir.display());
        let raw = read(&article[0]);
        let text = unwrap(&raw);
        let references: Vec<Vec<String>> =
            files(&root.join(format!("MTurk/Topic{n}"))).iter().map(|p| reference_words(&read(p), &raw)).collect();
        assert_eq!(references.len(), 5, "five human summaries of Topic{n}");
        let all: Vec<&Vec<String>> = references.iter().collect();

        let sentences = marsad_text::split_sentences(&text);
        let drawn = references.iter().map(|r| drawn_from(&text, &sentences, r)).sum::<usize>() as f64 / 5.0;
        let k = (drawn.round() as usize).max(1);

        let picked = marsad_brief::summary::summarize_text(&text, k);
        short += usize::from(picked.len() < k.min(sentences.len()));
        marsad.add(against(&words(&picked.join(" ")), &all), picked.len() as f64);
        for (score, k) in [(&mut lead_k, k), (&mut lead_3, 3)] {
            let lead: Vec<&str> = sentences.iter().take(k).map(|r| &text[r.clone()]).collect();
            score.add(against(&words(&lead.join(" ")), &all), lead.len() as f64);
        }
        let mut each = [Prf::default(); 2];
        for (i, r) in references.iter().enumerate() {
            let others: Vec<&Vec<String>> =
                references.iter().enumerate().filter(|(j, _)| *j != i).map(|x| x.1).collect();
            let [r1, r2] = against(r, &others);
            each = [each[0].plus(r1), each[1].plus(r2)];
        }
        human.add(each.map(|x| x.scaled(1.0 / references.len() as f64)), drawn);
    }

    eprintln!("EASC: marsad picked fewer than k sentences in {short} articles");
    eprintln!(
        "{:<21} {:>6} {:>6} {:>6}   {:>6} {:>6} {:>6}   {:>9} {:>8}",
        "system", "R1 R", "R1 P", "R1 F1", "R2 R", "R2 P", "R2 F1", "sentences", "articles"
    );
    for (name, s) in [("marsad", &marsad), ("lead-k", &lead_k), ("lead-3", &lead_3), ("human vs the others", &human)] {
        let [r1, r2] = s.mean();
        eprintln!(
            "{name:<21} {:>6.3} {:>6.3} {:>6.3}   {:>6.3} {:>6.3} {:>6.3}   {:>9.2} {:>8}",
            r1.r,
            r1.p,
            r1.f,
            r2.r,
            r2.p,
            r2.f,
            s.sentences / s.articles.max(1) as f64,
            s.articles
        );
    }

    assert_eq!(topics.len(), 153, "EASC has 153 articles");
    let ([m1, m2], [l1, l2]) = (marsad.mean(), lead_k.mean());
    assert!(m1.f >= 0.9 * l1.f, "marsad's ROUGE-1 F1 {:.3} is well below lead-k's {:.3}", m1.f, l1.f);
    assert!(m2.f >= 0.9 * l2.f, "marsad's ROUGE-2 F1 {:.3} is well below lead-k's {:.3}", m2.f, l2.f);
    assert!(m1.f >= 0.47, "marsad's ROUGE-1 F1 {:.3} (was 0.516)", m1.f);
    assert!(m2.f >= 0.40, "marsad's ROUGE-2 F1 {:.3} (was 0.443)", m2.f);
}
