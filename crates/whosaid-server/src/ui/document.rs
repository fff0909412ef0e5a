//! The article page: the text with sources, cues and contents coloured by
//! speaker, details on hover, the outlet's own assertions hatched.

use super::*;

#[derive(Deserialize)]
struct DocView {
    #[serde(default)]
    id: String,
    url: Option<String>,
    title: Option<String>,
    byline: Option<String>,
    published: Option<String>,
    outlet: Option<String>,
    #[serde(default)]
    text: String,
    #[serde(default)]
    attributions: Vec<AttrView>,
    #[serde(default)]
    speakers: Vec<SpeakerView>,
    #[serde(default)]
    unattributed: Vec<SpanView>,
}

#[derive(Deserialize)]
struct SpanView {
    start: usize,
    end: usize,
}

#[derive(Deserialize)]
struct AttrView {
    #[serde(default)]
    source: Vec<SpanView>,
    #[serde(default)]
    cue: Vec<SpanView>,
    #[serde(default)]
    content: Vec<SpanView>,
    #[serde(default)]
    kind: String,
    speaker: Option<usize>,
    #[serde(default)]
    channel: Vec<ChannelView>,
    time: Option<TimeView>,
    nested_in: Option<usize>,
}

#[derive(Deserialize)]
struct ChannelView {
    kind: String,
    via: Option<String>,
}

#[derive(Deserialize)]
struct TimeView {
    #[serde(default)]
    text: String,
    value: Option<String>,
}

#[derive(Deserialize)]
struct SpeakerView {
    name: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    anonymous: bool,
    #[serde(default)]
    titles: Vec<String>,
}

/// What one stretch of the article is part of.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Role {
    Content,
    Source,
    Cue,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Owner {
    Attribution(usize, Role),
    Outlet,
}

/// Only web links become `href`s (no `javascript:` and the like).
fn safe_link(url: &str) -> Option<&str> {
    let lower = url.trim_start().to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://")).then_some(url)
}

fn channel_text(a: &AttrView) -> String {
    a.channel
        .iter()
        .map(|c| match &c.via {
            Some(v) => format!("{} ({v})", c.kind),
            None => c.kind.clone(),
        })
        .collect::<Vec<_>>()
        .join(" → ")
}

fn time_text(a: &AttrView) -> String {
    match &a.time {
        Some(t) => match &t.value {
            Some(v) => format!("{} = {v}", t.text),
            None => format!("{} (relative)", t.text),
        },
        None => String::new(),
    }
}

pub(super) async fn document(
    State(state): State<Arc<AppState>>,
    UrlPath(id): UrlPath<String>,
) -> Result<Page, Page> {
    let _rendering = permit_or_busy(&state.renders, "rendering articles")?;
    let wanted = id.clone();
    let (doc, speaker_ids, carried) = with_store(&state, move |s| {
        Ok((
            s.document_json(&wanted)?,
            s.document_speaker_ids(&wanted)?,
            s.document_quotes(&wanted)?,
        ))
    })
    .await?;
    let Some(doc) = doc else {
        return Err(ApiError(StatusCode::NOT_FOUND, format!("no document {id:?}")).into());
    };
    let doc: DocView = serde_json::from_value(doc).map_err(|e| {
        ApiError(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("stored account of {id:?} is unreadable: {e}"),
        )
    })?;
    // Document speaker index → store speaker id, through the attributions.
    let mut store_ids: HashMap<usize, i64> = HashMap::new();
    for (a, sid) in doc.attributions.iter().zip(&speaker_ids) {
        if let (Some(k), Some(sid)) = (a.speaker, sid) {
            store_ids.entry(k).or_insert(*sid);
        }
    }
    let mut counts = vec![0usize; doc.speakers.len()];
    for a in &doc.attributions {
        if let Some(c) = a.speaker.and_then(|k| counts.get_mut(k)) {
            *c += 1;
        }
    }
    let color = |speaker: Option<usize>| match speaker {
        Some(k) if doc.speakers.get(k).is_some_and(|s| s.anonymous) => "anon".to_string(),
        Some(k) => speaker_class(k),
        None => "unresolved".to_string(),
    };
    let title = doc
        .title
        .clone()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| doc.id.clone());
    let body = html! {
        article.document {
            h1 #doc-title { (title) }
            p.meta {
                @if let Some(o) = &doc.outlet { span #doc-outlet { (o) } }
                @if let Some(d) = &doc.published { span.date { (d) } }
                @if let Some(b) = &doc.byline { span #doc-byline { (b) } }
                @if let Some(u) = doc.url.as_deref() {
                    @if let Some(link) = safe_link(u) { a #doc-url href=(link) rel="noopener noreferrer" { "original" } }
                    @else { span #doc-url { (u) } }
                }
            }
            div.reading {
                div.text #doc-text { (highlighted(&doc, &color)) }
                aside.side {
                    div.details #details hidden {
                        h3 { "Attribution" }
                        dl {
                            dt { "Speaker" } dd data-field="speaker" {}
                            dt { "Cue" } dd data-field="cue" {}
                            dt { "Kind" } dd data-field="kind" {}
                            dt { "Channel" } dd data-field="channel" {}
                            dt { "Time" } dd data-field="time" {}
                        }
                        a.permalink href="#" { "Link to this statement" }
                    }
                    h3 { "Speakers" }
                    ul.legend #legend {
                        @for (k, s) in doc.speakers.iter().enumerate() {
                            li {
                                span class={ "swatch " (color(Some(k))) } {}
                                @if let Some(sid) = store_ids.get(&k) { a href={ "/speakers/" (sid) } { (s.name) } } @else { (s.name) }
                                " " span.muted { (s.kind) @if s.anonymous { ", anonymous" } ", " (counts[k]) }
                                @if let Some(t) = s.titles.first() { br; span.muted { (t) } }
                            }
                        }
                        li { span.swatch.outlet {} "The outlet's own assertions (" (doc.unattributed.len()) ")" }
                    }
                    @if !carried.is_empty() {
                        h3 { "Quoted elsewhere" }
                        ul #carried {
                            @for (ordinal, q) in &carried {
                                li { a href={ "#s" (ordinal + 1) } { "Statement " (ordinal + 1) } ": " (super::quotes::carried(q)) }
                            }
                        }
                    }
                    p.muted { "Hover a highlighted passage for its attribution; click to pin it. Underlined: the source; bold: the cue." }
                }
            }
        }
    };
    Ok(Page(StatusCode::OK, layout(&title, body)))
}

/// The article text with every attribution's source, cue and content and
/// every unattributed assertion wrapped in a `mark`. Offsets are code
/// points (the crate-wide invariant); out-of-range spans are clipped.
fn highlighted(doc: &DocView, color: &dyn Fn(Option<usize>) -> String) -> Markup {
    let text = doc.text.as_str();
    // Code point offset → byte offset.
    let mut bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    bytes.push(text.len());
    let n = bytes.len() - 1;
    // (start, end, depth, owner); deeper and stronger roles win overlaps.
    let mut marks: Vec<(usize, usize, usize, Owner)> = Vec::new();
    for (k, a) in doc.attributions.iter().enumerate() {
        let depth = if a.nested_in.is_some() { 2 } else { 1 };
        for (spans, role) in [
            (&a.content, Role::Content),
            (&a.source, Role::Source),
            (&a.cue, Role::Cue),
        ] {
            for s in spans {
                let (start, end) = (s.start.min(n), s.end.min(n));
                if start < end {
                    marks.push((start, end, depth, Owner::Attribution(k, role)));
                }
            }
        }
    }
    for s in &doc.unattributed {
        let (start, end) = (s.start.min(n), s.end.min(n));
        if start < end {
            marks.push((start, end, 0, Owner::Outlet));
        }
    }
    let mut cuts: Vec<usize> = vec![0, n];
    for m in &marks {
        cuts.push(m.0);
        cuts.push(m.1);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let rank = |m: &(usize, usize, usize, Owner)| match m.3 {
        Owner::Outlet => (0, Role::Content),
        Owner::Attribution(_, role) => (m.2, role),
    };
    // Pieces: (start, end, owner), adjacent pieces of one owner joined.
    // A sweep over the cuts keeps the marks covering the current piece
    // (few: nesting is shallow), so long articles stay linear.
    // Numbered in push order: among equal ranks the later mark wins.
    let mut marks: Vec<(usize, (usize, usize, usize, Owner))> =
        marks.into_iter().enumerate().collect();
    marks.sort_by_key(|(_, m)| m.0);
    let mut next = 0;
    let mut active: Vec<(usize, (usize, usize, usize, Owner))> = Vec::new();
    let mut pieces: Vec<(usize, usize, Option<Owner>)> = Vec::new();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        while next < marks.len() && marks[next].1 .0 <= a {
            active.push(marks[next]);
            next += 1;
        }
        active.retain(|(_, m)| m.1 >= b);
        let owner = active
            .iter()
            .max_by_key(|(k, m)| (rank(m), *k))
            .map(|(_, m)| m.3);
        match pieces.last_mut() {
            Some(last) if last.2 == owner && last.1 == a => last.1 = b,
            _ => pieces.push((a, b, owner)),
        }
    }
    let speaker_name = |a: &AttrView| {
        a.speaker
            .and_then(|k| doc.speakers.get(k))
            .map_or("unresolved speaker".to_string(), |s| s.name.clone())
    };
    let cue_text = |a: &AttrView| {
        a.cue
            .iter()
            .filter(|s| s.start < s.end && s.end <= n)
            .map(|s| &text[bytes[s.start]..bytes[s.end]])
            .collect::<Vec<_>>()
            .join(" … ")
    };
    // The first passage of each statement carries its anchor (`#s3`).
    let mut anchored = std::collections::HashSet::new();
    let anchors: Vec<Option<String>> = pieces
        .iter()
        .map(|(_, _, owner)| match owner {
            Some(Owner::Attribution(k, _)) if anchored.insert(*k) => Some(format!("s{}", k + 1)),
            _ => None,
        })
        .collect();
    html! {
        @for (i, (a, b, owner)) in pieces.iter().enumerate() {
            @let piece = &text[bytes[*a]..bytes[*b]];
            @match owner {
                None => { (piece) }
                Some(Owner::Outlet) => {
                    mark.outlet title="The outlet's own assertion: no source given" { (piece) }
                }
                Some(Owner::Attribution(k, role)) => {
                    @let at = &doc.attributions[*k];
                    @let role_class = match role { Role::Content => "content", Role::Source => "source", Role::Cue => "cue" };
                    @let tip = {
                        let mut t = format!("{} — cue “{}” · {}", speaker_name(at), cue_text(at), at.kind);
                        let ch = channel_text(at);
                        if !ch.is_empty() { t.push_str(&format!(" · {ch}")); }
                        let tm = time_text(at);
                        if !tm.is_empty() { t.push_str(&format!(" · time: {tm}")); }
                        t
                    };
                    mark class={ (role_class) " " (color(at.speaker)) } title=(tip) data-a=(k)
                        id=[anchors[i].as_deref()] tabindex="0" role="button"
                        aria-label={ (role_class) " of statement " (k + 1) ": " (tip) }
                        data-speaker=(speaker_name(at)) data-cue=(cue_text(at)) data-kind=(at.kind)
                        data-channel=(channel_text(at)) data-time=(time_text(at)) { (piece) }
                }
            }
        }
    }
}

/// The colour class of a document's `k`-th speaker: past the palette,
/// colours repeat with a pattern (dots, then stripes), so 36 speakers stay
/// apart.
fn speaker_class(k: usize) -> String {
    match k / PALETTE {
        0 => format!("sp{}", k % PALETTE),
        n => format!("sp{} pat{}", k % PALETTE, 1 + (n - 1) % 2),
    }
}

/// Percent-encodes a query or path component.
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thirty_six_speakers_get_distinct_classes() {
        let classes: std::collections::HashSet<String> =
            (0..3 * PALETTE).map(speaker_class).collect();
        assert_eq!(classes.len(), 3 * PALETTE);
        assert_eq!(speaker_class(0), "sp0");
        assert_eq!(speaker_class(PALETTE + 1), "sp1 pat1");
    }

    #[test]
    fn only_web_links_are_links() {
        assert!(safe_link("https://example.com/a").is_some());
        assert!(safe_link("javascript:alert(1)").is_none());
        assert!(safe_link(" JaVaScRiPt:alert(1)").is_none());
        assert!(safe_link("data:text/html,x").is_none());
    }

    fn span(start: usize, end: usize) -> SpanView {
        SpanView { start, end }
    }

    #[test]
    fn highlighting_covers_the_text_once_and_clips_bad_offsets() {
        let text = "Ünïcode “quote,” she said. Sky is blue.";
        let doc = DocView {
            id: "d".into(),
            url: None,
            title: None,
            byline: None,
            published: None,
            outlet: None,
            text: text.into(),
            attributions: vec![AttrView {
                source: vec![span(17, 20)],
                cue: vec![span(21, 25)],
                content: vec![span(8, 16)],
                kind: "direct".into(),
                speaker: Some(0),
                channel: vec![],
                time: None,
                nested_in: None,
            }],
            speakers: vec![SpeakerView {
                name: "Jane <b>Doe</b>".into(),
                kind: "person".into(),
                anonymous: false,
                titles: vec![],
            }],
            unattributed: vec![span(27, 39), span(30, 10_000)],
        };
        let html = highlighted(&doc, &|k| format!("sp{}", k.unwrap_or(99))).into_string();
        // Every character appears once, in order, outside the tags.
        assert_eq!(visible(&html), text);
        assert!(html.contains(r#"<mark class="cue sp0""#), "{html}");
        assert!(html.contains(r#"<mark class="source sp0""#), "{html}");
        assert!(html.contains("Jane &lt;b&gt;Doe&lt;/b&gt;"), "{html}");
        assert!(html.contains(r#"<mark class="outlet""#), "{html}");
    }

    fn visible(html: &str) -> String {
        let mut out = String::new();
        let mut in_tag = false;
        for c in html.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => out.push(c),
                _ => {}
            }
        }
        out.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&amp;", "&")
    }

    proptest::proptest! {
        /// Any text with any spans (overlapping, reversed, out of range,
        /// mid-character in bytes) renders without a panic, shows every
        /// character once and in order, and never lets markup through.
        #[test]
        fn highlighting_never_panics_or_loses_text(
            text in "[a-zé“”<>&\" ]{0,60}",
            spans in proptest::collection::vec((0usize..80, 0usize..80, 0u8..4), 0..12),
            nested in proptest::option::of(0usize..3),
        ) {
            let mut doc = DocView {
                id: "p".into(), url: None, title: None, byline: None, published: None,
                outlet: None, text: text.clone(), attributions: Vec::new(),
                speakers: vec![SpeakerView { name: "<s>".into(), kind: String::new(), anonymous: false, titles: vec![] }],
                unattributed: Vec::new(),
            };
            for (k, (a, b, role)) in spans.into_iter().enumerate() {
                match role {
                    0 => doc.unattributed.push(span(a, b)),
                    r => doc.attributions.push(AttrView {
                        source: if r == 1 { vec![span(a, b)] } else { vec![] },
                        cue: if r == 2 { vec![span(a, b)] } else { vec![] },
                        content: if r == 3 { vec![span(a, b)] } else { vec![] },
                        kind: "direct".into(),
                        speaker: Some(k % 3),
                        channel: vec![],
                        time: None,
                        nested_in: nested,
                    }),
                }
            }
            let html = highlighted(&doc, &|k| format!("sp{}", k.unwrap_or(0))).into_string();
            proptest::prop_assert_eq!(visible(&html), text);
            proptest::prop_assert!(!html.contains("<s>"));
        }
    }
}
