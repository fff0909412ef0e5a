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
        let mut start = src.start;
        let mut joiner = "and";
        while start >= sentence_start + 2 && self.doc.token_text(start - 1) == joiner {
            let Some((m, _)) = self.ents.ending_at(start - 1) else {
                break;
            };
            if m.tokens.start < sentence_start {
                break;
            }
            start = m.tokens.start;
            joiner = ",";
        }
        start..src.end
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
            while p
                .last()
                .is_some_and(|&i| matches!(&*self.lower(i), "all" | "both" | "each" | "together"))
            {
                p.pop();
            }
        }
        parts.retain(|p| !p.is_empty());
        if ands == 0 || parts.len() < 2 {
            return None;
        }
        let mut names: Vec<String> = Vec::with_capacity(parts.len());
        let mut named = 0;
        let count = parts.len();
        for (n, part) in parts.iter().enumerate() {
            let (a, b) = (part[0], part[part.len() - 1] + 1);
            let preposition = part
                .iter()
                .any(|&i| matches!(self.pos[i], "IN" | "TO") && self.ents.covering(i).is_none());
            if preposition {
                return None;
            }
            let head = self.ents.mentions_within(a..b).last().cloned();
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
                        || is_honorific(&w)
                        || entities::is_title_noun(&w)
                        || (n == 0 && plural_title(&w))
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
                _ => {
                    // A description among commas reads as an apposition
                    // ("Leonard E. Burman, director of …").
                    let noun = part.iter().any(|&i| self.pos[i].starts_with("NN"));
                    if !noun || (commas > 0 && n + 1 < count) {
                        return None;
                    }
                    let text = self.text(a..b);
                    let text = text
                        .strip_prefix("the ")
                        .or_else(|| text.strip_prefix("The "))
                        .unwrap_or(&text)
                        .to_string();
                    names.push(text);
                }
            }
        }
        if named == 0 {
            return None;
        }
        Some(self.group_draft(names))
    }

    /// The draft for several people or bodies named together, as one group.
    fn group_draft(&mut self, names: Vec<String>) -> usize {
        let name = match names.split_last() {
            Some((last, [])) => last.to_string(),
            Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
            None => String::new(),
        };
        self.named_draft(name, SpeakerKind::Group)
    }
}
