//! # brief-tokenize
//!
//! The text model every brief stage shares: byte [`Span`]s into the original
//! text, [`paragraphs`], sentences ([`SentenceSplitter`]) and word tokens
//! ([`Tokenizer`], [`Token`]) with a case-folded normal form, a Snowball stem
//! (rust-stemmers) for the text's [`Language`] and a stopword flag.
//!
//! Invariants: every span indexes the text the function was given and falls
//! on char boundaries; analysis is total (any `&str` gives an answer).
//!
//! ```
//! use brief_tokenize::{paragraphs, Language, SentenceSplitter, Tokenizer};
//! let text = "Kabul fell.\nMr. Biden spoke. Troops left.";
//! assert_eq!(paragraphs(text).len(), 2);
//! let sentences = SentenceSplitter::new(Some(Language::English)).split(text);
//! assert_eq!(sentences.len(), 3);
//! assert_eq!(&text[sentences[1]], "Mr. Biden spoke.");
//! let tokens = Tokenizer::new(Some(Language::English)).tokens(&text[sentences[2]]);
//! assert_eq!(tokens[0].stem, "troop");
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

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
pub use stopwords::is_stopword;
pub use token::{normalize, Token, Tokenizer};

/// Errors of this crate (configuration only: analysis never fails).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A language code that brief has no stemmer/stopwords for.
    #[error("unknown language code {0:?}")]
    UnknownLanguage(String),
}
