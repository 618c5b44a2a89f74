//! An organisation named by its head word alone (`the Ministry said`) as the name the
//! document writes in full (`Ministry of Water and Environment`), as a reader takes it.

use super::words::{bare, is_capitalised, is_not_name, strip_possessive, whole_words};

/// Words an organisation is named by alone, with `the`: `the Ministry`, `the Council`.
const HEADS: &[&str] = &[
    "Ministry",
    "Department",
    "Council",
    "Commission",
    "Agency",
    "Association",
    "Foundation",
    "Authority",
    "Board",
    "Committee",
    "Institute",
    "Society",
    "Trust",
    "Federation",
    "Bureau",
    "Forum",
    "Coalition",
    "Alliance",
    "Company",
    "Corporation",
    "University",
    "College",
    "Hospital",
    "Regulator",
    "Inspectorate",
    "Tribunal",
    "Union",
    "Institution",
    "Secretariat",
    "Office",
    "Group",
    "Church",
];

/// Words that join the words of an organisation's name after its head: `Ministry of Water
/// and Environment`, `Department for Education`.
const JOINS: [&str; 5] = ["of", "for", "and", "the", "on"];

/// The most words a name in full is looked for on either side of its head.
const REACH: usize = 8;

/// The head word (see `HEADS`) that `word` is, in any case: `council` → `Council`.
pub fn organisation_head_of(word: &str) -> Option<&'static str> {
    HEADS.iter().find(|h| h.eq_ignore_ascii_case(word)).copied()
}

/// Whether `word` is a head word an organisation is named by alone (see `HEADS`).
pub fn is_organisation_head(word: &str) -> bool {
    HEADS.contains(&word)
}

/// Whether `name` is an organisation's by its words: one is an organisation's head word or
/// the last is a body's or a place's (`Transport Committee`, `Mid-Atlantic Ridge`).
pub fn is_body_name(name: &str) -> bool {
    // Asked of every person a pronoun may stand for: hashed lookups, not lists walked.
    type Words = super::words::WordSet;
    static HEAD_WORDS: std::sync::OnceLock<Words> = std::sync::OnceLock::new();
    static ENDINGS: std::sync::OnceLock<Words> = std::sync::OnceLock::new();
    let heads = HEAD_WORDS.get_or_init(|| HEADS.iter().copied().collect());
    let endings = ENDINGS.get_or_init(|| {
        super::surnames::NOT_PERSON_ENDINGS
            .iter()
            .copied()
            .collect()
    });
    let mut last = "";
    for w in name.split_whitespace() {
        // `Centre for Forest Rights`: a body's word before `for` or `of`.
        if heads.contains(w) || (matches!(w, "for" | "of") && endings.contains(last)) {
            return true;
        }
        last = w;
    }
    endings.contains(last)
}

/// The capitalised words that `text` writes just before a company's suffix (`Coastline
/// Logistics, Inc.` gives `Coastline` and `Logistics`): a name that opens with one is a
/// company's. One pass over the text per suffix.
pub fn company_words(text: &str) -> rustc_hash::FxHashSet<&str> {
    const SUFFIXES: &[&str] = &["Inc", "Ltd", "LLC", "plc", "PLC", "Corp", "GmbH", "LLP"];
    let mut words = rustc_hash::FxHashSet::default();
    for suffix in SUFFIXES {
        for at in whole_words(text, suffix) {
            let before = text[..at].trim_end().trim_end_matches(',');
            for w in before.split_whitespace().rev().take(3) {
                let w = w.trim_end_matches(',');
                if !is_capitalised(w) {
                    break;
                }
                words.insert(w);
            }
        }
    }
    words
}

/// The one name in full that `text` writes with `head` (an organisation's head word) in it:
/// capitalised words before it (`Kelso Clean Water Group`) or `of`/`for` and capitalised
/// words after it (`Ministry of Water and Environment`). A name that is the start of a
/// longer one counts as that one (`Ministry of Water` in `Ministry of Water and Environment`).
/// `None` when the text writes none, or two that differ (`Department for Transport`,
/// `Department of Health`).
pub fn organisation_in_full<'t>(
    texts: impl IntoIterator<Item = &'t str>,
    head: &str,
) -> Option<String> {
    const DETERMINERS: &[&str] = &["the", "The", "a", "A", "an", "An", "its", "Its", "their"];
    let lower = head.to_lowercase();
    let mut names: Vec<String> = Vec::new();
    let mut other_body = false;
    // Each block's text on its own: a name never runs on from a heading into the paragraph
    // after it.
    for text in texts {
        for at in whole_words(text, head) {
            if let Some(name) = name_around(text, at, head) {
                if !names.contains(&name) {
                    names.push(name);
                }
            }
        }
        // `the GMB union` beside `the European Union`, `the police department` beside `the
        // Department of Justice`: the head word in lower case after another word names some
        // other body.
        other_body |= whole_words(text, &lower).any(|at| {
            text[..at]
                .split_whitespace()
                .next_back()
                .is_some_and(|w| !DETERMINERS.contains(&w))
        });
    }
    if other_body {
        return None;
    }
    // The longest first: a shorter name that starts it, or ends it, is the same one.
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    let longest = names.first()?;
    names
        .iter()
        .all(|n| longest.starts_with(n.as_str()) || longest.ends_with(n.as_str()))
        .then(|| longest.clone())
}

/// Every organisation that `text` names at the start of a sentence, as its subject (`The
/// Association of Scooter Operators disagreed.`, `Kelso Council said`): where the sentence
/// starts, and the name as written (a head word alone when the text gives no more).
pub fn organisations_leading(text: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for head in HEADS {
        for at in whole_words(text, head) {
            // The capitalised words before the head, then `The` or nothing, open a sentence.
            let mut start = at;
            for raw in text[..at].split_whitespace().rev().take(REACH) {
                let w = bare(raw);
                if w != raw || !is_capitalised(w) {
                    break;
                }
                start = raw.as_ptr() as usize - text.as_ptr() as usize;
                if matches!(w, "The" | "A" | "An") {
                    break;
                }
            }
            // A paragraph's number (`2.2 The Federation …`) opens nothing.
            let before = text[..start].trim_end();
            let numbered = !before.is_empty()
                && !before.contains(char::is_whitespace)
                && before.chars().all(|c| c.is_ascii_digit() || c == '.');
            let opens = numbered
                || before
                    .chars()
                    .next_back()
                    .is_none_or(|c| matches!(c, '.' | '!' | '?' | ':' | ';'));
            if opens {
                let name = name_around(text, at, head).unwrap_or_else(|| head.to_string());
                found.push((start, name));
            }
        }
    }
    found.sort();
    found
}

/// The name in full around the head word at byte `at` of `text`, if it has more words than
/// the head.
fn name_around(text: &str, at: usize, head: &str) -> Option<String> {
    // Words before the head, nearest first: capitalised, with nothing that ends a clause.
    let mut before: Vec<&str> = Vec::new();
    for raw in text[..at].split_whitespace().rev().take(REACH) {
        let w = bare(raw);
        let ends_clause = raw.ends_with([',', '.', ';', ':', ')', '·']);
        if ends_clause
            || w != raw
            || !is_capitalised(w)
            || matches!(w, "The" | "A" | "An")
            || is_not_name(w)
        {
            break;
        }
        before.push(w);
    }
    // `of` or `for` after the head, then capitalised words and joins, up to what ends a
    // clause.
    let rest = &text[at + head.len()..];
    let mut after: Vec<&str> = Vec::new();
    let mut words = rest.split_whitespace();
    if rest.starts_with([' ', '\u{a0}']) {
        if let Some(first) = words.next().filter(|w| matches!(*w, "of" | "for")) {
            after.push(first);
            for raw in words.take(REACH) {
                let w = strip_possessive(bare(raw));
                // `the Department for Transport and the Department of Health`: two.
                let another = w == head || (w == "the" && after.last() == Some(&"and"));
                if another || !(is_capitalised(w) || JOINS.contains(&w)) {
                    break;
                }
                after.push(w);
                if w != raw {
                    break;
                }
            }
        }
    }
    while after.last().is_some_and(|w| JOINS.contains(w)) {
        after.pop();
    }
    if before.is_empty() && after.is_empty() {
        return None;
    }
    let name: Vec<&str> = before
        .iter()
        .rev()
        .copied()
        .chain(std::iter::once(head))
        .chain(after)
        .collect();
    Some(name.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_head_word_alone_is_the_one_name_written_in_full() {
        let text = "News release · Ministry of Water and Environment · 18 June 2024\n\
                    In a statement, the Ministry said so. The Ministry's assessment.";
        assert_eq!(
            organisation_in_full([text], "Ministry").as_deref(),
            Some("Ministry of Water and Environment")
        );
        let text = "The Kelso Clean Water Group met. The Group said it would.";
        assert_eq!(
            organisation_in_full([text], "Group").as_deref(),
            Some("Kelso Clean Water Group")
        );
        // A name cut short, and the name whole: one organisation.
        let text = "the Ministry of Water, then the Ministry of Water and Environment.";
        assert_eq!(
            organisation_in_full([text], "Ministry").as_deref(),
            Some("Ministry of Water and Environment")
        );
    }

    #[test]
    fn an_organisation_that_opens_a_sentence_is_its_subject() {
        let text = "Most agreed. The Association of Scooter Operators disagreed. \
                    In its response, it said so. Riders asked the Council for more.";
        assert_eq!(
            organisations_leading(text),
            [(13, "Association of Scooter Operators".to_string())]
        );
        assert_eq!(
            organisations_leading("The Ministry said no."),
            [(0, "Ministry".to_string())]
        );
    }

    #[test]
    fn a_body_or_a_company_is_an_organisation() {
        let text = "Coastline Logistics, Inc. appealed. Jan Leike said its culture changed.";
        assert!(company_words(text).contains("Coastline"));
        assert!(!company_words(text).contains("Jan"));
        assert!(is_body_name("Transport Committee"));
        assert!(is_body_name("Centre for Forest Rights"));
        assert!(!is_body_name("Jan Leike"));
    }

    #[test]
    fn two_names_or_none_leave_the_head_word_as_written() {
        let two = "the Department for Transport and the Department of Health";
        assert_eq!(organisation_in_full([two], "Department"), None);
        let two = "the Department for Transport and Department of Health";
        assert_eq!(organisation_in_full([two], "Department"), None);
        // The head word in lower case after another name: another body.
        let other = "members of the GMB union and the European Union";
        assert_eq!(organisation_in_full([other], "Union"), None);
        assert_eq!(
            organisation_in_full(["The Ministry said so."], "Ministry"),
            None
        );
        // Not inside another word, nor a word in lower case after `of`.
        assert_eq!(
            organisation_in_full(["Ministryof the Ministry of state"], "Ministry"),
            None
        );
    }
}
