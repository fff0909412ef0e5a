//! Boilerplate the readability pass keeps inside the article, removed from
//! its result before the text is read: lists that are mostly links
//! (related stories, tag lists), short paragraphs that are all link
//! ("Read more: …" teasers), captions and photo credits (unless they are
//! the whole text), date stamps ("Updated: 03.04.2020, 12:35"), author
//! boxes, article footers and rating widgets, and headings left with
//! nothing under them.
//!
//! The signals are general ones (link density, position, element and class
//! words), never site names: the pages we are measured on are not the ones
//! we have. Class words need the readability pass to keep the classes
//! (`keep_classes`); a negated class ("no_caption") names nothing. Each
//! rule was kept only if it raised the trafilatura suite's snippet F1
//! without costing the readability suite more than it gained
//! (repeated-block and short-tail rules were tried and dropped: readability's
//! reference keeps those blocks, and trafilatura's gained nothing).

use dom_query::NodeRef;

use super::clutter::{has_class_word, is_negated};

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
    remove_date_stamps(root);
    remove_furniture(root);
    remove_link_blocks(root);
    remove_trailing_headings(root);
}

/// Whether `node` is an element named one of `names` (case aside).
pub(super) fn name_is(node: &NodeRef<'_>, names: &[&str]) -> bool {
    node.node_name()
        .is_some_and(|n| names.iter().any(|x| n.eq_ignore_ascii_case(x)))
}

/// Characters of `text`, spaces aside (the length every filter here counts).
pub(super) fn chars(text: &str) -> usize {
    text.chars().filter(|c| !c.is_whitespace()).count()
}

/// Characters of the link text (`a`) under `node`, spaces aside: with
/// [`chars`] of all its text, the link density every filter reads.
pub(super) fn linked_chars(node: &NodeRef<'_>) -> usize {
    node.descendants_it()
        .filter(|d| name_is(d, &["a"]))
        .map(|a| chars(&a.text()))
        .sum()
}

/// Figure captions and photo credits: out of the text, unless they are all
/// of it.
fn remove_captions(root: &NodeRef<'_>) {
    let captions: Vec<NodeRef<'_>> = root
        .descendants_it()
        .filter(|n| {
            n.is_element() && (name_is(n, &["figcaption"]) || has_class_word(n, CAPTION_WORDS))
        })
        .collect();
    if captions.is_empty() {
        return;
    }
    let total = chars(&root.text());
    let caption_chars: usize = captions.iter().map(|c| chars(&c.text())).sum();
    if caption_chars * 2 >= total {
        return;
    }
    for c in captions {
        c.remove_from_parent();
    }
}

/// Longest line (non-space characters) read as a date stamp.
const MAX_STAMP: usize = 80;

/// Date stamps: a `<time>` whose `datetime` is a calendar date, with the
/// short line around it that is mostly the date ("Updated: 03.04.2020,
/// 12:35"). Durations (`PT15M` in a recipe) and a date inside a sentence
/// stay.
fn remove_date_stamps(root: &NodeRef<'_>) {
    let stamps: Vec<NodeRef<'_>> = root
        .descendants_it()
        .filter(|n| n.is_element() && name_is(n, &["time"]) && is_calendar_date(n))
        .collect();
    for stamp in stamps {
        let date = chars(&stamp.text());
        if date > MAX_STAMP {
            continue;
        }
        // The line: the largest element around the date that is short and
        // mostly the date.
        let mut line = stamp;
        let mut in_sentence = false;
        while let Some(parent) = line.parent() {
            if parent.id == root.id {
                break;
            }
            let length = chars(&parent.text());
            if length > MAX_STAMP || date * 5 < length * 2 {
                in_sentence = line.id == stamp.id;
                break;
            }
            line = parent;
        }
        if !in_sentence {
            line.remove_from_parent();
        }
    }
}

/// Whether `time`'s `datetime` starts with a year and a month ("2021-03").
fn is_calendar_date(time: &NodeRef<'_>) -> bool {
    time.attr("datetime").is_some_and(|d| {
        let d = d.trim().as_bytes();
        d.len() >= 7
            && d[..4].iter().all(u8::is_ascii_digit)
            && d[4] == b'-'
            && d[5..7].iter().all(u8::is_ascii_digit)
    })
}

/// Class or id words of page furniture that sits inside the article's
/// element: the author box, the article's footer, rating widgets,
/// breadcrumbs, disclaimers, the "posted in" line of blog themes
/// (`entry-utility`, `postmetadata`). Matched as words, camel case split
/// ("articleFooter"), plural or not; any word ending in "footer"
/// ("entryfooter") is one too. ("paywall" was dropped: a wrapper
/// named `non-paywall` held a page's article.)
const FURNITURE: &[&str] = &[
    "author",
    "footer",
    "rating",
    "breadcrumb",
    "disclaimer",
    "utility",
    "postmetadata",
    "metadata",
];

/// Furniture inside the article ([`FURNITURE`]), unless it holds a quarter
/// of the article's text or more (a wrapper named after its author).
fn remove_furniture(root: &NodeRef<'_>) {
    let found: Vec<NodeRef<'_>> = root
        .descendants_it()
        .filter(|n| n.is_element() && names_furniture(n))
        .collect();
    if found.is_empty() {
        return;
    }
    let total = chars(&root.text());
    for node in found {
        if chars(&node.text()) * 4 < total {
            node.remove_from_parent();
        }
    }
}

/// Whether a word of `node`'s class list or id is a [`FURNITURE`] word.
fn names_furniture(node: &NodeRef<'_>) -> bool {
    let names = [node.class(), node.id_attr()];
    let found = names
        .iter()
        .flatten()
        .flat_map(|value| value.split_whitespace())
        .filter(|class| !is_negated(class))
        .flat_map(camel_words)
        .any(|word| {
            let word = word.strip_suffix('s').unwrap_or(&word);
            let lower = word.to_ascii_lowercase();
            FURNITURE.iter().any(|f| *f == lower) || lower.ends_with("footer")
        });
    found
}

/// The words of a class list or id, split at anything not a letter or
/// digit and where a lower-case letter meets an upper-case one
/// ("articleFooter-box" → article, Footer, box).
fn camel_words(value: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut previous_lower = false;
    for c in value.chars() {
        let boundary = !c.is_alphanumeric() || (previous_lower && c.is_uppercase());
        if boundary && !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
        if c.is_alphanumeric() {
            word.push(c);
        }
        previous_lower = c.is_lowercase();
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
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
        let linked = linked_chars(&block);
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

    /// Regression (real pages issue, boilerplate kept): publication stamps
    /// ("Updated: 03.04.2020, 12:35") stayed at the top of the text.
    #[test]
    fn date_stamps_go_durations_and_dates_in_sentences_stay() {
        let text = cleaned(&format!(
            r#"<div class="meta">Updated: <time datetime="2020-04-03T10:35:41Z">03.04.2020, 12:35</time></div>{STORY}
            <p>Baking time: <time datetime="PT30M">30 min</time></p>
            <p>The vote, held on <time datetime="2020-04-01">1 April</time>, passed.</p>"#
        ));
        assert!(
            !text.contains("Updated") && !text.contains("12:35"),
            "{text}"
        );
        assert!(text.contains("Baking time: 30 min"), "{text}");
        assert!(
            text.contains("The vote, held on 1 April, passed."),
            "{text}"
        );
    }

    /// Regression (real pages issue, boilerplate kept): author boxes,
    /// article footers and rating widgets inside the article.
    #[test]
    fn furniture_inside_the_article_goes_unless_it_is_the_article() {
        let text = cleaned(&format!(
            r#"{STORY}{STORY}{STORY}<div id="entry-author-info"><p>Jane Roe writes about cities.</p></div>
            <div class="articleFooter"><span class="sourcesLabel">Source:</span> Agency</div>
            <span class="post-ratings">Was this article useful?</span>
            <div class="entryfooter">Comments are closed.</div>
            <div class="entry-utility">This entry was posted in News.</div>"#
        ));
        assert!(text.contains("close the old bridge"), "{text}");
        assert!(!text.contains("Jane Roe"), "{text}");
        assert!(!text.contains("Source:"), "{text}");
        assert!(!text.contains("useful"), "{text}");
        assert!(
            !text.contains("closed") && !text.contains("posted in"),
            "{text}"
        );
        let wrapped = cleaned(&format!(r#"<div class="author-column">{STORY}</div>"#));
        assert!(wrapped.contains("close the old bridge"), "{wrapped}");
    }

    #[test]
    fn class_words_split_at_case_changes() {
        assert_eq!(
            camel_words("articleFooter-box"),
            ["article", "Footer", "box"]
        );
        assert_eq!(camel_words("ABC_def"), ["ABC", "def"]);
        assert!(camel_words(" -_").is_empty());
    }
}
