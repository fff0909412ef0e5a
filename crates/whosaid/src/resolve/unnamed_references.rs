//! Descriptions that refer back to speakers no name gives: "the lawyers"
//! after "Cruz's lawyers", "The office" after "The national financial
//! prosecutor's office said", "The official" after "a security official
//! told", "The military" after "Israel's military said": the latest unnamed speaker of the last paragraphs whose own
//! description ends in the same noun.

use super::affiliations::FORCE_NOUNS;
use super::body_kinds::is_body_noun;
use super::descriptions::{description_head, is_role_noun, BODY_PARAGRAPHS};
use super::speakers::is_people_word;
use super::*;

impl Resolution<'_> {
    /// The group a plural description refers back to ("These voters"
    /// after "Younger black voters … have expressed misgivings", "the
    /// senators" after "Mr. Grassley and Mr. Leahy said"): the latest
    /// group speaker of the last [`BODY_PARAGRAPHS`] paragraphs whose name
    /// ends in the same noun, or, for a noun of people, the latest named
    /// people joined by "and". The description opens with "the", "these"
    /// or "those", has a plural lowercase head and no name.
    pub(super) fn plural_reference(&self, src: &Range<usize>, words: &[String]) -> Option<usize> {
        if words.len() < 2 || !matches!(words[0].as_str(), "the" | "these" | "those") {
            return None;
        }
        let head = self.common_head_noun(src, "NNS")?;
        let people = is_role_noun(head.trim_end_matches('s')) || is_people_word(&head);
        self.latest_recent_speaker(src, |draft| {
            if draft.kind != SpeakerKind::Group {
                return false;
            }
            // "Cruz’s lawyers … the lawyers": unnamed people too, by
            // their noun.
            let name = draft.name.to_lowercase();
            let same_noun = name.split_whitespace().last() == Some(head.as_ref());
            let named_people =
                people && !draft.anonymous && draft.entity.is_none() && name.contains(" and ");
            same_noun || named_people
        })
    }

    /// The unnamed body a definite description refers back to ("The
    /// office said" after "The national financial prosecutor's office
    /// said"): the latest unnamed organization speaker of the last
    /// [`BODY_PARAGRAPHS`] paragraphs whose description ends in the same
    /// body noun. The description is "the" and that noun.
    pub(super) fn unnamed_body_reference(
        &self,
        src: &Range<usize>,
        words: &[String],
    ) -> Option<usize> {
        let [the, head] = words else {
            return None;
        };
        // "The army said" after "Israel's army said": an armed force too.
        if the != "the" || !(is_body_noun(head) || FORCE_NOUNS.contains(&head.as_str())) {
            return None;
        }
        let (at, d) = self
            .recent_speakers(src)
            .filter(|&(_, d)| {
                let draft = &self.drafts[d];
                let name = draft.name.to_lowercase();
                let words: Vec<&str> = name.split_whitespace().collect();
                // A description of its own ("the national … office",
                // "Israel's military"), not a bare noun left unresolved.
                draft.kind == SpeakerKind::Organization
                    && draft.entity.is_none()
                    && (words.len() >= 3 || (words.len() == 2 && words[0] != "the"))
                    && words.last().map(|w| entities::strip_possessive(w)) == Some(head.as_str())
            })
            .max_by_key(|&(start, _)| start)?;
        // A body the noun names, named since, is the nearer referent ("The
        // Federal Housing Agency approved the loans. The agency said").
        let since = self
            .ents
            .mentions
            .partition_point(|(m, _)| m.tokens.start <= at);
        let named_since = self.ents.mentions[since..]
            .iter()
            .take_while(|(m, _)| m.tokens.end <= src.start)
            .any(|&(ref m, e)| {
                let x = &self.ents.list[e];
                m.class == MentionClass::Organization
                    && x.class == MentionClass::Organization
                    && x.name
                        .split_whitespace()
                        .any(|w| entities::strip_possessive(w).eq_ignore_ascii_case(head))
            });
        (!named_since).then_some(d)
    }

    /// The unnamed person a definite description refers back to ("The
    /// official, who spoke on condition of anonymity, said" after "a
    /// Ukrainian security official told"): the latest anonymous person
    /// speaker of the last [`BODY_PARAGRAPHS`] paragraphs whose
    /// description ends in the same noun. The description opens with
    /// "the" or "this", has a singular lowercase head and no name.
    pub(super) fn anonymous_reference(
        &self,
        src: &Range<usize>,
        words: &[String],
    ) -> Option<usize> {
        if words.len() < 2 || !matches!(words[0].as_str(), "the" | "this") {
            return None;
        }
        let head = self.common_head_noun(src, "NN")?;
        let person_noun = is_role_noun(&head)
            || PERSON_NOUNS.contains(&head.as_ref())
            || ANONYMOUS_NOUNS.contains(&head.as_ref())
            || is_people_word(&head);
        if !person_noun {
            return None;
        }
        // A complement naming something ("the president of the Arab
        // American Institute") must be the draft's too: the president of
        // another body is another person.
        let head_end = self.head_region(src).end;
        let complement = head_end
            ..(head_end..src.end)
                .find(|&i| self.doc.tokens[i].kind == TokenKind::Punct)
                .unwrap_or(src.end);
        let names = complement.clone().any(|i| self.doc.is_capitalized(i));
        let complement = names.then(|| {
            complement
                .map(|i| self.lower(i).to_owned())
                .collect::<Vec<_>>()
                .join(" ")
        });
        self.latest_recent_speaker(src, |draft| {
            // The noun heading the draft's description, before what
            // follows it ("source | familiar with the ad").
            let name = draft.name.to_lowercase();
            draft.anonymous
                && draft.kind == SpeakerKind::Person
                && draft.entity.is_none()
                && description_head(&name) == Some(head.as_ref())
                && complement
                    .as_ref()
                    .is_none_or(|c| name.ends_with(c.as_str()))
        })
    }

    /// The lowercase common noun heading a description with the POS tag
    /// `tag` ("NN" or "NNS"), when the head phrase names no one.
    fn common_head_noun(&self, src: &Range<usize>, tag: &str) -> Option<String> {
        let region = self.head_region(src);
        let head_at = region.end.checked_sub(1).filter(|&h| h > region.start)?;
        if self.pos[head_at] != tag
            || !self.doc.token_text(head_at).starts_with(char::is_lowercase)
            || self.ents.mentions_within(region.clone()).next().is_some()
        {
            return None;
        }
        Some(self.lower(head_at).to_owned())
    }

    /// The speakers of the sources that end before `src` in the last
    /// [`BODY_PARAGRAPHS`] paragraphs (the item's own never among them),
    /// as (source start, draft).
    pub(super) fn recent_speakers(
        &self,
        src: &Range<usize>,
    ) -> impl Iterator<Item = (usize, usize)> + '_ {
        let (start, paragraph) = (src.start, self.paragraph_of(src.start));
        self.items
            .iter()
            .filter_map(|item| Some((item.a.source.clone()?, item.speaker?)))
            .filter(move |(s, _)| {
                s.end <= start
                    && paragraph.saturating_sub(self.paragraph_of(s.start)) <= BODY_PARAGRAPHS
            })
            .map(|(s, d)| (s.start, d))
    }

    /// The draft of the latest of [`Resolution::recent_speakers`] that
    /// `keep` accepts.
    pub(super) fn latest_recent_speaker(
        &self,
        src: &Range<usize>,
        keep: impl Fn(&Draft) -> bool,
    ) -> Option<usize> {
        self.recent_speakers(src)
            .filter(|&(_, d)| keep(&self.drafts[d]))
            .max_by_key(|&(start, _)| start)
            .map(|(_, d)| d)
    }
}
