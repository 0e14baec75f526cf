//! Prints every block of a file with its verdict: a look at what the
//! classifier does with one page.
//!
//! `cargo run -p brief-detect --example boilerplate_explain -- PAGE.html|TEXT.txt`

use brief_detect::{html_to_document, Block, BoilerplateClassifier, LanguageDetector};
use brief_tokenize::{paragraphs, Span};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: boilerplate_explain FILE");
        std::process::exit(2);
    };
    let src = match std::fs::read_to_string(&path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let (text, blocks) = if path.ends_with(".html") || path.ends_with(".htm") {
        let d = html_to_document(&src);
        println!("title: {:?}  date: {:?}  lang: {:?}", d.title, d.date, d.lang);
        (d.text, d.blocks)
    } else {
        let blocks = paragraphs(&src).into_iter().map(Block::paragraph).collect();
        (src, blocks)
    };
    let spans: Vec<Span> = blocks.iter().map(|b| b.span).collect();
    let lang = LanguageDetector::new().detect_document(&text, &spans).document.language();
    let verdicts = BoilerplateClassifier::new().classify(&text, &blocks, lang);
    for (b, v) in blocks.iter().zip(&verdicts) {
        let what = v.reason.map_or(format!("{:?}", v.label), |r| r.as_str().to_string());
        println!(
            "{:<20} {:>4.2} {:<10} {:.2} | {}",
            what,
            v.score,
            format!("{:?}", b.kind),
            b.link_density,
            &text[v.span]
        );
    }
}
