//! Language identification speed: sentences of the 20 main news languages
//! (brief against whatlang with the same allow-list), and whole documents
//! with per-paragraph decisions (the seeds).
//!
//! ```text
//! cargo bench -p brief-detect --bench lang -- --warm-up-time 1 --measurement-time 3
//! ```

use std::hint::black_box;
use std::path::PathBuf;

use brief_detect::{LanguageDetector, DEFAULT_LANGUAGES};
use brief_tokenize::{paragraphs, Span};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

const MAIN: [&str; 20] = [
    "eng", "deu", "fra", "spa", "por", "ita", "nld", "swe", "dan", "nob", "fin", "hun", "ron", "tur", "rus", "ukr",
    "ell", "ara", "cmn", "jpn",
];

fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// (expected language, sentence) for the short and long sentences.
fn sentences() -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    for lang in MAIN {
        let raw = std::fs::read_to_string(manifest().join(format!("data/lang/{lang}.txt"))).expect("data file");
        let mut keep = false;
        for line in raw.lines().map(str::trim).filter(|l| !l.is_empty()) {
            if let Some(kind) = line.strip_prefix("# ") {
                keep = kind == "short" || kind == "long";
            } else if keep {
                out.push((lang, line.to_string()));
            }
        }
    }
    out
}

fn seeds() -> Vec<(String, Vec<Span>)> {
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(manifest().join("../../seeds")).expect("seeds").map(|e| e.expect("entry").path()).collect();
    files.sort();
    files
        .into_iter()
        .map(|f| {
            let text = std::fs::read_to_string(f).expect("seed");
            let spans = paragraphs(&text);
            (text, spans)
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let detector = LanguageDetector::new();
    let allow: Vec<whatlang::Lang> = DEFAULT_LANGUAGES.iter().filter_map(|c| whatlang::Lang::from_code(*c)).collect();
    let whatlang_allow = whatlang::Detector::with_allowlist(allow);

    let sents = sentences();
    let bytes: usize = sents.iter().map(|(_, s)| s.len()).sum();
    let right = sents.iter().filter(|(l, s)| detector.detect(s).lang == *l).count();
    let wl_right = sents.iter().filter(|(l, s)| whatlang_allow.detect_lang(s).map(|x| x.code()) == Some(*l)).count();

    let mut g = c.benchmark_group("lang_sentences");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("brief", |b| {
        b.iter(|| {
            let n = sents.iter().filter(|(l, s)| detector.detect(black_box(s)).lang == *l).count();
            assert_eq!(n, right);
        })
    });
    g.bench_function("whatlang_allowlist", |b| {
        b.iter(|| {
            let n = sents
                .iter()
                .filter(|(l, s)| whatlang_allow.detect_lang(black_box(s)).map(|x| x.code()) == Some(*l))
                .count();
            assert_eq!(n, wl_right);
        })
    });
    g.finish();

    let docs = seeds();
    let doc_bytes: usize = docs.iter().map(|(t, _)| t.len()).sum();
    let paras: usize = docs.iter().map(|(_, s)| s.len()).sum();
    let mut g = c.benchmark_group("lang_documents");
    g.throughput(Throughput::Bytes(doc_bytes as u64));
    g.bench_function("brief_detect_document_seeds", |b| {
        b.iter(|| {
            let mut english = 0;
            for (text, spans) in &docs {
                let got = detector.detect_document(black_box(text), spans);
                english += got.paragraphs.iter().filter(|p| p.detection.lang == "eng").count();
            }
            assert_eq!(english, paras);
        })
    });
    g.bench_function("whatlang_every_paragraph_seeds", |b| {
        b.iter(|| {
            let mut n = 0;
            for (text, spans) in &docs {
                n += usize::from(whatlang_allow.detect(black_box(text)).is_some());
                n += spans.iter().filter(|s| whatlang_allow.detect(&text[**s]).is_some()).count();
            }
            assert_eq!(n, paras + docs.len());
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
