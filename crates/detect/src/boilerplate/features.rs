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

    pub fn stop_density(&self) -> f32 {
        self.stopwords as f32 / self.words.max(1) as f32
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
/// Longest word looked up in the stopword list (bytes).
const MAX_STOPWORD_BYTES: usize = 16;

/// Lower-cases `w` into `buf` (ASCII without the Unicode tables).
fn lower_into(w: &str, buf: &mut String) {
    buf.clear();
    if w.is_ascii() {
        buf.extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        buf.extend(w.chars().flat_map(char::to_lowercase));
    }
}

/// Computes the features of `t` in `lang` (stopwords only when known), in
/// one pass over its words.
pub(crate) fn features(t: &str, lang: Option<Language>) -> Features {
    let mut f = Features { ends_sentence: ends_sentence(t), ..Features::default() };
    let mut line = FNV_OFFSET;
    let max_stop = lang.map_or(0, max_stopword_len);
    f.starts_quote = t.trim_start().starts_with(['\'', '‘', '"', '“', '«', '„', '‚', '‹']);
    let mut lowbuf = String::new();
    // words since the last capitalised word, while no "Label:" closed it
    let mut since_cap: Option<usize> = None;
    for raw in t.split_whitespace() {
        f.words += 1;
        let ascii = raw.is_ascii();
        let upper0 = raw.chars().next().is_some_and(char::is_uppercase);
        let is_label = raw.len() > 2
            && raw.ends_with(':')
            && raw[..raw.len() - 1].chars().all(char::is_alphabetic);
        if is_label && (upper0 || since_cap.is_some_and(|k| k < 3)) {
            f.fields += 1;
            since_cap = None;
        } else if upper0 {
            since_cap = Some(0);
        } else if let Some(k) = since_cap.as_mut() {
            *k += 1;
        }
        let w = raw.trim_matches(|c: char| !c.is_alphanumeric());
        if w.is_empty() {
            continue;
        }
        let short_line = f.words <= LINE_WORDS;
        let lowered = short_line || w.len() <= max_stop;
        if lowered {
            lower_into(w, &mut lowbuf);
        }
        if short_line {
            // the line's hash: its words lower-cased without punctuation
            for &b in lowbuf.as_bytes() {
                line = fnv(line, b);
            }
            line = fnv(line, b' ');
        }
        let mut letters = 0usize;
        let mut alpha = true;
        f.numbers += usize::from(w.bytes().any(|b| b.is_ascii_digit()));
        f.cap_words += usize::from(upper0 || w.chars().next().is_some_and(char::is_uppercase));
        if ascii {
            for b in w.bytes() {
                if b.is_ascii_uppercase() {
                    f.upper += 1;
                    letters += 1;
                } else if b.is_ascii_lowercase() {
                    f.lower += 1;
                    letters += 1;
                } else if b != b'\'' && b != b'-' {
                    alpha = false;
                }
            }
        } else {
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
                stop = is_stopword(lang, &lowbuf);
                if !stop {
                    // "Afghanistan's" / "l'armée": the stopword check sees the head
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

/// Lines longer than this (words) are not compared across documents:
/// templates are short, and hashing long paragraphs would cost time.
const LINE_WORDS: usize = 40;

/// Bytes of the longest stopword of `lang`: longer words skip the lookup.
fn max_stopword_len(lang: Language) -> usize {
    static LENS: LazyLock<Vec<(Language, usize)>> = LazyLock::new(|| {
        Language::ALL
            .iter()
            .map(|&l| (l, stopwords(l).iter().map(|w| w.len()).max().unwrap_or(0)))
            .collect()
    });
    LENS.iter().find(|(l, _)| *l == lang).map_or(MAX_STOPWORD_BYTES, |&(_, n)| n)
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
    fn field_label_counts() {
        let fields = |t: &str| features(t, None).fields;
        assert_eq!(fields("The specs Engine: 2.0-litre Transmission: DSG Power: 242bhp"), 3);
        assert_eq!(fields("Favourite camping spot: Anywhere. Favourite road trip: Kazakhstan"), 2);
        assert!(fields("He said: we will win. She said: no.") < 3);
    }
}
