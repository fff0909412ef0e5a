//! When a description names someone else: a title word in one spelling
//! ("Gov." is "governor"), and the party or public office a description
//! names against the ones a person's titles hold ("The GOP nominee" is not
//! the "Democratic presidential nominee", "the minister" not "Mayor" …).

use super::*;

/// A title word in one spelling, so that "the GOP nominee" meets
/// "Republican presidential nominee" and "the governor" meets "Gov.".
pub(super) fn title_word(word: &str) -> &str {
    match word {
        "gop" => "republican",
        "democrat" | "dem." => "democratic",
        "gov." => "governor",
        "sen." => "senator",
        "rep." => "representative",
        "justice" => "judge",
        "gen." => "general",
        "secretary-general" => "secretary",
        "ceo" | "chief executive" => "executive",
        "lawyer" => "attorney",
        _ => word,
    }
}

/// Whether a description and a person's titles name different parties
/// ("The GOP nominee" and "Democratic presidential nominee") or different
/// offices ("the minister" and "Mayor"): the description is someone else.
/// A former office ("the former governor") may be any person's.
pub(super) fn role_conflict(x: &entities::Entity, words: &[String]) -> bool {
    party_conflict(x, words) || office_conflict(x, words)
}

/// Whether a description names one party ("The GOP nominee") and the
/// person's titles another ("Democratic presidential nominee").
fn party_conflict(x: &entities::Entity, words: &[String]) -> bool {
    let party = |w: &str| {
        let w = title_word(entities::strip_possessive(w));
        matches!(w, "republican" | "democratic").then(|| w.to_string())
    };
    let Some(said) = words.iter().find_map(|w| party(w)) else {
        return false;
    };
    x.titles
        .iter()
        .flat_map(|t| t.split_whitespace())
        .filter_map(|w| party(&w.to_lowercase()))
        .any(|p| p != said)
}

/// Whether a description names one public office ("the minister") and
/// the person's titles others only ("Mayor"), neither of them a former
/// one.
fn office_conflict(x: &entities::Entity, words: &[String]) -> bool {
    let office = |w: &str| {
        let w = title_word(entities::strip_possessive(w));
        OFFICES.contains(&w).then(|| w.to_string())
    };
    let former = |w: &str| matches!(w, "former" | "ex" | "then" | "onetime" | "late");
    if words.iter().any(|w| former(w)) {
        return false;
    }
    let Some(said) = words.iter().find_map(|w| office(w)) else {
        return false;
    };
    let mut held = x
        .titles
        .iter()
        .map(|t| t.to_lowercase())
        .filter(|t| {
            !t.split_whitespace()
                .any(|w| former(w) || w.starts_with("ex-"))
        })
        .flat_map(|t| t.split_whitespace().filter_map(office).collect::<Vec<_>>())
        .peekable();
    held.peek().is_some() && held.all(|o| o != said)
}

/// Public offices one person rarely holds two of at once, in
/// [`title_word`]'s spelling.
const OFFICES: &[&str] = &[
    "mayor",
    "governor",
    "senator",
    "minister",
    "president",
    "premier",
    "chancellor",
    "ambassador",
    "judge",
    "sheriff",
    "congressman",
    "congresswoman",
];
