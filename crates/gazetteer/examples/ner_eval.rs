//! Entity evaluation: precision, recall and F1 per type against hand
//! annotations.
//!
//! ```text
//! cargo run --release -p brief-gazetteer --example ner_eval [-- DIR]
//! cargo run --release -p brief-gazetteer --example ner_eval -- --dump[-source] FILE...
//! ```
//!
//! Annotated files (`*.ann`, default directory `crates/gazetteer/tests/data`)
//! are the plain text with every mention marked `[[surface|TYPE]]` or
//! `[[surface|TYPE|canonical]]` (canonical defaults to the surface). A
//! directory's files form one cluster; a file whose name starts with `para_`
//! holds independent paragraphs separated by blank lines, each its own
//! document. Scoring is entity-level and strict (same span and type);
//! canonical names are scored on the correctly found mentions. `--dump`
//! prints files annotated with the system's mentions (a start for hand
//! annotation).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use brief_gazetteer::{EntityType, Gazetteer, Mention};

/// One gold mention: byte span in the plain text, type, canonical.
#[derive(Clone, Debug, PartialEq)]
struct Gold {
    start: usize,
    end: usize,
    kind: String,
    canonical: String,
}

/// Strips the markup; returns the plain text and the gold mentions.
fn parse_ann(src: &str) -> Result<(String, Vec<Gold>), String> {
    let mut text = String::with_capacity(src.len());
    let mut gold = Vec::new();
    let mut rest = src;
    while let Some(i) = rest.find("[[") {
        text.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        let j = after.find("]]").ok_or_else(|| format!("unclosed [[ near {:?}", &after[..after.len().min(40)]))?;
        let inner = &after[..j];
        let mut f = inner.split('|');
        let surface = f.next().unwrap_or_default();
        let kind = f.next().ok_or_else(|| format!("no type in [[{inner}]]"))?.to_string();
        let canonical = f.next().unwrap_or(surface).to_string();
        let start = text.len();
        text.push_str(surface);
        gold.push(Gold { start, end: text.len(), kind, canonical });
        rest = &after[j + 2..];
    }
    text.push_str(rest);
    Ok((text, gold))
}

fn annotate(text: &str, ms: &[Mention], show_source: bool) -> String {
    let mut out = String::new();
    let mut at = 0;
    for m in ms {
        out.push_str(&text[at..m.span.start]);
        let s = &text[m.span];
        let src = if show_source { format!("{:?}:", m.source) } else { String::new() };
        if m.canonical == s {
            out.push_str(&format!("[[{src}{s}|{}]]", m.kind.as_str()));
        } else {
            out.push_str(&format!("[[{src}{s}|{}|{}]]", m.kind.as_str(), m.canonical));
        }
        at = m.span.end;
    }
    out.push_str(&text[at..]);
    out
}

#[derive(Default, Clone, Copy)]
struct Score {
    tp: usize,
    fp: usize,
    fn_: usize,
    canon_ok: usize,
}

fn prf(s: Score) -> (f64, f64, f64) {
    let p = if s.tp + s.fp == 0 { 0.0 } else { s.tp as f64 / (s.tp + s.fp) as f64 };
    let r = if s.tp + s.fn_ == 0 { 0.0 } else { s.tp as f64 / (s.tp + s.fn_) as f64 };
    let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
    (p, r, f)
}

/// A named evaluation unit (a cluster) of annotated documents.
type Unit = (String, Vec<(String, Vec<Gold>)>);

/// The evaluation units under `dir`.
fn load(dir: &Path) -> Vec<Unit> {
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(dir).map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect()).unwrap_or_default();
    files.sort();
    let mut units = Vec::new();
    let mut cluster = Vec::new();
    for f in files {
        if f.is_dir() {
            units.extend(load(&f));
            continue;
        }
        if f.extension().and_then(|e| e.to_str()) != Some("ann") {
            continue;
        }
        let src = std::fs::read_to_string(&f).unwrap_or_default();
        let name = f.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
        if name.starts_with("para_") {
            for (k, para) in src.split("\n\n").filter(|p| !p.trim().is_empty()).enumerate() {
                match parse_ann(para) {
                    Ok(doc) => units.push((format!("{name}#{k}"), vec![doc])),
                    Err(e) => eprintln!("{name}#{k}: {e}"),
                }
            }
        } else {
            match parse_ann(&src) {
                Ok(doc) => cluster.push(doc),
                Err(e) => eprintln!("{name}: {e}"),
            }
        }
    }
    if !cluster.is_empty() {
        units.push((dir.display().to_string(), cluster));
    }
    units
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let gaz = Gazetteer::new();
    if let Some(mode @ ("--dump" | "--dump-source")) = args.first().map(String::as_str) {
        let show_source = mode == "--dump-source";
        let texts: Vec<String> = args[1..].iter().map(|p| std::fs::read_to_string(p).unwrap_or_default()).collect();
        let docs: Vec<&str> = texts.iter().map(String::as_str).collect();
        for (t, ms) in texts.iter().zip(gaz.find_cluster_texts(&docs)) {
            println!("{}", annotate(t, &ms, show_source));
        }
        return;
    }
    let verbose = args.iter().any(|a| a == "-v");
    let dir = args
        .iter()
        .find(|a| !a.starts_with('-'))
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data"));
    let units = load(&dir);
    let mut scores: BTreeMap<String, Score> = BTreeMap::new();
    let mut ndocs = 0;
    for (name, docs) in &units {
        let input: Vec<&str> = docs.iter().map(|(t, _)| t.as_str()).collect();
        let found = gaz.find_cluster_texts(&input);
        for ((text, gold), sys) in docs.iter().zip(found) {
            ndocs += 1;
            for m in &sys {
                let k = m.kind.as_str().to_string();
                match gold.iter().find(|g| g.start == m.span.start && g.end == m.span.end && g.kind == k) {
                    Some(g) => {
                        let s = scores.entry(k).or_default();
                        s.tp += 1;
                        if g.canonical == m.canonical {
                            s.canon_ok += 1;
                        } else if verbose {
                            println!("CANON {name}: {:?} -> {:?} (gold {:?})", &text[m.span], m.canonical, g.canonical);
                        }
                    }
                    None => {
                        scores.entry(k).or_default().fp += 1;
                        if verbose {
                            println!("FP    {name}: {:?} {} {:?}", &text[m.span], m.kind.as_str(), m.canonical);
                        }
                    }
                }
            }
            for g in gold {
                let hit =
                    sys.iter().any(|m| m.span.start == g.start && m.span.end == g.end && m.kind.as_str() == g.kind);
                if !hit {
                    scores.entry(g.kind.clone()).or_default().fn_ += 1;
                    if verbose {
                        println!("FN    {name}: {:?} {} {:?}", &text[g.start..g.end], g.kind, g.canonical);
                    }
                }
            }
        }
    }
    println!("{} documents in {} clusters from {}", ndocs, units.len(), dir.display());
    println!("{:<6} {:>5} {:>5} {:>5} {:>7} {:>7} {:>7} {:>9}", "type", "tp", "fp", "fn", "P", "R", "F1", "canon");
    let mut total = Score::default();
    let types = [EntityType::Per, EntityType::Loc, EntityType::Org, EntityType::Norp, EntityType::Misc];
    for t in types {
        let s = scores.get(t.as_str()).copied().unwrap_or_default();
        total.tp += s.tp;
        total.fp += s.fp;
        total.fn_ += s.fn_;
        total.canon_ok += s.canon_ok;
        let (p, r, f) = prf(s);
        println!(
            "{:<6} {:>5} {:>5} {:>5} {:>7.3} {:>7.3} {:>7.3} {:>4}/{:<4}",
            t.as_str(),
            s.tp,
            s.fp,
            s.fn_,
            p,
            r,
            f,
            s.canon_ok,
            s.tp
        );
    }
    let (p, r, f) = prf(total);
    println!(
        "{:<6} {:>5} {:>5} {:>5} {:>7.3} {:>7.3} {:>7.3} {:>4}/{:<4}",
        "all", total.tp, total.fp, total.fn_, p, r, f, total.canon_ok, total.tp
    );
}
