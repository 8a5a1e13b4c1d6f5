//! Entity types.

use serde::Serialize;

/// What kind of thing an entity is (OntoNotes-style types).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityKind {
    Person,
    /// Countries, cities, states: places with a government.
    Gpe,
    /// Other places: seas, mountains, regions.
    Loc,
    Org,
    /// Buildings, bases, airports, cosmodromes.
    Fac,
    /// Weapons, aircraft, rockets, vehicles.
    Product,
    Event,
}

impl EntityKind {
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "PERSON" => EntityKind::Person,
            "GPE" => EntityKind::Gpe,
            "LOC" => EntityKind::Loc,
            "ORG" => EntityKind::Org,
            "FAC" => EntityKind::Fac,
            "PRODUCT" => EntityKind::Product,
            "EVENT" => EntityKind::Event,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "PERSON",
            EntityKind::Gpe => "GPE",
            EntityKind::Loc => "LOC",
            EntityKind::Org => "ORG",
            EntityKind::Fac => "FAC",
            EntityKind::Product => "PRODUCT",
            EntityKind::Event => "EVENT",
        }
    }

    /// The ANERcorp type this maps to in CoNLL output (PERS, LOC, ORG, MISC).
    pub fn conll(self) -> &'static str {
        match self {
            EntityKind::Person => "PERS",
            EntityKind::Gpe | EntityKind::Loc | EntityKind::Fac => "LOC",
            EntityKind::Org => "ORG",
            EntityKind::Product | EntityKind::Event => "MISC",
        }
    }
}
