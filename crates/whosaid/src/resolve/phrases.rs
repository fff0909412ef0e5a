//! The phrase a source is: where its head noun phrase ends, the head's
//! region, and the names standing in apposition to it, inside the source
//! ("Another RT America host, Abby Martin,") or right after it ("the
//! governor of the region, | Veniamin Kondratyev,").

use super::*;

impl Resolution<'_> {
    /// Where a source's head noun phrase ends: at the first comma, bracket,
    /// dash, preposition or relative pronoun after its first token, not
    /// inside a name ("Doctors Without Borders", "Bank of America").
    pub(super) fn phrase_end(&self, src: &Range<usize>) -> usize {
        (src.start + 1..src.end)
            .find(|&i| {
                let inside_a_name = self
                    .ents
                    .covering(i)
                    .is_some_and(|(m, _)| m.tokens.start < i && i + 1 < m.tokens.end);
                !inside_a_name
                    && (matches!(self.doc.token_text(i), "," | "(" | "[" | "—" | "–" | "--")
                        || matches!(self.pos[i], "IN" | "TO" | "WDT" | "WP")
                        || self.modifier_after_noun(i))
            })
            .unwrap_or(src.end)
    }

    /// Whether token `i` opens a participle, verb or adverb after a noun
    /// ("a poll released Friday", "a database tracking deaths", "Wells
    /// Fargo just this month"): the noun phrase's head came before it.
    pub(super) fn modifier_after_noun(&self, i: usize) -> bool {
        i > 0
            && self.pos[i - 1].starts_with("NN")
            && matches!(
                self.pos[i],
                "VBN" | "VBG" | "VBD" | "VBZ" | "VBP" | "MD" | "RB"
            )
            && self.doc.token_text(i).starts_with(char::is_lowercase)
    }

    /// The last noun of `r`: English puts a noun phrase's head last.
    pub(super) fn last_noun(&self, r: Range<usize>) -> Option<usize> {
        // A possessive the tagger read as an adjective ("The firm's/JJ
        // chief …") is a noun all the same.
        r.rev().find(|&i| {
            self.pos[i].starts_with("NN")
                || (self.pos[i] == "JJ" && entities::is_possessive(self.doc.token_text(i)))
        })
    }

    /// The tokens of a source's head noun phrase ([`Resolution::phrase_end`]),
    /// punctuation at its end left out.
    pub(super) fn head_region(&self, src: &Range<usize>) -> Range<usize> {
        let end = self.phrase_end(src);
        let end = (src.start..end)
            .rev()
            .find(|&i| self.doc.tokens[i].kind != TokenKind::Punct)
            .map_or(src.start, |i| i + 1);
        src.start..end
    }

    /// Whether a lowercase common noun heads the phrase and no name is in
    /// it ("experts", "the agency", "a lawyer").
    pub(super) fn common_head(&self, region: &Range<usize>) -> bool {
        let head = self.last_noun(region.clone());
        // A sentence's first word is capitalized whatever it is: its tag
        // says whether it is a common noun ("Experts on North Korea").
        // A title heads it too, capitalized or not ("Senator from Texas").
        // The tagger reads a plural for people opening a sentence as a
        // proper noun as often as not ("Passengers stranded in Atlanta",
        // "Advisers to Mr. Rubio"), when a participle or a preposition
        // follows it ("Rovers captain Lewis Travis", "captain" read as a
        // verb, is a team's captain).
        let people_opening = |h: usize| {
            h == self.doc.sentences[self.doc.sentence_of(h)].tokens.start
                && matches!(self.pos.get(h + 1), Some(&("VBN" | "VBD" | "IN" | "TO")))
                && is_people_plural(self.lower(h))
        };
        head.is_some_and(|h| {
            self.doc.token_text(h).starts_with(char::is_lowercase)
                || matches!(self.pos[h], "NN" | "NNS")
                || entities::is_title_noun(self.lower(h))
                || people_opening(h)
        }) && self.ents.mentions_within(region.clone()).next().is_none()
    }

    /// The person named at the end of a source headed by a title
    /// ("Secretary of State John F. Kerry"): a title's name follows it.
    pub(super) fn name_after_title(
        &self,
        region: &Range<usize>,
        src: &Range<usize>,
    ) -> Option<usize> {
        let head = self.last_noun(region.clone())?;
        if !entities::is_title_noun(self.lower(head)) {
            return None;
        }
        let (m, e) = self.ents.ending_at(src.end)?;
        // The object of a preposition is someone else ("A communications
        // aide for Mr. Lyovochkin").
        let mut before = m.tokens.start.checked_sub(1)?;
        if is_honorific(self.lower(before)) && before > region.start {
            before -= 1;
        }
        // "the base chief known as Bob": a name after "known as" is theirs.
        let known_as = self.lower(before) == "as"
            && before > region.start
            && matches!(
                self.lower(before - 1),
                "known" | "named" | "called" | "identified"
            );
        let object = matches!(self.pos[before], "IN" | "TO") && !known_as;
        (m.class == MentionClass::Person
            && m.tokens.start >= region.end
            && !object
            && !entities::is_possessive(self.doc.token_text(m.tokens.end - 1)))
        .then_some(*e)
    }

    /// A name in apposition after a description: "A lawyer for the news
    /// outlets, David Schulz,", "Trump's running mate, Indiana Gov. Mike
    /// Pence,": after the first comma, at most four lowercase, title or
    /// honorific words (or a place before a title), then a person's name
    /// that ends the source or is followed by a comma or bracket, or any
    /// name that ends the source ("After a meeting, the Security Council").
    /// A name after a preposition there is the object of a description
    /// ("Officials at Homeland Security Investigations, a division of
    /// Immigration and Customs Enforcement,"), in apposition to nothing.
    pub(super) fn apposed_name(&self, src: &Range<usize>) -> Option<usize> {
        let comma = (src.start + 1..src.end).find(|&i| self.doc.token_is(i, ","))?;
        let (m, e) = self
            .ents
            .mentions_within(comma + 1..src.end)
            .find(|(m, _)| m.class == MentionClass::Person || m.tokens.end == src.end)?;
        // "The senators running -- Ted Cruz of Texas, Lindsey Graham of
        // South Carolina, Rand Paul …": a list of people, no apposition.
        let people_after = self
            .ents
            .mentions_within(comma + 1..src.end)
            .filter(|(m, _)| m.class == MentionClass::Person)
            .count();
        if people_after > 1 {
            return None;
        }
        let title_at = |i: usize| i < src.end && entities::is_title_noun(self.lower(i));
        let lead = comma + 1..m.tokens.start;
        let lead_ok = lead.len() <= 4
            && lead.clone().all(|i| {
                let w = self.lower(i);
                (self.doc.token_text(i).starts_with(char::is_lowercase)
                    && !matches!(self.pos[i], "IN" | "TO"))
                    || title_at(i)
                    || title_at(i + 1)
                    || is_honorific(w)
            });
        let closes = |i: usize| {
            i == src.end || matches!(self.doc.token_text(i), "," | "(" | "[" | "—" | "–")
        };
        // "…, Sen. Tim Kaine of Virginia,": the place a person is of.
        let place_after = |at: usize| {
            self.lower(at) == "of"
                && self
                    .ents
                    .mentions_within(at + 1..src.end)
                    .next()
                    .is_some_and(|(p, _)| {
                        p.tokens.start == at + 1
                            && p.class == MentionClass::Location
                            && closes(p.tokens.end)
                    })
        };
        let end_ok = closes(m.tokens.end) || place_after(m.tokens.end);
        (lead_ok && end_ok && !entities::is_possessive(self.doc.token_text(m.tokens.end - 1)))
            .then_some(*e)
    }

    /// The person named in apposition right after a source that is a
    /// description headed by a role ("the governor of the region, |
    /// Veniamin Kondratyev,"): a comma, a person's mention, then a comma
    /// or the clause's end. The source holds no name itself.
    pub(super) fn apposed_name_after(
        &self,
        src: &Range<usize>,
        words: &[String],
    ) -> Option<Range<usize>> {
        if !matches!(words.first()?.as_str(), "the" | "a" | "an")
            || src.end >= self.doc.tokens.len()
            || !self.doc.token_is(src.end, ",")
        {
            return None;
        }
        let head = self.head_region(src);
        let head_noun = self.last_noun(head.clone())?;
        if !descriptions::is_role_noun(self.lower(head_noun))
            || self
                .ents
                .mentions_within(head.clone())
                .any(|(m, _)| m.class == MentionClass::Person)
        {
            return None;
        }
        let sentence_end = self.doc.sentences[self.doc.sentence_of(src.start)]
            .tokens
            .end;
        let (m, _) = self
            .ents
            .mentions_within(src.end + 1..sentence_end)
            .next()
            .filter(|(m, _)| m.tokens.start == src.end + 1)?;
        let closed = m.tokens.end >= self.doc.tokens.len()
            || matches!(self.doc.token_text(m.tokens.end), "," | "." | ";" | ")");
        (m.class == MentionClass::Person && closed).then(|| m.tokens.clone())
    }
}

/// Whether a plural names people: by its ending ("workers", "scientists")
/// or as the plural of a noun for people by role or trait ("nurses").
fn is_people_plural(word: &str) -> bool {
    entities::ends_like_people(word)
        || word
            .strip_suffix('s')
            .is_some_and(|one| PERSON_NOUNS.contains(&one))
}
