//! Facts: claims aligned across a story's documents, with the independent
//! sources that support each.
//!
//! Every clause with enough content is a claim. A claim's words are the
//! skeletons of its content words, with each entity it names standing as
//! one word (its id), so that «بيونغ يانغ» and «بيونج يانج», «كوريا
//! الشمالية» and «كوريا الديمقراطية» are the same word. Words are weighted
//! by how few of the story's documents use them: every report of a summit
//! names both leaders, so sharing their names says little, while sharing
//! «نفت» or «ذخيرة» says much. Two claims of different documents are
//! similar by the weight of the words they share over the weight of the
//! lighter claim (so a shortened report still matches its full form).
//!
//! A proclitic the light stemmer kept («وذخيرة») is dropped where another
//! claim of the story has the bare word.
//!
//! Alignment is best-first: the most similar pairs are joined first, so a
//! loose match cannot take a claim before its real counterpart; a fact holds
//! at most one claim per document, and two facts join only when their claims
//! are similar on average, which keeps facts from chaining into a topic.
//! A clause that carries two claims and was joined to one fact also supports
//! another it aligns with closely.
//! Candidates come from an inverted index of words, so claims are never
//! compared all against all.
//!
//! Sources are counted by origin, not by document: a sentence copied from
//! an earlier report (marked by the stories stage) has that report's
//! origin, and a sentence that names a news agency («بحسب رويترز») — or
//! sits in a document whose dateline names one — is credited to the agency.
//! Otherwise the origin is the outlet (or the document when its outlet is
//! unknown). A fact with one origin is single-source.

use std::collections::HashMap;

use marsad_analyze::Document;
use marsad_text::{CharIndex, ContentWords};
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

/// A clause of a document, as a claim.
#[derive(Debug, Clone)]
pub struct Claim<'a> {
    /// Index into the documents given.
    pub doc: usize,
    pub sentence: usize,
    pub text: &'a str,
    /// Content-word skeletons, with the entities named as their ids.
    pub words: ContentWords,
}

/// Claims need this many content words; shorter clauses are headings,
/// captions or fragments.
const MIN_CLAIM_WORDS: usize = 4;
/// Two claims align when the words they share carry this share of the
/// lighter claim's weight...
const ALIGNED: f64 = 0.3;
/// ...they share at least this many words...
const MIN_SHARED: usize = 3;
/// ...of which this many are words, not entities...
const MIN_SHARED_WORDS: usize = 2;
/// ...of at least this much weight (a word used by one document weighs 1).
const MIN_SHARED_WEIGHT: f64 = 1.6;
/// Two facts join when their claims are, on average, this similar.
const LINKED: f64 = 0.35;
/// Similarity added to claims that carry one utterance (grouped by the
/// quotation stage, even when re-translated beyond word overlap).
const SAME_UTTERANCE: f64 = 0.25;
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
/// split at commas and semicolons, since one sentence often carries several
/// claims that other outlets report apart. Short pieces join the clause
/// before (or, at the start, the next), and so does a reported clause
/// («قال المتحدث، إن ...»): a speaker alone is not a claim.
pub fn clauses<'a>(docs: &[&'a Document]) -> Vec<Clause<'a>> {
    let mut out = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        for (s, sentence) in doc.sentence_bytes().into_iter().enumerate() {
            let text = &doc.text[sentence];
            let mut from = 0;
            let first = out.len();
            for (at, c) in text.char_indices().filter(|(_, c)| matches!(c, '،' | '؛' | ',' | ';')) {
                let piece = text[from..at].trim();
                let next = &text[at + c.len_utf8()..];
                if ContentWords::of(piece).len() >= MIN_CLAIM_WORDS && !opens_reported_clause(next) {
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

/// Whether `text` starts with the complementizer of reported speech (إن،
/// أن، بأن with or without a pronoun), which continues the clause before.
fn opens_reported_clause(text: &str) -> bool {
    let Some(first) = marsad_text::tokenize(text).find(|t| t.kind.is_word()) else { return false };
    let word = marsad_text::normalize_str(first.text);
    let word = word.strip_prefix('ب').unwrap_or(&word);
    matches!(word, "ان" | "انه" | "انها" | "انهم" | "اننا" | "انني")
}

/// The claims of `docs`: their clauses with their words. Where a clause
/// reports speech, its words are those of what was said and the speaker's
/// id: «قال المتحدث باسم الكرملين ...» is in many reports, what he said
/// is the claim.
pub fn claims<'a>(docs: &[&'a Document]) -> Vec<Claim<'a>> {
    // Each document's entity mentions as (char start, char end, id, text), sorted.
    let mentions: Vec<Vec<(usize, usize, &str, &str)>> = docs
        .iter()
        .map(|d| {
            let mut m: Vec<_> = d
                .entities
                .iter()
                .flat_map(|e| e.mentions.iter().map(move |m| (m.start, m.end, e.id.as_str(), m.text.as_str())))
                .collect();
            m.sort_unstable();
            m
        })
        .collect();
    let char_index: Vec<CharIndex> = docs.iter().map(|d| CharIndex::new(&d.text)).collect();
    let mut claims: Vec<Claim<'a>> = clauses(docs)
        .into_iter()
        .map(|c| {
            let doc = docs[c.doc];
            let at = c.text.as_ptr() as usize - doc.text.as_ptr() as usize;
            let span = char_index[c.doc].char_range(at..at + c.text.len());
            // The reported words inside the clause, as char ranges.
            let mut said: Vec<std::ops::Range<usize>> = Vec::new();
            let mut speakers: Vec<&str> = Vec::new();
            for q in doc.quotes.iter().filter(|q| q.start < span.end && span.start < q.end) {
                said.push(q.start.max(span.start)..q.end.min(span.end));
                speakers.extend(q.speaker.entity.as_deref());
            }
            let piece = |r: &std::ops::Range<usize>| {
                let byte = |ch: usize| c.text.char_indices().nth(ch - span.start).map_or(c.text.len(), |(b, _)| b);
                &c.text[byte(r.start)..byte(r.end)]
            };
            let mut words = ContentWords::default();
            for r in &said {
                words.extend(ContentWords::skeletons_of(piece(r)));
            }
            if words.len() < MIN_CLAIM_WORDS {
                said = vec![span.clone()];
                speakers.clear();
                words = ContentWords::skeletons_of(c.text);
            }
            let m = &mentions[c.doc];
            let from = m.partition_point(|&(start, ..)| start < span.start);
            for &(start, end, id, text) in m[from..].iter().take_while(|&&(start, ..)| start < span.end) {
                if said.iter().any(|r| r.start <= start && end <= r.end) {
                    words.remove_all(&ContentWords::skeletons_of(text));
                    words.insert(format!("@{id}"));
                }
            }
            for id in speakers {
                words.insert(format!("@{id}"));
            }
            Claim { doc: c.doc, sentence: c.sentence, text: c.text, words }
        })
        .collect();
    // «وذخيرة» is «ذخيرة» where another report of the story writes it so.
    let vocabulary: std::collections::HashSet<String> =
        claims.iter().flat_map(|c| c.words.iter().map(str::to_owned)).collect();
    for c in &mut claims {
        c.words.confirm_proclitics(|w| vocabulary.contains(w));
    }
    claims
}

/// The facts of a story's documents, most widely supported first. One
/// utterance reported by several documents (`utterances`, grouped by the
/// quotation stage even when re-translated) makes their claims more alike.
pub fn facts(docs: &[&Document], utterances: &[StoryQuote]) -> Vec<Fact> {
    let claims = claims(docs);
    let groups = align(&claims, &reported_together(docs, &claims, utterances));
    let origin = Origins::new(docs);
    let mut facts: Vec<Fact> = groups
        .into_iter()
        .map(|members| {
            // (document index, evidence), at most one per document.
            let mut cited: Vec<(usize, Evidence)> = Vec::new();
            let mut origins: Vec<String> = Vec::new();
            for &m in &members {
                let c = &claims[m];
                if !cited.iter().any(|(d, _)| *d == c.doc) {
                    cited.push((c.doc, Evidence { doc: docs[c.doc].id.clone(), text: c.text.to_owned() }));
                }
                let o = origin.of(c.doc, c.sentence, c.text);
                if !origins.contains(&o) {
                    origins.push(o);
                }
            }
            // Claims that also support this fact come last; cite in document order.
            cited.sort_by_key(|(d, _)| *d);
            let evidence: Vec<Evidence> = cited.into_iter().map(|(_, e)| e).collect();
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

/// How alike claims are: their shared words, weighted by rarity in the story.
struct Similarity<'c, 'a> {
    claims: &'c [Claim<'a>],
    weight: HashMap<&'c str, f64>,
    /// Each claim's total weight.
    total: Vec<f64>,
    /// Claim pairs (smaller index first) that carry one utterance.
    same_utterance: std::collections::HashSet<(usize, usize)>,
}

impl<'c, 'a> Similarity<'c, 'a> {
    fn new(claims: &'c [Claim<'a>], known: &[Vec<usize>]) -> Self {
        // Document frequency: claims come in document order.
        let mut df: HashMap<&str, (usize, usize)> = HashMap::new();
        for c in claims {
            for w in c.words.iter() {
                let e = df.entry(w).or_insert((usize::MAX, 0));
                if e.0 != c.doc {
                    *e = (c.doc, e.1 + 1);
                }
            }
        }
        let n = claims.iter().map(|c| c.doc + 1).max().unwrap_or(0) as f64;
        // ln(1 + N/df), scaled so that a word of one document weighs 1.
        let weight: HashMap<&str, f64> =
            df.into_iter().map(|(w, (_, f))| (w, (1.0 + n / f as f64).ln() / (1.0 + n).ln())).collect();
        let total = claims.iter().map(|c| c.words.iter().map(|w| weight[w]).sum()).collect();
        let mut same_utterance = std::collections::HashSet::new();
        for group in known {
            for (k, &a) in group.iter().enumerate() {
                for &b in &group[k + 1..] {
                    same_utterance.insert((a.min(b), a.max(b)));
                }
            }
        }
        Similarity { claims, weight, total, same_utterance }
    }

    /// The similarity of claims `a` and `b`, in [0, 1 + SAME_UTTERANCE]:
    /// only the utterance bonus (if any) unless they share enough words.
    fn of(&self, a: usize, b: usize) -> f64 {
        let (ca, cb) = (&self.claims[a], &self.claims[b]);
        let (small, large) = if ca.words.len() <= cb.words.len() { (ca, cb) } else { (cb, ca) };
        let (mut count, mut words, mut shared) = (0, 0, 0.0);
        for w in small.words.iter().filter(|w| large.words.contains(w)) {
            count += 1;
            words += usize::from(!w.starts_with('@'));
            shared += self.weight[w];
        }
        let bonus = if self.same_utterance.contains(&(a.min(b), a.max(b))) { SAME_UTTERANCE } else { 0.0 };
        // Names alone («الزعيم الكوري الشمالي كيم جونغ أون») say who, not what.
        if count < MIN_SHARED || words < MIN_SHARED_WORDS || shared < MIN_SHARED_WEIGHT {
            return bonus;
        }
        shared / self.total[a].min(self.total[b]) + bonus
    }
}

/// Groups of aligned claims (indices into `claims`), with at most one claim
/// per document: the fact's own claims in claim order, then the claims of
/// other facts that also support it. `known` lists claims that carry one
/// utterance.
pub fn align(claims: &[Claim<'_>], known: &[Vec<usize>]) -> Vec<Vec<usize>> {
    let similarity = Similarity::new(claims, known);
    let mut index: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, c) in claims.iter().enumerate() {
        for w in c.words.iter() {
            index.entry(w).or_default().push(i);
        }
    }
    let common = ((claims.len() as f64 * COMMON_WORD) as usize).max(8);
    // Candidate pairs: claims of other documents sharing an uncommon word,
    // and claims that carry one utterance.
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    let mut candidates: Vec<usize> = Vec::new();
    for (i, c) in claims.iter().enumerate() {
        candidates.clear();
        for w in c.words.iter() {
            let Some(postings) = index.get(w).filter(|p| p.len() <= common) else { continue };
            candidates.extend(postings.iter().take_while(|&&j| j < i).filter(|&&j| claims[j].doc != c.doc));
        }
        candidates.sort_unstable();
        candidates.dedup();
        pairs.extend(candidates.iter().map(|&j| (similarity.of(j, i), j, i)));
    }
    for &(a, b) in &similarity.same_utterance {
        if claims[a].doc != claims[b].doc {
            pairs.push((similarity.of(a, b), a, b));
        }
    }
    pairs.retain(|p| p.0 >= ALIGNED);
    pairs.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    pairs.dedup_by_key(|p| (p.1, p.2));
    // Best-first joining.
    let mut fact_of: Vec<usize> = (0..claims.len()).collect();
    let mut members: Vec<Vec<usize>> = (0..claims.len()).map(|i| vec![i]).collect();
    for &(_, a, b) in &pairs {
        let (fa, fb) = (fact_of[a], fact_of[b]);
        if fa == fb {
            continue;
        }
        let (ma, mb) = (&members[fa], &members[fb]);
        if ma.iter().any(|&x| mb.iter().any(|&y| claims[x].doc == claims[y].doc)) {
            continue;
        }
        let links: f64 =
            ma.iter().flat_map(|&x| mb.iter().map(move |&y| (x, y))).map(|(x, y)| similarity.of(x, y)).sum();
        if links / ((ma.len() * mb.len()) as f64) < LINKED {
            continue;
        }
        let moved = std::mem::take(&mut members[fb]);
        for &m in &moved {
            fact_of[m] = fa;
        }
        members[fa].extend(moved);
    }
    // A clause often carries two claims («فشلت مرتين في وضع قمر صناعي
    // للتجسس»), and the partition gave it to one fact. It also supports
    // another fact it aligns with, where that fact has no claim of its
    // document yet.
    let mut also: Vec<Vec<usize>> = vec![Vec::new(); claims.len()];
    for &(_, a, b) in pairs.iter().take_while(|p| p.0 >= LINKED) {
        for (x, y) in [(a, b), (b, a)] {
            let f = fact_of[x];
            if fact_of[y] == f || members[f].iter().chain(&also[f]).any(|&m| claims[m].doc == claims[y].doc) {
                continue;
            }
            let links: f64 = members[f].iter().map(|&m| similarity.of(m, y)).sum();
            if links / members[f].len() as f64 >= LINKED {
                also[f].push(y);
            }
        }
    }
    let mut facts: Vec<Vec<usize>> = Vec::new();
    for (mut m, extra) in members.into_iter().zip(also).filter(|(m, _)| !m.is_empty()) {
        m.sort_unstable();
        m.extend(extra);
        facts.push(m);
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
            if let Some(c) = claim.filter(|c| !group.contains(c)) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use marsad_analyze::Analyzer;

    fn doc(id: &str, outlet: &str, text: &str) -> Document {
        let mut doc = Analyzer::new().analyze_text(id, text).remove(0);
        doc.outlet = Some(outlet.to_owned());
        doc
    }

    #[test]
    fn a_speaker_alone_is_not_a_clause() {
        let d = doc(
            "a",
            "x",
            "قال المتحدث باسم وزارة الخارجية المصرية أحمد أبو زيد، إن القاهرة ترفض أي تدخل في شؤونها الداخلية.",
        );
        let found = clauses(&[&d]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].text.contains("أبو زيد") && found[0].text.contains("ترفض"));
    }

    #[test]
    fn each_claim_joins_its_closest_counterpart_once_per_document() {
        let a = doc(
            "a",
            "الأولى",
            "أعلنت وزارة الصحة تسجيل ثلاثين إصابة جديدة بفيروس كورونا في العاصمة.\nوافتتح الوزير مستشفى جديدا في مدينة جدة.",
        );
        let b = doc(
            "b",
            "الثانية",
            "سجلت وزارة الصحة ثلاثين إصابة جديدة بفيروس كورونا في العاصمة أمس.\nوقالت الوزارة إن المستشفى الجديد في جدة يضم مئتي سرير.\nوأعلنت الوزارة تسجيل إصابات جديدة في مدن أخرى.",
        );
        let c = doc("c", "الثالثة", "وهطلت أمطار غزيرة على مدينة أبها مساء الأحد وتسببت في إغلاق طرق رئيسية.");
        let docs = [&a, &b, &c];
        let found = facts(&docs, &[]);
        let cases = found.iter().find(|f| f.text.contains("ثلاثين")).expect("the count of cases is a fact");
        assert_eq!(cases.sources, ["a", "b"], "{found:#?}");
        assert!(!cases.single_source);
        assert!(cases.evidence[1].text.starts_with("سجلت"), "the closer sentence of b wins: {cases:#?}");
        let rain = found.iter().find(|f| f.text.contains("أمطار")).expect("rain");
        assert!(rain.single_source && rain.sources == ["c"]);
    }

    #[test]
    fn a_clause_with_two_claims_supports_both_facts() {
        // b's one sentence says what a says in two.
        let a = doc(
            "a",
            "الأولى",
            "وأغلقت السلطات مطار المدينة الدولي أمام الرحلات الجوية بسبب العاصفة الرملية.
             وحولت شركات الطيران رحلاتها القادمة إلى مطار العاصمة المجاور طوال الليل.",
        );
        let b = doc(
            "b",
            "الثانية",
            "أغلقت السلطات مطار المدينة الدولي أمام الرحلات الجوية وحولت شركات الطيران رحلاتها القادمة إلى مطار العاصمة.",
        );
        let found = facts(&[&a, &b], &[]);
        for opening in ["وأغلقت", "وحولت"] {
            let fact = found.iter().find(|f| f.text.starts_with(opening)).expect(opening);
            assert_eq!(fact.sources, ["a", "b"], "{found:#?}");
            assert!(!fact.single_source);
        }
    }

    #[test]
    fn copies_of_one_outlet_are_one_source() {
        let text = "أعلنت وزارة الصحة تسجيل ثلاثين إصابة جديدة بفيروس كورونا في العاصمة.";
        let (a, b) = (doc("a", "الأولى", text), doc("b", "الأولى", text));
        let found = facts(&[&a, &b], &[]);
        assert_eq!(found[0].sources.len(), 2);
        assert!(found[0].single_source, "{found:#?}");
    }
}
