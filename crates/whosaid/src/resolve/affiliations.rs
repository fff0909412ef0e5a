//! Affiliations: the body a speaker's titles or description tie it to
//! ("Clinton campaign manager Robby Mook", "a White House official", "a
//! spokesman for the Clinton campaign").

use super::*;

impl Resolution<'_> {
    /// The affiliations of a person's titles, in the titles' order, each
    /// once.
    pub(super) fn affiliations_of_titles(&mut self, e: usize) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for span in self.ents.list[e].title_spans.clone() {
            // A body in the title ("NATO Secretary General"), else a name
            // right before it ("Clinton spokesman Nick Merrill").
            let found = self
                .affiliation_in(span.clone())
                .or_else(|| {
                    let (m, owner) = self.ents.ending_at(span.start).cloned()?;
                    let same_sentence =
                        self.doc.sentence_of(m.tokens.start) == self.doc.sentence_of(span.start);
                    same_sentence
                        .then(|| self.affiliation_of_mention(&m, owner))
                        .flatten()
                })
                .or_else(|| self.owner_in_possessive(&span))
                .or_else(|| self.unnamed_body_before_a_title(&span));
            if let Some(a) = found {
                if !out.iter().any(|x| x.eq_ignore_ascii_case(&a)) {
                    out.push(a);
                }
            }
        }
        if out.is_empty() {
            out.extend(self.body_after_name(e));
        }
        out
    }

    /// The body a person's name is tied to by a preposition right after
    /// it, where no title says so ("said Johnny Ryan of the Irish Council
    /// for Civil Liberties", "Jane Roe from the ACLU"): the first mention
    /// of the person followed by "of" or "from", maybe "the", then an
    /// organization's name. A place there ("Jane Roe of Springfield") is
    /// where the person lives, no body; "at" says where someone was
    /// ("Clinton at the State Department", "Trump at the Tampa Convention
    /// Center"), not whose they are.
    fn body_after_name(&self, e: usize) -> Option<String> {
        self.ents.mentions.iter().find_map(|(m, id)| {
            if *id != e {
                return None;
            }
            let mut k = m.tokens.end;
            let preposition = k < self.doc.tokens.len()
                && matches!(self.lower(k), "of" | "from")
                && !self.quotes.is_quoted(k);
            if !preposition {
                return None;
            }
            k += 1;
            if k < self.doc.tokens.len() && self.lower(k) == "the" {
                k += 1;
            }
            let (body, b) = self.ents.starting_at(k)?;
            let same_sentence = self.doc.sentence_of(body.tokens.start) == self.doc.sentence_of(k);
            // The name whole: a capitalized word after it says the tagger
            // cut it ("of the Virgin | Islands").
            let end = body.tokens.end;
            let cut = end < self.doc.tokens.len()
                && self.doc.tokens[end].kind == TokenKind::Word
                && self.doc.is_capitalized(end);
            (same_sentence && !cut && self.ents.list[*b].class == MentionClass::Organization)
                .then(|| self.ents.list[*b].name.clone())
        })
    }

    /// The body named in a title or description, by its first name that
    /// is one ([`Resolution::affiliation_of_mention`]). A name ending the
    /// tokens is the speaker's own unless a preposition ties it to the head
    /// ("a spokesman for Mr. Clinton", "a law professor at the University
    /// of Michigan").
    pub(super) fn affiliation_in(&mut self, r: Range<usize>) -> Option<String> {
        let found: Vec<(Mention, usize)> = self.ents.mentions_within(r.clone()).cloned().collect();
        // Whoever speaks for a place speaks for the institution it stands
        // for ("White House press secretary", "a Kremlin spokesman", "a
        // spokeswoman for the Pentagon"); a place in other titles is where
        // an office is ("Ohio Gov."), no body.
        let spokesperson = r.clone().find(|&i| {
            let press = i > r.start && self.lower(i - 1) == "press";
            is_spokesperson_noun(self.lower(i)) || (press && self.lower(i) == "secretary")
        });
        // The word before a mention inside the title, past a "the" ("for |
        // the Pentagon", "at | Charles Schwab").
        let doc = self.doc;
        let word_before = |m: &Mention| {
            let mut k = m.tokens.start;
            if k > r.start && doc.lower(k - 1) == "the" {
                k -= 1;
            }
            (k > r.start).then(|| doc.lower(k - 1))
        };
        // Before the noun ("Kremlin spokesman") or after "for" ("a
        // spokeswoman for the Pentagon"), not "in Baghdad".
        let speaks_for = |m: &Mention| {
            spokesperson.is_some_and(|at| m.tokens.end <= at || word_before(m) == Some("for"))
        };
        for (m, e) in found {
            if m.tokens.end == r.end
                && !self.after_preposition(m.tokens.start, &r)
                && !self.after_described_body(m.tokens.start, &r)
            {
                continue;
            }
            // A word between a title's words is the title's ("Chief
            // Financial Officer", the tagger reading "Financial" a body).
            let title_word = |i: usize| entities::is_title_noun(self.lower(i));
            if m.tokens.start > r.start
                && m.tokens.end < r.end
                && title_word(m.tokens.start - 1)
                && title_word(m.tokens.end)
            {
                continue;
            }
            // A name after "at" ending a title is where the person works,
            // whatever the tagger typed it ("chief fixed income strategist
            // at Charles Schwab", read as a place).
            let works_at = m.tokens.end == r.end && word_before(&m) == Some("at");
            if self.ents.list[e].class == MentionClass::Location && (speaks_for(&m) || works_at) {
                return Some(self.ents.list[e].name.clone());
            }
            if let Some(a) = self.affiliation_of_mention(&m, e) {
                return Some(a);
            }
        }
        self.described_body_after_preposition(&r)
            .or_else(|| self.described_body_before_spokesperson(&r))
    }

    /// The body a lowercase noun for a kind of body right before a
    /// spokesperson's noun refers back to ("An agency spokesperson" after
    /// the Food and Drug Administration, "a company spokeswoman"): the
    /// body "the agency" would be ([`Resolution::description_reference`]).
    fn described_body_before_spokesperson(&self, r: &Range<usize>) -> Option<String> {
        let at = (r.start + 2..r.end).find(|&i| is_spokesperson_noun(self.lower(i)))?;
        let (determiner, noun) = (at - 2, at - 1);
        let word = self.lower(noun);
        let described = matches!(self.lower(determiner), "a" | "an" | "the")
            && self.doc.token_text(noun).starts_with(char::is_lowercase)
            && self.pos[noun] == "NN"
            && super::body_kinds::is_body_noun(word);
        if !described {
            return None;
        }
        self.organization_described(determiner..noun + 1, word)
            .map(|x| x.name.clone())
    }

    /// The organization a description "the <noun>" over `r` (its
    /// determiner and noun) refers back to
    /// ([`Resolution::description_reference`]).
    fn organization_described(&self, r: Range<usize>, noun: &str) -> Option<&entities::Entity> {
        let words = ["the".to_string(), noun.to_string()];
        let e = self.description_reference(&r, &words)?;
        let x = &self.ents.list[e];
        (x.class == MentionClass::Organization).then_some(x)
    }

    /// The body whose title it is, named or described in the possessive at
    /// the title's start or right before it, where no mention holds the
    /// owner: "the company's chief executive", "The group's president,
    /// Daniel Cho" (the body the description refers back to), "Meta's
    /// president of global affairs" after "Meta Platforms" (an
    /// organization named before whose first word it is, which the entity
    /// tagger did not read as a name here).
    fn owner_in_possessive(&mut self, title: &Range<usize>) -> Option<String> {
        let possessive = |i: usize| entities::is_possessive(self.doc.token_text(i));
        if let Some(its) = [Some(title.start), title.start.checked_sub(1)]
            .into_iter()
            .flatten()
            .find(|&i| self.lower(i) == "its")
        {
            return self.body_before_its(its);
        }
        let at = if possessive(title.start) {
            title.start
        } else {
            title
                .start
                .checked_sub(1)
                .filter(|&i| possessive(i) && self.ents.covering(i).is_none())?
        };
        let owner = entities::strip_possessive(self.doc.token_text(at));
        if owner.starts_with(char::is_lowercase) {
            let the = at.checked_sub(1).filter(|&i| self.lower(i) == "the")?;
            let head = owner.to_lowercase();
            if head == "campaign" {
                return self.only_campaign();
            }
            let x = self.organization_described(the..at + 1, &head)?;
            // The latest body of a kind is too loose a referent for a
            // title ("the channel's head" is no group's): the body must
            // be named by the noun ("the committee's" the Republican
            // National Committee), or the noun say only that it is one or
            // that it is a business ("the automaker's chief executive",
            // which never crosses to a public body).
            let named_by_noun = x
                .name
                .split_whitespace()
                .any(|w| entities::strip_possessive(w).eq_ignore_ascii_case(&head));
            let business =
                super::body_kinds::body_kind(&head) == Some(super::body_kinds::BodyKind::Business);
            let fits = named_by_noun || business || OWNING_BODY_NOUNS.contains(&head.as_str());
            return fits.then(|| x.name.clone());
        }
        if !owner.starts_with(char::is_uppercase) || self.ents.covering(at).is_some() {
            return None;
        }
        // A person's name word is the person's ("Trump's attorney"), a
        // relation and no body, unless the title is at their campaign
        // ("Harris's campaign chair").
        let a_persons_name = self.ents.list.iter().any(|x| {
            x.class == MentionClass::Person && x.name.split_whitespace().any(|w| w == owner)
        });
        if a_persons_name {
            let campaign = self.lower(title.start) == "campaign";
            return campaign.then(|| format!("{owner} campaign"));
        }
        let before = self
            .ents
            .mentions
            .partition_point(|(m, _)| m.tokens.end <= at);
        self.ents.mentions[..before]
            .iter()
            .rev()
            .find_map(|&(_, e)| {
                let x = &self.ents.list[e];
                let first = x.name.split_whitespace().next()?;
                (x.class == MentionClass::Organization && first == owner).then(|| x.name.clone())
            })
    }

    /// The body "its" refers to before a title ("The British Medical
    /// Association said …. Its chair, Tom Dolphin, warned"): the latest
    /// name of a thing outside quotes in the sentences just before, when
    /// that is an organization's (a country's "its foreign minister"
    /// names no body) and no place's, or a later body a name's possessive
    /// names ("Ukraine's air force said …. Its spokesman").
    fn body_before_its(&self, its: usize) -> Option<String> {
        let sentence = self.doc.sentence_of(its);
        let floor = self.doc.sentences[sentence.saturating_sub(ITS_LOOKBACK_SENTENCES)]
            .tokens
            .start;
        let possessed = (floor..its)
            .rev()
            .filter(|&i| !self.quotes.is_quoted(i))
            .find_map(|i| self.body_of_a_possessive(i));
        let before = self
            .ents
            .mentions
            .partition_point(|(m, _)| m.tokens.end <= its);
        let named = self.ents.mentions[..before]
            .iter()
            .rev()
            .take_while(|(m, _)| m.tokens.start >= floor)
            .find(|(m, _)| {
                m.class != MentionClass::Person && !self.quotes.is_quoted(m.tokens.start)
            });
        let Some(&(ref m, e)) = named else {
            return possessed.map(|(_, body)| body);
        };
        // The subject of the sentence holding the latest name comes first
        // ("NetChoice, a trade group that counts Meta and Google among its
        // members, had sued. Its litigation director" is NetChoice's).
        let (m, e) = self.subject_body(m.tokens.start).unwrap_or((m, e));
        if let Some((at, body)) = possessed {
            if at >= m.tokens.start {
                return Some(body);
            }
        }
        // A name after "in" is where something is ("the host committee for
        // the gathering in Cleveland …, its president"): what "its" refers
        // to is no name.
        let place = m.tokens.start > 0
            && matches!(
                self.lower(m.tokens.start - 1),
                "in" | "at" | "from" | "near" | "outside"
            );
        let x = &self.ents.list[e];
        (x.class == MentionClass::Organization && !place).then(|| {
            let e = self.full_outlet_name(e);
            self.ents.list[e].name.clone()
        })
    }

    /// The organization named first in the sentence of token `at`, when
    /// its name opens the sentence (after "The" at most) outside quotes:
    /// the sentence's subject.
    fn subject_body(&self, at: usize) -> Option<(&entities::Mention, usize)> {
        let start = self.doc.sentences[self.doc.sentence_of(at)].tokens.start;
        let first = self
            .ents
            .mentions
            .partition_point(|(m, _)| m.tokens.start < start);
        let (m, e) = self.ents.mentions.get(first)?;
        let opens =
            m.tokens.start == start || (m.tokens.start == start + 1 && self.lower(start) == "the");
        let body = self.ents.list[*e].class == MentionClass::Organization;
        (opens && body && !self.quotes.is_quoted(m.tokens.start)).then_some((m, *e))
    }

    /// The body a capitalized name's possessive at token `i` names with
    /// common nouns after it ("Ukraine's air force", "Japan's central
    /// bank"), and where its name starts: up to three capitalized words
    /// ending at `i`, the possessive, then up to three lowercase
    /// adjectives and nouns ending in a noun for a body.
    fn body_of_a_possessive(&self, i: usize) -> Option<(usize, String)> {
        let capitalized =
            |k: usize| self.doc.tokens[k].kind == TokenKind::Word && self.doc.is_capitalized(k);
        if !capitalized(i) {
            return None;
        }
        let sentence = self.doc.sentences[self.doc.sentence_of(i)].tokens.clone();
        // The possessive inside the name's last token or a token of its own.
        let mut after = i + 1;
        if after < sentence.end && matches!(self.lower(after), "'s" | "’s") {
            after += 1;
        } else if !entities::is_possessive(self.doc.token_text(i)) {
            return None;
        }
        let mut end = after;
        while end < sentence.end
            && end - after < 3
            && matches!(self.pos[end], "JJ" | "NN" | "NNS")
            && self.doc.token_text(end).starts_with(char::is_lowercase)
        {
            end += 1;
        }
        let head = self.lower(end.checked_sub(1)?);
        let body = end > after
            && self.pos[end - 1].starts_with("NN")
            && (super::body_kinds::is_body_noun(head) || FORCE_NOUNS.contains(&head));
        if !body {
            return None;
        }
        let mut start = i;
        while start > sentence.start
            && i - start < 2
            && capitalized(start - 1)
            && self.pos[start - 1] != "DT"
        {
            start -= 1;
        }
        Some((start, self.text(start..end)))
    }

    /// Proper nouns right before a title held at a body that the entity
    /// tagger left unnamed ("Kremlin spokesman Dmitry Peskov" opening a
    /// sentence, "CenterPoint spokesperson Alicia Dixon", "NAACP president
    /// Derrick Johnson"): whoever speaks for or heads something names the
    /// body, so the words are its name. Up to three words tagged `NNP`, in
    /// the title's sentence; not a title's own words ("Former").
    fn unnamed_body_before_a_title(&mut self, title: &Range<usize>) -> Option<String> {
        let head = self.lower(title.end - 1);
        if !is_spokesperson_noun(head) && !BODY_ROLE_NOUNS.contains(&head) {
            return None;
        }
        // The title's own words before its head are lowercase ("campaign
        // spokesman", "executive director"): one with a name inside
        // ("former Mexican President") said its body already, or not.
        let lowercase = |i: usize| self.doc.token_text(i).starts_with(char::is_lowercase);
        if !(title.start..title.end - 1).all(lowercase) {
            return None;
        }
        let sentence = self.doc.sentences[self.doc.sentence_of(title.start)]
            .tokens
            .clone();
        let mut start = title.start;
        while start > sentence.start
            && title.start - start < MAX_BODY_WORDS
            && self.pos[start - 1] == "NNP"
            && self.doc.tokens[start - 1].kind == TokenKind::Word
            && self.doc.is_capitalized(start - 1)
            && !TITLE_OPENERS.contains(&self.lower(start - 1))
            && !self.lower(start - 1).starts_with("ex-")
        {
            start -= 1;
        }
        if start == title.start
            || self
                .ents
                .mentions_within(start..title.start)
                .next()
                .is_some()
        {
            return None;
        }
        let first = self.doc.tokens[start].start;
        let last = self.doc.tokens[title.start - 1].end;
        let words = entities::strip_possessive(&self.doc.text()[first..last]);
        // A person of the article named by surname speaks through their
        // campaign or in their own name ("Trump spokesperson").
        let person = self.ents.list.iter().position(|x| {
            x.class == MentionClass::Person && x.name.split_whitespace().last() == Some(words)
        });
        if let Some(e) = person {
            let m = Mention {
                tokens: start..title.start,
                class: MentionClass::Person,
            };
            return self.affiliation_of_mention(&m, e);
        }
        // A word opening the sentence is a name only if the article never
        // writes it in lowercase ("Family spokesman", "Campaign spokesman")
        // and it is no noun for a kind of body ("Party Chairman").
        if start == sentence.start && title.start - start == 1 {
            let lower = words.to_lowercase();
            let lowercase_elsewhere =
                (0..self.doc.tokens.len()).any(|i| self.doc.token_text(i) == lower);
            if lowercase_elsewhere || body_kinds::is_body_noun(&lower) {
                return None;
            }
        }
        // A place is where the office is ("US President"), no body: one
        // the article names, or a country's abbreviation.
        let place = COUNTRY_ABBREVIATIONS.contains(&words.to_lowercase().as_str())
            || self
                .ents
                .list
                .iter()
                .any(|x| x.class == MentionClass::Location && x.name == words);
        if place {
            return None;
        }
        Some(words.to_string())
    }

    /// The body a short lowercase description after "for", "at", "of" or
    /// "with" ending the tokens refers to ("a spokesperson for | the
    /// department", "analysts at the bank"): the organization named before
    /// that it stands for. A description with names or more words ("the
    /// Indiana state firefighters union") says which body itself.
    fn described_body_after_preposition(&self, r: &Range<usize>) -> Option<String> {
        let the = (r.start + 1..r.end).find(|&i| {
            self.lower(i) == "the" && matches!(self.lower(i - 1), "for" | "at" | "of" | "with")
        })?;
        let described = the..r.end;
        let plain = described.len() <= 3
            && described
                .clone()
                .all(|i| self.doc.token_text(i).starts_with(char::is_lowercase))
            && self.pos[r.end - 1] == "NN";
        if !plain {
            return None;
        }
        let words: Vec<String> = described
            .clone()
            .map(|i| self.lower(i).to_owned())
            .collect();
        let e = self.description_reference(&described, &words)?;
        let x = &self.ents.list[e];
        (x.class == MentionClass::Organization).then(|| x.name.clone())
    }

    /// The body a named mention stands for as an affiliation: an
    /// organization's name; for a person, their campaign when the article
    /// speaks of it ("Clinton spokesman", "Clinton’s campaign"), else the
    /// person; none for a person in the possessive before anything else
    /// (a relation: "Rutte’s predecessor") or for places and nationalities.
    fn affiliation_of_mention(&mut self, m: &Mention, e: usize) -> Option<String> {
        let x = &self.ents.list[e];
        match x.class {
            MentionClass::Organization => {
                let e = self.full_outlet_name(e);
                Some(self.ents.list[e].name.clone())
            }
            MentionClass::Person => {
                let name = x.name.clone();
                let surname = name.split_whitespace().last().unwrap_or(&name).to_string();
                let next_is_campaign =
                    m.tokens.end < self.doc.tokens.len() && self.lower(m.tokens.end) == "campaign";
                if next_is_campaign {
                    return Some(format!("{surname} campaign"));
                }
                if entities::is_possessive(self.doc.token_text(m.tokens.end - 1)) {
                    return None;
                }
                Some(if self.campaigns().contains(&surname.to_lowercase()) {
                    format!("{surname} campaign")
                } else {
                    name
                })
            }
            _ => None,
        }
    }

    /// Whether a body's description after a preposition comes right
    /// before the name at token `at` within `r` ("an analyst at the
    /// consultancy | Olimerca", "at the research firm | Kpler"): the name
    /// is the body's, not the speaker's.
    fn after_described_body(&self, at: usize, r: &Range<usize>) -> bool {
        let noun = at.checked_sub(1).filter(|&n| n > r.start);
        let Some(noun) = noun.filter(|&n| body_kinds::is_body_noun(self.lower(n))) else {
            return false;
        };
        let lowercase = |i: usize| self.doc.token_text(i).starts_with(char::is_lowercase);
        let mut i = noun;
        while i > r.start
            && noun - i < 3
            && lowercase(i - 1)
            && matches!(self.pos[i - 1], "NN" | "JJ")
        {
            i -= 1;
        }
        if i > r.start && matches!(self.lower(i - 1), "the" | "a" | "an") {
            i -= 1;
        }
        i > r.start && self.pos[i - 1] == "IN" && lowercase(noun)
    }

    /// Whether a preposition comes right before token `at` within `r`,
    /// honorifics and "the" aside.
    fn after_preposition(&self, at: usize, r: &Range<usize>) -> bool {
        let mut i = at;
        while i > r.start && {
            let w = self.lower(i - 1);
            w == "the" || is_honorific(w)
        } {
            i -= 1;
        }
        i > r.start && matches!(self.pos[i - 1], "IN" | "TO")
    }

    /// The campaign "the campaign" is, where the article speaks of one
    /// person's campaign only ("Clinton's campaign" … "the campaign's
    /// press secretary"): the person's, named by surname. Two people's
    /// campaigns, or one that is only "his" or "her" campaign, leave it
    /// open.
    fn only_campaign(&mut self) -> Option<String> {
        let words = self.campaigns().to_vec();
        // "his campaign" may be another person's than the one named.
        if words
            .iter()
            .any(|w| matches!(w.as_str(), "his" | "her" | "their"))
        {
            return None;
        }
        let mut named = self.ents.list.iter().filter_map(|x| {
            let surname = x.name.split_whitespace().last()?;
            (x.class == MentionClass::Person && words.contains(&surname.to_lowercase()))
                .then_some(surname)
        });
        let first = named.next()?;
        named
            .all(|other| other == first)
            .then(|| format!("{first} campaign"))
    }

    /// Lowercased words written right before "campaign" in the article,
    /// possessives stripped ("Trump’s campaign" → "trump").
    fn campaigns(&mut self) -> &[String] {
        let doc = self.doc;
        self.campaigns.get_or_insert_with(|| {
            let mut words: Vec<String> = (1..doc.tokens.len())
                .filter(|&i| doc.token_text(i).eq_ignore_ascii_case("campaign"))
                .map(|i| entities::strip_possessive(doc.token_text(i - 1)).to_lowercase())
                .collect();
            words.sort();
            words.dedup();
            words
        })
    }
}

/// Longest unnamed body read before a spokesperson's title.
const MAX_BODY_WORDS: usize = 3;

/// Titles held at a body (a company, a union, an advocacy group), whose
/// proper nouns before them name it ("NAACP president", "Acme chief
/// executive"). Offices of a state or a party ("governor", "senator",
/// "nominee") are not among them: a place or party word comes before those.
const BODY_ROLE_NOUNS: &[&str] = &[
    "analyst",
    "captain",
    "ceo",
    "chair",
    "chairman",
    "chairwoman",
    "chief",
    "coach",
    "cofounder",
    "co-founder",
    "director",
    "economist",
    "executive",
    "founder",
    "head",
    "manager",
    "president",
];

/// Nouns that say only that their referent is a body, so that "the
/// group's president" is the president of the body "the group" refers to,
/// whatever its name.
const OWNING_BODY_NOUNS: &[&str] = &[
    "agency",
    "bank",
    "company",
    "firm",
    "group",
    "organisation",
    "organization",
];

/// Countries' abbreviations, which the entity tagger does not always read
/// as places before a title ("US President").
const COUNTRY_ABBREVIATIONS: &[&str] = &["us", "u.s.", "usa", "u.s.a.", "uk", "u.k.", "uae"];

/// Words that open a title rather than end a name ("Former President").
const TITLE_OPENERS: &[&str] = &[
    "former", "then", "acting", "late", "ex", "outgoing", "incoming", "interim",
];

/// Whether a lowercased word names someone who speaks for a body.
fn is_spokesperson_noun(word: &str) -> bool {
    matches!(
        word,
        "spokesman" | "spokeswoman" | "spokesperson" | "spokesmen" | "spokeswomen"
    )
}

/// How many sentences back "its" before a title looks for its body
/// ([`Resolution::body_before_its`]).
const ITS_LOOKBACK_SENTENCES: usize = 2;

/// Heads of armed and security bodies, which speak through spokespeople
/// like agencies do ("Ukraine's air force said …. Its spokesman").
pub(super) const FORCE_NOUNS: &[&str] = &[
    "force", "forces", "army", "navy", "military", "police", "guard",
];
