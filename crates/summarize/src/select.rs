//! Sentence selection: the [`Selector`] trait, the budget- and
//! readability-aware [`Picker`] every algorithm selects through, and the
//! algorithms themselves (lead, centroid, LexRank, TextRank, coverage).

use crate::analyze::Cluster;
use crate::readable::Use;
use crate::Budget;

/// One selection algorithm: picks sentences of `cluster` through `picker`,
/// which enforces the budget, one sentence per near-duplicate group and the
/// readability rules.
pub(crate) trait Selector {
    fn select(&self, cluster: &Cluster, picker: &mut Picker<'_>);
}

/// See [`Picker::availability`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Avail {
    Now,
    Later,
    Never,
}

/// Tracks a selection under a budget.
pub(crate) struct Picker<'c> {
    cluster: &'c Cluster,
    budget: Budget,
    overflow: bool,
    allow_short: bool,
    anything: bool,
    pub chosen: Vec<(usize, f64)>,
    is_chosen: Vec<bool>,
    used_group: Vec<bool>,
    words: usize,
    bytes: usize,
    done: bool,
}

impl<'c> Picker<'c> {
    /// A picker; `relax` 0 applies every rule, 1 also takes short
    /// sentences, 2 takes anything the budget allows (the last resort for
    /// text without sentence punctuation).
    pub fn new(cluster: &'c Cluster, budget: Budget, overflow: bool, relax: u8) -> Picker<'c> {
        let n = cluster.sents.len();
        Picker {
            cluster,
            budget,
            overflow,
            allow_short: relax >= 1,
            anything: relax >= 2,
            chosen: Vec::new(),
            is_chosen: vec![false; n],
            used_group: vec![false; n],
            words: 0,
            bytes: 0,
            done: false,
        }
    }

    pub fn is_done(&self) -> bool {
        self.done
    }

    /// Can sentence `s` be added now?
    pub fn available(&self, s: usize) -> bool {
        self.availability(s) == Avail::Now
    }

    /// Whether sentence `s` can be added now, perhaps later (it needs its
    /// predecessor chosen first), or never in this selection: groups get
    /// used and the budget only fills up, so `Never` stays `Never`.
    pub fn availability(&self, s: usize) -> Avail {
        let sent = &self.cluster.sents[s];
        if self.done || self.used_group[sent.group] || (sent.short && !self.allow_short) {
            return Avail::Never;
        }
        if !(self.overflow || self.fits(s)) {
            return Avail::Never;
        }
        match sent.usable {
            Use::Standalone => Avail::Now,
            Use::NeedsAntecedent if self.cluster.predecessor(s).is_some_and(|p| self.is_chosen[p]) => Avail::Now,
            Use::NeedsAntecedent => Avail::Later,
            Use::Never if self.anything => Avail::Now,
            Use::Never => Avail::Never,
        }
    }

    fn fits(&self, s: usize) -> bool {
        let sent = &self.cluster.sents[s];
        let n = self.chosen.len();
        match self.budget {
            Budget::Words(max) => self.words + sent.words <= max,
            Budget::Sentences(max) => n < max,
            Budget::Bytes(max) => self.bytes + sent.span.len() + usize::from(n > 0) <= max,
        }
    }

    pub fn take(&mut self, s: usize, score: f64) {
        let sent = &self.cluster.sents[s];
        self.words += sent.words;
        self.bytes += sent.span.len() + usize::from(!self.chosen.is_empty());
        self.is_chosen[s] = true;
        self.used_group[sent.group] = true;
        self.chosen.push((s, score));
        self.done = match self.budget {
            Budget::Words(max) => self.words >= max,
            Budget::Sentences(max) => self.chosen.len() >= max,
            Budget::Bytes(max) => self.bytes >= max,
        };
    }

    /// Takes sentences in `order` (best first), each time the first one that
    /// is available and not `redundant` with the selection so far. Rescans
    /// from the top after every pick, since a pick can make a sentence that
    /// needs it as antecedent available.
    pub fn take_ranked(&mut self, order: &[(usize, f64)], mut redundant: impl FnMut(usize, &[(usize, f64)]) -> bool) {
        let mut skip = vec![false; order.len()];
        while !self.done {
            let mut picked = false;
            for (k, &(s, score)) in order.iter().enumerate() {
                if skip[k] || !self.available(s) {
                    continue;
                }
                if redundant(s, &self.chosen) {
                    skip[k] = true;
                    continue;
                }
                self.take(s, score);
                skip[k] = true;
                picked = true;
                break;
            }
            if !picked {
                break;
            }
        }
    }
}

/// Cosine of two sparse vectors sorted by id.
pub(crate) fn cosine(a: &[(u32, f64)], na: f64, b: &[(u32, f64)], nb: f64) -> f64 {
    if na == 0.0 || nb == 0.0 {
        return 0.0;
    }
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    dot / (na * nb)
}

/// Sorts (sentence, score) best first; ties go to the earlier sentence.
pub(crate) fn rank(mut v: Vec<(usize, f64)>) -> Vec<(usize, f64)> {
    v.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    v
}

/// Skips a sentence whose tf-idf cosine with a chosen one exceeds `max`.
pub(crate) struct Redundancy {
    /// Every sentence's tf-idf vector, one after the other: sentence `s`
    /// owns `weights[ends[s - 1]..ends[s]]`.
    weights: Vec<(u32, f64)>,
    ends: Vec<usize>,
    norms: Vec<f64>,
    max: f64,
}

impl Redundancy {
    pub fn new(cluster: &Cluster, max: f64) -> Redundancy {
        let n_terms = cluster.sents.iter().map(|s| (s.terms.1 - s.terms.0) as usize).sum();
        let mut red = Redundancy {
            weights: Vec::with_capacity(n_terms),
            ends: Vec::with_capacity(cluster.sents.len()),
            norms: Vec::with_capacity(cluster.sents.len()),
            max,
        };
        for s in 0..cluster.sents.len() {
            red.norms.push(cluster.tfidf_into(s, &mut red.weights));
            red.ends.push(red.weights.len());
        }
        red
    }

    /// The tf-idf vector of sentence `s` (sorted by term) and its norm.
    pub fn vec(&self, s: usize) -> (&[(u32, f64)], f64) {
        let start = if s == 0 { 0 } else { self.ends[s - 1] };
        (&self.weights[start..self.ends[s]], self.norms[s])
    }

    pub fn max_sim(&self, s: usize, chosen: &[(usize, f64)]) -> f64 {
        let (a, na) = self.vec(s);
        chosen
            .iter()
            .map(|&(c, _)| {
                let (b, nb) = self.vec(c);
                cosine(a, na, b, nb)
            })
            .fold(0.0, f64::max)
    }

    pub fn redundant(&self, s: usize, chosen: &[(usize, f64)]) -> bool {
        self.max_sim(s, chosen) > self.max
    }
}

/// The lead baseline: the first sentences of the most recent document (by
/// date; the first document when undated), then of the next ones.
pub(crate) struct Lead;

impl Selector for Lead {
    fn select(&self, cluster: &Cluster, picker: &mut Picker<'_>) {
        let mut docs: Vec<usize> = (0..cluster.n_docs).collect();
        docs.sort_by(|&a, &b| cluster_date(cluster, b).cmp(&cluster_date(cluster, a)).then(a.cmp(&b)));
        let mut order = Vec::new();
        for d in docs {
            let start = cluster.first_of_doc.get(d).copied().unwrap_or(0);
            let end = cluster.first_of_doc.get(d + 1).copied().unwrap_or(cluster.sents.len());
            for s in start..end {
                order.push((s, 1.0 / (1.0 + order.len() as f64)));
            }
        }
        picker.take_ranked(&order, |_, _| false);
    }
}

fn cluster_date(cluster: &Cluster, d: usize) -> Option<&str> {
    cluster.dates.get(d).and_then(|x| x.as_deref())
}

/// Centroid scores: cosine of each sentence's tf-idf vector with the
/// cluster's mean vector.
pub(crate) fn centroid_scores(cluster: &Cluster, red: &Redundancy) -> Vec<f64> {
    let mut centroid = vec![0.0; cluster.idf.len()];
    for &(t, w) in &red.weights {
        {
            centroid[t as usize] += w;
        }
    }
    let cn = centroid.iter().filter(|w| **w > 0.0).map(|w| w * w).sum::<f64>().sqrt();
    // `cosine` with the sparse centroid, looking weights up densely: the
    // same products summed in the same (term id) order.
    (0..red.norms.len())
        .map(|s| {
            let (v, n) = red.vec(s);
            if n == 0.0 || cn == 0.0 {
                return 0.0;
            }
            let dot = v
                .iter()
                .filter(|&&(t, _)| centroid[t as usize] > 0.0)
                .fold(0.0, |dot, &(t, w)| dot + w * centroid[t as usize]);
            dot / (n * cn)
        })
        .collect()
}

/// Centroid-based selection (Radev et al.) with maximal marginal relevance.
pub(crate) struct Centroid;

impl Selector for Centroid {
    fn select(&self, cluster: &Cluster, picker: &mut Picker<'_>) {
        let red = Redundancy::new(cluster, 0.5);
        let scores = centroid_scores(cluster, &red);
        const LAMBDA: f64 = 0.7;
        while !picker.is_done() {
            let mut best: Option<(usize, f64)> = None;
            for (s, &score) in scores.iter().enumerate() {
                if !picker.available(s) {
                    continue;
                }
                let sim = red.max_sim(s, &picker.chosen);
                if sim > red.max {
                    continue;
                }
                let mmr = LAMBDA * score - (1.0 - LAMBDA) * sim;
                if best.is_none_or(|(_, b)| mmr > b) {
                    best = Some((s, mmr));
                }
            }
            let Some((s, mmr)) = best else { break };
            picker.take(s, mmr);
        }
    }
}

/// Graph centrality (LexRank, TextRank) over near-duplicate groups, on a
/// sparse graph: neighbours come from an inverted index over content terms
/// and each node keeps its `MAX_NEIGHBOURS` most similar ones, so memory and
/// time stay linear in the number of sentences.
pub(crate) struct Graph {
    pub kind: GraphKind,
}

/// Which similarity and edge weighting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum GraphKind {
    /// tf-idf cosine, edges above 0.1, unweighted (Erkan & Radev 2004).
    LexRank,
    /// Word overlap normalised by log lengths, weighted (Mihalcea & Tarau 2004).
    TextRank,
}

const MAX_NEIGHBOURS: usize = 24;
const MAX_TERM_POSTINGS: usize = 2048;

impl Selector for Graph {
    fn select(&self, cluster: &Cluster, picker: &mut Picker<'_>) {
        let red = Redundancy::new(cluster, 0.5);
        let roots: Vec<usize> = (0..cluster.sents.len()).filter(|&s| cluster.sents[s].group == s).collect();
        let mut node_of = vec![usize::MAX; cluster.sents.len()];
        for (k, &r) in roots.iter().enumerate() {
            node_of[r] = k;
        }
        let n = roots.len();
        // Inverted index over the roots' terms.
        let mut postings: Vec<Vec<u32>> = vec![Vec::new(); cluster.idf.len()];
        for (k, &r) in roots.iter().enumerate() {
            for &(t, _) in cluster.terms_of(r) {
                postings[t as usize].push(k as u32);
            }
        }
        let mut acc = vec![0.0f64; n];
        let mut touched: Vec<usize> = Vec::new();
        let mut edges: Vec<Vec<(u32, f64)>> = vec![Vec::new(); n];
        for (k, &r) in roots.iter().enumerate() {
            touched.clear();
            let (v, norm) = red.vec(r);
            for (i, &(t, _)) in cluster.terms_of(r).iter().enumerate() {
                let list = &postings[t as usize];
                if list.len() > MAX_TERM_POSTINGS {
                    continue;
                }
                for &j in list {
                    let j = j as usize;
                    if j == k {
                        continue;
                    }
                    if acc[j] == 0.0 {
                        touched.push(j);
                    }
                    acc[j] += match self.kind {
                        GraphKind::LexRank => {
                            let vj = red.vec(roots[j]).0;
                            let wj = vj.binary_search_by_key(&t, |x| x.0).map_or(0.0, |p| vj[p].1);
                            v[i].1 * wj
                        }
                        GraphKind::TextRank => 1.0,
                    };
                }
            }
            let mut near: Vec<(u32, f64)> = Vec::with_capacity(touched.len());
            for &j in &touched {
                let sim = match self.kind {
                    GraphKind::LexRank => {
                        let nj = red.vec(roots[j]).1;
                        if norm > 0.0 && nj > 0.0 {
                            acc[j] / (norm * nj)
                        } else {
                            0.0
                        }
                    }
                    GraphKind::TextRank => {
                        let a = cluster.sents[r].words.max(2) as f64;
                        let b = cluster.sents[roots[j]].words.max(2) as f64;
                        acc[j] / (a.ln() + b.ln())
                    }
                };
                acc[j] = 0.0;
                let keep = match self.kind {
                    GraphKind::LexRank => sim >= 0.1,
                    GraphKind::TextRank => sim > 0.0,
                };
                if keep {
                    near.push((j as u32, sim));
                }
            }
            near.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            near.truncate(MAX_NEIGHBOURS);
            for &(j, sim) in &near {
                let w = if self.kind == GraphKind::LexRank { 1.0 } else { sim };
                edges[k].push((j, w));
                edges[j as usize].push((k as u32, w));
            }
        }
        for e in &mut edges {
            e.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
            e.dedup_by_key(|x| x.0);
        }
        // PageRank; the random jump favours groups many sources carry, as if
        // every copy were its own node.
        let sizes: Vec<f64> = roots.iter().map(|&r| cluster.group_members(r).len() as f64).collect();
        let total: f64 = sizes.iter().sum::<f64>().max(1.0);
        let jump: Vec<f64> = sizes.iter().map(|s| s / total).collect();
        let out: Vec<f64> = edges.iter().map(|e| e.iter().map(|x| x.1).sum()).collect();
        let mut p = jump.clone();
        let mut next = vec![0.0; n];
        const DAMPING: f64 = 0.85;
        for _ in 0..100 {
            let mut dangling = 0.0;
            for k in 0..n {
                if out[k] == 0.0 {
                    dangling += p[k];
                }
            }
            for k in 0..n {
                next[k] = (1.0 - DAMPING + DAMPING * dangling) * jump[k];
            }
            for k in 0..n {
                if out[k] > 0.0 {
                    let share = DAMPING * p[k] / out[k];
                    for &(j, w) in &edges[k] {
                        next[j as usize] += share * w;
                    }
                }
            }
            let delta: f64 = p.iter().zip(&next).map(|(a, b)| (a - b).abs()).sum();
            std::mem::swap(&mut p, &mut next);
            if delta < 1e-9 {
                break;
            }
        }
        let scores: Vec<(usize, f64)> =
            (0..cluster.sents.len()).map(|s| (s, p[node_of[cluster.sents[s].group]])).collect();
        let order = rank(scores);
        picker.take_ranked(&order, |s, chosen| red.redundant(s, chosen));
    }
}

/// The default: greedy maximisation of the weighted concepts a summary
/// covers (Gillick & Favre's bigram coverage, greedy with cost scaling as
/// Lin & Bilmes), times a soft early-position prior and centroid
/// centrality.
///
/// A concept's weight is the number of sources containing it, discounted
/// (`echo`) when all its occurrences are copies of one sentence: agency copy
/// reprinted by four outlets makes every one of its bigrams look
/// corroborated, while a fact the outlets phrase differently shares only its
/// key bigrams and names. The group still cites all its sources.
///
/// Measured on the seed cluster only (tests/seeds.rs, two written
/// references, R-1/R-2 recall at 100 words): defaults 47.2/17.3; without the
/// echo discount 43.0/13.1; without the position prior 38.4/15.4; length
/// exponent 1.0 instead of 0.8: 44.4/14.5; centrality, name weight and the
/// novelty check were neutral there. Weighting concepts by the titles that
/// name them (`1 + w · titles`) was neutral at w = 0.5 and 1 and hurt above
/// (w = 3: 46.7/16.3, w = 10: 39.8/11.2; two of the five seeds have a
/// title), so titles are not a signal. One cluster is a sanity check, not
/// a benchmark: no standard multi-document set was available offline.
pub(crate) struct Coverage {
    /// Exponent of the length in the cost-scaled gain.
    pub length_exponent: f64,
    /// Strength of the position prior (earliest position of the fact in
    /// any source).
    pub position: f64,
    /// Weight of centroid similarity (0: pure coverage).
    pub centrality: f64,
    /// Weight factor of concepts found in one near-duplicate group only.
    pub echo: f64,
    /// Weight factor of name and figure concepts (vs bigrams).
    pub names: f64,
    /// Share of a sentence's content words that must be new to the summary.
    pub novelty: f64,
    /// Lazy greedy (the default; the plain greedy scan is kept to check it
    /// against and for qualities that are not all positive).
    pub lazy: bool,
}

impl Default for Coverage {
    fn default() -> Coverage {
        Coverage {
            length_exponent: 0.8,
            position: 0.6,
            centrality: 0.5,
            echo: 0.0,
            names: 1.0,
            novelty: 0.4,
            lazy: true,
        }
    }
}

impl Selector for Coverage {
    fn select(&self, cluster: &Cluster, picker: &mut Picker<'_>) {
        let min_df = if cluster.n_docs >= 3 { 2 } else { 1 };
        let weight: Vec<f64> = cluster
            .concept_df
            .iter()
            .zip(&cluster.concept_groups)
            .zip(&cluster.concept_is_name)
            .map(|((&df, &groups), &name)| {
                // Within one source, repetition is all the evidence there is.
                let echo = if groups >= 2 || cluster.n_docs < 3 { 1.0 } else { self.echo };
                let kind = if name { self.names } else { 1.0 };
                if df >= min_df {
                    echo * kind * f64::from(df)
                } else {
                    0.0
                }
            })
            .collect();
        let red = Redundancy::new(cluster, 0.7);
        let central = if self.centrality > 0.0 { centroid_scores(cluster, &red) } else { Vec::new() };
        // Earliest position of each group across its sources.
        let mut group_pos = vec![1.0f64; cluster.sents.len()];
        for s in &cluster.sents {
            group_pos[s.group] = group_pos[s.group].min(s.rel_pos);
        }
        // `words^length_exponent`, once per length (sentences share a few
        // dozen lengths; `powf` is the costly part of a quality).
        let mut len_pow: Vec<f64> = Vec::new();
        let quality: Vec<f64> = cluster
            .sents
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let prior = 1.0 - self.position * group_pos[s.group];
                let c = central.get(i).copied().unwrap_or(0.0);
                let words = s.words.max(1);
                let len = match len_pow.get(words) {
                    Some(&p) if !p.is_nan() => p,
                    _ => {
                        let p = (words as f64).powf(self.length_exponent);
                        if words < 1024 {
                            if len_pow.len() <= words {
                                len_pow.resize(words + 1, f64::NAN);
                            }
                            len_pow[words] = p;
                        }
                        p
                    }
                };
                prior * (1.0 + self.centrality * c) / len
            })
            .collect();
        let mut covered = vec![false; weight.len()];
        let mut said = vec![false; cluster.idf.len()];
        let gain_of = |s: usize, covered: &[bool]| -> f64 {
            cluster.concepts_of(s).iter().filter(|&&c| !covered[c as usize]).map(|&c| weight[c as usize]).sum()
        };
        // Lazy greedy: gains only shrink as concepts get covered (a sum of
        // fewer non-negative weights, in the same order, is never larger in
        // floating point either) and qualities are positive, so a score
        // computed at an earlier step bounds the current one. The best
        // entry of a max-heap of bounds, once recomputed and still on top,
        // is the exact greedy choice, ties to the earlier sentence.
        let lazy = self.lazy && quality.iter().all(|q| q.is_finite() && *q > 0.0);
        let mut heap: std::collections::BinaryHeap<Bound> = std::collections::BinaryHeap::new();
        if lazy {
            for (s, &q) in quality.iter().enumerate() {
                let gain = gain_of(s, &covered);
                if gain > 0.0 {
                    heap.push(Bound { score: gain * q, s, step: 0 });
                }
            }
        }
        let mut step = 0u32;
        let mut later: Vec<Bound> = Vec::new();
        while !picker.is_done() {
            let best = if lazy {
                let best = loop {
                    let Some(top) = heap.pop() else { break None };
                    match picker.availability(top.s) {
                        Avail::Never => continue,
                        Avail::Later => {
                            later.push(top);
                            continue;
                        }
                        Avail::Now => {}
                    }
                    if top.step == step {
                        break Some((top.s, top.score));
                    }
                    let gain = gain_of(top.s, &covered);
                    if gain > 0.0 {
                        heap.push(Bound { score: gain * quality[top.s], s: top.s, step });
                    }
                };
                heap.extend(later.drain(..));
                best
            } else {
                let mut best: Option<(usize, f64)> = None;
                for (s, &q) in quality.iter().enumerate() {
                    if !picker.available(s) {
                        continue;
                    }
                    let gain = gain_of(s, &covered);
                    if gain <= 0.0 {
                        continue;
                    }
                    let score = gain * q;
                    if best.is_none_or(|(_, b)| score > b) {
                        best = Some((s, score));
                    }
                }
                best
            };
            let Some((s, score)) = best else { break };
            step += 1;
            let terms = cluster.terms_of(s);
            let new_terms = terms.iter().filter(|(t, _)| !said[*t as usize]).count();
            if red.redundant(s, &picker.chosen) || (new_terms as f64) < self.novelty * terms.len() as f64 {
                // Paraphrase of a chosen sentence: its new concepts are
                // wording, not facts. Cover them so it is not picked again.
                for &c in cluster.concepts_of(s) {
                    covered[c as usize] = true;
                }
                continue;
            }
            for &c in cluster.concepts_of(s) {
                covered[c as usize] = true;
            }
            for &(t, _) in terms {
                said[t as usize] = true;
            }
            picker.take(s, score);
        }
    }
}

/// A coverage score computed at greedy step `step`: an upper bound of the
/// sentence's score at later steps. Ordered best first, ties to the earlier
/// sentence.
struct Bound {
    score: f64,
    s: usize,
    step: u32,
}

impl PartialEq for Bound {
    fn eq(&self, other: &Bound) -> bool {
        self.cmp(other) == std::cmp::Ordering::Equal
    }
}

impl Eq for Bound {}

impl PartialOrd for Bound {
    fn partial_cmp(&self, other: &Bound) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Bound {
    fn cmp(&self, other: &Bound) -> std::cmp::Ordering {
        self.score.total_cmp(&other.score).then(other.s.cmp(&self.s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::analyze;
    use crate::Document;
    use brief_tokenize::{Language, SentenceSplitter, Span};

    /// The lazy greedy picks exactly what the plain greedy scan picks, with
    /// the same scores, whatever the parameters and budget.
    #[test]
    fn lazy_greedy_is_exact() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds");
        let mut paths: Vec<_> = std::fs::read_dir(dir).expect("seeds").map(|e| e.expect("entry").path()).collect();
        paths.sort();
        let texts: Vec<String> = paths.iter().map(|p| std::fs::read_to_string(p).expect("seed")).collect();
        let splitter = SentenceSplitter::new(Some(Language::English));
        let sentences: Vec<Vec<Span>> = texts.iter().map(|t| splitter.split(t)).collect();
        let docs: Vec<Document> = texts
            .iter()
            .zip(&sentences)
            .map(|(t, s)| Document { text: t, sentences: s, lang: Some(Language::English), date: None, title: None })
            .collect();
        let cluster = analyze(&docs);
        let mut checked = 0;
        for (length_exponent, position, centrality, novelty) in
            [(0.8, 0.6, 0.5, 0.4), (1.0, 0.0, 0.0, 0.0), (0.5, 0.9, 2.0, 0.8), (0.0, 0.3, 0.0, 0.2)]
        {
            for budget in [Budget::Words(100), Budget::Words(400), Budget::Sentences(2), Budget::Bytes(900)] {
                for relax in [0, 1] {
                    let run = |lazy: bool| {
                        let c =
                            Coverage { length_exponent, position, centrality, novelty, lazy, ..Coverage::default() };
                        let mut picker = Picker::new(&cluster, budget, false, relax);
                        c.select(&cluster, &mut picker);
                        picker.chosen
                    };
                    let (lazy, plain) = (run(true), run(false));
                    assert_eq!(lazy, plain, "{length_exponent} {position} {centrality} {novelty} {budget:?} {relax}");
                    checked += usize::from(!plain.is_empty());
                }
            }
        }
        assert!(checked >= 20, "{checked}");
    }
}
