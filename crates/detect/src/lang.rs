//! Language identification per document and per paragraph, on whatlang.

use brief_tokenize::{Language, Span};
use serde::Serialize;

/// The language decision for one piece of text.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Detection {
    /// ISO 639-3 code (`"eng"`), or `"und"` when nothing could be decided.
    pub lang: &'static str,
    /// Writing system (`"Latin"`, `"Cyrillic"`, …), or `"Unknown"`.
    pub script: &'static str,
    /// 0.0 ..= 1.0.
    pub confidence: f64,
    /// True when the decision can be trusted (long enough, confident).
    pub reliable: bool,
}

impl Detection {
    /// The "could not decide" answer.
    pub const UNKNOWN: Detection = Detection { lang: "und", script: "Unknown", confidence: 0.0, reliable: false };

    /// The language as a [`Language`] when brief has stemmers for it.
    pub fn language(&self) -> Option<Language> {
        Language::from_code(self.lang)
    }
}

/// The language of one paragraph of a document.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct ParagraphLanguage {
    /// The paragraph's bytes in the document.
    #[serde(flatten)]
    pub span: Span,
    /// The decision (inherited from the document unless the paragraph's own
    /// evidence was strong).
    #[serde(flatten)]
    pub detection: Detection,
}

/// Document language plus one decision per paragraph.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DocumentLanguage {
    /// The whole document's language.
    #[serde(flatten)]
    pub document: Detection,
    /// One entry per paragraph given, in order.
    pub paragraphs: Vec<ParagraphLanguage>,
}

/// Detects languages. Cheap to clone, `Send + Sync`.
///
/// ```
/// use brief_detect::LanguageDetector;
/// let d = LanguageDetector::new();
/// let det = d.detect("The Taliban have captured the second biggest city of Afghanistan.");
/// assert_eq!(det.lang, "eng");
/// assert!(det.reliable);
/// ```
#[derive(Clone, Debug)]
pub struct LanguageDetector {
    detector: whatlang::Detector,
    min_chars: usize,
    threshold: f64,
}

impl Default for LanguageDetector {
    fn default() -> Self {
        LanguageDetector::new()
    }
}

/// Configures a [`LanguageDetector`].
#[derive(Clone, Debug)]
pub struct LanguageDetectorBuilder {
    allow: Option<Vec<whatlang::Lang>>,
    min_chars: usize,
    threshold: f64,
}

impl LanguageDetectorBuilder {
    /// Restrict decisions to these ISO 639-3 codes.
    pub fn allow(&mut self, codes: &[&str]) -> &mut Self {
        let mut langs = Vec::new();
        for c in codes {
            if let Some(l) = whatlang::Lang::from_code(*c) {
                langs.push(l);
            } else {
                langs.push(whatlang::Lang::Eng);
                self.min_chars = usize::MAX; // marks an invalid code; caught in build
            }
        }
        self.allow = Some(langs);
        self
    }

    /// Text shorter than this (in letters) is never marked reliable.
    pub fn min_chars(&mut self, n: usize) -> &mut Self {
        self.min_chars = n;
        self
    }

    /// Confidence needed to call a decision reliable.
    pub fn threshold(&mut self, t: f64) -> &mut Self {
        self.threshold = t;
        self
    }

    /// Validates and builds.
    pub fn build(&self) -> Result<LanguageDetector, crate::Error> {
        if self.min_chars == usize::MAX {
            return Err(crate::Error::Config("unknown language code in allow-list".into()));
        }
        if !(0.0..=1.0).contains(&self.threshold) {
            return Err(crate::Error::Config(format!("threshold {} is outside 0..=1", self.threshold)));
        }
        let detector = match &self.allow {
            Some(list) if !list.is_empty() => whatlang::Detector::with_allowlist(list.clone()),
            Some(_) => return Err(crate::Error::Config("empty allow-list".into())),
            None => whatlang::Detector::new(),
        };
        Ok(LanguageDetector { detector, min_chars: self.min_chars, threshold: self.threshold })
    }
}

impl LanguageDetector {
    /// A detector with the default settings.
    pub fn new() -> LanguageDetector {
        LanguageDetector { detector: whatlang::Detector::new(), min_chars: 40, threshold: 0.9 }
    }

    /// A builder starting from the defaults.
    pub fn builder() -> LanguageDetectorBuilder {
        LanguageDetectorBuilder { allow: None, min_chars: 40, threshold: 0.9 }
    }

    /// The language of `text`.
    pub fn detect(&self, text: &str) -> Detection {
        match self.detector.detect(text) {
            Some(info) => {
                let letters = text.chars().filter(|c| c.is_alphabetic()).count();
                Detection {
                    lang: info.lang().code(),
                    script: script_name(info.script()),
                    confidence: info.confidence(),
                    reliable: info.confidence() >= self.threshold && letters >= self.min_chars,
                }
            }
            None => Detection::UNKNOWN,
        }
    }

    /// The document's language, then each paragraph's: a paragraph keeps its
    /// own language only on strong evidence, otherwise it inherits.
    pub fn detect_document(&self, text: &str, paragraphs: &[Span]) -> DocumentLanguage {
        let document = self.detect(text);
        let paragraphs = paragraphs
            .iter()
            .map(|&span| {
                let p = &text[span];
                let letters = p.chars().filter(|c| c.is_alphabetic()).count();
                let mut detection = document;
                if letters >= 80 && letters * 10 >= p.chars().count() * 7 {
                    let own = self.detect(p);
                    if own.reliable && own.lang != document.lang {
                        detection = own;
                    }
                }
                ParagraphLanguage { span, detection }
            })
            .collect();
        DocumentLanguage { document, paragraphs }
    }
}

fn script_name(script: whatlang::Script) -> &'static str {
    // `Script::name` borrows from its receiver; the entries of `all()` are 'static.
    whatlang::Script::all().iter().find(|s| **s == script).map_or("Unknown", |s| s.name())
}
