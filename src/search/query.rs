//! The quote query language: fzf's extended-search syntax, parsed into terms.
//!
//! Space-separated terms must all match (AND); `|` between terms makes one OR group of
//! them. A term is fuzzy (`compute`), or exact: `'word` a substring, `"a phrase"` a phrase,
//! `^term` the start of the quote and `term$` its end. `!` before any of them excludes the
//! quotes it matches (and, as in fzf, `!term` is exact). `@name` keeps one speaker's quotes.
//! Smart case: a term with a capital letter is case-sensitive, one without ignores case.

/// How a term is matched (see [`super::matching`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters in order, some left out, within one or two adjacent words.
    Fuzzy,
    /// A substring (whitespace in it matches any run of whitespace).
    Exact,
    /// The start of the quote's text.
    Prefix,
    /// The end of the quote's text.
    Suffix,
    /// The whole of the quote's text (`^term$`).
    Whole,
}

/// One term of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// How it matches.
    pub kind: Kind,
    /// What it matches, without its operators.
    pub text: String,
    /// `!`: the quotes it matches are left out.
    pub negated: bool,
    /// The text holds an ASCII capital (smart case, as fuzzy-matcher decides it).
    pub case_sensitive: bool,
}

impl Term {
    /// The term a token stands for; `None` for an operator with nothing to match.
    fn parse(token: &str) -> Option<Term> {
        let (negated, rest) = match token.strip_prefix('!') {
            Some(rest) => (true, rest),
            None => (false, token),
        };
        let (kind, text) = if let Some(phrase) = rest.strip_prefix('"') {
            let phrase = phrase.strip_suffix('"').unwrap_or(phrase);
            (
                Kind::Exact,
                phrase.split_whitespace().collect::<Vec<_>>().join(" "),
            )
        } else if let Some(word) = rest.strip_prefix('\'') {
            (Kind::Exact, word.to_string())
        } else if let Some(word) = rest.strip_prefix('^') {
            match word.strip_suffix('$') {
                Some(whole) if !whole.is_empty() => (Kind::Whole, whole.to_string()),
                _ => (Kind::Prefix, word.to_string()),
            }
        } else if let Some(word) = rest.strip_suffix('$').filter(|w| !w.is_empty()) {
            (Kind::Suffix, word.to_string())
        } else if negated {
            (Kind::Exact, rest.to_string())
        } else {
            (Kind::Fuzzy, rest.to_string())
        };
        if text.is_empty() {
            return None;
        }
        Some(Term {
            kind,
            case_sensitive: text.bytes().any(|b| b.is_ascii_uppercase()),
            text,
            negated,
        })
    }

    /// True for a term that must be found (not excluded) fuzzily: the ones that score.
    pub fn scores(&self) -> bool {
        self.kind == Kind::Fuzzy && !self.negated
    }
}

/// A query split into its parts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// Lowercase speaker filters (`@leike` → `leike`): a quote's speaker must contain each.
    pub speakers: Vec<String>,
    /// Groups that must all match; a group matches when any of its terms does.
    pub groups: Vec<Vec<Term>>,
}

impl Query {
    /// Parses a query as typed. Unknown syntax is never an error: an operator with nothing
    /// after it is ignored, and an unclosed `"` runs to the end.
    pub fn parse(query: &str) -> Query {
        let mut q = Query::default();
        let mut join = false;
        let mut rest = query.trim_start();
        while !rest.is_empty() {
            let (token, after) = next_token(rest);
            rest = after.trim_start();
            if token == "|" {
                join = !q.groups.is_empty();
                continue;
            }
            if let Some(name) = token.strip_prefix('@') {
                if !name.is_empty() {
                    q.speakers.push(name.to_lowercase());
                }
                join = false;
                continue;
            }
            let Some(term) = Term::parse(token) else {
                continue;
            };
            match q.groups.last_mut() {
                Some(group) if join => group.push(term),
                _ => q.groups.push(vec![term]),
            }
            join = false;
        }
        q
    }

    /// The group the index ranks by: the first that is one fuzzy term. The others filter
    /// (and add their scores to) what it finds.
    pub fn lead(&self) -> Option<usize> {
        self.groups
            .iter()
            .position(|g| matches!(&g[..], [t] if t.scores()))
    }

    /// The lead group's fuzzy pattern, or `""`.
    pub fn lead_pattern(&self) -> &str {
        self.lead()
            .and_then(|g| self.groups.get(g))
            .and_then(|g| g.first())
            .map_or("", |t| t.text.as_str())
    }

    /// True when there is nothing to match: every quote (of the `@` speakers) is listed.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }
}

/// The first token of `text` (which starts with no whitespace) and what follows it: a
/// `"phrase"` (optionally after `!`) runs to its closing quote, any other token to the
/// next whitespace.
fn next_token(text: &str) -> (&str, &str) {
    let quoted = text.strip_prefix('!').unwrap_or(text);
    if let Some(inner) = quoted.strip_prefix('"') {
        let open = text.len() - quoted.len();
        let end = inner.find('"').map_or(text.len(), |i| open + 1 + i + 1);
        return text.split_at(end);
    }
    let end = text
        .find(|c: char| c.is_ascii_whitespace())
        .unwrap_or(text.len());
    text.split_at(end)
}

/// True when every quote `new` matches, `old` matches too, judged from the text alone: the
/// app then ranks `new` among `old`'s results only. So it is when `new` is `old` typed
/// further, unless the new text adds an OR (`a |` → `a | b` finds more), or continues a
/// term whose meaning that changes: an exclusion (`!w` → `!wi` excludes less), a suffix
/// (`c$` → `c$a` is a fuzzy term), or a closed phrase.
pub fn narrows(old: &str, new: &str) -> bool {
    let Some(added) = new.strip_prefix(old) else {
        return false;
    };
    if new.contains('|') {
        return false;
    }
    let continues = !added.is_empty()
        && !added.starts_with(|c: char| c.is_ascii_whitespace())
        && !old.ends_with(|c: char| c.is_ascii_whitespace());
    if continues {
        let mut last = "";
        let mut rest = old.trim_start();
        while !rest.is_empty() {
            let (token, after) = next_token(rest);
            last = token;
            rest = after.trim_start();
        }
        let closed_phrase =
            last.trim_start_matches('!').starts_with('"') && last.len() > 1 && last.ends_with('"');
        if last.starts_with('!') || last.ends_with('$') || closed_phrase {
            return false;
        }
    }
    // An unclosed phrase grows into one with spaces: still narrower, as a phrase is.
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(kind: Kind, text: &str, negated: bool) -> Term {
        Term {
            kind,
            text: text.into(),
            negated,
            case_sensitive: text.bytes().any(|b| b.is_ascii_uppercase()),
        }
    }

    fn groups(query: &str) -> Vec<Vec<Term>> {
        Query::parse(query).groups
    }

    #[test]
    fn each_operator_makes_its_kind_of_term() {
        assert_eq!(groups("compute"), [[term(Kind::Fuzzy, "compute", false)]]);
        assert_eq!(groups("'compute"), [[term(Kind::Exact, "compute", false)]]);
        assert_eq!(
            groups("\"for  compute\""),
            [[term(Kind::Exact, "for compute", false)]]
        );
        assert_eq!(groups("^we"), [[term(Kind::Prefix, "we", false)]]);
        assert_eq!(groups("compute$"), [[term(Kind::Suffix, "compute", false)]]);
        assert_eq!(groups("^yes$"), [[term(Kind::Whole, "yes", false)]]);
        assert_eq!(groups("!wind"), [[term(Kind::Exact, "wind", true)]]);
        assert_eq!(groups("!'wind"), [[term(Kind::Exact, "wind", true)]]);
        assert_eq!(groups("!^we"), [[term(Kind::Prefix, "we", true)]]);
        assert_eq!(groups("!\"a b\""), [[term(Kind::Exact, "a b", true)]]);
    }

    #[test]
    fn spaces_and_bars_make_and_and_or() {
        let q = Query::parse("safety | culture compute @Leike");
        assert_eq!(q.speakers, ["leike"]);
        assert_eq!(
            q.groups,
            [
                vec![
                    term(Kind::Fuzzy, "safety", false),
                    term(Kind::Fuzzy, "culture", false)
                ],
                vec![term(Kind::Fuzzy, "compute", false)],
            ]
        );
        assert_eq!(q.lead(), Some(1));
        assert_eq!(q.lead_pattern(), "compute");
    }

    #[test]
    fn dangling_operators_and_unclosed_quotes_are_forgiven() {
        assert!(
            Query::parse("' ^ ! @ | $")
                .groups
                .iter()
                .all(|g| g.iter().all(|t| t.text == "$"))
        );
        assert!(Query::parse("   ").is_empty());
        assert_eq!(groups("\"we were"), [[term(Kind::Exact, "we were", false)]]);
        assert_eq!(groups("| a"), [[term(Kind::Fuzzy, "a", false)]]);
    }

    #[test]
    fn a_capital_makes_only_its_term_case_sensitive() {
        let g = groups("Leike compute");
        assert!(g[0][0].case_sensitive);
        assert!(!g[1][0].case_sensitive);
    }

    #[test]
    fn typing_further_narrows_unless_it_widens() {
        assert!(narrows("comp", "compute"));
        assert!(narrows("compute", "compute w"));
        assert!(narrows("'comp", "'compute"));
        assert!(narrows("\"we", "\"we were"));
        assert!(narrows("co", "co$"));
        assert!(narrows("!wind", "!wind x"));
        assert!(!narrows("!w", "!wi"));
        assert!(!narrows("c$", "c$a"));
        assert!(!narrows("a |", "a | b"));
        assert!(!narrows("compute", "comput"));
        assert!(!narrows("\"a b\"", "\"a b\"c"));
    }
}
