//! Tensions: statements that conflict, or that a later report updates.
//!
//! A claim that negates an event («لم يتم التوقيع على أي اتفاق», «نفت
//! موسكو …») is set against claims of other documents that assert the same
//! event about the same thing («ووقع اتفاقية دفاع مشترك»): the negated word
//! and an asserted word share their root (the verbal noun توقيع and the
//! verb وقع), and the two claims share two more words. Each denial is set
//! against the one assertion that shares the most with it. When the
//! assertion comes more than a week after the negation it is an **update**
//! (things changed); otherwise the two reports **contradict** each other.
//!
//! Tensions are looked for across the whole brief, not only inside one
//! story: the update of a September report may come in a June story.
//! Candidates come from an index of roots (too common roots skipped), and
//! only documents that share named entities are compared.

use std::collections::{HashMap, HashSet};

use marsad_analyze::Document;
use serde::Serialize;

use crate::facts::{clauses, Clause};

/// Two statements in tension.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tension {
    /// `contradiction` or `update`.
    pub kind: &'static str,
    /// The earlier statement first.
    pub statements: Vec<Statement>,
}

/// One side of a tension.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Statement {
    pub doc: String,
    pub text: String,
    /// The document's publication date.
    pub date: Option<String>,
}

/// Roots found in more claims than this are too common to say two claims
/// are about one event («قال», «كان»).
const COMMON_ROOT: usize = 60;
/// Words besides the event a denial and an assertion must share («اتفاق»
/// and «كيم» for «لم يتم التوقيع على أي اتفاق خلال رحلة كيم»).
const SHARED_WORDS: usize = 2;
/// Named entities two documents must share to be compared.
const SHARED_ENTITIES: usize = 2;
/// Days after which an assertion of what was denied is an update, not a contradiction.
const UPDATE_AFTER_DAYS: i64 = 7;

/// Particles that negate the event after them.
const NEGATIONS: &[&str] = &["لم", "لن", "لا", "ليس", "ليست", "غير", "عدم", "نفى", "نفت", "ينفي", "تنفي", "نفي"];
/// Verbs that carry no event of their own after a negation («لم يتم التوقيع»).
const AUXILIARIES: &[&str] = &["يتم", "تتم", "تم", "يكن", "تكن", "يعد", "تعد", "يوجد", "توجد", "هناك", "يكون", "تكون"];

/// The tensions among `docs`.
pub fn tensions(docs: &[&Document]) -> Vec<Tension> {
    let clauses = clauses(docs);
    // The negations first: few clauses deny something, and only the roots
    // they deny need an index.
    let negated: Vec<Option<(String, Vec<String>)>> = clauses.iter().map(|c| negated_event(c.text)).collect();
    let events: HashSet<&str> = negated.iter().flatten().map(|(e, _)| e.as_str()).collect();
    let mut index: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, c) in clauses.iter().enumerate().filter(|(i, _)| negated[*i].is_none()) {
        for r in words(c.text).map(|w| root(&w)) {
            if let Some(&e) = events.get(r.as_str()) {
                index.entry(e).or_default().push(i);
            }
        }
    }
    let entities: Vec<HashSet<&str>> =
        docs.iter().map(|d| d.entities.iter().map(|e| e.id.as_str()).collect()).collect();
    let mut out = Vec::new();
    let mut seen: HashSet<(usize, usize)> = HashSet::new();
    for (claim, found) in clauses.iter().zip(&negated) {
        let Some((event, rest)) = found else { continue };
        let postings = index.get(event.as_str()).filter(|p| p.len() <= COMMON_ROOT);
        // The assertion that shares the most with the denial, if enough.
        let mut best: Option<(usize, usize)> = None;
        for &p in postings.into_iter().flatten() {
            let other = &clauses[p];
            if other.doc == claim.doc || seen.contains(&(claim.doc, other.doc)) {
                continue;
            }
            if entities[claim.doc].intersection(&entities[other.doc]).count() < SHARED_ENTITIES {
                continue;
            }
            let roots: Vec<String> = words(other.text).map(|w| root(&w)).collect();
            let shared = rest.iter().filter(|w| roots.iter().any(|o| o != event && same_word(w, o))).count();
            if shared >= SHARED_WORDS && best.is_none_or(|(n, _)| shared > n) {
                best = Some((shared, p));
            }
        }
        if let Some((_, p)) = best {
            seen.insert((claim.doc, clauses[p].doc));
            out.push(tension(docs, claim, &clauses[p]));
        }
    }
    out
}

fn tension(docs: &[&Document], negation: &Clause<'_>, assertion: &Clause<'_>) -> Tension {
    let day = |c: &Clause<'_>| docs[c.doc].published_date().map(|d| d.to_days());
    let statement = |c: &Clause<'_>| Statement {
        doc: docs[c.doc].id.clone(),
        text: c.text.to_owned(),
        date: docs[c.doc].published_date().map(|d| d.to_string()),
    };
    let (a, b) = (day(negation), day(assertion));
    // Far apart in time, the later report updates the earlier one, in
    // whichever order the denial and the assertion came.
    let later = matches!((a, b), (Some(a), Some(b)) if (b - a).abs() > UPDATE_AFTER_DAYS);
    let earlier_first = match (a, b) {
        (Some(a), Some(b)) => a <= b,
        _ => true,
    };
    let mut statements = vec![statement(negation), statement(assertion)];
    if !earlier_first {
        statements.reverse();
    }
    Tension { kind: if later { "update" } else { "contradiction" }, statements }
}

/// The root of the event a claim negates, and the roots of its other words.
fn negated_event(text: &str) -> Option<(String, Vec<String>)> {
    let ws: Vec<String> = words(text).collect();
    let at = ws.iter().position(|w| is_negation(w))?;
    let event = ws[at + 1..].iter().find(|w| !AUXILIARIES.contains(&w.as_str()) && w.chars().count() >= 3)?;
    let event = root(event);
    let mut rest: Vec<String> = ws
        .iter()
        .map(|w| root(w))
        .filter(|r| r != &event && r.chars().count() >= 3 && !marsad_text::overlap::is_function_word(r))
        .collect();
    rest.sort_unstable();
    rest.dedup();
    Some((event, rest))
}

/// «لم», «ولن», «فلا»: a negation particle, with or without a conjunction.
fn is_negation(word: &str) -> bool {
    let bare = word.strip_prefix(['و', 'ف']).filter(|r| r.chars().count() >= 2).unwrap_or(word);
    NEGATIONS.contains(&word) || NEGATIONS.contains(&bare)
}

fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    marsad_text::tokenize(text).filter(|t| t.kind.is_word()).map(|t| marsad_text::normalize_str(t.text))
}

/// A rough root: the light stem without the ت…ي frame of the verbal noun
/// تفعيل («توقيع» → «وقع») and without a leading و that is a conjunction.
fn root(word: &str) -> String {
    let stem = marsad_text::light_stem(word);
    let letters: Vec<char> = stem.chars().collect();
    if letters.len() == 5 && letters[0] == 'ت' && letters[3] == 'ي' {
        return [letters[1], letters[2], letters[4]].iter().collect();
    }
    if letters.len() == 4 && letters[0] == 'و' && letters[1] == 'و' {
        return letters[1..].iter().collect();
    }
    stem
}

/// Two roots name the same thing: equal («كيم»), or one of four letters or
/// more extended by a suffix in the other («اتفاق» / «اتفاقي» from «اتفاقية»).
fn same_word(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short == long || short.chars().count() >= 4 && long.starts_with(short)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roots_of_verbal_nouns_and_verbs_agree() {
        assert_eq!(root("التوقيع"), root("ووقع"));
        assert!(same_word(&root("اتفاق"), &root("اتفاقية")));
        assert!(is_negation("ولن") && is_negation("لم") && !is_negation("لندن"));
    }
}
