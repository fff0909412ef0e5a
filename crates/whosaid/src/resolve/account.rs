//! The account: drafts and items turned into the public [`Account`], in
//! code points.

use super::*;

impl Resolution<'_> {
    pub(super) fn finish(mut self) -> Account {
        // Text order: by content start, then cue.
        let mut order: Vec<usize> = (0..self.items.len()).collect();
        let start = |it: &Item| {
            let c = it.a.content.first().map_or(0, |r| r.start);
            let s = it.a.source.as_ref().map_or(c, |r| r.start);
            c.min(s).min(if it.a.cue.is_empty() {
                c
            } else {
                it.a.cue.start
            })
        };
        order.sort_by_key(|&k| (start(&self.items[k]), self.items[k].a.cue.start));
        let mut new_index = vec![0; order.len()];
        for (n, &k) in order.iter().enumerate() {
            new_index[k] = n;
        }
        // Speakers in order of first attribution.
        let mut speaker_ids: Vec<Option<usize>> = vec![None; self.drafts.len()];
        let mut speakers_order = Vec::new();
        for &k in &order {
            if let Some(d) = self.items[k].speaker {
                if speaker_ids[d].is_none() {
                    speaker_ids[d] = Some(speakers_order.len());
                    speakers_order.push(d);
                }
            }
        }
        let offsets = CharOffsets::new(self.doc.text());
        let span = |r: &Range<usize>| -> Span {
            let (a, b) = (
                self.doc.tokens[r.start].start,
                self.doc.tokens[r.end - 1].end,
            );
            Span {
                start: offsets.char_offset(a),
                end: offsets.char_offset(b),
                text: self.doc.text()[a..b].to_string(),
            }
        };
        let speakers: Vec<Speaker> = speakers_order
            .iter()
            .enumerate()
            .map(|(id, &d)| {
                let draft = &self.drafts[d];
                let mut mentions: Vec<Range<usize>> = draft.source_mentions.clone();
                let mut titles = Vec::new();
                if let Some(e) = draft.entity {
                    mentions.extend(self.ents.list[e].mentions.iter().cloned());
                    titles = self.ents.list[e].titles.clone();
                }
                mentions.sort_by_key(|r| (r.start, r.end));
                mentions.dedup();
                // A name inside a source span is one mention: keep the wider.
                let mut kept: Vec<Range<usize>> = Vec::new();
                for m in mentions {
                    if let Some(last) = kept.last_mut() {
                        if m.start < last.end {
                            if m.end > last.end {
                                last.end = m.end;
                            }
                            continue;
                        }
                    }
                    kept.push(m);
                }
                Speaker {
                    id,
                    name: draft.name.clone(),
                    kind: draft.kind,
                    titles,
                    affiliations: draft.affiliations.clone(),
                    mentions: kept.iter().map(span).collect(),
                    anonymous: draft.anonymous,
                }
            })
            .collect();
        let unattributed = self.unattributed(&span);
        let items = std::mem::take(&mut self.items);
        let attributions = order
            .iter()
            .map(|&k| {
                let it = &items[k];
                let spans = |rs: &mut dyn Iterator<Item = &Range<usize>>| -> Vec<Span> {
                    rs.filter(|r| !r.is_empty()).map(&span).collect()
                };
                let attribution = Attribution {
                    source: spans(&mut it.a.source.iter()),
                    cue: spans(&mut std::iter::once(&it.a.cue)),
                    content: spans(&mut it.a.content.iter()),
                    kind: crate::kind_of(self.quotes, &it.a.content),
                };
                ResolvedAttribution {
                    attribution,
                    speaker: it.speaker.and_then(|d| speaker_ids[d]),
                    channel: it
                        .channel
                        .iter()
                        .map(|(kind, via, ev)| Channel {
                            kind: *kind,
                            via: via.clone(),
                            evidence: ev.as_ref().filter(|r| !r.is_empty()).map(&span),
                        })
                        .collect(),
                    time: it.time.as_ref().map(|m| Time {
                        span: span(&m.tokens),
                        value: m.value.clone(),
                        relative: m.relative,
                    }),
                    nested_in: it.nested_in.map(|j| new_index[j]),
                    continues: it.continues.map(|j| new_index[j]),
                    answers: it.answers.as_ref().map(|(q, by, polarity)| Answer {
                        question: span(q),
                        asked_by: by.as_ref().map(&span),
                        polarity: *polarity,
                    }),
                    inner: it.inner,
                }
            })
            .collect();
        Account {
            attributions,
            speakers,
            unattributed,
        }
    }
}
