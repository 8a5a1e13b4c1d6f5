//! Light stemming of single Arabic words for search and matching.
//!
//! A light stemmer strips the clitics and inflection endings that make the
//! same word look different ("والزعيم", "الزعيم", "زعيم") without trying to
//! find roots and without a lexicon. It does not undo broken plurals
//! ("صواريخ" stays "صواريخ", not "صاروخ").
//!
//! The constraint that shapes every rule is that **names and short words
//! must survive**: "بوتين", "واشنطن", "فلاديمير", "بيونغ", "كيم", "لبنان",
//! "فلسطين" come out unchanged. Whenever a clitic or ending letter could be
//! part of the word, the rules leave it (see [`proclitics`] and
//! [`suffixes`] for the exact guards). Stems are for comparing with
//! other stems; they are not always real words ("وكالة" → "وكال").
//!
//! Non-Arabic words (Latin, numbers, mixed tokens like "كوفيد-19") are only
//! normalized, never stemmed.

pub mod proclitics;
pub mod suffixes;

pub use proclitics::{proclitic_candidates, split_proclitics, Proclitics};

use crate::chars::{class, CharClass};

/// Number of characters (all stemmer input letters are single code points).
#[inline]
fn letters(s: &str) -> usize {
    s.chars().count()
}

/// `s.strip_prefix(p)` without a `memcmp` call: affixes are a few bytes and
/// the stemmer tries many of them per word.
#[inline]
fn cut_prefix<'a>(s: &'a str, p: &str) -> Option<&'a str> {
    let (sb, pb) = (s.as_bytes(), p.as_bytes());
    if sb.len() < pb.len() || !sb.iter().zip(pb).all(|(a, b)| a == b) {
        return None;
    }
    s.get(pb.len()..)
}

/// `s.strip_suffix(p)` without a `memcmp` call.
#[inline]
fn cut_suffix<'a>(s: &'a str, p: &str) -> Option<&'a str> {
    let (sb, pb) = (s.as_bytes(), p.as_bytes());
    let at = sb.len().checked_sub(pb.len())?;
    if !sb.iter().skip(at).zip(pb).all(|(a, b)| a == b) {
        return None;
    }
    s.get(..at)
}

/// Light stem of ONE word. The input may be raw or normalized; the output is
/// normalized (so it can be compared with other stems directly). Allocates
/// the result; use [`light_stem_into`] to reuse a buffer or
/// [`stem_normalized`] on already normalized words to avoid allocating.
///
/// ```
/// use marsad_text::light_stem;
/// assert_eq!(light_stem("والزعيم"), "زعيم");
/// assert_eq!(light_stem("الكوريّة"), "كوري");
/// assert_eq!(light_stem("بوتين"), "بوتين");
/// ```
pub fn light_stem(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    light_stem_into(word, &mut out);
    out
}

/// [`light_stem`], appending to `out`.
pub fn light_stem_into(word: &str, out: &mut String) {
    let base = out.len();
    crate::normalize::normalize_into(word, out);
    let normalized = out.get(base..).unwrap_or("");
    let stem = stem_normalized(normalized);
    // `stem` is a subslice of `normalized`: keep just that part.
    let from = stem.as_ptr() as usize - normalized.as_ptr() as usize;
    let to = from + stem.len();
    out.truncate(base + to);
    out.drain(base..base + from);
}

/// Light stem of one **already normalized** word, as a subslice of it (no
/// allocation). Words containing anything but Arabic letters are returned
/// unchanged.
pub fn stem_normalized(word: &str) -> &str {
    if word.is_empty() || !word.chars().all(|c| class(c) == CharClass::ArabicLetter) {
        return word;
    }
    let rest = split_proclitics(word).rest;
    suffixes::strip_suffixes(rest)
}

/// Strip conjunction and preposition proclitics (و ف ب ك ل) from one
/// normalized word, keeping the article when it is spelled out:
/// "وبوتين" → "بوتين", "بالصين" → "الصين", "والزعيم" → "الزعيم". The fused
/// "لل" form cannot keep its article in a borrowed slice and returns the
/// word after it ("للصين" → "صين"). To drop the article as well use
/// [`split_proclitics`]`(w).rest` or [`strip_article`].
///
/// This is the conservative single reading (see [`proclitics`]): short words
/// keep their first letter ("لكيم" stays "لكيم", because "لندن", "لجنة" and
/// "ليلة" look the same). When matching against known names, look up every
/// reading from [`proclitic_candidates`] instead.
pub fn strip_proclitics(word: &str) -> &str {
    split_proclitics(word).with_article
}

/// Strip a leading definite article "ال" if at least 2 letters remain
/// ("الصين" → "صين"; "الله" and "الي" are kept).
pub fn strip_article(word: &str) -> &str {
    match word.strip_prefix("ال") {
        Some(rest) if letters(rest) >= 2 && rest != "له" => rest,
        _ => word,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn required_behaviour() {
        let cases = [
            ("بوتين", "بوتين"),
            ("واشنطن", "واشنطن"),
            ("فلاديمير", "فلاديمير"),
            ("بيونغ", "بيونغ"),
            ("والزعيم", "زعيم"),
            ("الزعيم", "زعيم"),
            ("زعيم", "زعيم"),
            ("وبوتين", "بوتين"),
            ("لبوتين", "بوتين"),
            ("الصواريخ", "صواريخ"),
            ("بالصواريخ", "صواريخ"),
            ("الكورية", "كوري"),
            ("الكوري", "كوري"),
            ("روسيا", "روسيا"),
            ("موسكو", "موسكو"),
            ("كيم", "كيم"),
            ("وكالة", "وكال"),
            // The future marker is never stripped (see `proclitics`), the conjunction is.
            ("وسيقول", "سيقول"),
        ];
        for (word, stem) in cases {
            assert_eq!(light_stem(word), stem, "{word}");
        }
    }

    #[test]
    fn same_stem_for_clitic_variants() {
        for group in [
            &["والزعيم", "الزعيم", "زعيم", "بالزعيم", "للزعيم"][..],
            &["الفلسطينيين", "فلسطينيين", "الفلسطينية", "فلسطيني", "والفلسطيني"][..],
            &["الحكومة", "حكومة", "حكومتها", "والحكومة", "للحكومة", "حكومتنا"][..],
            &["المسلحين", "مسلحون", "المسلح", "والمسلحين"][..],
            &["بوتين", "وبوتين", "لبوتين", "ولبوتين", "بُوتِين"][..],
            &["لبنان", "ولبنان"][..],
            &["عمليات", "العملية", "عملية", "بالعمليات"][..],
            &["ولاية", "الولايات", "ولايات"][..],
        ] {
            let stems: Vec<String> = group.iter().map(|w| light_stem(w)).collect();
            assert!(stems.windows(2).all(|w| w[0] == w[1]), "{group:?} → {stems:?}");
        }
    }

    #[test]
    fn names_and_short_words_survive() {
        for w in [
            "فلسطين",
            "ماكرون",
            "كلينتون",
            "ايران",
            "طهران",
            "باكستان",
            "كورونا",
            "فيينا",
            "بغداد",
            "بيروت",
            "فرنسا",
            "بريطانيا",
            "برلمان",
            "كندا",
            "لندن",
            "ليبيا",
            "سوريا",
            "سيول",
            "الله",
            "عبدالله",
            "في",
            "من",
            "هو",
            "لا",
            "مليون",
        ] {
            assert_eq!(light_stem(w), w, "{w}");
        }
    }

    #[test]
    fn raw_input_is_normalized() {
        assert_eq!(light_stem("الرئيـــسُ"), "رييس");
        assert_eq!(light_stem("المُسلّحين"), "مسلح");
        assert_eq!(light_stem("ﻟﻠﺮﺋﻴﺲ"), "رييس");
    }

    #[test]
    fn non_arabic_is_only_normalized() {
        assert_eq!(light_stem("Putin"), "putin");
        assert_eq!(light_stem("٤٢٫٧"), "42.7");
        assert_eq!(light_stem("كوفيد-19"), "كوفيد-19");
        assert_eq!(light_stem(""), "");
        assert_eq!(light_stem("\u{064E}"), "");
    }

    #[test]
    fn into_appends() {
        let mut out = String::from("x:");
        light_stem_into("والزعيم", &mut out);
        assert_eq!(out, "x:زعيم");
    }

    #[test]
    fn proclitic_helpers() {
        assert_eq!(strip_proclitics("وبوتين"), "بوتين");
        assert_eq!(strip_proclitics("بالصين"), "الصين");
        assert_eq!(strip_proclitics("والزعيم"), "الزعيم");
        assert_eq!(strip_proclitics("للصين"), "صين");
        assert_eq!(strip_proclitics("لكيم"), "لكيم");
        assert_eq!(strip_proclitics("بوتين"), "بوتين");
        assert_eq!(strip_article("الصين"), "صين");
        assert_eq!(strip_article("الله"), "الله");
        assert!(proclitic_candidates("لكيم").any(|c| c == "كيم"));
    }
}
