//! Drafts: the speakers sources become before they are merged — an
//! entity's (with its outlet's full name, a person for a place's name), a
//! description's ("Some Republican presidents", "unnamed people (“few”)",
//! anonymous when its head is a source noun), or one named outright.

use super::speakers::{is_people_word, QUANTIFIERS};
use super::*;

impl Resolution<'_> {
    /// The draft for an entity, made on first use.
    pub(super) fn entity_draft(&mut self, e: usize) -> usize {
        let e = self.full_outlet_name(e);
        let e = self.person_for_place_name(e);
        if let Some(d) = self.drafts.iter().position(|d| d.entity == Some(e)) {
            return d;
        }
        let x = &self.ents.list[e];
        let kind = match x.class {
            MentionClass::Person => SpeakerKind::Person,
            _ if is_media_name(&x.name) => SpeakerKind::Media,
            _ => SpeakerKind::Organization,
        };
        // One spelling of the apostrophe in people's names ("O’Neill" and
        // "O'Neill" are one person, stored and searched as "O'Neill").
        let mut name = if x.class == MentionClass::Person {
            x.name.replace('’', "'")
        } else {
            x.name.clone()
        };
        // An organization's acronym is named as the text spells it out
        // ("the S.E.C." → "Securities and Exchange Commission"); outlets go
        // by their acronyms ("CNN", "RT").
        if kind == SpeakerKind::Organization {
            let full = entities::acronyms::acronym_letters(&name)
                .and_then(|letters| entities::acronyms::expansion_in_text(self.doc, &letters));
            if let Some(full) = full {
                name = entities::display_name(self.doc, full);
            }
        }
        let affiliations = if x.class == MentionClass::Person {
            self.affiliations_of_titles(e)
        } else {
            Vec::new()
        };
        self.drafts.push(Draft {
            entity: Some(e),
            name,
            kind,
            anonymous: false,
            source_mentions: Vec::new(),
            affiliations,
        });
        self.drafts.len() - 1
    }

    /// A one-word place that speaks and is the surname of a person named
    /// in full ("Trump says" tagged a place): that person, the most
    /// mentioned one when several share it. Other entities stay.
    fn person_for_place_name(&self, e: usize) -> usize {
        let x = &self.ents.list[e];
        if x.class != MentionClass::Location || x.words.len() != 1 {
            return e;
        }
        x.words
            .first()
            .and_then(|w| self.principal_named(w, None))
            .unwrap_or(e)
    }

    /// An outlet's short name ("Post", "Times") as the outlet named in
    /// full before it ("The New York Post"): a one-word name that is the
    /// last word of an earlier outlet's name. Other entities stay.
    pub(super) fn full_outlet_name(&self, e: usize) -> usize {
        let x = &self.ents.list[e];
        if x.class == MentionClass::Person || x.name.split_whitespace().count() != 1 {
            return e;
        }
        let first = x.mentions.iter().map(|m| m.start).min().unwrap_or(0);
        self.outlets
            .get(&x.name.to_lowercase())
            .and_then(|outlets| {
                outlets
                    .iter()
                    .filter(|&&(start, _)| start < first)
                    .max()
                    .map(|&(_, id)| id)
            })
            .unwrap_or(e)
    }

    /// Whether a time phrase opens at token `i`: a preposition or "this",
    /// "last", "next" before a year, a month, a weekday or a noun of time
    /// ("in 2001", "on Monday", "last week", "this month").
    fn time_phrase_at(&self, i: usize) -> bool {
        let opens =
            self.pos[i] == "IN" || matches!(self.lower(i), "this" | "last" | "next" | "earlier");
        if !opens || i + 1 >= self.doc.tokens.len() {
            return false;
        }
        let word = self.lower(i + 1);
        let year = word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit());
        year || crate::when::is_time_word(word)
    }

    /// Whether token `i` opens a restrictive relative clause ("who",
    /// "that", no comma before it) after a plural noun.
    fn restrictive_clause_of_group(&self, i: usize) -> bool {
        i > 0
            && matches!(self.lower(i), "who" | "that")
            && matches!(self.pos[i - 1], "NNS" | "NNPS")
    }

    /// The draft for an unnamed description; indefinite singular ones ("a
    /// source") are each their own speaker, others merge by wording.
    pub(super) fn nominal_draft(&mut self, r: Range<usize>) -> usize {
        let words: Vec<String> = r
            .clone()
            .filter(|&i| self.doc.tokens[i].kind != TokenKind::Punct)
            .map(|i| self.lower(i).to_owned())
            .collect();
        // "a city official who asked not to be named", "A senior aide, who
        // spoke on condition of anonymity": the name is the noun phrase
        // before the clause; the clause still marks it anonymous.
        let unnamed = withholds_the_name(&words);
        let cut = (r.start + 1..r.end).find(|&i| {
            self.doc.token_is(i, ",")
                || extract::RELATIVE_PRONOUNS.contains(&self.lower(i))
                // "his aides haven't": a finite verb or adverb ends the
                // name; a participle ("people involved in …") is part of it.
                || (self.modifier_after_noun(i) && !matches!(self.pos[i], "VBN" | "VBG"))
                // "an arbitration panel in 2001", "a poll this month": a
                // time phrase is when, not who.
                || self.time_phrase_at(i)
        });
        // "Surety companies that had insured the mine": a restrictive
        // relative clause after a plural noun says which people the group
        // is, and the article's description names a group (`SPEAKERS.md`),
        // up to a comma; the noun before it is still the head.
        let named = match cut {
            Some(c) if self.restrictive_clause_of_group(c) => {
                let mut end = (c..r.end)
                    .find(|&i| self.doc.token_is(i, ","))
                    .unwrap_or(r.end);
                // "witnesses who relayed the story but": no loose end.
                while end > c + 2 && matches!(self.pos[end - 1], "CC" | "IN" | "DT" | "TO") {
                    end -= 1;
                }
                r.start..end
            }
            Some(c) => r.start..c,
            None => r.clone(),
        };
        let r = cut.map_or(r.clone(), |c| r.start..c);
        let indefinite = words
            .first()
            .is_some_and(|w| matches!(w.as_str(), "a" | "an" | "one" | "another"));
        let head_at = (r.start..r.end)
            .rev()
            .find(|&i| self.doc.tokens[i].kind == TokenKind::Word)
            .unwrap_or(r.start);
        // The head noun: the last noun before a preposition ("a spokesman
        // for the campaign" → spokesman, "advisers to Mr. Obama" →
        // advisers), not one inside a name ("A Department of Health
        // spokesperson").
        let head_at = (r.start..r.end)
            .find(|&i| {
                i + 1 < r.end
                    && self.pos[i].starts_with("NN")
                    && ((matches!(self.pos[i + 1], "IN" | "TO" | ",")
                        && self.ents.covering(i + 1).is_none())
                        // "a person familiar with …", "people close to …"
                        || matches!(self.lower(i + 1), "familiar" | "close"))
            })
            .unwrap_or(head_at);
        let head = self.lower(head_at);
        // A sentence's first word may be tagged a proper noun ("Experts
        // on …"): its plural ending still says it.
        let first_of_sentence = head_at
            == self.doc.sentences[self.doc.sentence_of(head_at)]
                .tokens
                .start;
        let plural = matches!(self.pos[head_at], "NNS" | "NNPS")
            || PRONOUNS_PLURAL.contains(&head)
            || (first_of_sentence
                && self.pos[head_at] == "NNP"
                && head.ends_with('s')
                && !head.ends_with("ss"));
        // A quantifier alone ("some", "others", "one", "those who …"), or
        // hedged ("Not everyone", "almost everyone", "no one"): unnamed
        // people, named as such.
        let core: Vec<String> = r
            .clone()
            .filter(|&i| self.doc.tokens[i].kind != TokenKind::Punct)
            .map(|i| self.lower(i).to_owned())
            .skip_while(|w| HEDGES.contains(&w.as_str()))
            .collect();
        let core: Vec<&str> = core.iter().map(String::as_str).collect();
        let quantified =
            matches!(core.as_slice(), [w] if QUANTIFIERS.contains(w)) || core == ["no", "one"];
        let singular_quantifier = quantified
            && matches!(
                core[0],
                "one"
                    | "another"
                    | "someone"
                    | "somebody"
                    | "anyone"
                    | "everyone"
                    | "nobody"
                    | "no"
            );
        // "Nearly half", "two-thirds of voters", "three in five": a share
        // of people.
        let share = core.first().is_some_and(|w| SHARES.contains(w))
            || (core.len() > 2
                && (core[0].chars().all(|c| c.is_ascii_digit())
                    || crate::when::SMALL_NUMBERS.contains(&core[0]))
                && matches!(core[1], "in" | "out" | "of"));
        // A document whose author the article does not give ("The
        // statement said", no issuer named; "Polls show") is an unnamed
        // source, not a body called "The statement" (a store would file
        // every such article's statements under that one name).
        // A capitalized word after the first or a possessive may name the
        // author the entity tagger missed ("The Post-SurveyMonkey poll",
        // "Hoff’s letter").
        let unauthored = self.is_document_noun_at(head_at)
            && self.ents.mentions_within(r.clone()).next().is_none()
            && !r.clone().any(|i| {
                let word = self.doc.token_text(i);
                entities::is_possessive(word)
                    || (i > r.start && word.starts_with(char::is_uppercase))
            });
        let anonymous = ANONYMOUS_NOUNS.contains(&head)
            || unauthored
            || words
                .windows(2)
                .any(|w| w[0] == "familiar" && w[1] == "with")
            || unnamed
            || quantified
            // "people close to him", "those close to the campaign"
            || words.windows(2).any(|w| w[0] == "close" && w[1] == "to");
        // A party or nationality heading it ("One Republican") is a person.
        let misc_head = self.ents.covering(head_at).is_some_and(|(m, _)| {
            m.class == MentionClass::Misc && m.tokens.len() == 1 && is_people_word(head)
        });
        let person_noun = (anonymous && !unauthored)
            || descriptions::is_role_noun(head)
            || PERSON_NOUNS.contains(&head)
            || entities::agent_by_ending(self.doc.token_text(head_at))
            || misc_head;
        // "One of the officials", "one of his senior aides": one person
        // of the group the plural names.
        let one_of_people = person_noun && matches!(core.as_slice(), ["one", "of", _, ..]);
        let kind = match (plural, person_noun) {
            _ if one_of_people => SpeakerKind::Person,
            _ if quantified && !singular_quantifier => SpeakerKind::Group,
            _ if share => SpeakerKind::Group,
            (true, _) => SpeakerKind::Group,
            (false, true) => SpeakerKind::Person,
            (false, false) => SpeakerKind::Organization,
        };
        // A person the text does not name is an unnamed one (`SPEAKERS.md`:
        // "the announcer", "a friend", "one Republican").
        let anonymous = anonymous || kind == SpeakerKind::Person;
        // "China's" alone names China.
        let name = entities::strip_possessive(&self.text(named)).to_string();
        let name = match (quantified, singular_quantifier) {
            (true, true) => format!("unnamed person (“{name}”)"),
            (true, false) => format!("unnamed people (“{name}”)"),
            _ => name,
        };
        let key = words.join(" ");
        if !indefinite {
            let existing = self
                .drafts
                .iter()
                .position(|d| d.entity.is_none() && d.name.to_lowercase() == key && d.kind == kind);
            if let Some(d) = existing {
                return d;
            }
        }
        // People and groups have affiliations; a document's author is no
        // affiliation of the document ("a New York Times poll").
        let affiliations = match kind {
            SpeakerKind::Person | SpeakerKind::Group => {
                self.affiliation_in(r.clone()).into_iter().collect()
            }
            _ => Vec::new(),
        };
        self.drafts.push(Draft {
            entity: None,
            name,
            kind,
            anonymous,
            source_mentions: Vec::new(),
            affiliations,
        });
        self.drafts.len() - 1
    }

    /// The draft without an entity that has this name and kind, made on
    /// first use (one group or campaign however often it speaks).
    pub(super) fn named_draft(&mut self, name: String, kind: SpeakerKind) -> usize {
        if let Some(d) = self
            .drafts
            .iter()
            .position(|d| d.entity.is_none() && d.kind == kind && d.name == name)
        {
            return d;
        }
        self.drafts.push(Draft {
            entity: None,
            name,
            kind,
            anonymous: false,
            source_mentions: Vec::new(),
            affiliations: Vec::new(),
        });
        self.drafts.len() - 1
    }
}

/// Words that hedge a quantifier or a share ("Not everyone", "almost
/// half"): the phrase is still unnamed people.
const HEDGES: &[&str] = &[
    "not",
    "almost",
    "nearly",
    "virtually",
    "about",
    "roughly",
    "only",
    "just",
];

/// Words for a share of people ("half", "two-thirds").
const SHARES: &[&str] = &[
    "half",
    "third",
    "two-thirds",
    "one-third",
    "quarter",
    "three-quarters",
    "majority",
    "minority",
];

/// Whether a source's lowercased words say the article withholds its
/// speaker's name ("who spoke on condition of anonymity", "who asked not
/// to be named", "speaking anonymously").
pub(super) fn withholds_the_name(words: &[String]) -> bool {
    words.iter().any(|w| w == "anonymity" || w == "anonymously")
        || words.windows(3).any(|w| w == ["not", "to", "be"])
}
