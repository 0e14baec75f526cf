//! # brief-cli
//!
//! The `brief` command: reads inputs ([`ingest`]), runs the stages
//! ([`pipeline`]) with rayon across documents and clusters, and prints
//! ([`output`]) text, markdown, JSON, JSON Lines or HTML. The binary's `main`
//! only calls [`run`].
//!
//! ```
//! use brief_cli::ingest::text_document;
//! use brief_cli::pipeline::{summarize, Engine};
//! use brief_summarize::Summarizer;
//! let doc = text_document("a", "The Taliban captured the city of Kandahar on Friday after weeks of heavy fighting.".into());
//! let s = summarize(&Engine::default(), &Summarizer::new(), "c", vec![doc]);
//! assert_eq!(s.sentences.len(), 1);
//! assert_eq!(s.sentences[0].sources, ["a"]);
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod app;
pub mod eval;
pub mod ingest;
pub mod output;
pub mod pipeline;

pub use app::{run, Cli};
