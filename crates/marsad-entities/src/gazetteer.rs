//! The shipped gazetteer of well-known entities, and matching it in text.
//!
//! `data/gazetteer.tsv` lists entities with a stable id, a type, a Wikidata id
//! where certain, English and Arabic names and Arabic aliases (spelling
//! variants, official long names and short forms, surnames used alone). It is
//! embedded in the binary. Matching works on word tokens: an alias matches a
//! run of words equal to it after normalization, where the first word may
//! carry proclitics (وروسيا، بالولايات، لبوتين).

// Lookups run for every word of every document: a fast hash, not SipHash
// (the keys are our own gazetteer's words, not attacker-chosen).
use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

use crate::kind::EntityKind;

const GAZETTEER_TSV: &str = include_str!("../data/gazetteer.tsv");

/// One entity of the gazetteer.
#[derive(Debug, Clone)]
pub struct Known {
    pub id: String,
    pub kind: EntityKind,
    pub wikidata: Option<String>,
    pub name_en: String,
    pub name_ar: String,
}

/// The gazetteer with its alias index.
#[derive(Debug)]
pub struct Gazetteer {
    pub entities: Vec<Known>,
    /// Normalized first word → (remaining normalized words, entity index), longest first.
    index: HashMap<String, Vec<(Vec<String>, usize)>>,
    /// Multi-word aliases whose first word has the article, keyed by that word
    /// without it: running text drops the article («حرب في أوكرانيا»).
    bare_index: HashMap<String, Vec<(Vec<String>, usize)>>,
    /// Variant key → (entity index, surface), for spellings the aliases do not list.
    variants: HashMap<String, Vec<(usize, String)>>,
    /// Entity id → index.
    ids: HashMap<String, usize>,
}

/// A gazetteer match over a word sequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    /// Index of the first and one past the last matched word.
    pub first: usize,
    pub end: usize,
    pub entity: usize,
    /// Characters of proclitics on the first word («و» of «وروسيا»), in the normalized word.
    pub clitic_chars: usize,
}

/// Normalized words of a name, for the index.
pub fn name_words(name: &str) -> Vec<String> {
    marsad_text::tokenize(name)
        .filter(|t| t.kind.is_word())
        .map(|t| marsad_text::normalize_str(t.text))
        .filter(|w| !w.is_empty())
        .collect()
}

/// The readings of a text word to look up: the word without its proclitics,
/// and, where «لل» fused the preposition with the article («للولايات»), the
/// form with the article restored («الولايات»). The article is never dropped:
/// «الرياض» the city is not «رياض» the given name.
fn readings(word: &str) -> impl Iterator<Item = std::borrow::Cow<'_, str>> {
    let fused = ["لل", "ولل", "فلل"].iter().find_map(|p| word.strip_prefix(p)).filter(|rest| rest.chars().count() >= 2);
    marsad_text::proclitic_candidates(word)
        .map(std::borrow::Cow::Borrowed)
        .chain(fused.map(|rest| std::borrow::Cow::Owned(format!("ال{rest}"))))
}

impl Gazetteer {
    /// The embedded gazetteer (parsed once).
    pub fn embedded() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| Gazetteer::parse(GAZETTEER_TSV))
    }

    /// Parses the TSV format; malformed rows are skipped (the shipped file is checked by a test).
    pub fn parse(tsv: &str) -> Gazetteer {
        let mut entities = Vec::new();
        let mut index: HashMap<String, Vec<(Vec<String>, usize)>> = HashMap::default();
        let mut variants: HashMap<String, Vec<(usize, String)>> = HashMap::default();
        let mut bare_index: HashMap<String, Vec<(Vec<String>, usize)>> = HashMap::default();
        for line in tsv.lines().skip(1) {
            let cols: Vec<&str> = line.split('\t').collect();
            let [id, kind, wikidata, name_en, name_ar, aliases] = cols[..] else { continue };
            let Some(kind) = EntityKind::parse(kind.trim()) else { continue };
            let n = entities.len();
            entities.push(Known {
                id: id.trim().to_owned(),
                kind,
                wikidata: Some(wikidata.trim()).filter(|w| !w.is_empty()).map(str::to_owned),
                name_en: name_en.trim().to_owned(),
                name_ar: name_ar.trim().to_owned(),
            });
            // Every surface that names the entity is in `aliases`; `name_ar` alone is only the
            // display name (a bare «مالي» or «عمان» is left out of the aliases on purpose).
            for surface in aliases.split('|').filter(|a| !a.trim().is_empty()) {
                let surface = surface.trim();
                variants.entry(crate::variant::name_key(surface)).or_default().push((n, surface.to_owned()));
                let words = name_words(surface);
                let Some((first, rest)) = words.split_first() else { continue };
                let entry = index.entry(first.clone()).or_default();
                if !entry.iter().any(|(r, e)| r == rest && *e == n) {
                    entry.push((rest.to_vec(), n));
                }
                if let Some(bare) = first.strip_prefix("ال").filter(|b| !rest.is_empty() && b.chars().count() >= 2) {
                    let entry = bare_index.entry(bare.to_owned()).or_default();
                    if !entry.iter().any(|(r, e)| r == rest && *e == n) {
                        entry.push((rest.to_vec(), n));
                    }
                }
            }
        }
        for candidates in index.values_mut().chain(bare_index.values_mut()) {
            candidates.sort_by_key(|(rest, _)| std::cmp::Reverse(rest.len()));
        }
        let ids = entities.iter().enumerate().map(|(i, e)| (e.id.clone(), i)).collect();
        Gazetteer { entities, index, bare_index, variants, ids }
    }

    /// Whether `id` is the id of a gazetteer entity.
    pub fn has_id(&self, id: &str) -> bool {
        self.ids.contains_key(id)
    }

    /// Gazetteer surfaces (with their entity) that have this variant key.
    pub fn variants_of(&self, key: &str) -> &[(usize, String)] {
        self.variants.get(key).map_or(&[], Vec::as_slice)
    }

    /// The longest alias match starting at word `i` of `words` (normalized words).
    pub fn match_at(&self, words: &[&str], i: usize) -> Option<Match> {
        let first = words.get(i)?;
        let mut best: Option<Match> = None;
        for reading in readings(first) {
            // A multi-word name may drop its article in running text («حرب في أوكرانيا»).
            for index in [&self.index, &self.bare_index] {
                let Some(candidates) = index.get(reading.as_ref()) else { continue };
                for (rest, entity) in candidates {
                    let end = i + 1 + rest.len();
                    if end > words.len() || !rest.iter().zip(&words[i + 1..end]).all(|(a, b)| a == b) {
                        continue;
                    }
                    if best.is_none_or(|b| end > b.end) {
                        let clitic = first.chars().count().saturating_sub(reading.chars().count());
                        best = Some(Match { first: i, end, entity: *entity, clitic_chars: clitic });
                    }
                    break; // candidates are longest first
                }
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TSV: &str = "id\ttype\twikidata\tname_en\tname_ar\taliases\n\
        russia\tGPE\tQ159\tRussia\tروسيا\tروسيا|الاتحاد الروسي\n\
        usa\tGPE\tQ30\tUnited States\tالولايات المتحدة\tالولايات المتحدة|الولايات المتحدة الأمريكية|أمريكا\n\
        putin\tPERSON\tQ7747\tVladimir Putin\tفلاديمير بوتين\tفلاديمير بوتين|بوتين\n\
        riyadh\tGPE\t\tRiyadh\tالرياض\tالرياض\n";

    fn words(s: &str) -> Vec<String> {
        name_words(s)
    }

    #[test]
    fn aliases_match_with_clitics_and_longest_first() {
        let g = Gazetteer::parse(TSV);
        let w = words("وقالت الولايات المتحدة الأمريكية إن وروسيا ولبوتين رياض للرياض");
        let w: Vec<&str> = w.iter().map(String::as_str).collect();
        let m = g.match_at(&w, 1).expect("usa");
        assert_eq!((m.end, g.entities[m.entity].id.as_str()), (4, "usa"));
        let m = g.match_at(&w, 5).expect("russia");
        assert_eq!((m.clitic_chars, g.entities[m.entity].id.as_str()), (1, "russia"));
        let m = g.match_at(&w, 6).expect("putin");
        assert_eq!(m.clitic_chars, 2);
        assert!(g.match_at(&w, 0).is_none());
        assert!(g.match_at(&w, 7).is_none(), "the given name رياض is not the city");
        assert_eq!(g.match_at(&w, 8).map(|m| g.entities[m.entity].id.as_str()), Some("riyadh"));
    }

    #[test]
    fn shipped_gazetteer_is_well_formed() {
        let rows = GAZETTEER_TSV.lines().skip(1).filter(|l| !l.trim().is_empty()).count();
        let g = Gazetteer::embedded();
        assert_eq!(g.entities.len(), rows, "every row parses");
        let mut ids = std::collections::HashSet::new();
        for e in &g.entities {
            assert!(ids.insert(e.id.as_str()), "duplicate id {}", e.id);
            assert!(!e.name_ar.is_empty() && !e.name_en.is_empty(), "{}", e.id);
            if let Some(q) = &e.wikidata {
                assert!(q.starts_with('Q') && q[1..].bytes().all(|b| b.is_ascii_digit()), "{q}");
            }
        }
    }
}
