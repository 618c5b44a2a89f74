//! Who a text names as speaking: the subject of a lead-in (`Leike said:`), the name in an
//! attribution line (`— Jan Leike, on X`), the person whose statement a heading announces,
//! and the person an interview label stands for.

use super::surnames::{is_agent_noun, name_word, person_mentions};
use super::words::*;
use super::{Who, given, is_titled};

/// The person a lead-in names as speaking: `CEO Sam Altman posted on X:` → `Sam Altman`,
/// `Despite his concerns, Leike ended on a note:` → `Leike`, `said Jane Doe` → `Jane Doe`,
/// `Sam Altman, OpenAI's CEO, wrote:` → `Sam Altman`, `According to Jane Doe:` → `Jane Doe`,
/// `In Leike's words:` → `Leike`.
pub fn speaker_in_lead_in(lead_in: &str) -> Option<String> {
    let words: Vec<&str> = lead_in.split_whitespace().collect();
    let verb = reporting_verb(&words);
    speaker_in_words(lead_in, &words, verb)
}

/// The last reporting verb of a lead-in. When the lead-in ends with a colon (it introduces
/// what follows, a block quote or a quotation after it) a verb inside a relative clause is
/// passed over: in `described the process in a post that Abernathy says she has "…":`,
/// `says` is what Abernathy says of the post (the quotation inside the sentence is hers), not
/// who speaks after the colon. In `officials said that Smith said:` the second `said` still
/// reports: `that` after a reporting verb opens what was said, not a clause of a noun.
pub(super) fn reporting_verb(words: &[&str]) -> Option<usize> {
    let introduces = words.last().is_some_and(|w| w.ends_with(':'));
    // Each word is trimmed once, for the three tests.
    let verb = |v: usize| {
        let w = bare(words[v]);
        // `believes that "…"`, not `believes the report's claim that "…"`.
        let holds = matches!(w, "believes" | "maintains" | "maintained");
        // `Recurse Center continued using Zulip:`, `continued to grow`: going on with
        // something else, not speaking.
        // (Not `continued, saying`, `continued speaking:`.)
        let goes_on = matches!(w, "continued" | "continues" | "continue")
            && !words[v].ends_with([',', ':'])
            && words.get(v + 1).is_some_and(|next| {
                let next = bare(next);
                let speaking = matches!(next, "saying" | "speaking" | "talking");
                next == "to" || (next.len() > 4 && next.ends_with("ing") && !speaking)
            });
        // `Hanna shares that "…"`, `Hanna shares "…"`, `"…," Wilcots remarks`: a verb of
        // telling right before the words, or before a `that` right before them (not `shares
        // that data with advertisers, "…"`, `In his remarks,`).
        let tells = matches!(w, "shares" | "shared" | "remarks")
            && (v + 1 == words.len() || (v + 2 == words.len() && words[v + 1] == "that"))
            && v.checked_sub(1).is_some_and(|u| {
                let before = bare(words[u]);
                !matches!(
                    before.to_ascii_lowercase().as_str(),
                    "his"
                        | "her"
                        | "their"
                        | "its"
                        | "my"
                        | "our"
                        | "your"
                        | "the"
                        | "these"
                        | "those"
                        | "a"
                        | "opening"
                        | "closing"
                        | "in"
                )
            });
        // `“…,” shares Aldrich`, `“…,” quipped Jane Doe`: right after a quotation (the words
        // after it are read as a lead-in), before a name of three words at most.
        let inverted = v == 0 && words.len() <= 4 && is_inverted_telling(w);
        tells
            || inverted
            || (is_bare_speech_verb(w) && !goes_on && (!holds || holds_own_words(words, v)))
            // `has written that "…"` reports; `a written statement` does not.
            || (w == "written"
                && v.checked_sub(1)
                    .is_some_and(|u| matches!(bare(words[u]), "has" | "had" | "have")))
            // `puts it more simply`, not `puts Mayor Helen Carter in a difficult position`.
            || (w == "puts" && words.get(v + 1).is_some_and(|w| bare(w) == "it"))
            // `DeBell pointed out how unfair it is, "…"`; not `the champion, who weighed in
            // at 108 kg,` nor `the mill, which the guide pointed out,`.
            || (words.get(v + 1).is_some_and(|p| is_phrasal_speech_verb(w, p))
                && words.get(v + 2).is_none_or(|next| bare(next) != "at")
                // `The witness, Dana Whitfield, pointed out Tom Reyes:` points at someone;
                // `pointed out Omar Haddad.` opening an attribution names who spoke.
                && (v == 0
                    || words[v + 1].ends_with([',', ':', '.'])
                    || words.get(v + 2).is_none_or(|next| !is_capitalised(bare(next))))
                && !words[v.saturating_sub(3)..v]
                    .iter()
                    .any(|w| matches!(bare(w), "who" | "which" | "that")))
    };
    let mut verbs = (0..words.len()).rev().filter(|&v| verb(v));
    let last = verbs.next()?;
    if !introduces || !in_relative_clause(words, last) {
        return Some(last);
    }
    // With no other verb, the clause's is the one there is (`In a memo that Smith wrote:`).
    Some(verbs.next().unwrap_or(last))
}

/// Verbs of telling that report a quotation when they come right after it, before the name
/// (`“…,” shares Aldrich`), where before a quotation they may tell of something else.
fn is_inverted_telling(verb: &str) -> bool {
    matches!(
        verb,
        "shares"
            | "shared"
            | "reflects"
            | "reflected"
            | "recounts"
            | "recounted"
            | "muses"
            | "mused"
            | "quips"
            | "quipped"
            | "jokes"
            | "joked"
    )
}

/// Whether a verb of holding a view at `verb` (`believes`, `maintains`) reports the words
/// of its subject: after the quotation (`"…," maintains Keenan`), or before `that`, an
/// adverb or a clause of its own (`believes that`, `maintained throughout the trial that`,
/// `maintains the vote was`); not before someone's or something's words (`believes the
/// report's claim that`, `believes the old saying that`, `believes her neighbor, Dan Hill,
/// who swears`).
fn holds_own_words(words: &[&str], verb: usize) -> bool {
    if verb_opens_clause(words, verb) {
        return true;
    }
    let Some(next) = words.get(verb + 1).map(|w| bare(w)) else {
        return true;
    };
    if matches!(
        next,
        "his" | "her" | "their" | "its" | "my" | "our" | "your"
    ) {
        return false;
    }
    if !matches!(next, "the" | "a" | "an") {
        return !is_capitalised(next);
    }
    const WORDS_OF: &[&str] = &[
        "claim",
        "claims",
        "saying",
        "phrase",
        "words",
        "statement",
        "slogan",
        "motto",
        "line",
        "adage",
        "maxim",
        "promise",
        "argument",
        "quote",
        "report",
    ];
    !words.iter().skip(verb + 2).take(3).any(|w| {
        let b = bare(w);
        WORDS_OF.contains(&b) || strip_possessive(b) != b
    })
}

/// Whether the verb at `verb` opens its clause, its subject after it: first, or after a
/// comma, a colon or a semicolon (`…, said Jane Doe`, `… for its future: said Alex Blum,`).
fn verb_opens_clause(words: &[&str], verb: usize) -> bool {
    verb == 0 || words[verb - 1].ends_with([',', ':', ';'])
}

/// The verb at `verb` has a subject (a name, or a pronoun) that a relative pronoun right
/// after a noun introduces: `a post that Abernathy says`, `the letter, which she wrote`.
fn in_relative_clause(words: &[&str], verb: usize) -> bool {
    let mut start = subject_end(words, verb);
    // The subject: a capitalised name of up to three words, or one pronoun.
    let mut taken = 0;
    while start > 0 && taken < 3 {
        let w = bare(words[start - 1]);
        if (is_capitalised(w) && !words[start - 1].ends_with(','))
            || (taken == 0 && pronoun(w).is_some())
        {
            start -= 1;
            taken += 1;
            if pronoun(w).is_some() {
                break;
            }
        } else {
            break;
        }
    }
    if taken == 0 || start == 0 {
        return false;
    }
    let relative = ["that", "which", "whom"].contains(&bare(words[start - 1]));
    // `said that Smith said` and `told reporters that Smith said` report; `a post that
    // Abernathy says` does not: no reporting verb in the few words before `that`.
    let reported = words[start.saturating_sub(4)..start - 1]
        .iter()
        .any(|w| is_speech_verb(w));
    let after_noun = start >= 2 && !reported && !words[start - 2].ends_with(',');
    relative && after_noun
}

/// [`speaker_in_lead_in`] of `lead_in` split into `words`, the last reporting verb at `verb`.
pub(super) fn speaker_in_words(
    lead_in: &str,
    words: &[&str],
    verb: Option<usize>,
) -> Option<String> {
    // `To quote Alan Turing,`, `In the words of Dr. Sunjya Schweig, …:`.
    if let Some(name) = quoting(lead_in) {
        return Some(name);
    }
    // `… one from @Ken_2scientists:`: a handle is who posted it, when no one is said to
    // speak (`tweets` is a noun there).
    let speaks = verb.is_some_and(|v| !matches!(bare(words[v]), "tweets" | "posts" | "posted"));
    if !speaks {
        if let Some(handle) = handle_before_colon(lead_in) {
            return Some(handle);
        }
    }
    let Some(verb) = verb else {
        // `For Eliran Mesika, the Director of …, the partnership is a "…"`: the view of the
        // person named in full after `For`.
        if let Some(rest) = lead_in.trim_start().strip_prefix("For ") {
            let words: Vec<&str> = rest.split_whitespace().collect();
            let name = name_from(&words).filter(|n| n.split_whitespace().count() >= 2);
            let closed = words.iter().take(4).any(|w| w.ends_with(','));
            if let Some(name) = name.filter(|_| closed) {
                return Some(name);
            }
        }
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
            .or_else(|| subject_before_colon(lead_in))
            .or_else(|| label_before_colon(words));
    };
    // `said by Zhang Dixuan`, `as noted by Jane Doe`: the one by whom it was said.
    // `pointed out DeBell`: the name after the verb's particle.
    let particle = usize::from(
        words
            .get(verb + 1)
            .is_some_and(|p| is_phrasal_speech_verb(bare(words[verb]), p)),
    );
    let after_verb = verb + 1 + particle;
    let named_at = after_verb + usize::from(words.get(after_verb).is_some_and(|w| *w == "by"));
    // `said AppDynamics Chief Technology Officer and …, Bhaskar Sunkara`: who they are, then
    // their name after a comma.
    if verb_opens_clause(words, verb) {
        if let Some(name) = description_then_name(words.get(named_at..).unwrap_or_default()) {
            return Some(name);
        }
    }
    // "according to Name" and "said Name" name the speaker after the verb; not "told Name",
    // the one told (`The guard, pointing to the chimney, told Firestone: "…"`).
    // Nor `described Dr. Huskey in an email as`, whom the words are about.
    let listener = verb > 0
        && (tells(bare(words[verb]))
            || matches!(
                bare(words[verb]),
                "described" | "describes" | "called" | "calls"
            ));
    // `said Smith's team was`: whose team, not who said it.
    let named_after = words.get(named_at..).unwrap_or_default();
    if let Some(name) = name_from(named_after)
        .filter(|_| !listener)
        .filter(|name| !written_possessive(named_after, name))
    {
        // `Jon Butterworth, a member of …, said Higgs was "…"`: a name that a verb follows
        // is the subject of what was said, not who said it.
        if verb_opens_clause(words, verb) && !subject_of_a_clause(&words[named_at..], &name) {
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
        .or_else(|| opening_name_described(subject))
}

/// `words` as one name, each word as written (trailing commas and marks off).
fn joined_as_written(words: &[&str]) -> String {
    words
        .iter()
        .map(|w| as_written(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The person a quotation that goes on from their name is by, as the rest of the sentence
/// (`Council President Jack Burrell “wants out of the school business.”`): a full name of two
/// or three words right before the quotation (a title before it is no part of it).
pub fn name_right_before(lead_in: &str) -> Option<Who> {
    let lead_in = lead_in.trim_end();
    if !lead_in.ends_with(char::is_alphabetic) {
        return None;
    }
    let words: Vec<&str> = lead_in.split_whitespace().collect();
    let run = words
        .iter()
        .rev()
        .take_while(|w| is_capitalised(bare(w)) && !is_title(bare(w)) && !w.ends_with(','))
        .count();
    let (before, name) = words.split_at(words.len() - run);
    // The name is the sentence's subject: nothing but capitalised words (a body, an office)
    // before it; not `Time magazine named Jane Doe "one of …"`, `songs by Bob Dylan "…"`.
    let subject = before.iter().all(|w| is_capitalised(bare(w)));
    ((2..=3).contains(&run) && subject && is_full_name(name))
        .then(|| Who::Named(joined_as_written(name)))
}

/// Whether `words` are a person's full name and nothing else: two words or more, each
/// capitalised (particles and initials among them), none a title or an acronym.
pub fn is_full_name(words: &[&str]) -> bool {
    words.len() >= 2 && only_a_name(words)
}

/// Whether `words` hold a name and nothing else: capitalised words (particles and initials
/// among them), none a title, an acronym or a word that is never a name.
fn only_a_name(words: &[&str]) -> bool {
    // `Dan Hon`: a title's word after a given name alone is a surname.
    let surname = |i: usize, w: &str| {
        i == 1 && words.len() == 2 && is_title(w) && title_as_surname(bare(words[0]))
    };
    !words.is_empty()
        && words.iter().enumerate().all(|(i, raw)| {
            let w = bare(raw);
            (is_capitalised(w) || (i > 0 && is_particle(w)))
                && (!is_title(w) || surname(i, w))
                && (!is_acronym(w) || (i > 0 && w.len() == 1))
                && !is_not_name(w)
                && strip_possessive(w) == w
        })
}

/// Whether `text` names an office (`President, Board of Directors`).
pub fn names_an_office(text: &str) -> bool {
    text.split_whitespace().any(|w| is_title(bare(w)))
}

/// Whether `words` describe someone rather than name them: an office, or a lower-case word.
fn describes(words: &[&str]) -> bool {
    words.iter().any(|raw| {
        let w = bare(raw);
        is_title(w) || (!is_capitalised(w) && !is_particle(w) && w.chars().any(char::is_alphabetic))
    })
}

/// A description, a comma, then a name of two words or more that ends `words` or its clause:
/// `AppDynamics Chief Technology Officer and Senior Vice President of Product Management,
/// Bhaskar Sunkara` → `Bhaskar Sunkara`. Not `Jane Doe, Acme Corp` (a name first).
fn description_then_name(words: &[&str]) -> Option<String> {
    const LONGEST_DESCRIPTION: usize = 16;
    let k = words.iter().position(|w| w.ends_with(','))?;
    if k == 0 || k >= LONGEST_DESCRIPTION || !describes(&words[..=k]) {
        return None;
    }
    if given::of_given_name(bare(words[0])).is_some() {
        return None;
    }
    let rest = &words[k + 1..];
    let end = rest
        .iter()
        .position(|w| w.ends_with([',', ';', ':']) || (w.ends_with('.') && !is_initial(w)))
        .map_or(rest.len(), |i| i + 1);
    let name = &rest[..end];
    if !(2..=4).contains(&name.len()) || !only_a_name(name) {
        return None;
    }
    Some(joined_as_written(name))
}

/// A full name opening a sentence and set off by a comma, then a description of them up to
/// the verb, its closing comma left out (`Mallory Knodel, CTO at CDT and longtime digital
/// rights defender and advocate commented`) or far from the name (`Sara Tyghter, GLA
/// Director of Education and … in TOP Health, said`). Not a list of people (`Jane Doe,
/// John Roe and the mayor said`), nor a clause with its own subject.
fn opening_name_described(subject: &[&str]) -> Option<String> {
    // `Dr Kiran Jobanputra, Emergency Doctor with MSF says`: a title before the name is no
    // part of it.
    let subject = match subject.first() {
        Some(w) if is_title(bare(w)) && subject.len() > 2 => &subject[1..],
        _ => subject,
    };
    let k = subject.iter().position(|w| w.ends_with(','))?;
    let name = &subject[..=k];
    let rest = &subject[k + 1..];
    if !(1..=3).contains(&k) || rest.is_empty() || !only_a_name(name) {
        return None;
    }
    let first = bare(name[0]);
    // `Unlike Jane Doe, the new director said`: a preposition opens the sentence.
    const OPENERS: &[&str] = &[
        "Unlike",
        "Like",
        "Besides",
        "Despite",
        "Without",
        "With",
        "For",
        "From",
        "After",
        "Before",
        "During",
        "Among",
        "Against",
        "Beyond",
        "Including",
        "Except",
        "Via",
        "Per",
        "Since",
        "Until",
        "Following",
        "Regarding",
        "Alongside",
        "Thanks",
        "According",
        "As",
        "At",
        "In",
        "On",
        "By",
        "To",
        "Of",
        "When",
        "While",
        "If",
        "Although",
        "Dear",
        "Meanwhile",
    ];
    if OPENERS.contains(&first)
        || is_opening_adverb(first)
        || super::organisation_head_of(&first.to_lowercase()).is_some()
    {
        return None;
    }
    let new_subject = rest
        .iter()
        .any(|w| pronoun(w).is_some() || PRONOUNS.contains(&bare(w)));
    let a_list = rest
        .windows(2)
        .any(|p| p[0].ends_with(',') && matches!(bare(p[1]), "and" | "or"))
        || rest
            .first()
            .is_some_and(|w| matches!(bare(w), "and" | "or"));
    let another_person = rest
        .windows(2)
        .any(|p| given::of_given_name(bare(p[0])).is_some() && is_capitalised(bare(p[1])));
    if new_subject || a_list || another_person || !describes(rest) {
        return None;
    }
    Some(joined_as_written(name))
}

/// A name and who they are, with no verb, after a quotation: `Faseela K, Istio Steering
/// Committee Member and Cloud Native Developer at Ericsson` → `Faseela K`. The name has two
/// words or more and the description holds an office or a preposition of affiliation.
pub fn name_then_description(tail: &str) -> Option<String> {
    // A name of two to four words, then its comma: looked for before the words are split.
    let comma = tail.find(',')?;
    if !tail.starts_with(char::is_uppercase) || comma > 60 {
        return None;
    }
    let words: Vec<&str> = tail.split_whitespace().collect();
    let k = words.iter().position(|w| w.ends_with(','))?;
    let name = &words[..=k];
    let rest = &words[k + 1..];
    if !(1..=3).contains(&k) || !only_a_name(name) || rest.is_empty() {
        return None;
    }
    let affiliated = rest.iter().any(|w| {
        let w = bare(w);
        is_title(w) || matches!(w, "at" | "of" | "for" | "from") || is_agent_noun(w)
    });
    let verb = rest
        .iter()
        .any(|w| is_speech_verb(w) || pronoun(w).is_some());
    (affiliated && !verb && !is_opening_adverb(bare(name[0]))).then(|| joined_as_written(name))
}

/// The one name word that is the subject of a lead-in ending in a colon: its first word, or
/// the first after an opening phrase set off by a comma (`Sugu, however, wasn't so scared:`,
/// `On this topic, Sugu is hopeful for the future:`), followed by a word in lower case.
fn subject_of_colon(lead_in: &str, words: &[&str]) -> Option<String> {
    if !lead_in.trim_end().ends_with(':') || words.len() < 3 {
        return None;
    }
    let opener = words.iter().take(6).position(|w| w.ends_with(','));
    let candidates = std::iter::once(0).chain(opener.map(|i| i + 1));
    for at in candidates.clone() {
        // `Tomás Wexler, a JPL student intern and senior, encourages the same sentiment:`: a
        // full name, who they are between commas, then the verb in lower case. A title may
        // open it (`Cllr Ravi Govindia, Leader of Wandsworth Council, also paid tribute to …:`).
        let titled = words
            .get(at)
            .is_some_and(|w| is_title(bare(w)) || is_honorific(bare(w)));
        let at = at + usize::from(titled);
        let Some(name_end) = (at + 1..words.len().min(at + 3)).find(|&i| words[i].ends_with(','))
        else {
            continue;
        };
        let name = &words[at..=name_end];
        let described_until =
            (name_end + 2..words.len().min(name_end + 16)).find(|&i| words[i].ends_with(','));
        let verb = described_until.and_then(|i| words.get(i + 1));
        if only_a_name(name) && verb.is_some_and(|v| v.starts_with(char::is_lowercase)) {
            return Some(joined_as_written(name));
        }
    }
    for at in candidates {
        let Some(raw) = words.get(at) else { continue };
        let w = bare(raw);
        let next = words.get(at + 1).map(|n| bare(n)).unwrap_or_default();
        // `Sugu, however,`: an aside may follow the name.
        let next = if raw.ends_with(',') && at == 0 {
            words.get(at + 2).map(|n| bare(n)).unwrap_or_default()
        } else {
            next
        };
        // A verb or an aside follows a subject; not a preposition (`Lack of Oversight:`).
        const JOINS: &[&str] = &[
            "of", "for", "and", "or", "to", "in", "on", "at", "with", "from", "by", "the", "a",
        ];
        let lower_next = next.starts_with(|c: char| c.is_lowercase()) && !JOINS.contains(&next);
        if is_capitalised(w)
            && !is_acronym(w)
            && !is_not_name(w)
            && !is_title(w)
            && !PRONOUNS.contains(&w)
            && !is_opening_adverb(w)
            && strip_possessive(w) == w
            && lower_next
        {
            return Some(w.to_string());
        }
    }
    None
}

/// A name alone before a colon, as a list of what people said labels each item (`- Peter:
/// "…"`, `- Ashley Moore: "…"`): one to three capitalised words, a single one a known given
/// name; not an editor's or a section's label (`Note:`, `Update:`).
fn label_before_colon(words: &[&str]) -> Option<String> {
    if words.is_empty() || words.len() > 3 || !words.last()?.ends_with(':') {
        return None;
    }
    let names: Vec<&str> = words.iter().map(|w| bare(w)).collect();
    let a_name = names.iter().all(|w| {
        is_capitalised(w) && !is_acronym(w) && !is_not_name(w) && !is_title(w) && !is_department(w)
    });
    let known = names.len() > 1 || given::of_given_name(names[0]).is_some();
    (a_name && known).then(|| names.join(" "))
}

/// A handle (`@Ken_2scientists`) after `from` or `by` that ends a lead-in with a colon.
fn handle_before_colon(lead_in: &str) -> Option<String> {
    let text = lead_in.trim_end().strip_suffix(':')?;
    let mut words = text.split_whitespace().rev();
    let handle = words.next()?.replace('\\', "");
    let by = words.next()?;
    let valid = handle.len() > 1
        && handle.starts_with('@')
        && handle[1..]
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_');
    (valid && matches!(by, "from" | "by")).then_some(handle)
}

/// The person a lead-in quotes without a reporting verb: `To quote Alan Turing,`,
/// `Quoting Jane Doe:`, `In the words of Dr. Sunjya Schweig, Co-Director of CCFM:`.
fn quoting(lead_in: &str) -> Option<String> {
    const PHRASES: &[&str] = &["to quote ", "quoting ", "in the words of "];
    // Most lead-ins hold neither: looked for before a lower-case copy is made.
    if !lead_in.contains("uot") && !lead_in.contains("words of") {
        return None;
    }
    let lower = lead_in.to_ascii_lowercase();
    // Only where the phrase opens the sentence or a clause after a comma (not `careful not
    // to quote Elon Musk directly, but said:`).
    let trimmed = lower.len() - lower.trim_start().len();
    let at = PHRASES.iter().find_map(|p| {
        let at = lower.rfind(p)?;
        let opens = at == trimmed || lower[..at].trim_end().ends_with(',');
        opens.then_some(at + p.len())
    })?;
    let rest: Vec<&str> = lead_in.get(at..)?.split_whitespace().collect();
    name_from(&rest).filter(|n| !n.is_empty())
}

/// The name that opens a sentence whose reporting verb is its second (`Ailsa Morrow, who
/// chairs the group, welcomed the plan but said`): the verb follows `and` or `but`.
pub(super) fn subject_of_two_verbs(subject: &[&str]) -> Option<String> {
    let subject = without_aside_after_joint(subject);
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

/// `subject` without an aside in commas after its `and` or `but` (`… on Friday and, speaking
/// before the race, had`): the joint ends it again. Anything else as it is.
fn without_aside_after_joint<'s, 'w>(subject: &'s [&'w str]) -> &'s [&'w str] {
    if !subject.last().is_some_and(|w| w.ends_with(',')) {
        return subject;
    }
    let last = subject.len() - 1;
    match subject[..last].iter().rposition(|w| w.ends_with(',')) {
        Some(joint) if last - joint <= 8 && matches!(bare(subject[joint]), "and" | "but") => {
            &subject[..=joint]
        }
        _ => subject,
    }
}

/// Whether a sentence whose reporting verb is its second opens with a pronoun, its subject
/// (`He won gold on Friday and said`): the pronoun's gender.
fn pronoun_of_two_verbs(subject: &[&str]) -> Option<Option<given::Gender>> {
    let subject = without_aside_after_joint(subject);
    let [first, between @ .., last] = subject else {
        return None;
    };
    let joined = matches!(bare(last), "and" | "but");
    // No other subject after the first: `He said he and Ann` is no joint of two verbs, nor
    // is a relative clause's (`He praised Dan Hart, who ran the kitchen and said`).
    let one_subject = !between.is_empty()
        && between
            .iter()
            .all(|w| pronoun(w).is_none() && !matches!(bare(w), "who" | "which" | "that"));
    (joined && one_subject).then(|| pronoun(first)).flatten()
}

/// The one person a lead-in ending in a colon names, when not as the object of a
/// preposition: `Local fisherman Declan Moore was unconvinced:` → `Declan Moore`; `The data
/// request was:` and `In a letter to Jane Doe, the agency wrote:` name no speaker.
pub(super) fn subject_before_colon(lead_in: &str) -> Option<String> {
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
    // `… but instead blamed Augusta Leigh:`: the one a verb of judging or addressing is about
    // is not who speaks (unless a clause after the name makes them its subject: `contacted
    // Terry Branch, Head of Security, who gave the following statement:`). Not a verb that
    // gives them the floor: `He introduced Jane Smith:`, `He then quoted Winston Churchill:`.
    let relative = lead_in[*at..].split_whitespace().any(|w| bare(w) == "who");
    let object_of_verb = *at > 0 && !relative && judges_or_addresses(before);
    (!PREPOSITIONS.contains(&before.to_lowercase().as_str()) && !object_of_verb)
        .then(|| name.clone())
}

/// A name that opens the subject and is followed by where the person is from:
/// `Levy from EPA` → `Levy`, `Jane Doe of the NHS` → `Jane Doe`.
pub(super) fn name_before_from(subject: &[&str]) -> Option<String> {
    // A title may open it: `President Alvarez of the business association`.
    let title = subject
        .first()
        .filter(|raw| is_title(bare(raw)))
        .map(|raw| as_written(raw));
    let skip = usize::from(title.is_some());
    let mut run = Vec::new();
    for (i, raw) in subject.iter().enumerate().skip(skip) {
        let w = bare(raw);
        if is_capitalised(w) && !is_acronym(w) && !is_not_name(w) && !is_title(w) {
            run.push(as_written(raw));
            if run.len() > 3 || (raw.ends_with([',', '.', ';', ':']) && !is_initial(raw)) {
                return None;
            }
            continue;
        }
        // `Jim Willenbring on behalf of Trilinos`.
        let on_behalf = w == "on"
            && subject.get(i + 1).is_some_and(|w| *w == "behalf")
            && subject.get(i + 2).is_some_and(|w| *w == "of");
        let from = on_behalf || ["from", "of", "at", "with"].contains(&w);
        return (from && !run.is_empty())
            .then(|| titled(title, run))
            .flatten();
    }
    None
}

/// [`speaker_in_lead_in`], or the pronoun a lead-in names as speaking (`She said`,
/// `he later explained`, `said she`).
pub fn who_in_lead_in(lead_in: &str) -> Option<Who> {
    // `Politico's Jonathan Martin (h/t Gateway Pundit) says`: an aside in brackets is no part
    // of the sentence, and names no one who speaks.
    let without_asides;
    let lead_in = if lead_in.contains('(') {
        without_asides = drop_asides(lead_in);
        without_asides.as_str()
    } else {
        lead_in
    };
    // `Chris Lydgate ’90, a former editor, noted`: a class year after a name is no word of it.
    let without_years;
    let lead_in = match without_class_years(lead_in) {
        Some(text) => {
            without_years = text;
            without_years.as_str()
        }
        None => lead_in,
    };
    // `Andrew Morgan (anoa) says`, `Timo ⚡️ reports`: a handle in brackets or an emoji
    // after a name is no word of the sentence.
    // Room for the words made at once (a word takes two bytes at least, with its space; a
    // long lead-in grows from there), not grown as they come.
    let mut words: Vec<&str> = Vec::with_capacity((lead_in.len() / 2 + 1).min(256));
    words.extend(lead_in.split_whitespace().filter(|w| {
        let handle = w.starts_with('(')
            && w.trim_end_matches([',', ':']).ends_with(')')
            && !w.chars().any(|c| c.is_ascii_digit());
        !handle && w.chars().any(char::is_alphanumeric)
    }));
    // `said said Eric O'Neill`: a reporting verb written twice is one.
    words.dedup_by(|later, earlier| earlier.eq_ignore_ascii_case(later) && is_speech_verb(earlier));
    // `The Howard brothers further described Andrew as "…"`: words of several people
    // together, none of them alone (not those of the last one quoted).
    if group_subject(&words) {
        return Some(Who::Nobody);
    }
    // `According to Lateefat Oguntade, these incidents make her feel "…"`: the words of the
    // one named between `According to` and the comma.
    if let Some(name) = according_to_opening(&words) {
        return Some(Who::Named(name));
    }
    // `According to him, "…"`, `Some faculty, according to him, believe that "…"`: the words
    // are those of whom the pronoun stands for.
    if let Some(g) = according_to_pronoun(&words) {
        return Some(Who::Pronoun(Some(g)));
    }
    // `Wilson’s statement that "…"`, `the company’s claim that it is "…"`.
    if let Some(name) = possessive_statement(&words) {
        return Some(Who::Named(name));
    }
    // `Python also fell short; in his own words:`: the words are his, whoever the clause
    // before is about.
    if let Some(g) = in_own_words(&words) {
        return Some(Who::Pronoun(g));
    }
    let verb = reporting_verb(&words);
    // `Churchill is often quoted as saying`, `He was heard to say`: the subject's words.
    if let Some(who) = quoted_as_saying(&words) {
        return Some(who);
    }
    // `His procedure was described as "…"`, `Sheares was told "…"`: a verb in the passive
    // says nothing of who spoke, unless `by` names them (`was described by Ann Lee as`).
    // Only a passive that is the lead-in's one reporting verb, in no clause of another
    // (`Dana Whitfield said she was asked …:`, `Bell laughed when he was asked …:` are
    // theirs).
    // What someone was told or asked, introduced by a colon right after it, is another's
    // words, in a clause of their own verb too (`Tom Reyes said he was told:`, `Ortiz wrote
    // that she was told by her editor:`); not words of their own that go on from it (`said
    // he was told about the closure "only two days before"`).
    // So is what someone was told by a named teller, reported after `that` (`Hill said he was
    // told by the chief executive, Ann Lee, that the plant would "…"`).
    let told_here = |v: usize| {
        let by = words.get(v + 1).is_none_or(|w| *w == "by");
        matches!(bare(words[v]), "told" | "asked")
            && by
            && (words.last().is_some_and(|w| w.ends_with(':')) || teller_set_off(&words[v + 1..]))
    };
    if let Some(v) = verb.filter(|&v| {
        in_the_passive(&words, v)
            && (!in_a_clause(&words, v) || told_here(v))
            && governs_the_rest(&words, v)
            && !answers_after_colon(&words, v)
    }) {
        let by = words.get(v + 1).is_some_and(|w| *w == "by");
        let agent = by
            .then(|| {
                let rest = &words[v + 2..];
                // `was told by his lawyer, Martha Greene:`.
                agent_after_by(rest).or_else(|| description_then_name(rest))
            })
            .flatten();
        return Some(agent.map_or(Who::Nobody, Who::Named));
    }
    if let Some(name) = speaker_in_words(lead_in, &words, verb) {
        // `The Dutchman replied,`: one capitalised word after `the` describes someone
        // unnamed (an office or a body's head word is read below).
        let described = !name.contains(' ')
            && super::roles::office_at(&words, 0).is_none()
            && super::organisation_head_of(&name.to_lowercase()).is_none()
            && words.windows(2).any(|w| {
                bare(w[0]).eq_ignore_ascii_case("the") && strip_possessive(bare(w[1])) == name
            });
        // `Critics, however, said …`, `Pentagon officials said`: a group of people, no one's
        // name (`Ellen Friends` is someone's).
        let group = match name.split_once(' ') {
            None => is_group_of_people(&name),
            Some((first, last)) => {
                !last.contains(' ')
                    && (is_group_of_people(last) && given::of_given_name(first).is_none()
                        || people_of_a_place(first, last))
            }
        };
        if group {
            return Some(Who::Nobody);
        }
        // `Maggie King, Program Director for …, University of Chicago Harris School of Public
        // Policy said`: a body right before the verb is where the person the sentence opens
        // with works, when a comma sets off all that stands between them.
        if super::is_body_name(&name) {
            if let Some(person) = verb.and_then(|v| person_opening_apposition(&words[..v])) {
                return Some(Who::Named(person));
            }
        }
        if !described {
            return Some(Who::Named(name));
        }
    }
    let Some(verb) = verb else {
        if let Some(who) = name_after_request(&words) {
            return Some(who);
        }
        // `He cited an example, saying, "…"`: the participle's subject opens the sentence.
        // `Luskin drew comparisons …, remarking how "…"`: the same, with `that` or `how`.
        let n = words.len();
        let (n, joined) = match words.last().map(|w| bare(w)) {
            Some("that" | "how") if !words[n - 1].ends_with([',', ':']) => (n - 1, true),
            _ => (n, false),
        };
        let participle = n > 2
            && matches!(
                bare(words[n - 1]),
                "saying"
                    | "adding"
                    | "noting"
                    | "explaining"
                    | "writing"
                    | "remarking"
                    | "arguing"
                    | "recalling"
                    | "stressing"
                    | "insisting"
                    | "observing"
                    | "stating"
                    | "claiming"
                    | "warning"
                    | "declaring"
            )
            && words[n - 2].ends_with(',')
            && (joined || words[n - 1].ends_with([',', ':']));
        if participle {
            // `However, he has his own advice …, explaining that`: a connective and its comma
            // open the sentence before its subject.
            let opens = match words[0].strip_suffix(',') {
                Some(w) if is_connective(w) => 1,
                _ => 0,
            };
            if let Some(g) = pronoun(words[opens]) {
                return Some(Who::Pronoun(g));
            }
            // A name that opens the sentence, before its verb in lower case.
            let subject = &words[opens..];
            let run = subject
                .iter()
                .take_while(|w| is_capitalised(bare(w)) && !w.ends_with(','))
                .count();
            // (Not `Ann Lee and Dan Hill signed …, warning`: two people.)
            let verb_follows = subject.get(run).is_some_and(|w| {
                w.starts_with(char::is_lowercase)
                    && !matches!(*w, "and" | "or" | "&")
                    && !is_particle_joined(bare(w))
            });
            // (A title may open it: `Mr Keenan links …, stating that`.)
            let titled = usize::from(run > 1 && is_honorific(bare(subject[0])));
            // After a connective, a name of a person, not of a place or a body (`Meanwhile,
            // Wall Street cheered the deal, declaring that`): a title or a known given name.
            let surely_a_person =
                opens == 0 || titled == 1 || given::of_given_name(bare(subject[0])).is_some();
            if (1..=3).contains(&(run - titled))
                && verb_follows
                && surely_a_person
                && only_a_name(&subject[titled..run])
            {
                return Some(Who::Subject(joined_as_written(&subject[..run])));
            }
        }
        // `She did not blame Byron, but instead blamed Augusta Leigh:`: the pronoun that opens
        // a sentence leading in with a colon is its subject, when it names no one else, or
        // only as the one a verb of judging or addressing is about (not `He introduced Jane
        // Smith:`, `He was followed by Jane Smith:`).
        let names_only_objects = || {
            person_mentions(lead_in).iter().all(|(at, _)| {
                let before = lead_in[..*at].split_whitespace().next_back().unwrap_or("");
                judges_or_addresses(before)
            })
        };
        if lead_in.trim_end().ends_with(':') {
            let opening = match words.as_slice() {
                [first, ..] if pronoun(first).is_some() => pronoun(first),
                [first, second, ..] if first.ends_with(',') || is_not_name(bare(first)) => {
                    pronoun(second)
                }
                _ => None,
            };
            // (The names looked for only after a pronoun, which few such lead-ins open with.)
            if let Some(g) = opening.filter(|_| names_only_objects()) {
                return Some(Who::Pronoun(g));
            }
        }
        return subject_of_colon(lead_in, &words).map(Who::Subject);
    };
    let end = subject_end(&words, verb);
    // Whether the verb comes first (`said the mayor`, `…, said Jane Doe`): the subject after it.
    let verb_first = verb_opens_clause(&words, verb);
    // `One student interviewed said`, `said a student who …`: someone the text does not
    // name, not the last person quoted.
    if unnamed_subject(&words, end) || unnamed_after_verb(&words, verb) {
        return Some(Who::Nobody);
    }
    if let Some(g) = end.checked_sub(1).and_then(|i| pronoun(words[i])) {
        // `he said`, but not `told him she`: the pronoun is the verb's subject.
        return Some(Who::Pronoun(g));
    }
    // `He won gold on Friday and, speaking before the race, had said`: the pronoun that
    // opens the sentence is the subject of both its verbs.
    if let Some(g) = pronoun_of_two_verbs(&words[..end]) {
        return Some(Who::Pronoun(g));
    }
    // `the 24-year-old said`, `said the 25-year-old swimmer`: someone named just before,
    // described by their age.
    let age = [2, 3, 4, 5]
        .into_iter()
        .find_map(|n| super::grammar::age_description(&words, end.checked_sub(n)?, end))
        .or_else(|| {
            verb_first
                .then(|| {
                    [verb + 3, verb + 4, verb + 5].into_iter().find_map(|to| {
                        let ends = words.get(to - 1)?.ends_with(['.', ',']) || to == words.len();
                        ends.then(|| super::grammar::age_description(&words, verb + 1, to))
                            .flatten()
                    })
                })
                .flatten()
        });
    if let Some(gender) = age {
        return Some(Who::Pronoun(gender));
    }
    // `I said to Alan, "…"`: the one telling it.
    if end.checked_sub(1).is_some_and(|i| words[i] == "I") {
        return Some(Who::Narrator);
    }
    // `In its response, it said that …`: an organisation's words.
    if end
        .checked_sub(1)
        .is_some_and(|i| matches!(bare(words[i]), "it" | "It"))
    {
        return Some(Who::Body);
    }
    // `the mayor said`, `As our Chair put it`: whoever the document names in that office;
    // `said the mayor`.
    let office = end
        .checked_sub(1)
        .and_then(|i| super::roles::office_at(&words, i))
        .or_else(|| {
            verb_first
                .then(|| super::roles::office_at(&words, verb + 2))
                .flatten()
        });
    if let Some(office) = office {
        return Some(Who::Office(office));
    }
    // `The council said`: the organisation, by its head word.
    if let Some(i) = end.checked_sub(1) {
        let head = bare(words[i]);
        let det = i.checked_sub(1).map(|j| bare(words[j]));
        // Not `A spokesman for the agency said`: the agency's spokesman, unnamed.
        let object = i.checked_sub(2).is_some_and(|j| {
            PLACE_PREPOSITIONS.contains(&bare(words[j])) || bare(words[j]) == "for"
        });
        if det.is_some_and(|d| d.eq_ignore_ascii_case("the")) && !object && !is_capitalised(head) {
            if let Some(capital) = super::organisation_head_of(head) {
                return Some(Who::Named(capital.to_string()));
            }
        }
    }
    let after_verb = words.get(verb + 1).and_then(|w| pronoun(w));
    match (after_verb, verb_first) {
        (Some(g), true) => Some(Who::Pronoun(g)),
        _ => None,
    }
}

/// The names a text says an interview was with: the capitalised words after `sat down with`,
/// `spoke with`, `talked with` (or `to`), `caught up with`, `chatted with`, `interviewed` or
/// `an interview with` (`The Communicator sat down with Ball last month` → `Ball`).
pub fn interviewed_in(text: &str) -> Vec<String> {
    const LEADS: &[&[&str]] = &[
        &["sat", "down", "with"],
        &["spoke", "with"],
        &["talked", "with"],
        &["talked", "to"],
        &["caught", "up", "with"],
        &["chatted", "with"],
        &["interviewed"],
        &["interview", "with"],
    ];
    // Asked of every paragraph before a quote that names no one: most hold none of the words
    // every lead has one of (`with`, `talked`, `interview`), which a look at the bytes tells.
    let holds = |word: &[u8]| {
        text.as_bytes()
            .windows(word.len())
            .any(|w| w.eq_ignore_ascii_case(word))
    };
    if !holds(b"with") && !holds(b"talked") && !holds(b"interview") {
        return Vec::new();
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut found = Vec::new();
    for i in 0..words.len() {
        for lead in LEADS {
            let end = i + lead.len();
            let fits = words.get(i..end).is_some_and(|w| {
                w.iter()
                    .zip(lead.iter())
                    .all(|(a, b)| a.eq_ignore_ascii_case(b))
            });
            if !fits {
                continue;
            }
            // `talked with CSArts Principal Dr. Gregory Endelman`: the name after what the
            // person is, else the capitalised words there are.
            let after = &words[end..words.len().min(end + 8)];
            let named = name_from(after).filter(|n| n.contains(' ') && !is_titled(n));
            let name: Vec<&str> = after
                .iter()
                .take(3)
                .map(|w| bare(w))
                .take_while(|w| is_capitalised(w) && !is_not_name(w))
                .collect();
            match named {
                Some(named) => found.push(named),
                None if !name.is_empty() => found.push(name.join(" ")),
                None => {}
            }
        }
    }
    found
}

/// Whether `words` open with a group of people as their subject: `The` (or `Both`), at most
/// three capitalised words (a family's name), then a noun for several people (`The Howard
/// brothers`, `the couple`, `Both sisters`).
fn group_subject(words: &[&str]) -> bool {
    const GROUPS: &[&str] = &[
        "brothers", "sisters", "siblings", "couple", "twins", "parents", "family", "spouses",
    ];
    let Some((first, rest)) = words.split_first() else {
        return false;
    };
    if !matches!(bare(first), "The" | "the" | "Both" | "both") {
        return false;
    }
    let family = rest.iter().take_while(|w| is_capitalised(bare(w))).count();
    family <= 3 && rest.get(family).is_some_and(|w| GROUPS.contains(&bare(w)))
}

/// The person a lead-in's closing `in his own words:` (`in her words,`) points to, by the
/// pronoun's gender.
fn in_own_words(words: &[&str]) -> Option<Option<given::Gender>> {
    let n = words.len();
    let last = *words.last()?;
    if !last.ends_with([':', ',']) || bare(last) != "words" {
        return None;
    }
    let owner = match n >= 2 && bare(words[n - 2]) == "own" {
        true => n.checked_sub(3)?,
        false => n.checked_sub(2)?,
    };
    if !bare(words[owner.checked_sub(1)?]).eq_ignore_ascii_case("in") {
        return None;
    }
    match bare(words[owner]) {
        "his" | "His" => Some(Some(given::Gender::Male)),
        "her" | "Her" => Some(Some(given::Gender::Female)),
        _ => None,
    }
}

/// The name between a sentence's opening `According to` and its comma, when that is all
/// there is between them (`According to Dr. Jane Doe,`).
fn according_to_opening(words: &[&str]) -> Option<String> {
    let (first, second) = (words.first()?, words.get(1)?);
    if !first.eq_ignore_ascii_case("according") || *second != "to" {
        return None;
    }
    let comma = (2..words.len().min(7)).find(|&i| words[i].ends_with(','))?;
    let named = &words[2..=comma];
    let name = name_from(named)?;
    let last = bare(named.last()?);
    (name.contains(' ') && name.ends_with(last)).then_some(name)
}

/// The one whose statement a lead-in ends with: a capitalised name in the possessive, a kind
/// of statement, and `that` or nothing (`… is Wilson’s statement that`, `contradicts Acme
/// Oil’s claim that it is`), the quotation being their words.
fn possessive_statement(words: &[&str]) -> Option<String> {
    const KINDS: &[&str] = &[
        "statement",
        "claim",
        "claims",
        "remark",
        "remarks",
        "words",
        "testimony",
        "assertion",
        "comment",
        "comments",
        "promise",
        "pledge",
        "boast",
        "insistence",
        "admission",
    ];
    // `claim that it is`: a few words of the clause may come before the quotation.
    let n = words.len();
    let kind = (n.saturating_sub(5)..n)
        .rev()
        .find(|&i| KINDS.contains(&bare(words[i])))?;
    let clause = &words[kind + 1..];
    if clause.first().is_some_and(|w| bare(w) != "that") && !clause.is_empty() {
        return None;
    }
    let owner = kind.checked_sub(1)?;
    let last = words[owner];
    let stem = strip_possessive(bare(last));
    if stem == bare(last) || !is_capitalised(stem) {
        return None;
    }
    let mut start = owner;
    while start > 0
        && owner - start < 2
        && is_capitalised(bare(words[start - 1]))
        && !words[start - 1].ends_with([',', '.'])
        && !is_not_name(bare(words[start - 1]))
    {
        start -= 1;
    }
    let mut name: Vec<&str> = words[start..owner].iter().map(|w| bare(w)).collect();
    name.push(stem);
    name.iter().all(|w| !is_not_name(w)).then(|| name.join(" "))
}

/// Whether `word` is a verb of judging or addressing someone in the past or present (`blamed`,
/// `praises`, `thanked`, `told`): the person after it is what the sentence is about, not who
/// speaks in the quotation it leads in to.
fn judges_or_addresses(word: &str) -> bool {
    let w = bare(word);
    let stem = w
        .strip_suffix("ed")
        .or_else(|| w.strip_suffix("es"))
        .or_else(|| w.strip_suffix('s'))
        .unwrap_or(w);
    matches!(
        stem,
        "blam"
            | "prais"
            | "thank"
            | "criticis"
            | "criticiz"
            | "accus"
            | "attack"
            | "defend"
            | "warn"
            | "urg"
            | "remind"
            | "condemn"
            | "scold"
            | "rebuk"
            | "mock"
    ) || tells(w)
}

/// Whether `word` (trimmed) tells or asks someone (`told`, `asks`): the person after it is
/// the one told.
fn tells(word: &str) -> bool {
    matches!(word, "told" | "tells" | "asked" | "asks")
}

/// `text` without the class years written after names (`Chris Lydgate ’90,` → `Chris
/// Lydgate,`: an apostrophe and two digits after a capitalised word, their punctuation kept on
/// the name; not `In ’98,`); `None` when it has none.
fn without_class_years(text: &str) -> Option<String> {
    // (`’` is E2 80 99 and `‘` E2 80 98 in UTF-8: their last byte before a digit.)
    let is_year = |w: &str| {
        let w = w.trim_end_matches([',', ';', ':', '.']);
        let digits = w
            .strip_prefix('’')
            .or_else(|| w.strip_prefix('\''))
            .or_else(|| w.strip_prefix('‘'));
        digits.is_some_and(|d| d.len() == 2 && d.bytes().all(|b| b.is_ascii_digit()))
    };
    // Most lead-ins hold no apostrophe before a digit: one look at the bytes passes them by.
    let bytes = text.as_bytes();
    let has = memchr::memchr3_iter(b'\'', 0x99, 0x98, bytes)
        .any(|at| bytes.get(at + 1).is_some_and(u8::is_ascii_digit));
    if !has || !text.split_whitespace().any(is_year) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    for word in text.split_inclusive(char::is_whitespace) {
        let after_name = || {
            out.ends_with(char::is_whitespace)
                && out
                    .split_whitespace()
                    .next_back()
                    .is_some_and(|w| is_capitalised(bare(w)) && !is_not_name(bare(w)))
        };
        if is_year(word.trim_end()) && after_name() {
            // Its punctuation stays, on the word before.
            let punctuation = word
                .trim_end()
                .trim_start_matches(|c: char| !matches!(c, ',' | ';' | ':' | '.'));
            out.truncate(out.trim_end().len());
            out.push_str(punctuation);
            out.push(' ');
            continue;
        }
        out.push_str(word);
    }
    Some(out)
}

/// `text` without what stands in round brackets of several words (`(h/t Gateway Pundit)`);
/// a bracket of one word stays (`Andrew Morgan (anoa)`, read as a handle), and so does one
/// that is never closed.
fn drop_asides(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('(') {
        let Some(close) = rest[open..].find(')').map(|c| open + c) else {
            break;
        };
        let inside = &rest[open + 1..close];
        if !inside.contains(char::is_whitespace) {
            out.push_str(&rest[..=close]);
        } else {
            // The space before a dropped aside goes with it, so that a comma after it stays
            // on the word before (`companies (e.g. …), remarking` → `companies, remarking`).
            out.push_str(rest[..open].trim_end());
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

/// The gender of the pronoun in `according to him,` (`her`) among `words`: the pronoun alone,
/// before a comma or at the end.
fn according_to_pronoun(words: &[&str]) -> Option<given::Gender> {
    let n = words.len();
    words.windows(3).enumerate().find_map(|(i, w)| {
        // `according to her lawyer`: the lawyer's words, not hers.
        let alone = w[2].ends_with([',', ':', ';']) || i + 3 == n;
        if !w[0].eq_ignore_ascii_case("according") || w[1] != "to" || !alone {
            return None;
        }
        match w[2].trim_end_matches([',', ':', ';']) {
            "him" => Some(given::Gender::Male),
            "her" => Some(given::Gender::Female),
            _ => None,
        }
    })
}

/// Determiners that make a noun someone unnamed: `One student`, `a resident`, `another`.
const INDEFINITE: &[&str] = &["one", "a", "an", "another", "some", "several", "many"];

/// Whether the subject that ends at `end` (the clause's words before it, from the last comma)
/// is someone unnamed: an indefinite determiner and up to four words in lower case (`One
/// student interviewed`, `A spokesperson for the agency`), no name among them.
fn unnamed_subject(words: &[&str], end: usize) -> bool {
    let start = words[..end]
        .iter()
        .rposition(|w| w.ends_with([',', ';']))
        .map_or(0, |i| i + 1);
    let subject = &words[start..end];
    let Some((det, rest)) = subject.split_first() else {
        return false;
    };
    // `a white campaigner for Halloran`, `a spokesman for Mayor Emanuel`: the noun in lower
    // case is the subject; whom a preposition after it names is not.
    let head = rest
        .iter()
        .position(|w| matches!(*w, "for" | "of" | "from" | "at" | "with" | "in"))
        .unwrap_or(rest.len());
    INDEFINITE.contains(&bare(det).to_lowercase().as_str())
        && (1..=4).contains(&head)
        && rest.len() <= 8
        && rest[..head].iter().all(|w| !is_capitalised(bare(w)))
}

/// Whether the words after the verb at `verb` are someone unnamed (`said a student who asked
/// …`, `says one resident.`): an indefinite determiner, then a noun in lower case.
fn unnamed_after_verb(words: &[&str], verb: usize) -> bool {
    let verb_first = verb == 0 || words[verb - 1].ends_with(',');
    let (Some(det), Some(noun)) = (words.get(verb + 1), words.get(verb + 2)) else {
        return false;
    };
    verb_first
        && !words[verb].ends_with([',', ':', '.'])
        && INDEFINITE.contains(&bare(det))
        && !is_capitalised(bare(noun))
}

/// Where among the first `reach` of `words` the last word of `name` (read from them) is.
fn last_word_of(words: &[&str], name: &str, reach: usize) -> Option<usize> {
    let last = name.split_whitespace().next_back()?;
    words.iter().take(reach).position(|w| bare(w) == last)
}

/// Whether `name`, which `words` open with, is the subject of a clause: an auxiliary or a
/// form of `be` or `have` follows it (`said Higgs was`, `said Smith would`).
fn subject_of_a_clause(words: &[&str], name: &str) -> bool {
    let Some(end) = last_word_of(words, name, 6) else {
        return false;
    };
    if words[end].ends_with([',', ';', ':', '.']) {
        return false;
    }
    words.get(end + 1).is_some_and(|next| {
        matches!(
            *next,
            "was"
                | "were"
                | "is"
                | "are"
                | "had"
                | "has"
                | "have"
                | "would"
                | "will"
                | "could"
                | "should"
                | "can"
                | "may"
                | "might"
                | "must"
                | "did"
                | "does"
        )
    })
}

/// Whether `word`, capitalised, names a group of people (`Critics`, `Officials`,
/// `Residents`): those who say something, but no one by name.
fn is_group_of_people(word: &str) -> bool {
    const GROUPS: &[&str] = &[
        "Critics",
        "Officials",
        "Residents",
        "Investigators",
        "Neighbours",
        "Neighbors",
        "Experts",
        "Analysts",
        "Authorities",
        "Prosecutors",
        "Witnesses",
        "Parents",
        "Students",
        "Teachers",
        "Workers",
        "Employees",
        "Sources",
        "Friends",
        "Others",
        "Supporters",
        "Opponents",
        "Protesters",
        "Protestors",
        "Activists",
        "Scientists",
        "Researchers",
        "Doctors",
        "Nurses",
        "Lawyers",
        "Officers",
        "Members",
        "Leaders",
        "Voters",
        "Fans",
        "Observers",
        "Organizers",
        "Organisers",
        "Volunteers",
        "Locals",
        "Customers",
        "Users",
        "Readers",
        "Viewers",
        "Visitors",
        "Passengers",
        "Patients",
        "Shoppers",
        "Villagers",
        "Survivors",
        "Relatives",
        "Colleagues",
        "Economists",
        "Historians",
        "Scholars",
        "Participants",
        "Attendees",
        "Advocates",
        "Reporters",
        "Commentators",
        "Democrats",
        "Republicans",
        "Lawmakers",
        "Legislators",
        "Police",
        "Tenants",
        "Veterans",
        "Senators",
        "Farmers",
        "Patients",
        "Families",
        "Soldiers",
        "Troops",
        "Refugees",
        "Citizens",
        "Delegates",
        "Negotiators",
        "Diplomats",
    ];
    // The people of a place (not by their ending: `Christians`, `Vivians` are surnames too).
    const PEOPLES: &[&str] = &[
        "Americans",
        "Canadians",
        "Mexicans",
        "Europeans",
        "Australians",
        "Britons",
        "Londoners",
        "Parisians",
        "Californians",
        "Texans",
    ];
    GROUPS.contains(&word) || PEOPLES.contains(&word)
}

/// The full name `words` (the subject, up to its verb) open with when a comma follows it
/// and an office and a body, in capitals but for the words that join them, are all the rest
/// (`Maggie King, Program Director for …, University of Chicago Harris School of Public
/// Policy`): two or three capitalised words, the first a known given name. Not where a clause
/// of its own stands between (`Ann Lee, the firm’s founder, stepped down, and Kelso Capital`).
fn person_opening_apposition(words: &[&str]) -> Option<String> {
    let comma = words.iter().take(3).position(|w| w.ends_with(','))?;
    let name = &words[..=comma];
    let capitalised = name
        .iter()
        .all(|w| is_capitalised(bare(w)) && !is_title(bare(w)));
    let known = given::of_given_name(bare(name[0])).is_some();
    let rest = &words[comma + 1..];
    // (An office may be written in lower case: `director of the Kelso Clean Water Group`.)
    let office_and_body = rest.iter().any(|w| is_title_in_lower_case(bare(w)))
        && rest.iter().all(|w| {
            let b = bare(w);
            is_capitalised(b)
                || is_title_in_lower_case(b)
                || w.starts_with('(')
                || matches!(b, "of" | "for" | "and" | "the" | "at")
        });
    (comma >= 1 && capitalised && known && office_and_body).then(|| {
        let run: Vec<&str> = name.iter().map(|w| bare(w)).collect();
        run.join(" ")
    })
}

/// Whether `first last` names the people of a place: `New Yorkers`, `South Africans`,
/// `North Koreans` (a place's first word, and a word for its people in the plural).
fn people_of_a_place(first: &str, last: &str) -> bool {
    super::surnames::PLACE_OPENINGS.contains(&first)
        && ["ers", "ans", "ites"].iter().any(|s| last.ends_with(s))
}

/// Who a request to remember someone's words names, when a name is all that follows it
/// and the lead-in ends in a colon: `Remember Emerson:` (a surname, as a subject, which
/// speaks only if the document names the person in full), `Remember Abraham Lincoln:` (a
/// known given name first). Not `Remember Pearl Harbor:`, `Remember the Alamo:`.
fn name_after_request(words: &[&str]) -> Option<Who> {
    let (first, name) = words.split_first()?;
    let colon = name.last().is_some_and(|w| w.ends_with(':'));
    if *first != "Remember" || !colon || !(1..=3).contains(&name.len()) || !only_a_name(name) {
        return None;
    }
    let written = joined_as_written(name);
    match name {
        [_] => Some(Who::Subject(written)),
        [given_name, ..] => given::of_given_name(bare(given_name))
            .is_some()
            .then_some(Who::Named(written)),
        [] => None,
    }
}

/// Whether `word` is a connective that opens a sentence before its subject, set off by a
/// comma (`However,`, `Still,`).
fn is_connective(word: &str) -> bool {
    matches!(
        word,
        "However" | "Still" | "Instead" | "Meanwhile" | "Later" | "Yet" | "Indeed" | "Moreover"
    )
}

/// Who says the words a lead-in ends on when it ends in a passive of quoting or hearing
/// whose subject says them: `Churchill is often quoted as saying`, `He was heard to say`,
/// `Dana Whitfield was reported as having said`: the name or pronoun before the passive;
/// someone unnamed (`The mayor was quoted as saying`) is no one named.
fn quoted_as_saying(words: &[&str]) -> Option<Who> {
    // The `k`th word from the end, trimmed.
    let last = |k: usize| words.len().checked_sub(k).map(|i| bare(words[i]));
    let tail = match (last(1), last(2), last(3)) {
        (Some("saying"), Some("as"), _) | (Some("say"), Some("to"), _) => 2,
        (Some("said"), Some("having"), Some("as")) => 3,
        (Some("saying"), _, _) => 1,
        _ => return None,
    };
    // Nothing but the tail after the passive: `was quoted, saying` is no passive of it.
    let participle = words.len().checked_sub(tail + 1)?;
    let passive = matches!(
        bare(words[participle]),
        "quoted" | "reported" | "heard" | "overheard" | "recorded" | "remembered"
    ) && in_the_passive(words, participle)
        && !words[participle..words.len() - 1]
            .iter()
            .any(|w| w.ends_with([',', ';', ':']));
    if !passive {
        return None;
    }
    let be = (participle.saturating_sub(2)..participle).find(|&i| is_form_of_be(bare(words[i])))?;
    // `has been quoted`: the subject is before the auxiliary.
    let end = match be.checked_sub(1).map(|i| bare(words[i])) {
        Some("has" | "have" | "had") => be - 1,
        _ => be,
    };
    let subject = &words[..end];
    if let Some(g) = subject.last().and_then(|w| pronoun(w)) {
        return Some(Who::Pronoun(g));
    }
    // The name must open the subject, or follow a comma (`In 1941, Churchill`, `The groom,
    // Tom Reyes,`): not `A guest seated beside Maria Lopez was heard to say`.
    let name = name_before(subject).filter(|name| {
        let first = name.split_whitespace().next().unwrap_or_default();
        subject
            .iter()
            .rposition(|w| bare(w) == first)
            .is_some_and(|i| i == 0 || subject[i - 1].ends_with(','))
    });
    Some(name.map_or(Who::Nobody, Who::Named))
}

/// Whether the verb at `verb` stands in a clause of another verb: a reporting verb comes
/// before it, or a subordinator after the clause's first word since the last comma (`Bell
/// laughed when he was asked`; `After the verdict, Whitfield was told` and `After that Tom
/// Reyes was told` are no clause of another).
fn in_a_clause(words: &[&str], verb: usize) -> bool {
    let since_comma = words[..verb]
        .iter()
        .rposition(|w| w.ends_with(','))
        .map_or(0, |c| c + 1);
    words[..verb].iter().any(|w| is_speech_verb(w))
        || words
            .get(since_comma + 1..verb)
            .unwrap_or_default()
            .iter()
            .any(|w| {
                let b = bare(w);
                super::grammar::SUBORDINATORS
                    .iter()
                    .any(|s| s.eq_ignore_ascii_case(b))
            })
}

/// Whether the passive at `verb` governs the rest of the lead-in, up to the quotation: no
/// comma or `and` or `but` after it opens another clause (`was described by her colleagues
/// at the hospital as`, `was told on Monday that her contract was`, `was told by his
/// lawyer, Martha Greene:`; not `who was described by friends as shy, just shrugged:`,
/// `was asked about the audit and did not hold back:`).
fn governs_the_rest(words: &[&str], verb: usize) -> bool {
    let rest = &words[verb + 1..];
    let Some((_, before_last)) = rest.split_last() else {
        return true;
    };
    // A `by` phrase may set its agent's name off with a comma (`by his lawyer, Martha
    // Greene:`), a name and nothing else after it.
    let by_name = rest.first().is_some_and(|w| *w == "by")
        && (before_last
            .iter()
            .rposition(|w| w.ends_with(','))
            .is_some_and(|c| {
                let after = &rest[c + 1..];
                after.len() <= 4 && after.iter().all(|w| is_capitalised(bare(w)))
            })
            || teller_set_off(rest));
    (by_name || !before_last.iter().any(|w| w.ends_with([',', ';'])))
        && !rest.iter().any(|w| matches!(*w, "and" | "but"))
}

/// Whether a `by` phrase names its agent between two commas, then `that` reports what they
/// said (`by her manager, Tom Reyes, that the crack was`).
fn teller_set_off(rest: &[&str]) -> bool {
    if rest.first() != Some(&"by") {
        return false;
    }
    let mut commas = rest
        .iter()
        .enumerate()
        .filter(|(_, w)| w.ends_with(','))
        .map(|(i, _)| i);
    let (Some(open), Some(close)) = (commas.next(), commas.next()) else {
        return false;
    };
    let name = &rest[open + 1..=close];
    let named = (1..=4).contains(&name.len()) && name.iter().all(|w| is_capitalised(bare(w)));
    named && rest.get(close + 1).is_some_and(|w| *w == "that")
}

/// Whether a lead-in that ends in a colon after a passive `asked` or `told` with more words
/// (`was asked what he would do next:`, `was told of the verdict in his cell:`) sets up the
/// subject's answer; `was asked:` and `was told:` give what was asked or told.
fn answers_after_colon(words: &[&str], verb: usize) -> bool {
    let asked_or_told = matches!(bare(words[verb]), "asked" | "told");
    let rest = &words[verb + 1..];
    asked_or_told
        && !words[verb].ends_with(':')
        && rest.first().is_some_and(|w| *w != "by")
        && rest.last().is_some_and(|w| w.ends_with(':'))
}

/// Whether `name`, found at the start of `words`, ends in a possessive as written there
/// (`Smith's`, `Jones’`).
fn written_possessive(words: &[&str], name: &str) -> bool {
    let Some(last) = name.split_whitespace().next_back() else {
        return false;
    };
    // The name's own last word, not a later one (`said Ann Lee, owner of Lee's Diner`).
    let at = words
        .iter()
        .take(8)
        .map(|w| bare(w))
        .find(|b| strip_possessive(b) == last);
    at.is_some_and(|b| b != last)
}

/// The agent a passive's `by` names, when a name is all of it: `by the Malaya Tribune as`,
/// `by Ann Lee,`; not `by Smith's lawyer`, `by Obama administration officials`.
fn agent_after_by(words: &[&str]) -> Option<String> {
    let name = name_from(words)?;
    let end = last_word_of(words, &name, 8)?;
    let raw = words[end];
    let possessive = raw.ends_with("'s") || raw.ends_with("’s") || raw.ends_with(['\'', '’']);
    let closed = raw.ends_with([',', ':', ';', '.'])
        || words.get(end + 1).is_none_or(|next| {
            matches!(
                bare(next),
                "as" | "of" | "at" | "from" | "in" | "on" | "that" | "to"
            )
        });
    (!possessive && closed).then_some(name)
}

/// Whether the verb at `verb` is in the passive: a form of `be` before it, an adverb
/// between them or not (`was described`, `is widely described`, `were told`).
fn in_the_passive(words: &[&str], verb: usize) -> bool {
    let mut at = verb;
    for _ in 0..2 {
        let Some(before) = at.checked_sub(1).map(|b| bare(words[b])) else {
            return false;
        };
        if is_form_of_be(before) {
            return !words[at - 1].ends_with([',', ':', ';']);
        }
        let adverb = before.ends_with("ly")
            || matches!(
                before,
                "also" | "often" | "once" | "then" | "later" | "never" | "first" | "again"
            );
        if !adverb || at < verb {
            return false;
        }
        at -= 1;
    }
    false
}

/// Whether `word` is a form of `be` that makes a passive (`was`, `is`, `been`, …).
fn is_form_of_be(word: &str) -> bool {
    matches!(
        word,
        "was" | "were" | "is" | "are" | "been" | "being" | "be"
    )
}

/// Where the subject before the verb at `verb` ends: an adverb or auxiliary between them is
/// passed over (`Leike later said`).
pub(super) fn subject_end(words: &[&str], verb: usize) -> usize {
    // `Mariano goes on to write that`: the subject is before `goes on to`.
    if verb >= 3
        && bare(words[verb - 1]) == "to"
        && bare(words[verb - 2]) == "on"
        && matches!(bare(words[verb - 3]), "goes" | "went" | "go")
    {
        return verb - 3;
    }
    // `Jim Willenbring had this to say:`, `… has the following to say`: the subject is before
    // `had`.
    if verb >= 3 && bare(words[verb - 1]) == "to" {
        let had = (verb.saturating_sub(5)..verb - 2)
            .rev()
            .find(|&j| matches!(bare(words[j]), "had" | "has" | "have"));
        // What `had` has is something to say, not someone made to say it (`had paid the
        // guard to say`).
        const SOMETHING: &[&str] = &[
            "this",
            "these",
            "that",
            "the",
            "following",
            "something",
            "much",
            "more",
            "a",
            "lot",
            "lots",
            "few",
            "words",
            "plenty",
            "little",
            "nothing",
            "one",
            "thing",
            "things",
            "of",
            "several",
            "only",
            "good",
            "kind",
            "some",
        ];
        if let Some(j) = had.filter(|&j| {
            words[j + 1..verb - 1]
                .iter()
                .all(|w| SOMETHING.contains(&bare(w)) && !w.ends_with(','))
        }) {
            return j;
        }
    }
    // `As Carter liked to say`, `Smith used to say`: the subject is before the habit.
    let mut end = verb;
    // (Not in a relative clause: `The coach, who liked to say`.)
    if verb >= 2
        && bare(words[verb - 1]) == "to"
        && matches!(
            bare(words[verb - 2]),
            "liked" | "likes" | "loved" | "loves" | "used"
        )
        && verb
            .checked_sub(3)
            .is_none_or(|i| !matches!(bare(words[i]), "who" | "which" | "that"))
    {
        end = verb - 2;
    }
    // At most two words between the subject and the verb (or the habit) are passed over.
    let from = end;
    while end > 0 && end + 2 >= from {
        let w = bare(words[end - 1]);
        if w.ends_with("ly") && !is_capitalised(w)
            || [
                "later", "also", "then", "once", "had", "has", "have", "was", "publicly",
                "famously", "who", "always", "often", "would",
            ]
            .contains(&w)
        {
            end -= 1;
        } else {
            break;
        }
    }
    // `Panelist Jim Willenbring in his exploration of E4S noted:`: a phrase of the subject's
    // own, a preposition and `his`, `her` or `their`, between the name and the verb.
    let phrase = (end.saturating_sub(8)..end.saturating_sub(2)).find(|&p| {
        p > 0
            && matches!(bare(words[p]), "in" | "during" | "at" | "throughout")
            && matches!(bare(words[p + 1]), "his" | "her" | "their")
            && is_capitalised(bare(words[p - 1]))
            && !words[p - 1..end]
                .iter()
                .any(|w| w.ends_with([',', ';', ':']))
    });
    phrase.unwrap_or(end)
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
    if !ends_in_speech_verb(s) {
        return said_by_name_at_end(s).map(Who::Named);
    }
    who_in_lead_in(s)
}

/// The speaker in the attribution after a quotation that opens its sentence and that a comma
/// joins to what follows, when its verb is none of those the rules know: `“…,” highlights
/// Priya Raman.`, `“…,” beams Ann Lee, the chair.`, `“…,” Priya Raman, the chair, enthuses.`,
/// `“…,” she highlights.` A word in lower case with a verb's ending (-s, -ed) beside a name,
/// with nothing else but who they are set off by commas, is how English attributes words; a
/// verb whose subject is a text or one who reads out another's words (`opens`, `reads`,
/// `features`, `recites`, `directed`) is not. `Some(Who::Nobody)` when such a word opens the
/// attribution but no name stands beside it (`“…,” details the company's filing`), or a name
/// and one word after a comma do (`“…,” Mary Cassatt, pastels.`, a caption): the words are
/// nobody's the text names, not those of whoever spoke before. `None` for anything else
/// (`“…,” reads the label`, `“…,” he told Ann Lee`).
pub fn verb_and_name(tail: &str) -> Option<Who> {
    /// Verbs whose subject is a text, a work or one who passes on another's words.
    const NOT_SPEAKING: &[&str] = &[
        "opens",
        "opened",
        "begins",
        "starts",
        "started",
        "ends",
        "ended",
        "closes",
        "closed",
        "concludes",
        "concluded",
        "reads",
        "includes",
        "included",
        "features",
        "featured",
        "stars",
        "starred",
        "headlines",
        "headlined",
        "showcases",
        "showcased",
        "recites",
        "recited",
        "translates",
        "translated",
        "quotes",
        "quoted",
        "cites",
        "cited",
        "lists",
        "listed",
        "returns",
        "returned",
        "follows",
        "followed",
        "welcomes",
        "welcomed",
        "greets",
        "greeted",
        "precedes",
        "preceded",
        "directs",
        "directed",
        "produces",
        "produced",
        "presents",
        "presented",
        "hosts",
        "hosted",
    ];
    let verb_like = |w: &str| {
        w.len() >= 4
            && w.bytes().all(|b| b.is_ascii_lowercase())
            && (w.ends_with("ed")
                || (w.ends_with('s')
                    && !w.ends_with("ss")
                    && !w.ends_with("us")
                    && !w.ends_with("is")))
            && !is_speech_verb(w)
    };
    let tail = tail.trim().trim_end_matches(['.', '!', '?']);
    let parts: Vec<&str> = tail.split(',').collect();
    let first: Vec<&str> = parts.first()?.split_whitespace().collect();
    let opening = first.first().copied().filter(|w| verb_like(w));
    // Whose words a text holds or a reader reads out the text says elsewhere, if at all
    // (`“…,” reads Ann Lee, holding up one of his letters`); a thing that holds them names
    // no one (`“…,” reads the label beside the quilt`).
    if opening.is_some_and(|w| NOT_SPEAKING.contains(&w)) {
        let thing = first
            .get(1)
            .is_some_and(|w| w.starts_with(char::is_lowercase));
        return thing.then_some(Who::Nobody);
    }
    // What stands after the first part: who the speaker is, a few words a part.
    if parts[1..]
        .iter()
        .any(|p| crate::document::sentences::has_more_words_than(p, 8))
    {
        return None;
    }
    if let Some(name) = opening.and_then(|_| first.get(1..)) {
        // `highlights Priya Raman`, `applauds Senator Ann Lee, …`: the verb, then the name.
        let titles = name.iter().take_while(|w| is_title(bare(w))).count();
        let words = &name[titles..];
        let named = name.len() <= 4 && only_a_name(words) && (words.len() >= 2 || titles > 0);
        return match named.then(|| name_from(name)).flatten() {
            Some(name) => Some(Who::Named(name)),
            None => Some(Who::Nobody),
        };
    }
    // `Priya Raman highlights`, `she enthuses`, `Priya Raman, the chair, highlights`: the
    // name, who they are between commas (never the last word alone: `“…,” Mary Cassatt,
    // pastels.` is a catalogue's caption), then the verb.
    let (verb, subject) = match parts.as_slice() {
        [_] => first.split_last().map(|(v, s)| (*v, s))?,
        // `“…,” Winston Churchill, speeches.`: a caption's, no one's words the text gives.
        [_, last] => {
            let one_word = last.split_whitespace().count() == 1;
            return (one_word && only_a_name(&first)).then_some(Who::Nobody);
        }
        [.., last] => {
            let verb: Vec<&str> = last.split_whitespace().collect();
            (<[&str; 1]>::try_from(verb).ok()?[0], &first[..])
        }
        [] => return None,
    };
    if !verb_like(verb) || NOT_SPEAKING.contains(&verb) {
        return None;
    }
    match subject {
        [one] => pronoun(one).map(Who::Pronoun),
        _ if (2..=4).contains(&subject.len()) && only_a_name(subject) => {
            Some(Who::Named(subject.join(" ")))
        }
        _ => None,
    }
}

/// The speaker of a sentence that is only an attribution, with nothing said in it
/// (`Endelman said.`, `assistant Principal, Nicole Read, said.`, `said Jane Doe.`, `she
/// added.`): it stands after the quotation it attributes. `None` for any other sentence.
pub fn attribution_alone(sentence: &str) -> Option<Who> {
    let s = sentence.trim().strip_suffix('.')?;
    // Asked of whole sentences after a quotation, most of them long: an attribution alone is
    // twelve words at most, told by its thirteenth before anything else is looked at.
    if crate::document::sentences::has_more_words_than(s, 12)
        || s.contains(['"', '“', '”', '.', ';', ':'])
    {
        return None;
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    let first = words.first()?;
    // The verb closes the sentence (`Read said`), or opens it before who said it (`said Jane
    // Doe`, `said organizer Emet`, `said a mother of two who asked not to be named`).
    let closes = ends_in_speech_verb(s) && words.len() <= 8;
    let opens = (is_speech_verb(first)
        || words
            .get(1)
            .is_some_and(|p| is_phrasal_speech_verb(bare(first), p)))
        && (2..=12).contains(&words.len());
    if !closes && !opens {
        return None;
    }
    // `said a mother of two who asked not to be named`: the verb is the first, not `asked`.
    if opens && unnamed_after_verb(&words, 0) {
        return Some(Who::Nobody);
    }
    who_in_lead_in(s)
}

/// The name a sentence ends in after a comma and its reporting verb (`People didn't want to
/// hear about it after the war, says Firestone.`): the one whose words it gives, and those of
/// the quotation after it.
fn said_by_name_at_end(sentence: &str) -> Option<String> {
    /// How many words from the end are looked at: the verb, a role in lower case of two
    /// words at most (`executive director`), and a name of up to three.
    const REACH: usize = 7;
    // Asked of many sentences: the last words are looked at from the end, with no
    // allocation, and most have no reporting verb among them.
    let mut last: [&str; REACH] = [""; REACH];
    let mut n = 0;
    for w in sentence.split_whitespace().rev().take(REACH) {
        last[n] = w;
        n += 1;
    }
    // `last[verb]` is the verb, `last[..verb]` the name (in reverse), `last[verb + 1]` the
    // word before the verb.
    let verb = (1..n.min(REACH - 1)).find(|&i| is_speech_verb(last[i]))?;
    // `… office duties**,** says`: emphasis marks around the comma are no part of it.
    let before = last.get(verb + 1)?.trim_end_matches(['*', '_']);
    if !before.ends_with(',') {
        return None;
    }
    let mut after: [&str; REACH] = [""; REACH];
    for (slot, w) in after.iter_mut().zip(last[..verb].iter().rev()) {
        *slot = w;
    }
    let after = &after[..verb];
    let name = name_from(after)?;
    // `says executive director Dawn Coppin`: a role in lower case may come before the name.
    let role = after.len().checked_sub(name.split_whitespace().count())?;
    let in_lower_case = |w: &&str| w.starts_with(|c: char| c.is_lowercase());
    (role <= 2 && after[..role].iter().all(in_lower_case)).then_some(name)
}

/// The person a sentence says offers the words that follow (`Hamilton offers this advice to
/// her peers.`, `Jane Doe had a message for the board.`, `Whitehurst draws an important
/// distinction between …`, `Shelestiuk shares a similar sentiment.`): a name opening the sentence, a verb
/// in lower case, and within a few words a kind of statement. A name alone speaks only as
/// someone the document names in full ([`Who::Subject`]).
pub fn offering_words(sentence: &str) -> Option<Who> {
    const KINDS: &[&str] = &[
        "advice",
        "warning",
        "message",
        "words",
        "verdict",
        "plea",
        "distinction",
        "point",
        "prediction",
        "explanation",
        "observation",
        "sentiment",
        "view",
        "views",
        "thoughts",
        "feeling",
        "feelings",
        "perspective",
        "opinion",
    ];
    // A sentence that quotes someone itself says its own speaker.
    if sentence.contains(['"', '“', '”']) {
        return None;
    }
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let run = words
        .iter()
        .take_while(|w| {
            let b = bare(w);
            is_capitalised(b) && !is_not_name(b) && !is_title(b) && !w.ends_with(',')
        })
        .count();
    if !(1..=3).contains(&run) || is_opening_adverb(bare(words[0])) {
        return None;
    }
    let verb = words.get(run)?;
    if !verb.starts_with(char::is_lowercase) || is_speech_verb(verb) {
        return None;
    }
    let offers = words[run + 1..]
        .iter()
        .take(3)
        .any(|w| KINDS.contains(&bare(w)));
    let name = words[..run].join(" ");
    offers.then_some(Who::Subject(name))
}

/// The person a sentence ends in as the author of a statement (`The best description was
/// given in a statement by the school principal, Mr. Meechin.`): the quotation after it is
/// theirs.
pub fn statement_by(sentence: &str) -> Option<Who> {
    if sentence.contains(['"', '“', '”']) {
        return None;
    }
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let by = (1..words.len())
        .rev()
        .find(|&i| matches!(words[i], "by" | "from") && is_statement_kind(words[i - 1]))?;
    let rest = &words[by + 1..];
    if rest.is_empty() || rest.len() > 8 {
        return None;
    }
    // `the school principal, Mr. Meechin`: the name after what they are.
    let after_comma = rest
        .iter()
        .rposition(|w| w.ends_with(','))
        .map_or(0, |i| i + 1);
    let name = name_from(&rest[after_comma..])?;
    let last = bare(rest.last()?);
    name.ends_with(last).then_some(Who::Named(name))
}

/// The person whose words a sentence says follow it: `the following comments made by Major
/// General James Wilson while he was on the witness stand`, `the following letter from Ada
/// Byron`. A full name; the title before it is no part of it.
pub fn following_by(sentence: &str) -> Option<String> {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let at = words
        .iter()
        .position(|w| bare(w).eq_ignore_ascii_case("following"))?;
    let kind = (at + 1..words.len().min(at + 3))
        .find(|&i| is_statement_kind(words[i]) || bare(words[i]) == "comments")?;
    let mut by = kind + 1;
    if words
        .get(by)
        .is_some_and(|w| matches!(bare(w), "made" | "given" | "written" | "delivered" | "sent"))
    {
        by += 1;
    }
    if !words
        .get(by)
        .is_some_and(|w| matches!(bare(w), "by" | "from" | "of"))
    {
        return None;
    }
    name_from(words.get(by + 1..)?).filter(|name| name.contains(' '))
}

/// Whether `text` ends in a reporting verb or a gesture (`… Program Manager, said.`).
pub fn ends_in_reporting_verb(text: &str) -> bool {
    ends_in_speech_verb(text) || text.split_whitespace().next_back().is_some_and(is_gesture)
}

/// Whether the bare word `verb` and the word `particle` after it make a reporting verb of
/// two words: `pointed out`, `weighed in`.
fn is_phrasal_speech_verb(verb: &str, particle: &str) -> bool {
    // Asked of most words of a lead-in: the verb is looked at first.
    match verb {
        "pointed" | "points" => bare(particle) == "out",
        "weighed" | "weighs" => bare(particle) == "in",
        _ => false,
    }
}

/// Whether `text` ends in a reporting verb, of one word or two (`… Jane Doe said.`, `…
/// DeBell pointed out.`).
fn ends_in_speech_verb(text: &str) -> bool {
    let mut words = text
        .trim_end()
        .trim_end_matches(['.', ':'])
        .split_whitespace()
        .rev();
    match (words.next(), words.next()) {
        (Some(last), _) if is_speech_verb(last) => true,
        (Some(particle), Some(verb)) => is_phrasal_speech_verb(bare(verb), particle),
        _ => false,
    }
}

/// Whether `word` is a gesture that introduces what its subject says next (`she laughs`,
/// `he shrugged`).
pub(super) fn is_gesture(word: &str) -> bool {
    const GESTURES: &[&str] = &[
        "laughs",
        "laughed",
        "smiles",
        "smiled",
        "shrugs",
        "shrugged",
        "nods",
        "nodded",
        "sighs",
        "sighed",
        "grins",
        "grinned",
        "pauses",
        "paused",
        "frowns",
        "frowned",
        "marvels",
        "marveled",
        "marvelled",
        "beams",
        "beamed",
    ];
    GESTURES.contains(&bare(word))
}

pub(super) fn is_speech_verb(word: &str) -> bool {
    is_bare_speech_verb(bare(word))
}

/// [`is_speech_verb`] of a word already trimmed ([`bare`]).
#[inline]
fn is_bare_speech_verb(w: &str) -> bool {
    // Most words are looked at here: those no verb's length are passed over at once.
    static VERBS: std::sync::OnceLock<Caseless> = std::sync::OnceLock::new();
    (3..=13).contains(&w.len())
        && VERBS
            .get_or_init(|| Caseless::new(SPEECH_VERBS))
            .contains(w)
}

/// The subject of a lead-in whose last words are set off by commas: the name in the commas
/// when they hold only a name (`OpenAI's CEO, Sam Altman,` → `Sam Altman`), else the name
/// before them (`Sam Altman, OpenAI's CEO,` → `Sam Altman`; `The board, led by Bret Taylor,`
/// → none).
pub(super) fn appositive_subject(words: &[&str]) -> Option<String> {
    const LONGEST_APPOSITIVE: usize = 12;
    // `Kevin Marsh, who was fired in 2018 and …, said`: the name before a relative clause,
    // however long the clause.
    // (Not `When the depot lost Kevin Marsh, who …, his deputy said`: the name must open
    // the subject.)
    let opens_subject = words
        .first()
        .is_some_and(|w| !super::grammar::SUBORDINATORS.contains(&bare(w)));
    let clause = words.iter().position(|w| w.ends_with(','));
    if let Some(k) = clause.filter(|&k| {
        opens_subject
            && words
                .get(k + 1)
                .is_some_and(|w| matches!(*w, "who" | "whose"))
    }) {
        if let Some(name) = name_before(&words[..=k]) {
            return Some(name);
        }
    }
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
    // `Its chair, retired civil engineer Graham Whitlock, said`: the person the appositive
    // names in full after a short description.
    let described = inside
        .first()
        .is_some_and(|w| !is_capitalised(bare(w)) && !is_title(bare(w)));
    let full = |n: &String| {
        n.contains(' ') && given::of_given_name(n.split(' ').next().unwrap_or_default()).is_some()
    };
    if let Some(name) = described.then(|| name_from(inside)).flatten().filter(full) {
        return Some(name);
    }
    if let Some(name) = name_then_long_description(words) {
        return Some(name);
    }
    let open = open.filter(|&j| words.len() - j <= LONGEST_APPOSITIVE)?;
    name_before(&words[..=open])
}

/// `As Rob Walters, Vice President, Data Management at Oracle,` (then the verb): a full name
/// opening the subject (after `As`, as in `As … puts it`), then who they are, in parts set off
/// by commas, each a description.
fn name_then_long_description(words: &[&str]) -> Option<String> {
    let words = match words.first() {
        Some(&"As") => &words[1..],
        _ => words,
    };
    let k = words.iter().position(|w| w.ends_with(','))?;
    let name = &words[..=k];
    if !(2..=4).contains(&name.len()) || !only_a_name(name) {
        return None;
    }
    let rest = &words[k + 1..];
    let parts = rest.split_inclusive(|w| w.ends_with(','));
    let described = !rest.is_empty() && parts.clone().all(describes);
    (described && parts.count() >= 2).then(|| joined_as_written(name))
}

/// The owner of a statement a lead-in names: `Leike's statement was short:` and
/// `In Leike’s words:` → `Leike`. The possessive must be followed, within three lower-case
/// words, by a kind of statement.
pub(super) fn possessive_subject(words: &[&str]) -> Option<String> {
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

pub(super) fn is_statement_kind(word: &str) -> bool {
    static KINDS: std::sync::OnceLock<Caseless> = std::sync::OnceLock::new();
    KINDS
        .get_or_init(|| Caseless::new(STATEMENT_KINDS))
        .contains(bare(word))
}

/// A name after an "according to" anywhere in `text`.
pub fn according_to(text: &str) -> Option<String> {
    const PHRASE: &[u8] = b"according to ";
    let at = text
        .as_bytes()
        .windows(PHRASE.len())
        .position(|w| w.eq_ignore_ascii_case(PHRASE))?;
    let mut rest: Vec<&str> = text.get(at + PHRASE.len()..)?.split_whitespace().collect();
    // `according to the office of Nancy Pelosi`: the words of the person whose office it is,
    // when a person follows (a title, or a known given name): not `the office of Public
    // Affairs`, a body.
    if let ["the", "office" | "offices", "of", next, ..] = rest.as_slice() {
        let b = bare(next);
        if !(is_title(b) || is_honorific(b) || given::of_given_name(b).is_some()) {
            return None;
        }
        rest.drain(..3);
    }
    // `according to a Senate Report`: a thing, not someone named.
    if rest.first().is_some_and(|w| matches!(*w, "a" | "an")) {
        return None;
    }
    // `according to the non-profit Association for Supervision and Curriculum Development`:
    // an organisation, its name joined by `of`, `for`, `and`.
    let head = rest
        .iter()
        .take(4)
        .position(|w| is_capitalised(bare(w)))
        .filter(|&i| super::is_organisation_head(bare(rest[i])));
    if let Some(head) = head {
        let mut name: Vec<&str> = Vec::new();
        for raw in &rest[head..] {
            let w = bare(raw);
            if raw.starts_with('(') || !(is_capitalised(w) || matches!(w, "of" | "for" | "and")) {
                break;
            }
            name.push(w);
            if raw.ends_with([',', ':', ';', '.']) {
                break;
            }
        }
        while name
            .last()
            .is_some_and(|w| matches!(*w, "of" | "for" | "and"))
        {
            name.pop();
        }
        if name.len() >= 2 {
            return Some(name.join(" "));
        }
    }
    name_from(&rest)
}

/// Whether the word of a title right after `given`, a given name standing alone (each reader
/// of names tells that its own way), is a surname (`Dan Hon`, `James Dean`): `given` is known
/// for one, with nothing to close it (a title comes before a name, never after a given name
/// alone).
fn title_as_surname(given: &str) -> bool {
    !given.ends_with([',', '.', ':', ';']) && given::of_given_name(given).is_some()
}

/// The capitalised run that ends `words` (a subject just before its verb). A title before a
/// surname alone stays with it, as written (`Mr. Reyes`, `President Alvarez`); before a full
/// name it is dropped (`CEO Sam Altman` → `Sam Altman`).
pub(super) fn name_before(words: &[&str]) -> Option<String> {
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
    // Where the run stopped: the index of the word before it.
    let mut stopped = None;
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
        // `Dan Hon said`: a title's word after a given name alone is its surname.
        if is_title(w) && run.is_empty() && i > 0 {
            let before = &words[..i];
            let given_alone = before.len() == 1
                || !is_capitalised(bare(before[before.len() - 2]))
                || before[before.len() - 2].ends_with([',', ':', ';']);
            if given_alone && title_as_surname(bare(before[before.len() - 1])) {
                run.push(w);
                continue;
            }
        }
        // `Sen. Angela Alsobrooks said`.
        if is_title_as_written(raw) {
            title = Some(as_written(raw));
            break;
        }
        // `Alan deLevie said`: a surname with its particle joined in lower case, after a
        // known given name.
        if run.is_empty()
            && i > 0
            && super::surnames::joined_surname_after(&[bare(words[i - 1])], raw)
        {
            run.push(as_written(raw));
            continue;
        }
        if w.is_empty()
            || !is_capitalised(w)
            || is_acronym(w)
            || w.ends_with("'s")
            || w.ends_with("’s")
        {
            stopped = Some(i);
            break;
        }
        run.push(as_written(raw));
        if run.len() == 4 {
            break;
        }
    }
    run.reverse();
    if let Some(i) = stopped {
        if let Some(name) = organisation(words, i, &run) {
            // `Jono Bacon, the author of The Art of Community explains`: a title after a
            // preposition (and `the`) is what the subject wrote or works for, not who speaks.
            let n = name.split_whitespace().count();
            let whole = run.last().is_some_and(|last| name.ends_with(last));
            let start = (i + 1 + run.len()).checked_sub(n).filter(|_| whole);
            if start.is_some_and(|start| object_before(words, start)) {
                return None;
            }
            return Some(name);
        }
    }
    // `One respondent from Bristol wrote`, `A council in the North West said`: a place after a
    // preposition is not who speaks.
    if let Some(i) = stopped {
        let w = bare(words[i]);
        // `A spokesperson for the Mines Department said`: someone speaking for it.
        // `the editor of The Quay Gazette writes`: what they edit; an organisation's name
        // joined by `of` was taken above.
        let object =
            |w: &str| PLACE_PREPOSITIONS.contains(&w) || matches!(w, "for" | "of" | "with");
        let after_the = w == "the" && i > 0 && object(bare(words[i - 1]));
        if object(w) || after_the {
            return None;
        }
        // `Reporting fromSan Francisco Meta warned`: words run together (a page's lines
        // flattened); the run goes on inside the word before it, and is no name.
        if glued_capital(words[i]) {
            return None;
        }
    }
    while run
        .first()
        .is_some_and(|w| is_not_name(w) || (run.len() > 1 && is_opening_adverb(w)))
    {
        run.remove(0);
    }
    // `Minister for Local Government Simon Whitby said`: the person starts at a known given
    // name that has a surname after it; the words before it are the office.
    // (Not `Siobhan Marie Kelly`: only where the words before are an office's.)
    let person = run
        .iter()
        .position(|w| given::of_given_name(bare(w)).is_some())
        .filter(|&j| {
            j > 0
                && run.len() - j >= 2
                && (run.len() >= 4 || run[..j].iter().all(|w| is_agent_noun(bare(w))))
        });
    if let Some(j) = person {
        run.drain(..j);
        return titled(None, run);
    }
    titled(title, run)
}

/// Prepositions whose object a capitalised run before a reporting verb may be, rather than
/// its subject (`from Bristol`, `in the North West`).
const PLACE_PREPOSITIONS: &[&str] = &[
    "from",
    "in",
    "at",
    "near",
    "across",
    "outside",
    "inside",
    "within",
    "around",
    "throughout",
    "to",
    "into",
    "towards",
    "toward",
    "via",
    "on",
    "under",
    "over",
];

/// The whole name of an organisation whose last words are `run` (capitalised words that
/// end at `words[stop + 1..]`), when `run` is its tail after `of`, `for` or `for the`:
/// `Guide Dogs for the Visually Impaired said` is not Visually Impaired's,
/// `the National Federation of Blind Pedestrians said` not Blind Pedestrians'. A run with a
/// given name in it is a person's, from that name on (`Minister for Water and Environment
/// Catriona Bell` → `Catriona Bell`).
fn organisation(words: &[&str], stop: usize, run: &[&str]) -> Option<String> {
    // An organisation's name joins its words with these; not with `and` (`Smith and Jones
    // said`: two people) nor `on` (`Apple on Tuesday said`).
    const JOINS: &[&str] = &["of", "for", "the"];
    let joined = JOINS.contains(&bare(words[stop]));
    if run.is_empty()
        || run.iter().any(|w| is_not_name(bare(w)))
        || !(joined || bare(words[stop]) == "and")
    {
        return None;
    }
    // `The Association for Supervision and Curriculum Development said`: an organisation's
    // head word before the `and`, joined to it by capitalised words and `of`, `for`, `and`.
    if bare(words[stop]) == "and" {
        let mut start = None;
        for i in (stop.saturating_sub(8)..stop).rev() {
            let raw = words[i];
            let w = bare(raw);
            if raw.ends_with([',', ':', ';', '.']) {
                break;
            }
            if is_capitalised(w) && !is_not_name(w) {
                if super::is_organisation_head(w) {
                    start = Some(i);
                }
            } else if !matches!(w, "of" | "for" | "and") {
                break;
            }
        }
        if let Some(start) = start {
            let mut name: Vec<&str> = words[start..=stop].iter().map(|w| bare(w)).collect();
            name.extend(run.iter().copied());
            return Some(name.join(" "));
        }
    }
    match run
        .iter()
        .position(|w| given::of_given_name(bare(w)).is_some())
    {
        Some(0) => return None,
        Some(j) => return Some(run[j..].join(" ")),
        // Three capitalised words or more may well end with a person whose given name is
        // not known here: not taken for an organisation's tail.
        None if run.len() > 2 || !joined => return None,
        None => {}
    }
    let mut start = stop + 1;
    let mut i = stop + 1;
    let mut capitalised = 0;
    while i > 0 && stop + 1 - (i - 1) <= 8 {
        let raw = words[i - 1];
        let w = bare(raw);
        let ends_clause = raw.ends_with([',', ':', ';', '.']);
        if ends_clause || w.ends_with("'s") || w.ends_with("’s") || is_acronym(w) {
            break;
        }
        if is_capitalised(w) && !is_not_name(w) {
            capitalised += 1;
            start = i - 1;
        } else if !JOINS.contains(&w) {
            break;
        }
        i -= 1;
    }
    if capitalised == 0 {
        return None;
    }
    // `Michael Brennan of the Ford Foundation said`: a person of the body, who speaks.
    let lead: Vec<&str> = words[start..stop + 1]
        .iter()
        .take_while(|w| is_capitalised(bare(w)))
        .map(|w| as_written(w))
        .collect();
    if lead.len() >= 2 && given::of_given_name(bare(lead[0])).is_some() {
        return Some(lead.join(" "));
    }
    let name: Vec<&str> = words[start..stop + 1]
        .iter()
        .map(|w| as_written(w))
        .chain(run.iter().copied())
        .collect();
    Some(name.join(" "))
}

/// Whether the words that start at `start` are the object of a preposition before them (or
/// before their `the`): `of The Art of Community`, `at the Open Data Institute`.
fn object_before(words: &[&str], start: usize) -> bool {
    let mut j = start;
    if j > 0 && bare(words[j - 1]).eq_ignore_ascii_case("the") {
        j -= 1;
    }
    j.checked_sub(1).is_some_and(|k| {
        let w = bare(words[k]);
        PLACE_PREPOSITIONS.contains(&w) || matches!(w, "of" | "for" | "by")
    })
}

/// `run` as one name, with `title` before it when the run is a surname alone.
pub(super) fn titled(title: Option<&str>, run: Vec<&str>) -> Option<String> {
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
pub(in crate::document) fn name_from(words: &[&str]) -> Option<String> {
    const STOPS: &[&str] = &[
        "in", "on", "at", "to", "for", "from", "by", "of", "with", "about", "via", "after",
        "before", "during", "he", "she", "they", "it", "we", "you", "i", "who", "which", "that",
    ];
    const LONGEST_DESCRIPTION: usize = 4;
    // `said Imad Sousou,Vice President`: a comma with no space after it ends the name too.
    let mut cut: Vec<&str> = Vec::new();
    for raw in words {
        match raw.find(',') {
            Some(i) if raw[i + 1..].starts_with(char::is_uppercase) => {
                cut.push(&raw[..=i]);
                break;
            }
            _ => cut.push(raw),
        }
    }
    let words = &cut[..];
    let mut run: Vec<&str> = Vec::new();
    let mut title: Option<&str> = None;
    let mut described = 0;
    // Whether the run comes right after a word in lower case for a person (`organizer`).
    let mut person_before = false;
    for (i, raw) in words.iter().enumerate() {
        let b = bare(raw);
        // `Taric Santos de Andrade`: a particle inside a name, before its last words.
        if !run.is_empty()
            && is_particle(b)
            && !raw.ends_with([',', '.', ';', ':'])
            && words.get(i + 1).is_some_and(|n| is_capitalised(bare(n)))
        {
            run.push(b);
            continue;
        }
        // `Vendasta Staff Developer Dylan Knowles`: a capitalised word for what someone does
        // ends a description before the name, as an office does.
        let name_follows = words.get(i + 1).is_some_and(|n| is_capitalised(bare(n)));
        if name_follows
            && !raw.ends_with([',', '.', ';', ':'])
            && is_capitalised(b)
            && is_agent_noun(b)
        {
            run.clear();
            title = None;
            described += 1;
            continue;
        }
        // `Fang SITU`: a surname in capitals after a given name.
        let capitals_surname = is_acronym(b)
            && b.len() >= 3
            && !is_title(b)
            && run.len() == 1
            && !is_acronym(run[0])
            && (raw.ends_with(',') || words.last() == Some(raw));
        // `said Dan Hon.`: a title's word that closes a run of one given name is its surname.
        if !name_follows && is_title(b) && matches!(run[..], [given] if title_as_surname(given)) {
            run.push(b);
            break;
        }
        if !capitals_surname && (is_title_as_written(raw) || is_acronym(b)) {
            if run.len() >= 2 {
                // `said PyTorch Foundation Executive Director Ibrahim Haddad`: a body, an
                // office in it, then the person, named in full.
                if title.is_none() {
                    let office = words[i..]
                        .iter()
                        .take_while(|w| !w.ends_with([',', ';', ':']) && is_title(bare(w)))
                        .count();
                    if let Some(person) = full_name_closing(&words[i + office..]) {
                        return Some(person);
                    }
                    // `says UMass Boston Assistant Professor of Computer Science Daniel Haehn,`:
                    // the office runs on to a department; the person starts at a given name
                    // known for one, and closes the words.
                    let rest = &words[i + office..];
                    let known = rest
                        .iter()
                        .take(8)
                        .position(|w| given::of_given_name(bare(w)).is_some());
                    if let Some(person) = known.and_then(|k| full_name_closing(&rest[k..])) {
                        return Some(person);
                    }
                    // A body and an office with no one named after them: no one.
                    if office > 0 && rank_ends(&run) {
                        return None;
                    }
                }
                break;
            }
            // A single word before a title names an organisation: `OpenAI CEO Sam Altman`.
            run.clear();
            title = is_title_as_written(raw).then(|| as_written(raw));
            continue;
        }
        let w = strip_possessive(b);
        if w.is_empty() || raw.starts_with(['(', '[']) {
            break;
        }
        // `says RC’s Head of Retreat Rachel Petacat`, `says RC’s Rachel Petacat`: whose the
        // person is, a body, before them (a person named from a known given name; not
        // `says Mozilla’s Developer Network`).
        let person_after = || {
            words[i + 1..]
                .iter()
                .take(6)
                .any(|n| given::of_given_name(bare(n)).is_some())
        };
        if w != b && run.len() <= 3 && is_capitalised(w) && name_follows && person_after() {
            run.clear();
            title = None;
            described += 1;
            person_before = true;
            continue;
        }
        // `said Alan deLevie`: a surname with its particle joined in lower case.
        if super::surnames::joined_surname_after(&run, raw) {
            run.push(as_written(raw));
            if raw.ends_with([',', ':', ';', '.']) {
                break;
            }
            continue;
        }
        if !is_capitalised(w) {
            // `River Dogs manager Hank Turley`: a body and an office before the person.
            let office = is_title_in_lower_case(w);
            // `Wisconsin teen Haley`: a place and a word for a person before the name.
            let person =
                is_agent_noun(w) && words.get(i + 1).is_some_and(|n| is_capitalised(bare(n)));
            if !run.is_empty() && (office || person) && run.len() <= 3 {
                run.clear();
                title = None;
                described += 1;
                person_before = person;
                continue;
            }
            // `said Kevin Wang and Yin Ding, KubeEdge TSC members`: two people, each named in
            // full, who said it together.
            if w == "and" && run.len() >= 2 && title.is_none() {
                if let Some(other) = full_name_closing(&words[i + 1..]) {
                    return Some(format!("{} and {other}", run.join(" ")));
                }
            }
            // `says Director of Sales Rachel Petacat`: an office of a department, then the
            // person, named in full from a known given name, closing the words.
            if run.is_empty() && title.is_some() && matches!(w, "of" | "for") {
                let rest = &words[i + 1..];
                let known = rest
                    .iter()
                    .take(6)
                    .position(|w| given::of_given_name(bare(w)).is_some());
                let department = known.is_some_and(|k| {
                    rest[..k]
                        .iter()
                        .all(|w| is_capitalised(bare(w)) && !w.ends_with([',', '.']))
                });
                if let Some(person) = known
                    .filter(|&k| k > 0 && department)
                    .and_then(|k| full_name_closing(&rest[k..]))
                {
                    return Some(person);
                }
            }
            if !run.is_empty() || described == LONGEST_DESCRIPTION || STOPS.contains(&w) {
                break;
            }
            title = None;
            described += 1;
            person_before = is_agent_noun(w);
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
    // One word after a description is a name only after a word for a person (`said organizer
    // Emet`), not after a thing's (`said in a Reuters interview`).
    if described > 0 && run.len() < 2 && title.is_none() && !person_before {
        return None;
    }
    titled(title, run)
}

/// Words of rank in an office, before or after a name (`Senior`, `Vice`, `Assistant`).
const RANKS: &[&str] = &[
    "Senior",
    "Vice",
    "Chief",
    "Executive",
    "Principal",
    "Staff",
    "Lead",
    "Head",
    "Deputy",
    "Assistant",
    "Associate",
    "General",
    "Managing",
    "Adjunct",
    "Visiting",
    "Emeritus",
];

/// Whether a run of capitalised words ends in a word of rank (`UMass Boston Assistant`
/// before `Professor`): an organisation and part of an office, not a name.
fn rank_ends(run: &[&str]) -> bool {
    run.last().is_some_and(|w| RANKS.contains(&bare(w)))
}

/// A full name (two to four words, no title) that opens `words` and closes there: at a
/// comma, a stop or the end of the words.
fn full_name_closing(words: &[&str]) -> Option<String> {
    let end = words
        .iter()
        .take(4)
        .position(|w| w.ends_with([',', ';', ':']) || (w.ends_with('.') && !is_initial(w)))
        .map(|k| k + 1)
        .or((words.len() <= 4).then_some(words.len()))?;
    let name = &words[..end];
    (name.len() >= 2 && only_a_name(name)).then(|| joined_as_written(name))
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

/// The name in an attribution such as `Jan Leike, on X` or `Jane Doe (2021)`: the words before
/// the first comma, bracket or `on`/`in`/`to`, when they start with a capital. Two people who
/// sign it together, each named in full and joined by `&` (`—Li Yi, director …, Alibaba Cloud &
/// Tao Huang, director …`), are both (`Li Yi and Tao Huang`), as a lead-in names two.
pub fn name_in_attribution(text: &str) -> Option<String> {
    let both = text.split_once(" & ").and_then(|(first, second)| {
        let (a, b) = (
            name_in_one_attribution(first)?,
            name_in_one_attribution(second)?,
        );
        let full = |n: &str| n.split_whitespace().count() >= 2;
        (full(&a) && full(&b) && !b.contains(" & ")).then(|| format!("{a} and {b}"))
    });
    both.or_else(|| name_in_one_attribution(text))
}

/// [`name_in_attribution`] of one person.
fn name_in_one_attribution(text: &str) -> Option<String> {
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
    if words.is_empty() || !is_capitalised(words[0]) {
        return None;
    }
    let mut words = words;
    // `– Anna Sulkina Sr. Engineering Manager, …`: an office after a full name, its comma
    // left out, is no part of it (`Sr.` before an office is `Senior`).
    let rank = |b: &str| is_title(b) || RANKS.contains(&b) || is_agent_noun(b);
    let office = |w: &str| {
        let b = bare(w);
        rank(b) || is_department(b)
    };
    if let Some(j) = (2..words.len()).find(|&j| {
        office(words[j])
            || (matches!(bare(words[j]), "Sr" | "Sr.")
                && words.get(j + 1).is_some_and(|n| office(n)))
    }) {
        words.truncate(j);
    }
    if words.len() > 6 {
        return None;
    }
    // A name, not a sentence or a question: every word capitalised but its particles
    // (`Ursula von der Leyen`), the first no common word.
    const PARTICLES: &[&str] = &[
        "de", "van", "von", "der", "den", "da", "di", "du", "del", "la", "le", "bin", "al", "y",
    ];
    // `Will Slack`: a given name that is also a common word (`Will`) opens a name of two
    // words here, where a name is what is looked for (not `Will Ship In March`).
    let first = bare(words[0]);
    let a_name = words
        .iter()
        .all(|w| is_capitalised(w) || PARTICLES.contains(w) || is_particle_joined(w))
        && (!is_not_name(first)
            || (first == "Will" && words.len() == 2 && !is_not_name(bare(words[1]))))
        && !text[..end].trim_end().ends_with('?');
    // `- Director Sales, Global Alliances`: an office and a department name no one.
    if !a_name || words.iter().any(|w| is_department(bare(w))) {
        return None;
    }
    // `— Senior Director, One Technologies`: an office, no one's name.
    let an_office = words.iter().all(|w| rank(bare(w)));
    if an_office {
        return None;
    }
    // `— Dr. Harriet Lund, Dean of …`: a title before a full name is no part of it.
    while words.len() > 2 && is_title(bare(words[0])) {
        words.remove(0);
    }
    // `-[Combahee River Collective Statement, 1977]`: a writing named after its authors is
    // theirs (`Combahee River Collective`).
    if words.len() > 1
        && matches!(
            bare(words[words.len() - 1]),
            "Statement" | "Manifesto" | "Declaration" | "Letter" | "Testimony"
        )
    {
        words.pop();
    }
    let name = words.join(" ");
    let name = name.trim_end_matches(['.', ':', '*', '_', '"', '”']).trim();
    (!name.is_empty()).then(|| name.to_string())
}

/// The full name a signature opens with (`Kate Chapman (Former ED HOT)`, `Sebastian
/// Suttner, Cedarcode Co-Founder`): [`name_in_attribution`]'s, when it has two words or more
/// and `text` starts with it (no dash or title before it).
pub fn name_opening_signature(text: &str) -> Option<String> {
    name_in_attribution(text).filter(|name| name.contains(' ') && text.starts_with(name.as_str()))
}

/// The person whose statement a heading announces: `Leike's Public Statement` → `Leike`,
/// `Statement by Jane Doe` → `Jane Doe`.
pub fn speaker_of_heading(title: &str) -> Option<String> {
    // A possessive has an apostrophe, `'` or `’` (E2 80 99; a heading with another character
    // that starts with E2 is looked at too): most headings have none, and are not taken apart
    // into words for it.
    if memchr::memchr2(b'\'', 0xE2, title.as_bytes()).is_some() {
        if let Some(name) = possessor_of_statement(title) {
            return Some(name);
        }
    }
    // `Statement by Jane Doe`: each word with the word after it; the words are gathered only
    // for the name that follows.
    let mut words = title.split_whitespace();
    let mut w = words.next()?;
    for next in words.by_ref() {
        let by = ["by", "from", "of"]
            .iter()
            .any(|p| p.eq_ignore_ascii_case(bare(next)));
        if by && is_statement_kind(w) {
            let rest: Vec<&str> = words.collect();
            let name = name_from(&rest)?;
            // `Quotes from Day 3:`, `Notes from Week 2`: a number after it, a part of
            // something, not a person.
            let numbered = rest
                .get(name.split_whitespace().count())
                .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()));
            return (!numbered).then_some(name);
        }
        w = next;
    }
    None
}

/// `Leike's Public Statement` → `Leike`: the capitalised name before the first possessive,
/// when a kind of statement follows it within three words.
fn possessor_of_statement(title: &str) -> Option<String> {
    let words: Vec<&str> = title.split_whitespace().collect();
    let i = words.iter().position(|w| {
        let b = bare(w);
        strip_possessive(b) != b || w.ends_with("'s") || w.ends_with("’s")
    })?;
    let rest_has_kind = words[i + 1..].iter().take(3).any(|w| is_statement_kind(w));
    if !rest_has_kind {
        return None;
    }
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
    (!name.is_empty() && name.iter().all(|w| is_capitalised(w))).then(|| name.join(" "))
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_verb_in_the_passive_names_no_speaker_but_its_agent() {
        let who = |s: &str| who_in_lead_in(s);
        assert_eq!(who("His procedure was described as"), Some(Who::Nobody));
        assert_eq!(who("Sheares was told"), Some(Who::Nobody));
        assert_eq!(who("The plan is widely described as"), Some(Who::Nobody));
        assert_eq!(
            who("Sheares was described by Ann Lee as"),
            Some(Who::Named("Ann Lee".into()))
        );
        // Not passive: `said` after a comma, and a plain past.
        assert_eq!(
            who("The plan was new, said Ann Lee,"),
            Some(Who::Named("Ann Lee".into()))
        );
        assert_eq!(
            who("Ann Lee described it as"),
            Some(Who::Named("Ann Lee".into()))
        );
    }

    use super::*;

    #[test]
    fn a_verb_no_list_holds_beside_a_name_attributes() {
        let named = |s: &str| Some(Who::Named(s.to_string()));
        assert_eq!(
            verb_and_name("highlights Priya Raman."),
            named("Priya Raman")
        );
        assert_eq!(
            verb_and_name("applauds Senator Ann Lee, who chairs it"),
            named("Ann Lee")
        );
        assert_eq!(verb_and_name("Mark Olsen cheered."), named("Mark Olsen"));
        assert_eq!(
            verb_and_name("Tom Becker, the survey lead, gushed"),
            named("Tom Becker")
        );
        assert_eq!(
            verb_and_name("she gushes"),
            Some(Who::Pronoun(Some(given::Gender::Female)))
        );
        // The verb and no name beside it: nobody's words, not the last speaker's.
        assert_eq!(
            verb_and_name("reminds Room Two's notice."),
            Some(Who::Nobody)
        );
        assert_eq!(
            verb_and_name("details the company's filing."),
            Some(Who::Nobody)
        );
        assert_eq!(verb_and_name("Mary Cassatt, pastels."), Some(Who::Nobody));
        // A text's verb, or a reader's: whose words they are is said elsewhere, if at all.
        assert_eq!(
            verb_and_name("reads the sign at the border."),
            Some(Who::Nobody)
        );
        assert_eq!(verb_and_name("opens Anna Karenina."), None);
        assert_eq!(verb_and_name("reads Ann Lee, holding up a letter"), None);
        assert_eq!(verb_and_name("directed Ann Lee."), None);
        assert_eq!(
            verb_and_name("included Springfield Library in its leaflet."),
            None
        );
        // No verb opens it, and none closes it after a name.
        assert_eq!(verb_and_name("the banner proclaims in gold."), None);
        assert_eq!(verb_and_name("he told Ann Lee."), None);
        assert_eq!(verb_and_name("Ann Lee, memoirs, 1931"), None);
        // A word in lower case with no verb's ending.
        assert_eq!(verb_and_name("then Ann Lee"), None);
        assert_eq!(verb_and_name("across Ann Lee"), None);
    }

    #[test]
    fn a_class_year_after_a_name_is_no_word_of_it() {
        assert_eq!(
            without_class_years("Chris Lydgate ’90, a former editor, noted that").as_deref(),
            Some("Chris Lydgate, a former editor, noted that")
        );
        assert_eq!(
            without_class_years("said Sam Xu '20.").as_deref(),
            Some("said Sam Xu. ")
        );
        assert_eq!(without_class_years("in the ’90s, Jo’s team said"), None);
        assert_eq!(
            without_class_years("In ’98, Jo said").as_deref(),
            Some("In ’98, Jo said")
        );
        assert_eq!(without_class_years("Jo said"), None);
    }

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
            according_to("In addition, according to the office of Nancy Pelosi, ").as_deref(),
            Some("Nancy Pelosi")
        );
        assert_eq!(
            according_to("according to the office of Public Affairs, "),
            None
        );
        assert_eq!(
            according_to("according to the office of Management and Budget, "),
            None
        );
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

    #[test]
    fn an_organisation_is_named_whole_not_by_its_last_words() {
        let who = |s: &str| speaker_in_lead_in(s);
        assert_eq!(
            who("Guide Dogs for the Visually Impaired said that its members").as_deref(),
            Some("Guide Dogs for the Visually Impaired")
        );
        assert_eq!(
            who("A spokesperson said the National Federation of Blind Pedestrians said:")
                .as_deref(),
            Some("National Federation of Blind Pedestrians")
        );
        // A person after an office keeps their own name.
        assert_eq!(
            who("the Minister for Water and Environment Jane Bell said:").as_deref(),
            Some("Jane Bell")
        );
    }

    #[test]
    fn a_verb_in_a_relative_clause_does_not_name_who_speaks_after_the_colon() {
        let lead_in = "Her co-maintainer, Dev Malhotra, who joined in 2020, described the \
                       process in a post that Abernathy says she has printed out:";
        assert_eq!(speaker_in_lead_in(lead_in).as_deref(), Some("Dev Malhotra"));
        // Without the colon the clause's own verb is the one: what follows is hers.
        assert_eq!(
            speaker_in_lead_in("in a post that Abernathy says she has").as_deref(),
            Some("Abernathy")
        );
        // `that` after a reporting verb opens what was said: Smith reports.
        assert_eq!(
            speaker_in_lead_in("Officials said that Jane Smith told them:").as_deref(),
            Some("Jane Smith")
        );
    }

    #[test]
    fn what_a_relative_clause_rule_and_an_organisation_must_not_do() {
        let who = |s: &str| speaker_in_lead_in(s);
        assert_eq!(who("In a memo that Smith wrote:").as_deref(), Some("Smith"));
        assert_eq!(
            who("Officials told the BBC that Jane Smith said:").as_deref(),
            Some("Jane Smith")
        );
        assert_ne!(
            who("Smith and Jones said:").as_deref(),
            Some("Smith and Jones")
        );
        assert_ne!(
            who("Apple on Tuesday said:").as_deref(),
            Some("Apple on Tuesday")
        );
        assert_ne!(who("the Ministry of said:").as_deref(), Some("Ministry of"));
    }
}
