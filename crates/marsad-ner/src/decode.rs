//! First-order Viterbi decoding over BIO tags with hard constraints:
//! `I-X` only after `B-X` or `I-X`, never at the start of a sentence.

use crate::tags::NTAGS;

/// Transition weights: from the sentence start, and between consecutive tags.
#[derive(Debug, Clone, PartialEq)]
pub struct Transitions {
    pub start: [f32; NTAGS],
    pub pair: [[f32; NTAGS]; NTAGS],
}

impl Default for Transitions {
    fn default() -> Self {
        Transitions { start: [0.0; NTAGS], pair: [[0.0; NTAGS]; NTAGS] }
    }
}

/// `ALLOWED[p][c]`: tag index `c` may follow tag index `p`.
#[cfg(test)]
const fn allowed_table() -> [[bool; NTAGS]; NTAGS] {
    let mut t = [[true; NTAGS]; NTAGS];
    let mut p = 0;
    while p < NTAGS {
        let mut c = 0;
        while c < NTAGS {
            // I tags have even indices >= 2; their B is c - 1.
            if c >= 2 && c % 2 == 0 {
                t[p][c] = p == c || p == c - 1;
            }
            c += 1;
        }
        p += 1;
    }
    t
}

#[cfg(test)]
pub const ALLOWED: [[bool; NTAGS]; NTAGS] = allowed_table();

/// The tag indices that may precede tag index `c`: any for `O` and `B-X`,
/// only `B-X` and `I-X` for `I-X` (`ALLOWED` as a range; `viterbi` spells it
/// out with constant bounds).
#[cfg(test)]
fn predecessors(c: usize) -> std::ops::Range<usize> {
    if c >= 2 && c.is_multiple_of(2) {
        c - 1..c + 1
    } else {
        0..NTAGS
    }
}

/// Whether tag index `c` may start a sentence.
#[inline]
pub fn allowed_start(c: usize) -> bool {
    !(c >= 2 && c.is_multiple_of(2))
}

/// Reusable buffers for [`viterbi`].
#[derive(Debug, Default)]
pub struct Lattice {
    back: Vec<[u8; NTAGS]>,
}

#[allow(clippy::needless_range_loop)] // parallel arrays indexed by position and tag
/// Best tag-index sequence for emission scores `emit` (one row per token), appended to `out`.
pub fn viterbi(emit: &[[f32; NTAGS]], trans: &Transitions, lat: &mut Lattice, out: &mut Vec<usize>) {
    let n = emit.len();
    out.clear();
    if n == 0 {
        return;
    }
    lat.back.clear();
    lat.back.resize(n, [0; NTAGS]);
    let mut score = [f32::NEG_INFINITY; NTAGS];
    for c in 0..NTAGS {
        if allowed_start(c) {
            score[c] = trans.start[c] + emit[0][c];
        }
    }
    for i in 1..n {
        let mut next = [f32::NEG_INFINITY; NTAGS];
        let back = &mut lat.back[i];
        for c in 0..NTAGS {
            // `O` and `B-X` may follow any tag, `I-X` only `B-X` or `I-X`
            // (`ALLOWED`), written out with constant bounds: this is the
            // tagger's hot loop.
            let (best, arg) = if c >= 2 && c % 2 == 0 {
                let (b, i) = (score[c - 1] + trans.pair[c - 1][c], score[c] + trans.pair[c][c]);
                if i > b {
                    (i, c)
                } else {
                    (b, c - 1)
                }
            } else {
                let mut best = score[0] + trans.pair[0][c];
                let mut arg = 0;
                for p in 1..NTAGS {
                    let s = score[p] + trans.pair[p][c];
                    if s > best {
                        best = s;
                        arg = p;
                    }
                }
                (best, arg)
            };
            next[c] = best + emit[i][c];
            back[c] = arg as u8;
        }
        score = next;
    }
    let mut best = 0usize;
    for c in 1..NTAGS {
        if score[c] > score[best] {
            best = c;
        }
    }
    out.resize(n, 0);
    out[n - 1] = best;
    for i in (1..n).rev() {
        best = usize::from(lat.back[i][best]);
        out[i - 1] = best;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tags::{EntityType, Tag};

    fn to_tags(idx: &[usize]) -> Vec<Tag> {
        idx.iter().map(|&i| Tag::from_index(i)).collect()
    }

    #[test]
    fn constraints_forbid_orphan_inside() {
        // Emissions strongly prefer I-LOC everywhere; the decoder may not start with it.
        let mut row = [0.0f32; NTAGS];
        row[Tag::I(EntityType::Loc).index()] = 10.0;
        row[Tag::B(EntityType::Loc).index()] = 1.0;
        let emit = vec![row; 3];
        let mut out = Vec::new();
        viterbi(&emit, &Transitions::default(), &mut Lattice::default(), &mut out);
        assert_eq!(to_tags(&out), vec![Tag::B(EntityType::Loc), Tag::I(EntityType::Loc), Tag::I(EntityType::Loc)]);
    }

    #[test]
    #[allow(clippy::needless_range_loop)]
    fn constraints_forbid_type_switch_inside() {
        let mut a = [0.0f32; NTAGS];
        a[Tag::B(EntityType::Pers).index()] = 5.0;
        let mut b = [0.0f32; NTAGS];
        b[Tag::I(EntityType::Org).index()] = 5.0;
        b[Tag::O.index()] = 1.0;
        let mut out = Vec::new();
        viterbi(&[a, b], &Transitions::default(), &mut Lattice::default(), &mut out);
        assert_eq!(to_tags(&out), vec![Tag::B(EntityType::Pers), Tag::O]);
        for p in 0..NTAGS {
            for c in 0..NTAGS {
                let ok = Tag::from_index(c).may_follow(Some(Tag::from_index(p)));
                assert_eq!(ALLOWED[p][c], ok, "{p}->{c}");
                assert_eq!(predecessors(c).contains(&p), ok, "{p}->{c}");
            }
            assert_eq!(allowed_start(p), Tag::from_index(p).may_follow(None));
        }
    }

    #[test]
    fn transitions_matter() {
        let row = [0.0f32; NTAGS];
        let mut t = Transitions::default();
        t.start[Tag::B(EntityType::Misc).index()] = 1.0;
        t.pair[Tag::B(EntityType::Misc).index()][Tag::I(EntityType::Misc).index()] = 1.0;
        let mut out = Vec::new();
        viterbi(&[row, row], &t, &mut Lattice::default(), &mut out);
        assert_eq!(to_tags(&out), vec![Tag::B(EntityType::Misc), Tag::I(EntityType::Misc)]);
        viterbi(&[], &t, &mut Lattice::default(), &mut out);
        assert!(out.is_empty());
    }
}
