//! Summarization speed on clusters built from the seed articles: a 10-article
//! cluster (the 5 seeds + 5 perturbed copies, ~300 sentences) and a
//! 1,000-article cluster (the seeds + 995 perturbed copies). Sentence
//! splitting and tokenization are inside the timed loop; every iteration
//! checks its result.
//!
//! Time is the CPU time of the benchmarking thread (Linux
//! `/proc/thread-self/schedstat`; wall time elsewhere), so figures stay
//! meaningful on a machine shared with other jobs: "on one core".

use std::time::Instant;

use brief_summarize::{Algorithm, Budget, Document, Summarizer};
use brief_tokenize::{Language, SentenceSplitter, Span};
use criterion::measurement::{Measurement, ValueFormatter};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

/// CPU time of the current thread, in nanoseconds.
struct ThreadCpu;

fn thread_cpu_ns(start: Instant) -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next().and_then(|n| n.parse().ok()))
        .unwrap_or_else(|| start.elapsed().as_nanos() as u64)
}

impl Measurement for ThreadCpu {
    type Intermediate = (Instant, u64);
    type Value = u64;
    fn start(&self) -> (Instant, u64) {
        let now = Instant::now();
        (now, thread_cpu_ns(now))
    }
    fn end(&self, (t, ns): (Instant, u64)) -> u64 {
        thread_cpu_ns(t).saturating_sub(ns)
    }
    fn add(&self, a: &u64, b: &u64) -> u64 {
        a + b
    }
    fn zero(&self) -> u64 {
        0
    }
    fn to_f64(&self, v: &u64) -> f64 {
        *v as f64
    }
    fn formatter(&self) -> &dyn ValueFormatter {
        &Nanos
    }
}

struct Nanos;

impl ValueFormatter for Nanos {
    fn scale_values(&self, ns: f64, values: &mut [f64]) -> &'static str {
        let (factor, unit) = match ns {
            x if x < 1e3 => (1.0, "ns"),
            x if x < 1e6 => (1e-3, "µs"),
            x if x < 1e9 => (1e-6, "ms"),
            _ => (1e-9, "s"),
        };
        for v in values {
            *v *= factor;
        }
        unit
    }
    fn scale_throughputs(&self, ns: f64, throughput: &Throughput, values: &mut [f64]) -> &'static str {
        let n = match *throughput {
            Throughput::Elements(n) | Throughput::Bytes(n) | Throughput::BytesDecimal(n) | Throughput::Bits(n) => n,
            Throughput::ElementsAndBytes { elements, .. } => elements,
        };
        let _ = ns;
        for v in values {
            *v = n as f64 * 1e9 / *v;
        }
        "elem/s"
    }
    fn scale_for_machines(&self, _values: &mut [f64]) -> &'static str {
        "ns"
    }
}

#[path = "../tests/support/corpus.rs"]
mod corpus;
use corpus::cluster;

fn run(texts: &[String], summarizer: &Summarizer, splitter: &SentenceSplitter) -> usize {
    let sentences: Vec<Vec<Span>> = texts.iter().map(|t| splitter.split(t)).collect();
    let docs: Vec<Document> = texts
        .iter()
        .zip(&sentences)
        .map(|(t, s)| Document { text: t, sentences: s, lang: Some(Language::English), date: None, title: None })
        .collect();
    let summary = summarizer.summarize(&docs);
    let words = summary.words(&docs);
    assert!(!summary.sentences.is_empty() && words <= 100, "{words}");
    sentences.iter().map(Vec::len).sum()
}

fn bench(c: &mut Criterion<ThreadCpu>) {
    let splitter = SentenceSplitter::new(Some(Language::English));
    let small = cluster(5);
    let large = cluster(995);
    let n_small = run(&small, &Summarizer::new(), &splitter);
    let n_large = run(&large, &Summarizer::new(), &splitter);
    let mut group = c.benchmark_group("summarize");
    for algorithm in Algorithm::ALL {
        let s = Summarizer::builder().budget(Budget::Words(100)).algorithm(algorithm).build().expect("valid");
        group.bench_function(format!("10 articles {n_small} sentences/{algorithm}"), |b| {
            b.iter(|| assert_eq!(run(&small, &s, &splitter), n_small))
        });
    }
    group.sample_size(10);
    for algorithm in Algorithm::ALL {
        let s = Summarizer::builder().budget(Budget::Words(100)).algorithm(algorithm).build().expect("valid");
        group.bench_function(format!("1000 articles {n_large} sentences/{algorithm}"), |b| {
            b.iter(|| assert_eq!(run(&large, &s, &splitter), n_large))
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().with_measurement(ThreadCpu);
    targets = bench
}
criterion_main!(benches);
