//! What the dependency parse tells the attribution tagger about a token.
//!
//! Only sentences with a cue candidate are parsed (the others cannot hold
//! the cue of an attribution, and parsing every sentence would halve
//! throughput). For a token of such a sentence the features say:
//! - its own arc: label, head's tag, head's word;
//! - its **cue path**: the nearest ancestor that is a cue candidate, the
//!   relation of the branch under that cue (`nsubj` → the source, `ccomp`
//!   → the content, `advcl`, `conj`, `prep` …), how deep below it the token
//!   sits, and the cue's word. A clause with its own cue answers to that
//!   cue, so content stops where an inner attribution starts;
//! - for a cue candidate, the labels of its dependents (a "said" with a
//!   subject and a complement clause is a cue; one with neither rarely is).

use crate::parse::{DepParser, Dependency, Scratch, NO};
use crate::perceptron::{feat, sym, WordSyms, NONE};
use crate::pos::TaggedTokens;
use crate::text::Document;

/// Path values that are not labels.
const SELF: u8 = u8::MAX - 1;
const NO_CUE: u8 = u8::MAX;
/// How far up the tree a token looks for its cue.
const MAX_DEPTH: u8 = 12;

const ROOT: u64 = sym("<root>");
const SELF_SYM: u64 = sym("<cue>");
const NO_CUE_SYM: u64 = sym("<no-cue>");
const DEPTHS: [u64; 4] = [sym("d1"), sym("d2"), sym("d3"), sym("d4+")];

/// A token's relation to the nearest cue candidate above it.
#[derive(Debug, Clone, Copy)]
struct CuePath {
    /// The label of the branch under the cue, [`SELF`] or [`NO_CUE`].
    under: u8,
    /// Arcs between the token and the cue.
    depth: u8,
    /// The cue token ([`NO`] without one).
    cue: u32,
}

/// The parse of a document's cue sentences, and each token's cue path.
#[derive(Debug)]
pub(super) struct Syntax {
    arcs: Vec<Dependency>,
    /// [`sym`] of each label, by label id.
    label_syms: Vec<u64>,
    paths: Vec<CuePath>,
    /// For each cue candidate, the set of its dependents' labels (bit =
    /// label id; models have at most 64 labels).
    dependents: Vec<u64>,
}

impl Syntax {
    /// Parses the sentences of `doc` holding a token `is_cue` accepts.
    pub(super) fn new(
        parser: &DepParser,
        doc: &Document,
        tagged: &TaggedTokens<'_>,
        is_cue: impl Fn(usize) -> bool,
    ) -> Self {
        let mut arcs = Vec::with_capacity(doc.tokens.len());
        let wanted = |s: usize| doc.sentences[s].tokens.clone().any(&is_cue);
        parser.parse_sentences(doc, tagged, wanted, &mut Scratch::default(), &mut arcs);
        let label_syms = parser.labels().iter().map(|l| sym(l)).collect();
        let mut dependents = vec![0u64; arcs.len()];
        let paths = (0..arcs.len())
            .map(|t| {
                if arcs[t].head == NO && !is_cue(t) {
                    return CuePath {
                        under: NO_CUE,
                        depth: 0,
                        cue: NO,
                    };
                }
                let head = arcs[t].head;
                if head != NO && is_cue(head as usize) && arcs[t].label < 64 {
                    dependents[head as usize] |= 1 << arcs[t].label;
                }
                if is_cue(t) {
                    return CuePath {
                        under: SELF,
                        depth: 0,
                        cue: t as u32,
                    };
                }
                let mut below = t;
                for depth in 1..=MAX_DEPTH {
                    let up = arcs[below].head;
                    if up == NO {
                        break;
                    }
                    if is_cue(up as usize) {
                        return CuePath {
                            under: arcs[below].label,
                            depth,
                            cue: up,
                        };
                    }
                    below = up as usize;
                }
                CuePath {
                    under: NO_CUE,
                    depth: 0,
                    cue: NO,
                }
            })
            .collect();
        Syntax {
            arcs,
            label_syms,
            paths,
            dependents,
        }
    }

    fn label_sym(&self, label: u8) -> u64 {
        match label {
            SELF => SELF_SYM,
            NO_CUE => NO_CUE_SYM,
            l => self.label_syms.get(usize::from(l)).copied().unwrap_or(NONE),
        }
    }

    /// Appends token `i`'s parse features to `out`; `quote` and `rule` are
    /// the syms of its quote state and rule role. Nothing for a token of an
    /// unparsed sentence.
    pub(super) fn features(
        &self,
        i: usize,
        words: &[WordSyms],
        tags: &[u64],
        quote: u64,
        rule: u64,
        out: &mut Vec<u64>,
    ) {
        let arc = self.arcs[i];
        let path = self.paths[i];
        if arc.label == crate::parse::UNPARSED.label {
            return;
        }
        let label = self.label_sym(arc.label);
        let (head_tag, head_word) = match arc.head {
            NO => (ROOT, ROOT),
            h => (tags[h as usize], words[h as usize].word),
        };
        let under = self.label_sym(path.under);
        let depth = DEPTHS[usize::from(path.depth.clamp(1, 4) - 1)];
        let cue_word = match path.cue {
            NO => NONE,
            c => words[c as usize].word,
        };
        out.extend([
            feat(40, label, NONE),
            feat(41, label, head_tag),
            feat(42, label, head_word),
            feat(43, under, depth),
            feat(44, under, cue_word),
            feat(45, under, quote),
            feat(46, under, rule),
            feat(47, under, tags[i]),
        ]);
        if path.under == SELF {
            let mut set = self.dependents[i];
            while set != 0 {
                let l = set.trailing_zeros() as u8;
                set &= set - 1;
                out.push(feat(48, self.label_sym(l), NONE));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pos::PosTagger;

    fn toy_parser() -> DepParser {
        let sentences = crate::parse::toy_treebank();
        let model = crate::parse::train(&sentences, &PosTagger::builtin(), 10, 3, 0.0, &mut |_| {});
        DepParser::from_model(model).unwrap()
    }

    #[test]
    fn tokens_know_their_branch_under_the_cue_and_cueless_sentences_are_not_parsed() {
        let parser = toy_parser();
        let pos = PosTagger::builtin();
        let doc = Document::new("The senator said the bill would pass. Rain fell.");
        let tagged = pos.tag_document(&doc);
        let said = (0..doc.tokens.len())
            .find(|&i| doc.token_is(i, "said"))
            .unwrap();
        let syntax = Syntax::new(&parser, &doc, &tagged, |i| i == said);
        let token = |w: &str| {
            (0..doc.tokens.len())
                .find(|&i| doc.token_text(i) == w)
                .unwrap()
        };
        let under = |w: &str| syntax.label_sym(syntax.paths[token(w)].under);
        assert_eq!(under("senator"), sym("nsubj"));
        assert_eq!(under("bill"), sym("ccomp"));
        assert_eq!(under("pass"), sym("ccomp"));
        assert_eq!(syntax.paths[token("bill")].depth, 2);
        assert_eq!(under("said"), SELF_SYM);
        // `said` heads a subject and a complement clause.
        let ids = |l: &str| parser.labels().iter().position(|x| x == l).unwrap();
        assert_ne!(syntax.dependents[said] & (1 << ids("nsubj")), 0);
        assert_ne!(syntax.dependents[said] & (1 << ids("ccomp")), 0);
        // The second sentence has no cue: no parse, no features.
        let rain = token("Rain");
        assert_eq!(syntax.arcs[rain], crate::parse::UNPARSED);
        let mut out = Vec::new();
        syntax.features(rain, &tagged.words, &tagged.tag_syms, 0, 0, &mut out);
        assert!(out.is_empty());
        syntax.features(
            token("bill"),
            &tagged.words,
            &tagged.tag_syms,
            0,
            0,
            &mut out,
        );
        assert_eq!(out.len(), 8);
    }
}
