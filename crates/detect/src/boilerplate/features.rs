//! Plain-text features of one block, computed in a single pass over its
//! words: length, sentence-final punctuation, capitalisation shape,
//! stopword density, and the vocabulary keys the cluster evidence uses.

use std::sync::{LazyLock, OnceLock};

use crate::lang_profile::low_bytes;
use brief_tokenize::{is_stopword, stopwords, Language};

/// What the classifier knows about one block's text.
#[derive(Clone, Debug, Default)]
pub(crate) struct Features {
    /// Whitespace-separated words.
    pub words: usize,
    /// Words that are stopwords of the block's language.
    pub stopwords: usize,
    /// Letters in upper case / in lower case.
    pub upper: usize,
    pub lower: usize,
    /// The text ends like a sentence (after closing quotes and brackets).
    pub ends_sentence: bool,
    /// Words that start with a capital letter.
    pub cap_words: usize,
    /// "Label:" fields ("Engine:", "Born:", "Favourite vehicle:"): fact
    /// and spec boxes list several of them.
    pub fields: usize,
    /// Hash of the line's words, case and punctuation normalised (short
    /// lines only).
    pub line: Option<u64>,
    /// Words with a digit ("2021", "14C", "1,0142").
    pub numbers: usize,
    /// The text opens with a quotation mark.
    pub starts_quote: bool,
    /// Vocabulary keys of the content words (sorted, deduplicated).
    pub keys: Vec<u64>,
}

impl Features {
    /// All letters upper case ("GETTING OUT").
    pub fn all_caps(&self) -> bool {
        self.upper >= 2 && self.lower == 0
    }

    /// Words looked at in detail (the head of a long paragraph).
    pub fn detail_words(&self) -> usize {
        self.words.min(DETAIL_WORDS)
    }

    /// Share of the detailed words that are stopwords.
    pub fn stop_density(&self) -> f32 {
        self.stopwords as f32 / self.detail_words().max(1) as f32
    }
}

const CLOSERS: &[char] = &['"', '\'', '”', '’', '»', '›', ')', ']', '*', '”'];
const FINAL: &[char] = &['.', '!', '?', '…', ':', ';', '。', '！', '？', '؟', '।'];

/// True when `t` ends like a sentence: final punctuation, possibly followed
/// by closing quotes or brackets ("… he said.”", "(see below).").
pub(crate) fn ends_sentence(t: &str) -> bool {
    let t = t.trim_end();
    let stripped = t.trim_end_matches(CLOSERS).trim_end();
    stripped.ends_with(FINAL)
}

/// Hashes of byte strings (lower-cased words, their prefixes, the words of
/// a line), compared for equality only: eight bytes per multiply, where a
/// byte-wise hash chains a multiply per byte.
const SEED: u64 = 0xcbf2_9ce4_8422_2325;

fn mix(h: u64, v: u64) -> u64 {
    (h.rotate_left(26) ^ v).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// Spreads the high bits into the low ones (the hash maps index by the
/// low bits).
fn finish(h: u64) -> u64 {
    h ^ (h >> 29)
}

/// Up to 8 bytes, little-endian, zero padded.
fn pack_le(b: &[u8]) -> u64 {
    b.iter().rev().fold(0, |a, &x| (a << 8) | u64::from(x))
}

/// The hash of a byte string (its length, then its bytes 8 at a time).
fn bytes_hash(b: &[u8]) -> u64 {
    finish(b.chunks(8).fold(mix(SEED, b.len() as u64), |h, c| mix(h, pack_le(c))))
}

/// The case-insensitive hash of a word prefix: a cheap, language agnostic
/// stand-in for a stem ("Afghan", "Afghanistan's" → "afgha").
fn key_of(word: &str) -> u64 {
    let mut buf = [0u8; 4 * 3 * KEY_CHARS];
    let mut n = 0;
    for c in word.chars().take(KEY_CHARS).flat_map(char::to_lowercase) {
        n += c.encode_utf8(&mut buf[n..]).len();
    }
    bytes_hash(&buf[..n])
}

/// [`bytes_hash`] of `n` ≤ 8 bytes given packed.
fn bytes_hash_packed(packed: u64, n: usize) -> u64 {
    finish(mix(mix(SEED, n as u64), packed))
}

/// Characters kept of a word for its vocabulary key.
const KEY_CHARS: usize = 5;
/// Shortest word that counts as vocabulary.
const MIN_KEY_CHARS: usize = 4;

/// Lower-cases `w` into `buf` (ASCII without the Unicode tables).
fn lower_into(w: &str, buf: &mut String) {
    buf.clear();
    if w.is_ascii() {
        buf.push_str(w);
        buf.make_ascii_lowercase();
    } else {
        buf.extend(w.chars().flat_map(char::to_lowercase));
    }
}

/// Computes the features of `t` in `lang` (stopwords only when known), in
/// one pass over its words.
pub(crate) fn features(t: &str, lang: Option<Language>) -> Features {
    features_with(t, lang, true)
}

/// [`features`]; `fast: false` takes the general (character by character)
/// path for every word, the reference the fast paths are tested against.
#[inline(always)]
fn features_with(t: &str, lang: Option<Language>, fast: bool) -> Features {
    // one key at most per detailed word (of 5 bytes or more with a space)
    let keys = Vec::with_capacity(DETAIL_WORDS.min(t.len() / 5));
    let mut f = Features { ends_sentence: ends_sentence(t), keys, ..Features::default() };
    let mut line = SEED;
    // looked up once per block, not per word
    let set = lang.map(stop_set);
    let max_stop = set.map_or(0, |s| s.max_len);
    f.starts_quote = t.trim_start().starts_with(['\'', '‘', '"', '“', '«', '„', '‚', '‹']);
    let mut lowbuf = String::new();
    // words since the last capitalised word, while no "Label:" closed it
    let mut since_cap: Option<usize> = None;
    let mut words = Words::new(t);
    while let Some(raw) = words.next() {
        f.words += 1;
        if f.words > DETAIL_WORDS {
            // a long paragraph's head tells its shape and vocabulary as well
            // as the whole: the rest is only counted
            f.words += count_words(words.rest());
            break;
        }
        let n = f.words;
        if fast && raw.len() <= 16 {
            // the common case: an ASCII word of up to 16 bytes, every fact
            // from one 16-byte load (no trimming or case loops)
            let off = (raw.as_ptr() as usize).wrapping_sub(t.as_ptr() as usize);
            let (lo, hi) = load16(t.as_bytes(), off, raw.as_bytes());
            let ctx = WordCtx { n, lang, set };
            // (a word of up to 8 bytes, the usual case, has no second half
            // to look at: its own copy of the step leaves that out)
            if (lo | hi) & H == 0
                && if raw.len() <= 8 {
                    short_ascii_raw::<false>(&mut f, raw, (lo, hi), &ctx, &mut since_cap, &mut line, &mut lowbuf)
                } else {
                    short_ascii_raw::<true>(&mut f, raw, (lo, hi), &ctx, &mut since_cap, &mut line, &mut lowbuf)
                }
            {
                continue;
            }
        }
        let ascii = raw.is_ascii();
        let upper0 = if ascii {
            raw.as_bytes()[0].is_ascii_uppercase()
        } else {
            raw.chars().next().is_some_and(char::is_uppercase)
        };
        let is_label = raw.len() > 2
            && raw.ends_with(':')
            && if ascii {
                raw.as_bytes()[..raw.len() - 1].iter().all(u8::is_ascii_alphabetic)
            } else {
                raw[..raw.len() - 1].chars().all(char::is_alphabetic)
            };
        if is_label && (upper0 || since_cap.is_some_and(|k| k < 3)) {
            f.fields += 1;
            since_cap = None;
        } else if upper0 {
            since_cap = Some(0);
        } else if let Some(k) = since_cap.as_mut() {
            *k += 1;
        }
        let w = if ascii {
            trim_ascii_punct(raw)
        } else if fast {
            trim_punct(raw)
        } else {
            raw.trim_matches(|c: char| !c.is_alphanumeric())
        };
        if w.is_empty() {
            continue;
        }
        if fast && (ascii || w.is_ascii()) {
            // the common case (“Kabul”, too), in one pass over the bytes
            ascii_word(&mut f, t, w, upper0, n <= LINE_WORDS, &mut line, lang, set, &mut lowbuf);
            continue;
        }
        // the word is not ASCII from here on
        let short_line = n <= LINE_WORDS;
        if short_line || w.len() <= max_stop {
            lower_into(w, &mut lowbuf);
        }
        if short_line {
            // the line's hash: its words lower-cased without punctuation
            line = mix(line, bytes_hash(lowbuf.as_bytes()));
        }
        let mut letters = 0usize;
        let mut alpha = true;
        f.cap_words += usize::from(upper0 || w.chars().next().is_some_and(char::is_uppercase));
        f.numbers += usize::from(w.bytes().any(|b| b.is_ascii_digit()));
        for c in w.chars() {
            if c.is_uppercase() {
                f.upper += 1;
                letters += 1;
            } else if c.is_lowercase() {
                f.lower += 1;
                letters += 1;
            } else if c.is_alphabetic() {
                letters += 1;
            } else if c != '\'' && c != '’' && c != '-' {
                alpha = false;
            }
        }
        let mut stop = false;
        if let Some(lang) = lang {
            if w.len() <= max_stop {
                stop = is_stopword(lang, &lowbuf);
                // (’ is E2 80 99: a byte test turns most words away first)
                if !stop && w.bytes().any(|b| b == b'\'' || b == 0xE2) && w.contains(['\'', '’']) {
                    // "Afghanistan's" / "l'armée": the stopword check sees the head
                    lower_into(w, &mut lowbuf);
                    if let Some((head, _)) = lowbuf.split_once(['\'', '’']) {
                        stop = !head.is_empty() && is_stopword(lang, head);
                    }
                }
            }
        }
        if stop {
            f.stopwords += 1;
        } else if alpha && letters >= MIN_KEY_CHARS {
            f.keys.push(key_of(w));
        }
    }
    f.keys.sort_unstable();
    f.keys.dedup();
    f.line = (f.words <= LINE_WORDS).then_some(line);
    f
}

const H: u64 = 0x8080_8080_8080_8080;
/// What every word of a block shares.
struct WordCtx<'s> {
    /// The word's number in the block (from 1).
    n: usize,
    lang: Option<Language>,
    set: Option<&'s StopSet>,
}

/// The whole per-word step of [`features`] for a raw (untrimmed) ASCII
/// word of up to 16 bytes that starts with a letter or a digit, given as
/// (`lo`, `hi`) (zero padded): capital, "Label:" field, trimming, case,
/// digits, the line hash, the stopword test and the vocabulary key, from
/// masks over the bytes (SWAR) instead of loops. False (and nothing done)
/// when the word starts otherwise.
#[inline(always)]
fn short_ascii_raw<const LONG: bool>(
    f: &mut Features,
    raw: &str,
    (lo, hi): (u64, u64),
    ctx: &WordCtx<'_>,
    since_cap: &mut Option<usize>,
    line: &mut u64,
    lowbuf: &mut String,
) -> bool {
    let m = raw.len();
    let a = Swar::of(lo, m.min(8));
    // `LONG`: more than 8 bytes
    let b = if LONG { Swar::of(hi, m - 8) } else { Swar::default() };
    let (alnum_lo, alnum_hi) = (a.upper | a.lower | a.digit, b.upper | b.lower | b.digit);
    if alnum_lo & 0x80 == 0 {
        // leading punctuation: the general ASCII path trims it
        return false;
    }
    let upper0 = a.upper & 0x80 != 0;
    // "Label:" — letters, then a final colon
    let is_label = m > 2
        && raw.as_bytes().last() == Some(&b':')
        && a.upper | a.lower == low_bytes((m - 1).min(8)) & H
        && b.upper | b.lower == low_bytes((m - 1).saturating_sub(8)) & H;
    if is_label && (upper0 || since_cap.is_some_and(|k| k < 3)) {
        f.fields += 1;
        *since_cap = None;
    } else if upper0 {
        *since_cap = Some(0);
    } else if let Some(k) = since_cap.as_mut() {
        *k += 1;
    }
    // the word without its trailing punctuation: up to its last letter or
    // digit (letters and digits all lie before)
    let n = if LONG && alnum_hi != 0 {
        8 + (63 - alnum_hi.leading_zeros() as usize) / 8 + 1
    } else {
        (63 - alnum_lo.leading_zeros() as usize) / 8 + 1
    };
    let (klo, khi) = (low_bytes(n), low_bytes(n.saturating_sub(8)));
    let (upper, lower) = (bytes_set2(a.upper, b.upper), bytes_set2(a.lower, b.lower));
    f.upper += upper;
    f.lower += lower;
    f.numbers += usize::from(a.digit | b.digit != 0);
    f.cap_words += usize::from(upper0);
    let alpha = (a.other & klo) | (b.other & khi) == 0;
    let (llo, lhi) = (a.lowered & klo, b.lowered & khi);
    if ctx.n <= LINE_WORDS {
        let mut h = mix(mix(SEED, n as u64), llo);
        if LONG && n > 8 {
            h = mix(h, lhi);
        }
        *line = mix(*line, finish(h));
    }
    let mut stop = false;
    if let (Some(lang), Some(set)) = (ctx.lang, ctx.set) {
        if n <= set.max_len {
            stop = set.contains((llo, lhi));
            if !stop && (a.apos & klo) | (b.apos & khi) != 0 {
                // "Afghanistan's" / "l'armée": the stopword check sees the head
                lower_into(raw.get(..n).unwrap_or(""), lowbuf);
                if let Some((head, _)) = lowbuf.split_once(['\'', '’']) {
                    stop = !head.is_empty() && is_stopword(lang, head);
                }
            }
        }
    }
    if stop {
        f.stopwords += 1;
    } else if alpha && upper + lower >= MIN_KEY_CHARS {
        let k = n.min(KEY_CHARS);
        f.keys.push(bytes_hash_packed(llo & low_bytes(k), k));
    }
    true
}

/// [`features`] for a word whose trimmed form `w` is ASCII: the same
/// counts, computed eight bytes at a time (SWAR) for words of up to 16
/// bytes: case, digits, the lower-cased bytes, the word's hash, the
/// vocabulary key and the packed stopword key, without a loop over the
/// bytes. `upper0`: the untrimmed word starts with a capital; `t`: the
/// block `w` is a slice of (read past the word's end where it can).
#[allow(clippy::too_many_arguments)]
#[inline(always)]
fn ascii_word(
    f: &mut Features,
    t: &str,
    w: &str,
    upper0: bool,
    short_line: bool,
    line: &mut u64,
    lang: Option<Language>,
    set: Option<&StopSet>,
    lowbuf: &mut String,
) {
    let n = w.len();
    if n > 16 {
        ascii_word_long(f, w, upper0, short_line, line, lang, set, lowbuf);
        return;
    }
    // where `w` starts in `t` (it is a slice of it)
    let off = (w.as_ptr() as usize).wrapping_sub(t.as_ptr() as usize);
    let (lo, hi) = load16(t.as_bytes(), off, w.as_bytes());
    let a = Swar::of(lo, n.min(8));
    let b = if n > 8 { Swar::of(hi, n - 8) } else { Swar::default() };
    let (upper, lower) = (bytes_set(a.upper) + bytes_set(b.upper), bytes_set(a.lower) + bytes_set(b.lower));
    f.upper += upper;
    f.lower += lower;
    f.numbers += usize::from(a.digit | b.digit != 0);
    f.cap_words += usize::from(upper0 || a.upper & 0x80 != 0);
    let letters = upper + lower;
    // anything but letters, apostrophes and hyphens
    let alpha = (a.other | b.other) == 0;
    let (llo, lhi) = (a.lowered, b.lowered);
    if short_line {
        let mut h = mix(mix(SEED, n as u64), llo);
        if n > 8 {
            h = mix(h, lhi);
        }
        *line = mix(*line, finish(h));
    }
    let mut stop = false;
    if let (Some(lang), Some(set)) = (lang, set) {
        if n <= set.max_len {
            stop = set.contains((llo, lhi));
            if !stop && (a.apos | b.apos) != 0 {
                stop = head_is_stopword(w, lang, lowbuf);
            }
        }
    }
    if stop {
        f.stopwords += 1;
    } else if alpha && letters >= MIN_KEY_CHARS {
        let k = n.min(KEY_CHARS);
        f.keys.push(bytes_hash_packed(llo & low_bytes(k), k));
    }
}

/// The number of bytes of a [`Swar`] mask that have their high bit set (a
/// multiply, where `count_ones` is a dozen instructions without `popcnt`).
fn bytes_set(mask: u64) -> usize {
    ((mask >> 7).wrapping_mul(0x0101_0101_0101_0101) >> 56) as usize
}

/// `bytes_set(a) + bytes_set(b)` with one multiply (at most 16 bytes, so
/// the per-byte sums and the total fit in a byte).
fn bytes_set2(a: u64, b: u64) -> usize {
    (((a >> 7) + (b >> 7)).wrapping_mul(0x0101_0101_0101_0101) >> 56) as usize
}

/// The first 16 bytes of `w` (which starts at `off` in `t`), little-endian
/// and zero padded: one load for each half where `t` goes on long enough.
fn load16(t: &[u8], off: usize, w: &[u8]) -> (u64, u64) {
    let n = w.len().min(16);
    let word = |b: &[u8]| b.try_into().map_or(0, u64::from_le_bytes);
    if n <= 8 {
        // (the usual case: one load)
        if let Some(win) = off.checked_add(8).and_then(|end| t.get(off..end)) {
            if std::ptr::eq(win.as_ptr(), w.as_ptr()) {
                return (word(win) & low_bytes(n), 0);
            }
        }
    }
    match off.checked_add(16).and_then(|end| t.get(off..end)) {
        // (the same address: `w` is that part of `t`)
        Some(win) if std::ptr::eq(win.as_ptr(), w.as_ptr()) => {
            (word(&win[..8]) & low_bytes(n), word(&win[8..]) & low_bytes(n.saturating_sub(8)))
        }
        _ => {
            let pack = |b: &[u8]| b.iter().rev().fold(0u64, |a, &x| (a << 8) | u64::from(x));
            (pack(&w[..n.min(8)]), pack(&w[n.min(8)..n]))
        }
    }
}

/// Per-byte facts of up to 8 ASCII bytes packed in a `u64`, as masks with
/// the high bit of each byte that has the property.
#[derive(Default)]
struct Swar {
    upper: u64,
    lower: u64,
    digit: u64,
    apos: u64,
    /// Neither a letter, an apostrophe nor a hyphen.
    other: u64,
    /// The bytes with ASCII capitals lower-cased.
    lowered: u64,
}

impl Swar {
    /// The facts of the low `k` bytes of `x` (all ASCII).
    fn of(x: u64, k: usize) -> Swar {
        const H: u64 = 0x8080_8080_8080_8080;
        const L: u64 = 0x0101_0101_0101_0101;
        // for bytes below 0x80: high bit set where lo <= byte <= hi
        let range =
            |lo: u8, hi: u8| x.wrapping_add(L * u64::from(0x80 - lo)) & !x.wrapping_add(L * u64::from(0x7f - hi)) & H;
        let valid = low_bytes(k) & H;
        let upper = range(b'A', b'Z') & valid;
        let lower = range(b'a', b'z') & valid;
        let apos = range(b'\'', b'\'') & valid;
        let hyphen = range(b'-', b'-') & valid;
        Swar {
            upper,
            lower,
            digit: range(b'0', b'9') & valid,
            apos,
            other: valid & !(upper | lower | apos | hyphen),
            lowered: x | (upper >> 2),
        }
    }
}

/// [`ascii_word`] for words of more than 16 bytes, byte by byte.
#[allow(clippy::too_many_arguments)]
#[inline(never)]
fn ascii_word_long(
    f: &mut Features,
    w: &str,
    upper0: bool,
    short_line: bool,
    line: &mut u64,
    lang: Option<Language>,
    set: Option<&StopSet>,
    lowbuf: &mut String,
) {
    let wb = w.as_bytes();
    let (mut upper, mut lower, mut digit, mut alpha) = (0usize, 0usize, false, true);
    // the lower-cased word's hash, as `bytes_hash` computes it
    let mut h = mix(SEED, wb.len() as u64);
    // the first 8 lower-cased bytes (then each later chunk of 8)
    let mut pack = 0u64;
    let mut chunk = 0u64;
    for (i, &b) in wb.iter().enumerate() {
        let lb = u64::from(b.to_ascii_lowercase());
        chunk |= lb << (8 * (i % 8));
        if i % 8 == 7 {
            if i == 7 {
                pack = chunk;
            }
            h = mix(h, chunk);
            chunk = 0;
        }
        if b.is_ascii_uppercase() {
            upper += 1;
        } else if b.is_ascii_lowercase() {
            lower += 1;
        } else if b != b'\'' && b != b'-' {
            alpha = false;
            digit |= b.is_ascii_digit();
        }
    }
    if wb.len() < 8 {
        pack = chunk;
    }
    if wb.len() % 8 != 0 {
        h = mix(h, chunk);
    }
    if short_line {
        *line = mix(*line, finish(h));
    }
    let key = if wb.len() <= KEY_CHARS {
        finish(h)
    } else {
        // the first KEY_CHARS bytes (KEY_CHARS < 8)
        bytes_hash_packed(pack & ((1 << (8 * KEY_CHARS)) - 1), KEY_CHARS)
    };
    f.upper += upper;
    f.lower += lower;
    f.numbers += usize::from(digit);
    f.cap_words += usize::from(upper0 || wb[0].is_ascii_uppercase());
    let letters = upper + lower;
    let mut stop = false;
    if let (Some(lang), Some(set)) = (lang, set) {
        if wb.len() <= set.max_len {
            lower_into(w, lowbuf);
            stop = is_stopword(lang, lowbuf);
            if !stop && wb.contains(&b'\'') {
                stop = head_is_stopword(w, lang, lowbuf);
            }
        }
    }
    if stop {
        f.stopwords += 1;
    } else if alpha && letters >= MIN_KEY_CHARS {
        f.keys.push(key);
    }
}

/// An ASCII word without its leading and trailing non-alphanumeric bytes.
fn trim_ascii_punct(w: &str) -> &str {
    let b = w.as_bytes();
    let mut start = 0;
    let mut end = b.len();
    while start < end && !ALNUM[usize::from(b[start])] {
        start += 1;
    }
    while end > start && !ALNUM[usize::from(b[end - 1])] {
        end -= 1;
    }
    w.get(start..end).unwrap_or("")
}

/// `w.trim_matches(|c: char| !c.is_alphanumeric())`, deciding ASCII end
/// bytes by table (only characters outside ASCII are decoded).
fn trim_punct(w: &str) -> &str {
    let b = w.as_bytes();
    let mut start = 0;
    while let Some(&c) = b.get(start) {
        if c < 0x80 {
            if ALNUM[usize::from(c)] {
                break;
            }
            start += 1;
        } else {
            match w.get(start..).and_then(|r| r.chars().next()) {
                Some(ch) if !ch.is_alphanumeric() => start += ch.len_utf8(),
                _ => break,
            }
        }
    }
    let mut end = b.len();
    while end > start {
        let c = b[end - 1];
        if c < 0x80 {
            if ALNUM[usize::from(c)] {
                break;
            }
            end -= 1;
        } else {
            match w.get(start..end).and_then(|r| r.chars().next_back()) {
                Some(ch) if !ch.is_alphanumeric() => end -= ch.len_utf8(),
                _ => break,
            }
        }
    }
    w.get(start..end).unwrap_or("")
}

/// `u8::is_ascii_alphanumeric` as a table.
static ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// Per byte: 1 = ASCII whitespace, 2 = the lead byte of a character that
/// may be Unicode whitespace (U+0085, U+00A0, U+1680, U+2000…, U+3000),
/// 0 = never starts whitespace (other bytes, UTF-8 continuation bytes).
static SPACE_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    t[b' ' as usize] = 1;
    let mut b = b'\t';
    while b <= b'\r' {
        t[b as usize] = 1;
        b += 1;
    }
    t[0xc2] = 2;
    t[0xe1] = 2;
    t[0xe2] = 2;
    t[0xe3] = 2;
    t
};

/// The `char::is_whitespace` test at byte `i` (on a character boundary or
/// inside a character that is not whitespace), and the bytes to step over.
#[inline(always)]
fn space_at(t: &str, i: usize) -> (bool, usize) {
    match SPACE_CLASS[usize::from(t.as_bytes()[i])] {
        0 => (false, 1),
        1 => (true, 1),
        _ => match t.get(i..).and_then(|r| r.chars().next()) {
            Some(c) => (c.is_whitespace(), c.len_utf8()),
            None => (false, 1),
        },
    }
}

/// The words of `t` as `str::split_whitespace` gives them, stepping over
/// ASCII bytes without decoding characters.
pub(crate) struct Words<'a> {
    t: &'a str,
    pos: usize,
}

impl<'a> Words<'a> {
    pub(crate) fn new(t: &'a str) -> Words<'a> {
        Words { t, pos: 0 }
    }

    /// The text after the last word returned.
    pub(crate) fn rest(&self) -> &'a str {
        self.t.get(self.pos..).unwrap_or("")
    }
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    #[inline]
    fn next(&mut self) -> Option<&'a str> {
        let start = skip_space(self.t, self.pos);
        if start >= self.t.len() {
            self.pos = start;
            return None;
        }
        self.pos = word_end(self.t, start);
        self.t.get(start..self.pos)
    }
}

/// The first byte at or after `i` that does not start whitespace (the
/// length of `t` when there is none), stepping over ASCII bytes without
/// decoding characters.
#[inline(always)]
fn skip_space(t: &str, mut i: usize) -> usize {
    let b = t.as_bytes();
    // only the rare lead bytes of Unicode spaces are decoded
    while let Some(&c) = b.get(i) {
        if c == b' ' {
            // (the usual separator, without the table)
            i += 1;
            continue;
        }
        match SPACE_CLASS[usize::from(c)] {
            0 => break,
            1 => i += 1,
            _ => match space_at(t, i) {
                (true, len) => i += len,
                (false, _) => break,
            },
        }
    }
    i.min(b.len())
}

/// The end of the word that starts at `i` (on a character that is not
/// whitespace): the next whitespace character or the end of `t`.
#[inline]
fn word_end(t: &str, mut i: usize) -> usize {
    let b = t.as_bytes();
    loop {
        // eight bytes at a time while none is a space, a control byte
        // or outside ASCII
        while let Some(chunk) = b.get(i..i + 8) {
            let x = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
            let stop = (x.wrapping_sub(0x2121_2121_2121_2121) | x) & 0x8080_8080_8080_8080;
            if stop != 0 {
                // the first such byte (a borrow only reaches later bytes)
                i += (stop.trailing_zeros() / 8) as usize;
                break;
            }
            i += 8;
        }
        let Some(&c) = b.get(i) else { break };
        if c == b' ' {
            break;
        }
        match SPACE_CLASS[usize::from(c)] {
            0 => i += 1,
            1 => break,
            _ => match space_at(t, i) {
                (true, _) => break,
                (false, len) => i += len,
            },
        }
    }
    i.min(b.len())
}

/// `t.split_whitespace().count()`, without decoding ASCII characters.
pub(crate) fn count_words(t: &str) -> usize {
    const L: u64 = 0x0101_0101_0101_0101;
    let mut n = 0;
    let mut in_word = false;
    let mut i = 0;
    let b = t.as_bytes();
    while i < t.len() {
        if let Some(chunk) = b.get(i..i + 8) {
            let x = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
            if x & H == 0 {
                // eight ASCII bytes: the spaces as a mask, the words that
                // start here are the non-spaces after a space
                let range = |lo: u8, hi: u8| {
                    x.wrapping_add(L * u64::from(0x80 - lo)) & !x.wrapping_add(L * u64::from(0x7f - hi)) & H
                };
                let space = range(b' ', b' ') | range(b'\t', b'\r');
                let after_space = (space << 8) | if in_word { 0 } else { 0x80 };
                n += bytes_set(!space & H & after_space);
                in_word = space >> 63 == 0;
                i += 8;
                continue;
            }
        }
        let (space, len) = space_at(t, i);
        n += usize::from(!space && !in_word);
        in_word = !space;
        i += len;
    }
    n
}

/// Words of a block looked at in detail (case, stopwords, vocabulary).
pub(crate) const DETAIL_WORDS: usize = 64;

/// Lines longer than this (words) are not compared across documents:
/// templates are short, and hashing long paragraphs would cost time.
const LINE_WORDS: usize = 40;

/// A language's stopwords in a form that answers in a few nanoseconds for
/// the common case (ASCII words of up to 16 bytes): packed into two `u64`,
/// in an open-addressing table (a multiply, a shift and usually one
/// compare).
struct StopSet {
    /// Packed words; (0, 0) marks an empty slot (no word packs to it).
    slots: Vec<(u64, u64)>,
    /// 64 less the bits of a slot number.
    shift: u32,
    max_len: usize,
}

impl StopSet {
    fn new(lang: Language) -> StopSet {
        let words = stopwords(lang);
        // at most a quarter full: a miss usually ends at the first slot
        let size = (words.len() * 4).next_power_of_two().max(64);
        let mut set = StopSet {
            slots: vec![(0, 0); size],
            shift: 64 - size.trailing_zeros(),
            max_len: words.iter().map(|w| w.len()).max().unwrap_or(0),
        };
        for w in words {
            if let Some(p) = packed(w) {
                let mut at = set.slot(p);
                while set.slots[at] != (0, 0) && set.slots[at] != p {
                    at = (at + 1) & (size - 1);
                }
                set.slots[at] = p;
            }
        }
        set
    }

    fn slot(&self, p: (u64, u64)) -> usize {
        // the top bits of a Fibonacci hash, as many as the table needs
        ((p.0 ^ p.1.rotate_left(23)).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> self.shift) as usize
    }

    /// For a lower-cased ASCII word of at most 16 bytes, packed as
    /// [`packed`] does: longer words are looked up with `is_stopword`.
    fn contains(&self, p: (u64, u64)) -> bool {
        let mask = self.slots.len() - 1;
        let mut at = self.slot(p);
        loop {
            let k = self.slots[at];
            if k == (0, 0) {
                return false;
            }
            if k == p {
                return true;
            }
            at = (at + 1) & mask;
        }
    }
}

/// A lower-case ASCII word of 1 to 16 bytes packed into two `u64`
/// (little-endian, zero padded).
fn packed(w: &str) -> Option<(u64, u64)> {
    if w.is_empty() || w.len() > 16 || !w.is_ascii() {
        return None;
    }
    let mut buf = [0u8; 16];
    buf[..w.len()].copy_from_slice(w.as_bytes());
    let (lo, hi) = buf.split_at(8);
    Some((lo.try_into().map_or(0, u64::from_le_bytes), hi.try_into().map_or(0, u64::from_le_bytes)))
}

/// The language's [`StopSet`], built on first use (a run usually meets a
/// few of the languages only).
fn stop_set(lang: Language) -> &'static StopSet {
    static SETS: [OnceLock<StopSet>; Language::ALL.len()] = [const { OnceLock::new() }; Language::ALL.len()];
    static EMPTY: LazyLock<StopSet> = LazyLock::new(|| StopSet { slots: vec![(0, 0); 64], shift: 58, max_len: 0 });
    match Language::ALL.iter().position(|&l| l == lang).and_then(|i| SETS.get(i)) {
        Some(cell) => cell.get_or_init(|| StopSet::new(lang)),
        None => &EMPTY,
    }
}

/// "Afghanistan's" / "l'armée": whether the part before the apostrophe is a
/// stopword (`lowbuf` is scratch space).
fn head_is_stopword(w: &str, lang: Language, lowbuf: &mut String) -> bool {
    lower_into(w, lowbuf);
    lowbuf.split_once(['\'', '’']).is_some_and(|(head, _)| !head.is_empty() && is_stopword(lang, head))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_ends() {
        for (t, want) in [
            ("He said so.", true),
            ("“It is over,” he said.”", true),
            ("'Not abandonment'", false),
            ("‘GREAT URGENCY’", false),
            ("He left (for good).", true),
            ("Taliban flags across Kandahar", false),
            ("Was it?", true),
            ("", false),
        ] {
            assert_eq!(ends_sentence(t), want, "{t:?}");
        }
    }

    #[test]
    fn counts_words_case_and_stopwords() {
        let f = features("GETTING OUT", Some(Language::English));
        assert!(f.all_caps());
        assert_eq!(f.words, 2);
        let f = features("The Taliban took the city of Kandahar.", Some(Language::English));
        assert_eq!((f.words, f.stopwords), (7, 3));
        // taliban, took, city, kandahar
        assert_eq!(f.keys.len(), 4);
        assert_eq!(features("Afghan", None).keys, features("Afghanistan's", None).keys);
        assert_eq!(features("Comments  are\tclosed.", None).line, features("comments are closed", None).line);
        assert_ne!(features("Comments are closed.", None).line, features("Comments are open.", None).line);
    }

    #[test]
    fn stop_set_agrees_with_the_stopword_lists() {
        for lang in Language::ALL {
            let set = stop_set(lang);
            for w in stopwords(lang) {
                if let Some(p) = packed(w) {
                    assert!(set.contains(p), "{lang:?} {w}");
                }
            }
            for w in ["taliban", "kandahar", "zzzz", "offensive"] {
                assert_eq!(packed(w).is_some_and(|p| set.contains(p)), is_stopword(lang, w), "{lang:?} {w}");
            }
        }
    }

    #[test]
    fn word_counts_agree_with_split_whitespace() {
        for t in ["", " ", "a", " a  b\tc\n", "x\u{b}y\u{c}z\rw", "l'armée  ’s", "a\u{a0}b \u{2003}c", "- 1 -"] {
            assert_eq!(count_words(t), t.split_whitespace().count(), "{t:?}");
            assert_eq!(Words::new(t).collect::<Vec<_>>(), t.split_whitespace().collect::<Vec<_>>(), "{t:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn words_split_like_split_whitespace(t in "[a -~\\t\\n\\r\u{b}\u{c}\u{85}\u{a0}\u{2000}-\u{200b}\u{3000}é’]{0,40}") {
            proptest::prop_assert_eq!(count_words(&t), t.split_whitespace().count());
            proptest::prop_assert_eq!(Words::new(&t).collect::<Vec<_>>(), t.split_whitespace().collect::<Vec<_>>());
        }
    }

    proptest::proptest! {
        /// The SWAR path for words of up to 16 bytes and the byte-by-byte
        /// one agree on every count, the line hash and the key.
        #[test]
        fn short_ascii_words_agree_with_the_byte_loop(
            w in "[a-zA-Z0-9'.,:()-]{1,16}",
            upper0: bool,
            short_line: bool,
            lang in proptest::option::of(0usize..Language::ALL.len()),
        ) {
            let lang = lang.map(|i| Language::ALL[i]);
            let set = lang.map(stop_set);
            let t = format!("{w} and more");
            let w = &t[..w.len()];
            let (mut a, mut b) = (Features::default(), Features::default());
            let (mut la, mut lb) = (SEED, SEED);
            ascii_word(&mut a, &t, w, upper0, short_line, &mut la, lang, set, &mut String::new());
            ascii_word_long(&mut b, w, upper0, short_line, &mut lb, lang, set, &mut String::new());
            proptest::prop_assert_eq!(format!("{a:?}"), format!("{b:?}"));
            proptest::prop_assert_eq!(la, lb);
            // at the very end of the text too (no bytes to read past it)
            let mut c = Features::default();
            let mut lc = SEED;
            ascii_word(&mut c, w, w, upper0, short_line, &mut lc, lang, set, &mut String::new());
            proptest::prop_assert_eq!(format!("{c:?}"), format!("{b:?}"));
            proptest::prop_assert_eq!(lc, lb);
        }
    }

    proptest::proptest! {
        /// The fast paths agree with the character-by-character one on
        /// every feature.
        #[test]
        fn fast_paths_agree_with_the_general_one(
            t in "([a-zA-Z0-9'.,:()\"-]{1,20}|é|’|Σ|\u{a0}| |\n){0,30}",
            lang in proptest::option::of(0usize..Language::ALL.len()),
        ) {
            let lang = lang.map(|i| Language::ALL[i]);
            let (a, b) = (features_with(&t, lang, true), features_with(&t, lang, false));
            proptest::prop_assert_eq!(format!("{a:?}"), format!("{b:?}"));
        }
    }

    proptest::proptest! {
        #[test]
        fn trim_punct_is_trim_matches(w in "[a-zA-Z0-9'.,:()\"“”’é€Σ\u{a0}\u{300}-]{0,12}") {
            proptest::prop_assert_eq!(trim_punct(&w), w.trim_matches(|c: char| !c.is_alphanumeric()));
        }
    }

    #[test]
    fn fast_paths_agree_on_examples() {
        for t in [
            "The Taliban took the city of Kandahar.",
            "Engine: 2.0-litre Transmission: DSG Power: 242bhp",
            "(AFP) Afghanistan's l'armée don't --- ... “quoted” 1,0142 14C",
            "aaaaaaaaaaaaaaaa bbbbbbbbbbbbbbbbb' 'cccccccccccccccc' x",
        ] {
            for lang in [None, Some(Language::English), Some(Language::French)] {
                let (a, b) = (features_with(t, lang, true), features_with(t, lang, false));
                assert_eq!(format!("{a:?}"), format!("{b:?}"), "{t:?}");
            }
        }
    }

    #[test]
    fn field_label_counts() {
        let fields = |t: &str| features(t, None).fields;
        assert_eq!(fields("The specs Engine: 2.0-litre Transmission: DSG Power: 242bhp"), 3);
        assert_eq!(fields("Favourite camping spot: Anywhere. Favourite road trip: Kazakhstan"), 2);
        assert!(fields("He said: we will win. She said: no.") < 3);
    }
}
