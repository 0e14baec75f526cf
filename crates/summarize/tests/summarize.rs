//! Behaviour tests of the summarizer on small hand-made clusters: table
//! tests through one checking helper, and property tests (never panic, spans
//! slice back, budgets hold) for every algorithm.

use brief_summarize::{Algorithm, Budget, Document, Summarizer};
use brief_tokenize::{Language, SentenceSplitter, Span};
use proptest::prelude::*;

/// Builds documents from texts (English sentence splitting) and runs `f`.
fn with_docs<R>(texts: &[&str], lang: Option<Language>, f: impl FnOnce(&[Document<'_>]) -> R) -> R {
    let splitter = SentenceSplitter::new(lang);
    let sentences: Vec<Vec<Span>> = texts.iter().map(|t| splitter.split(t)).collect();
    let docs: Vec<Document> = texts
        .iter()
        .zip(&sentences)
        .map(|(t, s)| Document { text: t, sentences: s, lang, date: None, title: None })
        .collect();
    f(&docs)
}

/// Summarizes `texts` with every algorithm and checks the summary text of
/// the default one, and that no algorithm breaks a rule.
fn check(name: &str, texts: &[&str], budget: Budget, want: &str) {
    with_docs(texts, Some(Language::English), |docs| {
        for algorithm in Algorithm::ALL {
            let s = Summarizer::builder().budget(budget).algorithm(algorithm).build().expect("valid");
            let summary = s.summarize(docs);
            for sent in &summary.sentences {
                let text = sent.span.get(docs[sent.doc].text).expect("span slices its document");
                assert!(!text.starts_with("He ") && !text.starts_with("KABUL"), "{name}/{algorithm}: {text}");
            }
            if algorithm == Algorithm::Coverage {
                assert_eq!(summary.text(docs), want, "{name}");
            }
        }
    });
}

#[test]
fn table() {
    let kabul = "KABUL: The army retook the northern city of Foo on Monday after a long siege.";
    let copy = "The army retook the northern city of Foo on Monday after a long siege, officials said.";
    let pronoun = "The army retook the northern city of Foo on Monday after a long siege. He said the roads to the city had reopened for traffic.";
    let other = "Aid groups said food and medicine were running short in the northern city of Foo.";
    let cases: &[(&str, &[&str], Budget, &str)] = &[
        ("dateline stripped", &[kabul, copy], Budget::Words(20), "The army retook the northern city of Foo on Monday after a long siege."),
        ("empty cluster", &[], Budget::Words(100), ""),
        ("empty documents", &["", "   \n\n"], Budget::Words(100), ""),
        ("only short sentences", &["Foo fell. Bar fell."], Budget::Words(100), "Foo fell. Bar fell."),
        ("pronoun never opens", &[pronoun, other], Budget::Sentences(1), "The army retook the northern city of Foo on Monday after a long siege."),
        ("heading and question dropped", &["Foo falls to army\nWill the city of Foo hold out against the army this time?\nThe army retook the northern city of Foo on Monday after a long siege."], Budget::Words(100), "The army retook the northern city of Foo on Monday after a long siege."),
        ("no sentence punctuation at all", &["Foo falls to army"], Budget::Words(100), "Foo falls to army"),
        ("budget too small for any sentence", &[copy], Budget::Words(3), ""),
        ("bytes, dateline left out", &[kabul, other], Budget::Bytes(80), "The army retook the northern city of Foo on Monday after a long siege."),
    ];
    for &(name, texts, budget, want) in cases {
        check(name, texts, budget, want);
    }
}

#[test]
fn antecedent_precedes_its_pronoun() {
    let a = "The army retook the northern city of Foo on Monday after a long siege. He said the roads to the city of Foo had reopened for traffic and trade on Monday.";
    let b = "Officials said the roads to the city of Foo had reopened for traffic after the army retook it.";
    with_docs(&[a, b, a], Some(Language::English), |docs| {
        let summary = Summarizer::builder().budget(Budget::Words(100)).build().expect("valid").summarize(docs);
        let texts: Vec<&str> = summary.sentences.iter().map(|s| &docs[s.doc].text[s.span]).collect();
        for (i, t) in texts.iter().enumerate() {
            if t.starts_with("He ") {
                assert!(i > 0 && texts[i - 1].starts_with("The army retook"), "{texts:?}");
                assert_eq!(summary.sentences[i - 1].doc, summary.sentences[i].doc);
            }
        }
    });
}

#[test]
fn invalid_spans_are_ignored() {
    let text = "Kabul fell to the Taliban on Sunday after the president fled the country.";
    let spans = [Span::new(0, 1000), Span::new(3, 1), Span::new(0, text.len())];
    let euro = "€ Kabul fell to the Taliban on Sunday after the president fled abroad.";
    let mid_char = [Span::new(1, euro.len())];
    let docs = [
        Document { text, sentences: &spans, lang: Some(Language::English), date: Some("2021-08-15"), title: None },
        Document { text: euro, sentences: &mid_char, lang: None, date: None, title: None },
    ];
    for algorithm in Algorithm::ALL {
        let s = Summarizer::builder().algorithm(algorithm).build().expect("valid");
        let summary = s.summarize(&docs);
        assert_eq!(summary.text(&docs), text, "{algorithm}");
    }
}

#[test]
fn names_round_trip_and_bad_config_is_an_error() {
    for a in Algorithm::ALL {
        assert_eq!(a.name().parse::<Algorithm>().expect("name"), a);
        assert_eq!(a.to_string(), a.name());
    }
    assert_eq!(" LexRank ".parse::<Algorithm>().expect("case-insensitive"), Algorithm::LexRank);
    assert!("bert".parse::<Algorithm>().is_err());
    assert!(Summarizer::builder().budget(Budget::Words(0)).build().is_err());
    assert_eq!(Summarizer::new().algorithm(), Algorithm::Coverage);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_spans_slice_budget_holds(
        texts in proptest::collection::vec("(\\PC{0,40}[.!?\n ]){0,12}", 0..4),
        words in 1usize..60,
        algo in 0usize..5,
        lang in prop_oneof![Just(None), Just(Some(Language::English)), Just(Some(Language::French))],
    ) {
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        with_docs(&refs, lang, |docs| {
            let s = Summarizer::builder()
                .budget(Budget::Words(words))
                .algorithm(Algorithm::ALL[algo])
                .build()
                .expect("valid");
            let summary = s.summarize(docs);
            for sent in &summary.sentences {
                prop_assert!(sent.span.get(docs[sent.doc].text).is_some());
                prop_assert!(sent.sources.contains(&sent.doc));
            }
            prop_assert!(summary.words(docs) <= words);
            Ok(())
        })?;
    }

    #[test]
    fn rouge_is_total_and_bounded(a in "\\PC{0,80}", b in "\\PC{0,80}") {
        let s = brief_summarize::rouge::evaluate(&a, &[&b]);
        for x in [s.rouge1, s.rouge2, s.rouge_l] {
            for v in [x.precision, x.recall, x.f1] {
                prop_assert!((0.0..=1.0).contains(&v));
            }
        }
    }
}

#[test]
fn title_is_never_selected() {
    // The title is also passed among the sentences (a caller that does not
    // keep it apart): it is skipped, for every algorithm.
    let texts = [
        "Army retakes the northern city of Foo after a long siege. The army retook the northern city of Foo on Monday after a long siege, officials said.",
        "Army retakes the northern city of Foo after a long siege. Residents of Foo came out to greet the soldiers on Monday as the fighting ended.",
    ];
    let splitter = SentenceSplitter::new(Some(Language::English));
    let sentences: Vec<Vec<Span>> = texts.iter().map(|t| splitter.split(t)).collect();
    for algorithm in Algorithm::ALL {
        let docs: Vec<Document> = texts
            .iter()
            .zip(&sentences)
            .map(|(t, s)| Document {
                text: t,
                sentences: s,
                lang: Some(Language::English),
                date: None,
                title: s.first().copied(),
            })
            .collect();
        let s = Summarizer::builder().budget(Budget::Words(40)).algorithm(algorithm).build().expect("valid");
        let summary = s.summarize(&docs);
        assert!(!summary.sentences.is_empty(), "{algorithm}");
        for sent in &summary.sentences {
            assert_ne!(Some(sent.span), docs[sent.doc].title, "{algorithm}: {}", &docs[sent.doc].text[sent.span]);
        }
    }
}
