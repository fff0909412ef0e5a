//! Channels: how a statement reached the outlet (interview, post,
//! statement, relay through another outlet), read from the frame around
//! the cue, never from quoted content.

use super::*;

impl Resolution<'_> {
    /// The outlet's name when attribution `k`'s speaker is media.
    pub(super) fn media_speaker(&self, k: usize) -> Option<String> {
        let d = self.items[k].speaker?;
        (self.drafts[d].kind == SpeakerKind::Media).then(|| self.drafts[d].name.clone())
    }

    /// Tokens of the sentence holding attribution `k`'s cue, minus its content.
    pub(super) fn frame(&self, k: usize) -> Range<usize> {
        let cue = &self.items[k].a.cue;
        let s = &self.doc.sentences[self.doc.sentence_of(cue.start)];
        s.tokens.clone()
    }

    pub(super) fn in_content(&self, k: usize, t: usize) -> bool {
        self.items[k].a.content.iter().any(|c| c.contains(&t))
    }

    pub(super) fn find_channels(&mut self) {
        for k in 0..self.items.len() {
            if self.items[k].a.cue.is_empty() {
                continue;
            }
            let frame = self.frame(k);
            let mut found = Vec::new();
            for t in frame.clone() {
                if self.in_content(k, t) || self.quotes.is_quoted(t) {
                    continue;
                }
                let w = self.lower(t);
                let kind = match w {
                    "interview" | "interviews" => Some(ChannelKind::Interview),
                    "statement" | "release" | "communique" | "communiqué" => {
                        Some(ChannelKind::Statement)
                    }
                    "tweet" | "tweeted" | "post" | "posted" | "tweets" | "wrote" => {
                        Some(ChannelKind::Post)
                    }
                    "conference" | "briefing" => Some(ChannelKind::PressConference),
                    "speech" | "rally" | "remarks" | "address" => Some(ChannelKind::Speech),
                    "letter" => Some(ChannelKind::Letter),
                    // "In a memo to staff, …", "said in a court filing":
                    // only as the frame's "in a …" phrase, since a memo or
                    // a filing is often what a statement is about.
                    "memo" | "memorandum" | "filing" | "filings"
                        if self.after_in_a(t, frame.start) =>
                    {
                        Some(if w.starts_with("memo") {
                            ChannelKind::Letter
                        } else {
                            ChannelKind::Statement
                        })
                    }
                    // "said in a call with reporters", "on a call with
                    // journalists": a press call, as the frame's phrase.
                    "call" | "calls"
                        if (self.after_in_a(t, frame.start) || self.after_on_a(t, frame.start))
                            && t + 2 < frame.end
                            && matches!(self.lower(t + 1), "with" | "to")
                            && matches!(self.lower(t + 2), "reporters" | "journalists") =>
                    {
                        Some(ChannelKind::PressConference)
                    }
                    "testimony" | "testified" | "hearing" => Some(ChannelKind::Testimony),
                    // "was quoted by the Interfax news agency as saying":
                    // the outlet after "by" relayed it.
                    "quoted" | "cited"
                        if self.items[k].a.cue.contains(&t)
                            && t + 2 < frame.end
                            && self.lower(t + 1) == "by" =>
                    {
                        Some(ChannelKind::Relay)
                    }
                    "told" | "tells" | "telling" if self.items[k].a.cue.contains(&t) => {
                        Some(ChannelKind::Told)
                    }
                    // "Speaking to the BBC, the minister said", "…, speaking
                    // to reporters": a participle that opens the sentence or
                    // follows a comma, not another clause's verb; "Speaking
                    // on BBC Radio 4": a broadcast.
                    "speaking" | "talking" | "appearing"
                        if t + 1 < frame.end
                            && (t == frame.start || self.doc.token_is(t - 1, ",")) =>
                    {
                        match self.lower(t + 1) {
                            "to" | "with" if w != "appearing" => Some(ChannelKind::Told),
                            "on" => Some(ChannelKind::Broadcast),
                            _ => None,
                        }
                    }
                    _ => None,
                };
                let Some(kind) = kind else { continue };
                if self.in_a_name(t) || !self.channel_word_fits(kind, t) {
                    continue;
                }
                // "Speaking on BBC Radio 4" names an outlet; "speaking on
                // condition of anonymity" or "on Capitol Hill" none.
                let via = if kind == ChannelKind::Relay {
                    self.relaying_outlet(t + 2)
                } else if kind == ChannelKind::Broadcast {
                    let place = self
                        .ents
                        .starting_at(t + 2)
                        .is_some_and(|(m, _)| m.class == MentionClass::Location);
                    self.media_at(t + 2).filter(|n| !place && is_media_name(n))
                } else {
                    self.channel_via(kind, t, &frame)
                };
                if kind == ChannelKind::Post && w == "wrote" && via.is_none() {
                    continue;
                }
                if matches!(
                    kind,
                    ChannelKind::Told | ChannelKind::Broadcast | ChannelKind::Relay
                ) && via.is_none()
                {
                    continue;
                }
                found.push((kind, via, Some(t..t + 1)));
            }
            // "said on CNN": a broadcast appearance; "said on X": a post.
            if found.is_empty() {
                let cue_end = self.items[k].a.cue.end;
                if cue_end < frame.end && self.lower(cue_end) == "on" {
                    if let Some(platform) = self.platform_at(cue_end + 1, frame.end) {
                        found.push((
                            ChannelKind::Post,
                            Some(platform),
                            Some(cue_end..cue_end + 1),
                        ));
                    } else if let Some(name) = self.media_at(cue_end + 1) {
                        found.push((
                            ChannelKind::Broadcast,
                            Some(name),
                            Some(cue_end..cue_end + 1),
                        ));
                    }
                }
            }
            // An interview already linked by a question stays one entry.
            for f in found {
                let same = self.items[k]
                    .channel
                    .iter()
                    .any(|c| c.0 == f.0 && (c.1 == f.1 || f.1.is_none()));
                if !same {
                    self.items[k].channel.insert(0, f);
                }
            }
            // Relay: nested in an outlet's report.
            if let Some(outer) = self.items[k].nested_in {
                if let Some(via) = self.media_speaker(outer) {
                    let cue = self.items[outer].a.cue.clone();
                    if !self.items[k]
                        .channel
                        .iter()
                        .any(|c| c.0 == ChannelKind::Relay)
                    {
                        self.items[k]
                            .channel
                            .push((ChannelKind::Relay, Some(via), Some(cue)));
                    }
                }
            }
        }
        self.merge_interviews();
        self.carry_channels();
    }

    /// Whether a channel word at `t` is used in its channel sense: a noun
    /// for a speech or release, not the verb ("did not address his
    /// tweets", "to release his returns") nor a release *of* something; a
    /// conference of the press or news, not a climate conference.
    fn channel_word_fits(&self, kind: ChannelKind, t: usize) -> bool {
        let w = self.lower(t);
        let noun = self.pos[t].starts_with("NN");
        let next_is_of = t + 1 < self.doc.tokens.len() && self.lower(t + 1) == "of";
        match (kind, w) {
            (ChannelKind::Speech, "address") | (ChannelKind::Statement, "release") => {
                noun && !next_is_of
            }
            (ChannelKind::PressConference, "conference") => {
                t > 0 && matches!(self.lower(t - 1), "press" | "news")
                    || t + 1 < self.doc.tokens.len() && self.lower(t + 1) == "call"
            }
            _ => true,
        }
    }

    /// Whether token `t` is part of a name, so no evidence of a channel:
    /// a named mention ("The Washington Post", "Facebook Live"), or a
    /// capitalized word past a sentence's start the tagger missed ("the
    /// Post reported").
    pub(super) fn in_a_name(&self, t: usize) -> bool {
        let sentence_start = self.doc.sentences[self.doc.sentence_of(t)].tokens.start;
        self.ents.covering(t).is_some() || (t > sentence_start && self.doc.is_capitalized(t))
    }

    /// The mention that starts at token `t`, or right after an article
    /// there: the article may be the name's own ("The Washington Post") or
    /// not ("the Interfax news agency").
    fn mention_from(&self, t: usize) -> Option<&(Mention, usize)> {
        self.ents.starting_at(t).or_else(|| {
            let after = self.past_article(t);
            (after != t).then(|| self.ents.starting_at(after)).flatten()
        })
    }

    /// The token after "the" at `t`, else `t` itself.
    fn past_article(&self, t: usize) -> usize {
        if t < self.doc.tokens.len() && self.lower(t) == "the" {
            t + 1
        } else {
            t
        }
    }

    /// An outlet or platform named at token `t`.
    pub(super) fn media_at(&self, t: usize) -> Option<String> {
        let Some((m, e)) = self.mention_from(t) else {
            return self.outlet_word_at(self.past_article(t));
        };
        let x = &self.ents.list[*e];
        // A body's name before a common noun modifies it: "on the Senate
        // floor", "on the White House lawn" are places, no outlet ("on the
        // MSNBC show" is one).
        let modifies = m.tokens.end < self.doc.tokens.len()
            && self.pos[m.tokens.end].starts_with("NN")
            && self
                .doc
                .token_text(m.tokens.end)
                .starts_with(char::is_lowercase);
        (x.class != MentionClass::Person
            && (is_media_name(&x.name) || (m.class == MentionClass::Organization && !modifies)))
            .then(|| x.name.clone())
    }

    /// The outlet named at token `t` after "quoted by": an outlet or any
    /// organization's name ("the Interfax news agency", "RIA"), not a
    /// person's, a place's or a nationality's ("Israeli media").
    fn relaying_outlet(&self, t: usize) -> Option<String> {
        self.media_at(t).or_else(|| {
            let (_, e) = self.mention_from(t)?;
            let x = &self.ents.list[*e];
            (x.class == MentionClass::Organization).then(|| x.name.clone())
        })
    }

    /// An outlet's one-word name at token `t` that no mention covers: the
    /// tagger misses a possessive acronym before a program's title ("on
    /// CNN's “State of the Union”").
    fn outlet_word_at(&self, t: usize) -> Option<String> {
        if t >= self.doc.tokens.len() || self.ents.covering(t).is_some() {
            return None;
        }
        let word = entities::strip_possessive(self.doc.token_text(t));
        (word.starts_with(char::is_uppercase) && is_media_name(word)).then(|| word.to_string())
    }

    /// Whether `t` ends an "in a …" phrase of at most four words from
    /// "in" ("in a memo", "in an internal memo", "in a court filing"),
    /// within the frame starting at `start`.
    fn after_in_a(&self, t: usize, start: usize) -> bool {
        (t.saturating_sub(4).max(start)..t).any(|i| {
            self.lower(i) == "in"
                && matches!(
                    self.lower(i + 1),
                    "a" | "an" | "the" | "his" | "her" | "its" | "their"
                )
        })
    }

    /// Whether "on a" (or "on the") stands within the four tokens before
    /// `t`, from `start` on ("said on a call with reporters").
    fn after_on_a(&self, t: usize, start: usize) -> bool {
        (t.saturating_sub(4).max(start)..t)
            .any(|i| self.lower(i) == "on" && matches!(self.lower(i + 1), "a" | "the"))
    }

    /// The platform named at token `i` (one or two words before `end`:
    /// "Facebook", "Truth Social"), as written; "X." ending a sentence is
    /// "X" (see [`entities::platform_at`]).
    fn platform_at(&self, i: usize, end: usize) -> Option<String> {
        let last = entities::platform_at(self.doc, i, end)? - 1;
        let span = self.doc.tokens[i].start..self.doc.tokens[last].end;
        Some(self.doc.text()[span].trim_end_matches('.').to_string())
    }

    /// Through whom a channel word at `t` ran: "interview with X", "X
    /// interview", "told X", "on Twitter".
    pub(super) fn channel_via(
        &self,
        kind: ChannelKind,
        t: usize,
        frame: &Range<usize>,
    ) -> Option<String> {
        let named_from = |i: usize| -> Option<String> {
            if i >= frame.end {
                return None;
            }
            let (m, e) = self.mention_from(i)?;
            // A capitalized "Today" the tagger left after the name is
            // still the outlet's ("told USA | Today", "Russia Today").
            let name = &self.ents.list[*e].name;
            let end = m.tokens.end;
            let today = end < frame.end
                && self.ents.covering(end).is_none()
                && self.doc.is_capitalized(end)
                && entities::strip_possessive(self.lower(end)) == "today";
            Some(if today {
                format!(
                    "{name} {}",
                    entities::strip_possessive(self.doc.token_text(end))
                )
            } else {
                name.clone()
            })
        };
        let named_from = |i: usize| {
            named_from(i).or_else(|| {
                let i = self.past_article(i);
                (i < frame.end).then(|| self.outlet_word_at(i)).flatten()
            })
        };
        match kind {
            ChannelKind::Told => {
                // "told X", "speaking to X".
                let to = t + 1 < frame.end && matches!(self.lower(t + 1), "to" | "with");
                let whom = t + 1 + usize::from(to);
                named_from(whom).or_else(|| {
                    (whom < frame.end && matches!(self.lower(whom), "reporters" | "journalists"))
                        .then(|| self.doc.token_text(whom).to_string())
                })
            }
            ChannelKind::Post => {
                (t + 1..(t + 4).min(frame.end)).find_map(|i| self.platform_at(i, frame.end))
            }
            _ => {
                // "interview with X" / "interview on X" / "X interview".
                for i in t + 1..(t + 3).min(frame.end) {
                    if matches!(self.lower(i), "with" | "on" | "to") {
                        return named_from(i + 1);
                    }
                }
                if t > frame.start {
                    return self
                        .ents
                        .ending_at(t)
                        .filter(|(m, _)| m.class != MentionClass::Person)
                        .map(|(_, e)| self.ents.list[*e].name.clone());
                }
                None
            }
        }
    }

    /// One speaker's interviews are one interview when the text names a
    /// single interviewer for them: fill it in where a mention left it out.
    pub(super) fn merge_interviews(&mut self) {
        let mut vias: Vec<Vec<String>> = vec![Vec::new(); self.drafts.len()];
        for it in &self.items {
            let Some(d) = it.speaker else { continue };
            for (kind, via, _) in &it.channel {
                if let (ChannelKind::Interview, Some(v)) = (kind, via) {
                    if !vias[d].contains(v) {
                        vias[d].push(v.clone());
                    }
                }
            }
        }
        // "Bloomberg" and "Bloomberg TV" are one interviewer.
        let single: Vec<Option<String>> = vias
            .into_iter()
            .map(|mut v| {
                v.sort_by_key(|x| std::cmp::Reverse(x.len()));
                let fullest = v.first()?.clone();
                v.iter()
                    .all(|x| fullest.starts_with(x.as_str()))
                    .then_some(fullest)
            })
            .collect();
        for it in &mut self.items {
            let Some(Some(via)) = it.speaker.map(|d| &single[d]) else {
                continue;
            };
            for (kind, v, _) in &mut it.channel {
                let prefix = v.as_ref().is_none_or(|x| via.starts_with(x.as_str()));
                if *kind == ChannelKind::Interview && prefix {
                    *v = Some(via.clone());
                }
            }
        }
    }

    /// A statement with no channel of its own, in the same paragraph as the
    /// same speaker's previous one, shares its channel.
    pub(super) fn carry_channels(&mut self) {
        for k in 1..self.items.len() {
            if !self.items[k].channel.is_empty() || self.items[k].a.cue.is_empty() {
                continue;
            }
            let Some(d) = self.items[k].speaker else {
                continue;
            };
            let p = self.paragraph_of(self.items[k].a.cue.start);
            let prev = (0..k).rev().find(|&j| {
                !self.items[j].a.cue.is_empty() && self.paragraph_of(self.items[j].a.cue.start) == p
            });
            if let Some(j) = prev {
                if self.items[j].speaker == Some(d) {
                    self.items[k].channel = self.items[j].channel.clone();
                }
            }
        }
        // Continuing quotes share their speaker's channel.
        for k in 0..self.items.len() {
            if let Some(j) = self.items[k].continues {
                self.items[k].channel = self.items[j].channel.clone();
            }
        }
    }
}
