//! Page furniture removed before the readability pass: navigation, share
//! widgets, comment threads, related links, ads, newsletter boxes.
//!
//! Two rules keep the filter from removing the article itself, which lost
//! about one page in twenty of the trafilatura suite when class names were
//! matched as substrings (`<body class="share_tools_on">`, an ASP.NET
//! `<form>` around the whole page, a wrapper whose class held "promo"):
//! - a class or id matches only by whole words (`related-links` is the
//!   words "related" and "links"; "promotion" is not "promo");
//! - an element holding half or more of the page's paragraph text stays,
//!   whatever its name (`html`, `body`, `main` and `article` always do);
//! - an element named by its class or id stays when it is prose (several
//!   sentences of paragraphs, few links), unless it holds comments or
//!   related stories: a section of a test report named
//!   `Section--Ads` because an ad slot sits in it is part of the article.

use dom_query::{Document, NodeRef};

use super::boilerplate::{chars, linked_chars};

/// Elements that are furniture by their tag. Scripts stay: JSON-LD
/// metadata lives in them, and the readability pass drops them itself.
const CLUTTER_TAGS: &[&str] = &["nav", "footer", "aside", "form", "iframe"];

/// Tags that are never removed.
const KEPT_TAGS: &[&str] = &["html", "body", "main", "article", "head", "title"];

/// Words of a class or id that mark furniture.
const CLUTTER_WORDS: &[&str] = &[
    "share",
    "sharing",
    "shares",
    "sharebar",
    "social",
    "comments",
    "comment",
    "related",
    "advert",
    "advertisement",
    "advertising",
    "ad",
    "ads",
    "newsletter",
    "promo",
    "subscribe",
];

/// Words whose elements go even when they are prose: readers' comments,
/// and related stories, whose teasers are prose too.
const NEVER_PROSE_WORDS: &[&str] = &["comments", "comment", "related"];

/// Paragraph text (bytes) from which an element named as furniture by its
/// class is read as prose, if its links allow ([`is_prose`]).
const MIN_PROSE: usize = 400;

/// The share of an element's text in links below which it is prose.
const MAX_PROSE_LINKS: f64 = 0.25;

/// The part of the page's paragraph text an element may hold and still be
/// removed as furniture.
const MAX_SHARE: f64 = 0.5;

/// Removes the page's furniture from `doc` (see the module comment), and
/// ruby annotations (`rt`, `rp`: the readings printed over Japanese or
/// Chinese characters), which would otherwise run into the text they
/// annotate ("子こども" for "子ども").
pub fn remove(doc: &Document) {
    doc.select("rt, rp").remove();
    let total = paragraph_text(&doc.root());
    let all = doc.select("body").text().len();
    let candidates: Vec<NodeRef<'_>> = doc
        .select("nav, footer, aside, form, iframe, [class], [id]")
        .nodes()
        .to_vec();
    for node in candidates {
        let Some(tag) = node.node_name() else {
            continue;
        };
        let tag = tag.to_ascii_lowercase();
        if KEPT_TAGS.contains(&tag.as_str()) {
            continue;
        }
        let by_tag = CLUTTER_TAGS.contains(&tag.as_str());
        if !by_tag && !has_clutter_word(&node) {
            continue;
        }
        if holds_the_article(&node, total, all) {
            continue;
        }
        if !by_tag && is_prose(&node) && !has_class_word(&node, NEVER_PROSE_WORDS) {
            continue;
        }
        node.remove_from_parent();
    }
}

/// Whether `node` holds half of the page's paragraph text or, on a page
/// that keeps its text out of paragraphs (forums, old layouts, one
/// ASP.NET `<form>` around everything), half of all its text.
fn holds_the_article(node: &NodeRef<'_>, paragraphs: usize, all: usize) -> bool {
    let share = |part: usize, whole: usize| whole > 0 && part as f64 >= MAX_SHARE * whole as f64;
    share(paragraph_text(node), paragraphs) || share(node.text().len(), all)
}

/// Whether `node` reads as prose: [`MIN_PROSE`] bytes of paragraph text
/// or more, less than [`MAX_PROSE_LINKS`] of its text in links. An ad slot
/// or a share bar is short or mostly links; a section of the article that
/// merely hosts one (`TestReport__Section--Ads`) is prose.
fn is_prose(node: &NodeRef<'_>) -> bool {
    if paragraph_text(node) < MIN_PROSE {
        return false;
    }
    (linked_chars(node) as f64) < MAX_PROSE_LINKS * chars(&node.text()) as f64
}

/// Whether a word of the element's class list or id marks furniture.
fn has_clutter_word(node: &NodeRef<'_>) -> bool {
    has_class_word(node, CLUTTER_WORDS)
}

/// Whether a word of the element's class list or id is one of `wanted`
/// (case aside).
pub(super) fn has_class_word(node: &NodeRef<'_>, wanted: &[&str]) -> bool {
    let class = node.class();
    let id = node.id_attr();
    let found = [class.as_deref(), id.as_deref()]
        .into_iter()
        .flatten()
        .flat_map(words)
        .any(|w| wanted.iter().any(|c| c.eq_ignore_ascii_case(w)));
    found
}

/// The words of a class list or id: split at anything not a letter or
/// digit ("related-links_box" → related, links, box). A negated class
/// ("no_caption", "non-paywall") says what the element is not, and gives
/// no words.
fn words(value: &str) -> impl Iterator<Item = &str> {
    value
        .split_whitespace()
        .filter(|class| !is_negated(class))
        .flat_map(|class| class.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
}

/// Whether a class or id says what its element is not ("no-ads",
/// "non_paywall", "without-comments").
pub(super) fn is_negated(class: &str) -> bool {
    let lower = class.to_ascii_lowercase();
    [
        "no-", "no_", "non-", "non_", "not-", "not_", "without-", "without_",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
}

/// Characters of text inside `p` elements under `node` (itself included).
fn paragraph_text(node: &NodeRef<'_>) -> usize {
    let own = node.is_element()
        && node
            .node_name()
            .is_some_and(|n| n.eq_ignore_ascii_case("p"));
    if own {
        return node.text().len();
    }
    node.descendants_it()
        .filter(|d| d.is_element() && d.node_name().is_some_and(|n| n.eq_ignore_ascii_case("p")))
        .map(|p| p.text().len())
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(html: &str) -> String {
        let doc = Document::from(html);
        remove(&doc);
        doc.select("body")
            .text()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn class_words_match_whole() {
        let text = kept(
            r#"<body><div class="category-promotion"><p>Kept text of the article.</p></div>
            <div class="promo-box"><p>Buy now.</p></div>
            <div id="related_links"><p>Other story.</p></div>
            <div class="sharethis"><p>Also kept, not a word match.</p></div>
            <div class="item no_comments"><p>Kept, a negated class.</p></div></body>"#,
        );
        assert!(text.contains("Kept text of the article."), "{text}");
        assert!(text.contains("Also kept"), "{text}");
        assert!(text.contains("a negated class"), "{text}");
        assert!(!text.contains("Buy now"), "{text}");
        assert!(!text.contains("Other story"), "{text}");
    }

    /// Regression (real pages issue): a body class with "share", a
    /// whole-page ASP.NET form and an "advertisement" wrapper removed the
    /// article before extraction.
    #[test]
    fn an_element_holding_the_article_stays() {
        let article =
            "<p>The council voted on Monday to close the old bridge for repairs.</p>".repeat(5);
        for wrapper in [
            format!(r#"<body class="share_tools_on">{article}</body>"#),
            format!(r#"<body><form id="aspnetForm"><div>{article}</div></form></body>"#),
            format!(
                r#"<body><div class="wrap advertisement">{article}</div><aside><p>Side.</p></aside></body>"#
            ),
        ] {
            let text = kept(&wrapper);
            assert!(text.contains("close the old bridge"), "{wrapper}");
            assert!(!text.contains("Side."), "{text}");
        }
    }

    /// Regression (real pages): furigana ran into the words they annotate.
    #[test]
    fn ruby_annotations_go() {
        let text = kept("<body><p><ruby>子<rp>(</rp><rt>こ</rt><rp>)</rp></ruby>どもへの<ruby>虐待<rt>ぎゃくたい</rt></ruby>をなくす</p></body>");
        assert_eq!(text, "子どもへの虐待をなくす");
    }

    /// Regression (real pages issue, page lost to a filter): a test
    /// report's sections were named `TestReport__Section--Ads` and went as
    /// ads, leaving the page its title.
    #[test]
    fn prose_named_after_an_ad_slot_stays_comments_go() {
        let prose = "<p>The grill heats evenly in the middle and the steak came out well done on both sides.</p>"
            .repeat(6);
        let text = kept(&format!(
            r#"<body><article><p>Intro.</p><section class="Report__Section--Ads">{prose}</section>
            <section class="Report__Section--Ads">{prose}</section>
            <div class="ad-slot"><a href="/buy">Buy the grill</a></div>
            <div class="comments">{prose}</div></article>
            <div id="more">{prose}{prose}{prose}</div></body>"#
        ));
        assert_eq!(text.matches("grill heats evenly").count(), 6 * 5, "{text}");
        assert!(!text.contains("Buy the grill"), "{text}");
    }
}
