//! Property tests: invariants that must hold for any input.

use marsad_text::chars::{is_line_break, is_space_like};
use marsad_text::{
    light_stem, normalize, normalize_into, normalize_str, split_sentences, stem_normalized, tokenize, CharIndex,
    NormalizeOptions, Normalizer,
};
use proptest::prelude::*;

/// Characters that exercise every rule and every splitter/tokenizer branch.
const INTERESTING: &[char] = &[
    'ا',
    'ب',
    'ت',
    'ل',
    'ي',
    'و',
    'ه',
    'ة',
    'ى',
    'أ',
    'إ',
    'آ',
    'ٱ',
    'ئ',
    'ؤ',
    'ء',
    'ک',
    'ی',
    'پ',
    '\u{064E}',
    '\u{0651}',
    '\u{0670}',
    '\u{0654}',
    '\u{06D6}',
    'ـ',
    ' ',
    ' ',
    ' ',
    '\n',
    '\r',
    '\t',
    '\u{00A0}',
    '\u{2009}',
    '\u{2028}',
    '\u{200B}',
    '\u{200C}',
    '\u{200F}',
    '\u{202B}',
    '\u{FEFF}',
    '\u{00AD}',
    '.',
    '.',
    '،',
    '؟',
    '!',
    '?',
    '؛',
    '…',
    '"',
    '\'',
    '«',
    '»',
    '“',
    '”',
    '„',
    '(',
    ')',
    '-',
    '–',
    '—',
    '٫',
    '٬',
    '٪',
    '%',
    '٤',
    '۴',
    '2',
    '7',
    ',',
    'A',
    'a',
    'M',
    'İ',
    'ẞ',
    'Σ',
    'ﻻ',
    'ﻷ',
    'ﷺ',
    'ﷲ',
    'ﺑ',
    '\u{FE70}',
    '\u{FC5E}',
    '\u{0301}',
    '😀',
    '\u{1F3FD}',
    '\u{200D}',
    '🇸',
    '\u{0085}',
    '\u{0000}',
];

fn interesting_char() -> impl Strategy<Value = char> {
    prop_oneof![
        6 => prop::sample::select(INTERESTING),
        2 => proptest::char::range('\u{0600}', '\u{06FF}'),
        1 => proptest::char::range('\u{FB50}', '\u{FEFF}'),
        1 => proptest::char::range('\u{2000}', '\u{206F}'),
        1 => any::<char>(),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(interesting_char(), 0..80).prop_map(|v| v.into_iter().collect())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![3 => text(), 1 => any::<String>()]
}

fn check_map(normalizer: &Normalizer, src: &str) -> Result<(), TestCaseError> {
    let m = normalizer.normalize(src);
    let out = &m.text;

    // Idempotence and agreement of the three entry points.
    prop_assert_eq!(&normalizer.normalize(out).text, out);
    prop_assert_eq!(&normalizer.normalize_str(src), out);
    let mut appended = String::from("prefix");
    normalizer.normalize_into(src, &mut appended);
    prop_assert_eq!(&appended["prefix".len()..], out.as_str());

    // Endpoints.
    prop_assert_eq!(m.original_offset(0), 0);
    if !out.is_empty() {
        prop_assert_eq!(m.original_offset(out.len()), src.len());
    }
    prop_assert_eq!(m.original_len(), src.len());

    // Monotone over every byte, char boundaries to char boundaries.
    let mut prev = 0;
    for n in 0..=out.len() + 2 {
        let o = m.original_offset(n);
        prop_assert!(o >= prev, "not monotone at {}", n);
        prop_assert!(o <= src.len());
        if out.is_char_boundary(n) {
            prop_assert!(src.is_char_boundary(o), "{} → {} is not a boundary", n, o);
        }
        prev = o;
    }

    // Each normalized char maps back to the source it came from; the source
    // ranges of consecutive chars are equal (one expansion) or adjacent, and
    // together they cover the whole source.
    let mut last: Option<std::ops::Range<usize>> = None;
    for (i, c) in out.char_indices() {
        let r = m.original_range(i..i + c.len_utf8());
        prop_assert!(r.start < r.end, "empty source for {:?} at {}", c, i);
        prop_assert!(src.is_char_boundary(r.start) && src.is_char_boundary(r.end));
        let renormalized = normalizer.normalize_str(&src[r.clone()]);
        prop_assert!(renormalized.contains(c), "{:?} not from {:?}", c, &src[r.clone()]);
        match &last {
            None => prop_assert_eq!(r.start, 0),
            Some(l) => prop_assert!(*l == r || l.end == r.start, "{:?} then {:?}", l, r),
        }
        last = Some(r);
    }
    if let Some(l) = last {
        prop_assert_eq!(l.end, src.len());
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn normalize_default_properties(src in any_text()) {
        check_map(Normalizer::matching(), &src)?;
        let mut out = String::new();
        normalize_into(&src, &mut out);
        prop_assert_eq!(&out, &normalize(&src).text);
        prop_assert_eq!(normalize_str(&out), out);
    }

    #[test]
    fn normalize_collapsed_properties(src in any_text()) {
        check_map(Normalizer::matching_collapsed(), &src)?;
        let out = Normalizer::matching_collapsed().normalize_str(&src);
        prop_assert!(!out.contains("  ") && !out.contains(" \n") && !out.contains("\n\n") && !out.contains("\n "));
    }

    #[test]
    fn normalize_partial_rules(src in text()) {
        let n = Normalizer::new(NormalizeOptions { alef: false, invisible: false, ..NormalizeOptions::default() });
        check_map(&n, &src)?;
    }

    #[test]
    fn tokens_cover_all_visible_content(src in any_text()) {
        let mut pos = 0;
        for t in tokenize(&src) {
            prop_assert!(t.start >= pos && t.start < t.end && t.end <= src.len());
            prop_assert_eq!(&src[t.start..t.end], t.text);
            prop_assert!(src[pos..t.start].chars().all(is_space_like), "gap {:?}", &src[pos..t.start]);
            prop_assert!(!t.text.starts_with(is_space_like));
            pos = t.end;
        }
        prop_assert!(src[pos..].chars().all(is_space_like));
    }

    #[test]
    fn sentences_cover_all_visible_content(src in any_text()) {
        let mut pos = 0;
        for r in split_sentences(&src) {
            prop_assert!(r.start >= pos && r.start < r.end && r.end <= src.len());
            let s = &src[r.clone()];
            prop_assert!(!s.starts_with(is_space_like) && !s.ends_with(is_space_like), "untrimmed {:?}", s);
            prop_assert!(!s.contains(is_line_break), "line break inside {:?}", s);
            prop_assert!(src[pos..r.start].chars().all(is_space_like), "gap {:?}", &src[pos..r.start]);
            pos = r.end;
        }
        prop_assert!(src[pos..].chars().all(is_space_like));
    }

    #[test]
    fn stems_are_normalized_substrings(src in any_text()) {
        for t in tokenize(&src) {
            let stem = light_stem(t.text);
            let normalized = normalize_str(t.text);
            prop_assert!(normalized.contains(&stem));
            prop_assert_eq!(normalize_str(&stem), stem.clone());
            prop_assert_eq!(stem_normalized(&normalized), stem.as_str());
            if normalized.chars().count() >= 2 {
                prop_assert!(stem.chars().count() >= 2, "{:?} → {:?}", t.text, stem);
            }
        }
    }

    #[test]
    fn char_index_matches_char_indices(src in any_text()) {
        let idx = CharIndex::new(&src);
        for (k, (b, c)) in src.char_indices().enumerate() {
            prop_assert_eq!(idx.char_offset(b), k);
            for inner in 1..c.len_utf8() {
                prop_assert_eq!(idx.char_offset(b + inner), k);
            }
        }
        prop_assert_eq!(idx.char_offset(src.len()), src.chars().count());
    }
}

#[test]
fn lone_marks_and_empty_strings_do_not_panic() {
    for s in ["", "\u{064E}", "\u{0301}", "ـ", "\u{200D}", "\"", "«", ".", "…", "-", "٫", "\u{FEFF}"] {
        let _ = normalize(s);
        let _ = tokenize(s).count();
        let _ = split_sentences(s);
        let _ = light_stem(s);
        let _ = marsad_text::strip_proclitics(s);
        let _ = CharIndex::new(s).char_offset(3);
    }
}
