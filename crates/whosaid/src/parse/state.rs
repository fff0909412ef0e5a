//! The arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez & Satta
//! 2011) and its dynamic oracle (Goldberg & Nivre 2013).
//!
//! Tokens are `0..n`; the root is token `n`, last in the buffer, so every
//! token ends with a head (`n` for the sentence's roots). Transitions:
//! SHIFT pushes the buffer's front `b0` onto the stack; LEFT makes `b0`
//! the head of the stack's top `s0` and pops it; RIGHT makes the token
//! under the top, `s1`, the head of `s0` and pops it. Each takes O(1); a
//! sentence takes `2n` transitions.

/// A transition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Move {
    /// Push the buffer's front onto the stack.
    Shift = 0,
    /// The buffer's front becomes the head of the stack's top (popped).
    Left = 1,
    /// The token under the stack's top becomes its head (top popped).
    Right = 2,
}

/// Number of [`Move`]s.
pub const MOVES: usize = 3;

impl Move {
    /// All moves, in class order.
    pub const ALL: [Move; MOVES] = [Move::Shift, Move::Left, Move::Right];
}

/// No token (an empty stack or buffer position, a missing child).
pub const NO: u32 = u32::MAX;

/// A parser configuration, reused across sentences (buffers kept).
#[derive(Debug, Clone, Default)]
pub struct State {
    /// Tokens in the sentence (the root is `n`).
    pub n: u32,
    /// The stack, top last.
    pub stack: Vec<u32>,
    /// The buffer's front (`n` + 1 when the root has been consumed).
    pub b0: u32,
    /// Each token's head, [`NO`] until it has one.
    pub heads: Vec<u32>,
    /// Each token's leftmost and rightmost dependent so far ([`NO`] for
    /// none), and how many it has on each side.
    pub leftmost: Vec<u32>,
    /// See [`State::leftmost`].
    pub rightmost: Vec<u32>,
    /// Dependents to the left, per token.
    pub left_count: Vec<u8>,
    /// Dependents to the right, per token.
    pub right_count: Vec<u8>,
}

impl State {
    /// Resets to the start of a sentence of `n` tokens.
    pub fn reset(&mut self, n: usize) {
        let n32 = u32::try_from(n).unwrap_or(u32::MAX - 2);
        self.n = n32;
        self.stack.clear();
        self.b0 = 0;
        for v in [&mut self.heads, &mut self.leftmost, &mut self.rightmost] {
            v.clear();
            v.resize(n + 1, NO);
        }
        for v in [&mut self.left_count, &mut self.right_count] {
            v.clear();
            v.resize(n + 1, 0);
        }
    }

    /// Whether every token has its head.
    pub fn done(&self) -> bool {
        self.b0 >= self.n && self.stack.is_empty()
    }

    /// The stack's `k`-th token from the top, [`NO`] past its bottom.
    #[inline]
    pub fn s(&self, k: usize) -> u32 {
        self.stack
            .len()
            .checked_sub(k + 1)
            .map_or(NO, |i| self.stack[i])
    }

    /// The buffer's `k`-th token (the root is the last), [`NO`] past it.
    #[inline]
    pub fn b(&self, k: u32) -> u32 {
        let i = self.b0.saturating_add(k);
        if i <= self.n {
            i
        } else {
            NO
        }
    }

    /// Whether `m` can be applied.
    #[inline]
    pub fn legal(&self, m: Move) -> bool {
        match m {
            // The root is shifted never: it stays the buffer's last.
            Move::Shift => self.b0 < self.n,
            Move::Left => !self.stack.is_empty() && self.b0 <= self.n,
            Move::Right => self.stack.len() >= 2,
        }
    }

    /// Applies a legal move.
    pub fn apply(&mut self, m: Move) {
        match m {
            Move::Shift => {
                self.stack.push(self.b0);
                self.b0 += 1;
            }
            Move::Left => {
                let d = self.stack.pop().unwrap_or(NO);
                self.attach(self.b0, d);
            }
            Move::Right => {
                let d = self.stack.pop().unwrap_or(NO);
                let h = self.s(0);
                self.attach(h, d);
            }
        }
        // The buffer is the root alone and the stack empty: done.
        if self.b0 == self.n && self.stack.is_empty() {
            self.b0 = self.n + 1;
        }
    }

    fn attach(&mut self, h: u32, d: u32) {
        let (hi, di) = (h as usize, d as usize);
        if hi >= self.heads.len() || di >= self.heads.len() {
            return;
        }
        self.heads[di] = h;
        if d < h {
            if self.leftmost[hi] == NO || d < self.leftmost[hi] {
                self.leftmost[hi] = d;
            }
            self.left_count[hi] = self.left_count[hi].saturating_add(1);
        } else {
            if self.rightmost[hi] == NO || d > self.rightmost[hi] {
                self.rightmost[hi] = d;
            }
            self.right_count[hi] = self.right_count[hi].saturating_add(1);
        }
    }

    /// The gold arcs a move makes unreachable (`gold[d]` is `d`'s head,
    /// `n` for a root): the dynamic oracle's cost, exact for projective
    /// trees. `dependents_in` lists each token's gold dependents.
    pub fn cost(&self, m: Move, gold: &[u32], dependents: &[Vec<u32>]) -> u32 {
        let in_buffer = |t: u32| t != NO && t >= self.b0 && t <= self.n;
        let on_stack_below_top =
            |t: u32| self.stack.len() >= 2 && self.stack[..self.stack.len() - 1].contains(&t);
        match m {
            Move::Shift => {
                // b0 can no longer take a head from the stack below s0, nor
                // give one to any token on the stack.
                let b = self.b0;
                let mut c = u32::from(on_stack_below_top(gold[b as usize]));
                c += dependents[b as usize]
                    .iter()
                    .filter(|&&d| self.stack.contains(&d))
                    .count() as u32;
                c
            }
            Move::Left | Move::Right => {
                let s0 = self.s(0);
                if s0 == NO {
                    return 0;
                }
                let h = gold[s0 as usize];
                let head_lost = match m {
                    // s0 gets b0: its gold head must be b0.
                    Move::Left => h != self.b0 && (h == self.s(1) || in_buffer(h)),
                    // s0 gets s1: its gold head must be s1.
                    _ => h != self.s(1) && in_buffer(h),
                };
                // Its dependents still in the buffer are lost.
                let lost = dependents[s0 as usize]
                    .iter()
                    .filter(|&&d| in_buffer(d))
                    .count() as u32;
                u32::from(head_lost) + lost
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dependents(gold: &[u32]) -> Vec<Vec<u32>> {
        let mut deps = vec![Vec::new(); gold.len() + 1];
        for (d, &h) in gold.iter().enumerate() {
            deps[h as usize].push(d as u32);
        }
        deps
    }

    /// Following zero-cost moves rebuilds any projective tree exactly.
    #[test]
    fn the_oracle_rebuilds_projective_trees() {
        // "The senator said the bill would pass ." with root 8.
        let gold = vec![1, 2, 8, 4, 6, 6, 2, 2];
        let deps = dependents(&gold);
        let mut st = State::default();
        st.reset(gold.len());
        let mut steps = 0;
        while !st.done() {
            let m = Move::ALL
                .into_iter()
                .filter(|&m| st.legal(m))
                .min_by_key(|&m| st.cost(m, &gold, &deps))
                .expect("a legal move");
            assert_eq!(st.cost(m, &gold, &deps), 0, "{m:?} at {st:?}");
            st.apply(m);
            steps += 1;
            assert!(steps <= 2 * gold.len() + 1);
        }
        assert_eq!(&st.heads[..gold.len()], &gold[..]);
    }

    /// Any legal sequence ends with every token attached.
    #[test]
    fn every_legal_sequence_ends_with_a_tree() {
        for pick in 0..3 {
            let mut st = State::default();
            st.reset(6);
            while !st.done() {
                let legal: Vec<Move> = Move::ALL.into_iter().filter(|&m| st.legal(m)).collect();
                st.apply(legal[pick % legal.len()]);
            }
            assert!(st.heads[..6].iter().all(|&h| h != NO && h <= 6));
        }
    }
}
