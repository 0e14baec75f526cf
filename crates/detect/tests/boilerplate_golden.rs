//! Golden verdicts: every verdict (span, label, reason, score to 1e-6) of
//! each seed alone, the five seeds as one cluster and every labelled
//! plain-text cluster, compared with `data/boilerplate/golden_verdicts.txt`.
//! Guards speed work on the classifier against any change of output.
//! Regenerate after an intended change with `BLESS_BOILERPLATE=1`.

mod boilerplate_support;

use std::fmt::Write;
use std::fs;

use boilerplate_support::{classify, data_dir, seeds, text_clusters, LabelledText};
use brief_detect::Verdict;

fn dump(out: &mut String, title: &str, docs: &[LabelledText], verdicts: &[Vec<Verdict>]) {
    writeln!(out, "## {title}").unwrap();
    for (doc, vs) in docs.iter().zip(verdicts) {
        writeln!(out, "# {}", doc.name).unwrap();
        for v in vs {
            let reason = v.reason.map_or("-", |r| r.as_str());
            writeln!(out, "{}..{}\t{:?}\t{reason}\t{:.6}", v.span.start, v.span.end, v.label, v.score).unwrap();
        }
    }
}

fn golden() -> String {
    let mut out = String::new();
    let seeds = seeds();
    for doc in &seeds {
        let v = classify(std::slice::from_ref(doc));
        dump(&mut out, &format!("seed alone {}", doc.name), std::slice::from_ref(doc), &v);
    }
    dump(&mut out, "seed cluster", &seeds, &classify(&seeds));
    for (name, docs) in text_clusters() {
        dump(&mut out, &format!("cluster {name}"), &docs, &classify(&docs));
    }
    out
}

#[test]
fn verdicts_match_the_golden_file() {
    let path = data_dir().join("golden_verdicts.txt");
    let got = golden();
    if std::env::var_os("BLESS_BOILERPLATE").is_some() {
        fs::write(&path, &got).expect("write golden file");
        return;
    }
    let want = fs::read_to_string(&path).expect("golden file (bless with BLESS_BOILERPLATE=1)");
    let diff: Vec<String> = want
        .lines()
        .zip(got.lines())
        .enumerate()
        .filter(|(_, (a, b))| a != b)
        .take(20)
        .map(|(i, (a, b))| format!("line {}: want {a:?}, got {b:?}", i + 1))
        .collect();
    assert!(diff.is_empty() && want.lines().count() == got.lines().count(), "verdicts changed:\n{}", diff.join("\n"));
}
