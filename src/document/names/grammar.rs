//! English grammar that reading who is meant needs: pronouns, verbs, articles, brackets and
//! possessives around a name, and people the text leaves unnamed (`A woman from Dent
//! County`). Words only: nothing here knows of documents or quotes.

use super::given::{self, Gender};
use super::words::whole_words;
use crate::document::sentences;

/// Where a sentence of `text` opens with someone unnamed of `gender` (`A woman from Dent
/// County …`, `One father said …`, `A spokeswoman for the firm …`): an indefinite article,
/// up to two words in lower case, and a noun for a person of that gender
/// ([`given::of_person_noun`]). `words` are `text` split at white space (the caller has them).
pub fn unnamed_of_gender(text: &str, words: &[&str], gender: Gender) -> Vec<usize> {
    let mut found = Vec::new();
    for (i, w) in words.iter().enumerate() {
        // Capitalised, as a sentence opens (or a line after a picture's caption).
        if !matches!(*w, "A" | "An" | "One") {
            continue;
        }
        // Not mid-sentence (`a type A man`): after a word in lower case only where a
        // sentence ends (`It rained. A woman …`).
        let ends_sentence = |w: &str| w.ends_with(['.', '!', '?', ':', '"', '”']);
        if i > 0 && words[i - 1].starts_with(char::is_lowercase) && !ends_sentence(words[i - 1]) {
            continue;
        }
        let unnamed = words[i + 1..]
            .iter()
            .take(3)
            .take_while(|w| w.starts_with(char::is_lowercase))
            .any(|w| given::of_person_noun(w.trim_end_matches([',', '.'])) == Some(gender));
        // `A mother of two, Jane Doe has lived …`: named right after, in an appositive.
        let named_after = words[i + 1..]
            .iter()
            .take(8)
            .zip(&words[i + 2..])
            .any(|(w, next)| w.ends_with(',') && next.starts_with(char::is_uppercase));
        if unnamed && !named_after {
            found.push(w.as_ptr() as usize - text.as_ptr() as usize);
        }
    }
    found
}

/// Whether `word` is a pronoun for a person, as a subject or a possessive (`she`, `Her`,
/// `their`, `I`).
pub fn is_personal_pronoun(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "he" | "she"
            | "they"
            | "we"
            | "i"
            | "his"
            | "her"
            | "their"
            | "our"
            | "my"
            | "him"
            | "them"
    )
}

/// Whether `word` reads as a verb after a subject: in lower case, ending in `-ed` or `-s`
/// (not `-ss`), or a common irregular past (`spent`, `took`, `grew`).
pub fn is_verb_in_past_or_present(word: &str) -> bool {
    const IRREGULAR: &[&str] = &[
        "spent", "went", "took", "told", "grew", "ran", "had", "was", "made", "came", "gave",
        "felt", "knew", "found", "left", "kept", "began", "became", "saw", "got", "put", "won",
        "lost", "met", "sat", "stood", "thought", "wrote", "heard", "brought", "bought",
    ];
    word.chars().all(|c| c.is_ascii_lowercase())
        && (IRREGULAR.contains(&word)
            || word.len() > 3 && word.ends_with("ed")
            || word.len() > 3 && word.ends_with('s') && !word.ends_with("ss"))
}

/// Whether byte `at` of `text` is inside round brackets: an opening one before it, in the
/// same paragraph, not closed before it, and a closing one after it.
pub fn in_brackets(text: &str, at: usize) -> bool {
    let (before, after) = text.split_at(at);
    let open = before.rfind('(');
    let closed = before.rfind(')');
    open.is_some_and(|o| closed.is_none_or(|c| c < o)) && after.contains(')')
}

/// Where the list of names that the name at byte `at` of `text` stands in begins: `his
/// favourites were Elvis Presley, Dire Straits, Pink Floyd and Queen` gives each of the four
/// the offset of `Elvis`, so that what stands before the list (an object's place after `his
/// favourites were`) is read for every name in it. A list is names (capitalised runs of up
/// to four words) joined by commas, `and`, `or` or `&`, with a conjunction among them, in one
/// sentence; a run after a preposition or an article is a place or a thing before the list,
/// not a name of it (`Speaking in Paris, Jane Smith and Bob Hart said`). A name in none (`In
/// London, Jane Smith said`, no `and`) begins at itself.
pub fn list_head(text: &str, at: usize) -> usize {
    /// Whether `word` ends a sentence (`Lee.`), being no initial (`E.`).
    fn ends_sentence(word: &str) -> bool {
        let is_initial = word.len() == 2 && word.ends_with('.');
        word.ends_with(['.', '!', '?']) && !is_initial
    }
    /// The capitalised run of up to four words that ends `before`: where it starts.
    fn run_ending(before: &str) -> Option<usize> {
        let mut start = None;
        let mut rest = before.trim_end();
        for _ in 0..4 {
            // After the last white space (of any width: a no-break space is two bytes).
            let word_at = rest
                .char_indices()
                .rev()
                .find(|(_, c)| c.is_whitespace())
                .map_or(0, |(i, c)| i + c.len_utf8());
            let word = &rest[word_at..];
            let name_like = word.starts_with(char::is_uppercase)
                && word
                    .chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-'));
            // A sentence's end is no part of a name (`Ann Lee. Bob Hart and …`); an initial
            // is (`Robert E. Lee`).
            if !name_like || ends_sentence(word) {
                break;
            }
            start = Some(word_at);
            rest = rest[..word_at].trim_end();
            if rest.is_empty() {
                break;
            }
        }
        start
    }
    /// `before` without the joint that ends it (`,`, `and`, `or`, `, and`), and whether the
    /// joint was a conjunction; `None` when it ends with none.
    fn without_joint(before: &str) -> Option<(&str, bool)> {
        let before = before.trim_end();
        for conjunction in ["and", "or", "&"] {
            if let Some(rest) = before.strip_suffix(conjunction)
                && rest.ends_with(char::is_whitespace)
            {
                let rest = rest.trim_end();
                return Some((rest.strip_suffix(',').unwrap_or(rest), true));
            }
        }
        before.strip_suffix(',').map(|rest| (rest, false))
    }
    let mut head = at;
    let mut joined = false;
    while let Some((rest, conjunction)) = without_joint(&text[..head]) {
        let Some(start) = run_ending(rest) else {
            break;
        };
        // `Speaking in Paris, Jane Smith and Bob Hart said`: a place or a thing after a
        // preposition or an article ends a phrase before the list; it is no name of it.
        let word_before = rest[..start].split_whitespace().next_back().unwrap_or("");
        if matches!(
            word_before.to_ascii_lowercase().as_str(),
            "in" | "at" | "on" | "near" | "from" | "to" | "of" | "by" | "for" | "the" | "a" | "an"
        ) {
            break;
        }
        joined |= conjunction;
        head = start;
    }
    if head == at {
        return at;
    }
    // The list goes on after the name, over names and commas, to its `and`, if it has not
    // come yet; not past the sentence's end.
    if !joined {
        for word in text[at..].split_whitespace().take(16) {
            if matches!(word, "and" | "or" | "&") {
                joined = true;
                break;
            }
            if !word.starts_with(char::is_uppercase)
                || ends_sentence(word)
                || word.ends_with([';', ':'])
            {
                break;
            }
        }
    }
    if joined { head } else { at }
}

/// Whether the word before byte `at` of `text` is an article or a preposition of place
/// (`the`, `a`, `in`, `at`, `near`, …): what follows names a thing or a place.
pub fn after_article_or_place(text: &str, at: usize) -> bool {
    let word = text[..at]
        .split_whitespace()
        .next_back()
        .unwrap_or_default();
    matches!(
        word.to_ascii_lowercase().as_str(),
        "the" | "a" | "an" | "in" | "at" | "near" | "across" | "throughout" | "during"
    ) || after_a_move(text, at)
}

/// Whether the words before byte `at` of `text` say that something or someone moved there:
/// `It moved to Palo Alto`, `she later flew back from Lagos`, `the family emigrated to New
/// Zealand` (a pronoun or a word for a household or a business, a verb of moving, `to`,
/// `from` or `into`), and the run at `at` does not open with a known given name: what
/// follows is a place. (Not `Ownership moved to Sarah Kim`, `Attention moved to Dana
/// Whitfield`: what moves there is no one's home or business; nor `spoke to`, `wrote to`.)
fn after_a_move(text: &str, at: usize) -> bool {
    let first = text[at..].split_whitespace().next().unwrap_or_default();
    if given::of_given_name(first.trim_end_matches([',', '.', ';', ':'])).is_some() {
        return false;
    }
    let mut words = text[..at]
        .split_whitespace()
        .rev()
        .map(|w| w.to_ascii_lowercase());
    if !matches!(words.next().as_deref(), Some("to" | "from" | "into")) {
        return false;
    }
    let mut verb = words.next();
    if verb.as_deref() == Some("back") {
        verb = words.next();
    }
    // `It moved its offices to Palo Alto`: what moved, after the verb.
    let mut ahead = words.clone();
    if let (Some(_), Some("its" | "their" | "his" | "her" | "our" | "the")) =
        (&verb, ahead.next().as_deref())
    {
        words = ahead;
        verb = words.next();
    }
    let moved = matches!(
        verb.as_deref(),
        Some(
            "moved"
                | "relocated"
                | "emigrated"
                | "immigrated"
                | "travelled"
                | "traveled"
                | "flew"
                | "drove"
                | "sailed"
                | "fled"
                | "commuted"
        )
    );
    let mut mover = words.next();
    // `It later moved`, `they eventually emigrated`.
    if mover
        .as_deref()
        .is_some_and(|w| w.ends_with("ly") || matches!(w, "later" | "then" | "soon" | "also"))
    {
        mover = words.next();
    }
    let mover = mover.unwrap_or_default();
    moved
        && matches!(
            mover.trim_start_matches(['"', '“', '(']),
            "it" | "he"
                | "she"
                | "they"
                | "we"
                | "i"
                | "family"
                | "couple"
                | "company"
                | "firm"
                | "business"
                | "headquarters"
                | "office"
                | "shop"
                | "studio"
                | "school"
        )
}

/// Whether the run of capitalised words at byte `at` of `text` ends in a possessive (`in
/// Whitehurst’s view`): a person's, whatever comes before it.
pub fn possessive_at(text: &str, at: usize) -> bool {
    text[at..]
        .split_whitespace()
        .take(4)
        .take_while(|w| w.starts_with(char::is_uppercase))
        .any(|w| w.ends_with("’s") || w.ends_with("'s"))
}

/// The subject pronoun of `gender`, in lower case and as it opens a sentence.
pub fn subject_pronoun(gender: Option<Gender>) -> Option<(&'static str, &'static str)> {
    match gender? {
        Gender::Male => Some(("he", "He")),
        Gender::Female => Some(("she", "She")),
    }
}

/// Whether the sentence of `text` that holds byte `at` has a pronoun of `gender` before it
/// (`He distinguished himself … with Andre Previn`): its subject, of whom the rest speaks.
pub fn has_pronoun_before(text: &str, at: usize, gender: Option<Gender>) -> bool {
    let Some((pronoun, _)) = subject_pronoun(gender) else {
        return false;
    };
    let start = sentences::start_before(text, at);
    // Anywhere before the name in its sentence (`Although he has enormous respect for
    // fellow baritones like Dmitri Hvorostovsky, …`).
    text[start..at].split_whitespace().any(|w| {
        w.trim_start_matches(['"', '“', '(', '*', '_'])
            .trim_end_matches([',', ';'])
            .eq_ignore_ascii_case(pronoun)
    })
}

/// Whether `name` names a thing rather than a person in its paragraph `text`: its first
/// word is no known given name and its last word is one the paragraph also writes in lower
/// case (`in Gatsby Preview you're not just previewing … you are able to preview`).
pub fn names_a_thing(name: &str, text: &str) -> bool {
    let mut words = name.split_whitespace();
    let (Some(first), Some(last)) = (words.next(), words.next_back()) else {
        return false;
    };
    if first == last || given::of_given_name(first).is_some() {
        return false;
    }
    let lower = last.to_lowercase();
    text.split(|c: char| !c.is_alphanumeric())
        .any(|w| w == lower)
}

/// Whether `text` writes `word` (capitalised) in lower case as a word of its own, or as the
/// first part of one joined by a hyphen or a possessive (`concertmaster-cum-conductor`,
/// `concertmaster's`): a common noun, when it opens a name (`Concertmaster Barantschik`).
pub fn written_in_lower_case(text: &str, word: &str) -> bool {
    let lower = word.to_lowercase();
    lower != word && !lower.is_empty() && whole_words(text, &lower).next().is_some()
}

/// Whether `text` writes `word` (capitalised) after `the`, alone or in the plural (`the
/// Queditors expressed optimism`): a noun for what someone is, when it opens a name
/// (`Queditor Alex Blum`).
pub fn written_after_the(text: &str, word: &str) -> bool {
    // Whether the word at `at` stands after `the` or `The` (a word of its own).
    let after_the = |at: usize| {
        let before = text[..at].strip_suffix(' ').unwrap_or("");
        let Some(rest) = before
            .strip_suffix("the")
            .or_else(|| before.strip_suffix("The"))
        else {
            return false;
        };
        rest.chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    };
    whole_words(text, word).any(after_the) || whole_words(text, &format!("{word}s")).any(after_the)
}

/// Whether `word` gives an age as a person's description: `24-year-old` (a `year old`
/// written with hyphens, after a number of years).
pub fn is_age(word: &str) -> bool {
    let word = word.trim_end_matches([',', '.', ';', ':']);
    word.strip_suffix("-year-old")
        .is_some_and(|n| (1..=3).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()))
}

/// `the 24-year-old`, `the 30-year-old woman`, `the 25-year-old swimmer`, `the third-year
/// graduate student`: a person described by their age or year of study, as news writing names
/// again someone it has just named (not `the 100-year-old company`). The description is `words[from..to]`; the gender is the noun's, when it has one.
pub fn age_description(words: &[&str], from: usize, to: usize) -> Option<Option<Gender>> {
    let description = words.get(from..to)?;
    let is_the = |w: &str| matches!(w, "the" | "The");
    match description {
        [the, age] if is_the(the) && is_age(age) => Some(None),
        [the, age, noun] if is_the(the) && is_age(age) => {
            let noun = noun.trim_end_matches([',', '.']);
            let gender = given::of_person_noun(noun);
            (gender.is_some() || is_agent_noun(noun)).then_some(gender)
        }
        // `the third-year graduate student`: someone described by their year of study.
        [the, year, nouns @ ..] if is_the(the) && is_year_of_study(year) && nouns.len() <= 2 => {
            let last = nouns.last()?.trim_end_matches([',', '.']);
            let lower = nouns
                .iter()
                .all(|w| w.starts_with(char::is_lowercase) || *w == "PhD");
            (lower && is_role_noun(last)).then(|| given::of_person_noun(last))
        }
        // `the giant of a man`, `the bear of a woman`: someone just named, described again
        // (not `the woman`, `the other man`: as often someone unnamed).
        [the, _, of, a, noun] if is_the(the) && *of == "of" && *a == "a" => {
            let noun = noun.trim_end_matches([',', '.']);
            matches!(noun, "man" | "woman").then(|| given::of_person_noun(noun))
        }
        _ => None,
    }
}

/// Whether `word` is a year of study (`third-year`, `final-year`, `1st-year`).
fn is_year_of_study(word: &str) -> bool {
    word.strip_suffix("-year").is_some_and(|n| {
        matches!(
            n,
            "first"
                | "second"
                | "third"
                | "fourth"
                | "fifth"
                | "final"
                | "1st"
                | "2nd"
                | "3rd"
                | "4th"
                | "5th"
        )
    })
}

/// Whether `noun` (in lower case) names a person by what they do: one of the nouns for what
/// someone does that a description before a name uses (`swimmer`, `author`), or a word in
/// lower case ending as such nouns do (`rower`, `scientist`, `politician`; not `paper`).
fn is_agent_noun(noun: &str) -> bool {
    const THINGS: &[&str] = &["paper", "newspaper", "center", "corner", "order", "error"];
    let shaped = noun.chars().all(|c| c.is_ascii_lowercase())
        && ["er", "or", "ist", "ian"]
            .iter()
            .any(|s| noun.len() > 4 && noun.ends_with(s))
        && !THINGS.contains(&noun);
    shaped || super::surnames::is_agent_noun(noun)
}

/// Whether `word` (in lower case) names a person by a role, a rank or what they do, as it
/// stands between a description and a name (`Injured Olympic champion McClenaghan`,
/// `Scottish Labour leader Anas Sarwar`): the capitalised words before it describe the
/// person; they are not a name of their own.
pub fn is_role_noun(word: &str) -> bool {
    const ROLES: &[&str] = &[
        "champion",
        "star",
        "legend",
        "boss",
        "captain",
        "skipper",
        "chief",
        "head",
        "president",
        "minister",
        "secretary",
        "graduate",
        "professor",
        "hopeful",
        "icon",
        "great",
        "international",
        "colleague",
        "mp",
        "mep",
        "chair",
        "co-chair",
        "councillor",
        "councilor",
        "mayor",
        "senator",
        "governor",
        "judge",
        "deputy",
        "rookie",
        "alumnus",
        "alumna",
        "fellow",
        "expert",
        "official",
        "pioneer",
        "scholar",
    ];
    given::of_person_noun(word).is_some() || is_agent_noun(word) || ROLES.contains(&word)
}

/// Whether the name at byte `at` of `text` is the subject of a reporting verb right after it
/// (`Woodworth remembered that`, `Jane Doe later said`): the name's capitalised words, an
/// adverb at most, then the verb.
pub fn reports_at(text: &str, at: usize) -> bool {
    let words = text
        .get(at..)
        .unwrap_or_default()
        .split_whitespace()
        .skip_while(|w| w.starts_with(char::is_uppercase));
    reporting_verb_next(words)
}

/// Words that open a clause before a sentence's subject (`When`, `Before`, `Although`, …).
pub(super) const SUBORDINATORS: &[&str] = &[
    "When", "If", "After", "Before", "Because", "While", "Although", "As", "Since", "Once",
    "Until", "Though", "Unless", "Whereas",
];

/// Where the clause that opens `sentence` with a subordinator (`Before McCain arrived,`,
/// `When the vote came,`; after a connective, `However, since Oistrakh died …,`) ends: the
/// byte after the first comma that follows a word in lower case or a place after a
/// preposition; `None` when the sentence opens otherwise, or no such comma comes within
/// twenty words.
pub fn opening_clause_end(sentence: &str) -> Option<usize> {
    let trimmed = sentence.trim_start();
    let mut words = trimmed.split_whitespace();
    let first = words.next()?;
    // `However, since Oistrakh died …,`: a connective before the subordinator.
    let connective = matches!(
        first,
        "However," | "But" | "And" | "Yet" | "Still," | "So" | "Then," | "Later," | "Indeed,"
    );
    let opens = match connective {
        true => words
            .next()
            .is_some_and(|second| SUBORDINATORS.iter().any(|s| s.eq_ignore_ascii_case(second))),
        false => SUBORDINATORS.contains(&first),
    };
    if !opens {
        return None;
    }
    let offset = sentence.len() - trimmed.len();
    let mut at = 0;
    let mut before = "";
    for word in trimmed.split_inclusive(char::is_whitespace).take(20) {
        at += word.len();
        // The clause ends after its verb or object in lower case (`Before McCain arrived,`)
        // or a place after a preposition (`while conducting in Amsterdam,`), not at a comma
        // inside a list of names in it (`Before Tom Reed, Dan Hart and …`).
        let word = word.trim_end();
        let place = matches!(before, "in" | "at" | "from" | "to" | "near");
        if word.ends_with(',') && (word.starts_with(char::is_lowercase) || place) {
            return Some(offset + at);
        }
        before = word;
    }
    None
}

/// Whether the name at byte `at` of `text` is the one a relative clause after it reports
/// speaking (`Felix contacted Denis Wright, Dean of Students, who confirmed that …`): the
/// name's capitalised words, an appositive in commas at most (up to eight words), then
/// `who`, an adverb at most, and a reporting verb.
pub fn reports_through_who(text: &str, at: usize) -> bool {
    let mut words = text
        .get(at..)
        .unwrap_or_default()
        .split_whitespace()
        .peekable();
    // The name, up to the comma that ends it.
    let mut ended = false;
    while let Some(w) = words.next_if(|w| w.starts_with(char::is_uppercase)) {
        if w.ends_with(',') {
            ended = true;
            break;
        }
    }
    if !ended {
        return false;
    }
    // An appositive in commas (`Dean of Students,`), or none.
    if words.peek() != Some(&"who") {
        let mut closed = false;
        for w in words.by_ref().take(8) {
            if w.ends_with(',') {
                closed = true;
                break;
            }
            if w.ends_with(['.', ';', ':', '!', '?']) {
                return false;
            }
        }
        if !closed {
            return false;
        }
    }
    if words.next() != Some("who") {
        return false;
    }
    reporting_verb_next(words)
}

/// Whether `words` go on with a reporting verb, an adverb before it at most (`later said`,
/// `publicly stated`).
fn reporting_verb_next<'w>(mut words: impl Iterator<Item = &'w str>) -> bool {
    let Some(first) = words.next() else {
        return false;
    };
    let adverb = first.ends_with("ly") || matches!(first, "also" | "later" | "then");
    let verb = if adverb { words.next() } else { Some(first) };
    verb.is_some_and(super::is_reporting_verb)
}

/// Whether the name at byte `at` of `text` stands after the possessive pronoun of `gender` in
/// its sentence, in the place of an object (`his favourites were Elvis Presley`, `with her
/// teacher Ada Rowe`): someone of the pronoun's person's, not that person. A name after a
/// comma may still be the sentence's subject (`In his speech, Jane Doe said`).
pub fn possessed_before(text: &str, at: usize, gender: Option<Gender>) -> bool {
    let possessive = match gender {
        Some(Gender::Male) => "his",
        Some(Gender::Female) => "her",
        None => return false,
    };
    let start = sentences::start_before(text, at);
    let before = &text[start..at];
    let Some(last) = before.split_whitespace().next_back() else {
        return false;
    };
    let object_place = last.starts_with(char::is_lowercase) && !last.ends_with([',', ';', ':']);
    object_place
        && before.split_whitespace().any(|w| {
            w.trim_matches(|c: char| !c.is_alphabetic())
                .eq_ignore_ascii_case(possessive)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_that_opens_with_an_unnamed_woman_is_found() {
        let text = "A woman from Pike County spoke. She said no.";
        let words: Vec<&str> = text.split_whitespace().collect();
        assert_eq!(unnamed_of_gender(text, &words, Gender::Female), vec![0]);
        assert!(unnamed_of_gender(text, &words, Gender::Male).is_empty());
        // Kin and roles with a gender count as much as `woman` and `man`.
        let text = "It rained. A spokeswoman for the firm said so. An elderly brother agreed.";
        let words: Vec<&str> = text.split_whitespace().collect();
        assert_eq!(unnamed_of_gender(text, &words, Gender::Female), vec![11]);
        assert_eq!(unnamed_of_gender(text, &words, Gender::Male), vec![47]);
        // Named right after, in an appositive: not unnamed.
        let text = "A mother of two, Jane Doe has lived here.";
        let words: Vec<&str> = text.split_whitespace().collect();
        assert!(unnamed_of_gender(text, &words, Gender::Female).is_empty());
        // Mid-sentence: `Type A man` is no one.
        let text = "He is a type A man at work.";
        let words: Vec<&str> = text.split_whitespace().collect();
        assert!(unnamed_of_gender(text, &words, Gender::Male).is_empty());
    }

    #[test]
    fn pronouns_for_people_are_known_in_any_case() {
        for w in ["she", "He", "THEIR", "I", "my"] {
            assert!(is_personal_pronoun(w), "{w}");
        }
        for w in ["it", "the", "Heidi"] {
            assert!(!is_personal_pronoun(w), "{w}");
        }
    }

    #[test]
    fn verbs_after_a_subject_are_past_or_present_in_lower_case() {
        for w in ["spent", "walked", "runs", "told"] {
            assert!(is_verb_in_past_or_present(w), "{w}");
        }
        for w in ["class", "Walked", "red", "is"] {
            assert!(!is_verb_in_past_or_present(w), "{w}");
        }
    }

    #[test]
    fn brackets_articles_and_possessives_around_a_name() {
        let text = "The mayor (then Ada Lee) spoke.";
        assert!(in_brackets(text, text.find("Ada").unwrap()));
        assert!(!in_brackets(text, text.find("spoke").unwrap()));
        let text = "They met in Boston and the Bell Labs team.";
        assert!(after_article_or_place(text, text.find("Boston").unwrap()));
        assert!(after_article_or_place(text, text.find("Bell").unwrap()));
        assert!(!after_article_or_place(text, text.find("and").unwrap()));
        let moved = "The firm moved to Palo Alto, and she later flew back from Lagos to Ann Lee.";
        assert!(after_article_or_place(moved, moved.find("Palo").unwrap()));
        assert!(after_article_or_place(moved, moved.find("Lagos").unwrap()));
        let told = "She wrote to Ann Lee and spoke to Tom Reyes.";
        assert!(!after_article_or_place(told, told.find("Ann").unwrap()));
        assert!(!after_article_or_place(told, told.find("Tom").unwrap()));
        let person = "Ownership moved to Sarah Kim, he moved to Maria Lopez, and attention moved \
                      to Dana Whitfield.";
        for name in ["Sarah", "Maria", "Dana"] {
            assert!(!after_article_or_place(person, person.find(name).unwrap()));
        }
        let text = "In the Whitehurst’s view it was late.";
        assert!(possessive_at(text, text.find("Whitehurst").unwrap()));
        assert!(!possessive_at("The Bell Labs team", 4));
    }

    #[test]
    fn a_pronoun_earlier_in_the_sentence_is_its_subject() {
        let text = "Although he has respect for baritones like Dmitri Volkov, he sings.";
        let at = text.find("Dmitri").unwrap();
        assert!(has_pronoun_before(text, at, Some(Gender::Male)));
        assert!(!has_pronoun_before(text, at, Some(Gender::Female)));
        assert!(!has_pronoun_before(text, at, None));
        assert_eq!(subject_pronoun(Some(Gender::Female)), Some(("she", "She")));
        assert_eq!(subject_pronoun(None), None);
    }

    #[test]
    fn a_name_whose_last_word_the_text_writes_in_lower_case_is_a_thing() {
        let text = "In Gatsby Preview you can preview a page.";
        assert!(names_a_thing("Gatsby Preview", text));
        assert!(!names_a_thing("Mary Preview", text));
        assert!(!names_a_thing("Gatsby", text));
    }
    #[test]
    fn a_person_described_by_age_alone() {
        let words: Vec<&str> = "the 24-year-old said".split_whitespace().collect();
        assert_eq!(age_description(&words, 0, 2), Some(None));
        let words: Vec<&str> = "said the 30-year-old woman.".split_whitespace().collect();
        assert_eq!(age_description(&words, 1, 4), Some(Some(Gender::Female)));
        let words: Vec<&str> = "the 25-year-old swimmer".split_whitespace().collect();
        assert_eq!(age_description(&words, 0, 3), Some(None));
        let words: Vec<&str> = "the third-year graduate student"
            .split_whitespace()
            .collect();
        assert_eq!(age_description(&words, 0, 4), Some(None));
        let words: Vec<&str> = "the third-year budget".split_whitespace().collect();
        assert_eq!(age_description(&words, 0, 3), None);
        // A thing of some age, an age before a name, a year.
        for text in ["the 100-year-old company", "the 150-year-old newspaper"] {
            let words: Vec<&str> = text.split_whitespace().collect();
            assert_eq!(age_description(&words, 0, 3), None, "{text}");
        }
        for text in ["24-year-old Rhys", "the 2024-year-old"] {
            let words: Vec<&str> = text.split_whitespace().collect();
            assert_eq!(age_description(&words, 0, 2), None, "{text}");
        }
        assert!(is_age("24-year-old,"));
        assert!(!is_age("year-old"));
    }

    #[test]
    fn a_role_between_a_description_and_a_name() {
        for w in ["champion", "leader", "swimmer", "mother", "spokesperson"] {
            assert!(is_role_noun(w), "{w}");
        }
        for w in ["said", "to", "withdraws", "paper"] {
            assert!(!is_role_noun(w), "{w}");
        }
    }

    #[test]
    fn a_name_that_is_the_subject_of_a_reporting_verb() {
        let text = "Woodworth remembered that Sweet went off to Boise.";
        assert!(reports_at(text, 0));
        assert!(!reports_at(text, text.find("Sweet").unwrap()));
        assert!(reports_at("Jane Doe later said so.", 0));
    }

    #[test]
    fn a_relative_clause_reports_who_speaks() {
        let text = "Felix also contacted Denis Wright, Dean of Students, who confirmed that he \
                    knew. Ann Lee, who later said so, left. Bob Hart, who lives here, left.";
        assert!(reports_through_who(text, text.find("Denis").unwrap()));
        assert!(reports_through_who(text, text.find("Ann").unwrap()));
        assert!(!reports_through_who(text, text.find("Felix").unwrap()));
        assert!(!reports_through_who(text, text.find("Bob").unwrap()));
    }

    #[test]
    fn a_word_after_the_is_a_noun() {
        let text = "The Queditors were hopeful. Queditor Alex Blum spoke, as the Editor did. \
                    Hope Lee has hope. Mayor Bo Li met Jo Hu. Bathe Jo.";
        assert!(written_after_the(text, "Queditor"));
        assert!(written_after_the(text, "Editor"));
        assert!(!written_after_the(text, "Hope"));
        assert!(!written_after_the(text, "Mayor"));
        assert!(!written_after_the(text, "Jo"));
    }

    #[test]
    fn a_sentence_may_open_with_a_subordinate_clause() {
        let text = "Before McCain arrived, Bill Reich spoke.";
        assert_eq!(opening_clause_end(text), Some(text.find("Bill").unwrap()));
        assert_eq!(opening_clause_end("Bill Reich spoke, loudly."), None);
        assert_eq!(opening_clause_end("When it ended there was no comma"), None);
        let text = "Before Tom Reed, Dan Hart and Bob Lee arrived, he spoke.";
        assert_eq!(
            opening_clause_end(text),
            Some(text.find("he spoke").unwrap())
        );
    }

    #[test]
    fn a_list_of_names_begins_at_its_first() {
        let text = "his favourites were Elvis Presley, Dire Straits, Pink Floyd and Queen.";
        let elvis = text.find("Elvis").unwrap();
        for name in ["Elvis", "Dire", "Pink", "Queen"] {
            assert_eq!(list_head(text, text.find(name).unwrap()), elvis, "{name}");
        }
        // Commas alone, with no `and`, join no list.
        let text = "When they met in London, Jane Smith said so.";
        let jane = text.find("Jane").unwrap();
        assert_eq!(list_head(text, jane), jane);
        // Nor does a place before an introductory comma.
        let text = "Speaking in Paris, Jane Smith and Bob Hart said so.";
        let jane = text.find("Jane").unwrap();
        assert_eq!(list_head(text, text.find("Bob").unwrap()), jane);
        assert_eq!(list_head(text, jane), jane);
        // A space two bytes wide (no-break) between a list's words.
        let text = "her singers were Nina\u{a0}Simone, Joni Mitchell and Björk.";
        let nina = text.find("Nina").unwrap();
        assert_eq!(list_head(text, text.find("Joni").unwrap()), nina);
        // Nor does a sentence's end.
        let text = "He met Ann Lee. Bob Hart and Carl Dunn came later.";
        let bob = text.find("Bob").unwrap();
        assert_eq!(list_head(text, text.find("Carl").unwrap()), bob);
        assert_eq!(list_head(text, bob), bob);
        // An initial ends no sentence.
        let text = "with Robert E. Lee, Jeb Stuart and others";
        let robert = text.find("Robert").unwrap();
        assert_eq!(list_head(text, text.find("Jeb").unwrap()), robert);
    }

    #[test]
    fn a_name_after_the_pronouns_possessive_is_someone_else() {
        let text = "Like most teenagers, his favourites were Elvis Presley and Queen.";
        let at = text.find("Elvis").unwrap();
        assert!(possessed_before(text, at, Some(Gender::Male)));
        assert!(!possessed_before(text, at, Some(Gender::Female)));
        let text = "In his speech, Jane Doe said little.";
        assert!(!possessed_before(
            text,
            text.find("Jane").unwrap(),
            Some(Gender::Male)
        ));
    }
}
