//! Canonical entities: mentions of one entity get one id, within a document
//! and across the corpus.
//!
//! The merging rule, in order:
//! 1. A mention matched in the gazetteer, or spelled as a variant of a
//!    gazetteer name ([`crate::variant::same_name`]), is that entity; its id
//!    is the gazetteer id.
//! 2. Other mentions of one type group when their whole names are variants of
//!    each other (بيونغ يانغ / بيونج يانج). Whole names: كيم جونغ أون and
//!    كيم سونغ share a word but are different names, so they stay apart.
//! 3. A one-word mention (بوتين, بيسكوف, كوريا) joins the entity of the same
//!    document and type whose longer name has that word — only when exactly
//!    one such entity is mentioned there; otherwise it stays on its own. Across the
//!    corpus, a one-word entity takes the id of the one multi-word person who
//!    has that word, when there is exactly one.
//!    An organization or facility written with the first two or more words of
//!    a longer name in the document is that name.
//! 4. An entity not in the gazetteer gets the id `<type>-<hash>` of its longest
//!    name's variant key, so the same name gets the same id in every document.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::ops::Range;

use crate::gazetteer::Gazetteer;
use crate::kind::EntityKind;
use crate::recognize::{known_variant, Found};
use crate::variant::{name_key, same_keyed, same_name};

/// One mention of an entity in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityMention {
    /// Byte range in the document text.
    pub span: Range<usize>,
    pub text: String,
}

/// An entity of one document with its mentions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocEntity {
    pub id: String,
    pub kind: EntityKind,
    /// Arabic display name.
    pub name: String,
    pub name_en: Option<String>,
    pub wikidata: Option<String>,
    pub mentions: Vec<EntityMention>,
    /// Index of the gazetteer entity.
    known: Option<usize>,
    /// Variant keys of the mentions, in the order of `mentions` until sorted.
    keys: Vec<String>,
}

fn hashed_id(kind: EntityKind, key: &str) -> String {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (kind.as_str(), key).hash(&mut h);
    format!("{}-{:012x}", kind.as_str().to_lowercase(), h.finish() & 0xffff_ffff_ffff)
}

/// Groups the mentions of one document into entities.
pub fn group(text: &str, found: Vec<Found>) -> Vec<DocEntity> {
    let g = Gazetteer::embedded();
    let mut entities: Vec<DocEntity> = Vec::new();
    let mut pending: Vec<(EntityMention, EntityKind)> = Vec::new();
    for f in found {
        let mention = EntityMention { span: f.span.clone(), text: text[f.span.clone()].to_owned() };
        let known = f.known.or_else(|| known_variant(&mention.text, f.kind));
        match known {
            Some(k) => push_known(&mut entities, g, k, mention),
            None => pending.push((mention, f.kind)),
        }
    }
    // Multi-word names first, so one-word mentions can join them.
    pending.sort_by_key(|(m, _)| (std::cmp::Reverse(m.text.split_whitespace().count()), m.span.start));
    for (mention, kind) in pending {
        let one_word = !mention.text.contains(char::is_whitespace);
        let key = name_key(&mention.text);
        let same = entities.iter().position(|e| {
            e.kind == kind
                && e.mentions.iter().zip(&e.keys).any(|(m, k)| {
                    same_keyed(&m.text, k, &mention.text, &key) || short_form_of(kind, &mention.text, &m.text)
                })
        });
        let target = same.or_else(|| {
            if !one_word {
                return None;
            }
            // A short form: the one entity of a compatible type whose longer name has this word
            // (بوتين → فلاديمير بوتين, كوريا → كوريا الشمالية).
            let holders: Vec<usize> = (0..entities.len())
                .filter(|&i| compatible(entities[i].kind, kind) && has_name_word(&entities[i], &mention.text))
                .collect();
            (holders.len() == 1).then(|| holders[0])
        });
        match target {
            Some(i) => {
                entities[i].mentions.push(mention);
                entities[i].keys.push(key);
            }
            None => entities.push(DocEntity {
                id: String::new(),
                kind,
                name: mention.text.clone(),
                name_en: None,
                wikidata: None,
                mentions: vec![mention],
                known: None,
                keys: vec![key],
            }),
        }
    }
    for e in &mut entities {
        e.mentions.sort_by_key(|m| m.span.start);
        if e.known.is_none() {
            // The longest name is the display name and the source of the id.
            if let Some(longest) = e.mentions.iter().max_by_key(|m| (m.text.split_whitespace().count(), m.text.len())) {
                e.name = longest.text.clone();
            }
            e.id = hashed_id(e.kind, &name_key(&e.name));
        }
    }
    entities.sort_by_key(|e| e.mentions.first().map_or(usize::MAX, |m| m.span.start));
    entities
}

/// An organization or facility named by the first words of a longer name in
/// the same document («مركز أبحاث التسلح» for «مركز أبحاث التسلح في النزاعات»),
/// at least two words of it.
fn short_form_of(kind: EntityKind, short: &str, long: &str) -> bool {
    if !matches!(kind, EntityKind::Org | EntityKind::Fac) {
        return false;
    }
    let s: Vec<String> = short.split_whitespace().map(marsad_text::normalize_str).collect();
    let l: Vec<String> = long.split_whitespace().map(marsad_text::normalize_str).collect();
    s.len() >= 2 && s.len() < l.len() && l.starts_with(&s)
}

/// Types a short form may cross: the tagger types places loosely.
fn compatible(a: EntityKind, b: EntityKind) -> bool {
    let place = |k| matches!(k, EntityKind::Gpe | EntityKind::Loc);
    a == b || (place(a) && place(b))
}

fn has_name_word(entity: &DocEntity, word: &str) -> bool {
    entity.mentions.iter().any(|m| {
        let words: Vec<&str> = m.text.split_whitespace().collect();
        words.len() > 1 && words.iter().any(|w| same_name(w, word))
    }) || entity.known.is_some_and(|k| {
        Gazetteer::embedded().entities[k].name_ar.split_whitespace().count() > 1
            && Gazetteer::embedded().entities[k].name_ar.split_whitespace().any(|w| same_name(w, word))
    })
}

fn push_known(entities: &mut Vec<DocEntity>, g: &Gazetteer, k: usize, mention: EntityMention) {
    let key = name_key(&mention.text);
    if let Some(e) = entities.iter_mut().find(|e| e.known == Some(k)) {
        e.mentions.push(mention);
        e.keys.push(key);
        return;
    }
    let known = &g.entities[k];
    entities.push(DocEntity {
        id: known.id.clone(),
        kind: known.kind,
        name: known.name_ar.clone(),
        name_en: Some(known.name_en.clone()),
        wikidata: known.wikidata.clone(),
        mentions: vec![mention],
        known: Some(k),
        keys: vec![key],
    });
}

/// A document's entity as the corpus pass sees it: its type, whether it is a
/// gazetteer entity, its mention texts, and the id and name it may rewrite.
pub struct CorpusEntity<'a> {
    pub kind: EntityKind,
    pub known: bool,
    pub mentions: Vec<&'a str>,
    pub id: &'a mut String,
    pub name: &'a mut String,
}

/// Gives one-word person entities the id of the one multi-word person of the
/// corpus that has that word (rule 3 across documents).
pub fn resolve_corpus(mut entities: Vec<CorpusEntity<'_>>) {
    // Word key → (id, word, display name) of multi-word persons having that word.
    let mut holders: HashMap<String, Vec<(String, String, String)>> = HashMap::new();
    for e in entities.iter().filter(|e| e.kind == EntityKind::Person) {
        for m in e.mentions.iter().filter(|m| m.split_whitespace().count() > 1) {
            for w in m.split_whitespace() {
                let list = holders.entry(name_key(w)).or_default();
                if !list.iter().any(|(id, _, _)| id == e.id.as_str()) {
                    list.push((e.id.clone(), w.to_owned(), e.name.clone()));
                }
            }
        }
    }
    for e in entities.iter_mut() {
        if e.kind != EntityKind::Person || e.known || e.mentions.iter().any(|m| m.contains(char::is_whitespace)) {
            continue;
        }
        let Some(list) = holders.get(&name_key(e.name)) else { continue };
        let matching: Vec<&(String, String, String)> = list.iter().filter(|(_, w, _)| same_name(w, e.name)).collect();
        if let [(id, _, name)] = matching[..] {
            *e.id = id.clone();
            *e.name = name.clone();
        }
    }
}
