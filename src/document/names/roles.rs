//! A person named by their office alone (`the mayor said`, `As our Chair put it`) as the one
//! person the document names in that office (`Mayor Raymond Oduya`, `Catherine Adu, Chair of
//! Trustees`), as a reader takes it.

use super::given;
use super::lead_in::name_from;
use super::surnames::has_name_letters;
use super::words::{bare, is_capitalised, is_never_in_a_name, is_post_nominal, whole_words};

/// Offices a person is named by alone, with `the` (`the mayor said`), and the words a text
/// writes them with before or after a name: the office itself capitalised, and its
/// abbreviations.
const OFFICES: &[(&str, &[&str])] = &[
    ("mayor", &["Mayor"]),
    ("governor", &["Governor", "Gov.", "Gov"]),
    ("judge", &["Judge"]),
    ("minister", &["Minister"]),
    ("senator", &["Senator", "Sen.", "Sen"]),
    ("councillor", &["Councillor", "Cllr", "Cllr."]),
    ("councilor", &["Councilor"]),
    ("chair", &["Chair", "Chairman", "Chairwoman", "Chairperson"]),
    ("chairman", &["Chairman", "Chair"]),
    ("chairwoman", &["Chairwoman", "Chair"]),
    ("president", &["President"]),
    ("premier", &["Premier"]),
    ("chancellor", &["Chancellor"]),
    ("commissioner", &["Commissioner"]),
    ("sheriff", &["Sheriff"]),
    ("superintendent", &["Superintendent", "Supt.", "Supt"]),
    ("headteacher", &["Headteacher"]),
    ("principal", &["Principal"]),
    ("coach", &["Coach"]),
    ("manager", &["Manager"]),
    ("clerk", &["Clerk"]),
    ("treasurer", &["Treasurer"]),
    ("secretary", &["Secretary"]),
    ("director", &["Director"]),
    ("dean", &["Dean"]),
    ("captain", &["Captain", "Capt.", "Capt"]),
    ("ambassador", &["Ambassador"]),
    ("bishop", &["Bishop"]),
];

/// Words before an office that make it another (`Vice President`, `Former Mayor`).
const QUALIFIERS: &[&str] = &[
    "vice",
    "deputy",
    "former",
    "acting",
    "assistant",
    "shadow",
    "junior",
    "associate",
    "interim",
    "ex",
    "outgoing",
    "incoming",
];

/// Words before an office that say whose it is: `the mayor`, `our Chair`, `its chair`.
const DETERMINERS: &[&str] = &["the", "The", "our", "Our", "its", "Its", "their", "Their"];

/// The office `words[i]` names when the words before it make it the subject of a reporting
/// verb: `the mayor`, `As our Chair`, `the city's mayor`; `None` for anything else.
pub fn office_at(words: &[&str], i: usize) -> Option<&'static str> {
    // The determiner first: most words have none before them, and the offices are many.
    // (`The company's president` is someone else's office: no determiner of its own.)
    let before = bare(words.get(i.checked_sub(1)?)?);
    if !DETERMINERS.contains(&before) {
        return None;
    }
    // Not `a lawyer for the mayor said`: someone else, speaking for them.
    let for_them = (i - 1)
        .checked_sub(1)
        .is_some_and(|j| matches!(bare(words[j]), "for" | "of" | "to" | "with" | "from"));
    if for_them {
        return None;
    }
    let w = bare(words.get(i)?);
    OFFICES
        .iter()
        .find(|(o, _)| o.eq_ignore_ascii_case(w))
        .map(|(office, _)| *office)
}

/// Where `text` names someone in `office` (one of `OFFICES`), in text order: by the
/// office before a full name (`Mayor Raymond Oduya`, `Minister for Local Government Simon
/// Whitby`), after one and a comma (`Catherine Adu, Chair of Trustees`), before a comma and
/// one (`the Chair, Dame Alison Pryce MP`), or in lower case before one (`Its chair, retired
/// civil engineer Graham Whitlock`); and by the office before the surname of one of them
/// (`Judge Hollis`). Each mention's offset and the full name.
pub fn holders_of(text: &str, office: &str) -> Vec<(usize, String)> {
    let Some((_, forms)) = OFFICES.iter().find(|(o, _)| *o == office) else {
        return Vec::new();
    };
    let mut found: Vec<(usize, String)> = Vec::new();
    // Where the office stands before a lone capitalised word: a surname, perhaps.
    let mut surnames: Vec<(usize, &str)> = Vec::new();
    let forms = forms.iter().copied().chain(std::iter::once(office));
    for form in forms {
        for at in whole_words(text, form) {
            let end = at + form.len();
            // `Vice President Mike Pence`, `Former Mayor John Ellison`: not the office.
            let qualified = text[..at].split_whitespace().next_back().is_some_and(|w| {
                QUALIFIERS.iter().any(|q| q.eq_ignore_ascii_case(bare(w))) || w.ends_with('-')
            }) || text[..at].ends_with('-');
            if qualified {
                continue;
            }
            let mut note = |name: Option<String>| {
                if let Some(name) = name.filter(|n| is_full_name(n)) {
                    found.push((at, name));
                }
            };
            let after: Vec<&str> = text[end..].split_whitespace().take(12).collect();
            let after_comma = text[end..]
                .strip_prefix(',')
                .map(|rest| rest.split_whitespace().take(8).collect::<Vec<&str>>());
            match is_capitalised(form) {
                // `Mayor Raymond Oduya`, `Minister for Local Government Simon Whitby`.
                true => {
                    note(name_after_office(&after));
                    note(name_before_office(&text[..at]));
                    // `the Chair, Dame Alison Pryce MP, said`.
                    note(after_comma.as_deref().and_then(name_from));
                    if let Some(word) = after.first().filter(|w| is_capitalised(bare(w))) {
                        surnames.push((at, bare(word)));
                    }
                }
                // `Its chair, retired civil engineer Graham Whitlock`, `River Dogs manager
                // Hank Turley`.
                false => {
                    note(after_comma.as_deref().and_then(name_from));
                    note(name_after_office(&after));
                }
            }
        }
    }
    // `Judge Hollis`: the one holder of that surname.
    let people: Vec<String> = {
        let mut people: Vec<String> = found.iter().map(|(_, n)| n.clone()).collect();
        people.sort();
        people.dedup();
        people
    };
    for &(at, surname) in &surnames {
        let mut of = people
            .iter()
            .filter(|p| p.split_whitespace().next_back() == Some(surname));
        if let (Some(one), None) = (of.next(), of.next()) {
            found.push((at, one.clone()));
        }
    }
    // `Mayor Emanuel announced …` in a text that never gives his first name: the office
    // holder is the surname, when the office comes before one surname only.
    if people.is_empty() {
        let mut named = surnames
            .iter()
            .filter(|(_, w)| has_name_letters(w) && !is_never_in_a_name(w));
        if let Some(&(_, one)) = named.clone().next()
            && named.all(|(_, w)| *w == one)
        {
            let one = one.to_string();
            for &(at, surname) in &surnames {
                if surname == one {
                    found.push((at, one.clone()));
                }
            }
        }
    }
    found.sort();
    found.dedup();
    found
}

/// Who `office` is at byte `at` of the text [`holders_of`] read: the only person it names
/// in the office, or, of several, the one it named so last before `at` (`Magistrate Judge
/// Alan Choi` later does not make `the judge` any less Judge Hollis).
pub fn holder_at(holders: &[(usize, String)], at: usize) -> Option<String> {
    let first = &holders.first()?.1;
    if holders.iter().all(|(_, n)| n == first) {
        return Some(first.clone());
    }
    holders
        .iter()
        .rev()
        .find(|(offset, _)| *offset < at)
        .map(|(_, n)| n.clone())
}

/// The one person `text` names in `office`: [`holders_of`], when all are one person.
#[cfg(test)]
fn holder_of(text: &str, office: &str) -> Option<String> {
    let holders = holders_of(text, office);
    let first = &holders.first()?.1;
    holders
        .iter()
        .all(|(_, n)| n == first)
        .then(|| first.clone())
}

/// Whether `name` reads as a person's full name: two or three capitalised words that are
/// names' (`Raymond Oduya`, `Catriona Bell`, `Patricia M. Hollis`).
fn is_full_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    (2..=3).contains(&words.len())
        && words.iter().all(|w| {
            is_capitalised(w)
                && !is_never_in_a_name(w)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
        })
}

/// The full name right after an office, or after its `for …`/`of …` words: the name starts
/// at the first known given name among the capitalised words that follow.
fn name_after_office(after: &[&str]) -> Option<String> {
    let mut i = 0;
    if after.first().is_some_and(|w| matches!(*w, "for" | "of")) {
        i = 1;
        while after
            .get(i)
            .is_some_and(|w| is_capitalised(bare(w)) || matches!(*w, "and" | "of" | "the"))
            && given::of_given_name(bare(after[i])).is_none()
        {
            // `Minister for Water and Environment, Catriona Bell`: the office ends at a comma.
            if after[i].ends_with(',') {
                return name_from(after.get(i + 1..)?).filter(|n| n.contains(' '));
            }
            i += 1;
        }
    }
    let rest = after.get(i..)?;
    given::of_given_name(bare(rest.first()?))?;
    name_from(rest)
}

/// The full name that `before` (the text up to an office) ends with, then a comma: `Catherine
/// Adu, Chair`.
fn name_before_office(before: &str) -> Option<String> {
    let before = before.trim_end();
    let before = before.strip_suffix("the").unwrap_or(before).trim_end();
    let before = before.strip_suffix(',')?;
    // Letters after the name are no part of it: `Rt Hon Helen Carrick MP, Minister for …`.
    let words: Vec<&str> = before
        .split_whitespace()
        .rev()
        .skip_while(|w| is_post_nominal(w))
        .take(3)
        .collect();
    let mut run: Vec<&str> = Vec::new();
    for raw in &words {
        let w = bare(raw);
        if !is_capitalised(w) || w != *raw {
            break;
        }
        run.push(w);
    }
    run.reverse();
    // The name starts at its given name: `Reverend Catherine Adu`.
    let start = run.iter().position(|w| given::of_given_name(w).is_some())?;
    let name = run[start..].join(" ");
    Some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_office_with_a_determiner_is_a_subject() {
        let words: Vec<&str> = "As our Chair put it".split(' ').collect();
        assert_eq!(office_at(&words, 2), Some("chair"));
        let words: Vec<&str> = "The company's president said".split(' ').collect();
        assert_eq!(office_at(&words, 2), None);
        let words: Vec<&str> = "a judge said".split(' ').collect();
        assert_eq!(office_at(&words, 1), None);
        let words: Vec<&str> = "a lawyer for the mayor said".split(' ').collect();
        assert_eq!(office_at(&words, 4), None);
    }

    #[test]
    fn the_one_person_named_in_an_office() {
        let text = "Philadelphia Mayor Raymond Oduya told reporters. Later the mayor said so.";
        assert_eq!(holder_of(text, "mayor").as_deref(), Some("Raymond Oduya"));
        let text = "*Reverend Catherine Adu, Chair of Trustees*";
        assert_eq!(holder_of(text, "chair").as_deref(), Some("Catherine Adu"));
        let text = "Its chair, retired civil engineer Graham Whitlock, said so.";
        assert_eq!(holder_of(text, "chair").as_deref(), Some("Graham Whitlock"));
        let text = "Minister for Local Government Simon Whitby said: no.";
        assert_eq!(holder_of(text, "minister").as_deref(), Some("Simon Whitby"));
        let text = "the Minister for Roads and Local Transport, Rt Hon Helen Carrick MP, said.\n\
                    - Rt Hon Helen Carrick MP, Minister for Roads and Local Transport";
        assert_eq!(
            holder_of(text, "minister").as_deref(),
            Some("Helen Carrick")
        );
        let text = "the Minister for Water and Environment, Catriona Bell, announced today";
        assert_eq!(
            holder_of(text, "minister").as_deref(),
            Some("Catriona Bell")
        );
        let text = "said River Dogs manager Hank Turley. Later the manager said so.";
        assert_eq!(holder_of(text, "manager").as_deref(), Some("Hank Turley"));
        let text = "Opening the session, the Chair, Dame Alison Pryce MP, said so.";
        assert_eq!(holder_of(text, "chair").as_deref(), Some("Alison Pryce"));
        let text = "talks between Gov. Diane Kessler and the Senate";
        assert_eq!(
            holder_of(text, "governor").as_deref(),
            Some("Diane Kessler")
        );
    }

    #[test]
    fn of_two_in_one_office_the_one_named_last_before() {
        let text = "Judge Patricia Hollis ruled. Judge Hollis denied it. The judge was not \
                    persuaded. She sent them to Magistrate Judge Alan Choi.";
        let holders = holders_of(text, "judge");
        assert_eq!(holder_of(text, "judge"), None);
        let the_judge = text.find("The judge").unwrap_or_default();
        assert_eq!(
            holder_at(&holders, the_judge).as_deref(),
            Some("Patricia Hollis")
        );
        assert_eq!(holder_at(&holders, 0), None);
    }

    #[test]
    fn a_vice_or_former_holder_holds_no_office() {
        let text = "Vice President Mike Pence toured the plant. Former Mayor John Ellison \
                    spoke. Deputy Chair Margaret Olsen agreed.";
        assert_eq!(holder_of(text, "president"), None);
        assert_eq!(holder_of(text, "mayor"), None);
        assert_eq!(holder_of(text, "chair"), None);
    }

    #[test]
    fn two_people_in_one_office_or_none_name_no_one() {
        let text = "Judge Patricia Okafor and Judge Kevin Marsh sat. The judge said no.";
        assert_eq!(holder_of(text, "judge"), None);
        assert_eq!(holder_of("The mayor said no.", "mayor"), None);
    }
}
