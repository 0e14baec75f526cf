//! Plain-text features of one block, computed in a single pass over its
//! words: length, sentence-final punctuation, capitalisation shape,
//! stopword density, and the vocabulary keys the cluster evidence uses.

use brief_tokenize::{is_stopword, Language};

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
    /// "Label:" fields (set by the classifier).
    pub fields: usize,
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

/// Case-insensitive 64-bit FNV-1a of a word prefix: a cheap, language
/// agnostic stand-in for a stem ("Afghan", "Afghanistan's" → "afgha").
fn key_of(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for c in word.chars().take(KEY_CHARS).flat_map(char::to_lowercase) {
        let mut buf = [0u8; 4];
        for b in c.encode_utf8(&mut buf).bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// Characters kept of a word for its vocabulary key.
const KEY_CHARS: usize = 5;
/// Shortest word that counts as vocabulary.
const MIN_KEY_CHARS: usize = 4;

/// Computes the features of `t` in `lang` (stopwords only when known).
pub(crate) fn features(t: &str, lang: Option<Language>) -> Features {
    let mut f = Features { ends_sentence: ends_sentence(t), ..Features::default() };
    f.starts_quote = t.trim_start().starts_with(['\'', '‘', '"', '“', '«', '„', '‚', '‹']);
    let mut lowbuf = String::new();
    for raw in t.split_whitespace() {
        f.words += 1;
        let w = raw.trim_matches(|c: char| !c.is_alphanumeric());
        if w.is_empty() {
            continue;
        }
        let mut letters = 0usize;
        let mut alpha = true;
        f.numbers += usize::from(w.bytes().any(|b| b.is_ascii_digit()));
        f.cap_words += usize::from(w.chars().next().is_some_and(char::is_uppercase));
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
            if w.len() <= 16 {
                lowbuf.clear();
                lowbuf.extend(w.chars().flat_map(char::to_lowercase));
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
    f
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
    }
}
