//! Name keys: where spellings of one speaker meet across documents.

use whosaid::entities::variants::{body_key, fold, person_key};

/// The key of a speaker's name (`speakers.norm`): a person's formal first
/// name and last name ("Joe Biden" = "Joseph R. Biden"), else the folded
/// name without honorifics, possessives or middle initials; never empty
/// for a name with any character.
pub(crate) fn name_key(name: &str, person: bool) -> String {
    let key = if person {
        person_key(name)
    } else {
        body_key(name)
    };
    if key.is_empty() {
        fold(name)
    } else {
        key
    }
}

/// Every key a name typed by a user could be stored under (a person's
/// and a body's), without repeats.
pub(crate) fn lookup_keys(name: &str) -> Vec<String> {
    let mut keys = vec![name_key(name, true)];
    for k in [name_key(name, false), fold(name)] {
        if !keys.contains(&k) {
            keys.push(k);
        }
    }
    keys
}

/// The surname of a key of two or more words (its last word before a
/// generational suffix), none for one-word keys.
pub(crate) fn last_word(key: &str) -> Option<&str> {
    let (rest, last) = key.rsplit_once(' ')?;
    if matches!(last, "jr" | "sr" | "ii" | "iii" | "iv") {
        // "donald trump jr": the surname is before the suffix.
        return rest.rsplit_once(' ').map(|(_, surname)| surname);
    }
    Some(last)
}

/// A name as displayed: whitespace runs as one space, a possessive ending
/// removed ("Trump’s" → "Trump").
pub(crate) fn display_name(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    match words.split_last() {
        Some((last, rest)) => {
            let mut out = rest.join(" ");
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(whosaid::entities::strip_possessive(last));
            out
        }
        None => name.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_join_spellings() {
        assert_eq!(name_key("Mr. Trump’s", true), "trump");
        assert_eq!(name_key("Mr. Trump", false), "trump");
        assert_eq!(name_key("Tomás Okoro", true), name_key("Tomas Okoro", true));
        assert_eq!(name_key("Donald J. Trump", false), "donald trump");
        assert_eq!(name_key("’s", true), "'s");
        assert_eq!(last_word("donald trump"), Some("trump"));
        assert_eq!(last_word("trump"), None);
        assert_eq!(last_word("donald trump jr"), Some("trump"));
        assert_eq!(display_name("Mr.  Trump’s"), "Mr. Trump");
        assert_eq!(display_name(""), "");
    }
}
