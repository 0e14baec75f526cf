//! Quick timing of the gazetteer on the seeds (best and median of many runs;
//! the best is robust on a shared machine). For profiling:
//! `cargo run --release -p brief-gazetteer --example gaz_perf [find|cluster|list|load] [secs]`.

use std::time::{Duration, Instant};

use brief_gazetteer::{Gazetteer, GazetteerBuilder};

fn seeds() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds");
    let mut files: Vec<_> = std::fs::read_dir(dir).expect("seeds/").filter_map(|e| e.ok().map(|e| e.path())).collect();
    files.sort();
    files.iter().map(|p| std::fs::read_to_string(p).expect("seed")).collect()
}

fn time(name: &str, bytes: usize, secs: f64, mut f: impl FnMut() -> usize) {
    let mut runs: Vec<Duration> = Vec::new();
    let start = Instant::now();
    let mut sink = 0;
    while start.elapsed().as_secs_f64() < secs || runs.len() < 5 {
        let t = Instant::now();
        sink += f();
        runs.push(t.elapsed());
    }
    runs.sort();
    let mb = |d: Duration| bytes as f64 / d.as_secs_f64() / (1024.0 * 1024.0);
    let (best, median) = (runs[0], runs[runs.len() / 2]);
    if bytes > 0 {
        println!(
            "{name:<12} best {best:>10.1?} ({:>6.1} MiB/s)  median {median:>10.1?} ({:>6.1} MiB/s)  runs {} [{sink}]",
            mb(best),
            mb(median),
            runs.len()
        );
    } else {
        println!("{name:<12} best {best:>10.1?}  median {median:>10.1?}  runs {} [{sink}]", runs.len());
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let what = args.first().map_or("all", String::as_str);
    let secs: f64 = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(2.0);
    let gaz = Gazetteer::new();
    let docs = seeds();
    let bytes: usize = docs.iter().map(String::len).sum();
    let all = docs.join("\n\n");
    let texts: Vec<&str> = docs.iter().map(String::as_str).collect();
    if matches!(what, "all" | "list") {
        time("list", all.len(), secs, || gaz.list_matches(&all).len());
    }
    if matches!(what, "all" | "find") {
        time("find", bytes, secs, || docs.iter().map(|d| gaz.find(d).len()).sum());
    }
    if matches!(what, "all" | "cluster") {
        time("cluster", bytes, secs, || gaz.find_cluster_texts(&texts).iter().map(Vec::len).sum());
    }
    if matches!(what, "all" | "load") {
        time("load", 0, secs.max(1.0), || GazetteerBuilder::default().build().map_or(0, |g| g.len()));
    }
}
