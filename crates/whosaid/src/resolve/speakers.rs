//! Speakers: each source becomes a draft speaker — a named entity, a title
//! that refers to one, a description (anonymous when its head is a source
//! noun), or a pronoun's antecedent ([`super::pronouns`]).

use super::*;

impl Resolution<'_> {
    /// The draft for an entity, made on first use.
    pub(super) fn entity_draft(&mut self, e: usize) -> usize {
        if let Some(d) = self.drafts.iter().position(|d| d.entity == Some(e)) {
            return d;
        }
        let x = &self.ents.list[e];
        let kind = match x.class {
            MentionClass::Person => SpeakerKind::Person,
            _ if is_media_name(&x.name) => SpeakerKind::Media,
            _ => SpeakerKind::Organization,
        };
        self.drafts.push(Draft {
            entity: Some(e),
            name: x.name.clone(),
            kind,
            anonymous: false,
            source_mentions: Vec::new(),
        });
        self.drafts.len() - 1
    }

    /// The draft for an unnamed description; indefinite singular ones ("a
    /// source") are each their own speaker, others merge by wording.
    pub(super) fn nominal_draft(&mut self, r: Range<usize>) -> usize {
        let words: Vec<String> = r
            .clone()
            .filter(|&i| self.doc.tokens[i].kind != TokenKind::Punct)
            .map(|i| self.lower(i).into_owned())
            .collect();
        // "a city official who asked not to be named", "A senior aide, who
        // spoke on condition of anonymity": the name is the noun phrase
        // before the clause; the clause still marks it anonymous.
        let unnamed = words.iter().any(|w| w == "anonymity" || w == "anonymously")
            || words.windows(3).any(|w| w == ["not", "to", "be"]);
        let r = match (r.start + 1..r.end).find(|&i| {
            self.doc.token_text(i) == "," || extract::RELATIVE_PRONOUNS.contains(&&*self.lower(i))
        }) {
            Some(cut) => r.start..cut,
            None => r,
        };
        let indefinite = words
            .first()
            .is_some_and(|w| matches!(w.as_str(), "a" | "an" | "one" | "another"));
        let head_at = (r.start..r.end)
            .rev()
            .find(|&i| self.doc.tokens[i].kind == TokenKind::Word)
            .unwrap_or(r.start);
        // The head noun: the last noun before a preposition ("a spokesman
        // for the campaign" → spokesman).
        let head_at = (r.start..r.end)
            .find(|&i| {
                i + 1 < r.end
                    && self.pos[i].starts_with("NN")
                    && matches!(self.pos[i + 1], "IN" | ",")
            })
            .unwrap_or(head_at);
        let head = self.lower(head_at);
        let plural =
            matches!(self.pos[head_at], "NNS" | "NNPS") || PRONOUNS_PLURAL.contains(&head.as_ref());
        let anonymous = ANONYMOUS_NOUNS.contains(&head.as_ref())
            || words
                .windows(2)
                .any(|w| w[0] == "familiar" && w[1] == "with")
            || unnamed;
        let person_noun = anonymous || entities::is_title_noun(&head);
        let kind = match (plural, person_noun) {
            (true, _) => SpeakerKind::Group,
            (false, true) => SpeakerKind::Person,
            (false, false) => SpeakerKind::Organization,
        };
        let name = self.text(r.clone());
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
        self.drafts.push(Draft {
            entity: None,
            name,
            kind,
            anonymous,
            source_mentions: Vec::new(),
        });
        self.drafts.len() - 1
    }

    pub(super) fn resolve_speakers(&mut self) {
        for k in 0..self.items.len() {
            let Some(src) = self.items[k].a.source.clone() else {
                continue;
            };
            let src = trim(self.doc, src);
            if src.is_empty() {
                continue;
            }
            let speaker = self.speaker_of(k, src.clone());
            if let Some(d) = speaker {
                self.drafts[d].source_mentions.push(src);
            }
            self.items[k].speaker = speaker;
        }
    }

    /// The speaker of attribution `k` whose source tokens are `src`.
    pub(super) fn speaker_of(&mut self, k: usize, src: Range<usize>) -> Option<usize> {
        let words: Vec<String> = src.clone().map(|i| self.lower(i).into_owned()).collect();
        // A pronoun alone.
        if words.len() == 1 {
            let w = words[0].as_str();
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
                return self.relative_antecedent(src.start);
            }
            if matches!(w, "i" | "we" | "you") {
                return None;
            }
        }
        // A lone determiner ("a", a tagging slip) names no one.
        if words
            .iter()
            .all(|w| matches!(w.as_str(), "a" | "an" | "the"))
        {
            return None;
        }
        // A relative clause as source ("Okafor, who voted against the
        // plan, said"): the speaker is what it modifies.
        if words.len() > 1
            && RELATIVES.contains(&words[0].as_str())
            && src.start > 0
            && self.doc.token_text(src.start - 1) == ","
        {
            return self.relative_antecedent(src.start);
        }
        // A named entity, not in the possessive.
        if let Some((e, m)) = self.ents.mention_in(self.doc, src.clone()) {
            // "a spokesman for the Clinton campaign": the name is an affiliation.
            let affiliation = matches!(
                words[0].as_str(),
                "a" | "an" | "one" | "two" | "three" | "several" | "some"
            ) && m.tokens.start > src.start;
            // "NATO Chief", "a White House official": an organization's
            // name modifying a title or a person noun.
            let last = words.last().map_or("", String::as_str);
            let modifier = m.class != MentionClass::Person
                && m.tokens.end < src.end
                && (entities::is_title_noun(last) || ANONYMOUS_NOUNS.contains(&last));
            if !affiliation && !modifier {
                return Some(self.entity_draft(e));
            }
        }
        // A capitalized surname the entity tagger missed ("Rutte answered"):
        // the one person named in full with that last name.
        if let [w] = words.as_slice() {
            let capitalized = self
                .doc
                .token_text(src.start)
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
            let mut people = self.ents.list.iter().enumerate().filter(|(_, x)| {
                x.class == MentionClass::Person && x.words.len() >= 2 && x.words.last() == Some(w)
            });
            if let (true, Some((e, _)), None) = (capitalized, people.next(), people.next()) {
                return Some(self.entity_draft(e));
            }
        }
        // A title alone ("NATO Chief", "the president").
        if let Some(e) = self.title_reference(&src, &words) {
            return Some(self.entity_draft(e));
        }
        Some(self.nominal_draft(src))
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
            .map(|w| entities::strip_possessive(w))
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
                .map(|w| entities::strip_possessive(&w.to_lowercase()).to_string())
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
