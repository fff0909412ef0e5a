//! Definite descriptions that refer back: a title to the person who holds
//! it ("the Indiana governor"), a noun to the organization whose name it
//! ends ("the commission"), a person noun to the most prominent person
//! ("the nominee").

use super::*;

impl Resolution<'_> {
    /// The organization or outlet a definite description refers back to:
    /// "the <…> <head>" whose head noun is a word of the name of one
    /// mentioned earlier ("The commission" → "Commission on Presidential
    /// Debates", "The Post" → "The New York Post"), the latest mentioned
    /// first. Words of people's names never match: "the president" is a
    /// title ([`Resolution::title_reference`]).
    pub(super) fn description_reference(
        &self,
        src: &Range<usize>,
        words: &[String],
    ) -> Option<usize> {
        if words.len() < 2 || words[0] != "the" {
            return None;
        }
        let end = self.phrase_end(src);
        let head_at = (src.start + 1..end)
            .rev()
            .find(|&i| self.pos[i].starts_with("NN"))?;
        if matches!(self.pos[head_at], "NNS" | "NNPS") {
            return None;
        }
        let head = entities::strip_possessive(&self.lower(head_at)).to_string();
        if head.chars().count() < 3 {
            return None;
        }
        // The latest mentions first, a bounded number of them: the nearest
        // fitting name is the referent, and the search stays linear.
        let before = self
            .ents
            .mentions
            .partition_point(|(m, _)| m.tokens.end <= src.start);
        let earlier = || {
            self.ents.mentions[..before]
                .iter()
                .rev()
                .take(DESCRIPTION_LOOKBACK)
        };
        let named = earlier().map(|&(_, e)| e).find(|&e| {
            let x = &self.ents.list[e];
            x.class != MentionClass::Person
                && x.name
                    .split_whitespace()
                    .any(|w| entities::strip_possessive(&w.to_lowercase()) == head)
        });
        if named.is_some() {
            return named;
        }
        // A noun for a kind of body ("the agency", "the union", "the
        // network") no name holds: the latest body of that kind named in
        // the last paragraphs, outside quotes.
        if !self.doc.token_text(head_at).starts_with(char::is_lowercase) {
            return None;
        }
        let media = MEDIA_NOUNS.contains(&head.as_str());
        if !media && !BODY_NOUNS.contains(&head.as_str()) {
            return None;
        }
        let paragraph = self.paragraph_of(src.start);
        let bodies = || {
            earlier()
                .take_while(|(m, _)| {
                    paragraph.saturating_sub(self.paragraph_of(m.tokens.start)) <= BODY_PARAGRAPHS
                })
                .filter(|(m, _)| {
                    m.class == MentionClass::Organization && !self.quotes.is_quoted(m.tokens.start)
                })
                .map(|&(_, e)| e)
        };
        // One of the kind the noun says first (an outlet for "the
        // network"), else the latest body.
        bodies()
            .find(|&e| is_media_name(&self.ents.list[e].name) == media)
            .or_else(|| bodies().next())
    }

    /// The person named most often before a definite singular description
    /// whose head is a person noun ("the nominee", "the businessman");
    /// ties go to the one named last. Only people named in full count.
    pub(super) fn prominent_person(&self, src: &Range<usize>, words: &[String]) -> Option<usize> {
        if words.len() < 2 || words[0] != "the" {
            return None;
        }
        let head_at = (src.start + 1..src.end)
            .rev()
            .find(|&i| self.pos[i].starts_with("NN"))?;
        let head = self.lower(head_at);
        // "the official" stays unnamed.
        if self.pos[head_at] != "NN"
            || !entities::is_title_noun(&head)
            || ANONYMOUS_NOUNS.contains(&head.as_ref())
        {
            return None;
        }
        let mut best: Option<(usize, usize, usize)> = None; // (mentions, last, entity)
        for (id, x) in self.ents.list.iter().enumerate() {
            if x.class != MentionClass::Person || x.words.len() < 2 {
                continue;
            }
            let before: Vec<usize> = x
                .mentions
                .iter()
                .filter(|m| m.end <= src.start)
                .map(|m| m.end)
                .collect();
            let Some(&last) = before.iter().max() else {
                continue;
            };
            let candidate = (before.len(), last, id);
            if best.is_none_or(|b| (candidate.0, candidate.1) > (b.0, b.1)) {
                best = Some(candidate);
            }
        }
        best.map(|b| b.2)
    }

    /// A person whose titles match a title-only source ("NATO Chief" →
    /// the person titled "NATO Secretary General").
    pub(super) fn title_reference(&self, src: &Range<usize>, words: &[String]) -> Option<usize> {
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
            .map(|w| title_word(entities::strip_possessive(w)))
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
                .map(|w| title_word(entities::strip_possessive(&w.to_lowercase())).to_string())
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
}

/// How many named mentions before a definite description are searched for
/// the organization it refers to.
const DESCRIPTION_LOOKBACK: usize = 256;

/// Nouns for kinds of organizations, which refer back to the latest one
/// named ("the agency", "the union").
const BODY_NOUNS: &[&str] = &[
    "agency",
    "union",
    "bank",
    "company",
    "firm",
    "corporation",
    "organization",
    "group",
    "committee",
    "panel",
    "court",
    "department",
    "ministry",
    "council",
    "commission",
    "board",
    "institute",
    "foundation",
    "association",
    "charity",
    "university",
    "bureau",
    "office",
    "regulator",
    "authority",
    "government",
    "party",
    "coalition",
    "alliance",
    "club",
    "team",
    "league",
    "retailer",
    "manufacturer",
    "automaker",
    "insurer",
    "airline",
    "startup",
];

/// Nouns for kinds of news media, which refer back to the latest outlet
/// named ("the network", "the website").
const MEDIA_NOUNS: &[&str] = &[
    "network",
    "website",
    "site",
    "newspaper",
    "paper",
    "outlet",
    "magazine",
    "channel",
    "station",
    "broadcaster",
    "publication",
    "tabloid",
    "daily",
];

/// How many paragraphs back a kind-of-body noun looks for its referent.
const BODY_PARAGRAPHS: usize = 3;

/// A title word in one spelling, so that "the GOP nominee" meets
/// "Republican presidential nominee" and "the governor" meets "Gov.".
fn title_word(word: &str) -> &str {
    match word {
        "gop" => "republican",
        "democrat" | "dem." => "democratic",
        "gov." => "governor",
        "sen." => "senator",
        "rep." => "representative",
        "justice" => "judge",
        "gen." => "general",
        "secretary-general" => "secretary",
        "ceo" | "chief executive" => "executive",
        _ => word,
    }
}
