//! Grouping items linked pairwise (union–find).
//!
//! Several stages join items that are "the same" by pairwise links — one
//! utterance in several reports, one claim in several documents — and need
//! the groups that the links make.

/// Disjoint groups of items `0..n`, joined by links.
#[derive(Debug, Clone)]
pub struct Groups {
    parent: Vec<usize>,
}

impl Groups {
    /// `n` items, each in a group of its own.
    pub fn new(n: usize) -> Self {
        Groups { parent: (0..n).collect() }
    }

    /// Puts `a` and `b` (and their groups) in one group.
    pub fn link(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.root(a), self.root(b));
        if ra != rb {
            self.parent[ra.max(rb)] = ra.min(rb);
        }
    }

    fn root(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// The groups, each sorted, in order of their first item.
    pub fn into_groups(mut self) -> Vec<Vec<usize>> {
        let mut groups: Vec<Vec<usize>> = Vec::new();
        let mut slot: Vec<Option<usize>> = vec![None; self.parent.len()];
        for i in 0..self.parent.len() {
            let root = self.root(i);
            let g = *slot[root].get_or_insert_with(|| {
                groups.push(Vec::new());
                groups.len() - 1
            });
            groups[g].push(i);
        }
        groups
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_make_groups_in_first_item_order() {
        let mut g = Groups::new(5);
        g.link(3, 1);
        g.link(4, 3);
        assert_eq!(g.into_groups(), vec![vec![0], vec![1, 3, 4], vec![2]]);
    }
}
