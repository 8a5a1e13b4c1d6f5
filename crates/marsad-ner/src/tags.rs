//! BIO tags over ANERcorp's four entity types.

use std::fmt;
use std::str::FromStr;

/// Number of tags: `O` plus `B-`/`I-` for each of the four types.
pub const NTAGS: usize = 9;

/// An entity type of ANERcorp.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityType {
    /// A person (`PERS`).
    Pers,
    /// A location (`LOC`).
    Loc,
    /// An organization (`ORG`).
    Org,
    /// Anything else named (`MISC`): events, products, nationalities as names, ...
    Misc,
}

impl EntityType {
    /// All types, in tag-index order.
    pub const ALL: [EntityType; 4] = [EntityType::Pers, EntityType::Loc, EntityType::Org, EntityType::Misc];

    /// The CoNLL label: `PERS`, `LOC`, `ORG` or `MISC`.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Pers => "PERS",
            EntityType::Loc => "LOC",
            EntityType::Org => "ORG",
            EntityType::Misc => "MISC",
        }
    }

    fn index(self) -> usize {
        match self {
            EntityType::Pers => 0,
            EntityType::Loc => 1,
            EntityType::Org => 2,
            EntityType::Misc => 3,
        }
    }

    fn parse(s: &str) -> Option<EntityType> {
        match s {
            "PERS" | "PER" => Some(EntityType::Pers),
            "LOC" => Some(EntityType::Loc),
            "ORG" => Some(EntityType::Org),
            "MISC" => Some(EntityType::Misc),
            _ => None,
        }
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A BIO tag: outside, beginning of an entity, or inside one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tag {
    /// Outside any entity.
    O,
    /// First token of an entity.
    B(EntityType),
    /// A following token of an entity.
    I(EntityType),
}

impl Tag {
    /// All tags in index order (`O`, then `B-`, `I-` per type).
    pub const ALL: [Tag; NTAGS] = [
        Tag::O,
        Tag::B(EntityType::Pers),
        Tag::I(EntityType::Pers),
        Tag::B(EntityType::Loc),
        Tag::I(EntityType::Loc),
        Tag::B(EntityType::Org),
        Tag::I(EntityType::Org),
        Tag::B(EntityType::Misc),
        Tag::I(EntityType::Misc),
    ];

    /// Dense index in `0..NTAGS`.
    pub fn index(self) -> usize {
        match self {
            Tag::O => 0,
            Tag::B(t) => 1 + 2 * t.index(),
            Tag::I(t) => 2 + 2 * t.index(),
        }
    }

    /// The tag of a dense index (`O` when out of range).
    pub fn from_index(i: usize) -> Tag {
        Tag::ALL.get(i).copied().unwrap_or(Tag::O)
    }

    /// The entity type, `None` for `O`.
    pub fn entity_type(self) -> Option<EntityType> {
        match self {
            Tag::O => None,
            Tag::B(t) | Tag::I(t) => Some(t),
        }
    }

    /// Whether `self` may follow `prev` (`None` = sentence start): `I-X` only after `B-X` or `I-X`.
    pub fn may_follow(self, prev: Option<Tag>) -> bool {
        match self {
            Tag::I(t) => matches!(prev, Some(Tag::B(p)) | Some(Tag::I(p)) if p == t),
            _ => true,
        }
    }
}

impl fmt::Display for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Tag::O => f.write_str("O"),
            Tag::B(t) => write!(f, "B-{t}"),
            Tag::I(t) => write!(f, "I-{t}"),
        }
    }
}

/// Error of [`Tag::from_str`]: the text is no BIO tag of the four types.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseTagError;

impl fmt::Display for ParseTagError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not a BIO tag of PERS, LOC, ORG or MISC")
    }
}

impl std::error::Error for ParseTagError {}

impl FromStr for Tag {
    type Err = ParseTagError;

    /// Parses `O`, `B-X`, `I-X` (X one of PERS/PER, LOC, ORG, MISC).
    fn from_str(s: &str) -> Result<Tag, ParseTagError> {
        if s == "O" {
            return Ok(Tag::O);
        }
        let (bio, ty) = s.split_once('-').ok_or(ParseTagError)?;
        let ty = EntityType::parse(ty).ok_or(ParseTagError)?;
        match bio {
            "B" => Ok(Tag::B(ty)),
            "I" => Ok(Tag::I(ty)),
            _ => Err(ParseTagError),
        }
    }
}

/// Repairs a tag sequence the way CoNLL reads it: an `I-X` that cannot follow its predecessor becomes `B-X`.
pub fn repair(tags: &mut [Tag]) {
    let mut prev = None;
    for t in tags.iter_mut() {
        if let Tag::I(ty) = *t {
            if !t.may_follow(prev) {
                *t = Tag::B(ty);
            }
        }
        prev = Some(*t);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_round_trip_and_display() {
        for (i, t) in Tag::ALL.iter().enumerate() {
            assert_eq!(t.index(), i);
            assert_eq!(Tag::from_index(i), *t);
            assert_eq!(t.to_string().parse::<Tag>(), Ok(*t));
        }
        assert_eq!(Tag::B(EntityType::Pers).to_string(), "B-PERS");
        assert_eq!("I-PER".parse::<Tag>(), Ok(Tag::I(EntityType::Pers)));
        assert!("X-LOC".parse::<Tag>().is_err());
        assert!("B-FOO".parse::<Tag>().is_err());
    }

    #[test]
    fn repair_turns_orphan_inside_into_begin() {
        let mut tags = [Tag::O, Tag::I(EntityType::Loc), Tag::I(EntityType::Loc), Tag::I(EntityType::Org)];
        repair(&mut tags);
        assert_eq!(tags, [Tag::O, Tag::B(EntityType::Loc), Tag::I(EntityType::Loc), Tag::B(EntityType::Org)]);
    }
}
