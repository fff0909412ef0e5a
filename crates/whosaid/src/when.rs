//! Time expressions of news text ("in 2023", "on Friday", "last week", "in
//! the autumn of 2021"), resolved against the publication date when known.
//!
//! Values are ISO 8601 prefixes where ISO has one (`2023`, `2023-05`,
//! `2023-05-12`, `2023-W19`) and `YYYY-season` for seasons. Relative
//! expressions ("on Friday") resolve only with a publication date; without
//! one they are reported with no value: nothing is guessed.

use std::ops::Range;

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use crate::perceptron::{sym, FeatureMap};
use crate::text::{Document, TokenKind};

/// One time expression: its tokens and, when it can be resolved, its value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeMatch {
    /// Tokens of the expression, preposition included ("in 2023").
    pub tokens: Range<usize>,
    /// The resolved value, `None` when it is relative and no publication
    /// date is known.
    pub value: Option<String>,
    /// Whether the expression depends on when the text was written.
    pub relative: bool,
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const MONTH_ABBREVIATIONS: [&str; 12] = [
    "jan.", "feb.", "mar.", "apr.", "may", "jun.", "jul.", "aug.", "sept.", "oct.", "nov.", "dec.",
];
const WEEKDAYS: [(&str, Weekday); 7] = [
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];
const SEASONS: [&str; 5] = ["spring", "summer", "autumn", "fall", "winter"];
/// Number words up to twelve ("two weeks ago"; a share, "three in five").
pub(crate) const SMALL_NUMBERS: [&str; 13] = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve",
];

/// Reads tokens of one document, lowercased, within an allowed set.
struct Reader<'a, F> {
    doc: &'a Document,
    /// The tokens read: `start..end`.
    start: usize,
    end: usize,
    allowed: F,
}

impl<F: Fn(usize) -> bool> Reader<'_, F> {
    /// Lowercased word at document token `i`, if allowed.
    fn word(&self, i: usize) -> Option<&str> {
        if i < self.start || i >= self.end || !(self.allowed)(i) {
            return None;
        }
        Some(self.doc.lower(i))
    }

    fn is(&self, i: usize, options: &[&str]) -> bool {
        self.word(i).is_some_and(|w| options.contains(&w))
    }

    fn capitalized(&self, i: usize) -> bool {
        self.doc
            .token_text(i)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    }

    fn year(&self, i: usize) -> Option<i32> {
        let w = self.word(i)?;
        if self.doc.tokens[i].kind != TokenKind::Number || w.len() != 4 {
            return None;
        }
        w.parse().ok().filter(|y| (1800..=2200).contains(y))
    }

    fn month(&self, i: usize) -> Option<u32> {
        let w = self.word(i)?;
        // "may" is a month only when capitalized.
        if w == "may" && !self.capitalized(i) {
            return None;
        }
        let k = MONTHS
            .iter()
            .position(|m| *m == w)
            .or_else(|| MONTH_ABBREVIATIONS.iter().position(|m| *m == w))?;
        Some(k as u32 + 1)
    }

    fn day(&self, i: usize) -> Option<u32> {
        let w = self.word(i)?;
        let digits: String = w.chars().take_while(char::is_ascii_digit).collect();
        let rest = &w[digits.len()..];
        if !matches!(rest, "" | "st" | "nd" | "rd" | "th") {
            return None;
        }
        digits.parse().ok().filter(|d| (1..=31).contains(d))
    }

    fn weekday(&self, i: usize) -> Option<Weekday> {
        let w = self.word(i)?;
        WEEKDAYS.iter().find(|(n, _)| *n == w).map(|&(_, d)| d)
    }

    fn count(&self, i: usize) -> Option<u32> {
        let w = self.word(i)?;
        if w == "a" || w == "an" {
            return Some(1);
        }
        SMALL_NUMBERS
            .iter()
            .position(|n| *n == w)
            .map(|k| k as u32)
            .or_else(|| w.parse().ok().filter(|&n| n < 1000))
    }
}

/// The tense of the statement a time expression may date: it decides
/// whether a month without a year ("in July") lies before or after
/// publication.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    /// Said or done before publication ("said", "had announced").
    Past,
    /// To come ("will speak", "is going to").
    Future,
    /// The text does not say.
    Unknown,
}

/// What an expression denotes, before resolution.
enum Denotes {
    Year(i32),
    Season(&'static str, i32),
    Month(u32, Option<i32>),
    Date(u32, u32, Option<i32>),
    /// A weekday; `strictly_before`: "last Friday" excludes the publication day.
    Weekday(Weekday, bool),
    DaysBefore(u64),
    /// Weeks, months, years before publication (0: this one).
    WeeksBefore(u64),
    MonthsBefore(u32),
    YearsBefore(i32),
}

impl Denotes {
    fn relative(&self) -> bool {
        !matches!(
            self,
            Denotes::Year(_)
                | Denotes::Season(..)
                | Denotes::Month(_, Some(_))
                | Denotes::Date(_, _, Some(_))
        )
    }

    fn resolve(&self, published: Option<NaiveDate>, tense: Tense) -> Option<String> {
        let p = published;
        // A month or date without a year lies in the year of publication
        // when it is not later than publication; a later one is last
        // year's for a past statement and this year's or next for a future
        // one, and stays unresolved when the tense does not say.
        let year_of = |m: u32, d: u32| -> Option<i32> {
            let p = p?;
            let not_later = (m, d) <= (p.month(), p.day());
            match tense {
                _ if not_later && tense != Tense::Future => Some(p.year()),
                Tense::Past => Some(p.year() - 1),
                Tense::Future if not_later => Some(p.year() + 1),
                Tense::Future => Some(p.year()),
                Tense::Unknown => None,
            }
        };
        match *self {
            Denotes::Year(y) => Some(format!("{y}")),
            Denotes::Season(s, y) => Some(format!("{y}-{s}")),
            Denotes::Month(m, Some(y)) => Some(format!("{y}-{m:02}")),
            Denotes::Month(m, None) => {
                // This month is this month whatever the tense.
                let this = p.is_some_and(|p| p.month() == m);
                let y = if this {
                    p.map(|p| p.year())
                } else {
                    year_of(m, 1)
                }?;
                Some(format!("{y}-{m:02}"))
            }
            Denotes::Date(m, d, y) => {
                let y = match y {
                    Some(y) => y,
                    None => year_of(m, d)?,
                };
                NaiveDate::from_ymd_opt(y, m, d).map(|date| date.to_string())
            }
            Denotes::Weekday(w, strictly_before) => {
                let p = p?;
                let mut back =
                    (7 + p.weekday().num_days_from_monday() - w.num_days_from_monday()) % 7;
                if back == 0 && strictly_before {
                    back = 7;
                }
                p.checked_sub_days(Days::new(u64::from(back)))
                    .map(|d| d.to_string())
            }
            Denotes::DaysBefore(n) => p?.checked_sub_days(Days::new(n)).map(|d| d.to_string()),
            Denotes::WeeksBefore(n) => {
                let d = p?.checked_sub_days(Days::new(7 * n))?;
                let w = d.iso_week();
                Some(format!("{}-W{:02}", w.year(), w.week()))
            }
            Denotes::MonthsBefore(n) => {
                let d = p?.checked_sub_months(Months::new(n))?;
                Some(format!("{}-{:02}", d.year(), d.month()))
            }
            Denotes::YearsBefore(n) => Some(format!("{}", p?.year() - n)),
        }
    }
}

/// Every time expression among `range`'s tokens for which `allowed` holds
/// (all of an expression's tokens must be allowed), in text order.
pub fn find(
    doc: &Document,
    range: Range<usize>,
    allowed: impl Fn(usize) -> bool,
    published: Option<NaiveDate>,
    tense: Tense,
) -> Vec<TimeMatch> {
    let range = range.start.min(doc.tokens.len())..range.end.min(doc.tokens.len());
    // Most frames hold no word an expression can start with: skip them.
    if !range.clone().any(|i| may_start(doc, i)) {
        return Vec::new();
    }
    let reader = Reader {
        doc,
        start: range.start,
        end: range.end,
        allowed,
    };
    let mut out = Vec::new();
    let mut i = range.start;
    while i < range.end {
        if !may_start(doc, i) {
            i += 1;
            continue;
        }
        match match_at(&reader, i) {
            Some((len, what)) => {
                out.push(TimeMatch {
                    tokens: i..i + len,
                    value: what.resolve(published, tense),
                    relative: what.relative(),
                });
                i += len;
            }
            None => i += 1,
        }
    }
    out
}

/// Lowercased words an expression can start with (besides numbers): what
/// [`match_at`] reads at its first token.
static STARTERS: std::sync::LazyLock<FeatureMap<()>> = std::sync::LazyLock::new(|| {
    let words = [
        "in", "on", "during", "since", "from", "by", "the", "a", "an",
    ]
    .into_iter()
    .chain(["yesterday", "today", "tonight", "last", "this", "earlier"])
    .chain(SEASONS)
    .chain(MONTHS)
    .chain(MONTH_ABBREVIATIONS)
    .chain(WEEKDAYS.map(|(w, _)| w))
    .chain(SMALL_NUMBERS);
    words.map(|w| (sym(w), ())).collect()
});

/// Whether an expression may start at token `i` (a cheap superset of
/// where [`match_at`] finds one: a starter word or a number).
pub(crate) fn may_start(doc: &Document, i: usize) -> bool {
    doc.token_text(i)
        .bytes()
        .next()
        .is_some_and(|b| b.is_ascii_digit() || b == b'+')
        || STARTERS.contains_key(&doc.lower_sym(i))
}

/// The expression starting at `i`: its length in tokens and meaning.
fn match_at<F: Fn(usize) -> bool>(r: &Reader<'_, F>, i: usize) -> Option<(usize, Denotes)> {
    let lead = usize::from(r.is(i, &["in", "on", "during", "since", "from", "by"]));
    let j = i + lead;
    // the autumn of 2021 / autumn 2021
    let the = usize::from(r.is(j, &["the"]));
    if let Some(season) = r
        .word(j + the)
        .and_then(|w| SEASONS.iter().find(|s| **s == w))
    {
        let season = if *season == "fall" { "autumn" } else { season };
        let k = j + the + 1;
        let of = usize::from(r.is(k, &["of"]));
        if let Some(y) = r.year(k + of) {
            return Some((lead + the + 1 + of + 1, Denotes::Season(season, y)));
        }
    }
    // May 12, 2023 / May 12th / May 2023 / May
    if let Some(m) = r.month(j) {
        if let Some(d) = r.day(j + 1) {
            let comma = usize::from(r.is(j + 2, &[","]));
            if let Some(y) = r.year(j + 2 + comma) {
                return Some((lead + 3 + comma, Denotes::Date(m, d, Some(y))));
            }
            return Some((lead + 2, Denotes::Date(m, d, None)));
        }
        if let Some(y) = r.year(j + 1) {
            return Some((lead + 2, Denotes::Month(m, Some(y))));
        }
        if lead == 1 && r.is(i, &["in", "since", "during", "by"]) {
            return Some((2, Denotes::Month(m, None)));
        }
        return None;
    }
    // 12 May 2023
    if let (Some(d), Some(m)) = (r.day(j), r.month(j + 1)) {
        if let Some(y) = r.year(j + 2) {
            return Some((lead + 3, Denotes::Date(m, d, Some(y))));
        }
        return Some((lead + 2, Denotes::Date(m, d, None)));
    }
    if let Some(y) = r.year(j) {
        if lead == 1 {
            return Some((2, Denotes::Year(y)));
        }
        return None;
    }
    if let Some(w) = r.weekday(j) {
        return Some((lead + 1, Denotes::Weekday(w, false)));
    }
    if lead == 1 {
        return None;
    }
    match r.word(i)? {
        "yesterday" => return Some((1, Denotes::DaysBefore(1))),
        "today" | "tonight" => return Some((1, Denotes::DaysBefore(0))),
        "last" => {
            if let Some(w) = r.weekday(i + 1) {
                return Some((2, Denotes::Weekday(w, true)));
            }
            return match r.word(i + 1)? {
                "week" => Some((2, Denotes::WeeksBefore(1))),
                "month" => Some((2, Denotes::MonthsBefore(1))),
                "year" => Some((2, Denotes::YearsBefore(1))),
                "night" => Some((2, Denotes::DaysBefore(1))),
                _ => None,
            };
        }
        "this" | "earlier" => {
            let k = i + 1 + usize::from(r.is(i, &["earlier"]) && r.is(i + 1, &["this"]));
            if !r.is(i, &["this"]) && k == i + 1 {
                return None;
            }
            return match r.word(k)? {
                "week" => Some((k + 1 - i, Denotes::WeeksBefore(0))),
                "month" => Some((k + 1 - i, Denotes::MonthsBefore(0))),
                "year" => Some((k + 1 - i, Denotes::YearsBefore(0))),
                "morning" | "afternoon" | "evening" => Some((k + 1 - i, Denotes::DaysBefore(0))),
                _ => None,
            };
        }
        _ => {}
    }
    // two weeks ago
    let n = r.count(i)?;
    let unit = r.word(i + 1)?;
    if !r.is(i + 2, &["ago"]) {
        return None;
    }
    let what = match unit.trim_end_matches('s') {
        "day" => Denotes::DaysBefore(u64::from(n)),
        "week" => Denotes::WeeksBefore(u64::from(n)),
        "month" => Denotes::MonthsBefore(n),
        "year" => Denotes::YearsBefore(n as i32),
        _ => return None,
    };
    Some((3, what))
}

/// Nouns of time: they name no speaker by themselves ("Last week officials
/// said" has no speaker "week"), and a time phrase is no part of a noun
/// phrase before or after it.
pub(crate) const TIME_NOUNS: &[&str] = &[
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "night",
    "morning",
    "afternoon",
    "evening",
    "weekend",
    "time",
    "today",
    "yesterday",
    "tonight",
    "tomorrow",
];

/// Whether a lowercase word names a month, a weekday or a stretch of time
/// ("Thursday", "week", "tonight"): a time phrase's head, never a name's.
pub(crate) fn is_time_word(word: &str) -> bool {
    is_calendar_word(word) || TIME_NOUNS.contains(&word)
}

/// Whether a lowercase word names a weekday ("friday").
pub(crate) fn is_weekday(word: &str) -> bool {
    WEEKDAYS.iter().any(|(w, _)| *w == word)
}

/// Whether a lowercase word names a month or a weekday ("Apple on Monday"
/// is not an organization called "Apple on Monday").
pub(crate) fn is_calendar_word(word: &str) -> bool {
    MONTHS.contains(&word) || is_weekday(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str, published: Option<&str>) -> Vec<(String, Option<String>)> {
        let doc = Document::new(text);
        let p = published.map(|s| s.parse().unwrap());
        find(&doc, 0..doc.tokens.len(), |_| true, p, Tense::Past)
            .into_iter()
            .map(|m| {
                let a = doc.tokens[m.tokens.start].start;
                let b = doc.tokens[m.tokens.end - 1].end;
                (doc.text()[a..b].to_string(), m.value)
            })
            .collect()
    }

    fn one(text: &str, published: Option<&str>) -> Option<String> {
        let v = values(text, published);
        assert_eq!(v.len(), 1, "{text}: {v:?}");
        v[0].1.clone()
    }

    #[test]
    fn absolute_expressions_need_no_date() {
        assert_eq!(
            one("He explained in 2023 that", None).as_deref(),
            Some("2023")
        );
        assert_eq!(
            one("Putin declared in the autumn of 2021, and", None).as_deref(),
            Some("2021-autumn")
        );
        assert_eq!(
            one("said on March 5, 2024.", None).as_deref(),
            Some("2024-03-05")
        );
        assert_eq!(one("in May 2019", None).as_deref(), Some("2019-05"));
        assert_eq!(one("on 12 May 2023", None).as_deref(), Some("2023-05-12"));
    }

    #[test]
    fn relative_expressions_resolve_against_publication() {
        // 2025-02-17 is a Monday.
        let p = Some("2025-02-17");
        assert_eq!(
            one("In an interview that aired on Friday,", p).as_deref(),
            Some("2025-02-14")
        );
        assert_eq!(one("said Monday", p).as_deref(), Some("2025-02-17"));
        assert_eq!(one("said last Monday", p).as_deref(), Some("2025-02-10"));
        assert_eq!(
            one("told reporters yesterday", p).as_deref(),
            Some("2025-02-16")
        );
        assert_eq!(one("said last week", p).as_deref(), Some("2025-W07"));
        assert_eq!(one("said earlier this year", p).as_deref(), Some("2025"));
        assert_eq!(one("two years ago", p).as_deref(), Some("2023"));
        assert_eq!(one("said a week ago", p).as_deref(), Some("2025-W07"));
        assert_eq!(one("in March", p).as_deref(), Some("2024-03"));
        assert_eq!(one("in January", p).as_deref(), Some("2025-01"));
        assert_eq!(one("on Dec. 24", p).as_deref(), Some("2024-12-24"));
    }

    #[test]
    fn a_month_without_a_year_follows_the_tense() {
        let p: Option<NaiveDate> = "2016-05-10".parse().ok();
        let month = |text: &str, tense: Tense| {
            let doc = Document::new(text);
            find(&doc, 0..doc.tokens.len(), |_| true, p, tense)
                .pop()
                .and_then(|m| m.value)
        };
        // Regression: "the convention in July" in a May article was last July.
        assert_eq!(month("in July", Tense::Future).as_deref(), Some("2016-07"));
        assert_eq!(month("in July", Tense::Past).as_deref(), Some("2015-07"));
        assert_eq!(month("in July", Tense::Unknown), None);
        assert_eq!(
            month("in March", Tense::Unknown).as_deref(),
            Some("2016-03")
        );
        assert_eq!(month("in March", Tense::Future).as_deref(), Some("2017-03"));
        assert_eq!(month("in May", Tense::Future).as_deref(), Some("2016-05"));
    }

    #[test]
    fn relative_expressions_stay_relative_without_a_date() {
        let doc = Document::new("It aired on Friday.");
        let m = find(&doc, 0..doc.tokens.len(), |_| true, None, Tense::Past);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].value, None);
        assert!(m[0].relative);
    }

    #[test]
    fn ordinary_words_are_not_times() {
        assert!(values("He may say so. It is a fall risk. In 300 cases.", None).is_empty());
        assert!(values("The last word, this plan.", Some("2025-01-01")).is_empty());
    }

    #[test]
    fn disallowed_tokens_are_skipped() {
        let doc = Document::new("said in 2023 that “in 2021 we won”");
        let quoted = |i: usize| doc.token_is(i, "2021");
        let m = find(&doc, 0..doc.tokens.len(), |i| !quoted(i), None, Tense::Past);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].value.as_deref(), Some("2023"));
    }
}
