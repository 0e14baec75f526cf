//! The bench corpus: the seed articles repeated to `BRIEF_BENCH_MB`
//! megabytes (default 8; the figure is measured with 50).

use std::path::PathBuf;

/// The corpus text.
pub fn corpus() -> String {
    let mb: usize = std::env::var("BRIEF_BENCH_MB").ok().and_then(|v| v.parse().ok()).unwrap_or(8);
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("seeds directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let mut seeds = String::new();
    for p in paths {
        seeds.push_str(&std::fs::read_to_string(p).expect("read seed"));
        seeds.push_str("\n\n");
    }
    let target = mb * 1_000_000;
    let mut text = String::with_capacity(target + seeds.len());
    while text.len() < target {
        text.push_str(&seeds);
    }
    text
}
