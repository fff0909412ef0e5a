//! The closed-class features of the attribution tagger (POS tags, quote
//! state, rule roles, lexicon precision, cue distance, position): their
//! value vocabularies and the flat table that scores them by arithmetic.

use super::*;

/// The closed-class values of a token's features, as ids into the
/// vocabularies of [`Vocab`], indexed by the `Part` constants.
#[derive(Debug, Clone, Copy)]
pub(super) struct Closed {
    /// 20 parts, padded to 32 so that a part index masked by 31 needs no
    /// bounds check in the scoring loop.
    pub(super) ids: [u8; 32],
}

/// Indices into [`Closed::ids`].
pub(super) struct Part;

impl Part {
    pub(super) const NOTHING: usize = 0;
    pub(super) const P_2: usize = 1;
    pub(super) const P_1: usize = 2;
    pub(super) const P0: usize = 3;
    pub(super) const P1: usize = 4;
    pub(super) const P2: usize = 5;
    pub(super) const QUOTE: usize = 6;
    pub(super) const RULE_PREV: usize = 7;
    pub(super) const RULE: usize = 8;
    pub(super) const RULE_NEXT: usize = 9;
    pub(super) const LEX: usize = 10;
    pub(super) const DIST: usize = 11;
    pub(super) const PLACE: usize = 12;
    pub(super) const PART: usize = 13;
    pub(super) const RULED: usize = 14;
    pub(super) const TO_END: usize = 15;
    /// Commas, quotation marks, finite verbs between token and cue.
    pub(super) const BETWEEN: usize = 16;
    /// Lexicon precision of the nearest cue candidate.
    pub(super) const CUE_LEX: usize = 17;
    /// The rule extractor's role for the nearest cue candidate.
    pub(super) const CUE_RULE: usize = 18;
    /// The tag of the word after the nearest cue candidate's lexicon match
    /// ("said that", "said Smith", "said ,").
    pub(super) const AFTER_CUE: usize = 19;
}

/// The features over closed-class values only (POS tags, quote state,
/// rule roles, lexicon precision, cue distance, position): template and
/// its two parts. Few enough value pairs to score from [`DirectWeights`].
pub(super) const CLOSED_TEMPLATES: [(u8, usize, usize); 33] = [
    (0, Part::NOTHING, Part::NOTHING),
    (6, Part::P0, Part::NOTHING),
    (7, Part::P_1, Part::NOTHING),
    (8, Part::P1, Part::NOTHING),
    (9, Part::P_1, Part::P0),
    (10, Part::P0, Part::P1),
    (11, Part::P_2, Part::NOTHING),
    (12, Part::P2, Part::NOTHING),
    (13, Part::QUOTE, Part::NOTHING),
    (14, Part::QUOTE, Part::P0),
    (15, Part::RULE, Part::NOTHING),
    (16, Part::RULE, Part::RULE_NEXT),
    (17, Part::RULE_PREV, Part::RULE),
    (18, Part::RULE, Part::P0),
    (19, Part::LEX, Part::NOTHING),
    (20, Part::LEX, Part::P0),
    (21, Part::DIST, Part::NOTHING),
    (22, Part::DIST, Part::QUOTE),
    (23, Part::PLACE, Part::P0),
    (24, Part::PART, Part::RULE),
    (27, Part::LEX, Part::DIST),
    (28, Part::P0, Part::DIST),
    (31, Part::QUOTE, Part::RULE),
    (32, Part::RULED, Part::P0),
    (33, Part::TO_END, Part::P0),
    (50, Part::BETWEEN, Part::DIST),
    (51, Part::BETWEEN, Part::P0),
    (52, Part::BETWEEN, Part::QUOTE),
    (53, Part::BETWEEN, Part::RULE),
    (54, Part::CUE_LEX, Part::DIST),
    (64, Part::CUE_RULE, Part::DIST),
    (65, Part::AFTER_CUE, Part::DIST),
    (66, Part::AFTER_CUE, Part::P0),
];

/// The values of each closed part, as [`sym`]s: ids in [`Closed`] index
/// these lists.
pub(super) struct Vocab<'t> {
    /// The tagger's tag syms; ids past them are the paragraph boundaries.
    tags: &'t [u64],
}

impl Vocab<'_> {
    pub(super) fn new(tags: &[u64]) -> Vocab<'_> {
        Vocab { tags }
    }

    pub(super) fn values(&self, part: usize) -> &[u64] {
        match part {
            Part::P_2..=Part::P2 | Part::AFTER_CUE => self.tags,
            Part::QUOTE => &fixed::QUOTES,
            Part::RULE_PREV..=Part::RULE_NEXT | Part::CUE_RULE => &RULE_SYMS,
            Part::LEX => &fixed::LEX_ALL,
            Part::DIST => &fixed::DIST_ALL,
            Part::PLACE => &fixed::PLACES,
            Part::PART => &fixed::PARTS,
            Part::RULED => &fixed::RULED_ALL,
            Part::TO_END => &fixed::TO_END,
            Part::BETWEEN => &fixed::BETWEEN,
            Part::CUE_LEX => &fixed::LEX_ALL,
            _ => &[NONE],
        }
    }

    /// How many ids `part` takes.
    pub(super) fn size(&self, part: usize) -> usize {
        let boundaries = if (Part::P_2..=Part::P2).contains(&part) || part == Part::AFTER_CUE {
            2
        } else {
            0
        };
        self.values(part).len() + boundaries
    }

    pub(super) fn value(&self, part: usize, id: u8) -> u64 {
        let values = self.values(part);
        match values.get(usize::from(id)) {
            Some(&v) => v,
            None if usize::from(id) == values.len() => fixed::PARAGRAPH_START,
            None => fixed::PARAGRAPH_END,
        }
    }

    pub(super) fn sym(&self, part: usize, values: &Closed) -> u64 {
        self.value(part, values.ids[part])
    }
}

/// The weights of every closed-class feature value pair, laid out flat
/// and indexed by value ids: 33 of a token's 43 features read ~12,900
/// rows (≈410 KB) by arithmetic instead of a hash lookup each. A
/// template over one part is folded into a table over a pair that
/// contains it (the row for `(x, y)` holds `A(x) + B(x, y)`), and the
/// single parts no pair has are paired with each other, so a token reads
/// 24 rows instead of 33. Built from the hashed table for one tag set:
/// the scores are the hashed features', summed in another order.
#[derive(Debug, Clone)]
pub(super) struct DirectWeights {
    /// The tag syms the ids refer to.
    pub(super) tags: Vec<u64>,
    /// Each table's first row, second-part size and two parts.
    tables: Vec<Table>,
    rows: Vec<[f32; 8]>,
}

#[derive(Debug, Clone, Copy)]
struct Table {
    start: u32,
    width: u32,
    a: u8,
    b: u8,
}

/// Which templates (indices into [`CLOSED_TEMPLATES`]) each table over
/// parts `(a, b)` scores.
fn merged_tables() -> Vec<((usize, usize), Vec<usize>)> {
    let mut tables: Vec<((usize, usize), Vec<usize>)> = Vec::new();
    let mut singles = Vec::new();
    let mut bias = Vec::new();
    for (k, &(_, a, b)) in CLOSED_TEMPLATES.iter().enumerate() {
        match (a, b) {
            (Part::NOTHING, Part::NOTHING) => bias.push(k),
            (x, Part::NOTHING) | (Part::NOTHING, x) => singles.push((k, x)),
            _ => tables.push(((a, b), vec![k])),
        }
    }
    let mut alone: Vec<(usize, usize)> = Vec::new();
    for (k, x) in singles {
        match tables.iter_mut().find(|((a, b), _)| *a == x || *b == x) {
            Some((_, members)) => members.push(k),
            None => alone.push((k, x)),
        }
    }
    for pair in alone.chunks(2) {
        match *pair {
            [(k, x), (l, y)] => tables.push(((x, y), vec![k, l])),
            [(k, x)] => tables.push(((x, Part::NOTHING), vec![k])),
            _ => {}
        }
    }
    match tables.first_mut() {
        Some((_, members)) => members.extend(bias),
        None if !bias.is_empty() => tables.push(((Part::NOTHING, Part::NOTHING), bias)),
        None => {}
    }
    tables
}

impl DirectWeights {
    pub(super) fn new(weights: &DenseWeights<N>, tags: &[u64]) -> Self {
        let vocab = Vocab::new(tags);
        let mut tables = Vec::new();
        let mut rows = Vec::new();
        for ((a, b), members) in merged_tables() {
            tables.push(Table {
                start: rows.len() as u32,
                width: vocab.size(b) as u32,
                a: a as u8,
                b: b as u8,
            });
            for x in 0..vocab.size(a) {
                for y in 0..vocab.size(b) {
                    // The id each part takes in this row.
                    let id = |part: usize| -> u8 {
                        if part == a {
                            x as u8
                        } else if part == b {
                            y as u8
                        } else {
                            0 // `NOTHING`
                        }
                    };
                    let mut scores = [0.0; N];
                    for &k in &members {
                        let (template, ta, tb) = CLOSED_TEMPLATES[k];
                        let f = feat(template, vocab.value(ta, id(ta)), vocab.value(tb, id(tb)));
                        weights.add_scores(&[f], &mut scores);
                    }
                    let mut row = [0.0; 8];
                    row[..N].copy_from_slice(&scores);
                    rows.push(row);
                }
            }
        }
        DirectWeights {
            tags: tags.to_vec(),
            tables,
            rows,
        }
    }

    /// Adds the weights of a token's closed-class features to `scores`.
    pub(super) fn add_scores(&self, values: &Closed, scores: &mut [f32; N]) {
        let mut sum = [0.0f32; 8];
        for t in &self.tables {
            let id = |part: u8| u32::from(values.ids[usize::from(part) & 31]);
            let at = t.start + id(t.a) * t.width + id(t.b);
            if let Some(row) = self.rows.get(at as usize) {
                for (s, w) in sum.iter_mut().zip(row) {
                    *s += w;
                }
            }
        }
        for (s, x) in scores.iter_mut().zip(sum) {
            *s += x;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_closed_template_is_scored_by_exactly_one_table() {
        let tables = merged_tables();
        let mut seen = vec![0; CLOSED_TEMPLATES.len()];
        for ((a, b), members) in &tables {
            for &k in members {
                seen[k] += 1;
                let (_, ta, tb) = CLOSED_TEMPLATES[k];
                // Each member's parts are the table's parts or nothing.
                for part in [ta, tb] {
                    assert!(part == *a || part == *b || part == Part::NOTHING, "{k}");
                }
            }
        }
        assert!(seen.iter().all(|&n| n == 1), "{seen:?}");
        // 23 pairs, P_2 with P2 and the rest folded: 24 reads a token.
        assert_eq!(tables.len(), 24);
    }
}
