//! Resolution: from attribution spans to an account of the article — who
//! each speaker is, how the statement reached the outlet, when it was made,
//! which attributions sit inside others, which answers reply to which
//! questions, and what the outlet asserts on its own.
//!
//! Everything here works on tokens; [`Account`] reports code points like
//! the rest of the crate's output.
//!
//! The passes share one state, `Resolution` (the items being resolved and
//! the draft speakers), and each has its module, in the order `run` calls
//! them:
//! - `speakers`: sources to draft speakers (names, titles, descriptions);
//! - `pronouns`: antecedents of `he`/`she`/`they`/`it` and `who`/`which`
//!   (called by `speakers` for each pronoun source);
//! - `nesting`: continuing quotes and attributions inside others;
//! - `questions`: answers linked to the questions they reply to;
//! - `channels`: interviews, posts, statements and relays;
//! - `times`: when each statement was made;
//! - `account` and `voice`: the public [`Account`] and the outlet's own
//!   assertions.
//!
//! `pronoun_score` scores pronoun resolution against silver coreference.

use std::ops::Range;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::attribution::{Attribution, Span};
use crate::brat::AnnDoc;
use crate::conllu::{ConllToken, CorefMention};
use crate::entities::{self, Entities, Gender, GenderLexicon, Mention, MentionClass};
use crate::extract::{self, RuleConfig, TokenAttribution};
use crate::lexicon::Lexicon;
use crate::ner::NerTagger;
use crate::pos::{PosTagger, TaggedTokens};
use crate::quotes::QuoteIndex;
use crate::text::{CharOffsets, Document, TokenKind};
use crate::when;

mod account;
mod affiliations;
mod authors;
mod body_kinds;
mod channels;
mod coordination;
mod descriptions;
mod drafts;
mod headlines;
mod nesting;
mod nominal_adjectives;
mod phrases;
mod pronoun_ranker;
mod pronoun_score;
mod pronouns;
mod questions;
mod role_conflicts;
mod speakers;
mod times;
mod unnamed_references;
mod voice;
mod word_lists;

use word_lists::*;

pub(crate) use body_kinds::is_body_noun;
pub use pronoun_ranker::{PronounExample, PronounRanker};
pub use pronoun_score::PronounScore;

/// What is known about a document besides its text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocumentInfo {
    /// Publication date: relative times ("on Friday") resolve against it.
    pub published: Option<NaiveDate>,
    /// The byline as the page or the metadata gives it ("By JANE ROE",
    /// "Jane Roe, USA TODAY"): the narrator of a first-person article
    /// ("I asked him …") when it names one person.
    pub byline: Option<String>,
}

/// What kind of speaker an entity is.
///
/// Stores keep variants by position: add new ones at the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum SpeakerKind {
    /// One person, named or not.
    Person,
    /// A company, agency, government, party, campaign.
    Organization,
    /// A news outlet or agency: statements through it are relayed.
    Media,
    /// Several people: "officials", "Democrats", "critics".
    Group,
}

impl SpeakerKind {
    /// The lowercase name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerKind::Person => "person",
            SpeakerKind::Organization => "organization",
            SpeakerKind::Media => "media",
            SpeakerKind::Group => "group",
        }
    }
}

/// A speaker of the document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Speaker {
    /// Index in [`Account::speakers`].
    pub id: usize,
    /// Fullest name, or the description for unnamed speakers ("a source").
    pub name: String,
    /// Person, organization, media or group.
    pub kind: SpeakerKind,
    /// Titles and roles the text gives ("NATO Secretary General").
    pub titles: Vec<String>,
    /// Bodies the titles or the description tie the speaker to: "Clinton
    /// campaign" for "Clinton campaign manager Robby Mook" and for "a
    /// spokesman for the Clinton campaign", "NATO" for its secretary
    /// general.
    pub affiliations: Vec<String>,
    /// Every mention: names, surnames, titles, pronouns as sources.
    pub mentions: Vec<Span>,
    /// The text does not name the speaker ("a source", "officials said").
    pub anonymous: bool,
}

/// How a statement reached the outlet.
///
/// Stores keep variants by position: add new ones at the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ChannelKind {
    /// An interview ("in an interview with Bloomberg TV").
    Interview,
    /// Said to someone ("told reporters", "told Reuters").
    Told,
    /// A written or press statement.
    Statement,
    /// A social media post.
    Post,
    /// A press or news conference, a briefing.
    PressConference,
    /// A speech, rally or remarks.
    Speech,
    /// A letter.
    Letter,
    /// Testimony or a hearing.
    Testimony,
    /// An appearance on a broadcast ("said on CNN").
    Broadcast,
    /// Relayed by another outlet ("according to Interfax-Ukraine").
    Relay,
}

impl ChannelKind {
    /// The snake_case name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            ChannelKind::Interview => "interview",
            ChannelKind::Told => "told",
            ChannelKind::Statement => "statement",
            ChannelKind::Post => "post",
            ChannelKind::PressConference => "press_conference",
            ChannelKind::Speech => "speech",
            ChannelKind::Letter => "letter",
            ChannelKind::Testimony => "testimony",
            ChannelKind::Broadcast => "broadcast",
            ChannelKind::Relay => "relay",
        }
    }
}

/// One link of the chain through which a statement reached the outlet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Channel {
    /// What kind of link.
    pub kind: ChannelKind,
    /// Through whom, when the text says: the interviewer's outlet, the
    /// relaying outlet, the platform.
    pub via: Option<String>,
    /// The words that show it.
    pub evidence: Option<Span>,
}

/// When a statement was made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Time {
    /// The expression as written, with its offsets.
    #[serde(flatten)]
    pub span: Span,
    /// ISO value (`2023`, `2025-02`, `2025-02-14`, `2025-W07`,
    /// `2021-autumn`), absent when relative and the publication date is
    /// unknown.
    pub value: Option<String>,
    /// Whether the expression depends on the publication date.
    pub relative: bool,
}

/// Whether an answer affirms or denies the question.
///
/// Stores keep variants by position: add new ones at the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Polarity {
    /// "yes", "absolutely".
    Affirms,
    /// "no", "never".
    Denies,
}

/// The question an attribution answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Answer {
    /// The question as reported ("if Trump had removed …").
    pub question: Span,
    /// Who asked, as written.
    pub asked_by: Option<Span>,
    /// Whether the answer affirms or denies it, when it is a yes or a no.
    pub polarity: Option<Polarity>,
}

/// An attribution with its resolution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ResolvedAttribution {
    /// Source, cue, content and kind.
    #[serde(flatten)]
    pub attribution: Attribution,
    /// Index into [`Account::speakers`]; absent when the text names no
    /// source or a pronoun has no antecedent.
    pub speaker: Option<usize>,
    /// How the statement reached the outlet, from the speaker outwards.
    pub channel: Vec<Channel>,
    /// When the statement was made, if the text says.
    pub time: Option<Time>,
    /// Index of the attribution whose content holds this one.
    pub nested_in: Option<usize>,
    /// Index of the attribution whose speaker this cue-less quote continues.
    pub continues: Option<usize>,
    /// The question this statement answers.
    pub answers: Option<Answer>,
    /// Found inside another attribution's content, by the rules' second pass.
    #[serde(skip)]
    inner: bool,
}

impl ResolvedAttribution {
    /// Whether the extractor itself found it, as PolNeAR would annotate it:
    /// not inside another's content and with a cue. BRAT output and scoring
    /// keep only these, so that scores stay comparable.
    pub fn is_outermost(&self) -> bool {
        !self.inner && self.continues.is_none()
    }
}

/// A stretch the outlet asserts on its own authority.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unattributed {
    /// The text and its offsets.
    #[serde(flatten)]
    pub span: Span,
    /// Whether it is a whole sentence (else a clause of one).
    pub whole_sentence: bool,
}

/// The resolved account of one document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Account {
    /// Attributions in text order, nested and continuing ones included.
    pub attributions: Vec<ResolvedAttribution>,
    /// The speakers the attributions refer to.
    pub speakers: Vec<Speaker>,
    /// What the article says outside every attribution.
    pub unattributed: Vec<Unattributed>,
}

/// Resolves attributions; holds the taggers it needs.
#[derive(Debug, Clone)]
pub struct Resolver {
    pos: PosTagger,
    ner: NerTagger,
    /// Rules that find attributions inside contents (`nested_in`).
    lexicon: Lexicon,
    rules: RuleConfig,
    genders: GenderLexicon,
    ranker: PronounRanker,
}

/// A speaker being built: an entity of the document or an unnamed description.
#[derive(Debug, Clone)]
struct Draft {
    entity: Option<usize>,
    name: String,
    kind: SpeakerKind,
    anonymous: bool,
    source_mentions: Vec<Range<usize>>,
    /// Bodies the speaker's titles or description tie it to.
    affiliations: Vec<String>,
}

impl Default for Resolver {
    fn default() -> Self {
        Self::builtin()
    }
}

impl Resolver {
    /// The taggers shipped with the crate.
    pub fn builtin() -> Self {
        Resolver::new(
            PosTagger::builtin(),
            NerTagger::builtin(),
            Lexicon::builtin(),
            RuleConfig::default(),
        )
    }

    /// A resolver over given taggers; `lexicon` and `rules` find the
    /// attributions nested inside others' content.
    pub fn new(pos: PosTagger, ner: NerTagger, lexicon: Lexicon, rules: RuleConfig) -> Self {
        Resolver {
            ner: ner.for_tags(pos.tag_syms()),
            pos,
            lexicon,
            rules,
            genders: GenderLexicon::builtin(),
            ranker: PronounRanker::builtin(),
        }
    }

    /// This resolver with another pronoun ranker (one being trained or
    /// read from a file).
    pub fn with_pronoun_ranker(mut self, ranker: PronounRanker) -> Self {
        self.ranker = ranker;
        self
    }

    /// Attributions the rules find inside the content of `found`, which
    /// PolNeAR's one-attribution-per-token scheme leaves out ("According to
    /// Interfax, Rutte said …" holds Rutte's statement). Kept only with a
    /// named or described source and a cue the lexicon trusts.
    fn inner_attributions(
        &self,
        doc: &Document,
        ents: &Entities,
        pos: &[&str],
        found: &[TokenAttribution],
    ) -> Vec<TokenAttribution> {
        let mut out = Vec::new();
        let trusted_cue_at = |t: usize| self.lexicon.trusted_cue_at(doc, t);
        for a in found {
            for run in &a.content {
                // An inner attribution is kept only with a named source and
                // a trusted cue inside the run: without both, skip the rules.
                if run.len() < 6
                    || ents.mention_in(doc, run.clone()).is_none()
                    || !run.clone().any(trusted_cue_at)
                {
                    continue;
                }
                for inner in extract::extract_within(doc, run.clone(), &self.lexicon, &self.rules) {
                    let Some(src) = inner.source else {
                        continue;
                    };
                    let (cue, content) = (inner.cue, inner.content);
                    // A cue the extraction already gave an attribution of
                    // its own is not found twice.
                    let known = found
                        .iter()
                        .any(|f| f.cue.start < cue.end && cue.start < f.cue.end);
                    if content.is_empty() || cue.start < run.start || cue.end > run.end || known {
                        continue;
                    }
                    // A pronoun or a bare common noun as source is too weak a sign.
                    // The source must end in the name ("the minister Ana
                    // Brnabić", not "something the Biden administration").
                    let src = trim(doc, src);
                    let named = ents.mention_in(doc, src.clone()).is_some_and(|(_, m)| {
                        m.tokens.end == src.end && m.tokens.start <= src.start + 4
                    });
                    if !named {
                        continue;
                    }
                    let inner = TokenAttribution {
                        source: Some(src),
                        cue,
                        content,
                    };
                    if trusted_cue_at(inner.cue.start)
                        && !extract::adds_a_quantity(doc, pos, &inner)
                    {
                        out.push(inner);
                    }
                }
            }
        }
        out
    }

    /// Every token tagged (part of speech, hashed words).
    pub fn tag_tokens<'a>(&'a self, doc: &Document) -> TaggedTokens<'a> {
        self.pos.tag_document(doc)
    }

    /// The entities of a document.
    pub fn entities(&self, doc: &Document, tokens: &TaggedTokens<'_>) -> Entities {
        Entities::build(
            doc,
            &tokens.tags,
            entities::tag_mentions(doc, tokens, &self.ner),
            &self.genders,
        )
    }

    /// Resolves the attributions of `doc` (as the extractor found them, in
    /// any order) into an account.
    pub fn account(
        &self,
        doc: &Document,
        quotes: &QuoteIndex,
        found: &[TokenAttribution],
        info: &DocumentInfo,
    ) -> Account {
        let tokens = self.tag_tokens(doc);
        self.account_tagged(doc, &tokens, quotes, found, info)
    }

    /// [`Resolver::account`] for a document already tagged (one entry per
    /// token), as the learned extractor leaves it.
    pub fn account_tagged(
        &self,
        doc: &Document,
        tokens: &TaggedTokens<'_>,
        quotes: &QuoteIndex,
        found: &[TokenAttribution],
        info: &DocumentInfo,
    ) -> Account {
        let n = doc.tokens.len();
        if tokens.tags.len() != n || tokens.words.len() != n || tokens.tag_syms.len() != n {
            return self.account(doc, quotes, found, info);
        }
        let ents = self.entities(doc, tokens);
        let inner = self.inner_attributions(doc, &ents, &tokens.tags, found);
        let pos = nominal_adjectives::with_nominal_adjectives(doc, &tokens.tags);
        let mut cx = Resolution::new(doc, &pos, quotes, &ents, info, &self.ranker);
        cx.run(found, inner);
        cx.finish()
    }
}

/// Pronouns whose resolution [`Resolver::score_pronouns`] measures.
const PRONOUNS: &[&str] = &["he", "she", "they", "it", "him", "her", "them"];

/// A question (tokens), who asked it (tokens) and the answer's polarity.
type QuestionLink = (Range<usize>, Option<Range<usize>>, Option<Polarity>);

/// One attribution while resolving.
#[derive(Debug, Clone)]
struct Item {
    a: TokenAttribution,
    speaker: Option<usize>,
    channel: Vec<(ChannelKind, Option<String>, Option<Range<usize>>)>,
    time: Option<when::TimeMatch>,
    nested_in: Option<usize>,
    continues: Option<usize>,
    answers: Option<QuestionLink>,
    /// Found inside another's content: never the running speaker.
    inner: bool,
}

impl Item {
    fn new(a: TokenAttribution) -> Self {
        Item {
            a,
            speaker: None,
            channel: Vec::new(),
            time: None,
            nested_in: None,
            continues: None,
            answers: None,
            inner: false,
        }
    }
}

/// The state every pass reads and extends: the document, its tags and
/// entities, the attributions being resolved and the draft speakers.
struct Resolution<'a> {
    doc: &'a Document,
    pos: &'a [&'a str],
    quotes: &'a QuoteIndex,
    ents: &'a Entities,
    info: &'a DocumentInfo,
    items: Vec<Item>,
    drafts: Vec<Draft>,
    /// Documents met as sources so far (head noun, author's draft): "the
    /// poll" is the last poll's author.
    documents: Vec<(String, usize)>,
    /// Outlets named in full, by their name's last word ("post" → the
    /// first mention and id of "The New York Post"), for short names.
    outlets: rustc_hash::FxHashMap<String, Vec<(usize, usize)>>,
    /// Lowercased words written right before "campaign" ("Clinton
    /// campaign", "Trump’s campaign"), built on first use.
    campaigns: Option<Vec<String>>,
    /// Ranks the antecedents of `he`/`she`.
    ranker: &'a PronounRanker,
    /// When training the ranker: every `he`/`she` resolved, with its
    /// candidates.
    pronoun_log: Option<PronounLog>,
}

impl<'a> Resolution<'a> {
    /// The state before any pass: no items, drafts or documents yet.
    fn new(
        doc: &'a Document,
        pos: &'a [&'a str],
        quotes: &'a QuoteIndex,
        ents: &'a Entities,
        info: &'a DocumentInfo,
        ranker: &'a PronounRanker,
    ) -> Self {
        Resolution {
            doc,
            pos,
            quotes,
            ents,
            info,
            items: Vec::new(),
            drafts: Vec::new(),
            documents: Vec::new(),
            outlets: outlets_by_last_word(ents),
            campaigns: None,
            ranker,
            pronoun_log: None,
        }
    }
}

/// Whether a lowercased word is an honorific before a surname ("Mr.",
/// "Mrs.", "Dr."): it says a person is meant, and is no part of a title.
fn is_honorific(word: &str) -> bool {
    entities::is_honorific(word) || matches!(word, "dr." | "dr")
}

/// Every `he`/`she` resolved (its token) with its candidates and their
/// features, kept while collecting the ranker's training cases.
type PronounLog = Vec<(usize, Vec<(pronouns::Antecedent, pronoun_ranker::Features)>)>;

/// Cues of refusals and attempts: with an infinitive they report actions.
const ACTION_CUES: &[&str] = &[
    "refused",
    "refuse",
    "refuses",
    "refusing",
    "failed",
    "fail",
    "fails",
    "declined",
    "decline",
    "declines",
    "tried",
    "try",
    "tries",
    "sought",
    "seek",
    "seeks",
    "attempted",
    "attempts",
];

/// Infinitives that keep a refusal a speech act ("declined to comment").
const SPEECH_VERBS: &[&str] = &[
    "comment",
    "answer",
    "say",
    "speak",
    "discuss",
    "disclose",
    "confirm",
    "deny",
    "reveal",
    "respond",
    "elaborate",
    "testify",
    "apologize",
    "endorse",
    "condemn",
    "disavow",
    "name",
    "identify",
    "explain",
    "specify",
    "acknowledge",
    "admit",
    "release",
    "talk",
    "rule",
    "retract",
    "repudiate",
    "denounce",
    "criticize",
    "concede",
    "commit",
    "promise",
    "pledge",
];

const PRONOUNS_PERSON: &[&str] = &["he", "she", "him", "her"];
const PRONOUNS_PLURAL: &[&str] = &["they", "them"];
const RELATIVES: &[&str] = &["who", "which", "that", "whom"];

impl Resolution<'_> {
    /// Token `i` lowercased (the document's, computed once).
    fn lower(&self, i: usize) -> &str {
        self.doc.lower(i)
    }

    fn text(&self, r: Range<usize>) -> String {
        if r.is_empty() {
            return String::new();
        }
        let (a, b) = (
            self.doc.tokens[r.start].start,
            self.doc.tokens[r.end - 1].end,
        );
        self.doc.text()[a..b].to_string()
    }

    fn paragraph_of(&self, token: usize) -> usize {
        self.doc.sentences[self.doc.sentence_of(token)].paragraph
    }

    /// Resolves `found` (outermost attributions) and `inner` ones (found
    /// inside their content).
    fn run(&mut self, found: &[TokenAttribution], inner: Vec<TokenAttribution>) {
        let valid = |a: &TokenAttribution| !a.content.is_empty() && !a.cue.is_empty();
        let mut items: Vec<Item> = found
            .iter()
            .filter(|a| valid(a) && !self.reports_an_action(a))
            .cloned()
            .map(Item::new)
            .chain(inner.into_iter().filter(valid).map(|a| Item {
                inner: true,
                ..Item::new(a)
            }))
            .collect();
        items.sort_by_key(|it| (it.a.cue.start, it.a.content[0].start));
        self.items = items;
        self.resolve_speakers();
        self.add_continuations();
        self.find_nesting();
        self.link_questions();
        self.find_channels();
        self.find_times();
    }

    /// "…, which refused to negotiate": PolNeAR annotates refusals and
    /// attempts as attributions, but unless the infinitive is itself a
    /// speech act ("refused to comment") they report what someone did, on
    /// the outlet's authority. The account leaves them to the outlet's
    /// voice; BRAT output keeps them.
    fn reports_an_action(&self, a: &TokenAttribution) -> bool {
        let cue: Vec<String> = a.cue.clone().map(|i| self.lower(i).to_owned()).collect();
        let action_cue = cue.iter().any(|w| ACTION_CUES.contains(&w.as_str()));
        let Some(first) = a.content.first() else {
            return false;
        };
        let to = first.start < self.doc.tokens.len() && self.lower(first.start) == "to";
        let verb = (first.start + 1 < first.end).then(|| self.lower(first.start + 1));
        action_cue
            && to
            && verb.is_some_and(|v| !SPEECH_VERBS.contains(&v))
            && !self.quotes.is_quoted(first.start)
    }
}

/// Outlets named with two words or more, by their name's last word
/// lowercased: `(first mention, entity)` of each.
fn outlets_by_last_word(ents: &Entities) -> rustc_hash::FxHashMap<String, Vec<(usize, usize)>> {
    let mut out: rustc_hash::FxHashMap<String, Vec<(usize, usize)>> = Default::default();
    for (id, y) in ents.list.iter().enumerate() {
        if y.class == MentionClass::Person {
            continue;
        }
        let mut words = y.name.split_whitespace();
        let last = words.next_back();
        if words.next().is_none() || !is_media_name(&y.name) {
            continue;
        }
        if let (Some(last), Some(first)) = (last, y.mentions.iter().map(|m| m.start).min()) {
            out.entry(last.to_lowercase())
                .or_default()
                .push((first, id));
        }
    }
    out
}

/// A source span without leading or trailing punctuation.
fn trim(doc: &Document, r: Range<usize>) -> Range<usize> {
    trim_edges(doc, r)
}

fn trim_edges(doc: &Document, mut r: Range<usize>) -> Range<usize> {
    let edge = |i: usize| matches!(doc.tokens[i].kind, TokenKind::Punct | TokenKind::QuoteMark);
    r.end = r.end.min(doc.tokens.len());
    while r.start < r.end && edge(r.start) {
        r.start += 1;
    }
    while r.end > r.start && edge(r.end - 1) {
        r.end -= 1;
    }
    r
}

#[cfg(test)]
mod tests;
