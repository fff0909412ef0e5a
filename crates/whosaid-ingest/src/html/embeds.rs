//! Embedded social media posts (tweets, Bluesky, Mastodon, Threads,
//! Instagram and Facebook embeds): in news they are often the very
//! statements reported, but their markup is a widget, not prose — the
//! author's name trails the text ("— Jane Roe (@jroe) May 2, 2020"), or
//! sits in a "A post shared by" line.
//!
//! Each embed with text becomes one paragraph that says what the markup
//! says, in the shape every attribution stage reads: `Jane Roe (@jroe)
//! posted on Twitter on May 2, 2020: “…”`. The extractor then finds the
//! source, the cue and the quoted content; the channel stage reads a post
//! on the platform and the time stage the date, like any other statement;
//! the speaker is resolved like any other. Embeds without the post's text
//! (script placeholders, bare links) are dropped: there is nothing to
//! attribute. Inner double quotes become single ones, as nested quotes
//! are written, so the post reads as one quotation.

use chrono::NaiveDate;
use dom_query::{Document, NodeRef};

/// A post read from an embed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Post {
    /// The platform, as the rendered paragraph names it.
    pub platform: &'static str,
    /// The account holder's name as the embed gives it.
    pub name: Option<String>,
    /// The account handle, without `@`.
    pub handle: Option<String>,
    /// The post's date, when the embed gives one.
    pub date: Option<NaiveDate>,
    /// The post's words.
    pub text: String,
}

/// Embed markup by platform. Facebook's `div.fb-post` holds a
/// `blockquote.fb-xfbml-parse-ignore`, read through the outer element.
const EMBEDS: &[(&str, &str)] = &[
    (
        "blockquote.twitter-tweet, blockquote.twitter-video",
        "Twitter",
    ),
    ("blockquote.bluesky-embed", "Bluesky"),
    ("blockquote.mastodon-embed", "Mastodon"),
    ("blockquote.text-post-media", "Threads"),
    ("blockquote.instagram-media", "Instagram"),
    ("div.fb-post, blockquote.fb-xfbml-parse-ignore", "Facebook"),
];

/// Replaces every embed of `doc` by the paragraph of its post (or
/// removes it when it holds no post text). Returns the posts, in order.
pub(crate) fn render(doc: &Document) -> Vec<Post> {
    let mut posts = Vec::new();
    for (selector, platform) in EMBEDS {
        let nodes: Vec<NodeRef<'_>> = doc.select(selector).nodes().to_vec();
        for node in nodes {
            // A Facebook blockquote inside its `div.fb-post`, already read.
            if node
                .ancestors_it(None)
                .any(|a| a.has_class("fb-post") || a.has_class("twitter-tweet"))
            {
                continue;
            }
            match read(&node, platform) {
                Some(post) => {
                    node.replace_with_html(format!("<p>{}</p>", escape(&paragraph(&post))));
                    posts.push(post);
                }
                None => node.remove_from_parent(),
            }
        }
    }
    posts
}

/// The paragraph that stands for a post in the page's text.
pub(crate) fn paragraph(post: &Post) -> String {
    // The name alone when there is one: a handle beside it ("(@jroe)",
    // "@jroe@social.example", "jroe.bsky.social") only gives the sentence
    // splitter and the extractor more to stumble on.
    let who = match (&post.name, &post.handle) {
        (Some(name), _) => name.clone(),
        (None, Some(handle)) => format!("@{handle}"),
        (None, None) => "An account".to_string(),
    };
    let when = post
        .date
        .map(|d| format!(" on {}", d.format("%B %-d, %Y")))
        .unwrap_or_default();
    let text = post.text.replace(['"', '“', '”'], "'");
    format!("{who} posted on {}{when}: “{text}”", post.platform)
}

/// The post of one embed, if it holds the post's text.
fn read(node: &NodeRef<'_>, platform: &'static str) -> Option<Post> {
    let all = squeeze(&node.formatted_text());
    let url_handle = profile_handle(node);
    let (text, name, handle, date_text) = match platform {
        // The post in paragraphs; the author in a line before them.
        "Threads" => {
            let text = node
                .descendants_it()
                .filter(|d| d.node_name().is_some_and(|n| n.eq_ignore_ascii_case("p")))
                .map(|p| squeeze(&p.text()))
                .collect::<Vec<_>>()
                .join(" ");
            let (name, handle, _) =
                name_and_handle(all.split(text.as_str()).next().unwrap_or_default().trim());
            (text, name, handle, String::new())
        }
        "Instagram" => {
            let (before, after) = split_last(&all, "A post shared by")?;
            let (name, handle, _) = name_and_handle(after);
            let caption = before.replace("View this post on Instagram", "");
            (caption, name, handle, String::new())
        }
        "Facebook" => match split_last(&all, "Posted by") {
            Some((before, after)) => {
                let (name, date) = after.split_once(" on ").unwrap_or((after, ""));
                (
                    before.to_string(),
                    Some(name.trim().to_string()),
                    None,
                    date.to_string(),
                )
            }
            None => (all.clone(), None, None, String::new()),
        },
        // Twitter's shape, which Bluesky, Mastodon and Threads embeds
        // copy: the text, then "— Name (@handle) Date".
        _ => match split_last(&all, "—") {
            Some((before, after)) => {
                let (name, handle, rest) = name_and_handle(after);
                (before.to_string(), name, handle, rest.to_string())
            }
            None => (all.clone(), None, None, String::new()),
        },
    };
    let text = clean_text(&text);
    if text.split_whitespace().count() < 2 {
        return None;
    }
    let date = embed_date(node).or_else(|| date_of(&date_text));
    Some(Post {
        platform,
        name: name.filter(|n| !n.is_empty()),
        handle: handle.or(url_handle),
        date,
        text,
    })
}

/// Text before and after the last `mark`.
fn split_last<'a>(s: &'a str, mark: &str) -> Option<(&'a str, &'a str)> {
    let at = s.rfind(mark)?;
    Some((s[..at].trim(), s[at + mark.len()..].trim()))
}

/// "Jane Roe (@jroe) May 2, 2020" → name, handle, the rest.
fn name_and_handle(s: &str) -> (Option<String>, Option<String>, &str) {
    let Some(open) = s.find("(@").or_else(|| s.find("( @")) else {
        let name = s.trim();
        return ((!name.is_empty()).then(|| name.to_string()), None, "");
    };
    let name = s[..open].trim().to_string();
    let rest = &s[open + 1..];
    let close = rest.find(')').unwrap_or(rest.len());
    let handle = rest[..close]
        .trim()
        .trim_start_matches('@')
        .trim()
        .to_string();
    let after = rest.get(close + 1..).unwrap_or("").trim();
    (
        (!name.is_empty()).then_some(name),
        (!handle.is_empty() && !handle.contains(char::is_whitespace)).then_some(handle),
        after,
    )
}

/// The handle in a profile or post link of the embed
/// (`https://host/@jroe/123`, `https://twitter.com/jroe/status/123`).
fn profile_handle(node: &NodeRef<'_>) -> Option<String> {
    let mut urls: Vec<String> = ["data-text-post-permalink", "data-embed-url", "cite"]
        .iter()
        .filter_map(|a| node.attr(a).map(|v| v.to_string()))
        .collect();
    urls.extend(
        node.descendants_it()
            .filter_map(|a| a.attr("href").map(|v| v.to_string())),
    );
    urls.iter().find_map(|url| {
        let path = url.split_once("://")?.1.split_once('/')?.1;
        let first = path.split(['/', '?', '#']).next()?;
        if let Some(handle) = first.strip_prefix('@') {
            return (!handle.is_empty()).then(|| handle.to_string());
        }
        (path.contains("/status/") && !first.is_empty()).then(|| first.to_string())
    })
}

/// A machine-readable date inside the embed (`<time datetime>`).
fn embed_date(node: &NodeRef<'_>) -> Option<NaiveDate> {
    node.descendants_it()
        .filter_map(|t| t.attr("datetime"))
        .find_map(|d| crate::parse_date(d.as_ref()))
}

/// "May 2, 2020", "Tuesday, September 13, 2016", "September 12, 2024 at
/// 10:00 AM", or an ISO date.
fn date_of(s: &str) -> Option<NaiveDate> {
    let s = s.split(" at ").next().unwrap_or(s).trim();
    let s = s
        .split_once(", ")
        .filter(|(day, _)| is_weekday(day))
        .map_or(s, |(_, rest)| rest);
    NaiveDate::parse_from_str(s, "%B %d, %Y")
        .or_else(|_| NaiveDate::parse_from_str(s, "%b %d, %Y"))
        .ok()
        .or_else(|| crate::parse_date(s))
}

fn is_weekday(s: &str) -> bool {
    [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ]
    .contains(&s)
}

/// The post's words without the platform's link furniture (picture and
/// short links).
fn clean_text(s: &str) -> String {
    s.split_whitespace()
        .filter(|w| {
            !(w.starts_with("pic.twitter.com/")
                || w.starts_with("https://t.co/")
                || w.starts_with("http://t.co/"))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whitespace collapsed to single spaces.
fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text for an HTML text node.
fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn posts(html: &str) -> (Vec<Post>, String) {
        let doc = Document::from(html);
        let posts = render(&doc);
        (posts, squeeze(&doc.select("body").text()))
    }

    #[test]
    fn a_tweet_becomes_a_paragraph_naming_its_author_platform_and_date() {
        let (found, text) = posts(
            r#"<body><blockquote class="twitter-tweet"><p lang="en" dir="ltr">CNN: "It is over"<br>We will <a href="https://t.co/x">see</a> about that! <a href="https://t.co/AbC">pic.twitter.com/AbC</a></p>&mdash; Jane Roe (@jroe) <a href="https://twitter.com/jroe/status/1">May 2, 2020</a></blockquote></body>"#,
        );
        assert_eq!(
            found,
            [Post {
                platform: "Twitter",
                name: Some("Jane Roe".into()),
                handle: Some("jroe".into()),
                date: NaiveDate::from_ymd_opt(2020, 5, 2),
                text: "CNN: \"It is over\" We will see about that!".into(),
            }]
        );
        assert_eq!(
            text,
            "Jane Roe posted on Twitter on May 2, 2020: “CNN: 'It is over' We will see about that!”"
        );
    }

    #[test]
    fn embeds_without_the_posts_text_are_dropped() {
        let (found, text) = posts(
            r#"<body><p>Before.</p><blockquote class="twitter-tweet"><a href="https://twitter.com/DOSB/status/1"></a></blockquote><blockquote class="instagram-media"><a href="https://www.instagram.com/p/x/">View this post on Instagram</a><p>A post shared by Jane Roe (@jroe)</p></blockquote></body>"#,
        );
        assert!(found.is_empty(), "{found:?}");
        assert_eq!(text, "Before.");
    }

    #[test]
    fn dates_as_embeds_write_them() {
        for (s, want) in [
            ("May 2, 2020", (2020, 5, 2)),
            ("Tuesday, September 13, 2016", (2016, 9, 13)),
            ("September 12, 2024 at 10:00 AM", (2024, 9, 12)),
            ("Sep 12, 2016", (2016, 9, 12)),
            ("2016-09-12T17:00:00+00:00", (2016, 9, 12)),
        ] {
            assert_eq!(
                date_of(s),
                NaiveDate::from_ymd_opt(want.0, want.1, want.2),
                "{s}"
            );
        }
        assert_eq!(date_of("yesterday"), None);
    }
}
