//! Integration tests: run the real `brief` binary on real files.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn brief() -> Command {
    Command::new(env!("CARGO_BIN_EXE_brief"))
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn seeds() -> PathBuf {
    root().join("seeds")
}

fn run(args: &[&str]) -> Output {
    brief().current_dir(root()).args(args).output().expect("brief runs")
}

fn run_stdin(args: &[&str], input: &str) -> Output {
    use std::io::Write;
    let mut child = brief()
        .current_dir(root())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("brief starts");
    child.stdin.take().expect("stdin").write_all(input.as_bytes()).expect("write stdin");
    child.wait_with_output().expect("brief runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8 output")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("bad JSON ({e}): {}", stdout(o)))
}

/// A scratch directory unique to one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("brief-cli-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

const BOILERPLATE: &[&str] = &[
    "Image Credit",
    "View gallery",
    "(AFP)",
    "/AP)",
    "GETTING OUT",
    "GREAT URGENCY",
    "Not abandonment",
    "PILING PRESSURE",
    "Comments",
    "News Credit",
    "Engine:",
    "Favourite",
    "Taliban detain veteran militia chief",
    "Six EU countries warn",
    "Herat strongman captured",
];

const PRONOUN_OPENERS: &[&str] = &["He ", "She ", "They ", "It ", "His ", "Their ", "This ", "But ", "And "];

#[test]
fn summarize_seeds_is_a_good_brief() {
    let o = run(&["summarize", "seeds/", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    let v = json(&o);
    let summary = v["summary"].as_str().expect("summary");
    let words = summary.split_whitespace().count();
    assert!(words > 40 && words <= 100, "{words} words: {summary}");
    assert!(summary.contains("Kandahar"), "{summary}");
    assert!(summary.contains("Herat") || summary.contains("Lashkar Gah"), "{summary}");
    assert!(summary.contains("troops"), "no troop deployment: {summary}");
    for b in BOILERPLATE {
        assert!(!summary.contains(b), "boilerplate {b:?} in summary: {summary}");
    }
    let sentences = v["sentences"].as_array().expect("sentences");
    assert!(!sentences.is_empty());
    for s in sentences {
        let text = s["text"].as_str().expect("text");
        for p in PRONOUN_OPENERS {
            assert!(!text.starts_with(p), "dangling opener: {text}");
        }
        // Offsets slice the sentence back out of the original file.
        let doc = s["doc"].as_str().expect("doc");
        let original = std::fs::read_to_string(root().join(doc)).expect("source file");
        let (start, end) = (s["start"].as_u64().unwrap() as usize, s["end"].as_u64().unwrap() as usize);
        assert_eq!(&original[start..end], text);
        let sources = s["sources"].as_array().expect("sources");
        assert!(sources.iter().any(|x| x == doc), "sources must include the doc itself");
    }
    // Cross-source support: the AFP copy repeated by several outlets is cited as such.
    assert!(sentences.iter().any(|s| s["sources"].as_array().unwrap().len() >= 2), "no multi-source sentence");
}

#[test]
fn summarize_text_shows_sources() {
    let o = run(&["summarize", "seeds/"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(out.contains("Sources"), "{out}");
    assert!(out.contains("[1] seeds/000_a8d94ab8e9f457ce.txt"), "{out}");
    assert!(out.lines().filter(|l| l.starts_with("- ")).all(|l| l.trim_end().ends_with(']')), "{out}");
}

#[test]
fn summarize_budgets() {
    for (flag, n) in [("--words", 40usize), ("--sentences", 2), ("--bytes", 300)] {
        let o = run(&["summarize", "seeds/", "--format", "json", flag, &n.to_string()]);
        assert_eq!(o.status.code(), Some(0), "{flag}: {}", stderr(&o));
        let v = json(&o);
        let summary = v["summary"].as_str().unwrap();
        let sentences = v["sentences"].as_array().unwrap();
        assert!(!sentences.is_empty(), "{flag}: empty summary");
        match flag {
            "--words" => assert!(summary.split_whitespace().count() <= n, "{summary}"),
            "--sentences" => assert!(sentences.len() <= n),
            _ => assert!(summary.len() <= n, "{} bytes", summary.len()),
        }
    }
}

#[test]
fn summarize_formats_markdown_and_html() {
    let md = stdout(&run(&["summarize", "seeds/", "--format", "markdown"]));
    assert!(md.starts_with("## Brief of 5 documents"), "{md}");
    let html = stdout(&run(&["summarize", "seeds/", "--format", "html"]));
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("<li id=\"src1\">"), "{html}");
}

#[test]
fn clean_explain_shows_removed_blocks_with_reasons() {
    let o = run(&["clean", "seeds/000_a8d94ab8e9f457ce.txt", "--explain"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(out.contains("- [caption] An Afghan National Army helicopter"), "{out}");
    assert!(out.contains("- [off_topic] The specs Engine"), "{out}");
    assert!(out.contains("- [off_topic] The biog Born"), "{out}");
    assert!(out.contains("  Western embassies and aid agencies"), "{out}");
}

#[test]
fn clean_seeds_removes_every_boilerplate_line() {
    let o = run(&["clean", "seeds/", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0));
    let v = json(&o);
    let docs = v.as_array().expect("array of documents");
    assert_eq!(docs.len(), 5);
    for d in docs {
        let text = d["text"].as_str().unwrap();
        for b in BOILERPLATE {
            assert!(!text.contains(b), "{} keeps {b:?}", d["id"]);
        }
        assert_eq!(d["lang"], "eng");
        let original = std::fs::read_to_string(root().join(d["id"].as_str().unwrap())).unwrap();
        for r in d["removed"].as_array().unwrap() {
            let (s, e) = (r["start"].as_u64().unwrap() as usize, r["end"].as_u64().unwrap() as usize);
            assert_eq!(&original[s..e], r["text"].as_str().unwrap());
            assert!(r["reason"].as_str().is_some_and(|x| !x.is_empty()));
        }
    }
    // Titles are kept apart, not in the body nor removed.
    let d2 = docs.iter().find(|d| d["id"].as_str().unwrap().contains("002_")).unwrap();
    assert_eq!(d2["title"], "Taliban near gates of Kabul as embassies prepare for evacuations");
    // Real content survives.
    let all: String = docs.iter().map(|d| d["text"].as_str().unwrap()).collect();
    for keep in [
        "The Taliban have captured another three provincial capitals",
        "Kandahar is the heartland of the Taliban",
        "“Without it, Al Qaeda and the Taliban",
        "\"This is not abandonment. This is not an evacuation.",
    ] {
        assert!(all.contains(keep), "lost content: {keep}");
    }
}

#[test]
fn entities_seeds_lists_the_key_entities() {
    let o = run(&["entities", "seeds/", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v = json(&o);
    let table = v["entities"].as_array().expect("entity table");
    let find = |name: &str| table.iter().find(|e| e["canonical"] == name).cloned();
    for (name, ty) in [
        ("Kandahar", "LOC"),
        ("Herat", "LOC"),
        ("Lashkar Gah", "LOC"),
        ("Kabul", "LOC"),
        ("Joe Biden", "PER"),
        ("Ashraf Ghani", "PER"),
        ("Antony Blinken", "PER"),
        ("Taliban", "ORG"),
        ("NATO", "ORG"),
        ("United Nations", "ORG"),
        ("Reuters", "ORG"),
        ("AFP", "ORG"),
    ] {
        let e = find(name).unwrap_or_else(|| panic!("{name} missing"));
        assert_eq!(e["type"], ty, "{name}");
        assert!(e["mentions"].as_u64().unwrap() >= 1 && e["documents"].as_u64().unwrap() >= 1);
    }
    // "US", "U.S." and "United States" are one entity.
    let us = find("United States").expect("United States");
    assert!(us["documents"].as_u64().unwrap() == 5 && us["mentions"].as_u64().unwrap() >= 20, "{us}");
    assert!(table.iter().all(|e| e["canonical"] != "US" && e["canonical"] != "U.S."));
    // Mentions slice back out of the files.
    for d in v["documents"].as_array().unwrap() {
        let original = std::fs::read_to_string(root().join(d["id"].as_str().unwrap())).unwrap();
        for m in d["entities"].as_array().unwrap() {
            let (s, e) = (m["start"].as_u64().unwrap() as usize, m["end"].as_u64().unwrap() as usize);
            assert_eq!(&original[s..e], m["text"].as_str().unwrap());
        }
    }
    // The text view is a table with counts.
    let text = stdout(&run(&["entities", "seeds/"]));
    assert!(text.lines().next().unwrap().starts_with("ENTITY"), "{text}");
}

#[test]
fn user_gazetteer_adds_entities() {
    let dir = scratch("gaz");
    let gaz = dir.join("extra.tsv");
    std::fs::write(&gaz, "Qargha Lake\tQargha Lake\tLOC\n").unwrap();
    let o = run(&[
        "entities",
        "--keep-boilerplate",
        "seeds/000_a8d94ab8e9f457ce.txt",
        "--gazetteer",
        gaz.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v = json(&o);
    assert!(v["entities"].as_array().unwrap().iter().any(|e| e["canonical"] == "Qargha Lake"));
    std::fs::write(&gaz, "broken line without tabs\n").unwrap();
    let o = run(&["entities", "seeds/", "--gazetteer", gaz.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("extra.tsv"), "{}", stderr(&o));
}

#[test]
fn lang_reports_iso639_3_and_paragraphs() {
    let o = run(&["lang", "seeds/", "--paragraphs", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0));
    let v = json(&o);
    for d in v.as_array().unwrap() {
        assert_eq!(d["lang"], "eng", "{}", d["id"]);
        assert_eq!(d["script"], "Latin");
        let paras = d["paragraphs"].as_array().unwrap();
        assert!(!paras.is_empty());
        assert!(paras.iter().all(|p| p["lang"] == "eng"), "{}", d["id"]);
    }
    let o = run_stdin(
        &["lang", "--jsonl"],
        "{\"id\":\"de\",\"text\":\"Die Taliban haben am Freitag die zweitgrößte Stadt des Landes eingenommen, wie Beamte mitteilten.\"}\n",
    );
    let line: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(line["id"], "de");
    assert_eq!(line["lang"], "deu");
}

#[test]
fn sentences_and_tokens_have_offsets() {
    let text = "Mr. Biden spoke in the U.S. on Oct. 24. The Taliban’s fighters left Mazar-i-Sharif.\nGETTING OUT";
    let input = serde_json::json!({"id": "t1", "text": text}).to_string() + "\n";
    let o = run_stdin(&["sentences", "--jsonl"], &input);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    let got: Vec<&str> = v["sentences"].as_array().unwrap().iter().map(|s| s["text"].as_str().unwrap()).collect();
    assert_eq!(
        got,
        ["Mr. Biden spoke in the U.S. on Oct. 24.", "The Taliban’s fighters left Mazar-i-Sharif.", "GETTING OUT"]
    );
    for s in v["sentences"].as_array().unwrap() {
        let (a, b) = (s["start"].as_u64().unwrap() as usize, s["end"].as_u64().unwrap() as usize);
        assert_eq!(&text[a..b], s["text"].as_str().unwrap());
    }
    let o = run_stdin(&["tokens", "--jsonl"], &input);
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    let tokens = v["tokens"].as_array().unwrap();
    for t in tokens {
        let (a, b) = (t["start"].as_u64().unwrap() as usize, t["end"].as_u64().unwrap() as usize);
        assert_eq!(&text[a..b], t["text"].as_str().unwrap());
    }
    let fighters = tokens.iter().find(|t| t["text"] == "fighters").expect("fighters");
    assert_eq!(fighters["stem"], "fighter");
    assert_eq!(fighters["stop"], false);
    assert!(tokens.iter().any(|t| t["text"] == "the" && t["stop"] == true));
}

#[test]
fn bad_inputs_give_clear_messages_and_the_run_goes_on() {
    let dir = scratch("bad");
    std::fs::write(dir.join("empty.txt"), "").unwrap();
    std::fs::write(dir.join("binary.txt"), b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x03\x00").unwrap();
    std::fs::write(dir.join("latin1.txt"), b"Le caf\xe9 est ouvert depuis lundi matin, selon le maire de la ville.")
        .unwrap();
    std::fs::copy(seeds().join("003_3d9f91c605cd7269.txt"), dir.join("good.txt")).unwrap();
    std::fs::write(dir.join("notes.pdf"), b"%PDF-1.4").unwrap();
    let missing = dir.join("missing.txt");
    let o = run(&["clean", dir.to_str().unwrap(), missing.to_str().unwrap(), "--format", "json"]);
    assert_eq!(o.status.code(), Some(1), "exit code says some inputs failed");
    let err = stderr(&o);
    assert!(err.contains("empty.txt") && err.contains("empty"), "{err}");
    assert!(err.contains("binary.txt") && err.contains("binary"), "{err}");
    assert!(err.contains("latin1.txt") && err.contains("UTF-8"), "{err}");
    assert!(err.contains("missing.txt"), "{err}");
    assert!(err.contains("notes.pdf") && err.contains("skipped"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    let v = json(&o);
    let ids: Vec<String> = v.as_array().unwrap().iter().map(|d| d["id"].as_str().unwrap_or("").to_string()).collect();
    // Every input appears as a document or as an error record.
    for name in ["empty.txt", "binary.txt", "latin1.txt", "good.txt", "missing.txt"] {
        assert!(ids.iter().any(|i| i.ends_with(name)), "{name} not in output: {ids:?}");
    }
    let errors = v.as_array().unwrap().iter().filter(|d| d.get("error").is_some()).count();
    assert_eq!(errors, 3);
    // Summarize goes on with what it can read.
    let o = run(&["summarize", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("Brief of"), "{}", stdout(&o));
}

#[test]
fn jsonl_one_line_out_per_line_in_with_errors() {
    let input = [
        r#"{"id":"a","text":"The Taliban captured Kandahar on Friday, officials said, after weeks of fighting."}"#,
        "this is not json",
        r#"{"id":"c"}"#,
        r#"{"id":"d","html":"<html><body><p>Kabul fell to the Taliban on Sunday after a lightning offensive.</p><nav><a href='/'>Home</a> <a href='/world'>World</a></nav></body></html>"}"#,
    ]
    .join("\n")
        + "\n";
    let o = run_stdin(&["clean", "--jsonl"], &input);
    assert_eq!(o.status.code(), Some(1));
    let lines: Vec<serde_json::Value> =
        stdout(&o).lines().map(|l| serde_json::from_str(l).expect("each line is JSON")).collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["id"], "a");
    assert!(lines[0]["text"].as_str().unwrap().starts_with("The Taliban captured Kandahar"));
    assert!(lines[1]["id"].is_null() && lines[1]["error"].as_str().unwrap().contains(":2"));
    assert_eq!(lines[2]["id"], "c");
    assert!(lines[2]["error"].is_string());
    assert_eq!(lines[3]["text"], "Kabul fell to the Taliban on Sunday after a lightning offensive.");
    let err = stderr(&o);
    assert!(err.contains("<stdin>:2") && err.contains("<stdin>:3"), "{err}");
}

#[test]
fn jsonl_clusters_summarize() {
    let docs: Vec<serde_json::Value> = std::fs::read_dir(seeds())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .map(|p| {
            serde_json::json!({"id": p.file_name().unwrap().to_str().unwrap(), "text": std::fs::read_to_string(&p).unwrap()})
        })
        .collect();
    let cluster = serde_json::json!({"id": "kabul", "docs": docs}).to_string();
    let input = format!("{cluster}\n{cluster}\n");
    let o = run_stdin(&["summarize", "--jsonl", "--words", "60"], &input);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0], lines[1]);
    let v: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(v["id"], "kabul");
    assert!(v["summary"].as_str().unwrap().split_whitespace().count() <= 60);
}

#[test]
fn same_bytes_with_one_or_four_threads() {
    for args in [
        &["summarize", "seeds/", "--format", "json"][..],
        &["entities", "seeds/", "--format", "json"][..],
        &["clean", "seeds/", "--format", "json"][..],
        &["tokens", "seeds/", "--format", "json"][..],
    ] {
        let one = run(&[args, &["--threads", "1"]].concat());
        let four = run(&[args, &["--threads", "4"]].concat());
        assert_eq!(one.status.code(), Some(0));
        assert!(one.stdout == four.stdout, "output differs with thread count for {args:?}");
    }
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&["summarize", "seeds/", "--words", "many"]).status.code(), Some(2));
    assert_eq!(run(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(run(&["summarize", "seeds/", "--words", "0"]).status.code(), Some(2));
    assert_eq!(run(&["summarize", "seeds/", "--algorithm", "nope"]).status.code(), Some(2));
}

#[test]
fn eval_rouge_files_dirs_and_jsonl() {
    let dir = scratch("eval");
    let (sys, refs) = (dir.join("sys"), dir.join("refs"));
    std::fs::create_dir_all(&sys).unwrap();
    std::fs::create_dir_all(&refs).unwrap();
    std::fs::write(sys.join("d1.txt"), "The Taliban captured Kandahar and Herat on Friday.").unwrap();
    std::fs::write(refs.join("d1.A.txt"), "Taliban fighters captured Kandahar on Friday.").unwrap();
    std::fs::write(refs.join("d1.B.txt"), "The Taliban captured Kandahar and Herat on Friday.").unwrap();
    // Identical to one reference: max aggregation gives 1.0 everywhere.
    let o = run(&["eval", sys.to_str().unwrap(), refs.to_str().unwrap(), "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v = json(&o);
    assert_eq!(v["count"], 1);
    assert_eq!(v["summaries"][0]["references"], 2);
    for m in ["rouge1", "rouge2", "rougeL"] {
        assert!((v["mean"][m]["f1"].as_f64().unwrap() - 1.0).abs() < 1e-9, "{m}: {v}");
    }
    // Mean aggregation is lower than max.
    let o = run(&["eval", sys.to_str().unwrap(), refs.to_str().unwrap(), "--aggregate", "mean", "--format", "json"]);
    assert!(json(&o)["mean"]["rouge1"]["f1"].as_f64().unwrap() < 1.0);
    // JSONL: one line per input line, errors as records.
    let input = "{\"id\":\"x\",\"summary\":\"The Taliban captured Kandahar.\",\"references\":[\"Taliban captured Kandahar on Friday.\"]}\n{\"id\":\"y\"}\n";
    let o = run_stdin(&["eval", "--jsonl"], input);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let lines: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    // 3 of 4 system unigrams match ("the" does not), reference has 5.
    assert!((lines[0]["rouge1"]["precision"].as_f64().unwrap() - 0.75).abs() < 1e-9);
    assert!((lines[0]["rouge1"]["recall"].as_f64().unwrap() - 0.6).abs() < 1e-9);
    assert!(lines[1]["error"].is_string());
}

/// The README's sample is the real output of its main command.
#[test]
fn readme_sample_is_real_output() {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README.md");
    let start = readme.find("<!-- sample:summarize -->").expect("sample start");
    let end = readme.find("<!-- /sample:summarize -->").expect("sample end");
    let sample = &readme[start..end];
    let out = stdout(&run(&["summarize", "seeds/"]));
    assert!(sample.contains(&out), "README sample is stale; regenerate it from `brief summarize seeds/`:\n{out}");
}

/// Regression: 100,000 nested `<div>`s overflowed the stack of the DOM walk
/// and took html5ever minutes (its scope checks scan the open-element stack).
#[test]
fn deeply_nested_html_is_read() {
    let dir = scratch("deep");
    let n = 100_000;
    let html = format!(
        "<html><body>{}<p>The Taliban captured Kandahar on Friday, officials said.</p>{}</body></html>",
        "<div>".repeat(n),
        "</div>".repeat(n)
    );
    let path = dir.join("deep.html");
    std::fs::write(&path, html).unwrap();
    let o = run(&["clean", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("The Taliban captured Kandahar on Friday"));
}
