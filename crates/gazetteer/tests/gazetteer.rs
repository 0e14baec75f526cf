//! Behaviour of the embedded gazetteer, the cues and propagation.

use brief_gazetteer::{count_entities, EntityType, Gazetteer, Mention, MentionSource, Span};
use proptest::prelude::*;
use EntityType::*;
use MentionSource::*;

/// An expected mention: surface, type, canonical, source.
type Want<'a> = (&'a str, EntityType, &'a str, MentionSource);
/// A gold mention: start, end, type, canonical.
type GoldMention = (usize, usize, String, String);

/// Checks every span slices back to the expected surface.
fn check(text: &str, got: &[Mention], want: &[Want<'_>]) {
    let got: Vec<Want<'_>> = got.iter().map(|m| (&text[m.span], m.kind, m.canonical.as_str(), m.source)).collect();
    assert_eq!(got, want, "in {text:?}");
}

#[test]
fn matching_table() {
    let gaz = Gazetteer::new();
    let table: &[(&str, &[Want<'_>])] = &[
        // diacritics folded, both directions
        (
            "Fighting in Lashkar Gāh and Herāt.",
            &[("Lashkar Gāh", Loc, "Lashkar Gah", List), ("Herāt", Loc, "Herat", List)],
        ),
        // loose key: hyphens and joining particles
        (
            "They took Qala-e-Naw and Mazar-i-Sharif.",
            &[("Qala-e-Naw", Loc, "Qala i Naw", List), ("Mazar-i-Sharif", Loc, "Mazar-e Sharif", List)],
        ),
        // possessives and demonym plurals
        (
            "Afghanistan’s army and many Afghans fled.",
            &[("Afghanistan", Loc, "Afghanistan", List), ("Afghans", Norp, "Afghan", List)],
        ),
        // news aliases; a full stop that ends the sentence is also the alias's
        (
            "Troops left the U.S. The US-backed UK plan.",
            &[
                ("U.S.", Loc, "United States", List),
                ("US", Loc, "United States", List),
                ("UK", Loc, "United Kingdom", List),
            ],
        ),
        // all-caps datelines
        ("KABUL: The Taliban said.", &[("KABUL", Loc, "Kabul", List), ("Taliban", Org, "Taliban", List)]),
        // first names and common words are not places
        ("Born: Ben said One Lake was Western.", &[]),
        // titles, roles and first names make people; surnames propagate
        (
            "Police chief Wahid Qasemi said roads were shut. Qasemi later left.",
            &[("Wahid Qasemi", Per, "Wahid Qasemi", Cue), ("Qasemi", Per, "Wahid Qasemi", Propagated)],
        ),
        (
            "Mr Jonathan Pryce met Dr Aylin Demirtas.",
            &[("Jonathan Pryce", Per, "Jonathan Pryce", Cue), ("Aylin Demirtas", Per, "Aylin Demirtas", Cue)],
        ),
        // speech verbs and appositions
        ("Farhad Noori, a local official, said the bridge fell.", &[("Farhad Noori", Per, "Farhad Noori", Cue)]),
        // organisation and place suffixes and nouns
        (
            "The Kandahar Provincial Council met near Qargha Lake in Garmsir district.",
            &[
                ("Kandahar Provincial Council", Org, "Kandahar Provincial Council", Cue),
                ("Qargha Lake", Loc, "Qargha Lake", Cue),
                ("Garmsir", Loc, "Garmsir", Cue),
            ],
        ),
        // dates are not people
        ("On August 13 the city fell.", &[]),
        // curated organisations: a club named after its city only in an
        // unambiguous form; the city alone stays a place
        (
            "Manchester United beat Chelsea FC in Manchester.",
            &[
                ("Manchester United", Org, "Manchester United", List),
                ("Chelsea FC", Org, "Chelsea FC", List),
                ("Manchester", Loc, "Manchester", List),
            ],
        ),
        // aliases to one canonical name; a sentence-initial common word
        // ("Apple pie", "Fed up") is not the organisation
        (
            "Apple pie. Fed up, shares of Apple fell as the Fed met VW and Volkswagen.",
            &[
                ("Apple", Org, "Apple", List),
                ("Fed", Org, "Federal Reserve", List),
                ("VW", Org, "Volkswagen", List),
                ("Volkswagen", Org, "Volkswagen", List),
            ],
        ),
        // a one-word company that is also a surname yields to a person
        (
            "Congressman Mike Honda visited Honda.",
            &[("Mike Honda", Per, "Mike Honda", Cue), ("Honda", Per, "Mike Honda", Propagated)],
        ),
    ];
    for (text, want) in table {
        check(text, &gaz.find(text), want);
    }
}

#[test]
fn surnames_resolve_within_the_document_first() {
    let gaz = Gazetteer::new();
    let a = "Prime Minister Imran Khan spoke. Khan said talks failed.";
    let b = "The Taliban captured strongman Ismail Khan in Herat. Khan was later freed.";
    let found = gaz.find_cluster_texts(&[a, b]);
    let khan = |text: &str, ms: &[Mention]| -> Vec<String> {
        ms.iter().filter(|m| &text[m.span] == "Khan").map(|m| m.canonical.to_string()).collect()
    };
    assert_eq!(khan(a, &found[0]), ["Imran Khan"]);
    assert_eq!(khan(b, &found[1]), ["Ismail Khan"]);
}

#[test]
fn cue_names_propagate_across_the_cluster() {
    let gaz = Gazetteer::new();
    let docs =
        ["Spokesman Wahid Qasemi said the road was closed.", "Officials could not reach Wahid Qasemi.", "Qasemi left."];
    let found = gaz.find_cluster_texts(&docs);
    assert_eq!(found[1][0].source, Propagated);
    assert_eq!(found[2][0].canonical, "Wahid Qasemi");
    // spans index each document's own text
    for (d, ms) in docs.iter().zip(&found) {
        for m in ms {
            assert!(d.get(m.span.start..m.span.end).is_some());
        }
    }
}

#[test]
fn parts_limit_the_search_and_spans_index_the_text() {
    let gaz = Gazetteer::new();
    let text = "Kabul fell.\n\nPhoto: AFP\n\nHerat too.";
    let parts = [Span::new(0, 11), Span::new(25, 35)];
    let found = gaz.find_in(text, &parts);
    check(text, &found, &[("Kabul", Loc, "Kabul", List), ("Herat", Loc, "Herat", List)]);
    // parts out of range or off char boundaries are ignored, not a panic
    assert!(gaz.find_in("Kābul", &[Span::new(2, 3), Span::new(3, 99)]).is_empty());
    // no parts, nothing searched (a document whose paragraphs are all boilerplate)
    assert!(gaz.find_in(text, &[]).is_empty());
    assert!(gaz.find_cluster(&[(text, &[])])[0].is_empty());
}

#[test]
fn user_rows_win_over_the_embedded_list() {
    let mut b = Gazetteer::builder();
    b.add_tsv("# surface\tcanonical\ttype\nKabul\tKabul City\tORG\nAcme\t\tORG\tQ1\n").unwrap();
    let gaz = b.build().unwrap();
    let text = "Acme opened in Kabul.";
    check(text, &gaz.find_list(text), &[("Acme", Org, "Acme", List), ("Kabul", Org, "Kabul City", List)]);
    assert!(Gazetteer::builder().add_tsv("x\ty\n").is_err());
    assert!(Gazetteer::builder().add_tsv("(x\ty\tLOC\n").is_err());
    let mut empty = Gazetteer::builder();
    empty.embedded(false);
    assert!(empty.build().unwrap().is_empty());
}

#[test]
fn entity_table_counts_documents_and_breaks_ties_by_name_then_type() {
    let m = |canonical: &str, kind: EntityType| Mention {
        span: Span::new(0, 1),
        kind,
        canonical: canonical.into(),
        source: List,
    };
    let docs = vec![
        vec![m("Georgia", Per), m("Georgia", Loc), m("Kabul", Loc), m("Kabul", Loc)],
        vec![],
        vec![m("Kabul", Loc), m("Georgia", Loc), m("Georgia", Per)],
        vec![m("Zed", Org)],
    ];
    let got: Vec<(String, EntityType, usize, usize)> =
        count_entities(&docs).into_iter().map(|c| (c.canonical, c.kind, c.mentions, c.documents)).collect();
    let want = [("Kabul", Loc, 3, 2), ("Georgia", Per, 2, 2), ("Georgia", Loc, 2, 2), ("Zed", Org, 1, 1)];
    let want: Vec<(String, EntityType, usize, usize)> =
        want.iter().map(|&(c, k, m, d)| (c.to_string(), k, m, d)).collect();
    assert_eq!(got, want);
}

#[test]
fn gazetteers_built_side_by_side_answer_independently() {
    // the matcher keeps a per-thread cache of lookups: it must never answer
    // for another gazetteer, alternating on one thread
    let build = |rows: &[(&str, &str, EntityType)]| {
        let mut b = Gazetteer::builder();
        b.embedded(false);
        for &(s, c, k) in rows {
            b.add(s, c, k);
        }
        b.build().expect("valid rows")
    };
    let a = build(&[("Zorbland", "Zorbland", Loc)]);
    let b = build(&[("Zorbland", "Zorbland Corp", Org), ("Zorbland Bay", "Zorbland Bay", Loc)]);
    let none = build(&[]);
    let text = "Ships left Zorbland and Zorbland Bay.";
    for _ in 0..3 {
        check(text, &a.find_list(text), &[("Zorbland", Loc, "Zorbland", List), ("Zorbland", Loc, "Zorbland", List)]);
        check(
            text,
            &b.find_list(text),
            &[("Zorbland", Org, "Zorbland Corp", List), ("Zorbland Bay", Loc, "Zorbland Bay", List)],
        );
        check(text, &none.find_list(text), &[]);
        assert_eq!(Gazetteer::new().find_list("Kabul")[0].canonical, "Kabul");
    }
}

/// Strips `[[surface|TYPE|canonical]]` markup.
fn parse_ann(src: &str) -> (String, Vec<GoldMention>) {
    let (mut text, mut gold, mut rest) = (String::new(), Vec::new(), src);
    while let Some(i) = rest.find("[[") {
        text.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        let j = after.find("]]").expect("closed markup");
        let mut f = after[..j].split('|');
        let surface = f.next().unwrap();
        let kind = f.next().unwrap().to_string();
        let canonical = f.next().unwrap_or(surface).to_string();
        let start = text.len();
        text.push_str(surface);
        gold.push((start, text.len(), kind, canonical));
        rest = &after[j + 2..];
    }
    text.push_str(rest);
    (text, gold)
}

fn seed_docs() -> Vec<(String, Vec<GoldMention>)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/seeds");
    let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    files.iter().map(|f| parse_ann(&std::fs::read_to_string(f).unwrap())).collect()
}

#[test]
fn seed_annotations_match_the_seed_files() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds");
    let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    for (f, (text, _)) in files.iter().zip(seed_docs()) {
        assert_eq!(std::fs::read_to_string(f).unwrap(), text, "{}", f.display());
    }
}

#[test]
fn seeds_people_places_organisations() {
    let gaz = Gazetteer::new();
    let docs = seed_docs();
    let input: Vec<&str> = docs.iter().map(|(t, _)| t.as_str()).collect();
    let found = gaz.find_cluster_texts(&input);
    let (mut tp, mut fp, mut fn_, mut canon_ok) = (0, 0, 0, 0);
    for ((_, gold), sys) in docs.iter().zip(&found) {
        for m in sys.iter().filter(|m| m.kind != Norp) {
            match gold.iter().find(|g| (g.0, g.1, g.2.as_str()) == (m.span.start, m.span.end, m.kind.as_str())) {
                Some(g) => {
                    tp += 1;
                    canon_ok += (g.3 == m.canonical) as usize;
                }
                None => fp += 1,
            }
        }
        fn_ += gold
            .iter()
            .filter(|g| g.2 != "NORP")
            .filter(|g| !sys.iter().any(|m| (m.span.start, m.span.end, m.kind.as_str()) == (g.0, g.1, g.2.as_str())))
            .count();
    }
    // every place-like false positive would show here; the few misses are
    // named in the report (Al Dhafra, the Islamic Emirate)
    assert!(fp <= 2 && fn_ <= 3, "tp {tp} fp {fp} fn {fn_}");
    assert!(canon_ok + 2 >= tp, "canonical names: {canon_ok}/{tp}");

    let table = count_entities(&found);
    let has = |name: &str, kind: EntityType| table.iter().any(|e| e.canonical == name && e.kind == kind);
    for name in ["Kandahar", "Herat", "Lashkar Gah", "Kabul", "United States"] {
        assert!(has(name, Loc), "{name}");
    }
    for name in ["Joe Biden", "Ashraf Ghani", "Antony Blinken", "Ismail Khan", "Imran Khan", "Ned Price"] {
        assert!(has(name, Per), "{name}");
    }
    for name in ["Taliban", "NATO", "United Nations", "Reuters", "AFP"] {
        assert!(has(name, Org), "{name}");
    }
    for bad in
        ["US", "U.S.", "Ashraf", "Antony", "Austin", "Ben", "Wallace", "One", "Born", "Freedom", "Lake", "Western"]
    {
        assert!(!table.iter().any(|e| e.canonical == bad), "{bad}");
    }
}

#[test]
fn public_types_are_send_sync() {
    fn ok<T: Send + Sync>() {}
    ok::<Gazetteer>();
    ok::<Mention>();
    ok::<brief_gazetteer::GazetteerBuilder>();
}

#[test]
fn mentions_serialise_as_the_cli_contract() {
    let gaz = Gazetteer::new();
    let m = &gaz.find("in Kabul")[0];
    let json = serde_json::to_string(m).unwrap();
    assert_eq!(json, r#"{"start":3,"end":8,"type":"LOC","canonical":"Kabul","source":"list"}"#);
}

proptest! {
    #[test]
    fn any_text_gives_ordered_spans_on_char_boundaries(text in "\\PC{0,200}", cut in 0usize..220) {
        let gaz = Gazetteer::new();
        let found = gaz.find(&text);
        let mut last = 0;
        for m in &found {
            prop_assert!(m.span.start >= last && m.span.start < m.span.end);
            prop_assert!(text.get(m.span.start..m.span.end).is_some());
            last = m.span.end;
        }
        let _ = gaz.find_in(&text, &[Span::new(cut, cut + 5), Span::new(0, cut)]);
        let again = gaz.find_cluster_texts(&[&text, &text]);
        prop_assert_eq!(&again[0], &again[1]);
    }

    #[test]
    fn name_like_text_never_panics(words in proptest::collection::vec("[A-Z][a-zé’'-]{0,6}|of|the|al|said|,|\\.|\\(|/|Mr|President", 0..30)) {
        let text = words.join(" ");
        let gaz = Gazetteer::new();
        for m in gaz.find(&text) {
            prop_assert!(text.get(m.span.start..m.span.end).is_some());
        }
    }
}
