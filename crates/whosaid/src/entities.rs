//! Entities of one document: named mentions (from the [`crate::ner`]
//! tagger) grouped into people and organizations, with the titles and roles
//! the text attaches to people.
//!
//! A person's name is their fullest mention; a surname-only or first-name
//! mention joins the person whose name contains it, the most recently
//! mentioned one when several do ("Clinton" after "Bill Clinton").

use std::ops::Range;

use crate::ner::{self, NerTagger};
use crate::pos::TaggedTokens;
use crate::text::{Document, TokenKind};

/// Class of a named mention, as the entity tagger assigns it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionClass {
    /// A person's name.
    Person,
    /// A company, agency, party, outlet, …
    Organization,
    /// A place, often standing for its government ("Russia said").
    Location,
    /// Other names: nationalities, events, titles of works.
    Misc,
}

/// A named mention: tokens and class.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Tokens of the mention (a possessive `’s` stays on its token).
    pub tokens: Range<usize>,
    /// The tagger's class.
    pub class: MentionClass,
}

/// Grammatical gender, when the text shows it (honorifics, gendered titles).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    /// he / him / his
    Male,
    /// she / her
    Female,
}

/// A person or organization of the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// The fullest name the text gives.
    pub name: String,
    /// Person, organization or place.
    pub class: MentionClass,
    /// Lowercased name words, possessives stripped.
    pub words: Vec<String>,
    /// Titles and roles attached to the entity, as written.
    pub titles: Vec<String>,
    /// Every mention's tokens, in text order.
    pub mentions: Vec<Range<usize>>,
    /// Gender, when the text marks it.
    pub gender: Option<Gender>,
}

/// The entities of a document and which entity each mention belongs to.
#[derive(Debug, Clone, Default)]
pub struct Entities {
    /// People and organizations, in order of first appearance.
    pub list: Vec<Entity>,
    /// Named mentions in text order with their entity.
    pub mentions: Vec<(Mention, usize)>,
}

/// Words that head a title or role ("Secretary General", "nominee").
pub const TITLE_NOUNS: &[&str] = &[
    "adm.",
    "adviser",
    "advisor",
    "aide",
    "ambassador",
    "analyst",
    "anchor",
    "attorney",
    "boss",
    "candidate",
    "capt.",
    "captain",
    "ceo",
    "chair",
    "chairman",
    "chairwoman",
    "chancellor",
    "chief",
    "col.",
    "commander",
    "commissioner",
    "congressman",
    "congresswoman",
    "correspondent",
    "counsel",
    "delegate",
    "deputy",
    "diplomat",
    "director",
    "economist",
    "editor",
    "envoy",
    "executive",
    "founder",
    "gen.",
    "general",
    "gov.",
    "governor",
    "head",
    "host",
    "judge",
    "justice",
    "king",
    "lawmaker",
    "lawyer",
    "leader",
    "lt.",
    "manager",
    "mayor",
    "member",
    "minister",
    "nominee",
    "officer",
    "official",
    "pastor",
    "pollster",
    "pope",
    "predecessor",
    "premier",
    "president",
    "press secretary",
    "prince",
    "professor",
    "prosecutor",
    "queen",
    "rep.",
    "representative",
    "reporter",
    "secretary",
    "sen.",
    "senator",
    "sgt.",
    "speaker",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "strategist",
    "successor",
    "whip",
];

const MALE_WORDS: &[&str] = &[
    "mr.",
    "mr",
    "king",
    "prince",
    "congressman",
    "chairman",
    "spokesman",
    "father",
    "son",
    "husband",
    "brother",
];
const FEMALE_WORDS: &[&str] = &[
    "mrs.",
    "mrs",
    "ms.",
    "ms",
    "miss",
    "queen",
    "princess",
    "congresswoman",
    "chairwoman",
    "spokeswoman",
    "mother",
    "daughter",
    "wife",
    "sister",
    "first lady",
];

/// First names (and single-word names) with the gender the text's
/// pronouns show for them, derived from coreference chains by
/// [`gender_counts`]: `whosaid train genders` writes `data/genders.tsv`.
#[derive(Debug, Clone, Default)]
pub struct GenderLexicon {
    names: std::collections::HashMap<String, Gender>,
}

const BUILTIN_GENDERS: &str = include_str!("../data/genders.tsv");

/// Fewest chains a name must occur in to be kept.
const MIN_GENDER_CHAINS: u32 = 2;

impl GenderLexicon {
    /// The lexicon shipped with the crate.
    pub fn builtin() -> Self {
        Self::parse(BUILTIN_GENDERS)
    }

    /// Reads `name<TAB>male chains<TAB>female chains` lines; a name is
    /// kept when at least 70% of its chains agree (silver chains are noisy:
    /// "Bill" shares chains with Hillary Clinton).
    pub fn parse(tsv: &str) -> Self {
        let mut names = std::collections::HashMap::new();
        for line in tsv.lines().filter(|l| !l.starts_with('#')) {
            let mut cols = line.split('\t');
            let (Some(name), Some(m), Some(f)) = (cols.next(), cols.next(), cols.next()) else {
                continue;
            };
            let (Ok(m), Ok(f)) = (m.parse::<u32>(), f.parse::<u32>()) else {
                continue;
            };
            if m + f < MIN_GENDER_CHAINS {
                continue;
            }
            if m * 10 >= (m + f) * 7 {
                names.insert(name.to_lowercase(), Gender::Male);
            } else if f * 10 >= (m + f) * 7 {
                names.insert(name.to_lowercase(), Gender::Female);
            }
        }
        GenderLexicon { names }
    }

    /// The gender of a lowercased name word, if the lexicon knows it.
    pub fn get(&self, word: &str) -> Option<Gender> {
        self.names.get(word).copied()
    }
}

/// Counts, for each first name of a person in coreference chains, the
/// chains where it is referred to as he/him/his and as she/her.
pub fn gender_counts(
    sentences: &[Vec<crate::conllu::ConllToken>],
    coref: &[crate::conllu::CorefMention],
    counts: &mut std::collections::BTreeMap<String, (u32, u32)>,
) {
    let mut chains: std::collections::BTreeMap<u32, (Vec<String>, bool, bool)> =
        std::collections::BTreeMap::new();
    for m in coref {
        let entry = chains.entry(m.chain).or_default();
        match m.text.to_lowercase().as_str() {
            "he" | "him" | "his" | "himself" => entry.1 = true,
            "she" | "her" | "hers" | "herself" => entry.2 = true,
            _ => {
                let Some(s) = m.sentence.checked_sub(1).and_then(|k| sentences.get(k)) else {
                    continue;
                };
                let tokens = s.get(m.start.saturating_sub(1)..m.end.saturating_sub(1).min(s.len()));
                let Some(tokens) = tokens else { continue };
                if let Some(t) = tokens.iter().find(|t| t.ner == "PERSON") {
                    if t.form.chars().all(char::is_alphabetic) {
                        entry.0.push(t.form.to_lowercase());
                    }
                }
            }
        }
    }
    for (mut names, male, female) in chains.into_values() {
        if male == female {
            continue;
        }
        names.sort();
        names.dedup();
        for n in names {
            let c = counts.entry(n).or_default();
            if male {
                c.0 += 1;
            } else {
                c.1 += 1;
            }
        }
    }
}

/// Whether a lowercased word heads a title.
pub fn is_title_noun(word: &str) -> bool {
    TITLE_NOUNS.contains(&word)
}

/// The word with a trailing possessive (`’s`, `'s`, `’`) removed.
pub fn strip_possessive(word: &str) -> &str {
    for suffix in ["’s", "'s", "’S", "'S"] {
        if let Some(w) = word.strip_suffix(suffix) {
            if !w.is_empty() {
                return w;
            }
        }
    }
    if word.len() > 2 && (word.ends_with("s’") || word.ends_with("s'")) {
        return word.trim_end_matches(['’', '\'']);
    }
    word
}

/// Whether the token's text ends in a possessive.
pub fn is_possessive(word: &str) -> bool {
    strip_possessive(word).len() != word.len()
}

/// Runs the entity tagger over every sentence. `pos` holds each token's
/// Penn Treebank tag.
pub fn tag_mentions(doc: &Document, tokens: &TaggedTokens<'_>, tagger: &NerTagger) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut forms = Vec::new();
    let mut labels = Vec::new();
    for s in &doc.sentences {
        forms.clear();
        forms.extend(s.tokens.clone().map(|i| doc.token_text(i)));
        let (Some(words), Some(pos)) = (
            tokens.words.get(s.tokens.clone()),
            tokens.tag_syms.get(s.tokens.clone()),
        ) else {
            continue;
        };
        tagger.tag_words(&forms, words, pos, &mut labels);
        for (class, r) in ner::entities(&labels) {
            let class = match class {
                0 => MentionClass::Person,
                1 => MentionClass::Organization,
                2 => MentionClass::Location,
                _ => MentionClass::Misc,
            };
            let tokens = s.tokens.start + r.start..s.tokens.start + r.end;
            // Quote marks and punctuation at the edges are the tagger's noise.
            let tokens = trim_to_words(doc, tokens);
            if !tokens.is_empty() {
                out.push(Mention { tokens, class });
            }
        }
    }
    out
}

fn trim_to_words(doc: &Document, mut r: Range<usize>) -> Range<usize> {
    let wordy = |i: usize| {
        matches!(
            doc.tokens[i].kind,
            TokenKind::Word | TokenKind::Abbreviation | TokenKind::Number
        )
    };
    while r.start < r.end && !wordy(r.start) {
        r.start += 1;
    }
    while r.end > r.start && !wordy(r.end - 1) {
        r.end -= 1;
    }
    r
}

/// Name words of a mention: lowercased, possessives stripped, honorifics dropped.
pub fn name_words(doc: &Document, r: Range<usize>) -> Vec<String> {
    r.filter(|&i| doc.tokens[i].kind != TokenKind::Punct)
        .map(|i| strip_possessive(doc.token_text(i)).to_lowercase())
        .filter(|w| !MALE_WORDS.contains(&w.as_str()) && !FEMALE_WORDS.contains(&w.as_str()))
        .collect()
}

/// Person mentions with the title words they start with moved out
/// ("Mayor Elena Marsh" → "Elena Marsh"), so that the name merges with its
/// other mentions and the title is found before it like any other.
fn without_leading_titles(doc: &Document, mut mentions: Vec<Mention>) -> Vec<Mention> {
    for m in &mut mentions {
        if m.class != MentionClass::Person {
            continue;
        }
        while m.tokens.len() > 1 {
            let first = doc.token_text(m.tokens.start).to_lowercase();
            let next = doc.token_text(m.tokens.start + 1);
            if is_title_noun(&first) && next.chars().next().is_some_and(char::is_uppercase) {
                m.tokens.start += 1;
            } else {
                break;
            }
        }
    }
    mentions
}

/// Words that are never a name, whatever the tagger says: pronouns,
/// determiners, quantifiers, question words and the like ("He", "Some",
/// "Those", "There’s" tagged as organizations).
pub const FUNCTION_WORDS: &[&str] = &[
    "i", "me", "my", "mine", "we", "us", "our", "ours", "you", "your", "yours", "he", "him", "his",
    "she", "her", "hers", "it", "its", "they", "them", "their", "theirs", "the", "a", "an", "this",
    "that", "these", "those", "some", "many", "most", "few", "several", "both", "all", "one",
    "another", "others", "other", "any", "each", "every", "no", "none", "who", "whom", "whose",
    "which", "what", "there", "here", "let",
];

/// A word without a possessive or a contracted verb after its
/// apostrophe ("Trump’s" → "Trump", "they’re" → "they", "let's" → "let").
pub fn without_clitic(word: &str) -> &str {
    let bare = strip_possessive(word);
    match bare.rsplit_once(['’', '\'']) {
        Some((head, "re" | "m" | "ll" | "d" | "ve" | "s")) if !head.is_empty() => head,
        _ => bare,
    }
}

/// Whether a word, its clitics aside, is a [`FUNCTION_WORDS`] word.
pub fn is_function_word(word: &str) -> bool {
    FUNCTION_WORDS.contains(&without_clitic(&word.to_lowercase()))
}

/// Organization names the tagger cut in pieces are joined again, so that
/// they keep all their words:
/// - a name of a place or nationality right before an organization's
///   ("Norwegian" + "Data Protection Authority");
/// - an organization followed by `of`/`on`/`for` and capitalized words
///   ("Commission" on "Presidential Debates", "Bank" of "America"), unless
///   those words are a date ("Google on Monday").
fn joined_organizations(doc: &Document, mentions: Vec<Mention>) -> Vec<Mention> {
    let capitalized = |i: usize| {
        doc.tokens[i].kind == crate::text::TokenKind::Word
            && doc.token_text(i).starts_with(char::is_uppercase)
            && !crate::when::is_calendar_word(&doc.token_text(i).to_lowercase())
    };
    let same_sentence = |a: usize, b: usize| doc.sentence_of(a) == doc.sentence_of(b);
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    for m in mentions {
        if let Some(prev) = out.last_mut() {
            let adjacent = prev.tokens.end == m.tokens.start;
            let modifier = matches!(prev.class, MentionClass::Location | MentionClass::Misc);
            if adjacent
                && modifier
                && m.class == MentionClass::Organization
                && !is_possessive(doc.token_text(prev.tokens.end - 1))
                && same_sentence(prev.tokens.start, m.tokens.start)
            {
                prev.tokens.end = m.tokens.end;
                prev.class = MentionClass::Organization;
                continue;
            }
        }
        out.push(m);
    }
    // Extend organizations over "of/on/for" + capitalized words; a mention
    // swallowed by the extension is dropped.
    let mut i = 0;
    while i < out.len() {
        if out[i].class == MentionClass::Organization {
            let mut end = out[i].tokens.end;
            loop {
                let connector = end < doc.tokens.len()
                    && matches!(doc.token_text(end), "of" | "on" | "for")
                    && !is_possessive(doc.token_text(end - 1));
                if !connector {
                    break;
                }
                let mut k = end + 1;
                while k < doc.tokens.len() && capitalized(k) && same_sentence(end, k) {
                    k += 1;
                }
                if k == end + 1 {
                    break;
                }
                end = k;
            }
            if end > out[i].tokens.end {
                out[i].tokens.end = end;
                let j = i + 1;
                while j < out.len() && out[j].tokens.start < end {
                    if out[j].tokens.end > end {
                        out[i].tokens.end = out[j].tokens.end;
                    }
                    out.remove(j);
                }
            }
        }
        i += 1;
    }
    out
}

/// Mentions made only of function words are dropped, and function words
/// the tagger ran a name into are cut off its end ("Thor he’d" → "Thor"):
/// its slips ("He’s", "Some") must not become entities, and so speakers.
fn without_function_words(doc: &Document, mut mentions: Vec<Mention>) -> Vec<Mention> {
    for m in &mut mentions {
        // Lowercase ones only: "Air Force One" keeps its "One".
        while m.tokens.len() > 1 {
            let last = doc.token_text(m.tokens.end - 1);
            if !is_function_word(last) || last.starts_with(char::is_uppercase) {
                break;
            }
            m.tokens.end -= 1;
        }
    }
    mentions.retain(|m| {
        !m.tokens
            .clone()
            .filter(|&i| doc.tokens[i].kind != crate::text::TokenKind::Punct)
            .all(|i| is_function_word(doc.token_text(i)))
    });
    mentions
}

/// One-word organization or other mentions that are the surname of a
/// person named in full in the document become person mentions ("Rutte
/// answered" tagged as an organization after "Mark Rutte").
fn surnames_as_people(doc: &Document, mut mentions: Vec<Mention>) -> Vec<Mention> {
    let surnames: std::collections::HashSet<String> = mentions
        .iter()
        .filter(|m| m.class == MentionClass::Person)
        .filter_map(|m| {
            let words = name_words(doc, m.tokens.clone());
            (words.len() >= 2).then(|| words.last().cloned()).flatten()
        })
        .collect();
    for m in &mut mentions {
        if matches!(m.class, MentionClass::Organization | MentionClass::Misc) {
            let words = name_words(doc, m.tokens.clone());
            if words.len() == 1 && surnames.contains(&words[0]) {
                m.class = MentionClass::Person;
            }
        }
    }
    mentions
}

/// The mention as a display name: its text, a final possessive stripped.
pub fn display_name(doc: &Document, r: Range<usize>) -> String {
    if r.is_empty() {
        return String::new();
    }
    let (a, b) = (doc.tokens[r.start].start, doc.tokens[r.end - 1].end);
    strip_possessive(&doc.text()[a..b]).to_string()
}

impl Entities {
    /// Groups the mentions of `doc` into entities and attaches titles.
    pub fn build(
        doc: &Document,
        pos: &[&str],
        mentions: Vec<Mention>,
        genders: &GenderLexicon,
    ) -> Self {
        use std::collections::HashMap;
        let mentions = surnames_as_people(
            doc,
            without_leading_titles(
                doc,
                joined_organizations(doc, without_function_words(doc, mentions)),
            ),
        );
        let mut e = Entities::default();
        let mut assigned: Vec<Option<usize>> = vec![None; mentions.len()];
        let new_entity = |e: &mut Entities, m: &Mention, words: Vec<String>| {
            e.list.push(Entity {
                name: display_name(doc, m.tokens.clone()),
                class: m.class,
                words,
                titles: Vec::new(),
                mentions: Vec::new(),
                gender: None,
            });
            e.list.len() - 1
        };
        // Pass 1: full names (two words or more) found or start people,
        // matched on all words or on first and last; other classes group
        // by their words.
        let mut by_words: HashMap<(u8, Vec<String>), usize> = HashMap::new();
        let mut by_first_last: HashMap<(String, String), usize> = HashMap::new();
        for (k, m) in mentions.iter().enumerate() {
            let words = name_words(doc, m.tokens.clone());
            if words.is_empty() || (m.class == MentionClass::Person && words.len() < 2) {
                continue;
            }
            let class = m.class as u8;
            let first_last = (words[0].clone(), words[words.len() - 1].clone());
            let person = m.class == MentionClass::Person;
            let found = by_words.get(&(class, words.clone())).copied().or_else(|| {
                person
                    .then(|| by_first_last.get(&first_last).copied())
                    .flatten()
            });
            let id = found.unwrap_or_else(|| new_entity(&mut e, m, words.clone()));
            by_words.insert((class, words.clone()), id);
            if person {
                by_first_last.insert(first_last, id);
            }
            if words.len() > e.list[id].words.len() {
                e.list[id].words = words;
                e.list[id].name = display_name(doc, m.tokens.clone());
            }
            assigned[k] = Some(id);
        }
        // Who holds a name word, and where each was named in pass 1.
        let mut holders_of: HashMap<String, Vec<usize>> = HashMap::new();
        for (id, x) in e.list.iter_mut().enumerate() {
            if x.class == MentionClass::Person {
                x.gender = x.words.first().and_then(|w| genders.get(w));
                for w in &x.words {
                    holders_of.entry(w.clone()).or_default().push(id);
                }
            }
        }
        let mut named_at: Vec<Vec<usize>> = vec![Vec::new(); e.list.len()];
        for (m, id) in mentions.iter().zip(&assigned) {
            if let Some(id) = id {
                named_at[*id].push(m.tokens.start);
            }
        }
        let mut last_short: Vec<Option<usize>> = vec![None; e.list.len()];
        // Pass 2: one-word person mentions join the person whose name holds
        // the word (and whose gender fits an honorific: "Mrs. Clinton"),
        // the latest mentioned before, else the first after.
        for (k, m) in mentions.iter().enumerate() {
            if assigned[k].is_some() {
                continue;
            }
            let words = name_words(doc, m.tokens.clone());
            let Some(word) = words.first() else { continue };
            let honorific = gender_near(doc, m.tokens.clone());
            let holders: Vec<usize> = holders_of
                .get(word)
                .into_iter()
                .flatten()
                .copied()
                .filter(|&id| {
                    let x = &e.list[id];
                    x.class == m.class
                        && !(honorific.is_some() && x.gender.is_some() && x.gender != honorific)
                })
                .collect();
            let before = |id: usize| {
                let starts = &named_at[id];
                let at = starts.partition_point(|&s| s < m.tokens.start);
                let full = at.checked_sub(1).map(|i| starts[i]);
                full.max(last_short[id])
            };
            let id = holders
                .iter()
                .copied()
                .filter_map(|id| before(id).map(|at| (at, id)))
                .max()
                .map(|(_, id)| id)
                .or_else(|| holders.first().copied())
                .unwrap_or_else(|| {
                    let id = new_entity(&mut e, m, words.clone());
                    named_at.push(Vec::new());
                    last_short.push(None);
                    if m.class == MentionClass::Person {
                        holders_of.entry(word.clone()).or_default().push(id);
                    }
                    id
                });
            last_short[id] = Some(m.tokens.start);
            assigned[k] = Some(id);
        }
        for (m, id) in mentions.into_iter().zip(assigned) {
            if let Some(id) = id {
                e.list[id].mentions.push(m.tokens.clone());
                e.mentions.push((m, id));
            }
        }
        for id in 0..e.list.len() {
            if e.list[id].class != MentionClass::Person {
                continue;
            }
            let ranges = e.list[id].mentions.clone();
            for r in ranges {
                for t in titles_of(doc, pos, &e, r.clone()) {
                    let x = &mut e.list[id];
                    if !x.titles.iter().any(|y| y.eq_ignore_ascii_case(&t)) {
                        x.titles.push(t);
                    }
                }
                if let Some(g) = gender_near(doc, r) {
                    e.list[id].gender.get_or_insert(g);
                }
            }
            if e.list[id].gender.is_none() {
                let titles = e.list[id].titles.join(" ").to_lowercase();
                e.list[id].gender = gender_of_words(titles.split_whitespace());
            }
            if e.list[id].gender.is_none() {
                e.list[id].gender = e.list[id].words.first().and_then(|w| genders.get(w));
            }
        }
        e
    }

    /// The entity of the named mention overlapping `r` whose tokens best
    /// fit: the first mention inside `r` not in the possessive.
    pub fn mention_in(&self, doc: &Document, r: Range<usize>) -> Option<(usize, &Mention)> {
        let at = self
            .mentions
            .partition_point(|(m, _)| m.tokens.end <= r.start);
        let inside: Vec<&(Mention, usize)> = self.mentions[at..]
            .iter()
            .take_while(|(m, _)| m.tokens.start < r.end)
            .filter(|(m, _)| m.tokens.start >= r.start && m.tokens.end <= r.end)
            .collect();
        let possessive = |m: &Mention| {
            is_possessive(doc.token_text(m.tokens.end - 1))
                || (m.tokens.end < doc.tokens.len()
                    && matches!(doc.token_text(m.tokens.end), "’s" | "'s"))
        };
        // A person not in the possessive, else any other name not in the
        // possessive, else the first name.
        inside
            .iter()
            .find(|(m, _)| !possessive(m) && m.class == MentionClass::Person)
            .or_else(|| inside.iter().find(|(m, _)| !possessive(m)))
            .or_else(|| inside.first())
            .map(|(m, id)| (*id, m))
    }

    /// The named mentions lying wholly inside `r`, in text order, with
    /// their entities.
    pub fn mentions_within(&self, r: Range<usize>) -> impl Iterator<Item = &(Mention, usize)> {
        let at = self
            .mentions
            .partition_point(|(m, _)| m.tokens.end <= r.start);
        self.mentions[at..]
            .iter()
            .take_while(move |(m, _)| m.tokens.start < r.end)
            .filter(move |(m, _)| m.tokens.start >= r.start && m.tokens.end <= r.end)
    }

    /// The entity whose mention ends right at token `end` (exclusive).
    pub fn mention_ending_at(&self, end: usize) -> Option<usize> {
        self.ending_at(end).map(|&(_, id)| id)
    }

    /// The mentions that end at or before token `t`, in text order
    /// (mentions never overlap, so their ends are sorted like their starts).
    pub fn before(&self, t: usize) -> &[(Mention, usize)] {
        &self.mentions[..self.mentions.partition_point(|(m, _)| m.tokens.end <= t)]
    }

    /// The mentions inside tokens `r`.
    pub fn within(&self, r: Range<usize>) -> &[(Mention, usize)] {
        let from = self
            .mentions
            .partition_point(|(m, _)| m.tokens.start < r.start);
        let to = self
            .mentions
            .partition_point(|(m, _)| m.tokens.end <= r.end);
        &self.mentions[from..to.max(from)]
    }

    /// The mention covering token `t`.
    pub fn covering(&self, t: usize) -> Option<&(Mention, usize)> {
        let at = self.mentions.partition_point(|(m, _)| m.tokens.end <= t);
        self.mentions.get(at).filter(|(m, _)| m.tokens.contains(&t))
    }

    /// The mention that starts at token `t`.
    pub fn starting_at(&self, t: usize) -> Option<&(Mention, usize)> {
        let at = self.mentions.partition_point(|(m, _)| m.tokens.start < t);
        self.mentions.get(at).filter(|(m, _)| m.tokens.start == t)
    }

    /// The mention that ends at token `end` (exclusive).
    pub fn ending_at(&self, end: usize) -> Option<&(Mention, usize)> {
        let at = self.mentions.partition_point(|(m, _)| m.tokens.end < end);
        self.mentions.get(at).filter(|(m, _)| m.tokens.end == end)
    }
}

fn gender_of_words<'a>(words: impl Iterator<Item = &'a str>) -> Option<Gender> {
    for w in words {
        if MALE_WORDS.contains(&w) {
            return Some(Gender::Male);
        }
        if FEMALE_WORDS.contains(&w) {
            return Some(Gender::Female);
        }
    }
    None
}

/// Gender shown by an honorific right before a mention ("Mrs. Clinton").
fn gender_near(doc: &Document, r: Range<usize>) -> Option<Gender> {
    let before = r.start.checked_sub(1)?;
    gender_of_words(std::iter::once(
        doc.token_text(before).to_lowercase().as_str(),
    ))
}

/// Titles written around a person's mention: before it ("NATO Secretary
/// General Mark Rutte", "Rutte’s predecessor Jens Stoltenberg", "Bloomberg
/// TV’s Annemarie Gordern") and as an apposition after it ("Mark Rutte,
/// NATO’s secretary general,").
fn titles_of(doc: &Document, pos: &[&str], e: &Entities, r: Range<usize>) -> Vec<String> {
    let mut out = Vec::new();
    let sentence = &doc.sentences[doc.sentence_of(r.start)];
    let text = |a: usize, b: usize| {
        let (x, y) = (doc.tokens[a].start, doc.tokens[b - 1].end);
        doc.text()[x..y].to_string()
    };
    let lower = |i: usize| doc.token_text(i).to_lowercase();
    let in_other_mention = |i: usize| {
        e.covering(i)
            .is_some_and(|(m, _)| m.class != MentionClass::Person)
    };
    // Before: a run of title words, capitalized words and organization names.
    let mut start = r.start;
    while start > sentence.tokens.start {
        let i = start - 1;
        let w = lower(i);
        let tag = pos.get(i).copied().unwrap_or("");
        let capital = doc
            .token_text(i)
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        let titleish = is_title_noun(&w)
            || in_other_mention(i)
            || matches!(w.as_str(), "former" | "vice" | "acting" | "then" | "deputy")
            || (capital && matches!(tag, "NNP" | "NNPS" | "JJ") && !is_possessive(&w))
            || (tag == "JJ" && start < r.start);
        if !titleish || doc.tokens[i].kind == TokenKind::Punct {
            break;
        }
        if is_possessive(doc.token_text(i)) {
            break;
        }
        start = i;
    }
    // `Rutte’s predecessor Jens Stoltenberg`: a relation to a possessor.
    if start > sentence.tokens.start
        && start < r.start
        && is_possessive(doc.token_text(start - 1))
        && doc.token_text(start).chars().all(char::is_lowercase)
    {
        let owner = e
            .ending_at(start)
            .map_or(start - 1, |(m, _)| m.tokens.start);
        out.push(text(owner, r.start));
        return out;
    }
    // Keep the run only up to its last title noun.
    if let Some(last) = (start..r.start).rev().find(|&i| is_title_noun(&lower(i))) {
        let mut first = start;
        // A sentence-initial capital that is not a title word is no title.
        while first <= last && !is_title_noun(&lower(first)) && !in_other_mention(first) {
            let w = lower(first);
            if matches!(w.as_str(), "former" | "vice" | "acting" | "deputy") {
                break;
            }
            first += 1;
        }
        if first <= last && last + 1 == r.start {
            out.push(text(first, last + 1));
        }
    }
    // Possessive affiliation or relation right before: "Bloomberg TV’s",
    // "Rutte’s predecessor".
    let j = start.min(r.start);
    if j > sentence.tokens.start {
        let i = j - 1;
        if is_possessive(doc.token_text(i)) {
            if let Some((m, _)) = e.ending_at(i + 1) {
                if m.class != MentionClass::Person {
                    out.push(display_name(doc, m.tokens.clone()));
                }
            }
        } else if pos.get(i).is_some_and(|t| t.starts_with("NN"))
            && doc.token_text(i).chars().all(char::is_lowercase)
        {
            // `<X>’s <role> <Name>`
            let mut k = i;
            while k > sentence.tokens.start
                && pos
                    .get(k - 1)
                    .is_some_and(|t| t.starts_with("NN") || *t == "JJ")
                && !is_possessive(doc.token_text(k - 1))
                && i - k < 2
            {
                k -= 1;
            }
            if k > sentence.tokens.start && is_possessive(doc.token_text(k - 1)) {
                out.push(text(k - 1, i + 1));
            }
        }
    }
    // Apposition: `Name, (the) … title noun,`
    if r.end + 1 < sentence.tokens.end && doc.token_text(r.end) == "," {
        let from = r.end + 1;
        let limit = (from + 8).min(sentence.tokens.end);
        if let Some(stop) = (from..limit).find(|&i| doc.tokens[i].kind == TokenKind::Punct) {
            let words: Vec<String> = (from..stop).map(lower).collect();
            let head_ok = words.last().is_some_and(|w| is_title_noun(w))
                || words.iter().any(|w| is_title_noun(w)) && words.contains(&"of".to_string());
            let no_verb = (from..stop).all(|i| !pos.get(i).is_some_and(|t| t.starts_with("VB")));
            // "Trump, even as a candidate, said": a circumstance, not a title.
            let circumstance = words.iter().any(|w| w == "as")
                || pos
                    .get(from)
                    .is_some_and(|t| t.starts_with("RB") || *t == "IN");
            if head_ok && no_verb && !circumstance && stop > from {
                let skip = usize::from(matches!(words[0].as_str(), "the" | "a" | "an"));
                if from + skip < stop {
                    out.push(text(from + skip, stop));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn possessives_are_stripped() {
        assert_eq!(strip_possessive("Rutte’s"), "Rutte");
        assert_eq!(strip_possessive("Clinton's"), "Clinton");
        assert_eq!(strip_possessive("Democrats’"), "Democrats");
        assert_eq!(strip_possessive("’s"), "’s");
        assert_eq!(strip_possessive("is"), "is");
        assert!(is_possessive("TV’s"));
    }
}
