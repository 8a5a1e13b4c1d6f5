//! A story's timeline: dated events, the clause that carries each date,
//! merged across outlets and sorted.

use marsad_analyze::Document;
use marsad_text::ContentWords;
use marsad_time::{TimexKind, TimexValue};
use serde::Serialize;

/// One dated event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimelineEntry {
    /// `YYYY-MM-DD` (or `YYYY-MM-DDTHH:MM`).
    pub date: String,
    /// The sentence that dates the event, from its first source.
    pub text: String,
    pub sources: Vec<String>,
}

/// Two sentences of one date report the same event when this share of the
/// smaller one's content words is in the other.
const SAME_EVENT: f64 = 0.4;
/// Sentences with fewer content words than this are fragments.
const MIN_EVENT_WORDS: usize = 6;
/// The longest sentence kept as an entry's text, in characters; longer ones
/// are cut at a clause boundary.
const MAX_TEXT: usize = 280;

/// The dated events of `docs`, sorted by date, then by number of sources.
/// Only expressions that name a day count; durations, years and vague
/// references place nothing on a timeline.
pub fn timeline(docs: &[&Document]) -> Vec<TimelineEntry> {
    struct Pending {
        date: String,
        text: String,
        words: ContentWords,
        sources: Vec<String>,
    }
    let mut entries: Vec<Pending> = Vec::new();
    for d in docs {
        let bytes = d.sentence_bytes();
        // Each day-naming expression with its sentence.
        let dated: Vec<(usize, &str)> = d
            .dates
            .iter()
            .filter_map(|m| {
                let TimexValue::One(value) = &m.value else { return None };
                let k = d.sentences.iter().position(|s| s.start <= m.start && m.end <= s.end)?;
                names_a_day(m.kind, value).then_some((k, value.as_str()))
            })
            .collect();
        let published = d.published_date().map(|p| p.to_string());
        for (i, &(k, value)) in dated.iter().enumerate() {
            // «ذكرت الوكالة اليوم الأربعاء أن كيم وصل يوم الثلاثاء»: when a
            // sentence names the day of writing and another day, the event
            // is on the other day; the day of writing is when it was told.
            let reporting_day = published.as_deref().is_some_and(|p| value.starts_with(p));
            let other_day = dated.iter().any(|&(k2, v2)| k2 == k && v2 != value);
            if (reporting_day && other_day) || dated[..i].iter().any(|&(k2, v2)| k2 == k && v2 == value) {
                continue;
            }
            let s = bytes[k].clone();
            let value = value.to_owned();
            let mut from = s.start;
            // A fragment («يوم الأربعاء في مطار فضائي.») dates the sentence
            // before it on the same line.
            if let Some(prev) = k.checked_sub(1).map(|p| &bytes[p]) {
                let short = ContentWords::of(&d.text[s.clone()]).len() < MIN_EVENT_WORDS;
                if short && !d.text[prev.end..s.start].contains('\n') {
                    from = prev.start;
                }
            }
            let sentence = clip(d.text[from..s.end].trim());
            let words = ContentWords::of(&sentence);
            let date = value;
            match entries.iter_mut().find(|e| e.date == date && e.words.containment(&words) >= SAME_EVENT) {
                Some(e) => {
                    if !e.sources.contains(&d.id) {
                        e.sources.push(d.id.clone());
                    }
                    // Show the fullest account of the event.
                    if words.len() > e.words.len() {
                        e.text = sentence;
                        e.words = words;
                    }
                }
                None => entries.push(Pending { date, text: sentence, words, sources: vec![d.id.clone()] }),
            }
        }
    }
    let mut out: Vec<TimelineEntry> =
        entries.into_iter().map(|e| TimelineEntry { date: e.date, text: e.text, sources: e.sources }).collect();
    out.sort_by(|a, b| a.date.cmp(&b.date).then(b.sources.len().cmp(&a.sources.len())));
    out
}

fn names_a_day(kind: TimexKind, value: &str) -> bool {
    !matches!(kind, TimexKind::Duration | TimexKind::Year | TimexKind::Years | TimexKind::Month | TimexKind::Week)
        && value.len() >= 10
        && value.as_bytes()[4] == b'-'
        && value.as_bytes()[7] == b'-'
        && value[..4].bytes().all(|b| b.is_ascii_digit())
}

fn clip(sentence: &str) -> String {
    if sentence.chars().count() <= MAX_TEXT {
        return sentence.to_owned();
    }
    let cut: String = sentence.chars().take(MAX_TEXT).collect();
    match cut.rfind(['،', ',', '؛']) {
        Some(i) if i > cut.len() / 2 => format!("{}…", &cut[..i]),
        _ => format!("{cut}…"),
    }
}
