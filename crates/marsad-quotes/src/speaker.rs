//! Who a statement belongs to.
//!
//! A speaker is resolved, in order, to:
//! 1. a **named entity** inside the speaker words — a person before anything
//!    else («المتحدث باسم الكرملين ديمتري بيسكوف» is Peskov, not the Kremlin);
//! 2. a **description the article has tied to a person**: every person's
//!    name is indexed under the definite description just before it
//!    («الرئيس الروسي فلاديمير بوتين» files Putin under «الرئيس الروسي»), so
//!    a later «قال الرئيس الروسي» is Putin — the nearest such person before
//!    the statement, because a description can move to another person in a
//!    long article;
//!    An organization is likewise filed under its head noun («وكالة الأنباء
//!    …» under «الوكالة»);
//! 3. otherwise the **words alone** («محللون»، «مسؤولون روس»), with no entity.
//!
//! Implicit subjects («وأضاف»، «وتابعت») take the last speaker whose gender
//! and number agree with the verb ([`SpeakerState`]).

use std::collections::HashMap;
use std::ops::Range;

use marsad_text::TokenKind;

use crate::cue::{cue, Agreement};
use crate::extract::Tok;
use crate::NamedSpan;

/// The speaker of one statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    /// The words that name the speaker (or, for an implicit subject, the
    /// words of the speaker it was resolved to).
    pub text: String,
    /// Byte range of `text`, when the speaker is named at the statement.
    pub span: Option<Range<usize>>,
    /// Index of the caller's entity ([`NamedSpan::entity`]).
    pub entity: Option<usize>,
}

impl Speaker {
    pub(crate) fn unknown() -> Self {
        Speaker { text: String::new(), span: None, entity: None }
    }

    pub(crate) fn resolve(
        text: &str,
        span: Range<usize>,
        names: &[NamedSpan],
        descriptors: &Descriptors,
        toks: &[Tok],
    ) -> Speaker {
        let inside: Vec<&NamedSpan> =
            names.iter().filter(|n| n.span.start < span.end && span.start < n.span.end).collect();
        let whole = || text[span.clone()].trim().to_owned();
        if let Some(n) = inside.iter().find(|n| n.person) {
            // The description before the name stays in the speaker words;
            // a second name after it (an addressee) does not.
            let end = n.span.end.min(span.end).max(span.start);
            let words = text[span.start..end].trim().to_owned();
            return Speaker { text: words, span: Some(span.start..end), entity: Some(n.entity) };
        }
        // «زعيم كوريا الشمالية», «الرئيس الروسي»: a description the article
        // gave a person before a place or organization named in it.
        if let Some(entity) = descriptors.lookup(toks, span.start) {
            return Speaker { text: whole(), span: Some(span), entity: Some(entity) };
        }
        // An organization or a country speaks when it is the speaker words
        // («الولايات المتحدة», «صحيفة "فاينانشال تايمز"»), not when it is
        // only mentioned in them («المتحدث باسم الخارجية»).
        let speaks = |n: &NamedSpan| {
            toks.iter()
                .take_while(|t| t.end <= n.span.start)
                .all(|t| t.kind != TokenKind::Arabic || is_outlet_noun(&t.norm))
        };
        let entity = inside.iter().find(|n| speaks(n)).map(|n| n.entity);
        Speaker { text: whole(), span: Some(span), entity }
    }
}

/// Nouns that introduce an organization's name: «صحيفة …», «وكالة …».
fn is_outlet_noun(word: &str) -> bool {
    let w = marsad_text::stem::split_proclitics(word).rest;
    matches!(
        w,
        "صحيفه"
            | "وكاله"
            | "شبكه"
            | "قناه"
            | "موقع"
            | "مجله"
            | "وزاره"
            | "هييه"
            | "جريده"
            | "اذاعه"
            | "تلفزيون"
            | "حكومه"
            | "منظمه"
            | "حركه"
            | "حزب"
            | "شركه"
            | "مركز"
            | "معهد"
            | "جامعه"
    )
}

/// Definite descriptions that the article puts right before a person's name.
#[derive(Debug, Default)]
pub(crate) struct Descriptors {
    /// Normalized description → (byte offset of the name, entity), in text order.
    by_words: HashMap<String, Vec<(usize, usize)>>,
}

/// The longest description indexed, in words («المتحدث باسم وزارة الخارجية»).
const MAX_DESCRIPTION: usize = 4;

impl Descriptors {
    pub(crate) fn build(toks: &[Tok], names: &[NamedSpan]) -> Self {
        let mut by_words: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        for n in names.iter().filter(|n| n.person) {
            let k = toks.partition_point(|t| t.start < n.span.start);
            let mut from = k;
            while from > 0 && k - from < MAX_DESCRIPTION {
                let t = &toks[from - 1];
                if t.kind != TokenKind::Arabic || cue(&t.norm).is_some() || t.complementizer().is_some() {
                    break;
                }
                from -= 1;
            }
            // Every definite tail of the words before the name: «الرئيس
            // الروسي» and «الروسي» for «قال الرئيس الروسي فلاديمير بوتين».
            for s in from..k {
                let in_name = names.iter().any(|m| m.span.start <= toks[s].start && toks[s].end <= m.span.end);
                let key = description_key(&toks[s..k]);
                let titled = key.starts_with("ال") || k - s >= 2;
                if !in_name && titled && key.chars().count() >= 5 {
                    by_words.entry(key).or_default().push((n.span.start, n.entity));
                }
            }
        }
        // An organization is later called by its head noun with the article:
        // «وكالة الأنباء الكورية» → «الوكالة», «وزارة الخارجية» → «الوزارة».
        for n in names.iter().filter(|n| !n.person) {
            let k = toks.partition_point(|t| t.start < n.span.start);
            let Some(first) = toks.get(k).filter(|t| t.end < n.span.end && t.kind == TokenKind::Arabic) else {
                continue;
            };
            let head = marsad_text::stem::split_proclitics(&first.norm).rest;
            if head.chars().count() >= 3 {
                by_words.entry(format!("ال{head}")).or_default().push((n.span.start, n.entity));
            }
        }
        for people in by_words.values_mut() {
            people.sort_unstable();
        }
        Descriptors { by_words }
    }

    /// The person the description `toks` refers to at byte `at`.
    pub(crate) fn lookup(&self, toks: &[Tok], at: usize) -> Option<usize> {
        if toks.is_empty() || toks.len() > MAX_DESCRIPTION || toks.iter().any(|t| t.kind != TokenKind::Arabic) {
            return None;
        }
        let people = self.by_words.get(&description_key(toks))?;
        let before = people.iter().rev().find(|(pos, _)| *pos < at);
        before.or_else(|| people.first()).map(|&(_, e)| e)
    }
}

fn description_key(toks: &[Tok]) -> String {
    let mut key = String::new();
    for (i, t) in toks.iter().enumerate() {
        if i > 0 {
            key.push(' ');
        }
        let w = if i == 0 { marsad_text::stem::split_proclitics(&t.norm).with_article } else { t.norm.as_str() };
        key.push_str(w);
    }
    key
}

/// The speakers met so far in a document, for implicit subjects.
#[derive(Debug, Default)]
pub(crate) struct SpeakerState {
    /// Each speaker with the agreement its verb showed and its sentence index.
    seen: Vec<(Speaker, Agreement, usize)>,
}

impl SpeakerState {
    pub(crate) fn push(&mut self, speaker: Speaker, agreement: Agreement, sentence: usize) {
        if !speaker.text.is_empty() {
            self.seen.push((speaker, agreement, sentence));
        }
    }

    /// The most recent speaker that agrees with a verb of `agreement`, and
    /// its sentence; the most recent of all when none does (outlets do not
    /// always agree).
    pub(crate) fn last(&self, agreement: Agreement) -> Option<(&Speaker, usize)> {
        let agrees = |a: Agreement| agreement == Agreement::Unknown || a == agreement || a == Agreement::Unknown;
        self.seen.iter().rev().find(|(_, a, _)| agrees(*a)).or_else(|| self.seen.last()).map(|(s, _, at)| (s, *at))
    }
}
