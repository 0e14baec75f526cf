//! Language detection and boilerplate classification of a JSON Lines file of
//! clusters (`{"id", "docs": [{"id", "text"}]}`, as `benches/make_clusters.py`
//! writes), the way `brief summarize --jsonl` runs them: for profiling and for
//! checking that a speed change keeps the output.
//!
//! `cargo run --release -p brief-detect --example cluster_profile -- FILE [REPEAT] [--dump]`
//! prints the CPU time per pass and, with `--dump`, every detection and
//! verdict (compare dumps before and after a change).

use std::time::Instant;

use brief_detect::{text_to_document, BoilerplateClassifier, ClusterDoc, LanguageDetector};
use brief_tokenize::Span;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args.first().expect("usage: cluster_profile FILE [REPEAT] [--dump]");
    let repeat: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(1);
    let dump = args.iter().any(|a| a == "--dump");
    let src = std::fs::read_to_string(path).expect("read input");
    let clusters: Vec<Vec<String>> = src
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("json line");
            v["docs"]
                .as_array()
                .expect("docs")
                .iter()
                .map(|d| {
                    let t = d["text"].as_str().expect("text");
                    t.strip_prefix('\u{feff}').unwrap_or(t).to_string()
                })
                .collect()
        })
        .collect();
    let bytes: usize = clusters.iter().flatten().map(String::len).sum();
    let detector = LanguageDetector::new();
    let classifier = BoilerplateClassifier::new();
    let mut out = String::new();
    for pass in 0..repeat {
        let t0 = Instant::now();
        for docs in &clusters {
            let layouts: Vec<_> = docs.iter().map(|t| text_to_document(t)).collect();
            let langs: Vec<_> = docs
                .iter()
                .zip(&layouts)
                .map(|(t, l)| {
                    let spans: Vec<Span> = l.blocks.iter().map(|b| b.span).collect();
                    detector.detect_document(t, &spans)
                })
                .collect();
            let cluster: Vec<ClusterDoc<'_>> = docs
                .iter()
                .zip(&layouts)
                .zip(&langs)
                .map(|((t, l), lang)| ClusterDoc { text: t, blocks: &l.blocks, lang: lang.document.language() })
                .collect();
            let verdicts = classifier.classify_cluster(&cluster);
            if dump && pass == 0 {
                for (l, v) in langs.iter().zip(&verdicts) {
                    out.push_str(&format!("{l:?}\n{v:?}\n"));
                }
            }
        }
        let s = t0.elapsed().as_secs_f64();
        eprintln!("pass {pass}: {:.1} ms, {:.1} MB/s", s * 1e3, bytes as f64 / s / 1e6);
    }
    if dump {
        print!("{out}");
    }
}
