//! Entity-level precision, recall and F1, counted exactly as CoNLL's
//! `conlleval` (and `shared/eval/conll_f1.py`) count them: an entity is a
//! maximal `B-X I-X*` run (an `I-X` after anything but `X` opens a new one);
//! a predicted entity is correct only with the gold type and exact span.

use std::collections::{BTreeMap, HashSet};
use std::fmt;

use crate::tags::{EntityType, Tag};

/// Entity spans `(start, end, type)` of a tag stream, `end` exclusive.
pub fn spans(tags: &[Tag]) -> HashSet<(usize, usize, EntityType)> {
    let mut out = HashSet::new();
    let mut open: Option<(usize, EntityType)> = None;
    for (i, t) in tags.iter().copied().chain(std::iter::once(Tag::O)).enumerate() {
        let begins = match t {
            Tag::B(_) => true,
            Tag::I(ty) => open.map(|(_, k)| k) != Some(ty),
            Tag::O => false,
        };
        if let Some((s, k)) = open {
            if t == Tag::O || begins {
                out.insert((s, i, k));
                open = None;
            }
        }
        match t {
            Tag::B(ty) => open = Some((i, ty)),
            Tag::I(ty) if open.is_none() => open = Some((i, ty)),
            _ => {}
        }
    }
    out
}

/// Counts of one entity type (or all).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub correct: usize,
    pub predicted: usize,
    pub gold: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        if self.predicted == 0 {
            0.0
        } else {
            self.correct as f64 / self.predicted as f64
        }
    }

    pub fn recall(&self) -> f64 {
        if self.gold == 0 {
            0.0
        } else {
            self.correct as f64 / self.gold as f64
        }
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// Scores per type (only types seen in gold or predictions) and overall.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Score {
    pub by_type: BTreeMap<&'static str, Counts>,
    pub all: Counts,
}

/// Scores predicted against gold tags (same token stream).
pub fn score(gold: &[Tag], pred: &[Tag]) -> Score {
    let g = spans(gold);
    let p = spans(pred);
    let mut s = Score::default();
    for &(_, _, k) in g.iter() {
        s.by_type.entry(k.as_str()).or_default().gold += 1;
    }
    for sp in p.iter() {
        let c = s.by_type.entry(sp.2.as_str()).or_default();
        c.predicted += 1;
        if g.contains(sp) {
            c.correct += 1;
        }
    }
    s.all = Counts { correct: p.intersection(&g).count(), predicted: p.len(), gold: g.len() };
    s
}

impl fmt::Display for Score {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let line = |f: &mut fmt::Formatter<'_>, k: &str, c: &Counts| {
            writeln!(
                f,
                "{k:<5} P {:.4}  R {:.4}  F1 {:.4}  (gold {}, predicted {}, correct {})",
                c.precision(),
                c.recall(),
                c.f1(),
                c.gold,
                c.predicted,
                c.correct
            )
        };
        for (k, c) in &self.by_type {
            line(f, k, c)?;
        }
        line(f, "ALL", &self.all)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Vec<Tag> {
        s.split_whitespace().map(|x| x.parse().expect("tag")).collect()
    }

    #[test]
    fn spans_follow_conlleval() {
        let s = spans(&t("B-PERS I-PERS O I-LOC I-LOC B-LOC I-ORG O"));
        let mut v: Vec<_> = s.into_iter().collect();
        v.sort();
        assert_eq!(
            v,
            vec![(0, 2, EntityType::Pers), (3, 5, EntityType::Loc), (5, 6, EntityType::Loc), (6, 7, EntityType::Org)]
        );
    }

    #[test]
    fn scores() {
        let gold = t("B-PERS I-PERS O B-LOC O B-ORG");
        let pred = t("B-PERS I-PERS O B-LOC I-LOC B-ORG");
        let s = score(&gold, &pred);
        assert_eq!(s.all, Counts { correct: 2, predicted: 3, gold: 3 });
        assert_eq!(s.by_type["LOC"], Counts { correct: 0, predicted: 1, gold: 1 });
        assert!((s.all.f1() - 2.0 / 3.0).abs() < 1e-9);
    }
}
