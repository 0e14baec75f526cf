//! End-to-end benches of the whole pipeline (ingest → language → boilerplate
//! → sentences → entities → summary) on the seeds.
//!
//! Run: `cargo bench -p brief-cli --bench pipeline`
//!
//! - `pipeline/seeds_cluster`: the five seeds as one cluster (throughput in
//!   input bytes);
//! - `pipeline/jsonl_200_clusters`: 200 five-article clusters, one after the
//!   other on the calling thread: the per-core rate of `summarize --jsonl`;
//! - `pipeline/cluster_1000_articles`: one 1,000-article cluster (seeds with
//!   varied sentences), the "no quadratic step" check.

use std::hint::black_box;
use std::path::Path;

use brief_cli::ingest::{text_document, SourceDoc};
use brief_cli::pipeline::{summarize, Engine};
use brief_summarize::Summarizer;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn seeds() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let mut paths: Vec<_> = std::fs::read_dir(dir).expect("seeds/").map(|e| e.expect("entry").path()).collect();
    paths.sort();
    paths.into_iter().map(|p| (p.display().to_string(), std::fs::read_to_string(&p).expect("seed text"))).collect()
}

fn docs(seeds: &[(String, String)]) -> Vec<SourceDoc> {
    seeds.iter().map(|(id, text)| text_document(id, text.clone())).collect()
}

/// Varies a seed so that copies are not exact duplicates: every sentence-ish
/// chunk gets a number that differs per copy.
fn variant(text: &str, k: usize) -> String {
    text.replace(" the ", &format!(" the {k} ")).replace("Taliban", &format!("Taliban{}", k % 7))
}

fn bench(c: &mut Criterion) {
    let seeds = seeds();
    let bytes: usize = seeds.iter().map(|(_, t)| t.len()).sum();
    let engine = Engine::default();
    let summarizer = Summarizer::new();
    // Warm the embedded gazetteer outside the timed loops.
    let _ = summarize(&engine, &summarizer, "warm", docs(&seeds));

    let mut g = c.benchmark_group("pipeline");
    g.sample_size(20);
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("seeds_cluster", |b| {
        b.iter(|| {
            let s = summarize(&engine, &summarizer, "seeds", docs(&seeds));
            assert!(!s.sentences.is_empty());
            black_box(s)
        })
    });

    let clusters: Vec<Vec<SourceDoc>> = (0..200)
        .map(|k| seeds.iter().map(|(id, t)| text_document(&format!("{id}#{k}"), variant(t, k))).collect())
        .collect();
    let total: usize = clusters.iter().flatten().map(|d| d.text.len()).sum();
    g.throughput(Throughput::Bytes(total as u64));
    g.sample_size(10);
    g.bench_function("jsonl_200_clusters", |b| {
        b.iter(|| {
            let mut n = 0;
            for c in &clusters {
                n += summarize(&engine, &summarizer, "c", c.clone()).sentences.len();
            }
            assert!(n >= 200);
            black_box(n)
        })
    });

    let big: Vec<SourceDoc> =
        (0..1000).map(|k| text_document(&format!("doc{k}"), variant(&seeds[k % seeds.len()].1, k))).collect();
    let big_bytes: usize = big.iter().map(|d| d.text.len()).sum();
    g.throughput(Throughput::Bytes(big_bytes as u64));
    g.bench_function("cluster_1000_articles", |b| {
        b.iter(|| {
            let s = summarize(&engine, &summarizer, "big", big.clone());
            assert!(!s.sentences.is_empty());
            black_box(s)
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
