//! Speaker resolution against gold referents: a port of
//! `bench/check_speakers.py`, printing the same table (a CLI test runs both
//! on the same predictions and requires the same output).
//!
//! Gold is a TSV (`doc start end name kind confidence`, offsets in code
//! points) naming the entity each gold source span refers to; only `high`
//! rows are scored. For each gold span, the first predicted attribution
//! whose source overlaps it gives the resolved speaker. Persons are right
//! with the same last name (and first name when the gold gives one);
//! anonymous sources when the speaker is flagged anonymous; organizations,
//! groups and media at word Jaccard ≥ 0.5. A span no predicted source
//! overlaps is *missed* (by extraction); one whose attribution has no
//! speaker is *no speaker*; both count as wrong overall.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use unicode_normalization::UnicodeNormalization;

use super::{is_space, is_word};
use crate::error::{read_text, Error};

/// One row of the gold table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldSpeaker {
    /// Document id (file stem).
    pub doc: String,
    /// First code point of the gold source span.
    pub start: usize,
    /// One past its last code point.
    pub end: usize,
    /// The entity it refers to.
    pub name: String,
    /// `person`, `organization`, `group`, `media` or `anonymous`.
    pub kind: String,
    /// Whether the row is `high` confidence (only those are scored).
    pub high: bool,
}

/// Reads a gold table; a malformed row is an error naming its line.
pub fn read_gold(path: &Path) -> Result<Vec<GoldSpeaker>, Error> {
    let text = read_text(path)?;
    let mut lines = text.lines().enumerate();
    let bad = |line: usize, reason: String| Error::Table {
        path: path.to_path_buf(),
        line: line + 1,
        reason,
    };
    let header: Vec<&str> = match lines.next() {
        Some((_, h)) => h.split('\t').collect(),
        None => return Err(bad(0, "empty file".into())),
    };
    let column = |name: &str| {
        header
            .iter()
            .position(|h| h.trim() == name)
            .ok_or_else(|| bad(0, format!("no {name:?} column")))
    };
    let cols = [
        column("doc")?,
        column("start")?,
        column("end")?,
        column("name")?,
        column("kind")?,
        column("confidence")?,
    ];
    let mut out = Vec::new();
    for (n, line) in lines {
        if line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let get = |k: usize| {
            fields.get(cols[k]).copied().ok_or_else(|| {
                bad(
                    n,
                    format!("{} fields, expected {}", fields.len(), header.len()),
                )
            })
        };
        let offset = |k: usize| -> Result<usize, Error> {
            let v = get(k)?;
            v.trim()
                .parse()
                .map_err(|_| bad(n, format!("not an offset: {v:?}")))
        };
        out.push(GoldSpeaker {
            doc: get(0)?.to_string(),
            start: offset(1)?,
            end: offset(2)?,
            name: get(3)?.to_string(),
            kind: get(4)?.to_string(),
            high: get(5)? == "high",
        });
    }
    Ok(out)
}

/// A predicted attribution as the checker sees it: its source spans (code
/// points) and its speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PredAttribution {
    /// Source spans, `(start, end)`.
    pub source: Vec<(usize, usize)>,
    /// The resolved speaker, if any.
    pub speaker: Option<PredSpeaker>,
}

/// A predicted speaker: its name and whether it is anonymous.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PredSpeaker {
    /// The name.
    pub name: String,
    /// Flagged anonymous.
    pub anonymous: bool,
}

impl PredAttribution {
    /// The attributions of a resolved account, in its order.
    pub fn of_account(account: &crate::Account) -> Vec<PredAttribution> {
        account
            .attributions
            .iter()
            .map(|a| PredAttribution {
                source: a
                    .attribution
                    .source
                    .iter()
                    .map(|s| (s.start, s.end))
                    .collect(),
                speaker: a
                    .speaker
                    .and_then(|k| account.speakers.get(k))
                    .map(|s| PredSpeaker {
                        name: s.name.clone(),
                        anonymous: s.anonymous,
                    }),
            })
            .collect()
    }
}

/// What happened to one gold source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Right,
    Wrong,
    NoSpeaker,
    Missed,
}

/// How a source is written.
pub const FORMS: [&str; 4] = ["pronoun", "single word", "multi-word name", "description"];
/// Gold kinds.
pub const KINDS: [&str; 5] = ["person", "organization", "group", "media", "anonymous"];

/// Counts of one row of the table.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Tally {
    /// Gold sources.
    pub gold: usize,
    /// Resolved to the right entity.
    pub right: usize,
    /// Resolved to another.
    pub wrong: usize,
    /// Found, without a speaker.
    pub no_speaker: usize,
    /// Not found by extraction.
    pub missed: usize,
}

impl Tally {
    fn add(&mut self, outcome: Outcome) {
        self.gold += 1;
        match outcome {
            Outcome::Right => self.right += 1,
            Outcome::Wrong => self.wrong += 1,
            Outcome::NoSpeaker => self.no_speaker += 1,
            Outcome::Missed => self.missed += 1,
        }
    }

    /// Right over all gold sources (misses count as wrong).
    pub fn accuracy(&self) -> f64 {
        self.right as f64 / self.gold.max(1) as f64
    }

    /// Right over the gold sources extraction found, if any.
    pub fn accuracy_extracted(&self) -> Option<f64> {
        let found = self.gold - self.missed;
        (found > 0).then(|| self.right as f64 / found as f64)
    }
}

/// Accumulates the checker's counts over documents.
#[derive(Debug, Default)]
pub struct SpeakerScorer {
    by_form: BTreeMap<&'static str, Tally>,
    by_kind: BTreeMap<String, Tally>,
    overall: Tally,
    /// `(right, total)` of sources written as one of the nine pronouns.
    pronouns: (usize, usize),
    /// `(right, total)` of the others.
    names: (usize, usize),
    docs: BTreeSet<String>,
}

/// The checker's result.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SpeakerReport {
    /// By how the source is written, in [`FORMS`] order (absent forms left out).
    pub by_form: Vec<(String, Tally)>,
    /// By gold kind, in [`KINDS`] order.
    pub by_kind: Vec<(String, Tally)>,
    /// All high-confidence gold sources.
    pub overall: Tally,
    /// `(right, total)` of pronoun sources (he she they it her i we you him).
    pub pronouns: (usize, usize),
    /// `(right, total)` of the others.
    pub names: (usize, usize),
    /// Articles with a scored source.
    pub documents: usize,
}

/// The nine pronouns of the original checker's last line.
const PRON: [&str; 9] = ["he", "she", "they", "it", "her", "i", "we", "you", "him"];

impl SpeakerScorer {
    /// An empty scorer.
    pub fn new() -> Self {
        Self::default()
    }

    /// Scores the high-confidence `gold` rows of one document whose text is
    /// `text`, against its predicted attributions (`None`: no prediction,
    /// every source missed).
    pub fn add(&mut self, text: &str, gold: &[GoldSpeaker], pred: Option<&[PredAttribution]>) {
        let article: Vec<char> = text.chars().collect();
        let article = Article::new(&article);
        for row in gold.iter().filter(|r| r.high) {
            self.docs.insert(row.doc.clone());
            let source: String = article
                .chars
                .get(row.start.min(row.end)..row.end.min(article.chars.len()))
                .unwrap_or(&[])
                .iter()
                .collect();
            let is_pronoun = PRON.contains(&py_strip(&source).to_lowercase().as_str());
            let outcome = match pred.and_then(|p| first_overlapping(p, row.start, row.end)) {
                None => Outcome::Missed,
                Some(a) => match &a.speaker {
                    None => Outcome::NoSpeaker,
                    Some(s) if good(row, s) => Outcome::Right,
                    Some(_) => Outcome::Wrong,
                },
            };
            let split = if is_pronoun {
                &mut self.pronouns
            } else {
                &mut self.names
            };
            split.1 += 1;
            if outcome == Outcome::Right {
                split.0 += 1;
            }
            let form = article.form(row.start, row.end);
            self.by_form.entry(form).or_default().add(outcome);
            self.by_kind
                .entry(row.kind.clone())
                .or_default()
                .add(outcome);
            self.overall.add(outcome);
        }
    }

    /// The counts so far.
    pub fn report(&self) -> SpeakerReport {
        SpeakerReport {
            by_form: FORMS
                .iter()
                .filter_map(|f| self.by_form.get(f).map(|t| (f.to_string(), *t)))
                .collect(),
            by_kind: KINDS
                .iter()
                .filter_map(|k| self.by_kind.get(*k).map(|t| (k.to_string(), *t)))
                .collect(),
            overall: self.overall,
            pronouns: self.pronouns,
            names: self.names,
            documents: self.docs.len(),
        }
    }
}

impl SpeakerReport {
    /// The checker's overall figure: right over all scored sources.
    pub fn accuracy(&self) -> f64 {
        let right = self.pronouns.0 + self.names.0;
        right as f64 / (self.pronouns.1 + self.names.1).max(1) as f64
    }

    /// The table `check_speakers.py` prints, line for line; `label` starts
    /// the last line and `bar` is the gate shown there, if any.
    pub fn table(&self, label: &str, bar: Option<f64>) -> String {
        let head = format!(
            "  {:<16} {:>5} {:>6} {:>6} {:>7} {:>7}   {}  {}",
            "", "gold", "right", "wrong", "no-spkr", "missed", "acc", "acc(extracted)"
        );
        let line = |name: &str, t: &Tally| {
            let extracted = t
                .accuracy_extracted()
                .map_or_else(|| "-".to_string(), |a| format!("{a:.3}"));
            format!(
                "  {name:<16} {:>5} {:>6} {:>6} {:>7} {:>7}   {:.3}     {extracted}",
                t.gold,
                t.right,
                t.wrong,
                t.no_speaker,
                t.missed,
                t.accuracy()
            )
        };
        let mut out = format!(
            "speaker resolution on {} high-confidence gold sources ({} articles); missed = no \
             predicted source overlaps the gold span (missed by extraction); no-spkr = overlapping \
             attribution without a speaker; both count as wrong in acc\n",
            self.overall.gold, self.documents
        );
        for (title, rows) in [
            ("by how the source is written", &self.by_form),
            ("by gold kind", &self.by_kind),
        ] {
            out.push_str(title);
            out.push_str(":\n");
            out.push_str(&head);
            out.push('\n');
            for (name, t) in rows {
                out.push_str(&line(name, t));
                out.push('\n');
            }
        }
        out.push_str("overall:\n");
        out.push_str(&head);
        out.push('\n');
        out.push_str(&line("all", &self.overall));
        out.push('\n');
        let bar = bar.map_or_else(String::new, |b| format!("; bar {b:.2}"));
        out.push_str(&format!(
            "{label} speaker resolution: {:.3} of {} (pronouns {}/{}, surnames {}/{}{bar})\n",
            self.accuracy(),
            self.pronouns.1 + self.names.1,
            self.pronouns.0,
            self.pronouns.1,
            self.names.0,
            self.names.1
        ));
        out
    }
}

/// Scores the predictions of a directory of texts against a gold table:
/// `predict(doc, text)` gives a document's attributions (`None`: no
/// prediction).
pub fn score_texts(
    gold: &[GoldSpeaker],
    text_dir: &Path,
    mut predict: impl FnMut(&str, &str) -> Result<Option<Vec<PredAttribution>>, Error>,
) -> Result<SpeakerReport, Error> {
    let mut by_doc: BTreeMap<&str, Vec<GoldSpeaker>> = BTreeMap::new();
    for row in gold.iter().filter(|r| r.high) {
        by_doc.entry(&row.doc).or_default().push(row.clone());
    }
    let mut scorer = SpeakerScorer::new();
    for (doc, rows) in by_doc {
        let text = read_text(&text_dir.join(format!("{doc}.txt")))?;
        let pred = predict(doc, &text)?;
        scorer.add(&text, &rows, pred.as_deref());
    }
    Ok(scorer.report())
}

/// The first attribution whose source overlaps `start..end`.
fn first_overlapping(
    pred: &[PredAttribution],
    start: usize,
    end: usize,
) -> Option<&PredAttribution> {
    pred.iter()
        .find(|a| a.source.iter().any(|&(s, e)| s < end && start < e))
}

/// Words that are not names in the checker's comparison.
const TITLES: [&str; 14] = [
    "mr",
    "mrs",
    "ms",
    "dr",
    "sen",
    "gov",
    "rep",
    "president",
    "the",
    "jr",
    "sr",
    "ii",
    "iii",
    "iv",
];

/// The checker's name words: NFKD, non-ASCII dropped, lowercase, `'s`
/// removed, runs of `[a-z0-9]`, titles left out.
fn name_words(s: &str) -> Vec<String> {
    let ascii: String = s.nfkd().filter(char::is_ascii).collect();
    let lower = ascii.to_lowercase().replace("'s", "");
    lower
        .split(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit()))
        .filter(|w| !w.is_empty() && !TITLES.contains(w))
        .map(str::to_string)
        .collect()
}

fn good(row: &GoldSpeaker, s: &PredSpeaker) -> bool {
    let (g, p) = (name_words(&row.name), name_words(&s.name));
    match row.kind.as_str() {
        "anonymous" => s.anonymous,
        "person" => {
            !g.is_empty()
                && !p.is_empty()
                && g.last() == p.last()
                && (g.len() < 2 || (p.len() >= 2 && g[0] == p[0]))
        }
        _ => {
            if g.is_empty() || p.is_empty() {
                return false;
            }
            let g: BTreeSet<&String> = g.iter().collect();
            let p: BTreeSet<&String> = p.iter().collect();
            let shared = g.intersection(&p).count();
            let all = g.union(&p).count();
            shared as f64 / all as f64 >= 0.5
        }
    }
}

/// Python's `str.strip()`.
fn py_strip(s: &str) -> &str {
    s.trim_matches(is_space)
}

/// `str.isupper()`: some cased character, none lowercase.
fn py_isupper(s: &str) -> bool {
    s.chars().any(|c| c.is_uppercase() || c.is_lowercase()) && !s.chars().any(char::is_lowercase)
}

/// `\d`: decimal digits (ASCII here; Python's also takes other scripts'
/// decimal digits, which English news does not use in sources).
fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
}

/// `[^\W\d_]`: a word character that is not a digit or underscore.
fn is_letter(c: char) -> bool {
    is_word(c) && !is_digit(c) && c != '_'
}

/// One-word sources the checker calls pronouns: the nine of [`PRON`] and
/// other personal, possessive, relative and demonstrative pronouns.
const FORM_PRON: [&str; 36] = [
    "he",
    "she",
    "they",
    "it",
    "her",
    "i",
    "we",
    "you",
    "him",
    "his",
    "hers",
    "its",
    "their",
    "theirs",
    "them",
    "me",
    "my",
    "mine",
    "us",
    "our",
    "ours",
    "your",
    "yours",
    "who",
    "whom",
    "whose",
    "which",
    "that",
    "this",
    "these",
    "those",
    "one",
    "himself",
    "herself",
    "itself",
    "themselves",
];
const CONNECTORS: [&str; 21] = [
    "of", "for", "the", "and", "de", "del", "da", "di", "du", "la", "le", "van", "von", "der",
    "bin", "al", "on", "at", "in", "&", "y",
];
const COMMON: [&str; 26] = [
    "a", "an", "all", "another", "any", "both", "each", "every", "few", "fellow", "former", "many",
    "more", "most", "much", "no", "not", "one", "other", "others", "several", "some", "such",
    "top", "two", "three",
];
const TITLE_WORDS: [&str; 36] = [
    "president",
    "vice",
    "sen",
    "sens",
    "senator",
    "rep",
    "representative",
    "gov",
    "governor",
    "mr",
    "mrs",
    "ms",
    "dr",
    "gen",
    "lt",
    "col",
    "secretary",
    "chief",
    "justice",
    "judge",
    "mayor",
    "speaker",
    "attorney",
    "general",
    "rev",
    "del",
    "commissioner",
    "chairman",
    "chairwoman",
    "prime",
    "minister",
    "chancellor",
    "ambassador",
    "house",
    "senate",
    "retired",
];

/// An article as the form heuristic reads it, in code points.
struct Article<'a> {
    chars: &'a [char],
    /// Everything after the first line (the whole text when one line).
    body: &'a [char],
    first_line_end: usize,
}

impl<'a> Article<'a> {
    fn new(chars: &'a [char]) -> Self {
        let newline = chars.iter().position(|&c| c == '\n');
        Article {
            chars,
            body: newline.map_or(chars, |n| &chars[n + 1..]),
            first_line_end: newline.unwrap_or(chars.len()),
        }
    }

    /// How the span `start..end` is written: pronoun, single word,
    /// multi-word name or description (the checker's heuristic).
    fn form(&self, start: usize, end: usize) -> &'static str {
        let end = end.min(self.chars.len());
        let start = start.min(end);
        let mut text: Vec<char> = self.chars[start..end]
            .iter()
            .map(|&c| if c == '’' { '\'' } else { c })
            .collect();
        // `\([^)]*\)` blanked, leftmost first.
        let mut i = 0;
        while i < text.len() {
            if text[i] == '(' {
                if let Some(k) = text[i + 1..].iter().position(|&c| c == ')') {
                    for c in &mut text[i..=i + 1 + k] {
                        *c = ' ';
                    }
                    i += k + 2;
                    continue;
                }
            }
            i += 1;
        }
        let separator = |c: char| is_space(c) || ",;:()[]—–".contains(c);
        let strip = |c: char| "\"'“”‘.,;:!?".contains(c);
        let mut words: Vec<(String, usize)> = Vec::new();
        let mut k = 0;
        while k < text.len() {
            if separator(text[k]) {
                k += 1;
                continue;
            }
            let from = k;
            while k < text.len() && !separator(text[k]) {
                k += 1;
            }
            let raw: String = text[from..k].iter().collect();
            let w = raw.trim_matches(strip).to_string();
            if w.chars().any(|c| is_letter(c) || is_digit(c)) {
                words.push((w, start + from));
            }
        }
        if words.is_empty() {
            return "description";
        }
        if words.len() == 1 {
            let w = &words[0].0;
            let w = w
                .strip_suffix("'s")
                .or_else(|| w.strip_suffix('\''))
                .unwrap_or(w)
                .to_lowercase();
            return if FORM_PRON.contains(&w.as_str()) {
                "pronoun"
            } else if w.chars().any(is_digit) {
                "description"
            } else {
                "single word"
            };
        }
        for (i, (w, pos)) in words.iter().enumerate() {
            let lw = w.to_lowercase();
            if w.chars().any(is_digit) {
                return "description";
            }
            if CONNECTORS.contains(&lw.as_str()) || (lw == "a" && i > 0) {
                continue;
            }
            let first_letter = w.chars().find(|c| c.is_alphabetic());
            if !first_letter.is_some_and(char::is_uppercase) {
                return "description";
            }
            let before = self.chars[..*pos]
                .iter()
                .rposition(|&c| !" \t\"'“”‘([".contains(c));
            let uninformative = *pos < self.first_line_end
                || before.is_none_or(|b| ".!?:\n―—-".contains(self.chars[b]))
                || (py_isupper(w) && w.chars().count() > 1 && i == 0);
            if TITLE_WORDS.contains(&lw.as_str()) {
                continue;
            }
            if uninformative && COMMON.contains(&lw.as_str()) {
                return "description";
            }
            if uninformative {
                let lw: Vec<char> = lw.chars().collect();
                let w: Vec<char> = w.chars().collect();
                if self.lower_used(&lw) && !self.capitalized_mid_sentence(&w) {
                    return "description";
                }
            }
        }
        "multi-word name"
    }

    /// `(?<![\w'])lw(?![\w])` occurs in the body.
    fn lower_used(&self, lw: &[char]) -> bool {
        occurrences(self.body, lw).any(|at| {
            let before_ok = at == 0 || {
                let c = self.body[at - 1];
                !(is_word(c) || c == '\'')
            };
            let after = at + lw.len();
            before_ok && (after >= self.body.len() || !is_word(self.body[after]))
        })
    }

    /// `[a-z,;]\s+w(?![\w])` occurs in the body.
    fn capitalized_mid_sentence(&self, w: &[char]) -> bool {
        occurrences(self.body, w).any(|at| {
            let after = at + w.len();
            if after < self.body.len() && is_word(self.body[after]) {
                return false;
            }
            let mut k = at;
            while k > 0 && is_space(self.body[k - 1]) {
                k -= 1;
            }
            k < at && k > 0 && matches!(self.body[k - 1], 'a'..='z' | ',' | ';')
        })
    }
}

/// Start positions of `needle` in `hay` (overlapping allowed).
fn occurrences<'h>(hay: &'h [char], needle: &'h [char]) -> impl Iterator<Item = usize> + 'h {
    let n = needle.len();
    (0..hay.len().saturating_sub(n.saturating_sub(1)))
        .filter(move |&i| n > 0 && hay[i..i + n] == *needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form_of(article: &str, span: &str) -> &'static str {
        let chars: Vec<char> = article.chars().collect();
        let at = article
            .find(&format!(" {span}"))
            .expect("span in the article")
            + 1;
        let start = article[..at].chars().count();
        Article::new(&chars).form(start, start + span.chars().count())
    }

    #[test]
    fn forms_follow_the_checker() {
        let a =
            "Headline here\n\nThe talks failed, he said. Clinton spokesman Nick Merrill said so. \
                 Donald Trump said no. Some voters agreed, and some said more. Officials said yes. \
                 A poll (x) said so.";
        assert_eq!(form_of(a, "he"), "pronoun");
        assert_eq!(form_of(a, "Clinton spokesman Nick Merrill"), "description");
        assert_eq!(form_of(a, "Donald Trump"), "multi-word name");
        assert_eq!(form_of(a, "Some voters"), "description");
        assert_eq!(form_of(a, "Officials"), "single word");
        assert_eq!(form_of(a, "(x)"), "description");
    }

    #[test]
    fn names_match_like_the_checker() {
        let row = |name: &str, kind: &str| GoldSpeaker {
            doc: "d".into(),
            start: 0,
            end: 1,
            name: name.into(),
            kind: kind.into(),
            high: true,
        };
        let s = |name: &str, anonymous: bool| PredSpeaker {
            name: name.into(),
            anonymous,
        };
        assert!(good(
            &row("Donald Trump", "person"),
            &s("Mr. Donald J. Trump", false)
        ));
        assert!(!good(&row("Donald Trump", "person"), &s("Trump", false)));
        assert!(good(&row("Obama", "person"), &s("Barack Obama", false)));
        assert!(good(
            &row("Enrique Peña Nieto", "person"),
            &s("Enrique Pena Nieto", false)
        ));
        assert!(good(&row("a source", "anonymous"), &s("anyone", true)));
        assert!(good(
            &row("The New York Post", "media"),
            &s("New York Post", false)
        ));
        assert!(!good(&row("Republicans", "group"), &s("Democrats", false)));
        assert_eq!(name_words("O’Malley's staff"), vec!["omalley", "staff"]);
    }
}
