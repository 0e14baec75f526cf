//! The seed articles, hand-labelled block by block (data/boilerplate/seeds.tsv):
//! every boilerplate line removed with the labelled reason, every content
//! paragraph kept, titles kept as titles.

mod boilerplate_support;

use boilerplate_support::{classify, seeds, verdict_label};

#[test]
fn seeds_are_classified_exactly_as_labelled() {
    let docs = seeds();
    assert_eq!(docs.len(), 5);
    let verdicts = classify(&docs);
    let mut wrong = Vec::new();
    for (doc, vs) in docs.iter().zip(&verdicts) {
        assert_eq!(vs.len(), doc.blocks.len());
        for ((v, label), b) in vs.iter().zip(&doc.labels).zip(&doc.blocks) {
            assert_eq!(v.span, b.span);
            if verdict_label(v) != label {
                wrong.push(format!("{} [{label} → {}] {}", doc.name, verdict_label(v), &doc.text[v.span]));
            }
        }
    }
    assert!(wrong.is_empty(), "{} blocks wrong:\n{}", wrong.len(), wrong.join("\n"));
}

#[test]
fn seeds_alone_keep_every_content_paragraph() {
    // without the cluster, each seed still loses no content paragraph and
    // keeps its boilerplate out
    for doc in seeds() {
        let verdicts = classify(std::slice::from_ref(&doc));
        for ((v, label), b) in verdicts[0].iter().zip(&doc.labels).zip(&doc.blocks) {
            let text = &doc.text[b.span];
            assert_eq!(v.is_content(), label == "content", "{}: {label} → {} {text}", doc.name, verdict_label(v));
        }
    }
}
