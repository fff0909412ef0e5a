//! The article's lead (standfirst, deck, subtitle): the paragraph between
//! headline and body that summarizes the story. Pages often put it in the
//! header, beside the headline, where the readability pass drops it with
//! the rest of the header; it is read here, before that pass, and put back
//! in front of the body when the body lacks it.
//!
//! A lead is named as one by its class or id ("lead", "standfirst",
//! "subtitle", …), comes before the page's first long paragraph, and is
//! prose: a sentence or a few, not a list of links. A page without a named
//! lead may still have one: the first block of prose (a sentence of eight
//! words or more, few links, not in a figure) between the headline (the
//! `h1` that is the page's title) and the body. A lead that holds the
//! byline is the byline's line, not a lead.

use dom_query::{Document, NodeRef};

use super::boilerplate::{chars, linked_chars, name_is};
use super::clutter::has_class_word;

/// Class or id words that name a lead ("chapo", "chapeau": its name in
/// French newsrooms and CMSs).
const LEAD_WORDS: &[&str] = &[
    "lead",
    "standfirst",
    "subtitle",
    "subheadline",
    "subhead",
    "deck",
    "dek",
    "intro",
    "excerpt",
    "chapo",
    "chapeau",
];

/// Elements a lead is written in: a paragraph, a subheading or a plain
/// box; a `section` or `article` is a part of the page, not its lead.
const LEAD_TAGS: &[&str] = &["p", "div", "span", "h2", "h3", "h4", "header"];

/// Elements a lead does not hold: scripts, the headline, lists, tables,
/// forms, page parts and media (a "lead image" box is not a lead).
const NOT_IN_LEAD: &[&str] = &[
    "script",
    "style",
    "noscript",
    "h1",
    "section",
    "article",
    "ul",
    "ol",
    "table",
    "form",
    "iframe",
    "figure",
    "figcaption",
    "img",
    "picture",
    "video",
    "audio",
];

/// Shortest lead (characters, spaces aside): shorter is a label.
const MIN_LEAD: usize = 40;
/// Longest lead: longer is body text, which the readability pass judges.
const MAX_LEAD: usize = 700;
/// A paragraph this long (characters, spaces aside) starts the body; a
/// lead comes before it.
const BODY_PARAGRAPH: usize = 150;

/// The text of the page's lead, if it has one (see the module comment):
/// one named as such, else the first prose block right under the headline.
/// `title` is the page's title as words ([`super::feed::page_title`]).
pub fn find(doc: &Document, title: &[String]) -> Option<String> {
    named(doc).or_else(|| under_headline(doc, title))
}

/// Elements read after the headline before giving up on a lead there.
const MAX_AFTER_HEADLINE: usize = 40;

/// Shortest unnamed lead (characters, spaces aside), and its fewest words:
/// a sentence, not a date, a byline or a label.
const MIN_UNNAMED_LEAD: usize = 60;
const MIN_LEAD_WORDS: usize = 8;

/// The first block of prose after the page's headline (the first `h1`, else
/// `h2`, that reads as the page's title) and before the body's first long
/// paragraph. One pass over the page when an `h1` is the headline.
fn under_headline(doc: &Document, title: &[String]) -> Option<String> {
    if title.is_empty() {
        return None;
    }
    let body = doc.select("body");
    let body = body.nodes().first()?;
    let mut headline: Option<NodeRef<'_>> = None;
    let mut first_h2: Option<NodeRef<'_>> = None;
    let mut nodes = body.descendants_it();
    for node in nodes.by_ref() {
        if !node.is_element() {
            continue;
        }
        if name_is(&node, &["h1"]) && resembles(&node.text(), title) {
            headline = Some(node);
            break;
        }
        if first_h2.is_none() && name_is(&node, &["h2"]) && resembles(&node.text(), title) {
            first_h2 = Some(node);
        }
    }
    match headline {
        Some(h1) => lead_after(&h1, nodes),
        // No `h1` is the title: read on from the `h2` that is.
        None => {
            let h2 = first_h2?;
            let rest = body
                .descendants_it()
                .skip_while(move |n| n.id != h2.id)
                .skip(1);
            lead_after(&h2, rest)
        }
    }
}

/// The first block of prose among `after` (the elements that follow
/// `headline` in document order, its own ones first), before a longer
/// paragraph and within [`MAX_AFTER_HEADLINE`] elements.
fn lead_after<'a>(
    headline: &NodeRef<'a>,
    after: impl Iterator<Item = NodeRef<'a>>,
) -> Option<String> {
    let mut seen = 0;
    for node in after {
        if !node.is_element() || super::feed::is_inside(&node, headline) {
            continue;
        }
        seen += 1;
        if seen > MAX_AFTER_HEADLINE {
            return None;
        }
        let is_block = name_is(&node, &["p", "h2"])
            || (name_is(&node, &["div"])
                && !node
                    .descendants_it()
                    .any(|d| d.is_element() && name_is(&d, BLOCKS)));
        if !is_block || holds_other_parts(&node) || in_media(&node) {
            continue;
        }
        let text = node.text();
        let length = chars(&text);
        if (MIN_UNNAMED_LEAD..=MAX_LEAD).contains(&length)
            && text.split_whitespace().count() >= MIN_LEAD_WORDS
            && linked_chars(&node) * 3 < length
        {
            // The body's own first paragraph, when it is short enough,
            // comes back here too: `prepend` finds it in the body.
            return Some(text.split_whitespace().collect::<Vec<_>>().join(" "));
        }
        if name_is(&node, &["p"]) && length >= BODY_PARAGRAPH {
            return None;
        }
    }
    None
}

/// Whether a heading reads as the page's `title` (words): it is the title
/// with or without the site name, or most of the title's words are in it
/// ("Turkey, Poland and three Caribbean islands added to UK quarantine
/// list" for "Turkey, Poland, Caribbean islands added to UK quarantine
/// list") and it is not much longer.
fn resembles(heading: &str, title: &[String]) -> bool {
    if super::feed::is_title(heading, title) {
        return true;
    }
    let heading = super::feed::words(heading);
    let shared = title.iter().filter(|w| heading.contains(w)).count();
    !heading.is_empty() && shared * 10 >= title.len() * 7 && heading.len() <= title.len() * 2
}

/// Block elements: a `div` holding one is a box, not a block of text.
const BLOCKS: &[&str] = &[
    "p", "div", "ul", "ol", "table", "section", "article", "h2", "h3",
];

/// Whether `node` is inside a figure or its caption.
fn in_media(node: &NodeRef<'_>) -> bool {
    node.ancestors_it(None)
        .any(|a| name_is(&a, &["figure", "figcaption"]))
}

/// The lead named by its class or id, before the body's first long
/// paragraph.
fn named(doc: &Document) -> Option<String> {
    let body = doc.select("body");
    let body = body.nodes().first()?;
    for node in body.descendants_it() {
        if !node.is_element() {
            continue;
        }
        if name_is(&node, LEAD_TAGS)
            && has_class_word(&node, LEAD_WORDS)
            && !holds_other_parts(&node)
        {
            let text = node.text();
            let length = chars(&text);
            if (MIN_LEAD..=MAX_LEAD).contains(&length) && !mostly_links(&node, length) {
                return Some(text.split_whitespace().collect::<Vec<_>>().join(" "));
            }
        }
        if name_is(&node, &["p"]) && chars(&node.text()) >= BODY_PARAGRAPH {
            return None;
        }
    }
    None
}

/// `content` with `lead` in front of it, unless it holds the lead already
/// or the lead is the byline's line ("By Jane Roe, staff writer").
pub fn prepend(lead: &str, content: &str, byline: Option<&str>) -> Option<String> {
    let names_author = byline
        .map(str::trim)
        .filter(|b| !b.is_empty())
        .is_some_and(|b| lead.to_lowercase().contains(&b.to_lowercase()));
    if names_author {
        return None;
    }
    let flat = content.split_whitespace().collect::<Vec<_>>().join(" ");
    let start: String = lead.chars().take(60).collect();
    (!flat.contains(start.as_str())).then(|| format!("{lead}\n{content}"))
}

/// Whether `node` holds something a lead does not ([`NOT_IN_LEAD`]).
fn holds_other_parts(node: &NodeRef<'_>) -> bool {
    node.descendants_it()
        .any(|d| d.is_element() && name_is(&d, NOT_IN_LEAD))
}

/// Whether half or more of `node`'s text (`length` characters) is links.
fn mostly_links(node: &NodeRef<'_>, length: usize) -> bool {
    linked_chars(node) * 2 >= length
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(doc: &Document) -> Option<String> {
        super::find(doc, &super::super::feed::page_title(doc))
    }

    const BODY: &str = "<p>The council voted on Monday to close the old bridge for repairs, the mayor said at a news conference at city hall. Traffic will go over the new bridge downstream, which opened last year after a decade of planning.</p>";
    const LEAD: &str = "The mayor says the bridge is unsafe and will stay closed until spring.";

    #[test]
    fn a_lead_in_the_header_is_found() {
        let doc = Document::from(format!(
            r#"<body><header><h1>Bridge closes</h1><p class="article-lead">{LEAD}</p></header><article>{BODY}</article></body>"#
        ));
        assert_eq!(find(&doc).as_deref(), Some(LEAD));
    }

    #[test]
    fn no_lead_after_the_body_or_outside_prose() {
        for html in [
            // After the first long paragraph: a teaser further down.
            format!(r#"<body>{BODY}<p class="lead">{LEAD}</p></body>"#),
            // Links, not prose.
            format!(r#"<body><div class="intro"><a href="/a">{LEAD}</a></div>{BODY}</body>"#),
            // Holding a script, a picture or the headline.
            format!(
                r#"<body><div class="Lead"><script>var lead = 1; var x = "{LEAD}";</script></div>{BODY}</body>"#
            ),
            format!(
                r#"<body><div class="lead-media"><img src="a.jpg"><span>{LEAD}</span></div>{BODY}</body>"#
            ),
            format!(r#"<body><header class="intro"><h1>Bridge closes</h1></header>{BODY}</body>"#),
            // A page section named "intro".
            format!(r#"<body><section class="intro"><p>{LEAD}</p></section>{BODY}</body>"#),
            // Too short to be a lead.
            format!(r#"<body><p class="subtitle">Bridges</p>{BODY}</body>"#),
        ] {
            assert_eq!(find(&Document::from(html.as_str())), None, "{html}");
        }
    }

    #[test]
    fn a_lead_is_put_before_the_body_once() {
        assert_eq!(
            prepend(LEAD, "The council voted.", None).as_deref(),
            Some(format!("{LEAD}\nThe council voted.").as_str())
        );
        let holding = format!("{LEAD}\n\nThe council voted.");
        assert_eq!(prepend(LEAD, &holding, None), None);
        let byline_line = "By Jane Roe, Senior Staff Technologist, Privacy and Technology Project";
        assert_eq!(
            prepend(byline_line, "The council voted.", Some("Jane Roe")),
            None
        );
    }

    #[test]
    fn an_unnamed_lead_is_the_prose_under_the_headline() {
        // A body whose first paragraph is too long to be a lead.
        let body = format!(
            "<p>{}</p>",
            "The council voted on Monday to close the old bridge for repairs. ".repeat(20)
        );
        let page = |between: &str| {
            format!(
                r#"<html><head><title>Bridge closes | Daily</title></head><body><div><h1>Bridge closes</h1>{between}</div><div>{body}</div></body></html>"#
            )
        };
        let lead_box = format!("<div>{LEAD} Drivers must use the ferry.</div>");
        let found = find(&Document::from(
            page(&format!("<span>May 3</span>{lead_box}")).as_str(),
        ));
        assert_eq!(
            found.as_deref(),
            Some(format!("{LEAD} Drivers must use the ferry.").as_str())
        );
        for between in [
            // A byline-sized line, a caption, a list of links.
            "<p>By Jane Roe and John Doe</p>".to_string(),
            format!("<figure><figcaption>{LEAD} Drivers must use the ferry.</figcaption></figure>"),
            format!(
                r#"<p><a href="/a">{LEAD}</a> <a href="/b">Drivers must use the ferry.</a></p>"#
            ),
        ] {
            assert_eq!(
                find(&Document::from(page(&between).as_str())),
                None,
                "{between}"
            );
        }
        // No headline that is the title: no unnamed lead.
        let other = format!(
            r#"<html><head><title>Something else</title></head><body><h1>Bridge closes</h1>{lead_box}{body}</body></html>"#
        );
        assert_eq!(find(&Document::from(other.as_str())), None);
        // A short first paragraph of the body comes back as the lead, and
        // is not put in front of the body that holds it.
        let short = format!(
            r#"<html><head><title>Bridge closes</title></head><body><h1>Bridge closes</h1>{BODY}</body></html>"#
        );
        let found = find(&Document::from(short.as_str())).unwrap();
        assert_eq!(
            prepend(
                &found,
                &Document::from(short.as_str()).select("body").text(),
                None
            ),
            None
        );
    }

    #[test]
    fn a_headline_resembles_the_title() {
        let title = super::super::feed::words(
            "Turkey, Poland, Caribbean islands added to UK quarantine list | Daily",
        );
        assert!(resembles(
            "Turkey, Poland and three Caribbean islands added to UK quarantine list",
            &title
        ));
        assert!(resembles(
            "Headline: Turkey, Poland, Caribbean islands added to UK quarantine list",
            &title
        ));
        assert!(!resembles("Turkey and Poland", &title));
        assert!(!resembles("Navigation", &title));
    }
}
