//! The model case: the five seed articles on the Taliban offensive of
//! 13 August 2021. Boilerplate is removed by a simple paragraph filter
//! written for this test only (the real one lives in brief-detect).

use brief_summarize::{Algorithm, Budget, Document, Summarizer, Summary};
use brief_tokenize::{paragraphs, Language, SentenceSplitter, Span};

struct Seed {
    text: String,
    date: Option<String>,
    /// The first paragraph when it reads as a headline (no final
    /// punctuation, not a metadata line).
    title: Option<Span>,
    sentences: Vec<Span>,
}

/// Test-only boilerplate filter: headings (no final punctuation), bullets,
/// captions and credits, spec boxes, one-liners.
fn keep_paragraph(p: &str) -> bool {
    let words = p.split_whitespace().count();
    let ends = p.trim_end_matches(['"', '”', '’', ')']).ends_with(['.', '!', '?']);
    let colons = p.split_whitespace().filter(|w| w.ends_with(':')).count();
    ends && words >= 6
        && !p.starts_with(['-', '•'])
        && !p.contains("Image Credit")
        && !p.contains("View gallery")
        && !p.ends_with("(AFP)")
        && colons < 3
}

fn load() -> Vec<Seed> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds");
    let mut paths: Vec<_> = std::fs::read_dir(dir).expect("seeds").map(|e| e.expect("entry").path()).collect();
    paths.sort();
    let splitter = SentenceSplitter::new(Some(Language::English));
    paths
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).expect("seed");
            let mut date = None;
            let mut title = None;
            let mut sentences = Vec::new();
            for (k, para) in paragraphs(&text).into_iter().enumerate() {
                let mut para = para;
                let s = &text[para];
                let t = s.trim();
                if k == 0 && !t.starts_with("date ") && !t.ends_with(['.', '!', '?', ')']) {
                    title = Some(para);
                    continue;
                }
                if let Some(rest) = s.strip_prefix("date ") {
                    // " date 2021-08-13 <caption or lead>": metadata prefix.
                    date = rest.get(..10).map(str::to_string);
                    para = Span::new(para.start + 16, para.end);
                    para.start += text[para].len() - text[para].trim_start().len();
                }
                if keep_paragraph(&text[para]) {
                    sentences.extend(splitter.split_paragraph(&text, para));
                }
            }
            Seed { text, date, title, sentences }
        })
        .collect()
}

fn docs(seeds: &[Seed]) -> Vec<Document<'_>> {
    seeds
        .iter()
        .map(|s| Document {
            text: &s.text,
            sentences: &s.sentences,
            lang: Some(Language::English),
            date: s.date.as_deref(),
            title: s.title,
        })
        .collect()
}

const OPENERS: &[&str] =
    &["he", "she", "it", "they", "his", "her", "their", "its", "this", "these", "but", "and", "also", "however"];

/// Checks the invariants every summary keeps.
fn check_summary(name: &str, summary: &Summary, docs: &[Document<'_>], seeds: &[Seed], max_words: usize) {
    let text = summary.text(docs);
    assert!(text.split_whitespace().count() <= max_words, "{name}: over budget: {text}");
    assert!(!summary.sentences.is_empty(), "{name}: empty");
    for (k, s) in summary.sentences.iter().enumerate() {
        let sent = &docs[s.doc].text[s.span];
        assert!(s.sources.contains(&s.doc), "{name}: sources {:?} lack {}", s.sources, s.doc);
        assert!(s.sources.windows(2).all(|w| w[0] < w[1]));
        // The span lies inside one of the document's clean sentences.
        assert!(seeds[s.doc].sentences.iter().any(|c| c.contains(s.span)), "{name}: {sent}");
        assert!(!sent.starts_with("KABUL") && !sent.starts_with("Kabul:"), "{name}: dateline kept: {sent}");
        assert!(!sent.starts_with(['"', '“']), "{name}: quote opener: {sent}");
        let first = sent.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("").to_lowercase();
        if OPENERS.contains(&first.as_str()) {
            let prev = k.checked_sub(1).map(|p| &summary.sentences[p]);
            let ok = prev.is_some_and(|p| {
                p.doc == s.doc && {
                    let cs = &seeds[s.doc].sentences;
                    let i = cs.iter().position(|c| c.contains(s.span)).unwrap_or(0);
                    i > 0 && cs[i - 1].contains(p.span)
                }
            });
            assert!(ok, "{name}: dangling opener: {sent}");
        }
    }
}

#[test]
fn hundred_words_tell_the_story() {
    let seeds = load();
    let docs = docs(&seeds);
    let summary = Summarizer::new().summarize(&docs);
    let text = summary.text(&docs);
    eprintln!("{text}");
    check_summary("coverage", &summary, &docs, &seeds, 100);
    assert!(text.contains("Kandahar"), "{text}");
    assert!(text.contains("Herat") || text.contains("Lashkar Gah"), "{text}");
    let us = text.contains("3,000") || text.contains("United States");
    let uk = text.contains("600") || text.contains("Britain") || text.contains("UK ");
    assert!(us && uk && text.contains("troops"), "{text}");
}

fn first_words(s: &str, n: usize) -> String {
    s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).take(n).collect::<Vec<_>>().join(" ")
}

/// Agency copy carried by several outlets is cited as such: every document
/// with a sentence opening with the same ten words is among the sources.
#[test]
fn copies_are_cited_as_sources() {
    let seeds = load();
    let docs = docs(&seeds);
    let mut multi = 0;
    for algorithm in Algorithm::ALL {
        let s = Summarizer::builder().budget(Budget::Sentences(12)).algorithm(algorithm).build().expect("valid");
        for sent in s.summarize(&docs).sentences {
            let head = first_words(&docs[sent.doc].text[sent.span], 10);
            for (d, seed) in seeds.iter().enumerate() {
                if seed.sentences.iter().any(|&c| first_words(&seed.text[c], 10) == head) {
                    assert!(sent.sources.contains(&d), "{algorithm}: {head:?} is in doc {d}: {:?}", sent.sources);
                    multi += usize::from(d != sent.doc);
                }
            }
        }
    }
    assert!(multi >= 3, "{multi}");
}

#[test]
fn every_algorithm_keeps_budget_and_readability() {
    let seeds = load();
    let docs = docs(&seeds);
    for algorithm in Algorithm::ALL {
        for (budget, max_words) in [(Budget::Words(100), 100), (Budget::Words(40), 40), (Budget::Sentences(3), 200)] {
            let summarizer = Summarizer::builder().budget(budget).algorithm(algorithm).build().expect("valid");
            let summary = summarizer.summarize(&docs);
            eprintln!("{algorithm} {budget:?}: {}", summary.text(&docs));
            check_summary(algorithm.name(), &summary, &docs, &seeds, max_words);
            if let Budget::Sentences(n) = budget {
                assert!(summary.sentences.len() <= n);
            }
        }
        let bytes = Summarizer::builder().budget(Budget::Bytes(400)).algorithm(algorithm).build().expect("valid");
        assert!(bytes.summarize(&docs).text(&docs).len() <= 400);
    }
}

#[test]
fn overflow_lets_the_last_sentence_cross() {
    let seeds = load();
    let docs = docs(&seeds);
    let s = Summarizer::builder().budget(Budget::Words(100)).overflow(true).build().expect("valid");
    let summary = s.summarize(&docs);
    let words = summary.words(&docs);
    // The sentence picked last (not necessarily read last) crossed the line.
    let crossed = summary.sentences.iter().any(|s| words - docs[s.doc].text[s.span].split_whitespace().count() < 100);
    assert!(words >= 100 && crossed, "{words}");
}

#[test]
fn deterministic_and_order_independent_of_threads() {
    let seeds = load();
    let docs = docs(&seeds);
    let first = Summarizer::new().summarize(&docs);
    let results: Vec<Summary> = std::thread::scope(|sc| {
        let hs: Vec<_> = (0..4).map(|_| sc.spawn(|| Summarizer::new().summarize(&docs))).collect();
        hs.into_iter().map(|h| h.join().expect("thread")).collect()
    });
    for r in results {
        assert_eq!(r, first);
    }
}

/// A sanity check, not a benchmark: ROUGE recall of each algorithm on the
/// seed cluster against two 100-word references written for it
/// (tests/data/seed_references.txt, one per line). Run with `--nocapture`
/// to see the figures.
#[test]
fn seed_rouge_against_written_references() {
    let seeds = load();
    let docs = docs(&seeds);
    let refs = include_str!("data/seed_references.txt");
    let refs: Vec<&str> = refs.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(refs.len(), 2);
    let mut by_algorithm = Vec::new();
    for algorithm in Algorithm::ALL {
        let s = Summarizer::builder().algorithm(algorithm).overflow(true).build().expect("valid");
        let text = s.summarize(&docs).text(&docs);
        // The benchmark protocol: truncate at 100 words, average over references.
        let text: Vec<&str> = text.split_whitespace().take(100).collect();
        let scores = brief_summarize::rouge::evaluate_average(&text.join(" "), &refs);
        eprintln!(
            "seed ROUGE {:<9} R-1 {:.1} R-2 {:.1} R-L {:.1}",
            algorithm.name(),
            100.0 * scores.rouge1.recall,
            100.0 * scores.rouge2.recall,
            100.0 * scores.rouge_l.recall
        );
        by_algorithm.push((algorithm, scores));
    }
    let r1 = |a: Algorithm| by_algorithm.iter().find(|x| x.0 == a).map_or(0.0, |x| x.1.rouge1.recall);
    assert!(r1(Algorithm::Coverage) > 0.3);
}
