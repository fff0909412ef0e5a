//! Realistic inputs built from plain text, for tests and benchmarks: a news
//! page with navigation, ads, share widgets, related links and comments
//! around the article, and WARC archives of such pages.

use std::io::Write;

/// What a generated page says about itself.
#[derive(Debug, Clone, Default)]
pub struct PageInfo<'a> {
    /// Outlet name (Open Graph `site_name`, JSON-LD publisher).
    pub outlet: &'a str,
    /// Author.
    pub author: &'a str,
    /// Publication date, `YYYY-MM-DD`.
    pub published: &'a str,
    /// Canonical URL.
    pub url: &'a str,
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A news page whose article is `text` (headline, blank line, paragraphs
/// separated by blank lines), wrapped in the clutter of a real page.
pub fn news_page(text: &str, info: &PageInfo<'_>) -> String {
    let mut paragraphs = text.split("\n\n").map(str::trim).filter(|p| !p.is_empty());
    let title = escape(paragraphs.next().unwrap_or(""));
    let body: String = paragraphs
        .map(|p| format!("      <p>{}</p>\n", escape(&p.replace('\n', " "))))
        .collect();
    let nav: String = [
        "World", "Politics", "Business", "Tech", "Opinion", "Sports", "Video",
    ]
    .iter()
    .map(|s| format!("<li><a href=\"/{}\">{s}</a></li>", s.to_lowercase()))
    .collect();
    let (outlet, author, published, url) = (
        escape(info.outlet),
        escape(info.author),
        escape(info.published),
        escape(info.url),
    );
    format!(
        r##"<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{title} | {outlet}</title>
  <meta property="og:site_name" content="{outlet}">
  <meta property="og:title" content="{title}">
  <meta property="article:published_time" content="{published}T09:30:00Z">
  <meta name="author" content="{author}">
  <link rel="canonical" href="{url}">
  <script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"{title}","datePublished":"{published}T09:30:00Z","author":{{"@type":"Person","name":"{author}"}},"publisher":{{"@type":"Organization","name":"{outlet}"}}}}</script>
  <script>window.dataLayer = [];</script>
  <style>.ad-slot {{ min-height: 250px; }}</style>
</head>
<body>
  <header class="site-header"><div class="logo">{outlet}</div><nav class="menu"><ul>{nav}</ul></nav></header>
  <div class="ad-slot advertisement sponsor">Advertisement: Subscribe today and save 50%!</div>
  <main>
    <article>
      <h1>{title}</h1>
      <div class="byline">By {author}</div>
{body}    </article>
    <div class="social-share"><a href="#">Share on Facebook</a> <a href="#">Share on Twitter</a></div>
    <aside class="sidebar related"><h3>Related stories</h3><ul><li><a href="/r1">Another story you might like</a></li><li><a href="/r2">Ten things about politics</a></li></ul></aside>
    <section id="comments" class="comments"><h3>Comments</h3><div class="comment"><p>Great article, thanks for writing it!</p></div><div class="comment"><p>I disagree with all of this.</p></div></section>
  </main>
  <footer class="footer"><p>© {outlet}. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body>
</html>
"##
    )
}

/// Writes `pages` (id, url, html) as a WARC.gz: one gzip member per record
/// (as Common Crawl does), each response preceded by its request record.
pub fn warc_gz(out: impl Write, pages: &[(String, String, String)]) -> std::io::Result<()> {
    let mut out = out;
    for (id, url, html) in pages {
        let mut member = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        let request = "GET / HTTP/1.1\r\nHost: example\r\n\r\n";
        write!(
            member,
            "WARC/1.0\r\nWARC-Type: request\r\nWARC-Target-URI: {url}\r\nContent-Type: application/http; msgtype=request\r\nContent-Length: {}\r\n\r\n{request}\r\n\r\n",
            request.len()
        )?;
        crate::warc::write_response(
            &mut member,
            id,
            url,
            "2016-09-13T00:00:00Z",
            html.as_bytes(),
        )?;
        out.write_all(&member.finish()?)?;
    }
    Ok(())
}
