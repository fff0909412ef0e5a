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

pub mod acronyms;
mod bodies;
mod gender;
mod parties;
mod platforms;
mod repair;
mod titles;
pub mod variants;

pub(crate) use gender::gender_near;
use gender::gender_of_words;
pub use gender::is_honorific;
pub use gender::{gender_counts, GenderLexicon};
pub(crate) use platforms::{names_a_platform, platform_at, PLATFORMS};
use repair::repaired;
pub(crate) use repair::{ends_organization_as_company, is_small_name_word, may_be_a_name_word};
use titles::titles_of;
pub use titles::{agent_by_ending, is_title_noun, TITLE_NOUNS};
pub(crate) use titles::{is_nationality_adjective, DEMONYM_ENDINGS};

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
    /// Where each of `titles` is written (tokens), in the same order.
    pub title_spans: Vec<Range<usize>>,
    /// Every mention's tokens, in text order.
    pub mentions: Vec<Range<usize>>,
    /// Gender, when the text marks it.
    pub gender: Option<Gender>,
    /// The gender the first name usually has ("Heidi Cruz"), when
    /// `gender` is unknown: it rules a pronoun's antecedents out, but
    /// says less than the text, so it does not rank them.
    pub usual_gender: Option<Gender>,
}

/// The entities of a document and which entity each mention belongs to.
#[derive(Debug, Clone, Default)]
pub struct Entities {
    /// People and organizations, in order of first appearance.
    pub list: Vec<Entity>,
    /// Named mentions in text order with their entity.
    pub mentions: Vec<(Mention, usize)>,
}

/// The word with a trailing possessive (`’s`, `'s`, `’`) removed.
pub fn strip_possessive(word: &str) -> &str {
    // Every possessive ends in `s`, `S`, `'` or `’` (whose last byte is
    // 0x99): most words are answered by their last byte (the passes over
    // every token ask this of each).
    if !matches!(word.as_bytes().last(), Some(b's' | b'S' | b'\'' | 0x99)) {
        return word;
    }
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
        let (Some(words), Some(pos), Some(ids)) = (
            tokens.words.get(s.tokens.clone()),
            tokens.tag_syms.get(s.tokens.clone()),
            tokens.tag_ids.get(s.tokens.clone()),
        ) else {
            continue;
        };
        tagger.tag_tagged_words(&forms, words, pos, ids, &mut labels);
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

/// `mentions` with the repairs' `added` ones among them, in text order
/// (the order every pass after reads).
fn with_added(mut mentions: Vec<Mention>, added: Vec<Mention>) -> Vec<Mention> {
    if !added.is_empty() {
        mentions.extend(added);
        mentions.sort_by_key(|m| (m.tokens.start, m.tokens.end));
    }
    mentions
}

/// `r` without the punctuation and quotation marks at its edges: from its
/// first word, number or abbreviation to its last (empty when it has none).
pub(crate) fn trim_to_words(doc: &Document, mut r: Range<usize>) -> Range<usize> {
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

/// Name words of a mention: folded ([`variants::fold`]: lowercase,
/// diacritics off, "O’Neill" = "O'Neill"), possessives stripped,
/// honorifics ("Mr.", "Mrs.") dropped, a legal form's period too ("Apple
/// Inc." = "Apple Inc"), a web domain's ending too ("Amazon.com" =
/// "Amazon"); gendered nouns stay ("Mr. King" is King).
pub fn name_words(doc: &Document, r: Range<usize>) -> Vec<String> {
    let start = r.start;
    r.filter(|&i| doc.tokens[i].kind != TokenKind::Punct)
        .filter(|&i| !(i >= start + 2 && repair::ends_web_domain(doc, i)))
        .map(|i| variants::fold(strip_possessive(doc.token_text(i))))
        .filter(|w| !is_honorific(w))
        .map(repair::without_legal_form_period)
        .collect()
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

/// Whether a lowercased plural ends like a noun for people ("advisers",
/// "investors", "economists", "politicians", "residents", "immigrants"):
/// such a noun heads "<people> of/in/to <name>" phrases, which the name
/// only completes.
pub(crate) fn ends_like_people(plural: &str) -> bool {
    ["ers", "ors", "ists", "ians", "ents", "ants"]
        .iter()
        .any(|end| plural.ends_with(end))
}

/// Whether a word, its clitics aside, is a [`FUNCTION_WORDS`] word.
pub fn is_function_word(word: &str) -> bool {
    // Compared without lowercasing (function words are ASCII; lengths
    // first): this runs on every mention's words.
    static SET: std::sync::LazyLock<crate::text::WordSet> =
        std::sync::LazyLock::new(|| crate::text::WordSet::new(FUNCTION_WORDS));
    let bare = without_clitic(word);
    bare.len() <= 7 && SET.contains_ignore_ascii_case(bare)
}

/// The token after a name in the possessive that ends before token `end`
/// ("Nvidia's | chief", "Nvidia | ’s | chief"): what the name owns. None
/// when the name is not in the possessive or nothing follows.
pub(crate) fn owned_after(doc: &Document, end: usize) -> Option<usize> {
    let n = doc.tokens.len();
    let clitic = end < n && matches!(doc.token_text(end), "’s" | "'s");
    let possessive = clitic || (end > 0 && is_possessive(doc.token_text(end - 1)));
    let owned = if clitic { end + 1 } else { end };
    (possessive && owned < n).then_some(owned)
}

/// The mention as a display name: its text, a final possessive stripped.
pub fn display_name(doc: &Document, r: Range<usize>) -> String {
    if r.is_empty() {
        return String::new();
    }
    let (a, b) = (doc.tokens[r.start].start, doc.tokens[r.end - 1].end);
    strip_possessive(&doc.text()[a..b]).to_string()
}

/// A person named in capitals (a transcript's label, `AMY KLOBUCHAR`)
/// goes by the article's own writing of the name where it has one, else
/// by the name in title case; titles in capitals likewise (`SEN.` →
/// `Sen.`), short ones without a period aside (`CEO`).
fn in_mixed_case(doc: &Document, x: &mut Entity) {
    let capitals =
        |s: &str| s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase);
    if capitals(&x.name) {
        let written = x.mentions.iter().find(|r| {
            let name = display_name(doc, (*r).clone());
            !capitals(&name) && name_words(doc, (*r).clone()) == x.words
        });
        x.name = match written {
            Some(r) => display_name(doc, r.clone()),
            None => title_case(&x.name, false),
        };
    }
    for t in &mut x.titles {
        if capitals(t) {
            *t = title_case(t, true);
        }
    }
}

/// `s` with each word's first letter, and each letter after an apostrophe
/// or hyphen, in capitals and the rest in lowercase (`O'HARA` →
/// `O'Hara`). Words with a period inside (`J.R.`) stay, and with
/// `keep_acronyms` so do words of three letters or fewer (`CEO`).
fn title_case(s: &str, keep_acronyms: bool) -> String {
    let word = |w: &str| -> String {
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        let dotted = w.trim_end_matches('.').contains('.');
        if dotted || (keep_acronyms && letters <= 3 && !w.ends_with('.')) {
            return w.to_string();
        }
        let mut out = String::with_capacity(w.len());
        let mut upper = true;
        for c in w.chars() {
            if upper {
                out.extend(c.to_uppercase());
            } else {
                out.extend(c.to_lowercase());
            }
            // Capitals again after an apostrophe or a hyphen, and until
            // the first letter.
            upper = !c.is_alphabetic() && (upper || matches!(c, '\'' | '’' | '-'));
        }
        out
    };
    s.split(' ').map(word).collect::<Vec<_>>().join(" ")
}

/// An initial: one letter and a full stop ("G.", or "g." lowercased).
fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next(), chars.next()), (Some(c), Some('.'), None) if c.is_alphabetic())
}

/// Name suffixes that say nothing about who is meant.
fn is_name_suffix(word: &str) -> bool {
    matches!(word, "jr." | "jr" | "sr." | "sr" | "ii" | "iii" | "iv")
}

/// The person already named whose name ends with these words, or whose
/// name these words end with ("Guajardo Villarreal" and "Ildefonso
/// Guajardo Villarreal", "De Blasio" and "Bill de Blasio"); suffixes such
/// as "Jr." aside. Two words at least on both sides.
fn same_name_ending(list: &[Entity], words: &[String]) -> Option<usize> {
    fn core(w: &[String]) -> &[String] {
        let mut n = w.len();
        while n > 2 && is_name_suffix(&w[n - 1]) {
            n -= 1;
        }
        &w[..n]
    }
    let mine = core(words);
    list.iter().position(|x| {
        if x.class != MentionClass::Person {
            return false;
        }
        let theirs = core(&x.words);
        if theirs.last() != mine.last() {
            return false;
        }
        let (short, long) = if theirs.len() <= mine.len() {
            (theirs, mine)
        } else {
            (mine, theirs)
        };
        short.len() >= 2 && long.len() > short.len() && long.ends_with(short)
    })
}

/// The organization (or other non-person, non-place name) already named
/// whose name ends with these two words or more, or that these words end
/// with ("Tax Policy Center" and "Urban-Brookings Tax Policy Center").
fn same_body_ending(list: &[Entity], words: &[String]) -> Option<usize> {
    list.iter().position(|x| {
        if matches!(x.class, MentionClass::Person | MentionClass::Location) {
            return false;
        }
        let (short, long) = if x.words.len() <= words.len() {
            (x.words.as_slice(), words)
        } else {
            (words, x.words.as_slice())
        };
        short.len() >= 2 && long.len() > short.len() && long.ends_with(short)
    })
}

/// Last words of newspaper names that stand for the whole name once it has
/// been given ("The Post" after "The New York Post", "the Times").
const OUTLET_ENDINGS: &[&str] = &[
    "chronicle",
    "examiner",
    "gazette",
    "globe",
    "guardian",
    "herald",
    "inquirer",
    "journal",
    "post",
    "telegraph",
    "times",
    "tribune",
];

/// The one outlet already named whose name of two words or more ends with
/// this one word, when the word is an outlet's ending ("Post" after "New
/// York Post"); none when two outlets share it ("Washington Post" and "New
/// York Post").
fn outlet_by_ending(list: &[Entity], words: &[String]) -> Option<usize> {
    // An article before the word is part of the mention ("The Post").
    let word = match words {
        [word] => word,
        [the, word] if the == "the" => word,
        _ => return None,
    };
    if !OUTLET_ENDINGS.contains(&word.as_str()) {
        return None;
    }
    let mut holders = list.iter().enumerate().filter(|(_, x)| {
        matches!(x.class, MentionClass::Organization | MentionClass::Misc)
            && x.words.len() >= 2
            && x.words.last() == Some(word)
    });
    let (id, _) = holders.next()?;
    holders.next().is_none().then_some(id)
}

/// The company a one-word organization mention names by its first word
/// ("Meta" after "Meta Platforms", "Globex" after "Globex Inc.",
/// "CenterPoint" after "CenterPoint Energy"): a name of two words or more
/// ending in a legal form or a trade word; none when two such companies
/// share the word.
pub(crate) fn company_by_short_name(list: &[Entity], words: &[String]) -> Option<usize> {
    let [word] = words else {
        return None;
    };
    let mut holders = list.iter().enumerate().filter(|(_, x)| {
        x.class == MentionClass::Organization
            && x.words.len() >= 2
            && x.words.first() == Some(word)
            && x.words
                .last()
                .is_some_and(|w| repair::ends_company_name(w) || repair::is_trade_word(w))
    });
    let (id, _) = holders.next()?;
    holders.next().is_none().then_some(id)
}

impl Entities {
    /// Groups the mentions of `doc` into entities and attaches titles.
    pub fn build(
        doc: &Document,
        pos: &[&str],
        mentions: Vec<Mention>,
        genders: &GenderLexicon,
    ) -> Self {
        use rustc_hash::FxHashMap as HashMap;
        let mentions = repaired(doc, pos, genders, mentions);
        let mut e = Entities::default();
        let mut assigned: Vec<Option<usize>> = vec![None; mentions.len()];
        // Pass 1: full names (two words or more) found or start people,
        // matched on all words or on first and last; other classes group
        // by their words.
        // One map per class (indexed by `MentionClass as usize`), looked up
        // by the words' slice without copying them.
        const CLASSES: usize = MentionClass::Misc as usize + 1;
        let mut by_words: [HashMap<Vec<String>, usize>; CLASSES] = Default::default();
        let mut by_first_last: HashMap<(String, String), usize> = HashMap::default();
        // Each mention's name words, folded once for both passes.
        let words_of: Vec<Vec<String>> = mentions
            .iter()
            .map(|m| name_words(doc, m.tokens.clone()))
            .collect();
        for (k, m) in mentions.iter().enumerate() {
            let words = &words_of[k];
            if words.is_empty() || (m.class == MentionClass::Person && words.len() < 2) {
                continue;
            }
            let class = m.class as usize;
            let mut keep_name = false;
            // "Ken Starr" and "Kenneth Starr": first names by formal form.
            let first_last = (
                variants::formal_first_name(&words[0]).to_string(),
                words[words.len() - 1].clone(),
            );
            let person = m.class == MentionClass::Person;
            let found = by_words[class]
                .get(words.as_slice())
                .copied()
                .or_else(|| {
                    person
                        .then(|| by_first_last.get(&first_last).copied())
                        .flatten()
                })
                .or_else(|| {
                    // "The Tax Policy Center" after "Urban-Brookings Tax
                    // Policy Center": an organization's name ending.
                    (!person && words.len() >= 2)
                        .then(|| same_body_ending(&e.list, words))
                        .flatten()
                })
                .or_else(|| {
                    (m.class == MentionClass::Organization)
                        .then(|| outlet_by_ending(&e.list, words))
                        .flatten()
                })
                .or_else(|| {
                    (m.class == MentionClass::Organization)
                        .then(|| company_by_short_name(&e.list, words))
                        .flatten()
                })
                .or_else(|| {
                    let id = person.then(|| same_name_ending(&e.list, words)).flatten()?;
                    // A longer variant renames the person only when its
                    // extra words open a name ("Bill de Blasio" after "De
                    // Blasio"), not when they are an epithet or a title
                    // ("Crooked Hillary Clinton" after "Hillary Clinton").
                    let known = &e.list[id].words;
                    if words.len() > known.len() {
                        let extra = &words[..words.len() - known.len()];
                        let opens = |w: &String| is_initial(w) || genders.get(w).is_some();
                        let surname_only = known.first().is_none_or(|w| genders.get(w).is_none());
                        if !extra.iter().all(opens) && !surname_only {
                            keep_name = true;
                        }
                    }
                    Some(id)
                });
            let id = found.unwrap_or_else(|| new_entity(doc, &mut e, m, words.clone()));
            if let Some(known) = by_words[class].get_mut(words.as_slice()) {
                *known = id;
            } else {
                by_words[class].insert(words.clone(), id);
            }
            if person {
                by_first_last.insert(first_last, id);
            }
            if words.len() > e.list[id].words.len() && !keep_name {
                e.list[id].words = words.clone();
                e.list[id].name = display_name(doc, m.tokens.clone());
            }
            assigned[k] = Some(id);
        }
        // Who holds a name word, and where each was named in pass 1.
        let mut holders_of: HashMap<String, Vec<usize>> = HashMap::default();
        for (id, x) in e.list.iter_mut().enumerate() {
            if x.class == MentionClass::Person {
                x.gender = genders.chains_gender(&x.words);
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
        // Pass 2, twice: the first run counts each person's mentions, which
        // decide in the second where a mention before every holder of its
        // name goes. The first run only appends entities: dropping them
        // restores the table without copying it.
        let known = e.list.len();
        let named = Named {
            mentions: &mentions,
            words: &words_of,
            pos,
        };
        let first = join_one_word_names(
            doc,
            &named,
            &mut e,
            &mut assigned.clone(),
            &mut holders_of.clone(),
            named_at.clone(),
            None,
        );
        e.list.truncate(known);
        join_one_word_names(
            doc,
            &named,
            &mut e,
            &mut assigned,
            &mut holders_of,
            named_at,
            Some(&first),
        );
        // "the IMF" is the International Monetary Fund the text names.
        let expanded = acronyms::acronym_expansions(&e.list);
        for (m, id) in mentions.into_iter().zip(assigned) {
            if let Some(id) = id.map(|id| expanded[id]) {
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
                for span in titles_of(doc, pos, &e, r.clone()) {
                    let t = display_name(doc, span.clone());
                    let x = &mut e.list[id];
                    if !x.titles.iter().any(|y| y.eq_ignore_ascii_case(&t)) {
                        x.titles.push(t);
                        x.title_spans.push(span);
                    }
                }
                if let Some(g) = gender_near(doc, r) {
                    e.list[id].gender.get_or_insert(g);
                }
            }
            in_mixed_case(doc, &mut e.list[id]);
            if e.list[id].gender.is_none() {
                let titles = e.list[id].titles.join(" ").to_lowercase();
                e.list[id].gender = gender_of_words(titles.split_whitespace());
            }
            if e.list[id].gender.is_none() {
                e.list[id].gender = genders.chains_gender(&e.list[id].words);
            }
            if e.list[id].gender.is_none() {
                e.list[id].usual_gender = genders.person_gender(&e.list[id].words);
            }
        }
        e.without_unused();
        e
    }

    /// Drops entities left without mentions (an acronym joined to its
    /// expansion), renumbering the others.
    fn without_unused(&mut self) {
        if self.list.iter().all(|x| !x.mentions.is_empty()) {
            return;
        }
        let mut renumbered = vec![usize::MAX; self.list.len()];
        let mut next = 0;
        for (id, x) in self.list.iter().enumerate() {
            if !x.mentions.is_empty() {
                renumbered[id] = next;
                next += 1;
            }
        }
        self.list.retain(|x| !x.mentions.is_empty());
        for (_, id) in &mut self.mentions {
            *id = renumbered[*id];
        }
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

/// How many one-word mentions of each name word joined each entity.
type WordCounts = rustc_hash::FxHashMap<(String, usize), usize>;

/// The mentions of a document with their [`name_words`], and the
/// document's POS tags.
struct Named<'a> {
    mentions: &'a [Mention],
    words: &'a [Vec<String>],
    pos: &'a [&'a str],
}

/// Pass 2 of [`Entities::build`]: one-word person mentions join a person
/// named in full. Returns how many one-word mentions of each word joined
/// each entity, for a second run's `prior`.
fn join_one_word_names(
    doc: &Document,
    named_mentions: &Named<'_>,
    e: &mut Entities,
    assigned: &mut [Option<usize>],
    holders_of: &mut rustc_hash::FxHashMap<String, Vec<usize>>,
    mut named_at: Vec<Vec<usize>>,
    prior: Option<&WordCounts>,
) -> WordCounts {
    let mut counts = WordCounts::default();
    // The holder called most by `word` alone in an earlier run, then the
    // one named in full most, the first among equals; none when there is
    // no earlier run.
    let most_mentioned = |word: &str, holders: &[usize], named_at: &[Vec<usize>]| {
        let prior = prior?;
        holders.iter().copied().rev().max_by_key(|&id| {
            (
                prior.get(&(word.to_string(), id)).copied().unwrap_or(0),
                named_at[id].len(),
            )
        })
    };
    let mut last_short: Vec<Option<usize>> = vec![None; e.list.len()];
    let mut short_count: Vec<usize> = vec![0; e.list.len()];
    // Pass 2: one-word person mentions join the person whose name holds
    // the word (and whose gender fits an honorific: "Mrs. Clinton"),
    // the salient one named before; before any of them is named (a
    // headline's "Obama"), the one named most in the whole article
    // (by `prior` counts), else the first.
    for (k, m) in named_mentions.mentions.iter().enumerate() {
        if assigned[k].is_some() {
            continue;
        }
        let words = &named_mentions.words[k];
        // A headline's name is looked up by its first word someone
        // holds ("Obama Speech" → Barack Obama).
        let Some(word) = words
            .iter()
            .find(|w| holders_of.contains_key(*w))
            .or(words.first())
        else {
            continue;
        };
        let misspelled = (m.class == MentionClass::Person && words.len() == 1)
            .then(|| misspelled_surname(word, holders_of, e))
            .flatten();
        let word = misspelled.as_ref().unwrap_or(word);
        let honorific = gender_near(doc, m.tokens.clone());
        let mut holders: Vec<usize> = holders_of
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
        // A word some holder has as last name is that surname, not a
        // middle word of a longer name ("Clinton": Hillary Clinton, not a
        // "Bill, Hillary and Chelsea Clinton Foundation" the tagger took
        // for a person).
        if holders
            .iter()
            .any(|&id| e.list[id].words.last() == Some(word))
        {
            holders.retain(|&id| e.list[id].words.last() == Some(word));
        }
        let before = |id: usize| {
            let starts = &named_at[id];
            let at = starts.partition_point(|&s| s < m.tokens.start);
            let full = at.checked_sub(1).map(|i| starts[i]);
            full.max(last_short[id])
        };
        // Among people sharing the name ("Cruz": Ted or Heidi), the one
        // called by one word most so far, then the one named in full most,
        // the latest among equals: news calls a second family member by
        // the first name or in full each time, even right after naming
        // them ("… a photo of Heidi Cruz. … Cruz said"; "Ivanka Trump"
        // five times and "Donald Trump" once, then "Trump says").
        let named: Vec<(usize, usize)> = holders
            .iter()
            .copied()
            .filter_map(|id| before(id).map(|at| (at, id)))
            .collect();
        let salient = named.iter().copied().max_by_key(|&(at, id)| {
            (
                short_count[id],
                named_at[id].partition_point(|&s| s < m.tokens.start),
                at,
            )
        });
        let id = salient
            .map(|(_, id)| id)
            .or_else(|| most_mentioned(word, &holders, &named_at))
            .or_else(|| holders.first().copied())
            .or_else(|| {
                (m.class == MentionClass::Person
                    && words.len() == 1
                    && !holders_of.contains_key(word))
                .then(|| organization_called(doc, &e.list, named_mentions, m, word))
                .flatten()
            })
            .unwrap_or_else(|| {
                let id = new_entity(doc, e, m, words.clone());
                named_at.push(Vec::new());
                last_short.push(None);
                short_count.push(0);
                if m.class == MentionClass::Person {
                    holders_of.entry(word.clone()).or_default().push(id);
                }
                id
            });
        last_short[id] = Some(m.tokens.start);
        short_count[id] += 1;
        *counts.entry((word.clone(), id)).or_default() += 1;
        assigned[k] = Some(id);
    }
    counts
}

/// The one-word organization a one-word mention the tagger typed a person
/// names, where no person of the article holds the word (people in news
/// are named in full before their surname stands alone) and the tagger
/// typed the word standing alone an organization at least as often as a
/// person ("Hamas says" in the headline, "Hamas said" read as a person;
/// "Northwind said" after "Northwind Airlines" joins it already). Only
/// names standing alone count: the tagger types a possessive ("Oz's",
/// "Trump's") or a modifier ("the Trump campaign", "a Trump supporter")
/// an organization as often as not. Without a one-word organization of
/// that name, [`organization_opening_with`] the word.
fn organization_called(
    doc: &Document,
    list: &[Entity],
    named: &Named<'_>,
    mention: &Mention,
    word: &str,
) -> Option<usize> {
    let Some(id) = list.iter().position(|x| {
        x.class == MentionClass::Organization && x.words.len() == 1 && x.words[0] == word
    }) else {
        return organization_opening_with(doc, list, mention, word);
    };
    let standing_alone = |m: &Mention| {
        let end = m.tokens.end;
        let modifies = named.pos.get(end).is_some_and(|p| p.starts_with("NN"))
            && doc.token_text(end).starts_with(char::is_lowercase);
        !modifies && !is_possessive(doc.token_text(end - 1))
    };
    let typed = |class: MentionClass| {
        named
            .mentions
            .iter()
            .zip(named.words)
            .filter(|(m, w)| m.class == class && w.len() == 1 && w[0] == word && standing_alone(m))
            .count()
    };
    let organization = typed(MentionClass::Organization);
    (organization > 0 && organization >= typed(MentionClass::Person)).then_some(id)
}

/// The one organization whose longer name opens with the one-word
/// `mention`'s `word` ("Goldman said" after "Goldman Sachs", "Morgan" after
/// "Morgan Stanley": a body named after people is called by its first
/// name, which the tagger reads as a surname); none when a capitalized
/// word follows the mention, a piece of a longer name then ("Clark County
/// Sheriff" beside "the Clark County Coroner's Office").
fn organization_opening_with(
    doc: &Document,
    list: &[Entity],
    mention: &Mention,
    word: &str,
) -> Option<usize> {
    let end = mention.tokens.end;
    if end < doc.tokens.len() && doc.is_capitalized(end) {
        return None;
    }
    let mut opening = list.iter().enumerate().filter(|(_, x)| {
        x.class == MentionClass::Organization
            && x.words.len() >= 2
            && x.words.first().is_some_and(|w| w == word)
    });
    let (id, _) = opening.next()?;
    opening.next().is_none().then_some(id)
}

/// The surname of a person named in full that one-word mention `word`,
/// which no one holds, misspells by one letter ("Wines" for Leslie Wimes,
/// "McLenney" for Tyresha McClenney), when it is one surname only and
/// long enough that a letter off is a typo rather than another name.
fn misspelled_surname(
    word: &str,
    holders_of: &rustc_hash::FxHashMap<String, Vec<usize>>,
    e: &Entities,
) -> Option<String> {
    if holders_of.contains_key(word) || word.chars().count() < 5 {
        return None;
    }
    let mut found = holders_of.iter().filter(|(k, ids)| {
        variants::one_typo_apart(word, k)
            && ids.iter().any(|&id| {
                let x = &e.list[id];
                x.class == MentionClass::Person && x.words.len() >= 2 && x.words.last() == Some(*k)
            })
    });
    let (k, _) = found.next()?;
    found.next().is_none().then(|| k.clone())
}

/// A new entity named by mention `m`; its index.
fn new_entity(doc: &Document, e: &mut Entities, m: &Mention, words: Vec<String>) -> usize {
    e.list.push(Entity {
        name: display_name(doc, m.tokens.clone()),
        class: m.class,
        words,
        titles: Vec::new(),
        title_spans: Vec::new(),
        mentions: Vec::new(),
        gender: None,
        usual_gender: None,
    });
    e.list.len() - 1
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

    #[test]
    fn names_in_capitals_go_in_title_case() {
        assert_eq!(title_case("MARGARET BRENNAN", false), "Margaret Brennan");
        assert_eq!(title_case("BRIAN O'HARA", false), "Brian O'Hara");
        assert_eq!(
            title_case("JEAN-PIERRE J.R. SMITH", false),
            "Jean-Pierre J.R. Smith"
        );
        assert_eq!(title_case("SEN.", true), "Sen.");
        assert_eq!(title_case("CEO", true), "CEO");
        assert_eq!(title_case("(AMY)", false), "(Amy)");
    }
}
