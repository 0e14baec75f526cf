//! Character classes shared by paragraphs, sentences and tokens.

/// The char starting at byte `i` of `text` (`i` must be a char boundary).
#[inline]
pub(crate) fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// The char ending at byte `i` of `text` (`i` must be a char boundary).
#[inline]
pub(crate) fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|s| s.chars().next_back())
}

/// Combining marks and other in-word characters that `char::is_alphanumeric`
/// does not cover: diacritics, Hebrew/Arabic vowel points, the vowel signs
/// and viramas of the Indic scripts (Tamil and Hindi words are full of
/// them), Thai/Lao marks, ZWJ/ZWNJ.
#[inline]
pub(crate) fn is_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F
        | 0x0483..=0x0489
        | 0x0591..=0x05BD | 0x05BF | 0x05C1..=0x05C2 | 0x05C4..=0x05C5 | 0x05C7
        | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06DC | 0x06DF..=0x06E4 | 0x06E7..=0x06E8
        | 0x06EA..=0x06ED
        | 0x0900..=0x0903 | 0x093A..=0x094F | 0x0951..=0x0957 | 0x0962..=0x0963
        | 0x0981..=0x0983 | 0x09BC..=0x09D7 | 0x09E2..=0x09E3
        | 0x0A01..=0x0A03 | 0x0A3C..=0x0A51 | 0x0A70..=0x0A71 | 0x0A75
        | 0x0A81..=0x0A83 | 0x0ABC..=0x0ACD | 0x0AE2..=0x0AE3
        | 0x0B01..=0x0B03 | 0x0B3C..=0x0B57 | 0x0B62..=0x0B63
        | 0x0B82 | 0x0BBE..=0x0BCD | 0x0BD7
        | 0x0C00..=0x0C04 | 0x0C3E..=0x0C56 | 0x0C62..=0x0C63
        | 0x0C81..=0x0C83 | 0x0CBC..=0x0CD6 | 0x0CE2..=0x0CE3
        | 0x0D00..=0x0D03 | 0x0D3B..=0x0D4D | 0x0D57 | 0x0D62..=0x0D63
        | 0x0D81..=0x0D83 | 0x0DCA..=0x0DDF | 0x0DF2..=0x0DF3
        | 0x0E31 | 0x0E34..=0x0E3A | 0x0E47..=0x0E4E
        | 0x0EB1 | 0x0EB4..=0x0EBC | 0x0EC8..=0x0ECD
        | 0x0F18..=0x0F19 | 0x0F35 | 0x0F37 | 0x0F39 | 0x0F71..=0x0F84
        | 0x102B..=0x103E | 0x1056..=0x1059
        | 0x17B4..=0x17D3
        | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF
        | 0x200C..=0x200D
        | 0x20D0..=0x20FF
        | 0x302A..=0x302F | 0x3099..=0x309A
        | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F
    )
}

/// A character that can be part of a word: letters, digits, marks.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if ('\u{2000}'..='\u{206F}').contains(&c) {
        // General Punctuation (curly quotes, dashes, wide spaces…), common
        // in news copy: no letter or digit there, only the joiners ZWNJ and
        // ZWJ. Decided without the Unicode tables.
        matches!(c, '\u{200C}' | '\u{200D}')
    } else {
        c.is_alphanumeric() || is_mark(c)
    }
}

/// Han ideographs and Hiragana: scripts written without spaces, where every
/// character is its own token (as UAX #29 does without a dictionary).
#[inline]
pub(crate) fn is_ideographic(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x309F | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF)
}

/// Apostrophes inside words ("don't", "Afghanistan’s", "O’Brien").
#[inline]
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '‘' | '′')
}

/// Hyphens that join words ("Mazar-i-Sharif", "US-backed").
#[inline]
pub(crate) fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Currency symbols that make a number token ("$1.5bn", "€20", "£3,000").
#[inline]
pub(crate) fn is_currency(c: char) -> bool {
    matches!(c, '$' | '€' | '£' | '¥' | '₹' | '₽' | '₩' | '₺' | '¢' | '₪' | '₦' | '₱' | '฿' | '₫' | '₴')
}

/// Closing quotes and brackets that belong to the sentence before them when
/// they follow its final punctuation (`He said “no.”`, `(It fell.)`). German
/// closes with “ and ‘, so those count too when they follow the full stop.
#[inline]
pub(crate) fn is_closing(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '”'
            | '’'
            | '“'
            | '‘'
            | '»'
            | '›'
            | '«'
            | ')'
            | ']'
            | '}'
            | '」'
            | '』'
            | '）'
            | '］'
            | '】'
            | '〕'
            | '〉'
            | '》'
            | '〙'
            | '〛'
    )
}

/// Opening quotes and brackets (and Spanish ¿ ¡) that may start a sentence.
#[inline]
pub(crate) fn is_opening(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '‘'
            | '„'
            | '‚'
            | '«'
            | '‹'
            | '»'
            | '('
            | '['
            | '{'
            | '¿'
            | '¡'
            | '「'
            | '『'
            | '（'
            | '［'
            | '【'
            | '〔'
            | '〈'
            | '《'
            | '*'
            | '_'
    )
}

/// Sentence-final punctuation, classified.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Terminal {
    /// `.`
    Dot,
    /// `…`
    Ellipsis,
    /// `!`, `?`, `‼`, `⁇`, `⁈`, `⁉`
    Strong,
    /// Full stops and question/exclamation marks of scripts that do not put
    /// a space after them, or have no letter case (CJK 。！？, Devanagari
    /// danda, Arabic question mark, Urdu full stop, Armenian, Ethiopic,
    /// Myanmar, Greek question mark).
    Script,
}

/// The class of `c` if it ends sentences.
#[inline]
pub(crate) fn terminal(c: char) -> Option<Terminal> {
    Some(match c {
        '.' => Terminal::Dot,
        '!' | '?' | '‼' | '⁇' | '⁈' | '⁉' => Terminal::Strong,
        '…' => Terminal::Ellipsis,
        '。' | '！' | '？' | '｡' | '।' | '॥' | '؟' | '۔' | '։' | '።' | '፧' | '။' | '\u{037E}' | '܀' | '߹' => {
            Terminal::Script
        }
        _ => return None,
    })
}

/// Bytes that can start a terminal character (ASCII `.!?` and the lead
/// bytes of the UTF-8 encodings of the non-ASCII terminals): the sentence
/// scanner skips every other byte without decoding it.
pub(crate) static TERMINAL_LEAD: [bool; 256] = {
    let mut t = [false; 256];
    t[b'.' as usize] = true;
    t[b'!' as usize] = true;
    t[b'?' as usize] = true;
    // … ‼ ⁇ ⁈ ⁉ (E2), 。 (E3), ！ ？ ｡ (EF), । ॥ (E0), ؟ (D8), ۔ (DB),
    // ։ (D6), ; Greek question mark (CD), ። ፧ ။ (E1), ܀ (DC), ߹ (DF).
    t[0xE2] = true;
    t[0xE3] = true;
    t[0xEF] = true;
    t[0xE0] = true;
    t[0xD8] = true;
    t[0xDB] = true;
    t[0xD6] = true;
    t[0xCD] = true;
    t[0xE1] = true;
    t[0xDC] = true;
    t[0xDF] = true;
    t
};

/// Length of an ASCII emoticon (`:)`, `;-)`, `:D`, `:-(`, `<3`) at the start
/// of `s`, if it is one and is followed by white space or the end.
pub(crate) fn emoticon_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let n = if b.len() >= 2 && b[0] == b'<' && b[1] == b'3' {
        2
    } else {
        if b.is_empty() || !matches!(b[0], b':' | b';' | b'=' | b'8') {
            return None;
        }
        let mut k = 1;
        if k < b.len() && matches!(b[k], b'-' | b'\'' | b'^' | b'o') {
            k += 1;
        }
        if k < b.len()
            && matches!(b[k], b')' | b'(' | b']' | b'[' | b'D' | b'P' | b'p' | b'O' | b'3' | b'/' | b'|' | b'*')
        {
            k += 1;
            while k < b.len() && b[k] == b[k - 1] && matches!(b[k], b')' | b'(') {
                k += 1;
            }
            k
        } else {
            return None;
        }
    };
    match s[n..].chars().next() {
        None => Some(n),
        Some(c) if c.is_whitespace() => Some(n),
        _ => None,
    }
}

/// Pictographic emoji (the common blocks) — absorbed like emoticons after a
/// sentence's final punctuation.
#[inline]
pub(crate) fn is_emoji(c: char) -> bool {
    matches!(c as u32, 0x1F300..=0x1FAFF | 0x2600..=0x27BF | 0x1F000..=0x1F2FF | 0xFE0F | 0x200D)
}

/// Bullet or list marker at the start of a line: `- `, `* `, `• `, `1. `,
/// `2) `, `a) `. Returns its length in bytes (marker and one space).
pub(crate) fn bullet_len(line: &str) -> Option<usize> {
    let mut chars = line.char_indices();
    let (_, c) = chars.next()?;
    if matches!(c, '-' | '*' | '+' | '•' | '·' | '–' | '—' | '‣' | '◦' | '▪' | '►' | '■' | '○' | '●' | '➢' | '✓')
    {
        let after = c.len_utf8();
        return match line[after..].chars().next() {
            Some(' ' | '\t' | '\u{a0}') => Some(after + 1),
            _ => None,
        };
    }
    // "12. " / "3) " / "a) " / "b. " / "(iv) " / "iv. "
    let b = line.as_bytes();
    let mut k = 0;
    if b.first() == Some(&b'(') {
        k = 1;
    }
    let digits = b[k..].iter().take_while(|x| x.is_ascii_digit()).count();
    let letters = if digits == 0 { b[k..].iter().take_while(|x| x.is_ascii_lowercase()).count() } else { 0 };
    let body = digits.max(letters);
    if body == 0 || digits > 3 || letters > 4 {
        return None;
    }
    k += body;
    let close = *b.get(k)?;
    let ok = if digits > 0 || letters == 1 || is_roman(&line[k - body..k]) {
        close == b'.' || close == b')'
    } else {
        close == b')'
    };
    if !ok {
        return None;
    }
    k += 1;
    match b.get(k) {
        Some(b' ' | b'\t') => Some(k + 1),
        _ => None,
    }
}

/// A (lower- or upper-case) Roman numeral up to 39: "iv", "XII".
pub(crate) fn is_roman(word: &str) -> bool {
    !word.is_empty()
        && word.len() <= 6
        && (word.bytes().all(|b| matches!(b, b'i' | b'v' | b'x'))
            || word.bytes().all(|b| matches!(b, b'I' | b'V' | b'X')))
        && matches!(
            word.to_ascii_lowercase().as_str(),
            "i" | "ii"
                | "iii"
                | "iv"
                | "v"
                | "vi"
                | "vii"
                | "viii"
                | "ix"
                | "x"
                | "xi"
                | "xii"
                | "xiii"
                | "xiv"
                | "xv"
                | "xvi"
                | "xvii"
                | "xviii"
                | "xix"
                | "xx"
        )
}

/// A list marker at the start of a line ("1.", "2)", "a)", "b."): its
/// ordinal, style and closing byte, and its length (without the space).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct ListMarker {
    pub(crate) ordinal: u32,
    /// `b'0'` for numbers, `b'a'` / `b'A'` for letters.
    pub(crate) style: u8,
    pub(crate) close: u8,
}

impl ListMarker {
    /// Parses a marker at the start of `s`, followed by a space.
    pub(crate) fn parse(s: &str) -> Option<(ListMarker, usize)> {
        let b = s.as_bytes();
        let digits = b.iter().take_while(|x| x.is_ascii_digit()).count();
        let (ordinal, style, k) = if (1..=3).contains(&digits) {
            (s[..digits].parse().ok()?, b'0', digits)
        } else if digits == 0 && b.first().is_some_and(u8::is_ascii_alphabetic) {
            let c = b[0];
            let (base, style) = if c.is_ascii_lowercase() { (b'a', b'a') } else { (b'A', b'A') };
            (u32::from(c - base) + 1, style, 1)
        } else {
            return None;
        };
        let close = *b.get(k)?;
        if !(close == b'.' || close == b')') || b.get(k + 1) != Some(&b' ') {
            return None;
        }
        // "A. Smith and B. Jones" are initials, not a list.
        if style == b'A' && close == b'.' {
            return None;
        }
        Some((ListMarker { ordinal, style, close }, k + 1))
    }

    /// The label of the marker after this one ("2", "b"), if any.
    pub(crate) fn next_label(&self) -> Option<String> {
        let n = self.ordinal + 1;
        if self.style == b'0' {
            Some(n.to_string())
        } else if n <= 26 {
            Some(char::from(self.style + (n - 1) as u8).to_string())
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_word_char_agrees_with_the_unicode_tables() {
        // The General Punctuation shortcut must not change the answer.
        for c in ('\u{80}'..='\u{2FFF}').chain(['a', 'Z', '0', ' ', '-', '’', '“', '—', '\u{200D}', 'é']) {
            assert_eq!(is_word_char(c), c.is_alphanumeric() || is_mark(c), "{:04X}", c as u32);
        }
    }
}
