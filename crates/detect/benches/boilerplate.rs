//! Boilerplate classification speed: plain text (MB/s, the seeds and the
//! labelled plain-text clusters classified as clusters) and HTML pages
//! (time per page: parse, blocks, classification).
//!
//! `cargo bench -p brief-detect --bench boilerplate -- --warm-up-time 1 --measurement-time 3`

use std::fs;
use std::hint::black_box;
use std::path::Path;

use brief_detect::{html_to_document, Block, BoilerplateClassifier, ClusterDoc};
use brief_tokenize::{paragraphs, Language};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn data() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/data/boilerplate"))
}

/// Plain-text documents: the seeds and the labelled texts with their labels
/// stripped, one block per line.
fn texts() -> Vec<String> {
    let mut out = Vec::new();
    let seeds = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds"));
    let mut paths: Vec<_> = fs::read_dir(seeds).expect("seeds").map(|e| e.expect("entry").path()).collect();
    for dir in fs::read_dir(data().join("text")).expect("text data") {
        for f in fs::read_dir(dir.expect("entry").path()).expect("cluster") {
            paths.push(f.expect("entry").path());
        }
    }
    paths.sort();
    for p in paths.iter().filter(|p| p.extension().is_some_and(|e| e == "txt")) {
        let src = fs::read_to_string(p).expect("text");
        let text: Vec<&str> =
            src.lines().filter(|l| !l.starts_with('#')).map(|l| l.split_once("| ").map_or(l, |(_, t)| t)).collect();
        out.push(text.join("\n"));
    }
    out
}

/// The five seed articles as the CLI reads them (a cluster, English).
fn seeds(c: &mut Criterion) {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds"));
    let mut paths: Vec<_> = fs::read_dir(dir).expect("seeds").map(|e| e.expect("entry").path()).collect();
    paths.sort();
    let docs: Vec<String> = paths.iter().map(|p| fs::read_to_string(p).expect("seed")).collect();
    let blocks: Vec<Vec<Block>> =
        docs.iter().map(|d| paragraphs(d).into_iter().map(Block::paragraph).collect()).collect();
    let cluster: Vec<ClusterDoc<'_>> = docs
        .iter()
        .zip(&blocks)
        .map(|(text, blocks)| ClusterDoc { text, blocks, lang: Some(Language::English) })
        .collect();
    let bytes: usize = docs.iter().map(String::len).sum();
    let classifier = BoilerplateClassifier::new();
    let mut g = c.benchmark_group("boilerplate");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("plain_text_seeds", |b| {
        b.iter(|| {
            let v = classifier.classify_cluster(black_box(&cluster));
            // the seeds' 22 boilerplate lines and 2 titles, every time
            let removed = v.iter().flatten().filter(|v| !v.is_content()).count();
            assert_eq!(removed, 24);
            v
        })
    });
    g.finish();
}

fn plain_text(c: &mut Criterion) {
    let docs = texts();
    let blocks: Vec<Vec<Block>> =
        docs.iter().map(|d| paragraphs(d).into_iter().map(Block::paragraph).collect()).collect();
    let cluster: Vec<ClusterDoc<'_>> = docs
        .iter()
        .zip(&blocks)
        .map(|(text, blocks)| ClusterDoc { text, blocks, lang: Some(Language::English) })
        .collect();
    let bytes: usize = docs.iter().map(String::len).sum();
    let n_blocks: usize = blocks.iter().map(Vec::len).sum();
    let classifier = BoilerplateClassifier::new();
    let mut g = c.benchmark_group("boilerplate");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("plain_text_cluster", |b| {
        b.iter(|| {
            let v = classifier.classify_cluster(black_box(&cluster));
            assert_eq!(v.iter().map(Vec::len).sum::<usize>(), n_blocks);
            v
        })
    });
    g.bench_function("plain_text_per_document", |b| {
        b.iter(|| {
            let mut n = 0;
            for d in &cluster {
                n += classifier.classify(black_box(d.text), d.blocks, d.lang).len();
            }
            assert_eq!(n, n_blocks);
            n
        })
    });
    g.finish();
}

fn html(c: &mut Criterion) {
    let mut pages: Vec<String> = fs::read_dir(data().join("html"))
        .expect("html data")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .map(|p| fs::read_to_string(p).expect("page"))
        .collect();
    pages.sort();
    let classifier = BoilerplateClassifier::new();
    let mut g = c.benchmark_group("boilerplate");
    g.throughput(Throughput::Elements(pages.len() as u64));
    g.bench_function("html_pages", |b| {
        b.iter(|| {
            let mut kept = 0;
            for p in &pages {
                let d = html_to_document(black_box(p));
                kept += classifier.classify(&d.text, &d.blocks, None).iter().filter(|v| v.is_content()).count();
            }
            assert!(kept > 0);
            kept
        })
    });
    g.finish();
}

criterion_group!(benches, seeds, plain_text, html);
criterion_main!(benches);
