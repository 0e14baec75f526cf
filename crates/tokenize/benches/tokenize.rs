//! Tokenization + norm + stem (+ stopword flag) throughput on the seed corpus.
//!
//! `cargo bench -p brief-tokenize --bench tokenize -- --warm-up-time 1 --measurement-time 3`
//! (`BRIEF_BENCH_MB=50` for the 50 MB corpus).

use std::hint::black_box;

use brief_tokenize::{Language, StemCache, Tokenizer};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use unicode_segmentation::UnicodeSegmentation;

mod corpus;

fn bench(c: &mut Criterion) {
    let text = corpus::corpus();
    let tokenizer = Tokenizer::new(Some(Language::English));
    let n_tokens = tokenizer.spans(&text).len();
    let mut g = c.benchmark_group("tokenize");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("for_each_token_norm_stem_stop", |b| {
        let mut cache = StemCache::new();
        b.iter(|| {
            let mut n = 0usize;
            let mut stems = 0usize;
            tokenizer.for_each_token(black_box(&text), &mut cache, |t| {
                n += 1;
                stems += t.stem.len() + usize::from(t.stop);
            });
            assert_eq!(n, n_tokens);
            black_box(stems);
        })
    });
    g.bench_function("spans_only", |b| {
        b.iter(|| {
            let mut n = 0usize;
            tokenizer.for_each_span(black_box(&text), |_, _| n += 1);
            assert_eq!(n, n_tokens);
        })
    });
    g.bench_function("tokens_vec", |b| {
        b.iter(|| {
            let t = tokenizer.tokens(black_box(&text));
            assert_eq!(t.len(), n_tokens);
        })
    });
    let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
    let n_words = text.unicode_words().count();
    g.bench_function("baseline_uax29_lowercase_stem", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for w in black_box(&text).unicode_words() {
                let lower = w.to_lowercase();
                black_box(stemmer.stem(&lower));
                n += 1;
            }
            assert_eq!(n, n_words);
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
