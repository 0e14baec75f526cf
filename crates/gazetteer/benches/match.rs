//! Matching throughput with the full embedded gazetteer, on the seed articles.
//!
//! `cargo bench -p brief-gazetteer --bench match -- --warm-up-time 1 --measurement-time 3`

use std::hint::black_box;

use brief_gazetteer::{Gazetteer, GazetteerBuilder};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn seeds() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds");
    let mut files: Vec<_> = std::fs::read_dir(dir).expect("seeds/").filter_map(|e| e.ok().map(|e| e.path())).collect();
    files.sort();
    files.iter().map(|p| std::fs::read_to_string(p).expect("seed")).collect()
}

fn bench(c: &mut Criterion) {
    let gaz = Gazetteer::new();
    let docs = seeds();
    let all = docs.join("\n\n");
    let list_count = gaz.find_list(&all).len();
    let find_count: usize = docs.iter().map(|d| gaz.find(d).len()).sum();
    let cluster: Vec<&str> = docs.iter().map(String::as_str).collect();
    let cluster_count: usize = gaz.find_cluster_texts(&cluster).iter().map(Vec::len).sum();
    assert!(list_count > 400 && find_count > 400);

    let mut g = c.benchmark_group("gazetteer");
    g.throughput(Throughput::Bytes(all.len() as u64));
    g.bench_function("list_matches (raw list matcher)", |b| {
        b.iter(|| assert_eq!(gaz.list_matches(black_box(&all)).len(), list_count))
    });
    g.bench_function("find_list (list matches as Mentions)", |b| {
        b.iter(|| assert_eq!(gaz.find_list(black_box(&all)).len(), list_count))
    });
    g.bench_function("find (list + cues + propagation, per doc)", |b| {
        b.iter(|| assert_eq!(docs.iter().map(|d| gaz.find(black_box(d)).len()).sum::<usize>(), find_count))
    });
    g.bench_function("find_cluster (5 seeds)", |b| {
        b.iter(|| {
            assert_eq!(gaz.find_cluster_texts(black_box(&cluster)).iter().map(Vec::len).sum::<usize>(), cluster_count)
        })
    });
    // Baseline for the design choice: the same surface forms in one
    // Aho-Corasick automaton (leftmost-longest, the usual gazetteer setup),
    // before any word-boundary check or folding. Our matcher probes a hash of
    // each word instead, so it only ever starts at word starts.
    let ac = aho_corasick_baseline();
    let ac_count = ac.find_iter(&all).count();
    assert!(ac_count > list_count / 2);
    g.bench_function("aho-corasick baseline (same surface forms, no boundary check)", |b| {
        b.iter(|| assert_eq!(ac.find_iter(black_box(&all)).count(), ac_count))
    });
    g.finish();

    let mut g = c.benchmark_group("load");
    g.sample_size(10);
    g.bench_function("build embedded gazetteer", |b| {
        b.iter(|| assert!(GazetteerBuilder::default().build().expect("embedded").len() > 100_000))
    });
    g.finish();
}

/// Every exact surface form ("E" rows, column 2) of the embedded file.
fn aho_corasick_baseline() -> aho_corasick::AhoCorasick {
    use std::io::Read;
    let gz = include_bytes!("../data/gazetteer.tsv.gz");
    let mut tsv = String::new();
    flate2::read::GzDecoder::new(&gz[..]).read_to_string(&mut tsv).expect("gazetteer file");
    let patterns: Vec<&str> =
        tsv.lines().filter_map(|l| l.strip_prefix("E\t")).filter_map(|l| l.split('\t').next()).collect();
    assert!(patterns.len() > 100_000);
    aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .build(&patterns)
        .expect("automaton")
}

criterion_group!(benches, bench);
criterion_main!(benches);
