//! Pronoun-source resolution scored against silver coreference chains
//! (`whosaid eval-pronouns`).

use super::*;

/// Words that name no referent by themselves: a chain of only these is
/// not measurable.
const REFERENTLESS: &[&str] = &[
    "he",
    "she",
    "they",
    "it",
    "him",
    "her",
    "them",
    "i",
    "me",
    "my",
    "you",
    "your",
    "we",
    "us",
    "our",
    "his",
    "its",
    "their",
    "hers",
    "himself",
    "herself",
    "itself",
    "themselves",
    "mine",
    "yours",
    "ours",
    "theirs",
    "myself",
    "ourselves",
    "who",
    "which",
    "that",
];

/// Pronoun-source resolution against coreference chains.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct PronounScore {
    /// Gold sources that are a single pronoun.
    pub sources: usize,
    /// Of those, the ones whose chain names the referent.
    pub measurable: usize,
    /// Measurable ones resolved to the chain's entity.
    pub correct: usize,
    /// Measurable ones left without a named entity.
    pub unresolved: usize,
    /// Measurable ones the closest preceding person mention gets right.
    pub baseline_correct: usize,
}

impl std::ops::AddAssign for PronounScore {
    fn add_assign(&mut self, o: Self) {
        self.sources += o.sources;
        self.measurable += o.measurable;
        self.correct += o.correct;
        self.unresolved += o.unresolved;
        self.baseline_correct += o.baseline_correct;
    }
}

impl Resolver {
    /// Scores pronoun sources (he, she, they, …) of gold attributions
    /// against silver coreference chains: a pronoun is resolved correctly
    /// when the entity it resolves to has a named mention overlapping a
    /// non-pronoun mention of the pronoun's chain. Pronouns outside any
    /// chain, or in chains of pronouns only, are not measurable.
    pub fn score_pronouns(
        &self,
        text: &str,
        gold: &AnnDoc,
        conll: &[Vec<ConllToken>],
        coref: &[CorefMention],
    ) -> PronounScore {
        self.pronoun_run(text, gold, conll, coref, false).0
    }

    /// Training cases for the [`PronounRanker`]: each `he`/`she` source of
    /// a gold attribution whose chain names a candidate, with every
    /// candidate's features and the index of the one the chain names.
    pub fn pronoun_examples(
        &self,
        text: &str,
        gold: &AnnDoc,
        conll: &[Vec<ConllToken>],
        coref: &[CorefMention],
    ) -> Vec<PronounExample> {
        self.pronoun_run(text, gold, conll, coref, true).1
    }

    fn pronoun_run(
        &self,
        text: &str,
        gold: &AnnDoc,
        conll: &[Vec<ConllToken>],
        coref: &[CorefMention],
        log: bool,
    ) -> (PronounScore, Vec<PronounExample>) {
        let doc = Document::new(text);
        let quotes = QuoteIndex::new(&doc);
        let tokens = self.tag_tokens(&doc);
        let ents = self.entities(&doc, &tokens);
        let (starts, ends) = doc.token_char_offsets();
        let tokens_of = |s: usize, e: usize| -> Range<usize> {
            let first = ends.partition_point(|&end| end <= s);
            let last = starts.partition_point(|&st| st < e);
            first..last.max(first)
        };
        let found: Vec<TokenAttribution> = gold
            .attributions
            .iter()
            .filter_map(|a| {
                let cue = gold
                    .fragments(&a.cue)
                    .first()
                    .map(|&(s, e)| tokens_of(s, e))?;
                let source = gold
                    .fragments(&a.source)
                    .first()
                    .map(|&(s, e)| tokens_of(s, e));
                let content: Vec<Range<usize>> = gold
                    .fragments(&a.content)
                    .iter()
                    .map(|&(s, e)| tokens_of(s, e))
                    .filter(|r| !r.is_empty())
                    .collect();
                Some(TokenAttribution {
                    source,
                    cue,
                    content,
                })
            })
            .collect();
        let info = DocumentInfo::default();
        let pos = nominal_adjectives::with_nominal_adjectives(&doc, &tokens.tags);
        let mut cx = Resolution::new(&doc, &pos, &quotes, &ents, &info, &self.ranker);
        cx.pronoun_log = log.then(Vec::new);
        let valid = |a: &&TokenAttribution| !a.content.is_empty() && !a.cue.is_empty();
        let mut items: Vec<Item> = found.iter().filter(valid).cloned().map(Item::new).collect();
        items.sort_by_key(|it| (it.a.cue.start, it.a.content[0].start));
        cx.items = items;
        cx.resolve_speakers();
        let chains: Vec<(u32, (usize, usize), bool)> = coref
            .iter()
            .filter_map(|m| {
                let span = m.char_span(conll)?;
                let pronoun = m.text.split_whitespace().count() == 1
                    && REFERENTLESS.contains(&m.text.to_lowercase().as_str());
                Some((m.chain, span, pronoun))
            })
            .collect();
        let char_span = |r: &Range<usize>| (starts[r.start], ends[r.end - 1]);
        let overlaps = |a: (usize, usize), b: (usize, usize)| a.0 < b.1 && b.0 < a.1;
        let mut score = PronounScore::default();
        let mut examples = Vec::new();
        let logged = cx.pronoun_log.take().unwrap_or_default();
        for it in &cx.items {
            let Some(src) = it.a.source.clone().filter(|r| r.len() == 1) else {
                continue;
            };
            if !PRONOUNS.contains(&doc.lower(src.start)) {
                continue;
            }
            score.sources += 1;
            let at = char_span(&src);
            let Some(&(chain, _, _)) = chains.iter().find(|c| c.1 == at) else {
                continue;
            };
            let antecedents: Vec<(usize, usize)> = chains
                .iter()
                .filter(|c| c.0 == chain && !c.2)
                .map(|c| c.1)
                .collect();
            if antecedents.is_empty() {
                continue;
            }
            score.measurable += 1;
            let hit = |mentions: &[Range<usize>]| {
                mentions
                    .iter()
                    .any(|m| antecedents.iter().any(|&a| overlaps(char_span(m), a)))
            };
            // The candidates this pronoun had, labelled by the chain.
            if let Some((_, candidates)) = logged.iter().find(|(at, _)| *at == src.start) {
                let right = candidates.iter().position(|(c, _)| match *c {
                    pronouns::Antecedent::Entity(e) => hit(&ents.list[e].mentions),
                    pronouns::Antecedent::Draft(d) => hit(&cx.drafts[d].source_mentions),
                });
                if let Some(gold) = right {
                    examples.push(PronounExample {
                        candidates: candidates.iter().map(|(_, f)| *f).collect(),
                        gold,
                    });
                }
            }
            match it.speaker {
                Some(d) => {
                    let draft = &cx.drafts[d];
                    let mut mentions: Vec<Range<usize>> = draft
                        .source_mentions
                        .iter()
                        .filter(|m| **m != src)
                        .cloned()
                        .collect();
                    if let Some(e) = draft.entity {
                        mentions.extend(ents.list[e].mentions.iter().cloned());
                    }
                    if hit(&mentions) {
                        score.correct += 1;
                    }
                }
                None => score.unresolved += 1,
            }
            // Baseline: the closest person mention before the pronoun.
            let nearest = ents
                .before(src.start)
                .iter()
                .rev()
                .find(|(m, _)| m.class == MentionClass::Person);
            if nearest.is_some_and(|(_, e)| hit(&ents.list[*e].mentions)) {
                score.baseline_correct += 1;
            }
        }
        (score, examples)
    }
}
