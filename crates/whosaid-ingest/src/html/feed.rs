//! Pages that scroll on into the next stories: the article the page is
//! about, followed by other full articles as sibling `<article>` elements.
//! The readability pass scores them alike and may keep the longest, which
//! is another story. When exactly one `<article>` (the innermost) has a
//! heading that is the page's title and holds an article's worth of text,
//! the other `<article>` elements outside it go before that pass.

use dom_query::{Document, NodeRef};

use super::boilerplate::{chars, name_is};

/// Least text (characters, spaces aside) of the article kept: a teaser
/// card of the same story in a list is not the article.
const MIN_ARTICLE: usize = 500;

/// Removes the other stories of a feed page from `doc` (see the module
/// comment); `title` is the page's title as words ([`page_title`]).
pub fn prune(doc: &Document, title: &[String]) {
    if title.is_empty() {
        return;
    }
    let articles: Vec<NodeRef<'_>> = doc.select("article").nodes().to_vec();
    if articles.len() < 2 {
        return;
    }
    let titled: Vec<&NodeRef<'_>> = articles
        .iter()
        .filter(|a| has_heading(a, title) && chars(&a.text()) >= MIN_ARTICLE)
        .collect();
    // The innermost: an `<article>` around the whole feed has the heading
    // too.
    let innermost: Vec<&NodeRef<'_>> = titled
        .iter()
        .filter(|a| !titled.iter().any(|b| b.id != a.id && is_inside(b, a)))
        .copied()
        .collect();
    let [main] = innermost.as_slice() else {
        return;
    };
    let others: Vec<&NodeRef<'_>> = articles
        .iter()
        .filter(|a| a.id != main.id && !is_inside(main, a) && !is_inside(a, main))
        .collect();
    for other in others {
        other.remove_from_parent();
    }
}

/// Whether `node` is inside `outer`.
pub(super) fn is_inside(node: &NodeRef<'_>, outer: &NodeRef<'_>) -> bool {
    node.ancestors_it(None).any(|a| a.id == outer.id)
}

/// The page's title as words: `og:title`, else `<title>`.
pub(super) fn page_title(doc: &Document) -> Vec<String> {
    let og = doc.select(r#"meta[property="og:title"]"#).attr("content");
    let title = match og {
        Some(t) if !t.trim().is_empty() => t.to_string(),
        _ => doc.select("title").text().to_string(),
    };
    words(&title)
}

/// Whether a heading of `article` (`h1`, `h2`) is the title, or the title
/// is the heading with the site name before or after it.
fn has_heading(article: &NodeRef<'_>, title: &[String]) -> bool {
    article
        .descendants_it()
        .any(|n| n.is_element() && name_is(&n, &["h1", "h2"]) && is_title(&n.text(), title))
}

/// Whether `heading` is the page's `title` (as words), or the title is the
/// heading with the site name before or after it.
pub(super) fn is_title(heading: &str, title: &[String]) -> bool {
    let heading = words(heading);
    !heading.is_empty()
        && (title.starts_with(&heading) || title.ends_with(&heading))
        && heading.len() * 2 > title.len()
}

/// Lower-cased words of `text` (letters and digits).
pub(super) fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story(heading: &str, sentence: &str) -> String {
        format!(
            "<article><h2>{heading}</h2>{}</article>",
            format!("<p>{sentence}</p>").repeat(16)
        )
    }

    #[test]
    fn the_titled_story_stays_the_next_ones_go() {
        let html = format!(
            r#"<html><head><title>Drivers blessed on Saturday | Daily</title></head><body><article><div>{}{}</div><div class="next">{}</div></article></body></html>"#,
            story(
                "Drivers blessed on Saturday",
                "Drivers are invited to the yearly blessing."
            ),
            story(
                "Court rules on tariffs",
                "The court ruled on the tariff case at length today, with many words."
            ),
            story(
                "Storm nears the coast",
                "A storm nears the coast and the port closes for two days, officials said."
            ),
        );
        let doc = Document::from(html.as_str());
        prune(&doc, &page_title(&doc));
        let text = doc.select("body").text();
        assert!(text.contains("yearly blessing"), "{text}");
        assert!(
            !text.contains("tariff") && !text.contains("storm"),
            "{text}"
        );
    }

    #[test]
    fn without_one_titled_story_nothing_goes() {
        for title in ["Something else entirely", ""] {
            let html = format!(
                r#"<html><head><title>{title}</title></head><body><div>{}{}</div></body></html>"#,
                story(
                    "Drivers blessed",
                    "Drivers are invited to the yearly blessing on Saturday."
                ),
                story(
                    "Court rules",
                    "The court ruled on the tariff case at length today, with many words."
                ),
            );
            let doc = Document::from(html.as_str());
            prune(&doc, &page_title(&doc));
            let text = doc.select("body").text();
            assert!(
                text.contains("yearly blessing") && text.contains("tariff"),
                "{text}"
            );
        }
    }
}
