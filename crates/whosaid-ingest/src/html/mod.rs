//! HTML pages: charset decoding (`encoding_rs`) and main-content
//! extraction with metadata (`dom_smoothie`, a readability.js port, which
//! reads meta tags, Open Graph and JSON-LD `NewsArticle`).
//!
//! The text keeps the page's structure: each block (`p`, `blockquote`,
//! headings, list items, `br`-separated lines) becomes a paragraph, so
//! multi-paragraph quotes and headline attributions work as on text files.
//! The page's title comes first, as the headline of a text file, then the
//! lead when the page keeps it in its header (`lead`). Embedded posts (tweets and the
//! like) become paragraphs that attribute their text to their author
//! (`embeds`).

use dom_smoothie::{Config, Readability, TextMode};
use encoding_rs::Encoding;
use memchr::memmem;

use crate::{parse_date, Metadata};

mod boilerplate;
mod clutter;
mod embeds;
mod fallback;
mod feed;
mod lead;
mod limits;

pub use limits::{check as check_limits, HtmlLimits};

/// The text and metadata of a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// Headline, then the main content, paragraphs separated by blank lines.
    pub text: String,
    /// What the page says about itself (`id` left empty).
    pub meta: Metadata,
    /// What the caller should know about how the text was found (the
    /// readability pass found no article and the densest block was kept).
    pub warnings: Vec<String>,
}

/// An article shorter than this (characters, spaces aside) is a caption or
/// a teaser the readability pass settled on, not the page's text: the
/// page's densest block replaces it when that is at least
/// [`FALLBACK_MIN`] long.
const SHORT_ARTICLE: usize = 100;
/// The least length (characters, spaces aside) of a densest block that
/// replaces a short article.
const FALLBACK_MIN: usize = 500;

/// How many bytes of the page are searched for a `<meta charset>`.
const CHARSET_PRESCAN: usize = 2048;

/// Decodes page bytes. Valid UTF-8 is taken as UTF-8 whatever the label
/// says (mislabeled pages are common, and legacy-encoded text is almost
/// never valid UTF-8); otherwise the BOM, the container's charset, then the
/// page's `<meta>` charset decide. A page that is UTF-8 but for a few stray
/// bytes stays UTF-8 (the bytes become U+FFFD), as in a browser; without
/// any label, windows-1252 is the last resort.
pub fn decode(bytes: &[u8], declared: Option<&str>) -> String {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        return enc
            .decode_without_bom_handling(&bytes[bom..])
            .0
            .into_owned();
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return s.to_string();
    }
    let label = declared
        .and_then(|l| Encoding::for_label(l.trim().as_bytes()))
        .or_else(|| meta_charset(&bytes[..bytes.len().min(CHARSET_PRESCAN)]));
    let encoding = match label {
        Some(e) if e != encoding_rs::UTF_8 => e,
        _ if mostly_utf8(bytes) => encoding_rs::UTF_8,
        _ => encoding_rs::WINDOWS_1252,
    };
    encoding.decode_without_bom_handling(bytes).0.into_owned()
}

/// Whether invalid sequences in `bytes` are rare next to the valid
/// multi-byte characters: a UTF-8 page with a stray legacy byte, not a
/// legacy page (whose accented letters are all invalid UTF-8).
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut invalid, mut multibyte) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    invalid * 4 <= multibyte
}

/// The encoding the first `<meta>` tag with a charset declares in the
/// page's first bytes (`<meta charset=…>` or `content="text/html;
/// charset=…"`); a `charset` attribute of a script does not count.
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(at) = memmem::find(&lower[from..], b"<meta") {
        let tag_start = from + at;
        let tag_end =
            memchr::memchr(b'>', &lower[tag_start..]).map_or(lower.len(), |e| tag_start + e);
        let tag = &lower[tag_start..tag_end];
        if let Some(c) = memmem::find(tag, b"charset=") {
            let rest = &tag[c + 8..];
            let rest = rest
                .strip_prefix(b"\"")
                .or(rest.strip_prefix(b"'"))
                .unwrap_or(rest);
            let end = rest
                .iter()
                .position(|b| {
                    !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
                })
                .unwrap_or(rest.len());
            if let Some(encoding) = Encoding::for_label(&rest[..end]) {
                return Some(encoding);
            }
        }
        from = tag_end;
    }
    None
}

/// The charset parameter of an HTTP `Content-Type` value.
pub fn charset_of_content_type(value: &str) -> Option<String> {
    value.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches(['"', '\'']).to_string())
    })
}

/// Extracts the main text and metadata of a page within the default
/// [`HtmlLimits`] (see [`extract_within`]).
pub fn extract(bytes: &[u8], url: Option<&str>, charset: Option<&str>) -> Result<Page, String> {
    extract_within(bytes, url, charset, &HtmlLimits::default())
}

/// Extracts the main text and metadata of a page. `url` (where it was
/// fetched) resolves relative links and is the fallback URL; `charset` is
/// the container's declared charset. A page whose markup is past `limits`
/// is refused before it is parsed. Errors are reasons, for the caller to
/// place.
pub fn extract_within(
    bytes: &[u8],
    url: Option<&str>,
    charset: Option<&str>,
    limits: &HtmlLimits,
) -> Result<Page, String> {
    let html = decode(bytes, charset);
    limits::check(&html, limits)?;
    let absolute = url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    // Raw: the readability pass's own text is thrown away, the formatted
    // text is read after boilerplate removal below (once, not twice).
    // Classes kept: the boilerplate pass inside the article reads them.
    let cfg = Config {
        text_mode: TextMode::Raw,
        keep_classes: true,
        ..Default::default()
    };
    let mut readability =
        Readability::new(html.as_str(), absolute, Some(cfg)).map_err(|e| e.to_string())?;
    let canonical = readability
        .doc
        .select("link[rel=canonical]")
        .attr("href")
        .map(|h| h.to_string())
        .filter(|h| h.starts_with("http"));
    let og_url = readability
        .doc
        .select(r#"meta[property="og:url"]"#)
        .attr("content")
        .map(|h| h.trim().to_string())
        .filter(|h| h.starts_with("http"));
    // Before the clutter filter, which takes social widgets for clutter.
    embeds::render(&readability.doc);
    clutter::remove(&readability.doc);
    let title_words = feed::page_title(&readability.doc);
    feed::prune(&readability.doc, &title_words);
    let lead = lead::find(&readability.doc, &title_words);
    let mut warnings = Vec::new();
    let article = match readability.parse() {
        Ok(mut article) => {
            // The article's element, as the readability pass leaves it.
            if let Some(root) = readability
                .doc
                .select("#readability-page-1")
                .nodes()
                .first()
            {
                boilerplate::remove(root);
                article.text_content = root.formatted_text();
            }
            let kept = boilerplate::chars(&article.text_content);
            if kept < SHORT_ARTICLE {
                if let Some(text) = fallback::page_text(&html) {
                    if boilerplate::chars(&text) >= FALLBACK_MIN {
                        warnings.push(format!(
                            "the readability pass kept {kept} characters; kept the page's densest text block instead"
                        ));
                        article.text_content = text.into();
                    }
                }
            }
            // After the short-article test: a lead does not make a teaser
            // an article.
            let byline = article.byline.as_deref();
            if let Some(text) = lead
                .as_deref()
                .and_then(|l| lead::prepend(l, &article.text_content, byline))
            {
                article.text_content = text.into();
            }
            article
        }
        Err(e) => {
            // Better a page's densest text than nothing: the reader is told.
            let text = fallback::page_text(&html).ok_or_else(|| format!("no main content: {e}"))?;
            warnings.push(format!(
                "no article found by the readability pass ({e}); kept the page's densest text block"
            ));
            fallback::article(&readability, text)
        }
    };
    let site = article
        .site_name
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty());
    let title = article
        .title
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    // The title as the page declares it (`og:title`, JSON-LD, `<title>`),
    // as readability.js and the page's own metadata give it; a block that
    // repeats it, with or without the site name, is dropped from the text.
    let headline = Some(nfc(strip_site(&title, site))).filter(|t| !t.is_empty());
    let title = Some(nfc(title)).filter(|t| !t.is_empty());
    let byline = article
        .byline
        .map(|b| b.trim().to_string())
        .filter(|b| !b.is_empty());
    let text = page_text(
        title.as_deref(),
        headline.as_deref(),
        byline.as_deref(),
        &article.text_content,
    );
    let outlet = article
        .site_name
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .or_else(|| absolute.and_then(host));
    Ok(Page {
        text,
        meta: Metadata {
            id: String::new(),
            url: canonical
                .or(og_url)
                .or(article.url)
                .or(absolute.map(str::to_string)),
            title,
            byline,
            published: article.published_time.as_deref().and_then(parse_date),
            outlet,
            language: article.lang.filter(|l| !l.is_empty()),
            id_from_input: false,
        },
        warnings,
    })
}

/// A page title without the site name around a separator ("Talks Fail |
/// The Planet" → "Talks Fail").
fn strip_site(title: &str, site: Option<&str>) -> String {
    let Some(site) = site else {
        return title.to_string();
    };
    for sep in [" | ", " - ", " — ", " – ", " :: ", " · "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            if tail.trim().eq_ignore_ascii_case(site) {
                return head.trim().to_string();
            }
        }
        if let Some((head, tail)) = title.split_once(sep) {
            if head.trim().eq_ignore_ascii_case(site) {
                return tail.trim().to_string();
            }
        }
    }
    title.to_string()
}

/// The host of a URL (`www.` dropped), as a last-resort outlet name.
fn host(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#', ':']).next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then(|| host.to_string())
}

/// The title, then the content's blocks as paragraphs; a block that only
/// repeats the title (or `headline`, the title without the site name) or
/// the byline is dropped.
fn page_text(
    title: Option<&str>,
    headline: Option<&str>,
    byline: Option<&str>,
    content: &str,
) -> String {
    let mut paragraphs: Vec<String> = Vec::new();
    if let Some(t) = title {
        paragraphs.push(t.to_string());
    }
    let same = |a: &str, b: &str| a.trim().eq_ignore_ascii_case(b.trim());
    for block in content.split('\n') {
        let block = block.split_whitespace().collect::<Vec<_>>().join(" ");
        if block.is_empty() {
            continue;
        }
        let repeats_title =
            title.is_some_and(|t| same(&block, t)) || headline.is_some_and(|h| same(&block, h));
        let repeats_byline = byline.is_some_and(|b| {
            same(&block, b) || block.strip_prefix("By ").is_some_and(|x| same(x, b))
        });
        if repeats_title || repeats_byline {
            continue;
        }
        paragraphs.push(block);
    }
    nfc(paragraphs.join("\n\n"))
}

/// `text` in Unicode NFC: pages mix composed and decomposed forms of the
/// same letters (Bengali য়, a Latin é typed as e + ◌́), which would
/// otherwise make the same word two words for search and names.
fn nfc(text: String) -> String {
    use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
    if is_nfc_quick(text.chars()) == IsNormalized::Yes {
        return text;
    }
    text.nfc().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_wins_over_a_wrong_label_and_legacy_bytes_use_the_label() {
        assert_eq!(decode("café".as_bytes(), Some("iso-8859-1")), "café");
        assert_eq!(decode(b"caf\xe9", Some("iso-8859-1")), "café");
        assert_eq!(decode(b"caf\xe9", None), "café");
        let page = b"<html><head><meta charset=\"windows-1251\"></head>\xef\xf0\xe8";
        assert!(decode(page, None).ends_with("при"));
        assert_eq!(decode(b"\xef\xbb\xbfhi", None), "hi");
        assert_eq!(decode(b"caf\xe9", Some("no-such-charset")), "café");
    }

    /// Regression (real pages): a script's `charset="utf-8"` before the
    /// page's `<meta charset=gb2312>` made a Chinese page windows-1252
    /// mojibake; a UTF-8 page with one stray Latin-1 byte became mojibake
    /// whole.
    #[test]
    fn the_meta_charset_counts_and_stray_bytes_keep_utf8() {
        let mut page = b"<script charset=\"utf-8\" src=\"a.js\"></script><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"/>".to_vec();
        page.extend_from_slice(&[0xd6, 0xd0, 0xce, 0xc4]);
        assert!(
            decode(&page, None).ends_with("中文"),
            "{}",
            decode(&page, None)
        );
        let mut stray = "<meta charset=\"utf-8\"><p>Für die Vögel – schön</p>"
            .as_bytes()
            .to_vec();
        stray.extend_from_slice(b" \xfc");
        let text = decode(&stray, None);
        assert!(text.contains("Für die Vögel – schön"), "{text}");
        assert!(text.ends_with('\u{FFFD}'), "{text}");
    }

    #[test]
    fn content_type_charset() {
        assert_eq!(
            charset_of_content_type("text/html; charset=\"ISO-8859-1\"").as_deref(),
            Some("ISO-8859-1")
        );
        assert_eq!(charset_of_content_type("text/html"), None);
    }

    #[test]
    fn a_news_page_gives_paragraphs_and_metadata() {
        let html = r#"<!DOCTYPE html><html lang="en"><head><title>Talks Fail | The Planet</title>
<meta property="og:site_name" content="The Planet">
<meta property="article:published_time" content="2016-09-12T10:00:00Z">
<meta name="author" content="Jane Reporter">
<link rel="canonical" href="https://planet.example/talks">
</head><body><nav><ul><li><a href="/a">World</a></li><li><a href="/b">Sport</a></li></ul></nav>
<article><h1>Talks Fail</h1><p class="byline">By Jane Reporter</p>
<p>The talks failed on Monday after three days, officials in both capitals said late at night.</p>
<p>“We did what we could. It was not enough for them,” the minister said at the airport.</p>
<blockquote>“There will be another round,” she added, “but not this year.”</blockquote>
<p>Line one<br>Line two of a long paragraph that keeps going with many words in it.</p>
</article><div class="comments"><p>Reader comment: terrible!</p></div></body></html>"#;
        let page = extract(html.as_bytes(), Some("https://planet.example/x?y"), None).unwrap();
        let paragraphs: Vec<&str> = page.text.split("\n\n").collect();
        // The title as the page declares it; the `h1` repeating it without
        // the site name is not a paragraph of its own.
        assert_eq!(paragraphs[0], "Talks Fail | The Planet");
        assert!(
            paragraphs[1].starts_with("The talks failed"),
            "{paragraphs:?}"
        );
        assert!(
            paragraphs.contains(&"“There will be another round,” she added, “but not this year.”")
        );
        assert!(paragraphs.contains(&"Line one"), "{paragraphs:?}");
        assert!(!page.text.contains("By Jane Reporter"), "{}", page.text);
        assert!(!page.text.contains("World"), "{}", page.text);
        assert_eq!(page.meta.title.as_deref(), Some("Talks Fail | The Planet"));
        assert_eq!(page.meta.byline.as_deref(), Some("Jane Reporter"));
        assert_eq!(page.meta.outlet.as_deref(), Some("The Planet"));
        assert_eq!(
            page.meta.url.as_deref(),
            Some("https://planet.example/talks")
        );
        assert_eq!(page.meta.language.as_deref(), Some("en"));
        assert_eq!(
            page.meta.published.map(|d| d.to_string()).as_deref(),
            Some("2016-09-12")
        );
    }

    const PARAGRAPHS: &str = "<p>The council voted on Monday to close the old bridge for repairs, the mayor said.</p>\
        <p>“We had no choice,” she told reporters after the vote, adding that repairs would take a year.</p>\
        <p>Residents who cross the river daily will have to use the ferry or the highway in the meantime.</p>";

    /// Regression (real pages issue, group 1): the clutter filter removed
    /// the element holding the article, and the page failed or kept only
    /// its furniture.
    #[test]
    fn no_page_is_lost_to_the_clutter_filter() {
        for page in [
            format!(
                r#"<html><body class="share_tools_on"><h1>Bridge</h1>{PARAGRAPHS}</body></html>"#
            ),
            format!(
                r#"<html><body><form id="aspnetForm" action="x.aspx"><div>{PARAGRAPHS}</div></form></body></html>"#
            ),
            format!(
                r#"<html><body><div class="main advertisement-free">{PARAGRAPHS}</div></body></html>"#
            ),
            format!(
                r#"<html><body><div class="category-promotions">{PARAGRAPHS}</div></body></html>"#
            ),
        ] {
            let read = extract(page.as_bytes(), None, None).unwrap();
            assert!(
                read.text.contains("We had no choice"),
                "{page}\n{}",
                read.text
            );
            assert!(read.warnings.is_empty(), "{:?}", read.warnings);
        }
    }

    /// Regression (group 1): a page whose body sits inside an unclosed
    /// `<noscript><div>` gave "no main content"; it now keeps its densest
    /// block and says so.
    #[test]
    fn a_page_without_an_article_keeps_its_densest_block_with_a_warning() {
        let page = format!(
            r#"<html><body><noscript><div id="nojs"></noscript><div id="menu"><a href="/">Home</a> <a href="/n">News</a></div><div id="story">{PARAGRAPHS}</div></body></html>"#
        );
        let read = extract(page.as_bytes(), None, None).unwrap();
        assert!(read.text.contains("use the ferry"), "{}", read.text);
        assert!(!read.text.contains("Home"), "{}", read.text);
        assert_eq!(read.warnings.len(), 1, "{:?}", read.warnings);
        assert!(read.warnings[0].contains("densest"), "{:?}", read.warnings);
        let err = extract(b"<html><body><div> </div></body></html>", None, None).unwrap_err();
        assert!(err.contains("no main content"), "{err}");
    }

    /// Regression: a post that is a list of links ("… via Outlet") lost
    /// every item to the link-list filter and came out as its headline
    /// alone; an article under 100 characters now gives way to the page's
    /// densest block, with a warning.
    #[test]
    fn an_article_the_filters_emptied_gives_way_to_the_densest_block() {
        let items: String = (0..8)
            .map(|i| format!(r#"<li><a href="/story-{i}">Study number {i} questions whether the state should keep paying for local newspapers</a> via Outlet {i}</li>"#))
            .collect();
        let page = format!(
            r#"<html><head><title>Reading list</title></head><body><div id="menu"><a href="/">Home</a></div><article><h1>Reading list</h1><ul>{items}</ul></article></body></html>"#
        );
        let read = extract(page.as_bytes(), None, None).unwrap();
        assert!(
            read.text.contains("Study number 7 questions"),
            "{}",
            read.text
        );
        assert!(!read.text.contains("Home"), "{}", read.text);
        assert_eq!(read.warnings.len(), 1, "{:?}", read.warnings);
        assert!(read.warnings[0].contains("densest"), "{:?}", read.warnings);
        // A short article the densest block does not outweigh stays.
        let short = r#"<html><body><article><p>The bridge is closed until Monday, the council said.</p></article></body></html>"#;
        let read = extract(short.as_bytes(), None, None).unwrap();
        assert!(read.text.contains("bridge is closed"), "{}", read.text);
        assert!(read.warnings.is_empty(), "{:?}", read.warnings);
    }

    /// Regression (group 4): `og:url` was not read without a canonical link,
    /// and JSON-LD metadata was lost with the scripts the filter removed.
    #[test]
    fn og_url_and_json_ld_metadata_are_read() {
        let page = format!(
            r#"<html><head><title>Bridge closes</title><meta property="og:url" content="https://news.example/bridge">
            <script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"Old bridge to close","author":{{"@type":"Person","name":"Jane Roe"}},"datePublished":"2024-05-06T08:00:00Z"}}</script>
            </head><body><article>{PARAGRAPHS}</article></body></html>"#
        );
        let read = extract(
            page.as_bytes(),
            Some("https://news.example/bridge?utm=x"),
            None,
        )
        .unwrap();
        assert_eq!(
            read.meta.url.as_deref(),
            Some("https://news.example/bridge")
        );
        assert_eq!(read.meta.title.as_deref(), Some("Old bridge to close"));
        assert_eq!(read.meta.byline.as_deref(), Some("Jane Roe"));
        assert_eq!(
            read.meta.published.map(|d| d.to_string()).as_deref(),
            Some("2024-05-06")
        );
    }

    #[test]
    fn odd_pages_never_panic() {
        let deep = format!(
            "{}<p>text here</p>{}",
            "<div>".repeat(10_000),
            "</div>".repeat(10_000)
        );
        for page in ["", "<", "<html>", "\0\0\0", "<p>short</p>", deep.as_str()] {
            let _ = extract(page.as_bytes(), None, None);
        }
        let _ = extract(b"\xff\xfe\x00<\x00p", Some("not a url"), Some("utf-16"));
    }

    /// Regression (hardening issue, finding 1): 60,000 nested `<b>`
    /// overflowed the stack in the readability pass and killed the process.
    #[test]
    fn deeply_nested_page_is_a_failed_record_not_a_crash() {
        let page = format!("<html><body>{}<p>Bob said hi.</p>", "<b>".repeat(60_000));
        let err = extract(page.as_bytes(), None, None).unwrap_err();
        assert!(err.contains("nested more than"), "{err}");
    }

    /// Regression (finding 4): 220 KB of nested `<div>` took a minute, an
    /// element with a million attributes longer; both are refused by the
    /// linear pre-scan before the parser runs.
    #[test]
    fn quadratic_page_shapes_are_refused_before_parsing() {
        let divs = format!("{}<p>Bob said hi.</p>", "<div>".repeat(44_000));
        let err = extract(divs.as_bytes(), None, None).unwrap_err();
        assert!(err.contains("nested"), "{err}");
        let attrs = format!("<html><body><p{}>Bob said hi.</p>", " x".repeat(1_000_000));
        let err = extract(attrs.as_bytes(), None, None).unwrap_err();
        assert!(err.contains("attributes"), "{err}");
    }

    /// Regression (real pages issue, content missed): a lead in the page
    /// header, beside the headline, was dropped with the header.
    #[test]
    fn the_lead_in_the_header_comes_before_the_body() {
        let body = "<p>The talks failed on Monday after three days, officials in both capitals said late at night, and no new date was set for another round.</p>"
            .repeat(4);
        let html = format!(
            r#"<html><head><title>Talks Fail</title></head><body><div class="header">
            <h1>Talks Fail</h1><p class="standfirst">Negotiators say the gap on tariffs could not be closed, and both sides blame the other.</p></div>
            <div class="content">{body}</div></body></html>"#
        );
        let page = extract(html.as_bytes(), None, None).unwrap();
        let paragraphs: Vec<&str> = page.text.split("\n\n").collect();
        assert_eq!(paragraphs[0], "Talks Fail");
        assert!(
            paragraphs[1].starts_with("Negotiators say"),
            "{paragraphs:?}"
        );
        assert!(
            paragraphs[2].starts_with("The talks failed"),
            "{paragraphs:?}"
        );
        assert_eq!(page.text.matches("Negotiators say").count(), 1);
    }

    /// Regression (real pages): a page's decomposed letters did not match
    /// the same letters composed elsewhere.
    #[test]
    fn page_text_is_nfc() {
        let text = page_text(
            Some("Cafe\u{301}"),
            None,
            None,
            "Jose\u{301} said so.\nAlready NFC: é.",
        );
        assert_eq!(text, "Café\n\nJosé said so.\n\nAlready NFC: é.");
    }
}
