//! Pronoun and relative-pronoun antecedents: `he`/`she` by salience
//! among fitting persons, `they`/`it` to the running group or organization,
//! `who`/`which` to the noun phrase before.

use super::*;

/// How far back (in sentences) person mentions count for a pronoun.
pub(super) const SALIENCE_SENTENCES: usize = 6;

/// Weights of pronoun salience (see `antecedent_person`), set on PolNeAR
/// train with `whosaid eval-pronouns --data ../shared/data/polnear/train`.
pub(super) struct SalienceWeights {
    quoted: f32,
    possessive: f32,
    subject: f32,
    running: f32,
}

/// Train accuracy moved within 61–62% for running 0.25–2, subject 1–5,
/// quoted 0.1–1, possessive 0.2–1: the scheme matters, not the values.
pub(super) const SALIENCE: SalienceWeights = SalienceWeights {
    quoted: 0.3,
    possessive: 0.5,
    subject: 2.0,
    running: 0.5,
};

impl Resolution<'_> {
    /// The person a `he`/`she` source at token `at` refers to: the most
    /// salient person of the preceding sentences whose gender fits.
    /// Salience adds up each mention, weighted by recency, by subject
    /// position and against quotes and possessives; the running speaker
    /// (the previous attribution's) gets a bonus, news style being to
    /// continue a speaker with "he said".
    pub(super) fn antecedent_person(
        &mut self,
        k: usize,
        at: usize,
        gender: Gender,
    ) -> Option<usize> {
        let fits = |x: &entities::Entity| x.gender.is_none_or(|g| g == gender);
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
            if draft.kind == SpeakerKind::Person
                && draft.entity.is_none_or(|e| fits(&self.ents.list[e]))
            {
                running = Some(d);
            }
            break;
        }
        let weights = &SALIENCE;
        let mut scores: Vec<(usize, f32)> = Vec::new();
        for (m, e) in self.ents.before(at).iter().rev() {
            if m.class != MentionClass::Person {
                continue;
            }
            let back = here - self.doc.sentence_of(m.tokens.start).min(here);
            if back > SALIENCE_SENTENCES {
                break;
            }
            if !fits(&self.ents.list[*e]) {
                continue;
            }
            let mut w = 1.0 / (1.0 + back as f32);
            if self.quotes.is_quoted(m.tokens.start) {
                w *= weights.quoted;
            }
            if entities::is_possessive(self.doc.token_text(m.tokens.end - 1)) {
                w *= weights.possessive;
            }
            let s = &self.doc.sentences[self.doc.sentence_of(m.tokens.start)];
            let verb_before =
                (s.tokens.start..m.tokens.start).any(|i| self.pos[i].starts_with("VB"));
            if !verb_before {
                w *= weights.subject;
            }
            match scores.iter_mut().find(|(x, _)| x == e) {
                Some((_, total)) => *total += w,
                None => scores.push((*e, w)),
            }
        }
        if let Some(d) = running {
            match self.drafts[d].entity {
                Some(e) => match scores.iter_mut().find(|(x, _)| *x == e) {
                    Some((_, total)) => *total += weights.running,
                    None => scores.push((e, weights.running)),
                },
                // An unnamed running speaker ("a spokesman") wins unless a
                // named person is clearly more salient.
                None => {
                    let best = scores.iter().map(|x| x.1).fold(0.0, f32::max);
                    if best < weights.running {
                        return Some(d);
                    }
                }
            }
        }
        let (e, _) = scores.into_iter().max_by(|a, b| a.1.total_cmp(&b.1))?;
        Some(self.entity_draft(e))
    }

    /// The group or organization a `they`/`it` source refers to.
    pub(super) fn antecedent_group(
        &mut self,
        k: usize,
        at: usize,
        singular: bool,
    ) -> Option<usize> {
        let paragraph = self.paragraph_of(at);
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

    /// `…, who said`: the noun phrase before the relative pronoun.
    pub(super) fn relative_antecedent(&mut self, at: usize) -> Option<usize> {
        let sentence = &self.doc.sentences[self.doc.sentence_of(at)];
        let mut end = at;
        if end > sentence.tokens.start && self.doc.token_text(end - 1) == "," {
            end -= 1;
        }
        if let Some(e) = self.ents.mention_ending_at(end) {
            return Some(self.entity_draft(e));
        }
        let mut start = end;
        while start > sentence.tokens.start {
            let t = self.pos[start - 1];
            if !(t.starts_with("NN") || matches!(t, "DT" | "JJ" | "POS" | "CD" | "PRP$")) {
                break;
            }
            start -= 1;
        }
        if start == end {
            return None;
        }
        if let Some((e, _)) = self.ents.mention_in(self.doc, start..end) {
            // "the Joe Biden administration": the name only modifies the head.
            let named_head = self.ents.mention_ending_at(end) == Some(e);
            if named_head {
                return Some(self.entity_draft(e));
            }
        }
        Some(self.nominal_draft(start..end))
    }
}
