//! Phrase and shape patterns of boilerplate lines: credits, captions,
//! galleries, comment sections, bylines, navigation, legal and
//! subscription notices. Lists cover the languages brief has stopwords for
//! where the phrase is common; they match case-insensitively on the line's
//! lower-cased head, so their cost does not grow with the paragraph length.

use std::sync::LazyLock;

use super::Reason;

/// Lines that open a comment section (compared after dropping digits,
/// brackets and punctuation: "12 Comments", "Comments (3)").
const COMMENT_START: &[&str] = &[
    "comments",
    "comment",
    "comments are closed",
    "comments closed",
    "leave a comment",
    "leave a reply",
    "post a comment",
    "add a comment",
    "add your comment",
    "join the conversation",
    "join the discussion",
    "show comments",
    "view comments",
    "read comments",
    "reader comments",
    "most popular comments",
    "kommentare",
    "kommentar schreiben",
    "kommentare anzeigen",
    "diskutieren sie mit",
    "leserkommentare",
    "commentaires",
    "laisser un commentaire",
    "ajouter un commentaire",
    "réagir",
    "réagissez",
    "comentarios",
    "deja un comentario",
    "deja tu comentario",
    "comentar",
    "commenti",
    "lascia un commento",
    "comentários",
    "deixe um comentário",
    "deixe seu comentário",
    "reacties",
    "reageer",
    "plaats een reactie",
    "kommentarer",
    "kommentit",
    "yorumlar",
    "комментарии",
    "σχόλια",
    "التعليقات",
];

/// Short lines that belong to a reader comment's chrome.
const COMMENT_CHROME: &[&str] = &[
    "reply",
    "report",
    "report abuse",
    "report comment",
    "load more comments",
    "show more comments",
    "antworten",
    "melden",
    "répondre",
    "signaler",
    "responder",
    "denunciar",
    "rispondi",
    "segnala",
    "responder comentário",
    "beantwoorden",
];

/// Lines that only name the source of a picture or report.
const CREDIT_START: &[&str] = &[
    "image credit",
    "photo credit",
    "picture credit",
    "news credit",
    "image courtesy",
    "photo courtesy",
    "photo:",
    "photo :",
    "photos:",
    "photograph:",
    "image:",
    "images:",
    "picture:",
    "credit:",
    "credits:",
    "source:",
    "source :",
    "foto:",
    "fotos:",
    "foto :",
    "bild:",
    "bildquelle",
    "quelle:",
    "crédit photo",
    "crédits photo",
    "crédit :",
    "crédit:",
    "fuente:",
    "fonte:",
    "foto di",
    "foto de",
    "bron:",
    "© ",
    "(c) ",
];

/// Markers of a picture credit inside or at the end of a caption.
const CREDIT_MARKERS: &[&str] = &[
    "image credit:",
    "photo credit:",
    "picture credit:",
    "(photo by ",
    "photograph:",
    "(photo:",
    "(foto:",
    "(bild:",
    "photo: ",
    "foto: ",
    "| photo",
    "(photo ",
    "via getty images",
    "getty images",
    "(image: ",
];

/// News and picture agencies that sign photo credits.
const AGENCIES: &[&str] = &[
    "AFP",
    "AP",
    "Reuters",
    "REUTERS",
    "Getty",
    "Getty Images",
    "EPA",
    "EPA-EFE",
    "EFE",
    "Xinhua",
    "Anadolu",
    "Anadolu Agency",
    "Bloomberg",
    "PA",
    "PA Wire",
    "dpa",
    "DPA",
    "ANSA",
    "Shutterstock",
    "AAP",
    "ANP",
    "Belga",
    "Keystone",
    "Lusa",
    "Europa Press",
    "NurPhoto",
    "SOPA Images",
    "Sipa",
    "PTI",
    "ANI",
    "IANS",
    "WAM",
    "TASS",
    "Sputnik",
    "Handout",
    "File",
    "File photo",
    "The New York Times",
    "NYT",
    "Alamy",
    "imago",
    "IMAGO",
];

const GALLERY: &[&str] = &[
    "view gallery",
    "open gallery",
    "photo gallery",
    "image gallery",
    "see gallery",
    "view all photos",
    "see all photos",
    "view as list",
    "bildergalerie",
    "fotostrecke",
    "galerie photos",
    "voir la galerie",
    "galería de fotos",
    "ver galería",
    "fotogalleria",
    "galleria fotografica",
    "galeria de fotos",
    "ver galeria",
    "fotogalerij",
    "fotoserie",
];

const ADVERTISEMENT: &[&str] = &[
    "advertisement",
    "advertising",
    "ad",
    "ads",
    "sponsored",
    "sponsored content",
    "paid content",
    "promoted",
    "promoted content",
    "partner content",
    "story continues below advertisement",
    "article continues below advertisement",
    "continue reading below",
    "article continues below",
    "story continues below",
    "scroll to continue with content",
    "anzeige",
    "werbung",
    "publicité",
    "publicidad",
    "pubblicità",
    "publicidade",
    "advertentie",
    "reklame",
    "mainos",
    "reklam",
    "реклама",
];

/// Legal, cookie and subscription notices: phrases that mark the whole line.
const LEGAL_CONTAINS: &[&str] = &[
    "all rights reserved",
    "we use cookies",
    "uses cookies",
    "use of cookies",
    "cookie policy",
    "cookie settings",
    "privacy policy",
    "terms of use",
    "terms of service",
    "terms and conditions",
    "our newsletter",
    "the newsletter",
    "unlimited access",
    "ad blocker",
    "adblocker",
    "may not be published, broadcast, rewritten",
    "this material may not be",
    "already a subscriber",
    "for subscribers only",
    "subscribe to continue",
    "to continue reading",
    "support our journalism",
    "support independent journalism",
    "for informational purposes only",
    "does not constitute financial advice",
    "does not constitute investment advice",
    "not financial advice",
    "dient nur zu informationszwecken",
    "keine anlageberatung",
    "ne constitue pas un conseil",
    "no constituye asesoramiento",
    "become a member",
    "become a subscriber",
    "alle rechte vorbehalten",
    "datenschutzerklärung",
    "cookie-einstellungen",
    "verwendet cookies",
    "tous droits réservés",
    "politique de confidentialité",
    "utilise des cookies",
    "réservé aux abonnés",
    "todos los derechos reservados",
    "política de privacidad",
    "utiliza cookies",
    "usamos cookies",
    "tutti i diritti riservati",
    "informativa sulla privacy",
    "utilizza cookie",
    "todos os direitos reservados",
    "política de privacidade",
    "utiliza cookies",
    "alle rechten voorbehouden",
    "maakt gebruik van cookies",
    "gebruikt cookies",
    "все права защищены",
];

/// Imperative openers of subscription / sign-up / app notices.
const LEGAL_START: &[&str] = &[
    "subscribe",
    "sign up",
    "signup",
    "register now",
    "register for",
    "log in",
    "login",
    "sign in",
    "click here",
    "download our app",
    "download the app",
    "get the latest",
    "get our",
    "become a member",
    "become a subscriber",
    "copyright",
    "newsletter",
    "jetzt abonnieren",
    "abonnieren sie",
    "melden sie sich",
    "registrieren sie sich",
    "jetzt anmelden",
    "abonnez-vous",
    "inscrivez-vous",
    "s'abonner",
    "suscríbete",
    "suscribete",
    "regístrate",
    "iscriviti",
    "abbonati",
    "assine",
    "cadastre-se",
    "inscreva-se",
    "meld je aan",
    "schrijf je in",
    "abonneer",
    "word abonnee",
    "our standards",
    "editorial standards",
    "editorial guidelines",
];

/// Openers of navigation / sharing / tagging lines.
const NAV_START: &[&str] = &[
    "skip to",
    "jump to",
    "back to top",
    "home",
    "menu",
    "share",
    "share this",
    "share on",
    "tweet",
    "print",
    "email",
    "e-mail",
    "next article",
    "previous article",
    "next story",
    "more from",
    "more on this",
    "more stories",
    "most read",
    "most popular",
    "most viewed",
    "trending",
    "you may also like",
    "you might also like",
    "recommended",
    "tags:",
    "tags",
    "topics:",
    "topic:",
    "filed under",
    "follow us",
    "follow the",
    "teilen",
    "mehr zum thema",
    "themen:",
    "schlagworte",
    "startseite",
    "partager",
    "mots-clés",
    "accueil",
    "compartir",
    "etiquetas:",
    "temas:",
    "inicio",
    "condividi",
    "argomenti:",
    "tag:",
    "compartilhe",
    "compartilhar",
    "delen",
    "onderwerpen:",
    "explore more",
    "listen to this article",
    "listen to article",
    "artikel anhören",
    "écouter l'article",
    "escuchar artículo",
    "escuchar",
    "ascolta l'articolo",
    "ouvir",
];

/// Prefixes of inline links to other articles.
const RELATED_START: &[&str] = &[
    "read more:",
    "read more",
    "also read",
    "read also",
    "related:",
    "related",
    "related article",
    "related story",
    "see also",
    "recommended:",
    "more:",
    "watch:",
    "listen:",
    "video:",
    "live:",
    "opinion:",
    "analysis:",
    "lesen sie auch",
    "lesen sie mehr",
    "lesen sie hier",
    "auch interessant",
    "mehr dazu",
    "mehr zum thema:",
    "lire aussi",
    "à lire aussi",
    "a lire aussi",
    "lire également",
    "voir aussi",
    "lea también",
    "lee también",
    "leer más",
    "te puede interesar",
    "le puede interesar",
    "leggi anche",
    "leggi:",
    "potrebbe interessarti",
    "leia também",
    "leia mais",
    "saiba mais",
    "veja também",
    "lees ook",
    "lees meer",
    "meer lezen",
];

/// Trailers and openers that name authors or editors.
const BYLINE_START: &[&str] = &[
    "reporting by",
    "additional reporting by",
    "additional reporting",
    "writing by",
    "editing by",
    "compiled by",
    "(reporting by",
    "written by",
    "edited by",
    "with reporting by",
    "mit material von",
    "avec afp",
    "avec reuters",
    "avec l'afp",
    "con información de",
    "con agencias",
    "con información de agencias",
    "redacción",
    "a cura di",
    "com agências",
    "com informações",
    "(with inputs from",
    "with inputs from",
    "with agency inputs",
    "(with agency inputs",
];

/// Openers of date / time lines.
const DATE_START: &[&str] = &[
    "published",
    "updated",
    "last updated",
    "posted",
    "first published",
    "modified",
    "veröffentlicht",
    "aktualisiert",
    "stand:",
    "publié le",
    "publié",
    "mis à jour",
    "publicado",
    "actualizado",
    "pubblicato",
    "aggiornato",
    "atualizado",
    "gepubliceerd",
    "bijgewerkt",
];

/// Words of an author line ("By Jane Doe"): the preposition per language.
const BY_WORDS: &[&str] = &["by", "von", "par", "por", "di", "door", "af", "av", "od", "tarafından"];

const SOCIAL: &[&str] = &[
    "facebook",
    "twitter",
    "whatsapp",
    "email",
    "e-mail",
    "linkedin",
    "pinterest",
    "telegram",
    "reddit",
    "x",
    "messenger",
    "copy",
    "link",
    "print",
    "flipboard",
    "mail",
    "share",
    "tweet",
    "threads",
    "bluesky",
];

/// Longest line (words) whose letters key the phrase tests read.
pub(crate) const KEY_WORDS: usize = 12;

/// Bytes of the lower-cased head of a line longer than [`KEY_WORDS`] that
/// [`phrase_reason`] reads: the longest opener, and the character after it.
pub(crate) const LOW_HEAD_BYTES: usize = 48;

/// [`letters_key_into`] into a new string.
#[cfg(test)]
pub(crate) fn letters_key(low: &str) -> String {
    let mut key = String::with_capacity(low.len());
    letters_key_into(low, &mut key);
    key
}

/// A lower-cased key of a short line, written into `key`: letters and
/// spaces only, for comparing with phrase lists ("12 Comments" → "comments").
pub(crate) fn letters_key_into(low: &str, key: &mut String) {
    key.clear();
    if low.is_ascii() {
        // byte by byte (an ASCII letter is what `is_alphabetic` says)
        let mut space = true;
        for &b in low.as_bytes() {
            if b.is_ascii_alphabetic() || b == b'\'' || b == b'-' {
                key.push(char::from(b));
                space = false;
            } else if !space {
                key.push(' ');
                space = true;
            }
        }
        if space && key.ends_with(' ') {
            key.pop();
        }
        return;
    }
    for c in low.chars() {
        if c.is_alphabetic() || c == '\'' || c == '-' {
            key.push(c);
        } else if !key.is_empty() && !key.ends_with(' ') {
            key.push(' ');
        }
    }
    while key.ends_with(' ') {
        key.pop();
    }
}

fn starts_phrase(low: &str, phrase: &str) -> bool {
    low.strip_prefix(phrase).is_some_and(|rest| {
        phrase.ends_with([':', ' ']) || rest.is_empty() || !rest.chars().next().is_some_and(char::is_alphanumeric)
    })
}

/// The lists of line openers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Opener {
    Credit,
    Related,
    Byline,
    Date,
    Legal,
    Nav,
}

/// Every opener with its list, in list order.
fn opener_list() -> Vec<(Opener, &'static str)> {
    let mut pats: Vec<(Opener, &'static str)> = Vec::new();
    for (list, kind) in [
        (CREDIT_START, Opener::Credit),
        (RELATED_START, Opener::Related),
        (BYLINE_START, Opener::Byline),
        (DATE_START, Opener::Date),
        (LEGAL_START, Opener::Legal),
        (NAV_START, Opener::Nav),
    ] {
        pats.extend(list.iter().map(|p| (kind, *p)));
    }
    pats
}

/// One opener, with its first (up to) 8 bytes packed for a one-compare
/// test.
struct OpenerEntry {
    head: u64,
    mask: u64,
    phrase: &'static str,
    kind: Opener,
}

/// The openers grouped by first byte, the longest first in each group: the
/// first one the line starts with is the longest (what an anchored
/// leftmost-longest automaton finds), without an automaton to build.
struct Openers {
    entries: Vec<OpenerEntry>,
    /// `entries[starts[b]..starts[b + 1]]` open with byte `b`.
    starts: Vec<usize>,
}

static OPENERS: LazyLock<Openers> = LazyLock::new(|| {
    let mut entries: Vec<OpenerEntry> = opener_list()
        .into_iter()
        .filter(|(_, p)| !p.is_empty())
        .map(|(kind, phrase)| {
            let b = phrase.as_bytes();
            OpenerEntry { head: pack8(b), mask: mask8(b.len()), phrase, kind }
        })
        .collect();
    entries.sort_by_key(|e| (e.phrase.as_bytes()[0], std::cmp::Reverse(e.phrase.len())));
    let mut starts = vec![0; 257];
    for e in &entries {
        starts[usize::from(e.phrase.as_bytes()[0]) + 1] += 1;
    }
    for b in 1..starts.len() {
        starts[b] += starts[b - 1];
    }
    Openers { entries, starts }
});

/// The first (up to) 8 bytes of `b`, little-endian, zero padded.
fn pack8(b: &[u8]) -> u64 {
    match b.get(..8) {
        Some(w) => w.try_into().map_or(0, u64::from_le_bytes),
        None => b.iter().rev().fold(0, |a, &x| (a << 8) | u64::from(x)),
    }
}

/// The mask of the first `n` (at most 8) bytes of a [`pack8`] value.
fn mask8(n: usize) -> u64 {
    if n >= 8 {
        u64::MAX
    } else {
        (1u64 << (8 * n)) - 1
    }
}

/// Which list the line's lower-cased head opens with (the longest opener
/// it starts with, when that one ends at a word boundary).
fn opener(low: &str) -> Option<Opener> {
    let b = low.as_bytes();
    let &first = b.first()?;
    let Openers { entries, starts } = &*OPENERS;
    let group = entries.get(starts[usize::from(first)]..starts[usize::from(first) + 1])?;
    // (no opener has a zero byte: the padding never matches)
    let head = pack8(b);
    let e = group
        .iter()
        .find(|e| head & e.mask == e.head && (e.phrase.len() <= 8 || b.starts_with(e.phrase.as_bytes())))?;
    starts_phrase(low, e.phrase).then_some(e.kind)
}

/// True when the short line opens a comment section.
pub(crate) fn is_comment_start(key: &str, words: usize) -> bool {
    words <= 6 && COMMENT_START.iter().any(|p| key == *p || (key.starts_with(p) && key[p.len()..].starts_with(' ')))
}

/// What a line's phrases say, strongest first. `low` is the lower-cased
/// head of the line, `key` its [`letters_key_into`] (for short lines).
pub(crate) fn phrase_reason(t: &str, low: &str, key: &str, words: usize, ends_sentence: bool) -> Option<Reason> {
    let hits = scan(t, words);
    let open = if words <= 40 { opener(low) } else { None };
    let starts = |o: Opener| open == Some(o);
    if words <= 6 && COMMENT_CHROME.contains(&key) {
        return Some(Reason::CommentNotice);
    }
    if words <= 6 && ADVERTISEMENT.iter().any(|a| key == *a || (a.len() > 3 && starts_phrase(key, a))) {
        return Some(Reason::Advertisement);
    }
    if words <= 80 && hits.legal {
        return Some(Reason::Legal);
    }
    if words <= 12 && starts(Opener::Credit) {
        return Some(Reason::Credit);
    }
    if words <= 3 && is_agency_only(t) {
        return Some(Reason::Credit);
    }
    if hits.gallery_edge || (words <= 8 && hits.gallery) || (words <= 6 && is_image_counter(low)) {
        return Some(Reason::Gallery);
    }
    if hits.credits >= 2 && words >= 12 {
        return Some(Reason::Gallery);
    }
    if words <= 90 && (hits.credits >= 1 || ends_with_credit(t)) {
        return Some(Reason::Caption);
    }
    if words <= 60 && (low.starts_with("file -") || low.starts_with("file photo") || low.starts_with("topshot")) {
        return Some(Reason::Caption);
    }
    if words <= 30 && starts(Opener::Related) {
        return Some(Reason::RelatedHeadline);
    }
    if words <= 25 && starts(Opener::Byline) {
        return Some(Reason::Byline);
    }
    if words <= 12 && starts(Opener::Date) && has_digit(t) {
        return Some(Reason::Byline);
    }
    if words <= 10 && is_author_line(t) {
        return Some(Reason::Byline);
    }
    if words <= 10 && !ends_sentence && is_date_line(t) {
        return Some(Reason::Byline);
    }
    if words <= 40 && (starts(Opener::Legal) || low.starts_with('©')) {
        return Some(Reason::Legal);
    }
    if words <= 15 && !ends_sentence && (starts(Opener::Nav) || is_separated_list(t) || is_social(key)) {
        return Some(Reason::Navigation);
    }
    None
}

fn has_digit(t: &str) -> bool {
    t.bytes().any(|b| b.is_ascii_digit())
}

/// "Image 3 of 12", "3/12".
fn is_image_counter(low: &str) -> bool {
    let mut nums = 0;
    let mut other = 0;
    for w in low.split(|c: char| c.is_whitespace() || c == '/') {
        if w.is_empty() {
            continue;
        }
        if w.bytes().all(|b| b.is_ascii_digit()) {
            nums += 1;
        } else if !matches!(
            w,
            "of" | "von" | "de" | "di" | "van" | "sur" | "image" | "photo" | "bild" | "foto" | "picture"
        ) {
            other += 1;
        }
    }
    nums == 2 && other == 0
}

/// What one pass of the phrase search found in a whole line.
#[derive(Default)]
struct Hits {
    credits: usize,
    legal: bool,
    gallery: bool,
    /// A gallery phrase opens or closes the line.
    gallery_edge: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Credit,
    Legal,
    Gallery,
}

/// The "contains" phrase lists, in list order, with their kinds.
fn phrase_list() -> Vec<(Kind, &'static str)> {
    let mut pats = Vec::new();
    for (list, kind) in [(CREDIT_MARKERS, Kind::Credit), (LEGAL_CONTAINS, Kind::Legal), (GALLERY, Kind::Gallery)] {
        pats.extend(list.iter().map(|p| (kind, *p)));
    }
    pats
}

/// The "contains" phrase lists (matched ASCII-case-insensitively), the
/// kind of each phrase, and the gram index that finds where they may occur.
struct Phrases {
    pats: Vec<&'static str>,
    kinds: Vec<Kind>,
    grams: GramFilter,
}

static PHRASES: LazyLock<Phrases> = LazyLock::new(|| {
    let (kinds, pats): (Vec<Kind>, Vec<&'static str>) = phrase_list().into_iter().unzip();
    let grams = GramFilter::new(&pats);
    Phrases { pats, kinds, grams }
});

/// Bytes of the substring each phrase is recognised by in [`GramFilter`].
const GRAM: usize = 6;
const GRAM_MASK: u64 = (1 << (8 * GRAM)) - 1;

/// Where the phrases may occur: every phrase contains its rarest-looking
/// run of [`GRAM`] bytes (its gram), so a phrase occurs only where a gram
/// does (ASCII case folded), and each such place is checked against the
/// phrases that have that gram. A gram at position `p` contains the
/// 4-byte blocks at `p`, `p + 1` and `p + 2`, one of which starts at a
/// multiple of 3: the search reads 8 bytes every 6, tests the two blocks at
/// multiples of 3 against a table, and only after a marked block looks for
/// a gram at the three positions the block may belong to.
struct GramFilter {
    /// Sorted grams (lower-cased, packed little-endian); `None` when some
    /// phrase is shorter than a gram (then every line is searched).
    grams: Option<Vec<u64>>,
    /// (gram, phrase, offset of the gram in the phrase), sorted.
    index: Vec<(u64, usize, usize)>,
    bits: Vec<u64>,
    /// One flag per (hashed, case-folded) 4-byte block of a gram: most
    /// blocks of a line are turned away by this test alone.
    blocks: Box<[bool; BLOCK_SLOTS]>,
}

/// Bits of the filter's bit set, and the words they take.
const GRAM_BITS: u32 = 16;
const GRAM_WORDS: usize = (1 << GRAM_BITS) / 64;
/// Bits of the block bit set, and the words they take.
const BLOCK_BITS: u32 = 16;
const BLOCK_SLOTS: usize = 1 << BLOCK_BITS;

/// The slot of a (folded) 4-byte block (the low 4 bytes of `x`).
#[inline(always)]
fn block_slot(x: u64) -> usize {
    ((x as u32).wrapping_mul(0x9e37_79b1) >> (32 - BLOCK_BITS)) as usize % BLOCK_SLOTS
}

impl GramFilter {
    fn new(pats: &[&str]) -> GramFilter {
        let mut bits = vec![0u64; GRAM_WORDS];
        let mut blocks = Box::new([false; BLOCK_SLOTS]);
        let mut grams = Vec::with_capacity(pats.len());
        let mut index = Vec::with_capacity(pats.len());
        for (i, p) in pats.iter().enumerate() {
            let p = p.to_ascii_lowercase();
            // the rarest-looking run (its blocks are tested along the line)
            let rarity = |w: &&[u8]| w.iter().map(|&b| commonness(b)).sum::<u32>();
            let Some((at, g)) = p.as_bytes().windows(GRAM).enumerate().min_by_key(|(_, w)| rarity(w)) else {
                return GramFilter { grams: None, index: Vec::new(), bits, blocks };
            };
            let g = fold_case(g.iter().rev().fold(0u64, |a, &b| (a << 8) | u64::from(b))) & GRAM_MASK;
            let bit = gram_bit(g);
            bits[bit / 64] |= 1 << (bit % 64);
            for k in 0..=GRAM - 4 {
                blocks[block_slot(g >> (8 * k))] = true;
            }
            grams.push(g);
            index.push((g, i, at));
        }
        grams.sort_unstable();
        grams.dedup();
        index.sort_unstable();
        GramFilter { grams: Some(grams), index, bits, blocks }
    }

    /// False only when no phrase can occur in `hay` (ASCII case ignored).
    #[cfg(test)]
    fn may_match(&self, hay: &[u8]) -> bool {
        let Some(grams) = &self.grams else { return true };
        let mut any = false;
        self.for_each_hit(grams, hay, |_, _| any = true);
        any
    }

    /// Calls `f(position, gram)` for every position of `hay` (in order)
    /// where one of the `grams` occurs (ASCII case folded): every phrase
    /// occurrence has its gram at one of them.
    #[inline(always)]
    fn for_each_hit(&self, grams: &[u64], hay: &[u8], mut f: impl FnMut(usize, u64)) {
        let n = hay.len();
        // the folded bytes from `i` on, zero padded
        let load = |i: usize| match hay.get(i..i + 8) {
            Some(w) => fold_case(u64::from_le_bytes(w.try_into().unwrap_or([0; 8]))),
            None => fold_case(hay.get(i..).unwrap_or(&[]).iter().rev().fold(0u64, |a, &b| (a << 8) | u64::from(b))),
        };
        let is_block = |x: u64| self.blocks[block_slot(x)];
        // a block at `q` is set: the grams at the positions it may belong to
        let mut near = |q: usize| {
            for c in q.saturating_sub(GRAM - 4)..=q {
                if c + GRAM > n {
                    break;
                }
                let g = load(c) & GRAM_MASK;
                let bit = gram_bit(g);
                if self.bits[(bit / 64) & (GRAM_WORDS - 1)] & (1 << (bit % 64)) != 0 && grams.binary_search(&g).is_ok()
                {
                    f(c, g);
                }
            }
        };
        let mut i = 0;
        // the blocks at `i` and `i + 3` from one 8-byte read
        while let Some(w) = hay.get(i..i + 8) {
            let x = fold_case(u64::from_le_bytes(w.try_into().unwrap_or([0; 8])));
            let (a, b) = (is_block(x), is_block(x >> 24));
            if a | b {
                if a {
                    near(i);
                }
                if b {
                    near(i + 3);
                }
            }
            i += 6;
        }
        // the last blocks (a block needs 4 bytes)
        while i + 4 <= n {
            if is_block(load(i)) {
                near(i);
            }
            i += 3;
        }
    }

    /// The phrases `pats` (the ones the filter was built from) that occur
    /// in `hay`, as an ASCII-case-insensitive leftmost-longest automaton
    /// reports them: (start, end, phrase), left to right, not overlapping.
    fn matches(&self, pats: &[&str], hay: &[u8]) -> Vec<(usize, usize, usize)> {
        let mut found = Vec::new();
        let mut at = |s: usize, i: usize| {
            let pat = pats[i].as_bytes();
            if hay.get(s..s + pat.len()).is_some_and(|w| w.eq_ignore_ascii_case(pat)) {
                found.push((s, s + pat.len(), i));
            }
        };
        match &self.grams {
            Some(grams) => self.for_each_hit(grams, hay, |p, g| {
                let from = self.index.partition_point(|e| e.0 < g);
                for &(_, i, o) in self.index[from..].iter().take_while(|e| e.0 == g) {
                    if let Some(s) = p.checked_sub(o) {
                        at(s, i);
                    }
                }
            }),
            // (a phrase shorter than a gram: every position is tried)
            None => {
                for s in 0..hay.len() {
                    for i in 0..pats.len() {
                        at(s, i);
                    }
                }
            }
        }
        if found.len() > 1 {
            // the leftmost, then the longest, then the first listed; the
            // search goes on after its end
            found.sort_unstable_by_key(|&(s, e, i)| (s, std::cmp::Reverse(e), i));
            let mut end = 0;
            found.retain(|&(s, e, _)| {
                let keep = s >= end;
                if keep {
                    end = e;
                }
                keep
            });
        }
        found
    }
}

/// Eight bytes with bit 5 set in each: ASCII capitals become lower case
/// (and a few other bytes merge with a neighbour, `@` with `` ` ``, a
/// control byte with a punctuation mark), one OR where exact lower-casing
/// takes a dozen operations. Bytes equal but for ASCII case stay equal, so
/// grams compared folded never miss a case-insensitive match; the rare
/// extra hits only cost a comparison with the phrases, which decides exactly.
fn fold_case(x: u64) -> u64 {
    x | 0x2020_2020_2020_2020
}

fn gram_bit(g: u64) -> usize {
    (g.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - GRAM_BITS)) as usize
}

/// How common a byte is in running text (English letter order; spaces
/// most, other bytes least): the filter picks each phrase's least common
/// run, so that few lines get through.
fn commonness(b: u8) -> u32 {
    const ORDER: &[u8] = b"zqxjkvbpygfwmucldrhsnioate";
    match b {
        b' ' => 30,
        _ => ORDER.iter().position(|&c| c == b).map_or(0, |i| i as u32 + 1),
    }
}

/// One pass over the line for every "contains" phrase (the lists are
/// matched ASCII-case-insensitively, so no lower-cased copy is needed).
/// Long paragraphs can only be galleries: their edges are scanned, and
/// their credit lines counted with a substring search.
fn scan(t: &str, words: usize) -> Hits {
    if words <= FULL_SCAN_WORDS {
        return scan_part(t, 0, t.len());
    }
    let trimmed = t.trim_end().trim_end_matches(['.', '»', '›']).len();
    let head = floor_char(t, EDGE_SCAN);
    let tail = ceil_char(t, trimmed.saturating_sub(EDGE_SCAN));
    let mut h = scan_part(&t[..head], 0, trimmed);
    let end = scan_part(&t[tail..], tail, trimmed);
    h.gallery |= end.gallery;
    h.gallery_edge |= end.gallery_edge;
    h.credits = CREDIT_WORDS.iter().map(|f| f.find_iter(t.as_bytes()).count()).sum();
    h
}

/// Paragraphs longer than this get the cheaper [`scan`].
const FULL_SCAN_WORDS: usize = 100;
/// Bytes at each end of a long paragraph scanned for gallery phrases.
const EDGE_SCAN: usize = 64;

static CREDIT_WORDS: LazyLock<Vec<memchr::memmem::Finder<'static>>> = LazyLock::new(|| {
    ["Credit:", "credit:", "CREDIT:", "Photo:", "Foto:", "Photograph:", "(Photo by", "Getty Images"]
        .iter()
        .map(|p| memchr::memmem::Finder::new(p.as_bytes()))
        .collect()
});

fn floor_char(t: &str, mut i: usize) -> usize {
    i = i.min(t.len());
    while !t.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char(t: &str, mut i: usize) -> usize {
    i = i.min(t.len());
    while !t.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Phrase hits in `part`, which starts at byte `offset` of a line whose
/// text (trailing dots trimmed) ends at `trimmed`.
fn scan_part(part: &str, offset: usize, trimmed: usize) -> Hits {
    let Phrases { pats, kinds, grams } = &*PHRASES;
    let mut h = Hits::default();
    for (start, end, i) in grams.matches(pats, part.as_bytes()) {
        match kinds.get(i) {
            Some(Kind::Credit) => h.credits += 1,
            Some(Kind::Legal) => h.legal = true,
            Some(Kind::Gallery) => {
                h.gallery = true;
                h.gallery_edge |= offset + start <= EDGE || offset + end + EDGE >= trimmed;
            }
            None => {}
        }
    }
    h
}

/// Bytes from a line's start or end within which a gallery phrase marks
/// the whole line ("… View gallery as list").
const EDGE: usize = 12;

/// "AFP", "(Reuters)", "Getty Images".
fn is_agency_only(t: &str) -> bool {
    let inner = t.trim().trim_start_matches('(').trim_end_matches(')').trim();
    is_agency(inner)
}

fn is_agency(s: &str) -> bool {
    AGENCIES.iter().any(|a| a.eq_ignore_ascii_case(s))
}

/// "… (AFP)", "… (Sidiqullah Khan/AP)", "… (Photo by X / AFP)".
pub(crate) fn ends_with_credit(t: &str) -> bool {
    let t = t.trim_end().trim_end_matches('.');
    let Some(body) = t.strip_suffix(')') else { return false };
    let Some(open) = body.rfind('(') else { return false };
    let inner = body[open + 1..].trim();
    if inner.is_empty() || inner.split_whitespace().count() > 8 {
        return false;
    }
    let last = inner.rsplit(['/', '|', ',']).next().unwrap_or(inner).trim();
    let last = last.strip_prefix("via ").unwrap_or(last);
    if is_agency(last) || is_agency(inner) {
        return true;
    }
    // "Name Surname/Outlet": two capitalised parts around a slash
    if let Some((who, outlet)) = inner.split_once('/') {
        let cap = |s: &str| {
            let s = s.trim();
            !s.is_empty()
                && s.split_whitespace().count() <= 4
                && s.split_whitespace()
                    .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase() || !c.is_alphabetic()))
        };
        return cap(who) && cap(outlet);
    }
    inner.to_lowercase().starts_with("photo")
}

/// The preposition of an author line ("By", "Von", "Par", …).
pub(crate) fn is_by_word(w: &str) -> bool {
    BY_WORDS.iter().any(|b| w.eq_ignore_ascii_case(b))
}

/// "By Jane Doe", "By Jane Doe and John Roe, Reuters", "Von Anna Müller".
fn is_author_line(t: &str) -> bool {
    let mut it = t.split_whitespace();
    let Some(first) = it.next() else { return false };
    if !is_by_word(first) {
        return false;
    }
    let rest: Vec<&str> = it.collect();
    if rest.is_empty() || rest.len() > 9 {
        return false;
    }
    let caps =
        rest.iter().filter(|w| w.chars().next().is_some_and(|c| c.is_uppercase()) || BY_JOINERS.contains(w)).count();
    caps * 10 >= rest.len() * 8
        && rest.first().is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
        && !t.trim_end().ends_with(['!', '?'])
}

const MONTHS: &[&str] = &[
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "januar",
    "februar",
    "märz",
    "mai",
    "juni",
    "juli",
    "oktober",
    "dezember",
    "janvier",
    "février",
    "mars",
    "avril",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
    "gennaio",
    "febbraio",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "settembre",
    "ottobre",
    "dicembre",
    "janeiro",
    "fevereiro",
    "março",
    "maio",
    "junho",
    "julho",
    "setembro",
    "outubro",
    "novembro",
    "dezembro",
    "januari",
    "februari",
    "maart",
    "mei",
    "augustus",
    "am",
    "pm",
    "gmt",
    "utc",
    "bst",
    "cet",
    "cest",
    "est",
    "edt",
    "pst",
    "ist",
    "uhr",
    "h",
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "ago",
    "hours",
    "hour",
    "minutes",
    "min",
    "read",
    "de",
    "del",
    "le",
    "el",
    "|",
    "-",
    "–",
    "•",
    "·",
];

/// Words an author line may have in lower case ("By A and B in Kabul").
const BY_JOINERS: &[&str] = &[
    "and", "und", "et", "y", "e", "en", "in", "at", "aus", "à", "a", "em", "da", "de", "van", "von", "|", "-", "–",
    "for",
];

/// A line made of dates, times and weekday/month names only.
fn is_date_line(t: &str) -> bool {
    let mut n = 0;
    let mut digits = 0;
    for w in t.split_whitespace() {
        n += 1;
        let w = w.trim_matches(|c: char| matches!(c, ',' | '.' | '(' | ')' | ':'));
        if w.is_empty() {
            continue;
        }
        if w.bytes().any(|b| b.is_ascii_digit()) && w.chars().all(|c| c.is_ascii_digit() || ":./-".contains(c)) {
            digits += 1;
            continue;
        }
        // (no month, weekday or zone of more than 10 bytes: an ASCII word
        // is lower-cased in place, on the stack)
        let mut buf = [0u8; 10];
        let lw = match (w.is_ascii(), buf.get_mut(..w.len())) {
            (true, Some(b)) => {
                b.copy_from_slice(w.as_bytes());
                b.make_ascii_lowercase();
                std::borrow::Cow::Borrowed(std::str::from_utf8(b).unwrap_or(""))
            }
            (true, None) => return false,
            (false, _) => std::borrow::Cow::Owned(w.to_lowercase()),
        };
        let zone = (lw.starts_with("gmt") || lw.starts_with("utc")) && lw.len() <= 10;
        if !zone && !MONTHS.contains(&&*lw) {
            return false;
        }
    }
    n > 0 && digits > 0
}

/// "Home | World | Asia", "Politics • Economy • Sport".
fn is_separated_list(t: &str) -> bool {
    // every separator has one of these bytes ('·' and '»' open with C2,
    // '•', '›' and '–' with E2)
    if !t.bytes().any(|b| matches!(b, b'|' | b'>' | b'/' | b'-' | 0xC2 | 0xE2)) {
        return false;
    }
    let seps =
        t.split_whitespace().filter(|w| matches!(*w, "|" | "•" | "·" | "»" | "›" | ">" | "/" | "-" | "–")).count();
    seps >= 2
}

fn is_social(key: &str) -> bool {
    let mut hits = 0;
    for w in key.split(' ') {
        if SOCIAL.contains(&w) {
            hits += 1;
        } else {
            return false;
        }
    }
    hits >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(t: &str) -> Option<Reason> {
        let low = t.to_lowercase();
        let key = letters_key(&low);
        let words = t.split_whitespace().count();
        phrase_reason(t, &low, &key, words, super::super::features::ends_sentence(t))
    }

    #[test]
    fn phrase_table() {
        let table: &[(&str, Option<Reason>)] = &[
            ("Image Credit: AFP", Some(Reason::Credit)),
            ("News Credit: India Today", Some(Reason::Credit)),
            ("Foto: dpa", Some(Reason::Credit)),
            ("(Reuters)", Some(Reason::Credit)),
            ("Afghans flee to the Pakistan border (Jafar Khan/AP)", Some(Reason::Caption)),
            ("A helicopter over Kabul on July 16, 2021. (AFP)", Some(Reason::Caption)),
            ("Soldiers in Kabul. (Photo by Wakil Kohsar / AFP)", Some(Reason::Caption)),
            ("Taliban likely to seize control Image Credit: Reuters View gallery as list", Some(Reason::Gallery)),
            ("Bildergalerie", Some(Reason::Gallery)),
            ("Image 3 of 12", Some(Reason::Gallery)),
            ("Read more: Taliban take Herat", Some(Reason::RelatedHeadline)),
            ("Lesen Sie auch: Die Taliban rücken vor", Some(Reason::RelatedHeadline)),
            ("By Jane Doe and John Roe", Some(Reason::Byline)),
            ("Von Anna Müller", Some(Reason::Byline)),
            ("By Thursday the city had fallen to the insurgents.", None),
            ("Reporting by Jane Doe; Editing by John Roe", Some(Reason::Byline)),
            ("Published 13 August 2021, 10:32 GMT", Some(Reason::Byline)),
            ("Aug 13, 2021 10:32 AM IST", Some(Reason::Byline)),
            ("© 2021 Example Media. All rights reserved.", Some(Reason::Legal)),
            ("Subscribe to our newsletter for the latest news.", Some(Reason::Legal)),
            ("The company said subscriptions rose 4% in the quarter.", None),
            ("Home | World | Asia", Some(Reason::Navigation)),
            ("Facebook Twitter WhatsApp Email", Some(Reason::Navigation)),
            ("Advertisement", Some(Reason::Advertisement)),
            ("Reply", Some(Reason::CommentNotice)),
            ("The claim (which AP could not verify) spread fast.", None),
            ("He was born in 1961 (see below).", None),
        ];
        for (t, want) in table {
            assert_eq!(reason(t), *want, "{t}");
        }
    }

    use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Anchored, Input, MatchKind, StartKind};

    /// The automaton the phrase search stands in for: the reference.
    static REFERENCE_PHRASES: LazyLock<AhoCorasick> = LazyLock::new(|| {
        AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(phrase_list().iter().map(|(_, p)| p))
            .unwrap()
    });

    /// The anchored automaton the opener search stands in for.
    static REFERENCE_OPENERS: LazyLock<AhoCorasick> = LazyLock::new(|| {
        AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .build(opener_list().iter().map(|(_, p)| p))
            .unwrap()
    });

    fn reference_matches(hay: &str) -> Vec<(usize, usize, usize)> {
        REFERENCE_PHRASES.find_iter(hay).map(|m| (m.start(), m.end(), m.pattern().as_usize())).collect()
    }

    fn reference_opener(low: &str) -> Option<Opener> {
        let m = REFERENCE_OPENERS.find(Input::new(low).anchored(Anchored::Yes))?;
        let (kind, phrase) = opener_list()[m.pattern().as_usize()];
        starts_phrase(low, phrase).then_some(kind)
    }

    fn matches(hay: &str) -> Vec<(usize, usize, usize)> {
        PHRASES.grams.matches(&PHRASES.pats, hay.as_bytes())
    }

    #[test]
    fn gram_filter_lets_every_phrase_through() {
        let filter = &PHRASES.grams;
        assert!(filter.grams.is_some());
        for p in CREDIT_MARKERS.iter().chain(LEGAL_CONTAINS).chain(GALLERY) {
            // (the phrases match ASCII-case-insensitively)
            let upper = p.to_ascii_uppercase();
            for text in [p.to_string(), upper.clone(), format!("Some text before {upper} and after")] {
                assert!(REFERENCE_PHRASES.is_match(&text) && filter.may_match(text.as_bytes()), "{text}");
                assert_eq!(matches(&text), reference_matches(&text), "{text}");
            }
        }
        assert!(!filter.may_match(b"The Taliban took the city of Kandahar on Friday."));
    }

    #[test]
    fn phrase_matches_agree_with_the_automaton() {
        for text in [
            "",
            "Photo: AFP photo: Getty Images via Getty Images (photo by X)",
            "uses cookies we use cookies utiliza cookies usamos cookies",
            "View gallery as list | Photo gallery view as list",
            "Terms of use and terms of service; terms and conditions. Privacy Policy",
            "photo: photo: photo: (photo: (photo by (image: image credit: photo credit:",
            "Taliban likely to seize control Image Credit: Reuters View gallery as list",
        ] {
            assert_eq!(matches(text), reference_matches(text), "{text}");
        }
    }

    #[test]
    fn long_lines_read_the_lowered_head_only() {
        // the opener and the character after it (up to 4 bytes)
        assert!(opener_list().iter().all(|(_, p)| p.len() + 4 <= LOW_HEAD_BYTES));
        let line = "Share this story on the wire as the Taliban took the city of Kandahar";
        let low = line.to_lowercase();
        let key = "";
        let words = line.split_whitespace().count();
        assert!(words > KEY_WORDS && line.len() > LOW_HEAD_BYTES);
        for cut in [LOW_HEAD_BYTES, low.len()] {
            assert_eq!(phrase_reason(line, &low[..cut], key, words, false), Some(Reason::Navigation));
        }
    }

    #[test]
    fn separators_have_a_marked_byte() {
        for sep in ["|", "•", "·", "»", "›", ">", "/", "-", "–"] {
            assert!(sep.bytes().any(|b| matches!(b, b'|' | b'>' | b'/' | b'-' | 0xC2 | 0xE2)), "{sep}");
            assert!(is_separated_list(&format!("Home {sep} World {sep} Asia")), "{sep}");
        }
        assert!(MONTHS.iter().all(|m| m.len() <= 10));
        for (t, want) in [
            ("Aug 13, 2021 10:32 AM IST", true),
            ("13 AUGUST 2021 | 10:32 GMT+4:30", true),
            ("13 März 2021", true),
            ("13 Septembers 2021", false),
            ("Friday", false),
        ] {
            assert_eq!(is_date_line(t), want, "{t}");
        }
        for low in ["12 comments", "it's a re-run: x", "", "  a  b  ", "mots-clés", "a1b2", "x!!"] {
            let mut want = String::new();
            for c in low.chars() {
                if c.is_alphabetic() || c == '\'' || c == '-' {
                    want.push(c);
                } else if !want.is_empty() && !want.ends_with(' ') {
                    want.push(' ');
                }
            }
            assert_eq!(letters_key(low), want.trim_end_matches(' '), "{low:?}");
        }
    }

    #[test]
    fn no_opener_is_listed_twice() {
        let list = opener_list();
        for (i, (_, a)) in list.iter().enumerate() {
            assert!(!a.is_empty() && !a.contains('\0'));
            assert!(list[..i].iter().all(|(_, b)| a != b), "{a}");
        }
    }

    #[test]
    fn openers_agree_with_the_automaton() {
        for (_, p) in opener_list() {
            for low in
                [p.to_string(), format!("{p} x"), format!("{p}x"), format!("{p}: x"), p.chars().skip(1).collect()]
            {
                assert_eq!(opener(&low), reference_opener(&low), "{low:?}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn gram_filter_never_hides_a_match(pre in "[a-zA-Z ():|é]{0,20}", i in 0usize..90, post in "[a-zA-Z ():|]{0,20}", upper: bool) {
            let pats: Vec<&str> = CREDIT_MARKERS.iter().chain(LEGAL_CONTAINS).chain(GALLERY).copied().collect();
            let p = pats[i % pats.len()];
            let p = if upper { p.to_ascii_uppercase() } else { p.to_string() };
            let text = format!("{pre}{p}{post}");
            proptest::prop_assert!(PHRASES.grams.may_match(text.as_bytes()));
            proptest::prop_assert!(REFERENCE_PHRASES.is_match(&text));
            proptest::prop_assert_eq!(matches(&text), reference_matches(&text));
        }

        #[test]
        fn gram_filter_agrees_with_the_automaton(text in "[a-zA-Z ():|é.,]{0,60}") {
            if REFERENCE_PHRASES.is_match(&text) {
                proptest::prop_assert!(PHRASES.grams.may_match(text.as_bytes()));
            }
            proptest::prop_assert_eq!(matches(&text), reference_matches(&text));
        }

        /// Phrases glued, overlapping and cut: the same matches as the
        /// automaton.
        #[test]
        fn phrase_runs_agree_with_the_automaton(
            parts in proptest::collection::vec((0usize..200, 0usize..40, 0usize..40, "[ a-zA-Z:(|]{0,3}", proptest::bool::ANY), 0..8),
        ) {
            let pats = phrase_list();
            let mut text = String::new();
            for (i, from, to, glue, upper) in parts {
                let p = pats[i % pats.len()].1;
                let (a, b) = (from.min(p.len()), to.min(p.len()));
                let piece = p.get(a.min(b)..a.max(b)).or(p.get(a..)).unwrap_or(p);
                text.push_str(&if upper { piece.to_ascii_uppercase() } else { piece.to_string() });
                text.push_str(&glue);
                if i % 3 == 0 {
                    text.push_str(p);
                }
            }
            proptest::prop_assert_eq!(matches(&text), reference_matches(&text));
        }

        #[test]
        fn openers_agree_on_any_line(i in 0usize..400, cut in 0usize..30, tail in "[a-z :'-]{0,6}", raw in "[a-zé :'-]{0,12}") {
            let list = opener_list();
            let p = list[i % list.len()].1;
            let head = p.get(..cut.min(p.len())).unwrap_or(p);
            for low in [format!("{head}{tail}"), raw.clone()] {
                proptest::prop_assert_eq!(opener(&low), reference_opener(&low));
            }
        }
    }

    #[test]
    fn comment_starts() {
        for (t, want) in [
            ("Comments", true),
            ("12 Comments", true),
            ("Comments are closed.", true),
            ("Kommentare (3)", true),
            ("Comments by the minister drew sharp criticism from the opposition.", false),
        ] {
            let low = t.to_lowercase();
            assert_eq!(is_comment_start(&letters_key(&low), t.split_whitespace().count()), want, "{t}");
        }
    }
}
