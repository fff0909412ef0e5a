//! Kinds of bodies a noun or a name says: the nouns a description of an
//! organization or outlet ends in ("the agency", "the network"), and
//! which kind of body ("the company" is a business, "the commission" a
//! public body, "the league" a membership body, "the university" an
//! institution) a description never crosses to.

/// Nouns for kinds of organizations besides businesses
/// ([`BUSINESS_NOUNS`]), which refer back to the latest one named ("the
/// agency", "the union").
const BODY_NOUNS: &[&str] = &[
    "agency",
    "union",
    "bank",
    "organization",
    "group",
    "committee",
    "panel",
    "court",
    "department",
    "ministry",
    "council",
    "commission",
    "board",
    "institute",
    "foundation",
    "association",
    "charity",
    "university",
    "bureau",
    "office",
    "regulator",
    "authority",
    "government",
    "party",
    "coalition",
    "alliance",
    "club",
    "team",
    "league",
];

/// The kinds of body a description and a name can each say, which a
/// description never crosses ("The company said" after the Irish Data
/// Protection Commission is not the commission).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum BodyKind {
    /// A business: "the company", "Acme Corp.".
    Business,
    /// A public body: "the agency", "the commission", "the ministry".
    Public,
    /// A membership body: "the union", "the league", "the World Health
    /// Organization" ("the company" after it is another body).
    Membership,
    /// A place of teaching or care: "the university", "the Cleveland
    /// Clinic" ("the company" after it is another body).
    Institution,
}

/// Nouns of businesses (descriptions' heads and names' words).
const BUSINESS_NOUNS: &[&str] = &[
    "company",
    "consultancy",
    "firm",
    "corporation",
    "corp",
    "inc",
    "co",
    "ltd",
    "llc",
    "plc",
    "retailer",
    "manufacturer",
    "automaker",
    "insurer",
    "airline",
    "airlines",
    "startup",
    "utility",
    "lender",
    "carrier",
    "operator",
    "supplier",
    "chain",
    "conglomerate",
    "giant",
    "maker",
    "carmaker",
    "chipmaker",
    "drugmaker",
    "planemaker",
];

/// Nouns of public bodies (descriptions' heads and names' words).
const PUBLIC_NOUNS: &[&str] = &[
    "office",
    "agency",
    "commission",
    "ministry",
    "department",
    "bureau",
    "regulator",
    "authority",
    "government",
    "administration",
    "court",
    "council",
];

/// Nouns of membership bodies (descriptions' heads and names' words).
const MEMBERSHIP_NOUNS: &[&str] = &[
    "organization",
    "organisation",
    "association",
    "union",
    "league",
    "party",
    "committee",
    "foundation",
    "institute",
    "coalition",
    "alliance",
    "federation",
    "society",
    "workers",
    "teamsters",
    "club",
    "charity",
];

/// Nouns of places of teaching or care (descriptions' heads and names'
/// words).
const INSTITUTION_NOUNS: &[&str] = &[
    "university",
    "college",
    "school",
    "academy",
    "hospital",
    "clinic",
    "museum",
];

/// Whether a description's head noun is a kind of organization's, which
/// refers back to the latest one named ("the agency", "the utility").
pub(crate) fn is_body_noun(head: &str) -> bool {
    BODY_NOUNS.contains(&head) || BUSINESS_NOUNS.contains(&head)
}

/// The kind of body a description's head noun says, if any.
pub(super) fn body_kind(head: &str) -> Option<BodyKind> {
    if BUSINESS_NOUNS.contains(&head) {
        Some(BodyKind::Business)
    } else if PUBLIC_NOUNS.contains(&head) {
        Some(BodyKind::Public)
    } else if MEMBERSHIP_NOUNS.contains(&head) {
        Some(BodyKind::Membership)
    } else if INSTITUTION_NOUNS.contains(&head) {
        Some(BodyKind::Institution)
    } else {
        None
    }
}

/// The kind of body a name says by one of its words ("Acme Corp.",
/// "Data Protection Commission", "United Mine Workers") or by a last word
/// that ends a company's name ("Nexora Semiconductor", "Peabody Energy"),
/// if exactly one kind.
pub(super) fn body_kind_of_name(name: &str) -> Option<BodyKind> {
    let words = lowercase_words(name);
    let trade = words.len() > 1
        && words
            .last()
            .is_some_and(|w| crate::entities::ends_organization_as_company(w));
    let mut kinds = words
        .iter()
        .filter_map(|w| body_kind(w))
        .chain(trade.then_some(BodyKind::Business));
    let first = kinds.next()?;
    kinds.all(|k| k == first).then_some(first)
}

/// A name's words, lowercased, without the punctuation around them.
fn lowercase_words(name: &str) -> Vec<String> {
    name.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect()
}

/// Whether a description headed by `head` ("the agency") cannot refer to
/// the body `name`: the two say different kinds of body ("the company"
/// after the Irish Data Protection Commission), or the name is a state's
/// ("the agency" after the Democratic Republic of Congo), which only "the
/// government" refers to. "The agency" serves public bodies and the
/// international organizations called agencies alike ("the U.N. health
/// agency" for the World Health Organization).
pub(super) fn never_described_as(head: &str, name: &str) -> bool {
    let other_kind = match (body_kind(head), body_kind_of_name(name)) {
        (Some(BodyKind::Public), Some(BodyKind::Membership)) => head != "agency",
        (Some(a), Some(b)) => a != b,
        _ => false,
    };
    other_kind || (head != "government" && is_state_name(name))
}

/// Whether a name is a state's by its form: "… Republic", "Republic of
/// …", "United Kingdom", "Kingdom of …" ("Republic Services", a company,
/// is none).
fn is_state_name(name: &str) -> bool {
    let words = lowercase_words(name);
    let state_noun = |w: &str| matches!(w, "republic" | "kingdom");
    words.len() > 1
        && (words.last().is_some_and(|w| state_noun(w))
            || words
                .windows(2)
                .any(|pair| state_noun(&pair[0]) && pair[1] == "of"))
}

/// Nouns for kinds of news media, which refer back to the latest outlet
/// named ("the network", "the website").
pub(super) const MEDIA_NOUNS: &[&str] = &[
    "network",
    "website",
    "site",
    "newspaper",
    "paper",
    "outlet",
    "magazine",
    "channel",
    "station",
    "broadcaster",
    "publication",
    "tabloid",
    "daily",
];

#[cfg(test)]
mod tests {
    use super::*;

    /// Regression: "the union" resolved to Peabody Energy, a company whose
    /// name ends in a trade word read after people's names in headlines;
    /// a union's name says its members ("United Mine Workers").
    #[test]
    fn names_say_their_kind_of_body() {
        assert_eq!(
            body_kind_of_name("Peabody Energy"),
            Some(BodyKind::Business)
        );
        assert_eq!(body_kind_of_name("Allina Health"), Some(BodyKind::Business));
        assert_eq!(
            body_kind_of_name("United Mine Workers of America"),
            Some(BodyKind::Membership)
        );
        assert!(never_described_as("union", "Peabody Energy"));
        assert!(!never_described_as(
            "union",
            "United Mine Workers of America"
        ));
        // "Group" ends advocacy groups' names as well as companies'.
        assert_eq!(body_kind_of_name("Environmental Working Group"), None);
        // Two kinds say none.
        assert_eq!(body_kind_of_name("Department of Energy"), None);
    }
}
