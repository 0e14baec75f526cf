//! Property tests: for any input, paragraphs and sentences are ordered,
//! non-overlapping, trimmed, on char boundaries and cover every
//! non-white-space byte; tokens lie inside their sentence and slice back to
//! their text; the fast token path agrees with the convenient one.

use brief_tokenize::{paragraphs, Language, SentenceSplitter, Span, StemCache, Tokenizer};
use proptest::prelude::*;

/// Fragments that exercise the rules: abbreviations, quotes, terminals of
/// several scripts, line breaks, URLs, numbers, odd Unicode.
const FRAGMENTS: &[&str] = &[
    "Mr.",
    "U.S.",
    "Oct.",
    "etc.",
    "z.B.",
    "J.",
    "a.m.",
    " ",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\t",
    "...",
    ". . .",
    "…",
    "?",
    "!",
    "?!",
    ".",
    ",",
    ";",
    ":",
    "“",
    "”",
    "\"",
    "'",
    "’",
    "«",
    "»",
    "„",
    "(",
    ")",
    "[",
    "]",
    "Kabul",
    "the",
    "The",
    "fell",
    "He",
    "3,000",
    "2.0",
    "$1.5bn",
    "65%",
    "e.g.",
    "。",
    "！",
    "।",
    "؟",
    "۔",
    ":)",
    ";-)",
    "🎉",
    "https://x.org/a.b?c=d",
    "www.x.co.uk",
    "j.d@x.org",
    "-",
    "- ",
    "• ",
    "1. ",
    "2) ",
    "# ",
    "Σ",
    "İ",
    "\u{ad}",
    "\u{2029}",
    "\u{2028}",
    "\u{a0}",
    "ș",
    "l'",
    "d’",
    "塔利班",
    "तालिबान",
    "Кандагар",
    "г.",
    "#tag",
    "@who",
    "Mazar-i-Sharif",
    "don't",
    "é",
    "e\u{301}",
    "\u{200d}",
    "x",
    "A",
    "5",
    "o",
    "é.",
    "I.",
    "Ş",
];

fn texty() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..40).prop_map(|v| v.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![texty(), any::<String>(), "[a-zA-Z .!?\n\"'()]{0,80}"]
}

fn langs() -> impl Strategy<Value = Option<Language>> {
    prop_oneof![Just(None), prop::sample::select(Language::ALL.to_vec()).prop_map(Some)]
}

/// Spans are ordered, disjoint, non-empty, trimmed, on char boundaries and
/// together cover every non-white-space char of `text`.
fn check_cover(text: &str, spans: &[Span], what: &str) -> Result<(), TestCaseError> {
    let mut last = 0;
    for s in spans {
        prop_assert!(s.start >= last, "{what} overlap or disorder: {spans:?}");
        prop_assert!(s.start < s.end, "{what} empty: {s:?}");
        let slice = s.get(text);
        prop_assert!(slice.is_some(), "{what} not on char boundaries: {s:?}");
        let slice = slice.unwrap_or_default();
        prop_assert_eq!(slice.trim(), slice, "{} not trimmed", what);
        last = s.end;
    }
    let mut k = 0;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            continue;
        }
        while k < spans.len() && spans[k].end <= i {
            k += 1;
        }
        prop_assert!(k < spans.len() && spans[k].start <= i, "{what}: byte {i} ({c:?}) not covered: {spans:?}");
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn paragraphs_cover_and_have_no_blank_line(text in any_text()) {
        let paras = paragraphs(&text);
        check_cover(&text, &paras, "paragraph")?;
        for p in &paras {
            let s = &text[p.start..p.end];
            let unified = s.replace("\r\n", "\n");
            let no_blank = unified.split(['\n', '\r', '\u{2028}']).all(|l| !l.trim().is_empty());
            prop_assert!(no_blank && !s.contains('\u{2029}'), "blank line in paragraph {:?}", s);
        }
    }

    #[test]
    fn sentences_cover_and_stay_in_paragraphs(text in any_text(), lang in langs()) {
        let splitter = SentenceSplitter::new(lang);
        let sentences = splitter.split(&text);
        check_cover(&text, &sentences, "sentence")?;
        let paras = paragraphs(&text);
        for s in &sentences {
            prop_assert!(paras.iter().any(|p| p.contains(*s)), "sentence {s:?} crosses a paragraph: {paras:?}");
        }
        let mut again = Vec::new();
        splitter.split_into(&text, &mut again);
        prop_assert_eq!(&again, &sentences);
    }

    #[test]
    fn split_paragraph_is_total(text in any_text(), a in 0usize..200, b in 0usize..200, lang in langs()) {
        let span = Span::new(a.min(b), a.max(b));
        let got = SentenceSplitter::new(lang).split_paragraph(&text, span);
        for s in &got {
            prop_assert!(span.contains(*s));
            prop_assert!(s.get(&text).is_some());
        }
        let whole = SentenceSplitter::new(lang).split_paragraph(&text, Span::new(0, text.len()));
        prop_assert_eq!(whole, SentenceSplitter::new(lang).split(&text));
    }

    #[test]
    fn tokens_inside_sentences(text in any_text(), lang in langs()) {
        let sentences = SentenceSplitter::new(lang).split(&text);
        let tokenizer = Tokenizer::new(lang);
        let mut cache = StemCache::with_capacity(8);
        for s in sentences {
            let sentence = &text[s.start..s.end];
            let tokens = tokenizer.tokens(sentence);
            let mut last = 0;
            for t in &tokens {
                prop_assert!(t.span.start >= last && t.span.start < t.span.end && t.span.end <= sentence.len());
                prop_assert_eq!(t.span.get(sentence), Some(t.text));
                let ok = !t.norm.is_empty();
                prop_assert!(ok, "empty norm for {:?}", t.text);
                last = t.span.end;
            }
            let mut fast = Vec::new();
            tokenizer.for_each_token(sentence, &mut cache, |t| {
                fast.push((t.span, t.norm.to_owned(), t.stem.to_owned(), t.stop, t.kind))
            });
            let slow: Vec<_> = tokens
                .into_iter()
                .map(|t| (t.span, t.norm.into_owned(), t.stem.into_owned(), t.stop, t.kind))
                .collect();
            let annotated: Vec<_> = tokenizer
                .spans(sentence)
                .into_iter()
                .map(|(span, kind)| {
                    tokenizer.annotate(&sentence[span], kind, &mut cache, |norm, stem, stop| {
                        (span, norm.to_owned(), stem.to_owned(), stop, kind)
                    })
                })
                .collect();
            prop_assert_eq!(&slow, &annotated);
            prop_assert_eq!(slow, fast);
        }
    }
}
