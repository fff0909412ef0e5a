//! Speakers: each source becomes a draft speaker — a named entity, a title
//! that refers to one, a description (anonymous when its head is a source
//! noun), or a pronoun's antecedent ([`super::pronouns`]).

use super::body_kinds::{body_kind, BodyKind};
use super::pronouns::Antecedent;
use super::*;

impl Resolution<'_> {
    pub(super) fn resolve_speakers(&mut self) {
        for k in 0..self.items.len() {
            let Some(src) = self.items[k].a.source.clone() else {
                continue;
            };
            let src = trim(self.doc, src);
            if src.is_empty() {
                continue;
            }
            let src = self.with_head_noun(k, src);
            let speaker = self.speaker_of(k, src.clone());
            if let Some(d) = speaker {
                self.drafts[d].source_mentions.push(src);
            }
            self.items[k].speaker = speaker;
        }
    }

    /// A source the extraction cut before its head noun ("The Republican"
    /// of "The Republican nominee said", "Trump" of "Trump supporters
    /// say"): the lowercase nouns right after it, outside the cue and the
    /// content, join it. A name or noun at its end already heads it.
    fn with_head_noun(&self, k: usize, src: Range<usize>) -> Range<usize> {
        let last = src.end - 1;
        let capitalized = self.doc.is_capitalized(last);
        // "his" of "his attorney": a possessive determiner heads nothing.
        let determiner = src.len() == 1 && matches!(self.lower(last), "his" | "her" | "their");
        if !(capitalized || determiner)
            || self.pos[last] == "PRP"
            || entities::is_possessive(self.doc.token_text(last))
        {
            return src;
        }
        let a = &self.items[k].a;
        let sentence_end = self.doc.sentences[self.doc.sentence_of(last)].tokens.end;
        let mut end = src.end;
        while end < sentence_end
            && end - src.end < 2
            && matches!(self.pos[end], "NN" | "NNS")
            && self.doc.token_text(end).starts_with(char::is_lowercase)
            && !a.cue.contains(&end)
            && !a.content.iter().any(|c| c.contains(&end))
        {
            end += 1;
        }
        src.start..end
    }

    /// Where the words after a quoted title closed with a comma begin
    /// in `src` (`of “Title,” the nominee`, `of “Title”, the nominee`),
    /// when a word other than a preposition follows and no person is
    /// named before the title (whose apposition it would be: "Steven
    /// Brill, author of “America’s Bitter Pill,” a history of …").
    fn after_quoted_title(&self, src: &Range<usize>) -> Option<usize> {
        let text = |i: usize| self.doc.token_text(i);
        let opened = (src.start..src.end).find(|&i| matches!(text(i), "“" | "\"" | "``"))?;
        let close = (opened + 1..src.end).find(|&i| matches!(text(i), "”" | "\"" | "''"))?;
        let after = if text(close - 1) == "," {
            close + 1
        } else if close + 1 < src.end && text(close + 1) == "," {
            close + 2
        } else {
            return None;
        };
        let person_before = self
            .ents
            .mentions_within(src.start..opened)
            .any(|(m, _)| m.class == MentionClass::Person);
        let word_after = (after..src.end).any(|i| self.doc.tokens[i].kind == TokenKind::Word)
            && !matches!(self.pos[after], "IN" | "TO");
        (word_after && !person_before).then_some(after)
    }

    /// The speaker of attribution `k` whose source tokens are `src`.
    pub(super) fn speaker_of(&mut self, k: usize, src: Range<usize>) -> Option<usize> {
        // An acronym keeps its capitals: "The WHO said" names the World
        // Health Organization, no relative pronoun.
        let words: Vec<String> = src
            .clone()
            .map(|i| {
                let text = self.doc.token_text(i);
                if text.len() >= 2 && text.bytes().all(|b| b.is_ascii_uppercase()) {
                    text.to_owned()
                } else {
                    self.lower(i).to_owned()
                }
            })
            .collect();
        // A source ending in a personal pronoun ("Thor he’d", "Despite
        // the movement we’ve"): the pronoun is the clause's subject.
        // Subject forms only: "people close to him" is not him.
        if words.len() > 1 {
            let last = entities::without_clitic(&words[words.len() - 1]);
            if matches!(last, "he" | "she" | "they" | "it") {
                return self.speaker_of(k, src.end - 1..src.end);
            }
            // "Everyone I interviewed", "experts we spoke to": the first
            // person opens a relative clause; the phrase before it speaks.
            if matches!(last, "i" | "we" | "you") {
                return self.speaker_of(k, src.start..src.end - 1);
            }
        }
        // A description the name follows in apposition, outside the
        // source ("According to the governor of the region, Veniamin
        // Kondratyev, no one was hurt"): the person named.
        if let Some(named) = self.apposed_name_after(&src, &words) {
            return self.speaker_of(k, named);
        }
        // A relative clause after a comma ("the Senate majority leader,
        // who in 2010 …", "Schiff, 56, who has served …") describes the
        // phrase before it, which names the speaker.
        if let Some(comma) = (src.start + 1..src.end.saturating_sub(1)).find(|&i| {
            self.doc.token_is(i, ",") && RELATIVES.contains(&words[i + 1 - src.start].as_str())
        }) {
            // "The minister, who spoke on condition of anonymity, said":
            // the clause withholds the name of the description before it.
            let unnamed_before = self.ents.mentions_within(src.start..comma).next().is_none();
            if unnamed_before && drafts::withholds_the_name(&words) {
                return Some(self.withheld_speaker(src.clone(), src.start..comma));
            }
            return self.speaker_of(k, src.start..comma);
        }
        // A plural phrase before examples ("Critics of the program, like
        // Senators Grassley and Leahy,", "Unions, including the AFL-CIO,"):
        // the group speaks, not the last example named.
        let opens_examples = |w: usize| match words[w].as_str() {
            "including" | "like" => true,
            "such" => words.get(w + 1).is_some_and(|next| next == "as"),
            _ => false,
        };
        if let Some(comma) = (src.start + 1..src.end.saturating_sub(1)).find(|&i| {
            self.doc.token_is(i, ",")
                && opens_examples(i + 1 - src.start)
                && (src.start..i).any(|j| matches!(self.pos[j], "NNS" | "NNPS"))
        }) {
            return self.speaker_of(k, src.start..comma);
        }
        // "…, many of whom say": a part of what the relative pronoun
        // refers to speaks, and the phrase before the comma names it.
        if let [part, of, relative] = words.as_slice() {
            let part = QUANTIFIERS.contains(&part.as_str()) || self.pos[src.start] == "CD";
            if part && of == "of" && matches!(relative.as_str(), "whom" | "which") {
                return self.relative_antecedent(k, src.start);
            }
        }
        // A quoted title and a comma before the speaker, where the
        // extraction took the channel in ("this weekend’s broadcast of
        // “Fox News Sunday,” Republican nominee Mike Pence"): the phrase
        // after the title speaks.
        if let Some(after) = self.after_quoted_title(&src) {
            return self.speaker_of(k, after..src.end);
        }
        // A subject pronoun the extraction ran on into its clause ("She
        // then peppered him with"): the pronoun is the source.
        if words.len() > 1
            && matches!(
                entities::without_clitic(&words[0]),
                "he" | "she" | "they" | "we" | "i"
            )
            && !self.pos[src.start + 1].starts_with("NN")
            && self.doc.tokens[src.start + 1].kind == TokenKind::Word
        {
            return self.speaker_of(k, src.start..src.start + 1);
        }
        // The words before a comma or relative clause ("he, who …",
        // "those who want"): a pronoun there is the source.
        let lead = words
            .iter()
            .skip(1)
            .position(|w| w == "," || RELATIVES.contains(&w.as_str()))
            .map_or(words.len(), |p| p + 1);
        // A transcript's question label ("Q: …") and a "Q&A:" headline name
        // the interviewer's role, no one; a recording's label ("VIDEO: …")
        // names no one either (a video that "shows" is a source).
        let label = words.concat().to_lowercase();
        let labelled = || {
            let cue = &self.items[k].a.cue;
            cue.len() == 1 && self.doc.token_is(cue.start, ":")
        };
        if matches!(label.as_str(), "q" | "q&a" | "question")
            || (matches!(label.as_str(), "video" | "audio" | "clip") && labelled())
        {
            return None;
        }
        // An existential "there" ("there’s also a moral judgment about"):
        // the clause has no speaker, whatever follows it.
        if words
            .first()
            .is_some_and(|w| entities::without_clitic(w) == "there")
        {
            return None;
        }
        // "Donald Trump and Hillary Clinton vied for the title, each
        // touting …": a distributive "each" or "both" is the people joined
        // as the subject of its sentence.
        if matches!(words.as_slice(), [w] if w == "each" || w == "both") {
            if let Some(d) = self.joined_subject_before(src.start) {
                return Some(d);
            }
        }
        // A pronoun alone, or its possessive or contracted form ("his
        // warning", "He’s comparing"): the pronoun's referent.
        if lead == 1 && (words.len() == 1 || !QUANTIFIERS.contains(&words[0].as_str())) {
            let w = pronoun_of(&words[0]);
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
                return self.relative_antecedent(k, src.start);
            }
            // "I" outside quotes and outside any other statement is the
            // narrator: the byline's author.
            if w == "i" && !self.quotes.is_quoted(src.start) && !self.items[k].inner {
                return self.narrator();
            }
            if matches!(w, "i" | "we" | "you") {
                return None;
            }
            // "who’s" is a relative; other function words ("There’s",
            // "Let’s", "those") name no one by themselves.
            let bare = entities::without_clitic(w);
            if RELATIVES.contains(&bare) {
                return self.relative_antecedent(k, src.start);
            }
            if entities::is_function_word(w) && !QUANTIFIERS.contains(&bare) {
                return None;
            }
        }
        // A lone determiner ("a", a tagging slip) names no one, nor does a
        // time alone ("that day, who all lived …": the phrase before the
        // relative clause was a time).
        if words
            .iter()
            .all(|w| matches!(w.as_str(), "a" | "an" | "the"))
            || (words.len() == 1
                && crate::when::TIME_NOUNS.contains(&words[0].as_str())
                && self
                    .doc
                    .token_text(src.start)
                    .starts_with(char::is_lowercase))
        {
            return None;
        }
        // A date or a number alone ("A ruling is expected by June", "said
        // Monday", "2012 added"): no one, unless a person is named so ("May
        // said" after "Prime Minister Theresa May").
        let dated = words.iter().all(|w| {
            crate::when::is_calendar_word(w) || w == "," || w.bytes().all(|b| b.is_ascii_digit())
        });
        let person_named = || {
            self.ents
                .mention_in(self.doc, src.clone())
                .is_some_and(|(_, m)| m.class == MentionClass::Person)
                || src.clone().any(|i| self.person_by_surname(i).is_some())
        };
        if dated && !person_named() {
            return None;
        }
        // Only function words ("However", "For", "including", "with": an
        // extraction slip): no noun, pronoun, number or name, no speaker.
        // Quantifiers ("some", "many", "others") are unnamed groups.
        let nominal = src.clone().any(|i| {
            let tag = self.pos[i];
            tag.starts_with("NN")
                || tag.starts_with("PRP")
                || matches!(tag, "CD" | "FW")
                // "the 62-year-old" refers back to someone named.
                || (words[0] == "the" && descriptions::is_age_noun(self.lower(i)))
        });
        let quantifier = words.iter().any(|w| QUANTIFIERS.contains(&w.as_str()));
        // A surname the tagger read as a verb form ("Streeting told" after
        // "Wes Streeting") still names its person.
        if !nominal
            && !quantifier
            && self.ents.mention_in(self.doc, src.clone()).is_none()
            && !person_named()
        {
            return None;
        }
        // "…, whose leaders": the leaders of what comes before.
        if words.len() > 1 && words[0] == "whose" {
            if let Some(d) = self.possessed_by_relative(&src) {
                return Some(d);
            }
        }
        // A relative pronoun that is the cue's object, its subject after
        // it ("a framework, which officials expect to …", "which the OECD
        // says"): the subject speaks, not what the pronoun refers to.
        if words.len() > 1
            && matches!(words[0].as_str(), "which" | "whom" | "who")
            && matches!(
                self.pos[src.start + 1],
                "NN" | "NNS" | "NNP" | "NNPS" | "DT" | "PRP" | "JJ" | "CD"
            )
            && !crate::when::TIME_NOUNS.contains(&words[1].as_str())
            && !matches!(
                words[1].as_str(),
                "last" | "this" | "next" | "each" | "every"
            )
        {
            return self.speaker_of(k, src.start + 1..src.end);
        }
        // A relative clause as source ("Okafor, who voted against the
        // plan, said", "economists who favor consumption taxes"): the
        // speaker is what it modifies.
        if words.len() > 1
            && RELATIVES.contains(&words[0].as_str())
            && src.start > 0
            && (self.doc.token_is(src.start - 1, ",") || words[0] == "who")
        {
            return self.relative_antecedent(k, src.start);
        }
        // The head of the noun phrase decides ("Clinton spokesman Nick
        // Merrill" is Merrill; "Clinton supporters" are supporters).
        // A person's campaign ("Clinton’s campaign", "The Trump campaign",
        // "her campaign") is one organization, named "<surname> campaign".
        if let Some(d) = self.campaign_of(k, &src) {
            return Some(d);
        }
        // "Craig Bryan, head of …, and other scientists": the one named
        // and the others.
        if let Some(d) = self.name_and_others(&src) {
            return Some(d);
        }
        // Names joined by "and" are one group ("China and Russia", "Mr.
        // King and Mr. Schultz").
        if let Some(d) = self.coordination(&self.with_conjuncts_before(&src)) {
            return Some(d);
        }
        // "the two countries": the two named last or most.
        if let Some(d) = self.numbered_reference(&src, &words) {
            return Some(d);
        }
        // A place's government ("the city of Phoenix", "the state").
        if let Some(d) = self.place_government(&src) {
            return Some(d);
        }
        // A lead's description of the person it names next ("A former DNC
        // chairman says …").
        if let Some(e) = self.delayed_name(k, &src) {
            return Some(self.entity_draft(e));
        }
        if let Some(e) = self.headline_business(&src) {
            let d = self.entity_draft(e);
            self.drafts[d].kind = SpeakerKind::Organization;
            return Some(d);
        }
        // "Police in Minneapolis": the force, not the place named last.
        if let Some(d) = self.named_police(&src).filter(|_| src.len() > 2) {
            return Some(d);
        }
        if let Some(found) = self.head_of_phrase(k, &src) {
            return found;
        }
        let region = self.head_region(&src);
        // A common noun heads the phrase ("Experts on North Korea",
        // "Officials at Homeland Security Investigations"): a name after it
        // only modifies it, unless it stands in apposition ("A lawyer for
        // the outlets, David Schulz,").
        if let Some(e) = self.name_after_title(&region, &src) {
            return Some(self.entity_draft(e));
        }
        let described = self.common_head(&region);
        // The head is no name: names in the phrase only modify it ("Another
        // RT America host, Abby Martin,").
        let unnamed_head = !self
            .ents
            .mentions_within(region.clone())
            .any(|(m, _)| m.tokens.end == region.end);
        if unnamed_head {
            if let Some(e) = self.apposed_name(&src) {
                return Some(self.entity_draft(e));
            }
        }
        // A capitalized word heads it that the tagger missed ("Schiff, 56,
        // who has served on the Intelligence Committee"): the one person
        // named in full with that last name.
        // An honorific before it says a person is meant ("Mr. King").
        let honorific = region.len() == 2 && is_honorific(self.lower(region.start));
        let bare = if honorific {
            region.start + 1..region.end
        } else {
            region.clone()
        };
        if bare.len() == 1 && self.ents.mentions_within(region.clone()).next().is_none() {
            if let Some(e) = self.person_by_surname(bare.start) {
                return Some(self.entity_draft(e));
            }
        }
        // A named entity, not in the possessive.
        if let Some((e, m)) = self
            .ents
            .mention_in(self.doc, src.clone())
            .filter(|_| !described)
        {
            // "a spokesman for the Clinton campaign": the name is an affiliation.
            let affiliation = matches!(
                words[0].as_str(),
                "a" | "an" | "one" | "two" | "three" | "several" | "some"
            ) && m.tokens.start > src.start;
            // "NATO Chief", "a White House official": an organization's
            // name modifying a title or a person noun.
            let last = words.last().map_or("", String::as_str);
            // "the top British medical journal", "Russian hackers": a name
            // before a lowercase common noun heading the phrase modifies it.
            let lowercase_head = self.last_noun(region.clone()).is_some_and(|h| {
                h >= m.tokens.end
                    && matches!(self.pos[h], "NN" | "NNS")
                    && self.doc.token_text(h).starts_with(char::is_lowercase)
            });
            let modifier = m.class != MentionClass::Person
                && m.tokens.end < src.end
                && (descriptions::is_role_noun(last)
                    || ANONYMOUS_NOUNS.contains(&last)
                    || lowercase_head);
            if !affiliation && !modifier {
                return Some(self.entity_draft(e));
            }
        }
        // A capitalized surname the entity tagger missed ("Rutte answered"),
        // or in the possessive ("Trump’s warning"): the one person named in
        // full with that last name.
        if words.len() == 1 {
            if let Some(e) = self
                .person_by_surname(src.start)
                .or_else(|| self.person_by_first_name(src.start))
            {
                return Some(self.entity_draft(e));
            }
            // A company's first word the tagger missed ("CenterPoint did
            // not respond" after "CenterPoint Energy"): the company.
            let capitalized = self.doc.is_capitalized(src.start);
            let word = [entities::strip_possessive(&words[0]).to_string()];
            if let Some(e) = capitalized
                .then(|| entities::company_by_short_name(&self.ents.list, &word))
                .flatten()
            {
                return Some(self.entity_draft(e));
            }
        }
        // "Aides to the prime minister", "Sources close to the minister": an
        // indefinite or bare plural noun of unnamed sources heads the
        // phrase; a title after it says whom they are close to, not who
        // speaks.
        let head = self.head_region(&src);
        if head.end < src.end
            && !matches!(
                words[0].as_str(),
                "the" | "this" | "that" | "these" | "those"
            )
            && head
                .clone()
                .any(|i| ANONYMOUS_NOUNS.contains(&self.lower(i)))
        {
            return Some(self.nominal_draft(src));
        }
        // A title alone ("NATO Chief", "the president").
        if let Some(e) = self.title_reference(&src, &words) {
            return Some(self.entity_draft(e));
        }
        // "The office" after an unnamed one spoke ("The national
        // financial prosecutor's office said").
        if let Some(d) = self.unnamed_body_reference(&src, &words) {
            return Some(d);
        }
        // A definite description of an organization named before ("the
        // commission", "The Post").
        if let Some(d) = self.business_reference(&src) {
            return Some(d);
        }
        // A plural description of a group named before ("These voters",
        // "the senators").
        if let Some(d) = self.plural_reference(&src, &words) {
            return Some(d);
        }
        // A definite description of an unnamed person who spoke before
        // ("The official" after "a security official told").
        if let Some(d) = self.anonymous_reference(&src, &words) {
            return Some(d);
        }
        // A definite description of a person no title matches ("The GOP
        // nominee", "the Indiana governor"): news refers so to a prominent
        // person, the one named most often so far.
        match self.prominent_person(k, &src, &words) {
            Some(Antecedent::Entity(e)) => return Some(self.entity_draft(e)),
            Some(Antecedent::Draft(d)) => return Some(d),
            None => {}
        }
        // "police said" after "Charlotte-Mecklenburg police": that force.
        if let Some(d) = self.named_police(&src) {
            return Some(d);
        }
        // A headline's description of the person the article opens with.
        if let Some(e) = self.headline_person(&src) {
            return Some(self.entity_draft(e));
        }
        if let Some(d) = self.share_of_population(&src) {
            return Some(d);
        }
        Some(self.nominal_draft(src))
    }

    /// The speaker a source's head noun phrase names, when its names say
    /// it: the phrase runs to [`Resolution::phrase_end`], and English puts
    /// its head last.
    /// - Two or more people joined by "and" are one group ("Mr. Grassley
    ///   and Mr. Leahy").
    /// - A name that ends the phrase is its head ("Stein spokeswoman
    ///   Melezia Figueroa", "NATO Chief Mark Rutte").
    /// - A name followed by a common noun only modifies it ("Clinton
    ///   supporters", "The Trump campaign", "McConnell aides", "Donald
    ///   Trump’s campaign"): the speaker is the description.
    ///
    /// `None` leaves the source to the other rules; `Some(None)` means no
    /// speaker.
    fn head_of_phrase(&mut self, k: usize, src: &Range<usize>) -> Option<Option<usize>> {
        let region = self.head_region(src);
        let mentions: Vec<(Mention, usize)> =
            self.ents.mentions_within(region.clone()).cloned().collect();
        // A document speaks for its author ([`Resolution::document_author`]).
        let head_at = self.last_noun(region.clone());
        if let Some(d) = head_at.and_then(|h| self.document_author(k, src, &region, &mentions, h)) {
            return Some(Some(d));
        }
        let last = mentions.last()?;
        let possessive =
            |m: &Mention| entities::is_possessive(self.doc.token_text(m.tokens.end - 1));
        if last.0.tokens.end == region.end && !possessive(&last.0) {
            // "Republicans on the committee", "One Republican": a party or
            // nationality heads a description of people.
            let misc = last.0.class == MentionClass::Misc;
            let plural = self.pos[last.0.tokens.end - 1] == "NNPS"
                || self.doc.token_text(last.0.tokens.end - 1).ends_with('s');
            let indefinite = matches!(
                self.lower(region.start),
                "a" | "an" | "one" | "another" | "some" | "several" | "many"
            );
            if misc && (plural || indefinite) {
                return Some(Some(self.nominal_draft(src.clone())));
            }
            // "the Democrat wrote": a person named before, described by
            // party or origin, not a body called "Democrat". A nationality's
            // noun is one whatever class the tagger gave it ("the Spaniard").
            let nationality = last.0.tokens.len() == 1
                && NATIONALITY_NOUNS.contains(&self.lower(last.0.tokens.start));
            // "The Ohio Republican": the tagger reads the place and the
            // party as one body's name.
            let party_after_place = region.len() > 2;
            if (misc || nationality || party_after_place) && self.party_or_origin(k, &region) {
                let words: Vec<String> = region.clone().map(|i| self.lower(i).to_owned()).collect();
                return Some(Some(match self.prominent_person(k, &region, &words) {
                    Some(Antecedent::Entity(e)) => self.entity_draft(e),
                    Some(Antecedent::Draft(d)) => d,
                    None => self.nominal_draft(src.clone()),
                }));
            }
            return Some(Some(self.entity_draft(last.1)));
        }
        let modifies = mentions.iter().any(|(m, _)| {
            let next = m.tokens.end;
            next < region.end
                && self.pos[next].starts_with("NN")
                && self
                    .doc
                    .token_text(next)
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase)
        });
        // "The Republican nominee": a definite title is someone's, for the
        // title and prominence rules.
        // "Pagliano's lawyer": the person whose title states that relation
        // ("An attorney for Pagliano, Mark MacDougall,").
        let possessed = mentions
            .first()
            .is_some_and(|(m, _)| m.tokens.start == src.start && possessive(m));
        let role = head_at.is_some_and(|h| descriptions::is_role_noun(self.lower(h)));
        if possessed && role {
            let words: Vec<String> = region.clone().map(|i| self.lower(i).to_owned()).collect();
            if let Some(e) = self.title_reference(&region, &words) {
                return Some(Some(self.entity_draft(e)));
            }
        }
        let definite_title = self.lower(src.start) == "the" && role;
        if definite_title {
            return None;
        }
        if !modifies {
            return None;
        }
        // "Another RT America host, Abby Martin,": the name in apposition.
        if let Some(e) = self.apposed_name(src) {
            return Some(Some(self.entity_draft(e)));
        }
        // "The Swiss company", "the Seattle-based firm": a place or an
        // origin describing a business refers back to the business named
        // before, as "the company" does.
        // Not public bodies: "the German government" is Germany's, not the
        // latest body named.
        let business = head_at.is_some_and(|h| {
            body_kind(entities::strip_possessive(self.lower(h))) == Some(BodyKind::Business)
        });
        let origins_only = mentions
            .iter()
            .all(|(m, _)| matches!(m.class, MentionClass::Location | MentionClass::Misc));
        if business && origins_only {
            if let Some(d) = self.business_reference(src) {
                return Some(Some(d));
            }
        }
        Some(Some(self.nominal_draft(src.clone())))
    }

    /// The speaker of a source whose article withholds the name ("The
    /// minister, who spoke on condition of anonymity"): no title or
    /// prominence may name one; the unnamed person of that description
    /// who spoke before, if any (`head`: the description without its
    /// clause), else an anonymous draft of `src`.
    fn withheld_speaker(&mut self, src: Range<usize>, head: Range<usize>) -> usize {
        let words: Vec<String> = head.clone().map(|i| self.lower(i).to_owned()).collect();
        match self.anonymous_reference(&head, &words) {
            Some(d) => d,
            None => self.nominal_draft(src),
        }
    }

    /// Whether the phrase is "the" and a person's party or origin ("the
    /// Democrat", "the Afghan-American"), a description of a person named
    /// before, the party's perhaps after a place or two ("the
    /// Massachusetts Democrat", "the New York Republican"). A capital
    /// "The" inside a sentence, or a report, says a title instead
    /// ("According to The Federalist", "The Tennessean first reported").
    pub(super) fn party_or_origin(&self, k: usize, region: &Range<usize>) -> bool {
        if !(2..=4).contains(&region.len()) || self.lower(region.start) != "the" {
            return false;
        }
        let word = region.end - 1;
        let places = region.start + 1..word;
        let placed = places
            .clone()
            .all(|i| self.pos[i] == "NNP" && self.doc.is_capitalized(i))
            && is_party_member_word(self.lower(word));
        if !places.is_empty() && !placed {
            return false;
        }
        let first_of_sentence = region.start
            == self.doc.sentences[self.doc.sentence_of(region.start)]
                .tokens
                .start;
        let titled = self.doc.token_is(region.start, "The") && !first_of_sentence;
        let reported = self.items[k]
            .a
            .cue
            .clone()
            .any(|i| self.lower(i).starts_with("report"));
        let lower = self.lower(word);
        !titled
            && !reported
            && self.doc.is_capitalized(word)
            && is_people_word(lower)
            && !lower.ends_with('s')
            && !is_media_name(self.doc.token_text(word))
    }

    /// The person named in full whose last name is the capitalized word
    /// at `at` (possessive aside): a surname the tagger missed ("Rutte
    /// answered", "Trump’s warning"), a campaign's principal ("The Trump
    /// team"). When several share it, the one mentioned most whose gender
    /// fits an honorific before the word, as for the surnames the tagger
    /// found ("Clinton’s inability" in a story naming Bill Clinton twice and
    /// Hillary Clinton throughout; "Mr. Clinton’s" there is Bill).
    fn person_by_surname(&self, at: usize) -> Option<usize> {
        let text = self.doc.token_text(at);
        if !text.starts_with(char::is_uppercase) {
            return None;
        }
        let surname = entities::variants::fold(entities::strip_possessive(text));
        self.principal_named(&surname, entities::gender_near(self.doc, at..at + 1))
    }

    /// The one person named in full whose first name word is the
    /// capitalized word at `at`, when no one's name ends in it: "Xi said"
    /// after "Xi Jinping" (a family name written first), "Tedros" after
    /// "Tedros Adhanom Ghebreyesus". None when two people share it.
    fn person_by_first_name(&self, at: usize) -> Option<usize> {
        let text = self.doc.token_text(at);
        if !text.starts_with(char::is_uppercase) || is_honorific(self.lower(at)) {
            return None;
        }
        let word = entities::variants::fold(entities::strip_possessive(text));
        let mut found = None;
        for (id, x) in self.ents.list.iter().enumerate() {
            if x.words.last() == Some(&word) {
                return None;
            }
            if x.class == MentionClass::Person && x.words.len() >= 2 && x.words[0] == word {
                if found.is_some() {
                    return None;
                }
                found = Some(id);
            }
        }
        found
    }

    /// The person named in full whose last name word (folded) is `surname`
    /// and whose gender is not other than `gender`: when several share it,
    /// the one the article calls by the surname alone most (news names a
    /// second family member in full each time: "Ivanka Trump"), then the
    /// most mentioned, the first named among equals.
    pub(super) fn principal_named(&self, surname: &str, gender: Option<Gender>) -> Option<usize> {
        self.ents
            .list
            .iter()
            .enumerate()
            .filter(|(_, x)| {
                x.class == MentionClass::Person
                    && x.words.len() >= 2
                    && x.words.last().is_some_and(|w| w == surname)
                    && !(gender.is_some() && x.gender.is_some() && x.gender != gender)
            })
            .max_by_key(|(id, x)| {
                let by_surname = x.mentions.iter().filter(|r| r.len() == 1).count();
                (by_surname, x.mentions.len(), usize::MAX - id)
            })
            .map(|(id, _)| id)
    }

    /// The campaign a source names: its head phrase is "[the] <person>
    /// [’s] campaign" or "his/her campaign" (the pronoun resolved as a
    /// source would be). One draft per campaign name, an organization.
    /// A person's office ("Her office", "Carver's office") the same way,
    /// named "<surname>’s office".
    pub(super) fn campaign_of(&mut self, k: usize, src: &Range<usize>) -> Option<usize> {
        let region = self.head_region(src);
        let last = region.end.checked_sub(1)?;
        let noun = self.lower(last);
        let campaign = noun.eq_ignore_ascii_case("campaign") || matches!(noun, "team" | "camp");
        // "Her office said", "Carver's office": the person's office.
        let office = noun == "office";
        if region.len() < 2 || !(campaign || office) {
            return None;
        }
        // "The campaign said": the campaign a phrase named last.
        let whole = src
            .clone()
            .rev()
            .find(|&i| self.doc.tokens[i].kind != TokenKind::Punct)
            == Some(last);
        if whole && region.len() == 2 && self.lower(region.start) == "the" && noun == "campaign" {
            return self.campaign_named_before(k, region.start);
        }
        // Lowercase modifiers of the campaign ("Donald Trump’s
        // presidential campaign", "his reelection campaign") are skipped.
        let mut kind_start = last;
        while kind_start > region.start + 1
            && last - kind_start < 2
            && matches!(self.pos[kind_start - 1], "JJ" | "NN")
            && self
                .doc
                .token_text(kind_start - 1)
                .starts_with(char::is_lowercase)
            && !matches!(self.lower(kind_start - 1), "his" | "her" | "their")
        {
            kind_start -= 1;
        }
        // The possessive may be a token of its own ("Harmon" "’s").
        let clitic = kind_start > region.start
            && matches!(self.doc.token_text(kind_start - 1), "’s" | "'s" | "’" | "'");
        let owner_end = if clitic { kind_start - 1 } else { kind_start };
        let mut start = region.start;
        if self.lower(start) == "the" {
            start += 1;
        }
        let owner = match self.ents.mentions_within(start..owner_end).last().cloned() {
            Some((m, e)) if m.class == MentionClass::Person && m.tokens.end == owner_end => Some(e),
            _ if owner_end == start + 1 && matches!(self.lower(start), "his" | "her") => {
                let gender = if self.lower(start) == "his" {
                    Gender::Male
                } else {
                    Gender::Female
                };
                let d = self.antecedent_person(k, start, gender)?;
                self.drafts[d].entity
            }
            // A surname the tagger missed or took for another kind of
            // name ("Ruth Harmon’s campaign", "The Trump team").
            _ if owner_end > start => self.person_by_surname(owner_end - 1),
            _ => None,
        }?;
        let name = self.ents.list[owner].name.clone();
        let surname = name.split_whitespace().last().unwrap_or(&name);
        let name = if office {
            format!("{surname}’s office")
        } else {
            format!("{surname} campaign")
        };
        Some(self.named_draft(name, SpeakerKind::Organization))
    }
}

impl Resolution<'_> {
    /// The campaign of the latest "<person> campaign", "<person>’s
    /// [presidential] campaign" or "his/her campaign" before token `at`,
    /// outside quotes and at most [`CAMPAIGN_LOOKBACK`] tokens back, for
    /// "the campaign" as a source.
    fn campaign_named_before(&mut self, k: usize, at: usize) -> Option<usize> {
        let floor = at.saturating_sub(CAMPAIGN_LOOKBACK);
        for j in (floor..at).rev() {
            if self.lower(j) != "campaign" || self.quotes.is_quoted(j) {
                continue;
            }
            // The owner and the modifiers before "campaign", shortest first.
            let sentence_start = self.doc.sentences[self.doc.sentence_of(j)].tokens.start;
            for start in (j.saturating_sub(4).max(sentence_start).max(floor)..j).rev() {
                if self.lower(start) == "the" {
                    break;
                }
                if let Some(d) = self.campaign_of(k, &(start..j + 1)) {
                    return Some(d);
                }
            }
        }
        None
    }
}

/// How far back "the campaign" looks for the campaign it refers to, in
/// tokens (a few paragraphs).
const CAMPAIGN_LOOKBACK: usize = 200;

/// Words that make a source an unnamed group ("some said", "many
/// believe", "others argue"), or an unnamed person ("one wrote").
pub(super) const QUANTIFIERS: &[&str] = &[
    "some", "many", "others", "other", "most", "few", "several", "both", "all", "those", "one",
    "another", "someone", "somebody", "anyone", "everyone", "nobody", "none",
];

/// The personal pronoun a one-word source stands for: itself, its
/// possessive (`his` → `he`, `their` → `they`, `its` → `it`) or a
/// contraction (`he’s`, `they’re`, `it's` → the pronoun). Other words come
/// back unchanged.
fn pronoun_of(word: &str) -> &str {
    let bare = entities::without_clitic(word);
    match bare {
        "me" | "my" | "mine" => "i",
        "us" | "our" | "ours" => "we",
        "your" | "yours" => "you",
        "his" => "he",
        "their" | "theirs" => "they",
        "its" => "it",
        "hers" => "her",
        _ if PRONOUNS_PERSON.contains(&bare)
            || PRONOUNS_PLURAL.contains(&bare)
            || matches!(bare, "it" | "i" | "we" | "you") =>
        {
            bare
        }
        _ => word,
    }
}

/// Whether a lowercased word reads as a nationality or party member by its
/// ending ("Republican", "Democrat", "Chinese", "British", "Libertarian"),
/// or is one of the nationalities' nouns no ending tells ("Spaniard",
/// "Briton", "Frenchman", "Swede").
pub(super) fn is_people_word(word: &str) -> bool {
    let w = word.strip_suffix('s').unwrap_or(word);
    entities::DEMONYM_ENDINGS
        .iter()
        .chain(&["crat", "ist"])
        .any(|end| w.ends_with(end))
        || NATIONALITY_NOUNS.contains(&w)
        || word.strip_suffix("men").is_some_and(|stem| {
            // "Frenchmen": the plural of a noun in "-man".
            NATIONALITY_NOUNS
                .iter()
                .any(|n| n.strip_suffix("man") == Some(stem))
        })
}

/// Whether a lowercased word names a member of a party ("democrat",
/// "republican", "independent", "libertarian", "conservative",
/// "socialist"), which a place before it qualifies ("the Ohio
/// Republican"); a place before a nationality says none.
fn is_party_member_word(word: &str) -> bool {
    word.ends_with("crat")
        || matches!(
            word,
            "republican" | "independent" | "libertarian" | "conservative" | "socialist" | "tory"
        )
}

/// Nouns for a country's people whose ending does not say so.
const NATIONALITY_NOUNS: &[&str] = &[
    "briton",
    "czech",
    "dane",
    "dutchman",
    "englishman",
    "filipino",
    "finn",
    "frenchman",
    "greek",
    "irishman",
    "pole",
    "scot",
    "scotsman",
    "spaniard",
    "swede",
    "thai",
    "turk",
    "welshman",
];
