//! Boilerplate classification: table tests through one checking helper,
//! cluster evidence, HTML blocks, and properties (never panics, one verdict
//! per block with the block's span).

use brief_detect::{html_to_document, Block, BlockKind, BoilerplateClassifier, ClusterDoc, Label, Reason, Verdict};
use brief_tokenize::{paragraphs, Language, Span};
use proptest::prelude::*;

/// Classifies `lines` (one block each, the first as title when `title`)
/// and checks every verdict: `None` = content, `Some(r)` = removed for `r`.
fn check(lines: &[(&str, Option<Reason>)], title: bool) {
    let text: String = lines.iter().map(|(l, _)| *l).collect::<Vec<_>>().join("\n");
    let mut blocks: Vec<Block> = paragraphs(&text).into_iter().map(Block::paragraph).collect();
    assert_eq!(blocks.len(), lines.len(), "one block per line");
    if title {
        blocks[0].kind = BlockKind::Title;
    }
    let verdicts = BoilerplateClassifier::new().classify(&text, &blocks, Some(Language::English));
    assert_eq!(verdicts.len(), blocks.len());
    for (i, ((line, want), v)) in lines.iter().zip(&verdicts).enumerate() {
        assert_eq!(&text[v.span], *line, "span of block {i}");
        if title && i == 0 {
            assert_eq!(v.label, Label::Title, "{line}");
            continue;
        }
        match want {
            None => assert!(v.is_content(), "{line}: expected content, got {:?} {:?}", v.label, v.reason),
            Some(r) => assert_eq!((v.label, v.reason), (Label::Boilerplate, Some(*r)), "{line}"),
        }
        assert!((0.0..=1.0).contains(&v.score));
    }
}

const P1: &str = "The government said on Friday that the new rules would take effect next month, after weeks of talks with the unions.";
const P2: &str = "Opposition leaders criticised the plan, saying it would hurt small businesses that were still recovering from the pandemic.";
const P3: &str =
    "The minister told reporters that the changes were necessary to keep the budget deficit under control this year.";

#[test]
fn article_with_typical_boilerplate() {
    check(
        &[
            ("Government sets date for new labour rules", None),
            ("By Jane Doe, Political Correspondent", Some(Reason::Byline)),
            ("Published 13 August 2021", Some(Reason::Byline)),
            (P1, None),
            ("Protesters outside parliament on Thursday. (Photo by John Roe / AFP)", Some(Reason::Caption)),
            (P2, None),
            ("Read more: Unions threaten strike over pay", Some(Reason::RelatedHeadline)),
            ("WHAT HAPPENS NEXT", Some(Reason::Heading)),
            (P3, None),
            ("Advertisement", Some(Reason::Advertisement)),
            ("Share this article", Some(Reason::Navigation)),
            ("© 2021 Example News. All rights reserved.", Some(Reason::Legal)),
        ],
        true,
    );
}

#[test]
fn comment_section_is_cut_after_the_body() {
    check(
        &[
            ("Council approves budget after long debate", None),
            (P1, None),
            (P2, None),
            ("12 Comments", Some(Reason::CommentNotice)),
            ("This is a disgrace and everybody knows it.", Some(Reason::CommentNotice)),
            ("I agree with the minister, for once.", Some(Reason::CommentNotice)),
        ],
        true,
    );
}

#[test]
fn short_quote_between_paragraphs_is_kept() {
    check(&[(P1, None), ("\"We will not give up.\"", None), (P2, None), ("He said so.", None), (P3, None)], false);
}

#[test]
fn standfirst_repeated_in_the_body_goes() {
    check(
        &[
            ("Rules delayed", None),
            (
                "- The government said the new rules would take effect next month after weeks of talks with unions",
                Some(Reason::DuplicateStandfirst),
            ),
            (P1, None),
            (P2, None),
        ],
        true,
    );
}

#[test]
fn spec_box_is_off_topic() {
    check(
        &[
            (P1, None),
            (P2, None),
            (P3, None),
            (
                "The specs Engine: 2.0-litre Transmission: seven-speed Power: 242bhp Price: Dh136,814",
                Some(Reason::OffTopic),
            ),
        ],
        false,
    );
}

#[test]
fn german_lines_use_german_patterns() {
    let text = "Die Regierung hat am Freitag neue Regeln beschlossen, die ab dem nächsten Monat gelten sollen.\nLesen Sie auch: Gewerkschaften drohen mit Streik\nFoto: dpa\nDie Opposition kritisierte den Plan scharf und kündigte Widerstand im Bundestag an.";
    let blocks: Vec<Block> = paragraphs(text).into_iter().map(Block::paragraph).collect();
    let v = BoilerplateClassifier::new().classify(text, &blocks, Some(Language::German));
    let got: Vec<Option<Reason>> = v.iter().map(|v| v.reason).collect();
    assert_eq!(got, [None, Some(Reason::RelatedHeadline), Some(Reason::Credit), None]);
}

/// Two documents of one cluster.
fn cluster(a: &str, b: &str) -> Vec<Vec<Verdict>> {
    let ba: Vec<Block> = paragraphs(a).into_iter().map(Block::paragraph).collect();
    let bb: Vec<Block> = paragraphs(b).into_iter().map(Block::paragraph).collect();
    BoilerplateClassifier::new().classify_cluster(&[
        ClusterDoc { text: a, blocks: &ba, lang: Some(Language::English) },
        ClusterDoc { text: b, blocks: &bb, lang: Some(Language::English) },
    ])
}

#[test]
fn line_repeated_across_documents_and_foreign_to_the_event_is_template() {
    let tagline = "The Daily Ledger is an independent newspaper, free to read and funded by our readers since 1889.";
    let a = format!("{P1}\n{P2}\n{P3}\n{tagline}");
    let b = format!("Unions said the government rules would hurt workers, and the minister rejected the talks.\nThe budget deficit rules were debated by the unions and opposition leaders.\nBusinesses said the plan would take effect too soon.\n{tagline}");
    let v = cluster(&a, &b);
    assert_eq!(v[0][3].reason, Some(Reason::Template));
    assert_eq!(v[1][3].reason, Some(Reason::Template));
    assert!(v[0][..3].iter().all(Verdict::is_content));
}

#[test]
fn syndicated_sentence_shared_by_two_outlets_is_kept() {
    let shared = "The government said the new rules would take effect next month after talks with the unions.";
    let a = format!("{P2}\n{shared}\n{P3}");
    let b = format!("{P3}\n{shared}\n{P2}");
    let v = cluster(&a, &b);
    assert!(v.iter().flatten().all(Verdict::is_content));
}

#[test]
fn builder_validates() {
    assert!(BoilerplateClassifier::builder().off_topic_support(-0.1).build().is_err());
    assert!(BoilerplateClassifier::builder().template_support(2.0).build().is_err());
    let c = BoilerplateClassifier::builder().cluster_evidence(false).build().unwrap();
    assert_eq!(c.classify("x", &[Block::paragraph(Span::new(0, 1))], None).len(), 1);
}

#[test]
fn out_of_range_spans_do_not_panic() {
    let blocks = [
        Block::paragraph(Span::new(0, 500)),
        Block::paragraph(Span::new(3, 2)),
        Block::new(Span::new(1, 2), BlockKind::Heading),
    ];
    let v = BoilerplateClassifier::new().classify("héllo", &blocks, None);
    assert_eq!(v.len(), 3);
    assert!(v.iter().zip(&blocks).all(|(v, b)| v.span == b.span));
}

#[test]
fn types_are_send_and_sync() {
    fn ok<T: Send + Sync>() {}
    ok::<BoilerplateClassifier>();
    ok::<Verdict>();
    ok::<Block>();
    ok::<brief_detect::HtmlDocument>();
}

#[test]
fn html_page_end_to_end() {
    let html = "<html lang=en><head><title>Rules | Example</title></head><body><nav><a href=/>Home</a> <a href=/p>Politics</a></nav><article><h1>Government sets date for rules</h1><p class=byline>By Jane Doe</p><p>The government said on Friday that the new rules would take effect next month.</p><figure><img><figcaption>Protesters on Thursday.</figcaption></figure><h2>Next steps</h2><p>Opposition leaders criticised the plan on Saturday.</p><div class=related><a href=/x>Unions threaten strike</a></div></article><div id=comments><p>Terrible.</p></div><footer>© Example</footer></body></html>";
    let d = html_to_document(html);
    assert_eq!(d.title.as_deref(), Some("Government sets date for rules"));
    assert_eq!(d.lang.as_deref(), Some("en"));
    let v = BoilerplateClassifier::new().classify(&d.text, &d.blocks, Some(Language::English));
    let kept: Vec<&str> = v.iter().filter(|v| v.is_content()).map(|v| &d.text[v.span]).collect();
    assert_eq!(
        kept,
        [
            "The government said on Friday that the new rules would take effect next month.",
            "Opposition leaders criticised the plan on Saturday."
        ]
    );
    let title: Vec<&str> = v.iter().filter(|v| v.label == Label::Title).map(|v| &d.text[v.span]).collect();
    assert_eq!(title, ["Government sets date for rules"]);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_text_gets_one_verdict_per_block(text in "(?s)[a-zA-Zé \\n.,:'\"()|©0-9-]{0,300}") {
        let blocks: Vec<Block> = paragraphs(&text).into_iter().map(Block::paragraph).collect();
        for lang in [None, Some(Language::English), Some(Language::German)] {
            let v = BoilerplateClassifier::new().classify(&text, &blocks, lang);
            prop_assert_eq!(v.len(), blocks.len());
            for (v, b) in v.iter().zip(&blocks) {
                prop_assert_eq!(v.span, b.span);
                prop_assert!(text.get(v.span.start..v.span.end).is_some());
                prop_assert!((0.0..=1.0).contains(&v.score));
                prop_assert_eq!(v.reason.is_some(), v.label == Label::Boilerplate);
            }
        }
    }

    #[test]
    fn any_html_gives_blocks_inside_the_text(html in "(?s)[<>/a-z =\"'pdivh1lu\\n.é]{0,300}") {
        let d = html_to_document(&html);
        for b in &d.blocks {
            prop_assert!(d.text.get(b.span.start..b.span.end).is_some_and(|t| !t.is_empty()));
            prop_assert!((0.0..=1.0).contains(&b.link_density));
        }
        let v = BoilerplateClassifier::new().classify(&d.text, &d.blocks, None);
        prop_assert_eq!(v.len(), d.blocks.len());
    }

    #[test]
    fn cluster_is_deterministic(a in "[a-z .\\n]{0,200}", b in "[a-z .\\n]{0,200}") {
        let v1 = cluster(&a, &b);
        let v2 = cluster(&a, &b);
        prop_assert_eq!(v1, v2);
    }
}
