//! Sentence segmentation: rule-based, language-aware abbreviation handling.

use crate::language::Language;
use crate::paragraph::paragraphs;
use crate::span::{trim_span, Span};

/// Splits text into sentences. Paragraph breaks (newlines) always end a
/// sentence; inside a paragraph a sentence ends at `.`, `!`, `?` (and their
/// non-Latin forms) unless the full stop belongs to an abbreviation, an
/// initial or a number.
///
/// ```
/// use brief_tokenize::{Language, SentenceSplitter};
/// let text = "Mr. Biden spoke in the U.S. on Oct. 24. He left.";
/// let splitter = SentenceSplitter::new(Some(Language::English));
/// let got: Vec<&str> = splitter.split(text).into_iter().map(|s| &text[s]).collect();
/// assert_eq!(got, ["Mr. Biden spoke in the U.S. on Oct. 24.", "He left."]);
/// ```
#[derive(Clone, Debug)]
pub struct SentenceSplitter {
    lang: Option<Language>,
}

impl SentenceSplitter {
    /// A splitter for `lang` (`None`: language unknown, generic rules).
    pub fn new(lang: Option<Language>) -> SentenceSplitter {
        SentenceSplitter { lang }
    }

    /// The language this splitter was made for.
    pub fn language(&self) -> Option<Language> {
        self.lang
    }

    /// Sentence spans over the whole `text` (paragraph breaks split too).
    pub fn split(&self, text: &str) -> Vec<Span> {
        let mut out = Vec::new();
        for p in paragraphs(text) {
            self.split_paragraph_into(text, p, &mut out);
        }
        out
    }

    /// Sentence spans inside one paragraph `para` of `text`; spans index `text`.
    pub fn split_paragraph(&self, text: &str, para: Span) -> Vec<Span> {
        let mut out = Vec::new();
        self.split_paragraph_into(text, para, &mut out);
        out
    }

    fn split_paragraph_into(&self, text: &str, para: Span, out: &mut Vec<Span>) {
        let bytes = text.as_bytes();
        let mut start = para.start;
        let mut i = para.start;
        while i < para.end {
            let c = match text[i..para.end].chars().next() {
                Some(c) => c,
                None => break,
            };
            let clen = c.len_utf8();
            if c == '\n' {
                push(text, Span::new(start, i), out);
                start = i + 1;
                i += 1;
                continue;
            }
            let terminal = matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？' | '।' | '؟');
            if !terminal {
                i += clen;
                continue;
            }
            // Swallow runs of terminal punctuation and closing quotes/brackets.
            let mut j = i + clen;
            while j < para.end {
                let d = text[j..para.end].chars().next().unwrap_or(' ');
                if matches!(d, '.' | '!' | '?' | '…' | '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '。' | '！' | '？')
                {
                    j += d.len_utf8();
                } else {
                    break;
                }
            }
            let cjk = matches!(c, '。' | '！' | '？');
            let next_ws = j >= para.end || bytes[j].is_ascii_whitespace();
            if !(next_ws || cjk) {
                i = j;
                continue;
            }
            if c == '.' && j == i + 1 && self.is_abbreviation(text, start, i, j, para.end) {
                i = j;
                continue;
            }
            push(text, Span::new(start, j), out);
            start = j;
            i = j;
        }
        push(text, Span::new(start, para.end), out);
    }

    /// Is the full stop at `dot` part of an abbreviation, initial or number?
    fn is_abbreviation(&self, text: &str, sent_start: usize, dot: usize, after: usize, end: usize) -> bool {
        let before = &text[sent_start..dot];
        let word_start = before
            .rfind(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
            .map(|p| p + before[p..].chars().next().map_or(1, char::len_utf8))
            .unwrap_or(0);
        let word = &before[word_start..];
        if word.is_empty() {
            return false;
        }
        // The next word after the space.
        let rest = text[after..end].trim_start();
        let next = rest.chars().next();
        let next_lower = next.is_some_and(|c| c.is_lowercase());
        if next_lower || next.is_some_and(|c| c.is_ascii_digit()) && is_month(word) {
            return true;
        }
        // Single letter initial ("J." in "J. R. R. Tolkien") or dotted acronym ("U.S").
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        if letters == 1 && word.chars().all(|c| c.is_alphabetic()) && word.chars().all(char::is_uppercase) {
            return true;
        }
        if word.contains('.') && word.split('.').all(|p| p.chars().count() <= 2) {
            // "U.S" / "a.m": end of sentence only if the next word is a clear opener.
            return !next.is_some_and(|c| c.is_uppercase()) || !is_sentence_opener(rest);
        }
        is_title_abbreviation(word, self.lang)
    }
}

fn push(text: &str, span: Span, out: &mut Vec<Span>) {
    let s = trim_span(text, span);
    if !s.is_empty() {
        out.push(s);
    }
}

fn is_month(word: &str) -> bool {
    matches!(
        word,
        "Jan" | "Feb" | "Mar" | "Apr" | "Jun" | "Jul" | "Aug" | "Sep" | "Sept" | "Oct" | "Nov" | "Dec"
    )
}

fn is_sentence_opener(rest: &str) -> bool {
    let w: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
    matches!(
        w.as_str(),
        "The" | "A" | "An" | "He" | "She" | "It" | "They" | "We" | "I" | "This" | "That" | "But" | "In" | "On"
    )
}

fn is_title_abbreviation(word: &str, lang: Option<Language>) -> bool {
    const EN: &[&str] = &[
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Capt", "Sgt", "Maj", "Adm",
        "St", "Jr", "Sr", "No", "Vol", "vs", "etc", "Inc", "Ltd", "Co", "Corp", "Jan", "Feb", "Mar", "Apr",
        "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mt", "Ft", "approx", "e.g", "i.e", "fig",
    ];
    const DE: &[&str] = &["Hr", "Fr", "Nr", "bzw", "ca", "usw", "z.B", "Dr", "Prof", "Str"];
    const FR: &[&str] = &["M", "Mme", "Mlle", "Dr", "av", "env", "p"];
    if EN.contains(&word) {
        return true;
    }
    match lang {
        Some(Language::German) => DE.contains(&word),
        Some(Language::French) => FR.contains(&word),
        _ => false,
    }
}
