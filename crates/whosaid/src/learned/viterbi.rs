//! Decoding a paragraph's labels: Viterbi under the label scheme's
//! constraints, at inference and in training (the same paths either way).

use super::{allowed, may_end, N};

/// Viterbi decoding under BIO constraints; `emit(i, scores)` fills the
/// emission scores of position `i`.
///
/// The forward pass keeps each position's best scores, not which previous
/// label gave them: a maximum over all labels at once is a few vector
/// instructions, while tracking the winner beside it went lane by lane.
/// The way back recomputes, for the one label chosen at each position, the
/// same sums in the same order, so it finds the same previous label (the
/// first of the best, as a strict `>` in increasing order gives).
pub(super) fn viterbi(
    len: usize,
    start: &[f32; N],
    trans: &[[f32; N]; N],
    mut emit: impl FnMut(usize, &mut [f32; N]),
) -> Vec<usize> {
    if len == 0 {
        return Vec::new();
    }
    // Forbidden transitions score -inf: no branch in the inner loop, which
    // runs over all labels at once. Rows are padded to `LANES` so that
    // loop compiles to vector maxima; the pad lane is never read back.
    const LANES: usize = 8;
    let mut masked = [[f32::NEG_INFINITY; LANES]; N];
    for (p, row) in masked.iter_mut().enumerate() {
        for (y, t) in row.iter_mut().enumerate().take(N) {
            if allowed(Some(p), y) {
                *t = trans[p][y];
            }
        }
    }
    let mut scores = vec![[f32::NEG_INFINITY; N]; len];
    let mut e = [0.0f32; N];
    emit(0, &mut e);
    for y in 0..N {
        if allowed(None, y) {
            scores[0][y] = start[y] + e[y];
        }
    }
    for i in 1..len {
        emit(i, &mut e);
        let prev = scores[i - 1];
        let mut best = [f32::NEG_INFINITY; LANES];
        for (&from, row) in prev.iter().zip(&masked) {
            for y in 0..LANES {
                let s = from + row[y];
                best[y] = if s > best[y] { s } else { best[y] };
            }
        }
        for y in 0..N {
            scores[i][y] = best[y] + e[y];
        }
    }
    let last = scores[len - 1];
    let mut y = (0..N)
        .filter(|&k| may_end(k))
        .fold(0, |b, k| if last[k] > last[b] { k } else { b });
    let mut out = vec![0; len];
    for i in (0..len).rev() {
        out[i] = y;
        if i > 0 {
            // The previous label the forward pass's maximum came from.
            let (mut from, mut top) = (0, f32::NEG_INFINITY);
            for (p, (&score, row)) in scores[i - 1].iter().zip(&masked).enumerate() {
                let s = score + row[y];
                if s > top {
                    (from, top) = (p, s);
                }
            }
            y = from;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn viterbi_respects_bio() {
        // Emissions favor I-C at the start, which is not allowed, and at
        // the end, where a content closes with L-C.
        let path = viterbi(3, &[0.0; N], &[[0.0; N]; N], |i, e| {
            *e = [0.0; N];
            e[6] = 5.0;
            if i == 0 {
                e[5] = 1.0;
            }
        });
        assert_eq!(path, [5, 6, 7]);
    }

    proptest::proptest! {
        /// The decoded path is an allowed one of the best score: checked
        /// against every path of up to four tokens.
        #[test]
        fn viterbi_finds_the_best_allowed_path(
            start in proptest::array::uniform8(-3.0f32..3.0),
            trans in proptest::array::uniform8(proptest::array::uniform8(-3.0f32..3.0)),
            emissions in proptest::collection::vec(proptest::array::uniform8(-3.0f32..3.0), 1..5),
        ) {
            let len = emissions.len();
            let path = viterbi(len, &start, &trans, |i, e| *e = emissions[i]);
            let score = |p: &[usize]| -> Option<f32> {
                let mut s = start[p[0]] + emissions[0][p[0]];
                allowed(None, p[0]).then_some(())?;
                for i in 1..p.len() {
                    allowed(Some(p[i - 1]), p[i]).then_some(())?;
                    s += trans[p[i - 1]][p[i]] + emissions[i][p[i]];
                }
                may_end(p[p.len() - 1]).then_some(s)
            };
            let mut best = f32::NEG_INFINITY;
            for code in 0..N.pow(len as u32) {
                let p: Vec<usize> = (0..len).map(|i| code / N.pow(i as u32) % N).collect();
                if let Some(s) = score(&p) {
                    best = best.max(s);
                }
            }
            let found = score(&path);
            proptest::prop_assert!(found.is_some(), "{path:?} is not allowed");
            proptest::prop_assert!((found.unwrap_or(f32::NAN) - best).abs() < 1e-4, "{found:?} < {best}");
        }
    }

    /// Viterbi with a back pointer per position and label, the first best
    /// previous label winning: the decoder before it recomputed the way
    /// back instead. Kept here to hold the two to the same paths.
    fn viterbi_with_back_pointers(
        start: &[f32; N],
        trans: &[[f32; N]; N],
        emissions: &[[f32; N]],
    ) -> Vec<usize> {
        let len = emissions.len();
        let t = |p: usize, y: usize| {
            if allowed(Some(p), y) {
                trans[p][y]
            } else {
                f32::NEG_INFINITY
            }
        };
        let mut score = [f32::NEG_INFINITY; N];
        for y in 0..N {
            if allowed(None, y) {
                score[y] = start[y] + emissions[0][y];
            }
        }
        let mut back = vec![[0usize; N]; len];
        for i in 1..len {
            let mut next = [f32::NEG_INFINITY; N];
            for y in 0..N {
                let mut best = f32::NEG_INFINITY;
                for (p, &from) in score.iter().enumerate() {
                    let s = from + t(p, y);
                    if s > best {
                        best = s;
                        back[i][y] = p;
                    }
                }
                next[y] = best + emissions[i][y];
            }
            score = next;
        }
        let mut y = (0..N)
            .filter(|&k| may_end(k))
            .fold(0, |b, k| if score[k] > score[b] { k } else { b });
        let mut out = vec![0; len];
        for i in (0..len).rev() {
            out[i] = y;
            y = back[i][y];
        }
        out
    }

    proptest::proptest! {
        /// Ties broken as with back pointers: scores of a few whole values
        /// tie often, and the decoder must pick the same path (the shipped
        /// model's output depends on it).
        #[test]
        fn viterbi_breaks_ties_as_back_pointers_do(
            start in proptest::array::uniform8(-1i8..=1),
            trans in proptest::array::uniform8(proptest::array::uniform8(-1i8..=1)),
            emissions in proptest::collection::vec(proptest::array::uniform8(-1i8..=1), 1..12),
        ) {
            let start = start.map(f32::from);
            let trans = trans.map(|row| row.map(f32::from));
            let emissions: Vec<[f32; N]> = emissions.iter().map(|e| e.map(f32::from)).collect();
            let path = viterbi(emissions.len(), &start, &trans, |i, e| *e = emissions[i]);
            proptest::prop_assert_eq!(path, viterbi_with_back_pointers(&start, &trans, &emissions));
        }
    }
}
