//! Documents that speak for their authors (`SPEAKERS.md`: a poll is its
//! pollster, an ad its campaign, a report its authors): "A Bloomberg
//! poll", "a new report by Politico", "her account", then "the poll".

use super::speakers::is_people_word;
use super::*;

impl Resolution<'_> {
    /// Whether the word at `at` is a noun of a document, which speaks for
    /// its author ([`DOCUMENT_NOUNS`]).
    pub(super) fn is_document_noun_at(&self, at: usize) -> bool {
        DOCUMENT_NOUNS.contains(&self.lower(at))
    }

    /// The author of a source whose head noun (at `head_at`) is a
    /// document: the name in its phrase, the name after "by"/"from", the
    /// owner of "her account", the author of the last document of that
    /// noun, or one the article names before or, in its opening, after.
    /// Each author found is remembered for "the <noun>" later.
    pub(super) fn document_author(
        &mut self,
        k: usize,
        src: &Range<usize>,
        region: &Range<usize>,
        mentions: &[(Mention, usize)],
        head_at: usize,
    ) -> Option<usize> {
        // A document noun after a preposition inside a name is a word of
        // the name, whose head came before ("the Roper Center for Public
        // Opinion Research"); "Suffolk University Poll" is a poll.
        let in_a_name = self
            .ents
            .covering(head_at)
            .is_some_and(|(m, _)| (m.tokens.start + 1..head_at).any(|i| self.pos[i] == "IN"));
        if !self.is_document_noun_at(head_at) || in_a_name {
            return None;
        }
        let end = region.end;
        let head = self.lower(head_at).to_owned();
        // A platform carries a post, it does not write it.
        let platform =
            |e: usize| PLATFORMS.contains(&self.ents.list[e].name.to_lowercase().as_str());
        // "research conducted by the Center for …", "The report,
        // published by the Institute for Fiscal Studies,": the participle
        // the phrase ended at, after a comma or not, leads to "by".
        let participle = if end < src.end && self.doc.token_is(end, ",") {
            end + 1
        } else {
            end
        };
        // A time phrase may stand between ("data released Tuesday by the
        // National Association of Realtors", "a report published last week
        // by …").
        let after_time = |from: usize| {
            let mut i = from;
            while i < src.end
                && i - from < 3
                && (crate::when::is_time_word(self.lower(i))
                    || matches!(self.lower(i), "on" | "last" | "this" | "earlier"))
            {
                i += 1;
            }
            i
        };
        let by_at = match after_time(participle + 1) {
            at if at < src.end
                && self.pos[participle] == "VBN"
                && matches!(self.lower(at), "by" | "from") =>
            {
                at
            }
            _ => end,
        };
        let by = (by_at < src.end && matches!(self.lower(by_at), "by" | "from"))
            .then_some(by_at + 1..src.end);
        let named_before = mentions
            .iter()
            .rev()
            .find(|(m, e)| m.tokens.end <= head_at && !platform(*e))
            .map(|&(_, e)| e);
        // "a study by Harvard and the University of California": the
        // authors together.
        if let (None, Some(by)) = (named_before, &by) {
            if let Some(d) = self.coordination(by) {
                self.documents.push((head, d));
                return Some(d);
            }
        }
        let named = named_before.or_else(|| {
            // "A study by Loyola Law School professor Justin Levitt": a
            // person named there is the author.
            let after: Vec<&(Mention, usize)> = match &by {
                Some(by) => self.ents.mentions_within(by.clone()).collect(),
                None => Vec::new(),
            };
            after
                .iter()
                .find(|(m, _)| m.class == MentionClass::Person)
                .or(after.first())
                .map(|&&(_, e)| e)
                .filter(|&e| !platform(e))
                // "a statement from the company": the body the description
                // refers back to, when its noun is one for a kind of body
                // ("reports from the convention" come from an event).
                .or_else(|| {
                    let by = by.as_ref()?;
                    let by = by.start..self.phrase_end(by);
                    let words: Vec<String> = by.clone().map(|i| self.lower(i).to_owned()).collect();
                    if !super::body_kinds::is_body_noun(words.last()?) {
                        return None;
                    }
                    self.description_reference(&by, &words)
                })
        });
        let definite = self.lower(src.start) == "the";
        // "her account", "their report": the owner, resolved as the
        // pronoun would be.
        // "a post on his Truth Social account", "a video on her channel":
        // the owner of where the document was put is its author.
        let owner_at = if head_at + 2 < src.end
            && matches!(self.lower(head_at + 1), "on" | "in")
            && matches!(self.lower(head_at + 2), "his" | "her" | "their" | "its")
        {
            head_at + 2
        } else {
            region.start
        };
        let owner = if named.is_none() {
            match self.lower(owner_at) {
                "his" => self.antecedent_person(k, owner_at, Gender::Male),
                "her" => self.antecedent_person(k, owner_at, Gender::Female),
                "their" => self.antecedent_group(k, owner_at, false),
                "its" => self.antecedent_group(k, owner_at, true),
                // "the company's statement", "the central bank's report":
                // the body the owner refers back to.
                "the" => self.described_owner(region.start..head_at),
                _ => None,
            }
        } else {
            None
        };
        let author = match named {
            _ if owner.is_some() => owner,
            Some(e) => Some(self.entity_draft(e)),
            None if definite => {
                // The nearest earlier document of the kind, when a name
                // comes with it ("A new ad from the Trump campaign …
                // The ad"), else the author of the last one a source
                // named, else any named before.
                let nearest = (0..src.start)
                    .rev()
                    .find(|&i| self.is_document_noun(i, &head));
                let known = nearest.and_then(|i| {
                    self.campaign_after_noun(k, i)
                        .or_else(|| self.author_at_noun(i).map(|e| self.entity_draft(e)))
                        // "Gowdy said in a statement. … The statement": the
                        // speaker of the cue the noun is part of.
                        .or_else(|| self.speaker_of_cue_at(i))
                });
                let known = known.or_else(|| {
                    self.documents
                        .iter()
                        .rev()
                        .find(|(noun, _)| same_kind(noun, &head))
                        .map(|&(_, d)| d)
                });
                match known {
                    Some(d) => Some(d),
                    None => self
                        .author_named_before(src.start, &head)
                        .map(|e| self.entity_draft(e)),
                }
            }
            // "In a statement, the union said": the clause's subject.
            None if src.start > 0 && self.lower(src.start - 1) == "in" => {
                self.subject_after(src.end).map(|e| self.entity_draft(e))
            }
            // A headline's or lead's document is the one the article
            // goes on to name ("Poll: …", "A new poll shows …", then "a
            // new Bloomberg poll found").
            None if self.paragraph_of(src.start) <= 1 => self
                .author_named_later(src.end, &head)
                .map(|e| self.entity_draft(e)),
            None => None,
        };
        let d = author?;
        self.documents.push((head, d));
        Some(d)
    }

    /// The draft of the body a possessive description before a document
    /// noun refers back to ("the company's | statement"): the phrase up
    /// to a lowercase possessive, resolved as "the company" would be.
    fn described_owner(&mut self, before_noun: Range<usize>) -> Option<usize> {
        let owner_end = before_noun.clone().rev().find(|&i| {
            let t = self.doc.token_text(i);
            entities::is_possessive(t) && t.starts_with(char::is_lowercase)
        })? + 1;
        let owner = before_noun.start..owner_end;
        let words: Vec<String> = owner.clone().map(|i| self.lower(i).to_owned()).collect();
        let e = self.description_reference(&owner, &words)?;
        Some(self.entity_draft(e))
    }

    /// The narrator of a first-person article: the one person its byline
    /// names ([`byline_person`]), the article's entity of that name when
    /// it has one.
    pub(super) fn narrator(&mut self) -> Option<usize> {
        let name = byline_person(self.info.byline.as_deref()?)?;
        let words: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
        let named = self.ents.list.iter().position(|x| {
            x.class == MentionClass::Person
                && x.words.first() == words.first()
                && x.words.last() == words.last()
        });
        Some(match named {
            Some(e) => self.entity_draft(e),
            None => self.named_draft(name, SpeakerKind::Person),
        })
    }

    /// The author named with the latest earlier mention of a document
    /// noun ("a Times article", then "the article"): the name right
    /// before it, a word or two of description between them allowed, or
    /// the subject of a clause it opens ("In a statement, the union
    /// said", then "The statement").
    fn author_named_before(&self, from: usize, noun: &str) -> Option<usize> {
        (0..from)
            .rev()
            .filter(|&i| self.is_document_noun(i, noun))
            .find_map(|i| self.author_at_noun(i))
    }

    /// The speaker already found for the attribution whose cue holds token
    /// `i` after "in" ("said in a statement", "wrote in an emailed
    /// statement"): the document is that speaker's. A document the cue acts
    /// on ("filed a lawsuit against") is not theirs to speak through.
    fn speaker_of_cue_at(&self, i: usize) -> Option<usize> {
        let within = (i.saturating_sub(3)..i).any(|j| self.lower(j) == "in");
        if !within {
            return None;
        }
        self.items
            .iter()
            .find(|item| item.a.cue.contains(&i))
            .and_then(|item| item.speaker)
    }

    /// The campaign after "by"/"from" that follows the document noun at
    /// `at` ("a new ad from Donald Trump’s presidential campaign"): the
    /// campaign, not its candidate.
    fn campaign_after_noun(&mut self, k: usize, at: usize) -> Option<usize> {
        let start = self.after_by(at)?;
        let sentence_end = self.doc.sentences[self.doc.sentence_of(at)].tokens.end;
        self.campaign_of(k, &(start..sentence_end))
    }

    /// The token after "by" or "from" right after the document noun at
    /// `at`, if the noun is followed so ("a web video by …").
    fn after_by(&self, at: usize) -> Option<usize> {
        let by = at + 1;
        (by + 1 < self.doc.tokens.len() && matches!(self.lower(by), "by" | "from"))
            .then_some(by + 1)
    }

    /// Whether token `i` is a document noun of the same kind as `noun`.
    fn is_document_noun(&self, i: usize, noun: &str) -> bool {
        self.pos[i].starts_with("NN") && same_kind(self.lower(i), noun)
    }

    /// The author named with the document noun at `i`: before it, after
    /// it with "by"/"from", as the subject of the verb that issued it, or
    /// as the subject of the clause "In a statement," opens.
    fn author_at_noun(&self, i: usize) -> Option<usize> {
        self.author_before_noun(i)
            .or_else(|| self.author_after_noun(i))
            .or_else(|| self.issuer_of_noun(i))
            .or_else(|| {
                (i >= 2 && self.lower(i - 2) == "in")
                    .then(|| self.subject_after(i + 1))
                    .flatten()
            })
    }

    /// The subject of the verb that issued the document noun at `at`
    /// ("The White House issued a statement", "A coalition of unions sent
    /// an open letter", "The ministry has released its annual report"):
    /// the name that ends right before the verb, its auxiliaries and
    /// adverbs, opening its clause. Not a language or nationality.
    fn issuer_of_noun(&self, at: usize) -> Option<usize> {
        // The noun's own determiner and modifiers ("a joint", "its
        // 40-page annual").
        let mut verb = at;
        while verb > 0
            && at - verb < 4
            && matches!(
                self.pos[verb - 1],
                "DT" | "JJ" | "PRP$" | "CD" | "NN" | "HYPH"
            )
        {
            verb -= 1;
        }
        if verb == 0 || verb == at || !ISSUING_VERBS.contains(&self.lower(verb - 1)) {
            return None;
        }
        let mut end = verb - 1;
        while end > 0
            && (matches!(self.pos[end - 1], "RB" | "MD")
                || matches!(
                    self.lower(end - 1),
                    "has" | "have" | "had" | "also" | "just"
                ))
        {
            end -= 1;
        }
        let (m, e) = self.ents.ending_at(end)?;
        let sentence = self.doc.sentences[self.doc.sentence_of(at)].tokens.start;
        let opens = m.tokens.start == sentence
            || (m.tokens.start == sentence + 1 && self.lower(sentence) == "the")
            || (m.tokens.start > sentence
                && matches!(self.doc.token_text(m.tokens.start - 1), "," | ";" | "and"));
        (opens && m.class != MentionClass::Misc && !self.quotes.is_quoted(m.tokens.start))
            .then_some(*e)
    }

    /// The name after "by" or "from" right after the document noun at
    /// `at` ("A web video by the Republican National Committee", "a new
    /// ad from Donald Trump’s campaign"): a person or body, never a
    /// platform (a person's campaign is [`Self::campaign_after_noun`]'s).
    fn author_after_noun(&self, at: usize) -> Option<usize> {
        let mut start = self.after_by(at)?;
        if self.lower(start) == "the" {
            start += 1;
        }
        let (m, e) = self.ents.starting_at(start)?;
        let x = &self.ents.list[*e];
        let author = m.class != MentionClass::Location
            && m.class != MentionClass::Misc
            && !PLATFORMS.contains(&x.name.to_lowercase().as_str());
        author.then_some(*e)
    }

    /// The name that ends right before the document noun at `at`, or one
    /// or two lowercase words before it ("Reuters/Ipsos opinion poll"):
    /// a person or organization, never a platform.
    fn author_before_noun(&self, at: usize) -> Option<usize> {
        let mut end = at;
        for _ in 0..3 {
            if let Some((m, e)) = self.ents.ending_at(end) {
                // Authors are people and bodies: not a language or a
                // nationality ("a Spanish-language ad"), nor a place.
                let x = &self.ents.list[*e];
                let text = self.doc.token_text(m.tokens.end - 1);
                let people_or_language = m.class == MentionClass::Misc
                    && (is_people_word(&text.to_lowercase())
                        || text
                            .split('-')
                            .skip(1)
                            .any(|p| p.starts_with(char::is_lowercase)));
                let author = m.class != MentionClass::Location
                    && !people_or_language
                    && !PLATFORMS.contains(&x.name.to_lowercase().as_str());
                return author.then_some(*e);
            }
            if end == 0 || !self.doc.token_text(end - 1).starts_with(char::is_lowercase) {
                return None;
            }
            end -= 1;
        }
        None
    }

    /// The first name after a comma that follows `from`, in the same
    /// sentence and outside quotes: the subject a fronted phrase ("In a
    /// statement announcing the pick,") leads to.
    fn subject_after(&self, from: usize) -> Option<usize> {
        let sentence = self.doc.sentences[self.doc.sentence_of(from.saturating_sub(1))]
            .tokens
            .clone();
        let comma = (from..sentence.end).find(|&i| self.doc.token_is(i, ","))?;
        let (m, e) = self.ents.mentions_within(comma + 1..sentence.end).next()?;
        let lead_ok = (comma + 1..m.tokens.start).all(|i| matches!(self.lower(i), "the"));
        (lead_ok && !self.quotes.is_quoted(m.tokens.start)).then_some(*e)
    }

    /// The organization named right before the first later mention of a
    /// document noun ("Bloomberg poll"), within the article's opening
    /// ([`AUTHOR_LOOKAHEAD`] tokens); platforms never author.
    fn author_named_later(&self, from: usize, noun: &str) -> Option<usize> {
        let end = (from + AUTHOR_LOOKAHEAD).min(self.doc.tokens.len());
        (from + 1..end)
            .filter(|&i| self.lower(i) == noun)
            .find_map(|i| self.author_before_noun(i))
            .filter(|&e| self.ents.list[e].class != MentionClass::Person)
    }
}

/// Verbs by which a body or a person puts out a document
/// ([`Resolution::issuer_of_noun`]).
const ISSUING_VERBS: &[&str] = &[
    "issued",
    "issues",
    "released",
    "releases",
    "published",
    "publishes",
    "sent",
    "sends",
    "posted",
    "posts",
    "circulated",
    "distributed",
    "unveiled",
    "filed",
    "files",
];

/// Nouns of documents, which speak for their authors (`SPEAKERS.md`: a
/// poll is its pollster, an ad its campaign, a report its authors).
const DOCUMENT_NOUNS: &[&str] = &[
    "research",
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
    "brief",
    "account",
    "memoir",
    "testimony",
    "submission",
    "remarks",
    "comments",
    "speech",
    "interview",
    "ruling",
    "affidavit",
    "petition",
    "data",
    "statistics",
    "records",
];

/// The one person a byline names, written as a name ("By JAMES B.
/// STEWART" → "James B. Stewart", "Heidi M. Przybyla, USA TODAY" → "Heidi
/// M. Przybyla"); none for agencies, desks and several authors ("AP",
/// "Breitbart News", "Jane Roe and John Doe").
pub(super) fn byline_person(byline: &str) -> Option<String> {
    let line = byline.trim();
    let line = ["By ", "by ", "BY "]
        .iter()
        .find_map(|p| line.strip_prefix(p))
        .unwrap_or(line);
    let name = line.split([',', '|', '/', '(', '\n']).next()?.trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    if !(2..=4).contains(&words.len()) {
        return None;
    }
    let desk = |w: &str| {
        matches!(
            w.to_lowercase().trim_end_matches('.'),
            "and"
                | "&"
                | "news"
                | "staff"
                | "board"
                | "editors"
                | "editorial"
                | "press"
                | "wire"
                | "reporter"
                | "reporters"
                | "desk"
                | "team"
                | "today"
                | "times"
                | "post"
                | "associated"
        )
    };
    let name_word = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
    };
    if words.iter().any(|w| desk(w) || !name_word(w)) {
        return None;
    }
    // Capitals throughout ("JAMES B. STEWART") read as a name.
    let shouted = words
        .iter()
        .all(|w| w.chars().all(|c| !c.is_alphabetic() || c.is_uppercase()));
    let word = |w: &str| -> String {
        if !shouted {
            return w.to_string();
        }
        let mut chars = w.chars();
        chars.next().map_or_else(String::new, |c| {
            c.to_uppercase()
                .chain(chars.flat_map(char::to_lowercase))
                .collect()
        })
    };
    Some(words.iter().map(|w| word(w)).collect::<Vec<_>>().join(" "))
}

/// Document nouns that name one kind of document, so that "the ad" refers
/// back to "a web video" and "the study" to "a Reuters survey".
const DOCUMENT_KINDS: &[&[&str]] = &[
    &[
        "ad",
        "ads",
        "advertisement",
        "commercial",
        "spot",
        "clip",
        "video",
    ],
    &[
        "poll", "polls", "survey", "surveys", "study", "research", "analysis", "report", "reports",
        "audit", "review",
    ],
    &["article", "story", "editorial", "op-ed"],
    &["statement", "release", "remarks", "comments"],
    &["book", "memoir"],
    &[
        "filing",
        "complaint",
        "lawsuit",
        "brief",
        "petition",
        "affidavit",
        "submission",
    ],
];

/// Whether two document nouns name the same kind of document.
fn same_kind(a: &str, b: &str) -> bool {
    a == b
        || DOCUMENT_KINDS
            .iter()
            .any(|kind| kind.contains(&a) && kind.contains(&b))
}

/// How far a headline's document noun looks ahead for its author.
const AUTHOR_LOOKAHEAD: usize = 400;
