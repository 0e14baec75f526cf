//! Word tokenization cases: `(input, expected token texts)` through one
//! checking helper, plus norm/stem/stop/kind checks.

use brief_tokenize::{normalize, Language, StemCache, TokenKind, Tokenizer};

type Case = (&'static str, &'static [&'static str]);

fn check(lang: Option<Language>, cases: &[Case]) {
    let tokenizer = Tokenizer::new(lang);
    let mut failures = Vec::new();
    for (input, expected) in cases {
        let tokens = tokenizer.tokens(input);
        for t in &tokens {
            assert_eq!(&input[t.span.start..t.span.end], t.text, "span of {t:?} in {input:?}");
        }
        let got: Vec<&str> = tokens.iter().map(|t| t.text).collect();
        if got != *expected {
            failures.push(format!("\n  input:    {input:?}\n  expected: {expected:?}\n  got:      {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases failed:{}", failures.len(), cases.len(), failures.join(""));
}

const EN: Option<Language> = Some(Language::English);

#[test]
fn news_tokens() {
    check(
        EN,
        &[
            ("Afghanistan’s cities", &["Afghanistan’s", "cities"]),
            ("don't can't won't", &["don't", "can't", "won't"]),
            ("Mazar-i-Sharif and Pul-e-Alam", &["Mazar-i-Sharif", "and", "Pul-e-Alam"]),
            ("US-backed, US-led forces", &["US-backed", "US-led", "forces"]),
            ("about 3,000 troops", &["about", "3,000", "troops"]),
            ("$1.5bn and $1 trillion", &["$1.5bn", "and", "$1", "trillion"]),
            ("turnout was 65%.", &["turnout", "was", "65%"]),
            ("a 2.0-litre engine", &["a", "2.0-litre", "engine"]),
            ("the U.S. and the U.K.", &["the", "U.S.", "and", "the", "U.K."]),
            ("at 5 p.m. today", &["at", "5", "p.m.", "today"]),
            ("Mr. Biden and Dr. Ghani", &["Mr.", "Biden", "and", "Dr.", "Ghani"]),
            ("the U.S.-backed government", &["the", "U.S.-backed", "government"]),
            (
                "guns, tanks, etc. and Oct. 24 at Acme Inc.",
                &["guns", "tanks", "etc.", "and", "Oct.", "24", "at", "Acme", "Inc"],
            ),
            ("He said No. The end.", &["He", "said", "No", "The", "end"]),
            ("J. R. R. Tolkien", &["J.", "R.", "R.", "Tolkien"]),
            ("Kabul fell.", &["Kabul", "fell"]),
            ("visit https://example.com/a_b?c=d. Then", &["visit", "https://example.com/a_b?c=d", "Then"]),
            ("(see www.bbc.co.uk/news)", &["see", "www.bbc.co.uk/news"]),
            ("https://en.wikipedia.org/wiki/Kabul_(city) is", &["https://en.wikipedia.org/wiki/Kabul_(city)", "is"]),
            ("mail john.doe@example.org.", &["mail", "john.doe@example.org"]),
            ("#Kabul trends, says @AFP_news", &["#Kabul", "trends", "says", "@AFP_news"]),
            ("Covid-19 cases", &["Covid-19", "cases"]),
            ("50kms (30 miles)", &["50kms", "30", "miles"]),
            ("Kandahar -- the city", &["Kandahar", "the", "city"]),
            ("Herat — Kandahar – Kabul", &["Herat", "Kandahar", "Kabul"]),
            ("“Quoted” words", &["Quoted", "words"]),
            ("Martyrs' Square", &["Martyrs", "Square"]),
            ("12:30 GMT", &["12:30", "GMT"]),
            ("US$20 or €15 or £3,000 or 5€", &["US$20", "or", "€15", "or", "£3,000", "or", "5€"]),
            ("AT&T and S&P", &["AT&T", "and", "S&P"]),
            ("fell.The city", &["fell", "The", "city"]),
            ("report.pdf example.com", &["report.pdf", "example.com"]),
            ("9/11 attacks", &["9", "11", "attacks"]),
            ("snake_case_name", &["snake_case_name"]),
            ("co\u{ad}operation", &["co\u{ad}operation"]),
            ("1,000.50 and 1.000,50", &["1,000.50", "and", "1.000,50"]),
            ("", &[]),
            ("... !!! ---", &[]),
        ],
    );
}

#[test]
fn other_scripts_and_languages() {
    check(None, &[("塔利班占领了坎大哈", &["塔", "利", "班", "占", "领", "了", "坎", "大", "哈"])]);
    check(None, &[("カタカナ語", &["カタカナ", "語"])]);
    check(Some(Language::Tamil), &[("தாலிபான் கைப்பற்றியது", &["தாலிபான்", "கைப்பற்றியது"])]);
    check(None, &[("तालिबान ने कब्जा किया।", &["तालिबान", "ने", "कब्जा", "किया"])]);
    check(Some(Language::Arabic), &[("سقطت كابول؟", &["سقطت", "كابول"])]);
    check(Some(Language::Russian), &[("Талибы взяли г. Кандагар", &["Талибы", "взяли", "г.", "Кандагар"])]);
    check(
        Some(Language::French),
        &[("l'armée d'Afghanistan qu'il aime", &["l'", "armée", "d'", "Afghanistan", "qu'", "il", "aime"])],
    );
    check(Some(Language::Italian), &[("dell'esercito e l'Italia", &["dell'", "esercito", "e", "l'", "Italia"])]);
    check(Some(Language::English), &[("O'Brien's l'art", &["O'Brien's", "l'art"])]);
    check(Some(Language::German), &[("z.B. die Straße", &["z.B.", "die", "Straße"])]);
    check(
        Some(Language::German),
        &[("der Nord-Süd-Konflikt, ca. 3.000 €", &["der", "Nord-Süd-Konflikt", "ca.", "3.000"])],
    );
    check(Some(Language::French), &[("aujourd'hui, l’ONU", &["aujourd'hui", "l’", "ONU"])]);
    check(Some(Language::Spanish), &[("¿Qué pasó?", &["Qué", "pasó"])]);
    check(Some(Language::Greek), &[("Η Καμπούλ έπεσε", &["Η", "Καμπούλ", "έπεσε"])]);
    check(None, &[("서울은 조용했다", &["서울은", "조용했다"])]);
}

#[test]
fn norm_stem_stop_kind() {
    let tok = Tokenizer::new(EN);
    let text = "The Taliban’s FIGHTERS captured Herat, U.S. officials said; see https://x.org #Kabul 65%";
    let tokens = tok.tokens(text);
    let view: Vec<(&str, &str, bool, TokenKind)> =
        tokens.iter().map(|t| (t.norm.as_ref(), t.stem.as_ref(), t.stop, t.kind)).collect();
    use TokenKind::*;
    assert_eq!(
        view,
        [
            ("the", "the", true, Word),
            ("taliban's", "taliban", false, Word),
            ("fighters", "fighter", false, Word),
            ("captured", "captur", false, Word),
            ("herat", "herat", false, Word),
            ("u.s.", "u.s.", false, Abbreviation),
            ("officials", "offici", false, Word),
            ("said", "said", true, Word),
            ("see", "see", false, Word),
            ("https://x.org", "https://x.org", false, Url),
            ("#kabul", "#kabul", false, Hashtag),
            ("65%", "65%", false, Number),
        ]
    );
}

#[test]
fn stems_per_language() {
    let cases: &[(Language, &str, &str)] = &[
        (Language::German, "Städte", "stadt"),
        (Language::French, "gouvernements", "gouvern"),
        (Language::Spanish, "ciudades", "ciudad"),
        (Language::Russian, "городами", "город"),
        (Language::Italian, "città", "citt"),
        (Language::Romanian, "orașele", "oraş"),
        (Language::Dutch, "steden", "sted"),
    ];
    for &(lang, word, stem) in cases {
        let tokens = Tokenizer::new(Some(lang)).tokens(word);
        assert_eq!(tokens.len(), 1, "{word}");
        assert_eq!(tokens[0].stem, stem, "{lang:?} {word}");
    }
    // No language: stem == norm, no stopwords.
    let tokens = Tokenizer::new(None).tokens("The Fighters");
    assert_eq!(tokens[1].stem, "fighters");
    assert!(!tokens[0].stop);
}

#[test]
fn normalization() {
    assert_eq!(normalize("Afghanistan’s"), "afghanistan's");
    assert_eq!(normalize("KABUL"), "kabul");
    assert_eq!(normalize("ÉTAT"), "état");
    assert_eq!(normalize("ΟΔΟΣ"), "οδος");
    assert_eq!(normalize("Σ"), "σ");
    assert_eq!(normalize("co\u{ad}operation"), "cooperation");
    assert_eq!(normalize("e\u{2011}mail"), "e-mail");
    let turkish = Tokenizer::new(Some(Language::Turkish)).tokens("ISPARTA İstanbul");
    assert_eq!(turkish[0].norm, "ısparta");
    assert_eq!(turkish[1].norm, "istanbul");
}

#[test]
fn stopwords_every_language() {
    let cases: &[(Language, &str)] = &[
        (Language::Arabic, "في"),
        (Language::Danish, "og"),
        (Language::Dutch, "de"),
        (Language::English, "the"),
        (Language::Finnish, "ja"),
        (Language::French, "le"),
        (Language::German, "der"),
        (Language::Greek, "και"),
        (Language::Hungarian, "és"),
        (Language::Italian, "il"),
        (Language::Norwegian, "og"),
        (Language::Portuguese, "o"),
        (Language::Romanian, "și"),
        (Language::Russian, "и"),
        (Language::Spanish, "el"),
        (Language::Swedish, "och"),
        (Language::Tamil, "ஒரு"),
        (Language::Turkish, "ve"),
    ];
    assert_eq!(cases.len(), Language::ALL.len());
    for &(lang, word) in cases {
        let tokens = Tokenizer::new(Some(lang)).tokens(word);
        assert_eq!(tokens.len(), 1, "{lang:?} {word}");
        assert!(tokens[0].stop, "{lang:?} {word}");
    }
}

#[test]
fn fast_path_matches_tokens() {
    let texts = [
        "The Taliban’s FIGHTERS captured Herat, U.S. officials said; $1.5bn for Mazar-i-Sharif.",
        "Die Städte fielen am 3. Oktober. L'armée d'Afghanistan.",
        "塔利班 ΟΔΟΣ Кандагар https://x.org a@b.com #tag @handle",
    ];
    for lang in std::iter::once(None).chain(Language::ALL.into_iter().map(Some)) {
        let tok = Tokenizer::new(lang);
        // A tiny cache forces evictions; results must not depend on them.
        for mut cache in [StemCache::new(), StemCache::with_capacity(2)] {
            for text in texts {
                let slow: Vec<_> = tok
                    .tokens(text)
                    .into_iter()
                    .map(|t| (t.span, t.norm.into_owned(), t.stem.into_owned(), t.stop, t.kind))
                    .collect();
                let mut fast = Vec::new();
                tok.for_each_token(text, &mut cache, |t| {
                    fast.push((t.span, t.norm.to_owned(), t.stem.to_owned(), t.stop, t.kind))
                });
                assert_eq!(slow, fast, "{lang:?} {text}");
                let spans: Vec<_> = tok.spans(text);
                assert_eq!(spans, slow.iter().map(|t| (t.0, t.4)).collect::<Vec<_>>());
                // One token at a time, from its text and kind alone.
                let annotated: Vec<_> = spans
                    .iter()
                    .map(|&(span, kind)| {
                        tok.annotate(&text[span], kind, &mut cache, |norm, stem, stop| {
                            (span, norm.to_owned(), stem.to_owned(), stop, kind)
                        })
                    })
                    .collect();
                assert_eq!(slow, annotated, "{lang:?} {text}");
            }
        }
    }
}

#[test]
fn token_json_shape() {
    let text = "Kabul’s";
    let tokens = Tokenizer::new(EN).tokens(text);
    let json = serde_json::to_value(&tokens[0]).expect("serialize");
    assert_eq!(
        json,
        serde_json::json!({
            "start": 0, "end": 9, "text": "Kabul’s", "norm": "kabul's", "stem": "kabul", "stop": false, "kind": "word"
        })
    );
}
