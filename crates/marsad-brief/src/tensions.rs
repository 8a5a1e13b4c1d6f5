//! Tensions: statements that conflict, or that a later report updates.
//!
//! A claim that negates an event («لم يتم التوقيع على أي اتفاق», «نفت
//! موسكو …») is set against claims of other documents that assert the same
//! event about the same thing («ووقع اتفاقية دفاع مشترك»): the negated word
//! and an asserted word share their root (the verbal noun توقيع and the
//! verb وقع), and the two claims share another content word. When the
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

use crate::facts::{claims, Claim};

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
const COMMON_ROOT: usize = 400;
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
    let claims = claims(docs);
    let entities: Vec<HashSet<&str>> =
        docs.iter().map(|d| d.entities.iter().map(|e| e.id.as_str()).collect()).collect();
    // Roots of every claim's words, indexed.
    let roots: Vec<Vec<String>> = claims.iter().map(|c| words(c.text).map(|w| root(&w)).collect()).collect();
    let mut index: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, r) in roots.iter().enumerate() {
        for w in r {
            index.entry(w.as_str()).or_default().push(i);
        }
    }
    let mut out = Vec::new();
    let mut seen: HashSet<(usize, usize)> = HashSet::new();
    for claim in &claims {
        let Some((event, rest)) = negated_event(claim) else { continue };
        let postings = index.get(event.as_str()).filter(|p| p.len() <= COMMON_ROOT);
        for &p in postings.into_iter().flatten() {
            let other = &claims[p];
            if other.doc == claim.doc || negated_event(other).is_some() || !seen.insert((claim.doc, other.doc)) {
                continue;
            }
            if entities[claim.doc].intersection(&entities[other.doc]).count() < SHARED_ENTITIES {
                continue;
            }
            let shares_object = rest.iter().any(|w| roots[p].iter().any(|o| o != &event && same_word(w, o)));
            if !shares_object {
                seen.remove(&(claim.doc, other.doc));
                continue;
            }
            out.push(tension(docs, claim, other));
        }
    }
    out
}

fn tension(docs: &[&Document], negation: &Claim<'_>, assertion: &Claim<'_>) -> Tension {
    let day = |c: &Claim<'_>| docs[c.doc].published_date().map(|d| d.to_days());
    let statement = |c: &Claim<'_>| Statement {
        doc: docs[c.doc].id.clone(),
        text: c.text.to_owned(),
        date: docs[c.doc].published_date().map(|d| d.to_string()),
    };
    let (a, b) = (day(negation), day(assertion));
    let later = matches!((a, b), (Some(a), Some(b)) if b - a > UPDATE_AFTER_DAYS);
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
fn negated_event(claim: &Claim<'_>) -> Option<(String, Vec<String>)> {
    let ws: Vec<String> = words(claim.text).collect();
    let at = ws.iter().position(|w| NEGATIONS.contains(&marsad_text::strip_proclitics(w)))?;
    let event = ws[at + 1..].iter().find(|w| !AUXILIARIES.contains(&w.as_str()) && w.chars().count() >= 3)?;
    let event = root(event);
    let rest = ws.iter().map(|w| root(w)).filter(|r| r != &event && r.chars().count() >= 3).collect();
    Some((event, rest))
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

/// Two roots name the same thing: equal, or one extends the other by a
/// suffix («اتفاق» / «اتفاقي» from «اتفاقية»).
fn same_word(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.chars().count() >= 4 && long.starts_with(short)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roots_of_verbal_nouns_and_verbs_agree() {
        assert_eq!(root("التوقيع"), root("ووقع"));
        assert!(same_word(&root("اتفاق"), &root("اتفاقية")));
    }
}
