//! The Porter stemmer exactly as NLTK's `PorterStemmer()` (its default
//! `NLTK_EXTENSIONS` mode), which Python `rouge-score` uses. Snowball English
//! (Porter2, what rust-stemmers ships) stems differently ("generous" →
//! "generous" vs "gener", "dying" → "dy" vs "die"), so ROUGE scores would not
//! match the reference implementation with it.
//!
//! Works on ASCII lowercase words (ROUGE tokens are `[a-z0-9]+`); any other
//! byte is treated as a consonant, so no input panics.

/// Stems an ASCII lowercase word the way NLTK's Porter stemmer does.
///
/// ```
/// use brief_summarize::rouge::porter_stem;
/// assert_eq!(porter_stem("caresses"), "caress");
/// assert_eq!(porter_stem("generalizations"), "gener");
/// assert_eq!(porter_stem("dying"), "die");
/// ```
pub fn porter_stem(word: &str) -> String {
    if let Some(irregular) = irregular(word) {
        return irregular.to_string();
    }
    if word.len() <= 2 || !word.is_ascii() {
        return word.to_string();
    }
    let mut w = word.as_bytes().to_vec();
    step1a(&mut w);
    step1b(&mut w);
    step1c(&mut w);
    step2(&mut w);
    step3(&mut w);
    step4(&mut w);
    step5a(&mut w);
    step5b(&mut w);
    // Only ASCII bytes were touched, so this is valid UTF-8.
    String::from_utf8(w).unwrap_or_else(|_| word.to_string())
}

fn irregular(word: &str) -> Option<&'static str> {
    Some(match word {
        "sky" | "skies" => "sky",
        "dying" => "die",
        "lying" => "lie",
        "tying" => "tie",
        "news" => "news",
        "innings" | "inning" => "inning",
        "outings" | "outing" => "outing",
        "cannings" | "canning" => "canning",
        "howe" => "howe",
        "proceed" => "proceed",
        "exceed" => "exceed",
        "succeed" => "succeed",
        _ => return None,
    })
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Consonant flags: `y` is a consonant at the start or after a vowel.
fn consonant(w: &[u8], i: usize) -> bool {
    if is_vowel(w[i]) {
        return false;
    }
    if w[i] == b'y' {
        return i == 0 || !consonant(w, i - 1);
    }
    true
}

/// Porter's m: the number of vowel→consonant transitions.
fn measure(w: &[u8]) -> usize {
    let mut m = 0;
    let mut prev_vowel = false;
    for i in 0..w.len() {
        let c = consonant(w, i);
        if c && prev_vowel {
            m += 1;
        }
        prev_vowel = !c;
    }
    m
}

fn contains_vowel(w: &[u8]) -> bool {
    (0..w.len()).any(|i| !consonant(w, i))
}

fn ends_double_consonant(w: &[u8]) -> bool {
    let n = w.len();
    n >= 2 && w[n - 1] == w[n - 2] && consonant(w, n - 1)
}

fn ends_cvc(w: &[u8]) -> bool {
    let n = w.len();
    (n >= 3
        && consonant(w, n - 3)
        && !consonant(w, n - 2)
        && consonant(w, n - 1)
        && !matches!(w[n - 1], b'w' | b'x' | b'y'))
        || (n == 2 && !consonant(w, 0) && consonant(w, 1))
}

type Cond = fn(&[u8]) -> bool;

fn m_gt0(s: &[u8]) -> bool {
    measure(s) > 0
}

fn m_gt1(s: &[u8]) -> bool {
    measure(s) > 1
}

/// NLTK's `_apply_rule_list`: the first rule whose suffix matches decides,
/// whether or not its condition holds.
fn apply(w: &mut Vec<u8>, rules: &[(&str, &str, Option<Cond>)]) {
    for &(suffix, replacement, cond) in rules {
        if w.ends_with(suffix.as_bytes()) {
            let stem_len = w.len() - suffix.len();
            if cond.is_none_or(|c| c(&w[..stem_len])) {
                w.truncate(stem_len);
                w.extend_from_slice(replacement.as_bytes());
            }
            return;
        }
    }
}

fn step1a(w: &mut Vec<u8>) {
    if w.ends_with(b"ies") && w.len() == 4 {
        w.truncate(1);
        w.extend_from_slice(b"ie");
        return;
    }
    apply(w, &[("sses", "ss", None), ("ies", "i", None), ("ss", "ss", None), ("s", "", None)]);
}

fn step1b(w: &mut Vec<u8>) {
    if w.ends_with(b"ied") {
        let keep = w.len() - 3;
        w.truncate(keep);
        w.extend_from_slice(if keep == 1 { b"ie" } else { b"i" });
        return;
    }
    if w.ends_with(b"eed") {
        let stem = w.len() - 3;
        if measure(&w[..stem]) > 0 {
            w.truncate(stem + 2);
        }
        return;
    }
    let mut cut = None;
    for suffix in [&b"ed"[..], b"ing"] {
        if w.ends_with(suffix) && contains_vowel(&w[..w.len() - suffix.len()]) {
            cut = Some(w.len() - suffix.len());
            break;
        }
    }
    let Some(cut) = cut else { return };
    w.truncate(cut);
    for (suffix, add) in [(&b"at"[..], b'e'), (b"bl", b'e'), (b"iz", b'e')] {
        if w.ends_with(suffix) {
            w.push(add);
            return;
        }
    }
    if ends_double_consonant(w) {
        if !matches!(w[w.len() - 1], b'l' | b's' | b'z') {
            w.pop();
        }
        return;
    }
    if measure(w) == 1 && ends_cvc(w) {
        w.push(b'e');
    }
}

fn step1c(w: &mut [u8]) {
    let n = w.len();
    if n >= 1 && w[n - 1] == b'y' {
        let stem = &w[..n - 1];
        if stem.len() > 1 && consonant(stem, stem.len() - 1) {
            w[n - 1] = b'i';
        }
    }
}

fn step2(w: &mut Vec<u8>) {
    if w.ends_with(b"alli") && m_gt0(&w[..w.len() - 4]) {
        let n = w.len();
        w.truncate(n - 1); // "alli" -> "al"
        w.pop();
        step2(w);
        return;
    }
    if w.ends_with(b"logi") {
        // NLTK checks m > 0 on the word minus "ogi"; the next rules cannot
        // match a word ending in "logi" anyway, so decide here.
        if m_gt0(&w[..w.len() - 3]) {
            w.pop();
        }
        return;
    }
    apply(
        w,
        &[
            ("ational", "ate", Some(m_gt0)),
            ("tional", "tion", Some(m_gt0)),
            ("enci", "ence", Some(m_gt0)),
            ("anci", "ance", Some(m_gt0)),
            ("izer", "ize", Some(m_gt0)),
            ("bli", "ble", Some(m_gt0)),
            ("alli", "al", Some(m_gt0)),
            ("entli", "ent", Some(m_gt0)),
            ("eli", "e", Some(m_gt0)),
            ("ousli", "ous", Some(m_gt0)),
            ("ization", "ize", Some(m_gt0)),
            ("ation", "ate", Some(m_gt0)),
            ("ator", "ate", Some(m_gt0)),
            ("alism", "al", Some(m_gt0)),
            ("iveness", "ive", Some(m_gt0)),
            ("fulness", "ful", Some(m_gt0)),
            ("ousness", "ous", Some(m_gt0)),
            ("aliti", "al", Some(m_gt0)),
            ("iviti", "ive", Some(m_gt0)),
            ("biliti", "ble", Some(m_gt0)),
            ("fulli", "ful", Some(m_gt0)),
        ],
    );
}

fn step3(w: &mut Vec<u8>) {
    apply(
        w,
        &[
            ("icate", "ic", Some(m_gt0)),
            ("ative", "", Some(m_gt0)),
            ("alize", "al", Some(m_gt0)),
            ("iciti", "ic", Some(m_gt0)),
            ("ical", "ic", Some(m_gt0)),
            ("ful", "", Some(m_gt0)),
            ("ness", "", Some(m_gt0)),
        ],
    );
}

fn ion_cond(s: &[u8]) -> bool {
    measure(s) > 1 && matches!(s.last(), Some(b's' | b't'))
}

fn step4(w: &mut Vec<u8>) {
    apply(
        w,
        &[
            ("al", "", Some(m_gt1)),
            ("ance", "", Some(m_gt1)),
            ("ence", "", Some(m_gt1)),
            ("er", "", Some(m_gt1)),
            ("ic", "", Some(m_gt1)),
            ("able", "", Some(m_gt1)),
            ("ible", "", Some(m_gt1)),
            ("ant", "", Some(m_gt1)),
            ("ement", "", Some(m_gt1)),
            ("ment", "", Some(m_gt1)),
            ("ent", "", Some(m_gt1)),
            ("ion", "", Some(ion_cond)),
            ("ou", "", Some(m_gt1)),
            ("ism", "", Some(m_gt1)),
            ("ate", "", Some(m_gt1)),
            ("iti", "", Some(m_gt1)),
            ("ous", "", Some(m_gt1)),
            ("ive", "", Some(m_gt1)),
            ("ize", "", Some(m_gt1)),
        ],
    );
}

fn step5a(w: &mut Vec<u8>) {
    if w.last() == Some(&b'e') {
        let stem = &w[..w.len() - 1];
        let m = measure(stem);
        if m > 1 || (m == 1 && !ends_cvc(stem)) {
            w.pop();
        }
    }
}

fn step5b(w: &mut Vec<u8>) {
    if w.ends_with(b"ll") && measure(&w[..w.len() - 1]) > 1 {
        w.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::porter_stem;

    #[test]
    fn classic_examples() {
        for (word, stem) in [
            ("caresses", "caress"),
            ("ponies", "poni"),
            ("ties", "tie"),
            ("cats", "cat"),
            ("feed", "feed"),
            ("agreed", "agre"),
            ("plastered", "plaster"),
            ("motoring", "motor"),
            ("sing", "sing"),
            ("conflated", "conflat"),
            ("troubled", "troubl"),
            ("sized", "size"),
            ("hopping", "hop"),
            ("falling", "fall"),
            ("filing", "file"),
            ("happy", "happi"),
            ("relational", "relat"),
            ("conditional", "condit"),
            ("vietnamization", "vietnam"),
            ("electrical", "electr"),
            ("adjustment", "adjust"),
            ("controlling", "control"),
            ("roll", "roll"),
            ("generously", "gener"),
            ("analogies", "analog"),
            ("taliban", "taliban"),
            ("", ""),
            ("a", "a"),
        ] {
            assert_eq!(porter_stem(word), stem, "{word}");
        }
    }
}
