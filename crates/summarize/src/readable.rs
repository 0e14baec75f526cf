//! Sentence-level readability rules: which sentences can stand alone in a
//! summary, which need the sentence before them, and datelines to strip.
//!
//! The rules are about the phenomenon, not about any text: a sentence that
//! opens with a pronoun or connective refers back; an opening or unbalanced
//! quote is speech cut from its speaker; a line without final punctuation is
//! a heading, caption or credit; "KABUL:" / "WASHINGTON (Reuters) -" before
//! the first word is a dateline.

use std::sync::OnceLock;

use brief_tokenize::{Language, Span};
use rustc_hash::FxHashSet;

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
    // '"' is ASCII; the curly and angle quotes are found by their lead
    // bytes (“ ” are E2 80 9C/9D, « » are C2 AB/BB), and only looked for
    // when the sentence has non-ASCII bytes at all.
    let b = t.as_bytes();
    if memchr::memchr_iter(b'"', b).count() % 2 != 0 {
        return false;
    }
    if b.is_ascii() {
        return true;
    }
    let (mut curly, mut angle) = (0isize, 0isize);
    for i in memchr::memchr2_iter(0xe2, 0xc2, b) {
        match (b[i], b.get(i + 1), b.get(i + 2)) {
            (0xe2, Some(0x80), Some(0x9c)) => curly += 1,
            (0xe2, Some(0x80), Some(0x9d)) => curly -= 1,
            (0xc2, Some(0xab), _) => angle += 1,
            (0xc2, Some(0xbb), _) => angle -= 1,
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

/// Is `lower` (a lower-case word) one of [`openers`] of `lang`? A hash
/// lookup (the lists are made into sets once).
fn is_opener(lang: Option<Language>, lower: &str) -> bool {
    static SETS: OnceLock<Vec<FxHashSet<&'static str>>> = OnceLock::new();
    let sets = SETS.get_or_init(|| {
        let mut sets = vec![FxHashSet::default(); Language::ALL.len() + 1];
        for l in Language::ALL {
            if let Some(set) = sets.get_mut(l as usize) {
                set.extend(openers(Some(l)).iter().copied());
            }
        }
        if let Some(set) = sets.last_mut() {
            set.extend(openers(None).iter().copied());
        }
        sets
    });
    let index = lang.map_or(Language::ALL.len(), |l| l as usize);
    sets.get(index).is_some_and(|set| set.contains(lower))
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
    let (first, second) = first_two_words(t);
    let Some(first) = first else { return false };
    let first = Lower::new(first);
    let first = first.as_str();
    if is_opener(lang, first) {
        return true;
    }
    let second = second.unwrap_or_default();
    // Lower-casing keeps the length of ASCII words: one that is not
    // "the …" and has none of the lengths below needs no more looking at.
    if first != "the" && second.is_ascii() && !matches!(second.len(), 5 | 7 | 10) {
        return false;
    }
    let second = Lower::new(second);
    let second = second.as_str();
    // "Hours later, …", "Days earlier, …": relative time with no anchor.
    if ["later", "earlier", "afterwards"].contains(&second) && first != "the" {
        return true;
    }
    matches!(lang, Some(Language::English) | None) && first == "the" && EVENT_NOUNS_EN.contains(&second)
}

/// The first two words of `t`: maximal runs of alphanumeric characters.
fn first_two_words(t: &str) -> (Option<&str>, Option<&str>) {
    // ASCII fast path: bytes decide, until a non-ASCII byte shows up.
    let b = t.as_bytes();
    let mut found: [Option<&str>; 2] = [None, None];
    let mut n = 0;
    let mut i = 0;
    while i < b.len() && n < 2 {
        if !b[i].is_ascii() {
            let mut words = t.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty());
            return (words.next(), words.next());
        }
        if b[i].is_ascii_alphanumeric() {
            let start = i;
            while i < b.len() && b[i].is_ascii_alphanumeric() {
                i += 1;
            }
            if i < b.len() && !b[i].is_ascii() {
                // The word may go on with a non-ASCII letter.
                let mut words = t.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty());
                return (words.next(), words.next());
            }
            found[n] = t.get(start..i);
            n += 1;
        } else {
            i += 1;
        }
    }
    (found[0], found[1])
}

/// A word lower-cased (as `to_lowercase`), on the stack when it is short
/// ASCII, so comparing it with lower-case words is a plain comparison.
struct Lower {
    buf: [u8; 24],
    len: usize,
    heap: Option<String>,
}

impl Lower {
    fn new(w: &str) -> Lower {
        let mut buf = [0u8; 24];
        match buf.get_mut(..w.len()) {
            Some(dst) if w.is_ascii() => {
                for (d, s) in dst.iter_mut().zip(w.bytes()) {
                    *d = s.to_ascii_lowercase();
                }
                Lower { buf, len: w.len(), heap: None }
            }
            _ => Lower { buf, len: 0, heap: Some(w.to_lowercase()) },
        }
    }

    fn as_str(&self) -> &str {
        match &self.heap {
            Some(s) => s,
            None => std::str::from_utf8(&self.buf[..self.len]).unwrap_or_default(),
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
    let head_end = (60..s.len()).find(|&i| s.is_char_boundary(i)).unwrap_or(s.len());
    let head = &s[..head_end];
    // Most sentences have no separator in their head at all ('—' and '–'
    // start with the byte 0xe2).
    let hb = head.as_bytes();
    let dash = |i: usize| hb.get(i + 1) == Some(&0x80) && matches!(hb.get(i + 2), Some(0x93 | 0x94));
    if !memchr::memchr3_iter(b':', b'-', 0xe2, hb).any(|i| hb[i] != 0xe2 || dash(i)) {
        return span;
    }
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
            ("KABUL – Taliban fighters entered the city today.", "Taliban fighters entered the city today."),
            (
                "“We will win,” the Taliban said on Friday morning.",
                "“We will win,” the Taliban said on Friday morning.",
            ),
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
            ("Ils ont pris la ville.", Use::Standalone),
            ("Él dijo que la ciudad cayó.", Use::Standalone),
            ("Außerdem fiel die Stadt am Freitag.", Use::Standalone),
        ] {
            assert_eq!(classify(input, en), want, "{input:?}");
        }
        let de = Some(Language::German);
        assert_eq!(classify("Außerdem fiel die Stadt am Freitag.", de), Use::NeedsAntecedent);
        assert_eq!(classify("AUSSERDEM fiel die Stadt.", de), Use::Standalone);
        let es = Some(Language::Spanish);
        assert_eq!(classify("Él dijo que la ciudad cayó.", es), Use::NeedsAntecedent);
    }

    /// The words `first_two_words` finds are those of splitting on every
    /// non-alphanumeric character.
    fn check_words(t: &str) {
        let mut words = t.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty());
        assert_eq!(first_two_words(t), (words.next(), words.next()), "{t:?}");
    }

    #[test]
    fn two_words() {
        for t in [
            "",
            " ",
            "one",
            "One, two three",
            "  --  Hours later, the",
            "café au lait",
            "naïve idea",
            "“Quoted” words",
            "x\u{e9}y z",
            "12,000 troops",
            "ab日本 cd",
            "a b",
        ] {
            check_words(t);
        }
    }

    proptest::proptest! {
        #[test]
        fn two_words_match_split(t in "(\\PC|\\s|[a-zé ,.'’-]){0,40}") {
            check_words(&t);
        }

        #[test]
        fn quotes_match_char_counts(t in "(\\PC|[\"“”«»])*") {
            let straight = t.chars().filter(|&c| c == '"').count();
            let curly: isize = t.chars().map(|c| match c { '“' => 1, '”' => -1, _ => 0 }).sum();
            let angle: isize = t.chars().map(|c| match c { '«' => 1, '»' => -1, _ => 0 }).sum();
            proptest::prop_assert_eq!(quotes_balanced(&t), straight % 2 == 0 && curly == 0 && angle == 0);
        }
    }
}
