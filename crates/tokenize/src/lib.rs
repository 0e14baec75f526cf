//! # brief-tokenize
//!
//! The text model every brief stage shares: byte [`Span`]s into the original
//! text, [`paragraphs`], sentences ([`SentenceSplitter`]) and word tokens
//! ([`Tokenizer`], [`Token`]) with a case-folded normal form, a Snowball stem
//! (rust-stemmers) for the text's [`Language`] and a stopword flag
//! ([`is_stopword`], embedded lists for all 18 Snowball languages).
//!
//! ## Types
//! - [`Span`]: a `Copy` half-open byte range that indexes `str` directly;
//!   [`trim_span`] trims one.
//! - [`Language`]: the 18 languages with a Snowball stemmer; ISO 639-3
//!   [`code`](Language::code)s.
//! - [`paragraphs`]: line-based paragraphs (blank-line and one-per-line
//!   layouts, CRLF, bullets, headings, hard-wrapped text).
//! - [`SentenceSplitter`]: rule-based, language-aware sentence spans
//!   (abbreviations for English, German, French, Spanish, Italian,
//!   Portuguese, Dutch, Russian and shorter lists for the others; initials,
//!   acronyms, dates, numbers, lists, ellipses, quotes, brackets, URLs,
//!   e-mails, emoticons, CJK/Devanagari/Arabic terminals).
//! - [`Tokenizer`]: word tokens ([`Token`], [`TokenKind`]) with `norm`,
//!   `stem` and `stop`; [`normalize`] is the case folding on its own.
//!
//! ## Fast paths
//! [`Tokenizer::tokens`] is convenient but builds a `Vec` of `Cow`s. Code
//! that only needs each token's norm, stem and stopword flag once (scoring,
//! indexing) should use [`Tokenizer::for_each_token`] with a [`StemCache`]
//! kept per thread: it allocates nothing per token, hands out a
//! [`TokenRef`] with `&str` fields, and stems each distinct word once.
//! [`Tokenizer::for_each_span`] gives boundaries only, and
//! [`SentenceSplitter::split_into`] reuses an output vector.
//!
//! Invariants: every span indexes the text the function was given and falls
//! on char boundaries; sentences never overlap and cover every
//! non-white-space byte; tokens never cross a sentence boundary when
//! tokenizing sentence by sentence; analysis is total (any `&str` gives an
//! answer, never a panic) and deterministic.
//!
//! ```
//! use brief_tokenize::{paragraphs, Language, SentenceSplitter, StemCache, Tokenizer};
//! let text = "Kabul fell.\nMr. Biden spoke. Troops left.";
//! assert_eq!(paragraphs(text).len(), 2);
//! let sentences = SentenceSplitter::new(Some(Language::English)).split(text);
//! assert_eq!(sentences.len(), 3);
//! assert_eq!(&text[sentences[1]], "Mr. Biden spoke.");
//! let tokenizer = Tokenizer::new(Some(Language::English));
//! let tokens = tokenizer.tokens(&text[sentences[2]]);
//! assert_eq!(tokens[0].stem, "troop");
//!
//! // Allocation-free: count the content stems of the whole text.
//! let mut cache = StemCache::new();
//! let mut content = Vec::new();
//! tokenizer.for_each_token(text, &mut cache, |t| {
//!     if !t.stop {
//!         content.push(t.stem.to_owned());
//!     }
//! });
//! assert_eq!(content, ["kabul", "fell", "mr.", "biden", "spoke", "troop", "left"]);
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod abbrev;
mod chars;
mod language;
mod paragraph;
mod sentence;
mod span;
mod stopwords;
mod token;

pub use language::Language;
pub use paragraph::paragraphs;
pub use sentence::SentenceSplitter;
pub use span::{trim_span, Span};
pub use stopwords::{is_stopword, stopwords};
pub use token::{normalize, StemCache, Token, TokenKind, TokenRef, Tokenizer};

/// Errors of this crate (configuration only: analysis never fails).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A language code that brief has no stemmer/stopwords for.
    #[error("unknown language code {0:?}")]
    UnknownLanguage(String),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_types_are_send_sync() {
        fn check<T: Send + Sync>() {}
        check::<Span>();
        check::<Language>();
        check::<SentenceSplitter>();
        check::<Tokenizer>();
        check::<Token<'static>>();
        check::<TokenRef<'static>>();
        check::<StemCache>();
        check::<TokenKind>();
    }
}
