//! Prints the named mentions and entities the resolver sees in articles:
//! `cargo run --release -p whosaid --example entities -- FILE...`.
//! A tool for reading why a speaker got its name.

use whosaid::entities::{self, Entities};
use whosaid::{Document, Resolver};

fn main() {
    let resolver = Resolver::builtin();
    for path in std::env::args().skip(1) {
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{path}: {e}");
                continue;
            }
        };
        let doc = Document::new(&text);
        let tokens = resolver.tag_tokens(&doc);
        let ents: Entities = resolver.entities(&doc, &tokens);
        println!("# {path}");
        for (m, id) in &ents.mentions {
            let name = entities::display_name(&doc, m.tokens.clone());
            println!("mention {:?}\t{name}\t→ {id}", m.class);
        }
        for (id, e) in ents.list.iter().enumerate() {
            println!(
                "entity {id}\t{:?}\t{}\tgender {:?}\ttitles {:?}",
                e.class, e.name, e.gender, e.titles
            );
        }
    }
}
