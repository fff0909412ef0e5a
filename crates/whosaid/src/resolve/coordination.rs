//! Names joined by "and" as one speaker ("China and Russia", "Mr. King
//! and Mr. Schultz"): the group, its name, and sources the extraction cut
//! to the last of the names.

use super::*;

impl Resolution<'_> {
    /// The source widened over names joined to it from the left when the
    /// extraction took only the last of them ("as China and Russia
    /// support" with source "Russia"): "<name>, <name> and" right before a
    /// source that starts with a name.
    pub(super) fn with_conjuncts_before(&self, src: &Range<usize>) -> Range<usize> {
        if self.ents.starting_at(src.start).is_none() {
            return src.clone();
        }
        let sentence_start = self.doc.sentences[self.doc.sentence_of(src.start)]
            .tokens
            .start;
        // "… and Sen. Lindsey Graham", "… and the United States": a title
        // or article leads the name.
        let mut lead = src.start;
        while lead > sentence_start && {
            let w = self.lower(lead - 1);
            is_honorific(w) || entities::is_title_noun(w) || w == "the"
        } {
            lead -= 1;
        }
        let mut start = lead;
        let mut joiner = "and";
        while start >= sentence_start + 2 && self.doc.token_text(start - 1) == joiner {
            let before = self.past_party_label(start - 1, sentence_start);
            let Some((m, _)) = self.ents.ending_at(before) else {
                break;
            };
            if m.tokens.start < sentence_start {
                break;
            }
            start = m.tokens.start;
            joiner = ",";
        }
        if start == lead {
            return src.clone();
        }
        start..src.end
    }

    /// Where the name before the joiner at `joiner` ends: right there, or
    /// before a party label set off by commas ("Bob Corker, R-Tenn., and").
    fn past_party_label(&self, joiner: usize, sentence_start: usize) -> usize {
        let text = |i: usize| self.doc.token_text(i);
        if joiner < sentence_start + 3 || text(joiner - 1) != "," {
            return joiner;
        }
        let Some(open) = (joiner.saturating_sub(6).max(sentence_start)..joiner - 1)
            .rev()
            .find(|&i| text(i) == ",")
        else {
            return joiner;
        };
        let label: String = (open + 1..joiner - 1).map(text).collect();
        if is_party_label(&label) {
            open
        } else {
            joiner
        }
    }

    /// Names joined by "and" as one group: "China and Russia", "the United
    /// States, Britain and France", "Mr. King and Mr. Schultz", "Jeff
    /// Merkley (D-Ore.), Sherrod Brown (D-Ohio) and Robert Menendez
    /// (D-N.J.) all", "Joseph and other community members". Each part is a
    /// name (written as the entity's full name) or, last or without commas,
    /// a description; a part with a preposition outside a name ("Experts on
    /// North Korea and nuclear nonproliferation") or a list that looks like
    /// an apposition is no group.
    pub(super) fn coordination(&mut self, src: &Range<usize>) -> Option<usize> {
        // Most sources join nothing: look for the word before anything else.
        if !src
            .clone()
            .any(|i| matches!(self.doc.token_text(i), "and" | "&"))
        {
            return None;
        }
        let mut parts: Vec<Vec<usize>> = vec![Vec::new()];
        let (mut ands, mut commas, mut depth) = (0, 0, 0usize);
        for i in src.clone() {
            let t = self.doc.token_text(i);
            let named = self.ents.covering(i).is_some();
            match t {
                "(" | "[" => depth += 1,
                ")" | "]" => depth = depth.saturating_sub(1),
                _ if depth > 0 => {}
                _ if !named
                    && (matches!(self.pos[i], "WP" | "WDT" | "MD")
                        || self.pos[i].starts_with("VB")) =>
                {
                    break
                }
                "and" | "&" if !named => {
                    ands += 1;
                    parts.push(Vec::new());
                }
                "," if !named => {
                    // "and" joins the last part: a comma after it sets off
                    // an apposition or adverbial ("…, the future Democratic
                    // leader,", "…, for instance,"), which ends the list.
                    if ands > 0 && !(i + 1 < src.end && self.lower(i + 1) == "and") {
                        break;
                    }
                    commas += 1;
                    parts.push(Vec::new());
                }
                _ => {
                    if let Some(p) = parts.last_mut() {
                        p.push(i);
                    }
                }
            }
        }
        if let Some(p) = parts.last_mut() {
            while p.last().is_some_and(|&i| {
                matches!(self.lower(i), "all" | "both" | "each" | "together") || self.pos[i] == "RB"
            }) {
                p.pop();
            }
        }
        parts.retain(|p| !p.is_empty());
        if ands == 0 || parts.len() < 2 {
            return None;
        }
        // "the former Florida governor and a Republican presidential
        // candidate": two titles of one person, not two people.
        let singular_title = |p: &Vec<usize>| {
            p.last().is_some_and(|&i| {
                self.pos[i] == "NN"
                    && self.ents.covering(i).is_none()
                    && entities::is_title_noun(self.lower(i))
            })
        };
        let one_persons_titles = parts.iter().filter(|p| singular_title(p)).count() > 1;
        // "President and CEO Jane Roe", "co-founder and chief executive
        // Priya Raman": titles joined before one person's name.
        let bare_title = |p: &Vec<usize>| {
            p.iter()
                .all(|&i| self.ents.covering(i).is_none() && entities::is_title_noun(self.lower(i)))
        };
        if let Some((last, titles)) = parts.split_last() {
            let titled_person = last.first().is_some_and(|&i| {
                self.ents.covering(i).is_none() && entities::is_title_noun(self.lower(i))
            }) && self.ents.covering(last[last.len() - 1]).is_some_and(
                |(m, _)| {
                    m.class == MentionClass::Person && m.tokens.end == last[last.len() - 1] + 1
                },
            );
            if titled_person && titles.iter().all(bare_title) {
                return None;
            }
        }
        let mut names: Vec<String> = Vec::with_capacity(parts.len());
        let mut named = 0;
        let count = parts.len();
        for (n, part) in parts.iter().enumerate() {
            let (a, b) = (part[0], part[part.len() - 1] + 1);
            // "R-Tenn." after a senator's name labels the name before it.
            if commas > 0 && n > 0 && {
                let label: String = part.iter().map(|&i| self.doc.token_text(i)).collect();
                is_party_label(&label)
            } {
                continue;
            }
            // A name the tagger split at its connector ("the University of
            // California at Berkeley") is still a name: every word a proper
            // noun but "the" and the connectors, and only bodies and places
            // named in it.
            let proper_name = self.doc.is_capitalized(b - 1)
                && part.iter().all(|&i| {
                    matches!(self.pos[i], "NNP" | "NNPS")
                        || (i == a && self.lower(i) == "the")
                        || (i > a && matches!(self.doc.token_text(i), "of" | "at" | "for" | "on"))
                })
                && self.ents.mentions_within(a..b).all(|(m, _)| {
                    matches!(m.class, MentionClass::Organization | MentionClass::Location)
                });
            // "Sen. Chuck Schumer of New York": the person from a place.
            let person_of_place = self
                .ents
                .mentions_within(a..b)
                .find(|(m, _)| {
                    m.class == MentionClass::Person
                        && m.tokens.end + 1 < b
                        && self.lower(m.tokens.end) == "of"
                        && (m.tokens.end + 1..b).all(|i| self.doc.is_capitalized(i))
                })
                .map(|&(_, e)| e);
            let preposition = part
                .iter()
                .any(|&i| matches!(self.pos[i], "IN" | "TO") && self.ents.covering(i).is_none());
            if let Some(e) = person_of_place {
                names.push(self.ents.list[e].name.clone());
                named += 1;
                continue;
            }
            if preposition && !proper_name {
                return None;
            }
            let head = self.ents.mentions_within(a..b).last().cloned();
            // "The Republican nominee and his aides": a title that refers
            // back to a person named before is that person.
            let name_ends_part = head.as_ref().is_some_and(|(m, _)| m.tokens.end == b);
            if !name_ends_part && !one_persons_titles && self.lower(a) == "the" {
                let words: Vec<String> = (a..b).map(|i| self.lower(i).to_owned()).collect();
                if let Some(e) = self.title_reference(&(a..b), &words) {
                    names.push(self.ents.list[e].name.clone());
                    named += 1;
                    continue;
                }
            }
            // A plural title before the first name leads the list ("Sens.
            // Jeff Merkley, … and …", "Senators").
            let plural_title = |w: &str| {
                let singular = w
                    .strip_suffix("s.")
                    .map(|s| format!("{s}."))
                    .or_else(|| w.strip_suffix('s').map(str::to_string));
                singular.is_some_and(|s| entities::is_title_noun(&s) || is_honorific(&s))
            };
            let lead_ok = |start: usize| {
                (a..start).all(|i| {
                    let w = self.lower(i);
                    w == "the"
                        || is_honorific(w)
                        || entities::is_title_noun(w)
                        || (n == 0 && plural_title(w))
                })
            };
            match head {
                Some((m, e))
                    if m.tokens.end == b
                        && lead_ok(m.tokens.start)
                        && !entities::is_possessive(self.doc.token_text(b - 1)) =>
                {
                    names.push(self.ents.list[e].name.clone());
                    named += 1;
                }
                _ if proper_name && head.is_some() => {
                    names.push(self.without_article(a..b));
                    named += 1;
                }
                _ => {
                    // A description among commas reads as an apposition
                    // ("Leonard E. Burman, director of …").
                    let noun = part.iter().any(|&i| self.pos[i].starts_with("NN"));
                    if !noun || (commas > 0 && n + 1 < count) {
                        return None;
                    }
                    names.push(self.without_article(a..b));
                }
            }
        }
        if named == 0 {
            return None;
        }
        Some(self.group_draft(names))
    }

    /// "Craig Bryan, head of the National Center …, and other scientists",
    /// "Mr. Grassley and others": a source that opens with a named person
    /// or body and ends in "and other(s) …" is a group of that one and
    /// the others, named "<name> and other scientists" (an apposition
    /// after the name left out).
    pub(super) fn name_and_others(&mut self, src: &Range<usize>) -> Option<usize> {
        let (m, e) = self.ents.starting_at(src.start)?.clone();
        if !matches!(m.class, MentionClass::Person | MentionClass::Organization) {
            return None;
        }
        let mut end = src.end;
        while end > m.tokens.end && self.doc.tokens[end - 1].kind == TokenKind::Punct {
            end -= 1;
        }
        let and = (m.tokens.end..end.saturating_sub(1)).find(|&i| {
            self.lower(i) == "and"
                && matches!(self.lower(i + 1), "other" | "others")
                && !self.quotes.is_quoted(i)
        })?;
        // "others" ends the phrase; "other" leads a plural noun that does.
        let others = and + 1..end;
        let plural_end =
            matches!(self.pos[end - 1], "NNS" | "NNPS") || self.lower(end - 1) == "others";
        if !plural_end || others.len() > MAX_OTHERS {
            return None;
        }
        let name = format!("{} and {}", self.ents.list[e].name, self.text(others));
        Some(self.named_draft(name, SpeakerKind::Group))
    }

    /// The words of `r` without a leading "the", as a part of a group's name.
    fn without_article(&self, r: Range<usize>) -> String {
        let text = self.text(r);
        text.strip_prefix("the ")
            .or_else(|| text.strip_prefix("The "))
            .unwrap_or(&text)
            .to_string()
    }

    /// The draft for several people or bodies named together, as one group.
    pub(super) fn group_draft(&mut self, names: Vec<String>) -> usize {
        let name = match names.split_last() {
            Some((last, [])) => last.to_string(),
            Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
            None => String::new(),
        };
        self.named_draft(name, SpeakerKind::Group)
    }
}

/// The most words after "and" in "<name> and other …" ("other senior
/// administration officials").
const MAX_OTHERS: usize = 5;

/// A party-and-state label after a legislator's name ("R-Tenn.", "D-N.Y."),
/// its tokens written together.
fn is_party_label(label: &str) -> bool {
    let mut chars = label.chars();
    label.len() <= 8
        && matches!(chars.next(), Some('R' | 'D' | 'I'))
        && chars.next() == Some('-')
        && chars.next().is_some_and(char::is_uppercase)
        && chars.all(|c| c.is_ascii_alphabetic() || c == '.')
}
