//! Golden output: every mention (span, type, canonical, source) found on the
//! seeds, the news paragraphs and derived texts, compared byte for byte with
//! `tests/data/golden_mentions.txt`. Performance work must keep this file
//! unchanged; a deliberate behaviour change regenerates it with
//! `GOLDEN_BLESS=1 cargo test -p brief-gazetteer --test golden`.

use std::fmt::Write;

use brief_gazetteer::{Gazetteer, Mention, Span};

const GOLDEN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/golden_mentions.txt");

fn seeds() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds");
    let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

/// Strips `[[surface|TYPE|canonical]]` markup.
fn strip_ann(src: &str) -> String {
    let (mut text, mut rest) = (String::new(), src);
    while let Some(i) = rest.find("[[") {
        text.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        let j = after.find("]]").unwrap();
        text.push_str(after[..j].split('|').next().unwrap());
        rest = &after[j + 2..];
    }
    text.push_str(rest);
    text
}

/// Paragraph spans: text between blank lines.
fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices("\n\n") {
        if i > start {
            out.push(Span::new(start, i));
        }
        start = i + 2;
    }
    if start < text.len() {
        out.push(Span::new(start, text.len()));
    }
    out
}

/// A deterministic word salad from `src` (xorshift), mixing separators and
/// case so that rarer paths (loose keys, titles, all-caps) are exercised.
fn salad(src: &str, n: usize, mut state: u64) -> String {
    let words: Vec<&str> = src.split_whitespace().collect();
    let seps = [" ", " ", " ", " ", "-", ", ", ". ", "\n", " ’", "'", " the ", " of ", " said ", " al-", "\n\n"];
    let mut out = String::new();
    for _ in 0..n {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let w = words[(state % words.len() as u64) as usize];
        match (state >> 20) % 11 {
            0 => out.push_str(&w.to_uppercase()),
            1 => out.push_str(&w.to_lowercase()),
            _ => out.push_str(w),
        }
        out.push_str(seps[((state >> 32) % seps.len() as u64) as usize]);
    }
    out
}

fn dump(out: &mut String, label: &str, text: &str, found: &[Mention]) {
    writeln!(out, "## {label} ({} mentions)", found.len()).unwrap();
    for m in found {
        let surface = text.get(m.span.start..m.span.end).expect("span on char boundaries");
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{:?}\t{:?}",
            m.span.start,
            m.span.end,
            m.kind.as_str(),
            m.canonical,
            m.source,
            surface
        )
        .unwrap();
    }
}

fn dump_cluster(out: &mut String, label: &str, gaz: &Gazetteer, docs: &[(&str, Vec<Span>)]) {
    let input: Vec<(&str, &[Span])> = docs.iter().map(|(t, p)| (*t, &p[..])).collect();
    let found = gaz.find_cluster(&input);
    assert_eq!(found.len(), docs.len());
    for (i, ((text, _), ms)) in docs.iter().zip(&found).enumerate() {
        dump(out, &format!("{label} doc {i}"), text, ms);
    }
}

fn render() -> String {
    let gaz = Gazetteer::new();
    let seeds = seeds();
    assert_eq!(seeds.len(), 5);
    let news_src =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/news/para_news.ann")).unwrap();
    let news = strip_ann(&news_src);
    let mut out = String::new();

    // the seeds as one cluster, whole texts
    let whole: Vec<(&str, Vec<Span>)> = seeds.iter().map(|s| (s.as_str(), vec![Span::new(0, s.len())])).collect();
    dump_cluster(&mut out, "seeds cluster whole", &gaz, &whole);
    // the seeds as one cluster, paragraph spans
    let paras: Vec<(&str, Vec<Span>)> = seeds.iter().map(|s| (s.as_str(), paragraphs(s))).collect();
    dump_cluster(&mut out, "seeds cluster paragraphs", &gaz, &paras);
    // each seed alone
    for (i, s) in seeds.iter().enumerate() {
        dump(&mut out, &format!("seed {i} find"), s, &gaz.find(s));
        dump(&mut out, &format!("seed {i} find_list"), s, &gaz.find_list(s));
    }
    // news: one document of paragraphs, and each paragraph a document
    dump_cluster(&mut out, "news paragraphs", &gaz, &[(news.as_str(), paragraphs(&news))]);
    let each: Vec<(&str, Vec<Span>)> =
        paragraphs(&news).iter().map(|p| (&news[p.start..p.end], vec![Span::new(0, p.end - p.start)])).collect();
    dump_cluster(&mut out, "news cluster", &gaz, &each);
    // derived texts: case-changed seeds and word salads
    let upper = seeds[0].to_uppercase();
    let lower = seeds[1].to_lowercase();
    dump(&mut out, "seed 0 upper", &upper, &gaz.find(&upper));
    dump(&mut out, "seed 1 lower", &lower, &gaz.find(&lower));
    let all = format!("{}\n\n{}", seeds.join("\n\n"), news);
    let salads: Vec<String> = (1..=4).map(|k| salad(&all, 3000, 0x9E37_79B9_7F4A_7C15 ^ k)).collect();
    let docs: Vec<(&str, Vec<Span>)> = salads.iter().map(|s| (s.as_str(), paragraphs(s))).collect();
    dump_cluster(&mut out, "salad cluster", &gaz, &docs);
    out
}

#[test]
fn mentions_match_the_golden_file() {
    let got = render();
    if std::env::var_os("GOLDEN_BLESS").is_some() {
        std::fs::write(GOLDEN, &got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(GOLDEN).expect("golden file (GOLDEN_BLESS=1 to create)");
    if got != want {
        let line = got.lines().zip(want.lines()).position(|(a, b)| a != b).unwrap_or(0);
        let show = |s: &str| s.lines().skip(line.saturating_sub(2)).take(5).collect::<Vec<_>>().join("\n");
        panic!("golden mismatch near line {}:\n--- want\n{}\n--- got\n{}", line + 1, show(&want), show(&got));
    }
}
