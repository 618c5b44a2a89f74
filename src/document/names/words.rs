//! The words of names and of what is said around them: honorifics, titles, particles,
//! suffixes, speech verbs, words that are never names; and the shape of a name's word
//! (capitalised, an initial, a possessive).

use super::given::{self, Gender};
use crate::document::dates::MONTH_NAMES;

/// Honorifics that stay with a surname written alone (`Mr. Reyes` is not `Reyes`).
pub(super) const HONORIFICS: &[&str] = &[
    "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Mx", "Mx.", "Dr", "Dr.", "Prof", "Prof.",
    "Sir", "Dame", "Lord", "Lady",
];

/// Suffixes that follow a name after a comma (`Leonard Sipes, Jr.`).
pub(super) const SUFFIXES: &[&str] = &["Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV"];

pub(super) fn is_honorific(word: &str) -> bool {
    HONORIFICS.contains(&word)
}

/// Letters after a name that are no part of it (`Felicity Grainger MP`).
pub(super) fn is_post_nominal(word: &str) -> bool {
    const POST_NOMINALS: &[&str] = &[
        "MP", "MPs", "MEP", "MSP", "MLA", "MPP", "QC", "KC", "PhD", "OBE", "CBE", "MBE", "KBE",
        "DBE", "FRS", "MD", "Esq",
    ];
    POST_NOMINALS.contains(&bare(word).trim_end_matches(','))
}

/// Whether `text` writes a suffix after a name anywhere (`, Jr.`, `, Sr.`, `, III`).
pub fn has_suffixes(text: &str) -> bool {
    // Each suffix follows a comma: one SIMD search for commas, and the three bytes after
    // each compared, costs less than a search for all four strings at once.
    const AFTER_THE_COMMA: [&[u8; 3]; 4] = [b" Jr", b" Sr", b" II", b" IV"];
    let bytes = text.as_bytes();
    memchr::memchr_iter(b',', bytes).any(|at| {
        bytes
            .get(at + 1..at + 4)
            .is_some_and(|after| AFTER_THE_COMMA.iter().any(|s| after == &s[..]))
    })
}

/// Lower-case words inside a name (`Joost van Rijn`, `Ursula von der Leyen`).
pub(super) fn is_particle(word: &str) -> bool {
    PARTICLES.contains(&word)
}

/// The particles [`is_particle`] knows.
const PARTICLES: &[&str] = &[
    "van", "von", "der", "den", "de", "da", "di", "du", "del", "della", "la", "le", "bin", "al",
    "ter", "ten",
];

/// [`is_particle`] of `word` in lower case, for an ASCII word (compared without case, with no
/// copy made).
pub(super) fn is_particle_ignoring_case(word: &str) -> bool {
    PARTICLES.iter().any(|p| p.eq_ignore_ascii_case(word))
}

pub(super) fn is_suffix(word: &str) -> bool {
    SUFFIXES.contains(&word.trim_end_matches([',', ';', ':', ')']))
}

/// A pronoun that can stand for a speaker: `he`, `she` (not `they`, `it`, `we`: a group, a
/// thing, the authors).
pub(super) fn pronoun(word: &str) -> Option<Option<Gender>> {
    match bare(word) {
        "he" | "He" => Some(Some(Gender::Male)),
        "she" | "She" => Some(Some(Gender::Female)),
        _ => None,
    }
}

/// Capitalised words that start sentences or name things, never people.
pub(super) const NOT_NAMES: &[&str] = &[
    "Presently",
    "Finally",
    "Recently",
    "Eventually",
    "Currently",
    "Initially",
    "Previously",
    "Similarly",
    "Ultimately",
    "Shortly",
    "Clearly",
    "Naturally",
    "Luckily",
    "Fortunately",
    "Unfortunately",
    "Apparently",
    "Obviously",
    "Additionally",
    "Consequently",
    "Accordingly",
    "Interestingly",
    "Importantly",
    "Notably",
    "Subsequently",
    "Originally",
    "Typically",
    "Generally",
    "Usually",
    "Suddenly",
    "Immediately",
    "Honestly",
    "Frankly",
    "Hopefully",
    "Sadly",
    "Surprisingly",
    "Lastly",
    "Later",
    "Soon",
    "Still",
    "Yet",
    "A",
    "An",
    "The",
    "On",
    "In",
    "At",
    "For",
    "Of",
    "And",
    "But",
    "Or",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "During",
    "Throughout",
    "Despite",
    "This",
    "That",
    "These",
    "Those",
    "His",
    "Her",
    "Their",
    "Our",
    "Its",
    "My",
    "Your",
    "As",
    "By",
    "From",
    "With",
    "Then",
    "Later",
    "Also",
    "Still",
    "Yet",
    "So",
    "Since",
    "Until",
    "Though",
    "Although",
    "However",
    "Meanwhile",
    "Shortly",
    "Following",
    "Some",
    "One",
    // Numbers that open a sentence (`Four things you must do …:`).
    "Two",
    "Three",
    "Four",
    "Five",
    "Six",
    "Seven",
    "Eight",
    "Nine",
    "Ten",
    "Eleven",
    "Twelve",
    "Twenty",
    "Hundred",
    "Hundreds",
    "Thousands",
    "Dozens",
    "Another",
    "Others",
    "Many",
    "Most",
    "Several",
    "Other",
    "Others",
    "Both",
    "Each",
    "Every",
    // Pronouns for everyone or no one (`Nobody believes that "…"`).
    "Nobody",
    "Everyone",
    "Everybody",
    "Someone",
    "Somebody",
    "Anyone",
    "Anybody",
    "All",
    "Why",
    "What",
    "Who",
    "How",
    "Where",
    "Key",
    "I",
    "We",
    "You",
    "It",
    "Not",
    "No",
    "Yes",
    "Dear",
    "Poor",
    "Is",
    "Was",
    "Are",
    "Were",
    "Do",
    "Does",
    "Did",
    "Can",
    "Could",
    "Will",
    "Would",
    "Should",
    "Here",
    "There",
    "Now",
    "Today",
    "Tonight",
    "Yesterday",
    "Tomorrow",
    "Oh",
    "Well",
    "Even",
    "Just",
    "Only",
    "Perhaps",
    "Maybe",
    "Said",
    "Says",
    "Asked",
    "Thanks",
    "Thank",
    "Hello",
    "Hi",
    "Good",
    "Old",
    "Young",
    "Little",
    "Big",
    "Uncle",
    "Aunt",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    // Conjunctions and prepositions that open a sentence (`Whereas Python feels …`).
    "Whereas",
    "Unlike",
    "Because",
    "Unless",
    "Whether",
    "Whenever",
    "Wherever",
    "Whilst",
    "Besides",
    "Instead",
    "Otherwise",
    "Nevertheless",
    "Nonetheless",
    "Moreover",
    "Furthermore",
    "Therefore",
    "Thus",
    "Hence",
    "Indeed",
    "Like",
    "Once",
    "Upon",
    "Within",
    "Without",
    "Against",
    "Among",
    "Amid",
    "Between",
    "Beyond",
    "Toward",
    "Towards",
    // Verbs that open a request (`Allow me to quote …:`, `Remember Emerson:`).
    "Allow",
    "Permit",
    "Imagine",
    "Let",
    "Remember",
    "Recall",
    "Consider",
    "Listen",
    "Quoting",
    // Ordinals (`the Tchaikovsky Fifth`).
    "First",
    "Second",
    "Third",
    "Fourth",
    "Fifth",
    "Sixth",
    "Seventh",
    "Eighth",
    "Ninth",
    "Tenth",
    "Across",
    "Along",
    "Around",
    "Behind",
    "Beneath",
    "Under",
    "Through",
    "Via",
];

/// Pronouns: a lead-in that names only a pronoun does not name the speaker.
pub(super) const PRONOUNS: &[&str] = &["He", "She", "They", "It", "We", "I", "You", "Who"];

/// Words that introduce a quotation when a person does them.
pub(super) const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "wrote",
    "writes",
    "write",
    "posted",
    "posts",
    "tweeted",
    "tweets",
    "announced",
    "announces",
    "stated",
    "states",
    "told",
    "tells",
    "added",
    "adds",
    "argued",
    "argues",
    "noted",
    "notes",
    "explained",
    "explains",
    "declared",
    "declares",
    "remarked",
    "commented",
    "comments",
    "replied",
    "replies",
    "responded",
    "responds",
    "warned",
    "warns",
    "insisted",
    "insists",
    "claimed",
    "claims",
    "asked",
    "asks",
    "testified",
    "continued",
    "concluded",
    "ended",
    "began",
    "begins",
    "recalled",
    "admitted",
    "acknowledged",
    "published",
    "shared",
    "emphasized",
    "emphasised",
    "stressed",
    "observed",
    "confirmed",
    "conceded",
    "wrote:",
    "explained:",
    "put",
    "answered",
    "cautioned",
    "predicted",
    "revealed",
    "reflected",
    "described",
    "describes",
    "called",
    "calls",
    // The present, as features and profiles tell a story (`she recalls`).
    "recalls",
    "remembers",
    "remembered",
    "admits",
    "acknowledges",
    "concedes",
    "observes",
    "confirms",
    "stresses",
    "emphasizes",
    "emphasises",
    "reflects",
    "cautions",
    "predicts",
    "reveals",
    "answers",
    "continues",
    "concludes",
    "agreed",
    "agrees",
    "suggested",
    "suggests",
    "joked",
    "jokes",
    "quipped",
    "quips",
    // What someone holds, set out in their words (`Mr Keenan believes that "…"`).
    "believes",
    "maintains",
    "maintained",
    "elaborated",
    "elaborates",
    "discussed",
    "discusses",
    "expressed",
    "expresses",
    "mused",
    "muses",
    "marveled",
    "marvelled",
    "marvels",
    "recounted",
    "recounts",
    "reiterated",
    "reiterates",
    "urged",
    "urges",
    "countered",
    "counters",
    "exclaimed",
    "exclaims",
    "enthused",
    "enthuses",
    "summarized",
    "summarised",
    "summarizes",
    "summarises",
    "affirmed",
    "affirms",
    "advised",
    "advises",
    "asserted",
    "asserts",
    "lamented",
    "laments",
    "maintained",
    "maintains",
    "contended",
    "contends",
    "complained",
    "complains",
    "boasted",
    "boasts",
    "vowed",
    "vows",
    "recommended",
    "recommends",
    // How a story tells that someone spoke, in features and dialogue (`he reminisced`).
    "reminisced",
    "reminisces",
    "mentioned",
    "mentions",
    "opined",
    "opines",
    "wondered",
    "wonders",
    "whispered",
    "whispers",
    "murmured",
    "murmurs",
    "muttered",
    "mutters",
    "retorted",
    "retorts",
    "interjected",
    "interjects",
    "pleaded",
    "pleads",
    "demanded",
    "inquired",
    "inquires",
    "enquired",
    "enquires",
    "proclaimed",
    "proclaims",
    "clarified",
    "clarifies",
    "speculated",
    "speculates",
    "ventured",
    "ventures",
    "testifies",
];

/// Nouns for what a person said: a heading or lead-in that names one names its speaker.
pub(super) const STATEMENT_KINDS: &[&str] = &[
    "note",
    "email",
    "comment",
    "statement",
    "statements",
    "remarks",
    "testimony",
    "letter",
    "speech",
    "post",
    "posts",
    "thread",
    "tweet",
    "tweets",
    "announcement",
    "words",
    "message",
    "response",
    "reply",
    "interview",
    "essay",
    "memo",
    "resignation",
    "farewell",
    "address",
    "quotes",
    "account",
    // What a person wrote or gave as a talk (`Codd's 1970 paper contains …:`).
    "paper",
    "article",
    "book",
    "report",
    "abstract",
    "column",
    "diary",
    "journal",
    "memoir",
    "autobiography",
    "lecture",
    "talk",
    "keynote",
    "sermon",
    "poem",
    "op-ed",
    "editorial",
    "foreword",
    "preface",
];

/// Titles that stand before a name and are not part of it.
pub(super) const TITLES: &[&str] = &[
    "CEO",
    "CTO",
    "CFO",
    "COO",
    "Dr",
    "Dr.",
    "Mr",
    "Mr.",
    "Mrs",
    "Mrs.",
    "Ms",
    "Ms.",
    "Miss",
    "Mx",
    "Mx.",
    "Prof",
    "Prof.",
    "Professor",
    "President",
    "Senator",
    "Sen.",
    "Rep.",
    "Rep",
    "Cllr",
    "Cllr.",
    "Sgt",
    "Sgt.",
    "Lt",
    "Lt.",
    "Col",
    "Col.",
    "Capt",
    "Capt.",
    "Supt",
    "Supt.",
    "Det",
    "Det.",
    "Leader",
    "Member",
    "Treasurer",
    "Clerk",
    "Councilmember",
    "Councilwoman",
    "Councilman",
    "Alderman",
    "Alderwoman",
    "Assemblyman",
    "Assemblywoman",
    "Assemblymember",
    "Congresswoman",
    "Trustee",
    "Supervisor",
    "Manager",
    "Headteacher",
    "Headmaster",
    "Headmistress",
    "Spokesperson",
    "Spokesman",
    "Spokeswoman",
    "Chairwoman",
    "Chairperson",
    "Representative",
    "Chairman",
    "Chair",
    "Director",
    "Founder",
    "Co-founder",
    "Cofounder",
    "Chief",
    "Judge",
    "Justice",
    "Minister",
    "Secretary",
    "Governor",
    "Gov.",
    "Gov",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "General",
    "Researcher",
    "Scientist",
    "Executive",
    "Officer",
    "Former",
    "Head",
    "Mayor",
    "Deputy",
    "Councillor",
    "Councilor",
    "Commissioner",
    "Superintendent",
    "Chancellor",
    "Premier",
    "Ambassador",
    "Sheriff",
    "Inspector",
    "Detective",
    "Captain",
    "Lieutenant",
    "Sergeant",
    "Colonel",
    "Corporal",
    "Adjutant",
    "Admiral",
    "Commodore",
    "Brigadier",
    "Rev",
    "Rev.",
    "Reverend",
    "Bishop",
    "Rabbi",
    "Imam",
    "Coach",
    "Dean",
    "Provost",
    "Congressman",
    "Hon",
    "Hon.",
    "Honourable",
    "Honorable",
    "Alderman",
    "Alderwoman",
    "Congresswoman",
];

/// A set of fixed words, hashed with FxHash rather than std's SipHash: these sets are asked
/// about every capitalised word a name might hold, often enough that the hash shows in a
/// library's load time. The words looked up are the document's, but the set is fixed, so a
/// crafted document can only make lookups collide with a few hundred fixed words, never
/// grow a table.
///
/// Most words asked about are none of the set's: a [`Sieve`] tells most of those so before
/// any hash is taken.
#[derive(Default)]
pub(super) struct WordSet {
    words: rustc_hash::FxHashSet<&'static str>,
    sieve: Sieve,
}

impl WordSet {
    /// Whether `word` is one of the set's.
    #[inline]
    pub(super) fn contains(&self, word: &str) -> bool {
        self.sieve.may_hold(word.as_bytes()) && self.words.contains(word)
    }
}

impl FromIterator<&'static str> for WordSet {
    fn from_iter<I: IntoIterator<Item = &'static str>>(words: I) -> Self {
        let words: rustc_hash::FxHashSet<&'static str> = words.into_iter().collect();
        WordSet {
            sieve: Sieve::of(words.iter().copied()),
            words,
        }
    }
}

/// What a fixed set of words holds, by each word's length and its first and last bytes (ASCII
/// letters without case): a word whose kind no word of the set has is none of them, told in
/// a few instructions. A word of the kind may still be none (the sieve is a filter); a word of
/// the set always passes.
#[derive(Default)]
pub(super) struct Sieve {
    /// For each length (31 for any longer), a bit for each kind of first and last byte.
    bits: [u64; 32],
    /// Whether the empty word is in the set.
    empty: bool,
}

impl Sieve {
    #[inline]
    fn key(word: &[u8]) -> Option<(usize, u64)> {
        let (first, last) = (word.first()?, word.last()?);
        let kind = (u32::from(first.to_ascii_lowercase()) * 31
            + u32::from(last.to_ascii_lowercase()))
            & 63;
        Some((word.len().min(31), 1 << kind))
    }

    /// A sieve that lets `words` through.
    pub(super) fn of<'w>(words: impl IntoIterator<Item = &'w str>) -> Self {
        let mut sieve = Sieve::default();
        for w in words {
            sieve.add(w.as_bytes());
        }
        sieve
    }

    /// Lets `word` through from now on.
    fn add(&mut self, word: &[u8]) {
        match Self::key(word) {
            Some((len, bit)) => self.bits[len] |= bit,
            None => self.empty = true,
        }
    }

    /// False when `word` is surely not one of the words added.
    #[inline]
    pub(super) fn may_hold(&self, word: &[u8]) -> bool {
        match Self::key(word) {
            Some((len, bit)) => self.bits[len] & bit != 0,
            None => self.empty,
        }
    }
}

/// A set of fixed words that `word` is looked up in as `eq_ignore_ascii_case` compares: its
/// ASCII letters lowered (into a buffer on the stack) and hashed once, rather than compared
/// with every word of the list. The lists are asked about every word of a lead-in.
pub(super) struct Caseless {
    words: rustc_hash::FxHashSet<Vec<u8>>,
    /// The longest word's length: a longer one is none of them.
    longest: usize,
    sieve: Sieve,
}

impl Caseless {
    /// The most bytes a word of a list may have.
    const MAX: usize = 24;

    pub(super) fn new(words: &[&str]) -> Self {
        debug_assert!(words.iter().all(|w| w.len() <= Self::MAX));
        Caseless {
            words: words
                .iter()
                .map(|w| w.to_ascii_lowercase().into_bytes())
                .collect(),
            longest: words.iter().map(|w| w.len()).max().unwrap_or(0),
            sieve: Sieve::of(words.iter().copied()),
        }
    }

    /// Whether `word` is one of the words, ASCII letters compared without case.
    pub(super) fn contains(&self, word: &str) -> bool {
        let bytes = word.as_bytes();
        if bytes.len() > self.longest || !self.sieve.may_hold(bytes) {
            return false;
        }
        let mut lowered = [0u8; Self::MAX];
        let lowered = &mut lowered[..bytes.len()];
        lowered.copy_from_slice(bytes);
        lowered.make_ascii_lowercase();
        self.words.contains(&*lowered)
    }
}

/// [`TITLES`] as a set, made once.
fn titles() -> &'static WordSet {
    static WORDS: std::sync::OnceLock<WordSet> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| TITLES.iter().copied().collect())
}

/// Whether `word` is one of [`TITLES`], looked up in a hash set made once: the check runs
/// for every capitalised word a name might hold.
pub(super) fn is_title(word: &str) -> bool {
    let titles = titles();
    // `Vice-President`, `Co-Chair`: a title joined to the word of rank before it.
    titles.contains(word)
        || word
            .bytes()
            .rposition(|b| b == b'-')
            .is_some_and(|i| i > 0 && titles.contains(&word[i + 1..]))
}

/// Whether `raw`, a word as written, is a title: `Dr`, `President`, or one that is a title only
/// with its full stop (`Sen.`, where `Sen` may be a name: `Amartya Sen`).
pub(super) fn is_title_as_written(raw: &str) -> bool {
    let dotted = raw.trim_end_matches([',', ';', ':']);
    is_title(bare(raw)) || (dotted.ends_with('.') && is_title(dotted))
}

/// Whether `word`, written in lower case, is a title when capitalised (`director`,
/// `manager`): an office, not a name's word.
pub(super) fn is_title_in_lower_case(word: &str) -> bool {
    let mut capital = word.to_string();
    if let Some(first) = capital.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    is_title(&capital)
}

/// Whether `word` is one of [`NOT_NAMES`] or a month, in a hash set made once: the check
/// runs for every capitalised word near a wanted surname.
pub(super) fn is_not_name(word: &str) -> bool {
    static WORDS: std::sync::OnceLock<WordSet> = std::sync::OnceLock::new();
    // Month names too ("May Leike" is no one's name).
    WORDS
        .get_or_init(|| NOT_NAMES.iter().chain(&MONTH_NAMES).copied().collect())
        .contains(word)
        || is_contraction(word)
}

/// A full name without the title of a calling it opens with (`Maestro David Sloss` → `David
/// Sloss`, `Sister Geraldine Tan`, `Pastor Ruth Abernathy`, `Cardinal Tom Reyes`): only before
/// a known given name and a surname, as these words open the names of bodies too (`Sister
/// Cities International`, `Cardinal Glennon Children's Hospital`, `Maestro Fresh Wes`).
pub fn without_title_of_calling(name: &str) -> Option<String> {
    const CALLINGS: &[&str] = &["Maestro", "Sister", "Pastor", "Cardinal", "Archbishop"];
    let (title, rest) = name.split_once(' ')?;
    let (given_name, _surname) = rest.split_once(' ')?;
    (CALLINGS.contains(&title) && given::of_given_name(given_name).is_some())
        .then(|| rest.to_string())
}

/// Whether `word` is a pronoun run together with a verb (`I'm`, `You're`, `We've`, `They'll`,
/// `I'd`, `It's`): capitalised to open a sentence, never a word of a name (`I'm Cheryl` names
/// Cheryl at most). Not `O'Neill`, `D'Angelo`, `Van't Hoff`, nor `Don't` in `Don't Quit
/// Foundation`, which may open a name.
pub(super) fn is_contraction(word: &str) -> bool {
    let Some(at) = word.find(['\'', '’']) else {
        return false;
    };
    let (before, after) = (&word[..at], &word[at..]);
    let after = after.trim_start_matches(['\'', '’']);
    matches!(
        before,
        "I" | "You" | "We" | "They" | "He" | "She" | "It" | "That" | "There" | "Here" | "What"
    ) && matches!(after, "m" | "re" | "ve" | "ll" | "d" | "s")
}

/// Whether `word` is never a word of a person's name: one of [`NOT_NAMES`], a month, one of
/// [`TITLES`] or [`HONORIFICS`]. The three sets in one, for the test of every word next to a
/// wanted surname: one lookup, not three.
pub(super) fn is_never_in_a_name(word: &str) -> bool {
    static WORDS: std::sync::OnceLock<WordSet> = std::sync::OnceLock::new();
    WORDS
        .get_or_init(|| {
            let months = MONTH_NAMES.iter();
            let words = NOT_NAMES
                .iter()
                .chain(months)
                .chain(TITLES)
                .chain(HONORIFICS);
            words.copied().collect()
        })
        .contains(word)
        || is_contraction(word)
        // `Professors Ines Halloran (…), Piet Vos (…)`: an office of several people.
        || word
            .strip_suffix('s')
            .is_some_and(|one| one.len() > 2 && titles().contains(one))
}

/// Words for a person's family, with the gender a word gives (none for `cousin`). Kin often
/// share a surname: a paragraph that names someone and speaks of their family (`Erik
/// Lindqvist … His grandfather`) may stand beside a second person of that surname, of the
/// kin's gender.
const KIN: [(&str, Option<Gender>); 26] = [
    ("mother", Some(Gender::Female)),
    ("father", Some(Gender::Male)),
    ("grandfather", Some(Gender::Male)),
    ("grandmother", Some(Gender::Female)),
    ("grandson", Some(Gender::Male)),
    ("granddaughter", Some(Gender::Female)),
    ("grandparent", None),
    ("grandchild", None),
    ("son", Some(Gender::Male)),
    ("daughter", Some(Gender::Female)),
    ("wife", Some(Gender::Female)),
    ("husband", Some(Gender::Male)),
    ("brother", Some(Gender::Male)),
    ("sister", Some(Gender::Female)),
    ("uncle", Some(Gender::Male)),
    ("aunt", Some(Gender::Female)),
    ("nephew", Some(Gender::Male)),
    ("niece", Some(Gender::Female)),
    ("cousin", None),
    ("parent", None),
    ("widow", Some(Gender::Female)),
    ("widower", Some(Gender::Male)),
    ("stepson", Some(Gender::Male)),
    ("stepdaughter", Some(Gender::Female)),
    ("stepmother", Some(Gender::Female)),
    ("stepfather", Some(Gender::Male)),
];

/// The words of `paragraph`, bare and without possessives, when it speaks of someone's
/// family of a gender `gender` allows (a word of `KIN`, any case, or its plural: `her two
/// sons` is no kin a `Ms` could be); none when it does not.
pub fn words_beside_kin(paragraph: &str, gender: Option<Gender>) -> Vec<&str> {
    static FINDER: std::sync::OnceLock<Option<aho_corasick::AhoCorasick>> =
        std::sync::OnceLock::new();
    let finder = FINDER.get_or_init(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(KIN.iter().map(|(w, _)| w))
            .ok()
    });
    let Some(finder) = finder else {
        return Vec::new();
    };
    let kin_of_gender = |m: &aho_corasick::Match| {
        let before = paragraph[..m.start()].chars().next_back();
        let rest = &paragraph[m.end()..];
        let rest = rest.strip_prefix('s').unwrap_or(rest);
        let (_, of) = KIN[m.pattern().as_usize()];
        before.is_none_or(|c| !c.is_alphabetic())
            && rest.chars().next().is_none_or(|c| !c.is_alphabetic())
            && (of.is_none() || gender.is_none() || of == gender)
    };
    if !finder.find_iter(paragraph).any(|m| kin_of_gender(&m)) {
        return Vec::new();
    }
    paragraph
        .split_whitespace()
        .map(|w| strip_possessive(bare(w)))
        .collect()
}

/// Where `word` stands in `text` as a word of its own: no letter or digit touches it (after a
/// word that ends in a dot, anything may follow: `Gov.Kessler`).
pub(super) fn whole_words<'t>(text: &'t str, word: &'t str) -> impl Iterator<Item = usize> + 't {
    memchr::memmem::find_iter(text.as_bytes(), word.as_bytes()).filter(move |&at| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        before.is_none_or(|c| !c.is_alphanumeric())
            && (word.ends_with('.') || after.is_none_or(|c| !c.is_alphanumeric()))
    })
}

/// Whether `word` is a short word in lower case run onto a capitalised one (`fromSan`,
/// `byJane`, `inWashington`): two words whose space was lost. Only words that stand before a
/// name or a place count, so that names and brands with a capital inside are none (`eBay`,
/// `iPhone`, `deGrasse`, `McMillan`).
pub(super) fn glued_capital(word: &str) -> bool {
    const BEFORE: &[&str] = &[
        "from", "by", "in", "at", "of", "to", "for", "with", "and", "the", "on", "via",
    ];
    // Most words asked of are in lower case through: one look at their bytes passes them by.
    if !word.bytes().skip(2).any(|b| b.is_ascii_uppercase()) {
        return false;
    }
    BEFORE.iter().any(|lower| {
        word.strip_prefix(lower).is_some_and(|rest| {
            let mut chars = rest.chars();
            chars.next().is_some_and(char::is_uppercase)
                && chars.next().is_some_and(char::is_lowercase)
        })
    })
}

#[inline]
pub(super) fn is_capitalised(word: &str) -> bool {
    match word.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => word.chars().next().is_some_and(char::is_uppercase),
    }
}

/// Whether `word` may be a surname whose particle is joined to it in lower case (`deLevie`,
/// `diCaprio`, `vanDyke`): a particle, then a capital and two letters more at least (not
/// `d’Or`). A name word only where the text says so (after a known given name, `Alan
/// deLevie`, or in a signature): alone it may be code (`deInit`).
pub(super) fn is_particle_joined(word: &str) -> bool {
    // Most words have no capital after their first two to four letters: asked of every word
    // in lower case near a name, so that is looked at first.
    let bytes = word.as_bytes();
    if !(2..=4).any(|i| bytes.get(i).is_some_and(u8::is_ascii_uppercase)) {
        return false;
    }
    (2..=4).any(|n| {
        word.get(..n).is_some_and(is_particle)
            && word[n..].starts_with(char::is_uppercase)
            && word[n..].chars().count() >= 3
    })
}

pub(super) fn is_acronym(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !word.chars().any(char::is_lowercase)
}

#[inline]
pub(super) fn strip_possessive(word: &str) -> &str {
    // Most words end in none of the marks: `s`, `'`, or the last byte of `’`.
    if !matches!(word.as_bytes().last(), Some(b's' | b'\'' | 0x99)) {
        return word;
    }
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .or_else(|| word.strip_suffix('\''))
        .or_else(|| word.strip_suffix('’'))
        .unwrap_or(word)
}

/// A word of a name as the text writes it: [`bare`], but an initial or an abbreviated title
/// keeps its dot (`M.` in `Rosa M. Delgado`, `Mr.` in `Mr. Reyes`).
pub(super) fn as_written(raw: &str) -> &str {
    let b = bare(raw);
    if b.is_empty() {
        return b;
    }
    // `bare` trims only characters that cannot begin it, so `b` is first found in `raw`
    // where it lies: its offset is where the slice starts, with no search for it.
    let at = offset_in(raw, b);
    let dotted = raw.get(at..at + b.len() + 1).filter(|d| d.ends_with('.'));
    let short = || {
        b.chars().count() == 1 && is_capitalised(b)
            || is_honorific(b)
            || is_title(b)
            || is_initials_run(b)
    };
    match dotted {
        // `Sen.`: a title only with its full stop (`Sen` may be a name: `Amartya Sen`).
        Some(d) if short() || is_title(d) => d,
        _ => b,
    }
}

/// Where `part`, a slice of `text` (a word `split_whitespace` gave, what `bare` left), starts
/// in it: the distance between the two, where a search for `part` would read the text.
pub(super) fn offset_in(text: &str, part: &str) -> usize {
    let at = (part.as_ptr() as usize).wrapping_sub(text.as_ptr() as usize);
    debug_assert!(at + part.len() <= text.len(), "a slice of the text");
    at
}

/// Whether `raw` is an initial: one capital letter and a dot (`M.`).
pub(super) fn is_initial(raw: &str) -> bool {
    let b = bare(raw);
    (b.chars().count() == 1 && is_capitalised(b) || is_initials_run(b))
        && as_written(raw).ends_with('.')
}

/// Whether `b` (a word `bare` gave, its last full stop trimmed) is initials run together, as
/// a name may open (`M.R.C` of `M.R.C. Greenwood`, `J.R.R` of `J.R.R. Tolkien`): two to four
/// capitals, each but the last followed by a full stop. Not the short forms of places and
/// bodies written the same way (`U.S`, `U.K`, `D.C`).
pub(super) fn is_initials_run(b: &str) -> bool {
    const NOT_INITIALS: &[&str] = &[
        "U.S", "U.K", "U.N", "E.U", "D.C", "N.Y", "L.A", "S.F", "N.J", "N.C", "S.C", "U.S.A",
        "P.R", "B.C", "A.D", "A.M", "P.M", "R.I.P", "P.S", "N.B", "I.T", "Q.C", "K.C", "U.A.E",
        "N.Y.C", "M.D", "J.D", "R.N", "B.A", "M.A", "B.S", "M.S", "D.D.S",
    ];
    let bytes = b.as_bytes();
    (3..=7).contains(&bytes.len())
        && bytes.len() % 2 == 1
        && bytes.iter().enumerate().all(|(i, &c)| match i % 2 {
            0 => c.is_ascii_uppercase(),
            _ => c == b'.',
        })
        && !NOT_INITIALS.contains(&b)
}

/// Whether `w` opens a sentence as an adverb, not as a name (`Presently Marco was …`): a
/// word in `-ly` of six letters or more that is no known given name.
pub(super) fn is_opening_adverb(w: &str) -> bool {
    w.len() >= 6 && w.ends_with("ly") && given::of_given_name(w).is_none()
}

#[inline]
pub(super) fn bare(word: &str) -> &str {
    // Most words begin and end in an ASCII letter or digit: nothing to trim, and no
    // character to decode.
    let bytes = word.as_bytes();
    if bytes.first().is_some_and(u8::is_ascii_alphanumeric)
        && bytes.last().is_some_and(u8::is_ascii_alphanumeric)
    {
        return word;
    }
    // `Harvey.<sup>69</sup>`: a footnote's mark in HTML after a word is no part of it.
    // (Words are short: a plain scan, with no call.)
    let word = match bytes.iter().position(|&b| b == b'<') {
        Some(at) if at > 0 && bytes[at..].starts_with(b"<sup>") => &word[..at],
        _ => word,
    };
    word.trim_matches(|c: char| {
        !c.is_alphanumeric() && c != '\'' && c != '’' && c != '-' && c != '.'
    })
    .trim_end_matches('.')
}

/// Whether `word` names a department of a body (`Sales`, `Development`): with an office it
/// describes someone (`Director Sales`, `Director of Development Laura Beck`), and names no
/// one.
pub(super) fn is_department(word: &str) -> bool {
    const DEPARTMENTS: &[&str] = &[
        "Sales",
        "Marketing",
        "Engineering",
        "Operations",
        "Communications",
        "Partnerships",
        "Alliances",
        "Finance",
        "Product",
        "Research",
        "Support",
        "Strategy",
        "Business",
        "Policy",
        "Programs",
        "Programmes",
        "Outreach",
        "Development",
        "Planning",
    ];
    DEPARTMENTS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_contraction_is_no_word_of_a_name() {
        for w in ["I'm", "I’m", "You're", "We've", "They'll", "I'd", "It’s"] {
            assert!(is_contraction(w), "{w}");
            assert!(is_not_name(w), "{w}");
        }
        // Names with an apostrophe, and a contraction that may open a body's name.
        for w in [
            "O'Neill",
            "D'Angelo",
            "N’Diaye",
            "Cheryl",
            "Van't",
            "Don't",
            "Ain't",
        ] {
            assert!(!is_contraction(w), "{w}");
        }
    }

    #[test]
    fn a_title_of_a_calling_goes_only_before_a_given_name() {
        let without = |n: &str| without_title_of_calling(n);
        assert_eq!(
            without("Maestro David Sloss").as_deref(),
            Some("David Sloss")
        );
        assert_eq!(
            without("Sister Geraldine Tan").as_deref(),
            Some("Geraldine Tan")
        );
        assert_eq!(without("Sister Cities International"), None);
        assert_eq!(without("Maestro Fresh Wes"), None);
        assert_eq!(without("Tantoo Cardinal"), None);
        assert_eq!(without("Sister Mary"), None);
    }

    #[test]
    fn a_word_that_lost_its_space_is_seen() {
        for word in ["fromSan", "byJane", "inWashington"] {
            assert!(glued_capital(word), "{word}");
        }
        // Names and brands with a capital inside, words alone, acronyms after a word: none.
        for word in [
            "McMillan", "eBay’s", "iPhone", "deGrasse", "from", "San", "inCA",
        ] {
            assert!(!glued_capital(word), "{word}");
        }
    }

    #[test]
    fn a_sieved_set_holds_each_of_its_words_and_no_other() {
        let all: Vec<&'static str> = TITLES
            .iter()
            .chain(NOT_NAMES)
            .chain(&MONTH_NAMES)
            .chain(HONORIFICS)
            .copied()
            .collect();
        let set: WordSet = all.iter().copied().collect();
        for w in &all {
            assert!(set.contains(w), "{w}");
        }
        for w in ["", "Zanzibar", "said", "Leike", "presidents", "X"] {
            assert_eq!(set.contains(w), all.contains(&w), "{w}");
        }
        // Without case: each word in any case is found.
        let caseless = Caseless::new(&["said", "told", "according"]);
        for w in ["said", "SAID", "Told", "accordinG"] {
            assert!(caseless.contains(w), "{w}");
        }
        for w in ["sad", "tolds", "", "saidx"] {
            assert!(!caseless.contains(w), "{w}");
        }
    }

    #[test]
    fn initials_run_together_are_initials_but_short_forms_of_places_are_not() {
        assert!(is_initials_run(bare("M.R.C.")));
        assert!(is_initial("J.R.R."));
        assert!(is_initial("M."));
        assert!(!is_initials_run(bare("U.S.")));
        assert!(!is_initials_run(bare("Mr.")));
        assert!(!is_initials_run(bare("MRC")));
    }
}
