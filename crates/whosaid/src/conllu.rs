//! Reading PolNeAR's silver CoreNLP annotations (`conllu/<doc>.conllu`).
//!
//! Only what training needs: each token's form, PTB tag (XPOS), head,
//! relation, NER label and its code point offsets in the article text
//! (`Start`/`End` in MISC).

/// One CoNLL-U token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConllToken {
    /// Word form as CoreNLP wrote it (quotes as ``` `` ``` / `''`, brackets as `-LRB-`).
    pub form: String,
    /// Penn Treebank tag.
    pub xpos: String,
    /// 1-based head index in the sentence, 0 for the root.
    pub head: usize,
    /// Dependency relation.
    pub deprel: String,
    /// NER label (`O`, `PERSON`, …).
    pub ner: String,
    /// Code point offset of the token in the article text.
    pub start: usize,
    /// Code point offset one past the token.
    pub end: usize,
}

/// Parses a `.conllu` file into sentences. Malformed lines are skipped:
/// silver data is input, not a contract.
pub fn parse(text: &str) -> Vec<Vec<ConllToken>> {
    let mut sentences = Vec::new();
    let mut current = Vec::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                sentences.push(std::mem::take(&mut current));
            }
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 10 || cols[0].contains(['-', '.']) {
            continue;
        }
        let mut start = None;
        let mut end = None;
        let mut ner = "O";
        for kv in cols[9].split('|') {
            match kv.split_once('=') {
                Some(("Start", v)) => start = v.parse().ok(),
                Some(("End", v)) => end = v.parse().ok(),
                Some(("NER", v)) => ner = v,
                _ => {}
            }
        }
        let (Some(start), Some(end)) = (start, end) else {
            continue;
        };
        current.push(ConllToken {
            form: cols[1].to_string(),
            xpos: cols[4].to_string(),
            head: cols[6].parse().unwrap_or(0),
            deprel: cols[7].to_string(),
            ner: ner.to_string(),
            start,
            end,
        });
    }
    if !current.is_empty() {
        sentences.push(current);
    }
    sentences
}

/// One mention of a coreference chain (`conllu/<doc>.coref.tsv`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorefMention {
    /// Chain id: mentions of one chain corefer.
    pub chain: u32,
    /// 1-based sentence number in the `.conllu` file.
    pub sentence: usize,
    /// 1-based index of the first token.
    pub start: usize,
    /// 1-based index one past the last token.
    pub end: usize,
    /// The mention's words.
    pub text: String,
}

impl CorefMention {
    /// Code point span of the mention in the article, given the parsed
    /// `.conllu` sentences.
    pub fn char_span(&self, sentences: &[Vec<ConllToken>]) -> Option<(usize, usize)> {
        let s = sentences.get(self.sentence.checked_sub(1)?)?;
        let first = s.get(self.start.checked_sub(1)?)?;
        let last = s.get(self.end.checked_sub(2)?)?;
        (first.start < last.end).then_some((first.start, last.end))
    }
}

/// Parses a `.coref.tsv` file (header `chain sentence start end head
/// representative text`). Malformed lines are skipped.
pub fn parse_coref(text: &str) -> Vec<CorefMention> {
    text.lines()
        .skip(1)
        .filter_map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            Some(CorefMention {
                chain: cols.first()?.parse().ok()?,
                sentence: cols.get(1)?.parse().ok()?,
                start: cols.get(2)?.parse().ok()?,
                end: cols.get(3)?.parse().ok()?,
                text: cols.get(6).map_or_else(String::new, |t| t.to_string()),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_coreference_mentions() {
        let tsv = "chain\tsentence\tstart\tend\thead\trepresentative\ttext\n1\t1\t1\t2\t1\t1\tO'Malley\nbad\n";
        let m = parse_coref(tsv);
        assert_eq!(m.len(), 1);
        let conll =
            parse("1\tO'Malley\to'malley\t_\tNNP\t_\t2\tcompound\t_\tStart=0|End=8|NER=PERSON\n");
        assert_eq!(m[0].char_span(&conll), Some((0, 8)));
        let out_of_range = CorefMention {
            sentence: 2,
            ..m[0].clone()
        };
        assert_eq!(out_of_range.char_span(&conll), None);
    }

    #[test]
    fn reads_tokens_and_offsets() {
        let text = "# sent_id = 1\n1\tO'Malley\to'malley\t_\tNNP\t_\t2\tcompound\t_\tStart=0|End=8|NER=PERSON\n\
                    2\tsays\tsay\t_\tVBZ\t_\t0\troot\t_\tStart=9|End=13|NER=O\nbad line\n\n";
        let s = parse(text);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0][0].xpos, "NNP");
        assert_eq!((s[0][1].start, s[0][1].end, s[0][1].head), (9, 13, 0));
        assert_eq!(s[0][0].ner, "PERSON");
    }
}
