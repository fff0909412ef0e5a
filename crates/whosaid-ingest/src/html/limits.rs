//! Structural limits checked on a page's markup before any parser sees it.
//!
//! The HTML parser and the readability pass are not linear in every shape
//! of input: the tokenizer looks for duplicate attributes by scanning the
//! ones already read (quadratic in the attributes of one element), and the
//! readability cleaning recurses over the tree (a page of 50,000 nested
//! `<b>` overflows a thread's stack, which no `catch_unwind` can catch).
//! Real pages are far from these shapes, so one linear scan of the markup
//! rejects pages past generous limits, as one failed record with a reason,
//! before they cost anything.
//!
//! The depth is the depth of the tree a parser would build, approximated:
//! void elements and self-closing tags do not nest, an end tag closes the
//! nearest open element of its name, and the end tags HTML implies are
//! applied for `p`, `li`, `dt`/`dd`, `option`, `tr` and `td`/`th` (an
//! unclosed `<p>` before the next block, a list item before the next).
//! Everything unclosed counts, as it does for the parser.

/// Limits on a page's markup. The defaults are far above real news pages
/// (the deepest page of the trafilatura and readability test suites nests
/// well under 100 elements; big pages have a few tens of thousands of
/// elements and attributes in the tens on one element).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HtmlLimits {
    /// Deepest element nesting.
    pub max_depth: usize,
    /// Most elements (start tags) in the page.
    pub max_elements: usize,
    /// Most attributes on one element.
    pub max_attributes: usize,
}

impl Default for HtmlLimits {
    fn default() -> Self {
        HtmlLimits {
            max_depth: 512,
            max_elements: 100_000,
            max_attributes: 256,
        }
    }
}

/// Elements that never have content.
const VOID: &[&[u8]] = &[
    b"area",
    b"base",
    b"br",
    b"col",
    b"embed",
    b"hr",
    b"img",
    b"input",
    b"link",
    b"meta",
    b"param",
    b"source",
    b"track",
    b"wbr",
    b"keygen",
    b"basefont",
    b"bgsound",
    b"frame",
    b"image",
];

/// Elements whose content is raw text up to their end tag.
const RAW_TEXT: &[&[u8]] = &[
    b"script",
    b"style",
    b"textarea",
    b"title",
    b"xmp",
    b"iframe",
    b"noembed",
    b"noframes",
    b"plaintext",
];

/// Start tags that close an open `<p>` (HTML's implied end tag).
const CLOSES_P: &[&[u8]] = &[
    b"address",
    b"article",
    b"aside",
    b"blockquote",
    b"details",
    b"div",
    b"dl",
    b"fieldset",
    b"figcaption",
    b"figure",
    b"footer",
    b"form",
    b"h1",
    b"h2",
    b"h3",
    b"h4",
    b"h5",
    b"h6",
    b"header",
    b"hgroup",
    b"hr",
    b"main",
    b"menu",
    b"nav",
    b"ol",
    b"p",
    b"pre",
    b"section",
    b"table",
    b"ul",
];

/// A list of tag names.
type Names = &'static [&'static [u8]];

/// For elements that close an open sibling of theirs: the sibling names
/// they close, and the containers past which they do not look.
fn implied_siblings(name: &[u8]) -> Option<(Names, Names)> {
    Some(match name {
        b"li" => (&[b"li"], &[b"ul", b"ol", b"menu"]),
        b"dt" | b"dd" => (&[b"dt", b"dd"], &[b"dl"]),
        b"option" => (&[b"option"], &[b"select", b"datalist"]),
        b"tr" => (&[b"tr"], &[b"table", b"tbody", b"thead", b"tfoot"]),
        b"td" | b"th" => (&[b"td", b"th"], &[b"tr", b"table"]),
        _ => return None,
    })
}

/// A tag name, lowercased, as kept on the open-element stack. Longer
/// names are cut: only the short names above are compared by content.
type Name = ([u8; 16], u8);

fn name_of(raw: &[u8]) -> Name {
    let mut out = [0u8; 16];
    let n = raw.len().min(16);
    for (o, b) in out.iter_mut().zip(raw) {
        *o = b.to_ascii_lowercase();
    }
    (out, n as u8)
}

fn as_slice(name: &Name) -> &[u8] {
    &name.0[..name.1 as usize]
}

/// Checks `html` against `limits`; the error is the reason to report.
/// Linear in the input (each end tag looks at most `max_depth` open
/// elements, a constant).
pub fn check(html: &str, limits: &HtmlLimits) -> Result<(), String> {
    let bytes = html.as_bytes();
    let mut stack: Vec<Name> = Vec::new();
    let mut elements = 0usize;
    let mut i = 0;
    while let Some(lt) = memchr::memchr(b'<', &bytes[i..]) {
        i += lt + 1;
        let rest = &bytes[i..];
        if rest.starts_with(b"!--") {
            i = match memchr::memmem::find(&rest[3..], b"-->") {
                Some(end) => i + 3 + end + 3,
                None => bytes.len(),
            };
            continue;
        }
        match rest.first() {
            Some(b'!' | b'?') => {
                i = memchr::memchr(b'>', rest).map_or(bytes.len(), |e| i + e + 1);
            }
            Some(b'/') => {
                let name_len = rest[1..]
                    .iter()
                    .position(|b| !b.is_ascii_alphanumeric() && *b != b'-' && *b != b':')
                    .unwrap_or(rest.len() - 1);
                if name_len > 0 {
                    let name = name_of(&rest[1..1 + name_len]);
                    if let Some(at) = stack.iter().rposition(|n| *n == name) {
                        stack.truncate(at);
                    }
                }
                i = memchr::memchr(b'>', rest).map_or(bytes.len(), |e| i + e + 1);
            }
            Some(b) if b.is_ascii_alphabetic() => {
                let name_len = rest
                    .iter()
                    .position(|b| !b.is_ascii_alphanumeric() && *b != b'-' && *b != b':')
                    .unwrap_or(rest.len());
                let name = name_of(&rest[..name_len]);
                let (attributes, tag_end, self_closing) = scan_attributes(&rest[name_len..]);
                if attributes > limits.max_attributes {
                    return Err(format!(
                        "page markup over the limits: an element with more than {} attributes",
                        limits.max_attributes
                    ));
                }
                elements += 1;
                if elements > limits.max_elements {
                    return Err(format!(
                        "page markup over the limits: more than {} elements",
                        limits.max_elements
                    ));
                }
                i += name_len + tag_end;
                let short = as_slice(&name);
                if RAW_TEXT.contains(&short) {
                    i = skip_raw_text(bytes, i, short);
                    continue;
                }
                if CLOSES_P.contains(&short)
                    && stack.last().is_some_and(|top| as_slice(top) == b"p")
                {
                    stack.pop();
                }
                if let Some((siblings, containers)) = implied_siblings(short) {
                    let open = stack.iter().rposition(|n| {
                        let n = as_slice(n);
                        siblings.contains(&n) || containers.contains(&n)
                    });
                    if let Some(at) = open {
                        if siblings.contains(&as_slice(&stack[at])) {
                            stack.truncate(at);
                        }
                    }
                }
                if self_closing || VOID.contains(&short) {
                    continue;
                }
                stack.push(name);
                if stack.len() > limits.max_depth {
                    return Err(format!(
                        "page markup over the limits: elements nested more than {} deep",
                        limits.max_depth
                    ));
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// Reads a start tag's attributes up to its `>`: their count, the bytes
/// up to and including the `>`, and whether the tag closes itself (`/>`).
fn scan_attributes(tag: &[u8]) -> (usize, usize, bool) {
    let mut count = 0;
    let mut in_name = false;
    let mut quote: Option<u8> = None;
    let mut after_equals = false;
    let mut prev = 0u8;
    for (k, &b) in tag.iter().enumerate() {
        if let Some(q) = quote {
            if b == q {
                quote = None;
            }
            prev = b;
            continue;
        }
        match b {
            b'>' => return (count, k + 1, prev == b'/'),
            b'"' | b'\'' if after_equals => {
                quote = Some(b);
                after_equals = false;
            }
            b'=' => {
                after_equals = true;
                in_name = false;
            }
            b if b.is_ascii_whitespace() || b == b'/' => {
                in_name = false;
                if b == b'/' {
                    after_equals = false;
                }
            }
            _ => {
                if after_equals {
                    // An unquoted value runs to the next space.
                    after_equals = false;
                    in_name = true;
                } else if !in_name {
                    count += 1;
                    in_name = true;
                }
            }
        }
        prev = b;
    }
    (count, tag.len(), false)
}

/// The position after the end tag of a raw-text element (`</script>`),
/// or the end of the page.
fn skip_raw_text(bytes: &[u8], from: usize, name: &[u8]) -> usize {
    let mut i = from;
    while let Some(k) = memchr::memmem::find(&bytes[i..], b"</") {
        let at = i + k + 2;
        let candidate = &bytes[at..bytes.len().min(at + name.len())];
        if candidate.eq_ignore_ascii_case(name) {
            return memchr::memchr(b'>', &bytes[at..]).map_or(bytes.len(), |e| at + e + 1);
        }
        i = at;
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn depth_error(html: &str, max_depth: usize) -> bool {
        let limits = HtmlLimits {
            max_depth,
            ..HtmlLimits::default()
        };
        check(html, &limits).is_err_and(|e| e.contains("nested"))
    }

    #[test]
    fn deep_nesting_is_refused() {
        let deep = format!("<html><body>{}<p>Bob said hi.</p>", "<b>".repeat(60_000));
        let err = check(&deep, &HtmlLimits::default()).unwrap_err();
        assert!(err.contains("nested more than 512"), "{err}");
        let closed = "<div><span>x</span></div>".repeat(10_000);
        assert!(check(&closed, &HtmlLimits::default()).is_ok());
    }

    #[test]
    fn implied_end_tags_do_not_count_as_nesting() {
        assert!(!depth_error(&"<p>one paragraph".repeat(100), 10));
        assert!(!depth_error(
            &format!("<ul>{}</ul>", "<li>item".repeat(100)),
            10
        ));
        assert!(!depth_error(
            &format!("<table>{}</table>", "<tr><td>a<td>b".repeat(100)),
            10
        ));
        assert!(!depth_error(&"<br><img src=x><hr/><span/>".repeat(100), 10));
        // Nested lists stay nested: the inner item does not close the outer.
        assert!(depth_error(&"<ul><li>".repeat(20), 10));
        assert!(depth_error(&"<div>".repeat(11), 10));
        assert!(!depth_error(&"<div>".repeat(10), 10));
    }

    #[test]
    fn markup_inside_comments_scripts_and_values_is_not_counted() {
        let html = format!(
            "<!-- {0} --><script>var s = '{0}';</script><div title=\"{0}\">x</div><style>{0}</style>",
            "<div>".repeat(1000)
        );
        assert!(!depth_error(&html, 10));
        assert!(!depth_error("<SCRIPT>if (a < b) {}</SCRIPT ><p>x", 10));
    }

    #[test]
    fn attribute_floods_are_refused() {
        let flood = format!("<p{}>x</p>", " a".repeat(1_000_000));
        let err = check(&flood, &HtmlLimits::default()).unwrap_err();
        assert!(err.contains("attributes"), "{err}");
        let quoted = r#"<a href="x y z" class='a b c' data-x=1 hidden>x</a>"#;
        assert_eq!(scan_attributes(&quoted.as_bytes()[2..]).0, 4);
        assert!(scan_attributes(b" a=1/>").2);
    }

    #[test]
    fn element_floods_are_refused() {
        let limits = HtmlLimits {
            max_elements: 1_000,
            ..HtmlLimits::default()
        };
        assert!(check(&"<i>x</i>".repeat(1_000), &limits).is_ok());
        let err = check(&"<i>x</i>".repeat(1_001), &limits).unwrap_err();
        assert!(err.contains("1000 elements"), "{err}");
    }

    #[test]
    fn truncated_markup_never_panics() {
        for html in [
            "<", "</", "<!--", "<a b='", "<script>", "</>", "<a", "<<<>>>", "<é>",
        ] {
            let _ = check(html, &HtmlLimits::default());
        }
    }
}
