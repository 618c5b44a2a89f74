//! Person names in prose: who a lead-in names as speaking, and a surname resolved to the full
//! name the document uses elsewhere (`Leike` → `Jan Leike`).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

use super::dates::MONTH_NAMES;
use super::sentences::word_around;

pub mod given;

use given::Gender;

/// Who a quotation's attribution points to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Who {
    /// A name as the text writes it (`Giese`, `Mr. Reyes`, `Jeff McAffer`).
    Named(String),
    /// A pronoun (`she said`): the person the text last named, of that gender when it has one.
    Pronoun(Option<Gender>),
    /// Someone the text marks as no one it names: an interviewer's `**Q:**`.
    Nobody,
}

/// Honorifics that stay with a surname written alone (`Mr. Reyes` is not `Reyes`).
const HONORIFICS: &[&str] = &[
    "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Mx", "Mx.", "Dr", "Dr.", "Prof", "Prof.",
    "Sir", "Dame", "Lord", "Lady",
];

/// Suffixes that follow a name after a comma (`Leonard Sipes, Jr.`).
const SUFFIXES: &[&str] = &["Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV"];

fn is_honorific(word: &str) -> bool {
    HONORIFICS.contains(&word)
}

/// Letters after a name that are no part of it (`Felicity Grainger MP`).
fn is_post_nominal(word: &str) -> bool {
    const POST_NOMINALS: &[&str] = &[
        "MP", "MPs", "MEP", "MSP", "MLA", "MPP", "QC", "KC", "PhD", "OBE", "CBE", "MBE", "KBE",
        "DBE", "FRS", "MD", "Esq",
    ];
    POST_NOMINALS.contains(&bare(word).trim_end_matches(','))
}

/// Whether `text` writes a suffix after a name anywhere (`, Jr.`, `, Sr.`, `, III`).
pub fn has_suffixes(text: &str) -> bool {
    // One pass for all four (SIMD-prefiltered), not four passes.
    static SUFFIXES: std::sync::OnceLock<Option<aho_corasick::AhoCorasick>> =
        std::sync::OnceLock::new();
    SUFFIXES
        .get_or_init(|| aho_corasick::AhoCorasick::new([", Jr", ", Sr", ", II", ", IV"]).ok())
        .as_ref()
        .is_none_or(|ac| ac.is_match(text))
}

/// Lower-case words inside a name (`Joost van Rijn`, `Ursula von der Leyen`).
fn is_particle(word: &str) -> bool {
    const PARTICLES: &[&str] = &[
        "van", "von", "der", "den", "de", "da", "di", "du", "del", "della", "la", "le", "bin",
        "al", "ter", "ten",
    ];
    PARTICLES.contains(&word)
}

fn is_suffix(word: &str) -> bool {
    SUFFIXES.contains(&word.trim_end_matches([',', ';', ':', ')']))
}

/// A pronoun that can stand for a speaker: `he`, `she` (not `they`, `it`, `we`: a group, a
/// thing, the authors).
fn pronoun(word: &str) -> Option<Option<Gender>> {
    match bare(word) {
        "he" | "He" => Some(Some(Gender::Male)),
        "she" | "She" => Some(Some(Gender::Female)),
        _ => None,
    }
}

/// Capitalised words that start sentences or name things, never people.
const NOT_NAMES: &[&str] = &[
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
    "Many",
    "Most",
    "Several",
    "Other",
    "Others",
    "Both",
    "Each",
    "Every",
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
];

/// Pronouns: a lead-in that names only a pronoun does not name the speaker.
const PRONOUNS: &[&str] = &["He", "She", "They", "It", "We", "I", "You", "Who"];

/// Words that introduce a quotation when a person does them.
const SPEECH_VERBS: &[&str] = &[
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
];

/// Nouns for what a person said: a heading or lead-in that names one names its speaker.
const STATEMENT_KINDS: &[&str] = &[
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
];

/// Titles that stand before a name and are not part of it.
const TITLES: &[&str] = &[
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

/// Whether `word` is one of [`NOT_NAMES`] or a month, in a hash set made once: the check
/// runs for every capitalised word near a wanted surname.
/// Whether `word` is one of [`TITLES`], looked up in a hash set made once: the check runs
/// for every capitalised word a name might hold.
fn is_title(word: &str) -> bool {
    type Set = std::collections::HashSet<&'static str, BuildHasherDefault<Fnv>>;
    static WORDS: std::sync::OnceLock<Set> = std::sync::OnceLock::new();
    WORDS
        .get_or_init(|| TITLES.iter().copied().collect())
        .contains(word)
}

fn is_not_name(word: &str) -> bool {
    type Set = std::collections::HashSet<&'static str, BuildHasherDefault<Fnv>>;
    static WORDS: std::sync::OnceLock<Set> = std::sync::OnceLock::new();
    // Month names too ("May Leike" is no one's name).
    WORDS
        .get_or_init(|| NOT_NAMES.iter().chain(&MONTH_NAMES).copied().collect())
        .contains(word)
}

/// FNV-1a: a short word hashed in a few instructions per byte. The words looked up are
/// the document's, but the set is fixed, so a crafted document can only make lookups
/// collide with a few hundred fixed words, not grow a table.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = hash;
    }
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn is_acronym(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !word.chars().any(char::is_lowercase)
}

fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .or_else(|| word.strip_suffix('\''))
        .or_else(|| word.strip_suffix('’'))
        .unwrap_or(word)
}

/// A word of a name as the text writes it: [`bare`], but an initial or an abbreviated title
/// keeps its dot (`M.` in `Rosa M. Delgado`, `Mr.` in `Mr. Reyes`).
fn as_written(raw: &str) -> &str {
    let b = bare(raw);
    let Some(at) = raw.find(b) else { return b };
    let dotted = raw.get(at..at + b.len() + 1).filter(|d| d.ends_with('.'));
    let short = b.chars().count() == 1 && is_capitalised(b) || is_honorific(b) || is_title(b);
    match dotted {
        Some(d) if short => d,
        _ => b,
    }
}

/// Whether `raw` is an initial: one capital letter and a dot (`M.`).
fn is_initial(raw: &str) -> bool {
    let b = bare(raw);
    b.chars().count() == 1 && is_capitalised(b) && as_written(raw).ends_with('.')
}

/// Whether `w` opens a sentence as an adverb, not as a name (`Presently Marco was …`): a
/// word in `-ly` of six letters or more that is no known given name.
fn is_opening_adverb(w: &str) -> bool {
    w.len() >= 6 && w.ends_with("ly") && given::of_given_name(w).is_none()
}

fn bare(word: &str) -> &str {
    word.trim_matches(|c: char| {
        !c.is_alphanumeric() && c != '\'' && c != '’' && c != '-' && c != '.'
    })
    .trim_end_matches('.')
}

/// The person a lead-in names as speaking: `CEO Sam Altman posted on X:` → `Sam Altman`,
/// `Despite his concerns, Leike ended on a note:` → `Leike`, `said Jane Doe` → `Jane Doe`,
/// `Sam Altman, OpenAI's CEO, wrote:` → `Sam Altman`, `According to Jane Doe:` → `Jane Doe`,
/// `In Leike's words:` → `Leike`.
pub fn speaker_in_lead_in(lead_in: &str) -> Option<String> {
    let words: Vec<&str> = lead_in.split_whitespace().collect();
    let verb = words.iter().rposition(|w| is_speech_verb(w));
    speaker_in_words(lead_in, &words, verb)
}

/// [`speaker_in_lead_in`] of `lead_in` split into `words`, the last reporting verb at `verb`.
fn speaker_in_words(lead_in: &str, words: &[&str], verb: Option<usize>) -> Option<String> {
    let Some(verb) = verb else {
        // Without a verb only a lead-in that introduces the quote can name its speaker:
        // `According to Dana Whitfield, the city's mayor, "…"`, `Declan Moore was
        // unconvinced: "…"`.
        let introduces = lead_in.trim_end();
        if introduces.ends_with(',') {
            return according_to(lead_in);
        }
        if !introduces.ends_with(':') {
            return None;
        }
        return according_to(lead_in)
            .or_else(|| possessive_subject(words))
            .or_else(|| subject_before_colon(lead_in));
    };
    // "according to Name" and "said Name" name the speaker after the verb.
    if let Some(name) = name_from(&words[verb + 1..]) {
        let comma_before_verb = verb > 0 && words[verb - 1].ends_with(',');
        if comma_before_verb || verb == 0 {
            return Some(name);
        }
    }
    // Skip an adverb or auxiliary between the name and the verb ("Leike later said").
    let end = subject_end(words, verb);
    let subject = &words[..end];
    // `Judge Miriam Castellanos of the Harmon County Superior Court wrote`: the person
    // opening the subject, not the body after `of`.
    // The clause may follow others: `In a ruling issued Oct. 17, 2023, Judge … of … wrote`.
    let clause_starts = std::iter::once(0).chain(
        subject
            .iter()
            .enumerate()
            .filter(|(_, w)| w.ends_with(','))
            .map(|(i, _)| i + 1),
    );
    // A later clause must open with someone surely a person (titled, or a known given
    // name): `Ellen Langhans, Program Manager at …, said` is not Program Manager's.
    // Only a subject with `of`, `from`, `at` or `with` in it can read so.
    let joins = subject
        .iter()
        .any(|w| matches!(*w, "of" | "from" | "at" | "with"));
    let opens_with_person = clause_starts
        .filter(|&start| joins && start < subject.len())
        .filter(|&start| {
            let first = bare(subject[start]);
            is_capitalised(first) || is_title(first)
        })
        .filter_map(|start| {
            let name = name_before_from(&subject[start..])?;
            let surely = start == 0
                || is_title(bare(subject[start]))
                || given::of_given_name(name.split_whitespace().next()?).is_some();
            surely.then_some(name)
        })
        .find(|n| n.split_whitespace().count() >= 2 || is_titled(n));
    let named = if opens_with_person.is_some() {
        opens_with_person
    } else if subject.last().is_some_and(|w| w.ends_with(',')) {
        appositive_subject(subject)
    } else {
        name_before(subject)
    };
    named
        .or_else(|| possessive_subject(subject))
        .or_else(|| name_before_from(subject))
        .or_else(|| subject_of_two_verbs(subject))
}

/// The name that opens a sentence whose reporting verb is its second (`Ailsa Morrow, who
/// chairs the group, welcomed the plan but said`): the verb follows `and` or `but`.
fn subject_of_two_verbs(subject: &[&str]) -> Option<String> {
    let joined = subject
        .last()
        .is_some_and(|w| matches!(bare(w), "and" | "but"));
    let first = subject.first().map(|w| bare(w))?;
    if !joined || !is_capitalised(first) || is_not_name(first) {
        return None;
    }
    let end = subject
        .iter()
        .position(|w| !is_capitalised(bare(w)) || w.ends_with(','))?;
    let run = &subject[..=end];
    let name = name_from(run)?;
    (name.split_whitespace().count() >= 2 || name.split_whitespace().count() == 1 && end == 0)
        .then_some(name)
}

/// The one person a lead-in ending in a colon names, when not as the object of a
/// preposition: `Local fisherman Declan Moore was unconvinced:` → `Declan Moore`; `The data
/// request was:` and `In a letter to Jane Doe, the agency wrote:` name no speaker.
fn subject_before_colon(lead_in: &str) -> Option<String> {
    const PREPOSITIONS: &[&str] = &[
        "to", "with", "for", "from", "by", "about", "of", "on", "against", "at", "and",
    ];
    let mentions = person_mentions(lead_in);
    let [(at, name)] = mentions.as_slice() else {
        // `Henrik himself sent us a short note for this post:` — a name alone opening the
        // sentence, and a statement it sends.
        let words: Vec<&str> = lead_in.split_whitespace().collect();
        let first = words.first().map(|w| bare(w))?;
        let second = words.get(1).map(|w| bare(w))?;
        let alone = mentions.is_empty()
            && name_word(words[0]).is_some_and(|(_, closes)| !closes)
            && !is_capitalised(second)
            && !PRONOUNS.contains(&first);
        return (alone && words.iter().any(|w| is_statement_kind(w))).then(|| first.to_string());
    };
    let before = lead_in[..*at]
        .split_whitespace()
        .next_back()
        .unwrap_or_default();
    (!PREPOSITIONS.contains(&before.to_lowercase().as_str())).then(|| name.clone())
}

/// A name that opens the subject and is followed by where the person is from:
/// `Levy from EPA` → `Levy`, `Jane Doe of the NHS` → `Jane Doe`.
fn name_before_from(subject: &[&str]) -> Option<String> {
    // A title may open it: `President Alvarez of the business association`.
    let title = subject
        .first()
        .filter(|raw| is_title(bare(raw)))
        .map(|raw| as_written(raw));
    let skip = usize::from(title.is_some());
    let mut run = Vec::new();
    for raw in &subject[skip..] {
        let w = bare(raw);
        if is_capitalised(w) && !is_acronym(w) && !is_not_name(w) && !is_title(w) {
            run.push(as_written(raw));
            if run.len() > 3 || (raw.ends_with([',', '.', ';', ':']) && !is_initial(raw)) {
                return None;
            }
            continue;
        }
        let from = ["from", "of", "at", "with"].contains(&w);
        return (from && !run.is_empty())
            .then(|| titled(title, run))
            .flatten();
    }
    None
}

/// [`speaker_in_lead_in`], or the pronoun a lead-in names as speaking (`She said`,
/// `he later explained`, `said she`).
pub fn who_in_lead_in(lead_in: &str) -> Option<Who> {
    let words: Vec<&str> = lead_in.split_whitespace().collect();
    let verb = words.iter().rposition(|w| is_speech_verb(w));
    if let Some(name) = speaker_in_words(lead_in, &words, verb) {
        return Some(Who::Named(name));
    }
    let verb = verb?;
    let end = subject_end(&words, verb);
    if let Some(g) = end.checked_sub(1).and_then(|i| pronoun(words[i])) {
        // `he said`, but not `told him she`: the pronoun is the verb's subject.
        return Some(Who::Pronoun(g));
    }
    let after_verb = words.get(verb + 1).and_then(|w| pronoun(w));
    let verb_first = verb == 0 || words[verb - 1].ends_with(',');
    match (after_verb, verb_first) {
        (Some(g), true) => Some(Who::Pronoun(g)),
        _ => None,
    }
}

/// Where the subject before the verb at `verb` ends: an adverb or auxiliary between them is
/// passed over (`Leike later said`).
fn subject_end(words: &[&str], verb: usize) -> usize {
    let mut end = verb;
    while end > 0 && end + 2 >= verb {
        let w = bare(words[end - 1]);
        if w.ends_with("ly") && !is_capitalised(w)
            || [
                "later", "also", "then", "once", "had", "has", "have", "was", "publicly",
                "famously", "who",
            ]
            .contains(&w)
        {
            end -= 1;
        } else {
            break;
        }
    }
    end
}

/// The speaker of a sentence that ends in its reporting verb (`Levy from EPA commented.`,
/// `Ellen Langhans, Program Manager at DHS, said.`): the quotation after it is theirs.
pub fn speaker_ending_in_verb(sentence: &str) -> Option<Who> {
    let s = sentence.trim_end();
    let s = s.strip_suffix(['.', ':']).unwrap_or(s);
    let last = s.split_whitespace().next_back()?;
    if is_gesture(last) {
        // `When I repeat this to Nwosu, she laughs. "He's right."`: whoever laughs says it.
        let words: Vec<&str> = s.split_whitespace().collect();
        let subject = &words[..words.len() - 1];
        return match subject.last().and_then(|w| pronoun(w)) {
            Some(gender) => Some(Who::Pronoun(gender)),
            None => name_before(subject).map(Who::Named),
        };
    }
    if !is_speech_verb(last) {
        return None;
    }
    who_in_lead_in(s)
}

/// Whether `text` ends in a reporting verb or a gesture (`… Program Manager, said.`).
pub fn ends_in_reporting_verb(text: &str) -> bool {
    let last = text.trim_end().trim_end_matches(['.', ':']);
    last.split_whitespace()
        .next_back()
        .is_some_and(|w| is_speech_verb(w) || is_gesture(w))
}

/// Whether `word` is a gesture that introduces what its subject says next (`she laughs`,
/// `he shrugged`).
fn is_gesture(word: &str) -> bool {
    const GESTURES: &[&str] = &[
        "laughs", "laughed", "smiles", "smiled", "shrugs", "shrugged", "nods", "nodded", "sighs",
        "sighed", "grins", "grinned", "pauses", "paused", "frowns", "frowned",
    ];
    GESTURES.contains(&bare(word))
}

fn is_speech_verb(word: &str) -> bool {
    let w = bare(word);
    // Most words are looked at here: those no verb's length are passed over at once.
    (3..=13).contains(&w.len()) && SPEECH_VERBS.iter().any(|v| v.eq_ignore_ascii_case(w))
}

/// The subject of a lead-in whose last words are set off by commas: the name in the commas
/// when they hold only a name (`OpenAI's CEO, Sam Altman,` → `Sam Altman`), else the name
/// before them (`Sam Altman, OpenAI's CEO,` → `Sam Altman`; `The board, led by Bret Taylor,`
/// → none).
fn appositive_subject(words: &[&str]) -> Option<String> {
    const LONGEST_APPOSITIVE: usize = 12;
    let (_, before) = words.split_last()?;
    let open = before.iter().rposition(|w| w.ends_with(','));
    let inside = &words[open.map_or(0, |j| j + 1)..];
    let only_a_name = inside
        .iter()
        .map(|w| bare(w))
        .skip_while(|w| is_title(w))
        .filter(|w| !is_post_nominal(w))
        .all(|w| {
            is_particle(w)
                || is_capitalised(w)
                    && !is_acronym(w)
                    && strip_possessive(w) == w
                    && !is_not_name(w)
        });
    if only_a_name {
        if let Some(name) = name_before(inside) {
            return Some(name);
        }
    }
    let open = open.filter(|&j| words.len() - j <= LONGEST_APPOSITIVE)?;
    name_before(&words[..=open])
}

/// The owner of a statement a lead-in names: `Leike's statement was short:` and
/// `In Leike’s words:` → `Leike`. The possessive must be followed, within three lower-case
/// words, by a kind of statement.
fn possessive_subject(words: &[&str]) -> Option<String> {
    let i = words.iter().rposition(|w| {
        let b = bare(w);
        is_capitalised(b) && strip_possessive(b).len() < b.len()
    })?;
    let after = &words[i + 1..];
    let kind_follows = after.iter().take(3).any(|w| is_statement_kind(w))
        && after.iter().all(|w| !is_capitalised(bare(w)));
    if !kind_follows {
        return None;
    }
    let mut subject = words[..i].to_vec();
    subject.push(strip_possessive(bare(words[i])));
    name_before(&subject)
}

fn is_statement_kind(word: &str) -> bool {
    let w = bare(word);
    STATEMENT_KINDS.iter().any(|k| k.eq_ignore_ascii_case(w))
}

/// A name after an "according to" anywhere in `text`.
pub fn according_to(text: &str) -> Option<String> {
    const PHRASE: &[u8] = b"according to ";
    let at = text
        .as_bytes()
        .windows(PHRASE.len())
        .position(|w| w.eq_ignore_ascii_case(PHRASE))?;
    let rest: Vec<&str> = text.get(at + PHRASE.len()..)?.split_whitespace().collect();
    name_from(&rest)
}

/// The capitalised run that ends `words` (a subject just before its verb). A title before a
/// surname alone stays with it, as written (`Mr. Reyes`, `President Alvarez`); before a full
/// name it is dropped (`CEO Sam Altman` → `Sam Altman`).
fn name_before(words: &[&str]) -> Option<String> {
    let mut run: Vec<&str> = Vec::new();
    let mut title: Option<&str> = None;
    // Letters after the name are passed over: `Felicity Grainger MP,`.
    let mut words = words;
    while let Some((last, rest)) = words.split_last() {
        if !is_post_nominal(last) || rest.is_empty() {
            break;
        }
        words = rest;
    }
    for (i, raw) in words.iter().enumerate().rev() {
        let w = bare(raw);
        let ends_clause = raw.ends_with(',') || raw.ends_with(':') || raw.ends_with(';');
        if ends_clause && i + 1 < words.len() {
            break;
        }
        // `van` in `Joost van Rijn`: inside a name, between its capitalised words.
        if is_particle(w) && !run.is_empty() && i > 0 && is_capitalised(bare(words[i - 1])) {
            run.push(w);
            continue;
        }
        if is_title(w) {
            title = Some(as_written(raw));
            break;
        }
        if w.is_empty()
            || !is_capitalised(w)
            || is_acronym(w)
            || w.ends_with("'s")
            || w.ends_with("’s")
        {
            break;
        }
        run.push(as_written(raw));
        if run.len() == 4 {
            break;
        }
    }
    run.reverse();
    while run
        .first()
        .is_some_and(|w| is_not_name(w) || (run.len() > 1 && is_opening_adverb(w)))
    {
        run.remove(0);
    }
    titled(title, run)
}

/// `run` as one name, with `title` before it when the run is a surname alone.
fn titled(title: Option<&str>, run: Vec<&str>) -> Option<String> {
    let name = run.join(" ");
    if name.is_empty() || PRONOUNS.contains(&name.as_str()) {
        return None;
    }
    Some(match title {
        Some(t) if run.len() == 1 && !is_not_name(&name) => format!("{t} {name}"),
        _ => name,
    })
}

/// The name that starts `words`, after any titles and organisations and a short lower-case
/// description: `Jane Doe, a researcher` → `Jane Doe`, `OpenAI CEO Sam Altman` → `Sam Altman`,
/// `former board member Helen Toner` → `Helen Toner`. A description ends at a preposition or a
/// pronoun (`in an interview with Jane Doe`, `he told Jane Doe` name no one), and a name after
/// one must be a full name.
pub(super) fn name_from(words: &[&str]) -> Option<String> {
    const STOPS: &[&str] = &[
        "in", "on", "at", "to", "for", "from", "by", "of", "with", "about", "via", "after",
        "before", "during", "he", "she", "they", "it", "we", "you", "i", "who", "which", "that",
    ];
    const LONGEST_DESCRIPTION: usize = 4;
    let mut run: Vec<&str> = Vec::new();
    let mut title: Option<&str> = None;
    let mut described = 0;
    for raw in words {
        let b = bare(raw);
        if is_title(b) || is_acronym(b) {
            if run.len() >= 2 {
                break;
            }
            // A single word before a title names an organisation: `OpenAI CEO Sam Altman`.
            run.clear();
            title = is_title(b).then(|| as_written(raw));
            continue;
        }
        let w = strip_possessive(b);
        if w.is_empty() || raw.starts_with(['(', '[']) {
            break;
        }
        if !is_capitalised(w) {
            if !run.is_empty() || described == LONGEST_DESCRIPTION || STOPS.contains(&w) {
                break;
            }
            title = None;
            described += 1;
            continue;
        }
        if is_not_name(w) {
            break;
        }
        run.push(if w == b { as_written(raw) } else { w });
        let closes = raw.ends_with(',') || raw.ends_with(':') || raw.ends_with(';');
        if closes || (raw.ends_with('.') && !is_initial(raw)) || run.len() == 4 {
            break;
        }
    }
    if described > 0 && run.len() < 2 && title.is_none() {
        return None;
    }
    titled(title, run)
}

/// The people the quotes' attributions name, by every word of their names: where a text
/// mentions one of them.
#[derive(Debug, Default)]
pub struct People {
    /// A word of a name (`Hsieh`, `Brian`) and the full name; a word two people share
    /// names neither.
    words: HashMap<String, Option<String>>,
    /// The names added so far.
    added: std::collections::HashSet<String>,
}

impl People {
    /// Adds a speaker's full name.
    pub fn add(&mut self, full: &str) {
        // Most speakers are quoted many times: each name is taken apart once.
        if !self.added.insert(full.to_string()) {
            return;
        }
        for w in full.split_whitespace() {
            let w = w.trim_end_matches(',');
            if w.chars().count() < 2 || !is_capitalised(w) || is_honorific(w) || is_suffix(w) {
                continue;
            }
            let entry = self
                .words
                .entry(w.to_string())
                .or_insert_with(|| Some(full.to_string()));
            match entry.as_deref() {
                Some(known) if known == full => {}
                // `Dr. Nwosu` and `Ada Nwosu`: the full name, when the title allows it.
                Some(known) if is_titled(known) && !is_titled(full) => {
                    let title = known.split_whitespace().next().unwrap_or_default();
                    *entry =
                        gender_allows(full, given::of_honorific(title)).then(|| full.to_string());
                }
                Some(known)
                    if is_titled(full)
                        && !is_titled(known)
                        && gender_allows(
                            known,
                            given::of_honorific(full.split_whitespace().next().unwrap_or_default()),
                        ) => {}
                _ => *entry = None,
            }
        }
    }

    /// Each mention in `text` of a person added: where, and their full name.
    pub fn mentions<'p>(&'p self, text: &str) -> Vec<(usize, &'p str)> {
        let mut found: Vec<(usize, &str)> = Vec::new();
        if self.words.is_empty() {
            return found;
        }
        let mut at = 0;
        for raw in text.split_whitespace() {
            let start = at + text[at..].find(raw).unwrap_or(0);
            at = start + raw.len();
            let w = strip_possessive(bare(raw));
            if let Some(Some(full)) = self.words.get(w) {
                // `Jeff McAffer` is one mention, not two.
                if found.last().is_none_or(|&(_, f)| f != full.as_str()) || !is_capitalised(w) {
                    found.push((start, full.as_str()));
                }
            }
        }
        found
    }
}

/// Last words of capitalised runs that name places, bodies and things, not people.
const NOT_PERSON_ENDINGS: &[&str] = &[
    "Street",
    "Avenue",
    "Road",
    "Square",
    "Park",
    "Bridge",
    "River",
    "Lake",
    "Valley",
    "County",
    "City",
    "State",
    "States",
    "Kingdom",
    "Republic",
    "Union",
    "Foundation",
    "University",
    "College",
    "School",
    "Institute",
    "Institution",
    "Agency",
    "Department",
    "Ministry",
    "Office",
    "Authority",
    "Council",
    "Committee",
    "Commission",
    "Board",
    "Association",
    "Society",
    "Group",
    "Company",
    "Corporation",
    "Inc",
    "Ltd",
    "Bank",
    "Fund",
    "Center",
    "Centre",
    "Hospital",
    "Clinic",
    "Network",
    "Project",
    "Team",
    "Service",
    "Services",
    "Court",
    "House",
    "Hall",
    "Times",
    "Post",
    "News",
    "Press",
    "Labs",
    "Lab",
    "Systems",
    "Technologies",
    "Software",
    "Party",
    "Act",
    "Bill",
    "Conference",
    "Summit",
    "Day",
    "Week",
    "Year",
    "Plan",
    "Program",
    "Programme",
    "Initiative",
    "Report",
    "Review",
];

/// Where `text` names a person in full (a run of two or three name words, not a place's or
/// an organisation's: `Amara Nwosu`, `Rosa M. Delgado`), or by a title and surname (`Mr.
/// Reyes`): each mention's offset and the name.
pub fn person_mentions(text: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    let mut run_start = 0;
    let mut title: Option<&str> = None;
    let mut note = |run: &mut Vec<&str>, title: Option<&str>, start: usize| {
        let person = match run.as_slice() {
            [one] => title.map(|t| format!("{t} {one}")),
            [_, .., last] if run.len() <= 3 && !NOT_PERSON_ENDINGS.contains(last) => {
                Some(run.join(" "))
            }
            _ => None,
        };
        if let Some(person) = person {
            found.push((start, person));
        }
        run.clear();
    };
    let mut at = 0;
    for raw in text.split_whitespace() {
        let start = at + text[at..].find(raw).unwrap_or(0);
        at = start + raw.len();
        match name_word(raw) {
            Some((stem, closes)) => {
                if run.is_empty() {
                    run_start = start;
                }
                run.push(stem);
                if closes {
                    note(&mut run, title.take(), run_start);
                }
            }
            None => {
                note(&mut run, title.take(), run_start);
                let b = bare(raw);
                title = (is_honorific(b) || is_title(b)).then(|| as_written(raw));
            }
        }
    }
    note(&mut run, title, run_start);
    found
}

/// The person an interview label stands for: initials (`RA`) become the one person named in
/// full whose initials they are; a name is kept as written (a short one is resolved later);
/// the interviewer's labels (`Q`, `Question`, `Interviewer`) and the authors' are
/// [`Who::Nobody`].
pub fn expand_label(label: &str, named: &[String]) -> Option<Who> {
    const ASKING: &[&str] = &[
        "Q",
        "Question",
        "Interviewer",
        "Us",
        "We",
        "Me",
        "A",
        "Answer",
    ];
    if ASKING.contains(&label) {
        return Some(Who::Nobody);
    }
    let initials = |full: &str| -> String {
        full.split_whitespace()
            .filter(|w| !is_initial(w))
            .filter_map(|w| w.chars().next())
            .collect()
    };
    if is_acronym(label) && label.chars().count() <= 4 {
        let matching: Vec<&String> = named.iter().filter(|n| initials(n) == label).collect();
        return match matching.as_slice() {
            [one] => Some(Who::Named((*one).clone())),
            _ => None,
        };
    }
    // A transcript's `MARIA LOPEZ:` is Maria Lopez.
    let label = if label.chars().count() > 4 && !label.chars().any(char::is_lowercase) {
        label
            .split_whitespace()
            .map(|w| {
                let mut chars = w.chars();
                chars.next().map_or(String::new(), |c| {
                    c.to_string() + &chars.as_str().to_lowercase()
                })
            })
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        label.to_string()
    };
    let words: Vec<&str> = label.split_whitespace().collect();
    let a_name = words
        .iter()
        .all(|w| name_word(w).is_some() || is_initial(w) || is_particle(w));
    a_name.then(|| Who::Named(label.clone()))
}

/// Whether a pronoun of `gender` can stand for `name`: not when the name's given name (or
/// honorific) is the other gender's.
pub fn gender_allows(name: &str, gender: Option<Gender>) -> bool {
    let Some(gender) = gender else { return true };
    let first = name.split_whitespace().next().unwrap_or_default();
    let of_name = given::of_honorific(first).or_else(|| given::of_given_name(first));
    of_name.is_none_or(|g| g == gender)
}

/// Whether `name` is a title and a surname (`Mr. Reyes`, `President Alvarez`): a name the
/// text gives that way stays so, never taken for someone's full name.
pub fn is_titled(name: &str) -> bool {
    let mut words = name.split_whitespace();
    let first = words.next().map(bare).unwrap_or_default();
    (is_title(first) || is_honorific(first)) && words.count() == 1
}

/// Whether a titled name's title is a form of address (`Mr.`, `Mrs`, `Ms`, `Miss`, `Mx`):
/// such a name is never taken for a full name the text writes without it (`Mrs. Okafor` may
/// be Daniel Okafor's mother), where a role is (`Minister Bell` is the Catriona Bell the
/// text names).
pub fn is_addressed(name: &str) -> bool {
    let first = name.split_whitespace().next().unwrap_or_default();
    matches!(
        first.trim_end_matches('.'),
        "Mr" | "Mrs" | "Ms" | "Miss" | "Mx" | "Madam" | "Madame"
    )
}

/// A speaker's name as written, without a possessive (`Leike's` → `Leike`).
pub fn as_written_name(name: &str) -> String {
    strip_possessive(name.trim()).to_string()
}

/// The name in an attribution such as `Jan Leike, on X` or `Jane Doe (2021)`: the words before
/// the first comma, bracket or `on`/`in`/`to`, when they start with a capital.
pub fn name_in_attribution(text: &str) -> Option<String> {
    let text = text
        .trim()
        .trim_start_matches(['—', '―', '–', '-', '~', '*', '_', ' ']);
    let end = text
        .find([',', '(', '[', ';', '|', '\n'])
        .unwrap_or(text.len());
    let words: Vec<&str> = text[..end]
        .split_whitespace()
        .take_while(|w| !["on", "in", "to", "at", "via", "from", "for", "of"].contains(w))
        .collect();
    if words.is_empty() || words.len() > 6 || !is_capitalised(words[0]) {
        return None;
    }
    // A name, not a sentence or a question: every word capitalised but its particles
    // (`Ursula von der Leyen`), the first no common word.
    const PARTICLES: &[&str] = &[
        "de", "van", "von", "der", "den", "da", "di", "du", "del", "la", "le", "bin", "al", "y",
    ];
    let a_name = words
        .iter()
        .all(|w| is_capitalised(w) || PARTICLES.contains(w))
        && !is_not_name(bare(words[0]))
        && !text[..end].trim_end().ends_with('?');
    if !a_name {
        return None;
    }
    // `— Dr. Harriet Lund, Dean of …`: a title before a full name is no part of it.
    let mut words = words;
    while words.len() > 2 && is_title(bare(words[0])) {
        words.remove(0);
    }
    let name = words.join(" ");
    let name = name.trim_end_matches(['.', ':', '*', '_', '"', '”']).trim();
    (!name.is_empty()).then(|| name.to_string())
}

/// The person whose statement a heading announces: `Leike's Public Statement` → `Leike`,
/// `Statement by Jane Doe` → `Jane Doe`.
pub fn speaker_of_heading(title: &str) -> Option<String> {
    let words: Vec<&str> = title.split_whitespace().collect();
    if let Some(i) = words.iter().position(|w| {
        let b = bare(w);
        strip_possessive(b) != b || w.ends_with("'s") || w.ends_with("’s")
    }) {
        let rest_has_kind = words[i + 1..].iter().take(3).any(|w| is_statement_kind(w));
        if rest_has_kind {
            let mut name: Vec<&str> = words[..=i]
                .iter()
                .map(|w| strip_possessive(bare(w)))
                .collect();
            while name
                .first()
                .is_some_and(|w| is_not_name(w) || !is_capitalised(w))
            {
                name.remove(0);
            }
            if !name.is_empty() && name.iter().all(|w| is_capitalised(w)) {
                return Some(name.join(" "));
            }
        }
    }
    for (i, w) in words.iter().enumerate() {
        let by = words.get(i + 1).is_some_and(|b| {
            ["by", "from", "of"]
                .iter()
                .any(|p| p.eq_ignore_ascii_case(bare(b)))
        });
        if by && is_statement_kind(w) {
            return name_from(&words[i + 2..]);
        }
    }
    None
}

/// Full names (runs of two or three capitalised words) seen in a document, with how often,
/// for the surnames that need resolving. Only the words around each occurrence of a wanted
/// surname are looked at, found by one pass over the bytes of each text.
#[derive(Debug, Default)]
pub struct Directory {
    /// Finds the wanted surnames in a text; `None` when none is wanted.
    finder: Option<Finder>,
    counts: HashMap<String, usize>,
    /// The full names by surname, given name and name without its suffix, most frequent
    /// first, made at the first [`Directory::candidates`].
    by_word: std::cell::OnceCell<HashMap<String, Vec<(String, usize)>>>,
}

/// How a directory looks for its surnames: one SIMD substring search per surname when there
/// are few (most documents quote one to three people; building an automaton costs more than
/// searching a short document), all at once with Aho-Corasick when there are many.
#[derive(Debug)]
enum Finder {
    Few(Vec<(String, memchr::memmem::Finder<'static>)>),
    Many(aho_corasick::AhoCorasick),
}

/// Up to this many surnames are searched for one by one.
const FEW: usize = 4;

impl Finder {
    /// Calls `found(start, end)` for every wanted surname in `text`, in no particular order;
    /// where two overlap, for the longer (Aho-Corasick) or both (one by one): each is
    /// checked against its word anyway.
    fn for_each(&self, text: &str, mut found: impl FnMut(usize, usize)) {
        match self {
            Finder::Few(finders) => {
                for (name, f) in finders {
                    for at in f.find_iter(text.as_bytes()) {
                        found(at, at + name.len());
                    }
                }
            }
            Finder::Many(ac) => {
                for m in ac.find_iter(text) {
                    found(m.start(), m.end());
                }
            }
        }
    }
}

impl Directory {
    /// A directory of the full names that end in one of `surnames`.
    pub fn for_surnames<'a>(surnames: impl IntoIterator<Item = &'a str>) -> Self {
        let mut wanted: Vec<&str> = surnames
            .into_iter()
            .map(|n| strip_possessive(n.trim()))
            .filter(|n| !n.is_empty() && !n.contains(char::is_whitespace))
            .collect();
        wanted.sort_unstable();
        wanted.dedup();
        let finder = if wanted.is_empty() {
            None
        } else if wanted.len() <= FEW {
            Some(Finder::Few(
                wanted
                    .iter()
                    .map(|n| (n.to_string(), memchr::memmem::Finder::new(n).into_owned()))
                    .collect(),
            ))
        } else {
            // Longest first where one surname starts another ("Lei", "Leike"): the whole
            // word is checked against the surname afterwards.
            aho_corasick::AhoCorasick::builder()
                .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                .build(&wanted)
                .ok()
                .map(Finder::Many)
        };
        Directory {
            finder,
            ..Directory::default()
        }
    }

    /// Notes every full name within one of `ranges` of `text` (in order, not overlapping)
    /// that ends in a wanted surname: a maximal run of name words (capitalised, not an
    /// acronym, not a common capitalised word) that a comma, full stop, possessive or the
    /// like closes, of two or three words. One search of `text` for all the ranges: one long
    /// search is far faster than many short ones.
    pub fn add_ranges(&mut self, text: &str, ranges: impl IntoIterator<Item = Range<usize>>) {
        let Some(finder) = &self.finder else { return };
        self.by_word.take();
        let ranges: Vec<Range<usize>> = ranges.into_iter().collect();
        let counts = &mut self.counts;
        // Most mentions repeat a name already counted: it is built here, not allocated.
        let mut full = String::new();
        // The range the last mention ended in: mentions mostly come in text order, so the next
        // one's range is found by stepping from there rather than by a search of them all.
        let mut at = 0;
        // Where the last words of the names counted start: a run found from its first word
        // (`Policy Community Policymakers`) is not counted again from its last.
        let mut counted: std::collections::HashSet<usize, BuildHasherDefault<Fnv>> =
            Default::default();
        finder.for_each(text, |start, end| {
            // The range the surname ends in; it must start there too.
            if at > 0 && ranges[at - 1].end >= end {
                at = 0;
            }
            at = first_ending_at_or_after(&ranges, at, end);
            let Some(range) = ranges.get(at) else {
                return;
            };
            if start < range.start {
                return;
            }
            let surname = &text[start..end];
            let within = &text[range.clone()];
            // A run is known by where its last word starts.
            let at_word = start - range.start;
            let last_word = if full_name_ending_at(within, at_word, surname, &mut full) {
                if let Some(suffix) = suffix_after(&text[end..range.end]) {
                    full.push_str(", ");
                    full.push_str(suffix);
                }
                Some(word_around(within, at_word).start)
            } else if within[end - range.start..]
                .strip_prefix(' ')
                .is_some_and(|next| next.starts_with(|c: char| c.is_uppercase()))
            {
                // A given name opens a run only before a capitalised word.
                full_name_starting_at(within, at_word, surname, &mut full)
            } else {
                None
            };
            if last_word.is_some_and(|w| counted.insert(range.start + w)) {
                match counts.get_mut(full.as_str()) {
                    Some(count) => *count += 1,
                    None => {
                        counts.insert(full.clone(), 1);
                    }
                }
            }
        });
    }

    /// `name` as the document names the person in full when only one person can be meant
    /// ([`Directory::candidates`]); else as written. The quote finder weighs several
    /// candidates itself; this is the simple reading its tests state.
    #[cfg(test)]
    pub fn resolve(&self, name: &str) -> String {
        let name = strip_possessive(name.trim());
        match self.candidates(name).as_slice() {
            [one] => one.to_string(),
            _ => name.to_string(),
        }
    }

    /// Every full name the document writes that `name` can be short for: the names whose
    /// surname it is, or when there are none, whose given name it is; for a full name, that
    /// name with a suffix (`Walter Pryce` → `Walter Pryce, Jr.`). Most frequent first.
    pub fn candidates(&self, name: &str) -> Vec<&str> {
        let name = strip_possessive(name.trim());
        let index = self.by_word.get_or_init(|| {
            let mut index: HashMap<String, Vec<(String, usize)>> = HashMap::new();
            for (full, &count) in &self.counts {
                // Surnames under the word, given names under a space and the word, and
                // suffixed names under the name without the suffix.
                let given = full.split(' ').next().unwrap_or(full);
                let mut keys = vec![surname_of(full).to_string(), format!(" {given}")];
                if let Some((plain, _)) = full.rsplit_once(", ").filter(|(_, s)| is_suffix(s)) {
                    keys.push(format!("  {plain}"));
                }
                for key in keys {
                    index.entry(key).or_default().push((full.clone(), count));
                }
            }
            for names in index.values_mut() {
                names.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            }
            index
        });
        let found = if name.contains(' ') {
            index.get(&format!("  {name}"))
        } else {
            index.get(name).or_else(|| index.get(&format!(" {name}")))
        };
        found
            .map(|names| names.iter().map(|(full, _)| full.as_str()).collect())
            .unwrap_or_default()
    }
}

/// The surname of a full name: its last word before any suffix (`Walter Pryce, Jr.` →
/// `Pryce`).
pub fn surname_of(full: &str) -> &str {
    full.split_whitespace()
        .map(|w| w.trim_end_matches(','))
        .rfind(|w| !is_suffix(w))
        .unwrap_or(full)
}

/// The first of `ranges` (in order, not overlapping) from index `from` on that ends at or
/// after `end`, when every range before `from` ends before it: galloped from `from`, so a
/// range a step or two on costs a step or two, not a search of them all.
fn first_ending_at_or_after(ranges: &[Range<usize>], from: usize, end: usize) -> usize {
    let rest = ranges.get(from..).unwrap_or_default();
    let mut bound = 1;
    while bound < rest.len() && rest[bound - 1].end < end {
        bound *= 2;
    }
    from + rest[..bound.min(rest.len())].partition_point(|r| r.end < end)
}

/// A word as part of a run of name words: its stem (possessive removed), and whether it closes
/// the run (punctuation or a possessive after it). `None` when it is not a name word.
fn name_word(raw: &str) -> Option<(&str, bool)> {
    // Most words are not capitalised: they are passed over before anything is trimmed.
    let first = raw.chars().find(|c| c.is_alphanumeric())?;
    if !first.is_uppercase() {
        return None;
    }
    let w = bare(raw);
    let stem = strip_possessive(w);
    // An initial (`M.` in `Rosa M. Delgado`) is part of the name and closes nothing.
    if is_initial(raw) && stem == w {
        let closes = raw.ends_with([',', ':', ';', ')', '"', '”']);
        return Some((as_written(raw), closes));
    }
    // A title is not part of a full name: `Miss Reyes` is no one's full name.
    let good = is_capitalised(stem)
        && !is_acronym(stem)
        && stem
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')
        && !is_not_name(stem)
        && !is_title(stem)
        && !is_honorific(stem);
    let closes = stem != w || raw.ends_with([',', '.', ':', ';', ')', '"', '”']);
    good.then_some((stem, closes))
}

/// A suffix that follows the name ending at the start of `rest`: `, Jr.` in `Walter Pryce,
/// Jr.`, as written (`Jr.`).
fn suffix_after(rest: &str) -> Option<&str> {
    let rest = rest.strip_prefix(',').unwrap_or(rest);
    let word = rest.strip_prefix(' ')?.split_whitespace().next()?;
    let word = word.trim_end_matches([',', ';', ':', ')']);
    is_suffix(word).then_some(word)
}

/// The full name whose run of name words ends with the word at byte `at`, when that word is
/// `surname` and the run is two or three words long: written to `full`, and true.
fn full_name_ending_at(text: &str, at: usize, surname: &str, full: &mut String) -> bool {
    full_name_words(text, at, surname).is_some_and(|(words, n)| {
        full.clear();
        for (i, w) in words[..n].iter().rev().enumerate() {
            if i > 0 {
                full.push(' ');
            }
            full.push_str(w);
        }
        true
    })
}

/// The full name whose run of name words starts with the word at byte `at`, when that word
/// is `given` and the run is two or three words long: written to `full`; where its last word
/// starts.
fn full_name_starting_at(text: &str, at: usize, given: &str, full: &mut String) -> Option<usize> {
    let word = word_around(text, at);
    // The run must start here: the word before is not a name word.
    let before = text[..word.start].trim_end();
    if let Some(last) = before.chars().next_back() {
        let previous = word_around(text, before.len() - last.len_utf8());
        if name_word(&text[previous]).is_some_and(|(_, closes)| !closes) {
            return None;
        }
    }
    let (stem, closes) = name_word(&text[word.clone()])?;
    if stem != given || closes || is_not_name(stem) {
        return None;
    }
    let mut run = vec![stem];
    let mut end = word.end;
    let mut last = word.start;
    loop {
        let rest = &text[end..];
        let next = rest.trim_start();
        if next.is_empty() || rest.len() == next.len() {
            break;
        }
        let from = text.len() - next.len();
        let w = word_around(text, from);
        match name_word(&text[w.clone()]) {
            Some((stem, closes)) => {
                run.push(stem);
                end = w.end;
                last = w.start;
                if closes || run.len() > 3 {
                    break;
                }
            }
            None => break,
        }
    }
    if !(2..=3).contains(&run.len()) {
        return None;
    }
    full.clear();
    full.push_str(&run.join(" "));
    Some(last)
}

/// The words of [`full_name_ending_at`], last first, and how many there are.
fn full_name_words<'t>(text: &'t str, at: usize, surname: &str) -> Option<([&'t str; 3], usize)> {
    let word = word_around(text, at);
    // Most mentions of a surname follow a lowercase word ("said Leike"): no full name ends
    // there, which one look at the word before tells.
    let before = text[..word.start].trim_end();
    let last = before.chars().next_back()?;
    let previous = word_around(text, before.len() - last.len_utf8());
    if !is_capitalised(bare(&text[previous])) {
        return None;
    }
    let (stem, closes) = name_word(&text[word.clone()])?;
    if stem != surname {
        return None;
    }
    // The run must end here: this word closes it, or the next word is not a name word.
    if !closes {
        let rest = &text[word.end..];
        let next = rest.trim_start();
        if !next.is_empty() {
            let from = text.len() - next.len();
            if name_word(&text[word_around(text, from)]).is_some() {
                return None;
            }
        }
    }
    let mut run = [stem, "", ""];
    let mut n = 1;
    let mut start = word.start;
    loop {
        let before = text[..start].trim_end();
        if before.is_empty() {
            break;
        }
        let prev = word_around(text, before.len() - before.chars().next_back()?.len_utf8());
        match name_word(&text[prev.clone()]) {
            Some((w, false)) => {
                if n == run.len() {
                    return None;
                }
                run[n] = w;
                n += 1;
                start = prev.start;
            }
            _ => break,
        }
    }
    (n >= 2).then_some((run, n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lead_ins_name_their_speaker() {
        assert_eq!(
            speaker_in_lead_in("CEO Sam Altman posted on X:").as_deref(),
            Some("Sam Altman")
        );
        assert_eq!(
            speaker_in_lead_in("Despite his concerns, Leike ended on a somewhat optimistic note:")
                .as_deref(),
            Some("Leike")
        );
        assert_eq!(
            speaker_in_lead_in("On May 28, 2024, Leike announced he was joining Anthropic:")
                .as_deref(),
            Some("Leike")
        );
        assert_eq!(
            speaker_in_lead_in("In a statement, said Jane Doe:").as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(
            speaker_in_lead_in("Dr. Ada Lovelace later wrote").as_deref(),
            Some("Ada Lovelace")
        );
        assert_eq!(
            speaker_in_lead_in("Sam Altman, OpenAI's CEO, wrote:").as_deref(),
            Some("Sam Altman")
        );
        assert_eq!(
            speaker_in_lead_in("In 2024, Jan Leike, who had led the team since 2021, wrote:")
                .as_deref(),
            Some("Jan Leike")
        );
        assert_eq!(
            speaker_in_lead_in("According to Jan Leike:").as_deref(),
            Some("Jan Leike")
        );
        assert_eq!(
            speaker_in_lead_in("Leike’s statement was short:").as_deref(),
            Some("Leike")
        );
        assert_eq!(
            speaker_in_lead_in("In Jane Doe's own words:").as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(
            speaker_in_lead_in("Senator Jane Doe said:").as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(
            speaker_in_lead_in("OpenAI's chief executive Sam Altman responded:").as_deref(),
            Some("Sam Altman")
        );
        // The person told or answered is not the speaker.
        assert_eq!(
            speaker_in_lead_in("Raman told Maria Okafor:").as_deref(),
            Some("Raman")
        );
        assert_eq!(
            speaker_in_lead_in("The board said in reply to Leike's thread:"),
            None
        );
        assert_eq!(
            speaker_in_lead_in("OpenAI's CEO, Sam Altman, wrote:").as_deref(),
            Some("Sam Altman")
        );
        assert_eq!(
            speaker_in_lead_in("The board, led by Bret Taylor, said:"),
            None
        );
        assert_eq!(speaker_in_lead_in("Leike’s statement"), None);
        assert_eq!(speaker_in_lead_in("The letter was clear:"), None);
        assert_eq!(speaker_in_lead_in("He said:"), None);
        assert_eq!(
            speaker_in_lead_in("said OpenAI CEO Sam Altman").as_deref(),
            Some("Sam Altman")
        );
        assert_eq!(
            speaker_in_lead_in("said Sam Altman, CEO of OpenAI").as_deref(),
            Some("Sam Altman")
        );
        assert_eq!(
            according_to("according to former board member Helen Toner.").as_deref(),
            Some("Helen Toner")
        );
        assert_eq!(
            according_to("according to a person familiar with the matter"),
            None
        );
        assert_eq!(according_to("according to the company Anthropic"), None);
        assert_eq!(
            speaker_in_lead_in("said in an interview with Jane Doe"),
            None
        );
        assert_eq!(speaker_in_lead_in("The letter said:"), None);
        assert_eq!(speaker_in_lead_in("The team was struggling:"), None);
    }

    #[test]
    fn attributions_give_the_name_only() {
        assert_eq!(
            name_in_attribution("— Jan Leike, on X").as_deref(),
            Some("Jan Leike")
        );
        assert_eq!(
            name_in_attribution("-- Jane Doe").as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(
            name_in_attribution("~ Ada Lovelace (1843)").as_deref(),
            Some("Ada Lovelace")
        );
        assert_eq!(
            name_in_attribution("Jane Doe, in a statement to Reuters").as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(name_in_attribution("— from a thread"), None);
    }

    #[test]
    fn statement_headings_name_their_speaker() {
        assert_eq!(
            speaker_of_heading("Leike's Public Statement").as_deref(),
            Some("Leike")
        );
        assert_eq!(
            speaker_of_heading("Jane Doe’s Testimony").as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(
            speaker_of_heading("Statement by Sam Altman").as_deref(),
            Some("Sam Altman")
        );
        assert_eq!(
            speaker_of_heading("Letter from OpenAI Employees (June 2024)").as_deref(),
            Some("OpenAI Employees")
        );
        assert_eq!(
            speaker_of_heading("Remarks By: Jane Doe").as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(speaker_of_heading("Leike's Next Steps"), None);
        assert_eq!(speaker_of_heading("Company Responses"), None);
    }

    /// Every full name in `text`, by a scan over every word: what the targeted search must find.
    fn all_full_names(text: &str) -> HashMap<String, usize> {
        let mut counts = HashMap::new();
        let mut run: Vec<&str> = Vec::new();
        let mut note = |run: &mut Vec<&str>| {
            if (2..=3).contains(&run.len()) {
                *counts.entry(run.join(" ")).or_default() += 1;
            }
            run.clear();
        };
        for raw in text.split_whitespace() {
            match name_word(raw) {
                Some((stem, closes)) => {
                    run.push(stem);
                    if closes {
                        note(&mut run);
                    }
                }
                None => note(&mut run),
            }
        }
        note(&mut run);
        counts
    }

    #[test]
    fn the_targeted_search_finds_what_a_full_scan_finds() {
        let texts = [
            include_str!("../../../data/leike-openai-departure-2024.md"),
            "Jan Leike Leike. Dr Jan Leike said; Jan  Leike’s thread (Jan Leike) “Jan Leike”",
            "A B C Leike D. Maria Anna Okafor Okafor, Okafor Okafor Jan\u{a0}Leike\nLeike",
            "Leike",
            "",
        ];
        for text in texts {
            let expected = all_full_names(text);
            let surnames: Vec<&str> = expected
                .keys()
                .filter_map(|full| full.rsplit(' ').next())
                .collect();
            let mut dir = Directory::for_surnames(surnames);
            dir.add_ranges(text, std::iter::once(0..text.len()));
            assert_eq!(dir.counts, expected, "{text:.60}");
        }
    }

    #[test]
    fn the_gallop_finds_what_a_search_of_all_ranges_finds() {
        let ranges: Vec<Range<usize>> = (0..50).map(|i| i * 10..i * 10 + 5 + i % 3).collect();
        for from in 0..=ranges.len() {
            // Every range before `from` ends before `end`.
            let low = from.checked_sub(1).map_or(0, |i| ranges[i].end + 1);
            for end in low..520 {
                let expected = ranges.partition_point(|r| r.end < end);
                assert_eq!(first_ending_at_or_after(&ranges, from, end), expected);
            }
        }
    }

    #[test]
    fn surnames_resolve_to_the_full_name_used_elsewhere() {
        let mut names = Directory::for_surnames(["Leike", "Sutskever", "Altman", "Sam Altman"]);
        let text = "On May 17, 2024, Jan Leike, OpenAI's head of alignment, resigned. Jan Leike's thread. Ilya Sutskever left.";
        names.add_ranges(text, std::iter::once(0..text.len()));
        assert_eq!(names.resolve("Leike"), "Jan Leike");
        assert_eq!(names.resolve("Sutskever"), "Ilya Sutskever");
        assert_eq!(names.resolve("Altman"), "Altman");
        assert_eq!(names.resolve("Sam Altman"), "Sam Altman");
    }
}
