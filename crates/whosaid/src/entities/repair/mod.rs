//! Repairs of the tagger's mentions before they are grouped: names cut in
//! pieces are joined, titles and function words moved out.

use super::gender::is_honorific;
use super::is_initial;
use super::{
    is_function_word, is_possessive, is_title_noun, name_words, GenderLexicon, Mention,
    MentionClass,
};
use crate::text::{Document, TokenKind};

mod bare_titles;
mod before_of;
mod brands;
mod companies;
mod conjoined;
mod determined;
mod hyphened_particles;
mod joined_organizations;
mod opening_first_names;
mod organization_heads;
mod particles;
mod places;
mod plural_bodies;
mod small_word_names;
mod split_names;
mod titled_names;
mod transcript_labels;

pub(super) use companies::is_trade_word;
use companies::{companies_by_trade_word, company_names};
pub(crate) use companies::{
    ends_company_name, ends_organization_as_company, ends_web_domain, without_legal_form_period,
};
use joined_organizations::joined_organizations;
pub(crate) use small_word_names::{is_small_name_word, may_be_a_name_word};

/// The tagger's mentions with its slips repaired, in an order where each
/// repair sees the previous ones' work.
pub(super) fn repaired(
    doc: &Document,
    pos: &[&str],
    genders: &GenderLexicon,
    mentions: Vec<Mention>,
) -> Vec<Mention> {
    let headlines = Headlines::of(doc);
    let mentions = before_of::people_before_of(doc, genders, mentions);
    let mentions = without_function_words(doc, mentions);
    let mentions = split_names::names_split_across_classes(doc, genders, mentions);
    let mentions = places::places_after_their_kind(doc, mentions);
    let mentions = brands::camel_case_brands(doc, mentions);
    let mentions = super::acronyms::untagged_acronyms(doc, mentions);
    let mentions = super::acronyms::without_common_noun_acronyms(doc, mentions);
    let mentions = people_in_capitals(doc, mentions);
    let mentions = transcript_labels::transcript_label_names(doc, mentions);
    let mentions = particles::names_across_particles(doc, pos, &headlines, mentions);
    let mentions = hyphened_particles::names_with_hyphened_particles(doc, genders, mentions);
    let mentions = headline_names(doc, &headlines, mentions);
    let mentions = joined_organizations(doc, pos, &headlines, mentions);
    let mentions = conjoined::names_joined_by_and(doc, &headlines, mentions);
    let mentions = organizations_after_their_head(doc, pos, genders, mentions);
    let mentions = plural_bodies::bodies_named_in_plural(doc, pos, &headlines, mentions);
    let mentions = small_word_names::names_with_small_words(doc, pos, mentions);
    let mentions = whole_organization_names(doc, pos, &headlines, mentions);
    let mentions = organization_heads::names_ending_in_their_head(doc, &headlines, mentions);
    let mentions = left_out_first_words(doc, pos, &headlines, mentions);
    let mentions = companies::web_names(doc, mentions);
    let mentions = company_names(doc, pos, mentions);
    let mentions = companies_by_trade_word(doc, mentions);
    let mentions = without_leading_titles(doc, mentions);
    let mentions = bare_titles::without_bare_titles(doc, mentions);
    let mentions = without_trailing_title_words(doc, mentions);
    let mentions = titled_names::people_after_abbreviated_titles(doc, mentions);
    let mentions = first_names_after_titles(doc, genders, mentions);
    let mentions =
        opening_first_names::first_names_opening_sentences(doc, pos, &headlines, mentions);
    let mentions = people_ending_other_names(doc, genders, mentions);
    let mentions = people_by_apposed_role(doc, pos, mentions);
    let mentions = super::bodies::bodies_by_description(doc, pos, mentions);
    let mentions = determined::names_after_the(doc, pos, genders, mentions);
    let mentions = surnames_as_people(doc, mentions);
    let mentions = super::parties::parties_as_organizations(doc, pos, mentions);
    laws_as_no_bodies(doc, mentions)
}

/// Words that end the name of a law or a treaty, not of a body.
const LAW_ENDINGS: &[&str] = &[
    "Amendment",
    "Act",
    "Constitution",
    "Treaty",
    "Accord",
    "Accords",
    "Protocol",
    "Doctrine",
    "Statute",
];

/// Laws and treaties the tagger read as organizations ("the First
/// Amendment", "the Affordable Care Act", "the Paris Accord") are named
/// things, not bodies: no one speaks for them, and "the group" or "the
/// company" never refers to one.
fn laws_as_no_bodies(doc: &Document, mut mentions: Vec<Mention>) -> Vec<Mention> {
    for m in &mut mentions {
        if m.class == MentionClass::Organization
            && m.tokens.len() > 1
            && LAW_ENDINGS.contains(&doc.token_text(m.tokens.end - 1))
        {
            m.class = MentionClass::Misc;
        }
    }
    mentions
}

/// Which sentences are written in title case (headlines), where capitals
/// say nothing about names: most of a sentence's longer words capitalized.
/// Decided on first use per sentence, as few sentences are asked about.
struct Headlines(Vec<std::cell::Cell<Option<bool>>>);

impl Headlines {
    fn of(doc: &Document) -> Self {
        Headlines(vec![std::cell::Cell::new(None); doc.sentences.len()])
    }

    /// Whether the sentence of `token` is a headline.
    fn at(&self, doc: &Document, token: usize) -> bool {
        let k = doc.sentence_of(token);
        let Some(cell) = self.0.get(k) else {
            return false;
        };
        if let Some(known) = cell.get() {
            return known;
        }
        let headline = is_title_case(doc, k);
        cell.set(Some(headline));
        headline
    }
}

/// Whether sentence `k` is written in title case: most of its longer words
/// (three at least) capitalized.
pub(super) fn is_title_case(doc: &Document, k: usize) -> bool {
    let (mut long, mut capital) = (0usize, 0usize);
    for i in doc.sentences[k].tokens.clone() {
        let t = doc.token_text(i);
        if doc.tokens[i].kind == TokenKind::Word && t.chars().nth(3).is_some() {
            long += 1;
            capital += usize::from(t.starts_with(char::is_uppercase));
        }
    }
    long >= 3 && capital * 10 >= long * 7
}

/// Two initials written together as a first name ("JD Vance", "AJ
/// Brown"): two capitals, not the abbreviation of a place, a body or a
/// title ("Former AG Mukasey", "QB Tom Brady").
fn run_together_initials(word: &str) -> bool {
    word.len() == 2
        && word.bytes().all(|b| b.is_ascii_uppercase())
        && !TWO_LETTER_ABBREVIATIONS.contains(&word)
}

/// Two-capital abbreviations that stand before names without being their
/// initials: places and bodies, titles, team positions.
const TWO_LETTER_ABBREVIATIONS: &[&str] = &[
    "US", "UK", "EU", "UN", "NY", "LA", "DC", "TV", "AG", "DA", "VP", "PM", "MP", "GM", "MD", "RN",
    "QB", "RB", "WR", "TE", "LB", "CB", "DB", "DE", "DT", "OT", "OL", "GK", "SS", "PG", "SG", "SF",
    "PF", "LW", "RW", "CF",
];

/// A capitalized word that can open a name: not a title, honorific,
/// function word, calendar word or possessive.
fn name_like(doc: &Document, i: usize) -> bool {
    let t = doc.token_text(i);
    if !matches!(
        doc.tokens[i].kind,
        TokenKind::Word | TokenKind::Abbreviation
    ) || !t.starts_with(char::is_uppercase)
    {
        return false;
    }
    let lower = doc.lower(i);
    !is_title_noun(lower)
        && !is_honorific(lower)
        && !is_function_word(t)
        && !is_possessive(t)
        && !crate::when::is_calendar_word(lower)
}

/// Where a run of name-like words tagged `tag…` (`"NN"`, `"NNP"`) that
/// ends right before `start` begins, never before `floor`.
fn names_before(doc: &Document, pos: &[&str], start: usize, floor: usize, tag: &str) -> usize {
    let mut start = start;
    while start > floor
        && name_like(doc, start - 1)
        && pos.get(start - 1).is_some_and(|t| t.starts_with(tag))
    {
        start -= 1;
    }
    start
}

/// Ends an organization mention where a person's name begins, without
/// the title words before it ("Manhattan Supreme Court Justice" + "Frank"
/// → "Manhattan Supreme Court"); whether nothing is left of it.
fn give_up_name(doc: &Document, h: &mut std::ops::Range<usize>, name_start: usize) -> bool {
    h.end = h.end.min(name_start);
    while h.end > h.start && is_title_noun(doc.lower(h.end - 1)) {
        h.end -= 1;
    }
    h.start >= h.end
}

/// Organization names the tagger began late ("The Tax" + "Policy
/// Center", "Ukraine's Energy" + "Ministry"): capitalized proper nouns
/// right before a name of two words or more, or before an organization's
/// head noun alone, join it, up to three of them, never a sentence's first
/// word or a headline's (their capitals say nothing) nor another
/// mention's.
fn whole_organization_names(
    doc: &Document,
    pos: &[&str],
    headlines: &Headlines,
    mut mentions: Vec<Mention>,
) -> Vec<Mention> {
    for k in 0..mentions.len() {
        let m = &mentions[k];
        let named = m.tokens.len() >= 2
            || (m.class == MentionClass::Organization && is_organization_head(doc, m.tokens.start));
        if !matches!(m.class, MentionClass::Organization | MentionClass::Misc) || !named {
            continue;
        }
        let first_of_sentence = doc.sentences[doc.sentence_of(m.tokens.start)].tokens.start;
        let previous_end = k.checked_sub(1).map_or(0, |j| mentions[j].tokens.end);
        let floor = (first_of_sentence + 1)
            .max(previous_end)
            .max(m.tokens.start.saturating_sub(3));
        let start = names_before(doc, pos, m.tokens.start, floor, "NN");
        // Asked last, as few mentions get this far.
        if start < mentions[k].tokens.start && !headlines.at(doc, start) {
            mentions[k].tokens.start = start;
        }
    }
    mentions
}

/// Organization names that open with a word the entity tagger left out
/// ("Planned Parenthood" was "Parenthood"; "Concerned Veterans for
/// America", read as a verb form): a capitalized word tagged `VBN`, `VBD`
/// or `VBG` right before an organization's name, or a plain capitalized
/// proper noun before a one-word one, joins it inside a sentence, where its capital says it is part of a
/// name; and at a sentence's start where the article writes the two
/// together inside a sentence too, or where a finite verb follows the
/// name ("Planned Parenthood said": a participle opening the sentence
/// would leave that verb without a subject; "Following Google's lead"
/// is a `VBG` and stays out). Never in a headline.
fn left_out_first_words(
    doc: &Document,
    pos: &[&str],
    headlines: &Headlines,
    mut mentions: Vec<Mention>,
) -> Vec<Mention> {
    // One capitalized word of letters that no office qualifies ("Former",
    // "Acting" open a title, not a name).
    let plain_word = |i: usize| {
        let t = doc.token_text(i);
        t.chars().skip(1).all(char::is_lowercase)
            && !matches!(
                doc.lower(i),
                "former" | "then" | "acting" | "late" | "ex" | "outgoing" | "incoming" | "interim"
            )
    };
    // The word is in the name's sentence: a headline's last word is no
    // part of the name opening the text ("Strong Demand" + "Nvidia").
    let left_out_word_before = |m: &Mention| {
        let at = m.tokens.start.checked_sub(1)?;
        let joins = m.class == MentionClass::Organization
            && doc.sentence_of(at) == doc.sentence_of(m.tokens.start)
            && (matches!(pos.get(at), Some(&("VBN" | "VBD" | "VBG")))
                || (m.tokens.len() == 1 && pos.get(at) == Some(&"NNP") && plain_word(at)))
            && name_like(doc, at);
        joins.then_some(at)
    };
    // The pairs written inside a sentence: (left-out word, name's first word).
    let inside: Vec<(&str, &str)> = mentions
        .iter()
        .filter_map(|m| {
            let at = left_out_word_before(m)?;
            let first = doc.sentences[doc.sentence_of(at)].tokens.start;
            (at > first).then(|| (doc.token_text(at), doc.token_text(m.tokens.start)))
        })
        .collect();
    let previous_ends: Vec<usize> = std::iter::once(0)
        .chain(mentions.iter().map(|m| m.tokens.end))
        .collect();
    for (k, m) in mentions.iter_mut().enumerate() {
        let Some(at) = left_out_word_before(m) else {
            continue;
        };
        let first = doc.sentences[doc.sentence_of(at)].tokens.start;
        let pair = (doc.token_text(at), doc.token_text(m.tokens.start));
        let subject_of_next_verb = matches!(pos.get(at), Some(&("VBN" | "VBD" | "NNP")))
            && matches!(pos.get(m.tokens.end), Some(&("VBD" | "VBZ" | "VBP" | "MD")));
        let known = at > first || inside.contains(&pair) || subject_of_next_verb;
        if known && at >= previous_ends[k] && !headlines.at(doc, at) {
            m.tokens.start = at;
        }
    }
    mentions
}

/// The mentions not marked in `absorbed` (same order): those a repair
/// joined into a neighbour.
fn without_absorbed(mentions: Vec<Mention>, absorbed: &[bool]) -> Vec<Mention> {
    mentions
        .into_iter()
        .zip(absorbed)
        .filter(|(_, &gone)| !gone)
        .map(|(m, _)| m)
        .collect()
}

/// Person mentions the tagger began late ("Chairwoman Donna" tagged an
/// organization, then "Brazile"; "Chief Justice John G. Roberts Jr." as
/// "G. Roberts"): capitalized words right before a person mention join it
/// when they are first names the gender table knows or initials, or follow
/// a title ("Secretary General Ban Ki-moon"). An organization mention that
/// ran over them gives them up, and the title words before them.
fn first_names_after_titles(
    doc: &Document,
    genders: &GenderLexicon,
    mut mentions: Vec<Mention>,
) -> Vec<Mention> {
    let mut emptied = false;
    for k in 0..mentions.len() {
        if mentions[k].class != MentionClass::Person {
            continue;
        }
        let first_of_sentence = doc.sentences[doc.sentence_of(mentions[k].tokens.start)]
            .tokens
            .start;
        // Only the mention right before can hold the words, and only an
        // organization or other name that ends where this one starts.
        let holder = k.checked_sub(1).filter(|&j| {
            mentions[j].tokens.end == mentions[k].tokens.start
                && mentions[j].class != MentionClass::Person
        });
        let floor = match (holder, k.checked_sub(1)) {
            (Some(_), _) => first_of_sentence,
            (None, Some(j)) => mentions[j].tokens.end.max(first_of_sentence),
            (None, None) => first_of_sentence,
        };
        let mut start = mentions[k].tokens.start;
        while start > floor && mentions[k].tokens.start - start < 3 && name_like(doc, start - 1) {
            let i = start - 1;
            let word = doc.token_text(i);
            let after_title = i > first_of_sentence && is_title_noun(doc.lower(i - 1));
            let first_name = is_initial(word)
                || run_together_initials(word)
                || genders.is_first_name(doc.lower(i));
            if !(first_name || after_title) {
                break;
            }
            start = i;
            if after_title {
                break;
            }
        }
        if start == mentions[k].tokens.start {
            continue;
        }
        mentions[k].tokens.start = start;
        if let Some(j) = holder {
            emptied |= give_up_name(doc, &mut mentions[j].tokens, start);
        }
    }
    // An organization mention that ran over a title and a first name and
    // stopped before the surname ("NYPD Commissioner James" + "O’Neill",
    // no mention): the first name and the capitalized word after it are
    // the person.
    let mut people = Vec::new();
    for k in 0..mentions.len() {
        let m = &mentions[k];
        if m.class == MentionClass::Person || m.tokens.len() < 3 {
            continue;
        }
        let first = m.tokens.end - 1;
        let next = m.tokens.end;
        let next_free = next < doc.tokens.len()
            && mentions.get(k + 1).is_none_or(|n| n.tokens.start > next)
            && doc.sentence_of(next) == doc.sentence_of(first);
        if next_free
            && genders.is_first_name(doc.lower(first))
            && is_title_noun(doc.lower(first - 1))
            && name_like(doc, next)
        {
            people.push((
                k,
                Mention {
                    tokens: first..next + 1,
                    class: MentionClass::Person,
                },
            ));
        }
    }
    for (k, person) in people.into_iter().rev() {
        emptied |= give_up_name(doc, &mut mentions[k].tokens, person.tokens.start);
        mentions.insert(k + 1, person);
    }
    if emptied {
        mentions.retain(|m| !m.tokens.is_empty());
    }
    mentions
}

/// A person's name the tagger ran into the name before it ("Speaker of the
/// House Newt Gingrich’s inclusion" read as the organization "House Newt
/// Gingrich’s"): a common first name and one capitalized word ending a
/// longer mention that is no person are the person, the words before
/// stay the other name. A last word that names a kind of body ("Chelsea
/// Clinton Foundation") keeps the mention whole.
fn people_ending_other_names(
    doc: &Document,
    genders: &GenderLexicon,
    mentions: Vec<Mention>,
) -> Vec<Mention> {
    let mut out = Vec::with_capacity(mentions.len());
    for m in mentions {
        let n = m.tokens.len();
        let (first, last) = (
            m.tokens.end.saturating_sub(2),
            m.tokens.end.saturating_sub(1),
        );
        let surname = doc.token_text(last);
        let bare = super::strip_possessive(surname);
        let person_tail = m.class != MentionClass::Person
            && n >= 3
            && genders.is_common_first_name(doc.lower(first))
            && name_like(doc, first)
            && !is_initial(doc.token_text(first))
            && bare.starts_with(char::is_uppercase)
            && bare.chars().all(|c| c.is_alphabetic() || c == '-')
            && !BODY_WORDS.contains(&super::strip_possessive(doc.lower(last)));
        if !person_tail {
            out.push(m);
            continue;
        }
        out.push(Mention {
            tokens: m.tokens.start..first,
            class: m.class,
        });
        out.push(Mention {
            tokens: first..m.tokens.end,
            class: MentionClass::Person,
        });
    }
    out
}

/// Last words of the names of bodies and works, never a surname.
const BODY_WORDS: &[&str] = &[
    "foundation",
    "center",
    "centre",
    "institute",
    "institution",
    "university",
    "college",
    "school",
    "library",
    "museum",
    "hospital",
    "fund",
    "group",
    "party",
    "committee",
    "council",
    "association",
    "company",
    "corporation",
    "news",
    "network",
    "times",
    "post",
    "journal",
    "award",
    "prize",
    "act",
    "bill",
    "law",
    "show",
    "project",
    "campaign",
    "administration",
    "airport",
    "bridge",
    "park",
    "stadium",
    "hall",
    "street",
    "avenue",
    "building",
    "tower",
    "pac",
];

/// Nouns that end an organization's name ("Energy Ministry", "Illinois
/// Municipal League"): the tagger often reads such a word alone as the
/// name, or as a person after a name it ended early.
const ORGANIZATION_HEADS: &[&str] = &[
    "agency",
    "alliance",
    "assembly",
    "association",
    "authority",
    "bank",
    "board",
    "bureau",
    "coalition",
    "commission",
    "committee",
    "council",
    "court",
    "department",
    "federation",
    "foundation",
    "fund",
    "institute",
    "league",
    "ministry",
    "office",
    "organization",
    "organisation",
    "parliament",
    "party",
    "service",
    "society",
    "tribunal",
    "trust",
    "union",
];

/// Whether token `i` is a capitalized [`ORGANIZATION_HEADS`] word.
fn is_organization_head(doc: &Document, i: usize) -> bool {
    let t = doc.token_text(i);
    t.starts_with(char::is_uppercase) && is_organization_head_word(doc.lower(i))
}

/// Whether a lowercased word is one of [`ORGANIZATION_HEADS`].
fn is_organization_head_word(word: &str) -> bool {
    ORGANIZATION_HEADS.contains(&word)
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
            let first = doc.lower(m.tokens.start);
            let next = doc.token_text(m.tokens.start + 1);
            if is_title_noun(first) && next.chars().next().is_some_and(char::is_uppercase) {
                m.tokens.start += 1;
            } else {
                break;
            }
        }
    }
    mentions
}

/// Words that begin a title rather than end a body's name: "Senate
/// Minority Leader" is a leader of the Senate, not of a "Senate Minority".
const TITLE_MODIFIERS: &[&str] = &["Majority", "Minority"];

/// Organization mentions with the title words they end in moved out
/// ("Senate Minority" before "Leader" → "Senate"), so that the body is the
/// speaker's affiliation and the words stay in the title.
fn without_trailing_title_words(doc: &Document, mut mentions: Vec<Mention>) -> Vec<Mention> {
    for m in &mut mentions {
        if m.class != MentionClass::Organization || m.tokens.len() < 2 {
            continue;
        }
        let followed_by_title =
            m.tokens.end < doc.tokens.len() && is_title_noun(doc.lower(m.tokens.end));
        if followed_by_title && TITLE_MODIFIERS.contains(&doc.token_text(m.tokens.end - 1)) {
            m.tokens.end -= 1;
        }
    }
    mentions
}

/// Organization names whose head noun and preposition the tagger left
/// out ("Office for" + "Budget Responsibility", "University of" +
/// "California", "Bank of" + "America"): a mention that is no person,
/// right after an organization's head noun ([`ORGANIZATION_HEADS`]) and
/// "of"/"for"/"on" (and "the"), takes them in with the capitalized words
/// before the head ("National"), and is an organization; a one-word
/// mention right after it, no first name, ends it ("… Middle East" +
/// "Peace").
fn organizations_after_their_head(
    doc: &Document,
    pos: &[&str],
    genders: &GenderLexicon,
    mut mentions: Vec<Mention>,
) -> Vec<Mention> {
    let mut absorbed = vec![false; mentions.len()];
    for k in 0..mentions.len() {
        let m = &mentions[k];
        if m.class == MentionClass::Person {
            continue;
        }
        let previous_end = k.checked_sub(1).map_or(0, |j| mentions[j].tokens.end);
        let sentence_start = doc.sentences[doc.sentence_of(m.tokens.start)].tokens.start;
        let floor = previous_end.max(sentence_start);
        // The name's words the tagger left out ("Budget" + "Responsibility").
        let mut at = names_before(doc, pos, m.tokens.start, floor, "NNP");
        if at > floor && doc.token_text(at - 1).eq_ignore_ascii_case("the") {
            at -= 1;
        }
        if at < floor + 2 || !matches!(doc.token_text(at - 1), "of" | "for" | "on") {
            continue;
        }
        let head = at - 2;
        if !is_organization_head(doc, head) {
            continue;
        }
        let start = names_before(doc, pos, head, floor, "NNP");
        mentions[k].tokens.start = start;
        mentions[k].class = MentionClass::Organization;
        // One more word right after it, no first name, ends the name
        // ("Foundation for Middle East" + "Peace", read as a person).
        if let Some(next) = mentions.get(k + 1) {
            let word = doc.lower(next.tokens.start);
            if next.tokens.start == mentions[k].tokens.end
                && next.tokens.len() == 1
                && !genders.is_first_name(word)
                && doc.sentence_of(next.tokens.start) == doc.sentence_of(start)
            {
                mentions[k].tokens.end = next.tokens.end;
                absorbed[k + 1] = true;
            }
        }
    }
    without_absorbed(mentions, &absorbed)
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
    // Nor are mentions without a letter ("9" of "9/11").
    mentions.retain(|m| {
        !m.tokens
            .clone()
            .filter(|&i| doc.tokens[i].kind != crate::text::TokenKind::Punct)
            .all(|i| is_function_word(doc.token_text(i)))
            && m.tokens
                .clone()
                .any(|i| doc.token_text(i).chars().any(char::is_alphabetic))
    });
    mentions
}

/// Person mentions are names written in capitals: leading pronouns and
/// other function words are cut off ("She Tyresha" → "Tyresha"), and a
/// mention with a lowercase word inside, name particles aside ("de",
/// "van", "bin"), is no name at all ("She then peppered him with",
/// "don’t"): the tagger's slips must not become people whom pronouns
/// resolve to.
fn people_in_capitals(doc: &Document, mut mentions: Vec<Mention>) -> Vec<Mention> {
    let lowercase = |i: usize| {
        let t = doc.token_text(i);
        doc.tokens[i].kind != TokenKind::Punct
            && t.starts_with(char::is_lowercase)
            && !NAME_PARTICLES.contains(&t)
    };
    mentions.retain_mut(|m| {
        if m.class != MentionClass::Person {
            return true;
        }
        while m.tokens.len() > 1 && is_function_word(doc.token_text(m.tokens.start)) {
            m.tokens.start += 1;
        }
        !m.tokens.clone().any(lowercase) && !is_function_word(doc.token_text(m.tokens.start))
    });
    mentions
}

/// People named in a headline or another title-case line (a video's or
/// photo's title), or in the name of a day ("Barack Obama Election Day"),
/// whose capitals make any phrase look like a name ("Obama Speech",
/// "Barack Obama Election"): words at the end that the article writes in
/// lowercase elsewhere are cut off.
fn headline_names(
    doc: &Document,
    headlines: &Headlines,
    mut mentions: Vec<Mention>,
) -> Vec<Mention> {
    // A word is written in lowercase when some token is it, in lowercase
    // (compared by the tokens' lowercase symbols first).
    let lowercase_somewhere = |w: &str| {
        let wanted = crate::perceptron::sym(w);
        (0..doc.tokens.len()).any(|i| {
            doc.lower_sym(i) == wanted && doc.token_text(i).starts_with(char::is_lowercase)
        })
    };
    // The last words of people named outside title-case lines: a surname
    // there is a name, with no need to look for it in lowercase.
    let in_headline = |m: &Mention| {
        headlines.at(doc, m.tokens.start)
            || (m.tokens.end < doc.tokens.len() && doc.token_is(m.tokens.end, "Day"))
    };
    let body_surnames: Vec<u64> = mentions
        .iter()
        .filter(|m| m.class == MentionClass::Person && (m.tokens.len() < 2 || !in_headline(m)))
        .map(|m| doc.lower_sym(m.tokens.end - 1))
        .collect();
    for m in &mut mentions {
        if m.class != MentionClass::Person || m.tokens.len() < 2 || !in_headline(m) {
            continue;
        }
        while m.tokens.len() > 1 && !body_surnames.contains(&doc.lower_sym(m.tokens.end - 1)) {
            let last = doc.lower(m.tokens.end - 1);
            if !lowercase_somewhere(super::strip_possessive(last)) {
                break;
            }
            m.tokens.end -= 1;
        }
    }
    mentions
}

/// Lowercase words that belong in people's names.
const NAME_PARTICLES: &[&str] = &[
    "de", "del", "della", "der", "den", "van", "von", "da", "di", "du", "la", "le", "bin", "ibn",
    "al", "el", "y", "dos", "das", "ter", "zu",
];

/// Names of two words or more tagged as organizations whose apposition is
/// headed by a person's title ("Jo-Renee Formicola, political science
/// professor at Seton Hall University"): people. The title comes before
/// any capitalized word of the apposition and no name follows it ("Acme
/// Corp., chief executive Jane Roe" names Jane Roe, not Acme).
fn people_by_apposed_role(
    doc: &Document,
    pos: &[&str],
    mut mentions: Vec<Mention>,
) -> Vec<Mention> {
    /// Words of the apposition read before its head.
    const MAX_BEFORE_HEAD: usize = 4;
    for m in &mut mentions {
        let end = m.tokens.end;
        if !matches!(m.class, MentionClass::Organization | MentionClass::Misc)
            || m.tokens.len() < 2
            || end + 2 >= doc.tokens.len()
            || !doc.token_is(end, ",")
        {
            continue;
        }
        let sentence_end = doc.sentences[doc.sentence_of(end)].tokens.end;
        for i in end + 1..(end + 2 + MAX_BEFORE_HEAD).min(sentence_end) {
            let word = doc.token_text(i);
            let tag = pos.get(i).copied().unwrap_or("");
            if doc.tokens[i].kind != TokenKind::Word || !word.starts_with(char::is_lowercase) {
                break;
            }
            if is_title_noun(word) {
                let named_after = i + 1 < sentence_end
                    && doc.tokens[i + 1].kind == TokenKind::Word
                    && doc.is_capitalized(i + 1);
                if !named_after {
                    m.class = MentionClass::Person;
                }
                break;
            }
            if !(tag.starts_with("NN") || matches!(tag, "DT" | "JJ" | "VBN")) {
                break;
            }
        }
    }
    mentions
}

/// One-word organization or other mentions that are the surname of a
/// person named in full in the document become person mentions ("Rutte
/// answered" tagged as an organization after "Mark Rutte").
fn surnames_as_people(doc: &Document, mut mentions: Vec<Mention>) -> Vec<Mention> {
    // The one-word organizations first: most documents have none, and then
    // no person's name need be folded.
    let one_word: Vec<(usize, String)> = mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| matches!(m.class, MentionClass::Organization | MentionClass::Misc))
        .filter_map(|(k, m)| {
            let mut words = name_words(doc, m.tokens.clone());
            (words.len() == 1).then(|| (k, words.swap_remove(0)))
        })
        .collect();
    if one_word.is_empty() {
        return mentions;
    }
    let surnames: rustc_hash::FxHashSet<String> = mentions
        .iter()
        .filter(|m| m.class == MentionClass::Person)
        .filter_map(|m| {
            let mut words = name_words(doc, m.tokens.clone());
            (words.len() >= 2).then(|| words.pop()).flatten()
        })
        .collect();
    for (k, word) in one_word {
        if surnames.contains(&word) {
            mentions[k].class = MentionClass::Person;
        }
    }
    mentions
}

/// The tagger's mentions of a test, given as `(words, class)`, each the
/// first occurrence of its words in `doc`.
#[cfg(test)]
fn tagged_mentions(doc: &Document, tagged: &[(&str, MentionClass)]) -> Vec<Mention> {
    tagged
        .iter()
        .map(|&(words, class)| Mention {
            tokens: doc.tokens_of(words),
            class,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A name followed by "Day" is a day's name, whose capitals make more
    /// words look like the name: words the article writes in lowercase end
    /// no name there (a regression: "Barack Obama Election Day" made a
    /// person "Barack Obama Election", the speaker of every "Mr. Obama").
    #[test]
    fn a_days_name_adds_no_words_to_a_name() {
        let text =
            "The election is close.\n\nHe called it \"Daniel Marsh Election Day\" at a rally.";
        let doc = Document::new(text);
        let at = |word: &str| {
            (0..doc.tokens.len())
                .find(|&i| doc.token_text(i) == word)
                .expect("word in the text")
        };
        let tagged = Mention {
            tokens: at("Daniel")..at("Election") + 1,
            class: MentionClass::Person,
        };
        let got = headline_names(&doc, &Headlines::of(&doc), vec![tagged]);
        assert_eq!(got[0].tokens, at("Daniel")..at("Marsh") + 1);
    }
}
