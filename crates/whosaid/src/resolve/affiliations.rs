//! Affiliations: the body a speaker's titles or description tie it to
//! ("Clinton campaign manager Robby Mook", "a White House official", "a
//! spokesman for the Clinton campaign").

use super::*;

impl Resolution<'_> {
    /// The affiliations of a person's titles, in the titles' order, each
    /// once.
    pub(super) fn affiliations_of_titles(&mut self, e: usize) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for span in self.ents.list[e].title_spans.clone() {
            if let Some(a) = self.affiliation_in(span, true) {
                if !out.iter().any(|x| x.eq_ignore_ascii_case(&a)) {
                    out.push(a);
                }
            }
        }
        out
    }

    /// The body named in a title or description: its first organization,
    /// or a person's campaign ("Clinton spokesman" → "Clinton campaign"
    /// when the article speaks of the Clinton campaign, else the person).
    /// With `skip_head`, a name ending the tokens is the speaker's own and
    /// no affiliation; a person in the possessive is a relation ("Rutte’s
    /// predecessor"), not an affiliation; places and nationalities are not
    /// bodies.
    pub(super) fn affiliation_in(&mut self, r: Range<usize>, skip_head: bool) -> Option<String> {
        let found: Vec<(Mention, usize)> = self.ents.mentions_within(r.clone()).cloned().collect();
        for (m, e) in found {
            if skip_head && m.tokens.end == r.end {
                continue;
            }
            let x = &self.ents.list[e];
            match x.class {
                MentionClass::Organization => {
                    let e = self.full_outlet_name(e);
                    return Some(self.ents.list[e].name.clone());
                }
                MentionClass::Person => {
                    if entities::is_possessive(self.doc.token_text(m.tokens.end - 1)) {
                        continue;
                    }
                    let name = x.name.clone();
                    let surname = name.split_whitespace().last().unwrap_or(&name).to_string();
                    let next_is_campaign = m.tokens.end < self.doc.tokens.len()
                        && self.lower(m.tokens.end) == "campaign";
                    let campaign =
                        next_is_campaign || self.campaigns().contains(&surname.to_lowercase());
                    return Some(if campaign {
                        format!("{surname} campaign")
                    } else {
                        name
                    });
                }
                _ => {}
            }
        }
        None
    }

    /// Lowercased words written right before "campaign" in the article,
    /// possessives stripped ("Trump’s campaign" → "trump").
    fn campaigns(&mut self) -> &std::collections::HashSet<String> {
        let doc = self.doc;
        self.campaigns.get_or_insert_with(|| {
            (1..doc.tokens.len())
                .filter(|&i| doc.token_text(i).eq_ignore_ascii_case("campaign"))
                .map(|i| entities::strip_possessive(doc.token_text(i - 1)).to_lowercase())
                .collect()
        })
    }
}
