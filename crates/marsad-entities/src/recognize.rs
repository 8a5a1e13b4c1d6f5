//! Finding entity mentions in a text.
//!
//! Three sources, in order of trust:
//! 1. the gazetteer (known entities, their aliases and spelling variants);
//! 2. the statistical tagger (marsad-ner, trained on ANERcorp), whose
//!    PERS/LOC/ORG/MISC spans are typed more finely by their head word
//!    (قاعدة/مطار → FAC, بحر/شبه الجزيرة → LOC);
//! 3. shape rules for weapon and aircraft designations («سو 35», «MiG-31»)
//!    after a product word (مقاتلات، صواريخ، طراز …).
//!
//! Overlaps are resolved for the more trusted source, then for the longer span.

use std::ops::Range;

use marsad_ner::EntityType;

use crate::gazetteer::Gazetteer;
use crate::kind::EntityKind;
use crate::variant;

/// One mention found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Byte range in the text, proclitics excluded.
    pub span: Range<usize>,
    pub kind: EntityKind,
    /// Index of the gazetteer entity, when known.
    pub known: Option<usize>,
    source: Source,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Source {
    Gazetteer,
    Tagger,
    Shape,
}

/// A word token of the text with its normalized form.
struct Word<'a> {
    text: &'a str,
    span: Range<usize>,
    norm: String,
}

fn words(text: &str) -> Vec<Word<'_>> {
    marsad_text::tokenize(text)
        .filter(|t| t.kind.is_word())
        .map(|t| Word { text: t.text, span: t.start..t.end, norm: marsad_text::normalize_str(t.text) })
        .collect()
}

/// Index of the first word that ends after `offset` (the word containing it,
/// or the next one). Words are sorted by offset, so this is a binary search:
/// every per-mention lookup stays logarithmic and a document linear overall.
fn word_at(ws: &[Word<'_>], offset: usize) -> usize {
    ws.partition_point(|w| w.span.end <= offset)
}

/// Indices of the words that lie inside `span`.
fn words_in(ws: &[Word<'_>], span: &Range<usize>) -> Range<usize> {
    let first = ws.partition_point(|w| w.span.start < span.start);
    let end = ws.partition_point(|w| w.span.end <= span.end).max(first);
    first..end
}

/// Byte offset in `word` after skipping `n` letters (diacritics ride with their letter).
fn skip_letters(word: &str, n: usize) -> usize {
    let mut letters = 0;
    for (i, c) in word.char_indices() {
        if letters == n && !marsad_text::chars::is_word_continuation(c) {
            return i;
        }
        if !marsad_text::chars::is_word_continuation(c) {
            letters += 1;
        }
    }
    word.len()
}

/// Whether consecutive words are written as one name: only spaces, dots and
/// hyphens between them (no comma, quote or bracket: «وكالة "فرانس برس"» is
/// two names, «روسيا، اليوم» none).
fn joined(text: &str, words: &[Word<'_>]) -> bool {
    words
        .windows(2)
        .all(|w| text[w[0].span.end..w[1].span.start].chars().all(|c| c.is_whitespace() || c == '.' || c == '-'))
}

/// Head words that make a place a facility or a non-political location.
const FAC_HEADS: &[&str] =
    &["قاعده", "مطار", "مصنع", "ميناء", "مجمع", "محطه", "سد", "جسر", "قصر", "مسجد", "فندق", "برج"];
const LOC_HEADS: &[&str] =
    &["بحر", "البحر", "محيط", "المحيط", "نهر", "جبل", "جبال", "خليج", "صحراء", "شبه", "منطقه", "اقليم"];

/// Words after which a designation such as «سو 35» names a product.
const PRODUCT_CUES: &[&str] = &[
    "مقاتلات",
    "مقاتله",
    "طائرات",
    "طائره",
    "طراز",
    "صاروخ",
    "صواريخ",
    "منظومه",
    "منظومات",
    "نظام",
    "دبابات",
    "دبابه",
    "قاذفات",
    "قاذفه",
    "مسيره",
    "مسيرات",
    "مروحيات",
    "مروحيه",
    "غواصه",
    "سفينه",
    "حامل",
];

/// How much evidence a mention needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Keep a one-word person from the tagger only with a title before it or
    /// a longer name that has it (entity lists want precision; CoNLL scoring
    /// counts every tagged token).
    pub confirm_single_persons: bool,
    /// Read institution names from their head noun («مركز أبحاث …»). ANERcorp
    /// tags fewer of them than an entity list wants.
    pub institutions: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options { confirm_single_persons: true, institutions: true }
    }
}

/// All mentions in `text`, sorted by position, without overlaps.
pub fn recognize(text: &str) -> Vec<Found> {
    recognize_with(text, Options::default())
}

/// [`recognize`] with explicit options.
pub fn recognize_with(text: &str, options: Options) -> Vec<Found> {
    let ws = words(text);
    let norms: Vec<&str> = ws.iter().map(|w| w.norm.as_str()).collect();
    let gazetteer = Gazetteer::embedded();
    let mut found = Vec::new();

    let mut i = 0;
    while i < ws.len() {
        if let Some(m) = gazetteer.match_at(&norms, i).filter(|m| joined(text, &ws[m.first..m.end])) {
            let start = ws[i].span.start + skip_letters(ws[i].text, m.clitic_chars);
            found.push(Found {
                span: start..ws[m.end - 1].span.end,
                kind: gazetteer.entities[m.entity].kind,
                known: Some(m.entity),
                source: Source::Gazetteer,
            });
            i = m.end;
        } else {
            i += 1;
        }
    }

    let nisbas = nisba_words();
    for (range, ty) in marsad_ner::tag_text_spans(text) {
        let Some(mut range) = tidy_tagger_span(&ws, range, ty == EntityType::Pers, nisbas) else { continue };
        if ty == EntityType::Pers {
            range = complete_appositive_name(text, &ws, range);
        }
        let first = ws.get(words_in(&ws, &range).start).map(|w| w.norm.as_str()).unwrap_or("");
        let kind = match ty {
            EntityType::Pers => EntityKind::Person,
            EntityType::Org => EntityKind::Org,
            EntityType::Loc if FAC_HEADS.contains(&marsad_text::strip_proclitics(first)) => EntityKind::Fac,
            EntityType::Loc if LOC_HEADS.contains(&first) => EntityKind::Loc,
            EntityType::Loc => EntityKind::Gpe,
            EntityType::Misc => continue, // nationalities and assorted names: too loose to keep
        };
        found.push(Found { span: range, kind, known: None, source: Source::Tagger });
    }

    product_designations(text, &ws, &mut found);
    let mut found = resolve_overlaps(found);
    if options.institutions {
        institutions(text, &ws, &mut found);
    }
    facilities(text, &ws, &mut found);
    strip_tagger_clitics(&ws, &mut found);
    if options.confirm_single_persons {
        found = confirm_single_persons(&ws, found);
    }
    found
}

/// Head nouns that name institutions and only institutions.
const INSTITUTION_HEADS: &[&str] = &[
    "مركز",
    "معهد",
    "منظمه",
    "مؤسسه",
    "موسسه",
    "هيئه",
    "جمعيه",
    "رابطه",
    "جامعه",
    "وكاله",
    "شركه",
    "بنك",
    "صندوق",
    "حزب",
    "لجنه",
    "اداره",
    "المركز",
    "المعهد",
    "المنظمه",
    "المؤسسه",
    "الموسسه",
    "الهيئه",
    "الجمعيه",
    "الرابطه",
    "الجامعه",
    "الوكاله",
    "الشركه",
    "البنك",
    "الصندوق",
    "الحزب",
    "اللجنه",
    "الاداره",
];

/// «مركز أبحاث التسلح في النزاعات», «المعهد العالمي لدراسات كوريا الشمالية»:
/// an institution head noun and the genitive chain after it (at least two
/// words), up to punctuation, a function word, a conjunction, a present-tense
/// verb, or a bare word after the chain's definite word. A definite head («المعهد») must be followed by an
/// adjective («العالمي»), so «المركز وجد أدلة» is no name. Known names inside
/// the span stay as mentions of their own.
fn institutions(text: &str, ws: &[Word<'_>], found: &mut Vec<Found>) {
    let mut i = 0;
    while i < ws.len() {
        let Some(head) = marsad_text::proclitic_candidates(&ws[i].norm).find(|r| INSTITUTION_HEADS.contains(r)) else {
            i += 1;
            continue;
        };
        let definite = head.starts_with("ال");
        let mut end = i + 1;
        let mut definite_seen = definite;
        while let Some(w) = ws.get(end) {
            let gap = &text[ws[end - 1].span.end..w.span.start];
            if !gap.chars().all(char::is_whitespace) || end - i > 6 {
                break;
            }
            let n = w.norm.as_str();
            if end == i + 1 && definite && !n.starts_with("ال") {
                break;
            }
            // After a definite word the construct chain is closed: only adjectives («الرسمية»)
            // or «ل» complements («لدراسات») go on; a bare word («جو», «يوم») starts something else.
            let article = n.starts_with("ال");
            let li = n.starts_with('ل') && !article;
            if definite_seen && !article && !li {
                break;
            }
            // «لدراسات كوريا الشمالية»: an indefinite «ل» complement opens a new construct.
            definite_seen = if li { n.starts_with("لل") } else { definite_seen || article };
            let verb_like = n.starts_with('ي') && n.chars().count() >= 4;
            // «بقيادة», «بفحص»: a prepositional phrase ends the name; so does «ل» right after the
            // head («مركز للنشاط»: a description, not a name).
            // («بحوث» right after the head is the name's own noun.)
            if (n.starts_with('ب') && end > i + 1) || (end == i + 1 && li) {
                break;
            }
            if FUNCTION_WORDS.contains(&n)
                || n.starts_with('و') && n.chars().count() > 3 && !n.starts_with("وز")
                || verb_like
            {
                break;
            }
            if !w.text.chars().all(|c| c.is_alphabetic() || marsad_text::chars::is_word_continuation(c)) {
                break;
            }
            end += 1;
        }
        // A «ل» complement needs its own noun after it («لدراسات كوريا», not a bare «لتعزيز»).
        while end > i + 1
            && ws[end - 1].norm.starts_with('ل')
            && !ws[end - 1].norm.starts_with("ال")
            && !ws[end - 1].norm.starts_with("لل")
        {
            end -= 1;
        }
        // A name's construct ends in a definite word («التسلح», «الطاقة»); an indefinite
        // chain («شركة ناشئة لامعة») describes.
        let has_definite = ws[i + 1..end].iter().any(|w| w.norm.starts_with("ال") || w.norm.starts_with("لل"));
        if end - i < 3 || !has_definite {
            i += 1;
            continue;
        }
        let clitic = ws[i].norm.chars().count() - head.chars().count();
        let span = ws[i].span.start + skip_letters(ws[i].text, clitic)..ws[end - 1].span.end;
        let crosses = found.iter().any(|f| {
            f.span.start < span.end
                && span.start < f.span.end
                && !(f.span.start >= span.start && f.span.end <= span.end)
                && !(span.start >= f.span.start && span.end <= f.span.end)
        });
        // A known name is the name: the rule neither sits inside one nor extends one with a description.
        let inside_known = found.iter().any(|f| {
            f.known.is_some()
                && ((f.span.start <= span.start && span.end <= f.span.end)
                    || (f.span.start == span.start && matches!(f.kind, EntityKind::Org | EntityKind::Fac)))
        });
        if !crosses && !inside_known {
            // Tagger guesses inside the name give way to it; known names stay nested.
            found.retain(|f| f.known.is_some() || !(f.span.start >= span.start && f.span.end <= span.end));
            found.push(Found { span, kind: EntityKind::Org, known: None, source: Source::Shape });
        }
        i = end;
    }
    found.sort_by_key(|f| f.span.start);
}

/// Head nouns of facility names and the words that may stand between the head and the name.
const FACILITY_HEADS: &[&str] =
    &["مطار", "مصنع", "مجمع", "قاعده", "محطه", "ميناء", "منشاه", "مفاعل", "سد", "ترسانه", "حوض"];
const FACILITY_FILLERS: &[&str] = &["اطلاق", "بناء", "تجميع", "صناعه"];

/// «مطار كنيفيتشي الجوي», «مجمع إطلاق أنغارا», «مصنع X للطائرات»: a name
/// right after a facility head noun is the facility. The span grows to the
/// head and to a following adjective («الجوي»), «لل…» complement or model number.
fn facilities(text: &str, ws: &[Word<'_>], found: &mut [Found]) {
    for f in found.iter_mut().filter(|f| f.kind != EntityKind::Person && f.kind != EntityKind::Fac) {
        let inside = words_in(ws, &f.span);
        if inside.is_empty() {
            continue;
        }
        let (pos, last) = (inside.start, inside.end - 1);
        let mut head = None;
        for back in 1..=2 {
            let Some(i) = pos.checked_sub(back) else { break };
            let is = |list: &[&str]| marsad_text::proclitic_candidates(&ws[i].norm).any(|r| list.contains(&r));
            if is(FACILITY_HEADS) {
                head = Some(i);
                break;
            }
            if !is(FACILITY_FILLERS) {
                break;
            }
        }
        let Some(head) = head else { continue };
        if !joined(text, &ws[head..=pos]) {
            continue;
        }
        let mut end = last;
        if let Some(next) = ws.get(last + 1) {
            let gap = &text[ws[last].span.end..next.span.start];
            let adjective = next.norm.starts_with("ال")
                && (next.norm.ends_with('ي') || next.norm.ends_with("يه"))
                && !FUNCTION_WORDS.contains(&next.norm.as_str());
            let complement = next.norm.starts_with("لل");
            let number = next.text.bytes().all(|b| b.is_ascii_digit()) && gap.trim() == "-";
            if (adjective || complement || number) && gap.chars().all(|c| c.is_whitespace() || c == '-') {
                end = last + 1;
            }
        }
        let head_word = &ws[head];
        let bare = marsad_text::proclitic_candidates(&head_word.norm)
            .find(|r| FACILITY_HEADS.contains(r))
            .unwrap_or(&head_word.norm);
        let clitic = head_word.norm.chars().count() - bare.chars().count();
        f.span = head_word.span.start + skip_letters(head_word.text, clitic)..ws[end].span.end;
        f.kind = EntityKind::Fac;
        f.known = None;
    }
}

/// Titles and roles that introduce a person's name («الرئيس», «المتحدث باسم», «السفير»).
const TITLES: &[&str] = &[
    "الرئيس",
    "رئيس",
    "الزعيم",
    "زعيم",
    "وزير",
    "الوزير",
    "وزيره",
    "المتحدث",
    "متحدث",
    "الناطق",
    "السفير",
    "سفير",
    "الملك",
    "الامير",
    "امير",
    "الشيخ",
    "الدكتور",
    "د",
    "نائب",
    "مدير",
    "المدير",
    "الامين",
    "السيد",
    "السيده",
    "الجنرال",
    "العقيد",
    "اللواء",
    "العميد",
    "المستشار",
    "قائد",
    "القائد",
    "مبعوث",
    "المبعوث",
    "المندوب",
    "مندوب",
    "المحلل",
    "الخبير",
    "الباحث",
    "الكاتب",
    "الصحفي",
    "المراسل",
    "النائب",
    "السناتور",
    "الممثل",
    "المدرب",
    "اللاعب",
];

/// The words of the multi-word names found in a text.
fn name_words_of<'a>(text_words: &'a [Word<'_>], found: &[Found]) -> Vec<&'a str> {
    let mut out = Vec::new();
    for f in found {
        let inside = &text_words[words_in(text_words, &f.span)];
        if inside.len() > 1 {
            out.extend(inside.iter().map(|w| w.norm.as_str()));
        }
    }
    out
}

/// A tagger span that starts with a proclitic («وكيم», «بكوريا») loses it
/// when the bare word is a word of another name found in the same text.
fn strip_tagger_clitics(ws: &[Word<'_>], found: &mut [Found]) {
    let names: Vec<String> = name_words_of(ws, found).into_iter().map(str::to_owned).collect();
    for f in found.iter_mut().filter(|f| f.source == Source::Tagger) {
        let Some(w) = ws.get(word_at(ws, f.span.start)).filter(|w| w.span.start == f.span.start) else { continue };
        for reading in marsad_text::proclitic_candidates(&w.norm).skip(1) {
            if reading.chars().count() >= 3 && names.iter().any(|n| n == reading) {
                let clitic = w.norm.chars().count() - reading.chars().count();
                f.span.start = w.span.start + skip_letters(w.text, clitic);
                break;
            }
        }
    }
}

/// A one-word person from the tagger stays only with support: a title or
/// role right before it, or the same word inside a longer name in the text
/// (the tagger reads «سعيد» "happy" and «سرور» "pleasure" as names).
fn confirm_single_persons(ws: &[Word<'_>], found: Vec<Found>) -> Vec<Found> {
    let names: Vec<String> = name_words_of(ws, &found).into_iter().map(str::to_owned).collect();
    found
        .into_iter()
        .filter(|f| {
            if f.source != Source::Tagger || f.kind != EntityKind::Person {
                return true;
            }
            // The word the span starts in (a stripped clitic leaves the start inside it).
            let pos = word_at(ws, f.span.start);
            if pos >= ws.len() {
                return false;
            }
            if ws.get(pos + 1).is_some_and(|w| w.span.end <= f.span.end) {
                return true; // several words
            }
            let from = f.span.start.saturating_sub(ws[pos].span.start);
            let word = marsad_text::normalize_str(ws[pos].text.get(from..).unwrap_or(ws[pos].text));
            let titled = ws[pos.saturating_sub(3)..pos]
                .iter()
                .any(|w| TITLES.contains(&marsad_text::strip_proclitics(&w.norm)) || TITLES.contains(&w.norm.as_str()));
            titled || names.iter().any(|n| variant::same_name(n, &word))
        })
        .collect()
}

/// Words that never start or end a name: particles, prepositions, pronouns,
/// auxiliaries (normalized). The tagger sometimes runs a name into them
/// («كيم على», «كيم سوى»).
const FUNCTION_WORDS: &[&str] = &[
    "في",
    "من",
    "الي",
    "علي",
    "عن",
    "مع",
    "سوي",
    "غير",
    "بعد",
    "قبل",
    "عند",
    "لدي",
    "حتي",
    "منذ",
    "خلال",
    "حول",
    "ضد",
    "بين",
    "لا",
    "لم",
    "لن",
    "قد",
    "ان",
    "انه",
    "انها",
    "كان",
    "كانت",
    "هو",
    "هي",
    "هم",
    "انا",
    "نحن",
    "انت",
    "هذا",
    "هذه",
    "ذلك",
    "تلك",
    "الذي",
    "التي",
    "الذين",
    "و",
    "ثم",
    "او",
    "ام",
    "بل",
    "لكن",
    "كما",
    "اذا",
    "ما",
    "اي",
    "كل",
    "بعض",
    "جدا",
    "ايضا",
    "فقط",
    "امس",
    "اليوم",
    "غدا",
];

/// Pronouns that make a tagger «person» span a clause («أنا سعيد برؤيتك»).
const PRONOUNS: &[&str] = &["انا", "نحن", "انت", "انتم", "هو", "هي", "هم", "انه", "انها", "انني", "اننا"];

/// Nisba adjectives of the gazetteer's one-word places («روسي», «الروسية»,
/// «كوري»): words that describe, never name, a person.
fn nisba_words() -> &'static std::collections::HashSet<String> {
    static N: std::sync::OnceLock<std::collections::HashSet<String>> = std::sync::OnceLock::new();
    N.get_or_init(|| {
        let g = Gazetteer::embedded();
        let mut out = std::collections::HashSet::new();
        for e in g.entities.iter().filter(|e| matches!(e.kind, EntityKind::Gpe | EntityKind::Loc)) {
            let name = marsad_text::normalize_str(&e.name_ar);
            let words: Vec<&str> = name.split_whitespace().collect();
            let Some(&word) = words.first() else { continue };
            let bare = marsad_text::strip_article(word);
            // روسيا → روسي, أمريكا → أمريكي, مصر → مصري, الصين → صيني.
            let nisba = match bare.strip_suffix(['ا', 'ه']) {
                Some(stem) if stem.ends_with('ي') => stem.to_owned(),
                Some(stem) => format!("{stem}ي"),
                None => format!("{bare}ي"),
            };
            if nisba.chars().count() < 4 {
                continue;
            }
            for base in [nisba.clone(), format!("{nisba}ه"), format!("{nisba}ون"), format!("{nisba}ين")] {
                out.insert(format!("ال{base}"));
                out.insert(base);
            }
        }
        out
    })
}

/// Cleans a tagger span: drops leading and trailing function words, words
/// with a tanween ending (adverbs: «نخبًا») and nisba adjectives; drops the
/// span when it starts with a pronoun or keeps no word of two letters or more.
fn tidy_tagger_span(
    ws: &[Word<'_>],
    range: Range<usize>,
    person: bool,
    nisbas: &std::collections::HashSet<String>,
) -> Option<Range<usize>> {
    let inside: Vec<&Word<'_>> = ws[words_in(ws, &range)].iter().collect();
    if person && inside.first().is_some_and(|w| PRONOUNS.contains(&w.norm.as_str())) {
        return None;
    }
    let bad_edge = |w: &Word<'_>| {
        FUNCTION_WORDS.contains(&w.norm.as_str())
            || w.text.ends_with(['\u{064b}', '\u{064c}', '\u{064d}'])
            || w.text.ends_with("اً")
            || w.text.ends_with("\u{064b}ا")
            || (person && nisbas.contains(&w.norm))
    };
    let first = inside.iter().position(|w| !bad_edge(w))?;
    let last = inside.iter().rposition(|w| !bad_edge(w))?;
    let kept = &inside[first..=last];
    if !kept.iter().any(|w| w.norm.chars().count() >= 2) || (kept.len() == 1 && kept[0].norm.chars().count() <= 2) {
        return None;
    }
    Some(kept[0].span.start..kept[kept.len() - 1].span.end)
}

/// «وقال جونا ليف، المدير التنفيذي …»: a one-word person the tagger found,
/// followed by one more word and the comma of an appositive role, is a
/// first name whose surname the tagger missed; the span takes the surname.
fn complete_appositive_name(text: &str, ws: &[Word<'_>], range: Range<usize>) -> Range<usize> {
    let i = word_at(ws, range.start);
    if ws.get(i).is_none_or(|w| w.span != range) {
        return range;
    }
    let Some(next) = ws.get(i + 1) else { return range };
    let gap = &text[range.end..next.span.start];
    let after = text[next.span.end..].trim_start();
    let name_like = !next.norm.starts_with("ال")
        && next.norm.chars().count() >= 2
        && !FUNCTION_WORDS.contains(&next.norm.as_str())
        && next.text.chars().all(|c| !c.is_ascii_digit());
    if gap == " " && name_like && after.starts_with(['،', ',']) {
        range.start..next.span.end
    } else {
        range
    }
}

/// «مقاتلات "سو 35" و"سو 57"», «طراز MiG-31»: a short name with a model number
/// after a product word, and the designations coordinated with it.
fn product_designations(text: &str, ws: &[Word<'_>], found: &mut Vec<Found>) {
    // A designation: short letter groups and numbers joined by spaces, dots or
    // hyphens («سو 35», «تي. يو-95», «تي. يو-22 إم3», «MiG-31»), starting with
    // letters and holding a digit. Returns the index after it.
    let designation = |start: usize| -> Option<usize> {
        let has_digit = |w: &Word<'_>| w.text.bytes().any(|b| b.is_ascii_digit());
        if !ws.get(start)?.text.chars().next().is_some_and(char::is_alphabetic) {
            return None;
        }
        let mut end = start;
        while let Some(w) = ws.get(end) {
            let short = w.text.chars().filter(|c| c.is_alphabetic()).count() <= 3;
            let gap_ok = end == start || {
                let gap = &text[ws[end - 1].span.end..w.span.start];
                gap.len() <= 3 && gap.chars().all(|c| c == ' ' || c == '.' || c == '-')
            };
            if !gap_ok || !(short || has_digit(w)) || w.norm == "و" || end - start == 5 {
                break;
            }
            end += 1;
        }
        // The designation ends with its last number («سو 35» in «سو 35 الروسية»).
        let last_number = ws[start..end].iter().rposition(has_digit)?;
        Some(start + last_number + 1)
    };
    let mut i = 0;
    while i < ws.len() {
        if !marsad_text::proclitic_candidates(&ws[i].norm)
            .any(|r| PRODUCT_CUES.contains(&marsad_text::strip_article(r)))
        {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        // Adjectives between the cue and the names: «القاذفات الاستراتيجية الروسية».
        while ws.get(j).is_some_and(|w| w.norm.starts_with("ال") && w.norm.chars().count() > 4) && j < i + 4 {
            j += 1;
        }
        while let Some(end) = designation(j) {
            found.push(Found {
                span: ws[j].span.start..ws[end - 1].span.end,
                kind: EntityKind::Product,
                known: None,
                source: Source::Shape,
            });
            j = end;
            // «و"سو 57"»: a coordinated designation continues the list.
            if ws.get(j).is_some_and(|w| w.norm == "و") {
                j += 1;
            }
        }
        i = j.max(i + 1);
    }
}

fn resolve_overlaps(mut found: Vec<Found>) -> Vec<Found> {
    found.sort_by_key(|f| (f.source, std::cmp::Reverse(f.span.len()), f.span.start));
    let mut kept: Vec<Found> = Vec::with_capacity(found.len());
    for f in found {
        if !kept.iter().any(|k| k.span.start < f.span.end && f.span.start < k.span.end) {
            kept.push(f);
        }
    }
    kept.sort_by_key(|f| f.span.start);
    kept
}

/// Whether a normalized name matches a gazetteer entity by spelling variant.
pub fn known_variant(name: &str, kind: EntityKind) -> Option<usize> {
    let g = Gazetteer::embedded();
    let key = variant::name_key(name);
    g.variants_of(&key)
        .iter()
        .find(|(e, surface)| g.entities[*e].kind == kind && variant::same_keyed(name, &key, surface, &key))
        .map(|(e, _)| *e)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(String, EntityKind)> {
        recognize(text).into_iter().map(|f| (text[f.span].to_owned(), f.kind)).collect()
    }

    #[test]
    fn nisbas_of_places() {
        let n = nisba_words();
        assert!(n.contains("روسي") && n.contains("الروسيه") && n.contains("كوري"), "{}", n.len());
    }

    #[test]
    fn gazetteer_mentions_drop_their_clitics() {
        let got = kinds("وقالت وزارة الخارجية إن وروسيا والولايات المتحدة تبحثان الأمر.");
        assert!(got.contains(&("روسيا".to_owned(), EntityKind::Gpe)), "{got:?}");
        assert!(got.contains(&("الولايات المتحدة".to_owned(), EntityKind::Gpe)), "{got:?}");
    }

    #[test]
    fn institutions_from_their_head_noun() {
        let got = kinds("وقال مدير معهد بحوث الطاقة المتجددة في الجامعة إن المعهد يعمل، وإن المركز وجد أدلة.");
        assert!(!got.iter().any(|(t, _)| t.contains("الجامعة")), "{got:?}");
        assert!(got.iter().any(|(t, k)| t == "معهد بحوث الطاقة المتجددة" && *k == EntityKind::Org), "{got:?}");
        assert!(!got.iter().any(|(t, _)| t.starts_with("المركز")), "{got:?}");
    }

    #[test]
    fn facilities_grow_from_their_head_noun() {
        let got = kinds("ووصل الوفد إلى مطار بيروت الدولي صباح اليوم.");
        assert!(got.iter().any(|(t, k)| t == "مطار بيروت الدولي" && *k == EntityKind::Fac), "{got:?}");
    }

    #[test]
    fn designations_after_adjectives_and_dotted_letters() {
        let got = kinds("وحلقت فوق البحر قاذفات بعيدة المدى من طراز \"تي. يو-160\" و\"تي. يو-95\" مساء أمس.");
        assert!(got.iter().any(|(t, k)| t == "تي. يو-160" && *k == EntityKind::Product), "{got:?}");
        assert!(got.iter().any(|(t, k)| t == "تي. يو-95" && *k == EntityKind::Product), "{got:?}");
    }

    #[test]
    fn designations_after_product_words() {
        let got = kinds("وشاهد الوفد مقاتلات \"سو 35\" و\"سو 57\" وطائرات من طراز MiG-31 في المعرض.");
        for d in ["سو 35", "سو 57", "MiG-31"] {
            assert!(got.contains(&(d.to_owned(), EntityKind::Product)), "{d}: {got:?}");
        }
    }
}
