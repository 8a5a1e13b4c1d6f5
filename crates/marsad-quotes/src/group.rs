//! One utterance, many reports.
//!
//! Outlets quote the same words verbatim, shortened, re-translated or
//! paraphrased («لهذا السبب جئنا إلى هنا» / «هذا هو سبب زيارتنا هنا»). Two
//! statements are one utterance when they have the same speaker and share
//! most of the content words of the shorter one, compared on light stems
//! (so clitics, the article and plural or feminine endings do not matter).
//! A statement whose speaker is unresolved may join a group only on a
//! stronger overlap. Statements are compared only within one speaker's
//! bucket plus the unresolved ones, never all pairs of a corpus.

use std::collections::HashMap;

use marsad_text::{ContentWords, Groups};

/// One statement to group.
#[derive(Debug, Clone, Copy)]
pub struct Utterance<'a> {
    /// The speaker's entity id, when resolved.
    pub speaker: Option<&'a str>,
    /// The reported words.
    pub text: &'a str,
}

/// Share of the shorter statement's content stems the longer one must carry.
const SAME_SPEAKER_OVERLAP: f64 = 0.5;
/// The same, when one side's speaker is unknown.
const UNKNOWN_SPEAKER_OVERLAP: f64 = 0.7;

/// Groups of indices into `items` that report one utterance, each sorted,
/// in order of their first member. Every item is in exactly one group.
pub fn group(items: &[Utterance<'_>]) -> Vec<Vec<usize>> {
    let stems: Vec<ContentWords> = items.iter().map(|u| ContentWords::of(u.text)).collect();
    let mut groups = Groups::new(items.len());
    let mut by_speaker: HashMap<Option<&str>, Vec<usize>> = HashMap::new();
    for (i, u) in items.iter().enumerate() {
        by_speaker.entry(u.speaker).or_default().push(i);
    }
    let unknown = by_speaker.get(&None).cloned().unwrap_or_default();
    for (speaker, members) in &by_speaker {
        for (a_pos, &a) in members.iter().enumerate() {
            let same = members[a_pos + 1..].iter().map(|&b| (b, SAME_SPEAKER_OVERLAP));
            let others = if speaker.is_some() { &unknown[..] } else { &[] };
            let cross = others.iter().map(|&b| (b, UNKNOWN_SPEAKER_OVERLAP));
            for (b, need) in same.chain(cross) {
                if stems[a].containment(&stems[b]) >= need {
                    groups.link(a, b);
                }
            }
        }
    }
    groups.into_groups()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paraphrases_of_one_speaker_group_and_other_speakers_do_not() {
        let items = [
            Utterance { speaker: Some("putin"), text: "لهذا السبب جئنا إلى هنا" },
            Utterance { speaker: Some("kim"), text: "سندعم دائما قرارات الرئيس" },
            Utterance { speaker: Some("putin"), text: "هذا هو سبب مجيئنا إلى هنا" },
            Utterance { speaker: Some("kim"), text: "لهذا السبب جئنا إلى هنا" },
        ];
        assert_eq!(group(&items), vec![vec![0, 2], vec![1], vec![3]]);
    }

    #[test]
    fn an_unresolved_speaker_joins_only_on_a_close_match() {
        let items = [
            Utterance {
                speaker: Some("peskov"), text: "لم يتم التوقيع على أي اتفاق خلال الزيارة"
            },
            Utterance { speaker: None, text: "لم يتم التوقيع على أي اتفاق" },
            Utterance { speaker: None, text: "الاتفاق سيوقع قريبا جدا" },
        ];
        assert_eq!(group(&items), vec![vec![0, 1], vec![2]]);
    }
}
