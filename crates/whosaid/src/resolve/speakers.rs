//! Speakers: each source becomes a draft speaker — a named entity, a title
//! that refers to one, a description (anonymous when its head is a source
//! noun), or a pronoun's antecedent ([`super::pronouns`]).

use super::*;

impl Resolution<'_> {
    /// The draft for an entity, made on first use.
    pub(super) fn entity_draft(&mut self, e: usize) -> usize {
        let e = self.full_outlet_name(e);
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

    /// An outlet's short name ("Post", "Times") as the outlet named in
    /// full before it ("The New York Post"): a one-word name that is the
    /// last word of an earlier outlet's name. Other entities stay.
    fn full_outlet_name(&self, e: usize) -> usize {
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
        // A quantifier alone ("some", "others", "one", "those who …"):
        // unnamed people, named as such.
        let quantified = r.len() == 1 && QUANTIFIERS.contains(&&*self.lower(r.start));
        let singular_quantifier = quantified
            && matches!(
                words[0].as_str(),
                "one" | "another" | "someone" | "somebody" | "anyone" | "everyone" | "nobody"
            );
        let anonymous = ANONYMOUS_NOUNS.contains(&head.as_ref())
            || words
                .windows(2)
                .any(|w| w[0] == "familiar" && w[1] == "with")
            || unnamed
            || quantified;
        let person_noun = anonymous || entities::is_title_noun(&head);
        let kind = match (plural, person_noun) {
            _ if quantified && !singular_quantifier => SpeakerKind::Group,
            (true, _) => SpeakerKind::Group,
            (false, true) => SpeakerKind::Person,
            (false, false) => SpeakerKind::Organization,
        };
        // "China's" alone names China.
        let name = entities::strip_possessive(&self.text(r.clone())).to_string();
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
        // A source ending in a personal pronoun ("Thor he’d", "Despite
        // the movement we’ve"): the pronoun is the clause's subject.
        // Subject forms only: "people close to him" is not him.
        if words.len() > 1 {
            let last = entities::without_clitic(&words[words.len() - 1]);
            if matches!(last, "he" | "she" | "they" | "it" | "i" | "we" | "you") {
                return self.speaker_of(k, src.end - 1..src.end);
            }
        }
        // The words before a comma or relative clause ("he, who …",
        // "those who want"): a pronoun there is the source.
        let lead = words
            .iter()
            .skip(1)
            .position(|w| w == "," || RELATIVES.contains(&w.as_str()))
            .map_or(words.len(), |p| p + 1);
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
                return self.relative_antecedent(src.start);
            }
            if matches!(w, "i" | "we" | "you") {
                return None;
            }
            // "who’s" is a relative; other function words ("There’s",
            // "Let’s", "those") name no one by themselves.
            let bare = entities::without_clitic(w);
            if RELATIVES.contains(&bare) {
                return self.relative_antecedent(src.start);
            }
            if entities::is_function_word(w) && !QUANTIFIERS.contains(&bare) {
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
        // Only function words ("However", "For", "including", "with": an
        // extraction slip): no noun, pronoun, number or name, no speaker.
        // Quantifiers ("some", "many", "others") are unnamed groups.
        let nominal = src.clone().any(|i| {
            let tag = self.pos[i];
            tag.starts_with("NN") || tag.starts_with("PRP") || matches!(tag, "CD" | "FW")
        });
        let quantifier = words.iter().any(|w| QUANTIFIERS.contains(&w.as_str()));
        if !nominal && !quantifier && self.ents.mention_in(self.doc, src.clone()).is_none() {
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
        // The head of the noun phrase decides ("Clinton spokesman Nick
        // Merrill" is Merrill; "Clinton supporters" are supporters).
        if let Some(found) = self.head_of_phrase(&src) {
            return found;
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
        // A capitalized surname the entity tagger missed ("Rutte answered"),
        // or in the possessive ("Trump’s warning"): the one person named in
        // full with that last name.
        if let [w] = words.as_slice() {
            let w = &entities::strip_possessive(w).to_string();
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
        // A definite description of an organization named before ("the
        // commission", "The Post").
        if let Some(e) = self.description_reference(&src, &words) {
            return Some(self.entity_draft(e));
        }
        // A definite description of a person no title matches ("The GOP
        // nominee", "the Indiana governor"): news refers so to a prominent
        // person, the one named most often so far.
        if let Some(e) = self.prominent_person(&src, &words) {
            return Some(self.entity_draft(e));
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
    fn head_of_phrase(&mut self, src: &Range<usize>) -> Option<Option<usize>> {
        let end = self.phrase_end(src);
        let end = (src.start..end)
            .rev()
            .find(|&i| self.doc.tokens[i].kind != TokenKind::Punct)
            .map_or(src.start, |i| i + 1);
        let region = src.start..end;
        let mentions: Vec<(Mention, usize)> =
            self.ents.mentions_within(region.clone()).cloned().collect();
        // A document speaks for its author ("A Bloomberg poll", "a new
        // report by Politico", then "the poll"): the name in the phrase, the
        // name after "by"/"from", else the author of the last such document.
        let head_at = (region.start..region.end)
            .rev()
            .find(|&i| self.pos[i].starts_with("NN"));
        if let Some(head_at) = head_at.filter(|&i| DOCUMENT_NOUNS.contains(&&*self.lower(i))) {
            let head = self.lower(head_at).into_owned();
            // A platform carries a post, it does not write it.
            let platform =
                |e: usize| PLATFORMS.contains(&self.ents.list[e].name.to_lowercase().as_str());
            let named = mentions
                .iter()
                .rev()
                .find(|(m, e)| m.tokens.end <= head_at && !platform(*e))
                .map(|&(_, e)| e)
                .or_else(|| {
                    let by = end < src.end && matches!(&*self.lower(end), "by" | "from");
                    by.then(|| self.ents.mentions_within(end + 1..src.end).next())
                        .flatten()
                        .map(|&(_, e)| e)
                        .filter(|&e| !platform(e))
                });
            let author = match named {
                Some(e) => Some(self.entity_draft(e)),
                None if self.lower(src.start) == "the" => self
                    .documents
                    .iter()
                    .rev()
                    .find(|(noun, _)| *noun == head)
                    .map(|&(_, d)| d),
                None => None,
            };
            if let Some(d) = author {
                self.documents.push((head, d));
                return Some(Some(d));
            }
        }
        let last = mentions.last()?;
        let possessive =
            |m: &Mention| entities::is_possessive(self.doc.token_text(m.tokens.end - 1));
        let people: Vec<usize> = mentions
            .iter()
            .filter(|(m, _)| m.class == MentionClass::Person && !possessive(m))
            .map(|(_, e)| *e)
            .fold(Vec::new(), |mut v, e| {
                if !v.contains(&e) {
                    v.push(e);
                }
                v
            });
        let joined =
            (mentions[0].0.tokens.end..last.0.tokens.start).any(|i| self.lower(i) == "and");
        if people.len() >= 2 && joined {
            return Some(Some(self.group_draft(&people)));
        }
        if last.0.tokens.end == region.end && !possessive(&last.0) {
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
        let definite_title = self.lower(src.start) == "the"
            && head_at.is_some_and(|h| entities::is_title_noun(&self.lower(h)));
        if definite_title {
            return None;
        }
        modifies.then(|| Some(self.nominal_draft(src.clone())))
    }

    /// The organization or outlet a definite description refers back to:
    /// "the <…> <head>" whose head noun is a word of the name of one
    /// mentioned earlier ("The commission" → "Commission on Presidential
    /// Debates", "The Post" → "The New York Post"), the latest mentioned
    /// first. Words of people's names never match: "the president" is a
    /// title ([`Resolution::title_reference`]).
    fn description_reference(&self, src: &Range<usize>, words: &[String]) -> Option<usize> {
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
        self.ents.mentions[..before]
            .iter()
            .rev()
            .take(DESCRIPTION_LOOKBACK)
            .map(|&(_, e)| e)
            .find(|&e| {
                let x = &self.ents.list[e];
                x.class != MentionClass::Person
                    && x.name
                        .split_whitespace()
                        .any(|w| entities::strip_possessive(&w.to_lowercase()) == head)
            })
    }

    /// The person named most often before a definite singular description
    /// whose head is a person noun ("the nominee", "the businessman");
    /// ties go to the one named last. Only people named in full count.
    fn prominent_person(&self, src: &Range<usize>, words: &[String]) -> Option<usize> {
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

    /// Where a source's head noun phrase ends: at the first comma, bracket,
    /// dash, preposition or relative pronoun after its first token.
    fn phrase_end(&self, src: &Range<usize>) -> usize {
        (src.start + 1..src.end)
            .find(|&i| {
                matches!(self.doc.token_text(i), "," | "(" | "[" | "—" | "–")
                    || matches!(self.pos[i], "IN" | "TO" | "WDT" | "WP")
            })
            .unwrap_or(src.end)
    }

    /// The draft for several people named together, as one group.
    fn group_draft(&mut self, people: &[usize]) -> usize {
        let names: Vec<&str> = people
            .iter()
            .map(|&e| self.ents.list[e].name.as_str())
            .collect();
        let name = match names.split_last() {
            Some((last, [])) => last.to_string(),
            Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
            None => String::new(),
        };
        if let Some(d) = self
            .drafts
            .iter()
            .position(|d| d.entity.is_none() && d.kind == SpeakerKind::Group && d.name == name)
        {
            return d;
        }
        self.drafts.push(Draft {
            entity: None,
            name,
            kind: SpeakerKind::Group,
            anonymous: false,
            source_mentions: Vec::new(),
        });
        self.drafts.len() - 1
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

/// Nouns of documents, which speak for their authors (`SPEAKERS.md`: a
/// poll is its pollster, an ad its campaign, a report its authors).
const DOCUMENT_NOUNS: &[&str] = &[
    "poll",
    "polls",
    "survey",
    "surveys",
    "study",
    "report",
    "reports",
    "analysis",
    "ad",
    "ads",
    "advertisement",
    "commercial",
    "article",
    "story",
    "editorial",
    "op-ed",
    "memo",
    "letter",
    "statement",
    "release",
    "average",
    "database",
    "audit",
    "review",
    "filing",
    "complaint",
    "lawsuit",
    "tweet",
    "post",
    "video",
    "book",
    "paper",
    "spot",
    "clip",
];

/// How many named mentions before a definite description are searched for
/// the organization it refers to.
const DESCRIPTION_LOOKBACK: usize = 256;

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
