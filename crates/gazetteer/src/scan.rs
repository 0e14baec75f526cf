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
    c.is_alphanumeric() || is_mark(c)
}

/// Scans `hay` into words; offsets are relative to `hay`.
pub(crate) fn words(hay: &str, out: &mut Vec<Word>) {
    let b = hay.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c < 0x80 {
            if !c.is_ascii_alphanumeric() {
                i += 1;
                continue;
            }
        } else {
            let ch = hay[i..].chars().next().unwrap_or(' ');
            if !is_word_char(ch) {
                i += ch.len_utf8();
                continue;
            }
        }
        // a word starts at i
        let start = i;
        let mut ascii = true;
        let mut upper = 0usize;
        let mut lower = 0usize;
        while i < b.len() {
            let c = b[i];
            if c < 0x80 {
                if !c.is_ascii_alphanumeric() {
                    break;
                }
                upper += c.is_ascii_uppercase() as usize;
                lower += c.is_ascii_lowercase() as usize;
                i += 1;
            } else {
                let ch = hay[i..].chars().next().unwrap_or(' ');
                if !is_word_char(ch) {
                    break;
                }
                ascii = false;
                upper += ch.is_uppercase() as usize;
                lower += ch.is_lowercase() as usize;
                i += ch.len_utf8();
            }
        }
        let first = hay[start..].chars().next().unwrap_or(' ');
        out.push(Word {
            start,
            end: i,
            ascii,
            cap: first.is_uppercase(),
            digit: first.is_ascii_digit(),
            caps: upper >= 2 && lower == 0,
        });
    }
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
        _ if norm.chars().any(|c| matches!(c, '(' | ')' | '[' | ']' | '"' | '“' | '”' | ';' | ':' | '|' | '!' | '?'))
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
        "e" | "i" | "y" | "ye" | "yi" | "ul" | "ol" | "al" | "el" | "ud" | "ad" | "as" | "ash" | "at" | "ur" | "ar" | "az" | "a" | "o" | "u"
    )
}

/// Key material for a pattern: its words and separators. Returns `None` if
/// the pattern does not start and end with a word (a trailing full stop is
/// allowed and reported).
pub(crate) struct PatternKeys {
    pub exact: String,
    pub loose: Option<String>,
    pub first: String,
    pub words: usize,
    pub dot: bool,
}

pub(crate) fn pattern_keys(surface: &str) -> Option<PatternKeys> {
    let surface = surface.trim();
    let mut ws = Vec::new();
    words(surface, &mut ws);
    let (first, last) = (ws.first()?, ws.last()?);
    if first.start != 0 {
        return None;
    }
    let tail = &surface[last.end..];
    let dot = match tail {
        "" => false,
        "." => true,
        _ => return None,
    };
    let k = keys_for(surface, &ws)?;
    let mut first_key = String::new();
    push_folded(&surface[first.start..first.end], first.ascii, &mut first_key);
    Some(PatternKeys { exact: k.0, loose: k.1, first: first_key, words: ws.len(), dot })
}

/// Exact and loose keys of the words `ws` of `hay` (all of them).
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
    fn word_flags() {
        let mut ws = Vec::new();
        words("KABUL: the 2nd Ōmura", &mut ws);
        let flags: Vec<(bool, bool, bool)> = ws.iter().map(|w| (w.cap, w.caps, w.digit)).collect();
        assert_eq!(flags, [(true, true, false), (false, false, false), (false, false, true), (true, false, false)]);
    }
}
