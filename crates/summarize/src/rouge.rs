//! ROUGE-1, ROUGE-2 and ROUGE-L (precision, recall, F1), computed the way
//! Python `rouge-score` does with `use_stemmer=True`: lowercase, every run of
//! characters outside `[a-z0-9]` becomes a space, tokens longer than three
//! characters are Porter-stemmed (NLTK's variant, see [`porter_stem`]).
//! ROUGE-L is the LCS over the whole token sequence (`rougeL`, not
//! `rougeLsum`).
//!
//! Several references: like `rouge-score`'s `score_multi`, each metric takes
//! the reference that gives the best F1 ([`evaluate`]); [`evaluate_average`]
//! averages over the references instead (the ROUGE-1.5.5 `-f A` habit), and
//! [`RougeScores::mean`] averages over a corpus of summaries.
//!
//! ```
//! use brief_summarize::rouge;
//! let s = rouge::evaluate("The cat sat on the mat.", &["The cats sat on a mat."]);
//! assert!((s.rouge1.recall - 5.0 / 6.0).abs() < 1e-9);
//! assert!((s.rouge2.f1 - 0.6).abs() < 1e-9);
//! ```

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

pub use crate::porter::porter_stem;

/// Precision, recall and F1 of one ROUGE variant, each in `0.0..=1.0`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Score {
    /// Matched units over units in the system summary.
    pub precision: f64,
    /// Matched units over units in the reference.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
}

impl Score {
    fn new(matched: usize, system: usize, reference: usize) -> Score {
        let precision = matched as f64 / system.max(1) as f64;
        let recall = matched as f64 / reference.max(1) as f64;
        Score { precision, recall, f1: f1(precision, recall) }
    }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

/// ROUGE-1, ROUGE-2 and ROUGE-L of one system summary.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RougeScores {
    /// Unigram overlap.
    pub rouge1: Score,
    /// Bigram overlap.
    pub rouge2: Score,
    /// Longest common subsequence.
    #[serde(rename = "rougeL")]
    pub rouge_l: Score,
}

impl RougeScores {
    /// Component-wise mean over many summaries (zeros for an empty slice).
    pub fn mean(all: &[RougeScores]) -> RougeScores {
        let n = all.len().max(1) as f64;
        let avg = |get: fn(&RougeScores) -> Score| {
            let mut s = Score::default();
            for x in all {
                let v = get(x);
                s.precision += v.precision / n;
                s.recall += v.recall / n;
                s.f1 += v.f1 / n;
            }
            s
        };
        RougeScores { rouge1: avg(|x| x.rouge1), rouge2: avg(|x| x.rouge2), rouge_l: avg(|x| x.rouge_l) }
    }
}

/// Scores `system` against each reference and keeps, per metric, the
/// reference with the best F1 (as `rouge-score`'s `score_multi`). No
/// reference: all zeros.
pub fn evaluate(system: &str, references: &[&str]) -> RougeScores {
    let sys = Prepared::new(system);
    let mut best: Option<RougeScores> = None;
    for r in references {
        let s = sys.score(&Prepared::new(r));
        best = Some(match best {
            None => s,
            Some(b) => RougeScores {
                rouge1: if s.rouge1.f1 > b.rouge1.f1 { s.rouge1 } else { b.rouge1 },
                rouge2: if s.rouge2.f1 > b.rouge2.f1 { s.rouge2 } else { b.rouge2 },
                rouge_l: if s.rouge_l.f1 > b.rouge_l.f1 { s.rouge_l } else { b.rouge_l },
            },
        });
    }
    best.unwrap_or_default()
}

/// Scores `system` against each reference and averages the scores.
pub fn evaluate_average(system: &str, references: &[&str]) -> RougeScores {
    let sys = Prepared::new(system);
    let all: Vec<RougeScores> = references.iter().map(|r| sys.score(&Prepared::new(r))).collect();
    RougeScores::mean(&all)
}

/// The ROUGE tokens of `text`: lowercase `[a-z0-9]+` runs, Porter-stemmed
/// when longer than three characters.
///
/// ```
/// assert_eq!(brief_summarize::rouge::tokenize("Taliban's fighters, 2021!"), ["taliban", "s", "fighter", "2021"]);
/// ```
pub fn tokenize(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut flush = |cur: &mut String| {
        if !cur.is_empty() {
            out.push(if cur.len() > 3 { porter_stem(cur) } else { cur.clone() });
            cur.clear();
        }
    };
    for c in text.chars() {
        for l in c.to_lowercase() {
            if l.is_ascii_lowercase() || l.is_ascii_digit() {
                cur.push(l);
            } else {
                flush(&mut cur);
            }
        }
    }
    flush(&mut cur);
    out
}

/// A tokenized text with its n-gram counts, so one system summary is
/// tokenized once for any number of references.
struct Prepared {
    ids: Vec<u32>,
    vocab: HashMap<String, u32>,
}

impl Prepared {
    fn new(text: &str) -> Prepared {
        let mut vocab = HashMap::new();
        let ids = tokenize(text)
            .into_iter()
            .map(|t| {
                let n = vocab.len() as u32;
                *vocab.entry(t).or_insert(n)
            })
            .collect();
        Prepared { ids, vocab }
    }

    fn score(&self, reference: &Prepared) -> RougeScores {
        // Map the reference's tokens into this text's ids; unseen tokens get
        // ids that cannot match.
        let base = self.vocab.len() as u32;
        let mut unseen: HashMap<u32, u32> = HashMap::new();
        let mut by_id: Vec<&str> = vec![""; reference.vocab.len()];
        for (t, &i) in &reference.vocab {
            by_id[i as usize] = t;
        }
        let rids: Vec<u32> = reference
            .ids
            .iter()
            .map(|&i| match self.vocab.get(by_id[i as usize]) {
                Some(&j) => j,
                None => {
                    let n = base + unseen.len() as u32;
                    *unseen.entry(i).or_insert(n)
                }
            })
            .collect();
        RougeScores {
            rouge1: ngram_score(&self.ids, &rids, 1),
            rouge2: ngram_score(&self.ids, &rids, 2),
            rouge_l: lcs_score(&self.ids, &rids),
        }
    }
}

fn ngram_score(sys: &[u32], reference: &[u32], n: usize) -> Score {
    let (s, r) = (ngram_counts(sys, n), ngram_counts(reference, n));
    let matched: usize = r.iter().map(|(g, &c)| c.min(s.get(g).copied().unwrap_or(0))).sum();
    Score::new(matched, sys.len().saturating_sub(n - 1), reference.len().saturating_sub(n - 1))
}

fn ngram_counts(t: &[u32], n: usize) -> HashMap<&[u32], usize> {
    let mut m: HashMap<&[u32], usize> = HashMap::new();
    for g in t.windows(n) {
        *m.entry(g).or_default() += 1;
    }
    m
}

fn lcs_score(sys: &[u32], reference: &[u32]) -> Score {
    if sys.is_empty() || reference.is_empty() {
        return Score::default();
    }
    // Two rows of the LCS table: memory linear in the system length.
    let mut prev = vec![0usize; sys.len() + 1];
    let mut cur = vec![0usize; sys.len() + 1];
    for &r in reference {
        for (j, &s) in sys.iter().enumerate() {
            cur[j + 1] = if r == s { prev[j] + 1 } else { prev[j + 1].max(cur[j]) };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    Score::new(prev[sys.len()], sys.len(), reference.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn table() {
        // (system, reference, r1 (p, r), r2 (p, r), rL (p, r))
        type Row = (&'static str, &'static str, (f64, f64), (f64, f64), (f64, f64));
        let rows: &[Row] = &[
            ("a b c", "a b c", (1.0, 1.0), (1.0, 1.0), (1.0, 1.0)),
            ("", "a b", (0.0, 0.0), (0.0, 0.0), (0.0, 0.0)),
            ("a b c d", "a c", (0.5, 1.0), (0.0, 0.0), (0.5, 1.0)),
            ("x y", "y x", (1.0, 1.0), (0.0, 0.0), (0.5, 0.5)),
            ("a a a", "a", (1.0 / 3.0, 1.0), (0.0, 0.0), (1.0 / 3.0, 1.0)),
        ];
        for &(sys, reference, r1, r2, rl) in rows {
            let s = evaluate(sys, &[reference]);
            for (name, got, want) in [("r1", s.rouge1, r1), ("r2", s.rouge2, r2), ("rL", s.rouge_l, rl)] {
                assert!(
                    close(got.precision, want.0) && close(got.recall, want.1),
                    "{name} {sys:?} vs {reference:?}: {got:?}"
                );
            }
        }
    }

    #[test]
    fn multi_reference_takes_best_f1() {
        let s = evaluate("a b c", &["x y z", "a b c"]);
        assert!(close(s.rouge1.f1, 1.0));
        let avg = evaluate_average("a b c", &["x y z", "a b c"]);
        assert!(close(avg.rouge1.f1, 0.5));
        assert_eq!(evaluate("a", &[]), RougeScores::default());
    }
}
