//! Content precision / recall (by characters) of the boilerplate classifier
//! on the labelled data in `data/boilerplate/`: the seeds, the plain-text
//! clusters and the HTML pages.
//!
//! `cargo run --release -p brief-detect --example boilerplate_eval [-- --verbose]`
//!
//! Plain text: every block carries a hand label; precision is the share of
//! kept characters labelled content, recall the share of content
//! characters kept. HTML: character-weighted bag-of-words overlap of the
//! kept text with the expected paragraphs (the measure main-text
//! extraction benchmarks use). "reasons" is the share of removed blocks
//! whose reason matches the label.

#[path = "../tests/boilerplate_support/mod.rs"]
mod boilerplate_support;

use boilerplate_support::*;

fn main() {
    let verbose = std::env::args().any(|a| a == "--verbose" || a == "-v");
    println!("{:<40} {:>9} {:>9} {:>7} {:>8}", "document", "precision", "recall", "F1", "reasons");

    let mut seeds_total = Counts::default();
    let seeds = seeds();
    let verdicts = classify(&seeds);
    for (doc, vs) in seeds.iter().zip(&verdicts) {
        seeds_total.add(report(doc, vs, verbose));
    }
    summary("seeds", seeds_total);

    let mut text_total = Counts::default();
    let mut heldout_total = Counts::default();
    let (mut docs, mut heldout) = (0, 0);
    for (name, cluster) in text_clusters() {
        let verdicts = classify(&cluster);
        for (doc, vs) in cluster.iter().zip(&verdicts) {
            let c = report(doc, vs, verbose);
            text_total.add(c);
            docs += 1;
            // clusters written after the rules were frozen
            if name.starts_with("heldout") {
                heldout_total.add(c);
                heldout += 1;
            }
        }
    }
    summary(&format!("plain text ({docs} documents)"), text_total);
    summary(&format!("of which held out ({heldout} documents)"), heldout_total);

    let mut html_total = Counts::default();
    let mut titles = (0, 0);
    let pages = html_pages();
    for page in &pages {
        let (kept, title) = html_extract(&page.html);
        let c = bag_counts(&kept, &page.content.join("\n"));
        titles.1 += 1;
        titles.0 += usize::from(title.is_some() && title == page.title);
        println!("{:<40} {:>9.3} {:>9.3} {:>7.3}", page.name, c.precision(), c.recall(), c.f1());
        if verbose && c.f1() < 1.0 {
            println!("    kept: {kept}");
            println!("    title: {title:?}");
        }
        html_total.add(c);
    }
    summary(&format!("HTML ({} pages, titles right {}/{})", pages.len(), titles.0, titles.1), html_total);
}

fn report(doc: &LabelledText, verdicts: &[brief_detect::Verdict], verbose: bool) -> Counts {
    let c = text_counts(doc, verdicts);
    let removed: Vec<(&str, &String)> = verdicts
        .iter()
        .zip(&doc.labels)
        .filter(|(v, l)| !v.is_content() && v.label != brief_detect::Label::Title && *l != "content" && *l != "title")
        .map(|(v, l)| (verdict_label(v), l))
        .collect();
    let right = removed.iter().filter(|(v, l)| v == l).count();
    println!(
        "{:<40} {:>9.3} {:>9.3} {:>7.3} {:>4}/{:<3}",
        doc.name,
        c.precision(),
        c.recall(),
        c.f1(),
        right,
        removed.len()
    );
    if verbose {
        for (v, label) in verdicts.iter().zip(&doc.labels) {
            let got = verdict_label(v);
            if got != label {
                println!("    [{label} → {got} {:.2}] {}", v.score, &doc.text[v.span]);
            }
        }
    }
    c
}

fn summary(what: &str, c: Counts) {
    println!(
        "== {what}: precision {:.3}  recall {:.3}  F1 {:.3}  ({} content chars, {} kept)\n",
        c.precision(),
        c.recall(),
        c.f1(),
        c.gold,
        c.kept
    );
}
