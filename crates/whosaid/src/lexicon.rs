//! The cue lexicon: which words and phrases introduce attributions, learned
//! from PolNeAR's gold `Cue` spans.
//!
//! # How it is derived
//! [`Lexicon::derive`] reads annotated documents (PolNeAR train). For every
//! gold cue it takes the lowercased tokens the cue overlaps (this crate's
//! tokenizer); the whole phrase (up to [`MAX_PHRASE`] tokens) and each word
//! in it become candidate entries. For each entry it counts:
//! - `cue`: gold cues containing the entry as a contiguous token run;
//! - `total`: occurrences of the entry in the texts outside quotations (the
//!   extractor never looks for cues inside quotes, so neither does the
//!   estimate);
//! - where the source and content stood relative to the cue.
//!
//! `cue / total` estimates how often the phrase is a cue when it occurs; the
//! extractor keeps entries above a precision threshold. The committed table,
//! `data/cues.tsv`, is regenerated with
//! `whosaid lexicon --data ../shared/data/polnear/train > crates/whosaid/data/cues.tsv`.

use std::collections::HashMap;
use std::fmt::Write as _;

use crate::brat::AnnDoc;
use crate::error::Error;
use crate::perceptron::{sym, FeatureMap};
use crate::text::{lowercase, Document};

/// Longest phrase kept, in tokens.
pub const MAX_PHRASE: usize = 4;

/// Pseudo-count of non-cue occurrences added to every entry's total.
pub const PRECISION_PRIOR: f32 = 2.0;

/// Fewest gold occurrences for an entry to be written to the table.
const MIN_CUE_COUNT: u32 = 2;

/// The table shipped with the crate, derived from PolNeAR train.
pub const BUILTIN_TSV: &str = include_str!("../data/cues.tsv");

/// Counts for one lexicon entry.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entry {
    /// Lowercased tokens of the phrase.
    pub phrase: Vec<String>,
    /// Gold cues containing the phrase.
    pub cue: u32,
    /// Occurrences of the phrase in all texts.
    pub total: u32,
    /// Gold attributions whose source starts before the cue.
    pub source_before: u32,
    /// Gold attributions whose source starts after the cue.
    pub source_after: u32,
    /// Gold attributions with no source.
    pub no_source: u32,
}

impl Entry {
    /// Estimated probability that an occurrence is a cue, shrunk towards 0
    /// for rare phrases: `cue / (total + PRECISION_PRIOR)`, so that 4 of 8
    /// is trusted less than 400 of 800.
    pub fn precision(&self) -> f32 {
        self.cue as f32 / (self.total.max(self.cue) as f32 + PRECISION_PRIOR)
    }

    /// Whether the source usually follows the cue (`according to X`).
    pub fn source_follows(&self) -> bool {
        self.source_after > self.source_before
    }
}

/// A cue lexicon, indexed for matching at a token.
#[derive(Debug, Clone)]
pub struct Lexicon {
    entries: Vec<Entry>,
    /// [`sym`] of the first token → the range of [`Lexicon::candidates`]
    /// of the entries starting with it, longest phrase first (a hash
    /// lookup without SipHash: one per token).
    by_first: FeatureMap<std::ops::Range<u32>>,
    /// The entries by first word, each with where its later words' syms
    /// lie in [`Lexicon::later_syms`]: matching walks two flat arrays
    /// instead of each entry's own vectors (~3 candidates a token).
    candidates: Vec<Candidate>,
    /// [`sym`] of every phrase word after the first, entry after entry.
    later_syms: Vec<u64>,
}

/// An entry as a candidate match: its id, and the range of its later
/// words' syms in [`Lexicon::later_syms`].
#[derive(Debug, Clone, Copy)]
struct Candidate {
    id: u32,
    later: u32,
    later_end: u32,
}

impl Lexicon {
    /// The lexicon shipped with the crate.
    pub fn builtin() -> Self {
        Self::from_tsv(BUILTIN_TSV).expect("the built-in cue table is valid")
    }

    /// Builds a lexicon from entries.
    pub fn from_entries(entries: Vec<Entry>) -> Self {
        let mut grouped: FeatureMap<Vec<u32>> = FeatureMap::default();
        for (i, e) in entries.iter().enumerate() {
            if let Some(first) = e.phrase.first() {
                grouped.entry(sym(first)).or_default().push(i as u32);
            }
        }
        // In a fixed order (by first sym), so the layout is the same
        // every time; within a group, longest phrase first.
        let mut groups: Vec<(u64, Vec<u32>)> = grouped.into_iter().collect();
        groups.sort_unstable_by_key(|&(first, _)| first);
        let mut by_first = FeatureMap::default();
        let mut candidates = Vec::with_capacity(entries.len());
        let mut later_syms = Vec::new();
        for (first, mut ids) in groups {
            ids.sort_by_key(|&i| std::cmp::Reverse(entries[i as usize].phrase.len()));
            let start = candidates.len() as u32;
            for id in ids {
                let later = later_syms.len() as u32;
                later_syms.extend(entries[id as usize].phrase.iter().skip(1).map(|w| sym(w)));
                candidates.push(Candidate {
                    id,
                    later,
                    later_end: later_syms.len() as u32,
                });
            }
            by_first.insert(first, start..candidates.len() as u32);
        }
        Lexicon {
            entries,
            by_first,
            candidates,
            later_syms,
        }
    }

    /// The candidate entries whose phrase starts with the word of sym
    /// `first`, longest first.
    fn candidates_for(&self, first: u64) -> &[Candidate] {
        let Some(range) = self.by_first.get(&first) else {
            return &[];
        };
        self.candidates
            .get(range.start as usize..range.end as usize)
            .unwrap_or(&[])
    }

    /// All entries.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Entry `id`.
    pub fn entry(&self, id: u32) -> &Entry {
        &self.entries[id as usize]
    }

    /// Parses the TSV table written by [`Lexicon::to_tsv`].
    pub fn from_tsv(tsv: &str) -> Result<Self, Error> {
        let mut entries = Vec::new();
        for (n, line) in tsv.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let bad = |why: &str| Error::Lexicon {
                line: n + 1,
                reason: why.to_string(),
            };
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() != 6 {
                return Err(bad("expected 6 tab-separated columns"));
            }
            let num = |s: &str| s.parse::<u32>().map_err(|_| bad("not a count"));
            let phrase: Vec<String> = cols[0].split(' ').map(str::to_string).collect();
            if phrase.iter().any(String::is_empty) {
                return Err(bad("empty phrase token"));
            }
            entries.push(Entry {
                phrase,
                cue: num(cols[1])?,
                total: num(cols[2])?,
                source_before: num(cols[3])?,
                source_after: num(cols[4])?,
                no_source: num(cols[5])?,
            });
        }
        Ok(Self::from_entries(entries))
    }

    /// Writes the table, most frequent cues first.
    pub fn to_tsv(&self) -> String {
        let mut out = String::from(
            "# whosaid cue lexicon, derived from PolNeAR train gold Cue spans.\n\
             # Regenerate: whosaid lexicon --data ../shared/data/polnear/train > crates/whosaid/data/cues.tsv\n\
             # phrase\tcue\ttotal\tsource_before\tsource_after\tno_source\n",
        );
        for e in &self.entries {
            let _ = writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t{}",
                e.phrase.join(" "),
                e.cue,
                e.total,
                e.source_before,
                e.source_after,
                e.no_source
            );
        }
        out
    }
    /// Whether a cue the lexicon trusts starts at token `i`: one matched
    /// as a cue at least five times, a cue in at least 60% of them. An
    /// attribution the rules find where no tagger looked (inside a content,
    /// in a clause cut off one) is kept only on such a cue.
    pub fn trusted_cue_at(&self, doc: &Document, i: usize) -> bool {
        self.match_at(doc, i, |e| e.cue >= 5)
            .is_some_and(|(id, _)| self.entry(id).precision() >= 0.6)
    }

    /// The longest entry matching at token `i` of `doc` that `keep` accepts,
    /// with the number of tokens it spans.
    pub fn match_at(
        &self,
        doc: &Document,
        i: usize,
        keep: impl Fn(&Entry) -> bool,
    ) -> Option<(u32, usize)> {
        // Most tokens stop at this lookup; words are compared only once the
        // hashes of a whole phrase agree.
        'entries: for c in self.candidates_for(doc.lower_sym(i)) {
            let later = self
                .later_syms
                .get(c.later as usize..c.later_end as usize)
                .unwrap_or(&[]);
            if i + 1 + later.len() > doc.tokens.len() {
                continue;
            }
            for (k, &word) in later.iter().enumerate() {
                if doc.lower_sym(i + 1 + k) != word {
                    continue 'entries;
                }
            }
            let id = c.id;
            let e = &self.entries[id as usize];
            // `keep` after the hashes: it costs more and most entries of a
            // common first word ("to", "has") fail on the next word.
            if !keep(e) {
                continue;
            }
            // Hashes agree: check the words themselves (the document keeps
            // every token lowercased).
            let same = (0..e.phrase.len()).all(|k| doc.lower(i + k) == e.phrase[k]);
            if same {
                return Some((id, e.phrase.len()));
            }
        }
        None
    }

    /// Derives a lexicon from annotated documents: `(text, gold annotations)`.
    pub fn derive<'a>(docs: impl IntoIterator<Item = (&'a str, &'a AnnDoc)>) -> Self {
        let mut index: HashMap<Vec<String>, Entry> = HashMap::new();
        let mut parsed = Vec::new();
        let mut buf = String::new();
        for (text, ann) in docs {
            let doc = Document::new(text);
            let (starts, ends) = doc.token_char_offsets();
            for attr in &ann.attributions {
                let cue_frags = ann.fragments(&attr.cue);
                if cue_frags.is_empty() || ann.fragments(&attr.content).is_empty() {
                    continue;
                }
                let cue_start = cue_frags.iter().map(|f| f.0).min().unwrap_or(0);
                let toks: Vec<String> = (0..doc.tokens.len())
                    .filter(|&t| cue_frags.iter().any(|&(s, e)| starts[t] < e && ends[t] > s))
                    .map(|t| lowercase(doc.token_text(t), &mut buf).to_string())
                    .collect();
                if toks.is_empty() {
                    continue;
                }
                let src = ann.fragments(&attr.source);
                let placement = match src.iter().map(|f| f.0).min() {
                    None => 2,
                    Some(s) if s < cue_start => 0,
                    Some(_) => 1,
                };
                let mut candidates: Vec<Vec<String>> = Vec::new();
                if toks.len() <= MAX_PHRASE {
                    candidates.push(toks.clone());
                }
                for t in &toks {
                    if t.chars().any(char::is_alphanumeric) || t == ":" {
                        candidates.push(vec![t.clone()]);
                    }
                }
                candidates.sort();
                candidates.dedup();
                for phrase in candidates {
                    let e = index.entry(phrase.clone()).or_insert_with(|| Entry {
                        phrase,
                        ..Entry::default()
                    });
                    e.cue += 1;
                    match placement {
                        0 => e.source_before += 1,
                        1 => e.source_after += 1,
                        _ => e.no_source += 1,
                    }
                }
            }
            parsed.push(doc);
        }
        index.retain(|_, e| e.cue >= MIN_CUE_COUNT);
        // Count every occurrence of each phrase in the texts.
        let mut entries: Vec<Entry> = index.into_values().collect();
        entries.sort_by(|a, b| b.cue.cmp(&a.cue).then_with(|| a.phrase.cmp(&b.phrase)));
        let mut lex = Self::from_entries(entries);
        let mut totals = vec![0u32; lex.entries.len()];
        for doc in &parsed {
            let quotes = crate::quotes::QuoteIndex::new(doc);
            for i in 0..doc.tokens.len() {
                if quotes.is_quoted(i) {
                    continue;
                }
                let first = lowercase(doc.token_text(i), &mut buf).to_string();
                for &Candidate { id, .. } in lex.candidates_for(sym(&first)) {
                    let e = &lex.entries[id as usize];
                    let n = e.phrase.len();
                    if i + n <= doc.tokens.len()
                        && e.phrase[0] == first
                        && (1..n).all(|k| lowercase(doc.token_text(i + k), &mut buf) == e.phrase[k])
                    {
                        totals[id as usize] += 1;
                    }
                }
            }
        }
        for (e, t) in lex.entries.iter_mut().zip(totals) {
            e.total = t.max(e.cue);
        }
        lex
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_table_loads_and_knows_said() {
        let lex = Lexicon::builtin();
        let said = lex
            .entries()
            .iter()
            .find(|e| e.phrase == ["said"])
            .expect("said is a cue");
        assert!(said.precision() > 0.8, "{said:?}");
        let acc = lex
            .entries()
            .iter()
            .find(|e| e.phrase == ["according", "to"])
            .expect("according to is a cue");
        assert!(acc.source_follows());
    }

    #[test]
    fn matches_the_longest_kept_phrase_whatever_the_case() {
        let entry = |phrase: &[&str], cue| Entry {
            phrase: phrase.iter().map(|w| w.to_string()).collect(),
            cue,
            total: cue,
            ..Entry::default()
        };
        let lex = Lexicon::from_entries(vec![
            entry(&["according"], 2),
            entry(&["according", "to"], 40),
            entry(&["said"], 90),
            entry(&["said", "in", "a", "statement"], 3),
        ]);
        let doc = Document::new("ACCORDING To him, she Said in a statement and said in a way.");
        let text =
            |m: Option<(u32, usize)>| m.map(|(id, len)| (lex.entry(id).phrase.join(" "), len));
        let any = |_: &Entry| true;
        assert_eq!(
            text(lex.match_at(&doc, 0, any)),
            Some(("according to".into(), 2))
        );
        // `keep` refuses the longer phrase: the shorter one matches.
        let frequent = |e: &Entry| e.cue >= 50;
        assert_eq!(
            text(lex.match_at(&doc, 5, frequent)),
            Some(("said".into(), 1))
        );
        assert_eq!(
            text(lex.match_at(&doc, 5, any)),
            Some(("said in a statement".into(), 4))
        );
        // A phrase cut short by other words falls back to the single word.
        let second = (0..doc.tokens.len())
            .rfind(|&i| doc.token_is(i, "said"))
            .unwrap();
        assert_eq!(
            text(lex.match_at(&doc, second, any)),
            Some(("said".into(), 1))
        );
        // A phrase running past the end of the text does not match.
        let end = Document::new("She said in a");
        assert_eq!(text(lex.match_at(&end, 1, any)), Some(("said".into(), 1)));
        assert_eq!(lex.match_at(&doc, 2, any), None);
    }

    #[test]
    fn tsv_round_trip() {
        let lex = Lexicon::builtin();
        let again = Lexicon::from_tsv(&lex.to_tsv()).unwrap();
        assert_eq!(lex.entries(), again.entries());
    }

    #[test]
    fn bad_tsv_names_the_line() {
        let err = Lexicon::from_tsv("said\t1\t2\t3\t4\t5\nbad line\n").unwrap_err();
        assert!(err.to_string().contains("line 2"), "{err}");
    }

    #[test]
    fn derive_counts_cues_and_occurrences() {
        let text = "Bob said yes. Ann said no. The said law.";
        let ann = AnnDoc::parse(
            "T1\tSource 0 3\tBob\nT2\tCue 4 8\tsaid\nT3\tContent 9 12\tyes\n\
             E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n\
             T4\tSource 14 17\tAnn\nT5\tCue 18 22\tsaid\nT6\tContent 23 25\tno\n\
             E2\tAttribution:T5 Source:T4 Cue:T5 Content:T6\n",
        );
        let lex = Lexicon::derive([(text, &ann)]);
        let said = &lex.entries()[0];
        assert_eq!(said.phrase, ["said"]);
        assert_eq!((said.cue, said.total, said.source_before), (2, 3, 2));
    }
}
