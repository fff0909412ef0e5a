//! Headlines and leads: a description of someone the article names only
//! later ("Lawmaker says …", "Drugmaker cuts jobs", "A former DNC chairman
//! says …" before "… said Don Fowler").

use super::body_kinds::{body_kind, body_kind_of_name, BodyKind};
use super::descriptions::{is_role_noun, noun_gender};
use super::role_conflicts::title_word;
use super::*;

impl Resolution<'_> {
    /// The person a headline describes without naming ("Former DNC
    /// chairman: …", "Lawmaker says …"): the first person the article's
    /// opening paragraphs name in full. Only a description headed by a
    /// title or person noun, without an article ("a", "the") or a
    /// quantifier, which would make it someone new.
    pub(super) fn headline_person(&self, src: &Range<usize>) -> Option<usize> {
        let noun = self.bare_headline_noun(src)?;
        if ANONYMOUS_NOUNS.contains(&noun)
            || !(entities::is_title_noun(noun) || PERSON_NOUNS.contains(&noun))
        {
            return None;
        }
        let lead_end = self.lead_end();
        let people = || {
            self.ents
                .mentions
                .iter()
                .filter(|(m, _)| m.tokens.start >= src.end && m.tokens.start < lead_end)
                .filter(|(m, e)| {
                    m.class == MentionClass::Person
                        && self.paragraph_of(m.tokens.start) > 0
                        && self.ents.list[*e].words.len() >= 2
                })
                .map(|&(_, e)| e)
        };
        // One whose titles share the headline's noun ("Lawmaker" …
        // "Rep."), else the first named.
        let titled = people().find(|&e| {
            self.ents.list[e].titles.iter().any(|t| {
                t.split_whitespace()
                    .any(|w| entities::strip_possessive(&w.to_lowercase()) == noun)
            })
        });
        titled.or_else(|| people().next())
    }

    /// The head noun of a headline's source written without an article
    /// or a quantifier ("Lawmaker says", "Drugmaker says"): a description
    /// of someone the article goes on to name. `None` outside the headline
    /// and for "A drugmaker", "Another lawmaker", someone new.
    fn bare_headline_noun(&self, src: &Range<usize>) -> Option<&str> {
        if self.paragraph_of(src.start) != 0 {
            return None;
        }
        let region = self.head_region(src);
        let head = self.last_noun(region.clone())?;
        let determined = matches!(
            self.lower(region.start),
            "a" | "an" | "the" | "one" | "another" | "some" | "two" | "three"
        );
        (!determined).then(|| entities::strip_possessive(self.lower(head)))
    }

    /// The first token after the article's lead, its first two paragraphs
    /// after the headline.
    fn lead_end(&self) -> usize {
        self.doc
            .paragraphs
            .get(2)
            .map_or(self.doc.tokens.len(), |p| {
                self.doc.sentences[p.sentences.end - 1].tokens.end
            })
    }

    /// The business a headline describes without naming ("Drugmaker says
    /// …", "Carmaker cuts jobs"): the first business that speaks in the
    /// opening paragraphs, by its name alone ("Novartis said …"), an
    /// organization of no other kind or a one-word name with no sign of a
    /// person (which the tagger, not knowing the brand, may have typed
    /// one). Only a bare noun: "A drugmaker" would be someone new.
    pub(super) fn headline_business(&self, src: &Range<usize>) -> Option<usize> {
        let noun = self.bare_headline_noun(src)?;
        if body_kind(noun) != Some(BodyKind::Business) {
            return None;
        }
        let lead_end = self.lead_end();
        self.items
            .iter()
            .filter_map(|item| item.a.source.clone())
            .filter(|s| s.start >= src.end && s.start < lead_end && self.paragraph_of(s.start) > 0)
            .find_map(|s| {
                let (e, m) = self.ents.mention_in(self.doc, s.clone())?;
                let x = &self.ents.list[e];
                let business = match x.class {
                    MentionClass::Organization => {
                        matches!(body_kind_of_name(&x.name), None | Some(BodyKind::Business))
                            && !is_media_name(&x.name)
                    }
                    MentionClass::Person => {
                        x.words.len() == 1
                            && x.titles.is_empty()
                            && x.gender.is_none()
                            && x.usual_gender.is_none()
                    }
                    _ => false,
                };
                (business && m.tokens == s).then_some(e)
            })
    }

    /// The person a lead describes before naming ("A former DNC chairman
    /// says …", then "… said Don Fowler, who …"; "Connecticut’s tax
    /// commissioner says …", then "Kevin Sullivan says …"): news often
    /// holds the name back to the next paragraphs. Only in the headline
    /// and the first [`LEAD_PARAGRAPHS`] paragraphs; only a singular
    /// description headed by a title or person noun, indefinite or
    /// without an article (not "an official", someone the article keeps
    /// unnamed); and only the person the next source naming anyone names,
    /// within two paragraphs, when the article names them there first.
    pub(super) fn delayed_name(&self, k: usize, src: &Range<usize>) -> Option<usize> {
        let paragraph = self.paragraph_of(src.start);
        // The source itself, not a phrase a relative pronoun refers to.
        let own = self.items[k]
            .a
            .source
            .as_ref()
            .is_some_and(|s| s.start <= src.start && src.end <= s.end);
        // The description opens its sentence: after a name it is an
        // apposition ("Robby Mook, Clinton’s campaign manager").
        let sentence = &self.doc.sentences[self.doc.sentence_of(src.start)];
        let opens =
            (sentence.tokens.start..src.start).all(|i| self.doc.tokens[i].kind == TokenKind::Punct);
        if paragraph > LEAD_PARAGRAPHS || !own || !opens || self.quotes.is_quoted(src.start) {
            return None;
        }
        let region = self.head_region(src);
        // A person named in the source ("Rubio’s deputy campaign manager,
        // Rich Beeson"), or any name after its head, says who it is.
        if self
            .ents
            .mentions_within(src.clone())
            .any(|(m, _)| m.class == MentionClass::Person || m.tokens.start >= region.end)
        {
            return None;
        }
        let head = region.end.checked_sub(1)?;
        // A lowercase noun: a capitalized one may be a name ("HuffPost
        // Pollster").
        if !matches!(self.pos[head], "NN" | "NNP")
            || !self.doc.token_text(head).starts_with(char::is_lowercase)
        {
            return None;
        }
        let noun = self.lower(head);
        let noun = entities::strip_possessive(noun);
        let first = self.lower(region.start);
        let opener_ok = matches!(first, "a" | "an")
            || !matches!(self.pos[region.start], "DT" | "CD" | "PRP$" | "PDT");
        if !opener_ok
            || ANONYMOUS_NOUNS.contains(&noun)
            || !(entities::is_title_noun(noun) || is_role_noun(noun))
        {
            return None;
        }
        let said_gender = noun_gender(noun);
        for item in &self.items[k + 1..] {
            let Some(s) = item.a.source.as_ref().filter(|_| !item.inner) else {
                continue;
            };
            if self.paragraph_of(s.start) > paragraph + 2 {
                break;
            }
            let named = self
                .ents
                .mentions_within(s.clone())
                .find(|(m, e)| {
                    m.class == MentionClass::Person && self.ents.list[*e].words.len() >= 2
                })
                .map(|&(_, e)| e);
            let Some(e) = named else { continue };
            let x = &self.ents.list[e];
            let new = x.mentions.first().is_some_and(|m| m.start >= src.end);
            let fits =
                said_gender.is_none_or(|g| x.gender.or(x.usual_gender).is_none_or(|h| h == g));
            // A person the article titles, with no title of the lead's
            // noun, is someone else ("A federal judge … blocked", then
            // "Transportation Secretary Pete Buttigieg said").
            let titled_otherwise = !x.titles.is_empty()
                && !x.titles.iter().any(|t| {
                    t.to_lowercase()
                        .split([' ', '-'])
                        .any(|w| title_word(entities::strip_possessive(w)) == title_word(noun))
                });
            return (new && fits && !titled_otherwise).then_some(e);
        }
        None
    }
}

/// How many paragraphs after the headline a description may hold back
/// its person's name ([`Resolution::delayed_name`]).
const LEAD_PARAGRAPHS: usize = 3;
