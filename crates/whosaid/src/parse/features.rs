//! Features of a parser configuration and of an arc, as hashed
//! [`feat`](crate::perceptron::feat) combinations of the words' and tags'
//! [`sym`](crate::perceptron::sym)s (Zhang & Nivre 2011, reduced).

use super::state::{State, NO};
use crate::perceptron::{feat, sym, NONE};

/// What the features read of one token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TokenSyms {
    /// The normalized word.
    pub word: u64,
    /// The part-of-speech tag.
    pub tag: u64,
    /// The word's last three characters (for words the model has not
    /// seen).
    pub suffix: u64,
}

/// The root token's and a missing token's parts.
const ROOT: TokenSyms = TokenSyms {
    word: sym("<root>"),
    tag: sym("<ROOT>"),
    suffix: sym("<root>"),
};
const MISSING: TokenSyms = TokenSyms {
    word: NONE,
    tag: sym("<none>"),
    suffix: NONE,
};

#[inline]
fn at(tokens: &[TokenSyms], i: u32) -> TokenSyms {
    if i == NO {
        MISSING
    } else {
        tokens.get(i as usize).copied().unwrap_or(ROOT)
    }
}

/// Three parts in one.
#[inline]
fn tri(a: u64, b: u64, c: u64) -> u64 {
    feat(250, feat(251, a, b), c)
}

/// Distance between two tokens, bucketed (1, 2, 3, 4, 5–9, 10+).
#[inline]
fn distance(a: u32, b: u32) -> u64 {
    if a == NO || b == NO {
        return 0;
    }
    match a.abs_diff(b) {
        d @ 0..=4 => u64::from(d),
        5..=9 => 5,
        _ => 6,
    }
}

/// The leftmost dependent of token `i`'s leftmost dependent.
#[inline]
fn leftmost_of_leftmost(leftmost: &[u32], i: u32) -> u32 {
    match leftmost.get(i as usize) {
        Some(&l) if l != NO => leftmost[l as usize],
        _ => NO,
    }
}

/// The token `delta` places from `i` in the sentence ([`NO`] past its
/// start, the root past its end).
#[inline]
fn near(i: u32, delta: i64) -> u32 {
    if i == NO {
        return NO;
    }
    u32::try_from(i64::from(i) + delta).unwrap_or(NO)
}

/// The transition features of a configuration, into `out` (cleared).
pub fn transition_features(st: &State, tokens: &[TokenSyms], out: &mut Vec<u64>) {
    out.clear();
    let (s0i, s1i, s2i) = (st.s(0), st.s(1), st.s(2));
    let (b0i, b1i, b2i) = (st.b(0), st.b(1), st.b(2));
    let (s0, s1, s2) = (at(tokens, s0i), at(tokens, s1i), at(tokens, s2i));
    let (b0, b1, b2) = (at(tokens, b0i), at(tokens, b1i), at(tokens, b2i));
    let child = |v: &[u32], i: u32| if i == NO { NO } else { v[i as usize] };
    let s0l = at(tokens, child(&st.leftmost, s0i));
    let s0r = at(tokens, child(&st.rightmost, s0i));
    let s1r = at(tokens, child(&st.rightmost, s1i));
    let b0l = at(tokens, child(&st.leftmost, b0i));
    let count = |v: &[u8], i: u32| if i == NO { 0 } else { u64::from(v[i as usize]) };
    let dist = distance(s0i, b0i);
    out.extend([
        feat(0, NONE, NONE),
        feat(1, s0.word, NONE),
        feat(2, s0.tag, NONE),
        feat(3, s0.word, s0.tag),
        feat(4, s1.word, NONE),
        feat(5, s1.tag, NONE),
        feat(6, s1.word, s1.tag),
        feat(7, b0.word, NONE),
        feat(8, b0.tag, NONE),
        feat(9, b0.word, b0.tag),
        feat(10, b1.word, NONE),
        feat(11, b1.tag, NONE),
        feat(12, b2.tag, NONE),
        feat(13, s0.tag, b0.tag),
        feat(14, s0.word, b0.word),
        feat(15, s0.tag, s1.tag),
        feat(16, s0.word, s1.word),
        feat(17, tri(s1.tag, s0.tag, b0.tag), NONE),
        feat(18, tri(s0.tag, b0.tag, b1.tag), NONE),
        feat(19, tri(b0.tag, b1.tag, b2.tag), NONE),
        feat(20, tri(s2.tag, s1.tag, s0.tag), NONE),
        feat(21, tri(s0.tag, s0l.tag, s0r.tag), NONE),
        feat(22, s0.tag, s0r.tag),
        feat(23, b0.tag, b0l.tag),
        feat(24, s1.tag, s1r.tag),
        feat(25, tri(s0.tag, b0.tag, dist), NONE),
        feat(26, s0.word, dist),
        feat(27, b0.word, dist),
        feat(28, s0.tag, count(&st.right_count, s0i)),
        feat(29, b0.tag, count(&st.left_count, b0i)),
        feat(30, s0.word, b0.tag),
        feat(31, s0.tag, b0.word),
        feat(32, tri(s1.tag, s0.tag, s0r.tag), NONE),
        feat(33, tri(s1.word, s0.tag, b0.tag), NONE),
        feat(34, s0.tag, count(&st.left_count, s0i)),
        feat(35, s0l.word, s0.tag),
        feat(36, s0r.word, s0.tag),
        feat(37, b0l.word, b0.tag),
        feat(38, tri(b0.word, b0.tag, b1.tag), NONE),
        feat(39, tri(s0.word, s0.tag, b0.tag), NONE),
        feat(40, tri(s0.tag, b0.word, b0.tag), NONE),
        feat(41, tri(s0.word, b0.word, b0.tag), NONE),
        feat(42, tri(s0.word, s0.tag, b0.word), NONE),
        feat(43, b0.word, b1.word),
        feat(44, tri(s0.tag, b0.tag, b0l.tag), NONE),
        feat(45, tri(s1.tag, s1r.tag, s0.tag), NONE),
        feat(46, s2.tag, s0.tag),
        feat(47, b0.suffix, b0.tag),
        feat(48, s0.suffix, s0.tag),
        feat(
            49,
            tri(
                s0.tag,
                at(tokens, leftmost_of_leftmost(&st.leftmost, s0i)).tag,
                s0l.tag,
            ),
            NONE,
        ),
        feat(50, tri(b0.tag, at(tokens, near(b0i, -1)).tag, s0.tag), NONE),
        feat(51, tri(s0.tag, at(tokens, near(s0i, 1)).tag, b0.tag), NONE),
        // Prepositions hang under their noun ("case"): the noun's leftmost
        // dependent decides where the noun attaches.
        feat(52, s0.word, b0l.word),
        feat(53, tri(s0.tag, b0l.word, b0.word), NONE),
        feat(54, tri(s1.tag, s0.tag, b0l.word), NONE),
        feat(55, s0l.word, s1.word),
        feat(56, tri(s0l.word, s0.word, s1.tag), NONE),
        feat(57, tri(s0l.word, s0.tag, s1.word), NONE),
    ]);
}

/// The features of labeling the arc `head → dep`, into `out` (cleared).
pub fn label_features(tokens: &[TokenSyms], head: u32, dep: u32, out: &mut Vec<u64>) {
    out.clear();
    let h = at(tokens, head);
    let d = at(tokens, dep);
    let side = u64::from(dep < head);
    let before = at(tokens, dep.checked_sub(1).unwrap_or(NO));
    let after = at(tokens, dep.saturating_add(1).min(tokens.len() as u32));
    out.extend([
        feat(100, NONE, NONE),
        feat(101, d.word, side),
        feat(102, d.tag, side),
        feat(103, h.tag, side),
        feat(104, tri(h.tag, d.tag, side), NONE),
        feat(105, tri(h.word, d.tag, side), NONE),
        feat(106, tri(h.tag, d.word, side), NONE),
        feat(107, tri(h.tag, d.tag, distance(head, dep)), NONE),
        feat(108, d.tag, before.tag),
        feat(109, d.tag, after.tag),
        feat(110, h.word, d.word),
    ]);
}
