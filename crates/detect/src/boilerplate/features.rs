//! Plain-text features of one block, computed in a single pass over its
//! words: length, sentence-final punctuation, capitalisation shape,
//! stopword density, and the vocabulary keys the cluster evidence uses.

use std::sync::LazyLock;

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

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

fn fnv(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b)).wrapping_mul(FNV_PRIME)
}

/// Case-insensitive 64-bit FNV-1a of a word prefix: a cheap, language
/// agnostic stand-in for a stem ("Afghan", "Afghanistan's" → "afgha").
fn key_of(word: &str) -> u64 {
    let mut h = FNV_OFFSET;
    if word.is_ascii() {
        for &b in word.as_bytes().iter().take(KEY_CHARS) {
            h = fnv(h, b.to_ascii_lowercase());
        }
        return h;
    }
    for c in word.chars().take(KEY_CHARS).flat_map(char::to_lowercase) {
        let mut buf = [0u8; 4];
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            h = fnv(h, b);
        }
    }
    h
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
    let mut f = Features { ends_sentence: ends_sentence(t), ..Features::default() };
    let mut line = FNV_OFFSET;
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
        let ascii = raw.is_ascii();
        let upper0 = if ascii {
            raw.as_bytes()[0].is_ascii_uppercase()
        } else {
            raw.chars().next().is_some_and(char::is_uppercase)
        };
        let is_label = raw.len() > 2 && raw.ends_with(':') && raw[..raw.len() - 1].chars().all(char::is_alphabetic);
        if is_label && (upper0 || since_cap.is_some_and(|k| k < 3)) {
            f.fields += 1;
            since_cap = None;
        } else if upper0 {
            since_cap = Some(0);
        } else if let Some(k) = since_cap.as_mut() {
            *k += 1;
        }
        let w = if ascii { trim_ascii_punct(raw) } else { raw.trim_matches(|c: char| !c.is_alphanumeric()) };
        if w.is_empty() {
            continue;
        }
        let short_line = n <= LINE_WORDS;
        let w_ascii = ascii || w.is_ascii();
        // short ASCII words are looked up packed, without a lower-cased copy
        let pack = if w.len() <= max_stop { packed_lower(w) } else { None };
        if (short_line && !w_ascii) || (pack.is_none() && w.len() <= max_stop) {
            lower_into(w, &mut lowbuf);
        }
        if short_line {
            // the line's hash: its words lower-cased without punctuation
            if w_ascii {
                for b in w.bytes() {
                    line = fnv(line, b.to_ascii_lowercase());
                }
            } else {
                for &b in lowbuf.as_bytes() {
                    line = fnv(line, b);
                }
            }
            line = fnv(line, b' ');
        }
        let mut letters = 0usize;
        let mut alpha = true;
        f.cap_words += usize::from(
            upper0
                || (!ascii && w.chars().next().is_some_and(char::is_uppercase))
                || w.as_bytes()[0].is_ascii_uppercase(),
        );
        if ascii {
            let mut digit = false;
            for b in w.bytes() {
                if b.is_ascii_uppercase() {
                    f.upper += 1;
                    letters += 1;
                } else if b.is_ascii_lowercase() {
                    f.lower += 1;
                    letters += 1;
                } else if b != b'\'' && b != b'-' {
                    alpha = false;
                    digit |= b.is_ascii_digit();
                }
            }
            f.numbers += usize::from(digit);
        } else {
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
        }
        let mut stop = false;
        if let Some(lang) = lang {
            if w.len() <= max_stop {
                stop = match pack {
                    Some(p) => set.is_some_and(|s| s.contains(p)),
                    None => is_stopword(lang, &lowbuf),
                };
                if !stop && w.contains(['\'', '’']) {
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

/// An ASCII word without its leading and trailing non-alphanumeric bytes.
fn trim_ascii_punct(w: &str) -> &str {
    let b = w.as_bytes();
    let mut start = 0;
    let mut end = b.len();
    while start < end && !b[start].is_ascii_alphanumeric() {
        start += 1;
    }
    while end > start && !b[end - 1].is_ascii_alphanumeric() {
        end -= 1;
    }
    w.get(start..end).unwrap_or("")
}

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

    fn next(&mut self) -> Option<&'a str> {
        let t = self.t;
        while self.pos < t.len() {
            let (space, len) = space_at(t, self.pos);
            if !space {
                break;
            }
            self.pos += len;
        }
        if self.pos >= t.len() {
            return None;
        }
        let start = self.pos;
        while self.pos < t.len() {
            let (space, len) = space_at(t, self.pos);
            if space {
                break;
            }
            self.pos += len;
        }
        t.get(start..self.pos)
    }
}

/// `t.split_whitespace().count()`, without decoding ASCII characters.
pub(crate) fn count_words(t: &str) -> usize {
    let mut n = 0;
    let mut in_word = false;
    let mut i = 0;
    while i < t.len() {
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
/// the common case (short ASCII words): packed into a `u64`, behind a
/// 4096-bit Bloom-style filter that turns most content words away at once.
struct StopSet {
    bits: Vec<u64>,
    packed: Vec<u64>,
    max_len: usize,
}

impl StopSet {
    fn new(lang: Language) -> StopSet {
        let words = stopwords(lang);
        let mut set = StopSet {
            bits: vec![0; FILTER_BITS / 64],
            packed: Vec::new(),
            max_len: words.iter().map(|w| w.len()).max().unwrap_or(0),
        };
        for w in words {
            if let Some(p) = packed(w) {
                let bit = filter_bit(p);
                set.bits[bit / 64] |= 1 << (bit % 64);
                set.packed.push(p);
            }
        }
        set.packed.sort_unstable();
        set
    }

    /// For a word [`packed`] gives a key for.
    fn contains(&self, p: u64) -> bool {
        let bit = filter_bit(p);
        self.bits[bit / 64] & (1 << (bit % 64)) != 0 && self.packed.binary_search(&p).is_ok()
    }
}

const FILTER_BITS: usize = 4096;

fn filter_bit(p: u64) -> usize {
    (p.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 52) as usize
}

/// An ASCII word of at most 8 bytes, lower-cased and packed into a `u64`.
fn packed_lower(w: &str) -> Option<u64> {
    if w.is_empty() || w.len() > 8 || !w.is_ascii() {
        return None;
    }
    let mut buf = [0u8; 8];
    for (d, s) in buf.iter_mut().zip(w.bytes()) {
        *d = s.to_ascii_lowercase();
    }
    Some(u64::from_le_bytes(buf))
}

/// A lower-case ASCII word of at most 8 bytes packed into a `u64`.
fn packed(w: &str) -> Option<u64> {
    if w.is_empty() || w.len() > 8 || !w.is_ascii() {
        return None;
    }
    let mut buf = [0u8; 8];
    buf[..w.len()].copy_from_slice(w.as_bytes());
    Some(u64::from_le_bytes(buf))
}

fn stop_set(lang: Language) -> &'static StopSet {
    static SETS: LazyLock<Vec<(Language, StopSet)>> =
        LazyLock::new(|| Language::ALL.iter().map(|&l| (l, StopSet::new(l))).collect());
    static EMPTY: LazyLock<StopSet> =
        LazyLock::new(|| StopSet { bits: vec![0; FILTER_BITS / 64], packed: Vec::new(), max_len: 0 });
    SETS.iter().find(|(l, _)| *l == lang).map_or(&*EMPTY, |(_, s)| s)
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

    #[test]
    fn field_label_counts() {
        let fields = |t: &str| features(t, None).fields;
        assert_eq!(fields("The specs Engine: 2.0-litre Transmission: DSG Power: 242bhp"), 3);
        assert_eq!(fields("Favourite camping spot: Anywhere. Favourite road trip: Kazakhstan"), 2);
        assert!(fields("He said: we will win. She said: no.") < 3);
    }
}
