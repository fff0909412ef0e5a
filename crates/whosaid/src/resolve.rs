//! Resolution: from attribution spans to an account of the article — who
//! each speaker is, how the statement reached the outlet, when it was made,
//! which attributions sit inside others, which answers reply to which
//! questions, and what the outlet asserts on its own.
//!
//! Everything here works on tokens; [`Account`] reports code points like
//! the rest of the crate's output.

use std::ops::Range;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::attribution::{Attribution, Span};
use crate::brat::AnnDoc;
use crate::conllu::{ConllToken, CorefMention};
use crate::entities::{self, Entities, Gender, GenderLexicon, MentionClass};
use crate::extract::{self, RuleConfig, TokenAttribution};
use crate::lexicon::Lexicon;
use crate::ner::NerTagger;
use crate::pos::{PosTagger, TaggedTokens};
use crate::quotes::QuoteIndex;
use crate::text::{CharOffsets, Document, TokenKind};
use crate::when;

/// What is known about a document besides its text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocumentInfo {
    /// Publication date: relative times ("on Friday") resolve against it.
    pub published: Option<NaiveDate>,
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
}

/// Nouns of unnamed sources.
const ANONYMOUS_NOUNS: &[&str] = &[
    "source",
    "sources",
    "official",
    "officials",
    "person",
    "people",
    "aide",
    "aides",
    "insider",
    "insiders",
    "diplomat",
    "diplomats",
    "officer",
    "officers",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "staffer",
    "staffers",
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "someone",
    "witness",
    "witnesses",
    "analysts",
    "experts",
    "lawmakers",
    "members",
];

/// Words of outlet names ("Bloomberg TV", "The New York Times").
const MEDIA_WORDS: &[&str] = &[
    "tv",
    "news",
    "times",
    "post",
    "journal",
    "reuters",
    "ap",
    "associated press",
    "interfax",
    "cnn",
    "fox",
    "nbc",
    "abc",
    "cbs",
    "msnbc",
    "npr",
    "bbc",
    "bloomberg",
    "politico",
    "axios",
    "breitbart",
    "tribune",
    "herald",
    "gazette",
    "radio",
    "magazine",
    "daily",
    "press",
    "telegraph",
    "guardian",
    "newsweek",
    "wire",
    "network",
    "channel",
    "hill",
    "atlantic",
    "vox",
    "slate",
    "salon",
    "huffpost",
    "huffington",
    "buzzfeed",
    "examiner",
    "chronicle",
    "globe",
    "inquirer",
    "tass",
    "ria",
    "novosti",
    "xinhua",
    "jazeera",
    "sputnik",
    "rt",
    "c-span",
    "pbs",
    "usa today",
    "newsmax",
    "intercept",
    "mediaite",
    "cnbc",
    "afp",
    "ukrinform",
    "tv’s",
];

const PLATFORMS: &[&str] = &[
    "twitter",
    "x",
    "facebook",
    "instagram",
    "truth social",
    "telegram",
    "youtube",
    "tiktok",
    "linkedin",
    "threads",
];

/// Whether a name reads as a news outlet.
fn is_media_name(name: &str) -> bool {
    let lower = name.to_lowercase();
    if lower.ends_with(".com") || lower.ends_with(".org") || lower.ends_with(".net") {
        return true;
    }
    lower
        .split(|c: char| c.is_whitespace() || c == '-')
        .any(|w| MEDIA_WORDS.contains(&entities::strip_possessive(w)))
        || MEDIA_WORDS
            .iter()
            .any(|m| m.contains(' ') && lower.contains(m))
}

/// A speaker being built: an entity of the document or an unnamed description.
#[derive(Debug, Clone)]
struct Draft {
    entity: Option<usize>,
    name: String,
    kind: SpeakerKind,
    anonymous: bool,
    source_mentions: Vec<Range<usize>>,
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
            pos,
            ner,
            lexicon,
            rules,
            genders: GenderLexicon::builtin(),
        }
    }

    /// Attributions the rules find inside the content of `found`, which
    /// PolNeAR's one-attribution-per-token scheme leaves out ("According to
    /// Interfax, Rutte said …" holds Rutte's statement). Kept only with a
    /// named or described source and a cue the lexicon trusts.
    fn inner_attributions(
        &self,
        doc: &Document,
        ents: &Entities,
        found: &[TokenAttribution],
    ) -> Vec<TokenAttribution> {
        let mut out = Vec::new();
        let mut buf = String::new();
        let mut trusted_cue_at = |t: usize| {
            self.lexicon
                .match_at(doc, t, &mut buf, |e| e.cue >= 5)
                .is_some_and(|(id, _)| self.lexicon.entry(id).precision() >= 0.6)
        };
        for a in found {
            for run in &a.content {
                // An inner attribution is kept only with a named source and
                // a trusted cue inside the run: without both, skip the rules.
                if run.len() < 6
                    || ents.mention_in(doc, run.clone()).is_none()
                    || !run.clone().any(&mut trusted_cue_at)
                {
                    continue;
                }
                let base = doc.tokens[run.start].start;
                let end = doc.tokens[run.end - 1].end;
                let sub = Document::new(&doc.text()[base..end]);
                let quotes = QuoteIndex::new(&sub);
                let to_doc = |r: &Range<usize>| -> Option<Range<usize>> {
                    if r.is_empty() {
                        return None;
                    }
                    let (a, b) = (
                        base + sub.tokens[r.start].start,
                        base + sub.tokens[r.end - 1].end,
                    );
                    let s = doc.tokens.partition_point(|t| t.start < a);
                    let e = doc.tokens.partition_point(|t| t.end <= b);
                    (s < e && doc.tokens[s].start == a).then_some(s..e)
                };
                for inner in extract::extract(&sub, &quotes, &self.lexicon, &self.rules) {
                    let (Some(src), Some(cue)) =
                        (inner.source.as_ref().and_then(to_doc), to_doc(&inner.cue))
                    else {
                        continue;
                    };
                    let content: Option<Vec<Range<usize>>> =
                        inner.content.iter().map(to_doc).collect();
                    let Some(content) = content else { continue };
                    if content.is_empty() || cue.start < run.start || cue.end > run.end {
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
                    if trusted_cue_at(cue.start) {
                        out.push(TokenAttribution {
                            source: Some(src),
                            cue,
                            content,
                        });
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
        let pos = tokens.tags.as_slice();
        let ents = self.entities(doc, tokens);
        let inner = self.inner_attributions(doc, &ents, found);
        let mut cx = Resolution {
            doc,
            pos,
            quotes,
            ents: &ents,
            info,
            items: Vec::new(),
            drafts: Vec::new(),
        };
        cx.run(found, inner);
        cx.finish()
    }

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
        let mut cx = Resolution {
            doc: &doc,
            pos: &tokens.tags,
            quotes: &quotes,
            ents: &ents,
            info: &info,
            items: Vec::new(),
            drafts: Vec::new(),
        };
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
        for it in &cx.items {
            let Some(src) = it.a.source.clone().filter(|r| r.len() == 1) else {
                continue;
            };
            if !PRONOUNS.contains(&doc.token_text(src.start).to_lowercase().as_str()) {
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
        score
    }
}

/// How many content runs starting before a cue are tried as its container.
const NESTING_LOOKBACK: usize = 16;

/// How far back (in sentences) person mentions count for a pronoun.
const SALIENCE_SENTENCES: usize = 6;

/// Weights of pronoun salience (see `antecedent_person`), set on PolNeAR
/// train with `whosaid eval-pronouns --data ../shared/data/polnear/train`.
struct SalienceWeights {
    quoted: f32,
    possessive: f32,
    subject: f32,
    running: f32,
}

/// Train accuracy moved within 61–62% for running 0.25–2, subject 1–5,
/// quoted 0.1–1, possessive 0.2–1: the scheme matters, not the values.
const SALIENCE: SalienceWeights = SalienceWeights {
    quoted: 0.3,
    possessive: 0.5,
    subject: 2.0,
    running: 0.5,
};

/// Pronouns whose resolution [`Resolver::score_pronouns`] measures.
const PRONOUNS: &[&str] = &["he", "she", "they", "it", "him", "her", "them"];

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

struct Resolution<'a> {
    doc: &'a Document,
    pos: &'a [&'a str],
    quotes: &'a QuoteIndex,
    ents: &'a Entities,
    info: &'a DocumentInfo,
    items: Vec<Item>,
    drafts: Vec<Draft>,
}

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
    /// Token `i` lowercased, borrowed when it already is (most are).
    fn lower(&self, i: usize) -> std::borrow::Cow<'_, str> {
        let t = self.doc.token_text(i);
        if t.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
            t.into()
        } else {
            t.to_lowercase().into()
        }
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
        let cue: Vec<String> = a.cue.clone().map(|i| self.lower(i).into_owned()).collect();
        let action_cue = cue.iter().any(|w| ACTION_CUES.contains(&w.as_str()));
        let Some(first) = a.content.first() else {
            return false;
        };
        let to = first.start < self.doc.tokens.len() && self.lower(first.start) == "to";
        let verb = (first.start + 1 < first.end).then(|| self.lower(first.start + 1));
        action_cue
            && to
            && verb.is_some_and(|v| !SPEECH_VERBS.contains(&v.as_ref()))
            && !self.quotes.is_quoted(first.start)
    }

    /// The draft for an entity, made on first use.
    fn entity_draft(&mut self, e: usize) -> usize {
        if let Some(d) = self.drafts.iter().position(|d| d.entity == Some(e)) {
            return d;
        }
        let x = &self.ents.list[e];
        let kind = match x.class {
            MentionClass::Person => SpeakerKind::Person,
            _ if is_media_name(&x.name) => SpeakerKind::Media,
            _ => SpeakerKind::Organization,
        };
        self.drafts.push(Draft {
            entity: Some(e),
            name: x.name.clone(),
            kind,
            anonymous: false,
            source_mentions: Vec::new(),
        });
        self.drafts.len() - 1
    }

    /// The draft for an unnamed description; indefinite singular ones ("a
    /// source") are each their own speaker, others merge by wording.
    fn nominal_draft(&mut self, r: Range<usize>) -> usize {
        let words: Vec<String> = r
            .clone()
            .filter(|&i| self.doc.tokens[i].kind != TokenKind::Punct)
            .map(|i| self.lower(i).into_owned())
            .collect();
        // "a city official who asked not to be named", "A senior aide, who
        // spoke on condition of anonymity": the name is the noun phrase
        // before the clause; the clause still marks it anonymous.
        let unnamed = words.iter().any(|w| w == "anonymity" || w == "anonymously")
            || words.windows(3).any(|w| w == ["not", "to", "be"]);
        let r = match (r.start + 1..r.end).find(|&i| {
            self.doc.token_text(i) == "," || extract::RELATIVE_PRONOUNS.contains(&&*self.lower(i))
        }) {
            Some(cut) => r.start..cut,
            None => r,
        };
        let indefinite = words
            .first()
            .is_some_and(|w| matches!(w.as_str(), "a" | "an" | "one" | "another"));
        let head_at = (r.start..r.end)
            .rev()
            .find(|&i| self.doc.tokens[i].kind == TokenKind::Word)
            .unwrap_or(r.start);
        // The head noun: the last noun before a preposition ("a spokesman
        // for the campaign" → spokesman).
        let head_at = (r.start..r.end)
            .find(|&i| {
                i + 1 < r.end
                    && self.pos[i].starts_with("NN")
                    && matches!(self.pos[i + 1], "IN" | ",")
            })
            .unwrap_or(head_at);
        let head = self.lower(head_at);
        let plural =
            matches!(self.pos[head_at], "NNS" | "NNPS") || PRONOUNS_PLURAL.contains(&head.as_ref());
        let anonymous = ANONYMOUS_NOUNS.contains(&head.as_ref())
            || words
                .windows(2)
                .any(|w| w[0] == "familiar" && w[1] == "with")
            || unnamed;
        let person_noun = anonymous || entities::is_title_noun(&head);
        let kind = match (plural, person_noun) {
            (true, _) => SpeakerKind::Group,
            (false, true) => SpeakerKind::Person,
            (false, false) => SpeakerKind::Organization,
        };
        let name = self.text(r.clone());
        let key = words.join(" ");
        if !indefinite {
            let existing = self
                .drafts
                .iter()
                .position(|d| d.entity.is_none() && d.name.to_lowercase() == key && d.kind == kind);
            if let Some(d) = existing {
                return d;
            }
        }
        self.drafts.push(Draft {
            entity: None,
            name,
            kind,
            anonymous,
            source_mentions: Vec::new(),
        });
        self.drafts.len() - 1
    }

    fn resolve_speakers(&mut self) {
        for k in 0..self.items.len() {
            let Some(src) = self.items[k].a.source.clone() else {
                continue;
            };
            let src = trim(self.doc, src);
            if src.is_empty() {
                continue;
            }
            let speaker = self.speaker_of(k, src.clone());
            if let Some(d) = speaker {
                self.drafts[d].source_mentions.push(src);
            }
            self.items[k].speaker = speaker;
        }
    }

    /// The speaker of attribution `k` whose source tokens are `src`.
    fn speaker_of(&mut self, k: usize, src: Range<usize>) -> Option<usize> {
        let words: Vec<String> = src.clone().map(|i| self.lower(i).into_owned()).collect();
        // A pronoun alone.
        if words.len() == 1 {
            let w = words[0].as_str();
            if PRONOUNS_PERSON.contains(&w) {
                let gender = if matches!(w, "he" | "him") {
                    Gender::Male
                } else {
                    Gender::Female
                };
                return self.antecedent_person(k, src.start, gender);
            }
            if PRONOUNS_PLURAL.contains(&w) || w == "it" {
                return self.antecedent_group(k, src.start, w == "it");
            }
            if RELATIVES.contains(&w) {
                return self.relative_antecedent(src.start);
            }
            if matches!(w, "i" | "we" | "you") {
                return None;
            }
        }
        // A lone determiner ("a", a tagging slip) names no one.
        if words
            .iter()
            .all(|w| matches!(w.as_str(), "a" | "an" | "the"))
        {
            return None;
        }
        // A relative clause as source ("Okafor, who voted against the
        // plan, said"): the speaker is what it modifies.
        if words.len() > 1
            && RELATIVES.contains(&words[0].as_str())
            && src.start > 0
            && self.doc.token_text(src.start - 1) == ","
        {
            return self.relative_antecedent(src.start);
        }
        // A named entity, not in the possessive.
        if let Some((e, m)) = self.ents.mention_in(self.doc, src.clone()) {
            // "a spokesman for the Clinton campaign": the name is an affiliation.
            let affiliation = matches!(
                words[0].as_str(),
                "a" | "an" | "one" | "two" | "three" | "several" | "some"
            ) && m.tokens.start > src.start;
            // "NATO Chief", "a White House official": an organization's
            // name modifying a title or a person noun.
            let last = words.last().map_or("", String::as_str);
            let modifier = m.class != MentionClass::Person
                && m.tokens.end < src.end
                && (entities::is_title_noun(last) || ANONYMOUS_NOUNS.contains(&last));
            if !affiliation && !modifier {
                return Some(self.entity_draft(e));
            }
        }
        // A capitalized surname the entity tagger missed ("Rutte answered"):
        // the one person named in full with that last name.
        if let [w] = words.as_slice() {
            let capitalized = self
                .doc
                .token_text(src.start)
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
            let mut people = self.ents.list.iter().enumerate().filter(|(_, x)| {
                x.class == MentionClass::Person && x.words.len() >= 2 && x.words.last() == Some(w)
            });
            if let (true, Some((e, _)), None) = (capitalized, people.next(), people.next()) {
                return Some(self.entity_draft(e));
            }
        }
        // A title alone ("NATO Chief", "the president").
        if let Some(e) = self.title_reference(&src, &words) {
            return Some(self.entity_draft(e));
        }
        Some(self.nominal_draft(src))
    }

    /// The person a `he`/`she` source at token `at` refers to: the most
    /// salient person of the preceding sentences whose gender fits.
    /// Salience adds up each mention, weighted by recency, by subject
    /// position and against quotes and possessives; the running speaker
    /// (the previous attribution's) gets a bonus, news style being to
    /// continue a speaker with "he said".
    fn antecedent_person(&mut self, k: usize, at: usize, gender: Gender) -> Option<usize> {
        let fits = |x: &entities::Entity| x.gender.is_none_or(|g| g == gender);
        let here = self.doc.sentence_of(at);
        let paragraph = self.paragraph_of(at);
        let mut running: Option<usize> = None;
        for j in (0..k).rev() {
            let Some(d) = self.items[j].speaker.filter(|_| !self.items[j].inner) else {
                continue;
            };
            if paragraph.saturating_sub(self.paragraph_of(self.items[j].a.cue.start)) > 2 {
                break;
            }
            let draft = &self.drafts[d];
            if draft.kind == SpeakerKind::Person
                && draft.entity.is_none_or(|e| fits(&self.ents.list[e]))
            {
                running = Some(d);
            }
            break;
        }
        let weights = &SALIENCE;
        let mut scores: Vec<(usize, f32)> = Vec::new();
        for (m, e) in self.ents.before(at).iter().rev() {
            if m.class != MentionClass::Person {
                continue;
            }
            let back = here - self.doc.sentence_of(m.tokens.start).min(here);
            if back > SALIENCE_SENTENCES {
                break;
            }
            if !fits(&self.ents.list[*e]) {
                continue;
            }
            let mut w = 1.0 / (1.0 + back as f32);
            if self.quotes.is_quoted(m.tokens.start) {
                w *= weights.quoted;
            }
            if entities::is_possessive(self.doc.token_text(m.tokens.end - 1)) {
                w *= weights.possessive;
            }
            let s = &self.doc.sentences[self.doc.sentence_of(m.tokens.start)];
            let verb_before =
                (s.tokens.start..m.tokens.start).any(|i| self.pos[i].starts_with("VB"));
            if !verb_before {
                w *= weights.subject;
            }
            match scores.iter_mut().find(|(x, _)| x == e) {
                Some((_, total)) => *total += w,
                None => scores.push((*e, w)),
            }
        }
        if let Some(d) = running {
            match self.drafts[d].entity {
                Some(e) => match scores.iter_mut().find(|(x, _)| *x == e) {
                    Some((_, total)) => *total += weights.running,
                    None => scores.push((e, weights.running)),
                },
                // An unnamed running speaker ("a spokesman") wins unless a
                // named person is clearly more salient.
                None => {
                    let best = scores.iter().map(|x| x.1).fold(0.0, f32::max);
                    if best < weights.running {
                        return Some(d);
                    }
                }
            }
        }
        let (e, _) = scores.into_iter().max_by(|a, b| a.1.total_cmp(&b.1))?;
        Some(self.entity_draft(e))
    }

    /// The group or organization a `they`/`it` source refers to.
    fn antecedent_group(&mut self, k: usize, at: usize, singular: bool) -> Option<usize> {
        let paragraph = self.paragraph_of(at);
        for j in (0..k).rev() {
            if paragraph.saturating_sub(self.paragraph_of(self.items[j].a.cue.start)) > 2 {
                break;
            }
            let Some(d) = self.items[j].speaker.filter(|_| !self.items[j].inner) else {
                continue;
            };
            let kind = self.drafts[d].kind;
            let fits = if singular {
                matches!(kind, SpeakerKind::Organization | SpeakerKind::Media)
            } else {
                matches!(
                    kind,
                    SpeakerKind::Group | SpeakerKind::Organization | SpeakerKind::Media
                )
            };
            if fits {
                return Some(d);
            }
        }
        let e = self
            .ents
            .before(at)
            .iter()
            .rev()
            .take_while(|(m, _)| paragraph.saturating_sub(self.paragraph_of(m.tokens.start)) <= 1)
            .find(|(m, _)| m.class == MentionClass::Organization)
            .map(|&(_, e)| e)?;
        Some(self.entity_draft(e))
    }

    /// `…, who said`: the noun phrase before the relative pronoun.
    fn relative_antecedent(&mut self, at: usize) -> Option<usize> {
        let sentence = &self.doc.sentences[self.doc.sentence_of(at)];
        let mut end = at;
        if end > sentence.tokens.start && self.doc.token_text(end - 1) == "," {
            end -= 1;
        }
        if let Some(e) = self.ents.mention_ending_at(end) {
            return Some(self.entity_draft(e));
        }
        let mut start = end;
        while start > sentence.tokens.start {
            let t = self.pos[start - 1];
            if !(t.starts_with("NN") || matches!(t, "DT" | "JJ" | "POS" | "CD" | "PRP$")) {
                break;
            }
            start -= 1;
        }
        if start == end {
            return None;
        }
        if let Some((e, _)) = self.ents.mention_in(self.doc, start..end) {
            // "the Joe Biden administration": the name only modifies the head.
            let named_head = self.ents.mention_ending_at(end) == Some(e);
            if named_head {
                return Some(self.entity_draft(e));
            }
        }
        Some(self.nominal_draft(start..end))
    }

    /// A person whose titles match a title-only source ("NATO Chief" →
    /// the person titled "NATO Secretary General").
    fn title_reference(&self, src: &Range<usize>, words: &[String]) -> Option<usize> {
        let first = words.first()?.as_str();
        if matches!(
            first,
            "a" | "an" | "one" | "two" | "three" | "several" | "some"
        ) {
            return None;
        }
        let head = words.last()?;
        if !entities::is_title_noun(head) {
            return None;
        }
        let content: Vec<&str> = words
            .iter()
            .map(|w| entities::strip_possessive(w))
            .filter(|w| !matches!(*w, "the" | "former" | "current" | "new" | "then"))
            .collect();
        let mut best: Option<(usize, usize, usize)> = None; // (score, recency, entity)
        for (id, x) in self.ents.list.iter().enumerate() {
            if x.class != MentionClass::Person || x.titles.is_empty() {
                continue;
            }
            let title_words: Vec<String> = x
                .titles
                .iter()
                .flat_map(|t| t.split_whitespace())
                .map(|w| entities::strip_possessive(&w.to_lowercase()).to_string())
                .collect();
            let score = content
                .iter()
                .filter(|w| title_words.iter().any(|t| t == *w))
                .count();
            if score == 0 {
                continue;
            }
            // Recency: the latest mention before the source, else any.
            let recency = x
                .mentions
                .iter()
                .filter(|m| m.end <= src.start)
                .map(|m| m.end)
                .max()
                .unwrap_or(0);
            let candidate = (score, recency, id);
            if best.is_none_or(|b| (candidate.0, candidate.1) > (b.0, b.1)) {
                best = Some(candidate);
            }
        }
        best.map(|b| b.2)
    }

    /// Quotes that make up a whole paragraph right after a paragraph whose
    /// last attribution has a speaker, and belong to no attribution, go to
    /// that running speaker.
    fn add_continuations(&mut self) {
        let mut covered = vec![false; self.doc.tokens.len()];
        for it in &self.items {
            for r in it.a.content.iter().chain([&it.a.cue]).chain(&it.a.source) {
                covered[r.clone()].iter_mut().for_each(|c| *c = true);
            }
        }
        let mut added = Vec::new();
        let mut last_speaker: Option<(usize, usize)> = None; // (item, paragraph)
        let mut by_paragraph: Vec<Option<usize>> = vec![None; self.doc.paragraphs.len()];
        for (k, it) in self.items.iter().enumerate() {
            if it.speaker.is_some() {
                let p = self.paragraph_of(it.a.cue.start);
                by_paragraph[p] = Some(k);
            }
        }
        for (p, para) in self.doc.paragraphs.iter().enumerate() {
            if let Some(k) = by_paragraph[p] {
                last_speaker = Some((k, p));
                continue;
            }
            let Some((k, from)) = last_speaker else {
                continue;
            };
            if p != from + 1 {
                last_speaker = None;
                continue;
            }
            let first = self.doc.sentences[para.sentences.start].tokens.start;
            let last = self.doc.sentences[para.sentences.end - 1].tokens.end;
            let Some(q) = self.quotes.quote_of_mark(first) else {
                last_speaker = None;
                continue;
            };
            let whole = q.open == first && (q.close + 1 == last || q.close + 2 == last);
            if whole && !covered[first..last].iter().any(|&c| c) && self.items[k].a.source.is_some()
            {
                let a = TokenAttribution {
                    source: None,
                    cue: 0..0,
                    content: std::iter::once(first..q.close + 1).collect(),
                };
                let mut item = Item::new(a);
                item.speaker = self.items[k].speaker;
                item.continues = Some(k);
                added.push(item);
                last_speaker = Some((k, p));
            } else {
                last_speaker = None;
            }
        }
        self.items.extend(added);
    }

    /// `nested_in`: an attribution whose cue lies inside another's content.
    fn find_nesting(&mut self) {
        // Content runs by start; a cue's container starts at or before it.
        let mut runs: Vec<(usize, usize, usize)> = self
            .items
            .iter()
            .enumerate()
            .flat_map(|(j, it)| it.a.content.iter().map(move |c| (c.start, c.end, j)))
            .collect();
        runs.sort_unstable();
        for k in 0..self.items.len() {
            let cue = self.items[k].a.cue.clone();
            if cue.is_empty() {
                continue;
            }
            let at = runs.partition_point(|r| r.0 <= cue.start);
            // The innermost container among the nearest runs.
            let outer = runs[..at]
                .iter()
                .rev()
                .take(NESTING_LOOKBACK)
                .filter(|r| r.2 != k && cue.end <= r.1)
                .min_by_key(|r| r.1 - r.0)
                .map(|r| r.2);
            self.items[k].nested_in = outer;
        }
    }

    /// "X was asked (by Y) if P … X answered ‘yes’": links the answer.
    fn link_questions(&mut self) {
        const ASKED: [u64; 2] = crate::perceptron::syms(["asked", "questioned"]);
        let n = self.doc.tokens.len();
        for i in 0..n {
            // The hashes first: they rule out almost every token unread.
            if !ASKED.contains(&self.doc.lower_sym(i))
                || !matches!(&*self.lower(i), "asked" | "questioned")
            {
                continue;
            }
            let sentence = self.doc.sentence_of(i);
            let s = &self.doc.sentences[sentence];
            // Passive: "X was asked", or "When asked".
            let passive = i > s.tokens.start
                && matches!(
                    &*self.lower(i - 1),
                    "was" | "were" | "is" | "been" | "being" | "when" | "if"
                );
            if !passive {
                continue;
            }
            let mut j = i + 1;
            let mut asked_by = None;
            if j < s.tokens.end && self.lower(j) == "by" {
                let from = j + 1;
                while j < s.tokens.end
                    && !matches!(&*self.lower(j), "if" | "whether" | "about" | ",")
                {
                    j += 1;
                }
                if j > from {
                    asked_by = Some(from..j);
                }
            }
            if j >= s.tokens.end || !matches!(&*self.lower(j), "if" | "whether" | "about") {
                continue;
            }
            let mut end = s.tokens.end;
            while end > j + 1 && self.doc.tokens[end - 1].kind == TokenKind::Punct {
                end -= 1;
            }
            // Stop at the comma before the answer in "When asked whether P, X said".
            if let Some(comma) = (j + 1..end).find(|&t| self.doc.token_text(t) == ",") {
                if self.lower(i - 1) == "when" {
                    end = comma;
                }
            }
            let question = j..end;
            // The addressee: the subject before "was asked", if named.
            let addressee = if self.lower(i - 1) == "when" {
                None
            } else {
                // The last name before "was asked".
                self.ents
                    .before(i - 1)
                    .iter()
                    .rev()
                    .take_while(|(m, _)| m.tokens.start >= s.tokens.start)
                    .next()
                    .map(|&(_, e)| e)
            };
            // The answer: the next attribution within two sentences whose
            // speaker is the addressee (any speaker after "When asked").
            let answer = (0..self.items.len())
                .filter(|&k| self.items[k].a.cue.start > i && self.items[k].answers.is_none())
                .filter(|&k| self.doc.sentence_of(self.items[k].a.cue.start) <= sentence + 2)
                .filter(|&k| match addressee {
                    None => true,
                    Some(e) => self.items[k]
                        .speaker
                        .is_some_and(|d| self.drafts[d].entity == Some(e)),
                })
                .min_by_key(|&k| self.items[k].a.cue.start);
            let Some(k) = answer else { continue };
            let polarity = self.polarity(&self.items[k].a.content);
            self.items[k].answers = Some((question, asked_by.clone(), polarity));
            // The asker's outlet makes the exchange an interview with it.
            if let Some(by) = asked_by {
                // "Bloomberg TV’s Annemarie Gordern": the possessor.
                let owner = by
                    .clone()
                    .find(|&t| entities::is_possessive(self.doc.token_text(t)))
                    .map(|t| {
                        let from = by.start + usize::from(self.lower(by.start) == "the");
                        entities::display_name(self.doc, from..t + 1)
                    });
                let outlet = owner.filter(|o| is_media_name(o)).or_else(|| {
                    self.ents
                        .within(by.clone())
                        .iter()
                        .map(|(_, e)| &self.ents.list[*e])
                        .find(|x| x.class != MentionClass::Person && is_media_name(&x.name))
                        .map(|x| x.name.clone())
                });
                self.items[k]
                    .channel
                    .push((ChannelKind::Interview, outlet, Some(i - 1..i + 1)));
            }
            // Asked inside a relayed report: so is the answer.
            if let Some(outer) = (0..self.items.len())
                .find(|&o| self.items[o].a.content.iter().any(|c| c.contains(&i)))
            {
                if let Some(via) = self.media_speaker(outer) {
                    let cue = self.items[outer].a.cue.clone();
                    self.items[k]
                        .channel
                        .push((ChannelKind::Relay, Some(via), Some(cue)));
                }
            }
        }
    }

    fn polarity(&self, content: &[Range<usize>]) -> Option<Polarity> {
        let words: Vec<String> = content
            .iter()
            .flat_map(|r| r.clone())
            .filter(|&t| self.doc.tokens[t].kind == TokenKind::Word)
            .map(|t| self.lower(t).into_owned())
            .collect();
        let first = words.first()?.as_str();
        if words.len() > 3 {
            return None;
        }
        match first {
            "yes" | "yeah" | "yep" | "absolutely" | "certainly" | "correct" | "indeed" => {
                Some(Polarity::Affirms)
            }
            "no" | "nope" | "never" => Some(Polarity::Denies),
            _ => None,
        }
    }

    /// The outlet's name when attribution `k`'s speaker is media.
    fn media_speaker(&self, k: usize) -> Option<String> {
        let d = self.items[k].speaker?;
        (self.drafts[d].kind == SpeakerKind::Media).then(|| self.drafts[d].name.clone())
    }

    /// Tokens of the sentence holding attribution `k`'s cue, minus its content.
    fn frame(&self, k: usize) -> Range<usize> {
        let cue = &self.items[k].a.cue;
        let s = &self.doc.sentences[self.doc.sentence_of(cue.start)];
        s.tokens.clone()
    }

    fn in_content(&self, k: usize, t: usize) -> bool {
        self.items[k].a.content.iter().any(|c| c.contains(&t))
    }

    fn find_channels(&mut self) {
        for k in 0..self.items.len() {
            if self.items[k].a.cue.is_empty() {
                continue;
            }
            let frame = self.frame(k);
            let mut found = Vec::new();
            for t in frame.clone() {
                if self.in_content(k, t) || self.quotes.is_quoted(t) {
                    continue;
                }
                let w = self.lower(t);
                let kind = match w.as_ref() {
                    "interview" | "interviews" => Some(ChannelKind::Interview),
                    "statement" | "release" | "communique" | "communiqué" => {
                        Some(ChannelKind::Statement)
                    }
                    "tweet" | "tweeted" | "post" | "posted" | "tweets" | "wrote" => {
                        Some(ChannelKind::Post)
                    }
                    "conference" | "briefing" => Some(ChannelKind::PressConference),
                    "speech" | "rally" | "remarks" | "address" => Some(ChannelKind::Speech),
                    "letter" => Some(ChannelKind::Letter),
                    "testimony" | "testified" | "hearing" => Some(ChannelKind::Testimony),
                    "told" | "tells" | "telling" if self.items[k].a.cue.contains(&t) => {
                        Some(ChannelKind::Told)
                    }
                    _ => None,
                };
                let Some(kind) = kind else { continue };
                let via = self.channel_via(kind, t, &frame);
                if kind == ChannelKind::Post && w == "wrote" && via.is_none() {
                    continue;
                }
                if kind == ChannelKind::Told && via.is_none() {
                    continue;
                }
                found.push((kind, via, Some(t..t + 1)));
            }
            // "said on CNN": a broadcast appearance.
            if found.is_empty() {
                let cue_end = self.items[k].a.cue.end;
                if cue_end < frame.end && self.lower(cue_end) == "on" {
                    if let Some(name) = self.media_at(cue_end + 1) {
                        found.push((
                            ChannelKind::Broadcast,
                            Some(name),
                            Some(cue_end..cue_end + 1),
                        ));
                    }
                }
            }
            // An interview already linked by a question stays one entry.
            for f in found {
                let same = self.items[k]
                    .channel
                    .iter()
                    .any(|c| c.0 == f.0 && (c.1 == f.1 || f.1.is_none()));
                if !same {
                    self.items[k].channel.insert(0, f);
                }
            }
            // Relay: nested in an outlet's report.
            if let Some(outer) = self.items[k].nested_in {
                if let Some(via) = self.media_speaker(outer) {
                    let cue = self.items[outer].a.cue.clone();
                    if !self.items[k]
                        .channel
                        .iter()
                        .any(|c| c.0 == ChannelKind::Relay)
                    {
                        self.items[k]
                            .channel
                            .push((ChannelKind::Relay, Some(via), Some(cue)));
                    }
                }
            }
        }
        self.merge_interviews();
        self.carry_channels();
    }

    /// An outlet or platform named at token `t`.
    fn media_at(&self, t: usize) -> Option<String> {
        let at = if t < self.doc.tokens.len() && self.lower(t) == "the" {
            t + 1
        } else {
            t
        };
        let (m, e) = self.ents.starting_at(at)?;
        let x = &self.ents.list[*e];
        (x.class != MentionClass::Person
            && (is_media_name(&x.name) || m.class == MentionClass::Organization))
            .then(|| x.name.clone())
    }

    /// Through whom a channel word at `t` ran: "interview with X", "X
    /// interview", "told X", "on Twitter".
    fn channel_via(&self, kind: ChannelKind, t: usize, frame: &Range<usize>) -> Option<String> {
        let named_from = |i: usize| -> Option<String> {
            if i >= frame.end {
                return None;
            }
            let i = if self.lower(i) == "the" { i + 1 } else { i };
            self.ents
                .starting_at(i)
                .map(|(_, e)| self.ents.list[*e].name.clone())
        };
        match kind {
            ChannelKind::Told => named_from(t + 1).or_else(|| {
                (t + 1 < frame.end && matches!(&*self.lower(t + 1), "reporters" | "journalists"))
                    .then(|| self.doc.token_text(t + 1).to_string())
            }),
            ChannelKind::Post => {
                let platform = (t + 1..(t + 4).min(frame.end)).find_map(|i| {
                    let w = self.lower(i);
                    PLATFORMS
                        .contains(&w.as_ref())
                        .then(|| self.doc.token_text(i).to_string())
                });
                platform
            }
            _ => {
                // "interview with X" / "interview on X" / "X interview".
                for i in t + 1..(t + 3).min(frame.end) {
                    if matches!(&*self.lower(i), "with" | "on" | "to") {
                        return named_from(i + 1);
                    }
                }
                if t > frame.start {
                    return self
                        .ents
                        .ending_at(t)
                        .filter(|(m, _)| m.class != MentionClass::Person)
                        .map(|(_, e)| self.ents.list[*e].name.clone());
                }
                None
            }
        }
    }

    /// One speaker's interviews are one interview when the text names a
    /// single interviewer for them: fill it in where a mention left it out.
    fn merge_interviews(&mut self) {
        let mut vias: Vec<Vec<String>> = vec![Vec::new(); self.drafts.len()];
        for it in &self.items {
            let Some(d) = it.speaker else { continue };
            for (kind, via, _) in &it.channel {
                if let (ChannelKind::Interview, Some(v)) = (kind, via) {
                    if !vias[d].contains(v) {
                        vias[d].push(v.clone());
                    }
                }
            }
        }
        // "Bloomberg" and "Bloomberg TV" are one interviewer.
        let single: Vec<Option<String>> = vias
            .into_iter()
            .map(|mut v| {
                v.sort_by_key(|x| std::cmp::Reverse(x.len()));
                let fullest = v.first()?.clone();
                v.iter()
                    .all(|x| fullest.starts_with(x.as_str()))
                    .then_some(fullest)
            })
            .collect();
        for it in &mut self.items {
            let Some(Some(via)) = it.speaker.map(|d| &single[d]) else {
                continue;
            };
            for (kind, v, _) in &mut it.channel {
                let prefix = v.as_ref().is_none_or(|x| via.starts_with(x.as_str()));
                if *kind == ChannelKind::Interview && prefix {
                    *v = Some(via.clone());
                }
            }
        }
    }

    /// A statement with no channel of its own, in the same paragraph as the
    /// same speaker's previous one, shares its channel.
    fn carry_channels(&mut self) {
        for k in 1..self.items.len() {
            if !self.items[k].channel.is_empty() || self.items[k].a.cue.is_empty() {
                continue;
            }
            let Some(d) = self.items[k].speaker else {
                continue;
            };
            let p = self.paragraph_of(self.items[k].a.cue.start);
            let prev = (0..k).rev().find(|&j| {
                !self.items[j].a.cue.is_empty() && self.paragraph_of(self.items[j].a.cue.start) == p
            });
            if let Some(j) = prev {
                if self.items[j].speaker == Some(d) {
                    self.items[k].channel = self.items[j].channel.clone();
                }
            }
        }
        // Continuing quotes share their speaker's channel.
        for k in 0..self.items.len() {
            if let Some(j) = self.items[k].continues {
                self.items[k].channel = self.items[j].channel.clone();
            }
        }
    }

    /// The statement's time: a time expression in the sentence of the cue,
    /// outside the content, the one nearest the cue.
    fn find_times(&mut self) {
        for k in 0..self.items.len() {
            let cue = self.items[k].a.cue.clone();
            if cue.is_empty() {
                continue;
            }
            let frame = self.frame(k);
            let items = &self.items;
            let quotes = self.quotes;
            let allowed = |t: usize| {
                !items[k].a.content.iter().any(|c| c.contains(&t)) && !quotes.is_quoted(t)
            };
            let found = when::find(self.doc, frame, allowed, self.info.published);
            let distance = |m: &when::TimeMatch| {
                if m.tokens.end <= cue.start {
                    cue.start - m.tokens.end
                } else {
                    m.tokens.start.saturating_sub(cue.end)
                }
            };
            self.items[k].time = found.into_iter().min_by_key(distance);
        }
    }

    fn finish(mut self) -> Account {
        // Text order: by content start, then cue.
        let mut order: Vec<usize> = (0..self.items.len()).collect();
        let start = |it: &Item| {
            let c = it.a.content.first().map_or(0, |r| r.start);
            let s = it.a.source.as_ref().map_or(c, |r| r.start);
            c.min(s).min(if it.a.cue.is_empty() {
                c
            } else {
                it.a.cue.start
            })
        };
        order.sort_by_key(|&k| (start(&self.items[k]), self.items[k].a.cue.start));
        let mut new_index = vec![0; order.len()];
        for (n, &k) in order.iter().enumerate() {
            new_index[k] = n;
        }
        // Speakers in order of first attribution.
        let mut speaker_ids: Vec<Option<usize>> = vec![None; self.drafts.len()];
        let mut speakers_order = Vec::new();
        for &k in &order {
            if let Some(d) = self.items[k].speaker {
                if speaker_ids[d].is_none() {
                    speaker_ids[d] = Some(speakers_order.len());
                    speakers_order.push(d);
                }
            }
        }
        let offsets = CharOffsets::new(self.doc.text());
        let span = |r: &Range<usize>| -> Span {
            let (a, b) = (
                self.doc.tokens[r.start].start,
                self.doc.tokens[r.end - 1].end,
            );
            Span {
                start: offsets.char_offset(a),
                end: offsets.char_offset(b),
                text: self.doc.text()[a..b].to_string(),
            }
        };
        let speakers: Vec<Speaker> = speakers_order
            .iter()
            .enumerate()
            .map(|(id, &d)| {
                let draft = &self.drafts[d];
                let mut mentions: Vec<Range<usize>> = draft.source_mentions.clone();
                let mut titles = Vec::new();
                if let Some(e) = draft.entity {
                    mentions.extend(self.ents.list[e].mentions.iter().cloned());
                    titles = self.ents.list[e].titles.clone();
                }
                mentions.sort_by_key(|r| (r.start, r.end));
                mentions.dedup();
                // A name inside a source span is one mention: keep the wider.
                let mut kept: Vec<Range<usize>> = Vec::new();
                for m in mentions {
                    if let Some(last) = kept.last_mut() {
                        if m.start < last.end {
                            if m.end > last.end {
                                last.end = m.end;
                            }
                            continue;
                        }
                    }
                    kept.push(m);
                }
                Speaker {
                    id,
                    name: draft.name.clone(),
                    kind: draft.kind,
                    titles,
                    mentions: kept.iter().map(span).collect(),
                    anonymous: draft.anonymous,
                }
            })
            .collect();
        let unattributed = self.unattributed(&span);
        let items = std::mem::take(&mut self.items);
        let attributions = order
            .iter()
            .map(|&k| {
                let it = &items[k];
                let spans = |rs: &mut dyn Iterator<Item = &Range<usize>>| -> Vec<Span> {
                    rs.filter(|r| !r.is_empty()).map(&span).collect()
                };
                let attribution = Attribution {
                    source: spans(&mut it.a.source.iter()),
                    cue: spans(&mut std::iter::once(&it.a.cue)),
                    content: spans(&mut it.a.content.iter()),
                    kind: crate::kind_of(self.quotes, &it.a.content),
                };
                ResolvedAttribution {
                    attribution,
                    speaker: it.speaker.and_then(|d| speaker_ids[d]),
                    channel: it
                        .channel
                        .iter()
                        .map(|(kind, via, ev)| Channel {
                            kind: *kind,
                            via: via.clone(),
                            evidence: ev.as_ref().filter(|r| !r.is_empty()).map(&span),
                        })
                        .collect(),
                    time: it.time.as_ref().map(|m| Time {
                        span: span(&m.tokens),
                        value: m.value.clone(),
                        relative: m.relative,
                    }),
                    nested_in: it.nested_in.map(|j| new_index[j]),
                    continues: it.continues.map(|j| new_index[j]),
                    answers: it.answers.as_ref().map(|(q, by, polarity)| Answer {
                        question: span(q),
                        asked_by: by.as_ref().map(&span),
                        polarity: *polarity,
                    }),
                    inner: it.inner,
                }
            })
            .collect();
        Account {
            attributions,
            speakers,
            unattributed,
        }
    }

    /// Sentences and clauses outside every attribution that make a claim:
    /// at least three words with a verb. Framing before an attribution's
    /// source ("In an interview that aired on Friday,") is not a claim.
    fn unattributed(&self, span: &dyn Fn(&Range<usize>) -> Span) -> Vec<Unattributed> {
        let n = self.doc.tokens.len();
        let mut covered = vec![false; n];
        let mut frame_start = vec![false; n];
        for it in &self.items {
            for r in it.a.content.iter().chain([&it.a.cue]).chain(&it.a.source) {
                covered[r.clone()].iter_mut().for_each(|c| *c = true);
            }
            let first =
                it.a.source
                    .as_ref()
                    .map_or(it.a.cue.start, |s| s.start.min(it.a.cue.start));
            if !it.a.cue.is_empty() && first < n {
                frame_start[first] = true;
            }
        }
        let mut out = Vec::new();
        for s in &self.doc.sentences {
            let mut t = s.tokens.start;
            while t < s.tokens.end {
                if covered[t] {
                    t += 1;
                    continue;
                }
                let from = t;
                while t < s.tokens.end && !covered[t] {
                    t += 1;
                }
                let mut r = from..t;
                let edge = |i: usize| {
                    matches!(
                        self.doc.tokens[i].kind,
                        TokenKind::Punct | TokenKind::QuoteMark
                    ) || matches!(&*self.lower(i), "and" | "but")
                };
                while r.start < r.end && edge(r.start) {
                    r.start += 1;
                }
                while r.end > r.start && edge(r.end - 1) {
                    r.end -= 1;
                }
                let words = r
                    .clone()
                    .filter(|&i| self.doc.tokens[i].kind == TokenKind::Word)
                    .count();
                let verb = r
                    .clone()
                    .any(|i| matches!(self.pos[i], "VB" | "VBD" | "VBZ" | "VBP" | "MD"));
                if words < 3 || !verb {
                    continue;
                }
                // A frame before an attribution: "In an interview …, X said".
                let frames = t < s.tokens.end
                    && frame_start[t]
                    && matches!(
                        self.pos[r.start],
                        "IN" | "TO" | "VBG" | "VBN" | "WRB" | "RB"
                    );
                if frames && !matches!(&*self.lower(r.start), "however" | "meanwhile") {
                    continue;
                }
                let whole = r.start == trim_edges(self.doc, s.tokens.clone()).start
                    && r.end == trim_edges(self.doc, s.tokens.clone()).end;
                out.push(Unattributed {
                    span: span(&r),
                    whole_sentence: whole,
                });
            }
        }
        out
    }
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
mod tests {
    use super::*;
    use crate::Extractor;
    use std::sync::OnceLock;

    fn extractor() -> &'static Extractor {
        static E: OnceLock<Extractor> = OnceLock::new();
        E.get_or_init(Extractor::builtin)
    }

    fn analyze(text: &str) -> Account {
        extractor().analyze(text, &DocumentInfo::default())
    }

    fn speaker<'a>(account: &'a Account, a: &ResolvedAttribution) -> &'a Speaker {
        &account.speakers[a.speaker.expect("a speaker")]
    }

    #[test]
    fn pronouns_and_surnames_join_the_named_person() {
        let acc = analyze(
            "Talks\n\nFormer NATO Secretary General Jens Stoltenberg said that the talks had failed.\n\n\
             He added, “We will not sign that.”\n\nStoltenberg also said that Russia had refused.",
        );
        assert_eq!(acc.attributions.len(), 3, "{acc:#?}");
        let ids: Vec<Option<usize>> = acc.attributions.iter().map(|a| a.speaker).collect();
        assert!(ids.iter().all(|&id| id == ids[0]), "{ids:?}");
        let s = speaker(&acc, &acc.attributions[0]);
        assert_eq!(s.name, "Jens Stoltenberg");
        assert_eq!(s.kind, SpeakerKind::Person);
        assert!(!s.anonymous);
        assert!(
            s.titles
                .iter()
                .any(|t| t.contains("NATO Secretary General")),
            "{:?}",
            s.titles
        );
    }

    #[test]
    fn a_title_tagged_inside_the_name_becomes_a_title() {
        // Regression: the tagger took "Mayor" into the name, so "Mayor Elena
        // Marsh" and "Elena Marsh" were two speakers in the store.
        let acc = analyze(
            "Harbor\n\nMayor Elena Marsh said on Monday that the city would move ahead with the plan.\n\n\
             “This plan brings jobs back,” Marsh told reporters.",
        );
        assert_eq!(acc.attributions.len(), 2, "{acc:#?}");
        let s = speaker(&acc, &acc.attributions[0]);
        assert_eq!(s.name, "Elena Marsh");
        assert!(s.titles.iter().any(|t| t == "Mayor"), "{:?}", s.titles);
        assert_eq!(acc.attributions[1].speaker, acc.attributions[0].speaker);
    }

    #[test]
    fn a_surname_the_tagger_missed_joins_the_person() {
        let acc = analyze(
            "Talks\n\nNATO Secretary General Mark Rutte said that the talks went well. \
             Zyx Qwerty said nothing. Rutte answered “yes.”",
        );
        let last = acc.attributions.last().unwrap();
        assert_eq!(last.attribution.source[0].text, "Rutte");
        assert_eq!(speaker(&acc, last).name, "Mark Rutte", "{acc:#?}");
    }

    #[test]
    fn a_surname_tagged_as_an_organization_joins_the_person() {
        // Regression: after pruning the entity model, "Rutte answered" was
        // tagged as an organization and became a speaker of its own.
        let doc =
            Document::new("Talks\n\nMark Rutte said that talks went well. Rutte answered “yes.”");
        let n = doc.tokens.len();
        let rutte = (0..n)
            .filter(|&i| doc.token_text(i) == "Rutte")
            .collect::<Vec<_>>();
        let mentions = vec![
            entities::Mention {
                tokens: rutte[0] - 1..rutte[0] + 1,
                class: MentionClass::Person,
            },
            entities::Mention {
                tokens: rutte[1]..rutte[1] + 1,
                class: MentionClass::Organization,
            },
        ];
        let pos = vec!["NNP"; n];
        let e = Entities::build(&doc, &pos, mentions, &GenderLexicon::default());
        assert_eq!(
            e.list.len(),
            1,
            "{:?}",
            e.list.iter().map(|x| &x.name).collect::<Vec<_>>()
        );
        assert_eq!(e.list[0].class, MentionClass::Person);
        assert_eq!(e.list[0].mentions.len(), 2);
    }

    #[test]
    fn a_relative_clause_source_is_its_antecedent() {
        // Regression: "who voted against the plan" became a speaker.
        let acc = analyze(
            "Vote\n\nCouncil member David Okafor criticized the plan on Monday.\n\n\
             Okafor, who voted against the plan, said the compromise came too late.",
        );
        let said = acc
            .attributions
            .iter()
            .find(|a| a.attribution.cue[0].text == "said")
            .expect("the said attribution");
        assert_eq!(speaker(&acc, said).name, "David Okafor", "{acc:#?}");
    }

    #[test]
    fn a_lone_determiner_source_names_no_one() {
        // Regression: a tagging slip gave the source "a" (inside "said in a
        // statement"), which became an organization named "a".
        let doc = Document::new("Head\n\nThe board said in a statement that it wants guarantees.");
        let at = |w: &str| {
            (0..doc.tokens.len())
                .find(|&i| doc.token_text(i) == w)
                .unwrap()
        };
        let one = |w: &str| at(w)..at(w) + 1;
        let found = [TokenAttribution {
            source: Some(one("a")),
            cue: one("wants"),
            content: [one("guarantees")].to_vec(),
        }];
        let acc = Resolver::builtin().account(
            &doc,
            &QuoteIndex::new(&doc),
            &found,
            &DocumentInfo::default(),
        );
        assert_eq!(acc.attributions.len(), 1);
        assert_eq!(acc.attributions[0].speaker, None, "{acc:#?}");
        assert!(acc.speakers.is_empty());
    }

    #[test]
    fn an_apposition_of_circumstance_is_no_title() {
        // Regression: "even as a candidate" was stored as Trump's title.
        let acc = analyze(
            "Trade\n\nDonald Trump, even as a candidate, said that tariffs would work. \
             Hillary Clinton, the former secretary of state, said that they would not.",
        );
        let titles = |name: &str| {
            acc.speakers
                .iter()
                .find(|s| s.name == name)
                .map(|s| s.titles.clone())
                .unwrap_or_default()
        };
        assert!(
            titles("Donald Trump").iter().all(|t| !t.contains("as a")),
            "{acc:#?}"
        );
        assert!(
            titles("Hillary Clinton")
                .iter()
                .any(|t| t == "former secretary of state"),
            "{acc:#?}"
        );
    }

    #[test]
    fn anonymity_formulas_mark_the_source_and_leave_its_name() {
        let acc = analyze(
            "Harbor\n\nAccording to a city official who asked not to be named, the council \
             will vote this month.\n\nA senior aide, who spoke on condition of anonymity, said \
             the vote would pass.",
        );
        let names: Vec<(&str, bool)> = acc
            .speakers
            .iter()
            .map(|s| (s.name.as_str(), s.anonymous))
            .collect();
        assert_eq!(
            names,
            [("a city official", true), ("A senior aide", true)],
            "{acc:#?}"
        );
        assert_eq!(acc.attributions[0].attribution.cue[0].text, "According to");
    }

    #[test]
    fn a_pronoun_takes_the_gender_that_fits() {
        let acc = analyze(
            "Debate\n\nHillary Clinton said that the plan would work. Donald Trump said that it would fail.\n\n\
             She said that he was wrong.",
        );
        let last = acc.attributions.last().unwrap();
        assert_eq!(last.attribution.source[0].text, "She");
        assert_eq!(speaker(&acc, last).name, "Hillary Clinton");
    }

    #[test]
    fn unnamed_sources_are_anonymous() {
        let acc = analyze(
            "Talks\n\nA source said that the talks had failed.\n\nOfficials said that the talks would resume.",
        );
        assert_eq!(acc.speakers.len(), 2, "{acc:#?}");
        assert!(acc.speakers.iter().all(|s| s.anonymous));
        assert_eq!(acc.speakers[0].kind, SpeakerKind::Person);
        assert_eq!(acc.speakers[1].kind, SpeakerKind::Group);
    }

    #[test]
    fn relayed_statements_are_nested_and_carry_the_relay() {
        let acc = analyze(
            "Report\n\nAccording to Reuters, Prime Minister John Smith said that the plan had failed.",
        );
        let outer = acc
            .attributions
            .iter()
            .position(|a| a.nested_in.is_none())
            .expect("the outer attribution");
        assert_eq!(
            speaker(&acc, &acc.attributions[outer]).kind,
            SpeakerKind::Media
        );
        let inner = acc
            .attributions
            .iter()
            .find(|a| a.nested_in == Some(outer))
            .expect("the nested attribution");
        assert!(!inner.is_outermost());
        assert_eq!(speaker(&acc, inner).name, "John Smith");
        let relay = inner.channel.iter().find(|c| c.kind == ChannelKind::Relay);
        assert_eq!(relay.and_then(|c| c.via.as_deref()), Some("Reuters"));
    }

    #[test]
    fn interviews_and_times_come_from_the_frame() {
        let text = "War\n\nIn an interview with CNN on Friday, John Smith said that the war would end in 2026.";
        let info = DocumentInfo {
            published: Some(NaiveDate::from_ymd_opt(2025, 2, 17).unwrap()),
        };
        let acc = extractor().analyze(text, &info);
        let a = &acc.attributions[0];
        assert_eq!(a.channel[0].kind, ChannelKind::Interview);
        assert_eq!(a.channel[0].via.as_deref(), Some("CNN"));
        let time = a.time.as_ref().expect("a time");
        assert_eq!(time.span.text, "on Friday");
        assert_eq!(time.value.as_deref(), Some("2025-02-14"));
        // The year inside the content is not the statement's time.
        let acc = analyze(text);
        assert_eq!(acc.attributions[0].time.as_ref().unwrap().value, None);
    }

    #[test]
    fn an_answer_links_to_its_question() {
        let acc = analyze(
            "Talks\n\nJohn Smith was asked by CNN’s Jake Tapper if the war was over. Smith answered “yes.”",
        );
        let answer = acc
            .attributions
            .iter()
            .find(|a| a.answers.is_some())
            .expect("an answer");
        let q = answer.answers.as_ref().unwrap();
        assert!(q.question.text.starts_with("if the war was over"), "{q:?}");
        assert_eq!(q.polarity, Some(Polarity::Affirms));
        assert_eq!(q.asked_by.as_ref().unwrap().text, "CNN’s Jake Tapper");
        assert_eq!(answer.channel[0].via.as_deref(), Some("CNN"));
    }

    #[test]
    fn quotes_without_a_cue_continue_the_running_speaker() {
        let acc = analyze(
            "Plan\n\nJohn Smith said that the plan had failed.\n\n“We will try again next year.”",
        );
        assert_eq!(acc.attributions.len(), 2, "{acc:#?}");
        let cont = &acc.attributions[1];
        assert_eq!(cont.continues, Some(0));
        assert!(cont.attribution.cue.is_empty());
        assert_eq!(cont.speaker, acc.attributions[0].speaker);
        assert!(!cont.is_outermost());
    }

    #[test]
    fn the_outlets_own_claims_are_unattributed() {
        let acc = analyze(
            "Economy\n\nThe economy grew by three percent last year. John Smith said that it would grow again.",
        );
        assert_eq!(acc.unattributed.len(), 1, "{acc:#?}");
        assert_eq!(
            acc.unattributed[0].span.text,
            "The economy grew by three percent last year"
        );
        assert!(acc.unattributed[0].whole_sentence);
    }

    #[test]
    fn empty_and_odd_input_gives_an_empty_account() {
        for text in ["", "\n\n", "“", "he said", "said: :", "’s’s’s"] {
            let acc = analyze(text);
            for a in &acc.attributions {
                if let Some(id) = a.speaker {
                    assert!(id < acc.speakers.len());
                }
            }
        }
    }
}
