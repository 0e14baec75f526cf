//! Accuracy of brief's language detector against raw whatlang, per language
//! and text length, on the hand-written test set in `data/lang/`, plus the
//! mixed-language documents in `data/lang/mixed/` and the seeds.
//!
//! ```text
//! cargo run --release -p brief-detect --example lang_eval [-- --errors]
//! ```
//!
//! Columns: `brief` = `LanguageDetector::new()`; `wl-allow` = whatlang with
//! the same allow-list; `wl-raw` = `whatlang::detect` with all 69 languages.
//! Paragraphs are three consecutive sentences of one language.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Instant;

use brief_detect::{LanguageDetector, DEFAULT_LANGUAGES};
use brief_tokenize::paragraphs;

/// The 20 main news languages the targets refer to.
const MAIN: [&str; 20] = [
    "eng", "deu", "fra", "spa", "por", "ita", "nld", "swe", "dan", "nob", "fin", "hun", "ron", "tur", "rus", "ukr",
    "ell", "ara", "cmn", "jpn",
];
const KINDS: [&str; 4] = ["words", "short", "long", "para"];

struct Set {
    lang: String,
    items: BTreeMap<&'static str, Vec<String>>,
}

fn load(dir: &Path) -> Vec<Set> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("data/lang exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut sets = Vec::new();
    for f in files {
        let lang = f.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
        let text = std::fs::read_to_string(&f).expect("readable");
        let mut items: BTreeMap<&'static str, Vec<String>> = BTreeMap::new();
        let mut kind = "";
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
            if let Some(k) = line.strip_prefix("# ") {
                kind = KINDS.iter().copied().find(|x| *x == k).unwrap_or("");
                continue;
            }
            if !kind.is_empty() {
                items.entry(kind).or_default().push(line.to_string());
            }
        }
        // Paragraphs: three consecutive sentences (short and long interleaved).
        let sentences: Vec<String> = {
            let s = items.get("short").cloned().unwrap_or_default();
            let l = items.get("long").cloned().unwrap_or_default();
            let mut all = Vec::new();
            for i in 0..s.len().max(l.len()) {
                if let Some(x) = s.get(i) {
                    all.push(x.clone());
                }
                if let Some(x) = l.get(i) {
                    all.push(x.clone());
                }
            }
            all
        };
        let sep = if matches!(lang.as_str(), "cmn" | "jpn") { "" } else { " " };
        let paras: Vec<String> = (0..sentences.len())
            .map(|i| (0..3).map(|k| sentences[(i + k) % sentences.len()].as_str()).collect::<Vec<_>>().join(sep))
            .collect();
        items.insert("para", paras);
        sets.push(Set { lang, items });
    }
    sets
}

type System<'a> = (&'static str, Box<dyn Fn(&str) -> String + 'a>);

fn main() {
    let show_errors = std::env::args().any(|a| a == "--errors");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/lang");
    let sets = load(&dir);
    let brief = LanguageDetector::new();
    let allow: Vec<whatlang::Lang> = DEFAULT_LANGUAGES.iter().filter_map(|c| whatlang::Lang::from_code(*c)).collect();
    let wl_allow = whatlang::Detector::with_allowlist(allow);
    let systems: Vec<System> = vec![
        ("brief", Box::new(|t: &str| brief.detect(t).lang.to_string())),
        ("wl-allow", Box::new(|t: &str| wl_allow.detect_lang(t).map_or("und", |l| l.code()).to_string())),
        ("wl-raw", Box::new(|t: &str| whatlang::detect_lang(t).map_or("und", |l| l.code()).to_string())),
    ];

    // (system, kind, group) -> (right, total)
    let mut totals: BTreeMap<(usize, &str, &str), (usize, usize)> = BTreeMap::new();
    println!("accuracy % per language and length: brief / wl-allow / wl-raw");
    println!("{:<5} {:>22} {:>22} {:>22} {:>22}", "lang", "words", "short", "long", "para");
    for set in &sets {
        let mut row = format!("{:<5}", set.lang);
        for kind in KINDS {
            let items = set.items.get(kind).map(Vec::as_slice).unwrap_or_default();
            let mut cells = Vec::new();
            for (si, (name, f)) in systems.iter().enumerate() {
                let mut right = 0;
                for it in items {
                    let got = f(it);
                    if got == set.lang {
                        right += 1;
                    } else if show_errors && si == 0 {
                        eprintln!("[{}/{kind}] got {got} (wl-allow {}): {it}", set.lang, systems[1].1(it));
                    }
                    let _ = name;
                }
                let group = if MAIN.contains(&set.lang.as_str()) { "main20" } else { "extra" };
                for g in [group, "all"] {
                    let e = totals.entry((si, kind, g)).or_default();
                    e.0 += right;
                    e.1 += items.len();
                }
                for k2 in ["sentence"] {
                    if kind == "short" || kind == "long" {
                        for g in [group, "all"] {
                            let e = totals.entry((si, k2, g)).or_default();
                            e.0 += right;
                            e.1 += items.len();
                        }
                    }
                }
                cells.push(pct(right, items.len()));
            }
            row.push_str(&format!(" {:>22}", cells.join(" / ")));
        }
        println!("{row}");
    }
    println!();
    println!("{:<8} {:<8} {:>10} {:>10} {:>10}", "group", "length", "brief", "wl-allow", "wl-raw");
    for g in ["main20", "extra", "all"] {
        for kind in ["words", "short", "long", "sentence", "para"] {
            let cells: Vec<String> = (0..systems.len())
                .map(|si| {
                    let (r, n) = totals.get(&(si, kind, g)).copied().unwrap_or_default();
                    format!("{} ({r}/{n})", pct(r, n))
                })
                .collect();
            println!("{g:<8} {kind:<8} {:>10} {:>10} {:>10}", cells[0], cells[1], cells[2]);
        }
    }

    holdout(&load(&dir.join("holdout")), &systems, show_errors);
    mixed(&brief, &dir.join("mixed"), show_errors);
    seeds(&brief, &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds"), show_errors);
    speed(&sets, &systems);
    if let Some(hwm) = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:")).map(str::to_string))
    {
        println!("peak resident memory of this whole process: {}", hwm.trim_start_matches("VmHWM:").trim());
    }
}

/// Short sentences written after the detector was tuned (see the README in
/// `data/lang/`): a check that the tuning did not just fit the main set.
fn holdout(sets: &[Set], systems: &[System], show_errors: bool) {
    let mut right = vec![0; systems.len()];
    let mut total = 0;
    let mut row = String::new();
    for set in sets {
        let items = set.items.get("short").map(Vec::as_slice).unwrap_or_default();
        total += items.len();
        let mut cells = Vec::new();
        for (si, (_, f)) in systems.iter().enumerate() {
            let r = items
                .iter()
                .filter(|it| {
                    let got = f(it);
                    if got != set.lang && show_errors && si == 0 {
                        eprintln!("[holdout {}] got {got}: {it}", set.lang);
                    }
                    got == set.lang
                })
                .count();
            right[si] += r;
            cells.push(r.to_string());
        }
        row.push_str(&format!(" {} {}", set.lang, cells.join("/")));
    }
    println!();
    println!(
        "held-out short sentences (right of {} per language, brief/wl-allow/wl-raw):{row}",
        total / sets.len().max(1)
    );
    let cells: Vec<String> = right.iter().map(|&r| format!("{} ({r}/{total})", pct(r, total))).collect();
    println!("held-out total: brief {} | wl-allow {} | wl-raw {}", cells[0], cells[1], cells[2]);
}

fn pct(r: usize, n: usize) -> String {
    if n == 0 {
        "-".into()
    } else {
        format!("{:.1}", 100.0 * r as f64 / n as f64)
    }
}

/// Mixed documents: `#doc LANG` then `LANG<TAB>paragraph` lines.
fn mixed(brief: &LanguageDetector, dir: &Path, show_errors: bool) {
    let mut files: Vec<_> =
        std::fs::read_dir(dir).expect("mixed dir").filter_map(|e| e.ok().map(|e| e.path())).collect();
    files.sort();
    let (mut right, mut total, mut docs_right) = (0, 0, 0);
    for f in &files {
        let raw = std::fs::read_to_string(f).expect("readable");
        let mut lines = raw.lines();
        let want_doc = lines.next().and_then(|l| l.strip_prefix("#doc ")).unwrap_or("und").trim().to_string();
        let mut text = String::new();
        let mut want = Vec::new();
        for l in lines.filter(|l| !l.trim().is_empty()) {
            let (lang, para) = l.split_once('\t').unwrap_or(("und", l));
            want.push(lang.to_string());
            text.push_str(para);
            text.push('\n');
        }
        let spans = paragraphs(&text);
        let got = brief.detect_document(&text, &spans);
        if got.document.lang == want_doc {
            docs_right += 1;
        }
        for (p, w) in got.paragraphs.iter().zip(&want) {
            total += 1;
            if p.detection.lang == w {
                right += 1;
            } else if show_errors {
                eprintln!("[mixed {}] want {w} got {}: {}", f.display(), p.detection.lang, &text[p.span]);
            }
        }
    }
    println!();
    println!(
        "mixed documents: {docs_right}/{} documents right, paragraphs {right}/{total} ({}%)",
        files.len(),
        pct(right, total)
    );
}

fn seeds(brief: &LanguageDetector, dir: &Path, show_errors: bool) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut files: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    files.sort();
    let (mut right, mut total, mut docs) = (0, 0, 0);
    for f in &files {
        let raw = std::fs::read_to_string(f).expect("readable");
        let text = strip_date_header(&raw);
        let got = brief.detect_document(text, &paragraphs(text));
        if got.document.lang == "eng" && got.document.confidence == 1.0 {
            docs += 1;
        }
        for p in &got.paragraphs {
            total += 1;
            if p.detection.lang == "eng" {
                right += 1;
            } else if show_errors {
                eprintln!("[seed] got {}: {}", p.detection.lang, &text[p.span]);
            }
        }
    }
    println!("seeds: {docs}/{} documents eng with confidence 1.0, paragraphs eng {right}/{total}", files.len());
    // Speed of whole-document detection (document + every paragraph).
    let texts: Vec<(String, Vec<brief_tokenize::Span>)> = files
        .iter()
        .map(|f| {
            let raw = std::fs::read_to_string(f).expect("readable");
            let spans = paragraphs(&raw);
            (raw, spans)
        })
        .collect();
    let bytes: usize = texts.iter().map(|(t, _)| t.len()).sum();
    let rounds = 200;
    let (cpu0, start) = (cpu_ns(), Instant::now());
    let mut n = 0;
    for _ in 0..rounds {
        for (t, s) in &texts {
            n += brief.detect_document(t, s).paragraphs.len();
        }
    }
    let secs = match (cpu0, cpu_ns()) {
        (Some(a), Some(b)) => (b - a) as f64 / 1e9,
        _ => start.elapsed().as_secs_f64(),
    };
    println!(
        "detect_document on the seeds: {:.1} MB/s per core ({n} paragraph decisions)",
        (bytes * rounds) as f64 / secs / 1e6
    );
}

/// Drops the leading " date YYYY-MM-DD" header some seed files carry.
fn strip_date_header(raw: &str) -> &str {
    let t = raw.trim_start();
    match t.strip_prefix("date ") {
        Some(rest) if rest.len() >= 10 && rest.as_bytes()[..10].iter().all(|b| b.is_ascii_digit() || *b == b'-') => {
            &rest[10..]
        }
        _ => raw,
    }
}

/// Nanoseconds this thread has spent on a CPU (Linux), so that the figure
/// is per core even on a loaded machine; wall time elsewhere.
fn cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

fn speed(sets: &[Set], systems: &[System]) {
    let sentences: Vec<&str> = sets
        .iter()
        .filter(|s| MAIN.contains(&s.lang.as_str()))
        .flat_map(|s| ["short", "long"].into_iter().flat_map(move |k| s.items.get(k).into_iter().flatten()))
        .map(String::as_str)
        .collect();
    let bytes: usize = sentences.iter().map(|s| s.len()).sum();
    println!();
    println!("speed on {} main-20 sentences ({bytes} bytes), one thread, CPU time:", sentences.len());
    for (name, f) in systems {
        let rounds = 20;
        let (cpu0, start) = (cpu_ns(), Instant::now());
        let mut n = 0;
        for _ in 0..rounds {
            for s in &sentences {
                n += f(s).len();
            }
        }
        let secs = match (cpu0, cpu_ns()) {
            (Some(a), Some(b)) => (b - a) as f64 / 1e9,
            _ => start.elapsed().as_secs_f64(),
        };
        println!(
            "  {name:<9} {:>6.2} MB/s  {:>6.1} µs/sentence  ({n})",
            (bytes * rounds) as f64 / secs / 1e6,
            secs * 1e6 / (sentences.len() * rounds) as f64
        );
    }
}
