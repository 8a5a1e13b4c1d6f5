//! Facts: claims aligned across a story's documents, with the independent
//! sources that support each.
//!
//! Every sentence with enough content is a claim. Claims of different
//! documents are aligned when most of the shorter one's content words (light
//! stems) are in the other; aligned claims form one fact. Candidates come
//! from an inverted index of content words, so claims are never compared
//! all against all.
//!
//! Sources are counted by origin, not by document: a sentence copied from
//! an earlier report (marked by the stories stage) has that report's
//! origin, and a sentence that names a news agency («بحسب رويترز») — or
//! sits in a document whose dateline names one — is credited to the agency.
//! Otherwise the origin is the outlet (or the document when its outlet is
//! unknown). A fact with one origin is single-source.

use std::collections::HashMap;

use marsad_analyze::Document;
use marsad_text::ContentWords;
use serde::Serialize;

use crate::quotes::StoryQuote;
use crate::wires;

/// One fact of a story.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fact {
    /// The claim as its earliest report words it.
    pub text: String,
    /// Documents that report it.
    pub sources: Vec<String>,
    pub evidence: Vec<Evidence>,
    /// Independent origins: outlets and agencies, copies counted once.
    pub origins: Vec<String>,
    pub single_source: bool,
}

/// A document's sentence supporting a fact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evidence {
    pub doc: String,
    pub text: String,
}

/// A sentence of a document, as a claim.
#[derive(Debug, Clone)]
pub struct Claim<'a> {
    /// Index into the documents given.
    pub doc: usize,
    pub sentence: usize,
    pub text: &'a str,
    pub words: ContentWords,
}

/// Claims need this many content words; shorter sentences are headings,
/// captions or fragments.
const MIN_CLAIM_WORDS: usize = 4;
/// Two claims align when this share of the shorter one's words is in the other...
const ALIGNED: f64 = 0.4;
/// ...and they share at least this many words.
const MIN_SHARED: usize = 3;
/// Words found in more than this share of a story's claims are too common
/// to find candidates by (they still count in the comparison).
const COMMON_WORD: f64 = 0.2;

/// A clause of a document: a claim's words before any analysis.
#[derive(Debug, Clone, Copy)]
pub struct Clause<'a> {
    /// Index into the documents given.
    pub doc: usize,
    pub sentence: usize,
    pub text: &'a str,
}

/// The clauses of `docs`, in document then sentence order: each sentence
/// split at commas and semicolons, short pieces joined to the clause before
/// (or, at the start, to the next), since one sentence often carries several
/// claims that other outlets report apart.
pub fn clauses<'a>(docs: &[&'a Document]) -> Vec<Clause<'a>> {
    let mut out = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        for (s, sentence) in doc.sentence_bytes().into_iter().enumerate() {
            let text = &doc.text[sentence];
            let mut from = 0;
            let first = out.len();
            for (at, c) in text.char_indices().filter(|(_, c)| matches!(c, '،' | '؛' | ',' | ';')) {
                let piece = text[from..at].trim();
                if ContentWords::of(piece).len() >= MIN_CLAIM_WORDS {
                    out.push(Clause { doc: d, sentence: s, text: piece });
                    from = at + c.len_utf8();
                }
            }
            let rest = text[from..].trim();
            if ContentWords::of(rest).len() >= MIN_CLAIM_WORDS {
                out.push(Clause { doc: d, sentence: s, text: rest });
            } else if out.len() > first {
                // A short tail belongs to the clause before it.
                let last = out.len() - 1;
                let start = out[last].text.as_ptr() as usize - text.as_ptr() as usize;
                out[last].text = text[start..].trim();
            }
        }
    }
    out
}

/// The claims of `docs`: their clauses with their content words.
pub fn claims<'a>(docs: &[&'a Document]) -> Vec<Claim<'a>> {
    clauses(docs)
        .into_iter()
        .map(|c| Claim { doc: c.doc, sentence: c.sentence, text: c.text, words: ContentWords::skeletons_of(c.text) })
        .collect()
}

/// The facts of a story's documents, most widely supported first. One
/// utterance reported by several documents (`utterances`, grouped by the
/// quotation stage even when re-translated) makes their claims one fact.
pub fn facts(docs: &[&Document], utterances: &[StoryQuote]) -> Vec<Fact> {
    let claims = claims(docs);
    let groups = align(&claims, &reported_together(docs, &claims, utterances));
    let origin = Origins::new(docs);
    let mut facts: Vec<Fact> = groups
        .into_iter()
        .map(|members| {
            let mut evidence: Vec<Evidence> = Vec::new();
            let mut origins: Vec<String> = Vec::new();
            for &m in &members {
                let c = &claims[m];
                let doc = &docs[c.doc];
                if !evidence.iter().any(|e| e.doc == doc.id) {
                    evidence.push(Evidence { doc: doc.id.clone(), text: c.text.to_owned() });
                }
                let o = origin.of(c.doc, c.sentence, c.text);
                if !origins.contains(&o) {
                    origins.push(o);
                }
            }
            let sources = evidence.iter().map(|e| e.doc.clone()).collect();
            Fact {
                text: claims[members[0]].text.to_owned(),
                sources,
                single_source: origins.len() <= 1,
                evidence,
                origins,
            }
        })
        .collect();
    facts.sort_by_key(|f| std::cmp::Reverse(f.origins.len() * 1000 + f.sources.len()));
    facts
}

/// Groups of aligned claims (indices into `claims`), each in claim order,
/// with at most one claim per document.
///
/// Claims are read in order; each joins the fact whose first claim (from
/// another document) it aligns with best, unless that fact already has a
/// claim from its document — then it starts a fact of its own. Comparing
/// with the first claim only, one claim per document, keeps facts from
/// chaining into a topic.
pub fn align(claims: &[Claim<'_>], known: &[Vec<usize>]) -> Vec<Vec<usize>> {
    let mut index: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, c) in claims.iter().enumerate() {
        for w in c.words.iter() {
            index.entry(w).or_default().push(i);
        }
    }
    let common = ((claims.len() as f64 * COMMON_WORD) as usize).max(8);
    let mut fact_of: Vec<Option<usize>> = vec![None; claims.len()];
    let mut facts: Vec<Vec<usize>> = Vec::new();
    for group in known {
        let free: Vec<usize> = group.iter().copied().filter(|&i| fact_of[i].is_none()).collect();
        if free.len() > 1 {
            for &i in &free {
                fact_of[i] = Some(facts.len());
            }
            facts.push(free);
        }
    }
    for (i, c) in claims.iter().enumerate() {
        if fact_of[i].is_some() {
            continue;
        }
        let mut candidates: Vec<usize> = Vec::new();
        for w in c.words.iter() {
            let Some(postings) = index.get(w).filter(|p| p.len() <= common) else { continue };
            candidates.extend(postings.iter().take_while(|&&j| j < i).filter(|&&j| claims[j].doc != c.doc));
        }
        candidates.sort_unstable();
        candidates.dedup();
        let best = candidates
            .into_iter()
            // Common words only find no candidates; they still count once found.
            // Compared with the fact's first claim, so a fact cannot drift.
            .filter_map(|j| fact_of[j].map(|f| facts[f][0]))
            .filter(|&j| claims[j].doc != c.doc && c.words.shared(&claims[j].words) >= MIN_SHARED)
            .map(|j| (c.words.containment(&claims[j].words), j))
            .filter(|&(score, j)| {
                score >= ALIGNED && fact_of[j].is_some_and(|f| !facts[f].iter().any(|&m| claims[m].doc == c.doc))
            })
            .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)));
        match best.and_then(|(_, j)| fact_of[j]) {
            Some(f) => {
                facts[f].push(i);
                fact_of[i] = Some(f);
            }
            None => {
                fact_of[i] = Some(facts.len());
                facts.push(vec![i]);
            }
        }
    }
    for f in &mut facts {
        f.sort_unstable();
    }
    facts.sort_by_key(|f| f[0]);
    facts
}

/// Claims that carry one utterance in several documents: for each grouped
/// quotation, the claim of each document that holds its words (at most one
/// per document).
fn reported_together(docs: &[&Document], claims: &[Claim<'_>], utterances: &[StoryQuote]) -> Vec<Vec<usize>> {
    let doc_of: HashMap<&str, usize> = docs.iter().enumerate().map(|(i, d)| (d.id.as_str(), i)).collect();
    // Each claim's byte range in its document.
    let ranges: Vec<(usize, std::ops::Range<usize>)> = claims
        .iter()
        .map(|c| {
            let at = c.text.as_ptr() as usize - docs[c.doc].text.as_ptr() as usize;
            (c.doc, at..at + c.text.len())
        })
        .collect();
    let mut out = Vec::new();
    for u in utterances.iter().filter(|u| u.sources.len() > 1) {
        let mut group: Vec<usize> = Vec::new();
        for v in &u.variants {
            let Some(&d) = doc_of.get(v.doc.as_str()) else { continue };
            let byte = docs[d].text.char_indices().nth(v.start).map_or(docs[d].text.len(), |(b, _)| b);
            let claim = ranges.iter().position(|(cd, r)| *cd == d && r.start <= byte && byte < r.end);
            if let Some(c) = claim.filter(|_| !group.iter().any(|&g| claims[g].doc == d)) {
                group.push(c);
            }
        }
        if group.len() > 1 {
            out.push(group);
        }
    }
    out
}

/// Where each document's sentences come from.
struct Origins<'a> {
    docs: &'a [&'a Document],
    /// (doc id, sentence) → the sentence it copies.
    copied: HashMap<(&'a str, usize), (&'a str, usize)>,
    by_id: HashMap<&'a str, usize>,
    /// The wire a document's dateline names.
    dateline_wire: Vec<Option<&'static str>>,
}

impl<'a> Origins<'a> {
    fn new(docs: &'a [&'a Document]) -> Self {
        let mut copied = HashMap::new();
        for d in docs {
            for r in &d.reused {
                copied.insert((d.id.as_str(), r.sentence), (r.from.as_str(), r.from_sentence));
            }
        }
        let by_id = docs.iter().enumerate().map(|(i, d)| (d.id.as_str(), i)).collect();
        let dateline_wire = docs
            .iter()
            .map(|d| {
                let head: String = d.text.chars().take(DATELINE_CHARS).collect();
                wires::named_in(&head)
            })
            .collect();
        Origins { docs, copied, by_id, dateline_wire }
    }

    fn of(&self, doc: usize, sentence: usize, text: &str) -> String {
        let mut at = (self.docs[doc].id.as_str(), sentence);
        // Follow copies to the first report (bounded: copies point back in time).
        for _ in 0..self.docs.len() {
            match self.copied.get(&at) {
                Some(&from) if self.by_id.contains_key(from.0) => at = from,
                _ => break,
            }
        }
        let d = self.by_id.get(at.0).copied().unwrap_or(doc);
        if at.0 != self.docs[doc].id {
            return self.plain_origin(d);
        }
        match wires::named_in(text).or(self.dateline_wire[d]) {
            Some(wire) => wire.to_owned(),
            None => self.plain_origin(d),
        }
    }

    fn plain_origin(&self, d: usize) -> String {
        let doc = self.docs[d];
        self.dateline_wire[d].map(str::to_owned).or_else(|| doc.outlet.clone()).unwrap_or_else(|| doc.id.clone())
    }
}

/// The opening characters where a dateline names its agency («(رويترز) -»).
const DATELINE_CHARS: usize = 80;
