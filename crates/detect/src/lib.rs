//! # brief-detect
//!
//! Language identification ([`LanguageDetector`], on whatlang) per document
//! and per paragraph; boilerplate classification of text blocks
//! ([`BoilerplateClassifier`]) with a [`Reason`] for every removal; and
//! HTML → text blocks ([`html_to_document`]).
//!
//! ```
//! use brief_detect::{Block, BoilerplateClassifier, LanguageDetector};
//! use brief_tokenize::paragraphs;
//! let text = "Kabul fell to the Taliban on Sunday after a rapid offensive across the country.\nView gallery as list";
//! let paras = paragraphs(text);
//! let lang = LanguageDetector::new().detect_document(text, &paras);
//! assert_eq!(lang.document.lang, "eng");
//! let blocks: Vec<Block> = paras.into_iter().map(Block::paragraph).collect();
//! let verdicts = BoilerplateClassifier::new().classify(text, &blocks, lang.document.language());
//! assert!(verdicts[0].is_content() && !verdicts[1].is_content());
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod boilerplate;
mod html;
mod lang;
mod lang_profile;
mod text;

pub use boilerplate::{
    Block, BlockKind, BoilerplateClassifier, BoilerplateClassifierBuilder, ClusterDoc, Label, Reason, Verdict,
};
pub use html::{html_to_document, HtmlDocument};
pub use lang::{Detection, DocumentLanguage, LanguageDetector, LanguageDetectorBuilder, ParagraphLanguage};
pub use lang::{DEFAULT_LANGUAGES, DEFAULT_SAMPLE_BYTES};
pub use text::{parse_date_header, text_to_document, TextDocument};

/// Errors of this crate (configuration only: analysis never fails).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A builder was given an invalid setting.
    #[error("invalid detector configuration: {0}")]
    Config(String),
}
