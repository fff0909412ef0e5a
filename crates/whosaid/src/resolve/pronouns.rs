//! Pronoun and relative-pronoun antecedents: `he`/`she` by the learned
//! [`PronounRanker`] among fitting persons, `they`/`it` to the running group or organization,
//! `who`/`which` to the noun phrase before.

use super::pronoun_ranker::{Features, FEATURES};
use super::*;

/// A candidate antecedent: a person of the document, or an unnamed
/// speaker's draft ("a spokesman").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Antecedent {
    /// An entity of the document.
    Entity(usize),
    /// A draft speaker without an entity.
    Draft(usize),
}

/// How far back (in sentences) person mentions count for a pronoun.
pub(super) const SALIENCE_SENTENCES: usize = 6;

/// How many tokens after a cue a name is read as its addressee ("told
/// Fox News host Sean Hannity").
const ADDRESSEE_WORDS: usize = 6;

impl Resolution<'_> {
    /// The person a `he`/`she` source at token `at` refers to: the
    /// candidate the [`PronounRanker`] scores highest among the people of
    /// the preceding sentences whose gender fits, and the previous
    /// attribution's speaker (news style continues a speaker with "he
    /// said"). A person named only inside quotes is no candidate unless
    /// the pronoun is quoted too.
    pub(super) fn antecedent_person(
        &mut self,
        k: usize,
        at: usize,
        gender: Gender,
    ) -> Option<usize> {
        self.ranked_person(k, at, Some(gender), |_| true)
    }

    /// The person the [`PronounRanker`] ranks first for a reference at
    /// token `at` of the given gender (any when `None`), among the people
    /// `allowed` admits. A definite description ("the Vermont senator")
    /// refers back as a pronoun does, with its gender unknown.
    pub(super) fn ranked_person(
        &mut self,
        k: usize,
        at: usize,
        gender: Option<Gender>,
        allowed: impl Fn(&entities::Entity) -> bool,
    ) -> Option<usize> {
        let addressees = self.addressees(k, at);
        let fits = |e: usize| {
            let x = &self.ents.list[e];
            allowed(x)
                && !addressees.contains(&e)
                && (gender.is_none()
                    || x.gender
                        .or(x.usual_gender)
                        .is_none_or(|g| Some(g) == gender))
        };
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
            if draft.kind == SpeakerKind::Person && draft.entity.is_none_or(fits) {
                running = Some(d);
            }
            break;
        }
        let mut candidates: Vec<(Antecedent, Features)> = Vec::new();
        for (m, e) in self.ents.before(at).iter().rev() {
            // A mention typed a person may name a body ("Goldman said"
            // after "Goldman Sachs"): he and she go to people only.
            if m.class != MentionClass::Person || self.ents.list[*e].class != MentionClass::Person {
                continue;
            }
            let back = here - self.doc.sentence_of(m.tokens.start).min(here);
            if back > SALIENCE_SENTENCES {
                break;
            }
            if !fits(*e) {
                continue;
            }
            let w = 1.0 / (1.0 + back as f32);
            let quoted = self.quotes.is_quoted(m.tokens.start);
            let possessive = entities::is_possessive(self.doc.token_text(m.tokens.end - 1));
            let s = &self.doc.sentences[self.doc.sentence_of(m.tokens.start)];
            let subject = !(s.tokens.start..m.tokens.start).any(|i| self.pos[i].starts_with("VB"));
            let i = match candidates
                .iter()
                .position(|(c, _)| *c == Antecedent::Entity(*e))
            {
                Some(i) => i,
                None => {
                    let mut f = self.static_features(*e, at, gender);
                    f[4] = w;
                    f[5] = f32::from(u8::from(subject));
                    f[11] = f32::from(u8::from(candidates.is_empty()));
                    candidates.push((Antecedent::Entity(*e), f));
                    candidates.len() - 1
                }
            };
            let f = &mut candidates[i].1;
            if quoted {
                f[1] += w;
            } else {
                f[0] += w;
            }
            if subject {
                f[2] += w;
            }
            if possessive {
                f[3] += w;
            }
        }
        // Named only inside quotes: no antecedent for a pronoun outside them.
        if !self.quotes.is_quoted(at) {
            candidates.retain(|(_, f)| f[0] > 0.0);
        }
        if let Some(d) = running {
            match self.drafts[d].entity {
                Some(e) => {
                    let i = match candidates
                        .iter()
                        .position(|(c, _)| *c == Antecedent::Entity(e))
                    {
                        Some(i) => i,
                        None => {
                            candidates
                                .push((Antecedent::Entity(e), self.static_features(e, at, gender)));
                            candidates.len() - 1
                        }
                    };
                    candidates[i].1[6] = 1.0;
                }
                None => {
                    let mut f = [0.0; FEATURES];
                    f[7] = 1.0;
                    f[10] = 1.0;
                    candidates.push((Antecedent::Draft(d), f));
                }
            }
        }
        let features: Vec<Features> = candidates.iter().map(|(_, f)| *f).collect();
        if let Some(log) = self.pronoun_log.as_mut() {
            log.push((at, candidates.clone()));
        }
        let best = self.ranker.best(&features)?;
        match candidates[best].0 {
            Antecedent::Entity(e) => Some(self.entity_draft(e)),
            Antecedent::Draft(d) => Some(d),
        }
    }

    /// The people named right after attribution `k`'s cue, outside its
    /// content, when its source at `at` comes before the cue: the
    /// addressee or topic of the saying ("he told Hannity", "she said of
    /// Smith"), never the one who says it.
    fn addressees(&self, k: usize, at: usize) -> Vec<usize> {
        let Some(it) = self.items.get(k) else {
            return Vec::new();
        };
        let cue = &it.a.cue;
        if cue.is_empty() || at >= cue.start {
            return Vec::new();
        }
        let sentence_end = self.doc.sentences[self.doc.sentence_of(cue.start)]
            .tokens
            .end;
        let end = sentence_end.min(cue.end + ADDRESSEE_WORDS);
        let from = self
            .ents
            .mentions
            .partition_point(|(m, _)| m.tokens.start < cue.start);
        self.ents.mentions[from..]
            .iter()
            .take_while(|(m, _)| m.tokens.start < end)
            .filter(|(m, _)| {
                let t = m.tokens.start;
                !self.quotes.is_quoted(t)
                    && !it.a.content.iter().any(|c| c.contains(&t))
                    // Nothing but the cue and the name's own words
                    // between: "told Fox News host Sean Hannity".
                    && (cue.end..t).all(|i| self.doc.tokens[i].kind == TokenKind::Word)
            })
            .map(|&(_, e)| e)
            .collect()
    }

    /// The features of a candidate person that do not depend on its
    /// mentions near the pronoun.
    fn static_features(&self, e: usize, at: usize, gender: Option<Gender>) -> Features {
        let x = &self.ents.list[e];
        let mut f = [0.0; FEATURES];
        f[8] = f32::from(u8::from(gender.is_some() && x.gender == gender));
        let before = x.mentions.partition_point(|m| m.start < at);
        f[9] = (1.0 + before as f32).ln();
        let quoted_before = self
            .drafts
            .iter()
            .any(|d| d.entity == Some(e) && !d.source_mentions.is_empty());
        f[10] = f32::from(u8::from(quoted_before));
        f
    }

    /// The group or organization a `they`/`it` source refers to.
    pub(super) fn antecedent_group(
        &mut self,
        k: usize,
        at: usize,
        singular: bool,
    ) -> Option<usize> {
        let paragraph = self.paragraph_of(at);
        // "President Obama and Hillary Clinton did not react … They": people
        // joined as the subject of this sentence or the one before.
        if !singular {
            if let Some(d) = self.joined_subject_before(at) {
                return Some(d);
            }
        }
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

    /// People named together as the subject that opens the sentence of
    /// `at` or the one before it ("President Obama and Hillary Clinton
    /// did not react …"), or a clause after a comma there, before `at`:
    /// their group.
    pub(super) fn joined_subject_before(&mut self, at: usize) -> Option<usize> {
        let here = self.doc.sentence_of(at);
        let mut candidates: Vec<Range<usize>> = Vec::new();
        for s in [Some(here), here.checked_sub(1)].into_iter().flatten() {
            let tokens = self.doc.sentences[s].tokens.clone();
            // Titles and articles before a name.
            let skip = |from: usize| {
                let mut i = from;
                while i < tokens.end && {
                    let w = self.lower(i);
                    w == "the" || is_honorific(w) || entities::is_title_noun(w)
                } {
                    i += 1;
                }
                i
            };
            let person_at = |i: usize| {
                self.ents
                    .starting_at(i)
                    .filter(|(m, _)| m.class == MentionClass::Person)
                    .map(|(m, _)| m.tokens.end)
            };
            // Clauses after a comma ("When terrorists …, Obama and Clinton
            // call them"), latest first, then the sentence's start; after a
            // comma the names must be followed by their verb.
            let mut starts: Vec<usize> = std::iter::once(tokens.start)
                .chain(
                    (tokens.start..tokens.end.min(at))
                        .filter(|&i| self.doc.token_is(i, ","))
                        .map(|i| i + 1),
                )
                .collect();
            starts.reverse();
            for p in starts {
                let Some(first_end) = person_at(skip(p)) else {
                    continue;
                };
                if first_end >= tokens.end || self.lower(first_end) != "and" {
                    continue;
                }
                let Some(second_end) = person_at(skip(first_end + 1)) else {
                    continue;
                };
                let verb_after = second_end < tokens.end
                    && (self.pos[second_end].starts_with("VB") || self.pos[second_end] == "MD");
                if second_end <= at && (p == tokens.start || verb_after) {
                    candidates.push(p..second_end);
                }
            }
        }
        candidates.into_iter().find_map(|r| self.coordination(&r))
    }

    /// Where the noun phrase ending at `end` (exclusive) starts: back over
    /// nouns, adjectives ("biggest" too), numbers and possessives, up to a
    /// determiner, which opens it ("less | the local contests"), not before
    /// `floor`.
    fn noun_phrase_start(&self, end: usize, floor: usize) -> usize {
        let mut start = end;
        while start > floor {
            let t = self.pos[start - 1];
            // "95 retired generals": a participle after a number or
            // determiner modifies the noun.
            let modifying_participle = t == "VBN"
                && start - 1 > floor
                && matches!(self.pos[start - 2], "CD" | "DT" | "PRP$" | "JJ");
            if !(t.starts_with("NN")
                || t.starts_with("JJ")
                || modifying_participle
                || matches!(t, "DT" | "POS" | "CD" | "PRP$"))
            {
                break;
            }
            start -= 1;
            if matches!(t, "DT" | "PRP$") {
                break;
            }
        }
        start
    }

    /// For "who" after a name that is no person and follows a preposition
    /// after a noun ("Democrats on Capitol Hill, who"): the whole phrase
    /// of that noun, or the person it names ("Smith of Ohio, who") or
    /// stands in apposition to ("Jane Roe, a mother of two from Plano who").
    fn people_before_preposition(
        &mut self,
        at: usize,
        m: &Mention,
        floor: usize,
        end: usize,
    ) -> Option<usize> {
        if m.class == MentionClass::Person || !matches!(self.lower(at), "who" | "whom") {
            return None;
        }
        let mut prep = m.tokens.start.checked_sub(1)?;
        if prep > floor && self.pos[prep] == "DT" {
            prep -= 1;
        }
        if prep <= floor || self.pos[prep] != "IN" {
            return None;
        }
        // The noun the place completes ends before the preposition; "of"
        // and a number complete it first ("a mother of two from Plano").
        let mut noun_end = prep;
        if noun_end > floor + 2
            && self.pos[noun_end - 1] == "CD"
            && self.lower(noun_end - 2) == "of"
        {
            noun_end -= 2;
        }
        if !self.pos[noun_end - 1].starts_with("NN") {
            return None;
        }
        if let Some((head, e)) = self.ents.ending_at(noun_end).cloned() {
            return (head.class == MentionClass::Person).then(|| self.entity_draft(e));
        }
        let start = self.noun_phrase_start(noun_end, floor);
        // "Jane Roe, a mother of two from Plano who": a description in
        // apposition to a person is that person.
        if start > floor + 1 && self.doc.token_is(start - 1, ",") {
            if let Some((head, e)) = self.ents.ending_at(start - 1).cloned() {
                if head.class == MentionClass::Person {
                    return Some(self.entity_draft(e));
                }
            }
        }
        (start < noun_end).then(|| self.nominal_draft(start..end))
    }

    /// `…, whose leaders say`: the people the possessed noun names, of the
    /// noun phrase before the relative pronoun ("leaders of Eastern and
    /// Northern Europe countries"), conjoined modifiers included.
    pub(super) fn possessed_by_relative(&mut self, src: &Range<usize>) -> Option<usize> {
        let at = src.start;
        let sentence = self.doc.sentences[self.doc.sentence_of(at)].tokens.clone();
        if self.lower(at) != "whose" || at < sentence.start + 2 || !self.doc.token_is(at - 1, ",") {
            return None;
        }
        let end = at - 1;
        let mut start = self.noun_phrase_start(end, sentence.start);
        while start > sentence.start + 1
            && matches!(self.lower(start - 1), "and" | "or")
            && matches!(self.pos[start - 2], "JJ" | "NNP" | "NN")
        {
            start = self.noun_phrase_start(start - 1, sentence.start);
        }
        if start == end || at + 1 >= src.end {
            return None;
        }
        let owner = self.text(start..end);
        let owner = owner.strip_prefix("the ").unwrap_or(&owner).to_string();
        let possessed = self.text(at + 1..src.end);
        // People only ("whose leaders", "whose attorneys"): a document or
        // a campaign ("whose new book") is the owner's, as before.
        let head = self.lower(src.end - 1);
        let people = self.pos[src.end - 1] == "NNS"
            && (ANONYMOUS_NOUNS.contains(&head)
                || descriptions::is_role_noun(head.trim_end_matches('s'))
                || matches!(head, "leaders" | "members" | "citizens" | "residents"));
        let noun_phrase = (at + 1..src.end)
            .all(|i| matches!(self.pos[i], "JJ" | "NN" | "NNS") && self.ents.covering(i).is_none());
        if !people || !noun_phrase {
            return None;
        }
        Some(self.named_draft(format!("{possessed} of {owner}"), SpeakerKind::Group))
    }

    /// `…, who said`: the noun phrase before the relative pronoun.
    pub(super) fn relative_antecedent(&mut self, k: usize, at: usize) -> Option<usize> {
        let sentence = self.doc.sentences[self.doc.sentence_of(at)].clone();
        let mut end = at;
        if end > sentence.tokens.start && self.doc.token_is(end - 1, ",") {
            end -= 1;
        }
        // "95 retired generals and admirals -- most of whom had announced
        // their support -- who cited …": an aside between dashes stands
        // between the relative pronoun and what it refers to.
        if end > sentence.tokens.start && crate::text::is_dash(self.doc.token_text(end - 1)) {
            if let Some(open) = (sentence.tokens.start..end - 1)
                .rev()
                .find(|&i| crate::text::is_dash(self.doc.token_text(i)))
            {
                end = open;
            }
        }
        if let Some((m, e)) = self.ents.ending_at(end).cloned() {
            // "nervous Democrats on Capitol Hill, who", "the mayor of
            // Chicago, who": a place or body after a preposition only
            // completes the phrase of people whose noun comes before it.
            if let Some(d) = self.people_before_preposition(at, &m, sentence.tokens.start, end) {
                return Some(d);
            }
            // "Democrats and Republicans, who": the names joined before.
            let joined = self.with_conjuncts_before(&m.tokens);
            if joined.start < m.tokens.start {
                if let Some(d) = self.coordination(&joined) {
                    return Some(d);
                }
            }
            return Some(self.entity_draft(e));
        }
        // "demonstrators here, who": a place adverb after the noun.
        if end > sentence.tokens.start + 1
            && matches!(self.lower(end - 1), "here" | "there")
            && self.pos[end - 2].starts_with("NN")
        {
            end -= 1;
        }
        // "Sen. Rob Portman this year, who", "data Monday morning that": a
        // time phrase between is no part of the antecedent.
        let time = |i: usize| crate::when::is_time_word(self.lower(i));
        if end > sentence.tokens.start && time(end - 1) {
            while end > sentence.tokens.start && time(end - 1) {
                end -= 1;
            }
            if end > sentence.tokens.start
                && matches!(
                    self.lower(end - 1),
                    "this" | "last" | "next" | "that" | "early" | "late"
                )
            {
                end -= 1;
            }
        }
        let mut start = self.noun_phrase_start(end, sentence.tokens.start);
        if start == end {
            return None;
        }
        // "95 retired generals and admirals, who": common nouns joined by
        // "and" are one group (names joined so are found above).
        let common_plural = |i: usize| {
            self.pos[i] == "NNS" && self.doc.token_text(i).starts_with(char::is_lowercase)
        };
        if start >= sentence.tokens.start + 2
            && matches!(self.lower(start - 1), "and" | "or")
            && common_plural(start - 2)
            && common_plural(end - 1)
        {
            start = self.noun_phrase_start(start - 1, sentence.tokens.start);
        }
        // "China and the United States, the world's two biggest polluters,
        // which": a description in apposition to names is theirs.
        if start > sentence.tokens.start + 1
            && self.pos[end - 1].starts_with("NN")
            && self.doc.token_is(start - 1, ",")
            && self.ents.mentions_within(start..end).next().is_none()
        {
            if let Some((m, e)) = self.ents.ending_at(start - 1).cloned() {
                let joined = self.with_conjuncts_before(&m.tokens);
                if joined.start < m.tokens.start {
                    if let Some(d) = self.coordination(&joined) {
                        return Some(d);
                    }
                }
                if m.class != MentionClass::Misc {
                    return Some(self.entity_draft(e));
                }
            }
        }
        if let Some((e, _)) = self.ents.mention_in(self.doc, start..end) {
            // "the Joe Biden administration": the name only modifies the head.
            let named_head = self.ents.mention_ending_at(end) == Some(e);
            if named_head {
                return Some(self.entity_draft(e));
            }
        }
        // A description resolves as a source would ("the Senate majority
        // leader, who" is the person the title names).
        self.speaker_of(k, start..end)
    }
}
