//! Suffix stripping for the light stemmer.
//!
//! Input is one normalized Arabic word without proclitics. At most one
//! pronoun suffix is removed, then at most one number/gender ending. Every
//! rule keeps at least 3 letters, and the rules that collide with common
//! word endings have extra guards, listed with each rule.

use super::{cut_suffix, letters};

/// Pronoun suffixes, longest first: `(suffix, letters that must remain)`.
///
/// * "هما" (their, dual), "ها" (her): 3 letters must remain.
/// * "هم" (their), "كم" / "كن" (your, plural): 4 letters must remain, because
///   3-letter remainders are mostly words that just end that way: "مساهم",
///   "محاكم", "تراكم", "اماكن", "مساكن".
/// * "نا" (our): 3 letters must remain and the letter before must not be a
///   long vowel (ا و ي), which protects names: "كورونا", "فيينا", "استانا".
///
/// Not stripped: "ه" here (handled with the feminine ending, below), "ك"
/// ("ملك", "بنك", "ذلك"), "ي" (the nisba "كوري" is the stem we want).
const PRONOUNS: &[(&str, usize)] = &[("هما", 3), ("هم", 4), ("كم", 4), ("كن", 4), ("ها", 3), ("نا", 3)];

/// Strip suffixes from a normalized, proclitic-free Arabic word.
///
/// Number/gender endings, first that applies:
/// * nisba plurals "يين" / "يون" → "ي" ("فلسطينيين" → "فلسطيني");
/// * feminine plural "ات" when 3 letters remain ("صادرات" → "صادر",
///   "عمليات" → "عملي", which is also the stem of "عملية");
/// * masculine plural "ين" / "ون" only on words of the participle shape
///   م + non-alef ("مسلحين" → "مسلح", "مواطنون" → "مواطن") with 4 letters
///   left. Elsewhere these endings are too often part of a name ("بوتين",
///   "فلسطين", "ماكرون", "كلينتون") to touch;
/// * feminine / pronoun "ه" (from ة or the pronoun) when 3 letters remain
///   ("الكورية" → "كوري", "وكالة" → "وكال"), except in the divine name
///   ("الله", "عبدالله");
/// * after a pronoun, a final "ت" that was a ta marbuta in construct state
///   ("حكومتها" → "حكوم", the stem of "حكومة").
///
/// Dual "ان" is not stripped: it ends too many names ("ايران", "لبنان",
/// "اردوغان", "باكستان").
pub fn strip_suffixes(word: &str) -> &str {
    let mut t = word;
    let mut pronoun = false;
    let n = letters(t);
    // Every suffix handled here ends with one of these letters.
    if !word.ends_with(['ا', 'م', 'ن', 'ت', 'ه']) {
        return word;
    }
    for &(suffix, keep) in PRONOUNS {
        let Some(rest) = cut_suffix(t, suffix) else {
            continue;
        };
        if n < keep + letters(suffix) {
            continue;
        }
        if suffix == "نا" && rest.ends_with(['ا', 'و', 'ي']) {
            continue;
        }
        t = rest;
        pronoun = true;
        break;
    }

    let n = letters(t);
    if (cut_suffix(t, "يين").is_some() || cut_suffix(t, "يون").is_some()) && n >= 6 {
        return t.get(..t.len() - "ين".len()).unwrap_or(t);
    }
    if let Some(rest) = cut_suffix(t, "ات") {
        if n >= 5 {
            return rest;
        }
        // Too short to be a plural ("قوات", "ذات"): also not a construct ta.
        return t;
    }
    if n >= 6 && (cut_suffix(t, "ين").is_some() || cut_suffix(t, "ون").is_some()) {
        let mut it = t.chars();
        if it.next() == Some('م') && it.next() != Some('ا') {
            return t.get(..t.len() - "ين".len()).unwrap_or(t);
        }
    }
    if let Some(rest) = t.strip_suffix('ه') {
        if n >= 4 && cut_suffix(t, "لله").is_none() {
            return rest;
        }
        return t;
    }
    if pronoun && n >= 4 {
        if let Some(rest) = t.strip_suffix('ت') {
            return rest;
        }
    }
    t
}

#[cfg(test)]
mod tests {
    use super::strip_suffixes as s;

    #[test]
    fn pronouns() {
        assert_eq!(s("حكومتها"), "حكوم");
        assert_eq!(s("حقوقهم"), "حقوق");
        assert_eq!(s("بلادنا"), "بلاد");
        assert_eq!(s("بينهما"), "بين");
        assert_eq!(s("منظماتهم"), "منظم");
        assert_eq!(s("قواتها"), "قوات");
    }

    #[test]
    fn guarded_endings() {
        for w in [
            "مساهم",
            "محاكم",
            "اماكن",
            "كورونا",
            "فيينا",
            "منها",
            "بوتين",
            "فلسطين",
            "ماكرون",
            "ايران",
            "لبنان",
            "مليون",
            "قوات",
            "الله",
            "عبدالله",
            "شبه",
        ] {
            assert_eq!(s(w), w, "{w}");
        }
    }

    #[test]
    fn number_and_gender() {
        assert_eq!(s("فلسطينيين"), "فلسطيني");
        assert_eq!(s("سوريون"), "سوري");
        assert_eq!(s("صادرات"), "صادر");
        assert_eq!(s("عمليات"), "عملي");
        assert_eq!(s("عمليه"), "عملي");
        assert_eq!(s("مسلحين"), "مسلح");
        assert_eq!(s("مواطنون"), "مواطن");
        assert_eq!(s("كوريه"), "كوري");
        assert_eq!(s("وكاله"), "وكال");
    }
}
