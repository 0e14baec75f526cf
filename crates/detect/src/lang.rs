//! Language identification per document and per paragraph, on whatlang.
//!
//! whatlang's trigram profiles decide; cheap evidence of our own
//! ([`crate::lang_profile`]: function words, distinctive letters) re-checks
//! the close pairs that trigrams confuse, and a pairwise whatlang run settles
//! a disagreement. Documents are decided on a bounded sample of their
//! content-like paragraphs; a paragraph is looked at again only when its
//! script or its function words point away from the document's language, and
//! it keeps its own language only on strong evidence (reliable, long, mostly
//! letters). Short or number-heavy lines and headings always inherit.

use std::sync::Arc;

use brief_tokenize::{Language, Span};
use serde::Serialize;
use whatlang::Lang;

use crate::lang_profile::{profile_index, Bucket, Profile, ARABIC_LANGS, CYRILLIC_LANGS, LATIN_LANGS, NPROF, PROFILED};

/// The default allow-list: the languages brief has stemmers and stopwords for
/// (see [`Language`]) plus the major news languages written in scripts of
/// their own (each of which whatlang recognises by script alone, except
/// Ukrainian, Persian and Urdu, which the profiles check).
#[rustfmt::skip]
pub const DEFAULT_LANGUAGES: &[&str] = &[
    // brief's stemmer languages
    "ara", "dan", "nld", "eng", "fin", "fra", "deu", "ell", "hun", "ita", "nob", "por", "ron", "rus", "spa", "swe",
    "tam", "tur",
    // other major news languages in non-Latin scripts
    "ukr", "pes", "urd", "heb", "hin", "ben", "cmn", "jpn", "kor", "tha", "kat", "hye", "amh", "guj", "pan", "tel",
    "kan", "mal", "ori", "mya", "sin", "khm",
];

/// Bytes of text the detector looks at, per document and per paragraph.
pub const DEFAULT_SAMPLE_BYTES: usize = 2048;

/// The language decision for one piece of text.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Detection {
    /// ISO 639-3 code (`"eng"`), or `"und"` when nothing could be decided.
    pub lang: &'static str,
    /// Writing system (`"Latin"`, `"Cyrillic"`, …), or `"Unknown"`.
    pub script: &'static str,
    /// 0.0 ..= 1.0.
    pub confidence: f64,
    /// True when the decision can be trusted (long enough, confident).
    pub reliable: bool,
}

impl Detection {
    /// The "could not decide" answer.
    pub const UNKNOWN: Detection = Detection { lang: "und", script: "Unknown", confidence: 0.0, reliable: false };

    /// The language as a [`Language`] when brief has stemmers for it.
    pub fn language(&self) -> Option<Language> {
        Language::from_code(self.lang)
    }
}

/// The language of one paragraph of a document.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct ParagraphLanguage {
    /// The paragraph's bytes in the document.
    #[serde(flatten)]
    pub span: Span,
    /// The decision (inherited from the document unless the paragraph's own
    /// evidence was strong).
    #[serde(flatten)]
    pub detection: Detection,
}

/// Document language plus one decision per paragraph.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DocumentLanguage {
    /// The whole document's language.
    #[serde(flatten)]
    pub document: Detection,
    /// One entry per paragraph given, in order.
    pub paragraphs: Vec<ParagraphLanguage>,
}

/// Detects languages. Cheap to clone, `Send + Sync`.
///
/// ```
/// use brief_detect::LanguageDetector;
/// let d = LanguageDetector::new();
/// let det = d.detect("The Taliban have captured the second biggest city of Afghanistan.");
/// assert_eq!(det.lang, "eng");
/// assert!(det.reliable);
/// // A close pair that trigram profiles alone get wrong:
/// assert_eq!(d.detect("Museet åbner igen for publikum i morgen.").lang, "dan");
/// ```
#[derive(Clone, Debug)]
pub struct LanguageDetector {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    detector: whatlang::Detector,
    allowed: Vec<Lang>,
    /// Profiled languages that are allowed (bit i = `PROFILED[i]`).
    mask: u32,
    /// Per script (Latin, Cyrillic, Arabic): the allowed profiled languages,
    /// and whether they are all the allowed languages of that script (only
    /// then may our evidence skip whatlang or narrow its field).
    groups: [(u32, bool); 3],
    min_chars: usize,
    threshold: f64,
    sample_bytes: usize,
}

impl Default for LanguageDetector {
    fn default() -> Self {
        LanguageDetector::new()
    }
}

/// Configures a [`LanguageDetector`].
#[derive(Clone, Debug)]
pub struct LanguageDetectorBuilder {
    allow: Option<Vec<String>>,
    min_chars: usize,
    threshold: f64,
    sample_bytes: usize,
}

impl LanguageDetectorBuilder {
    /// Restrict decisions to these ISO 639-3 codes (whatlang's codes: `pes`
    /// for Persian, `cmn` for Chinese, `nob` for Norwegian).
    pub fn allow(&mut self, codes: &[&str]) -> &mut Self {
        self.allow = Some(codes.iter().map(|c| c.trim().to_ascii_lowercase()).collect());
        self
    }

    /// Allow every language whatlang knows (69), instead of the default list.
    pub fn allow_all(&mut self) -> &mut Self {
        self.allow = Some(Lang::all().iter().map(|l| l.code().to_string()).collect());
        self
    }

    /// Text shorter than this (in letters; CJK characters count three) is
    /// never marked reliable.
    pub fn min_chars(&mut self, n: usize) -> &mut Self {
        self.min_chars = n;
        self
    }

    /// Confidence needed to call a decision reliable.
    pub fn threshold(&mut self, t: f64) -> &mut Self {
        self.threshold = t;
        self
    }

    /// How many bytes of a document (spread over its content paragraphs) or
    /// of a paragraph are looked at. At least 64.
    pub fn sample_bytes(&mut self, n: usize) -> &mut Self {
        self.sample_bytes = n;
        self
    }

    /// Validates and builds.
    pub fn build(&self) -> Result<LanguageDetector, crate::Error> {
        if !(0.0..=1.0).contains(&self.threshold) {
            return Err(crate::Error::Config(format!("threshold {} is outside 0..=1", self.threshold)));
        }
        if self.sample_bytes < 64 {
            return Err(crate::Error::Config(format!("sample_bytes {} is below 64", self.sample_bytes)));
        }
        let codes: Vec<String> = match &self.allow {
            Some(list) => list.clone(),
            None => DEFAULT_LANGUAGES.iter().map(|c| c.to_string()).collect(),
        };
        if codes.is_empty() {
            return Err(crate::Error::Config("empty allow-list".into()));
        }
        let mut allowed = Vec::with_capacity(codes.len());
        for code in &codes {
            let lang = Lang::from_code(code.as_str())
                .or_else(|| Language::from_code(code).and_then(|l| Lang::from_code(l.code())))
                .ok_or_else(|| crate::Error::Config(format!("unknown language code {code:?} in allow-list")))?;
            if !allowed.contains(&lang) {
                allowed.push(lang);
            }
        }
        allowed.sort_by_key(|l| l.code());
        let mask =
            PROFILED.iter().enumerate().filter(|(_, l)| allowed.contains(l)).fold(0u32, |m, (i, _)| m | (1 << i));
        let group = |script: whatlang::Script, langs: u32| {
            let complete = allowed.iter().filter(|l| script.langs().contains(l)).all(|&l| profile_index(l).is_some());
            (langs & mask, complete)
        };
        let groups = [
            group(whatlang::Script::Latin, LATIN_LANGS),
            group(whatlang::Script::Cyrillic, CYRILLIC_LANGS),
            group(whatlang::Script::Arabic, ARABIC_LANGS),
        ];
        Ok(LanguageDetector {
            inner: Arc::new(Inner {
                detector: whatlang::Detector::with_allowlist(allowed.clone()),
                allowed,
                mask,
                groups,
                min_chars: self.min_chars,
                threshold: self.threshold,
                sample_bytes: self.sample_bytes,
            }),
        })
    }
}

/// A paragraph keeps a language of its own only with at least this many
/// letters, and (unless it has several sentences) `FLIP_LONG_LETTERS`.
const FLIP_MIN_LETTERS: usize = 60;
const FLIP_LONG_LETTERS: usize = 100;
/// ... and when at least this share of its non-space characters are letters.
const FLIP_MIN_LETTER_SHARE: f64 = 0.8;
/// Function-word evidence a paragraph needs before it is looked at again.
const RECHECK_EVIDENCE: f32 = 2.0;
/// Our evidence must beat whatlang's choice by this much before a pairwise
/// run is asked to settle it.
const OVERRIDE_MARGIN: f32 = 0.25;
/// The fast path (no whatlang run) needs this much evidence for the winner,
/// this lead over the runner-up (two function words found only in the
/// winner, or a distinctive letter and a word), and this share of the
/// letters in one script.
const FAST_MIN_EVIDENCE: f32 = 1.5;
const FAST_GAP: f32 = 2.0;
const FAST_SCRIPT_SHARE: f64 = 0.9;
/// With this many function words, whatlang is asked only about the languages
/// whose evidence is within this span of the best.
const NARROW_MIN_WORDS: usize = 2;
const NARROW_SPAN: f32 = 1.5;
/// Paragraphs under this many letters never enter a document sample when
/// longer ones exist (headings, captions, buttons).
const SAMPLE_MIN_LETTERS: usize = 40;

impl LanguageDetector {
    /// A detector with the default settings.
    pub fn new() -> LanguageDetector {
        // The defaults are valid by construction.
        match LanguageDetector::builder().build() {
            Ok(d) => d,
            Err(_) => unreachable!("default detector settings are valid"),
        }
    }

    /// A builder starting from the defaults.
    pub fn builder() -> LanguageDetectorBuilder {
        LanguageDetectorBuilder { allow: None, min_chars: 40, threshold: 0.9, sample_bytes: DEFAULT_SAMPLE_BYTES }
    }

    /// The allowed languages (ISO 639-3), sorted.
    pub fn languages(&self) -> Vec<&'static str> {
        self.inner.allowed.iter().map(|l| l.code()).collect()
    }

    /// The language of `text` (its first `sample_bytes` bytes).
    pub fn detect(&self, text: &str) -> Detection {
        let sample = bounded(text, self.inner.sample_bytes);
        let profile = Profile::scan(sample, self.inner.mask);
        self.decide(sample, &profile)
    }

    /// The document's language, then each paragraph's: a paragraph keeps its
    /// own language only on strong evidence, otherwise it inherits.
    ///
    /// Spans that do not index `text` inherit the document's language.
    pub fn detect_document(&self, text: &str, paragraphs: &[Span]) -> DocumentLanguage {
        let inner = &*self.inner;
        let profiles: Vec<Option<Profile>> =
            paragraphs.iter().map(|s| s.get(text).map(|p| Profile::scan(p, inner.mask))).collect();
        let plan = self.sample_plan(paragraphs, &profiles);
        let document = if plan.is_empty() {
            self.detect(text)
        } else {
            // The paragraphs' profiles add up to the sample's: most documents
            // are decided without building the sample or running whatlang.
            let mut summed = Profile::empty();
            for &(i, _) in &plan {
                if let Some(p) = &profiles[i] {
                    summed.absorb(p);
                }
            }
            match self.fast(&summed) {
                Some(d) => d,
                None => {
                    let sample = sample_text(text, paragraphs, &plan);
                    self.decide(&sample, &Profile::scan(&sample, inner.mask))
                }
            }
        };
        let doc_bucket = script_bucket(document.script);
        let doc_index = Lang::from_code(document.lang).and_then(profile_index);
        let paragraphs = paragraphs
            .iter()
            .zip(&profiles)
            .map(|(&span, profile)| {
                let detection = match (span.get(text), profile) {
                    (Some(p), Some(prof)) => self.paragraph(p, prof, &document, doc_bucket, doc_index),
                    _ => document,
                };
                ParagraphLanguage { span, detection }
            })
            .collect();
        DocumentLanguage { document, paragraphs }
    }

    fn paragraph(
        &self,
        p: &str,
        prof: &Profile,
        document: &Detection,
        doc_bucket: Option<Bucket>,
        doc_index: Option<usize>,
    ) -> Detection {
        if !strong_enough(prof) {
            return *document;
        }
        if !self.may_differ(prof, document, doc_bucket, doc_index) {
            return *document;
        }
        let own = if p.len() > self.inner.sample_bytes { self.detect(p) } else { self.decide(p, prof) };
        if own.reliable && own.lang != "und" && own.lang != document.lang {
            own
        } else {
            *document
        }
    }

    /// Only where something changes is a paragraph detected on its own: its
    /// script differs from the document's, or its function words point to
    /// another language.
    fn may_differ(
        &self,
        prof: &Profile,
        document: &Detection,
        doc_bucket: Option<Bucket>,
        doc_index: Option<usize>,
    ) -> bool {
        if document.lang == "und" || prof.main_bucket() != doc_bucket {
            return true;
        }
        let e = prof.evidence(self.inner.mask);
        // Only the best score matters, not which language has it: one that
        // beats `d` by the margin is not `d`, and if `d` has the best score
        // (alone or shared) no language beats it.
        let score = max_of(&e, self.inner.mask);
        match doc_index {
            Some(d) => score >= RECHECK_EVIDENCE && score - e[d] >= OVERRIDE_MARGIN,
            None => score >= RECHECK_EVIDENCE + 1.0,
        }
    }

    /// Picks up to `sample_bytes` of content-like paragraphs, spread evenly
    /// over the document (every k-th paragraph, then the ones in between):
    /// (paragraph index, bytes of it to take).
    fn sample_plan(&self, paragraphs: &[Span], profiles: &[Option<Profile>]) -> Vec<(usize, usize)> {
        let budget = self.inner.sample_bytes;
        let content: Vec<usize> = (0..paragraphs.len())
            .filter(|&i| {
                profiles[i].as_ref().is_some_and(|p| p.letters >= SAMPLE_MIN_LETTERS && letter_share(p) >= 0.7)
            })
            .collect();
        let chosen: Vec<usize> = if content.is_empty() {
            (0..paragraphs.len()).filter(|&i| profiles[i].is_some()).collect()
        } else {
            content
        };
        let total: usize = chosen.iter().map(|&i| paragraphs[i].len() + 1).sum();
        let step = total.div_ceil(budget.max(1)).max(1);
        let mut plan = Vec::new();
        let mut used = 0;
        'fill: for offset in 0..step {
            for &i in chosen.iter().skip(offset).step_by(step) {
                let len = paragraphs[i].len();
                let room = budget.saturating_sub(used);
                if len + 1 > room {
                    if room >= 64 {
                        plan.push((i, room));
                    }
                    break 'fill;
                }
                plan.push((i, len));
                used += len + 1;
            }
        }
        plan
    }

    /// Decided by function words and distinctive letters alone, when they
    /// leave no doubt within a script whose allowed languages all have
    /// profiles.
    fn fast(&self, prof: &Profile) -> Option<Detection> {
        let (g, complete, script) = self.profiled_group(prof)?;
        if !complete {
            return None;
        }
        let (best, score, gap) = top2(&prof.evidence(g), g)?;
        (score >= FAST_MIN_EVIDENCE && gap >= FAST_GAP)
            .then(|| self.detection(PROFILED[best], script, strength(gap), prof))
    }

    /// The allowed profiled languages of the profile's main script, whether
    /// they are all of that script's allowed languages, and the script's name.
    fn profiled_group(&self, prof: &Profile) -> Option<(u32, bool, &'static str)> {
        let bucket = prof.main_bucket()?;
        let ((group, complete), script) = match bucket {
            Bucket::Latin => (self.inner.groups[0], "Latin"),
            Bucket::Cyrillic => (self.inner.groups[1], "Cyrillic"),
            Bucket::Arabic => (self.inner.groups[2], "Arabic"),
            _ => return None,
        };
        let pure = prof.scripts[bucket as usize] as f64 >= FAST_SCRIPT_SHARE * prof.letters as f64;
        (group != 0 && pure).then_some((group, complete, script))
    }

    /// whatlang's answer, re-checked against our own evidence; whatlang is
    /// skipped when function words and letters leave no doubt, and asked
    /// only about the plausible languages when they narrow the field.
    fn decide(&self, text: &str, prof: &Profile) -> Detection {
        if let Some(d) = self.fast(prof) {
            return d;
        }
        let inner = &*self.inner;
        let group = self.profiled_group(prof);
        let evidence = group.map(|(g, _, _)| (g, prof.evidence(g)));
        let complete = group.is_some_and(|(_, c, _)| c);
        let narrowed: Option<Vec<Lang>> = match evidence.as_ref() {
            Some((g, e)) if complete && prof.function_words >= NARROW_MIN_WORDS => {
                let (_, score) = argmax(e, *g).unwrap_or((0, 0.0));
                let keep: Vec<Lang> = (0..NPROF)
                    .filter(|&j| g & (1 << j) != 0 && e[j] > 0.0 && e[j] >= score - NARROW_SPAN)
                    .map(|j| PROFILED[j])
                    .collect();
                (keep.len() >= 2 && keep.len() < g.count_ones() as usize).then_some(keep)
            }
            _ => None,
        };
        let info = match narrowed {
            Some(list) => whatlang::Detector::with_allowlist(list).detect(text),
            None => inner.detector.detect(text),
        };
        let Some(info) = info else {
            return unknown(text);
        };
        let script = script_name(info.script());
        if !inner.allowed.contains(&info.lang()) {
            return Detection { lang: "und", script, confidence: 0.0, reliable: false };
        }
        let (lang, confidence) = match (evidence, profile_index(info.lang())) {
            (Some((g, e)), Some(iw)) if g & (1 << iw) != 0 => {
                self.combine(text, &e, g, info.lang(), iw, info.confidence())
            }
            _ => (info.lang(), info.confidence()),
        };
        self.detection(lang, script, confidence, prof)
    }

    fn detection(&self, lang: Lang, script: &'static str, confidence: f64, prof: &Profile) -> Detection {
        // A CJK character carries about as much as a short word.
        let weight = prof.letters + 2 * (prof.scripts[Bucket::Cjk as usize] + prof.scripts[Bucket::Hangul as usize]);
        Detection {
            lang: lang.code(),
            script,
            confidence,
            reliable: confidence >= self.inner.threshold && weight >= self.inner.min_chars,
        }
    }

    /// Settles whatlang's choice `lw` (confidence `cw`) against our evidence
    /// `e` over the language group `group`.
    fn combine(&self, text: &str, e: &[f32; NPROF], group: u32, lw: Lang, iw: usize, cw: f64) -> (Lang, f64) {
        let Some((im, best)) = argmax_pref(e, group, iw) else {
            return (lw, cw);
        };
        if im == iw {
            let second = (0..NPROF).filter(|&j| j != iw && group & (1 << j) != 0).map(|j| e[j]).fold(0.0f32, f32::max);
            let g = strength(best - second);
            return (lw, 1.0 - (1.0 - cw) * (1.0 - g));
        }
        let margin = best - e[iw];
        if margin < OVERRIDE_MARGIN {
            return (lw, cw);
        }
        // Trigrams prefer `lw`, our evidence `lm`: ask whatlang how strongly
        // it prefers `lw` over `lm` alone, and let the stronger side win.
        let lm = PROFILED[im];
        let g = strength(margin);
        match whatlang::Detector::with_allowlist(vec![lw, lm]).detect(text) {
            Some(pair) if pair.lang() == lm => (lm, 1.0 - (1.0 - pair.confidence()) * (1.0 - g)),
            Some(pair) if g > pair.confidence() => (lm, g - pair.confidence()),
            Some(pair) => (lw, pair.confidence() - g),
            None => (lw, cw),
        }
    }
}

/// The planned sample: the chosen paragraphs (the last one possibly cut),
/// one per line.
fn sample_text(text: &str, paragraphs: &[Span], plan: &[(usize, usize)]) -> String {
    let mut sample = String::with_capacity(plan.iter().map(|&(_, n)| n + 1).sum());
    for &(i, take) in plan {
        if let Some(p) = paragraphs[i].get(text) {
            sample.push_str(bounded(p, take));
            sample.push('\n');
        }
    }
    sample
}

/// The best language of `group` by `e`, its score and its lead over the
/// runner-up (over zero when it is alone).
fn top2(e: &[f32; NPROF], group: u32) -> Option<(usize, f32, f32)> {
    let (best, score) = argmax(e, group)?;
    let second =
        (0..NPROF).filter(|&j| j != best && group & (1 << j) != 0).map(|j| e[j]).reduce(f32::max).unwrap_or(0.0);
    Some((best, score, score - second))
}

/// Confidence-like strength of an evidence margin `m` (in function words
/// found only in the winner, roughly): 1 − 4^−m, so two such words give
/// 0.94 and three 0.98; 1 from a margin of 6 on.
fn strength(margin: f32) -> f64 {
    if margin <= 0.0 {
        0.0
    } else if margin >= 6.0 {
        1.0
    } else {
        1.0 - 0.25f64.powf(margin as f64)
    }
}

/// The highest evidence of the languages of `mask` (−∞ for none).
fn max_of(e: &[f32; NPROF], mask: u32) -> f32 {
    let mut score = f32::NEG_INFINITY;
    for (j, &v) in e.iter().enumerate() {
        if mask & (1 << j) != 0 && v > score {
            score = v;
        }
    }
    score
}

/// The language of `mask` with the most evidence (the first of equals).
fn argmax(e: &[f32; NPROF], mask: u32) -> Option<(usize, f32)> {
    let mut best: Option<(usize, f32)> = None;
    // the set bits in increasing order
    let mut m = mask & ((1 << NPROF) - 1);
    while m != 0 {
        let j = m.trailing_zeros() as usize;
        m &= m - 1;
        match best {
            Some((_, bv)) if bv >= e[j] => {}
            _ => best = Some((j, e[j])),
        }
    }
    best
}

/// Like [`argmax`], but a tie goes to `prefer`.
fn argmax_pref(e: &[f32; NPROF], mask: u32, prefer: usize) -> Option<(usize, f32)> {
    let (j, v) = argmax(e, mask)?;
    if e[prefer] >= v {
        Some((prefer, e[prefer]))
    } else {
        Some((j, v))
    }
}

fn letter_share(p: &Profile) -> f64 {
    let visible = p.letters + p.digits + p.symbols;
    if visible == 0 {
        0.0
    } else {
        p.letters as f64 / visible as f64
    }
}

/// Long enough, and letters rather than digits, units and symbols.
fn strong_enough(p: &Profile) -> bool {
    p.letters >= FLIP_MIN_LETTERS
        && letter_share(p) >= FLIP_MIN_LETTER_SHARE
        && (p.letters >= FLIP_LONG_LETTERS || p.sentence_ends >= 2)
}

fn script_bucket(script: &str) -> Option<Bucket> {
    Some(match script {
        "Latin" => Bucket::Latin,
        "Cyrillic" => Bucket::Cyrillic,
        "Greek" => Bucket::Greek,
        "Arabic" => Bucket::Arabic,
        "Hebrew" => Bucket::Hebrew,
        "Devanagari" => Bucket::Devanagari,
        "Mandarin" | "Hiragana" | "Katakana" => Bucket::Cjk,
        "Hangul" => Bucket::Hangul,
        "Unknown" => return None,
        _ => Bucket::Other,
    })
}

fn unknown(text: &str) -> Detection {
    match whatlang::detect_script(text) {
        Some(s) => Detection { script: script_name(s), ..Detection::UNKNOWN },
        None => Detection::UNKNOWN,
    }
}

/// The longest prefix of `text` of at most `max` bytes ending on a char
/// boundary (and, where one is near, a space).
fn bounded(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while end > 0 && !text.is_char_boundary(end) {
        end -= 1;
    }
    let cut = &text[..end];
    match cut.rfind(char::is_whitespace) {
        Some(sp) if sp + 64 >= end => &cut[..sp],
        _ => cut,
    }
}

fn script_name(script: whatlang::Script) -> &'static str {
    // `Script::name` borrows from its receiver; the entries of `all()` are 'static.
    whatlang::Script::all().iter().find(|s| **s == script).map_or("Unknown", |s| s.name())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(d: &LanguageDetector, cases: &[(&str, &str)]) {
        for (text, want) in cases {
            assert_eq!(d.detect(text).lang, *want, "{text}");
        }
    }

    #[test]
    fn close_pairs() {
        check(
            &LanguageDetector::new(),
            &[
                ("Museet åbner igen for publikum i morgen.", "dan"),
                ("Forhandlingene brøt sammen sent i går kveld.", "nob"),
                ("Priserna steg igen förra månaden.", "swe"),
                ("Os preços voltaram a subir no mês passado.", "por"),
                ("Los precios volvieron a subir el mes pasado.", "spa"),
                ("Голосування перенесли на весну.", "ukr"),
                ("Голосование перенесли на весну.", "rus"),
            ],
        );
    }

    #[test]
    fn builder_validates() {
        assert!(LanguageDetector::builder().allow(&["eng", "xx"]).build().is_err());
        assert!(LanguageDetector::builder().allow(&[]).build().is_err());
        assert!(LanguageDetector::builder().threshold(1.5).build().is_err());
        assert!(LanguageDetector::builder().sample_bytes(10).build().is_err());
        let d = LanguageDetector::builder().allow(&["eng", "deu"]).build().unwrap_or_default();
        assert_eq!(d.languages(), ["deu", "eng"]);
        assert_eq!(d.detect("Die Regierung hat am Mittwoch ein Gesetz beschlossen.").lang, "deu");
    }

    #[test]
    fn not_allowed_is_und() {
        let d = LanguageDetector::builder().allow(&["eng"]).build().unwrap_or_default();
        let det = d.detect("ქართული ენა ერთ-ერთი უძველესი ენაა");
        assert_eq!((det.lang, det.script), ("und", "Georgian"));
        assert_eq!(d.detect("12345 !!!"), Detection::UNKNOWN);
        assert_eq!(d.detect(""), Detection::UNKNOWN);
    }

    #[test]
    fn bounded_cuts_on_char_boundaries() {
        let s = "ééééé";
        assert_eq!(bounded(s, 3), "é");
        assert_eq!(bounded(s, 100), s);
    }
}
