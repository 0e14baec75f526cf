//! Runs the default summarizer repeatedly on a 10-article cluster built from
//! the seeds (as benches/summarize.rs does), for profiling:
//! `cargo run --release -p brief-summarize --example profile_summarize -- [iterations] [copies] [split-once]`.

use brief_summarize::{Algorithm, Budget, Document, Summarizer};
use brief_tokenize::{Language, SentenceSplitter, Span};

#[path = "../tests/support/corpus.rs"]
mod corpus;

/// CPU time of this thread (Linux), in seconds: meaningful on a shared machine.
fn cpu_secs() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next().and_then(|n| n.parse::<f64>().ok()))
        .map_or(0.0, |ns| ns / 1e9)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let iterations: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(2000);
    let copies: usize = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(5);
    let algorithm: Algorithm = args.get(3).and_then(|a| a.parse().ok()).unwrap_or_default();
    let texts = corpus::cluster(copies);
    let bytes: usize = texts.iter().map(String::len).sum();
    let splitter = SentenceSplitter::new(Some(Language::English));
    let summarizer = Summarizer::builder().budget(Budget::Words(100)).algorithm(algorithm).build().expect("valid");
    let start = cpu_secs();
    let mut total = 0;
    for _ in 0..iterations {
        let sentences: Vec<Vec<Span>> = texts.iter().map(|t| splitter.split(t)).collect();
        let docs: Vec<Document> = texts
            .iter()
            .zip(&sentences)
            .map(|(t, s)| Document { text: t, sentences: s, lang: Some(Language::English), date: None, title: None })
            .collect();
        total += summarizer.summarize(&docs).sentences.len();
    }
    let secs = cpu_secs() - start;
    println!(
        "{} articles, {bytes} bytes, {iterations} runs: {:.3} ms/run, {:.1} MB/s ({total})",
        texts.len(),
        secs * 1e3 / iterations as f64,
        bytes as f64 * iterations as f64 / secs / 1e6
    );
}
