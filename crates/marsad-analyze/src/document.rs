//! The analyzed document: marsad's unit of output.
//!
//! Offsets (`start`, `end`) everywhere in a document count Unicode code
//! points (characters) into the document's `text`, end exclusive — the way
//! Python and most JSON consumers index strings.

use marsad_ingest::{Article, Origin, PublishedBasis};
use serde::{Deserialize, Serialize};

/// A sentence of the document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
}

/// One place where an entity is named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// A named entity of the document with all its mentions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Stable across documents for the same entity.
    pub id: String,
    /// Arabic display name.
    pub name: String,
    pub name_en: Option<String>,
    #[serde(rename = "type")]
    pub kind: String,
    /// Wikidata id, for entities of the shipped gazetteer where it is certain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wikidata: Option<String>,
    pub mentions: Vec<Mention>,
}

impl Entity {
    /// From the entity crate's form (byte offsets) to the output's (character offsets).
    pub fn from_doc_entity(e: marsad_entities::DocEntity, chars: &marsad_text::CharIndex) -> Self {
        Entity {
            id: e.id,
            name: e.name,
            name_en: e.name_en,
            kind: e.kind.as_str().to_owned(),
            wikidata: e.wikidata,
            mentions: e
                .mentions
                .into_iter()
                .map(|m| Mention {
                    text: m.text,
                    start: chars.char_offset(m.span.start),
                    end: chars.char_offset(m.span.end),
                })
                .collect(),
        }
    }
}

/// Who a quotation is attributed to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    /// The entity id, when the speaker is a known entity.
    pub entity: Option<String>,
    /// The words that name the speaker in the text.
    pub text: String,
}

/// A direct or indirect quotation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    pub speaker: Speaker,
    pub cue: Option<String>,
    /// `direct` or `indirect`.
    pub kind: marsad_quotes::Kind,
    /// What the cue does: `speech`, `source` (بحسب …), `belief`, `allegation`, `denial`, `written`.
    pub attribution: marsad_quotes::Attribution,
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// The channel it reached the outlet through («عبر مترجم», «بحسب رويترز»).
    pub via: Option<String>,
}

impl Quote {
    /// From the quotation crate's form (byte offsets, entity indices into
    /// `entities`) to the output's (character offsets, entity ids).
    pub fn from_found(
        q: marsad_quotes::Quote,
        text: &str,
        chars: &marsad_text::CharIndex,
        entities: &[Entity],
    ) -> Self {
        let slice = |r: std::ops::Range<usize>| text[r].to_owned();
        Quote {
            speaker: Speaker {
                entity: q.speaker.entity.and_then(|i| entities.get(i)).map(|e| e.id.clone()),
                text: q.speaker.text,
            },
            cue: q.cue.map(slice),
            kind: q.kind,
            attribution: q.attribution,
            start: chars.char_offset(q.text.start),
            end: chars.char_offset(q.text.end),
            text: slice(q.text),
            via: q.via.map(slice),
        }
    }
}

/// A date or time expression with its calendar value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateMention {
    /// The expression with a leading signal word («في 2 يناير 2024»).
    pub text: String,
    #[serde(rename = "type")]
    pub kind: marsad_time::TimexKind,
    /// TIMEX3-style: `2023-09-13`, `2023-09`, `P18M`, `2024-W25`,
    /// `PAST_REF`, or a list of years.
    pub value: marsad_time::TimexValue,
    pub start: usize,
    pub end: usize,
}

impl DateMention {
    /// Every time expression of `text`, resolved against `anchor` (the publication date).
    pub fn find_all(text: &str, anchor: Option<marsad_time::CivilDate>, chars: &marsad_text::CharIndex) -> Vec<Self> {
        marsad_time::find_timexes(text, anchor)
            .into_iter()
            .map(|t| DateMention {
                text: text[t.span.clone()].to_owned(),
                kind: t.kind,
                value: t.value,
                start: chars.char_offset(t.span.start),
                end: chars.char_offset(t.span.end),
            })
            .collect()
    }
}

/// A sentence copied from an earlier report of the same story.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReusedSentence {
    /// Index into this document's `sentences`.
    pub sentence: usize,
    /// The document it was copied from, and that document's sentence.
    pub from: String,
    pub from_sentence: usize,
}

/// An analyzed document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub id: String,
    pub source: String,
    pub origin: Origin,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub author: Option<String>,
    /// `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM` when the time is known.
    pub published: Option<String>,
    /// `stated` (a dateline), `metadata` (page, feed or record) or
    /// `inferred` (from the article's weekday and day references).
    pub published_basis: Option<PublishedBasis>,
    pub lang: Option<String>,
    pub text: String,
    pub sentences: Vec<Sentence>,
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
    pub dates: Vec<DateMention>,
    /// The story it belongs to, once stories are found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub story: Option<String>,
    /// The earlier document this one is a near-copy of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<String>,
    /// Sentences copied from earlier reports of its story.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reused: Vec<ReusedSentence>,
}

impl Document {
    /// Each sentence's byte range in `text` (the output keeps characters;
    /// slicing needs bytes). One pass over the text.
    pub fn sentence_bytes(&self) -> Vec<std::ops::Range<usize>> {
        let mut chars = self.text.char_indices().map(|(b, _)| b).chain(std::iter::once(self.text.len()));
        let (mut at_char, mut at_byte) = (0, chars.next().unwrap_or(0));
        let mut byte = |c: usize| {
            while at_char < c {
                at_byte = chars.next().unwrap_or(self.text.len());
                at_char += 1;
            }
            at_byte
        };
        self.sentences.iter().map(|s| byte(s.start)..byte(s.end)).collect()
    }

    /// The publication date, without the time.
    pub fn published_date(&self) -> Option<marsad_time::CivilDate> {
        self.published.as_deref().and_then(marsad_time::CivilDate::parse_iso_prefix)
    }

    /// A document of `article` with its sentences and nothing else found yet.
    pub fn new(article: Article, sentences: Vec<Sentence>) -> Self {
        Document {
            id: article.id,
            source: article.source,
            origin: article.origin,
            url: article.url,
            outlet: article.outlet,
            title: article.title,
            author: article.author,
            published: article.published.map(|p| p.timestamp()),
            published_basis: article.published.map(|p| p.basis),
            lang: article.lang,
            text: article.text,
            sentences,
            entities: Vec::new(),
            quotes: Vec::new(),
            dates: Vec::new(),
            story: None,
            duplicate_of: None,
            reused: Vec::new(),
        }
    }
}
