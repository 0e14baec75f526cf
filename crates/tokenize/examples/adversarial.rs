//! Times segmentation and tokenization on adversarial inputs (long runs
//! without white space, many abbreviations): each must stay linear.
//!
//! `cargo run --release -p brief-tokenize --example adversarial`

use std::time::Instant;

use brief_tokenize::{Language, SentenceSplitter, StemCache, Tokenizer};

fn main() {
    let n = 400_000;
    let inputs = [
        ("ab.Cd", "ab.Cd".repeat(n / 5)),
        ("U.S. ", "U.S. ".repeat(n / 5)),
        ("a.a.", "a.a.".repeat(n / 4)),
        ("http ))", format!("see http://x.org/{}", ")".repeat(n))),
        ("dots", ".".repeat(n)),
        ("Mr. X ", "Mr. X ".repeat(n / 6)),
        ("é.É", "é.Éé".repeat(n / 6)),
        ("emoticons", "Yes! :) ".repeat(n / 8)),
        ("lines", "a\nb\n".repeat(n / 4)),
        ("x@y", "x@y.".repeat(n / 4)),
    ];
    let splitter = SentenceSplitter::new(Some(Language::English));
    let tokenizer = Tokenizer::new(Some(Language::English));
    let mut cache = StemCache::new();
    for (name, text) in &inputs {
        let t = Instant::now();
        let s = splitter.split(text).len();
        let t1 = t.elapsed();
        let t = Instant::now();
        let mut k = 0;
        tokenizer.for_each_token(text, &mut cache, |_| k += 1);
        let t2 = t.elapsed();
        println!("{name:>10}: {} bytes, {s} sentences in {t1:?}, {k} tokens in {t2:?}", text.len());
    }
}
