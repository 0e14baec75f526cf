//! Embedded stopword lists, one per Snowball language.
//!
//! The lists are the Snowball project's (as distributed in NLTK's stopwords
//! corpus, via the `stop-words` crate; see `NOTICE`), in `data/stopwords/`,
//! plus a few additions per language: English reporting verbs and modals
//! that news text is full of, and the elided articles and prepositions of
//! French and Italian ("l'", "d'", "dell'"), which the tokenizer splits off.

use std::sync::OnceLock;

use crate::language::Language;
use rustc_hash::FxHashSet as FxSet;

fn source(lang: Language) -> &'static str {
    match lang {
        Language::Arabic => include_str!("../data/stopwords/arabic.txt"),
        Language::Danish => include_str!("../data/stopwords/danish.txt"),
        Language::Dutch => include_str!("../data/stopwords/dutch.txt"),
        Language::English => include_str!("../data/stopwords/english.txt"),
        Language::Finnish => include_str!("../data/stopwords/finnish.txt"),
        Language::French => include_str!("../data/stopwords/french.txt"),
        Language::German => include_str!("../data/stopwords/german.txt"),
        Language::Greek => include_str!("../data/stopwords/greek.txt"),
        Language::Hungarian => include_str!("../data/stopwords/hungarian.txt"),
        Language::Italian => include_str!("../data/stopwords/italian.txt"),
        Language::Norwegian => include_str!("../data/stopwords/norwegian.txt"),
        Language::Portuguese => include_str!("../data/stopwords/portuguese.txt"),
        Language::Romanian => include_str!("../data/stopwords/romanian.txt"),
        Language::Russian => include_str!("../data/stopwords/russian.txt"),
        Language::Spanish => include_str!("../data/stopwords/spanish.txt"),
        Language::Swedish => include_str!("../data/stopwords/swedish.txt"),
        Language::Tamil => include_str!("../data/stopwords/tamil.txt"),
        Language::Turkish => include_str!("../data/stopwords/turkish.txt"),
    }
}

fn extras(lang: Language) -> &'static [&'static str] {
    match lang {
        Language::English => &[
            "also", "may", "might", "must", "said", "says", "would", "could", "shall", "us", "one", "upon", "within",
            "without", "per", "via", "among", "amid", "whose", "yet", "however", "though", "although", "since",
            "unless", "whether", "onto", "toward", "towards",
        ],
        Language::French => {
            &["l'", "d'", "j'", "qu'", "n'", "s'", "c'", "m'", "t'", "jusqu'", "lorsqu'", "puisqu'", "quoiqu'"]
        }
        Language::Italian => {
            &["l'", "un'", "dell'", "all'", "dall'", "nell'", "sull'", "d'", "c'", "quest'", "quell'", "coll'", "po'"]
        }
        _ => &[],
    }
}

fn set(lang: Language) -> &'static FxSet<&'static str> {
    static SETS: [OnceLock<FxSet<&'static str>>; 18] = [const { OnceLock::new() }; 18];
    SETS[lang as usize].get_or_init(|| {
        source(lang).lines().map(str::trim).filter(|w| !w.is_empty()).chain(extras(lang).iter().copied()).collect()
    })
}

/// True when `norm` (already case-folded, apostrophes as `'`) is a stopword
/// of `lang`.
///
/// ```
/// use brief_tokenize::{is_stopword, Language};
/// assert!(is_stopword(Language::English, "the"));
/// assert!(is_stopword(Language::English, "don't"));
/// assert!(is_stopword(Language::German, "und"));
/// assert!(is_stopword(Language::Russian, "и"));
/// assert!(!is_stopword(Language::English, "taliban"));
/// ```
pub fn is_stopword(lang: Language, norm: &str) -> bool {
    set(lang).contains(norm)
}

/// Every stopword of `lang`, sorted.
///
/// ```
/// use brief_tokenize::{stopwords, Language};
/// for lang in Language::ALL {
///     assert!(stopwords(lang).len() >= 50, "{lang}");
/// }
/// ```
pub fn stopwords(lang: Language) -> Vec<&'static str> {
    let mut words: Vec<&'static str> = set(lang).iter().copied().collect();
    words.sort_unstable();
    words
}
