//! The model case: the five seed articles of the repository.

use std::path::PathBuf;

use brief_tokenize::{paragraphs, Language, SentenceSplitter, StemCache, Tokenizer};

fn seeds() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("seeds directory") {
        let path = entry.expect("dir entry").path();
        if path.extension().is_some_and(|e| e == "txt") {
            let text = std::fs::read_to_string(&path).expect("read seed");
            out.push((path.display().to_string(), text));
        }
    }
    out.sort();
    assert_eq!(out.len(), 5, "expected the five seed articles in {}", dir.display());
    out
}

#[test]
fn seed_sentences_respect_paragraphs_and_abbreviations() {
    let splitter = SentenceSplitter::new(Some(Language::English));
    for (name, text) in seeds() {
        let paras = paragraphs(&text);
        let sentences = splitter.split(&text);
        assert!(sentences.len() >= paras.len(), "{name}");
        for (i, s) in sentences.iter().enumerate() {
            let t = &text[s.start..s.end];
            // The seeds are one paragraph per line: no sentence spans a line break.
            assert!(!t.contains('\n'), "{name}: sentence crosses a paragraph break: {t:?}");
            assert!(paras.iter().any(|p| p.contains(*s)), "{name}: {t:?}");
            for bad in ["Mr", "Mr.", "U.S", "Oct", "Oct."] {
                assert!(!t.ends_with(bad), "{name}: sentence ends inside {bad:?}: {t:?}");
            }
            if t.ends_with("U.S.") {
                assert!(paras.iter().any(|p| p.end == s.end), "{name}: split after U.S.: {t:?}");
            }
            let first = t.chars().next().unwrap_or(' ');
            // (The first line of a seed starts with a lower-case "date" field.)
            assert!(i == 0 || !first.is_lowercase(), "{name}: sentence starts in lower case: {t:?}");
        }
    }
}

#[test]
fn seed_phenomena() {
    let splitter = SentenceSplitter::new(Some(Language::English));
    let all: Vec<String> = seeds()
        .iter()
        .flat_map(|(_, text)| {
            splitter.split(text).into_iter().map(|s| text[s.start..s.end].to_string()).collect::<Vec<_>>()
        })
        .collect();
    let find = |needle: &str| all.iter().find(|s| s.contains(needle)).cloned().unwrap_or_default();
    // "Oct. 24, 2007." ends its sentence; the next one starts with "What".
    assert!(find("Oct. 24, 2007").ends_with("Oct. 24, 2007."), "{:?}", find("Oct. 24, 2007"));
    assert!(all.iter().any(|s| s.starts_with("What no one knew")));
    // A sentence with an inner quote stays whole.
    assert!(find("remains invested").ends_with("Afghanistan”."));
    // Headings without a full stop are their own segments.
    assert!(all.iter().any(|s| s == "US TO EVACUATE AFGHANISTAN EMBASSY STAFF"));
    assert!(all.iter().any(|s| s == "'Not abandonment'"));
}

#[test]
fn seed_tokens() {
    let tokenizer = Tokenizer::new(Some(Language::English));
    let mut cache = StemCache::new();
    let mut words = Vec::new();
    for (_, text) in seeds() {
        for t in tokenizer.tokens(&text) {
            assert_eq!(&text[t.span.start..t.span.end], t.text);
            words.push(t.text.to_string());
        }
        let mut n = 0;
        tokenizer.for_each_token(&text, &mut cache, |_| n += 1);
        assert_eq!(n, tokenizer.tokens(&text).len());
    }
    for expected in ["Mazar-i-Sharif", "Afghanistan’s", "3,000", "US-backed", "Covid-19", "$1", "Pul-e-Alam"] {
        assert!(words.iter().any(|w| w == expected), "token {expected:?} missing");
    }
}
