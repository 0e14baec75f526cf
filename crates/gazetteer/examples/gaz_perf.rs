//! Quick timing of the gazetteer on the seeds (best and median of many runs;
//! the best is robust on a shared machine). For profiling:
//! `cargo run --release -p brief-gazetteer --example gaz_perf [find|cluster|list|load] [secs]`.
//! On a JSONL file of clusters (`{"id","docs":[{"id","text"}]}` per line,
//! paragraphs split on blank lines as the parts searched):
//! `… --example gaz_perf jsonl FILE [secs]` times [`Gazetteer::find_cluster`]
//! over the whole file (`secs` < 0: one run); `… jsonl-dump FILE` prints every mention (a check
//! that a change keeps the output identical).

use std::time::{Duration, Instant};

use brief_gazetteer::{Gazetteer, GazetteerBuilder, Span};

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

/// Clusters of a JSONL file: per cluster, per document, the text and its
/// paragraphs (split on blank lines).
fn jsonl_clusters(path: &str) -> Vec<Vec<(String, Vec<Span>)>> {
    let src = std::fs::read_to_string(path).expect("jsonl file");
    let mut out = Vec::new();
    for line in src.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).expect("json line");
        let docs = v["docs"].as_array().map_or(&[][..], Vec::as_slice);
        let mut cluster = Vec::new();
        for d in docs {
            let text = d["text"].as_str().unwrap_or_default().to_string();
            let mut parts = Vec::new();
            let mut start = 0;
            for para in text.split("\n\n") {
                parts.push(Span::new(start, start + para.len()));
                start += para.len() + 2;
            }
            cluster.push((text, parts));
        }
        out.push(cluster);
    }
    out
}

fn run_jsonl(gaz: &Gazetteer, path: &str, secs: f64, dump: bool) {
    let clusters = jsonl_clusters(path);
    let bytes: usize = clusters.iter().flatten().map(|(t, _)| t.len()).sum();
    let run = |c: &Vec<(String, Vec<Span>)>| {
        let docs: Vec<(&str, &[Span])> = c.iter().map(|(t, p)| (t.as_str(), &p[..])).collect();
        gaz.find_cluster(&docs)
    };
    if dump {
        for (ci, c) in clusters.iter().enumerate() {
            for (di, ms) in run(c).iter().enumerate() {
                for m in ms {
                    let text = &c[di].0[m.span.start..m.span.end];
                    println!(
                        "{ci}\t{di}\t{}\t{}\t{text}\t{:?}\t{}\t{:?}",
                        m.span.start, m.span.end, m.kind, m.canonical, m.source
                    );
                }
            }
        }
        return;
    }
    if secs < 0.0 {
        // one run (for instruction-counting tools)
        println!("{}", clusters.iter().map(|c| run(c).iter().map(Vec::len).sum::<usize>()).sum::<usize>());
        return;
    }
    time("jsonl", bytes, secs, || clusters.iter().map(|c| run(c).iter().map(Vec::len).sum::<usize>()).sum());
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let what = args.first().map_or("all", String::as_str);
    if what == "jsonl" || what == "jsonl-dump" {
        let path = args.get(1).map_or("/dev/stdin", String::as_str);
        let secs: f64 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(5.0);
        run_jsonl(&Gazetteer::new(), path, secs, what == "jsonl-dump");
        return;
    }
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
