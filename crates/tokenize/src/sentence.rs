//! Sentence segmentation: rule-based and language-aware.
//!
//! The text is first cut into [`paragraphs`](crate::paragraphs) (a sentence
//! never crosses a paragraph break, so headings, captions and bullet lines
//! without final punctuation are segments of their own). Inside a paragraph
//! the scanner jumps from one candidate terminal to the next (`.`, `!`, `?`,
//! `…` and the terminals of other scripts) without decoding anything else,
//! then decides each candidate from its immediate context:
//!
//! 1. The terminal run (`?!`, `...`, `. . .`) and the closing quotes and
//!    brackets after it (`.”`, `?’”`, `.)`, `. »`) belong to the sentence;
//!    so does an emoticon or emoji right after it (`Great! :)`).
//! 2. Terminals of scripts without spaces or case (。！？, ।, ؟) always end
//!    a sentence.
//! 3. Otherwise a sentence ends only before white space, except for a
//!    missing space after a full stop between two ordinary words
//!    (`fell.The city`): never inside URLs, e-mails, file names, numbers.
//! 4. A lower-case continuation never starts a sentence (`“Why?” he asked`,
//!    `U.S. and`, `etc. and`, `… and then`).
//! 5. For a full stop before a capitalised word, a digit or an opening
//!    quote, the word before it decides: titles (`Mr.`, `Gen.`, `Mme.`)
//!    never end a sentence; general abbreviations (`Inc.`, `Oct.`, `usw.`),
//!    initials (`J.`) and dotted acronyms (`U.S.`, `p.m.`) end one only when
//!    the next word is a typical sentence opener (a capitalised stopword of
//!    the language: "The", "Der", "Il"); list numbers (`1.` at the start)
//!    and, in German and the Nordic languages, ordinals (`am 3. Oktober`)
//!    do not end one; an abbreviation or a month before a number does not
//!    either (`Oct. 24`, `No. 5`, `S. 12`).
//! 6. After `?`/`!` and a closing quote, a capitalised name followed by a
//!    verb of saying continues the sentence (`“Stop!” John shouted.`).
//! 7. A paragraph that opens with a list marker (`1)`, `a)`, `a.`) is cut
//!    before each following marker of the same series (`1) Kabul 2) Herat`).

use crate::abbrev::{is_dotted_acronym, is_extra_starter, is_speech_verb, is_tld, Abbrevs};
use crate::chars::{
    char_at, char_before, emoticon_len, is_closing, is_emoji, is_opening, terminal, ListMarker, Terminal, TERMINAL_LEAD,
};
use crate::language::Language;
use crate::paragraph::{paragraphs_into, single_line};
use crate::span::{trim_span, Span};
use crate::stopwords::is_stopword;

/// Splits text into sentences.
///
/// Sentence spans are trimmed, never empty, never overlap, are in order,
/// and together cover every non-white-space byte of the input. A splitter
/// is cheap to create and to clone, and is `Send + Sync`.
///
/// ```
/// use brief_tokenize::{Language, SentenceSplitter};
/// let text = "Mr. Biden spoke in the U.S. on Oct. 24. He left.";
/// let splitter = SentenceSplitter::new(Some(Language::English));
/// let got: Vec<&str> = splitter.split(text).into_iter().map(|s| &text[s]).collect();
/// assert_eq!(got, ["Mr. Biden spoke in the U.S. on Oct. 24.", "He left."]);
///
/// let text = "Der Gipfel beginnt am 3. Oktober in Berlin, d.h. nach der Wahl. Er dauert zwei Tage.";
/// let got: Vec<&str> = SentenceSplitter::new(Some(Language::German))
///     .split(text)
///     .into_iter()
///     .map(|s| &text[s])
///     .collect();
/// assert_eq!(got.len(), 2);
/// ```
#[derive(Clone, Debug)]
pub struct SentenceSplitter {
    lang: Option<Language>,
    abbrevs: &'static Abbrevs,
    greek: bool,
}

/// [`TERMINAL_LEAD`] plus `;`, the Greek question mark.
static GREEK_LEAD: [bool; 256] = {
    let mut t = TERMINAL_LEAD;
    t[b';' as usize] = true;
    t
};

/// The first `i` in `from..end` that may start a terminal, or `end` (`end` ≤
/// `bytes.len()`); `lead` is [`TERMINAL_LEAD`], or [`GREEK_LEAD`] when
/// `GREEK`. Eight bytes at a time: a byte is a candidate when it is `.`,
/// `!`, `?` (`;` in Greek) or not ASCII, found with the usual "has a zero
/// byte" arithmetic, and only candidates are looked up.
#[inline]
fn next_lead<const GREEK: bool>(bytes: &[u8], from: usize, end: usize) -> usize {
    let lead = if GREEK { &GREEK_LEAD } else { &TERMINAL_LEAD };
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // High bit of each byte of `w` equal to `c`; wrong bits can only
    // appear above a right one, so the lowest set bit is exact.
    let equal = |w: u64, c: u8| {
        let v = w ^ (ONES * u64::from(c));
        v.wrapping_sub(ONES) & !v & HIGH
    };
    let mut i = from;
    while i < end {
        let Some(w) = bytes.get(i..i + 8).filter(|_| i + 8 <= end).and_then(|w| <[u8; 8]>::try_from(w).ok()) else {
            break;
        };
        let w = u64::from_le_bytes(w);
        let mut cand = equal(w, b'.') | equal(w, b'!') | equal(w, b'?') | (w & HIGH);
        if GREEK {
            cand |= equal(w, b';');
        }
        if cand == 0 {
            i += 8;
            continue;
        }
        i += (cand.trailing_zeros() / 8) as usize;
        if lead[bytes[i] as usize] {
            return i;
        }
        i += 1;
    }
    while i < end && !lead[bytes[i] as usize] {
        i += 1;
    }
    i.min(end)
}

/// [`next_lead`] for every language but Greek, faster on long runs of
/// text: the ASCII terminals `.`, `!`, `?` are found with `memchr3`, the
/// next non-ASCII lead byte of a terminal with a word-at-a-time scan for
/// bytes with the high bit set. `high` remembers that position between
/// calls on the same segment (start each segment with `None`): it stays
/// valid as long as the search does not pass it.
#[inline]
fn next_lead_latin(bytes: &[u8], from: usize, end: usize, high: &mut Option<usize>) -> usize {
    let h = match *high {
        Some(h) if h >= from => h,
        _ => {
            let h = next_high_lead(bytes, from, end);
            *high = Some(h);
            h
        }
    };
    match bytes.get(from..h) {
        Some(hay) => memchr::memchr3(b'.', b'!', b'?', hay).map_or(h, |k| from + k),
        None => h.max(from).min(end),
    }
}

/// The first `i` in `from..end` whose byte is non-ASCII and may start a
/// terminal ([`TERMINAL_LEAD`]), or `end`. Sixteen bytes at a time.
fn next_high_lead(bytes: &[u8], from: usize, end: usize) -> usize {
    const HIGH: u128 = 0x8080_8080_8080_8080_8080_8080_8080_8080;
    let end = end.min(bytes.len());
    let mut i = from;
    while i + 16 <= end {
        let Some(w) = bytes.get(i..i + 16).and_then(|w| <[u8; 16]>::try_from(w).ok()) else { break };
        let h = u128::from_le_bytes(w) & HIGH;
        if h == 0 {
            i += 16;
            continue;
        }
        i += (h.trailing_zeros() / 8) as usize;
        if TERMINAL_LEAD[bytes[i] as usize] {
            return i;
        }
        i += 1;
    }
    while i < end && !(bytes[i] >= 0x80 && TERMINAL_LEAD[bytes[i] as usize]) {
        i += 1;
    }
    i.max(from).min(end)
}

impl SentenceSplitter {
    /// A splitter for `lang` (`None`: language unknown, generic rules and
    /// the abbreviations common to the supported languages).
    pub fn new(lang: Option<Language>) -> SentenceSplitter {
        SentenceSplitter { lang, abbrevs: Abbrevs::get(lang), greek: lang == Some(Language::Greek) }
    }

    /// The language this splitter was made for.
    pub fn language(&self) -> Option<Language> {
        self.lang
    }

    /// Sentence spans over the whole `text` (paragraph breaks split too).
    pub fn split(&self, text: &str) -> Vec<Span> {
        let mut out = Vec::with_capacity(text.len() / 100 + 1);
        let mut paras = Vec::new();
        paragraphs_into(text, Span::new(0, text.len()), &mut paras);
        for p in paras {
            self.split_one_paragraph(text, p, &mut out);
        }
        out
    }

    /// Sentence spans inside the region `para` of `text`; spans index
    /// `text`. If the region holds several paragraphs (blank lines, bullet
    /// lines), they are split as [`split`](Self::split) would. A region out
    /// of range or not on char boundaries gives no sentence.
    pub fn split_paragraph(&self, text: &str, para: Span) -> Vec<Span> {
        let mut out = Vec::with_capacity(4);
        self.split_paragraph_into(text, para, &mut out);
        out
    }

    /// Like [`split_paragraph`](Self::split_paragraph), appending to `out`
    /// (reuse one vector across the paragraphs of a document to avoid an
    /// allocation per paragraph).
    ///
    /// ```
    /// use brief_tokenize::{Language, SentenceSplitter, Span};
    /// let text = "Intro.\nKabul fell. Herat fell too.";
    /// let splitter = SentenceSplitter::new(Some(Language::English));
    /// let mut out = Vec::new();
    /// splitter.split_paragraph_into(text, Span::new(0, 6), &mut out);
    /// splitter.split_paragraph_into(text, Span::new(7, text.len()), &mut out);
    /// let got: Vec<&str> = out.iter().map(|&s| &text[s]).collect();
    /// assert_eq!(got, ["Intro.", "Kabul fell.", "Herat fell too."]);
    /// assert_eq!(out, splitter.split(text));
    /// ```
    #[inline]
    pub fn split_paragraph_into(&self, text: &str, para: Span, out: &mut Vec<Span>) {
        if para.get(text).is_none() {
            return;
        }
        if let Some(line) = single_line(text, para) {
            // The usual region, one line: no list of paragraphs to build.
            if !line.is_empty() {
                self.split_one_paragraph(text, line, out);
            }
            return;
        }
        let mut paras = Vec::new();
        paragraphs_into(text, para, &mut paras);
        for p in paras {
            self.split_one_paragraph(text, p, out);
        }
    }

    /// Like [`split`](Self::split), appending to `out` (reuse one vector
    /// across documents to avoid allocation).
    pub fn split_into(&self, text: &str, out: &mut Vec<Span>) {
        let mut paras = Vec::new();
        paragraphs_into(text, Span::new(0, text.len()), &mut paras);
        for p in paras {
            self.split_one_paragraph(text, p, out);
        }
    }

    fn split_one_paragraph(&self, text: &str, para: Span, out: &mut Vec<Span>) {
        // An inline list ("1) Kabul 2) Herat 3) Kandahar") is cut before
        // each following marker first.
        // Numbers with a full stop are left to the normal rules ("1. FC Köln
        // in der 2. Bundesliga" is no list; "fell. 2. Herat" splits anyway).
        if let Some((first, _)) = ListMarker::parse(&text[para]).filter(|(m, _)| m.close == b')' || m.style == b'a') {
            let mut from = para.start;
            let mut marker = first;
            while let Some(at) = next_inline_marker(text, from + 1, para.end, &marker) {
                self.split_segment(text, Span::new(from, at), out);
                from = at;
                marker.ordinal += 1;
            }
            self.split_segment(text, Span::new(from, para.end), out);
            return;
        }
        self.split_segment(text, para, out);
    }

    fn split_segment(&self, text: &str, para: Span, out: &mut Vec<Span>) {
        let bytes = text.as_bytes();
        let end = para.end;
        let mut start = para.start;
        let mut i = para.start;
        let mut high = None;
        loop {
            i = if self.greek { next_lead::<true>(bytes, i, end) } else { next_lead_latin(bytes, i, end, &mut high) };
            if i >= end {
                break;
            }
            // `i` is at an ASCII byte or a UTF-8 lead byte: a char boundary.
            let c = match bytes.get(i) {
                Some(&b) if b < 0x80 => char::from(b),
                _ => match char_at(text, i) {
                    Some(c) => c,
                    None => break,
                },
            };
            let Some(kind) = self.terminal(c) else {
                i += c.len_utf8();
                continue;
            };
            let cand = self.candidate(text, start, i, kind, end);
            if cand.boundary {
                push(text, Span::new(start, cand.end), out);
                start = cand.end;
            }
            i = cand.end.max(i + c.len_utf8());
        }
        push(text, Span::new(start, end), out);
    }

    /// Examines the terminal at `pos` (of class `first`) in the paragraph
    /// ending at `end`, whose current sentence starts at `start`.
    fn candidate(&self, text: &str, start: usize, pos: usize, first: Terminal, end: usize) -> Candidate {
        let bytes = text.as_bytes();
        // 1. The run of terminals, with spaced ellipses (". . .").
        let mut j = pos;
        let mut kind = first;
        let mut dots = 0usize;
        let mut strong = false;
        let mut script = false;
        let mut ellipsis = false;
        while j < end {
            let Some(c) = char_at(text, j) else { break };
            match self.terminal(c) {
                Some(t) => {
                    match t {
                        Terminal::Dot => dots += 1,
                        Terminal::Strong => strong = true,
                        Terminal::Ellipsis => ellipsis = true,
                        Terminal::Script => script = true,
                    }
                    j += c.len_utf8();
                }
                None if c == ' '
                    && dots >= 1
                    && !strong
                    && bytes.get(j + 1) == Some(&b'.')
                    && (j + 2 >= end || matches!(bytes[j + 2], b' ' | b'.' | b'\n' | b'\r')) =>
                {
                    // ". . ." (but not "end. .NET")
                    dots += 1;
                    j += 2;
                }
                None => break,
            }
        }
        if script {
            kind = Terminal::Script;
        } else if strong {
            kind = Terminal::Strong;
        } else if ellipsis || dots >= 2 {
            kind = Terminal::Ellipsis;
        }
        let run_end = j;
        // Closing quotes and brackets glued to the terminal.
        let mut closed = false;
        while j < end {
            match char_at(text, j) {
                Some(c) if is_closing(c) => {
                    closed = true;
                    j += c.len_utf8();
                }
                _ => break,
            }
        }
        // French spacing: ". »" / "! »".
        if j < end {
            let ws = skip_inline_space(text, j, end);
            if ws > j && matches!(char_at(text, ws), Some('»' | '›')) {
                j = ws + char_at(text, ws).map_or(1, char::len_utf8);
                closed = true;
                while let Some(c) = char_at(text, j).filter(|&c| j < end && is_closing(c)) {
                    j += c.len_utf8();
                }
            }
        }
        let after = j;

        if kind == Terminal::Script {
            // 「行くぞ。」と言った: a quoted sentence followed by a particle
            // is embedded in the sentence that goes on.
            let embedded =
                closed && char_at(text, after).is_some_and(|c| after < end && ('\u{3041}'..='\u{309F}').contains(&c));
            return Candidate { boundary: !embedded, end: after };
        }

        let next_char = char_at(text, after).filter(|_| after < end);
        let Some(nc) = next_char else {
            return Candidate { boundary: true, end: after };
        };
        if !nc.is_whitespace() {
            // No space after the punctuation: only "word.Word" is a boundary.
            let boundary = matches!(kind, Terminal::Dot | Terminal::Strong)
                && !closed
                && self.missing_space_boundary(text, start, pos, after, end);
            return Candidate { boundary, end: run_end.max(after) };
        }

        // Absorb an emoticon or emoji after the punctuation ("Great! :)").
        let mut end_of_sentence = after;
        let mut k = skip_space(text, after, end);
        loop {
            if k >= end {
                break;
            }
            if let Some(n) = emoticon_len(&text[k..end]) {
                end_of_sentence = k + n;
                k = skip_space(text, k + n, end);
                continue;
            }
            match char_at(text, k) {
                Some(c) if is_emoji(c) => {
                    let mut m = k;
                    while let Some(e) = char_at(text, m).filter(|&e| m < end && is_emoji(e)) {
                        m += e.len_utf8();
                    }
                    end_of_sentence = m;
                    k = skip_space(text, m, end);
                }
                _ => break,
            }
        }
        if k >= end {
            return Candidate { boundary: true, end: end_of_sentence };
        }
        let next = Next::at(text, k, end);
        let boundary = match kind {
            Terminal::Script => true,
            Terminal::Strong => {
                let said = closed && next.upper && self.speech_follows(text, next.word_end, end);
                !next.lower && !said
            }
            Terminal::Ellipsis => !next.lower,
            Terminal::Dot => !next.lower && self.dot_ends(text, start, pos, after, &next),
        };
        Candidate { boundary, end: end_of_sentence }
    }

    /// The terminal class of `c` (Greek writes its question mark as `;`).
    #[inline]
    fn terminal(&self, c: char) -> Option<Terminal> {
        match c {
            ';' if self.greek => Some(Terminal::Strong),
            c => terminal(c),
        }
    }

    /// Does the full stop at `pos` end the sentence, given the next word?
    fn dot_ends(&self, text: &str, start: usize, pos: usize, after: usize, next: &Next<'_>) -> bool {
        let word_start = word_start(text, start, pos);
        let word = &text[word_start..pos];
        if after > pos + 1 {
            // Closed by a quote or bracket: `He said “no.” Then` — except a
            // list marker "1.)".
            let list = &text[pos + 1..after] == ")"
                && (1..=3).contains(&word.len())
                && word.bytes().all(|b| b.is_ascii_digit());
            return !list;
        }
        if word.is_empty() {
            return true;
        }
        let ab = self.abbrevs;
        let at_sentence_start = text[start..word_start].chars().all(char::is_whitespace)
            || crate::chars::bullet_len(&text[start..pos + 1]).is_some();
        let is_number = word.bytes().all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
            && word.bytes().any(|b| b.is_ascii_digit());
        let single_letter = {
            let mut cs = word.chars();
            matches!((cs.next(), cs.next()), (Some(c), None) if c.is_alphabetic())
        };
        if next.digit {
            // "Oct. 24", "No. 5", "p. 12", "J. 2", "Hauptstr. 5" — but
            // "in 2007. 2008 was".
            let street = self.lang == Some(Language::German) && word.ends_with("str");
            return !(ab.is_known(word) || single_letter || street || (is_number && at_sentence_start));
        }
        if ab.is_title(word) {
            return false;
        }
        if at_sentence_start && (is_number || single_letter || crate::chars::is_roman(word)) {
            // A list number or letter: "1. The first point", "a. Option".
            return false;
        }
        if ab.is_final(word) {
            return next.upper;
        }
        let starter = next.upper && self.is_starter(next);
        if ab.is_general(word) {
            return starter;
        }
        if single_letter && word.chars().all(char::is_lowercase) {
            // A lettered list item ("… item b. The second …"); a single
            // lower-case letter is hardly ever a sentence's last word.
            return false;
        }
        if single_letter && word.chars().all(char::is_uppercase) {
            // An initial: "J. R. R. Tolkien", but "World War I. The".
            return starter;
        }
        if is_dotted_acronym(word) {
            return starter;
        }
        if is_number && ab.ordinal_dots && word.len() <= 3 {
            return starter;
        }
        true
    }

    /// Is `next` a typical sentence opener (a capitalised stopword)?
    fn is_starter(&self, next: &Next<'_>) -> bool {
        let w = next.word;
        if w.is_empty() {
            return false;
        }
        // An initial ("A. Smith") is not an opener even when a stopword.
        if w.chars().count() == 1 && next.followed_by_dot {
            return false;
        }
        let mut buf = [0u8; 32];
        let lower: std::borrow::Cow<'_, str> = if w.len() <= 32 && w.is_ascii() {
            buf[..w.len()].copy_from_slice(w.as_bytes());
            buf[..w.len()].make_ascii_lowercase();
            match std::str::from_utf8(&buf[..w.len()]) {
                Ok(s) => std::borrow::Cow::Borrowed(s),
                Err(_) => return false,
            }
        } else {
            std::borrow::Cow::Owned(w.to_lowercase())
        };
        if is_extra_starter(self.lang, &lower) {
            return true;
        }
        match self.lang {
            Some(l) => is_stopword(l, &lower),
            None => [
                Language::English,
                Language::French,
                Language::German,
                Language::Spanish,
                Language::Italian,
                Language::Portuguese,
                Language::Dutch,
                Language::Russian,
            ]
            .into_iter()
            .any(|l| is_stopword(l, &lower)),
        }
    }

    /// `“Stop!” John shouted.`: after the capitalised word at `from`, is
    /// there a verb of saying?
    fn speech_follows(&self, text: &str, from: usize, end: usize) -> bool {
        let rest = &text[from.min(end)..end];
        let word: &str = rest.trim_start().split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
        is_speech_verb(word)
    }

    /// `fell.The city`: a boundary despite the missing space?
    fn missing_space_boundary(&self, text: &str, start: usize, pos: usize, after: usize, end: usize) -> bool {
        let mut next = text[after..end].chars();
        let (Some(n1), Some(n2)) = (next.next(), next.next()) else { return false };
        if !(n1.is_uppercase() && n2.is_lowercase()) {
            return false;
        }
        let ws = word_start(text, start, pos);
        let word = &text[ws..pos];
        let mut back = word.chars().rev();
        let (Some(p1), Some(p2)) = (back.next(), back.next()) else { return false };
        if !(p1.is_lowercase() && p2.is_lowercase()) {
            return false;
        }
        if word.contains(['.', '/', '@', ':', '\\', '_', '=', '&', '?', '#'])
            || word.starts_with("www")
            || word.starts_with("http")
            || self.abbrevs.is_known(word)
        {
            return false;
        }
        // The following word must not look like a domain or file ("x.Com").
        let Some(next_word) = next_blob(text, after, end) else { return false };
        let alpha: &str = next_word.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
        !is_tld(alpha)
            && !next_word.contains(['/', '@'])
            && !next_word.trim_end_matches(['.', ',', '!', '?']).contains('.')
    }
}

/// The decision for one candidate terminal.
struct Candidate {
    boundary: bool,
    /// Where the sentence ends if this is a boundary (after the closing
    /// quotes, brackets and emoticons); the scan resumes here either way.
    end: usize,
}

/// What follows a candidate boundary.
struct Next<'t> {
    /// The first word after any opening quotes/brackets.
    word: &'t str,
    word_end: usize,
    followed_by_dot: bool,
    lower: bool,
    upper: bool,
    digit: bool,
}

impl<'t> Next<'t> {
    fn at(text: &'t str, k: usize, end: usize) -> Next<'t> {
        let mut p = k;
        while let Some(c) = char_at(text, p).filter(|&c| p < end && is_opening(c)) {
            p += c.len_utf8();
        }
        let first = char_at(text, p).filter(|_| p < end);
        let rest = &text[p.min(end)..end];
        let wlen = rest
            .char_indices()
            .find(|&(_, c)| !(c.is_alphanumeric() || crate::chars::is_mark(c)))
            .map_or(rest.len(), |(i, _)| i);
        let word = &rest[..wlen];
        let followed_by_dot = rest[wlen..].starts_with('.');
        // A lower-case word after an opening quote still continues the
        // sentence: `he said. "and then…"` is rarer than `etc. "quoted"`.
        Next {
            word,
            word_end: p + wlen,
            followed_by_dot,
            lower: first.is_some_and(char::is_lowercase),
            upper: first.is_some_and(|c| c.is_uppercase() || (c.is_alphabetic() && !c.is_lowercase())),
            digit: first.is_some_and(|c| c.is_ascii_digit()),
        }
    }
}

/// Start of the word that ends at `pos` (back to white space or an opening
/// quote/bracket), not before `start`, and at most [`MAX_WORD`] bytes back
/// (longer runs are no abbreviation, and the bound keeps the scan linear on
/// text without spaces).
fn word_start(text: &str, start: usize, pos: usize) -> usize {
    let mut p = pos;
    while p > start && pos - p < MAX_WORD {
        let Some(c) = char_before(text, p) else { break };
        if c.is_whitespace() || (is_opening(c) && c != '_' && c != '*') {
            break;
        }
        p -= c.len_utf8();
    }
    p
}

/// Start of the list item after `marker` in `text[from..end]`: its label
/// and closing byte after white space, followed by a space.
fn next_inline_marker(text: &str, from: usize, end: usize, marker: &ListMarker) -> Option<usize> {
    let label = marker.next_label()?;
    let hay = &text.as_bytes()[from.min(end)..end];
    let mut pos = 0;
    while let Some(off) = memchr::memchr(marker.close, &hay[pos..]) {
        let k = pos + off;
        pos = k + 1;
        let Some(at) = k.checked_sub(label.len()) else { continue };
        if &hay[at..k] == label.as_bytes()
            && hay.get(k + 1) == Some(&b' ')
            && at > 0
            && hay[at - 1].is_ascii_whitespace()
        {
            return Some(from + at);
        }
    }
    None
}

/// How far the rules look for the word around a full stop.
const MAX_WORD: usize = 64;

/// The next white-space-delimited word at `from`, at most [`MAX_WORD`]
/// bytes; `None` if it is longer (a URL or similar blob).
fn next_blob(text: &str, from: usize, end: usize) -> Option<&str> {
    let rest = &text[from.min(end)..end];
    for (i, c) in rest.char_indices() {
        if c.is_whitespace() {
            return Some(&rest[..i]);
        }
        if i >= MAX_WORD {
            return None;
        }
    }
    Some(rest)
}

fn skip_space(text: &str, mut i: usize, end: usize) -> usize {
    while let Some(c) = char_at(text, i).filter(|&c| i < end && c.is_whitespace()) {
        i += c.len_utf8();
    }
    i
}

fn skip_inline_space(text: &str, mut i: usize, end: usize) -> usize {
    while let Some(c) = char_at(text, i).filter(|&c| i < end && matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\t')) {
        i += c.len_utf8();
    }
    i
}

fn push(text: &str, span: Span, out: &mut Vec<Span>) {
    let s = trim_span(text, span);
    if !s.is_empty() {
        out.push(s);
    }
}

#[cfg(test)]
mod next_lead_tests {
    use super::*;

    fn naive(bytes: &[u8], from: usize, end: usize, lead: &[bool; 256]) -> usize {
        (from..end).find(|&i| lead[bytes[i] as usize]).unwrap_or(end)
    }

    fn check(text: &str) {
        let b = text.as_bytes();
        // As the splitter walks a segment: one remembered position.
        for step in [1, 2] {
            let (mut i, mut high) = (0, None);
            loop {
                let p = next_lead_latin(b, i, b.len(), &mut high);
                assert_eq!(p, naive(b, i, b.len(), &TERMINAL_LEAD), "walk {text:?} from {i}");
                if p >= b.len() {
                    break;
                }
                i = p + step;
            }
        }
        for (lead, greek) in [(&TERMINAL_LEAD, false), (&GREEK_LEAD, true)] {
            for from in 0..=b.len() {
                for end in [from, (from + 3).min(b.len()), (from + 9).min(b.len()), b.len()] {
                    assert_eq!(
                        if greek { next_lead::<true>(b, from, end) } else { next_lead::<false>(b, from, end) },
                        naive(b, from, end, lead),
                        "{text:?} {from}..{end}"
                    );
                    if !greek {
                        assert_eq!(
                            next_lead_latin(b, from, end, &mut None),
                            naive(b, from, end, lead),
                            "latin {text:?} {from}..{end}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn next_lead_matches_a_byte_scan() {
        for t in [
            "",
            "No terminal here at all, just words",
            "One. Two! Three? Four; five",
            "Quotes “like this” and it’s — fine… 。done",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.",
            ".!?;é.",
            "Ünïcödé text without stops ✓ ü ß",
        ] {
            check(t);
        }
    }

    proptest::proptest! {
        #[test]
        fn next_lead_matches_on_any_text(t in "\\PC{0,40}") {
            check(&t);
        }
    }
}
