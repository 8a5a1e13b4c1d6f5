//! Proclitic analysis: conjunction, preposition and definite article.
//!
//! Arabic attaches, in this order, an optional conjunction (و "and",
//! ف "so"), an optional preposition (ب "with", ك "like", ل "for") and an
//! optional article (ال; after ل it fuses to "لل"). The letters are also very
//! common word-initial radicals and name initials ("بوتين", "فلاديمير",
//! "لبنان", "واشنطن", "كيم"), and nothing in the spelling tells the two apart,
//! so the analysis trusts a clitic only when the evidence is strong:
//!
//! 1. **Before the article** any combination is stripped: "والزعيم",
//!    "بالصين", "وللرئيس", "فبالتالي". The article is then stripped too if at
//!    least 2 letters remain (3 when a clitic precedes it: "والده" is "والد"
//!    + "ه", not "و" + "ال" + "ده"), except in the divine name "الله".
//! 2. **Without the article**, only و and ل are stripped, and only when the
//!    remainder is long: its core (the remainder without suffixes and without
//!    a final nisba ي) must keep 5 letters, 6 if it starts with ا. So
//!    "وبوتين" → "بوتين" and "لبوتين" → "بوتين", while "واشنطن", "وزارة",
//!    "وكالة", "لبنان", "لبنانيين" and "ليبيا" stay whole. One conjunction and
//!    one ل can stack: "ولبوتين" → "بوتين".
//! 3. ف, ب, ك are never stripped without the article ("فلاديمير", "فرنسا",
//!    "بريطانيا", "برلمان", "كندا" start with them), and neither is the future
//!    marker س ("سيقول" is not distinguishable from "سياسة", "سيول", "سيدني").
//!
//! What this misses (conservatively): short names and nouns with a
//! clitic ("وكيم", "لحماس", "بسلاح"), hamza-initial names after و/ل
//! ("وايران"), and ل followed by a word that starts with ل ("للبنان" reads as
//! ل + ال + "بنان"). Callers matching against a known list of names should use
//! [`proclitic_candidates`], which lists every grammatical reading.

use super::{cut_prefix, letters, suffixes::strip_suffixes};

/// The proclitics found on one word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Proclitics<'a> {
    /// و or ف.
    pub conjunction: Option<char>,
    /// ب, ك or ل.
    pub preposition: Option<char>,
    /// The definite article was found (and is not in `rest`).
    pub article: bool,
    /// The word after the conjunction and preposition, with a spelled-out
    /// article still in front ("بالصين" → "الصين"). When the article is fused
    /// with ل ("للصين") it cannot be kept in a borrowed slice, so this equals
    /// `rest` ("صين").
    pub with_article: &'a str,
    /// The word after every stripped proclitic, article included.
    pub rest: &'a str,
}

/// `(prefix, conjunction, preposition, fused)` for the article forms, longest
/// first. `fused` marks "لل": ل + ال with the alef elided.
const ARTICLE_FORMS: &[(&str, Option<char>, Option<char>, bool)] = &[
    ("وبال", Some('و'), Some('ب'), false),
    ("وكال", Some('و'), Some('ك'), false),
    ("فبال", Some('ف'), Some('ب'), false),
    ("فكال", Some('ف'), Some('ك'), false),
    ("ولل", Some('و'), Some('ل'), true),
    ("فلل", Some('ف'), Some('ل'), true),
    ("وال", Some('و'), None, false),
    ("فال", Some('ف'), None, false),
    ("بال", None, Some('ب'), false),
    ("كال", None, Some('ك'), false),
    ("لل", None, Some('ل'), true),
    ("ال", None, None, false),
];

/// Letters a remainder's core needs before و or ل is stripped without the article.
const MIN_CORE_WITHOUT_ARTICLE: usize = 5;

/// Letters of `s` that would survive suffix stripping, not counting a final
/// nisba ي: a measure of how much of a real word is left.
fn core_letters(s: &str) -> usize {
    let t = strip_suffixes(s);
    letters(t) - usize::from(t.ends_with('ي'))
}

fn may_strip_without_article(rest: &str) -> bool {
    let need = if rest.starts_with('ا') { MIN_CORE_WITHOUT_ARTICLE + 1 } else { MIN_CORE_WITHOUT_ARTICLE };
    core_letters(rest) >= need
}

/// Analyse the proclitics of one normalized word. See the module docs for
/// the rules; the word is returned whole (`rest == word`) when in doubt.
pub fn split_proclitics(word: &str) -> Proclitics<'_> {
    let whole = Proclitics { conjunction: None, preposition: None, article: false, with_article: word, rest: word };
    // Every proclitic reading starts with one of these letters; most words
    // do not, and this keeps them off the slow path.
    if !word.starts_with(['ا', 'و', 'ف', 'ب', 'ك', 'ل']) {
        return whole;
    }
    for &(prefix, conjunction, preposition, fused) in ARTICLE_FORMS {
        let Some(rest) = cut_prefix(word, prefix) else {
            continue;
        };
        let has_clitic = conjunction.is_some() || preposition.is_some();
        let min = if has_clitic { 3 } else { 2 };
        if letters(rest) < min || rest == "له" {
            continue;
        }
        // `prefix` ends with the 2-byte "ال" (or the second ل of "لل").
        let article_at = word.len() - rest.len() - if fused { 0 } else { "ال".len() };
        let with_article = if fused { rest } else { word.get(article_at..).unwrap_or(rest) };
        return Proclitics { conjunction, preposition, article: true, with_article, rest };
    }

    let mut conjunction = None;
    let mut preposition = None;
    let mut rest = word;
    if let Some(r) = rest.strip_prefix('و') {
        if may_strip_without_article(r) {
            conjunction = Some('و');
            rest = r;
        }
    }
    if let Some(r) = rest.strip_prefix('ل') {
        if may_strip_without_article(r) {
            preposition = Some('ل');
            rest = r;
        }
    }
    Proclitics { conjunction, preposition, article: false, with_article: rest, rest }
}

/// Prefixes a proclitic reading can strip, shortest first.
const ALL_PREFIXES: &[&str] = &[
    "و", "ف", "ب", "ك", "ل", "س", "وب", "وك", "ول", "وس", "فب", "فك", "فل", "فس", "ال", "لل", "وال", "فال", "بال",
    "كال", "ولل", "فلل", "وبال", "وكال", "فبال", "فكال",
];

/// Every grammatical reading of `word`'s proclitics, as remainders of at least
/// 2 letters, from the least stripped (the word itself) to the most:
/// "وبالصين" → "وبالصين", "بالصين", "الصين", "صين". Meant for lookups
/// against a known list (names, gazetteers), where the list decides which
/// reading is real; on its own it over-generates ("بوتين" → "وتين").
pub fn proclitic_candidates(word: &str) -> impl Iterator<Item = &str> + '_ {
    std::iter::once(word)
        .chain(ALL_PREFIXES.iter().filter_map(move |p| cut_prefix(word, p)).filter(|rest| letters(rest) >= 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rest(w: &str) -> &str {
        split_proclitics(w).rest
    }

    #[test]
    fn article_forms() {
        assert_eq!(rest("الزعيم"), "زعيم");
        assert_eq!(rest("والزعيم"), "زعيم");
        assert_eq!(rest("بالصين"), "صين");
        assert_eq!(rest("للرييس"), "رييس");
        assert_eq!(rest("وللرييس"), "رييس");
        assert_eq!(rest("فبالتالي"), "تالي");
        let p = split_proclitics("وبالصين");
        assert_eq!((p.conjunction, p.preposition, p.article, p.with_article), (Some('و'), Some('ب'), true, "الصين"));
    }

    #[test]
    fn article_guards() {
        for w in ["الله", "والله", "بالله", "لله", "الي", "والد", "والده", "الف"] {
            assert_eq!(rest(w), w, "{w}");
        }
        assert_eq!(rest("الدم"), "دم");
    }

    #[test]
    fn without_article() {
        assert_eq!(rest("وبوتين"), "بوتين");
        assert_eq!(rest("لبوتين"), "بوتين");
        assert_eq!(rest("ولبوتين"), "بوتين");
        assert_eq!(rest("وروسيا"), "روسيا");
        assert_eq!(rest("ولبنان"), "لبنان");
        for w in [
            "بوتين",
            "واشنطن",
            "فلاديمير",
            "بيونغ",
            "وزاره",
            "وكاله",
            "لبنان",
            "لبنانيين",
            "ليبيا",
            "كيم",
            "لكيم",
            "وكيم",
            "بريطانيا",
            "سيقول",
            "سياسه",
            "فرنسا",
        ] {
            assert_eq!(rest(w), w, "{w}");
        }
    }

    #[test]
    fn candidates() {
        let c: Vec<_> = proclitic_candidates("وبالصين").collect();
        assert_eq!(c, ["وبالصين", "بالصين", "الصين", "صين"]);
        let c: Vec<_> = proclitic_candidates("لكيم").collect();
        assert_eq!(c, ["لكيم", "كيم"]);
        let c: Vec<_> = proclitic_candidates("للبنان").collect();
        assert_eq!(c, ["للبنان", "لبنان", "بنان"]);
    }
}
