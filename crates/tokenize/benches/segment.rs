//! Paragraph and sentence segmentation throughput on the seed corpus.
//!
//! `cargo bench -p brief-tokenize --bench segment -- --warm-up-time 1 --measurement-time 3`
//! (`BRIEF_BENCH_MB=50` for the 50 MB corpus).

use std::hint::black_box;

use brief_tokenize::{paragraphs, Language, SentenceSplitter};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use unicode_segmentation::UnicodeSegmentation;

mod corpus;

fn bench(c: &mut Criterion) {
    let text = corpus::corpus();
    let splitter = SentenceSplitter::new(Some(Language::English));
    let n_sentences = splitter.split(&text).len();
    let n_paragraphs = paragraphs(&text).len();
    let mut g = c.benchmark_group("segment");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("sentences", |b| {
        let mut out = Vec::with_capacity(n_sentences);
        b.iter(|| {
            out.clear();
            splitter.split_into(black_box(&text), &mut out);
            assert_eq!(out.len(), n_sentences);
        })
    });
    g.bench_function("sentences_vec", |b| {
        b.iter(|| {
            let s = splitter.split(black_box(&text));
            assert_eq!(s.len(), n_sentences);
        })
    });
    g.bench_function("paragraphs", |b| {
        b.iter(|| {
            let p = paragraphs(black_box(&text));
            assert_eq!(p.len(), n_paragraphs);
        })
    });
    let n_uax = text.split_sentence_bounds().count();
    g.bench_function("baseline_unicode_segmentation_sentences", |b| {
        b.iter(|| assert_eq!(black_box(&text).split_sentence_bounds().count(), n_uax))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
