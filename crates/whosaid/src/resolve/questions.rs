//! Questions and answers: "X was asked whether P" linked to X's next
//! statement, with the answer's polarity.

use super::*;

impl Resolution<'_> {
    /// "X was asked (by Y) if P … X answered ‘yes’": links the answer.
    pub(super) fn link_questions(&mut self) {
        const ASKED: [u64; 2] = crate::perceptron::syms(["asked", "questioned"]);
        let n = self.doc.tokens.len();
        for i in 0..n {
            // The hashes first: they rule out almost every token unread.
            if !ASKED.contains(&self.doc.lower_sym(i))
                || !matches!(self.lower(i), "asked" | "questioned")
            {
                continue;
            }
            let sentence = self.doc.sentence_of(i);
            let s = &self.doc.sentences[sentence];
            // Passive: "X was asked", or "When asked".
            let passive = i > s.tokens.start
                && matches!(
                    self.lower(i - 1),
                    "was" | "were" | "is" | "been" | "being" | "when" | "if"
                );
            if !passive {
                continue;
            }
            let mut j = i + 1;
            let mut asked_by = None;
            if j < s.tokens.end && self.lower(j) == "by" {
                let from = j + 1;
                while j < s.tokens.end && !matches!(self.lower(j), "if" | "whether" | "about" | ",")
                {
                    j += 1;
                }
                if j > from {
                    asked_by = Some(from..j);
                }
            }
            if j >= s.tokens.end || !matches!(self.lower(j), "if" | "whether" | "about") {
                continue;
            }
            let mut end = s.tokens.end;
            while end > j + 1 && self.doc.tokens[end - 1].kind == TokenKind::Punct {
                end -= 1;
            }
            // Stop at the comma before the answer in "When asked whether P, X said".
            if let Some(comma) = (j + 1..end).find(|&t| self.doc.token_is(t, ",")) {
                if self.lower(i - 1) == "when" {
                    end = comma;
                }
            }
            let question = j..end;
            // The addressee: the subject before "was asked", if named.
            let addressee = if self.lower(i - 1) == "when" {
                None
            } else {
                // The last name before "was asked".
                self.ents
                    .before(i - 1)
                    .iter()
                    .rev()
                    .take_while(|(m, _)| m.tokens.start >= s.tokens.start)
                    .next()
                    .map(|&(_, e)| e)
            };
            // The answer: the next attribution within two sentences whose
            // speaker is the addressee (any speaker after "When asked").
            let answer = (0..self.items.len())
                .filter(|&k| self.items[k].a.cue.start > i && self.items[k].answers.is_none())
                .filter(|&k| self.doc.sentence_of(self.items[k].a.cue.start) <= sentence + 2)
                .filter(|&k| match addressee {
                    None => true,
                    Some(e) => self.items[k]
                        .speaker
                        .is_some_and(|d| self.drafts[d].entity == Some(e)),
                })
                .min_by_key(|&k| self.items[k].a.cue.start);
            let Some(k) = answer else { continue };
            let polarity = self.polarity(&self.items[k].a.content);
            self.items[k].answers = Some((question, asked_by.clone(), polarity));
            // The asker's outlet makes the exchange an interview with it.
            if let Some(by) = asked_by {
                // "Bloomberg TV’s Annemarie Gordern": the possessor.
                let owner = by
                    .clone()
                    .find(|&t| entities::is_possessive(self.doc.token_text(t)))
                    .map(|t| {
                        let from = by.start + usize::from(self.lower(by.start) == "the");
                        entities::display_name(self.doc, from..t + 1)
                    });
                let outlet = owner.filter(|o| is_media_name(o)).or_else(|| {
                    self.ents
                        .within(by.clone())
                        .iter()
                        .map(|(_, e)| &self.ents.list[*e])
                        .find(|x| x.class != MentionClass::Person && is_media_name(&x.name))
                        .map(|x| x.name.clone())
                });
                self.items[k]
                    .channel
                    .push((ChannelKind::Interview, outlet, Some(i - 1..i + 1)));
            }
            // Asked inside a relayed report: so is the answer.
            if let Some(outer) = (0..self.items.len())
                .find(|&o| self.items[o].a.content.iter().any(|c| c.contains(&i)))
            {
                if let Some(via) = self.media_speaker(outer) {
                    let cue = self.items[outer].a.cue.clone();
                    self.items[k]
                        .channel
                        .push((ChannelKind::Relay, Some(via), Some(cue)));
                }
            }
        }
    }

    pub(super) fn polarity(&self, content: &[Range<usize>]) -> Option<Polarity> {
        let words: Vec<String> = content
            .iter()
            .flat_map(|r| r.clone())
            .filter(|&t| self.doc.tokens[t].kind == TokenKind::Word)
            .map(|t| self.lower(t).to_owned())
            .collect();
        let first = words.first()?.as_str();
        if words.len() > 3 {
            return None;
        }
        match first {
            "yes" | "yeah" | "yep" | "absolutely" | "certainly" | "correct" | "indeed" => {
                Some(Polarity::Affirms)
            }
            "no" | "nope" | "never" => Some(Polarity::Denies),
            _ => None,
        }
    }
}
