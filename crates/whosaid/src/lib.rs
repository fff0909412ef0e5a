//! whosaid: who said what, when, through whom — in news text.
//!
//! The pipeline, each stage a module:
//! 1. [`text`]: the document as paragraphs, sentences and tokens (byte offsets);
//! 2. [`quotes`]: paired quotation marks, across paragraphs;
//! 3. [`lexicon`]: cue words and phrases learned from PolNeAR;
//! 4. [`extract`]: rules that assemble source, cue and content;
//! 5. [`pos`], [`learned`]: the taggers that refine them;
//! 6. [`ner`], [`entities`], [`when`], [`resolve`]: speakers, channels, times,
//!    nesting, answers and the outlet's own voice;
//! 7. [`Extractor`]: runs the stages and reports spans in code points.
//!
//! [`brat`] reads and writes BRAT standoff, [`eval`] scores predictions like
//! the reference scorer.
//!
//! ```
//! let extractor = whosaid::Extractor::builtin();
//! let found = extractor.extract("Headline\n\n“We will win,” Smith said.");
//! assert_eq!(found[0].source[0].text, "Smith");
//!
//! let text = "Talks\n\nJohn Smith said that the talks failed. He added, “We will try again.”";
//! let account = extractor.analyze(text, &whosaid::DocumentInfo::default());
//! let second = &account.attributions[1];
//! assert_eq!(second.attribution.source[0].text, "He");
//! assert_eq!(account.speakers[second.speaker.unwrap()].name, "John Smith");
//! ```

pub mod attribution;
pub mod brat;
pub mod conllu;
pub mod entities;
pub mod error;
pub mod eval;
pub mod extract;
pub mod learned;
pub mod lexicon;
pub mod model;
pub mod ner;
pub mod parse;
pub mod perceptron;
pub mod pos;
pub mod quotes;
pub mod resolve;
pub mod text;
pub mod when;

pub use attribution::{Attribution, Kind, Span};
pub use error::Error;
pub use extract::RuleConfig;
pub use lexicon::Lexicon;
pub use resolve::{Account, DocumentInfo, Resolver};
pub use text::Document;

use quotes::QuoteIndex;
use text::CharOffsets;

/// Runs the extraction pipeline. Cheap to share across threads (`&self`).
#[derive(Debug, Clone)]
pub struct Extractor {
    lexicon: Lexicon,
    config: RuleConfig,
    models: Option<(pos::PosTagger, learned::AttrTagger)>,
    /// The parser whose features the attribution tagger reads, if any.
    parser: Option<parse::DepParser>,
    /// Loaded on first use: extraction alone does not need it.
    resolver: std::sync::OnceLock<Resolver>,
}

impl Extractor {
    /// The shipped pipeline: built-in lexicon, rules and learned models.
    pub fn builtin() -> Self {
        Self::builtin_with(RuleConfig::default())
    }

    /// The shipped pipeline with other rule thresholds.
    pub fn builtin_with(config: RuleConfig) -> Self {
        let pos = pos::PosTagger::builtin();
        let attr = learned::AttrTagger::builtin().expect("the built-in attribution model is valid");
        Self::with_models(Lexicon::builtin(), config, pos, attr)
    }

    /// The rules alone, with the built-in lexicon and default thresholds.
    pub fn rules() -> Self {
        Self::new(Lexicon::builtin(), RuleConfig::default())
    }

    /// A rules-only extractor over a given lexicon and thresholds.
    pub fn new(lexicon: Lexicon, config: RuleConfig) -> Self {
        Extractor {
            lexicon,
            config,
            models: None,
            parser: None,
            resolver: std::sync::OnceLock::new(),
        }
    }

    /// An extractor whose attributions come from the learned tagger (which
    /// reads the rules' output as features).
    pub fn with_models(
        lexicon: Lexicon,
        config: RuleConfig,
        pos: pos::PosTagger,
        attr: learned::AttrTagger,
    ) -> Self {
        let attr = attr.for_tags(pos.tag_syms());
        Extractor {
            lexicon,
            config,
            models: Some((pos, attr)),
            parser: None,
            resolver: std::sync::OnceLock::new(),
        }
    }

    /// The same extractor with the attribution tagger reading `parser`'s
    /// parse of the sentences with a cue candidate: for a tagger trained
    /// with that parser (`whosaid train attr --parse`). Not the default:
    /// dev full-match F1 +0.008 for less than half the throughput
    /// (ARCHITECTURE.md).
    pub fn with_parser(mut self, parser: parse::DepParser) -> Self {
        self.parser = Some(parser);
        self
    }

    /// Finds the attributions of `text`. Never fails and never panics: any
    /// string is a document.
    pub fn extract(&self, text: &str) -> Vec<Attribution> {
        let doc = Document::new(text);
        self.extract_document(&doc)
    }

    /// Extracts and resolves: speakers, channels, times, nesting, answers
    /// and the outlet's unattributed assertions. Never panics.
    pub fn analyze(&self, text: &str, info: &DocumentInfo) -> Account {
        // Without a deadline no check fails.
        self.analyze_checked(text, info, |_| Ok(()))
            .unwrap_or_default()
    }

    /// [`Extractor::analyze`] that gives up once `deadline` has passed,
    /// checked between stages (segmentation, extraction, resolution). Every
    /// stage is linear in the text, so a stage overruns the deadline by at
    /// most its own share of the work; a server answering with a deadline
    /// uses this so an abandoned request stops costing CPU.
    pub fn analyze_before(
        &self,
        text: &str,
        info: &DocumentInfo,
        deadline: std::time::Instant,
    ) -> Result<Account, Error> {
        self.analyze_checked(text, info, |stage| {
            if std::time::Instant::now() >= deadline {
                Err(Error::DeadlineExceeded { stage })
            } else {
                Ok(())
            }
        })
    }

    fn analyze_checked(
        &self,
        text: &str,
        info: &DocumentInfo,
        check: impl Fn(&'static str) -> Result<(), Error>,
    ) -> Result<Account, Error> {
        let doc = Document::new(text);
        check("segmentation")?;
        let (found, quotes, pos) = self.tagged_attributions(&doc);
        check("extraction")?;
        let resolver = self.resolver.get_or_init(|| {
            let pos = match &self.models {
                Some((pos, _)) => pos.clone(),
                None => pos::PosTagger::builtin(),
            };
            Resolver::new(
                pos,
                ner::NerTagger::builtin(),
                self.lexicon.clone(),
                self.config.clone(),
            )
        });
        Ok(match pos {
            Some(tokens) => resolver.account_tagged(&doc, &tokens, &quotes, &found, info),
            None => resolver.account(&doc, &quotes, &found, info),
        })
    }

    /// Attributions, quotes and, from the learned path, the tagged tokens
    /// it computed (resolution reuses them).
    fn tagged_attributions<'a>(
        &'a self,
        doc: &'a Document,
    ) -> (
        Vec<extract::TokenAttribution>,
        QuoteIndex,
        Option<pos::TaggedTokens<'a>>,
    ) {
        match &self.models {
            Some((pos, attr)) => {
                let cx = learned::Context::new(
                    doc,
                    pos,
                    self.parser.as_ref(),
                    &self.lexicon,
                    &self.config,
                );
                let mut found = attr.extract(&cx, &self.lexicon, &self.config);
                extract::drop_rubric_headlines(doc, &mut found);
                let (quotes, tokens) = cx.into_parts();
                (found, quotes, Some(tokens))
            }
            None => {
                let quotes = QuoteIndex::new(doc);
                let mut found =
                    extract::extract_rules_only(doc, &quotes, &self.lexicon, &self.config);
                extract::drop_rubric_headlines(doc, &mut found);
                (found, quotes, None)
            }
        }
    }

    /// The attributions as token ranges, with the quote structure.
    fn token_attributions(&self, doc: &Document) -> (Vec<extract::TokenAttribution>, QuoteIndex) {
        let (found, quotes, _) = self.tagged_attributions(doc);
        (found, quotes)
    }

    /// Finds the attributions of an already segmented document.
    pub fn extract_document(&self, doc: &Document) -> Vec<Attribution> {
        let (found, quotes) = self.token_attributions(doc);
        let offsets = CharOffsets::new(doc.text());
        let span = |r: &std::ops::Range<usize>| {
            let (a, b) = (doc.tokens[r.start].start, doc.tokens[r.end - 1].end);
            Span {
                start: offsets.char_offset(a),
                end: offsets.char_offset(b),
                text: doc.text()[a..b].to_string(),
            }
        };
        found
            .iter()
            .map(|a| {
                let kind = kind_of(&quotes, &a.content);
                Attribution {
                    source: a
                        .source
                        .iter()
                        .filter(|r| !r.is_empty())
                        .map(span)
                        .collect(),
                    cue: std::iter::once(&a.cue)
                        .filter(|r| !r.is_empty())
                        .map(span)
                        .collect(),
                    content: a
                        .content
                        .iter()
                        .filter(|r| !r.is_empty())
                        .map(span)
                        .collect(),
                    kind,
                }
            })
            .collect()
    }
}

/// Direct when every content run is one quotation, mixed when quotation marks occur inside, indirect otherwise.
pub(crate) fn kind_of(quotes: &QuoteIndex, content: &[std::ops::Range<usize>]) -> Kind {
    let whole_quote = |r: &std::ops::Range<usize>| {
        quotes
            .quote_of_mark(r.start)
            .is_some_and(|q| q.open == r.start && q.close + 1 == r.end)
    };
    if !content.is_empty() && content.iter().all(whole_quote) {
        return Kind::Direct;
    }
    let has_quote = content
        .iter()
        .flat_map(|r| r.clone())
        .any(|i| quotes.quote_of_mark(i).is_some());
    if has_quote {
        Kind::Mixed
    } else {
        Kind::Indirect
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_passed_deadline_stops_analysis_and_a_future_one_does_not() {
        let ex = Extractor::rules();
        let text = "Talks\n\nJohn Smith said that the talks failed.";
        let past = std::time::Instant::now();
        let err = ex
            .analyze_before(text, &DocumentInfo::default(), past)
            .unwrap_err();
        assert!(
            matches!(
                err,
                Error::DeadlineExceeded {
                    stage: "segmentation"
                }
            ),
            "{err}"
        );
        let later = std::time::Instant::now() + std::time::Duration::from_secs(600);
        let account = ex
            .analyze_before(text, &DocumentInfo::default(), later)
            .unwrap();
        assert_eq!(account, ex.analyze(text, &DocumentInfo::default()));
    }
}
