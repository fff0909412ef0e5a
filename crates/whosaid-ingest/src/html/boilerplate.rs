//! Boilerplate the readability pass keeps inside the article, removed from
//! its result before the text is read: lists that are mostly links
//! (related stories, tag lists), short paragraphs that are all link
//! ("Read more: …" teasers), captions and photo credits (unless they are
//! the whole text), and headings left with nothing under them.
//!
//! The signals are general ones (link density, position, element and class
//! words), never site names: the pages we are measured on are not the ones
//! we have. Each rule was kept only if it raised the trafilatura suite's
//! snippet F1 without costing the readability suite more than it gained
//! (repeated-block and short-tail rules were tried and dropped: readability's
//! reference keeps those blocks, and trafilatura's gained nothing).

use dom_query::NodeRef;

use super::clutter::has_class_word;

/// Blocks judged by their links.
const LINK_BLOCKS: &[&str] = &["p", "li", "ul", "ol", "dl", "nav"];

/// A block whose text is at least this share links is links, not prose.
const MAX_LINK_DENSITY: f64 = 0.6;

/// Longest paragraph (non-space characters) read as a teaser link.
const MAX_TEASER: usize = 120;

/// Class or id words of captions and credits.
const CAPTION_WORDS: &[&str] = &["caption", "credit", "credits", "copyright"];

/// Headings.
const HEADINGS: &[&str] = &["h1", "h2", "h3", "h4", "h5", "h6"];

/// Removes boilerplate under `root`, the article's element.
pub fn remove(root: &NodeRef<'_>) {
    remove_captions(root);
    remove_link_blocks(root);
    remove_trailing_headings(root);
}

fn name_is(node: &NodeRef<'_>, names: &[&str]) -> bool {
    node.node_name()
        .is_some_and(|n| names.iter().any(|x| n.eq_ignore_ascii_case(x)))
}

/// Characters of `text`, spaces aside (the length every filter here counts).
pub(super) fn chars(text: &str) -> usize {
    text.chars().filter(|c| !c.is_whitespace()).count()
}

/// Figure captions and photo credits: out of the text, unless they are all
/// of it.
fn remove_captions(root: &NodeRef<'_>) {
    let total = chars(&root.text());
    let captions: Vec<NodeRef<'_>> = root
        .descendants_it()
        .filter(|n| {
            n.is_element() && (name_is(n, &["figcaption"]) || has_class_word(n, CAPTION_WORDS))
        })
        .collect();
    let caption_chars: usize = captions.iter().map(|c| chars(&c.text())).sum();
    if caption_chars * 2 >= total {
        return;
    }
    for c in captions {
        c.remove_from_parent();
    }
}

/// Blocks whose text is mostly links.
fn remove_link_blocks(root: &NodeRef<'_>) {
    let blocks: Vec<NodeRef<'_>> = root
        .descendants_it()
        .filter(|n| n.is_element() && name_is(n, LINK_BLOCKS))
        .collect();
    for block in blocks {
        let text = chars(&block.text());
        if text == 0 {
            continue;
        }
        let linked: usize = block
            .descendants_it()
            .filter(|d| name_is(d, &["a"]))
            .map(|a| chars(&a.text()))
            .sum();
        // Mostly links: a list of stories, or a short paragraph or item
        // that is a teaser ("Read more: …"); a long paragraph is prose.
        let mostly_links = linked as f64 >= MAX_LINK_DENSITY * text as f64;
        let short_or_list = !name_is(&block, &["p", "li"]) || text <= MAX_TEASER;
        if mostly_links && short_or_list {
            block.remove_from_parent();
        }
    }
}

/// Headings with no text after them in the article.
fn remove_trailing_headings(root: &NodeRef<'_>) {
    loop {
        let last_text = root
            .descendants_it()
            .filter(|n| n.is_text() && !n.text().trim().is_empty())
            .last();
        let Some(last) = last_text else {
            return;
        };
        let heading = last
            .ancestors_it(None)
            .take_while(|a| a.id != root.id)
            .find(|a| name_is(a, HEADINGS));
        match heading {
            Some(h) => h.remove_from_parent(),
            None => return,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dom_query::Document;

    fn cleaned(article: &str) -> String {
        let doc = Document::from(format!(r#"<div id="root">{article}</div>"#));
        let root = doc.select("#root").nodes()[0];
        remove(&root);
        root.text().split_whitespace().collect::<Vec<_>>().join(" ")
    }

    const STORY: &str = "<p>The council voted on Monday to close the old bridge, the mayor said at a news conference.</p>";

    #[test]
    fn captions_and_credits_go_unless_they_are_the_text() {
        let text = cleaned(&format!(
            r#"{STORY}<figure><img src="a.jpg"><figcaption>The bridge in 1950.</figcaption></figure>
            <span class="image-credit">Photo: Jane Roe/Agency</span>"#
        ));
        assert!(text.contains("close the old bridge"), "{text}");
        assert!(!text.contains("1950") && !text.contains("Agency"), "{text}");
        let only = cleaned("<figure><figcaption>A long caption that is all the page has to say about the bridge.</figcaption></figure>");
        assert!(only.contains("all the page has"), "{only}");
    }

    #[test]
    fn link_lists_and_teasers_go_prose_with_links_stays() {
        let text = cleaned(&format!(
            r#"{STORY}<p>Read more: <a href="/x">Bridge closures across the state</a></p>
            <h3>More on this</h3><ul><li><a href="/a">Story one about roads</a></li><li><a href="/b">Story two</a></li></ul>
            <p>The <a href="/plan">repair plan</a> will cost four million dollars over two years, officials said.</p>"#
        ));
        assert!(text.contains("repair plan will cost"), "{text}");
        assert!(!text.contains("Bridge closures"), "{text}");
        assert!(!text.contains("Story one"), "{text}");
    }

    #[test]
    fn a_heading_left_last_goes() {
        let text = cleaned(&format!(
            r#"{STORY}<h2>Related stories</h2><ul><li><a href="/a">Another story about bridges</a></li></ul>"#
        ));
        assert!(text.ends_with("news conference."), "{text}");
    }
}
