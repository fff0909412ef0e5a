//! Spelling variants of one name: case, diacritics ("Tomás" = "Tomas"),
//! apostrophe styles ("O’Malley" = "O'Malley"), possessives, honorifics
//! and short first names ("Joe" = "Joseph"). Used to compare names, never
//! to display them.

use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};

/// A word or name folded for comparison: lowercase, diacritics removed
/// (NFD, combining marks dropped), every apostrophe style as `'`, runs of
/// whitespace as one space.
pub fn fold(text: &str) -> String {
    if text.is_ascii() && !text.contains(['`', ' ', '\t', '\n', '\r']) {
        // One ASCII word (most names): lowercase, backquotes aside.
        return text.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        match c {
            '’' | '‘' | 'ʼ' | '`' | '´' | '′' => out.push('\''),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// The formal first name of a folded short form ("joe" → "joseph",
/// "ken" → "kenneth"), for the common English short forms that stand for
/// one formal name only; the name itself otherwise. Short forms shared by
/// several names ("chris", "pat", "ted", "rick") stay as written.
pub fn formal_first_name(folded: &str) -> &str {
    SHORT_FORMS
        .binary_search_by(|(short, _)| short.cmp(&folded))
        .map_or(folded, |i| SHORT_FORMS[i].1)
}

/// Short first names and their formal name, sorted by short form.
const SHORT_FORMS: &[(&str, &str)] = &[
    ("abe", "abraham"),
    ("alex", "alexander"),
    ("andy", "andrew"),
    ("barb", "barbara"),
    ("becky", "rebecca"),
    ("ben", "benjamin"),
    ("bernie", "bernard"),
    ("betsy", "elizabeth"),
    ("bill", "william"),
    ("billy", "william"),
    ("bob", "robert"),
    ("bobby", "robert"),
    ("charlie", "charles"),
    ("chuck", "charles"),
    ("dan", "daniel"),
    ("danny", "daniel"),
    ("dave", "david"),
    ("debbie", "deborah"),
    ("dick", "richard"),
    ("don", "donald"),
    ("doug", "douglas"),
    ("ed", "edward"),
    ("eddie", "edward"),
    ("fred", "frederick"),
    ("greg", "gregory"),
    ("hank", "henry"),
    ("jeff", "jeffrey"),
    ("jim", "james"),
    ("jimmy", "james"),
    ("joe", "joseph"),
    ("joey", "joseph"),
    ("jon", "jonathan"),
    ("ken", "kenneth"),
    ("kenny", "kenneth"),
    ("larry", "lawrence"),
    ("liz", "elizabeth"),
    ("matt", "matthew"),
    ("mike", "michael"),
    ("mitch", "mitchell"),
    ("nick", "nicholas"),
    ("pete", "peter"),
    ("phil", "philip"),
    ("ron", "ronald"),
    ("ronnie", "ronald"),
    ("steph", "stephanie"),
    ("stephen", "steven"),
    ("steve", "steven"),
    ("sue", "susan"),
    ("tim", "timothy"),
    ("tom", "thomas"),
    ("tommy", "thomas"),
    ("tony", "anthony"),
    ("vince", "vincent"),
    ("walt", "walter"),
    ("will", "william"),
];

/// Abbreviated titles written before a name ("Sen. Rubio"), folded; like
/// honorifics they are not part of the name.
const TITLE_ABBREVIATIONS: &[&str] = &[
    "dr.", "gen.", "gov.", "lt.", "pres.", "prof.", "rep.", "rev.", "sen.", "sgt.", "col.",
    "capt.", "adm.", "amb.", "atty.", "supt.",
];

/// Name suffixes that are not surnames ("Jr.", "III").
const NAME_SUFFIXES: &[&str] = &["jr.", "jr", "sr.", "sr", "ii", "iii", "iv"];

/// The folded words of a name as compared across documents: honorifics
/// and abbreviated titles before it and possessive endings removed ("Mr. Trump’s" → `["trump"]`, "Tomás Okoro" →
/// `["tomas", "okoro"]`).
pub fn name_words(name: &str) -> Vec<String> {
    let folded = fold(name);
    let mut words: Vec<String> = folded
        .split(' ')
        .map(|w| w.trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '"' | '“' | '”')))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    while words.len() > 1
        && (super::is_honorific(&words[0]) || TITLE_ABBREVIATIONS.contains(&words[0].as_str()))
    {
        words.remove(0);
    }
    if let Some(last) = words.last_mut() {
        let bare = super::strip_possessive(last).to_string();
        *last = bare;
    }
    words
}

/// A name's words without a generational suffix, and the suffix ("jr").
fn split_suffix(mut words: Vec<String>) -> (Vec<String>, Option<String>) {
    if words.len() > 2
        && words
            .last()
            .is_some_and(|w| NAME_SUFFIXES.contains(&w.as_str()))
    {
        let suffix = words.pop().map(|w| w.trim_end_matches('.').to_string());
        return (words, suffix);
    }
    (words, None)
}

/// Whether a folded word is an initial ("j.", "j").
fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next(), chars.next()), (Some(c), None | Some('.'), None) if c.is_alphabetic())
}

/// The key under which variants of one person's name meet: formal first
/// name and last name ("Joseph R. Biden" and "Joe Biden" → "joseph
/// biden"), then a generational suffix ("jr"); one-word names stay whole
/// ("obama").
pub fn person_key(name: &str) -> String {
    let (words, suffix) = split_suffix(name_words(name));
    let key = match words.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [first, .., last] => format!("{} {last}", formal_first_name(first)),
    };
    // "Donald Trump Jr." is not "Donald Trump".
    match suffix {
        Some(s) => format!("{key} {s}"),
        None => key,
    }
}

/// The key of a name that is not a person's: folded words, honorifics,
/// a leading "the" and possessives removed, middle initials dropped ("The
/// Clinton Foundation’s" → "clinton foundation").
pub fn body_key(name: &str) -> String {
    let mut words = name_words(name);
    if words.len() > 1 && words[0] == "the" {
        words.remove(0);
    }
    let n = words.len();
    words
        .iter()
        .enumerate()
        .filter(|(i, w)| *i == 0 || *i + 1 == n || !is_initial(w))
        .map(|(_, w)| w.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether folded `a` and `b` differ by one letter substituted, added or
/// dropped, and not by a plural's `s` ("wines" ~ "wimes", "mclenney" ~
/// "mcclenney"; "clintons" is not "clinton") after the same first letter:
/// a misspelled surname.
pub fn one_typo_apart(a: &str, b: &str) -> bool {
    // Asked of every pair of an unknown word and a name word in the
    // article: most pairs differ at their first letter, so that is read
    // first, and nothing is allocated.
    if a == b || a.chars().next() != b.chars().next() {
        return false;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    let (short, long, ls, ll) = if la <= lb {
        (a, b, la, lb)
    } else {
        (b, a, lb, la)
    };
    if ll - ls > 1 {
        return false;
    }
    let head = short
        .chars()
        .zip(long.chars())
        .take_while(|(x, y)| x == y)
        .count();
    if ls == ll {
        return short.chars().skip(head + 1).eq(long.chars().skip(head + 1));
    }
    let plural = head == ls && long.ends_with('s');
    !plural && short.chars().skip(head).eq(long.chars().skip(head + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_forms_are_sorted_for_binary_search() {
        assert!(SHORT_FORMS.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn folding_joins_spelling_variants() {
        assert_eq!(fold("Tomás  Okoro"), "tomas okoro");
        assert_eq!(fold("Martin O’Malley"), fold("Martin O'Malley"));
        assert_eq!(fold("Peña Nieto"), "pena nieto");
        assert_eq!(fold(" Ünal "), "unal");
        assert_eq!(fold("O`Neill"), "o'neill");
        assert_eq!(fold("McCain"), "mccain");
    }

    #[test]
    fn person_keys_join_variants_of_one_person() {
        assert_eq!(person_key("Joseph R. Biden"), person_key("Joe Biden"));
        assert_eq!(person_key("Ken Starr"), person_key("Kenneth Starr"));
        assert_eq!(person_key("Mr. Trump’s"), "trump");
        assert_eq!(person_key("Sen. Marco Rubio"), "marco rubio");
        assert_eq!(person_key("Martin Luther King Jr."), "martin king jr");
        assert_eq!(person_key("Donald Trump Jr."), "donald trump jr");
        assert_ne!(person_key("Donald Trump Jr."), person_key("Donald Trump"));
        assert_eq!(person_key("Enrique Peña Nieto"), "enrique nieto");
        // Different people stay apart.
        assert_ne!(person_key("Chris Smith"), person_key("Christine Smith"));
        assert_ne!(person_key("Hillary Clinton"), person_key("Bill Clinton"));
        // A lone honorific is kept rather than emptied.
        assert_eq!(person_key("Mr."), "mr.");
        assert_eq!(person_key("   "), "");
    }

    #[test]
    fn body_keys_keep_every_word_but_middle_initials() {
        assert_eq!(body_key("the Clinton Foundation’s"), "clinton foundation");
        assert_eq!(body_key("Donald J. Trump"), "donald trump");
        assert_eq!(body_key("J. Crew"), "j. crew");
        assert_eq!(
            body_key("U.S. Chamber of Commerce"),
            "u.s. chamber of commerce"
        );
    }

    #[test]
    fn one_typo_apart_agrees_with_the_char_vector_reading() {
        // The reading it replaced (two `Vec<char>` a pair), for reference.
        fn by_vectors(a: &str, b: &str) -> bool {
            let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            let (short, long) = if a.len() <= b.len() {
                (&a, &b)
            } else {
                (&b, &a)
            };
            if long.len() - short.len() > 1 || a == b {
                return false;
            }
            let head = short
                .iter()
                .zip(long.iter())
                .take_while(|(x, y)| x == y)
                .count();
            if head == 0 {
                return false;
            }
            if short.len() == long.len() {
                return short[head + 1..] == long[head + 1..];
            }
            let plural = head == short.len() && long.last() == Some(&'s');
            !plural && short[head..] == long[head + 1..]
        }
        let words = [
            "",
            "a",
            "s",
            "as",
            "ab",
            "ba",
            "wines",
            "wimes",
            "wine",
            "winess",
            "clinton",
            "clintons",
            "clintn",
            "mclenney",
            "mcclenney",
            "łódź",
            "łodź",
            "lódź",
            "müller",
            "muller",
            "mülller",
            "smith",
            "smyth",
            "smiths",
            "smithe",
            "ssmith",
        ];
        for a in words {
            for b in words {
                assert_eq!(one_typo_apart(a, b), by_vectors(a, b), "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn one_typo_apart_is_a_misspelling_not_a_plural() {
        assert!(one_typo_apart("wines", "wimes"));
        assert!(one_typo_apart("mclenney", "mcclenney"));
        assert!(one_typo_apart("mcclenney", "mclenney"));
        assert!(!one_typo_apart("clintons", "clinton"));
        assert!(!one_typo_apart("clinton", "clinton"));
        assert!(!one_typo_apart("wimes", "fimes"));
        assert!(!one_typo_apart("smith", "smythe"));
        assert!(!one_typo_apart("", "a"));
    }
}
