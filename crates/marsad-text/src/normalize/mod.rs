//! Matching normalization of Arabic (and mixed) text, with an offset map back
//! to the original.
//!
//! # Design
//!
//! Each rule is one small, context-free [`CharNormalizer`] in its own file:
//! given one `char` it says "not mine" (`None`), "remove it", "replace it by
//! this char" or "replace it by this static string". Rules are chained in a
//! fixed order; the output of a rule is fed to the rules *after* it, so rules
//! compose (the ligature "ﻷ" becomes "لأ" in [`presentation`], then "لا" in
//! [`alef`]). The chain is idempotent because every rule's output is a fixed
//! point of the whole chain; a test checks that for every Unicode scalar value.
//!
//! Running a chain of trait objects per character would be slow, so a
//! [`Normalizer`] compiles the chain once into a lookup table for all
//! one- and two-byte UTF-8 characters (U+0000..U+07FF: ASCII, Latin, Arabic).
//! Only rarer characters (quotes, dashes, presentation forms, other scripts)
//! walk the chain. Nothing allocates per character: output is appended to one
//! `String`, and the offset map only records where the byte alignment between
//! the original and the normalized text changes.
//!
//! The only contextual step, optional whitespace collapsing, runs in the
//! driver after the per-character rules.
//!
//! # Rules, in chain order
//!
//! | file | what |
//! |---|---|
//! | [`presentation`] | presentation forms and ligatures → base letters |
//! | [`invisible`] | zero-width, bidi controls, BOM, soft hyphen, tatweel → removed |
//! | [`diacritics`] | harakat, superscript alef, Quranic marks → removed |
//! | [`alef`] | أ إ آ ٱ → ا |
//! | [`hamza`] | ئ → ي, ؤ → و |
//! | [`ya`] | ى → ي |
//! | [`ta_marbuta`] | ة → ه |
//! | [`persian`] | ی ې → ي, ک ڪ گ → ك, چ → ج, پ → ب, ڤ → ف, ژ → ز, ہ ھ → ه |
//! | [`digits`] | ٠-٩ ۰-۹ → 0-9, ٫ → `.`, ٬ → `,`, ٪ → `%` |
//! | [`punctuation`] | quote variants → `"` / `'`, dash variants → `-` |
//! | [`whitespace`] | NBSP and other spaces → ` `, LS/PS/NEL → `\n` |
//! | [`case`] | lowercase |

use std::ops::Range;
use std::sync::LazyLock;

pub mod alef;
pub mod case;
pub mod diacritics;
pub mod digits;
pub mod hamza;
pub mod invisible;
mod offset_map;
pub mod persian;
pub mod presentation;
mod presentation_table;
pub mod punctuation;
pub mod ta_marbuta;
pub mod whitespace;
pub mod ya;

use offset_map::{MapBuilder, NoMap, OffsetMap, Sink};

/// What one rule does with one character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mapping {
    /// Drop the character.
    Remove,
    /// Replace it with one character.
    Char(char),
    /// Replace it with several characters (ligatures).
    Str(&'static str),
}

/// One context-free normalization rule.
///
/// Implementations must be pure functions of `c` (the [`Normalizer`] caches
/// their results in a table) and must not allocate. Returning `None` means
/// the rule does not apply and `c` goes on to the next rule unchanged.
pub trait CharNormalizer: Send + Sync {
    /// Stable short name, for debugging and docs.
    fn name(&self) -> &'static str;
    /// The mapping for `c`, or `None` when this rule leaves it alone.
    fn normalize(&self, c: char) -> Option<Mapping>;
}

/// Which rules to apply. `Default` is the full matching normalization
/// (every rule on, whitespace runs kept as they are).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct NormalizeOptions {
    /// Presentation forms and ligatures → base letters.
    pub presentation_forms: bool,
    /// Remove zero-width characters, bidi controls, BOM, soft hyphen, tatweel.
    pub invisible: bool,
    /// Remove Arabic diacritics.
    pub diacritics: bool,
    /// أ إ آ ٱ → ا.
    pub alef: bool,
    /// ئ → ي, ؤ → و.
    pub hamza: bool,
    /// ى → ي.
    pub ya: bool,
    /// ة → ه.
    pub ta_marbuta: bool,
    /// Persian/Urdu letters → Arabic letters.
    pub persian: bool,
    /// Arabic-Indic and Persian digits and separators → ASCII.
    pub digits: bool,
    /// Quote and dash variants → ASCII.
    pub punctuation: bool,
    /// Unicode spaces → ` `, line/paragraph separators → `\n`.
    pub whitespace: bool,
    /// Lowercase letters of cased scripts.
    pub lowercase: bool,
    /// Collapse each run of whitespace to a single character: `\n` if the run
    /// contained a line break, otherwise ` `. Off by default so that offsets
    /// stay one-to-one wherever the characters themselves do.
    pub collapse_whitespace: bool,
}

impl Default for NormalizeOptions {
    fn default() -> Self {
        Self {
            presentation_forms: true,
            invisible: true,
            diacritics: true,
            alef: true,
            hamza: true,
            ya: true,
            ta_marbuta: true,
            persian: true,
            digits: true,
            punctuation: true,
            whitespace: true,
            lowercase: true,
            collapse_whitespace: false,
        }
    }
}

impl NormalizeOptions {
    /// Every rule off: a starting point for enabling a few by hand.
    pub fn none() -> Self {
        Self {
            presentation_forms: false,
            invisible: false,
            diacritics: false,
            alef: false,
            hamza: false,
            ya: false,
            ta_marbuta: false,
            persian: false,
            digits: false,
            punctuation: false,
            whitespace: false,
            lowercase: false,
            collapse_whitespace: false,
        }
    }

    /// Full matching normalization plus whitespace collapsing.
    pub fn collapsed() -> Self {
        Self { collapse_whitespace: true, ..Self::default() }
    }

    fn rules(&self) -> Vec<&'static dyn CharNormalizer> {
        let all: [(bool, &'static dyn CharNormalizer); 12] = [
            (self.presentation_forms, &presentation::PresentationForms),
            (self.invisible, &invisible::Invisible),
            (self.diacritics, &diacritics::Diacritics),
            (self.alef, &alef::Alef),
            (self.hamza, &hamza::Hamza),
            (self.ya, &ya::Ya),
            (self.ta_marbuta, &ta_marbuta::TaMarbuta),
            (self.persian, &persian::Persian),
            (self.digits, &digits::Digits),
            (self.punctuation, &punctuation::Punctuation),
            (self.whitespace, &whitespace::Whitespace),
            (self.lowercase, &case::Lowercase),
        ];
        all.into_iter().filter(|(on, _)| *on).map(|(_, r)| r).collect()
    }
}

/// Characters below this code point have their chain result precomputed:
/// it is exactly the set of one- and two-byte UTF-8 characters.
const TABLE_LEN: u32 = 0x800;

/// Precomputed chain result for one character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Entry {
    Keep,
    Remove,
    Char(char),
    /// `expansions[start..start + len]`.
    Str {
        start: u32,
        len: u32,
    },
}

/// A compiled rule chain. Build once, use from any thread.
pub struct Normalizer {
    rules: Vec<&'static dyn CharNormalizer>,
    table: Box<[Entry]>,
    expansions: String,
    collapse_whitespace: bool,
}

impl std::fmt::Debug for Normalizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let names: Vec<&str> = self.rules.iter().map(|r| r.name()).collect();
        f.debug_struct("Normalizer")
            .field("rules", &names)
            .field("collapse_whitespace", &self.collapse_whitespace)
            .finish()
    }
}

/// Run `c` through `rules` in order, feeding each replacement to the rules
/// after the one that produced it, and hand the final characters to `emit`.
fn apply_chain<F: FnMut(char)>(rules: &[&'static dyn CharNormalizer], c: char, emit: &mut F) {
    for (i, rule) in rules.iter().enumerate() {
        let Some(mapping) = rule.normalize(c) else {
            continue;
        };
        let rest = rules.get(i + 1..).unwrap_or(&[]);
        match mapping {
            Mapping::Remove => {}
            Mapping::Char(d) => apply_chain(rest, d, emit),
            Mapping::Str(s) => s.chars().for_each(|d| apply_chain(rest, d, emit)),
        }
        return;
    }
    emit(c);
}

impl Normalizer {
    /// Compile the rules selected by `options`. Costs a few thousand rule
    /// evaluations, so keep the result around instead of rebuilding it per text.
    pub fn new(options: NormalizeOptions) -> Self {
        Self::from_rules(options.rules(), options.collapse_whitespace)
    }

    /// Compile a custom chain (for rules outside this crate). Rules run in
    /// the given order. `normalize` is idempotent only if every rule's output
    /// is left alone by the whole chain; the built-in chain is tested for that.
    pub fn from_rules(rules: Vec<&'static dyn CharNormalizer>, collapse_whitespace: bool) -> Self {
        let mut table = Vec::with_capacity(TABLE_LEN as usize);
        let mut expansions = String::new();
        let mut buf = String::new();
        for u in 0..TABLE_LEN {
            // Every value below 0x800 is a scalar value; the fallback is unreachable.
            let c = char::from_u32(u).unwrap_or('\u{FFFD}');
            buf.clear();
            apply_chain(&rules, c, &mut |d| buf.push(d));
            let mut it = buf.chars();
            let entry = match (it.next(), it.next()) {
                (None, _) => Entry::Remove,
                (Some(d), None) if d == c => Entry::Keep,
                (Some(d), None) => Entry::Char(d),
                _ => {
                    let start = expansions.len() as u32;
                    expansions.push_str(&buf);
                    Entry::Str { start, len: buf.len() as u32 }
                }
            };
            table.push(entry);
        }
        Self { rules, table: table.into_boxed_slice(), expansions, collapse_whitespace }
    }

    /// The shared normalizer for [`NormalizeOptions::default`].
    pub fn matching() -> &'static Normalizer {
        static DEFAULT: LazyLock<Normalizer> = LazyLock::new(|| Normalizer::new(NormalizeOptions::default()));
        &DEFAULT
    }

    /// The shared normalizer for [`NormalizeOptions::collapsed`].
    pub fn matching_collapsed() -> &'static Normalizer {
        static COLLAPSED: LazyLock<Normalizer> = LazyLock::new(|| Normalizer::new(NormalizeOptions::collapsed()));
        &COLLAPSED
    }

    /// Normalize `text` and keep a map back to it.
    pub fn normalize(&self, text: &str) -> Normalized {
        let mut out = String::with_capacity(text.len());
        let mut map = MapBuilder::new();
        self.run(text, &mut out, &mut map);
        let map = map.finish(text.len(), out.len());
        Normalized { text: out, map }
    }

    /// Normalize `text`, appending to `out`, without building a map.
    /// Whitespace collapsing (if on) starts afresh at each call.
    pub fn normalize_into(&self, text: &str, out: &mut String) {
        self.run(text, out, &mut NoMap);
    }

    /// Normalize `text` into a new `String`, without building a map.
    pub fn normalize_str(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        self.normalize_into(text, &mut out);
        out
    }

    /// Normalize one character, handing each output character to `emit`
    /// (none if the character is removed).
    pub fn normalize_char<F: FnMut(char)>(&self, c: char, mut emit: F) {
        match self.lookup(c) {
            Some(Entry::Keep) => emit(c),
            Some(Entry::Remove) => {}
            Some(Entry::Char(d)) => emit(d),
            Some(Entry::Str { start, len }) => self.expansion(start, len).chars().for_each(emit),
            None => apply_chain(&self.rules, c, &mut emit),
        }
    }

    #[inline]
    fn lookup(&self, c: char) -> Option<Entry> {
        self.table.get(c as usize).copied()
    }

    #[inline]
    fn expansion(&self, start: u32, len: u32) -> &str {
        self.expansions.get(start as usize..(start + len) as usize).unwrap_or("")
    }

    /// The one loop behind every entry point. `sink` receives the output
    /// units (one per source character that produced output); monomorphized
    /// with [`NoMap`] it compiles down to nothing.
    ///
    /// Characters the chain keeps as they are (most Arabic letters, ASCII,
    /// spaces) are not pushed one by one: runs of them are copied with one
    /// `push_str` and reported to the sink as one run.
    fn run<S: Sink>(&self, text: &str, out: &mut String, sink: &mut S) {
        out.reserve(text.len());
        let collapse = self.collapse_whitespace;
        // Start of the pending run of kept characters, not yet copied.
        let mut run_from = 0;
        // While the previous output unit was whitespace (collapsing only).
        let mut in_ws = false;
        for (src, c) in text.char_indices() {
            let entry = self.lookup(c);
            if entry == Some(Entry::Keep) && !(collapse && c.is_whitespace()) {
                continue;
            }
            if run_from < src {
                copy_run(text, run_from, src, out, sink);
                in_ws = false;
            }
            run_from = src + c.len_utf8();

            let start = out.len();
            // `single` is the only output character, when there is exactly one.
            let mut single = match entry {
                Some(Entry::Keep) => {
                    out.push(c);
                    Some(c)
                }
                Some(Entry::Remove) => continue,
                Some(Entry::Char(d)) => {
                    out.push(d);
                    Some(d)
                }
                Some(Entry::Str { start: s, len }) => {
                    out.push_str(self.expansion(s, len));
                    None
                }
                None => {
                    let mut count = 0usize;
                    let mut last = c;
                    apply_chain(&self.rules, c, &mut |d| {
                        out.push(d);
                        count += 1;
                        last = d;
                    });
                    match count {
                        0 => continue,
                        1 => Some(last),
                        _ => None,
                    }
                }
            };
            if collapse {
                match single {
                    Some(w) if w.is_whitespace() => {
                        let canonical = if crate::chars::is_line_break(w) { '\n' } else { ' ' };
                        out.truncate(start);
                        if in_ws {
                            // Absorbed into the run's first character; a line
                            // break anywhere in the run makes that one '\n'.
                            if canonical == '\n' && out.ends_with(' ') {
                                out.pop();
                                out.push('\n');
                            }
                            continue;
                        }
                        out.push(canonical);
                        single = Some(canonical);
                        in_ws = true;
                    }
                    _ => in_ws = false,
                }
            }
            let same_len = single.is_some_and(|d| d.len_utf8() == c.len_utf8());
            sink.unit(src, start, out.len(), same_len);
        }
        if run_from < text.len() {
            copy_run(text, run_from, text.len(), out, sink);
        }
    }
}

/// Copy the kept characters `text[from..to]` and report them as units.
#[inline]
fn copy_run<S: Sink>(text: &str, from: usize, to: usize, out: &mut String, sink: &mut S) {
    let Some(run) = text.get(from..to) else {
        return;
    };
    let out_start = out.len();
    out.push_str(run);
    sink.kept_run(run, from, out_start);
}

/// Normalized text with a map back to the original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalized {
    /// The normalized text.
    pub text: String,
    map: OffsetMap,
}

impl Normalized {
    /// Byte offset in the original text for a byte offset in `self.text`.
    ///
    /// Every output character comes from one source character; source
    /// characters that were removed (diacritics, tatweel, zero-width marks,
    /// collapsed whitespace) belong to the output character before them, and
    /// leading removed characters to the first one. Hence `0 → 0`,
    /// `text.len() → original.len()` (unless the whole text was removed, in
    /// which case the normalized text is empty and `0 → 0`), the map is
    /// monotone, and a char boundary maps to a char boundary.
    ///
    /// A boundary *inside* the expansion of one source character (between
    /// "ل" and "ا" of "ﻻ") maps to the start of that source character.
    /// Offsets past the end map to the original length. For offsets that are
    /// not char boundaries of `self.text` the result is monotone but otherwise
    /// unspecified.
    pub fn original_offset(&self, normalized_byte: usize) -> usize {
        self.map.original_offset(normalized_byte)
    }

    /// The original range covering `r`, rounding outwards: a range covering
    /// part of an expansion covers the whole source character, and the end
    /// includes removed characters that follow (a word's range includes its
    /// trailing diacritics). An empty range maps to an empty range.
    pub fn original_range(&self, r: Range<usize>) -> Range<usize> {
        self.map.original_range(r)
    }

    /// Length of the original text, in bytes.
    pub fn original_len(&self) -> usize {
        self.map.original_len()
    }

    /// True when every byte offset maps to itself (the text was already normalized
    /// or changed only same-length characters).
    pub fn is_identity(&self) -> bool {
        self.map.is_identity()
    }
}

/// Full matching normalization of `text` with a map back to the original.
pub fn normalize(text: &str) -> Normalized {
    Normalizer::matching().normalize(text)
}

/// Normalize with a custom rule set. The two common rule sets
/// ([`NormalizeOptions::default`], [`NormalizeOptions::collapsed`]) use shared
/// compiled normalizers; any other set compiles one per call, so callers with
/// other options in a loop should keep their own [`Normalizer`].
pub fn normalize_with(text: &str, options: &NormalizeOptions) -> Normalized {
    with_normalizer(options, |n| n.normalize(text))
}

/// Normalize without building a map (fast path for keys); appends into `out`.
pub fn normalize_into(text: &str, out: &mut String) {
    Normalizer::matching().normalize_into(text, out)
}

/// Normalize without building a map, into a new `String`.
pub fn normalize_str(text: &str) -> String {
    Normalizer::matching().normalize_str(text)
}

fn with_normalizer<R>(options: &NormalizeOptions, f: impl FnOnce(&Normalizer) -> R) -> R {
    if *options == NormalizeOptions::default() {
        f(Normalizer::matching())
    } else if *options == NormalizeOptions::collapsed() {
        f(Normalizer::matching_collapsed())
    } else {
        f(&Normalizer::new(*options))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> String {
        normalize_str(s)
    }

    #[test]
    fn arabic_letters() {
        assert_eq!(n("أحمد إبراهيم آل ٱلرحمن"), "احمد ابراهيم ال الرحمن");
        assert_eq!(n("مصطفى"), "مصطفي");
        assert_eq!(n("مسؤول رئيس"), "مسوول رييس");
        assert_eq!(n("مدرسة"), "مدرسه");
        assert_eq!(n("الرئيـــس"), "الرييس");
        assert_eq!(n("مُحَمَّدٌ"), "محمد");
        assert_eq!(n("الرَّحْمٰنِ"), "الرحمن");
    }

    #[test]
    fn persian_letters() {
        assert_eq!(n("پوتین"), "بوتين");
        assert_eq!(n("گوگل"), "كوكل");
        assert_eq!(n("چ ژ ڤ ک ڪ ې"), "ج ز ف ك ك ي");
    }

    #[test]
    fn digits_and_separators() {
        assert_eq!(n("٤٢٫٧ و٣٬٥٠٠ و۱۲۳ و٥٪"), "42.7 و3,500 و123 و5%");
    }

    #[test]
    fn quotes_and_dashes() {
        assert_eq!(n("«مرحبا» “hi” ‘x’ ‹y› „z‟ `q`"), "\"مرحبا\" \"hi\" 'x' 'y' \"z\" 'q'");
        assert_eq!(n("كوفيد–19 — a‐b − 3"), "كوفيد-19 - a-b - 3");
    }

    #[test]
    fn invisible_and_spaces() {
        assert_eq!(n("\u{FEFF}بو\u{200C}تين\u{200F} \u{202B}x\u{202C}"), "بوتين x");
        assert_eq!(n("a\u{00A0}b\u{2009}c\u{2028}d"), "a b c\nd");
        assert_eq!(n("co\u{00AD}operation"), "cooperation");
    }

    #[test]
    fn presentation_forms() {
        assert_eq!(n("ﻻ ﻷ ﻹ ﻵ"), "لا لا لا لا");
        assert_eq!(n("ﺑﻮﺗﻴﻦ"), "بوتين");
        assert_eq!(n("ﷲ"), "الله");
        assert_eq!(n("ﷺ"), "صلي الله عليه وسلم");
        // Spacing harakat forms are just marks.
        assert_eq!(n("ب\u{FE70}"), "ب");
    }

    #[test]
    fn lowercase() {
        assert_eq!(n("NATO Putin İstanbul ΑΘΗΝΑ"), "nato putin istanbul αθηνα");
    }

    #[test]
    fn collapse_whitespace() {
        let norm = Normalizer::new(NormalizeOptions::collapsed());
        assert_eq!(norm.normalize_str("  a \t\u{00A0} b \n \n c\u{200B} \u{200B} d "), " a b\nc d ");
        let m = norm.normalize("a  \u{200B} b");
        assert_eq!(m.text, "a b");
        assert_eq!(m.original_range(2..3), 7..8);
        assert_eq!(m.original_range(1..2), 1..7);
    }

    #[test]
    fn empty_and_removed_only() {
        let m = normalize("");
        assert_eq!(m.text, "");
        assert_eq!(m.original_offset(0), 0);
        let m = normalize("\u{064E}\u{0640}");
        assert_eq!(m.text, "");
        assert_eq!(m.original_offset(0), 0);
        assert_eq!(m.original_offset(10), 0);
    }

    #[test]
    fn offsets_diacritics() {
        let src = "قالَ بوتينُ";
        let m = normalize(src);
        assert_eq!(m.text, "قال بوتين");
        // "بوتين" in the normalized text → the vocalized word in the original,
        // trailing damma included.
        let start = m.text.find("بوتين").expect("name in text");
        let r = m.original_range(start..m.text.len());
        assert_eq!(&src[r], "بوتينُ");
        let r = m.original_range(0.."قال".len());
        assert_eq!(&src[r], "قالَ");
    }

    #[test]
    fn offsets_expansion() {
        let src = "xﻻy";
        let m = normalize(src);
        assert_eq!(m.text, "xلاy");
        assert_eq!(m.original_offset(1), 1);
        assert_eq!(m.original_offset(3), 1); // between ل and ا
        assert_eq!(m.original_offset(5), 4);
        assert_eq!(m.original_range(1..3), 1..4); // ل alone → the whole ligature
        assert_eq!(m.original_range(3..5), 1..4);
        assert_eq!(m.original_range(3..3), 1..1);
    }

    #[test]
    fn offsets_leading_removed_and_digits() {
        let src = "\u{FEFF}٤٢ نقطة";
        let m = normalize(src);
        assert_eq!(m.text, "42 نقطه");
        assert_eq!(m.original_offset(0), 0);
        assert_eq!(m.original_offset(1), 5);
        assert_eq!(m.original_offset(2), 7);
        assert_eq!(&src[m.original_range(3..m.text.len())], "نقطة");
        assert_eq!(m.original_offset(m.text.len()), src.len());
    }

    #[test]
    fn identity_map() {
        let m = normalize("قال الرئيس");
        assert!(m.is_identity());
        assert!(!normalize("قالَ").is_identity());
    }

    #[test]
    fn custom_rule_chain() {
        /// Folds ك into ق, to show a rule from outside the built-in set.
        struct KafQaf;
        impl CharNormalizer for KafQaf {
            fn name(&self) -> &'static str {
                "kaf_qaf"
            }
            fn normalize(&self, c: char) -> Option<Mapping> {
                (c == 'ك').then_some(Mapping::Char('ق'))
            }
        }
        let norm = Normalizer::from_rules(vec![&diacritics::Diacritics, &KafQaf], false);
        assert_eq!(norm.normalize_str("كَتَبَ ﻻ"), "قتب ﻻ");
        assert!(format!("{norm:?}").contains("kaf_qaf"));
    }

    #[test]
    fn normalize_with_options() {
        let mut o = NormalizeOptions::none();
        o.diacritics = true;
        assert_eq!(normalize_with("أَحمد", &o).text, "أحمد");
        assert_eq!(normalize_with("أَحمد", &NormalizeOptions::default()).text, "احمد");
    }

    /// Every scalar value's output is a fixed point of the chain, which is
    /// what makes `normalize` idempotent.
    #[test]
    fn chain_output_is_a_fixed_point_for_every_char() {
        for options in [
            NormalizeOptions::default(),
            NormalizeOptions::none(),
            NormalizeOptions { alef: false, lowercase: false, ..Default::default() },
            NormalizeOptions { invisible: false, diacritics: false, ..Default::default() },
        ] {
            let norm = Normalizer::new(options);
            let mut out = Vec::new();
            let mut again = Vec::new();
            for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
                out.clear();
                norm.normalize_char(c, |d| out.push(d));
                for &d in &out {
                    again.clear();
                    norm.normalize_char(d, |e| again.push(e));
                    assert_eq!(again, [d], "{c:?} → {d:?} is not a fixed point ({options:?})");
                }
            }
        }
    }

    #[test]
    fn expansions_have_no_edge_whitespace() {
        for &(_, s) in presentation_table::PRESENTATION_FORMS {
            assert!(!s.starts_with(char::is_whitespace) && !s.ends_with(char::is_whitespace));
        }
    }

    #[test]
    fn presentation_table_is_sorted() {
        assert!(presentation_table::PRESENTATION_FORMS.windows(2).all(|w| w[0].0 < w[1].0));
    }
}
