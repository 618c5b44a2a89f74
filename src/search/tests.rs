//! The search checked against fuzzy-matcher itself: every quote it matches under the compact
//! rule is found and no other, the top in its exact order, whether a query is ranked at once
//! or typed a character at a time; and the operators, speaker filters and highlights.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::index::char_mask;
use super::rank::{EXACT_TOP, in_order};
use super::{Hit, Query, QuoteIndex, query};
use crate::document::{Quote, QuoteKind};

fn quote(text: &str, speaker: Option<&str>) -> Quote {
    Quote {
        text: text.into(),
        speaker: speaker.map(Into::into),
        section: None,
        line: 1,
        kind: QuoteKind::Block,
    }
}

#[test]
fn best_match_first_with_byte_ranges() {
    let index = QuoteIndex::new(&[
        quote("Shiny products took over.", Some("Jan Leike")),
        quote("We were struggling for compute.", Some("Jan Leike")),
    ]);
    let hits = index.rank("compute", None);
    assert_eq!(hits[0].quote, 1);
    assert_eq!(index.ranges(1, "compute").text, vec![23..30]);
}

#[test]
fn empty_query_lists_all_in_order() {
    let index = QuoteIndex::new(&[quote("a", None), quote("b", None)]);
    let order: Vec<_> = index.rank("  ", None).iter().map(|h| h.quote).collect();
    assert_eq!(order, [0, 1]);
}

#[test]
fn speaker_can_be_searched_and_wide_chars_map_to_bytes() {
    let index = QuoteIndex::new(&[quote("安全 first", Some("Zoë")), quote("other words", None)]);
    let hits = index.rank("zoë", None);
    assert_eq!(hits.len(), 1);
    assert_eq!(index.ranges(0, "zoë").speaker, vec![0..4]);
    assert_eq!(index.ranges(0, "安全").text, vec![0..6]);
}

#[test]
fn at_words_filter_by_speaker() {
    let mut index = QuoteIndex::default();
    index.add(
        0,
        &[
            quote("we need compute", Some("Jan Leike")),
            quote("compute is cheap", Some("Sam Altman")),
        ],
    );
    index.add(1, &[quote("more compute", Some("Jan Leike"))]);
    let hits = index.rank("@leike compute", None);
    let found: Vec<_> = hits
        .iter()
        .map(|h| index.locate(h.quote).unwrap())
        .collect();
    assert_eq!(found.len(), 2);
    assert!(found.contains(&(0, 0)) && found.contains(&(1, 0)));
    assert_eq!(index.rank("@altman", None).len(), 1);
    assert_eq!(index.ranges(1, "@altman").speaker, vec![4..10]);
}

#[test]
fn prefilters_agree_with_the_matcher() {
    assert!(in_order(
        b"we were struggling for compute",
        b"compute",
        false
    ));
    assert!(in_order(b"We Were", b"ww", false));
    assert!(!in_order(b"We Were", b"ww", true));
    assert!(!in_order(b"compute", b"tuc", false));
    assert!(in_order("café".as_bytes(), "é".as_bytes(), false));
    assert!(!in_order(b"anything", "é".as_bytes(), false));
    assert_eq!(char_mask("Ab9"), 1 | 2 | 1 << 35);
}

#[test]
fn narrowing_searches_only_earlier_hits() {
    let index = QuoteIndex::new(&[quote("compute now", None), quote("compute later", None)]);
    assert_eq!(index.rank("compute", Some(&[1])).len(), 1);
}

#[test]
fn many_quotes_rank_the_same_on_all_cores() {
    let quotes: Vec<Quote> = (0..10_000)
        .map(|i| quote(&format!("quote number {i} about compute"), None))
        .collect();
    let index = QuoteIndex::new(&quotes);
    let hits = index.rank("number 9999", None);
    assert_eq!(hits[0].quote, 9999);
    assert_eq!(index.rank("about", None).len(), 10_000);
}

/// The quotes fuzzy-matcher matches for `pattern` under the compact rule, as `rank`
/// should find them.
fn matched_by_fuzzy_matcher(quotes: &[Quote], pattern: &str) -> Vec<usize> {
    let index = QuoteIndex::new(quotes);
    let matcher = SkimMatcherV2::default().smart_case();
    (0..quotes.len())
        .filter(|&i| {
            let hay = index.haystack(&index.entries[i]);
            matcher.fuzzy_match(hay, pattern).is_some() && compact_by_brute_force(hay, pattern)
        })
        .collect()
}

/// The compact rule stated as an exhaustive search of alignments: `pattern`'s
/// characters at increasing places of `hay` (ASCII case folded unless it has a
/// capital), the `k`th at most `2k` characters from the first, with at most one run of
/// spaces between the first and the last.
fn compact_by_brute_force(hay: &str, pattern: &str) -> bool {
    let hay: Vec<char> = hay.chars().collect();
    let pattern: Vec<char> = pattern.chars().collect();
    let cs = pattern.iter().any(char::is_ascii_uppercase);
    let eq = |h: char, p: char| {
        if cs {
            h == p
        } else {
            h.eq_ignore_ascii_case(&p)
        }
    };
    fn fits(
        hay: &[char],
        pattern: &[char],
        eq: &dyn Fn(char, char) -> bool,
        start: usize,
        at: usize,
        k: usize,
    ) -> bool {
        if k == pattern.len() {
            let stretch: String = hay[start..at].iter().collect();
            return stretch.split_ascii_whitespace().count() <= 2;
        }
        (at..hay.len().min(start + 2 * (k + 1)))
            .any(|i| eq(hay[i], pattern[k]) && fits(hay, pattern, eq, start, i + 1, k + 1))
    }
    (0..hay.len()).any(|s| {
        pattern.first().is_some_and(|&p| eq(hay[s], p)) && fits(&hay, &pattern, &eq, s, s + 1, 1)
    })
}

fn sorted(hits: &[Hit]) -> Vec<usize> {
    let mut quotes: Vec<usize> = hits.iter().map(|h| h.quote).collect();
    quotes.sort_unstable();
    quotes
}

/// `rank` for each prefix of `query` in turn, narrowing as the app does.
fn typed(index: &QuoteIndex, query: &str) -> Vec<Hit> {
    let mut hits: Vec<Hit> = Vec::new();
    let mut within: Option<Vec<usize>> = None;
    for end in query.char_indices().map(|(i, c)| i + c.len_utf8()) {
        hits = index.rank(&query[..end], within.as_deref());
        within = Some(hits.iter().map(|h| h.quote).collect());
    }
    hits
}

fn synthetic(dossiers: usize) -> Vec<Quote> {
    (0..dossiers)
        .flat_map(|i| crate::document::load("s", &crate::synthetic::dossier(i)).quotes)
        .collect()
}

/// The ranking fuzzy-matcher's full alignment gives when it scores every quote for
/// each word of `query` (a quote matching every word compactly, its scores summed).
fn exact_ranking(index: &QuoteIndex, query: &str) -> Vec<Hit> {
    let matcher = SkimMatcherV2::default().smart_case();
    let mut hits: Vec<Hit> = (0..index.len())
        .filter_map(|i| {
            let hay = index.haystack(&index.entries[i]);
            let mut score = 0;
            for word in query.split_whitespace() {
                let (s, _) = matcher.fuzzy_indices(hay, word)?;
                compact_by_brute_force(hay, word).then_some(())?;
                score += s;
            }
            Some(Hit { quote: i, score })
        })
        .collect();
    hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.quote.cmp(&b.quote)));
    hits
}

#[test]
fn the_top_results_are_in_fuzzy_matchers_exact_order() {
    let index = QuoteIndex::new(&synthetic(150));
    for pattern in [
        "c",
        "compute",
        "safety",
        "leike",
        "sam compute",
        "Leike",
        "oai",
        "the team",
    ] {
        let exact = exact_ranking(&index, pattern);
        let top = 60.min(exact.len());
        assert_eq!(index.rank(pattern, None)[..top], exact[..top], "{pattern}");
        assert_eq!(
            typed(&index, pattern)[..top],
            exact[..top],
            "typed {pattern}"
        );
    }
}

/// More matches than are scored exactly, and a gap as long as the compact rule allows:
/// the order is still that of the full alignment.
#[test]
fn a_long_gap_ranks_by_the_full_alignment_inside_and_past_the_exact_top() {
    // Within the exact top and past it.
    for scattered in [10, EXACT_TOP + 100] {
        let mut quotes = vec![quote("cxoxmxpxuxtxe", None); scattered];
        quotes.push(quote(&format!("c{}ompute", "x".repeat(7)), None));
        // Past what the rule allows: no match at all.
        quotes.push(quote(&format!("c{}ompute", "x".repeat(8)), None));
        let index = QuoteIndex::new(&quotes);
        let exact = exact_ranking(&index, "compute");
        assert!(exact.iter().all(|h| h.quote <= scattered));
        assert_eq!(index.rank("compute", None), exact, "{scattered}");
        assert_eq!(typed(&index, "compute"), exact, "typed {scattered}");
    }
}

#[test]
fn a_contiguous_word_ranks_above_a_compact_one_and_a_scattered_one_is_no_match() {
    let index = QuoteIndex::new(&[
        quote(
            "careful operators maintain proper updates to every entry",
            None,
        ),
        quote("we need more compute", None),
        quote("recompute it", None),
    ]);
    let order: Vec<usize> = index
        .rank("compute", None)
        .iter()
        .map(|h| h.quote)
        .collect();
    assert_eq!(order, [1, 2]);
}

#[test]
fn an_uppercase_letter_makes_the_pattern_case_sensitive() {
    let index = QuoteIndex::new(&[
        quote("leike resigned", None),
        quote("Leike resigned", None),
        quote("LEIKE resigned", None),
    ]);
    assert_eq!(sorted(&index.rank("leike", None)), [0, 1, 2]);
    assert_eq!(sorted(&index.rank("Leike", None)), [1]);
    assert_eq!(sorted(&typed(&index, "Leike")), [1]);
    assert_eq!(sorted(&index.rank("LEIKE", None)), [2]);
    // Growing from a case-insensitive pattern into a case-sensitive one starts afresh.
    let within: Vec<usize> = index.rank("l", None).iter().map(|h| h.quote).collect();
    assert!(index.rank("lE", Some(&within)).is_empty());
    assert_eq!(sorted(&index.rank("LE", None)), [2]);
}

#[test]
fn non_ascii_text_and_patterns_match() {
    let quotes = [
        quote("la sécurité d'abord", Some("Zoë")),
        quote("安全第一 compute", None),
        quote("securite sans accent", None),
        quote("Sécurité", None),
    ];
    let index = QuoteIndex::new(&quotes);
    for pattern in [
        "sécu", "é", "安全", "第一 c", "zoë", "compute", "sec", "curit",
    ] {
        let want = matched_by_fuzzy_matcher(&quotes, pattern);
        assert_eq!(sorted(&index.rank(pattern, None)), want, "{pattern}");
        assert_eq!(sorted(&typed(&index, pattern)), want, "typed {pattern}");
    }
    assert_eq!(sorted(&index.rank("sécu", None)), [0, 3]);
    assert_eq!(sorted(&index.rank("安全", None)), [1]);
    // skim folds only ASCII letters: É is not é.
    assert!(index.rank("SÉCU", None).is_empty());
}

#[test]
fn quotes_added_after_a_search_are_found_as_it_grows() {
    let mut index = QuoteIndex::new(&[quote("compute budget", None)]);
    let within: Vec<usize> = index.rank("com", None).iter().map(|h| h.quote).collect();
    index.add(1, &[quote("more compute", None)]);
    // The app narrows only what it has seen, but a fresh scan finds the new quote.
    assert_eq!(sorted(&index.rank("comp", Some(&within))), [0]);
    assert_eq!(sorted(&index.rank("compu", None)), [0, 1]);
}

fn found(index: &QuoteIndex, query: &str) -> Vec<usize> {
    sorted(&index.rank(query, None))
}

fn operators_index() -> QuoteIndex {
    QuoteIndex::new(&[
        quote("We were struggling for compute.", Some("Jan Leike")),
        quote(
            "Compute is not the problem; the wind is.",
            Some("Sam Altman"),
        ),
        quote("We need more compute and more time", Some("Jan Leike")),
        quote("Safety culture took a backseat", Some("Jan Leike")),
        quote("computers, said nobody", None),
    ])
}

#[test]
fn space_separated_terms_must_all_match() {
    let index = operators_index();
    assert_eq!(found(&index, "compute"), [0, 1, 2, 4]);
    assert_eq!(found(&index, "compute time"), [2]);
    assert_eq!(found(&index, "compute wind"), [1]);
}

#[test]
fn a_bar_between_terms_is_or() {
    let index = operators_index();
    assert_eq!(found(&index, "wind | time"), [1, 2]);
    assert_eq!(found(&index, "compute wind | time"), [1, 2]);
    assert_eq!(found(&index, "safety | wind | time"), [1, 2, 3]);
}

#[test]
fn a_quote_mark_asks_for_the_exact_substring() {
    let index = operators_index();
    // Fuzzily, `cmpute` finds compute; exactly, it finds nothing.
    assert_eq!(found(&index, "cmpute"), [0, 1, 2, 4]);
    assert!(found(&index, "'cmpute").is_empty());
    assert_eq!(found(&index, "'compute"), [0, 1, 2, 4]);
    assert_eq!(found(&index, "'compute."), [0]);
}

#[test]
fn double_quotes_ask_for_a_phrase() {
    let index = operators_index();
    assert_eq!(found(&index, "\"for compute\""), [0]);
    assert_eq!(found(&index, "\"more compute\""), [2]);
    assert!(found(&index, "\"compute for\"").is_empty());
}

#[test]
fn a_caret_and_a_dollar_anchor_the_start_and_end_of_the_quote() {
    let index = operators_index();
    assert_eq!(found(&index, "^we"), [0, 2]);
    // The speaker is not the start of the quote.
    assert!(found(&index, "^jan").is_empty());
    // Closing punctuation is looked past.
    assert_eq!(found(&index, "compute$"), [0]);
    assert_eq!(found(&index, "time$"), [2]);
    assert_eq!(found(&index, "^we time$"), [2]);
}

#[test]
fn a_bang_excludes() {
    let index = operators_index();
    assert_eq!(found(&index, "compute !wind"), [0, 2, 4]);
    assert_eq!(found(&index, "compute !'wind"), [0, 2, 4]);
    assert_eq!(found(&index, "compute !^we"), [1, 4]);
    assert_eq!(found(&index, "compute !\"more time\""), [0, 1, 4]);
    // Only excluding: every other quote.
    assert_eq!(found(&index, "!compute"), [3]);
}

#[test]
fn operators_combine_with_speakers_and_case() {
    let index = operators_index();
    assert_eq!(found(&index, "'compute !wind @leike"), [0, 2]);
    assert_eq!(found(&index, "@leike ^we | safety !time"), [0, 3]);
    // A capital makes its term case-sensitive, and only that term.
    assert_eq!(found(&index, "'Compute"), [1]);
    assert_eq!(found(&index, "Compute"), [1]);
    assert_eq!(found(&index, "We compute"), [0, 2]);
}

#[test]
fn highlights_cover_each_term() {
    let index = operators_index();
    let text = |i: usize, q: &str| -> Vec<String> {
        let t = &[
            "We were struggling for compute.",
            "Compute is not the problem; the wind is.",
            "We need more compute and more time",
        ][i];
        index
            .ranges(i, q)
            .text
            .iter()
            .map(|r| t[r.clone()].to_string())
            .collect()
    };
    assert_eq!(text(2, "compute time"), ["compute", "time"]);
    assert_eq!(text(0, "\"for compute\""), ["for compute"]);
    assert_eq!(text(0, "^we compute$"), ["We", "compute"]);
    // An excluded term is not highlighted.
    assert_eq!(text(1, "compute !time"), ["Compute"]);
}

/// Typing a query a character at a time, narrowing to the last hits only when the
/// query may only match fewer ([`query::narrows`]), as the app does, finds what ranking
/// the whole query at once finds.
#[test]
fn typing_any_query_finds_what_ranking_it_at_once_finds() {
    let index = QuoteIndex::new(&synthetic(60));
    for q in [
        "'compute !wind @leike",
        "compute !the",
        "safety | compute team",
        "\"the team\" !^we",
        "^the compute$",
        "!co c",
        "lei | alt com",
    ] {
        let mut hits: Vec<Hit> = Vec::new();
        let mut last = String::new();
        for end in q.char_indices().map(|(i, c)| i + c.len_utf8()) {
            let now = q[..end].trim();
            let within: Option<Vec<usize>> = (!last.is_empty() && query::narrows(&last, now))
                .then(|| hits.iter().map(|h| h.quote).collect());
            hits = index.rank(now, within.as_deref());
            last = now.to_string();
        }
        assert_eq!(sorted(&hits), sorted(&index.rank(q, None)), "{q}");
    }
}

/// The generator of the benches (the seed's sections over and over, ~7,000 lines):
/// fuzzy-matcher alone finds `zebra` in quotes that hold no such word; the compact rule
/// finds none, and every quote a word matches holds a word close to it.
#[test]
fn a_scattered_match_is_no_match_on_a_generated_dossier() {
    let doc = crate::document::load("generated", &crate::synthetic::seed_repeated(350_000));
    let index = QuoteIndex::new(&doc.quotes);
    assert!(index.len() > 150, "{} quotes", index.len());
    let skim = SkimMatcherV2::default().smart_case();
    let scattered = (0..index.len())
        .filter(|&i| {
            skim.fuzzy_match(index.haystack(&index.entries[i]), "zebra")
                .is_some()
        })
        .count();
    assert!(scattered > 0, "fuzzy-matcher alone finds zebra somewhere");
    assert!(index.rank("zebra", None).is_empty());
    // A word is close when it holds the term's letters in order, at most twice as long.
    let close = |text: &str, term: &str| {
        let words: Vec<String> = text
            .split_ascii_whitespace()
            .map(|w| w.to_lowercase())
            .collect();
        let spans = words
            .iter()
            .cloned()
            .chain(words.windows(2).map(|w| w.concat()));
        spans.into_iter().any(|w| {
            let mut letters = w.chars().filter(|c| c.is_alphanumeric());
            term.chars().all(|t| letters.any(|c| c == t))
                && w.chars().count() <= 2 * term.chars().count() + 2
        })
    };
    for term in [
        "audit", "compute", "cmpute", "safety", "rsk", "aut", "leike",
    ] {
        let hits = index.rank(term, None);
        for h in &hits {
            let e = &index.entries[h.quote];
            assert!(
                close(index.haystack(e), term),
                "{term}: {}",
                index.haystack(e)
            );
        }
    }
    assert!(!index.rank("cmpute", None).is_empty());
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

    /// No quote fuzzy-matcher matches is missing, and none it rejects is listed,
    /// whether the query is ranked at once or typed a character at a time.
    #[test]
    fn rank_finds_exactly_what_fuzzy_matcher_matches(
        texts in proptest::collection::vec("[a-eA-E é安·_.-]{0,40}", 1..40),
        pattern in "[a-eA-Eé安]{1,5}",
    ) {
        let quotes: Vec<Quote> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| quote(t, (i % 3 == 0).then_some("Ab Cd")))
            .collect();
        let index = QuoteIndex::new(&quotes);
        let pattern = Query::parse(&pattern).lead_pattern().to_string();
        proptest::prop_assume!(!pattern.is_empty());
        let want = matched_by_fuzzy_matcher(&quotes, &pattern);
        proptest::prop_assert_eq!(sorted(&index.rank(&pattern, None)), want.clone());
        proptest::prop_assert_eq!(sorted(&typed(&index, &pattern)), want);
    }
}
