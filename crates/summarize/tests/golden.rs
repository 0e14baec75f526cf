//! Golden outputs: every algorithm on clusters built deterministically from
//! the seed articles (all seeds, subsets, perturbed copies, unknown
//! language, dates), under several budgets. Selections (document, span,
//! sources) and scores rounded to 1e-9 must match
//! tests/data/golden_summaries.txt, which was generated from the code before
//! the speed work: optimisations must not change what is selected.
//!
//! To regenerate after an intended behaviour change:
//! `BRIEF_BLESS=1 cargo test -p brief-summarize --test golden`.

use std::fmt::Write as _;

use brief_summarize::{Algorithm, Budget, Document, Summarizer};
use brief_tokenize::{Language, SentenceSplitter, Span};

const GOLDEN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/golden_summaries.txt");

#[path = "support/corpus.rs"]
mod corpus;
use corpus::{perturb, seeds};

struct Case {
    name: &'static str,
    texts: Vec<String>,
    lang: Option<Language>,
    dated: bool,
    /// Only the default algorithm and budget (large clusters).
    quick: bool,
}

fn cases() -> Vec<Case> {
    let s = seeds();
    let pick = |idx: &[usize]| idx.iter().map(|&i| s[i].clone()).collect::<Vec<_>>();
    let copies = |n: usize| {
        let mut t = s.clone();
        t.extend((0..n).map(|k| perturb(&s[k % s.len()], k + 1)));
        t
    };
    vec![
        Case { name: "seeds", texts: s.clone(), lang: Some(Language::English), dated: false, quick: false },
        Case { name: "seeds-dated", texts: s.clone(), lang: Some(Language::English), dated: true, quick: false },
        Case { name: "seeds-024", texts: pick(&[0, 2, 4]), lang: Some(Language::English), dated: false, quick: false },
        Case { name: "seeds-31", texts: pick(&[3, 1]), lang: Some(Language::English), dated: true, quick: false },
        Case { name: "seeds-nolang", texts: pick(&[4, 3, 2, 1, 0]), lang: None, dated: false, quick: false },
        Case { name: "copies-10", texts: copies(5), lang: Some(Language::English), dated: false, quick: false },
        Case { name: "copies-60", texts: copies(55), lang: Some(Language::English), dated: true, quick: false },
        Case { name: "copies-700", texts: copies(695), lang: Some(Language::English), dated: false, quick: true },
    ]
}

fn render() -> String {
    let mut out = String::new();
    let budgets = [
        (Budget::Words(100), false),
        (Budget::Words(40), false),
        (Budget::Sentences(3), false),
        (Budget::Bytes(600), false),
        (Budget::Words(100), true),
        (Budget::Words(250), false),
    ];
    for case in cases() {
        let splitter = SentenceSplitter::new(case.lang);
        let sentences: Vec<Vec<Span>> = case.texts.iter().map(|t| splitter.split(t)).collect();
        let dates: Vec<String> = (0..case.texts.len()).map(|i| format!("2021-08-{:02}", 10 + i % 4)).collect();
        let docs: Vec<Document> = case
            .texts
            .iter()
            .zip(&sentences)
            .zip(&dates)
            .map(|((t, s), d)| Document {
                text: t,
                sentences: s,
                lang: case.lang,
                date: case.dated.then_some(d.as_str()),
                title: None,
            })
            .collect();
        let algorithms: &[Algorithm] = if case.quick { &[Algorithm::Coverage] } else { &Algorithm::ALL };
        let budgets: &[(Budget, bool)] = if case.quick { &budgets[..1] } else { &budgets };
        for &algorithm in algorithms {
            for &(budget, overflow) in budgets {
                let summarizer =
                    Summarizer::builder().budget(budget).overflow(overflow).algorithm(algorithm).build().expect("ok");
                let summary = summarizer.summarize(&docs);
                writeln!(out, "# {} {algorithm} {budget:?} overflow={overflow}", case.name).expect("write");
                for s in &summary.sentences {
                    let sources: Vec<String> = s.sources.iter().map(|d| d.to_string()).collect();
                    writeln!(out, "{} {}..{} [{}] {:.9}", s.doc, s.span.start, s.span.end, sources.join(","), s.score)
                        .expect("write");
                }
            }
        }
    }
    out
}

#[test]
fn summaries_match_the_golden_file() {
    let got = render();
    if std::env::var_os("BRIEF_BLESS").is_some() {
        std::fs::write(GOLDEN, &got).expect("write golden file");
        return;
    }
    let want = std::fs::read_to_string(GOLDEN).expect("golden file (BRIEF_BLESS=1 to create)");
    for (i, (g, w)) in got.lines().zip(want.lines()).enumerate() {
        assert_eq!(g, w, "golden line {}", i + 1);
    }
    assert_eq!(got.lines().count(), want.lines().count(), "number of golden lines");
}
