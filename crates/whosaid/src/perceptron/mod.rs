//! The averaged perceptron shared by the learned models: hashed features
//! (this module), a sparse stored weight table and its runtime forms
//! (`weights`: open-addressing tables), and a trainer with lazy averaging
//! (`train`).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

pub(crate) mod le_arrays;
mod train;
mod weights;

pub use train::{train_greedy, Rng, Trainer};
pub use weights::{argmax, DenseWeights, SparseTable, SparseWeights};

/// A hasher for keys that already are hashes.
#[derive(Default)]
pub(crate) struct IdentityHasher(u64);

impl Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

pub(crate) type FeatureMap<V> = HashMap<u64, V, BuildHasherDefault<IdentityHasher>>;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

const fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
    let mut i = 0;
    while i < bytes.len() {
        h ^= bytes[i] as u64;
        h = h.wrapping_mul(FNV_PRIME);
        i += 1;
    }
    h
}

/// The id of a feature part: FNV-1a of the string, stable across builds
/// and platforms (model files stay valid). `const`, so fixed parts ("open",
/// "B-S") are hashed at compile time, and words once per token.
pub const fn sym(s: &str) -> u64 {
    fnv(FNV_OFFSET, s.as_bytes())
}

/// [`sym`] of the string whose bytes are `bytes` (transformed on the way,
/// say lowercased, without building the string).
#[inline]
pub fn sym_of_bytes(bytes: impl IntoIterator<Item = u8>) -> u64 {
    bytes.into_iter().fold(FNV_OFFSET, |h, b| fnv(h, &[b]))
}

/// [`sym`] of each of `names`, at compile time in a `const`.
pub const fn syms<const K: usize>(names: [&str; K]) -> [u64; K] {
    let mut out = [0; K];
    let mut k = 0;
    while k < K {
        out[k] = sym(names[k]);
        k += 1;
    }
    out
}

/// The part standing for "nothing" in one-part features.
pub const NONE: u64 = sym("");

/// The feature of `template` over two parts, each a [`sym`]: a few
/// multiplications instead of hashing strings, since each token's words,
/// shapes and affixes are hashed once and then combined into its features.
#[inline]
pub fn feat(template: u8, a: u64, b: u64) -> u64 {
    const SEED: u64 = 0x9e37_79b9_7f4a_7c15;
    const M1: u64 = 0xff51_afd7_ed55_8ccd;
    const M2: u64 = 0xc4ce_b9fe_1a85_ec53;
    let h = (a ^ SEED.wrapping_mul(u64::from(template) + 1)).wrapping_mul(M1);
    let h = (h.rotate_left(27) ^ b).wrapping_mul(M2);
    h ^ (h >> 31)
}

/// The parts of a token that the taggers' features read, each a [`sym`],
/// computed once per token and shared by the part-of-speech, attribution
/// and entity taggers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordSyms {
    /// The [`normalize`](crate::pos::normalize)d word.
    pub word: u64,
    /// The form as written.
    pub form: u64,
    /// The form's shape ([`shape_into`]).
    pub shape: u64,
    /// The shape the part-of-speech tagger reads: classes of the whole
    /// form, cut after the seventh byte.
    pub long_shape: u64,
    /// First char of the word.
    pub prefix1: u64,
    /// First three chars of the word.
    pub prefix3: u64,
    /// Last two chars of the word.
    pub suffix2: u64,
    /// Last three chars of the word.
    pub suffix3: u64,
}

impl WordSyms {
    /// The parts of a token written `form`, whose normalized word is `word`.
    pub fn new(form: &str, word: &str) -> Self {
        let first = |n: usize| word.char_indices().nth(n).map_or(word.len(), |(i, _)| i);
        let last = |n: usize| word.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i);
        WordSyms {
            word: sym(word),
            form: sym(form),
            shape: shape_sym(form),
            long_shape: long_shape_sym(form),
            prefix1: sym(&word[..first(1)]),
            prefix3: sym(&word[..first(3)]),
            suffix2: sym(&word[last(2)..]),
            suffix3: sym(&word[last(3)..]),
        }
    }

    /// [`WordSyms::new`] of a form whose word is its lowercase, in one pass
    /// over the bytes when it is ASCII (most tokens), copying nothing: the
    /// same values (a test holds the two equal), at a third of the cost.
    pub(crate) fn of_lowercase(form: &str) -> Self {
        if !form.is_ascii() {
            return Self::new(form, &form.to_lowercase());
        }
        let bytes = form.as_bytes();
        let lower = |b: &u8| b.to_ascii_lowercase();
        // The word's hash passes through those of its prefixes (FNV-1a has
        // no finalization).
        let (mut word, mut prefix1, mut prefix3) = (FNV_OFFSET, FNV_OFFSET, FNV_OFFSET);
        for (k, b) in bytes.iter().map(lower).enumerate() {
            word = fnv(word, &[b]);
            if k == 0 {
                prefix1 = word;
            }
            if k < 3 {
                prefix3 = word;
            }
        }
        let suffix =
            |n: usize| sym_of_bytes(bytes[bytes.len().saturating_sub(n)..].iter().map(lower));
        // Both shapes: classes of runs, the short one over the first 8
        // bytes, the long one until its 7th class byte.
        let (mut shape, mut long_shape) = (FNV_OFFSET, FNV_OFFSET);
        let (mut last, mut long_len) = (0u8, 0);
        for (k, &b) in bytes.iter().enumerate() {
            if k >= 8 && long_len > 6 {
                break;
            }
            let class = match b {
                b'A'..=b'Z' => b'X',
                b'a'..=b'z' => b'x',
                b'0'..=b'9' => b'd',
                _ => b,
            };
            if class == last {
                continue;
            }
            last = class;
            if k < 8 {
                shape = fnv(shape, &[class]);
            }
            if long_len <= 6 {
                long_shape = fnv(long_shape, &[class]);
                long_len += 1;
            }
        }
        // A form with no capital is its own lowercase: its hash is the
        // word's (most tokens), with no second pass over its bytes.
        let form = if bytes.iter().any(u8::is_ascii_uppercase) {
            sym(form)
        } else {
            word
        };
        WordSyms {
            word,
            form,
            shape,
            long_shape,
            prefix1,
            prefix3,
            suffix2: suffix(2),
            suffix3: suffix(3),
        }
    }

    /// A boundary marker (`<s>`): every part is the marker.
    pub const fn boundary(marker: &str) -> Self {
        let h = sym(marker);
        WordSyms {
            word: h,
            form: h,
            shape: h,
            long_shape: h,
            prefix1: h,
            prefix3: h,
            suffix2: h,
            suffix3: h,
        }
    }
}

/// Before the first token of a sentence, for window features.
pub const SENTENCE_START: WordSyms = WordSyms::boundary("<s>");
/// After the last token of a sentence, for window features.
pub const SENTENCE_END: WordSyms = WordSyms::boundary("</s>");

/// The token `k` places from `i` in a sentence, or a boundary marker.
#[inline]
pub fn window_syms(items: &[WordSyms], i: usize, k: isize) -> &WordSyms {
    match i.checked_add_signed(k) {
        None => &SENTENCE_START,
        Some(j) => items.get(j).unwrap_or(&SENTENCE_END),
    }
}

/// [`sym`] of the form's shape over all its chars, stopping once the shape
/// is longer than six bytes (`Xxxx` → `Xx`, `U.S.` → `X.X.`, `3.2` → `d.d`).
fn long_shape_sym(form: &str) -> u64 {
    let mut h = FNV_OFFSET;
    let mut last = None;
    let mut len = 0;
    for c in form.chars() {
        let s = shape_class(c);
        if last != Some(s) {
            let mut buf = [0u8; 4];
            let bytes = s.encode_utf8(&mut buf).as_bytes();
            h = fnv(h, bytes);
            len += bytes.len();
            last = Some(s);
        }
        if len > 6 {
            break;
        }
    }
    h
}

/// [`sym`] of the form's [`shape_into`], without building the string.
fn shape_sym(form: &str) -> u64 {
    let mut h = FNV_OFFSET;
    let mut last = None;
    for c in form.chars().take(8) {
        let s = shape_class(c);
        if last != Some(s) {
            let mut buf = [0u8; 4];
            h = fnv(h, s.encode_utf8(&mut buf).as_bytes());
            last = Some(s);
        }
    }
    h
}

/// The shape class of a char for word-shape features: `X`, `x`, `d`, or
/// the char itself.
pub fn shape_class(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else {
        c
    }
}

/// A compressed word shape of the first 8 chars (`Xx`, `d.d`), written
/// into `out`.
pub fn shape_into(form: &str, out: &mut String) {
    out.clear();
    for c in form.chars().take(8) {
        let s = shape_class(c);
        if !out.ends_with(s) {
            out.push(s);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`feat`] over strings.
    fn feature(template: u8, a: &str, b: &str) -> u64 {
        feat(template, sym(a), sym(b))
    }

    #[test]
    fn averaged_weights_favor_the_trained_class() {
        let mut t = Trainer::new(2);
        let f = [feature(1, "said", "")];
        for _ in 0..3 {
            t.tick();
            t.update(&f, 1, 1.0);
            t.update(&f, 0, -1.0);
        }
        let w = DenseWeights::<2>::new(&t.finish(1e-3)).unwrap();
        let mut s = [0.0; 2];
        w.add_scores(&f, &mut s);
        assert_eq!(argmax(&s), 1);
    }

    /// A table of `(feature, [(class, weight)])` rows.
    fn table(rows: &[(u64, &[(u8, f32)])]) -> SparseTable {
        let mut t = SparseTable {
            offsets: vec![0],
            ..SparseTable::default()
        };
        for (f, row) in rows {
            t.features.push(*f);
            for &(c, w) in *row {
                t.classes.push(c);
                t.weights.push(w);
            }
            t.offsets.push(t.weights.len() as u32);
        }
        t
    }

    #[test]
    fn lowercase_word_syms_equal_the_general_ones() {
        let text = include_str!("../../../../examples/nato-rutte.txt");
        let forms = text
            .split(|c: char| c.is_whitespace())
            .chain([
                "",
                "a",
                "Ab",
                "abc",
                "U.S.",
                "McDonald's",
                "1990s",
                "A-1b2C3d4E5f",
            ])
            .chain([
                "SHOUTING",
                "x.y.z.w.v.u.t",
                "--",
                "9/11",
                "Hello-World123!!",
            ])
            .chain(["Łódź’s", "ÉTÉ"]);
        for form in forms {
            let word = form.to_lowercase();
            assert_eq!(
                WordSyms::of_lowercase(form),
                WordSyms::new(form, &word),
                "{form:?}"
            );
        }
    }

    #[test]
    fn quantized_tables_score_like_the_stored_weights() {
        let a = feature(1, "said", "");
        let b = feature(2, "told", "");
        let absent = feature(3, "never", "stored");
        let t = table(&[(a, &[(0, 12.5), (3, -4.0)]), (b, &[(3, 0.25), (5, 100.0)])]);
        let exact = [12.5, 0.0, 0.0, -3.75, 0.0, 100.0, 0.0];
        let step = 100.0 / 32767.0;
        let mut dense = [0.0; 7];
        DenseWeights::<7>::new(&t)
            .unwrap()
            .add_scores(&[a, b, absent], &mut dense);
        let mut sparse = [0.0; 48];
        SparseWeights::<48>::new(&t)
            .unwrap()
            .add_scores(&[a, absent, b], &mut sparse);
        for (k, want) in exact.iter().enumerate() {
            assert!((dense[k] - want).abs() <= 2.0 * step, "{k}: {dense:?}");
            assert!((sparse[k] - want).abs() <= 2.0 * step, "{k}: {sparse:?}");
        }
        assert!(sparse[7..].iter().all(|&x| x == 0.0));
    }

    #[test]
    fn features_sharing_a_slot_tag_are_summed_not_lost() {
        // Same home slot (high bits) and same 16-bit tag (low bits).
        let (a, b) = (0xabcd_0000_0000_0005_u64, 0xabcd_0000_1000_0005_u64);
        let t = table(&[(a, &[(1, 2.0)]), (b, &[(1, 3.0), (2, 1.0)])]);
        let mut dense = [0.0; 3];
        DenseWeights::<3>::new(&t)
            .unwrap()
            .add_scores(&[a], &mut dense);
        let mut sparse = [0.0; 3];
        SparseWeights::<3>::new(&t)
            .unwrap()
            .add_scores(&[b], &mut sparse);
        for scores in [dense, sparse] {
            assert!((scores[1] - 5.0).abs() < 1e-3, "{scores:?}");
            assert!((scores[2] - 1.0).abs() < 1e-3, "{scores:?}");
        }
    }

    #[test]
    fn combined_features_keep_template_and_order_apart() {
        let (x, y) = (sym("said"), sym("told"));
        assert_ne!(feat(1, x, y), feat(1, y, x));
        assert_ne!(feat(1, x, NONE), feat(2, x, NONE));
        assert_ne!(feat(1, x, y), feat(1, x, NONE));
    }

    #[test]
    fn word_syms_hash_the_affixes_of_the_word() {
        let w = WordSyms::new("Łódź’s", "łódź's");
        assert_eq!(w.word, sym("łódź's"));
        assert_eq!(w.form, sym("Łódź’s"));
        assert_eq!(w.prefix1, sym("ł"));
        assert_eq!(w.prefix3, sym("łód"));
        assert_eq!(w.suffix2, sym("'s"));
        assert_eq!(w.suffix3, sym("ź's"));
        assert_eq!(w.shape, sym("Xx’x"));
        let short = WordSyms::new("a", "a");
        assert_eq!((short.prefix3, short.suffix3), (sym("a"), sym("a")));
        assert_eq!(WordSyms::new("", "").suffix2, NONE);
    }

    #[test]
    fn invalid_tables_are_rejected() {
        let bad = SparseTable {
            features: vec![1],
            offsets: vec![0, 5],
            classes: vec![0],
            weights: vec![1.0],
        };
        assert!(DenseWeights::<2>::new(&bad).is_err());
        let out_of_range = SparseTable {
            features: vec![1],
            offsets: vec![0, 1],
            classes: vec![3],
            weights: vec![1.0],
        };
        assert!(DenseWeights::<2>::new(&out_of_range).is_err());
    }

    #[test]
    fn shuffles_deterministically() {
        let mut a: Vec<u32> = (0..20).collect();
        let mut b = a.clone();
        Rng::new(3).shuffle(&mut a);
        Rng::new(3).shuffle(&mut b);
        assert_eq!(a, b);
        assert_ne!(a, (0..20).collect::<Vec<_>>());
    }

    proptest::proptest! {
        /// The one-pass hashes of an ASCII form equal the general ones.
        #[test]
        fn lowercase_word_syms_of_any_ascii_form(form in "[ -~]{0,20}") {
            proptest::prop_assert_eq!(
                WordSyms::of_lowercase(&form),
                WordSyms::new(&form, &form.to_lowercase())
            );
        }

        /// The shapes hashed without a string equal the strings' hashes.
        #[test]
        fn shape_hashes_match_the_shapes(form in "\\PC{0,14}") {
            let mut shape = String::new();
            shape_into(&form, &mut shape);
            proptest::prop_assert_eq!(shape_sym(&form), sym(&shape));
            let mut long = String::new();
            for c in form.chars() {
                let s = shape_class(c);
                if !long.ends_with(s) {
                    long.push(s);
                }
                if long.len() > 6 {
                    break;
                }
            }
            proptest::prop_assert_eq!(long_shape_sym(&form), sym(&long));
            let word = crate::pos::normalize(&form);
            let _ = WordSyms::new(&form, &word);
        }

        /// Any stored table (consistent or not) becomes a runtime table or
        /// an error, never a panic, and a runtime table scores any features.
        #[test]
        fn any_table_loads_or_fails_cleanly(
            features in proptest::collection::vec(proptest::prelude::any::<u64>(), 0..20),
            offsets in proptest::collection::vec(0u32..40, 0..22),
            classes in proptest::collection::vec(0u8..60, 0..40),
            weights in proptest::collection::vec(-5.0f32..5.0, 0..40),
            feats in proptest::collection::vec(proptest::prelude::any::<u64>(), 0..10),
        ) {
            let mut sorted = features.clone();
            sorted.sort_unstable();
            for features in [features, sorted] {
                let table = SparseTable {
                    features,
                    offsets: offsets.clone(),
                    classes: classes.clone(),
                    weights: weights.clone(),
                };
                if let Ok(w) = SparseWeights::<48>::new(&table) {
                    w.add_scores(&feats, &mut [0.0; 48]);
                    w.add_scores(&table.features, &mut [0.0; 48]);
                }
                if let Ok(w) = DenseWeights::<7>::new(&table) {
                    w.add_scores(&feats, &mut [0.0; 7]);
                    w.add_scores(&table.features, &mut [0.0; 7]);
                }
                let _ = table.pruned(1.0);
            }
        }

        /// The best class from the integer sums is the one scaled scores
        /// pick, ties included.
        #[test]
        fn best_class_picks_what_scaled_scores_pick(
            rows in proptest::collection::vec(
                proptest::collection::vec((0u8..48, -3.0f32..3.0), 1..6), 1..30),
            picks in proptest::collection::vec(0usize..30, 0..16),
            n in 1usize..=48,
        ) {
            let features: Vec<u64> = (0..rows.len() as u64).map(|k| (k + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15)).collect();
            let mut order: Vec<usize> = (0..rows.len()).collect();
            order.sort_by_key(|&k| features[k]);
            let mut table = SparseTable {
                features: Vec::new(),
                offsets: vec![0],
                classes: Vec::new(),
                weights: Vec::new(),
            };
            for &k in &order {
                let mut row = rows[k].clone();
                row.sort_by_key(|&(c, _)| c);
                row.dedup_by_key(|(c, _)| *c);
                table.features.push(features[k]);
                for (c, w) in row {
                    table.classes.push(c);
                    table.weights.push(w);
                }
                table.offsets.push(table.classes.len() as u32);
            }
            let w = SparseWeights::<48>::new(&table).unwrap();
            let feats: Vec<u64> = picks.iter().map(|&k| features[k % features.len()]).collect();
            let mut scores = [0.0f32; 48];
            w.add_scores(&feats, &mut scores);
            proptest::prop_assert_eq!(w.best_class(&feats, n), argmax(&scores[..n]));
        }
    }
}
