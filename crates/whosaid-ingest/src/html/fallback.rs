//! When the readability pass finds no article (too little text in any one
//! candidate by its thresholds), the page's densest block of text is kept
//! instead: a page fails only when it has no text at all.
//!
//! The page is parsed again for this: the failed pass leaves its document
//! without the elements it drops (`noscript`, which on some pages holds
//! the whole body through an unclosed `<div>` inside it).
//!
//! Each text block (paragraph, list item, cell, quote, heading) credits its
//! parent with its characters outside links; the container with the most
//! credit wins, as in the readability scoring, without its thresholds.

use std::collections::HashMap;

use dom_query::{Document, NodeRef};
use dom_smoothie::{Article, Readability};

use super::boilerplate::{chars, linked_chars};

/// Elements read as blocks of text.
const BLOCKS: &str = "p, pre, blockquote, li, td, dd, h2, h3, h4, h5, h6";

/// The densest block of the page `html` (clutter removed), or `None`
/// when it has no text.
pub fn page_text(html: &str) -> Option<String> {
    let doc = Document::from(html);
    doc.select("script, style, template, head").remove();
    super::clutter::remove(&doc);
    densest_block(&doc)
}

/// Characters of `node`'s text outside links, spaces aside.
fn unlinked_chars(node: &NodeRef<'_>) -> usize {
    chars(&node.text()).saturating_sub(linked_chars(node))
}

/// The formatted text of the densest container of `doc`, or its body's
/// text when it has no blocks; `None` when the page has no text.
fn densest_block(doc: &Document) -> Option<String> {
    let mut credit: HashMap<dom_query::NodeId, (f64, NodeRef<'_>)> = HashMap::new();
    // Text in a `div` without blocks inside (forums, old layouts) counts
    // as a block too.
    let leaf_divs = doc
        .select("div")
        .nodes()
        .iter()
        .filter(|d| {
            !d.descendants_it().any(|x| {
                x.node_name()
                    .is_some_and(|n| n.eq_ignore_ascii_case("div") || n.eq_ignore_ascii_case("p"))
            })
        })
        .cloned()
        .collect::<Vec<_>>();
    for block in doc.select(BLOCKS).nodes().iter().chain(&leaf_divs) {
        let own = unlinked_chars(block) as f64;
        if own == 0.0 {
            continue;
        }
        if let Some(parent) = block.parent() {
            credit.entry(parent.id).or_insert((0.0, parent)).0 += own;
            if let Some(grand) = parent.parent() {
                credit.entry(grand.id).or_insert((0.0, grand)).0 += own / 2.0;
            }
        }
    }
    let best = credit
        .into_values()
        .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.id.cmp(&a.1.id)))
        .map(|(_, node)| node.formatted_text().to_string());
    let text = best.or_else(|| {
        doc.select("body")
            .nodes()
            .first()
            .map(|b| b.formatted_text().to_string())
    })?;
    (!text.trim().is_empty()).then_some(text)
}

/// An article of `text` with the page's metadata (meta tags; JSON-LD is
/// gone by now, dropped with the scripts by the failed pass).
pub fn article(readability: &Readability, text: String) -> Article {
    let meta = readability.get_article_metadata(None);
    Article {
        title: meta.title,
        byline: meta.byline,
        content: Default::default(),
        length: text.chars().count(),
        text_content: text.into(),
        excerpt: meta.excerpt,
        site_name: meta.site_name,
        dir: meta.dir,
        lang: meta.lang,
        published_time: meta.published_time,
        modified_time: meta.modified_time,
        image: meta.image,
        favicon: meta.favicon,
        url: meta.url,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_container_with_most_unlinked_text_wins() {
        let doc = Document::from(
            r#"<body><div id="menu"><li><a href="/">Home</a></li><li><a href="/x">A very long link text to elsewhere</a></li></div>
            <div id="story"><p>First short paragraph of the story.</p><p>Second one, about the vote.</p></div></body>"#,
        );
        let text = densest_block(&doc).unwrap();
        assert!(text.contains("about the vote"), "{text}");
        assert!(!text.contains("Home"), "{text}");
    }

    #[test]
    fn a_page_without_text_has_no_block() {
        assert_eq!(
            densest_block(&Document::from("<body><p> </p></body>")),
            None
        );
        let text = densest_block(&Document::from("<body>Only <b>inline</b> text</body>")).unwrap();
        assert!(text.contains("inline"), "{text}");
    }
}
