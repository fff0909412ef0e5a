//! Embedded social media posts on news pages are statements of their
//! authors: one fixture per embed kind (`fixtures/embeds/KIND.embed.html`,
//! the mayor's post in that platform's embed markup), each placed into the
//! same short article (`article.html`) and read end to end by `whosaid
//! extract`.

use serde_json::Value;

mod common;

use common::*;

const POST: &str = "Closing the bridge was the hardest vote of my term. The ferry will run every ten minutes, free of charge, until the repairs are done.";

/// The article page with `kind`'s embed, read by `whosaid extract`.
fn extract(kind: &str) -> Value {
    let fixtures = root().join("crates/whosaid-cli/tests/fixtures/embeds");
    let read = |name: String| std::fs::read_to_string(fixtures.join(name)).unwrap();
    let page =
        read("article.html".into()).replace("{{EMBED}}", &read(format!("{kind}.embed.html")));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(format!("{kind}.html"));
    std::fs::write(&path, page).unwrap();
    let out = run(whosaid().arg("extract").arg(&path));
    assert_success(&out);
    serde_json::from_str(&stdout(&out)).unwrap()
}

#[test]
fn every_embed_kind_is_a_statement_of_its_author_on_its_platform() {
    for (file, platform) in [
        ("twitter", "Twitter"),
        ("bluesky", "Bluesky"),
        ("mastodon", "Mastodon"),
        ("threads", "Threads"),
        ("instagram", "Instagram"),
        ("facebook", "Facebook"),
    ] {
        let doc = extract(file);
        let text = doc["text"].as_str().unwrap();
        // The post stays in the text, as its own paragraph.
        let paragraph = text
            .split("\n\n")
            .find(|p| p.contains("hardest vote"))
            .unwrap_or_else(|| panic!("{file}: no post paragraph in {text}"));
        assert!(paragraph.contains(POST), "{file}: {paragraph}");
        assert!(!text.contains("View on"), "{file}: embed furniture kept");
        assert!(!text.contains("pic.twitter.com"), "{file}");
        let found: Vec<&Value> = doc["attributions"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|a| {
                a["content"][0]["text"]
                    .as_str()
                    .is_some_and(|c| c.contains("hardest vote"))
            })
            .collect();
        assert_eq!(found.len(), 1, "{file}: {found:#?}");
        let a = found[0];
        assert_eq!(a["kind"], "direct", "{file}");
        assert_eq!(a["content"][0]["text"], format!("“{POST}”"), "{file}");
        assert_eq!(a["source"][0]["text"], "Maria Okafor", "{file}");
        assert_eq!(a["cue"][0]["text"], "posted", "{file}");
        let speaker = &doc["speakers"][a["speaker"].as_u64().unwrap() as usize];
        assert_eq!(speaker["name"], "Maria Okafor", "{file}");
        assert_eq!(speaker["kind"], "person", "{file}");
        assert_eq!(a["channel"][0]["kind"], "post", "{file}");
        assert_eq!(a["channel"][0]["via"], platform, "{file}");
        assert_eq!(a["time"]["value"], "2024-05-06", "{file}");
        // The article around the embed is read as before.
        assert!(
            text.contains("The repairs are due to start in June"),
            "{file}"
        );
        assert!(!text.contains("all rights reserved"), "{file}");
    }
}
