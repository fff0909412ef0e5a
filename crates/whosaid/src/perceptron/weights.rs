//! Stored weights ([`SparseTable`]) and their runtime forms: quantized
//! dense slots for few classes, sparse rows for many.

use serde::{Deserialize, Serialize};

use crate::model::ModelError;

/// Stored weights: for each feature (sorted hashes), its nonzero class
/// weights.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct SparseTable {
    /// Feature hashes, sorted.
    #[serde(with = "super::le_arrays")]
    pub features: Vec<u64>,
    /// `offsets[i]..offsets[i + 1]` indexes `classes`/`weights` of feature `i`.
    #[serde(with = "super::le_arrays")]
    pub offsets: Vec<u32>,
    /// Class of each nonzero weight.
    #[serde(with = "super::le_arrays")]
    pub classes: Vec<u8>,
    /// The weights.
    #[serde(with = "super::le_arrays")]
    pub weights: Vec<f32>,
}

impl SparseTable {
    /// The (class, weight) pairs of feature `i`; none where the table is
    /// inconsistent (stored tables are checked by the runtime tables).
    fn row(&self, i: usize) -> impl Iterator<Item = (u8, f32)> + '_ {
        let a = self.offsets.get(i).copied().unwrap_or(0) as usize;
        let b = self.offsets.get(i + 1).copied().unwrap_or(0) as usize;
        let end = b.min(self.classes.len()).min(self.weights.len());
        (a.min(end)..end).map(move |k| (self.classes[k], self.weights[k]))
    }

    /// The table without weights of magnitude below `min_abs`, and without
    /// the features left with none: a smaller model (and a runtime table
    /// that stays in cache) for a small loss, measured by `whosaid train`.
    pub fn pruned(&self, min_abs: f32) -> SparseTable {
        let mut out = SparseTable {
            offsets: vec![0],
            ..SparseTable::default()
        };
        for (i, &f) in self.features.iter().enumerate() {
            let before = out.weights.len();
            for (c, w) in self.row(i) {
                if w.abs() >= min_abs {
                    out.classes.push(c);
                    out.weights.push(w);
                }
            }
            if out.weights.len() > before {
                out.features.push(f);
                out.offsets.push(out.weights.len() as u32);
            }
        }
        out
    }

    /// The mean of several tables over `n_classes` classes (a feature absent
    /// from a table counts as zero there).
    pub fn average(tables: &[SparseTable], n_classes: usize) -> SparseTable {
        let mut sums: std::collections::BTreeMap<u64, Vec<f32>> = std::collections::BTreeMap::new();
        for t in tables {
            for (i, &f) in t.features.iter().enumerate() {
                let row = sums.entry(f).or_insert_with(|| vec![0.0; n_classes]);
                for (c, w) in t.row(i) {
                    if let Some(x) = row.get_mut(usize::from(c)) {
                        *x += w;
                    }
                }
            }
        }
        let n = tables.len().max(1) as f32;
        let mut out = SparseTable {
            offsets: vec![0],
            ..SparseTable::default()
        };
        for (f, row) in sums {
            for (k, w) in row.into_iter().enumerate() {
                if w != 0.0 {
                    out.classes.push(k as u8);
                    out.weights.push(w / n);
                }
            }
            out.features.push(f);
            out.offsets.push(out.weights.len() as u32);
        }
        out
    }
}

/// Whether a stored table's offsets, classes and weights agree, with
/// classes below `n`.
fn consistent(table: &SparseTable, n: usize) -> bool {
    table.offsets.len() == table.features.len() + 1
        && table.classes.len() == table.weights.len()
        && table.offsets.last().copied().unwrap_or(0) as usize == table.weights.len()
        && table.offsets.windows(2).all(|w| w[0] <= w[1])
        && table.classes.iter().all(|&c| (c as usize) < n)
}

/// Where features go in an open-addressing table of a power-of-two size:
/// the home slot from a feature's high bits, the slot tag from its low 16
/// bits. Stored features are sorted, so their home slots ascend and
/// building a table walks it once in order instead of jumping at random
/// (building the tables was most of model loading).
#[derive(Debug, Clone, Copy)]
struct Layout {
    /// `64 - log2(capacity)`.
    shift: u32,
    /// `capacity - 1`.
    mask: usize,
}

impl Layout {
    /// Load factor between 1/4 and 1/2: most lookups are of features the
    /// model never kept, and an unsuccessful linear probe walks its whole
    /// cluster (~8 slots at 3/4, ~2.5 at 1/2: the parser runs 1.6× faster
    /// for twice the slots).
    fn for_features(n: usize) -> Layout {
        let capacity = (n.saturating_mul(2) + 1).next_power_of_two().max(16);
        Layout {
            shift: 64 - capacity.trailing_zeros(),
            mask: capacity - 1,
        }
    }

    fn capacity(self) -> usize {
        self.mask + 1
    }

    /// The first slot probed for `key`.
    #[inline]
    fn home(self, key: u64) -> usize {
        (key >> self.shift) as usize
    }

    /// The slot probed after `at`.
    #[inline]
    fn next(self, at: usize) -> usize {
        (at + 1) & self.mask
    }
}

/// The slot tag of a feature: its low 16 bits, never 0 (the home slot
/// comes from the high bits).
#[inline]
fn slot_tag(key: u64) -> u16 {
    (key as u16).max(1)
}

/// Asks for the slot of every feature before any is read, so the cache
/// misses of a token's features overlap instead of following each other.
#[inline]
fn prefetch_slots<T>(slots: &[T], layout: Layout, feats: &[u64]) {
    #[cfg(target_arch = "x86_64")]
    for &f in feats {
        if let Some(slot) = slots.get(layout.home(f)) {
            // SAFETY: prefetching is a hint and the reference is valid.
            unsafe {
                use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
                _mm_prefetch::<_MM_HINT_T0>((slot as *const T).cast());
            }
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = (slots, layout, feats);
}

/// A runtime weight table for few classes: open addressing with each
/// feature's tag and all its class weights in one 16-byte slot (for seven
/// classes), so scoring a feature costs one cache line. Weights are stored
/// as `i16` steps of one scale per table (at most 1/65,534 of the largest
/// weight off), keys as a 16-bit tag of their low bits; a feature absent
/// from the model matches another's tag with probability 2⁻¹⁶ per probe.
/// Tables a third the size of `(u64, [f32; N])` slots stay in the caches.
#[derive(Debug, Clone)]
pub struct DenseWeights<const N: usize> {
    layout: Layout,
    scale: f32,
    slots: Vec<DenseSlot<N>>,
}

#[derive(Debug, Clone, Copy)]
#[repr(C, align(2))]
struct DenseSlot<const N: usize> {
    /// 0 for an empty slot.
    tag: u16,
    weights: [i16; N],
}

/// The larger of `m` and `|w|`, as `m.max(w.abs())` (a NaN `w` leaves `m`)
/// but a compare and a select rather than `max`'s NaN checks: the largest
/// weight is read off every weight of a model as it loads.
fn larger_magnitude(m: f32, w: f32) -> f32 {
    let a = w.abs();
    if a > m {
        a
    } else {
        m
    }
}

/// `x` rounded half away from zero into ±32,767, as `f32::round` does
/// but without its libm call (a tenth of model loading).
fn quantize(x: f32) -> i16 {
    let x = x.clamp(-32767.0, 32767.0);
    // Exact: |x| < 2^23, so the integer part and the fraction are exact.
    let whole = x as i32;
    let fraction = x - whole as f32;
    // Compared into 0 or 1 rather than branched on: the fractions of a
    // model's weights are noise to a branch predictor.
    let rounded = whole + i32::from(fraction >= 0.5) - i32::from(fraction <= -0.5);
    rounded as i16
}

impl<const N: usize> DenseWeights<N> {
    /// Builds the table from validated sparse weights.
    pub fn new(table: &SparseTable) -> Result<Self, ModelError> {
        if !consistent(table, N) {
            return Err(ModelError::Decode("inconsistent weight table".into()));
        }
        let layout = Layout::for_features(table.features.len());
        let mut slots = vec![
            DenseSlot {
                tag: 0,
                weights: [0; N],
            };
            layout.capacity()
        ];
        // Sum the weights of each used slot first (features sharing a home
        // chain and a tag become one), then quantize. The sums are kept
        // for used slots only, at most one per feature: a sum per slot of
        // the whole table was most of the memory model loading touched.
        let mut row_of = vec![u32::MAX; layout.capacity()];
        // Each sum with its slot.
        let mut sums: Vec<(u32, [f32; N])> = Vec::with_capacity(table.features.len());
        for (i, &f) in table.features.iter().enumerate() {
            let tag = slot_tag(f);
            let mut at = layout.home(f);
            while slots[at].tag != 0 && slots[at].tag != tag {
                at = layout.next(at);
            }
            slots[at].tag = tag;
            if row_of[at] == u32::MAX {
                let too_large = |_| ModelError::Decode("weight table too large".into());
                row_of[at] = u32::try_from(sums.len()).map_err(too_large)?;
                sums.push((u32::try_from(at).map_err(too_large)?, [0.0; N]));
            }
            let (_, sum) = &mut sums[row_of[at] as usize];
            for (c, w) in table.row(i) {
                sum[usize::from(c)] += w;
            }
        }
        let largest = sums
            .iter()
            .flat_map(|(_, w)| w.iter())
            .fold(0.0f32, |m, w| larger_magnitude(m, *w));
        let scale = if largest > 0.0 && largest.is_finite() {
            largest / f32::from(i16::MAX)
        } else {
            1.0
        };
        // Only the used slots (a zero quantizes to zero: every class is
        // written, without a branch on which are zero).
        for (at, sum) in &sums {
            let weights = &mut slots[*at as usize].weights;
            for (q, &x) in weights.iter_mut().zip(sum) {
                *q = quantize(x / scale);
            }
        }
        Ok(DenseWeights {
            layout,
            scale,
            slots,
        })
    }

    /// Adds the weights of `feats` to `scores`.
    pub fn add_scores(&self, feats: &[u64], scores: &mut [f32; N]) {
        self.prefetch(feats);
        self.add_scores_now(feats, scores);
    }

    /// Asks for the slots of `feats` ahead of [`DenseWeights::add_scores_now`]
    /// on them, so that scoring a sequence can overlap the cache misses of
    /// later tokens with the work on earlier ones.
    pub fn prefetch(&self, feats: &[u64]) {
        prefetch_slots(&self.slots, self.layout, feats);
    }

    /// [`DenseWeights::add_scores`] without prefetching.
    pub fn add_scores_now(&self, feats: &[u64], scores: &mut [f32; N]) {
        self.add_scores_from(&[0; N], feats, scores);
    }

    /// Each class's sum of the quantized weights of `feats`, for
    /// [`DenseWeights::add_scores_with`].
    pub fn sums(&self, feats: &[u64]) -> [i32; N] {
        let mut sums = [0; N];
        self.add_sums(feats, &mut sums);
        sums
    }

    /// [`DenseWeights::add_scores`] of `feats` and the features whose
    /// [`DenseWeights::sums`] are `base`: the quantized weights are summed
    /// as integers before scaling, so the scores are those of all the
    /// features at once, bit for bit.
    pub fn add_scores_with(&self, base: &[i32; N], feats: &[u64], scores: &mut [f32; N]) {
        self.prefetch(feats);
        self.add_scores_from(base, feats, scores);
    }

    fn add_scores_from(&self, base: &[i32; N], feats: &[u64], scores: &mut [f32; N]) {
        let mut sums = *base;
        self.add_sums(feats, &mut sums);
        for (s, sum) in scores.iter_mut().zip(sums) {
            *s += sum as f32 * self.scale;
        }
    }

    fn add_sums(&self, feats: &[u64], sums: &mut [i32; N]) {
        for &f in feats {
            let tag = slot_tag(f);
            let mut at = self.layout.home(f);
            while let Some(slot) = self.slots.get(at) {
                if slot.tag == tag {
                    for (s, &w) in sums.iter_mut().zip(&slot.weights) {
                        *s += i32::from(w);
                    }
                    break;
                }
                if slot.tag == 0 {
                    break;
                }
                at = self.layout.next(at);
            }
        }
    }
}

/// A runtime weight table for many classes with few nonzero weights per
/// feature (the part-of-speech tagger: 48 tags, ~2.3 weights a feature):
/// open addressing over 16-byte slots (16-bit tag as in [`DenseWeights`],
/// the first two `(class, i16 weight)` entries inline, the rest in one
/// packed array). Most features cost one cache line, none more than two.
#[derive(Debug, Clone)]
pub struct SparseWeights<const N: usize> {
    layout: Layout,
    scale: f32,
    slots: Vec<SparseSlot>,
    /// Entries past the first two of each feature.
    overflow: Vec<(u16, i16)>,
}

/// Entries kept in the slot itself.
const INLINE: usize = 2;

#[derive(Debug, Clone, Copy, Default)]
struct SparseSlot {
    /// 0 for an empty slot.
    tag: u16,
    /// Entries in all.
    len: u16,
    /// First overflow entry.
    start: u32,
    inline: [(u16, i16); INLINE],
}

impl<const N: usize> SparseWeights<N> {
    /// Builds the table from sparse weights; classes must be below `N`.
    pub fn new(table: &SparseTable) -> Result<Self, ModelError> {
        if !consistent(table, N) || N > usize::from(u16::MAX) {
            return Err(ModelError::Decode("inconsistent weight table".into()));
        }
        let layout = Layout::for_features(table.features.len());
        let mut slots = vec![SparseSlot::default(); layout.capacity()];
        // Each weight with its slot, in the order features are placed
        // (features sharing a home chain and a tag share a slot).
        let mut entries: Vec<(u32, u16, f32)> = Vec::with_capacity(table.weights.len());
        for (i, &f) in table.features.iter().enumerate() {
            let tag = slot_tag(f);
            let mut at = layout.home(f);
            while slots[at].tag != 0 && slots[at].tag != tag {
                at = layout.next(at);
            }
            slots[at].tag = tag;
            let at = u32::try_from(at)
                .map_err(|_| ModelError::Decode("weight table too large".into()))?;
            entries.extend(table.row(i).map(|(c, w)| (at, u16::from(c), w)));
        }
        // Stable, and nearly sorted already: a slot keeps its features'
        // order. Then one entry per class of each slot.
        entries.sort_by_key(|e| e.0);
        let mut rows: Vec<(u32, u16, f32)> = Vec::with_capacity(entries.len());
        let mut row_start = 0;
        for e in entries {
            if rows.last().is_none_or(|r| r.0 != e.0) {
                row_start = rows.len();
            }
            match rows[row_start..].iter_mut().find(|r| r.1 == e.1) {
                Some(r) => r.2 += e.2,
                None => rows.push(e),
            }
        }
        let largest = rows.iter().fold(0.0f32, |m, r| larger_magnitude(m, r.2));
        let scale = if largest > 0.0 && largest.is_finite() {
            largest / f32::from(i16::MAX)
        } else {
            1.0
        };
        let mut overflow = Vec::new();
        for row in rows.chunk_by(|a, b| a.0 == b.0) {
            let slot = &mut slots[row[0].0 as usize];
            slot.len = row.len() as u16;
            slot.start = u32::try_from(overflow.len())
                .map_err(|_| ModelError::Decode("weight table too large".into()))?;
            for (k, &(_, c, w)) in row.iter().enumerate() {
                let entry = (c, quantize(w / scale));
                match slot.inline.get_mut(k) {
                    Some(x) => *x = entry,
                    None => overflow.push(entry),
                }
            }
        }
        Ok(SparseWeights {
            layout,
            scale,
            slots,
            overflow,
        })
    }

    /// Adds the weights of `feats` to `scores`.
    pub fn add_scores(&self, feats: &[u64], scores: &mut [f32; N]) {
        let sums = self.sums(feats);
        for (s, sum) in scores.iter_mut().zip(sums) {
            *s += sum as f32 * self.scale;
        }
    }

    /// The class among the first `n` that `feats` score highest (the first
    /// on ties), as [`argmax`] of [`SparseWeights::add_scores`] from zero
    /// would pick, without scaling every class: the scale is positive, and
    /// sums of at most 64 `i16` weights (below 2²¹) scale to distinct `f32`s
    /// in the same order.
    pub fn best_class(&self, feats: &[u64], n: usize) -> usize {
        debug_assert!(feats.len() <= 64);
        first_of_max(&self.sums(feats), n)
    }

    /// [`SparseWeights::best_class`] of `feats` and the features whose sums
    /// are `base` (precomputed with [`SparseWeights::sums`]): integer sums
    /// add up the same in any order, so the class is the same.
    pub fn best_class_with(&self, base: &[i32; N], feats: &[u64], n: usize) -> usize {
        let mut sums = self.sums(feats);
        for (s, b) in sums.iter_mut().zip(base) {
            *s += b;
        }
        first_of_max(&sums, n)
    }

    /// Each class's sum of the quantized weights of `feats`.
    pub fn sums(&self, feats: &[u64]) -> [i32; N] {
        prefetch_slots(&self.slots, self.layout, feats);
        let mut sums = [0i32; N];
        let mut add = |&(c, w): &(u16, i16)| {
            if let Some(s) = sums.get_mut(usize::from(c)) {
                *s += i32::from(w);
            }
        };
        for &f in feats {
            let tag = slot_tag(f);
            let mut at = self.layout.home(f);
            while let Some(slot) = self.slots.get(at) {
                if slot.tag == tag {
                    let len = usize::from(slot.len);
                    slot.inline[..len.min(INLINE)].iter().for_each(&mut add);
                    if len > INLINE {
                        let start = slot.start as usize;
                        let rest = self.overflow.get(start..start + len - INLINE);
                        rest.unwrap_or_default().iter().for_each(&mut add);
                    }
                    break;
                }
                if slot.tag == 0 {
                    break;
                }
                at = self.layout.next(at);
            }
        }
        sums
    }
}

/// The first of the first `n` sums that is the largest: the largest found
/// first (a reduction that vectorizes), then its place, so that no chain of
/// dependent loads runs through the best so far.
fn first_of_max<const N: usize>(sums: &[i32; N], n: usize) -> usize {
    let sums = &sums[..n.min(N)];
    let top = sums.iter().copied().fold(i32::MIN, i32::max);
    sums.iter().position(|&s| s == top).unwrap_or(0)
}

/// Index of the highest score (the first on ties).
pub fn argmax(scores: &[f32]) -> usize {
    let mut best = 0;
    for (k, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = k;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn larger_magnitude_is_max_of_abs() {
        let values = [
            0.0f32,
            -0.0,
            1.5,
            -2.5,
            f32::NAN,
            f32::INFINITY,
            -f32::INFINITY,
            1e-30,
        ];
        for m in [0.0f32, 1.0, 3.0, f32::INFINITY] {
            for w in values {
                assert_eq!(larger_magnitude(m, w), m.max(w.abs()), "{m} {w}");
            }
        }
    }

    #[test]
    fn quantizing_rounds_like_f32_round() {
        for x in [
            0.0f32,
            0.4999,
            0.5,
            -0.5,
            1.5,
            -1.5,
            2.5,
            0.499_999_97,
            -7.7,
            32766.6,
            40000.0,
            -40000.0,
            f32::NAN,
            f32::INFINITY,
            f32::NEG_INFINITY,
        ] {
            assert_eq!(
                quantize(x),
                x.round().clamp(-32767.0, 32767.0) as i16,
                "{x}"
            );
        }
    }
}
