//! Name-variant keys: one key for the spellings of one transliterated name.
//!
//! Arabic outlets transliterate foreign names each in their own way:
//! بيونغ يانغ / بيونج يانج / بيونجيانج, شويغو / شويجو, فوستوشني / فوستوتشني,
//! ميلر / ميللر, ديمتري / دميتري. The differences follow a few patterns,
//! which this module folds:
//!
//! - the Latin /g/ is written ج (Egypt), غ (Levant, Gulf) or ق: one class;
//! - "ch" is تش or ش: تش → ش; "th" is ث or ت, "t" is ت or ط: one class;
//!   "z" is ز or ذ; "s" is س or ص;
//! - long vowels are written or left out (ديمتري / دميتري): ا و ي are dropped;
//! - doubled consonants (ميللر) are written once;
//! - parts are joined or spaced (بيونجيانج / بيونج يانج): spaces are dropped.
//!
//! Hamza seats, ى/ي and ة/ه are already folded by the matching normalization.
//!
//! A key is only a candidate test: dropping vowels makes short names collide
//! (شويغو → «شغ»). [`same_name`] therefore also asks that the normalized
//! spellings be close in edit distance. Different people who share a name
//! part (كيم جونغ أون, كيم سونغ) have different keys: the whole name is keyed.

use marsad_text::chars::is_word_char;

/// The variant key of a name (any number of words).
pub fn name_key(name: &str) -> String {
    let norm = marsad_text::normalize_str(name);
    let mut key = String::with_capacity(norm.len());
    let mut chars = norm.chars().peekable();
    let mut last: Option<char> = None;
    while let Some(c) = chars.next() {
        let mapped = match c {
            'ت' if chars.peek() == Some(&'ش') => continue, // تش → ش
            'ج' | 'غ' | 'ق' => 'ج',
            'ث' | 'ط' => 'ت',
            'ذ' => 'ز',
            'ص' => 'س',
            'ا' | 'و' | 'ي' => continue,
            c if is_word_char(c) => c,
            _ => continue, // spaces, hyphens, dots
        };
        if last != Some(mapped) {
            key.push(mapped);
        }
        last = Some(mapped);
    }
    if key.is_empty() {
        // A name made only of long vowels («أي»): key it by its normalized letters.
        key = norm.chars().filter(|&c| is_word_char(c)).collect();
    }
    key
}

/// The normalized spelling with spaces and joining marks removed, for edit distance.
fn compact(name: &str) -> Vec<char> {
    marsad_text::normalize_str(name).chars().filter(|&c| is_word_char(c)).collect()
}

/// Levenshtein distance where a vowel-for-vowel substitution costs two, bounded: returns `limit + 1` as soon as it must exceed `limit`.
fn edit_distance(a: &[char], b: &[char], limit: usize) -> usize {
    if a.len().abs_diff(b.len()) > limit {
        return limit + 1;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        let mut row_min = cur[0];
        for (j, cb) in b.iter().enumerate() {
            // Trading one long vowel for another (بوتين / بوتان) is two edits: those are other names.
            let vowels = |c: &char| matches!(c, 'ا' | 'و' | 'ي');
            let sub = prev[j]
                + if ca == cb {
                    0
                } else if vowels(ca) && vowels(cb) {
                    2
                } else {
                    1
                };
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
            row_min = row_min.min(cur[j + 1]);
        }
        if row_min > limit {
            return limit + 1;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Whether two spellings name the same thing: equal variant keys, and no more
/// edits between the spellings than a third of the shorter one (at least one).
pub fn same_name(a: &str, b: &str) -> bool {
    same_keyed(a, &name_key(a), b, &name_key(b))
}

/// [`same_name`] with keys already computed.
pub fn same_keyed(a: &str, key_a: &str, b: &str, key_b: &str) -> bool {
    if key_a != key_b {
        return false;
    }
    let (ca, cb) = (compact(a), compact(b));
    let limit = (ca.len().min(cb.len()) / 3).max(1);
    edit_distance(&ca, &cb, limit) <= limit
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliteration_variants_share_a_key() {
        for (a, b) in [
            ("بيونغ يانغ", "بيونج يانج"),
            ("بيونغ يانغ", "بيونجيانج"),
            ("شويغو", "شويجو"),
            ("سيرغي", "سيرجي"),
            ("فوستوشني", "فوستوتشني"),
            ("ميلر", "ميللر"),
            ("ديمتري", "دميتري"),
            ("كيم جونغ أون", "كيم جونج أون"),
            ("غاغارين", "جاجارين"),
            ("أنطونيو غوتيريش", "أنتونيو جوتيريش"),
        ] {
            assert!(same_name(a, b), "{a} ~ {b}: {} / {}", name_key(a), name_key(b));
        }
    }

    #[test]
    fn different_names_stay_apart() {
        for (a, b) in [
            ("كيم جونغ أون", "كيم سونغ"),
            ("كيم", "كيم جونغ أون"),
            ("بوتين", "بوتان"),
            ("موسكو", "مسقط"),
            ("روسيا", "رواندا"),
            ("ليف", "لافروف"),
            ("وود", "داود"),
        ] {
            assert!(!same_name(a, b), "{a} !~ {b}");
        }
    }
}
