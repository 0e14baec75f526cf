//! Flags → configuration → stages → output. `run` returns the exit code.

use std::io::{BufRead, BufReader, IsTerminal, Write};
use std::path::PathBuf;

use anyhow::Context;
use brief_gazetteer::{count_entities, Gazetteer};
use brief_summarize::{Budget, Summarizer};
use clap::{Args, Parser, Subcommand};
use rayon::prelude::*;

use crate::ingest::{self, InputError, Record, SourceDoc};
use crate::output::{
    render_docs, render_summary, CleanRecord, DocOutput, EntitiesRecord, ErrorRecord, LangRecord, MentionOut,
    OutputFormat, ParagraphLangOut, Removed, SentenceOut, SentencesRecord, TokensRecord,
};
use crate::pipeline::{self, Analyzed, Engine};

/// brief: turn a pile of news articles about one event into a trustworthy brief.
#[derive(Debug, Parser)]
#[command(
    name = "brief",
    version,
    about = "Turn a pile of news articles about one event into a trustworthy brief: clean text, languages, \
             entities and a cited multi-document summary.",
    long_about = None
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Args, Clone)]
struct Common {
    /// Files or directories (read recursively: .txt, .md, .html, .htm); none or `-` reads standard input.
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Input is JSON Lines (documents or clusters); output is JSON Lines, one line per input line.
    #[arg(long)]
    jsonl: bool,
    /// Output format (default: text; `--jsonl` implies jsonl).
    #[arg(long, value_enum)]
    format: Option<OutputFormat>,
    /// Number of worker threads (default: all cores).
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
    /// Keep boilerplate blocks (captions, headings, …) as content.
    #[arg(long)]
    keep_boilerplate: bool,
    /// Do not print warnings on standard error.
    #[arg(long, short)]
    quiet: bool,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Summarize a cluster of articles (all PATHs together; one cluster per JSONL line).
    Summarize {
        #[command(flatten)]
        common: Common,
        /// Word budget.
        #[arg(long, value_name = "N", conflicts_with_all = ["sentences", "bytes"])]
        words: Option<usize>,
        /// Sentence budget.
        #[arg(long, value_name = "N", conflicts_with = "bytes")]
        sentences: Option<usize>,
        /// Byte budget.
        #[arg(long, value_name = "N")]
        bytes: Option<usize>,
        /// Let the last sentence cross the budget (for benchmarks that truncate).
        #[arg(long)]
        overflow: bool,
        /// Selection algorithm: coverage (default), centroid, lexrank, textrank, lead.
        #[arg(long, value_name = "NAME")]
        algorithm: Option<String>,
        /// Extra gazetteer TSV files (surface, canonical, type[, id]).
        #[arg(long, value_name = "FILE")]
        gazetteer: Vec<PathBuf>,
    },
    /// Remove boilerplate: print the clean text (and, with --explain, what was removed and why).
    Clean {
        #[command(flatten)]
        common: Common,
        /// Show every block, removed ones marked with their reason.
        #[arg(long)]
        explain: bool,
    },
    /// Identify the language (and script) of each document.
    Lang {
        #[command(flatten)]
        common: Common,
        /// Also decide each paragraph.
        #[arg(long)]
        paragraphs: bool,
    },
    /// Find people, places, organisations and nationalities.
    Entities {
        #[command(flatten)]
        common: Common,
        /// Extra gazetteer TSV files (surface, canonical, type[, id]); repeatable.
        #[arg(long, value_name = "FILE")]
        gazetteer: Vec<PathBuf>,
    },
    /// Split into sentences with byte offsets.
    Sentences {
        #[command(flatten)]
        common: Common,
        /// Remove boilerplate first.
        #[arg(long)]
        clean: bool,
    },
    /// Split into word tokens with offsets, normal form, stem and stopword flag.
    Tokens {
        #[command(flatten)]
        common: Common,
    },
    /// ROUGE-1/2/L (precision, recall, F1; Porter-stemmed) of system summaries against references.
    Eval {
        /// System summary file, or a directory of them (references matched by file-name prefix).
        #[arg(value_name = "SYSTEM", required_unless_present = "jsonl")]
        system: Option<PathBuf>,
        /// Reference summary files (or one directory when SYSTEM is a directory).
        #[arg(value_name = "REFERENCE")]
        references: Vec<PathBuf>,
        /// Input is JSON Lines `{"id", "summary", "references": [...]}` (files or stdin).
        #[arg(long)]
        jsonl: bool,
        /// Truncate system summaries to N words first (the usual benchmark protocol).
        #[arg(long, value_name = "N")]
        words: Option<usize>,
        /// How scores against several references are combined.
        #[arg(long, value_enum, default_value = "max")]
        aggregate: crate::eval::Aggregate,
        /// Output format.
        #[arg(long, value_enum)]
        format: Option<OutputFormat>,
    },
}

/// What one command does with a unit of input (a cluster of documents).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Task {
    Summarize,
    Clean { explain: bool },
    Lang { paragraphs: bool },
    Entities,
    Sentences { clean: bool },
    Tokens,
}

struct Runner {
    engine: Engine,
    summarizer: Summarizer,
    task: Task,
    format: OutputFormat,
    quiet: bool,
}

/// Parses the arguments, runs, and returns the process exit code
/// (0 all good, 1 some inputs failed, 2 usage error).
pub fn run() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    match run_cli(cli) {
        Ok(code) => code,
        Err(e) => {
            if is_broken_pipe(&e) {
                return 0;
            }
            eprintln!("brief: error: {e:#}");
            2
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe))
}

fn load_gazetteer(files: &[PathBuf]) -> anyhow::Result<Option<Gazetteer>> {
    if files.is_empty() {
        return Ok(None);
    }
    let mut b = Gazetteer::builder();
    for f in files {
        let tsv = std::fs::read_to_string(f).with_context(|| format!("cannot read gazetteer {}", f.display()))?;
        b.add_tsv(&tsv).with_context(|| format!("in gazetteer {}", f.display()))?;
    }
    b.build().map(Some).context("cannot build the gazetteer")
}

fn run_eval(cli: Cli) -> anyhow::Result<i32> {
    let Command::Eval { system, references, jsonl, words, aggregate, format } = cli.command else {
        anyhow::bail!("internal: not an eval command");
    };
    let format = if jsonl { OutputFormat::Jsonl } else { format.unwrap_or(OutputFormat::Text) };
    let opts = crate::eval::EvalOptions { words, aggregate, format };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let failed = if jsonl {
        let mut paths: Vec<PathBuf> = system.into_iter().collect();
        paths.extend(references);
        if reads_stdin(&paths) {
            crate::eval::run_jsonl(&opts, "<stdin>", std::io::stdin().lock(), &mut out)?
        } else {
            let mut failed = false;
            for p in &paths {
                let f = std::fs::File::open(p).with_context(|| format!("cannot read {}", p.display()))?;
                failed |= crate::eval::run_jsonl(&opts, &p.display().to_string(), BufReader::new(f), &mut out)?;
            }
            failed
        }
    } else {
        let system = system.context("give a SYSTEM summary file or directory")?;
        crate::eval::run_paths(&opts, &system, &references, &mut out)?
    };
    out.flush()?;
    Ok(if failed { 1 } else { 0 })
}

fn run_cli(cli: Cli) -> anyhow::Result<i32> {
    if matches!(cli.command, Command::Eval { .. }) {
        return run_eval(cli);
    }
    let mut engine = Engine::default();
    let mut summarizer = Summarizer::new();
    let (common, task) = match cli.command {
        Command::Summarize { common, words, sentences, bytes, overflow, algorithm, gazetteer } => {
            let budget = match (words, sentences, bytes) {
                (_, Some(n), _) => Budget::Sentences(n),
                (_, _, Some(n)) => Budget::Bytes(n),
                (Some(n), _, _) => Budget::Words(n),
                _ => Budget::Words(100),
            };
            let mut b = Summarizer::builder();
            b.budget(budget).overflow(overflow);
            if let Some(name) = algorithm.as_deref() {
                b.algorithm(name.parse().context("invalid --algorithm")?);
            }
            summarizer = b.build().context("invalid summary options")?;
            engine.gazetteer = load_gazetteer(&gazetteer)?;
            (common, Task::Summarize)
        }
        Command::Clean { common, explain } => (common, Task::Clean { explain }),
        Command::Lang { common, paragraphs } => (common, Task::Lang { paragraphs }),
        Command::Entities { common, gazetteer } => {
            engine.gazetteer = load_gazetteer(&gazetteer)?;
            (common, Task::Entities)
        }
        Command::Sentences { common, clean } => (common, Task::Sentences { clean }),
        Command::Tokens { common } => (common, Task::Tokens),
        Command::Eval { .. } => anyhow::bail!("internal: eval is handled before"),
    };
    if let Some(n) = common.threads {
        if n == 0 {
            anyhow::bail!("--threads must be at least 1");
        }
        rayon::ThreadPoolBuilder::new().num_threads(n).build_global().context("cannot start the thread pool")?;
    }
    engine.keep_boilerplate = common.keep_boilerplate;
    let format = if common.jsonl { OutputFormat::Jsonl } else { common.format.unwrap_or(OutputFormat::Text) };
    let runner = Runner { engine, summarizer, task, format, quiet: common.quiet };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let failed = if common.jsonl {
        runner.run_jsonl(&common.paths, &mut out)?
    } else {
        runner.run_files(&common.paths, &mut out)?
    };
    out.flush()?;
    Ok(if failed { 1 } else { 0 })
}

fn reads_stdin(paths: &[PathBuf]) -> bool {
    paths.is_empty() || (paths.len() == 1 && paths[0].as_os_str() == "-")
}

impl Runner {
    fn warn(&self, msg: &str) {
        if !self.quiet {
            eprintln!("brief: warning: {msg}");
        }
    }

    fn report(&self, e: &InputError) {
        eprintln!("brief: {e}");
    }

    /// Files/dirs/stdin: all documents form one cluster.
    fn run_files(&self, paths: &[PathBuf], out: &mut impl Write) -> anyhow::Result<bool> {
        let mut skipped = Vec::new();
        let inputs: Vec<Result<SourceDoc, InputError>> = if reads_stdin(paths) {
            vec![ingest::read_stdin()]
        } else {
            let files = ingest::expand_paths(paths, &mut skipped);
            files.into_par_iter().map(|f| f.and_then(|p| ingest::read_file(&p))).collect()
        };
        for s in &skipped {
            self.warn(&format!("{s}: not a .txt, .md, .html or .htm file, skipped"));
        }
        let mut docs = Vec::new();
        let mut errors = Vec::new();
        for r in inputs {
            match r {
                Ok(d) => {
                    for w in &d.warnings {
                        self.warn(&format!("{}: {w}", d.id));
                    }
                    docs.push(d);
                }
                Err(e) => {
                    self.report(&e);
                    errors.push(e);
                }
            }
        }
        if docs.is_empty() && errors.is_empty() {
            anyhow::bail!("no input documents found");
        }
        let failed = !errors.is_empty();
        let error_records: Vec<DocOutput> = errors.iter().map(error_record).collect();
        match self.task {
            Task::Summarize => {
                if docs.is_empty() {
                    let text = render_docs(&error_records, None, self.format, false);
                    out.write_all(text.as_bytes())?;
                    return Ok(true);
                }
                let id = cluster_id(paths);
                let summary = pipeline::summarize(&self.engine, &self.summarizer, &id, docs);
                let mut text = render_summary(&summary, self.format);
                if failed && matches!(self.format, OutputFormat::Json | OutputFormat::Jsonl) {
                    // Keep errors visible in machine output too.
                    text.push_str(&render_docs(&error_records, None, OutputFormat::Jsonl, false));
                }
                out.write_all(text.as_bytes())?;
            }
            _ => {
                let (mut records, table) = self.per_document(docs);
                records.extend(error_records);
                let explain = matches!(self.task, Task::Clean { explain: true });
                let text = render_docs(&records, table.as_deref(), self.format, explain);
                out.write_all(text.as_bytes())?;
            }
        }
        Ok(failed)
    }

    /// Runs a per-document task over one cluster; returns the records and,
    /// for `entities`, the cluster table.
    fn per_document(&self, docs: Vec<SourceDoc>) -> (Vec<DocOutput>, Option<Vec<brief_gazetteer::EntityCount>>) {
        let analyzed = self.engine.analyze(docs);
        match self.task {
            Task::Entities => {
                let mentions = self.engine.entities(&analyzed);
                let table = count_entities(&mentions);
                let records = analyzed
                    .iter()
                    .zip(&mentions)
                    .map(|(a, ms)| {
                        DocOutput::Entities(EntitiesRecord {
                            id: a.doc.id.clone(),
                            entities: ms.iter().map(|m| MentionOut::new(&a.doc.text, m)).collect(),
                        })
                    })
                    .collect();
                (records, Some(table))
            }
            _ => (analyzed.par_iter().map(|a| self.doc_record(a)).collect(), None),
        }
    }

    fn doc_record(&self, a: &Analyzed) -> DocOutput {
        let text = &a.doc.text;
        match self.task {
            Task::Clean { .. } => {
                let mut body = String::new();
                let mut removed = Vec::new();
                let mut blocks = Vec::new();
                for v in &a.verdicts {
                    let t = &text[v.span];
                    match v.label {
                        brief_detect::Label::Content => {
                            if !body.is_empty() {
                                body.push_str("\n\n");
                            }
                            body.push_str(t);
                            blocks.push((true, t.to_string(), None));
                        }
                        label => {
                            let reason = match (label, v.reason) {
                                (brief_detect::Label::Title, _) => "title".to_string(),
                                (_, Some(r)) => r.as_str().to_string(),
                                (_, None) => "boilerplate".to_string(),
                            };
                            blocks.push((false, t.to_string(), Some(reason.clone())));
                            if label != brief_detect::Label::Title {
                                removed.push(Removed {
                                    text: t.to_string(),
                                    start: v.span.start,
                                    end: v.span.end,
                                    reason,
                                });
                            }
                        }
                    }
                }
                let title = a.title().map(|s| text[s].to_string()).or_else(|| a.doc.title.clone());
                DocOutput::Clean(CleanRecord {
                    id: a.doc.id.clone(),
                    title,
                    text: body,
                    removed,
                    lang: a.lang.document.lang.to_string(),
                    blocks,
                })
            }
            Task::Lang { paragraphs } => {
                let d = &a.lang.document;
                DocOutput::Lang(LangRecord {
                    id: a.doc.id.clone(),
                    lang: d.lang.to_string(),
                    script: d.script.to_string(),
                    confidence: round(d.confidence),
                    reliable: d.reliable,
                    paragraphs: paragraphs.then(|| {
                        a.lang
                            .paragraphs
                            .iter()
                            .map(|p| ParagraphLangOut {
                                start: p.span.start,
                                end: p.span.end,
                                lang: p.detection.lang.to_string(),
                                confidence: round(p.detection.confidence),
                                reliable: p.detection.reliable,
                            })
                            .collect()
                    }),
                })
            }
            Task::Sentences { clean } => DocOutput::Sentences(SentencesRecord {
                id: a.doc.id.clone(),
                sentences: self
                    .engine
                    .sentences(a, clean)
                    .into_iter()
                    .map(|s| SentenceOut { text: text[s].to_string(), start: s.start, end: s.end })
                    .collect(),
            }),
            Task::Tokens => {
                DocOutput::Tokens(TokensRecord { id: a.doc.id.clone(), tokens: pipeline::tokens(&self.engine, a) })
            }
            Task::Summarize | Task::Entities => unreachable_record(a),
        }
    }

    /// JSON Lines: one output line per input line, in input order; lines are
    /// processed in parallel batches.
    fn run_jsonl(&self, paths: &[PathBuf], out: &mut impl Write) -> anyhow::Result<bool> {
        let mut failed = false;
        let sources: Vec<(String, Box<dyn BufRead>)> = if reads_stdin(paths) {
            vec![("<stdin>".to_string(), Box::new(BufReader::new(std::io::stdin())))]
        } else {
            let mut v: Vec<(String, Box<dyn BufRead>)> = Vec::new();
            for p in paths {
                match std::fs::File::open(p) {
                    Ok(f) => v.push((p.display().to_string(), Box::new(BufReader::new(f)))),
                    Err(e) => {
                        let err = InputError {
                            id: None,
                            location: p.display().to_string(),
                            message: format!("cannot read: {e}"),
                        };
                        self.report(&err);
                        writeln!(out, "{}", serde_json::to_string(&error_record_plain(&err))?)?;
                        failed = true;
                    }
                }
            }
            v
        };
        const BATCH: usize = 512;
        let progress = std::io::stderr().is_terminal() && !self.quiet;
        let mut done = 0usize;
        for (name, reader) in sources {
            let mut batch: Vec<(usize, String)> = Vec::with_capacity(BATCH);
            let mut line_no = 0usize;
            let mut lines = reader.split(b'\n');
            loop {
                let next = lines.next();
                let end = next.is_none();
                if let Some(line) = next {
                    line_no += 1;
                    let line = line.with_context(|| format!("{name}:{line_no}: read error"))?;
                    // valid UTF-8 (the common case) is taken over without a copy
                    let mut line =
                        String::from_utf8(line).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
                    while line.ends_with('\r') {
                        line.pop();
                    }
                    if !line.trim().is_empty() {
                        batch.push((line_no, line));
                    }
                }
                if batch.len() >= BATCH || (end && !batch.is_empty()) {
                    let results: Vec<(String, Vec<String>, bool)> =
                        batch.par_iter().map(|(n, l)| self.jsonl_line(&name, *n, l)).collect();
                    for (json, messages, bad) in results {
                        for m in messages {
                            eprintln!("brief: {m}");
                        }
                        failed |= bad;
                        out.write_all(json.as_bytes())?;
                        out.write_all(b"\n")?;
                    }
                    done += batch.len();
                    if progress {
                        eprint!("\rbrief: {done} records");
                    }
                    batch.clear();
                }
                if end {
                    break;
                }
            }
        }
        if progress && done > 0 {
            eprintln!();
        }
        Ok(failed)
    }

    /// One JSONL line → (output JSON, stderr messages, failed?).
    fn jsonl_line(&self, source: &str, line_no: usize, line: &str) -> (String, Vec<String>, bool) {
        let mut messages = Vec::new();
        let value = match ingest::parse_jsonl_line(source, line_no, line) {
            Record::Error(e) => {
                messages.push(e.to_string());
                return (json(&error_record_plain(&e)), messages, true);
            }
            Record::Doc(d) => {
                for w in &d.warnings {
                    messages.push(format!("warning: {source}:{line_no}: {w}"));
                }
                let id = d.id.clone();
                match self.task {
                    Task::Summarize => json(&pipeline::summarize(&self.engine, &self.summarizer, &id, vec![d])),
                    _ => {
                        let (records, _) = self.per_document(vec![d]);
                        records.first().map(json).unwrap_or_default()
                    }
                }
            }
            Record::Cluster { id, docs } => {
                let mut good = Vec::new();
                let mut errs = Vec::new();
                for d in docs {
                    match d {
                        Ok(d) => good.push(d),
                        Err(e) => {
                            messages.push(e.to_string());
                            errs.push(error_record_plain(&e));
                        }
                    }
                }
                let bad = !errs.is_empty();
                let mut v = match self.task {
                    Task::Summarize if !good.is_empty() => {
                        serde_json::to_value(pipeline::summarize(&self.engine, &self.summarizer, &id, good))
                            .unwrap_or_default()
                    }
                    Task::Summarize => serde_json::json!({ "id": id, "error": "cluster has no usable document" }),
                    _ => {
                        let (records, table) = self.per_document(good);
                        let mut v = serde_json::json!({ "id": id, "docs": records });
                        if let Some(t) = table {
                            v["table"] = serde_json::to_value(t).unwrap_or_default();
                        }
                        v
                    }
                };
                if bad {
                    v["errors"] = serde_json::to_value(&errs).unwrap_or_default();
                }
                let failed_all = v.get("error").is_some();
                return (json(&v), messages, bad || failed_all);
            }
        };
        (value, messages, false)
    }
}

fn unreachable_record(a: &Analyzed) -> DocOutput {
    // Summarize and entities are handled at cluster level; never per document.
    DocOutput::Error(ErrorRecord {
        id: Some(a.doc.id.clone()),
        error: "internal: task has no per-document record".into(),
    })
}

fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|e| format!("{{\"id\":null,\"error\":\"cannot serialise output: {e}\"}}"))
}

fn round(x: f64) -> f64 {
    (x * 1e4).round() / 1e4
}

fn error_record_plain(e: &InputError) -> ErrorRecord {
    ErrorRecord { id: e.id.clone(), error: e.to_string() }
}

fn error_record(e: &InputError) -> DocOutput {
    DocOutput::Error(error_record_plain(e))
}

fn cluster_id(paths: &[PathBuf]) -> String {
    match paths {
        [] => "-".to_string(),
        [one] => one.display().to_string(),
        many => many.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(","),
    }
}
