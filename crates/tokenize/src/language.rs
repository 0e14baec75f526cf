//! The languages brief has stemmers, stopwords and abbreviation lists for.

use serde::{Deserialize, Serialize};

/// A language with a Snowball stemmer (rust-stemmers) and embedded stopwords.
///
/// Languages without a stemmer are still analysed (tokens, sentences), just
/// without stems or stopwords: pass `None` where a `Option<Language>` is asked.
///
/// ```
/// use brief_tokenize::Language;
/// assert_eq!(Language::from_code("deu"), Some(Language::German));
/// assert_eq!(Language::German.code(), "deu");
/// assert_eq!(Language::from_code("xyz"), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[allow(missing_docs)]
pub enum Language {
    Arabic,
    Danish,
    Dutch,
    English,
    Finnish,
    French,
    German,
    Greek,
    Hungarian,
    Italian,
    Norwegian,
    Portuguese,
    Romanian,
    Russian,
    Spanish,
    Swedish,
    Tamil,
    Turkish,
}

impl Language {
    /// Every supported language.
    pub const ALL: [Language; 18] = [
        Language::Arabic,
        Language::Danish,
        Language::Dutch,
        Language::English,
        Language::Finnish,
        Language::French,
        Language::German,
        Language::Greek,
        Language::Hungarian,
        Language::Italian,
        Language::Norwegian,
        Language::Portuguese,
        Language::Romanian,
        Language::Russian,
        Language::Spanish,
        Language::Swedish,
        Language::Tamil,
        Language::Turkish,
    ];

    /// ISO 639-3 code (`"eng"`, `"deu"`, …), the code brief prints everywhere.
    pub const fn code(self) -> &'static str {
        match self {
            Language::Arabic => "ara",
            Language::Danish => "dan",
            Language::Dutch => "nld",
            Language::English => "eng",
            Language::Finnish => "fin",
            Language::French => "fra",
            Language::German => "deu",
            Language::Greek => "ell",
            Language::Hungarian => "hun",
            Language::Italian => "ita",
            Language::Norwegian => "nob",
            Language::Portuguese => "por",
            Language::Romanian => "ron",
            Language::Russian => "rus",
            Language::Spanish => "spa",
            Language::Swedish => "swe",
            Language::Tamil => "tam",
            Language::Turkish => "tur",
        }
    }

    /// English name of the language.
    pub const fn name(self) -> &'static str {
        match self {
            Language::Arabic => "Arabic",
            Language::Danish => "Danish",
            Language::Dutch => "Dutch",
            Language::English => "English",
            Language::Finnish => "Finnish",
            Language::French => "French",
            Language::German => "German",
            Language::Greek => "Greek",
            Language::Hungarian => "Hungarian",
            Language::Italian => "Italian",
            Language::Norwegian => "Norwegian",
            Language::Portuguese => "Portuguese",
            Language::Romanian => "Romanian",
            Language::Russian => "Russian",
            Language::Spanish => "Spanish",
            Language::Swedish => "Swedish",
            Language::Tamil => "Tamil",
            Language::Turkish => "Turkish",
        }
    }

    /// Parses an ISO 639-3 code (also accepts ISO 639-1 two-letter codes and
    /// `nor`/`nno` for Norwegian). Case-insensitive.
    pub fn from_code(code: &str) -> Option<Language> {
        // lower-cased on the stack: every known code is at most 3 bytes
        let code = code.trim().as_bytes();
        let mut buf = [0u8; 3];
        let lower = buf.get_mut(..code.len())?;
        lower.copy_from_slice(code);
        lower.make_ascii_lowercase();
        Some(match &*lower {
            b"ara" | b"ar" | b"arb" => Language::Arabic,
            b"dan" | b"da" => Language::Danish,
            b"nld" | b"dut" | b"nl" => Language::Dutch,
            b"eng" | b"en" => Language::English,
            b"fin" | b"fi" => Language::Finnish,
            b"fra" | b"fre" | b"fr" => Language::French,
            b"deu" | b"ger" | b"de" => Language::German,
            b"ell" | b"gre" | b"el" => Language::Greek,
            b"hun" | b"hu" => Language::Hungarian,
            b"ita" | b"it" => Language::Italian,
            b"nob" | b"nor" | b"nno" | b"no" | b"nb" | b"nn" => Language::Norwegian,
            b"por" | b"pt" => Language::Portuguese,
            b"ron" | b"rum" | b"ro" => Language::Romanian,
            b"rus" | b"ru" => Language::Russian,
            b"spa" | b"es" => Language::Spanish,
            b"swe" | b"sv" => Language::Swedish,
            b"tam" | b"ta" => Language::Tamil,
            b"tur" | b"tr" => Language::Turkish,
            _ => return None,
        })
    }

    pub(crate) fn algorithm(self) -> rust_stemmers::Algorithm {
        use rust_stemmers::Algorithm as A;
        match self {
            Language::Arabic => A::Arabic,
            Language::Danish => A::Danish,
            Language::Dutch => A::Dutch,
            Language::English => A::English,
            Language::Finnish => A::Finnish,
            Language::French => A::French,
            Language::German => A::German,
            Language::Greek => A::Greek,
            Language::Hungarian => A::Hungarian,
            Language::Italian => A::Italian,
            Language::Norwegian => A::Norwegian,
            Language::Portuguese => A::Portuguese,
            Language::Romanian => A::Romanian,
            Language::Russian => A::Russian,
            Language::Spanish => A::Spanish,
            Language::Swedish => A::Swedish,
            Language::Tamil => A::Tamil,
            Language::Turkish => A::Turkish,
        }
    }
}

impl std::fmt::Display for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl std::str::FromStr for Language {
    type Err = crate::Error;
    fn from_str(s: &str) -> Result<Language, crate::Error> {
        Language::from_code(s).ok_or_else(|| crate::Error::UnknownLanguage(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_parse_case_insensitively() {
        let table: &[(&str, Option<Language>)] = &[
            ("eng", Some(Language::English)),
            ("EN", Some(Language::English)),
            (" Deu ", Some(Language::German)),
            ("nno", Some(Language::Norwegian)),
            ("nb", Some(Language::Norwegian)),
            ("ARB", Some(Language::Arabic)),
            ("english", None),
            ("en-GB", None),
            ("", None),
            ("x", None),
            ("é", None),
            ("ﬀ", None),
        ];
        for &(code, expected) in table {
            assert_eq!(Language::from_code(code), expected, "{code:?}");
        }
        for lang in Language::ALL {
            assert_eq!(Language::from_code(lang.code()), Some(lang));
        }
    }
}
