//! Prints the sentences of the files given as arguments, one per line.
//!
//! `cargo run -p brief-tokenize --example sentences -- seeds/*.txt`

use brief_tokenize::{Language, SentenceSplitter};

fn main() {
    let splitter = SentenceSplitter::new(Some(Language::English));
    for path in std::env::args().skip(1) {
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("cannot read {path}");
            continue;
        };
        for s in splitter.split(&text) {
            println!("{}\t{}\t{}", s.start, s.end, &text[s.start..s.end]);
        }
    }
}
