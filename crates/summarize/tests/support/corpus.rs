//! The seed corpus and its perturbed copies, shared by the golden test, the
//! bench and the profiling example (included with `#[path]`).

#![allow(dead_code)]

/// The five seed articles, in file-name order.
pub fn seeds() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds");
    let mut paths: Vec<_> = std::fs::read_dir(dir).expect("seeds").map(|e| e.expect("entry").path()).collect();
    paths.sort();
    paths.iter().map(|p| std::fs::read_to_string(p).expect("seed")).collect()
}

/// Copy `k` of a seed: paragraphs rotated by `k`, one in seven dropped, a
/// few words changed, so copies are near- but not exact duplicates.
pub fn perturb(text: &str, k: usize) -> String {
    let paras: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let n = paras.len().max(1);
    let mut out = String::new();
    for i in 0..n {
        if (i + k) % 7 == 3 {
            continue;
        }
        let p = paras[(i + k) % n];
        let p = match k % 3 {
            0 => p.replace(" said ", " told reporters "),
            1 => p.replace("Taliban", "Taleban"),
            _ => p.replace(" the ", &format!(" the {} ", ["main", "key", "major"][k % 3])),
        };
        out.push_str(&p);
        out.push_str("\n\n");
    }
    out
}

/// The seeds plus `copies` perturbed copies.
pub fn cluster(copies: usize) -> Vec<String> {
    let seeds = seeds();
    let mut texts = seeds.clone();
    for k in 0..copies {
        texts.push(perturb(&seeds[k % seeds.len()], k + 1));
    }
    texts
}
