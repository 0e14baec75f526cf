//! Abbreviation lists per language, shared by the sentence splitter (a full
//! stop after an abbreviation is not a sentence end) and the tokenizer (an
//! abbreviation keeps its period).
//!
//! Two classes, because they behave differently before a capitalised word:
//! - *titles* (`Mr.`, `Dr.`, `Gen.`, `Mme.`, `Sra.`) precede a name and never
//!   end a sentence;
//! - *general* abbreviations (`etc.`, `Inc.`, `Oct.`, `usw.`, `St.`) may end a
//!   sentence: they do so only when the next word is a typical sentence
//!   opener (a capitalised stopword such as "The", "Der", "Il").
//!
//! Lists are matched case-sensitively, as written ("Nr" and "nr" are listed
//! separately where both are used). Entries with inner periods ("z.B",
//! "e.g") are written without the final period.

use std::sync::OnceLock;

use crate::language::Language;
use rustc_hash::FxHashSet as FxSet;

/// Abbreviations every language shares (Latin and international forms).
const UNIVERSAL_TITLES: &[&str] = &["Dr", "Prof", "Mr", "Mrs", "Ms"];
const UNIVERSAL_GENERAL: &[&str] = &[
    "etc", "vs", "ca", "cf", "approx", "e.g", "i.e", "al", "Nr", "No", "Vol", "vol", "Fig", "fig", "p", "pp", "Inc",
    "Ltd", "Corp", "Co", "St", "Jr", "Sr", "Ph.D", "a.m", "p.m", "A.M", "P.M", "U.S", "U.K", "U.N", "E.U", "max",
    "min", "km", "kg",
];

const EN_TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Messrs", "Mmes", "Dr", "Drs", "Prof", "Profs", "Gen", "Gens", "Sen", "Sens", "Rep", "Reps",
    "Gov", "Govs", "Lt", "Col", "Capt", "Cpt", "Sgt", "Maj", "Adm", "Cmdr", "Cdr", "Brig", "Cpl", "Pvt", "Rev", "Revd",
    "Hon", "Pres", "Supt", "Insp", "Det", "Atty", "Amb", "Msgr", "Fr", "Rt", "Lt.Col", "Lt.Gen", "Maj.Gen", "Sec",
    "Gov.Gen", "Sr.Lt",
];
const EN_GENERAL: &[&str] = &[
    "etc", "vs", "v", "approx", "appt", "apt", "est", "dept", "Dept", "Univ", "Assn", "Bros", "Inc", "Ltd", "Co",
    "Corp", "Plc", "Jr", "Sr", "Esq", "Ave", "Blvd", "Rd", "St", "Mt", "Ft", "Pk", "Sq", "No", "Nos", "Vol", "Vols",
    "Fig", "Figs", "fig", "figs", "pop", "ch", "Ch", "sec", "Sec", "para", "cf", "ca", "c", "e.g", "i.e", "viz", "a.m",
    "p.m", "U.S", "U.K", "U.N", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "min", "max", "hr", "hrs", "sq", "ft", "oz",
    "lb", "lbs", "yr", "yrs", "mo", "mos", "tel", "Tel", "ext", "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del",
    "Fla", "Ga", "Ill", "Ind", "Kan", "Kans", "Ky", "La", "Md", "Mass", "Mich", "Minn", "Mo", "Mont", "Neb", "Nev",
    "Okla", "Ore", "Pa", "Penn", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo", "Gov", "Ref", "ref", "Op", "op",
    "al", "ed", "eds", "Ed", "trans", "repr", "vol", "pp", "p",
];

const DE_TITLES: &[&str] =
    &["Hr", "Hrn", "Fr", "Frl", "Dr", "Prof", "Dipl", "Ing", "Mag", "Bgm", "Pfr", "Hl", "Gebr", "Sr", "Gen", "Kpt"];
const DE_GENERAL: &[&str] = &[
    "usw", "bzw", "ca", "vgl", "z.B", "z.b", "d.h", "u.a", "o.ä", "s.o", "s.u", "u.U", "z.T", "u.v.m", "v.a", "z.Zt",
    "i.d.R", "o.g", "Nr", "nr", "Str", "Tel", "Abs", "Art", "Bd", "Bde", "Hrsg", "Jh", "Jhd", "Mio", "Mrd", "Tsd",
    "evtl", "ggf", "inkl", "exkl", "max", "min", "geb", "gest", "verh", "zzgl", "gem", "lt", "rd", "sog", "St", "Dt",
    "dt", "engl", "frz", "ital", "Jan", "Feb", "Mär", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Okt", "Nov", "Dez",
    "Mo", "Di", "Mi", "Do", "Sa", "So", "ebd", "Anm", "Aufl", "Kap", "S", "Ztg", "allg", "bspw", "Std", "Min", "Sek",
    "Pkt", "Mill", "Ges", "GmbH", "Co", "etc", "usf", "uvm", "zit", "Abb", "Tab",
];

const FR_TITLES: &[&str] = &["M", "MM", "Mme", "Mmes", "Mlle", "Mlles", "Dr", "Pr", "Me", "Mgr", "Sr", "Gal", "Col"];
const FR_GENERAL: &[&str] = &[
    "etc", "av", "apr", "J.-C", "env", "cf", "chap", "ex", "p", "pp", "vol", "art", "bd", "fig", "janv", "févr", "avr",
    "juil", "sept", "oct", "nov", "déc", "lun", "mer", "jeu", "ven", "sam", "dim", "éd", "coll", "Cie", "cie", "Sté",
    "St", "Ste", "ann", "N.B", "c.-à-d", "resp", "hab", "tél", "Tél", "min", "max", "n°", "no", "éds", "op", "cit",
    "suiv", "vs", "env",
];

const ES_TITLES: &[&str] = &[
    "Sr", "Sra", "Srta", "Sres", "Sras", "D", "Dña", "Dª", "Dr", "Dra", "Lic", "Ing", "Arq", "Prof", "Profa", "Gral",
    "Excmo", "Excma", "Ilmo", "Ilma", "Sto", "Sta", "Pbro", "Mons", "Fr", "Cnel", "Tte", "Cap", "Sgto",
];
const ES_GENERAL: &[&str] = &[
    "etc", "pág", "págs", "p", "pp", "núm", "vol", "cap", "art", "aprox", "apdo", "Avda", "avda", "Av", "av", "Cía",
    "cía", "S.A", "S.L", "Ud", "Uds", "Vd", "Vds", "ej", "p.ej", "ene", "feb", "mar", "abr", "may", "jun", "jul",
    "ago", "sep", "sept", "oct", "nov", "dic", "tel", "dcha", "izq", "depto", "dpto", "admón", "aptdo", "Dto", "EE.UU",
    "cf", "vs", "n", "núms", "ib", "ibíd", "op", "cit", "c", "s", "ss", "min", "máx", "mín",
];

const IT_TITLES: &[&str] = &[
    "Sig", "Sigg", "Sig.ra", "Sig.na", "Dott", "Dott.ssa", "Prof", "Prof.ssa", "Avv", "Ing", "Arch", "Geom", "Rag",
    "On", "Sen", "Gen", "Mons", "Egr", "Gent", "Dr", "S", "Col", "Cav", "Comm", "Spett", "Sac", "Don",
];
const IT_GENERAL: &[&str] = &[
    "ecc", "pag", "pagg", "p", "pp", "art", "cap", "cfr", "es", "ca", "vol", "n", "nn", "gen", "febbr", "feb", "mar",
    "apr", "magg", "mag", "giu", "lug", "ag", "ago", "sett", "set", "ott", "nov", "dic", "S.p.A", "tel", "c.so",
    "v.le", "p.zza", "Soc", "sec", "sez", "ed", "cit", "ib", "v", "fig", "tab", "max", "min", "etc", "p.es",
];

const PT_TITLES: &[&str] = &[
    "Sr", "Sra", "Srta", "Dr", "Dra", "Prof", "Profa", "Eng", "Exmo", "Exma", "Ilmo", "Ilma", "Sto", "Sta", "D", "Gen",
    "Cel", "Cap", "Ten", "Maj", "Sarg", "Pe", "Fr", "Des", "Min",
];
const PT_GENERAL: &[&str] = &[
    "etc", "pág", "págs", "p", "pp", "art", "cap", "vol", "núm", "n", "av", "Av", "ex", "aprox", "Lda", "Ltda", "Cia",
    "cia", "jan", "fev", "mar", "abr", "mai", "jun", "jul", "ago", "set", "out", "nov", "dez", "tel", "S.A", "p.ex",
    "cf", "vs", "séc", "obs", "fl", "fls", "R", "Rod", "Pça", "máx", "mín",
];

const NL_TITLES: &[&str] = &[
    "dhr", "Dhr", "mevr", "Mevr", "mw", "Mw", "mej", "Mej", "Dr", "dr", "Prof", "prof", "ir", "Ir", "ing", "Ing", "mr",
    "Mr", "drs", "Drs", "St", "Z.K.H", "Z.M", "H.M", "ds", "Ds", "Jhr", "jhr",
];
const NL_GENERAL: &[&str] = &[
    "enz", "bijv", "bv", "d.w.z", "m.a.w", "o.a", "etc", "i.p.v", "t.a.v", "vgl", "ca", "nr", "Nr", "blz", "jl", "jan",
    "feb", "mrt", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dec", "resp", "incl", "excl", "max", "min",
    "N.V", "B.V", "m.b.t", "o.b.v", "z.g.a", "zgn", "zg", "evt", "tel", "str", "pag", "afb", "vs",
];

const RU_TITLES: &[&str] = &["проф", "акад", "доц", "ген", "св", "тов", "им", "гр", "г-н", "г-жа"];
const RU_GENERAL: &[&str] = &[
    "т.е",
    "т.д",
    "т.п",
    "т.к",
    "т.н",
    "и.о",
    "др",
    "пр",
    "см",
    "ср",
    "стр",
    "с",
    "г",
    "гг",
    "ул",
    "д",
    "кв",
    "пл",
    "пер",
    "просп",
    "обл",
    "р-н",
    "млн",
    "млрд",
    "тыс",
    "руб",
    "коп",
    "напр",
    "янв",
    "февр",
    "фев",
    "мар",
    "апр",
    "авг",
    "сент",
    "окт",
    "нояб",
    "дек",
    "ок",
    "ст",
    "в",
    "вв",
    "н.э",
    "т",
    "тт",
    "долл",
    "гл",
    "рис",
    "табл",
    "мин",
    "макс",
    "км",
    "кг",
    "чел",
    "Св",
];

const NORDIC_GENERAL: &[&str] = &[
    "f.eks", "bl.a", "osv", "o.s.v", "mv", "m.v", "mfl", "m.fl", "dvs", "d.v.s", "ca", "nr", "Nr", "kl", "jf", "pga",
    "p.g.a", "evt", "hhv", "St", "ggr", "t.ex", "s.k", "fr.o.m", "t.o.m", "m.m", "bl", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dec", "tlf", "tel", "etc", "ds", "fx", "iht", "mht", "vedr",
    "inkl", "ekskl", "resp", "dr", "Dr", "prof", "Prof", "hr", "fr", "fru", "kap", "s", "st",
];
const FI_GENERAL: &[&str] = &[
    "esim", "ks", "mm", "ns", "n", "t", "jne", "ym", "v", "klo", "os", "puh", "prof", "tri", "Tri", "Prof", "ed",
    "eKr", "jKr", "mrd", "milj", "tms", "yms", "vrt", "huom", "em", "ko", "nk", "ao", "sis", "yht",
];
const HU_GENERAL: &[&str] = &[
    "pl", "stb", "ill", "kb", "ún", "dr", "Dr", "id", "u", "ifj", "özv", "vö", "ld", "sz", "Sz", "ny", "jan", "febr",
    "márc", "ápr", "máj", "jún", "júl", "aug", "szept", "okt", "nov", "dec", "ker", "köv", "tel", "évf", "ford",
    "szerk", "i.e", "i.sz", "Kft", "Zrt", "Rt", "Bt",
];
const TR_GENERAL: &[&str] = &[
    "vb", "vs", "Dr", "Prof", "Doç", "Av", "Sn", "Cad", "Sok", "Mah", "No", "örn", "bkz", "yy", "Yrd", "Op", "Uzm",
    "Müh", "Tel", "tel", "Apt", "Bul", "Blv", "Ltd", "Şti", "A.Ş", "T.C", "age", "agy", "s", "S",
];
const RO_GENERAL: &[&str] = &[
    "dl", "dna", "dlui", "dnei", "d-l", "d-na", "prof", "Prof", "dr", "Dr", "etc", "nr", "Nr", "str", "pag", "art",
    "ing", "gen", "lt", "col", "sf", "ian", "feb", "mar", "apr", "iun", "iul", "aug", "sept", "oct", "nov", "dec",
    "tel", "jud", "mun", "bd", "cca", "aprox", "ș.a", "ş.a", "ș.a.m.d", "ş.a.m.d",
];
const EL_GENERAL: &[&str] = &[
    "κ", "κα", "π.χ", "δηλ", "κλπ", "κ.λπ", "βλ", "σελ", "αρ", "Δρ", "Καθ", "κ.ά", "π.Χ", "μ.Χ", "Ιαν", "Φεβ", "Μαρ",
    "Απρ", "Ιουν", "Ιουλ", "Αυγ", "Σεπ", "Οκτ", "Νοε", "Δεκ", "τηλ", "χλμ", "εκ",
];

/// Verbs of saying that, after a quoted "?" or "!", show the sentence goes on:
/// `“Why?” John asked.`
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "asked",
    "asks",
    "told",
    "added",
    "adds",
    "replied",
    "shouted",
    "cried",
    "wrote",
    "explained",
    "insisted",
    "continued",
    "yelled",
    "screamed",
    "whispered",
    "sagte",
    "fragte",
    "rief",
    "dijo",
    "preguntó",
    "gritó",
    "disse",
    "chiese",
    "gridò",
    "perguntou",
    "gritou",
    "zei",
    "vroeg",
    "riep",
    "сказал",
    "сказала",
    "спросил",
    "спросила",
];

/// Abbreviations that usually close an enumeration and so often end a
/// sentence: before any capitalised word they do ("etc. Then").
const FINAL: &[&str] = &[
    "etc", "usw", "usf", "u.v.m", "uvm", "enz", "ecc", "osv", "o.s.v", "jne", "stb", "vb", "κλπ", "κ.λπ", "т.д", "т.п",
    "и.т.д", "m.m", "mfl", "m.fl",
];

/// Common top-level domains: "Example.Com" is a name, not a missing space.
const TLDS: &[&str] = &[
    "com", "net", "org", "gov", "edu", "info", "io", "co", "uk", "de", "fr", "es", "it", "nl", "ru", "eu", "int",
    "biz", "tv", "me", "ai", "app", "dev", "news",
];

/// Is `word` (any case) a common top-level domain?
pub(crate) fn is_tld(word: &str) -> bool {
    word.len() <= 4 && TLDS.iter().any(|t| t.eq_ignore_ascii_case(word))
}

/// Capitalised words that open sentences often but are not stopwords.
const EXTRA_STARTERS_EN: &[&str] = &[
    "however",
    "meanwhile",
    "yet",
    "still",
    "also",
    "although",
    "though",
    "today",
    "yesterday",
    "tomorrow",
    "instead",
    "earlier",
    "later",
    "many",
    "several",
    "according",
    "last",
    "first",
    "since",
    "despite",
];

/// The compiled abbreviation data for one language (or for "unknown").
#[derive(Debug)]
pub(crate) struct Abbrevs {
    titles: FxSet<Box<str>>,
    general: FxSet<&'static str>,
    /// Languages that write ordinals with a full stop ("am 3. Oktober").
    pub(crate) ordinal_dots: bool,
}

impl Abbrevs {
    /// The data for `lang` (`None`: a cautious union for unknown text).
    pub(crate) fn get(lang: Option<Language>) -> &'static Abbrevs {
        static CELLS: [OnceLock<Abbrevs>; 19] = [const { OnceLock::new() }; 19];
        let idx = lang.map_or(18, |l| l as usize);
        CELLS[idx].get_or_init(|| Abbrevs::build(lang))
    }

    fn build(lang: Option<Language>) -> Abbrevs {
        let mut titles: Vec<&'static str> = UNIVERSAL_TITLES.to_vec();
        let mut general: FxSet<&'static str> = UNIVERSAL_GENERAL.iter().copied().collect();
        let (t, g): (&[&'static str], &[&'static str]) = match lang {
            Some(Language::English) => (EN_TITLES, EN_GENERAL),
            Some(Language::German) => (DE_TITLES, DE_GENERAL),
            Some(Language::French) => (FR_TITLES, FR_GENERAL),
            Some(Language::Spanish) => (ES_TITLES, ES_GENERAL),
            Some(Language::Italian) => (IT_TITLES, IT_GENERAL),
            Some(Language::Portuguese) => (PT_TITLES, PT_GENERAL),
            Some(Language::Dutch) => (NL_TITLES, NL_GENERAL),
            Some(Language::Russian) => (RU_TITLES, RU_GENERAL),
            Some(Language::Danish | Language::Norwegian | Language::Swedish) => (&[], NORDIC_GENERAL),
            Some(Language::Finnish) => (&[], FI_GENERAL),
            Some(Language::Hungarian) => (&[], HU_GENERAL),
            Some(Language::Turkish) => (&[], TR_GENERAL),
            Some(Language::Romanian) => (&[], RO_GENERAL),
            Some(Language::Greek) => (&[], EL_GENERAL),
            Some(Language::Arabic | Language::Tamil) => (&[], &[]),
            None => {
                // Unknown language: every title list (titles precede names in any
                // language), but only the general entries that cannot be an
                // ordinary lower-case word of another language ("out" is Portuguese
                // for October but an English word).
                for list in [EN_TITLES, DE_TITLES, FR_TITLES, ES_TITLES, IT_TITLES, PT_TITLES, NL_TITLES, RU_TITLES] {
                    titles.extend(list.iter().copied().filter(|w| w.chars().next().is_some_and(char::is_uppercase)));
                }
                general.extend(EN_GENERAL.iter().copied());
                for list in [DE_GENERAL, FR_GENERAL, ES_GENERAL, IT_GENERAL, PT_GENERAL, NL_GENERAL, RU_GENERAL] {
                    general.extend(
                        list.iter()
                            .copied()
                            .filter(|w| w.contains('.') || w.chars().next().is_some_and(char::is_uppercase)),
                    );
                }
                (&[], &[])
            }
        };
        titles.extend(t.iter().copied());
        general.extend(g.iter().copied());
        // A title may open a sentence: "Проф. Иванов", "Dhr. Jansen".
        let titles: FxSet<Box<str>> = titles
            .iter()
            .flat_map(|&w| {
                let mut cs = w.chars();
                let cap: Option<String> = match cs.next() {
                    Some(c) if c.is_lowercase() => Some(c.to_uppercase().chain(cs).collect()),
                    _ => None,
                };
                std::iter::once(Box::<str>::from(w)).chain(cap.map(String::into_boxed_str))
            })
            .collect();
        let ordinal_dots = matches!(
            lang,
            Some(
                Language::German
                    | Language::Danish
                    | Language::Norwegian
                    | Language::Finnish
                    | Language::Hungarian
                    | Language::Turkish
            )
        );
        Abbrevs { titles, general, ordinal_dots }
    }

    /// `word` (without its final period) is a title: never sentence-final
    /// before a capitalised word.
    #[inline]
    pub(crate) fn is_title(&self, word: &str) -> bool {
        self.titles.contains(word)
    }

    /// `word` is a general abbreviation (may end a sentence).
    #[inline]
    pub(crate) fn is_general(&self, word: &str) -> bool {
        self.general.contains(word)
    }

    /// `word` usually closes an enumeration ("etc", "usw").
    #[inline]
    pub(crate) fn is_final(&self, word: &str) -> bool {
        FINAL.contains(&word)
    }

    /// `word` is any known abbreviation.
    #[inline]
    pub(crate) fn is_known(&self, word: &str) -> bool {
        self.is_title(word) || self.is_general(word)
    }
}

/// Is `word` a verb of saying (any of the languages with lists)?
pub(crate) fn is_speech_verb(word: &str) -> bool {
    SPEECH_VERBS.contains(&word)
}

/// Extra (non-stopword) sentence openers for `lang`, lower-case.
pub(crate) fn is_extra_starter(lang: Option<Language>, lower: &str) -> bool {
    matches!(lang, None | Some(Language::English)) && EXTRA_STARTERS_EN.contains(&lower)
}

/// A dotted acronym or short dotted abbreviation such as "U.S", "a.m",
/// "Ph.D", "z.B": at least one inner period, every part one or two letters.
pub(crate) fn is_dotted_acronym(word: &str) -> bool {
    if !word.contains('.') {
        return false;
    }
    word.split('.').all(|part| {
        let n = part.chars().count();
        (1..=2).contains(&n) && part.chars().all(char::is_alphabetic)
    })
}
