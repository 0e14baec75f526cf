//! Language identification: the seeds, the mixed-language documents and the
//! hand-written multilingual set in `data/lang/`, plus properties that hold
//! for any input.

use std::path::{Path, PathBuf};

use brief_detect::{Detection, DocumentLanguage, LanguageDetector};
use brief_tokenize::{paragraphs, Span};
use proptest::prelude::*;

fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn sorted_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(dir).expect("directory exists").map(|e| e.expect("dir entry").path()).collect();
    files.sort();
    files
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

fn check_spans(text: &str, spans: &[Span], got: &DocumentLanguage) {
    assert_eq!(got.paragraphs.len(), spans.len());
    for (p, s) in got.paragraphs.iter().zip(spans) {
        assert_eq!(p.span, *s);
        assert!(p.span.get(text).is_some(), "span {:?} slices the text", p.span);
    }
}

#[test]
fn seeds_are_english_document_and_every_paragraph() {
    let detector = LanguageDetector::new();
    let mut decisions = 0;
    for f in sorted_files(&manifest().join("../../seeds")) {
        let raw = std::fs::read_to_string(&f).expect("seed readable");
        let text = strip_date_header(&raw);
        let spans = paragraphs(text);
        let got = detector.detect_document(text, &spans);
        check_spans(text, &spans, &got);
        assert_eq!(got.document.lang, "eng", "{}", f.display());
        assert_eq!(got.document.confidence, 1.0, "{}", f.display());
        assert!(got.document.reliable);
        for p in &got.paragraphs {
            decisions += 1;
            assert_eq!(p.detection.lang, "eng", "{}: {:?}", f.display(), &text[p.span]);
        }
    }
    assert!(decisions >= 120, "only {decisions} paragraph decisions");
}

/// `data/lang/mixed/*.txt`: `#doc LANG`, then one `LANG<TAB>paragraph` line
/// per paragraph with the decision brief must make.
#[test]
fn mixed_documents_paragraph_by_paragraph() {
    let detector = LanguageDetector::new();
    let files = sorted_files(&manifest().join("data/lang/mixed"));
    assert!(files.len() >= 10);
    for f in files {
        let raw = std::fs::read_to_string(&f).expect("readable");
        let mut lines = raw.lines();
        let want_doc = lines.next().and_then(|l| l.strip_prefix("#doc ")).expect("#doc header").trim();
        let mut text = String::new();
        let mut want = Vec::new();
        for l in lines.filter(|l| !l.trim().is_empty()) {
            let (lang, para) = l.split_once('\t').expect("LANG<TAB>paragraph");
            want.push(lang);
            text.push_str(para);
            text.push('\n');
        }
        let spans = paragraphs(&text);
        let got = detector.detect_document(&text, &spans);
        check_spans(&text, &spans, &got);
        assert_eq!(got.document.lang, want_doc, "{}", f.display());
        for (p, w) in got.paragraphs.iter().zip(&want) {
            assert_eq!(p.detection.lang, *w, "{}: {:?}", f.display(), &text[p.span]);
        }
    }
}

fn check(cases: &[(&str, &str)]) {
    let detector = LanguageDetector::new();
    for (text, want) in cases {
        assert_eq!(detector.detect(text).lang, *want, "{text:?}");
    }
}

#[test]
fn close_pairs_in_short_sentences() {
    check(&[
        ("Museet åbner igen for publikum i morgen.", "dan"),
        ("Prisene steg igjen forrige måned.", "nob"),
        ("Hon vann loppet på rekordtid.", "swe"),
        ("A polícia fechou a estrada durante horas.", "por"),
        ("La policía cortó la carretera durante horas.", "spa"),
        ("Die Fans warteten die ganze Nacht vor dem Stadion.", "deu"),
        ("De brug is sinds mei gesloten.", "nld"),
        ("Голосування перенесли на весну.", "ukr"),
        ("Суд отклонил апелляцию.", "rus"),
        ("وزیر روز سه‌شنبه استعفا داد.", "pes"),
        ("استقال الوزير يوم الثلاثاء.", "ara"),
        ("Instanța a respins apelul.", "ron"),
    ]);
}

#[test]
fn scripts_of_their_own_and_unknowns() {
    check(&[
        ("Η κυβέρνηση ανακοίνωσε νέα μέτρα.", "ell"),
        ("정부는 목요일 새로운 대책을 발표했다.", "kor"),
        ("政府周四宣布了新的措施。", "cmn"),
        ("政府は木曜日、新たな対策を発表した。", "jpn"),
        ("", "und"),
        ("12,345 — 67.8%", "und"),
    ]);
    assert_eq!(LanguageDetector::new().detect("   "), Detection::UNKNOWN);
}

#[test]
fn short_and_number_heavy_lines_never_flip() {
    let detector = LanguageDetector::new();
    let text = "The Taliban have captured Afghanistan's second biggest city of Kandahar, officials said on Friday.\n\
                Comments\n\
                Engine: 2.0-litre turbo, 242bhp, 0-62mph 6.2sec, 155mph, 35.3mpg, 182g/km CO2\n\
                GETTING OUT\n\
                Mit freundlichen Grüßen\n\
                The insurgents have taken more than a dozen provincial capitals in recent days.";
    let spans = paragraphs(text);
    let got = detector.detect_document(text, &spans);
    check_spans(text, &spans, &got);
    assert!(got.paragraphs.iter().all(|p| p.detection.lang == "eng"), "{got:?}");
}

#[test]
fn foreign_paragraph_of_three_sentences_gets_its_own_language() {
    let detector = LanguageDetector::new();
    let text = "Officials in Brussels said a joint statement would be published later in the week.\n\
                Nous ne pouvons pas rester les bras croisés. La situation se dégrade. Nous appelons au calme.\n\
                The remarks came hours after aid agencies warned that supplies would run out within days.";
    let spans = paragraphs(text);
    let got = detector.detect_document(text, &spans);
    let langs: Vec<&str> = got.paragraphs.iter().map(|p| p.detection.lang).collect();
    assert_eq!(langs, ["eng", "fra", "eng"]);
    assert!(got.paragraphs[1].detection.reliable);
}

#[test]
fn invalid_spans_inherit_instead_of_panicking() {
    let text = "Die Bundesregierung hat am Mittwoch ein neues Gesetz beschlossen.";
    let spans = [Span::new(0, 3), Span::new(2, 400), Span::new(50, 10)];
    let got = LanguageDetector::new().detect_document(text, &spans);
    assert_eq!(got.document.lang, "deu");
    assert!(got.paragraphs.iter().all(|p| p.detection.lang == "deu"));
}

/// Accuracy floors on the hand-written set (sentences of the 20 main news
/// languages): a regression guard, below the figures `lang_eval` reports.
#[test]
fn sentence_accuracy_floor_on_the_multilingual_set() {
    let detector = LanguageDetector::new();
    let main = [
        "eng", "deu", "fra", "spa", "por", "ita", "nld", "swe", "dan", "nob", "fin", "hun", "ron", "tur", "rus", "ukr",
        "ell", "ara", "cmn", "jpn",
    ];
    let (mut right, mut total) = (0, 0);
    for lang in main {
        let raw = std::fs::read_to_string(manifest().join(format!("data/lang/{lang}.txt"))).expect("data file");
        let mut in_sentences = false;
        for line in raw.lines().map(str::trim).filter(|l| !l.is_empty()) {
            if let Some(kind) = line.strip_prefix("# ") {
                in_sentences = kind == "short" || kind == "long";
                continue;
            }
            if in_sentences {
                total += 1;
                right += usize::from(detector.detect(line).lang == lang);
            }
        }
    }
    assert!(total >= 600);
    assert!(right * 100 >= total * 98, "{right}/{total}");
}

#[test]
fn detector_is_send_sync_and_clone() {
    fn assert_send_sync<T: Send + Sync + Clone>() {}
    assert_send_sync::<LanguageDetector>();
    assert_send_sync::<Detection>();
    assert_send_sync::<DocumentLanguage>();
}

proptest! {
    #[test]
    fn any_text_gets_an_answer(text in "\\PC{0,300}") {
        let detector = LanguageDetector::new();
        let d = detector.detect(&text);
        prop_assert!((0.0..=1.0).contains(&d.confidence));
        let spans = paragraphs(&text);
        let got = detector.detect_document(&text, &spans);
        check_spans(&text, &spans, &got);
    }

    #[test]
    fn arbitrary_spans_never_panic(text in "[a-zé ßøя\\n.]{0,120}", raw in proptest::collection::vec((0usize..150, 0usize..150), 0..8)) {
        let spans: Vec<Span> = raw.into_iter().map(|(a, b)| Span::new(a, b)).collect();
        let got = LanguageDetector::new().detect_document(&text, &spans);
        prop_assert_eq!(got.paragraphs.len(), spans.len());
    }
}

#[test]
fn other_allow_lists_keep_working() {
    // Languages without a profile in play: whatlang decides, our evidence
    // still settles the close pairs it knows.
    let d = LanguageDetector::builder().allow(&["eng", "pol", "dan", "nob", "ces"]).build().expect("valid");
    assert_eq!(d.detect("Rząd ogłosił w czwartek nowy plan dla szpitali.").lang, "pol");
    assert_eq!(d.detect("Vláda ve čtvrtek oznámila nový plán pro nemocnice.").lang, "ces");
    assert_eq!(d.detect("Museet åbner igen for publikum i morgen.").lang, "dan");
    let all = LanguageDetector::builder().allow_all().build().expect("valid");
    assert_eq!(all.languages().len(), whatlang::Lang::all().len());
    assert_eq!(all.detect("The government announced a new plan for hospitals on Thursday.").lang, "eng");
    let nor = LanguageDetector::builder().allow(&["nor", "en"]).build().expect("brief's codes are accepted");
    assert_eq!(nor.languages(), ["eng", "nob"]);
}
