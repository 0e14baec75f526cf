//! Word tokens with byte offsets, normal form, stem and stopword flag.
//!
//! Tokenization follows the word boundaries of UAX #29 (letters, digits and
//! marks make words; an apostrophe between letters, a period or comma
//! between digits keep a word together; Han ideographs and Hiragana are one
//! token per character) with the extensions news text needs:
//! - hyphenated words stay whole: `Mazar-i-Sharif`, `US-backed`, `Covid-19`;
//! - numbers with their currency, suffix and percent sign: `$1.5bn`,
//!   `US$20`, `3,000`, `65%`, `2.0-litre`, `12:30`, `5€`;
//! - abbreviations keep their period: `U.S.`, `a.m.`, `Mr.`, `etc.`, `z.B.`;
//! - URLs, e-mail addresses, `#hashtags` and `@handles` are single tokens;
//! - French and Italian elisions are split: `l'homme` → `l'` `homme`;
//! - a missing space after a full stop splits: `fell.The` → `fell` `The`.
//!
//! Punctuation, symbols and white space make no tokens.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::abbrev::{is_dotted_acronym, is_tld, Abbrevs};
use crate::chars::{char_at, char_before, is_apostrophe, is_currency, is_hyphen, is_ideographic, is_word_char};
use crate::language::Language;
use crate::span::Span;
use crate::stopwords::is_stopword;
use rustc_hash::FxHashMap as FxMap;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    /// Letters (and marks), possibly with inner apostrophes, hyphens, digits
    /// or periods: `Kabul`, `don't`, `Mazar-i-Sharif`, `Covid-19`.
    Word,
    /// Starts with a digit or a currency sign: `3,000`, `$1.5bn`, `65%`.
    Number,
    /// An abbreviation with its period(s): `U.S.`, `Mr.`, `etc.`, `p.m.`.
    Abbreviation,
    /// `https://…`, `www.…`.
    Url,
    /// `name@example.org`.
    Email,
    /// `#hashtag`.
    Hashtag,
    /// `@handle`.
    Mention,
}

/// One word-like token. `span` always indexes the text given to the
/// tokenizer; `norm` and `stem` live beside it and never move it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Token<'t> {
    /// The token's bytes in the original text.
    #[serde(flatten)]
    pub span: Span,
    /// The original slice, `&text[span]`.
    pub text: &'t str,
    /// Case-folded form with typographic apostrophes normalised (borrowed
    /// from the text when nothing changes).
    pub norm: Cow<'t, str>,
    /// Snowball stem of `norm` for the tokenizer's language; equal to
    /// `norm` when there is no language, and for numbers, URLs, e-mails,
    /// tags, abbreviations and words with digits or periods.
    pub stem: Cow<'t, str>,
    /// True when `norm` is a stopword of the tokenizer's language.
    pub stop: bool,
    /// What kind of token this is.
    pub kind: TokenKind,
}

/// A token as seen by the allocation-free fast path
/// ([`Tokenizer::for_each_token`]): every string is borrowed, from the text
/// or from the [`StemCache`], for the duration of the callback.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TokenRef<'a> {
    /// The token's bytes in the original text.
    pub span: Span,
    /// `&text[span]`.
    pub text: &'a str,
    /// Case-folded form (see [`Token::norm`]).
    pub norm: &'a str,
    /// Stem (see [`Token::stem`]).
    pub stem: &'a str,
    /// Stopword flag.
    pub stop: bool,
    /// What kind of token this is.
    pub kind: TokenKind,
}

/// A per-caller cache of stems and stopword flags, keyed by normal form,
/// used by [`Tokenizer::for_each_token`]. Snowball stemming is by far the
/// most expensive step of tokenization and news vocabulary is small, so
/// caching makes it nearly free. Keep one per thread (it is `Send`); a cache
/// used with a tokenizer of another language clears itself. When it holds
/// `capacity` entries it is cleared, so memory stays bounded; results never
/// depend on the cache's state.
#[derive(Debug)]
pub struct StemCache {
    lang: Option<Option<Language>>,
    entries: Entries,
    norm: String,
}

/// The cached words: norm → index into `entries` (stem, stop).
#[derive(Debug)]
struct Entries {
    index: FxMap<Box<str>, u32>,
    entries: Vec<(Box<str>, bool)>,
    capacity: usize,
}

impl Default for StemCache {
    fn default() -> StemCache {
        StemCache::new()
    }
}

impl StemCache {
    /// A cache holding up to 100 000 words.
    pub fn new() -> StemCache {
        StemCache::with_capacity(100_000)
    }

    /// A cache holding up to `capacity` words (at least 1).
    pub fn with_capacity(capacity: usize) -> StemCache {
        let capacity = capacity.clamp(1, u32::MAX as usize);
        StemCache {
            lang: None,
            entries: Entries { index: FxMap::default(), entries: Vec::new(), capacity },
            norm: String::new(),
        }
    }

    /// Number of cached words.
    pub fn len(&self) -> usize {
        self.entries.entries.len()
    }

    /// True when nothing is cached.
    pub fn is_empty(&self) -> bool {
        self.entries.entries.is_empty()
    }

    /// Makes the cache fit a tokenizer for `lang` (clears it on a change).
    fn prepare(&mut self, lang: Option<Language>) {
        if self.lang != Some(lang) {
            self.clear();
            self.lang = Some(lang);
        }
    }

    /// Forgets every cached word.
    pub fn clear(&mut self) {
        self.entries.index.clear();
        self.entries.entries.clear();
    }
}

/// Splits text into word tokens and annotates them.
///
/// Three ways in, from convenient to fast:
/// - [`tokens`](Tokenizer::tokens): a `Vec<Token>` with `Cow` strings that
///   borrow from the text where they can (a stem that is a prefix of the
///   lower-case word is borrowed too);
/// - [`for_each_token`](Tokenizer::for_each_token): a callback per token
///   with `&str` norm and stem, no allocation per token, stems cached in a
///   [`StemCache`] — the hot path for scoring and indexing;
/// - [`for_each_span`](Tokenizer::for_each_span) / [`spans`](Tokenizer::spans):
///   boundaries and kinds only.
///
/// ```
/// use brief_tokenize::{Language, StemCache, Tokenizer, TokenKind};
/// let text = "The Taliban's fighters took Mazar-i-Sharif, U.S. officials said: $1.5bn.";
/// let tokenizer = Tokenizer::new(Some(Language::English));
/// let tokens = tokenizer.tokens(text);
/// let words: Vec<&str> = tokens.iter().map(|t| t.text).collect();
/// assert_eq!(
///     words,
///     ["The", "Taliban's", "fighters", "took", "Mazar-i-Sharif", "U.S.", "officials", "said", "$1.5bn"]
/// );
/// assert!(tokens[0].stop);
/// assert_eq!(tokens[1].stem, "taliban");
/// assert_eq!(tokens[2].stem, "fighter");
/// assert_eq!(tokens[5].kind, TokenKind::Abbreviation);
/// assert_eq!(tokens[8].kind, TokenKind::Number);
/// assert_eq!(&text[tokens[4].span], "Mazar-i-Sharif");
///
/// // The fast path: same tokens, borrowed strings, cached stems.
/// let mut cache = StemCache::new();
/// let mut stems = Vec::new();
/// tokenizer.for_each_token(text, &mut cache, |t| stems.push(t.stem.to_string()));
/// assert_eq!(stems, tokens.iter().map(|t| t.stem.to_string()).collect::<Vec<_>>());
/// ```
pub struct Tokenizer {
    lang: Option<Language>,
    stemmer: Option<rust_stemmers::Stemmer>,
    abbrevs: &'static Abbrevs,
}

impl std::fmt::Debug for Tokenizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tokenizer").field("lang", &self.lang).finish()
    }
}

impl Clone for Tokenizer {
    fn clone(&self) -> Tokenizer {
        Tokenizer::new(self.lang)
    }
}

/// ASCII word bytes: 0 no, 1 lower-case letter or digit, 2 upper-case letter.
static ASCII_WORD: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_uppercase() {
            2
        } else if c.is_ascii_alphanumeric() {
            1
        } else {
            0
        };
        b += 1;
    }
    t
};

/// Steps over the ASCII letters and digits of `b` from `j`: the first byte
/// after them and `class` with their [`ASCII_WORD`] classes added.
#[inline(always)]
fn ascii_word_run(b: &[u8], mut j: usize, mut class: u8) -> (usize, u8) {
    while let Some(&x) = b.get(j) {
        let c = ASCII_WORD[usize::from(x)];
        if c == 0 {
            break;
        }
        class |= c;
        j += 1;
    }
    (j, class)
}

/// ASCII bytes that may continue a word (see `Tokenizer::word`).
static ASCII_JOINER: [bool; 256] = {
    let mut t = [false; 256];
    let joiners = b"'-.,:&_$@%";
    let mut k = 0;
    while k < joiners.len() {
        t[joiners[k] as usize] = true;
        k += 1;
    }
    t
};

impl Tokenizer {
    /// A tokenizer for `lang` (`None`: no stems, no stopwords, generic
    /// abbreviations).
    pub fn new(lang: Option<Language>) -> Tokenizer {
        Tokenizer {
            lang,
            stemmer: lang.map(|l| rust_stemmers::Stemmer::create(l.algorithm())),
            abbrevs: Abbrevs::get(lang),
        }
    }

    /// The language this tokenizer stems for.
    pub fn language(&self) -> Option<Language> {
        self.lang
    }

    /// All word-like tokens of `text`, in order.
    ///
    /// Stems come from a per-thread cache (one per language, bounded), so
    /// repeated words are stemmed once; a stem that is a prefix of the
    /// unchanged word is borrowed from the text, others are allocated.
    pub fn tokens<'t>(&self, text: &'t str) -> Vec<Token<'t>> {
        thread_local! {
            static CACHES: std::cell::RefCell<Vec<StemCache>> = const { std::cell::RefCell::new(Vec::new()) };
        }
        let idx = self.lang.map_or(Language::ALL.len(), |l| l as usize);
        CACHES
            .try_with(|caches| match caches.try_borrow_mut() {
                Ok(mut caches) => {
                    if caches.is_empty() {
                        caches.extend((0..=Language::ALL.len()).map(|_| StemCache::with_capacity(50_000)));
                    }
                    match caches.get_mut(idx) {
                        Some(cache) => self.tokens_with(text, Some(cache)),
                        None => self.tokens_with(text, None),
                    }
                }
                Err(_) => self.tokens_with(text, None),
            })
            .unwrap_or_else(|_| self.tokens_with(text, None))
    }

    fn tokens_with<'t>(&self, text: &'t str, mut cache: Option<&mut StemCache>) -> Vec<Token<'t>> {
        if let Some(c) = cache.as_deref_mut() {
            c.prepare(self.lang);
        }
        let mut out = Vec::with_capacity(text.len() / 6 + 1);
        let mut buf = String::new();
        self.scan(text, |s, e, kind, plain| {
            let word = &text[s..e];
            let norm: Cow<'t, str> = if !plain && normalize_into(self.lang, word, &mut buf) {
                Cow::Owned(buf.clone())
            } else {
                Cow::Borrowed(word)
            };
            let (stem, stop): (Cow<'t, str>, bool) = if !self.stemmable(kind) {
                (norm.clone(), false)
            } else {
                let (st, stop): (Cow<'_, str>, bool) = match cache.as_deref_mut() {
                    Some(c) => {
                        let (st, stop) = cached(self, &mut c.entries, kind, &norm);
                        (Cow::Borrowed(st), stop)
                    }
                    None => self.stem_and_stop(kind, &norm).unwrap_or((Cow::Borrowed(&norm), false)),
                };
                let stem = match &norm {
                    // A stem that is a prefix of the unchanged word borrows it.
                    Cow::Borrowed(n) if n.starts_with(st.as_ref()) => Cow::Borrowed(&n[..st.len()]),
                    _ => Cow::Owned(st.into_owned()),
                };
                (stem, stop)
            };
            out.push(Token { span: Span::new(s, e), text: word, norm, stem, stop, kind });
        });
        out
    }

    /// Calls `f` for every token of `text`, in order, with borrowed norm and
    /// stem: no allocation per token (only on a cache miss). Gives exactly
    /// the tokens, norms, stems and flags of [`tokens`](Self::tokens).
    pub fn for_each_token<F: FnMut(TokenRef<'_>)>(&self, text: &str, cache: &mut StemCache, mut f: F) {
        cache.prepare(self.lang);
        let StemCache { entries, norm: buf, .. } = cache;
        self.scan(text, |s, e, kind, plain| {
            let word = &text[s..e];
            let changed = !plain && normalize_into(self.lang, word, buf);
            let norm: &str = if changed { buf.as_str() } else { word };
            let stemmed = self.stemmable(kind);
            let (stem, stop): (&str, bool) = if stemmed { cached(self, entries, kind, norm) } else { (norm, false) };
            f(TokenRef { span: Span::new(s, e), text: word, norm, stem, stop, kind });
        });
    }

    /// The normal form, stem and stopword flag of one token, given its text
    /// and kind as [`for_each_span`](Self::for_each_span) reports them: calls
    /// `f(norm, stem, stop)` with exactly what
    /// [`for_each_token`](Self::for_each_token) gives that token (they depend
    /// on nothing else). For callers that keep their own table per token
    /// form and only need to annotate the forms they have not seen yet.
    ///
    /// ```
    /// use brief_tokenize::{Language, StemCache, TokenKind, Tokenizer};
    /// let tokenizer = Tokenizer::new(Some(Language::English));
    /// let mut cache = StemCache::new();
    /// let got = tokenizer.annotate("Fighters", TokenKind::Word, &mut cache, |norm, stem, stop| {
    ///     (norm.to_string(), stem.to_string(), stop)
    /// });
    /// assert_eq!(got, ("fighters".to_string(), "fighter".to_string(), false));
    /// ```
    pub fn annotate<R>(
        &self,
        word: &str,
        kind: TokenKind,
        cache: &mut StemCache,
        f: impl FnOnce(&str, &str, bool) -> R,
    ) -> R {
        cache.prepare(self.lang);
        let StemCache { entries, norm: buf, .. } = cache;
        // `plain` only lets `for_each_token` skip this check: a plain word
        // is left as it is here too.
        let norm: &str = if normalize_into(self.lang, word, buf) { buf.as_str() } else { word };
        let (stem, stop) = if self.stemmable(kind) { cached(self, entries, kind, norm) } else { (norm, false) };
        f(norm, stem, stop)
    }

    /// Calls `f` with the span and kind of every token of `text`, in order.
    pub fn for_each_span<F: FnMut(Span, TokenKind)>(&self, text: &str, mut f: F) {
        self.scan(text, |s, e, kind, _| f(Span::new(s, e), kind));
    }

    /// The span and kind of every token of `text`, in order.
    pub fn spans(&self, text: &str) -> Vec<(Span, TokenKind)> {
        let mut out = Vec::with_capacity(text.len() / 6 + 1);
        self.for_each_span(text, |s, k| out.push((s, k)));
        out
    }

    /// The stem of an already normalised word (`norm` as in [`Token::norm`]);
    /// `norm` itself without a language.
    pub fn stem<'a>(&self, norm: &'a str) -> Cow<'a, str> {
        match &self.stemmer {
            Some(s) => s.stem(norm),
            None => Cow::Borrowed(norm),
        }
    }

    /// Does a token of `kind` get a stem / stopword lookup at all?
    #[inline]
    fn stemmable(&self, kind: TokenKind) -> bool {
        self.lang.is_some() && matches!(kind, TokenKind::Word | TokenKind::Abbreviation)
    }

    /// Stem and stopword flag of `norm`, or `None` when the token gets
    /// neither (no language, or not a word).
    fn stem_and_stop<'a>(&self, kind: TokenKind, norm: &'a str) -> Option<(Cow<'a, str>, bool)> {
        let lang = self.lang?;
        if !self.stemmable(kind) {
            return None;
        }
        let stop = is_stopword(lang, norm);
        // Words with digits or periods ("covid-19", "u.s.", "example.com")
        // are names, not inflected forms.
        let plain = kind == TokenKind::Word && !norm.bytes().any(|b| b.is_ascii_digit() || b == b'.');
        let stem = if plain { self.stem(norm) } else { Cow::Borrowed(norm) };
        Some((stem, stop))
    }

    /// The tokenizer proper: calls `emit(start, end, kind, plain)` per
    /// token, where `plain` promises the token is ASCII without upper-case
    /// letters (already in normal form; `false` means "check").
    fn scan(&self, text: &str, mut emit: impl FnMut(usize, usize, TokenKind, bool)) {
        let b = text.as_bytes();
        let n = b.len();
        let mut i = 0;
        while i < n {
            let x = b[i];
            if x < 0x80 {
                if ASCII_WORD[x as usize] != 0 {
                    i = self.word(text, i, &mut emit);
                    continue;
                }
                match x {
                    b'#' | b'@' if !char_before(text, i).is_some_and(is_word_char) => {
                        let e = tag_end(text, i + 1);
                        if e > i + 1 {
                            emit(i, e, if x == b'#' { TokenKind::Hashtag } else { TokenKind::Mention }, false);
                            i = e;
                            continue;
                        }
                    }
                    b'$' if b.get(i + 1).is_some_and(u8::is_ascii_digit) => {
                        i = self.word(text, i, &mut emit);
                        continue;
                    }
                    _ => {}
                }
                i += 1;
            } else {
                let Some(c) = char_at(text, i) else { break };
                let len = c.len_utf8();
                if is_ideographic(c) {
                    emit(i, i + len, TokenKind::Word, false);
                    i += len;
                } else if is_word_char(c) || (is_currency(c) && b.get(i + len).is_some_and(u8::is_ascii_digit)) {
                    i = self.word(text, i, &mut emit);
                } else {
                    i += len;
                }
            }
        }
    }

    /// Scans the word starting at `start` (a word char or a currency sign
    /// before a digit), emits it and returns where scanning resumes.
    #[inline(always)]
    fn word(&self, text: &str, start: usize, emit: &mut impl FnMut(usize, usize, TokenKind, bool)) -> usize {
        let b = text.as_bytes();
        let n = b.len();
        // "http", "https", "ftp", "www": a second letter other than t or w
        // rules a URL out without the call.
        if matches!(b[start], b'h' | b'H' | b'f' | b'F' | b'w' | b'W')
            && matches!(b.get(start + 1), Some(b't' | b'T' | b'w' | b'W'))
        {
            if let Some(e) = url_end(text, start) {
                emit(start, e, TokenKind::Url, false);
                return e;
            }
        }
        // Upper-case ASCII seen (bit 2) / anything but plain ASCII seen.
        let mut class = 0u8;
        let mut plain = true;
        let mut j = start;
        let mut kind = TokenKind::Word;
        let b0 = b[start];
        if b0 < 0x80 {
            // ASCII: a digit or "$" starts a number (no decoding needed).
            if b0.is_ascii_digit() || b0 == b'$' {
                kind = TokenKind::Number;
            }
            if b0 == b'$' {
                j += 1;
            }
        } else {
            let first = char_at(text, start).unwrap_or(' ');
            if is_currency(first) {
                kind = TokenKind::Number;
                j += first.len_utf8();
                plain = false;
            }
        }
        // The common case, kept small so that it stays fast: a run of ASCII
        // letters and digits ended by the end of the text, a space or a
        // punctuation mark that joins nothing.
        (j, class) = ascii_word_run(b, j, class);
        if j >= n || (b[j] < 0x80 && !ASCII_JOINER[b[j] as usize]) {
            emit(start, j, kind, plain && class & 2 == 0);
            // The scanner would only step over a space: resume after it.
            return if b.get(j) == Some(&b' ') { j + 1 } else { j };
        }
        self.word_rest(text, start, (j, kind, class, plain), emit)
    }

    /// The rest of [`word`](Self::word) from `j`, where a character that
    /// may join the word (or a non-ASCII one) follows: `class`, `plain` as
    /// there.
    #[inline(never)]
    fn word_rest(
        &self,
        text: &str,
        start: usize,
        (mut j, mut kind, mut class, mut plain): (usize, TokenKind, u8, bool),
        emit: &mut impl FnMut(usize, usize, TokenKind, bool),
    ) -> usize {
        let b = text.as_bytes();
        let n = b.len();
        let mut has_dot = false;
        loop {
            (j, class) = ascii_word_run(b, j, class);
            if j >= n {
                break;
            }
            // Most words end at a space or a punctuation mark that joins
            // nothing: decide those without decoding.
            if b[j] < 0x80 && !ASCII_JOINER[b[j] as usize] {
                break;
            }
            let Some(c) = char_at(text, j) else { break };
            let len = c.len_utf8();
            if !c.is_ascii() && is_word_char(c) && !is_ideographic(c) {
                plain = false;
                j += len;
                continue;
            }
            let prev = char_before(text, j).unwrap_or(' ');
            let next = char_at(text, j + len).unwrap_or(' ');
            let joins = match c {
                // Soft hyphen inside a word.
                '\u{ad}' => is_word_char(next),
                c if is_apostrophe(c) && prev.is_alphabetic() && next.is_alphabetic() && !is_ideographic(next) => {
                    if self.is_elision(&text[start..j]) {
                        emit(start, j + len, TokenKind::Word, false);
                        return j + len;
                    }
                    plain &= c == '\'';
                    true
                }
                c if is_hyphen(c) => {
                    is_word_char(prev) && is_word_char(next) && !is_ideographic(next) && !is_ideographic(prev)
                }
                '.' => {
                    if prev.is_ascii_digit() && next.is_ascii_digit() {
                        true
                    } else if prev.is_alphabetic() && next.is_alphabetic() && !is_ideographic(next) {
                        has_dot = true;
                        !missing_space(text, start, j)
                    } else if prev.is_alphabetic() {
                        // A final period: kept by titles, initials and dotted
                        // acronyms, and by other abbreviations unless a
                        // capitalised word follows (then it ends the sentence).
                        let w = &text[start..j];
                        let initial = {
                            let mut cs = w.chars();
                            matches!((cs.next(), cs.next()), (Some(c), None) if c.is_uppercase())
                        };
                        let keeps = is_dotted_acronym(w)
                            || initial
                            || self.abbrevs.is_title(w)
                            || (self.abbrevs.is_general(w) && !sentence_follows(text, j + 1, self.lang));
                        if keeps {
                            j += 1;
                            kind = TokenKind::Abbreviation;
                            // "U.S.-backed" stays one word.
                            let mut after = text[j..].chars();
                            if let (Some(h), Some(w2)) = (after.next(), after.next()) {
                                if is_hyphen(h) && is_word_char(w2) && !is_ideographic(w2) {
                                    plain &= h.is_ascii();
                                    j += h.len_utf8();
                                    kind = TokenKind::Word;
                                    continue;
                                }
                            }
                        }
                        false
                    } else {
                        false
                    }
                }
                ',' | ':' => prev.is_ascii_digit() && next.is_ascii_digit(),
                '&' => prev.is_ascii_uppercase() && next.is_ascii_uppercase(),
                '_' => is_word_char(next),
                '$' => prev.is_ascii_uppercase() && next.is_ascii_digit(),
                '@' => {
                    if let Some(e) = email_end(text, start, j) {
                        emit(start, e, TokenKind::Email, false);
                        return e;
                    }
                    false
                }
                '%' | '‰' if prev.is_ascii_digit() => {
                    j += len;
                    plain &= c.is_ascii();
                    false
                }
                c if is_currency(c) && prev.is_ascii_digit() && kind == TokenKind::Number => {
                    j += len;
                    plain &= c.is_ascii();
                    false
                }
                _ => false,
            };
            if !joins {
                break;
            }
            plain &= c.is_ascii();
            j += len;
        }
        if kind == TokenKind::Word && has_dot && is_dotted_acronym(&text[start..j]) {
            kind = TokenKind::Abbreviation;
        }
        // Currency signs and "%" may be non-ASCII: `plain` covers them too.
        let plain = plain && class & 2 == 0;
        emit(start, j, kind, plain);
        j
    }

    /// French and Italian elided articles and pronouns, split off before the
    /// apostrophe: "l'", "d'", "qu'", "dell'".
    fn is_elision(&self, before: &str) -> bool {
        const FR: &[&str] = &["l", "d", "j", "qu", "n", "s", "c", "m", "t", "jusqu", "lorsqu", "puisqu", "quoiqu"];
        const IT: &[&str] =
            &["l", "un", "dell", "all", "dall", "nell", "sull", "d", "c", "quest", "quell", "coll", "s", "m", "t", "v"];
        let list = match self.lang {
            Some(Language::French) => FR,
            Some(Language::Italian) => IT,
            _ => return false,
        };
        before.len() <= 6 && list.iter().any(|e| e.eq_ignore_ascii_case(before))
    }
}

/// Stem and stopword flag of `norm` from the cache, computed and inserted
/// on a miss (clearing the cache when it is full).
#[inline]
fn cached<'c>(tok: &Tokenizer, cache: &'c mut Entries, kind: TokenKind, norm: &str) -> (&'c str, bool) {
    let idx = match cache.index.get(norm) {
        Some(&i) => i as usize,
        None => {
            if cache.entries.len() >= cache.capacity {
                cache.index.clear();
                cache.entries.clear();
            }
            let (st, stop) = tok.stem_and_stop(kind, norm).unwrap_or((Cow::Borrowed(norm), false));
            let i = cache.entries.len();
            cache.entries.push((st.into(), stop));
            cache.index.insert(norm.into(), i as u32);
            i
        }
    };
    match cache.entries.get(idx) {
        Some((st, stop)) => (st, *stop),
        None => ("", false),
    }
}

/// Does a new sentence (as far as the tokenizer can tell) start after the
/// period ending at `from`: the end of the text, or a capitalised sentence
/// opener (a stopword of `lang`, "The", "Il", "Der")?
fn sentence_follows(text: &str, from: usize, lang: Option<Language>) -> bool {
    let rest = text[from.min(text.len())..].trim_start();
    let Some(first) = rest.chars().next() else { return true };
    if !first.is_uppercase() {
        return false;
    }
    let word: &str = rest.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    if word.chars().count() == 1 && rest[word.len()..].starts_with('.') {
        return false;
    }
    let lower = word.to_lowercase();
    crate::abbrev::is_extra_starter(lang, &lower) || is_stopword(lang.unwrap_or(Language::English), &lower)
}

/// `fell.The`: the period at `dot` between two letters is a sentence end
/// with a missing space (two lower-case letters before, a capitalised word
/// after, no other period in the word so far).
fn missing_space(text: &str, start: usize, dot: usize) -> bool {
    let before = &text[start..dot];
    if before.len() > 64 {
        return false;
    }
    let mut back = before.chars().rev();
    let (Some(p1), Some(p2)) = (back.next(), back.next()) else { return false };
    let mut fwd = text[dot + 1..].chars();
    let (Some(n1), Some(n2)) = (fwd.next(), fwd.next()) else { return false };
    p1.is_lowercase()
        && p2.is_lowercase()
        && n1.is_uppercase()
        && n2.is_lowercase()
        && !before.contains('.')
        && plain_word_follows(&text[dot + 1..])
}

/// After a possible missing space: is the rest of the blob (up to white
/// space, looked at within 64 bytes to stay linear) a plain word, not
/// "Example.Com" or "x.Y.z"?
fn plain_word_follows(tail: &str) -> bool {
    let mut blob_end = None;
    for (i, c) in tail.char_indices() {
        if c.is_whitespace() {
            blob_end = Some(i);
            break;
        }
        if i > 64 {
            return false;
        }
    }
    let blob = &tail[..blob_end.unwrap_or(tail.len())];
    !is_tld(blob.split(|c: char| !c.is_alphabetic()).next().unwrap_or(""))
        && !blob.trim_end_matches(['.', ',']).contains('.')
}

/// End of a URL starting at `start`, if one starts there.
fn url_end(text: &str, start: usize) -> Option<usize> {
    let rest = &text.as_bytes()[start..];
    let prefix = |p: &[u8]| rest.len() > p.len() && rest[..p.len()].eq_ignore_ascii_case(p);
    if !(prefix(b"http://") || prefix(b"https://") || prefix(b"ftp://") || prefix(b"www.")) {
        return None;
    }
    let mut e = start;
    for (i, c) in text[start..].char_indices() {
        if c.is_whitespace() || matches!(c, '<' | '>' | '"' | '“' | '”' | '«' | '»' | '|') {
            break;
        }
        e = start + i + c.len_utf8();
    }
    // Trailing punctuation belongs to the sentence, and a closing bracket
    // only to the URL when the URL opened one.
    let s = &text[start..e];
    let (open_paren, mut close_paren) = (s.matches('(').count(), s.matches(')').count());
    let (open_sq, mut close_sq) = (s.matches('[').count(), s.matches(']').count());
    while let Some(last) = text[start..e].chars().next_back() {
        let strip = match last {
            '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '’' => true,
            ')' if open_paren < close_paren => {
                close_paren -= 1;
                true
            }
            ']' if open_sq < close_sq => {
                close_sq -= 1;
                true
            }
            _ => false,
        };
        if !strip {
            break;
        }
        e -= last.len_utf8();
    }
    (e > start + 4).then_some(e)
}

/// End of an e-mail address whose local part is `text[start..at]`.
fn email_end(text: &str, start: usize, at: usize) -> Option<usize> {
    if at == start {
        return None;
    }
    let mut e = at + 1;
    let mut pending_dot = None;
    let mut last_dot = None;
    for (i, c) in text[at + 1..].char_indices() {
        let p = at + 1 + i;
        if c.is_alphanumeric() || c == '-' {
            e = p + c.len_utf8();
            if pending_dot.take().is_some() {
                last_dot = Some(p - 1);
            }
        } else if c == '.' && pending_dot.is_none() && p > at + 1 {
            pending_dot = Some(p);
        } else {
            break;
        }
    }
    let dot = last_dot?;
    // The top-level label: at least two letters.
    let tld = &text[dot + 1..e];
    (tld.chars().count() >= 2 && tld.chars().all(char::is_alphabetic)).then_some(e)
}

/// End of a hashtag or handle body starting at `from`.
fn tag_end(text: &str, from: usize) -> usize {
    let mut e = from;
    for (i, c) in text[from..].char_indices() {
        if is_word_char(c) || c == '_' {
            e = from + i + c.len_utf8();
        } else {
            break;
        }
    }
    e
}

/// Case-folds `word` for `lang` into `out`; returns false (leaving `out`
/// unspecified) when `word` is already in normal form.
fn normalize_into(lang: Option<Language>, word: &str, out: &mut String) -> bool {
    let turkish = lang == Some(Language::Turkish);
    let romanian = lang == Some(Language::Romanian);
    if word.is_ascii() {
        if !word.bytes().any(|b| b.is_ascii_uppercase()) {
            return false;
        }
        out.clear();
        for &b in word.as_bytes() {
            if turkish && b == b'I' {
                out.push('ı');
            } else {
                out.push(b.to_ascii_lowercase() as char);
            }
        }
        return true;
    }
    let needs = word.chars().any(|c| {
        c != '\''
            && (is_apostrophe(c)
                || matches!(c, '\u{ad}' | '\u{2010}' | '\u{2011}')
                || (romanian && matches!(c, 'ș' | 'ț'))
                || changes_case(c))
    });
    if !needs {
        return false;
    }
    out.clear();
    let mut chars = word.chars().peekable();
    let mut prev_letter = false;
    while let Some(c) = chars.next() {
        match c {
            c if is_apostrophe(c) => out.push('\''),
            '\u{ad}' => {}
            '\u{2010}' | '\u{2011}' => out.push('-'),
            'I' if turkish => out.push('ı'),
            'İ' if turkish => out.push('i'),
            // The Romanian stemmer and stopword list spell ş ţ with a cedilla;
            // modern text uses the comma below.
            'ș' | 'Ș' if romanian => out.push('ş'),
            'ț' | 'Ț' if romanian => out.push('ţ'),
            'Σ' => {
                // Final sigma when a letter precedes and none follows.
                let next_letter = chars.peek().is_some_and(|n| n.is_alphabetic());
                out.push(if prev_letter && !next_letter { 'ς' } else { 'σ' });
            }
            c => out.extend(c.to_lowercase()),
        }
        prev_letter = c.is_alphabetic();
    }
    true
}

#[inline]
fn changes_case(c: char) -> bool {
    if c.is_lowercase() {
        return false;
    }
    let mut l = c.to_lowercase();
    l.next() != Some(c) || l.next().is_some()
}

/// Case-folds `word` and maps typographic apostrophes to `'` (and soft
/// hyphens away, Unicode hyphens to `-`). Borrows when nothing changes.
/// Language-neutral; tokens of a Turkish tokenizer also map `I` to `ı`.
///
/// ```
/// use brief_tokenize::normalize;
/// assert_eq!(normalize("Afghanistan’s"), "afghanistan's");
/// assert_eq!(normalize("ΟΔΟΣ"), "οδος");
/// assert!(matches!(normalize("plain"), std::borrow::Cow::Borrowed(_)));
/// ```
pub fn normalize(word: &str) -> Cow<'_, str> {
    let mut out = String::new();
    if normalize_into(None, word, &mut out) {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(word)
    }
}
