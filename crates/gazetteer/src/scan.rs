//! Word scanning and match keys: the one place that decides how a surface
//! form and a stretch of text are reduced to the same lookup string.
//!
//! A *word* is a maximal run of alphanumeric characters (combining marks
//! included). Between two words lies a *separator*. The exact key of a word
//! sequence is its words with diacritics folded, case kept, joined by their
//! normalised separators (white space → one space, typographic apostrophes →
//! `'`, transliteration marks dropped). The loose key also drops hyphens,
//! apostrophes and joining particles (`Qala-e-Naw` ~ `Qala i Naw`).

use crate::fold_table::FOLD;

/// One word of a scanned text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Word {
    pub start: usize,
    pub end: usize,
    /// All bytes ASCII (no folding needed).
    pub ascii: bool,
    /// First character is upper case.
    pub cap: bool,
    /// First character is a digit.
    pub digit: bool,
    /// Every letter is upper case and there are at least two.
    pub caps: bool,
}

#[inline]
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F)
}

#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    // General Punctuation (typographic quotes, dashes and spaces, frequent
    // between words) holds no letter or digit: spare the Unicode tables
    if matches!(c as u32, 0x2000..=0x206F) {
        return false;
    }
    c.is_alphanumeric() || is_mark(c)
}

/// Byte classes for the ASCII fast path of [`words`] (bit flags).
const NON: u8 = 0;
const LOWER: u8 = 1;
const UPPER: u8 = 2;
const DIGIT: u8 = 4;
const MULTI: u8 = 8;

static CLASS: [u8; 256] = {
    let mut t = [NON; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = if b >= 0x80 {
            MULTI
        } else if b.is_ascii_lowercase() {
            LOWER
        } else if b.is_ascii_uppercase() {
            UPPER
        } else if b.is_ascii_digit() {
            DIGIT
        } else {
            NON
        };
        i += 1;
    }
    t
};

/// The character at byte `i` of `s` (a space if none starts there).
#[inline]
fn char_at(s: &str, i: usize) -> char {
    s.get(i..).and_then(|r| r.chars().next()).unwrap_or(' ')
}

/// Scans `hay` into words (appended to `out`); offsets are relative to `hay`.
pub(crate) fn words(hay: &str, out: &mut Vec<Word>) {
    let b = hay.as_bytes();
    let mut i = 0;
    while let Some(&x) = b.get(i) {
        let first = CLASS[x as usize];
        if first == NON {
            i += 1;
            continue;
        }
        if first == MULTI {
            let ch = char_at(hay, i);
            if !is_word_char(ch) {
                i += ch.len_utf8();
                continue;
            }
            i = word_from(hay, i, i, out);
            continue;
        }
        // a word starts at i with a run of ASCII letters and digits (a tight
        // loop); the rare non-ASCII continuation takes the general path
        let start = i;
        let rest = b.get(i..).unwrap_or_default();
        i += rest.iter().position(|&x| CLASS[x as usize] & (LOWER | UPPER | DIGIT) == 0).unwrap_or(rest.len());
        if b.get(i).is_some_and(|&x| x >= 0x80) {
            i = word_from(hay, start, i, out);
            continue;
        }
        // all caps: no lower-case letter and at least two upper-case ones
        let caps = first != LOWER && {
            let w = b.get(start..i).unwrap_or_default();
            !w.iter().any(u8::is_ascii_lowercase) && w.iter().filter(|x| x.is_ascii_uppercase()).count() >= 2
        };
        out.push(Word { start, end: i, ascii: true, cap: first == UPPER, digit: first == DIGIT, caps });
    }
}

/// The word starting at `start` whose leading ASCII run ends at `i`
/// (`start` itself if it starts with a non-ASCII word character), pushed to
/// `out`; returns its end. Kept out of [`words`]' ASCII loop.
#[inline(never)]
fn word_from(hay: &str, start: usize, mut i: usize, out: &mut Vec<Word>) -> usize {
    let b = hay.as_bytes();
    let mut ascii = true;
    loop {
        let rest = b.get(i..).unwrap_or_default();
        i += rest.iter().position(|&x| CLASS[x as usize] & (LOWER | UPPER | DIGIT) == 0).unwrap_or(rest.len());
        let Some(&byte) = b.get(i) else { break };
        if byte < 0x80 {
            break;
        }
        let ch = char_at(hay, i);
        if !is_word_char(ch) {
            break;
        }
        ascii = false;
        i += ch.len_utf8();
    }
    let first = b.get(start).map_or(NON, |&x| CLASS[x as usize]);
    let (cap, digit) = match first {
        UPPER => (true, false),
        DIGIT => (false, true),
        LOWER => (false, false),
        _ => (char_at(hay, start).is_uppercase(), false),
    };
    // all caps: no lower-case letter and at least two upper-case ones
    let caps = first != LOWER
        && if ascii {
            let w = b.get(start..i).unwrap_or_default();
            !w.iter().any(u8::is_ascii_lowercase) && w.iter().filter(|x| x.is_ascii_uppercase()).count() >= 2
        } else {
            // (an upper-case or lower-case non-ASCII letter counts as
            // such; other characters are neither)
            let mut seen = 0u8;
            let mut upper = 0;
            for ch in hay.get(start..i).unwrap_or_default().chars() {
                if ch.is_ascii() {
                    seen |= CLASS[ch as usize];
                } else if ch.is_uppercase() {
                    seen |= UPPER;
                } else if ch.is_lowercase() {
                    seen |= LOWER;
                }
                upper += ch.is_uppercase() as usize;
            }
            seen & LOWER == 0 && seen & UPPER != 0 && upper >= 2
        };
    out.push(Word { start, end: i, ascii, cap, digit, caps });
    i
}

/// Appends `w` with diacritics folded.
pub(crate) fn push_folded(w: &str, ascii: bool, out: &mut String) {
    if ascii {
        out.push_str(w);
        return;
    }
    for c in w.chars() {
        if c.is_ascii() {
            out.push(c);
        } else if is_mark(c) {
            // combining mark of a decomposed letter: drop
        } else if let Ok(i) = FOLD.binary_search_by_key(&(c as u32), |&(k, _)| k) {
            out.push_str(FOLD[i].1);
        } else {
            out.push(c);
        }
    }
}

/// How a separator joins two words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Sep {
    /// White space (at most one line break).
    Space,
    /// A hyphen.
    Hyphen,
    /// An apostrophe.
    Apostrophe,
    /// Nothing left after dropping transliteration marks.
    Join,
    /// Something else that a name may contain (`.`, `. `, `, `, `&`): kept literally.
    Other,
    /// Cannot be inside a name.
    Break,
}

/// Classifies the separator `s` and appends its normalised form to `out`.
pub(crate) fn push_sep(s: &str, out: &mut String) -> Sep {
    match s {
        " " => {
            out.push(' ');
            return Sep::Space;
        }
        "-" => {
            out.push('-');
            return Sep::Hyphen;
        }
        "'" => {
            out.push('\'');
            return Sep::Apostrophe;
        }
        _ => {}
    }
    // frequent separators, classified as the general path below would
    match s {
        ", " | ". " => {
            out.push_str(s);
            return Sep::Other;
        }
        "\n" | "  " => {
            out.push(' ');
            return Sep::Space;
        }
        "’" => {
            out.push('\'');
            return Sep::Apostrophe;
        }
        _ => {}
    }
    if s.len() > 8 {
        return Sep::Break;
    }
    let mut norm = String::with_capacity(s.len());
    let mut space = false;
    let mut newlines = 0;
    for c in s.chars() {
        match c {
            '\n' => {
                newlines += 1;
                space = true;
            }
            c if c.is_whitespace() => space = true,
            '‘' | '`' | 'ʿ' | 'ʾ' | 'ʻ' => {}
            _ => {
                if space && !norm.is_empty() {
                    norm.push(' ');
                }
                space = false;
                norm.push(match c {
                    '’' | 'ʼ' => '\'',
                    '‐' | '‑' => '-',
                    c => c,
                });
            }
        }
    }
    if newlines > 1 {
        return Sep::Break;
    }
    if space {
        norm.push(' ');
    }
    let kind = match norm.as_str() {
        "" => Sep::Join,
        " " => Sep::Space,
        "-" => Sep::Hyphen,
        "'" => Sep::Apostrophe,
        "." | ". " | ", " | " & " | "&" | "' " | "/" => Sep::Other,
        _ if norm.starts_with(' ') => Sep::Break,
        _ if norm
            .chars()
            .any(|c| matches!(c, '(' | ')' | '[' | ']' | '"' | '“' | '”' | ';' | ':' | '|' | '!' | '?'))
            || norm.chars().count() > 2 =>
        {
            Sep::Break
        }
        _ => Sep::Other,
    };
    if kind != Sep::Break {
        out.push_str(&norm);
    }
    kind
}

/// Joining particles dropped by the loose key when inside a name.
pub(crate) fn is_particle(w: &str) -> bool {
    matches!(
        w,
        "e" | "i"
            | "y"
            | "ye"
            | "yi"
            | "ul"
            | "ol"
            | "al"
            | "el"
            | "ud"
            | "ad"
            | "as"
            | "ash"
            | "at"
            | "ur"
            | "ar"
            | "az"
            | "a"
            | "o"
            | "u"
    )
}

/// Reusable buffers for a pattern's keys (no allocation per pattern).
#[derive(Default)]
pub(crate) struct PatternKeys {
    ws: Vec<Word>,
    /// Exact key.
    pub exact: String,
    /// Loose key (empty when equal to the exact key or not applicable).
    pub loose: String,
    /// Byte length of the exact key after each word but the last.
    pub prefix_ends: Vec<usize>,
    /// Byte length of the first word in the loose key.
    pub first_len: usize,
    /// Number of words.
    pub words: usize,
    /// The surface ends with a full stop ("U.S.").
    pub dot: bool,
    /// The first word starts with a lower-case letter.
    pub lower_first: bool,
}

impl PatternKeys {
    /// Computes the keys of `surface`; false if it does not start and end
    /// with a word (a trailing full stop is allowed) or holds a break.
    pub(crate) fn compute(&mut self, surface: &str) -> bool {
        let surface = surface.trim();
        self.ws.clear();
        self.exact.clear();
        self.loose.clear();
        self.prefix_ends.clear();
        words(surface, &mut self.ws);
        let (Some(first), Some(last)) = (self.ws.first().copied(), self.ws.last().copied()) else {
            return false;
        };
        if first.start != 0 {
            return false;
        }
        self.dot = match &surface[last.end..] {
            "" => false,
            "." => true,
            _ => return false,
        };
        self.words = self.ws.len();
        self.lower_first = surface.chars().next().is_some_and(char::is_lowercase);
        let mut loose_ok = true;
        let n = self.ws.len();
        for i in 0..n {
            let w = self.ws[i];
            if i > 0 {
                self.prefix_ends.push(self.exact.len());
                match push_sep(&surface[self.ws[i - 1].end..w.start], &mut self.exact) {
                    Sep::Break => return false,
                    Sep::Other => loose_ok = false,
                    _ => {}
                }
            }
            let word = &surface[w.start..w.end];
            push_folded(word, w.ascii, &mut self.exact);
            if i > 0 && i + 1 < n && is_particle(word) {
                continue;
            }
            if !self.loose.is_empty() {
                self.loose.push(' ');
            }
            push_folded(word, w.ascii, &mut self.loose);
            if i == 0 {
                self.first_len = self.loose.len();
            }
        }
        if !loose_ok || self.loose == self.exact {
            self.loose.clear();
        }
        true
    }
}

/// Writes the exact key of the words `ws` of `hay` (all of them) to `out`
/// (cleared first); false if a separator between them cannot be inside a name.
pub(crate) fn exact_key(hay: &str, ws: &[Word], out: &mut String) -> bool {
    out.clear();
    for (i, w) in ws.iter().enumerate() {
        if i > 0 && push_sep(&hay[ws[i - 1].end..w.start], out) == Sep::Break {
            return false;
        }
        push_folded(&hay[w.start..w.end], w.ascii, out);
    }
    true
}

/// Exact and loose keys of the words `ws` of `hay` (all of them).
#[cfg(test)]
pub(crate) fn keys_for(hay: &str, ws: &[Word]) -> Option<(String, Option<String>)> {
    let mut exact = String::new();
    let mut loose = String::new();
    let mut loose_ok = true;
    for (i, w) in ws.iter().enumerate() {
        if i > 0 {
            let sep = push_sep(&hay[ws[i - 1].end..w.start], &mut exact);
            match sep {
                Sep::Break => return None,
                Sep::Other => loose_ok = false,
                _ => {}
            }
        }
        push_folded(&hay[w.start..w.end], w.ascii, &mut exact);
        let word = &hay[w.start..w.end];
        if i > 0 && i + 1 < ws.len() && is_particle(word) {
            continue;
        }
        if !loose.is_empty() {
            loose.push(' ');
        }
        push_folded(word, w.ascii, &mut loose);
    }
    let loose = (loose_ok && loose != exact).then_some(loose);
    Some((exact, loose))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte-at-a-time scanner [`words`] replaced: the reference it is
    /// checked against.
    fn words_reference(hay: &str, out: &mut Vec<Word>) {
        let b = hay.as_bytes();
        let mut i = 0;
        while i < b.len() {
            let c = CLASS[b[i] as usize];
            if c == NON {
                i += 1;
                continue;
            }
            if c == MULTI {
                let ch = hay[i..].chars().next().unwrap_or(' ');
                if !(ch.is_alphanumeric() || is_mark(ch)) {
                    i += ch.len_utf8();
                    continue;
                }
            }
            let start = i;
            let mut ascii = true;
            loop {
                while b.get(i).is_some_and(|&x| CLASS[x as usize] & (LOWER | UPPER | DIGIT) != 0) {
                    i += 1;
                }
                let Some(&byte) = b.get(i) else { break };
                if CLASS[byte as usize] != MULTI {
                    break;
                }
                let ch = hay[i..].chars().next().unwrap_or(' ');
                if !(ch.is_alphanumeric() || is_mark(ch)) {
                    break;
                }
                ascii = false;
                i += ch.len_utf8();
            }
            let w = &hay[start..i];
            let cap = w.chars().next().is_some_and(char::is_uppercase);
            let digit = b[start].is_ascii_digit();
            let upper = w.chars().filter(|c| c.is_uppercase()).count();
            let caps = !w.chars().any(char::is_lowercase) && upper >= 2;
            out.push(Word { start, end: i, ascii, cap, digit, caps });
        }
    }

    proptest::proptest! {
        #[test]
        fn words_match_the_byte_scanner(s in "[ a-zA-Z0-9.,'’\\-\n()éÉĀßİ\u{301}\u{a0}\u{2019}\u{2014}—ⅣΩ日本ªµ²]{0,80}") {
            let (mut a, mut b) = (Vec::new(), Vec::new());
            words(&s, &mut a);
            words_reference(&s, &mut b);
            proptest::prop_assert_eq!(a, b);
        }

        #[test]
        fn words_match_the_byte_scanner_on_any_text(s in "\\PC{0,60}") {
            let (mut a, mut b) = (Vec::new(), Vec::new());
            words(&s, &mut a);
            words_reference(&s, &mut b);
            proptest::prop_assert_eq!(a, b);
        }
    }

    #[test]
    fn pattern_keys_and_prefixes() {
        let mut k = PatternKeys::default();
        assert!(k.compute("United States of America"));
        assert_eq!((k.exact.as_str(), k.words, k.dot), ("United States of America", 4, false));
        let prefixes: Vec<&str> = k.prefix_ends.iter().map(|&e| &k.exact[..e]).collect();
        assert_eq!(prefixes, ["United", "United States", "United States of"]);
        assert!(k.compute("U.S."));
        assert_eq!((k.exact.as_str(), k.dot), ("U.S", true));
        assert!(k.compute("Qala-e-Naw"));
        assert_eq!((k.loose.as_str(), k.first_len), ("Qala Naw", 4));
        assert!(!k.compute("-x"));
        assert!(!k.compute("a (b"));
    }

    fn keys(s: &str) -> (String, Option<String>) {
        let mut ws = Vec::new();
        words(s, &mut ws);
        keys_for(s, &ws).unwrap()
    }

    #[test]
    fn keys_fold_and_loosen() {
        let table: &[(&str, &str, Option<&str>)] = &[
            ("Lashkar Gāh", "Lashkar Gah", None),
            ("Qala-e-Naw", "Qala-e-Naw", Some("Qala Naw")),
            ("Qala i Naw", "Qala i Naw", Some("Qala Naw")),
            ("Pul-e ‘Alam", "Pul-e Alam", Some("Pul Alam")),
            ("Afghanistan’s", "Afghanistan's", Some("Afghanistan s")),
            ("U.S", "U.S", None),
            ("Kandahār", "Kandahar", None),
        ];
        for &(input, exact, loose) in table {
            let (e, l) = keys(input);
            assert_eq!((e.as_str(), l.as_deref()), (exact, loose), "{input}");
        }
    }

    #[test]
    fn all_caps_needs_two_capitals_and_no_lower_case() {
        let table: &[(&str, bool, bool)] = &[
            // (word, ascii, caps)
            ("A", true, false),
            ("US", true, true),
            ("U2", true, false),
            ("NATO", true, true),
            ("Nato", true, false),
            ("ÉTAT", false, true),
            ("Ét", false, false),
            ("É", false, false),
            ("ÖZİL", false, true),
        ];
        for &(w, ascii, caps) in table {
            let mut ws = Vec::new();
            words(w, &mut ws);
            assert_eq!(ws.len(), 1, "{w}");
            assert_eq!((ws[0].ascii, ws[0].caps, &w[ws[0].start..ws[0].end]), (ascii, caps, w), "{w}");
        }
    }

    #[test]
    fn word_flags() {
        let mut ws = Vec::new();
        words("KABUL: the 2nd Ōmura", &mut ws);
        let flags: Vec<(bool, bool, bool)> = ws.iter().map(|w| (w.cap, w.caps, w.digit)).collect();
        assert_eq!(flags, [(true, true, false), (false, false, false), (false, false, true), (true, false, false)]);
    }
}
