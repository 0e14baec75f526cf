//! Word tokens with byte offsets, normal form, stem and stopword flag.

use std::borrow::Cow;

use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation;

use crate::language::Language;
use crate::span::Span;
use crate::stopwords::is_stopword;

/// One word-like token. `span` always indexes the text given to the
/// tokenizer; `norm` and `stem` live beside it and never move it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Token<'t> {
    /// The token's bytes in the original text.
    #[serde(flatten)]
    pub span: Span,
    /// The original slice, `&text[span]`.
    pub text: &'t str,
    /// Case-folded form with typographic apostrophes normalised.
    pub norm: Cow<'t, str>,
    /// Snowball stem of `norm` for the tokenizer's language (equal to `norm`
    /// when no stemmer exists for it).
    pub stem: Cow<'t, str>,
    /// True when `norm` is a stopword of the tokenizer's language.
    pub stop: bool,
}

/// Splits text into word tokens (UAX #29 word boundaries) and annotates them.
///
/// ```
/// use brief_tokenize::{Language, Tokenizer};
/// let text = "The Taliban's fighters";
/// let tokens = Tokenizer::new(Some(Language::English)).tokens(text);
/// let norms: Vec<&str> = tokens.iter().map(|t| t.norm.as_ref()).collect();
/// assert_eq!(norms, ["the", "taliban's", "fighters"]);
/// assert!(tokens[0].stop);
/// assert_eq!(tokens[2].stem, "fighter");
/// assert_eq!(&text[tokens[1].span], "Taliban's");
/// ```
pub struct Tokenizer {
    lang: Option<Language>,
    stemmer: Option<rust_stemmers::Stemmer>,
}

impl std::fmt::Debug for Tokenizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tokenizer").field("lang", &self.lang).finish()
    }
}

impl Clone for Tokenizer {
    fn clone(&self) -> Tokenizer {
        Tokenizer::new(self.lang)
    }
}

impl Tokenizer {
    /// A tokenizer for `lang` (`None`: no stems, no stopwords).
    pub fn new(lang: Option<Language>) -> Tokenizer {
        Tokenizer { lang, stemmer: lang.map(|l| rust_stemmers::Stemmer::create(l.algorithm())) }
    }

    /// The language this tokenizer stems for.
    pub fn language(&self) -> Option<Language> {
        self.lang
    }

    /// All word-like tokens of `text`, in order.
    pub fn tokens<'t>(&self, text: &'t str) -> Vec<Token<'t>> {
        let mut out = Vec::new();
        for (start, word) in text.split_word_bound_indices() {
            if !word.chars().any(char::is_alphanumeric) {
                continue;
            }
            let norm = normalize(word);
            let stop = self.lang.is_some_and(|l| is_stopword(l, &norm));
            let stem: Cow<'t, str> = match &self.stemmer {
                Some(s) => Cow::Owned(s.stem(&norm).into_owned()),
                None => norm.clone(),
            };
            out.push(Token { span: Span::new(start, start + word.len()), text: word, norm, stem, stop });
        }
        out
    }
}

/// Case-folds `word` and maps typographic apostrophes to `'`. Borrows when
/// nothing changes.
///
/// ```
/// use brief_tokenize::normalize;
/// assert_eq!(normalize("Afghanistan’s"), "afghanistan's");
/// assert!(matches!(normalize("plain"), std::borrow::Cow::Borrowed(_)));
/// ```
pub fn normalize(word: &str) -> Cow<'_, str> {
    let needs = word.chars().any(|c| c.is_uppercase() || matches!(c, '’' | '‘' | 'ʼ'));
    if !needs {
        return Cow::Borrowed(word);
    }
    let mut s = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            '’' | '‘' | 'ʼ' => s.push('\''),
            c => s.extend(c.to_lowercase()),
        }
    }
    Cow::Owned(s)
}
