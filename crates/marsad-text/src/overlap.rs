//! How much two short texts say with the same words.
//!
//! Reports of one utterance or one event reword each other: clitics,
//! the article, plural and feminine endings and function words change,
//! content words mostly stay. [`ContentWords`] keeps the light stems of a
//! text's content words; [`ContentWords::containment`] is the share of the
//! smaller set found in the other, so a shortened quote still matches its
//! full form.

use std::collections::HashSet;

use crate::stem::light_stem;
use crate::token::tokenize;

/// The light stems of a text's content words.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContentWords(HashSet<String>);

/// Light stems of function words, which any two sentences share.
const FUNCTION_WORDS: &[&str] = &[
    "في",
    "من",
    "الي",
    "علي",
    "عن",
    "مع",
    "ان",
    "انه",
    "انها",
    "هذا",
    "هذه",
    "ذلك",
    "تلك",
    "التي",
    "الذي",
    "الذين",
    "كما",
    "او",
    "ثم",
    "قد",
    "لقد",
    "كان",
    "كانت",
    "هو",
    "هي",
    "هم",
    "نحن",
    "انا",
    "لا",
    "لم",
    "لن",
    "ما",
    "بين",
    "كل",
    "اي",
    "عند",
    "حتي",
    "اذا",
    "الا",
    "لكن",
    "بعد",
    "قبل",
    "ذي",
    "لهذا",
    "لذلك",
    "بهذا",
    "بذلك",
    "اجل",
    "هناك",
];

/// A light stem of a word that any two sentences share («في», «الذي», «لهذا»).
pub fn is_function_word(stem: &str) -> bool {
    FUNCTION_WORDS.contains(&stem)
}

impl ContentWords {
    /// The content words of `text` by their consonant skeleton: the light
    /// stem without long vowels after its first letter, so that a verb and
    /// its verbal noun («وصل», «وصول») or a word with and without a
    /// pronoun suffix («قطار», «قطاره») agree. Coarser than [`ContentWords::of`]:
    /// meant for aligning paraphrased claims, where missing a match costs
    /// more than a rare false one.
    pub fn skeletons_of(text: &str) -> Self {
        ContentWords(
            Self::of(text)
                .0
                .into_iter()
                .map(|stem| {
                    let mut chars = stem.chars();
                    let first = chars.next().map(String::from).unwrap_or_default();
                    first + &chars.filter(|c| !matches!(c, 'ا' | 'و' | 'ي' | 'ه')).collect::<String>()
                })
                .filter(|s| s.chars().count() >= 2)
                .collect(),
        )
    }

    pub fn of(text: &str) -> Self {
        ContentWords(
            tokenize(text)
                .filter(|t| t.kind.is_word())
                .map(|t| light_stem(t.text))
                .filter(|s| s.chars().count() >= 2 && !is_function_word(s))
                .collect(),
        )
    }

    /// Adds a word (e.g. an entity id standing for the words of its name).
    pub fn insert(&mut self, word: String) {
        self.0.insert(word);
    }

    /// Adds every word of `other`.
    pub fn extend(&mut self, other: ContentWords) {
        self.0.extend(other.0);
    }

    /// Removes every word of `other`.
    pub fn remove_all(&mut self, other: &ContentWords) {
        self.0.retain(|w| !other.0.contains(w));
    }

    /// Drops a leading conjunction or preposition letter (و ف ب ك ل) from
    /// each word whose remaining three or more letters are a word `known`
    /// holds. The light stemmer keeps such a letter whenever it could belong
    /// to the word («وذخيرة» stays «وذخر»); the other texts compared with
    /// this one tell which reading they use («ذخيرة» → «ذخر»).
    pub fn confirm_proclitics(&mut self, known: impl Fn(&str) -> bool) {
        let confirmed: Vec<(String, String)> = self
            .0
            .iter()
            .filter_map(|w| {
                let mut chars = w.chars();
                let first = chars.next()?;
                let rest = chars.as_str();
                if !matches!(first, 'و' | 'ف' | 'ب' | 'ك' | 'ل') {
                    return None;
                }
                // A skeleton drops an alif after its first letter: «وأمنها» is «ومن».
                let alif = format!("ا{rest}");
                let found = [rest, alif.as_str()].into_iter().find(|r| r.chars().count() >= 3 && known(r));
                found.map(|r| (w.clone(), r.to_owned()))
            })
            .collect();
        for (word, rest) in confirmed {
            self.0.remove(&word);
            self.0.insert(rest);
        }
    }

    pub fn contains(&self, word: &str) -> bool {
        self.0.contains(word)
    }

    /// The stems, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(String::as_str)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many words the two have in common.
    pub fn shared(&self, other: &ContentWords) -> usize {
        let (small, large) = if self.0.len() <= other.0.len() { (&self.0, &other.0) } else { (&other.0, &self.0) };
        small.iter().filter(|s| large.contains(*s)).count()
    }

    /// Share of the smaller set's words found in the larger one; a
    /// one-word text matches only an identical one.
    pub fn containment(&self, other: &ContentWords) -> f64 {
        let (small, large) = if self.0.len() <= other.0.len() { (&self.0, &other.0) } else { (&other.0, &self.0) };
        if small.len() < 2 {
            return if small == large && !small.is_empty() { 1.0 } else { 0.0 };
        }
        small.iter().filter(|s| large.contains(*s)).count() as f64 / small.len() as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clitics_and_function_words_do_not_count() {
        let a = ContentWords::of("لهذا السبب جئنا إلى هنا");
        let b = ContentWords::of("هذا هو السبب الذي جئنا من أجله إلى هنا");
        assert!(a.containment(&b) >= 0.99, "{a:?} {b:?}");
        assert_eq!(ContentWords::of("في من على").len(), 0);
    }

    #[test]
    fn proclitics_are_dropped_where_another_text_confirms_the_word() {
        let plain = ContentWords::skeletons_of("تقديم ذخيرة");
        let mut joined = ContentWords::skeletons_of("أسلحة وذخيرة فلسطين");
        assert!(!joined.contains("ذخر"));
        joined.confirm_proclitics(|w| plain.contains(w));
        assert!(joined.contains("ذخر"), "{joined:?}");
        // A word nobody else writes without its first letter keeps it.
        assert!(joined.contains("فلسطن"), "{joined:?}");
        assert_eq!(joined.len(), 3);
        // The skeleton of «وأمنها» lost the alif of «أمن».
        let mut joined = ContentWords::skeletons_of("سيادتها وأمنها");
        joined.confirm_proclitics(|w| ContentWords::skeletons_of("الأمن").contains(w));
        assert!(joined.contains("امن"), "{joined:?}");
    }

    #[test]
    fn unrelated_texts_share_nothing() {
        let a = ContentWords::of("ارتفعت أسعار النفط في الأسواق العالمية");
        let b = ContentWords::of("فاز الفريق بالبطولة بعد مباراة صعبة");
        assert_eq!(a.containment(&b), 0.0);
    }
}
