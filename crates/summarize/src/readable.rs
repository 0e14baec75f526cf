//! Sentence-level readability rules: which sentences can stand alone in a
//! summary, which need the sentence before them, and datelines to strip.
//!
//! The rules are about the phenomenon, not about any text: a sentence that
//! opens with a pronoun or connective refers back; an opening or unbalanced
//! quote is speech cut from its speaker; a line without final punctuation is
//! a heading, caption or credit; "KABUL:" / "WASHINGTON (Reuters) -" before
//! the first word is a dateline.

use brief_tokenize::{Language, Span};

/// How a sentence may be used in a summary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Use {
    /// Reads on its own.
    Standalone,
    /// Opens with a pronoun or connective: only right after the sentence
    /// before it in its document.
    NeedsAntecedent,
    /// Never: heading, caption, question, cut or opening quote, too short.
    Never,
}

/// Classifies the (dateline-stripped) sentence `s`.
pub(crate) fn classify(s: &str, lang: Option<Language>) -> Use {
    let t = s.trim();
    if t.is_empty() || !ends_like_sentence(t) || t.ends_with('?') || t.ends_with(":") {
        return Use::Never;
    }
    if t.starts_with(['"', '“', '„', '«', '\'', '‘', '(', '[', '-', '–', '—', '•', '*']) {
        return Use::Never;
    }
    if !quotes_balanced(t) {
        return Use::Never;
    }
    if refers_back(t, lang) {
        return Use::NeedsAntecedent;
    }
    Use::Standalone
}

/// A sentence ends with terminal punctuation, possibly followed by closing
/// quotes or brackets.
fn ends_like_sentence(t: &str) -> bool {
    let end = t.trim_end_matches(['"', '”', '’', '\'', '»', ')', ']']);
    end.ends_with(['.', '!', '?', '…', '。', '！', '？', '।', '؟'])
}

fn quotes_balanced(t: &str) -> bool {
    // One pass over the bytes: '"' is ASCII, and the curly and angle quotes
    // are only looked for when the sentence has non-ASCII bytes at all.
    let straight = t.bytes().filter(|&b| b == b'"').count();
    if straight % 2 != 0 {
        return false;
    }
    if t.is_ascii() {
        return true;
    }
    let (mut curly, mut angle) = (0isize, 0isize);
    for c in t.chars() {
        match c {
            '“' => curly += 1,
            '”' => curly -= 1,
            '«' => angle += 1,
            '»' => angle -= 1,
            _ => {}
        }
    }
    curly == 0 && angle == 0
}

/// Opening words (case-folded) that refer to something said before.
fn openers(lang: Option<Language>) -> &'static [&'static str] {
    match lang {
        Some(Language::English) | None => &[
            "he",
            "she",
            "it",
            "they",
            "them",
            "his",
            "her",
            "its",
            "their",
            "this",
            "these",
            "those",
            "that",
            "such",
            "but",
            "and",
            "or",
            "also",
            "however",
            "meanwhile",
            "still",
            "yet",
            "so",
            "then",
            "thus",
            "therefore",
            "moreover",
            "furthermore",
            "besides",
            "instead",
            "nevertheless",
            "nonetheless",
            "otherwise",
            "later",
            "there",
            // First and second person outside quotes: speech that lost its speaker.
            "we",
            "our",
            "i",
            "my",
            "you",
            "your",
        ],
        Some(Language::French) => &[
            "il",
            "elle",
            "ils",
            "elles",
            "ce",
            "cette",
            "ces",
            "cela",
            "ça",
            "mais",
            "et",
            "ou",
            "cependant",
            "pourtant",
            "toutefois",
            "ainsi",
            "donc",
            "puis",
            "ensuite",
            "aussi",
        ],
        Some(Language::German) => &[
            "er",
            "sie",
            "es",
            "dies",
            "diese",
            "dieser",
            "dieses",
            "das",
            "aber",
            "und",
            "oder",
            "jedoch",
            "dennoch",
            "trotzdem",
            "deshalb",
            "daher",
            "dann",
            "auch",
            "außerdem",
        ],
        Some(Language::Spanish) => &[
            "él", "ella", "ellos", "ellas", "este", "esta", "estos", "estas", "eso", "pero", "y", "o", "sin", "además",
            "entonces", "también", "luego",
        ],
        Some(Language::Italian) => &[
            "lui", "lei", "loro", "questo", "questa", "questi", "ma", "e", "o", "però", "tuttavia", "inoltre", "poi",
            "anche",
        ],
        Some(Language::Portuguese) => &[
            "ele", "ela", "eles", "elas", "este", "esta", "isso", "mas", "e", "ou", "porém", "contudo", "também",
            "depois",
        ],
        Some(Language::Dutch) => {
            &["hij", "zij", "ze", "het", "dit", "deze", "maar", "en", "of", "echter", "ook", "dan"]
        }
        _ => &[],
    }
}

/// English definite descriptions of an earlier event ("The claim was
/// backed up…"): they point at a sentence the reader has not seen.
const EVENT_NOUNS_EN: &[&str] = &[
    "claim",
    "move",
    "decision",
    "announcement",
    "statement",
    "remarks",
    "comments",
    "attack",
    "incident",
    "report",
    "deal",
    "news",
];

fn refers_back(t: &str, lang: Option<Language>) -> bool {
    let mut words = t.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).take(3);
    let Some(first) = words.next() else { return false };
    let first = Folded::new(first);
    let second = Folded::new(words.next().unwrap_or_default());
    let list = openers(lang);
    if list.iter().any(|w| first.is(w)) {
        return true;
    }
    // "Hours later, …", "Days earlier, …": relative time with no anchor.
    if ["later", "earlier", "afterwards"].iter().any(|w| second.is(w)) && !first.is("the") {
        return true;
    }
    matches!(lang, Some(Language::English) | None) && first.is("the") && EVENT_NOUNS_EN.iter().any(|w| second.is(w))
}

/// A word compared case-insensitively (as its `to_lowercase`) with
/// lower-case words, without allocating when it is ASCII.
enum Folded<'a> {
    Ascii(&'a str),
    Other(String),
}

impl Folded<'_> {
    fn new(w: &str) -> Folded<'_> {
        if w.is_ascii() {
            Folded::Ascii(w)
        } else {
            Folded::Other(w.to_lowercase())
        }
    }

    /// Is the word, lower-cased, `lower` (a lower-case word)?
    fn is(&self, lower: &str) -> bool {
        match self {
            Folded::Ascii(w) => w.eq_ignore_ascii_case(lower),
            Folded::Other(w) => w == lower,
        }
    }
}

/// Strips a leading dateline ("KABUL:", "Kabul:", "WASHINGTON (Reuters) -",
/// "KABUL, Afghanistan —") from `span` of `text`, returning the span of the
/// sentence proper. Leaves the span alone when no dateline is found.
///
/// Datelines open articles: a mixed-case head ("Kabul:") is only taken for
/// a dateline when `leading` (one of the first sentences of its document),
/// an upper-case one ("KABUL:") anywhere.
pub(crate) fn strip_dateline(text: &str, span: Span, leading: bool) -> Span {
    let Some(s) = span.get(text) else { return span };
    // A dateline is short: look at the first 60 bytes only.
    let head_end = s.char_indices().map(|(i, _)| i).find(|&i| i >= 60).unwrap_or(s.len());
    let head = &s[..head_end];
    let mut cut = None;
    for (i, c) in head.char_indices() {
        let sep_len = match c {
            ':' => 1,
            '—' | '–' => c.len_utf8(),
            '-' if s[i..].starts_with("--") => 2,
            '-' if i > 0 && s[..i].ends_with(' ') => 1,
            _ => continue,
        };
        let before = s[..i].trim_end();
        let after_sep = &s[i + sep_len..];
        let after = after_sep.trim_start();
        if before.is_empty() || after.len() == after_sep.len() {
            // "Price:Dh" or "U.S.-led": a separator not followed by a space.
            return span;
        }
        let place = before.split('(').next().unwrap_or(before);
        let shouting =
            place.chars().filter(|c| c.is_alphabetic()).take(2).count() == 2 && !place.chars().any(char::is_lowercase);
        let head_ok = is_dateline_head(before) && (leading || shouting);
        if head_ok && after.chars().next().is_some_and(|c| c.is_uppercase() || c.is_numeric()) {
            cut = Some(s.len() - after.len());
        }
        break;
    }
    match cut {
        Some(off) if s[off..].split_whitespace().count() >= 4 => Span::new(span.start + off, span.end),
        _ => span,
    }
}

/// One to four capitalised place words, optionally ", Country" and an agency
/// in parentheses: "KABUL", "New Delhi", "KABUL, Afghanistan (AP)".
fn is_dateline_head(before: &str) -> bool {
    let mut words = 0;
    for w in before.split([' ', ',']).filter(|w| !w.is_empty()) {
        let w = w.trim_matches(['(', ')']);
        if w.is_empty() {
            continue;
        }
        words += 1;
        let first = w.chars().next().unwrap_or(' ');
        if !first.is_uppercase() || !w.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '-' | '’')) {
            return false;
        }
    }
    (1..=4).contains(&words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines() {
        for (input, want) in [
            (
                "KABUL: The Taliban seized more major cities on Friday.",
                "The Taliban seized more major cities on Friday.",
            ),
            (
                "Kabul: The Taliban have captured the second biggest city.",
                "The Taliban have captured the second biggest city.",
            ),
            ("WASHINGTON (Reuters) - The Pentagon will send 3,000 troops.", "The Pentagon will send 3,000 troops."),
            (
                "KABUL, Afghanistan — Taliban fighters entered the city today.",
                "Taliban fighters entered the city today.",
            ),
            ("NEW DELHI -- Officials said the talks failed again.", "Officials said the talks failed again."),
            ("The Taliban said: We will win the war soon.", "The Taliban said: We will win the war soon."),
            ("Price: Dh136,814 for the base model and more.", "Price: Dh136,814 for the base model and more."),
            ("US-led forces withdrew from the country in May.", "US-led forces withdrew from the country in May."),
            ("Kabul: Fell.", "Kabul: Fell."),
            ("", ""),
        ] {
            let leading = !input.starts_with("Price");
            let span = strip_dateline(input, Span::new(0, input.len()), leading);
            assert_eq!(&input[span], want, "{input:?}");
        }
    }

    #[test]
    fn uses() {
        let en = Some(Language::English);
        for (input, want) in [
            ("The Taliban captured Kandahar on Friday after heavy fighting.", Use::Standalone),
            ("He said three national army bases remain under government control.", Use::NeedsAntecedent),
            ("But the speed of the offensive has surprised many officials.", Use::NeedsAntecedent),
            ("Hours later, the Taliban said they had taken control of the city.", Use::NeedsAntecedent),
            ("We will not abandon the people of this country to the insurgents.", Use::NeedsAntecedent),
            ("The claim was backed up by officials and residents in the city.", Use::NeedsAntecedent),
            ("“It's best to reduce our footprint,” an official at the embassy said.", Use::Never),
            ("Officials said the city was “completely conquered by the fighters.", Use::Never),
            ("Taliban near gates of Kabul as embassies prepare for evacuations", Use::Never),
            ("Afghan military vehicles in Kandahar (Sidiqullah Khan/AP)", Use::Never),
            ("Will the government in Kabul survive the next thirty days?", Use::Never),
        ] {
            assert_eq!(classify(input, en), want, "{input:?}");
        }
    }
}
