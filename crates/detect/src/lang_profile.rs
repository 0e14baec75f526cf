//! Cheap per-language evidence that complements whatlang's trigrams: a single
//! pass over the text that counts letters, digits, scripts and sentence ends,
//! looks every short word up in per-language function-word lists, and notes
//! the distinctive letters (å, ø, ß, ñ, ã, ő, ș, ı, і, ы, پ, ے, …).
//!
//! Function words are the most frequent and the most language-specific
//! tokens of running text, so a handful of them separates the close pairs
//! that trigram profiles confuse (dan/nob/swe, spa/por, nld/deu, rus/ukr,
//! ara/pes/urd). The lists were written by hand from grammar knowledge;
//! nothing here is trained on the evaluation texts.

use std::sync::LazyLock;

use whatlang::Lang;

/// The languages that have a function-word profile, in bit order.
pub(crate) const PROFILED: [Lang; 19] = [
    Lang::Eng,
    Lang::Deu,
    Lang::Fra,
    Lang::Spa,
    Lang::Por,
    Lang::Ita,
    Lang::Nld,
    Lang::Dan,
    Lang::Nob,
    Lang::Swe,
    Lang::Fin,
    Lang::Hun,
    Lang::Ron,
    Lang::Tur,
    Lang::Rus,
    Lang::Ukr,
    Lang::Ara,
    Lang::Pes,
    Lang::Urd,
];

/// Number of profiled languages (bits used in a language mask).
pub(crate) const NPROF: usize = PROFILED.len();

/// Index of `lang` in [`PROFILED`].
pub(crate) fn profile_index(lang: Lang) -> Option<usize> {
    PROFILED.iter().position(|&l| l == lang)
}

#[rustfmt::skip]
const ENG: &[&str] = &[
    "the", "of", "and", "to", "in", "is", "that", "for", "it", "as", "was", "with", "be", "by", "on", "not", "he",
    "this", "are", "or", "his", "from", "at", "which", "but", "have", "an", "they", "you", "were", "her", "she",
    "there", "been", "their", "has", "would", "will", "what", "all", "if", "can", "when", "so", "no", "said", "who",
    "more", "about", "up", "its", "out", "them", "than", "into", "only", "other", "could", "these", "after", "we",
    "our", "also", "did", "because", "over", "those", "while", "where", "should", "just", "how", "any", "some",
    "such", "being", "do", "does", "then", "through", "until", "against", "between", "under", "before", "during",
    "without", "within", "says", "had", "him", "my", "your", "its", "off", "down", "very", "though", "although",
    "whether", "since", "across", "around", "among", "both", "each", "most", "many", "much", "yet", "again",
];

#[rustfmt::skip]
const DEU: &[&str] = &[
    "der", "die", "das", "und", "in", "den", "von", "zu", "mit", "ist", "des", "sich", "dem", "nicht", "ein",
    "eine", "als", "auch", "es", "an", "auf", "für", "er", "sie", "so", "dass", "daß", "wie", "bei", "oder", "um",
    "aus", "nach", "noch", "wird", "werden", "wurde", "wurden", "hat", "haben", "hatte", "hatten", "sind", "war",
    "waren", "einem", "einer", "eines", "einen", "im", "vom", "zum", "zur", "über", "unter", "vor", "durch",
    "gegen", "ohne", "seit", "aber", "wenn", "weil", "doch", "nur", "schon", "mehr", "sehr", "ich", "wir", "ihr",
    "ihre", "ihren", "ihrem", "sein", "seine", "seinen", "seinem", "dieser", "diese", "dieses", "diesem", "diesen",
    "kann", "können", "muss", "müssen", "soll", "sollen", "man", "kein", "keine", "keinen", "bis", "am", "beim",
    "ins", "zwischen", "während", "nachdem", "obwohl", "damit", "denn", "habe", "sei", "seien", "worden", "ob",
    "dann", "hier", "dort", "jedoch", "bereits", "einen", "allem", "alle", "allen", "laut",
];

#[rustfmt::skip]
const FRA: &[&str] = &[
    "le", "la", "les", "de", "des", "du", "un", "une", "et", "en", "à", "au", "aux", "est", "sont", "que", "qui",
    "a", "dans", "pour", "par", "sur", "avec", "ne", "pas", "plus", "il", "elle", "ils", "elles", "ce", "cette",
    "ces", "son", "sa", "ses", "leur", "leurs", "nous", "vous", "je", "on", "été", "était", "étaient", "ont",
    "mais", "ou", "où", "comme", "aussi", "tout", "tous", "toute", "très", "sans", "sous", "entre", "depuis",
    "après", "avant", "selon", "lors", "dont", "se", "qu", "d", "l", "n", "c", "j", "s", "avait", "avaient", "sera",
    "seront", "fait", "peut", "doit", "encore", "déjà", "alors", "ainsi", "donc", "car", "chez", "vers", "contre",
    "pendant", "lui", "même", "cet", "quand", "si", "y", "notre", "votre", "nos", "vos", "celui", "celle",
];

#[rustfmt::skip]
const SPA: &[&str] = &[
    "el", "la", "los", "las", "de", "del", "y", "en", "que", "es", "un", "una", "unos", "unas", "por", "para",
    "con", "no", "se", "su", "sus", "al", "lo", "como", "más", "pero", "le", "les", "ya", "o", "fue", "ha", "han",
    "había", "habían", "son", "está", "están", "entre", "cuando", "muy", "sin", "sobre", "también", "me", "hasta",
    "hay", "donde", "desde", "todo", "todos", "todas", "nos", "durante", "ni", "contra", "otros", "otras", "otro",
    "otra", "ese", "esa", "eso", "esos", "esas", "ante", "ellos", "ellas", "esto", "este", "esta", "estos", "estas",
    "él", "ella", "tras", "según", "aunque", "porque", "sido", "ser", "estar", "era", "eran", "será", "puede",
    "pueden", "mientras", "hace", "cada", "sólo", "solo", "tiene", "tienen", "dijo", "aún", "todavía", "después",
    "antes", "además", "así", "sino", "qué", "cuál", "quien", "quienes",
];

#[rustfmt::skip]
const POR: &[&str] = &[
    "o", "a", "os", "as", "de", "do", "da", "dos", "das", "e", "em", "no", "na", "nos", "nas", "um", "uma", "uns",
    "umas", "que", "é", "para", "com", "não", "se", "por", "pelo", "pela", "pelos", "pelas", "mais", "como", "mas",
    "ao", "aos", "à", "às", "foi", "ser", "são", "está", "estão", "tem", "têm", "já", "também", "seu", "sua",
    "seus", "suas", "ou", "quando", "muito", "nem", "sem", "entre", "depois", "até", "isso", "este", "esta", "esse",
    "essa", "ele", "ela", "eles", "elas", "há", "num", "numa", "onde", "segundo", "sobre", "ainda", "lhe", "lhes",
    "havia", "foram", "após", "dum", "duma", "neste", "nesta", "nesse", "nessa", "deste", "desta", "desse", "dessa",
    "porque", "pode", "podem", "tinha", "tinham", "será", "vai", "vão", "estava", "contra", "durante", "desde",
    "antes", "embora", "enquanto", "cada", "disse", "só",
];

#[rustfmt::skip]
const ITA: &[&str] = &[
    "il", "lo", "la", "i", "gli", "le", "di", "del", "dello", "della", "dei", "degli", "delle", "a", "al", "allo",
    "alla", "ai", "agli", "alle", "da", "dal", "dalla", "dai", "dalle", "in", "nel", "nello", "nella", "nei",
    "negli", "nelle", "su", "sul", "sulla", "sui", "con", "per", "tra", "fra", "e", "ed", "è", "che", "non", "un",
    "uno", "una", "si", "sono", "ha", "hanno", "anche", "come", "ma", "più", "o", "se", "ci", "ne", "questo",
    "questa", "questi", "queste", "quello", "quella", "quelli", "essere", "stato", "stata", "stati", "loro", "suo",
    "sua", "suoi", "sue", "dopo", "già", "ancora", "quando", "perché", "molto", "cui", "poi", "senza", "secondo",
    "l", "all", "dell", "nell", "sull", "dall", "era", "erano", "sarà", "essere", "aveva", "avevano", "può",
    "possono", "mentre", "durante", "contro", "verso", "presso", "sempre", "ogni",
];

#[rustfmt::skip]
const NLD: &[&str] = &[
    "de", "het", "een", "en", "van", "in", "is", "dat", "op", "te", "zijn", "voor", "met", "die", "niet", "aan",
    "er", "om", "ook", "als", "bij", "of", "door", "maar", "naar", "dan", "nog", "wel", "geen", "was", "werd",
    "werden", "worden", "wordt", "heeft", "hebben", "had", "hadden", "zij", "ze", "hij", "wij", "we", "jij", "je",
    "ik", "dit", "deze", "tot", "uit", "over", "na", "zo", "al", "kan", "kunnen", "moet", "moeten", "zou", "zouden",
    "zal", "zullen", "hun", "haar", "zich", "wat", "wie", "waar", "toen", "omdat", "tegen", "onder", "sinds",
    "tijdens", "volgens", "nu", "hier", "daar", "meer", "veel", "echter", "alleen", "nog", "welke", "wordt",
    "waren", "zei", "zegt", "hen", "ons", "onze", "mijn", "uw", "binnen", "zonder", "tussen", "vanaf", "af",
];

#[rustfmt::skip]
const DAN: &[&str] = &[
    "og", "i", "at", "det", "en", "et", "den", "til", "er", "som", "på", "de", "med", "han", "af", "for", "ikke",
    "to", "der", "var", "mig", "sig", "men", "har", "om", "vi", "min", "havde", "ham", "hun", "nu", "over", "da",
    "fra", "du", "ud", "sin", "dem", "os", "op", "man", "hans", "hvor", "eller", "hvad", "skal", "selv", "her",
    "alle", "vil", "blev", "kunne", "ind", "når", "være", "noget", "ville", "jo", "deres", "efter", "ned", "skulle",
    "denne", "end", "dette", "mit", "også", "under", "have", "dig", "hende", "alt", "meget", "sit", "sine", "mod",
    "disse", "hvis", "nogle", "hos", "blive", "mange", "bliver", "hendes", "været", "jer", "sådan", "igen",
    "ifølge", "mellem", "siden", "endnu", "hvorfor", "nogen", "mere", "ingen", "både", "uden", "kun", "fordi",
    "før", "hvordan", "stadig", "ved", "samt", "gennem", "blandt", "vores", "hvilket", "hvem", "så", "kan",
];

#[rustfmt::skip]
const NOB: &[&str] = &[
    "og", "i", "det", "at", "en", "et", "den", "til", "er", "som", "på", "de", "med", "han", "av", "ikke", "der",
    "to", "så", "var", "meg", "seg", "men", "har", "om", "vi", "min", "mitt", "hadde", "hun", "nå", "over", "da",
    "ved", "fra", "du", "ut", "sin", "dem", "oss", "opp", "man", "kan", "hans", "hvor", "eller", "hva", "skal",
    "selv", "her", "alle", "vil", "bli", "ble", "blitt", "kunne", "inn", "når", "være", "noen", "noe", "ville",
    "dere", "deres", "etter", "ned", "skulle", "denne", "for", "deg", "sine", "sitt", "mot", "å", "mye", "hvorfor",
    "dette", "disse", "uten", "hvordan", "ingen", "blir", "mellom", "hver", "hvem", "hvis", "både", "bare", "enn",
    "fordi", "før", "mange", "også", "slik", "vært", "siden", "igjen", "ifølge", "fortsatt", "enda", "mer", "ennå",
    "gjennom", "blant", "våre", "vår", "under", "sier", "sa",
];

#[rustfmt::skip]
const SWE: &[&str] = &[
    "och", "det", "att", "i", "en", "jag", "hon", "som", "han", "på", "den", "med", "var", "sig", "för", "så",
    "till", "är", "men", "ett", "om", "hade", "de", "av", "inte", "mig", "du", "henne", "då", "sin", "nu", "har",
    "mot", "under", "efter", "honom", "skulle", "hennes", "där", "min", "man", "vid", "kunde", "något", "från",
    "ut", "när", "inom", "upp", "vi", "dem", "vara", "vad", "över", "än", "dig", "kan", "sina", "här", "ha", "alla",
    "blev", "bli", "blir", "blivit", "varit", "hur", "dessa", "deras", "sådan", "vilken", "någon", "några", "sedan",
    "också", "enligt", "mellan", "ännu", "fortfarande", "igen", "eller", "ska", "kommer", "mycket", "många", "utan",
    "bara", "hos", "detta", "denna", "vår", "sitt", "eftersom", "även", "genom", "bland", "säger", "sade", "sa",
    "redan", "samt", "både", "vilket", "innan", "hade",
];

#[rustfmt::skip]
const FIN: &[&str] = &[
    "ja", "on", "ei", "se", "että", "oli", "ovat", "olla", "hän", "he", "me", "te", "minä", "sinä", "joka", "jotka",
    "mutta", "tai", "kun", "jos", "niin", "myös", "kuin", "vain", "nyt", "sitten", "jo", "vielä", "sen", "sitä",
    "siitä", "siinä", "tämä", "tämän", "tätä", "nämä", "ne", "niiden", "hänen", "heidän", "mukaan", "kanssa",
    "jälkeen", "ennen", "aikana", "sekä", "eli", "mitä", "mikä", "miksi", "koska", "vaikka", "yli", "noin", "ollut",
    "olivat", "olisi", "ole", "eivät", "jonka", "joita", "joiden", "mukaan", "vuonna", "hänet", "siis", "kaikki",
    "paljon", "enää", "yhä", "aina", "täällä", "siellä", "ettei", "kuitenkin", "jälleen",
];

#[rustfmt::skip]
const HUN: &[&str] = &[
    "a", "az", "és", "hogy", "nem", "is", "egy", "meg", "ki", "be", "el", "le", "fel", "van", "volt", "lesz",
    "vagy", "de", "ha", "csak", "már", "még", "mint", "mert", "pedig", "azt", "ez", "ezt", "azok", "ezek", "amely",
    "amelyek", "aki", "akik", "ami", "amit", "után", "alatt", "között", "előtt", "szerint", "óta", "miatt",
    "nagyon", "sem", "minden", "más", "lett", "kell", "lehet", "volna", "így", "úgy", "ahol", "amikor", "mely",
    "valamint", "illetve", "során", "vele", "neki", "őket", "ő", "azonban", "amelyet", "ahogy", "most", "sok",
    "több", "mind", "ezért", "akkor", "egyik", "nincs", "vannak", "voltak", "azért", "hanem", "mégis",
];

#[rustfmt::skip]
const RON: &[&str] = &[
    "și", "în", "de", "la", "cu", "pe", "a", "al", "ale", "ai", "un", "o", "unui", "unei", "din", "care", "că",
    "să", "nu", "se", "este", "sunt", "era", "erau", "au", "fost", "fi", "mai", "dar", "sau", "ca", "iar", "pentru",
    "prin", "după", "despre", "între", "până", "către", "fără", "acest", "această", "aceasta", "acesta", "aceste",
    "acești", "el", "ea", "ei", "ele", "lui", "lor", "le", "îi", "îl", "își", "cel", "cea", "cei", "cele", "foarte",
    "doar", "deja", "încă", "când", "unde", "cum", "ce", "cine", "dacă", "potrivit", "am", "ar", "va", "vor",
    "fiind", "acum", "toate", "toți", "tot", "avea", "avut", "ceea", "deși", "însă",
];

#[rustfmt::skip]
const TUR: &[&str] = &[
    "ve", "bir", "bu", "da", "de", "için", "ile", "ne", "o", "çok", "daha", "gibi", "ama", "ancak", "en", "kadar",
    "sonra", "önce", "olan", "olarak", "değil", "var", "yok", "mi", "mı", "mu", "mü", "ki", "her", "şu", "ya",
    "veya", "hem", "diye", "göre", "karşı", "üzerinde", "arasında", "tarafından", "olduğu", "olduğunu", "bin",
    "iki", "yeni", "bunu", "bunun", "ise", "dedi", "etti", "oldu", "sadece", "hiç", "biz", "siz", "onlar", "ben",
    "sen", "onun", "bunlar", "şey", "nasıl", "neden", "yani", "çünkü", "hâlâ", "halen", "artık", "yine", "bile",
    "fakat", "ayrıca", "ardından", "boyunca", "itibaren", "beri", "üzere", "edildi",
];

#[rustfmt::skip]
const RUS: &[&str] = &[
    "и", "в", "не", "на", "что", "с", "по", "к", "а", "из", "за", "от", "до", "о", "об", "у", "для", "как", "это",
    "так", "но", "или", "же", "бы", "ли", "уже", "только", "ещё", "еще", "его", "её", "ее", "их", "он", "она",
    "они", "оно", "мы", "вы", "я", "был", "была", "было", "были", "быть", "будет", "есть", "этот", "эта", "эти",
    "этого", "того", "также", "который", "которая", "которые", "которых", "которой", "после", "при", "между",
    "через", "без", "под", "над", "чем", "когда", "где", "если", "чтобы", "даже", "всё", "все", "всех", "нет", "ни",
    "года", "году", "во", "со", "ко", "её", "том", "этом", "ему", "ей", "им", "них", "себя", "свои", "своих",
    "пока", "более", "около", "сейчас", "однако", "почему", "сообщил",
];

#[rustfmt::skip]
const UKR: &[&str] = &[
    "і", "й", "в", "у", "не", "на", "що", "з", "із", "зі", "по", "до", "від", "про", "для", "як", "це", "так",
    "але", "або", "чи", "вже", "тільки", "лише", "ще", "його", "її", "їх", "він", "вона", "вони", "воно", "ми",
    "ви", "я", "був", "була", "було", "були", "бути", "буде", "є", "цей", "ця", "ці", "цього", "також", "який",
    "яка", "які", "яких", "якої", "після", "при", "між", "через", "без", "під", "над", "ніж", "коли", "де", "якщо",
    "щоб", "навіть", "все", "всі", "усі", "та", "за", "а", "о", "б", "би", "ж", "же", "ні", "немає", "року", "році",
    "їхні", "їм", "йому", "ним", "себе", "свої", "своїх", "поки", "понад", "близько", "зараз", "однак", "чому",
    "повідомив", "досі",
];

#[rustfmt::skip]
const ARA: &[&str] = &[
    "في", "من", "على", "إلى", "الى", "عن", "أن", "ان", "إن", "أو", "هذا", "هذه", "ذلك", "تلك", "التي", "الذي",
    "الذين", "كان", "كانت", "قد", "لا", "لم", "لن", "ما", "مع", "بين", "بعد", "قبل", "حتى", "عند", "كل", "أي", "هو",
    "هي", "هم", "نحن", "أنه", "إنه", "وقال", "قال", "وقد", "كما", "أيضا", "منذ", "خلال", "حيث", "لكن", "غير", "ثم",
    "وفي", "ومن", "وأن", "التى", "إلا", "عليه", "فيه", "به", "بها", "فيها", "عليها", "لها", "له", "أنها", "الآن",
    "يكون", "تكون", "ولا", "وهو", "وهي", "لدى", "نحو", "دون",
];

#[rustfmt::skip]
const PES: &[&str] = &[
    "و", "در", "به", "از", "که", "را", "این", "آن", "با", "است", "برای", "تا", "بر", "هم", "نیز", "یک", "می", "شد",
    "شده", "کرد", "کرده", "کند", "شود", "های", "ها", "خود", "او", "ما", "آنها", "بود", "باشد", "اما", "یا", "اگر",
    "پس", "هر", "چه", "چون", "وی", "دارد", "بین", "پیش", "گفت", "هیچ", "هنوز", "بسیار", "بیش", "دیگر", "کنند",
    "شوند", "بودند", "اند", "ای", "همه", "باید", "نمی", "چنین", "اینکه", "درباره", "آنکه",
];

#[rustfmt::skip]
const URD: &[&str] = &[
    "کے", "کی", "کا", "میں", "ہے", "ہیں", "نے", "کو", "سے", "اور", "پر", "یہ", "وہ", "کہ", "تھا", "تھی", "تھے",
    "ہو", "گا", "گی", "بھی", "ایک", "لیے", "لئے", "کر", "جو", "اس", "ان", "نہیں", "تک", "گئے", "گیا", "گئی", "رہا",
    "رہی", "رہے", "ہوا", "ہوئی", "ہوئے", "کیا", "کرنے", "والے", "والی", "جب", "اب", "کچھ", "بہت", "اپنے", "اپنی",
];

const LISTS: [&[&str]; NPROF] =
    [ENG, DEU, FRA, SPA, POR, ITA, NLD, DAN, NOB, SWE, FIN, HUN, RON, TUR, RUS, UKR, ARA, PES, URD];

/// Function word → mask of profiled languages (bit i = `PROFILED[i]`), in
/// an open-addressing table keyed by the word's bytes packed into two
/// integers: a lookup is a multiply, a shift and a compare or two, with no
/// hashing loop and no string comparison, and most words that are not in
/// it are turned away by a 4 KiB bit filter without touching the table.
/// The arrays have fixed sizes, so a masked index needs no bounds check.
struct FunctionWords {
    /// Bytes 0..8 and 8..16 packed little-endian, zero padded (words have
    /// no NUL, so the pair determines the word); (0, 0) marks an empty slot.
    keys: Box<[(u64, u64); 1 << TABLE_BITS]>,
    /// The word's languages and how many they are.
    masks: Box<[(u32, u32); 1 << TABLE_BITS]>,
    /// One bit per filter slot that some word hashes to.
    filter: Box<[u64; (1 << FILTER_BITS) / 64]>,
    /// Words longer than 16 bytes (a handful), compared as strings.
    long: Vec<(&'static str, u32)>,
}

/// Slots of the table (a power of two, about three times the words).
const TABLE_BITS: u32 = 12;
/// Bits of the filter (1 in 20 unknown words gets through).
const FILTER_BITS: u32 = 15;

impl FunctionWords {
    fn new() -> FunctionWords {
        let mut table = FunctionWords {
            keys: Box::new([(0, 0); 1 << TABLE_BITS]),
            masks: Box::new([(0, 0); 1 << TABLE_BITS]),
            filter: Box::new([0; (1 << FILTER_BITS) / 64]),
            long: Vec::new(),
        };
        for (i, list) in LISTS.iter().enumerate() {
            for w in list.iter() {
                *table.slot_mut(w) |= 1 << i;
            }
        }
        for m in table.masks.iter_mut() {
            m.1 = m.0.count_ones();
        }
        table
    }

    /// The mask to update for `w`, inserting it when new.
    fn slot_mut(&mut self, w: &'static str) -> &mut u32 {
        let Some(key) = pack(w.as_bytes()) else {
            let at = match self.long.iter().position(|(l, _)| *l == w) {
                Some(at) => at,
                None => {
                    self.long.push((w, 0));
                    self.long.len() - 1
                }
            };
            return &mut self.long[at].1;
        };
        let h = hash(key);
        let bit = filter_bit(h);
        self.filter[bit / 64] |= 1 << (bit % 64);
        let mut at = slot(h);
        while self.keys[at] != (0, 0) && self.keys[at] != key {
            at = (at + 1) & ((1 << TABLE_BITS) - 1);
        }
        self.keys[at] = key;
        &mut self.masks[at].0
    }

    fn get(&self, w: &str) -> Option<u32> {
        self.get_bytes(w.as_bytes())
    }

    fn get_bytes(&self, w: &[u8]) -> Option<u32> {
        match pack(w) {
            Some(key) => self.get_packed(key).map(|(m, _)| m),
            None => self.long.iter().find(|(l, _)| l.as_bytes() == w).map(|&(_, m)| m),
        }
    }

    /// For a word of at most 16 bytes, as [`pack`] gives it: its languages
    /// and how many they are.
    #[inline(always)]
    fn get_packed(&self, key: (u64, u64)) -> Option<(u32, u32)> {
        let h = hash(key);
        let bit = filter_bit(h);
        if self.filter[bit / 64] & (1 << (bit % 64)) == 0 {
            return None;
        }
        let mut at = slot(h);
        loop {
            let k = self.keys[at];
            if k == key {
                return Some(self.masks[at]);
            }
            if k == (0, 0) {
                return None;
            }
            at = (at + 1) & ((1 << TABLE_BITS) - 1);
        }
    }
}

/// A non-empty word of at most 16 bytes without NUL (the padding) as
/// (bytes 0..8, bytes 8..16).
fn pack(w: &[u8]) -> Option<(u64, u64)> {
    let n = w.len();
    if n == 0 || n > 16 || w.contains(&0) {
        return None;
    }
    let word = |b: &[u8]| b.try_into().map_or(0, u64::from_le_bytes);
    Some(if n >= 8 {
        // the last 8 bytes, shifted so that byte 8 comes first
        let tail = if n > 8 { word(&w[n - 8..]) >> (8 * (16 - n)) } else { 0 };
        (word(&w[..8]), tail)
    } else {
        (w.iter().rev().fold(0u64, |a, &b| (a << 8) | u64::from(b)), 0)
    })
}

fn hash(key: (u64, u64)) -> u64 {
    (key.0 ^ key.1.rotate_left(23)).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

fn slot(h: u64) -> usize {
    (h >> (64 - TABLE_BITS)) as usize
}

fn filter_bit(h: u64) -> usize {
    ((h >> (64 - TABLE_BITS - FILTER_BITS)) & ((1 << FILTER_BITS) - 1)) as usize
}

static WORDS: LazyLock<FunctionWords> = LazyLock::new(FunctionWords::new);

/// The longest function word, in bytes: longer words are not looked up.
const MAX_WORD_BYTES: usize = {
    let mut max = 0;
    let mut i = 0;
    while i < LISTS.len() {
        let mut j = 0;
        while j < LISTS[i].len() {
            if LISTS[i][j].len() > max {
                max = LISTS[i][j].len();
            }
            j += 1;
        }
        i += 1;
    }
    max
};

/// Classes of ASCII bytes for [`Profile::scan`] (as `char`'s `is_alphabetic`,
/// `is_numeric`, `is_whitespace` and the sentence punctuation say).
const OTHER: u8 = 0;
const LETTER: u8 = 1;
const DIGIT: u8 = 4;
const SPACE: u8 = 5;
/// Sentence-final punctuation.
const FINAL: u8 = 6;
/// Closing quotes and brackets, which may follow the final punctuation.
const CLOSER: u8 = 7;

static ASCII_CLASS: [u8; 128] = {
    let mut t = [OTHER; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = match b as u8 {
            b'a'..=b'z' | b'A'..=b'Z' => LETTER,
            b'0'..=b'9' => DIGIT,
            b' ' | b'\t'..=b'\r' => SPACE,
            b'.' | b'!' | b'?' => FINAL,
            b'"' | b'\'' | b')' => CLOSER,
            _ => OTHER,
        };
        b += 1;
    }
    t
};

const fn bits(langs: &[usize]) -> u32 {
    let mut m = 0u32;
    let mut i = 0;
    while i < langs.len() {
        m |= 1 << langs[i];
        i += 1;
    }
    m
}

// Bit positions, named for readability of the letter table.
const EN: usize = 0;
const DE: usize = 1;
const FR: usize = 2;
const ES: usize = 3;
const PT: usize = 4;
const IT: usize = 5;
const NL: usize = 6;
const DA: usize = 7;
const NB: usize = 8;
const SV: usize = 9;
const FI: usize = 10;
const HU: usize = 11;
const RO: usize = 12;
const TR: usize = 13;
const RU: usize = 14;
const UK: usize = 15;
const AR: usize = 16;
const FA: usize = 17;
const UR: usize = 18;

/// Distinctive letters (lower case) and the profiled languages whose
/// ordinary spelling uses them. A letter seen in the text supports these
/// languages and counts against the other profiled languages of its script.
const LETTERS: &[(char, u32)] = &[
    ('à', bits(&[FR, PT, IT])),
    ('á', bits(&[ES, PT, HU])),
    ('â', bits(&[FR, PT, RO, TR])),
    ('ã', bits(&[PT])),
    ('ä', bits(&[DE, SV, FI])),
    ('å', bits(&[DA, NB, SV])),
    ('æ', bits(&[DA, NB])),
    ('ç', bits(&[FR, PT, TR])),
    ('è', bits(&[FR, IT])),
    ('é', bits(&[FR, ES, PT, IT, HU, NL, DA, NB, SV])),
    ('ê', bits(&[FR, PT])),
    ('ë', bits(&[FR, NL])),
    ('ì', bits(&[IT])),
    ('í', bits(&[ES, PT, HU])),
    ('î', bits(&[FR, RO])),
    ('ï', bits(&[FR, NL])),
    ('ñ', bits(&[ES])),
    ('ò', bits(&[IT])),
    ('ó', bits(&[ES, PT, HU])),
    ('ô', bits(&[FR, PT])),
    ('õ', bits(&[PT])),
    ('ö', bits(&[DE, SV, FI, HU, TR])),
    ('ø', bits(&[DA, NB])),
    ('ù', bits(&[FR, IT])),
    ('ú', bits(&[ES, PT, HU])),
    ('û', bits(&[FR, TR])),
    ('ü', bits(&[DE, ES, HU, TR])),
    ('ß', bits(&[DE])),
    ('ă', bits(&[RO])),
    ('ğ', bits(&[TR])),
    ('ı', bits(&[TR])),
    ('ő', bits(&[HU])),
    ('œ', bits(&[FR])),
    ('ş', bits(&[TR, RO])),
    ('ș', bits(&[RO])),
    ('ţ', bits(&[RO])),
    ('ț', bits(&[RO])),
    ('ű', bits(&[HU])),
    ('ё', bits(&[RU])),
    ('ъ', bits(&[RU])),
    ('ы', bits(&[RU])),
    ('э', bits(&[RU])),
    ('є', bits(&[UK])),
    ('і', bits(&[UK])),
    ('ї', bits(&[UK])),
    ('ґ', bits(&[UK])),
    ('ة', bits(&[AR])),
    ('ى', bits(&[AR])),
    ('ي', bits(&[AR])),
    ('ك', bits(&[AR])),
    ('پ', bits(&[FA, UR])),
    ('چ', bits(&[FA, UR])),
    ('ژ', bits(&[FA, UR])),
    ('گ', bits(&[FA, UR])),
    ('ک', bits(&[FA, UR])),
    ('ی', bits(&[FA, UR])),
    ('ٹ', bits(&[UR])),
    ('ڈ', bits(&[UR])),
    ('ڑ', bits(&[UR])),
    ('ں', bits(&[UR])),
    ('ھ', bits(&[UR])),
    ('ہ', bits(&[UR])),
    ('ے', bits(&[UR])),
];

/// `LETTERS` sorted by letter, with upper-case forms, for binary search.
static LETTER_INDEX: LazyLock<Vec<(char, u8)>> = LazyLock::new(|| {
    let mut v: Vec<(char, u8)> = Vec::with_capacity(LETTERS.len() * 2);
    for (i, &(c, _)) in LETTERS.iter().enumerate() {
        v.push((c, i as u8));
        for u in c.to_uppercase() {
            if u != c {
                v.push((u, i as u8));
            }
        }
    }
    v.sort_unstable();
    v.dedup_by_key(|e| e.0);
    v
});

fn letter_index(c: char) -> Option<usize> {
    LETTER_INDEX.binary_search_by_key(&c, |e| e.0).ok().map(|i| LETTER_INDEX[i].1 as usize)
}

/// Profiled languages per script group, for the "counts against" part of
/// the letter evidence.
pub(crate) const LATIN_LANGS: u32 = bits(&[EN, DE, FR, ES, PT, IT, NL, DA, NB, SV, FI, HU, RO, TR]);
pub(crate) const CYRILLIC_LANGS: u32 = bits(&[RU, UK]);
pub(crate) const ARABIC_LANGS: u32 = bits(&[AR, FA, UR]);

/// Coarse script buckets, enough to notice a script change between a
/// document and one of its paragraphs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Bucket {
    Latin = 0,
    Cyrillic,
    Greek,
    Arabic,
    Hebrew,
    Devanagari,
    Cjk,
    Hangul,
    Other,
}

const NBUCKETS: usize = 9;
const BUCKETS: [Bucket; NBUCKETS] = [
    Bucket::Latin,
    Bucket::Cyrillic,
    Bucket::Greek,
    Bucket::Arabic,
    Bucket::Hebrew,
    Bucket::Devanagari,
    Bucket::Cjk,
    Bucket::Hangul,
    Bucket::Other,
];

fn bucket(c: char) -> Bucket {
    match c as u32 {
        0..=0x024F | 0x1E00..=0x1EFF => Bucket::Latin,
        0x0370..=0x03FF | 0x1F00..=0x1FFF => Bucket::Greek,
        0x0400..=0x052F => Bucket::Cyrillic,
        0x0590..=0x05FF => Bucket::Hebrew,
        0x0600..=0x06FF | 0x0750..=0x077F | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => Bucket::Arabic,
        0x0900..=0x097F => Bucket::Devanagari,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF => Bucket::Cjk,
        0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF => Bucket::Hangul,
        _ => Bucket::Other,
    }
}

/// What one pass over a text found.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Profile {
    /// Alphabetic characters.
    pub letters: usize,
    /// Decimal digits.
    pub digits: usize,
    /// Characters that are neither letters, digits nor white space.
    pub symbols: usize,
    /// Words (runs of letters).
    pub words: usize,
    /// Sentence-final punctuation followed by space or end of text.
    pub sentence_ends: usize,
    /// Letters per script bucket.
    pub scripts: [usize; NBUCKETS],
    /// Function-word hits per profiled language, each hit weighted by one
    /// over the number of allowed languages sharing the word.
    pub words_score: [f32; NPROF],
    /// Function-word tokens seen (any language).
    pub function_words: usize,
    /// Bit i set when `LETTERS[i]` occurs.
    pub letter_marks: u64,
}

impl Profile {
    /// The profile of the empty text.
    pub(crate) fn empty() -> Profile {
        Profile {
            letters: 0,
            digits: 0,
            symbols: 0,
            words: 0,
            sentence_ends: 0,
            scripts: [0; NBUCKETS],
            words_score: [0.0; NPROF],
            function_words: 0,
            letter_marks: 0,
        }
    }

    /// Adds `other` (the profile of a text joined to this one).
    pub(crate) fn absorb(&mut self, other: &Profile) {
        self.letters += other.letters;
        self.digits += other.digits;
        self.symbols += other.symbols;
        self.words += other.words;
        self.sentence_ends += other.sentence_ends;
        for (a, b) in self.scripts.iter_mut().zip(&other.scripts) {
            *a += b;
        }
        for (a, b) in self.words_score.iter_mut().zip(&other.words_score) {
            *a += b;
        }
        self.function_words += other.function_words;
        self.letter_marks |= other.letter_marks;
    }

    /// Scans `text`; `allowed` is the mask of profiled languages in play.
    pub(crate) fn scan(text: &str, allowed: u32) -> Profile {
        let mut p = Profile::empty();
        let words = &*WORDS;
        let bytes = text.as_bytes();
        // The current word: its start, and whether it is all ASCII (then it
        // is looked up packed, straight from the text). A run of ASCII
        // letters followed by an ASCII byte is a whole word, ended at once.
        let mut word: Option<usize> = None;
        let mut ascii = true;
        let mut buf = String::new();
        let mut pending_end = false;
        let mut latin = 0;
        let mut i = 0;
        // ASCII bytes are classified by table; other characters are decoded.
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                let mut class = ASCII_CLASS[usize::from(b)];
                if class == LETTER {
                    if word.is_none() {
                        if let Some(x) = chunk8(bytes, i) {
                            // Fast path: a word of at most 7 ASCII letters
                            // with the byte after it in the same 8 bytes
                            // (most words): packed and ended from this load.
                            let n = letters_in(x);
                            if n < 8 {
                                let next = (x >> (8 * n)) as u8;
                                if next < 0x80 {
                                    latin += n;
                                    pending_end = false;
                                    p.end_short_word(words, x, n, allowed);
                                    i += n;
                                    if next == b' ' {
                                        // (no sentence end is pending after a letter)
                                        i += 1;
                                        continue;
                                    }
                                    class = ASCII_CLASS[usize::from(next)];
                                    match class {
                                        DIGIT => p.digits += 1,
                                        SPACE => {}
                                        FINAL => {
                                            p.symbols += 1;
                                            pending_end = true;
                                        }
                                        _ => p.symbols += 1,
                                    }
                                    i += 1;
                                    continue;
                                }
                            }
                        }
                    }
                    let (start, all_ascii) = match word.take() {
                        Some(start) => (start, ascii),
                        None => (i, true),
                    };
                    let run = i;
                    i = ascii_letters_end(bytes, i);
                    latin += i - run;
                    pending_end = false;
                    // the word ends here unless a non-ASCII character follows
                    match bytes.get(i) {
                        Some(&next) if next < 0x80 => {
                            let n = i - start;
                            if all_ascii && n <= 16 {
                                p.end_ascii_word(words, bytes, start, n, allowed);
                            } else {
                                p.end_word(&text[start..i], all_ascii, &mut buf, allowed);
                            }
                            if next == b' ' {
                                // (no sentence end is pending after a letter)
                                i += 1;
                                continue;
                            }
                            class = ASCII_CLASS[usize::from(next)];
                        }
                        _ => {
                            word = Some(start);
                            ascii = all_ascii;
                            continue;
                        }
                    }
                } else if let Some(start) = word.take() {
                    p.end_word_at(text, start, i, ascii, &mut buf, allowed);
                }
                match class {
                    DIGIT => {
                        p.digits += 1;
                        pending_end = false;
                    }
                    SPACE => {
                        if pending_end {
                            p.sentence_ends += 1;
                            pending_end = false;
                        }
                    }
                    FINAL => {
                        p.symbols += 1;
                        pending_end = true;
                    }
                    CLOSER => p.symbols += 1,
                    _ => {
                        p.symbols += 1;
                        pending_end = false;
                    }
                }
                i += 1;
                continue;
            }
            let Some(c) = text.get(i..).and_then(|r| r.chars().next()) else {
                break;
            };
            let at = i;
            i += c.len_utf8();
            if matches!(c, '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}') {
                // General Punctuation (dashes, quotes, …): no letter, mark,
                // digit or space, so no Unicode table needs asking
                if let Some(start) = word.take() {
                    p.end_word_at(text, start, at, ascii, &mut buf, allowed);
                }
                p.symbols += 1;
                if c == '…' {
                    pending_end = true;
                } else if !matches!(c, '”' | '’') {
                    pending_end = false;
                }
                continue;
            }
            if c.is_alphabetic() {
                p.letters += 1;
                p.scripts[bucket(c) as usize] += 1;
                if let Some(k) = letter_index(c) {
                    p.letter_marks |= 1 << k;
                }
                if word.is_none() {
                    word = Some(at);
                }
                ascii = false;
                pending_end = false;
                continue;
            }
            // Combining marks (Devanagari vowel signs, Arabic harakat) stay in the word.
            if is_mark(c) {
                ascii = false;
                continue;
            }
            if let Some(start) = word.take() {
                p.end_word_at(text, start, at, ascii, &mut buf, allowed);
            }
            if c.is_numeric() {
                p.digits += 1;
                pending_end = false;
            } else if c.is_whitespace() {
                if pending_end {
                    p.sentence_ends += 1;
                    pending_end = false;
                }
            } else {
                p.symbols += 1;
                if matches!(c, '…' | '。' | '！' | '？' | '؟' | '।') {
                    pending_end = true;
                } else if !matches!(c, '”' | '’' | '»' | '«' | '」' | '』') {
                    pending_end = false;
                }
            }
        }
        if let Some(start) = word {
            p.end_word_at(text, start, bytes.len(), ascii, &mut buf, allowed);
        }
        if pending_end {
            p.sentence_ends += 1;
        }
        p.letters += latin;
        p.scripts[Bucket::Latin as usize] += latin;
        p
    }

    /// The word of 1 ..= 7 ASCII letters in the low `n` bytes of `x` (the
    /// text's bytes as loaded little-endian).
    #[inline(always)]
    fn end_short_word(&mut self, words: &FunctionWords, x: u64, n: usize, allowed: u32) {
        self.words += 1;
        self.end_packed_word(words, (x | CASE) & low_bytes(n), 0, n, allowed);
    }

    /// The word `bytes[start..start + n]` of 1 ..= 16 ASCII letters.
    #[inline(always)]
    fn end_ascii_word(&mut self, words: &FunctionWords, bytes: &[u8], start: usize, n: usize, allowed: u32) {
        self.words += 1;
        if n > MAX_WORD_BYTES {
            return;
        }
        // lower-cased (every byte is a letter) and packed as `pack` does
        let lo = (load8(bytes, start) | CASE) & low_bytes(n);
        let hi = if n > 8 { (load8(bytes, start + 8) | CASE) & low_bytes(n - 8) } else { 0 };
        self.end_packed_word(words, lo, hi, n, allowed);
    }

    /// A word of 1 ..= [`MAX_WORD_BYTES`] lower-case ASCII letters packed
    /// as [`pack`] does, `n` bytes long, after counting it.
    #[inline(always)]
    fn end_packed_word(&mut self, words: &FunctionWords, lo: u64, hi: u64, n: usize, allowed: u32) {
        if let Some((langs, count)) = words.get_packed((lo, hi)) {
            let mask = langs & allowed;
            if mask != 0 {
                self.function_words += 1;
                // (`count` is the number of the word's languages)
                self.add_shared(mask, if mask == langs { count } else { mask.count_ones() });
            }
        }
        if n >= 4 {
            if may_have_pairs(lo, hi) {
                if n <= 8 {
                    self.ascii_spelling(lo, n, allowed);
                } else {
                    let mut w = [0u8; 16];
                    w[..8].copy_from_slice(&lo.to_le_bytes());
                    w[8..].copy_from_slice(&hi.to_le_bytes());
                    self.spelling_with(&w[..n], true, allowed);
                }
            } else if allowed & NB_DA == NB_DA {
                // without a letter pair, only a Norwegian or Danish suffix
                // can count: tested on the packed word's last bytes
                // (`spelling_with` does the same byte by byte)
                let t = tail((lo, hi), n);
                // (the last two bytes are letters: the word has at least 4)
                let (last, before) = ((t >> 56) as usize & 31, (t >> 48) as u32 & 31);
                if SUFFIX_PAIRS[last] & (1 << before) != 0 {
                    self.suffixes(t);
                }
            }
        }
    }

    /// [`Profile::spelling`] for a lower-case ASCII word of 4 ..= 8
    /// letters packed in `w` as [`pack`] does: each letter pair is found at
    /// all positions at once (a byte-equality mask of its first letter and
    /// that of its second shifted by a byte), and only when the word has
    /// the letter the pair starts or ends with.
    fn ascii_spelling(&mut self, w: u64, n: usize, allowed: u32) {
        if allowed & (NB_DA | 1 << HU | 1 << FI) == 0 {
            return;
        }
        const H: u64 = 0x8080_8080_8080_8080;
        const L: u64 = 0x0101_0101_0101_0101;
        // the high bit of each byte equal to `c` (the bytes and `c` are
        // ASCII, so no sum carries into the next byte)
        let eq = |c: u8| {
            let t = w ^ (L * u64::from(c));
            !(((t & !H) + !H) | t) & H
        };
        let (mut nob, mut hun, mut fin) = (false, false, false);
        let y_at = eq(b'y');
        if y_at != 0 {
            // yy; gy before a vowel
            fin = y_at & (y_at >> 8) != 0;
            let gy = eq(b'g') & (y_at >> 8);
            if gy != 0 {
                let vowels = eq(b'a') | eq(b'e') | eq(b'i') | eq(b'o') | eq(b'u');
                hun = gy & (vowels >> 16) != 0;
            }
        }
        let s_at = eq(b's');
        if s_at != 0 {
            // sz, zs, cs, not as the last two letters
            let z_at = eq(b'z');
            let pairs = (s_at & (z_at >> 8)) | (z_at & (s_at >> 8)) | (eq(b'c') & (s_at >> 8));
            hun |= pairs & low_bytes(n - 2) & H != 0;
        }
        let j_at = eq(b'j');
        if j_at != 0 {
            // kj
            nob = eq(b'k') & (j_at >> 8) != 0;
        }
        let nb_da = (allowed & NB_DA == NB_DA).then(|| {
            let t = tail((w, 0), n);
            let ends = |s: &[u8]| t >> (64 - 8 * s.len()) == s.iter().rev().fold(0u64, |a, &b| (a << 8) | u64::from(b));
            let (suffix_nob, dan) = nb_da_suffix((t >> 56) as u8, ends);
            (nob || suffix_nob, dan)
        });
        self.add_spelling(nb_da, hun, fin, allowed);
    }

    /// Adds one word's spelling evidence: Norwegian or Danish when only one
    /// of the two was seen (`nb_da`: both languages allowed), Hungarian,
    /// Finnish, in that order (the f32 sums depend on it).
    #[inline(always)]
    fn add_spelling(&mut self, nb_da: Option<(bool, bool)>, hun: bool, fin: bool, allowed: u32) {
        if let Some((nob, dan)) = nb_da {
            if nob != dan {
                self.add(1 << if nob { NB } else { DA }, 0.5);
            }
        }
        if hun && allowed & (1 << HU) != 0 {
            self.add(1 << HU, 0.5);
        }
        if fin && allowed & (1 << FI) != 0 {
            self.add(1 << FI, 0.5);
        }
    }

    /// The Norwegian / Danish suffix part of [`Profile::spelling_with`]
    /// (with both languages allowed) for a word without letter pairs, given
    /// its last 8 bytes as [`tail`] packs them.
    #[inline(always)]
    fn suffixes(&mut self, t: u64) {
        // the word ends with `s` (at most 8 bytes; a shorter word's missing
        // bytes are zeros, which no suffix has)
        let ends = |s: &[u8]| t >> (64 - 8 * s.len()) == s.iter().rev().fold(0u64, |a, &b| (a << 8) | u64::from(b));
        let (nob, dan) = nb_da_suffix((t >> 56) as u8, ends);
        if nob != dan {
            self.add(1 << if nob { NB } else { DA }, 0.5);
        }
    }

    /// The word `text[start..end]`, all ASCII letters when `ascii`.
    fn end_word_at(&mut self, text: &str, start: usize, end: usize, ascii: bool, buf: &mut String, allowed: u32) {
        if ascii && end - start <= 16 {
            self.end_ascii_word(&WORDS, text.as_bytes(), start, end - start, allowed);
        } else {
            self.end_word(&text[start..end], ascii, buf, allowed);
        }
    }

    fn end_word(&mut self, word: &str, ascii: bool, buf: &mut String, allowed: u32) {
        self.words += 1;
        if word.len() > MAX_WORD_BYTES {
            return;
        }
        // (a word is letters and marks; no mark is upper case)
        let fold =
            if ascii { word.bytes().any(|b| b.is_ascii_uppercase()) } else { word.chars().any(char::is_uppercase) };
        if fold {
            buf.clear();
            if ascii {
                buf.push_str(word);
                buf.make_ascii_lowercase();
            } else {
                buf.extend(word.chars().flat_map(char::to_lowercase));
            }
            let folded = std::mem::take(buf);
            self.lookup(&folded, allowed);
            self.spelling(folded.as_bytes(), allowed);
            *buf = folded;
        } else {
            self.lookup(word, allowed);
            self.spelling(word.as_bytes(), allowed);
        }
    }

    fn lookup(&mut self, word: &str, allowed: u32) {
        // Romanian is often typed with cedilla forms; fold them.
        let mask = match WORDS.get(word) {
            Some(m) => m,
            None if !word.is_ascii() && word.contains(['ş', 'ţ']) => {
                let folded: String = word
                    .chars()
                    .map(|c| {
                        if c == 'ş' {
                            'ș'
                        } else if c == 'ţ' {
                            'ț'
                        } else {
                            c
                        }
                    })
                    .collect();
                WORDS.get(folded.as_str()).unwrap_or(0)
            }
            None => 0,
        } & allowed;
        if mask == 0 {
            return;
        }
        self.function_words += 1;
        self.add(mask, 1.0);
    }

    /// Spelling cues where function words are shared or absent:
    /// - Norwegian (Bokmål) against Danish: øy/øj, kj, -ei/-ej, -het/-hed(en),
    ///   -sjon, -ene/-erne, Danish past tense -ede;
    /// - Hungarian digraphs (sz, zs, cs inside a word, gy before a vowel),
    ///   which no other profiled Latin-script language spells;
    /// - Finnish long vowels and vowel pairs ää, öö, yy, yö, äy.
    fn spelling(&mut self, w: &[u8], allowed: u32) {
        let mut seen = 0u32;
        let mut high = 0u8;
        for &b in w {
            seen |= 1 << (b & 31);
            high |= b;
        }
        self.spelling_with(w, high >= 0x80 || ascii_pairs(seen), allowed);
    }

    /// [`Profile::spelling`], told whether the word may have one of the
    /// letter pairs.
    fn spelling_with(&mut self, w: &[u8], pairs: bool, allowed: u32) {
        if w.len() < 4 || allowed & (NB_DA | 1 << HU | 1 << FI) == 0 {
            return;
        }
        // One pass over byte pairs (ø = C3 B8, ä = C3 A4, ö = C3 B6).
        let (mut nob, mut dan, mut hun, mut fin) = (false, false, false, false);
        for i in 0..if pairs { w.len() - 1 } else { 0 } {
            let next = w.get(i + 2).copied();
            match (w[i], w[i + 1]) {
                (b'k', b'j') => nob = true,
                (b's', b'z') | (b'z', b's') | (b'c', b's') => hun |= i + 2 < w.len(),
                (b'g', b'y') => hun |= next.is_some_and(|c| b"aeiou".contains(&c) || c == 0xC3 || c == 0xC5),
                (b'y', b'y') => fin = true,
                (b'y', 0xC3) => fin |= next == Some(0xB6),
                (0xC3, 0xB8) => {
                    nob |= next == Some(b'y');
                    dan |= next == Some(b'j');
                }
                (0xC3, 0xA4) => fin |= next == Some(b'y') || (next == Some(0xC3) && w.get(i + 3) == Some(&0xA4)),
                (0xC3, 0xB6) => fin |= next == Some(0xC3) && w.get(i + 3) == Some(&0xB6),
                _ => {}
            }
        }
        let nb_da = (allowed & NB_DA == NB_DA).then(|| {
            // by the last letter first: eleven suffix tests on every word cost
            let (n, d) = nb_da_suffix(w[w.len() - 1], |s: &[u8]| w.ends_with(s));
            (nob || n, dan || d)
        });
        self.add_spelling(nb_da, hun, fin, allowed);
    }

    /// A function word of the `n` languages of `mask`: 1/n to each (the
    /// same f32 as [`Profile::add`] with weight 1).
    #[inline(always)]
    fn add_shared(&mut self, mask: u32, n: u32) {
        let w = RECIPROCALS[n as usize & 31];
        let mut m = mask;
        while m != 0 {
            let i = m.trailing_zeros() as usize;
            self.words_score[i] += w;
            m &= m - 1;
        }
    }

    fn add(&mut self, mask: u32, weight: f32) {
        // weight / n, without a division per word (the same f32: both round
        // the exact quotient)
        let n = mask.count_ones() as usize;
        let w = if weight == 1.0 { RECIPROCALS[n] } else { weight / n as f32 };
        let mut m = mask;
        while m != 0 {
            let i = m.trailing_zeros() as usize;
            self.words_score[i] += w;
            m &= m - 1;
        }
    }

    /// The script bucket with most letters, if any letter was seen.
    pub(crate) fn main_bucket(&self) -> Option<Bucket> {
        // the first of the buckets with most letters
        let mut best = 0;
        for i in 1..NBUCKETS {
            if self.scripts[i] > self.scripts[best] {
                best = i;
            }
        }
        (self.scripts[best] > 0).then_some(BUCKETS[best])
    }

    /// Evidence for each profiled language: function words plus distinctive
    /// letters (each distinct letter +0.5 for the languages that use it,
    /// −1 for the other allowed languages of its script).
    pub(crate) fn evidence(&self, allowed: u32) -> [f32; NPROF] {
        let mut e = self.words_score;
        let mut marks = self.letter_marks;
        while marks != 0 {
            let i = marks.trailing_zeros() as usize;
            marks &= marks - 1;
            let (c, users) = LETTERS[i];
            let group = match bucket(c) {
                Bucket::Latin => LATIN_LANGS,
                Bucket::Cyrillic => CYRILLIC_LANGS,
                Bucket::Arabic => ARABIC_LANGS,
                _ => 0,
            } & allowed;
            for (j, ej) in e.iter_mut().enumerate() {
                if group & (1 << j) == 0 {
                    continue;
                }
                *ej += if users & (1 << j) != 0 { 0.5 } else { -1.0 };
            }
        }
        // і/ї/є make up about 7% of Ukrainian letters: 40 Cyrillic letters
        // without any of them (a 4% chance in Ukrainian) speak against it.
        const RU_UK: u32 = (1 << RU) | (1 << UK);
        const UK_MARKS: u64 = {
            let mut marks = 0u64;
            let mut i = 0;
            while i < LETTERS.len() {
                if LETTERS[i].1 == 1 << UK {
                    marks |= 1 << i;
                }
                i += 1;
            }
            marks
        };
        if allowed & RU_UK == RU_UK
            && self.scripts[Bucket::Cyrillic as usize] >= 40
            && self.letter_marks & UK_MARKS == 0
        {
            e[UK] -= 1.0;
        }
        e
    }
}

/// Norwegian (Bokmål) and Danish, told apart by spelling.
const NB_DA: u32 = (1 << NB) | (1 << DA);

/// The last (up to) 8 bytes of a word of `n` ≤ 16 bytes packed as
/// [`pack`] does, its last byte in the top byte and zeros below the first.
fn tail((lo, hi): (u64, u64), n: usize) -> u64 {
    if n <= 8 {
        lo.checked_shl(8 * (8 - n as u32)).unwrap_or(0)
    } else {
        hi.checked_shl(8 * (16 - n as u32)).unwrap_or(0) | lo.checked_shr(8 * (n as u32 - 8)).unwrap_or(0)
    }
}

/// The suffixes [`nb_da_suffix`] tests.
const NB_DA_SUFFIXES: [&[u8]; 11] =
    [b"ei", b"het", b"heten", b"sjon", b"sjonen", b"heden", b"ene", b"erne", b"ede", b"ej", b"heder"];

/// The last two letters of the [`NB_DA_SUFFIXES`]: bit `a & 31` of entry
/// `b & 31` for a suffix ending in `ab`, so that most words are let off
/// the suffix tests with one look-up.
static SUFFIX_PAIRS: [u32; 32] = {
    let mut t = [0u32; 32];
    let mut i = 0;
    while i < NB_DA_SUFFIXES.len() {
        let s = NB_DA_SUFFIXES[i];
        t[(s[s.len() - 1] & 31) as usize] |= 1 << (s[s.len() - 2] & 31);
        i += 1;
    }
    t
};

/// Norwegian Bokmål / Danish suffix evidence of a word whose last byte is
/// `last`, tested with `ends` (the caller's view of the word): (nob, dan).
/// Dispatching on the last letter first keeps the eleven suffix tests off
/// most words.
#[inline(always)]
fn nb_da_suffix(last: u8, ends: impl Fn(&[u8]) -> bool) -> (bool, bool) {
    let (mut nob, mut dan) = (false, false);
    match last {
        b'i' => nob |= ends(b"ei"),
        b't' => nob |= ends(b"het"),
        b'n' => {
            nob |= ends(b"heten") || ends(b"sjon") || ends(b"sjonen");
            dan |= ends(b"heden");
        }
        b'e' => {
            nob |= ends(b"ene");
            dan |= ends(b"erne") || ends(b"ede");
        }
        b'j' => dan |= ends(b"ej"),
        b'r' => dan |= ends(b"heder"),
        _ => {}
    }
    (nob, dan)
}

/// The low `k` ≤ 8 bytes of a `u64`.
#[inline(always)]
pub(crate) fn low_bytes(k: usize) -> u64 {
    // a table load, where the shift needs a branch for k = 0
    static MASKS: [u64; 9] = {
        let mut t = [0u64; 9];
        let mut k = 1;
        while k <= 8 {
            t[k] = u64::MAX >> (64 - 8 * k);
            k += 1;
        }
        t
    };
    MASKS[k.min(8)]
}

// (`Profile::end_short_word` looks every word of up to 7 letters up)
const _: () = assert!(MAX_WORD_BYTES >= 7);

/// Sets the ASCII letters' bits in a byte (lower-cases them).
const CASE: u64 = 0x2020_2020_2020_2020;

/// The number of ASCII letters at the start of the 8 bytes `x` (loaded
/// little-endian), 8 when all are.
#[inline(always)]
fn letters_in(x: u64) -> usize {
    const H: u64 = 0x8080_8080_8080_8080;
    const L: u64 = 0x0101_0101_0101_0101;
    // a letter is ASCII and, with bit 5 set, in a..=z; a byte above
    // 0x7F may spoil the answer for the bytes after it, never before
    let y = x | CASE;
    let letters = y.wrapping_add(L * u64::from(0x80 - b'a')) & !y.wrapping_add(L * u64::from(0x7f - b'z')) & !x & H;
    ((!letters & H).trailing_zeros() / 8) as usize
}

/// The end of the run of ASCII letters at `i`: eight bytes a step.
#[inline(always)]
fn ascii_letters_end(bytes: &[u8], mut i: usize) -> usize {
    while let Some(x) = chunk8(bytes, i) {
        let n = letters_in(x);
        i += n;
        if n < 8 {
            return i;
        }
    }
    while bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
        i += 1;
    }
    i
}

/// Bytes `at..at + 8` of `bytes` little-endian, if all are there.
#[inline(always)]
fn chunk8(bytes: &[u8], at: usize) -> Option<u64> {
    // (`get(at..at + 8)` would also test `at + 8` for overflow)
    bytes.get(at..).and_then(<[u8]>::first_chunk).map(|c| u64::from_le_bytes(*c))
}

/// Bytes `at..at + 8` of `bytes` little-endian, zero padded past the end.
#[inline(always)]
fn load8(bytes: &[u8], at: usize) -> u64 {
    match chunk8(bytes, at) {
        Some(x) => x,
        None => bytes.get(at..).unwrap_or(&[]).iter().rev().fold(0u64, |a, &c| (a << 8) | u64::from(c)),
    }
}

/// For a lower-case ASCII word packed as [`pack`] does: false when it
/// surely has none of the letter pairs [`Profile::spelling`] looks for,
/// which need a y, a j, a z, or a c with an s. (A little wider than
/// [`ascii_pairs`]: a word let through without a pair costs time, never a
/// different result.)
#[inline(always)]
fn may_have_pairs(lo: u64, hi: u64) -> bool {
    const H: u64 = 0x8080_8080_8080_8080;
    const L: u64 = 0x0101_0101_0101_0101;
    // high bit of each byte equal to `c` (exact as to whether there is one)
    let eq = |v: u64, c: u8| {
        let t = v ^ (L * u64::from(c));
        t.wrapping_sub(L) & !t & H
    };
    // y and z are the only letters from 0x79 on (padding is zero)
    let yz = |v: u64| v.wrapping_add(L * 7) & H;
    if hi == 0 {
        // (most words have at most 8 letters)
        return (yz(lo) | eq(lo, b'j')) != 0 || (eq(lo, b'c') != 0 && eq(lo, b's') != 0);
    }
    (yz(lo) | yz(hi) | eq(lo, b'j') | eq(hi, b'j')) != 0
        || ((eq(lo, b'c') | eq(hi, b'c')) != 0 && (eq(lo, b's') | eq(hi, b's')) != 0)
}

/// Whether an ASCII word with these letters (bit `b & 31` for byte b) may
/// have one of the letter pairs [`Profile::spelling`] looks for: only if it
/// has both letters of one (kj, sz, zs, cs, gy, yy), so most words are let
/// off without a look at their pairs.
fn ascii_pairs(seen: u32) -> bool {
    let has = |c: u8| seen & (1 << (c & 31)) != 0;
    has(b'y') || (has(b'k') && has(b'j')) || (has(b's') && (has(b'z') || has(b'c')))
}

/// 1/n for every possible number of languages sharing a word.
static RECIPROCALS: [f32; 33] = {
    let mut t = [0.0f32; 33];
    let mut n = 1;
    while n < 33 {
        t[n] = 1.0 / n as f32;
        n += 1;
    }
    t
};

fn is_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05C7 | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670
        | 0x06D6..=0x06ED | 0x0900..=0x0903 | 0x093A..=0x094F | 0x0951..=0x0957 | 0x0962..=0x0963
        | 0x0B82 | 0x0BBE..=0x0BCD | 0x0BD7 | 0x200D)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: u32 = (1 << NPROF) - 1;

    #[test]
    fn suffix_pairs_let_through_every_suffix() {
        // a word whose last two letters are not in the table has no suffix
        for a in b'a'..=b'z' {
            for b in b'a'..=b'z' {
                let word = [b'h', b'e', b's', b'j', b'o', b'h', b'e', b'd', a, b];
                let found = nb_da_suffix(b, |s: &[u8]| word.ends_with(s)) != (false, false);
                let let_through = SUFFIX_PAIRS[usize::from(b & 31)] & (1 << (a & 31)) != 0;
                assert!(let_through || !found, "{}", String::from_utf8_lossy(&word));
            }
        }
        for s in NB_DA_SUFFIXES {
            assert_ne!(nb_da_suffix(s[s.len() - 1], |x: &[u8]| s.ends_with(x)), (false, false));
        }
    }

    /// The straightforward scan (character by character, every word looked
    /// up as a string) that [`Profile::scan`] must agree with.
    fn reference_scan(text: &str, allowed: u32) -> Profile {
        let mut p = Profile::empty();
        let mut word: Option<(usize, bool)> = None;
        let mut pending_end = false;
        let end = |p: &mut Profile, w: &str, fold: bool| {
            p.words += 1;
            if w.len() > MAX_WORD_BYTES {
                return;
            }
            let w: String = if fold { w.chars().flat_map(char::to_lowercase).collect() } else { w.to_string() };
            p.lookup(&w, allowed);
            p.spelling(w.as_bytes(), allowed);
        };
        for (i, c) in text.char_indices() {
            if c.is_alphabetic() {
                p.letters += 1;
                p.scripts[bucket(c) as usize] += 1;
                // (ASCII letters are not distinctive: "I" is no dotless ı)
                if let Some(k) = letter_index(c).filter(|_| !c.is_ascii()) {
                    p.letter_marks |= 1 << k;
                }
                match &mut word {
                    Some((_, f)) => *f |= c.is_uppercase(),
                    None => word = Some((i, c.is_uppercase())),
                }
                pending_end = false;
                continue;
            }
            if is_mark(c) {
                continue;
            }
            if let Some((start, fold)) = word.take() {
                end(&mut p, &text[start..i], fold);
            }
            if c.is_numeric() {
                p.digits += 1;
                pending_end = false;
            } else if c.is_whitespace() {
                if pending_end {
                    p.sentence_ends += 1;
                    pending_end = false;
                }
            } else {
                p.symbols += 1;
                if matches!(c, '.' | '!' | '?' | '。' | '！' | '？' | '؟' | '।' | '…') {
                    pending_end = true;
                } else if !matches!(c, '"' | '\'' | '”' | '’' | '»' | '«' | ')' | '」' | '』') {
                    pending_end = false;
                }
            }
        }
        if let Some((start, fold)) = word {
            end(&mut p, &text[start..], fold);
        }
        if pending_end {
            p.sentence_ends += 1;
        }
        p
    }

    #[test]
    fn function_word_table_has_every_word_and_no_other() {
        for w in LISTS.iter().flat_map(|l| l.iter()) {
            let want = LISTS.iter().enumerate().filter(|(_, l)| l.contains(w)).fold(0u32, |m, (i, _)| m | 1 << i);
            assert_eq!(WORDS.get(w), Some(want), "{w}");
        }
        for w in ["taliban", "kandahar", "thee", "th", "a\0", "sjonen", "повідомивх", "x"] {
            assert_eq!(WORDS.get(w), None, "{w}");
        }
    }

    #[test]
    fn scan_agrees_with_the_reference() {
        for t in [
            "The Taliban captured Kandahar. “We are here,” he said!",
            "Der Hund und die Katze. SIE schlafen! 42 Tage",
            "Høyre kjøpe sikkerheden szerint myöhään İstanbul ŞEHİR ţară",
            "Україна і світ. Голосование перенесли на весну.",
            "ﺍﻟﻌﺮﺑﻴﺔ العربية پاکستان نہیں ہے۔ हिन्दी",
            "abcdefghijklmnopqrstuvwxyzABCDEFGH averyveryverylongwordindeed x",
            "",
        ] {
            assert_eq!(Profile::scan(t, ALL), reference_scan(t, ALL), "{t}");
        }
    }

    proptest::proptest! {
        /// Words with and without the Norwegian / Danish suffixes score as
        /// the reference scan scores them.
        #[test]
        fn suffixes_agree_with_the_reference(
            w in "[a-zA-Z]{0,12}(ei|het|heten|sjon|sjonen|ene|erne|ede|ej|heder|heden|[a-z])",
            allowed in proptest::sample::select(vec![ALL, LATIN_LANGS, 1u32 << NB, (1u32 << NB) | (1u32 << DA)]),
        ) {
            let t = format!("{w} {w}s x");
            proptest::prop_assert_eq!(Profile::scan(&t, allowed), reference_scan(&t, allowed));
        }
    }

    proptest::proptest! {
        /// Words made of the letters of the spelling cues (kj, sz, zs, cs,
        /// gy + vowel, yy and the suffixes) score as the reference scores them.
        #[test]
        fn letter_pairs_agree_with_the_reference(
            t in "([aeghijknorstuyzAGKSYZ]{1,18}[ .]){1,6}",
            allowed in proptest::sample::select(vec![ALL, LATIN_LANGS, 1u32 << HU, 1u32 << FI, NB_DA, 0]),
        ) {
            proptest::prop_assert_eq!(Profile::scan(&t, allowed), reference_scan(&t, allowed));
        }
    }

    proptest::proptest! {
        #[test]
        fn scan_agrees_with_the_reference_on_any_text(
            t in "([a-zA-Z]{1,20}|[ .!?,'\")\n0-9]|[éÉßøØåäöÄÖİıŞşţșüÜ]|[а-яА-Яіє]|[ا-ي]|[\u{064B}\u{0301}]|[。…]|[\u{2000}-\u{2060}])*",
            allowed in 0u32..(1 << NPROF),
        ) {
            proptest::prop_assert_eq!(Profile::scan(&t, allowed), reference_scan(&t, allowed));
        }
    }

    #[test]
    fn general_punctuation_shortcut_is_only_symbols() {
        for c in ('\u{2010}'..='\u{2027}').chain('\u{2030}'..='\u{205E}') {
            assert!(!c.is_alphabetic() && !is_mark(c) && !c.is_numeric() && !c.is_whitespace(), "{c:?}");
        }
    }

    #[test]
    fn lists_are_lower_case_and_letters_unique() {
        for list in LISTS {
            for w in list {
                assert_eq!(w.to_lowercase(), *w, "{w}");
            }
        }
        for (i, (c, _)) in LETTERS.iter().enumerate() {
            assert!(LETTERS[i + 1..].iter().all(|(d, _)| d != c), "{c} twice");
            assert_eq!(c.to_lowercase().next(), Some(*c));
        }
    }

    #[test]
    fn counts_and_function_words() {
        let p = Profile::scan("Der Hund und die Katze. Sie schlafen! 42 Tage", ALL);
        assert_eq!(p.words, 8);
        assert_eq!(p.digits, 2);
        assert_eq!(p.sentence_ends, 2);
        assert_eq!(p.main_bucket(), Some(Bucket::Latin));
        let de = profile_index(Lang::Deu).unwrap_or(0);
        let best = (0..NPROF).max_by(|&a, &b| p.words_score[a].total_cmp(&p.words_score[b]));
        assert_eq!(best, Some(de));
    }

    #[test]
    fn spelling_cues() {
        let cue = |w: &str| {
            let mut p = Profile::empty();
            p.spelling(w.as_bytes(), ALL);
            (0..NPROF).filter(|&i| p.words_score[i] > 0.0).map(|i| PROFILED[i].code()).collect::<Vec<_>>()
        };
        let table: &[(&str, &[&str])] = &[
            ("høyre", &["nob"]),
            ("højre", &["dan"]),
            ("kjøpe", &["nob"]),
            ("sikkerheden", &["dan"]),
            ("sikkerheten", &["nob"]),
            ("havazás", &[]),
            ("szerint", &["hun"]),
            ("nagyon", &["hun"]),
            ("energy", &[]),
            ("politics", &[]),
            ("myöhään", &["fin"]),
            ("kevääseen", &["fin"]),
            ("möbel", &[]),
        ];
        for (w, want) in table {
            assert_eq!(cue(w), *want, "{w}");
        }
    }

    #[test]
    fn letters_separate_close_pairs() {
        let e = Profile::scan("Ørsted åbner på søndag", ALL).evidence(ALL);
        let sv = profile_index(Lang::Swe).unwrap_or(0);
        let da = profile_index(Lang::Dan).unwrap_or(0);
        assert!(e[da] > e[sv]);
        let e = Profile::scan("Україна і світ", ALL).evidence(ALL);
        assert!(e[profile_index(Lang::Ukr).unwrap_or(0)] > e[profile_index(Lang::Rus).unwrap_or(0)]);
    }
}
