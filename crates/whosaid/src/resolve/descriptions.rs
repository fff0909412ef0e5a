//! Definite descriptions that refer back: a title to the person who holds
//! it ("the Indiana governor"), a noun to the organization whose name it
//! ends ("the commission"), a person noun to the most prominent person
//! ("the nominee"), an occupation or an age to the person just named
//! ("the midfielder", "the 62-year-old"). A headline's or a lead's
//! description of someone named later is in `headlines`.

use super::body_kinds::{body_kind, is_body_noun, never_described_as, BodyKind, MEDIA_NOUNS};
use super::pronouns::Antecedent;
use super::role_conflicts::{role_conflict, title_word};
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
        let head_at = self.last_noun(src.start + 1..end)?;
        if matches!(self.pos[head_at], "NNS" | "NNPS") {
            return None;
        }
        let head = entities::strip_possessive(self.lower(head_at)).to_string();
        if head.chars().count() < 3 {
            return None;
        }
        // A person as owner before the head ("the national financial
        // prosecutor's office", "the governor's office") says whose body
        // it is: one of its own, not the latest named ("the paper's
        // editorial board" is the paper's).
        // A place as owner likewise ("the city's planning department",
        // "the state's health department"): a body of the place, not the
        // latest body named (the city council).
        let person_owner = |i: usize| {
            let t = self.doc.token_text(i);
            let owner = entities::strip_possessive(&t.to_lowercase()).to_string();
            entities::is_possessive(t)
                && (is_role_noun(&owner)
                    || PERSON_NOUNS.contains(&owner.as_str())
                    || PLACE_NOUNS.contains(&owner.as_str()))
        };
        // A named owner too ("The United Nations' humanitarian office",
        // whose apostrophe before a space is a token of its own): the
        // description is a body of its own, not the latest named.
        let named_owner = |i: usize| {
            let t = self.doc.token_text(i);
            let apostrophe_after = t.ends_with('s')
                && matches!(self.doc.token_text(i + 1), "'" | "’")
                && self.doc.tokens[i + 1].start == self.doc.tokens[i].end;
            t.starts_with(char::is_uppercase) && (entities::is_possessive(t) || apostrophe_after)
        };
        if (src.start + 1..head_at).any(|i| person_owner(i) || named_owner(i)) {
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
        if !media && !is_body_noun(&head) {
            return None;
        }
        // Members before the head ("the teachers union", "the auto workers
        // union") say which body: one whose name has them, not the latest.
        // So do the common nouns of a phrase after the head ("the union
        // of autoworkers", "the union representing flight attendants"):
        // such a description brings in a body of its own unless a name
        // has them.
        let members: Vec<&str> = (src.start + 1..head_at)
            .filter(|&i| self.pos[i] == "NNS")
            .chain(self.post_modifier_nouns(src, end))
            .map(|i| self.lower(i).trim_end_matches('s'))
            .collect();
        // A nation's adjective before a public body's noun ("the Chinese
        // foreign ministry", "the French government") says whose body it
        // is: one whose name has the word, else a body of its own, not the
        // latest named (the U.N.). A company's ("the Swiss drugmaker") is
        // only described by it.
        let nation = (body_kind(&head) == Some(BodyKind::Public))
            .then(|| {
                (src.start + 1..head_at).find(|&i| {
                    let word = self.lower(i);
                    self.doc.is_capitalized(i)
                        && entities::is_nationality_adjective(word)
                        && word != "republican"
                })
            })
            .flatten()
            .map(|i| self.doc.token_text(i).to_string());
        let paragraph = self.paragraph_of(src.start);
        let bodies = || {
            earlier()
                .take_while(|(m, _)| {
                    paragraph.saturating_sub(self.paragraph_of(m.tokens.start)) <= BODY_PARAGRAPHS
                })
                .filter(|(m, _)| {
                    m.class == MentionClass::Organization
                        && !self.quotes.is_quoted(m.tokens.start)
                        && !self.in_dateline(m.tokens.start)
                })
                .map(|&(_, e)| e)
                // "the company" is no commission, "the agency" no Corp., and
                // a public or membership body ("the office") no outlet.
                .filter(|&e| {
                    let name = &self.ents.list[e].name;
                    let kind = body_kind(&head);
                    let other_kind = never_described_as(&head, name);
                    let outlet = matches!(kind, Some(BodyKind::Public | BodyKind::Membership))
                        && is_media_name(name);
                    let members_named = members.iter().all(|m| {
                        name.split_whitespace()
                            .any(|w| w.to_lowercase().starts_with(m))
                    });
                    let nation_named = nation
                        .as_ref()
                        .is_none_or(|n| name.split_whitespace().any(|w| w.eq_ignore_ascii_case(n)));
                    !(other_kind || outlet) && members_named && nation_named
                })
        };
        // One of the kind the noun says first (an outlet for "the
        // network"), else the latest body.
        bodies()
            .find(|&e| is_media_name(&self.ents.list[e].name) == media)
            .or_else(|| bodies().next())
    }

    /// The lowercase common nouns of the phrase that follows a
    /// description's head, up to `src`'s end or a comma, where that phrase
    /// opens with a preposition or a participle ("of autoworkers",
    /// "representing flight attendants"); none after a comma ("the union,
    /// which …" refers back).
    fn post_modifier_nouns(
        &self,
        src: &Range<usize>,
        end: usize,
    ) -> impl Iterator<Item = usize> + '_ {
        let opens =
            end < src.end && (self.pos[end] == "IN" || matches!(self.pos[end], "VBG" | "VBN"));
        let stop = (end..src.end)
            .find(|&i| self.doc.token_is(i, ","))
            .unwrap_or(src.end);
        (end..if opens { stop } else { end }).filter(|&i| {
            matches!(self.pos[i], "NN" | "NNS")
                && self.doc.token_text(i).starts_with(char::is_lowercase)
        })
    }

    /// The draft for a definite description of an organization named
    /// before ([`Resolution::description_reference`]: "the commission",
    /// "The Post", "the Swiss company"), or of a brand the entity tagger
    /// typed a person ([`Resolution::company_typed_a_person`], made an
    /// organization here).
    pub(super) fn business_reference(&mut self, src: &Range<usize>) -> Option<usize> {
        let words: Vec<String> = src.clone().map(|i| self.lower(i).to_owned()).collect();
        if let Some(e) = self.description_reference(src, &words) {
            return Some(self.entity_draft(e));
        }
        // A brand made an organization by an earlier description ("The
        // Swiss company" after "Novartis said") is the business again.
        if is_business_description(&words) {
            let retyped = self.latest_recent_speaker(src, |d| {
                d.kind == SpeakerKind::Organization
                    && d.entity
                        .is_some_and(|e| self.ents.list[e].class == MentionClass::Person)
            });
            if retyped.is_some() {
                return retyped;
            }
        }
        let e = self.company_typed_a_person(src, &words)?;
        let d = self.entity_draft(e);
        self.drafts[d].kind = SpeakerKind::Organization;
        Some(d)
    }

    /// The business a description like "the company", "the startup" or
    /// "the Swiss drugmaker" refers to when no organization is named
    /// before it: the name opening its sentence, else the speaker of the
    /// statement just before, when that is a one-word name with no sign
    /// of a person (never named in full, no title, no gender), which the
    /// entity tagger, not knowing the brand, typed a person ("Stellantis
    /// said …. The company said …"). "The other company" and "a rival
    /// firm" are someone else.
    fn company_typed_a_person(&self, src: &Range<usize>, words: &[String]) -> Option<usize> {
        if !is_business_description(words) {
            return None;
        }
        let unmarked = |e: usize| {
            let x = &self.ents.list[e];
            x.class == MentionClass::Person
                && x.words.len() == 1
                && x.titles.is_empty()
                && x.gender.is_none()
                && x.usual_gender.is_none()
        };
        // "Netflix will raise prices, the company announced": the name
        // opening the sentence the description closes.
        let sentence = &self.doc.sentences[self.doc.sentence_of(src.start)];
        let mut first = sentence.tokens.start;
        while first < src.start && self.doc.tokens[first].kind != TokenKind::Word {
            first += 1;
        }
        if let Some(&(ref m, e)) = self.ents.starting_at(first) {
            if m.tokens.end <= src.start && unmarked(e) {
                return Some(e);
            }
        }
        let (_, d) = self.recent_speakers(src).max_by_key(|&(start, _)| start)?;
        let e = self.drafts[d].entity?;
        unmarked(e).then_some(e)
    }

    /// Whether token `t` is in a dateline ("LOS ANGELES —", "WASHINGTON
    /// (AP) —"), a sentence of its own ending in its dash: the place that
    /// files the story, never a body a description refers to.
    fn in_dateline(&self, t: usize) -> bool {
        let s = &self.doc.sentences[self.doc.sentence_of(t)];
        s.tokens.len() <= crate::text::DATELINE_TOKENS
            && s.tokens.end > s.tokens.start
            && crate::text::is_dash(self.doc.token_text(s.tokens.end - 1))
    }

    /// The entities a numbered definite description refers to ("the two
    /// countries", "The two Republican presidents"): as many entities of
    /// the noun's kind (people, places, bodies) as the number says, the
    /// ones the paragraph names last before it, or failing that the ones
    /// the last [`NUMBERED_PARAGRAPHS`] paragraphs name most, the article's
    /// mentions so far deciding. One group, named by their names.
    pub(super) fn numbered_reference(
        &mut self,
        src: &Range<usize>,
        words: &[String],
    ) -> Option<usize> {
        let [the, number, .., head] = words else {
            return None;
        };
        let n = match (the.as_str(), number.as_str()) {
            ("the", "two") => 2,
            ("the", "three") => 3,
            _ => return None,
        };
        if self.pos[src.end - 1] != "NNS"
            || self
                .ents
                .mentions_within(src.clone())
                .any(|(m, _)| m.class != MentionClass::Misc)
        {
            return None;
        }
        let singular = head.strip_suffix('s').unwrap_or(head);
        let class = if matches!(head.as_str(), "men" | "women" | "candidates" | "nominees")
            || is_role_noun(singular)
            || PERSON_NOUNS.contains(&singular)
        {
            MentionClass::Person
        } else if matches!(head.as_str(), "countries" | "nations" | "governments")
            || PLACE_NOUNS.contains(&singular)
        {
            MentionClass::Location
        } else if is_body_noun(singular) || head == "companies" {
            MentionClass::Organization
        } else {
            return None;
        };
        let paragraph = self.paragraph_of(src.start);
        let before: Vec<(usize, usize)> = self
            .ents
            .mentions
            .iter()
            .filter(|(m, e)| {
                m.tokens.end <= src.start
                    && self.ents.list[*e].class == class
                    && paragraph.saturating_sub(self.paragraph_of(m.tokens.start))
                        <= NUMBERED_PARAGRAPHS
                    && !self.quotes.is_quoted(m.tokens.start)
            })
            .map(|(m, e)| (m.tokens.start, *e))
            .collect();
        let mut chosen: Vec<usize> = Vec::with_capacity(n);
        for &(at, e) in before.iter().rev() {
            if self.paragraph_of(at) == paragraph && !chosen.contains(&e) {
                chosen.push(e);
            }
        }
        if chosen.len() != n {
            let mentioned = |e: usize| {
                self.ents.list[e]
                    .mentions
                    .iter()
                    .filter(|m| m.end <= src.start)
                    .count()
            };
            let mut candidates: Vec<(usize, usize, usize)> = Vec::new();
            for &(at, e) in before.iter().rev() {
                if !candidates.iter().any(|c| c.2 == e) {
                    candidates.push((mentioned(e), at, e));
                }
            }
            candidates.sort_by(|a, b| b.cmp(a));
            // Two tied for the last place say nothing.
            if candidates.len() > n && candidates[n].0 == candidates[n - 1].0 {
                return None;
            }
            chosen = candidates.iter().take(n).map(|c| c.2).collect();
        }
        if chosen.len() != n {
            return None;
        }
        chosen.sort_by_key(|&e| self.ents.list[e].mentions.first().map_or(0, |m| m.start));
        let names = chosen
            .iter()
            .map(|&e| self.ents.list[e].name.clone())
            .collect();
        Some(self.group_draft(names))
    }

    /// A share of people given by its number ("46 percent said", "Another
    /// 19 percent"): a group, named with the population the sentence gives
    /// it, from "of …" right after it ("5 percent of likely voters") or an
    /// "Among …" opening the sentence ("Among likely voters in a four-way
    /// race, 46 percent would choose …" → "46 percent of likely voters").
    pub(super) fn share_of_population(&mut self, src: &Range<usize>) -> Option<usize> {
        let head = self.lower(src.end - 1);
        if !matches!(head, "percent" | "%" | "percentage")
            || !src.clone().any(|i| self.pos[i] == "CD")
        {
            return None;
        }
        let sentence = self.doc.sentences[self.doc.sentence_of(src.start)]
            .tokens
            .clone();
        // The noun phrase from `from`, up to a preposition, comma or verb.
        let population = |from: usize| {
            let end = (from..sentence.end)
                .find(|&i| {
                    !matches!(
                        self.pos[i],
                        "DT" | "JJ" | "JJR" | "JJS" | "NN" | "NNS" | "NNP" | "NNPS" | "VBN" | "RB"
                    )
                })
                .unwrap_or(sentence.end);
            (end > from && matches!(self.pos[end - 1], "NN" | "NNS" | "NNPS")).then_some(from..end)
        };
        let of = src.end < sentence.end && self.lower(src.end) == "of";
        let among = self.lower(sentence.start) == "among" && sentence.start < src.start;
        let population = if of {
            population(src.end + 1)
        } else if among {
            population(sentence.start + 1)
        } else {
            None
        };
        let share = self.text(src.clone());
        let name = match population {
            Some(p) => format!("{share} of {}", self.text(p)),
            None => share,
        };
        Some(self.named_draft(name, SpeakerKind::Group))
    }

    /// The person a definite singular description whose head is a person
    /// noun ("the nominee", "the businessman") refers to. Only people named in full count.
    pub(super) fn prominent_person(
        &mut self,
        k: usize,
        src: &Range<usize>,
        words: &[String],
    ) -> Option<Antecedent> {
        if words.len() < 2 || words[0] != "the" {
            return None;
        }
        // A lowercase role noun the tagger read as an adjective ("The
        // Republican incumbent") heads the phrase too.
        // "general" after a noun is an adjective of the title ("The
        // inspector general").
        // "the 62-year-old" heads its phrase by age.
        let role_word = |i: usize| {
            self.doc.token_text(i).starts_with(char::is_lowercase)
                && is_role_noun(self.lower(i))
                && self.lower(i) != "general"
                || is_age_noun(self.lower(i))
        };
        let head_at = (src.start + 1..src.end)
            .rev()
            .find(|&i| self.pos[i].starts_with("NN") || role_word(i))?;
        let head = self.lower(head_at).to_owned();
        // "the Democrat", "the Texan": a person by party or origin, as a
        // role is.
        let party_or_origin = self.party_or_origin(k, src);
        // "the midfielder", "the singer", "the 62-year-old": what news
        // calls the person it just named, as it does by role.
        // An age makes any person noun one ("the 62-year-old woman").
        let aged = (src.start + 1..head_at).any(|i| is_age_noun(self.lower(i)))
            && PERSON_NOUNS.contains(&head.as_str());
        let role = (self.pos[head_at] == "NN" || !self.pos[head_at].starts_with("NN"))
            && (is_role_noun(&head)
                || BACK_REFERENCE_NOUNS.contains(&head.as_str())
                || is_age_noun(&head)
                || aged);
        // "the official" stays unnamed.
        if !(role || party_or_origin) || ANONYMOUS_NOUNS.contains(&head.as_str()) {
            return None;
        }
        // The person the pronoun ranker would take for "he" or "she" in
        // its place ("Sanders … the Vermont senator acknowledged"), of no
        // other party; failing any near, the latest subject, then the
        // person named most often.
        // The person a sentence just before opens with ("“Broad City” star
        // Arturo Castro turned …. the actor held"), else the one person the
        // article gave the noun before ("Oscar-winning actress Susan
        // Sarandon" … "The actress said"). (Roles have their own
        // machinery: "the candidate" may be any of several.)
        if BACK_REFERENCE_NOUNS.contains(&head.as_str()) {
            if let Some(e) = self
                .recent_sentence_subject(src.start)
                .or_else(|| self.person_introduced_by(&head, src.start))
            {
                return Some(Antecedent::Entity(e));
            }
        }
        let fits = |x: &entities::Entity| x.words.len() >= 2 && !role_conflict(x, words);
        if let Some(d) = self.ranked_person(k, src.start, noun_gender(&head), fits) {
            // An unnamed speaker described by another role ("the
            // minister") is someone else than "the senator".
            let draft = &self.drafts[d];
            let name = draft.name.to_lowercase();
            let other_role = draft.entity.is_none()
                && description_head(&name).is_some_and(|h| h != head && is_role_noun(h));
            if !other_role {
                return Some(Antecedent::Draft(d));
            }
        }
        if let Some(e) = self.recent_subject(src.start, words) {
            return Some(Antecedent::Entity(e));
        }
        let mut best: Option<(usize, usize, usize)> = None; // (mentions, last, entity)
        for (id, x) in self.ents.list.iter().enumerate() {
            if x.class != MentionClass::Person || x.words.len() < 2 || role_conflict(x, words) {
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
        best.map(|b| Antecedent::Entity(b.2))
    }

    /// The person named in full who is the subject of the sentence just
    /// before `at` in its paragraph: its first person, with no verb before
    /// it ("“Broad City” star Arturo Castro turned …").
    fn recent_sentence_subject(&self, at: usize) -> Option<usize> {
        let here = self.doc.sentence_of(at);
        let previous = here.checked_sub(1)?;
        let sentence = self.doc.sentences[previous].tokens.clone();
        if self.paragraph_of(sentence.start) != self.paragraph_of(at) {
            return None;
        }
        let (m, e) = self
            .ents
            .mentions_within(sentence.clone())
            .find(|(m, _)| m.class == MentionClass::Person)?;
        let verb_before = (sentence.start..m.tokens.start).any(|i| self.pos[i].starts_with("VB"));
        (!verb_before && self.ents.list[*e].words.len() >= 2).then_some(*e)
    }

    /// The one person named in full before `at` whose name some mention
    /// follows right after the noun `head` ("actress Susan Sarandon",
    /// "midfielder Lewis Travis") or whose titles hold it; none when two
    /// are.
    fn person_introduced_by(&self, head: &str, at: usize) -> Option<usize> {
        let mut found = self.ents.list.iter().enumerate().filter(|(_, x)| {
            x.class == MentionClass::Person
                && x.words.len() >= 2
                && (x
                    .mentions
                    .iter()
                    .any(|m| m.end <= at && m.start > 0 && self.lower(m.start - 1) == head)
                    || x.titles
                        .iter()
                        .any(|t| t.split_whitespace().any(|w| w.eq_ignore_ascii_case(head))))
        });
        let (e, _) = found.next()?;
        found.next().is_none().then_some(e)
    }

    /// The person who opens one of the sentences just before `at` (the
    /// nearest such, within [`SUBJECT_LOOKBACK`] sentences of the same
    /// few paragraphs): news goes on about the subject it just named
    /// ("Mike Pence says … The Indiana governor said …"). Only people
    /// named in full, whose titles name no other party.
    fn recent_subject(&self, at: usize, words: &[String]) -> Option<usize> {
        let here = self.doc.sentence_of(at);
        let paragraph = self.paragraph_of(at);
        (here.saturating_sub(SUBJECT_LOOKBACK)..here)
            .rev()
            .map(|k| self.doc.sentences[k].tokens.start)
            .take_while(|&start| paragraph - self.paragraph_of(start).min(paragraph) <= 2)
            // A headline's capitals make names of anything ("Hillary
            // Clinton Says"): its sentences open with no subject to follow.
            .filter(|&start| self.paragraph_of(start) > 0)
            .find_map(|start| {
                let (_, e) = self.ents.starting_at(start)?;
                let x = &self.ents.list[*e];
                (x.class == MentionClass::Person && x.words.len() >= 2 && !role_conflict(x, words))
                    .then_some(*e)
            })
    }

    /// A bare "police" ("police said", "the police") is the force the
    /// article names with a place ("Charlotte-Mecklenburg police", "the
    /// Dallas police"): the latest named before the source, else the
    /// first after it; the place after it ("Police in Minneapolis"). One
    /// organization, "<place> police".
    pub(super) fn named_police(&mut self, src: &Range<usize>) -> Option<usize> {
        let region = self.head_region(src);
        let start = if self.lower(region.start) == "the" {
            region.start + 1
        } else {
            region.start
        };
        if start + 1 != region.end || self.lower(start) != "police" {
            return None;
        }
        // "Police in Minneapolis said": the place the source gives.
        if let Some(place) = self.place_after_in(region.end, src.end) {
            let name = format!("{} police", entities::display_name(self.doc, place));
            return Some(self.named_draft(name, SpeakerKind::Organization));
        }
        let named = |i: usize| {
            (self.lower(i) == "police")
                .then(|| self.ents.ending_at(i))
                .flatten()
                .filter(|(m, _)| {
                    matches!(m.class, MentionClass::Location | MentionClass::Organization)
                        && !entities::is_possessive(self.doc.token_text(m.tokens.end - 1))
                })
                .map(|(m, _)| m.tokens.clone())
        };
        let place = (0..src.start)
            .rev()
            .find_map(named)
            .or_else(|| (src.end..self.doc.tokens.len()).find_map(named))?;
        let name = format!("{} police", entities::display_name(self.doc, place));
        Some(self.named_draft(name, SpeakerKind::Organization))
    }

    /// The place that ends a phrase "in … <place>" from token `at` to `end`
    /// (a comma may close it), with no verb or comma before it: "Police in
    /// Minneapolis", "Police in the Indian state of Punjab".
    fn place_after_in(&self, at: usize, end: usize) -> Option<Range<usize>> {
        if at >= end || self.lower(at) != "in" {
            return None;
        }
        let mut last = end;
        while last > at + 1 && self.doc.tokens[last - 1].kind == TokenKind::Punct {
            last -= 1;
        }
        let (m, _) = self.ents.ending_at(last)?;
        let plain = (at + 1..m.tokens.start)
            .all(|i| self.doc.tokens[i].kind == TokenKind::Word && !self.pos[i].starts_with("VB"));
        (m.class == MentionClass::Location && m.tokens.start > at && plain)
            .then(|| m.tokens.clone())
    }

    /// A place's government as a source: "the city of Phoenix" is the
    /// organization "City of Phoenix"; "the state" alone is the place
    /// named last in this sentence or the one before ("… in Florida, when
    /// the state incorrectly stated …"). `None` for other sources.
    pub(super) fn place_government(&mut self, src: &Range<usize>) -> Option<usize> {
        // Tokens are looked at in place: most sources are no place, and
        // this runs for every source.
        let lower = |i: usize| self.lower(i);
        let place_noun = |i: usize| PLACE_NOUNS.contains(&lower(i));
        // A source cut after "of" ("The city of [Phoenix]") is the whole.
        let cut = src.start >= 3
            && lower(src.start - 1) == "of"
            && place_noun(src.start - 2)
            && lower(src.start - 3) == "the";
        let start = if cut { src.start - 3 } else { src.start };
        if src.end < start + 2 || lower(start) != "the" || !place_noun(start + 1) {
            return None;
        }
        let rest = start + 2..src.end;
        if rest.start < rest.end && lower(rest.start) == "of" {
            // "the city of Phoenix": the place's name right after "of",
            // whatever class the tagger gave it there.
            let (m, _) = self
                .ents
                .mentions_within(rest.clone())
                .next()
                .filter(|(m, _)| {
                    m.tokens.start == rest.start + 1 && m.class != MentionClass::Person
                })?;
            let mut kind = lower(start + 1).to_owned();
            kind[..1].make_ascii_uppercase();
            let name = format!("{kind} of {}", self.text(m.tokens.clone()));
            return Some(self.named_draft(name, SpeakerKind::Organization));
        }
        let bare = rest
            .clone()
            .all(|i| self.doc.tokens[i].kind == TokenKind::Punct);
        if !bare || self.quotes.is_quoted(start) {
            return None;
        }
        let sentence = self.doc.sentence_of(start);
        let floor = self.doc.sentences[sentence.saturating_sub(PLACE_LOOKBACK_SENTENCES)]
            .tokens
            .start;
        // A place in a title before a name ("U.S. District Judge Robert
        // Pitman") says whose the office is, not which place the story is
        // about.
        let in_title = |m: &entities::Mention| {
            (m.tokens.end..self.doc.tokens.len())
                .take(3)
                .take_while(|&i| self.doc.is_capitalized(i))
                .any(|i| entities::is_title_noun(self.lower(i)))
        };
        let e = self
            .ents
            .mentions_within(floor..start)
            .filter(|(m, _)| {
                m.class == MentionClass::Location
                    && !self.quotes.is_quoted(m.tokens.start)
                    && !in_title(m)
            })
            .last()
            .map(|&(_, e)| e)?;
        Some(self.entity_draft(e))
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
        // "his attorney", "Pagliano's lawyer": a relation to someone, which
        // only a title that states a relation holds ("attorney for
        // Pagliano"), naming the same someone when the description names
        // them.
        let possessor = words[..words.len() - 1]
            .iter()
            .rev()
            .find(|w| entities::is_possessive(w) || matches!(w.as_str(), "his" | "her" | "their"));
        let named_possessor = possessor
            .filter(|w| entities::is_possessive(w))
            .map(|w| entities::strip_possessive(w).to_string());
        let content: Vec<&str> = words
            .iter()
            .filter(|w| Some(*w) != possessor)
            .map(|w| title_word(entities::strip_possessive(w)))
            .filter(|w| !matches!(*w, "the" | "former" | "current" | "new" | "then"))
            .collect();
        // The words that can tie a description to a title: its head noun
        // and the names in it ("NATO Chief" and "NATO Secretary General");
        // a lowercase modifier alone ("the U.S. presidential candidate" and
        // "Presidential Communications Office Secretary") ties nothing.
        let head_word = title_word(entities::strip_possessive(head));
        let named: Vec<&str> = src
            .clone()
            .filter(|&i| self.doc.is_capitalized(i))
            .map(|i| title_word(entities::strip_possessive(self.lower(i))))
            .collect();
        let ties = |w: &str| w == head_word || named.contains(&w);
        let mut best: Option<(usize, usize, usize)> = None; // (score, recency, entity)
        for (id, x) in self.ents.list.iter().enumerate() {
            if x.class != MentionClass::Person || x.titles.is_empty() {
                continue;
            }
            // A deputy's title ("Democratic vice presidential nominee")
            // is not the title a description without "vice" names.
            let deputy = |t: &&String| {
                t.split([' ', '-']).any(|w| {
                    let w = w.to_lowercase();
                    DEPUTY_WORDS.contains(&w.as_str()) && !words.contains(&w)
                })
            };
            if role_conflict(x, words) {
                continue;
            }
            let relational = |t: &&String| {
                let t = t.to_lowercase();
                let states = t.contains(" for ")
                    || t.contains(" of ")
                    || t.contains(" to ")
                    || t.contains('’')
                    || t.contains('\'');
                states
                    && named_possessor.as_ref().is_none_or(|p| {
                        t.split_whitespace()
                            .any(|w| entities::strip_possessive(w) == p)
                    })
            };
            if possessor.is_some() && !x.titles.iter().any(|t| relational(&t)) {
                continue;
            }
            // A former office is not the one a description without
            // "former" names ("the candidate" is not "a former candidate
            // for governor").
            let described_former = words.iter().any(|w| w == "former");
            let former = |t: &&String| {
                !described_former
                    && t.split_whitespace()
                        .any(|w| w.eq_ignore_ascii_case("former"))
            };
            let title_words: Vec<String> = x
                .titles
                .iter()
                .filter(|t| !deputy(t) && !former(t))
                .filter(|t| possessor.is_none() || relational(t))
                .flat_map(|t| t.split_whitespace())
                .map(|w| title_word(entities::strip_possessive(&w.to_lowercase())).to_string())
                .collect();
            // Words of content only: "Lobbyists in general" shares "in"
            // with "strategist in Trump's campaign", nothing else; a party
            // alone is no match ("The Republican nominee" is not "a
            // Republican strategist"), it only rules out.
            let score = content
                .iter()
                .filter(|w| {
                    !entities::is_function_word(w)
                        && !matches!(**w, "republican" | "democratic")
                        && !matches!(
                            **w,
                            "in" | "of"
                                | "for"
                                | "at"
                                | "on"
                                | "to"
                                | "with"
                                | "by"
                                | "from"
                                | "and"
                        )
                })
                .filter(|w| title_words.iter().any(|t| t == *w))
                .count();
            let tied = content
                .iter()
                .any(|w| ties(w) && title_words.iter().any(|t| t == w));
            if score == 0 || !tied {
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

/// Whether a phrase is a definite description of a business ("the
/// company", "the Swiss drugmaker"); "the other company", "the rival
/// firm" are someone else.
fn is_business_description(words: &[String]) -> bool {
    let [first, modifiers @ .., head] = words else {
        return false;
    };
    first == "the"
        && body_kind(head) == Some(BodyKind::Business)
        && !modifiers
            .iter()
            .any(|w| matches!(w.as_str(), "other" | "rival" | "," | "and"))
}

/// The noun heading a lowercase description, before what follows it
/// ("source | familiar with the ad", "the minister").
pub(super) fn description_head(name: &str) -> Option<&str> {
    name.split_whitespace()
        .take_while(|w| !POSTMODIFIERS.contains(w))
        .last()
        .map(entities::strip_possessive)
}

/// Nouns for places whose government speaks ("the state said", "the city
/// of Phoenix is demanding").
const PLACE_NOUNS: &[&str] = &["state", "city", "county", "town", "village", "province"];

/// How many sentences before "the state" or "the city" its place is
/// looked for, besides its own.
const PLACE_LOOKBACK_SENTENCES: usize = 2;

/// How many sentences back a description looks for the subject it
/// refers to.
const SUBJECT_LOOKBACK: usize = 6;

/// Nouns news uses for a public figure it has named, no titles ("the New
/// York businessman", "the billionaire").
const PUBLIC_FIGURE_NOUNS: &[&str] = &[
    "businessman",
    "businesswoman",
    "billionaire",
    "mogul",
    "tycoon",
    "magnate",
    "entrepreneur",
    "politician",
    "incumbent",
    "challenger",
    "front-runner",
    "frontrunner",
    "contender",
    "hopeful",
];

/// Nouns for a person's occupation by which news refers back to the
/// person it just named ("Tom Hanks thanked the crew. … the actor said"),
/// as it does by role; unlike [`PERSON_NOUNS`] ("the announcer", "a
/// friend"), not someone new.
const BACK_REFERENCE_NOUNS: &[&str] = &[
    "actor",
    "actress",
    "singer",
    "rapper",
    "musician",
    "star",
    "player",
    "midfielder",
    "striker",
    "defender",
    "goalkeeper",
    "quarterback",
    "pitcher",
    "athlete",
    "golfer",
    "boxer",
    "novelist",
    "filmmaker",
    "comedian",
];

/// Whether a word describes a person by age ("62-year-old").
pub(super) fn is_age_noun(word: &str) -> bool {
    word.strip_suffix("-year-old")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether a noun names a person by role: a title ("nominee") or a
/// public figure's description ("businessman").
pub(super) fn is_role_noun(word: &str) -> bool {
    entities::is_title_noun(word) || PUBLIC_FIGURE_NOUNS.contains(&word)
}

/// The gender a person noun says ("businessman", "congresswoman",
/// "first lady"); most role nouns say none.
pub(super) fn noun_gender(noun: &str) -> Option<Gender> {
    if noun.ends_with("woman")
        || matches!(
            noun,
            "lady" | "wife" | "mother" | "daughter" | "sister" | "widow" | "actress" | "queen"
        )
    {
        Some(Gender::Female)
    } else if (noun.ends_with("man") && noun.len() > 5)
        || matches!(
            noun,
            "husband" | "father" | "son" | "brother" | "widower" | "actor" | "king"
        )
    {
        Some(Gender::Male)
    } else {
        None
    }
}

/// Words that make a title a deputy's: "vice president" is not the
/// president.
const DEPUTY_WORDS: &[&str] = &["vice", "deputy", "assistant", "lieutenant", "associate"];

/// Words that open what follows a description's head noun ("a source
/// familiar with …", "an official in …", "a man who …").
const POSTMODIFIERS: &[&str] = &[
    "with", "of", "for", "at", "in", "from", "on", "to", "familiar", "close", "who", "that",
    "which", ",",
];

/// How many named mentions before a definite description are searched for
/// the organization it refers to.
const DESCRIPTION_LOOKBACK: usize = 256;

/// How many paragraphs back a numbered description ("the two countries")
/// looks for the entities it counts.
const NUMBERED_PARAGRAPHS: usize = 3;

/// How many paragraphs back a kind-of-body noun looks for its referent.
pub(super) const BODY_PARAGRAPHS: usize = 3;
