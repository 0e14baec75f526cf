//! End-to-end benches of the whole pipeline (ingest → language → boilerplate
//! → sentences → entities → summary) on the seeds.
//!
//! Run: `cargo bench -p brief-cli --bench pipeline`
//!
//! - `pipeline/seeds_cluster`: the five seeds as one cluster (throughput in
//!   input bytes);
//! - `pipeline/jsonl_200_clusters`: 200 five-article clusters as JSON lines
//!   (the records `benches/make_clusters.py` writes), each parsed, summarized
//!   and serialized, one after the other on a one-thread pool: the per-core
//!   rate of `summarize --jsonl`;
//! - `pipeline/cluster_1000_articles`: one 1,000-article cluster (seeds with
//!   varied sentences), the "no quadratic step" check.

use std::hint::black_box;
use std::path::Path;

use brief_cli::ingest::{parse_jsonl_line, text_document, Record, SourceDoc};
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

    // the same records as `benches/make_clusters.py`: copy k of every seed
    // has " the " replaced by " the {k} "
    let lines: Vec<String> = (0..200)
        .map(|k| {
            let docs: Vec<serde_json::Value> = seeds
                .iter()
                .enumerate()
                .map(|(i, (_, t))| serde_json::json!({ "id": format!("{k}-{i}"), "text": t.replace(" the ", &format!(" the {k} ")) }))
                .collect();
            serde_json::json!({ "id": format!("c{k}"), "docs": docs }).to_string()
        })
        .collect();
    let total: usize = lines.iter().map(|l| l.len() + 1).sum();
    // one worker: the stages' own parallel loops must not borrow a second core
    let one_core = rayon::ThreadPoolBuilder::new().num_threads(1).build().expect("one-thread pool");
    g.throughput(Throughput::Bytes(total as u64));
    g.sample_size(10);
    g.bench_function("jsonl_200_clusters", |b| {
        b.iter(|| {
            one_core.install(|| {
                let mut out = 0;
                for (n, line) in lines.iter().enumerate() {
                    let Record::Cluster { id, docs } = parse_jsonl_line("bench", n + 1, line) else {
                        panic!("line {n} is not a cluster");
                    };
                    let docs: Vec<SourceDoc> = docs.into_iter().map(|d| d.expect("good document")).collect();
                    let s = summarize(&engine, &summarizer, &id, docs);
                    assert!(!s.sentences.is_empty());
                    out += serde_json::to_string(&s).expect("serializable").len();
                }
                black_box(out)
            })
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
