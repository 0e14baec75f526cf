//! Embedded stopword lists.

use crate::language::Language;

const ENGLISH: &[&str] = &[
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
    "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did",
    "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have",
    "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into",
    "is", "it", "its", "itself", "just", "may", "me", "might", "more", "most", "must", "my", "myself", "no",
    "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out",
    "over", "own", "said", "same", "says", "she", "should", "so", "some", "such", "than", "that", "the",
    "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those", "through",
    "to", "too", "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which",
    "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "yourself",
];

/// True when `norm` (already case-folded) is a stopword of `lang`.
///
/// ```
/// use brief_tokenize::{is_stopword, Language};
/// assert!(is_stopword(Language::English, "the"));
/// assert!(!is_stopword(Language::English, "taliban"));
/// ```
pub fn is_stopword(lang: Language, norm: &str) -> bool {
    match lang {
        Language::English => ENGLISH.binary_search(&norm).is_ok(),
        _ => false,
    }
}
