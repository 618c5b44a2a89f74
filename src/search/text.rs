//! Full-text search: every passage (paragraph, item, heading, quote, code block) of one
//! document or a whole library that holds the query's words, ranked, with where they matched.
//!
//! The query language is the quote search's (see [`super::query`]) where it applies: a plain
//! word matches at the start of a word (`comput` finds "compute" and "computing"), `'part`
//! anywhere in a word, `"a phrase"` the words in that order, `!word` leaves out the passages
//! that hold it, `a | b` either, `^start` and `end$` a passage's first or last words. Smart
//! case: a term with a capital is case-sensitive, one without folds ASCII case.
//!
//! [`TextIndex`] keeps each document's plain text once (a document open alone shares its
//! own; a library's documents drop theirs once loaded, so it keeps a copy at its exact
//! length) with a small table of where each passage is in it. A query is a scan: the
//! leading term is found in each document's whole text with a
//! SIMD substring search (memchr's `memmem`; aho-corasick's packed Teddy searcher for folded
//! case), each match is weighed as it is found and put in its passage by walking the
//! passages in order, only those passages are checked for the other terms, and the hits
//! are put best first by a radix sort. `benches/text_search.rs` measures it on 10,000
//! generated dossiers (138 MB of text, 670,000 passages).
//!
//! A scan, not an index library: tantivy (0.25, in memory, the same passages, measured by a
//! program outside the repository) answers a rare word or a phrase in under a millisecond
//! and the first page of a common word in 0.3 ms, and ranks all 284,825 of its hits in
//! 54 ms (the scan: 86 ms in that run, on two busy cores); but it takes 3 s to index what
//! loads in about 1.2 s (the load must stay within twice the load without search), adds
//! 64 crates (about 6.5 minutes of build on two cores) and about 50 MB of binary with line
//! tables, and its index (33 MB on disk), beside the text kept for showing passages, would
//! take peak memory past twice the library's size. Its words are whole words: a word's
//! start (`comput`) or a part of one (`'part`) would need a prefix or regex query over its
//! dictionary, or n-grams.

use std::ops::Range;
use std::sync::Arc;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind, Span, packed};
use memchr::memmem;

use super::matching::find_exact;
use super::query::{Kind, Query, Term};
use crate::document::{Block, BlockKind, Document};

/// Where one passage is in its document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Passage {
    /// Where it starts in the document's text.
    pub start: u32,
    /// Where it ends there (a line break or text that is no passage's may follow).
    pub end: u32,
    /// 1-based line where it starts in the file.
    pub line: u32,
    /// The section it is in ([`Passage::NO_SECTION`] in the preamble) and, in the top bit,
    /// whether it is a heading (see [`Passage::section`] and [`Passage::heading`]): a passage
    /// is 16 bytes, and a 200 MB dossier has 2.6 million.
    section_and_heading: u32,
}

impl Passage {
    /// Passage of `block`, whose text is at `range` of the searchable text.
    fn of(block: &Block, range: Range<usize>) -> Passage {
        Passage {
            start: narrow(range.start),
            end: narrow(range.end),
            line: block.line,
            section_and_heading: block
                .section
                .map_or(Passage::NO_SECTION, |s| s.min(Passage::NO_SECTION))
                | match block.kind {
                    BlockKind::Heading { .. } => Passage::HEADING,
                    _ => 0,
                },
        }
    }

    /// The section of a passage in the preamble.
    const NO_SECTION: u32 = u32::MAX >> 1;
    /// The bit that marks a heading.
    const HEADING: u32 = !Passage::NO_SECTION;

    /// The section it is in.
    pub fn section(&self) -> Option<usize> {
        let section = self.section_and_heading & Passage::NO_SECTION;
        (section != Passage::NO_SECTION).then_some(section as usize)
    }

    /// Whether it is a heading: a match in it says more than one in running text.
    pub fn heading(&self) -> bool {
        self.section_and_heading & Passage::HEADING != 0
    }
}

/// One document's searchable text.
#[derive(Debug, Clone, Default)]
pub struct DocText {
    /// Every passage's text, one after another (an `Arc<String>` rather than an `Arc<str>`,
    /// which would copy a big document's text once more as it is made).
    pub text: Arc<String>,
    /// The passages, in text order.
    pub passages: Arc<[Passage]>,
}

impl DocText {
    /// The searchable text of `doc`, which must still hold its blocks (a slimmed library
    /// document has none: take its text before slimming it).
    pub fn of(doc: &Document) -> DocText {
        // Made at its size: each passage and the line break after it.
        let size = searched(doc).map(|b| doc.text_of(b).len() + 1).sum();
        let mut text = String::with_capacity(size);
        let mut passages = Vec::with_capacity(doc.blocks.len());
        for block in searched(doc) {
            let start = text.len();
            text.push_str(doc.text_of(block));
            passages.push(Passage::of(block, start..text.len()));
            // Keeps a phrase from matching across two passages.
            text.push('\n');
        }
        DocText {
            text: Arc::new(text),
            passages: Arc::from(passages),
        }
    }

    /// The searchable text of `doc`, sharing the document's own text rather than copying
    /// it: for a document that keeps its text (one open alone, a big one above all). A
    /// library's documents drop theirs once loaded: [`DocText::of`] copies what it needs.
    pub fn sharing(doc: &Document) -> DocText {
        let passages: Vec<Passage> = searched(doc)
            .map(|block| Passage::of(block, block.text_range()))
            .collect();
        // The blocks' texts are in text order (a block quote's speaker, added after them
        // all, is no passage): the passages are too, as the search needs them.
        debug_assert!(passages.windows(2).all(|w| w[0].end <= w[1].start));
        DocText {
            text: Arc::clone(&doc.text),
            passages: Arc::from(passages),
        }
    }

    /// Passage `i`'s text.
    pub fn passage_text(&self, i: usize) -> &str {
        (self.range(i))
            .and_then(|r| self.text.get(r))
            .unwrap_or_default()
    }

    /// Passage `i`'s byte range in the text.
    fn range(&self, i: usize) -> Option<Range<usize>> {
        let p = self.passages.get(i)?;
        Some(p.start as usize..p.end as usize)
    }
}

/// The blocks of `doc` that are passages of its searchable text: not a rule, not the speaker
/// line under a block quote (its name is the quote's, not the text's), not blank.
fn searched(doc: &Document) -> impl Iterator<Item = &Block> {
    doc.blocks.iter().filter(|block| {
        !matches!(block.kind, BlockKind::Rule | BlockKind::Attribution)
            && !doc.text_of(block).trim().is_empty()
    })
}

fn narrow(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Every open document's searchable text, in the app's document order.
#[derive(Debug, Clone, Default)]
pub struct TextIndex {
    /// One per document.
    pub docs: Vec<DocText>,
}

/// One passage that holds the query.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextHit {
    /// The document (its index in the app's list).
    pub doc: u32,
    /// The passage in that document's [`DocText`].
    pub passage: u32,
    /// Higher is better.
    pub score: f32,
}

impl TextIndex {
    /// The bytes of text held.
    pub fn bytes(&self) -> usize {
        self.docs.iter().map(|d| d.text.len()).sum()
    }

    /// Every passage that holds `query`, best first (ties in document order); on `threads`
    /// threads. An empty query, or one of exclusions only, finds nothing.
    pub fn search(&self, query: &str, threads: usize) -> Vec<TextHit> {
        let Some(plan) = Plan::new(query) else {
            return Vec::new();
        };
        let threads = threads.clamp(1, 16).min(self.docs.len().max(1));
        let mut hits = if threads == 1 {
            let mut hits = Vec::new();
            for (d, doc) in self.docs.iter().enumerate() {
                plan.search_doc(d, doc, &mut hits);
            }
            hits
        } else {
            // Chunks of documents taken in turn, so that a thread with large ones does not
            // leave the others idle; the chunks are put back in document order after.
            let next = std::sync::atomic::AtomicUsize::new(0);
            let chunk = (self.docs.len() / (threads * 8)).max(1);
            let mut parts: Vec<(usize, Vec<TextHit>)> = std::thread::scope(|s| {
                let workers: Vec<_> = (0..threads)
                    .map(|_| {
                        s.spawn(|| {
                            let mut parts = Vec::new();
                            loop {
                                let at =
                                    next.fetch_add(chunk, std::sync::atomic::Ordering::Relaxed);
                                if at >= self.docs.len() {
                                    break parts;
                                }
                                let mut hits = Vec::new();
                                let end = (at + chunk).min(self.docs.len());
                                for d in at..end {
                                    plan.search_doc(d, &self.docs[d], &mut hits);
                                }
                                parts.push((at, hits));
                            }
                        })
                    })
                    .collect();
                workers
                    .into_iter()
                    .flat_map(|w| w.join().unwrap_or_default())
                    .collect()
            });
            parts.sort_unstable_by_key(|(at, _)| *at);
            // At its exact size, each part freed once moved: a common word's hits are
            // megabytes, and the peak memory of a search counts them.
            let mut hits = Vec::with_capacity(parts.iter().map(|(_, h)| h.len()).sum());
            for (_, part) in parts {
                hits.extend(part);
            }
            hits
        };
        rank(&mut hits);
        hits
    }
}

/// What a query matched in a passage's text, as byte ranges in order (for highlighting).
pub fn matches(text: &str, query: &str) -> Vec<Range<usize>> {
    let Some(plan) = Plan::new(query) else {
        return Vec::new();
    };
    let mut ranges: Vec<Range<usize>> = Vec::new();
    for group in &plan.groups {
        for m in group {
            if !m.term.negated {
                m.each(text, |r| ranges.push(r));
            }
        }
    }
    ranges.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    // Overlapping matches (a word that is also part of a phrase) become one range.
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

/// A term ready to match.
struct Matcher {
    term: Term,
    finder: Finder,
}

enum Finder {
    /// Case-sensitive, or a term with no ASCII letter to fold.
    Exact(Box<memmem::Finder<'static>>),
    /// ASCII case folded.
    Folded(Box<Folded>),
    /// `^`, `$`, `^…$`: a comparison at the passage's edge.
    Edge,
}

impl Matcher {
    fn new(term: Term) -> Option<Matcher> {
        let finder = match term.kind {
            Kind::Prefix | Kind::Suffix | Kind::Whole => Finder::Edge,
            Kind::Fuzzy | Kind::Exact
                if term.case_sensitive || !term.text.bytes().any(|b| b.is_ascii_alphabetic()) =>
            {
                Finder::Exact(Box::new(
                    memmem::Finder::new(term.text.as_bytes()).into_owned(),
                ))
            }
            Kind::Fuzzy | Kind::Exact => Finder::Folded(Box::new(Folded::new(&term.text)?)),
        };
        Some(Matcher { term, finder })
    }

    /// Calls `found` with each match in `text`, in order.
    fn each(&self, text: &str, mut found: impl FnMut(Range<usize>)) {
        let word_start = self.term.kind == Kind::Fuzzy;
        let mut keep = |r: Range<usize>| {
            if !word_start || starts_word(text, r.start) {
                found(r);
            }
        };
        match &self.finder {
            Finder::Exact(f) => {
                let n = f.needle().len();
                for at in f.find_iter(text.as_bytes()) {
                    keep(at..at + n);
                }
            }
            Finder::Folded(f) => f.each(text.as_bytes(), keep),
            Finder::Edge => {
                if let Some(r) = find_exact(text, 0, &self.term) {
                    found(r);
                }
            }
        }
    }

    /// What the match `r` in `text` weighs: a whole word twice a word's start.
    fn weight(&self, text: &str, r: &Range<usize>) -> f32 {
        if self.term.kind != Kind::Fuzzy || ends_word(text, r.end) {
            1.0
        } else {
            0.5
        }
    }

    /// How many times it matches in `text`.
    fn count(&self, text: &str) -> u32 {
        let mut n = 0;
        self.each(text, |_| n += 1);
        n
    }
}

/// An ASCII-case-insensitive substring search for one term, leftmost first and without
/// overlaps (as aho-corasick's with `ascii_case_insensitive` finds them).
///
/// aho-corasick folds case by scanning for the term's first byte in either case, which
/// for a common letter stops every few bytes; here every case of the term's first bytes
/// is handed to its packed (Teddy, SIMD) searcher, which stops only where those bytes
/// are, and the rest is compared folded. That is what brings a common word under 50 ms
/// on `benches/text_search.rs`.
struct Folded {
    needle: Box<[u8]>,
    /// Where the needle's first bytes are, in any case; `None` without SIMD (aho-corasick
    /// then folds).
    start: Option<packed::Searcher>,
    slow: AhoCorasick,
}

/// How many of a term's first bytes the packed searcher looks for (its fingerprints are
/// at most three bytes long; every case of three letters is eight patterns).
const FOLDED_PREFIX: usize = 3;

impl Folded {
    fn new(needle: &str) -> Option<Folded> {
        let needle = needle.as_bytes();
        let prefix = &needle[..needle.len().min(FOLDED_PREFIX)];
        let mut cases: Vec<Vec<u8>> = vec![Vec::new()];
        for &b in prefix {
            let (lower, upper) = (b.to_ascii_lowercase(), b.to_ascii_uppercase());
            if lower == upper {
                cases.iter_mut().for_each(|c| c.push(b));
            } else {
                cases = (cases.into_iter())
                    .flat_map(|c| {
                        let mut other = c.clone();
                        other.push(upper);
                        let mut c = c;
                        c.push(lower);
                        [c, other]
                    })
                    .collect();
            }
        }
        let start = packed::Config::new()
            .match_kind(packed::MatchKind::LeftmostFirst)
            .only_teddy(true)
            .builder()
            .extend(&cases)
            .build();
        let slow = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostFirst)
            .build([needle])
            .ok()?;
        Some(Folded {
            needle: needle.into(),
            start,
            slow,
        })
    }

    /// Calls `found` with each match in `hay`, in order.
    fn each(&self, hay: &[u8], mut found: impl FnMut(Range<usize>)) {
        let Some(start) = &self.start else {
            for m in self.slow.find_iter(hay) {
                found(m.range());
            }
            return;
        };
        let n = self.needle.len();
        let mut at = 0;
        while at + n <= hay.len() {
            let Some(m) = start.find_in(hay, Span::from(at..hay.len())) else {
                return;
            };
            let i = m.start();
            if (hay.get(i..i + n)).is_some_and(|w| w.eq_ignore_ascii_case(&self.needle)) {
                found(i..i + n);
                at = i + n;
            } else {
                at = i + 1;
            }
        }
    }
}

/// True when byte `at` of `text` starts a word: no letter or digit just before it.
fn starts_word(text: &str, at: usize) -> bool {
    text.get(..at)
        .and_then(|before| before.chars().next_back())
        .is_none_or(|c| !c.is_alphanumeric())
}

/// True when the match ending at byte `end` ends a word.
fn ends_word(text: &str, end: usize) -> bool {
    text.get(end..)
        .and_then(|after| after.chars().next())
        .is_none_or(|c| !c.is_alphanumeric())
}

/// A parsed query, its terms ready to match.
struct Plan {
    /// Groups that must all match (a group: any of its terms), exclusions apart.
    groups: Vec<Vec<Matcher>>,
    /// Terms whose passages are left out.
    excluded: Vec<Matcher>,
    /// The group searched for in the whole text (one term, not excluded): the others are
    /// only checked in the passages it finds. `None`: every passage is checked.
    lead: Option<usize>,
}

impl Plan {
    fn new(query: &str) -> Option<Plan> {
        let query = Query::parse(query);
        let mut groups = Vec::new();
        let mut excluded = Vec::new();
        for group in query.groups {
            let (out, keep): (Vec<Term>, Vec<Term>) = group.into_iter().partition(|t| t.negated);
            excluded.extend(out.into_iter().filter_map(Matcher::new));
            let keep: Vec<Matcher> = keep.into_iter().filter_map(Matcher::new).collect();
            if !keep.is_empty() {
                groups.push(keep);
            }
        }
        if groups.is_empty() {
            return None;
        }
        // The longest lone term leads: the longer a term, the fewer places it is found.
        let lead = (groups.iter().enumerate())
            .filter(|(_, g)| g.len() == 1 && !matches!(g[0].finder, Finder::Edge))
            .max_by_key(|(_, g)| g[0].term.text.len())
            .map(|(i, _)| i);
        Some(Plan {
            groups,
            excluded,
            lead,
        })
    }

    fn search_doc(&self, d: usize, doc: &DocText, hits: &mut Vec<TextHit>) {
        let mut push = |p: usize, score: f32| {
            hits.push(TextHit {
                doc: narrow(d),
                passage: narrow(p),
                score,
            })
        };
        let Some(lead) = self.lead else {
            for (p, passage) in doc.passages.iter().enumerate() {
                if let Some(score) = self.score(doc.passage_text(p), passage, None) {
                    push(p, score);
                }
            }
            return;
        };
        // The lead term's matches come in text order: each is weighed as it is found and
        // put in its passage by moving along the passages, and a passage is scored once
        // its last match is past, without searching it for the lead term again.
        let passages = &doc.passages[..];
        let m = &self.groups[lead][0];
        let mut p = 0;
        let mut current: Option<(usize, f32)> = None;
        let mut finish = |(p, weight): (usize, f32)| {
            if let Some(score) = self.score(doc.passage_text(p), &passages[p], Some((lead, weight)))
            {
                push(p, score);
            }
        };
        m.each(&doc.text, |r| {
            while passages
                .get(p + 1)
                .is_some_and(|q| q.start as usize <= r.start)
            {
                p += 1;
            }
            // A match before the first passage, or not wholly inside its passage (in text
            // between passages), is no passage's.
            if passages
                .get(p)
                .is_none_or(|q| r.start < q.start as usize || r.end > q.end as usize)
            {
                return;
            }
            let w = m.weight(&doc.text, &r);
            match &mut current {
                Some((at, weight)) if *at == p => *weight += w,
                _ => {
                    if let Some(done) = current.replace((p, w)) {
                        finish(done);
                    }
                }
            }
        });
        if let Some(done) = current {
            finish(done);
        }
    }

    /// The passage's score, or `None` when it does not hold the query. `lead`: a group
    /// whose weight in this passage is known already.
    ///
    /// BM25's term weight without its document frequency (every hit holds every group):
    /// each match counts less than the one before, a whole word twice a word's start, and
    /// a long passage's matches less than a short one's; a heading counts double.
    fn score(&self, text: &str, passage: &Passage, lead: Option<(usize, f32)>) -> Option<f32> {
        if self.excluded.iter().any(|m| m.count(text) > 0) {
            return None;
        }
        const K1: f32 = 1.2;
        const B: f32 = 0.75;
        const AVERAGE: f32 = 300.0;
        let norm = K1 * (1.0 - B + B * text.len() as f32 / AVERAGE);
        let mut score = 0.0;
        for (g, group) in self.groups.iter().enumerate() {
            let weight = match lead {
                Some((lead, weight)) if lead == g => weight,
                _ => {
                    let mut weight = 0.0;
                    for m in group {
                        m.each(text, |r| weight += m.weight(text, &r));
                    }
                    weight
                }
            };
            if weight == 0.0 {
                return None;
            }
            score += weight * (K1 + 1.0) / (weight + norm);
        }
        if passage.heading() {
            score *= 2.0;
        }
        Some(score.max(f32::MIN_POSITIVE))
    }
}

/// Sorts `hits` best first, hits of equal score kept in the order given.
///
/// A library's common word is found in hundreds of thousands of passages; a comparison
/// sort of them takes longer than finding them (`benches/text_search.rs`). This is a
/// stable radix sort on the score's bits (a score is positive and finite, so its bits
/// sort as it does), eleven bits at a time, a pass left out where every hit has the same
/// eleven.
fn rank(hits: &mut Vec<TextHit>) {
    let key = |h: &TextHit| !h.score.to_bits();
    if hits.len() < 1 << 12 {
        hits.sort_by_key(key);
        return;
    }
    let mut from = std::mem::take(hits);
    let mut to = from.clone();
    for shift in [0, 11, 22] {
        let digit = |h: &TextHit| (key(h) >> shift) as usize & 0x7ff;
        let mut starts = vec![0usize; 0x800];
        for h in &from {
            starts[digit(h)] += 1;
        }
        if starts.contains(&from.len()) {
            continue;
        }
        let mut sum = 0;
        for n in &mut starts {
            (*n, sum) = (sum, sum + *n);
        }
        for h in &from {
            let slot = &mut starts[digit(h)];
            to[*slot] = *h;
            *slot += 1;
        }
        std::mem::swap(&mut from, &mut to);
    }
    *hits = from;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(texts: &[&str]) -> TextIndex {
        TextIndex {
            docs: texts
                .iter()
                .map(|t| DocText::of(&crate::document::load("t.md", t)))
                .collect(),
        }
    }

    fn found(index: &TextIndex, query: &str) -> Vec<String> {
        (index.search(query, 1).iter())
            .map(|h| {
                index.docs[h.doc as usize]
                    .passage_text(h.passage as usize)
                    .to_string()
            })
            .collect()
    }

    #[test]
    fn a_word_matches_at_the_start_of_words_in_any_case() {
        let i = index(&["Compute was short.\n\nThey recomputed it.\n\nComputing power."]);
        let mut words = found(&i, "comput");
        words.sort();
        assert_eq!(words, ["Compute was short.", "Computing power."]);
        assert_eq!(found(&i, "'comput").len(), 3);
        assert!(found(&i, "Comput").iter().all(|p| p.starts_with("Comput")));
    }

    #[test]
    fn phrases_exclusions_and_alternatives() {
        let i = index(&["safety culture matters\n\nculture of safety\n\nsafety first"]);
        assert_eq!(found(&i, "\"safety culture\""), ["safety culture matters"]);
        assert_eq!(found(&i, "safety !culture"), ["safety first"]);
        assert_eq!(found(&i, "first | matters").len(), 2);
        assert!(found(&i, "!safety").is_empty());
        assert!(found(&i, "").is_empty());
    }

    #[test]
    fn more_matches_and_shorter_passages_rank_first() {
        let i = index(&[
            "Risk is mentioned once in this rather long paragraph about many other things.\n\n\
             Risk, risk and more risk.\n\n# Risk",
        ]);
        assert_eq!(
            found(&i, "risk"),
            [
                "Risk",
                "Risk, risk and more risk.",
                "Risk is mentioned once in this rather long paragraph about many other things."
            ]
        );
    }

    #[test]
    fn highlights_are_the_matched_bytes() {
        assert_eq!(
            matches("The safety culture of safety", "safety \"culture of\""),
            [4..10, 11..21, 22..28]
        );
        assert_eq!(matches("Ünïcode ünïcode", "'nïc"), [2..6, 12..16]);
    }

    #[test]
    fn a_phrase_does_not_cross_passages() {
        let i = index(&["ends with safety\n\nculture begins"]);
        assert!(found(&i, "\"safety culture\"").is_empty());
    }

    #[test]
    fn many_threads_give_the_order_one_does() {
        let docs: Vec<String> = (0..50)
            .map(|n| format!("# Doc {n}\n\nrisk {}\n\nno\n", "risk ".repeat(n % 7)))
            .collect();
        let refs: Vec<&str> = docs.iter().map(String::as_str).collect();
        let i = index(&refs);
        assert_eq!(i.search("risk", 1), i.search("risk", 4));
    }

    #[test]
    fn the_radix_sort_orders_as_a_stable_sort_does() {
        // Enough hits for the radix sort, with ties in every digit.
        let mut hits: Vec<TextHit> = (0..20_000u32)
            .map(|i| TextHit {
                doc: i,
                passage: 0,
                score: ((i.wrapping_mul(2_654_435_761) >> 20) % 997) as f32 / 7.0 + 0.01,
            })
            .collect();
        let mut sorted = hits.clone();
        sorted.sort_by_key(|h| std::cmp::Reverse(h.score.to_bits()));
        rank(&mut hits);
        assert_eq!(hits, sorted);
    }

    #[test]
    fn folded_search_finds_what_aho_corasick_does() {
        let text = "Sasafras sasasafras SAID said, unsaid saidsaid ßaid Said";
        for needle in ["sasafras", "said", "sa", "s", "aid", "ßai"] {
            let ac = AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostFirst)
                .build([needle])
                .unwrap();
            let want: Vec<Range<usize>> = ac.find_iter(text).map(|m| m.range()).collect();
            let mut got = Vec::new();
            Folded::new(needle)
                .unwrap()
                .each(text.as_bytes(), |r| got.push(r));
            assert_eq!(got, want, "{needle}");
        }
    }

    #[test]
    fn a_passage_is_sixteen_bytes_and_ends_before_the_next() {
        assert_eq!(std::mem::size_of::<Passage>(), 16);
        let i = index(&["# One\n\nTwo words.\n\n---\n\nThree"]);
        let d = &i.docs[0];
        let texts: Vec<&str> = (0..d.passages.len()).map(|p| d.passage_text(p)).collect();
        assert_eq!(texts, ["One", "Two words.", "Three"]);
        let headings: Vec<bool> = d.passages.iter().map(Passage::heading).collect();
        assert_eq!(headings, [true, false, false]);
        let sections: Vec<Option<usize>> = d.passages.iter().map(Passage::section).collect();
        assert_eq!(sections, [Some(0), Some(0), Some(0)]);
        assert_eq!(d.passage_text(3), "");
    }

    /// A document's own text, shared, is searched as its copy is: the same passages and
    /// hits, though the shared text also holds what is no passage (a rule, a blank item, a
    /// block quote's speaker after it all).
    #[test]
    fn the_shared_text_finds_what_the_copy_does() {
        let mut texts = crate::synthetic::fixture_texts();
        texts.push("> “We knew,” she said.\n>\n> — Ada Byron\n\n- \n\n---\n\nByron again".into());
        let docs: Vec<Document> = texts
            .iter()
            .map(|t| crate::document::load("t.md", t))
            .collect();
        let copied = TextIndex {
            docs: docs.iter().map(DocText::of).collect(),
        };
        let shared = TextIndex {
            docs: docs.iter().map(DocText::sharing).collect(),
        };
        for (a, b) in copied.docs.iter().zip(&shared.docs) {
            let texts = |d: &DocText| -> Vec<String> {
                (0..d.passages.len())
                    .map(|p| d.passage_text(p).to_string())
                    .collect()
            };
            assert_eq!(texts(a), texts(b));
        }
        let queries = [
            "said",
            "Byron",
            "ada",
            "\"she said\"",
            "'ear",
            "^we",
            "again$",
            "safety !openai",
            "2024",
            "leike | sutskever",
            "the",
            "e",
            "\"knew she\"",
        ];
        let mut hits = 0;
        for query in queries {
            let (a, b) = (copied.search(query, 1), shared.search(query, 1));
            assert_eq!(a, b, "{query}");
            hits += a.len();
        }
        assert!(hits > 100, "{hits}");
    }
}
