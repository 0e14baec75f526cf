//! `brief eval`: ROUGE-1/2/L of system summaries against references, from
//! files, directories (DUC-style: `D1.txt` vs `D1.A.txt`, `D1.B.txt`, …) or
//! JSON Lines (`{"id", "summary", "references": [...]}`).

use std::fmt::Write as _;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use brief_summarize::rouge::{self, RougeScores};
use serde::Serialize;

use crate::output::OutputFormat;

/// How scores against several references are combined.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Aggregate {
    /// Best F1 per metric over the references (as Python `rouge-score`'s `score_multi`).
    Max,
    /// Mean over the references (as ROUGE-1.5.5 with `-f A`).
    Mean,
}

/// Evaluation settings.
#[derive(Clone, Debug)]
pub struct EvalOptions {
    /// Truncate each system summary to this many words first.
    pub words: Option<usize>,
    /// Multi-reference aggregation.
    pub aggregate: Aggregate,
    /// Output format.
    pub format: OutputFormat,
}

/// One evaluated summary.
#[derive(Clone, Debug, Serialize)]
pub struct EvalRecord {
    /// The summary's id (file name or JSONL id).
    pub id: String,
    /// Number of references used.
    pub references: usize,
    /// The scores.
    #[serde(flatten)]
    pub scores: RougeScores,
}

fn truncate_words(text: &str, words: Option<usize>) -> String {
    match words {
        Some(n) => text.split_whitespace().take(n).collect::<Vec<_>>().join(" "),
        None => text.to_string(),
    }
}

fn score(opts: &EvalOptions, system: &str, refs: &[String]) -> RougeScores {
    let system = truncate_words(system, opts.words);
    let refs: Vec<&str> = refs.iter().map(String::as_str).collect();
    match opts.aggregate {
        Aggregate::Max => rouge::evaluate(&system, &refs),
        Aggregate::Mean => rouge::evaluate_average(&system, &refs),
    }
}

/// Pairs a system path with its references: a file with the files given, or
/// a directory with the reference files in the reference directory whose
/// names start with the system file's stem.
pub fn pairs(system: &Path, references: &[PathBuf]) -> anyhow::Result<Vec<(String, PathBuf, Vec<PathBuf>)>> {
    if !system.is_dir() {
        if references.is_empty() {
            anyhow::bail!("give at least one reference file");
        }
        return Ok(vec![(system.display().to_string(), system.to_path_buf(), references.to_vec())]);
    }
    let [ref_dir] = references else { anyhow::bail!("with a system directory, give one reference directory") };
    let list = |d: &Path| -> anyhow::Result<Vec<PathBuf>> {
        let mut v: Vec<PathBuf> = std::fs::read_dir(d)
            .with_context(|| format!("cannot read directory {}", d.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file())
            .collect();
        v.sort();
        Ok(v)
    };
    let refs = list(ref_dir)?;
    let mut out = Vec::new();
    for s in list(system)? {
        let stem = s.file_stem().and_then(|x| x.to_str()).unwrap_or_default().to_string();
        let mine: Vec<PathBuf> = refs
            .iter()
            .filter(|r| {
                let name = r.file_name().and_then(|x| x.to_str()).unwrap_or_default();
                name.strip_prefix(stem.as_str()).is_some_and(|rest| rest.starts_with('.') || rest.starts_with('_'))
            })
            .cloned()
            .collect();
        out.push((stem, s, mine));
    }
    Ok(out)
}

/// Runs `brief eval` on files/directories; returns true if some pair failed.
pub fn run_paths(
    opts: &EvalOptions,
    system: &Path,
    references: &[PathBuf],
    out: &mut impl Write,
) -> anyhow::Result<bool> {
    let mut failed = false;
    let mut records = Vec::new();
    for (id, sys, refs) in pairs(system, references)? {
        let read = |p: &Path| std::fs::read(p).map(|b| String::from_utf8_lossy(&b).into_owned());
        let sys_text = match read(&sys) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("brief: {}: cannot read: {e}", sys.display());
                failed = true;
                continue;
            }
        };
        let mut ref_texts = Vec::new();
        for r in &refs {
            match read(r) {
                Ok(t) => ref_texts.push(t),
                Err(e) => {
                    eprintln!("brief: {}: cannot read: {e}", r.display());
                    failed = true;
                }
            }
        }
        if ref_texts.is_empty() {
            eprintln!("brief: {}: no reference summary found", sys.display());
            failed = true;
            continue;
        }
        records.push(EvalRecord { id, references: ref_texts.len(), scores: score(opts, &sys_text, &ref_texts) });
    }
    out.write_all(render(&records, opts.format).as_bytes())?;
    Ok(failed)
}

/// One JSONL input line of `brief eval --jsonl`.
#[derive(Debug, serde::Deserialize)]
struct EvalLine {
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(default, alias = "system")]
    summary: Option<String>,
    #[serde(default)]
    references: Vec<String>,
}

/// `brief eval --jsonl`: one output line per input line.
pub fn run_jsonl(opts: &EvalOptions, name: &str, input: impl BufRead, out: &mut impl Write) -> anyhow::Result<bool> {
    let mut failed = false;
    for (n, line) in input.lines().enumerate() {
        let line = line.with_context(|| format!("{name}:{}: read error", n + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        let parsed: Result<EvalLine, String> = serde_json::from_str(&line).map_err(|e| e.to_string());
        let json = match parsed {
            Ok(EvalLine { id, summary: Some(s), references }) if !references.is_empty() => {
                let id = match id {
                    Some(serde_json::Value::String(s)) => s,
                    Some(v) => v.to_string(),
                    None => format!("line{}", n + 1),
                };
                let r = EvalRecord { id, references: references.len(), scores: score(opts, &s, &references) };
                serde_json::to_string(&r)?
            }
            Ok(l) => {
                failed = true;
                let msg = format!("{name}:{}: needs \"summary\" and a non-empty \"references\" list", n + 1);
                eprintln!("brief: {msg}");
                serde_json::json!({"id": l.id, "error": msg}).to_string()
            }
            Err(e) => {
                failed = true;
                let msg = format!("{name}:{}: invalid JSON record: {e}", n + 1);
                eprintln!("brief: {msg}");
                serde_json::json!({"id": null, "error": msg}).to_string()
            }
        };
        writeln!(out, "{json}")?;
    }
    Ok(failed)
}

/// Renders records plus their mean.
pub fn render(records: &[EvalRecord], format: OutputFormat) -> String {
    let all: Vec<RougeScores> = records.iter().map(|r| r.scores).collect();
    let mean = RougeScores::mean(&all);
    match format {
        OutputFormat::Json | OutputFormat::Jsonl | OutputFormat::Html => {
            let v = serde_json::json!({ "summaries": records, "mean": mean, "count": records.len() });
            let mut s = if format == OutputFormat::Jsonl {
                serde_json::to_string(&v).unwrap_or_default()
            } else {
                serde_json::to_string_pretty(&v).unwrap_or_default()
            };
            s.push('\n');
            s
        }
        OutputFormat::Text | OutputFormat::Markdown => {
            let mut s = String::new();
            let md = format == OutputFormat::Markdown;
            let row = |s: &mut String, id: &str, x: &RougeScores| {
                let cells = [x.rouge1, x.rouge2, x.rouge_l]
                    .iter()
                    .map(|m| format!("{:.4} {:.4} {:.4}", m.precision, m.recall, m.f1))
                    .collect::<Vec<_>>();
                if md {
                    let _ = writeln!(s, "| {id} | {} |", cells.join(" | "));
                } else {
                    let _ = writeln!(s, "{id:<24} {}", cells.join("   "));
                }
            };
            if md {
                let _ = writeln!(s, "| summary | ROUGE-1 P R F | ROUGE-2 P R F | ROUGE-L P R F |\n|---|---|---|---|");
            } else {
                let _ = writeln!(
                    s,
                    "{:<24} {:<20}   {:<20}   {:<20}",
                    "summary", "ROUGE-1 P R F", "ROUGE-2 P R F", "ROUGE-L P R F"
                );
            }
            for r in records {
                row(&mut s, &r.id, &r.scores);
            }
            row(&mut s, &format!("mean ({})", records.len()), &mean);
            s
        }
    }
}
