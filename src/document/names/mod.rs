//! Person names in prose: who a lead-in names as speaking, and a surname resolved to the full
//! name the document uses elsewhere (`Leike` → `Jan Leike`).

pub mod given;
pub mod grammar;
mod lead_in;
mod organisations;
mod roles;
mod surnames;
mod words;

use given::Gender;
use words::{bare, is_honorific, is_title_as_written, strip_possessive};

pub(super) use lead_in::name_from;
pub use lead_in::{
    according_to, attribution_alone, ends_in_reporting_verb, expand_label, following_by,
    interviewed_in, is_full_name, name_in_attribution, name_opening_signature, name_right_before,
    name_then_description, names_an_office, offering_words, speaker_ending_in_verb,
    speaker_in_lead_in, speaker_of_heading, statement_by, verb_and_name, who_in_lead_in,
};
pub use organisations::{
    company_words, is_body_name, is_organisation_head, organisation_head_of, organisation_in_full,
    organisations_leading,
};
pub use roles::{holder_at, holders_of, office_at};
pub use surnames::{
    Directory, People, full_names_of_given, in_full_of_initials, is_nickname, lone_given_names,
    nicknames_in, opens_with_initials, particle_surname, person_mentions, surname_of,
    without_description, without_initials_of_others,
};
pub use words::{has_suffixes, without_title_of_calling, words_beside_kin};

/// The people a speaker's name stands for: both of `Kevin Wang and Yin Ding` (two full names
/// who said it together), else the one name.
pub fn each_person(name: &str) -> impl Iterator<Item = &str> {
    // Two full names and the `and` between them have four spaces at least.
    let two = (name.bytes().filter(|&b| b == b' ').count() >= 4)
        .then(|| name.split_once(" and "))
        .flatten()
        .filter(|(a, b)| a.contains(' ') && b.contains(' ') && !b.contains(" and "));
    let (first, second) = two.map_or((name, None), |(a, b)| (a, Some(b)));
    std::iter::once(first).chain(second)
}

/// Whether `text` writes `word` as a word of its own in the middle of a sentence, after a word
/// in lower case or a comma, as a name is written (`… Ann Lee introduced`), not only where a
/// sentence or a quotation opens (`Sleep is key.`).
pub fn written_mid_sentence(text: &str, word: &str) -> bool {
    words::whole_words(text, word).any(|at| {
        let before = text[..at].trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '*' | '_')
        });
        before
            .chars()
            .next_back()
            .is_some_and(|c| c.is_lowercase() || c == ',')
    })
}

/// Whether `text` writes `name` as words of their own somewhere without the word `first`
/// (and a space) right before it (`said Alex Blum`, where it also writes `Queditor Alex Blum`).
pub fn written_without(text: &str, name: &str, first: &str) -> bool {
    words::whole_words(text, name).any(|at| {
        let Some(before) = text[..at]
            .strip_suffix(' ')
            .and_then(|b| b.strip_suffix(first))
        else {
            return true;
        };
        // `first` there as a word of its own, not the end of a longer one.
        before
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
    })
}

/// Whether a capitalised `word` is one that is never part of a name (`With`, `The`, `However`,
/// a month, a title).
pub fn is_not_a_name(word: &str) -> bool {
    words::is_never_in_a_name(strip_possessive(bare(word)))
}

/// Whether two names the text gives are one person's: they share a word that is a name's,
/// not a title's (`Coach Marcus Bell` and `Marcus`).
pub fn one_person(a: &str, b: &str) -> bool {
    b.split_whitespace()
        .any(|w| !is_not_a_name(w) && a.split_whitespace().any(|l| l == w))
}

/// Who a quotation's attribution points to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Who {
    /// A name as the text writes it (`Giese`, `Mr. Reyes`, `Jeff McAffer`).
    Named(String),
    /// A pronoun (`she said`): the person the text last named, of that gender when it has one.
    Pronoun(Option<Gender>),
    /// Someone the text marks as no one it names: an interviewer's `**Q:**`.
    Nobody,
    /// `it said`: the organisation the text last named as the subject of a sentence.
    Body,
    /// `the mayor said`: the one person the document names in that office (see
    /// [`holders_of`]).
    Office(&'static str),
    /// `I said to Alan, "…"` in an interview's answer: whoever the answer's label names
    /// (`**NG:** …`); in any other paragraph, no one named.
    Narrator,
    /// A name alone that opens a lead-in ending in a colon, with no reporting verb
    /// (`Sugu, however, wasn't so scared:`): the speaker only when the document names that
    /// person in full.
    Subject(String),
}

/// The gender of `word` when it is a subject pronoun for a speaker (`he`, `She`).
pub fn subject_pronoun(word: &str) -> Option<Option<Gender>> {
    words::pronoun(word)
}

/// Whether `word` is a reporting verb (`said`, `wrote`, `recalls`, …).
pub fn is_reporting_verb(word: &str) -> bool {
    lead_in::is_speech_verb(word)
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
    let raw = words.next().unwrap_or_default();
    // `Sen. Walz`, `Dr Reyes`.
    (is_title_as_written(raw) || is_honorific(bare(raw))) && words.count() == 1
}

/// Whether a titled name's title is a form of address (`Mr.`, `Mrs`, `Ms`, `Miss`, `Mx`):
/// such a name is taken for the full name the text writes without it only when the text
/// does not speak of that person's family (`Mrs. Okafor` may be Daniel Okafor's mother),
/// where a role always is (`Minister Bell` is the Catriona Bell the text names).
pub fn is_addressed(name: &str) -> bool {
    let first = name.split_whitespace().next().unwrap_or_default();
    matches!(
        first.trim_end_matches('.'),
        "Mr" | "Mrs" | "Ms" | "Miss" | "Mx" | "Madam" | "Madame"
    )
}

/// The person `text` names and nothing else, marks around the name and a description after
/// a comma aside: what signs a quotation it follows (`(Diego Lapiduz)`, `-** M. Adam
/// Kendall**`, `• Adam Kendall, engineer`); not `Just ask Maria Lopez.`, nor `Especially Tom
/// Reed.` (an adverb opens no name).
pub fn name_alone(text: &str) -> Option<String> {
    let plain = text.replace(['(', ')', '[', ']', '*', '_', '-', '•', '—', '–'], " ");
    let name = plain.split(',').next()?.trim().trim_end_matches('.');
    let mentions = person_mentions(name);
    let [(0, person)] = mentions.as_slice() else {
        return None;
    };
    let first = person.split_whitespace().next()?;
    (person.len() == name.len() && !words::is_opening_adverb(first)).then(|| person.clone())
}

/// A speaker's name as written, without a possessive (`Leike's` → `Leike`).
pub fn as_written_name(name: &str) -> String {
    strip_possessive(name.trim()).to_string()
}

#[cfg(test)]
mod tests {
    use super::each_person;

    #[test]
    fn two_full_names_joined_by_and_are_two_people() {
        let each = |name| each_person(name).collect::<Vec<_>>();
        assert_eq!(each("Kevin Wang and Yin Ding"), ["Kevin Wang", "Yin Ding"]);
        assert_eq!(each("Smith and Jones"), ["Smith and Jones"]);
        assert_eq!(each("Jane Doe"), ["Jane Doe"]);
        assert_eq!(each("A B and C D and E F"), ["A B and C D and E F"]);
    }
}
