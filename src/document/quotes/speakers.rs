//! Who said a quote: the lead-in before it, the attribution after it, the section whose
//! statement it is; then every speaker resolved to a full name (a surname, a pronoun, a
//! quote that names no one and continues the one before).

use std::cell::OnceCell;

use rustc_hash::{FxHashMap, FxHashSet};

use super::spans::{
    Span, is_attribution_line, next_quotation_mark, opens_its_block, quoted_spans,
    quoted_spans_running_on, signature,
};
use super::{MIN_INLINE_WORDS, Pending};
use crate::document::names::{self, Directory, Who, grammar};
use crate::document::outline::{Outline, QuoteBlock};
use crate::document::{Block, BlockKind, Inline, QuoteKind, sentences};

/// Every quote's speaker as a full name, in the order of `found`: a name as the document
/// names the person in full; a pronoun as the person last named, in the quote's paragraph
/// or the one before; a quote that says nothing as the speaker of the quote before it,
/// when that is in the same paragraph or it opens the next one.
pub(super) fn resolve_speakers(
    outline: &Outline,
    found: &[&Pending],
    empty_quotes: &[usize],
    two_threads: bool,
) -> Vec<Option<String>> {
    // The surnames (and given names) whose full names are looked for in the text: of a name
    // alone or after a role; of a full name only where the text writes suffixes (`Walter
    // Pryce` → `Walter Pryce, Jr.`), which most never do.
    let suffixed = names::has_suffixes(&outline.text);
    let short: Vec<&str> = found
        .iter()
        .filter_map(|p| match &p.who {
            Some(Who::Subject(s)) => Some(s.as_str()),
            Some(Who::Named(s)) => {
                let alone =
                    !s.contains(' ') || names::is_titled(s) || names::particle_surname(s).is_some();
                (alone || suffixed)
                    .then(|| s.split_whitespace().next_back())
                    .flatten()
            }
            _ => None,
        })
        .collect();
    let directory = (!short.is_empty()).then(|| directory(outline, short, two_threads));
    let mut out: Vec<Option<String>> = Vec::with_capacity(found.len());
    let mut people = names::People::default();
    // Each speaker's last quote so far, and the speakers by surname.
    let mut last_quoted: rustc_hash::FxHashMap<String, usize> = Default::default();
    let mut quoted_as: rustc_hash::FxHashMap<String, Vec<String>> = Default::default();
    // What is looked up in the whole text, once per document, head word, office or gender.
    let mut lookups = Lookups::new(outline);
    // Everyone named in full, for an interview label's or a signature's initials.
    let mut named: Option<Vec<String>> = None;
    // Each name asked whether it opens with what the person is, and the name without it.
    let mut roles_asked: FxHashMap<String, Option<String>> = Default::default();
    // The nicknames the text writes inside full names, found at the first name alone that
    // no full name has (one pass over the text).
    let mut nicknames: Option<FxHashMap<String, Option<String>>> = None;
    // Pairs of full names asked whether one line writes both (see `side_by_side`).
    let mut pairs_asked: FxHashMap<(String, String), bool> = Default::default();
    for p in found {
        let (s, must_resolve) = match &p.who {
            Some(Who::Named(s)) => (s, false),
            Some(Who::Subject(s)) => (s, true),
            _ => {
                out.push(None);
                continue;
            }
        };
        let mut written = names::as_written_name(s);
        // `the Ministry said`: the Ministry the document names in full. A head word the
        // document names no one body by is no surname to look for (`the union` is not the
        // `European Union`).
        let mut head_only = false;
        if !written.contains(' ') && names::is_organisation_head(&written) {
            match lookups.organisation(&written) {
                Some(whole) => written = whole,
                None => head_only = true,
            }
        }
        let titled = names::is_titled(&written);
        let full = match &directory {
            // `Minister Bell`, `Ms Morrow`: the one Bell (Morrow) the text names in full, when
            // that can be them: the title's gender allows it, and a form of address stands
            // for no one whose family the text speaks of (`Mr. Lindqvist` may be Erik
            // Lindqvist's grandfather).
            Some(dir) if titled => {
                let surname = written.split_whitespace().next_back().unwrap_or_default();
                let title = written.split_whitespace().next().unwrap_or_default();
                // Of several, those the title's gender allows (`Mrs Mistry` of `Sunita and
                // Dev Mistry`).
                let gender = names::given::of_honorific(title);
                let every = dir.candidates(surname);
                let mut candidates = names::without_initials_of_others(&every);
                if candidates.len() == 1
                    && every.len() == 2
                    && side_by_side(outline, &every, &mut pairs_asked)
                {
                    candidates = every;
                }
                candidates.retain(|c| names::gender_allows(c, gender));
                // `General Howard` of `Charles Howard` and `Brigadier General Oliver Otis
                // Howard`: the one the text writes with that title.
                if candidates.len() > 1 {
                    let titled: Vec<&str> = candidates
                        .iter()
                        .copied()
                        .filter(|c| lookups.written_with_title(title, c))
                        .collect();
                    if titled.len() == 1 {
                        candidates = titled;
                    }
                }
                match candidates.as_slice() {
                    [one] => {
                        // Unless the paragraph names them in full before the quote (`English
                        // Teacher Jamie Woods weighed in. … says Ms. Woods.`).
                        let named_before = || {
                            let block = outline.blocks.get(p.blocks.start);
                            let text = block.map_or("", |b| outline.text_of(b));
                            text.get(..p.at).is_some_and(|t| t.contains(one))
                        };
                        let of_kin = names::is_addressed(&written)
                            && lookups.beside_kin(gender, surname)
                            && !named_before();
                        match of_kin {
                            true => written,
                            false => one.to_string(),
                        }
                    }
                    _ => written,
                }
            }
            Some(dir) if !titled && !head_only => {
                let every = dir.candidates(&written);
                let mut candidates: Vec<&str> = names::without_initials_of_others(&every);
                // `mother Mary Smith and daughter Mary Ann Smith`: one name with a middle name
                // left out is another person where the text writes the two side by side.
                if candidates.len() == 1
                    && every.len() == 2
                    && side_by_side(outline, &every, &mut pairs_asked)
                {
                    candidates = every;
                }
                if !written.contains(' ') {
                    // Those already quoted under that surname count too (`Mr. Reyes`).
                    for said in quoted_as.get(written.as_str()).into_iter().flatten() {
                        if !candidates.contains(&said.as_str()) {
                            candidates.push(said);
                        }
                    }
                }
                match candidates.as_slice() {
                    [one] => one.to_string(),
                    // `Matz said`, where the text writes `Yukihiro “Matz” Matsumoto`.
                    [] if !written.contains(' ') => nicknames
                        .get_or_insert_with(|| names::nicknames_in(&outline.text))
                        .get(&written)
                        .cloned()
                        .flatten()
                        .unwrap_or(written),
                    [] => written,
                    // Several people share the name: the one the text last named before the
                    // quote, if it says who; else the one quoted last, if any.
                    several => {
                        let before = outline
                            .blocks
                            .get(p.blocks.start)
                            .map_or(0, |b| b.text_range().start + p.at);
                        match lookups.last_named(several, &written, before) {
                            Some(named) => named.to_string(),
                            None => several
                                .iter()
                                .filter_map(|c| last_quoted.get(*c).map(|&at| (at, *c)))
                                .max()
                                .map_or(written, |(_, c)| c.to_string()),
                        }
                    }
                }
            }
            _ => written,
        };
        // `J.R. Halloway` (a letter's signature) is the `Joseph R. Halloway` the text names.
        let full = match names::opens_with_initials(&full) {
            true => {
                let named = named.get_or_insert_with(|| named_in_full(outline));
                names::in_full_of_initials(&full, named).unwrap_or(full)
            }
            false => full,
        };
        // A subject with no reporting verb speaks only as someone the document names.
        if must_resolve && !full.contains(' ') {
            out.push(None);
            continue;
        }
        // `Councilmember Tricia Cavanaugh`, `Republican Ruth Calloway`: the person.
        let full = names::without_description(&full).to_string();
        // `Queditor Alex Blum`, where the text speaks of `the Queditors`: a first word that is
        // no known given name, before one that is, and that the text uses as a common noun,
        // is what the person is.
        // (Asked once a name, and of a few dozen names at most: each asking searches the
        // whole text.)
        let asked = roles_asked.len();
        let full = match roles_asked.entry(full.clone()) {
            std::collections::hash_map::Entry::Occupied(known) => {
                known.get().clone().unwrap_or(full)
            }
            std::collections::hash_map::Entry::Vacant(new) if asked < ROLES_ASKED => {
                let stripped = role_before_given_name(outline, &full).map(str::to_string);
                new.insert(stripped).clone().unwrap_or(full)
            }
            std::collections::hash_map::Entry::Vacant(_) => full,
        };
        // `Respondents noted that "…"`: a word the text also writes in lower case nearby is
        // a common noun opening its sentence, not a name.
        if !full.contains(' ') && common_noun_nearby(outline, p, &full) {
            out.push(None);
            continue;
        }
        // Two people who said it together are each quoted, each under their own surname.
        for person in names::each_person(&full) {
            last_quoted.insert(person.to_string(), out.len());
            let surname = names::surname_of(person).to_string();
            let under = quoted_as.entry(surname).or_default();
            if !under.iter().any(|p| p == person) {
                under.push(person.to_string());
            }
            people.add(person);
        }
        people.add(&full);
        out.push(Some(full));
    }
    // Everyone the document names in full, and the speakers: who a pronoun can stand for.
    let mut everyone: Option<names::People> = None;
    // Whom an interview set as questions in bold and answers in quotation marks is with.
    let interview: OnceCell<Option<String>> = OnceCell::new();
    // Where each section's answers under topics in bold start, and whose they are.
    let mut topic_firsts: Option<FxHashMap<Option<usize>, usize>> = None;
    let mut topics: FxHashMap<Option<usize>, Option<String>> = FxHashMap::default();
    for k in 0..found.len() {
        let p = &found[k];
        let speaker = match &p.who {
            Some(Who::Named(_) | Who::Subject(_)) => continue,
            Some(Who::Nobody) => None,
            Some(Who::Body) => body_before(outline, found, k, &mut lookups),
            Some(Who::Narrator) => {
                let label = outline
                    .blocks
                    .get(p.blocks.start)
                    .and_then(|b| label_of(outline, b));
                label.and_then(|label| {
                    let named = named.get_or_insert_with(|| named_in_full(outline));
                    match names::expand_label(&label, named) {
                        Some(Who::Named(name)) => Some(name),
                        _ => None,
                    }
                })
            }
            Some(Who::Office(office)) => {
                let at = outline
                    .blocks
                    .get(p.blocks.start)
                    .map_or(0, |b| b.text_range().start + p.at);
                lookups.holder(office, at)
            }
            Some(Who::Pronoun(gender)) => {
                let everyone = everyone.get_or_insert_with(|| everyone_named(outline, &out));
                // `Professor Cheung … He said`: the full name the text gives the person.
                antecedent(outline, found, &out, everyone, k, *gender, &mut lookups)
                    .map(|name| as_named_in_full(name, everyone, &mut lookups))
            }
            None => continued(outline, found, empty_quotes, &out, &people, k)
                .or_else(|| {
                    if !answers_a_question(outline, found[k]) {
                        return None;
                    }
                    let everyone = everyone.get_or_insert_with(|| everyone_named(outline, &out));
                    interview
                        .get_or_init(|| interviewee(outline, found, everyone))
                        .clone()
                })
                .or_else(|| {
                    follows_a_topic(outline, found[k])?;
                    // Worked out at a section's first answer: every quote before it has its
                    // speaker by then.
                    let section = found[k].quote.section;
                    let firsts = topic_firsts.get_or_insert_with(|| topic_answers(outline, found));
                    let first = *firsts.get(&section)?;
                    topics
                        .entry(section)
                        .or_insert_with(|| topic_speaker(found, &out, section, first))
                        .clone()
                })
                .or_else(|| introduced_before(outline, found[k]))
                .or_else(|| {
                    // `She has a week left on the project.` then `“It’s been a weird thing …”`.
                    let gender = pronoun_introduced_before(outline, found[k])?;
                    let everyone = everyone.get_or_insert_with(|| everyone_named(outline, &out));
                    antecedent(
                        outline,
                        found,
                        &out,
                        everyone,
                        k,
                        Some(gender),
                        &mut lookups,
                    )
                    .map(|name| as_named_in_full(name, everyone, &mut lookups))
                }),
        };
        out[k] = speaker;
    }
    // A pull quote: a block quote that names no one and repeats words a quote near it gives
    // someone (before it or after), in a case study's or a magazine's way.
    for k in 0..found.len() {
        if out[k].is_none() && found[k].who.is_none() && found[k].quote.kind == QuoteKind::Block {
            out[k] = pulled_from(found, &out, k);
        }
    }
    // An article made of an interview (`The paper talked with Principal Jane Doe …`) whose
    // block quotes are all hers where they say whose: those that name no one are hers too.
    let unnamed_blocks: Vec<usize> = (0..found.len())
        .filter(|&k| {
            out[k].is_none() && found[k].who.is_none() && found[k].quote.kind == QuoteKind::Block
        })
        .collect();
    if let Some(&first) = unnamed_blocks.first() {
        let everyone = everyone.get_or_insert_with(|| everyone_named(outline, &out));
        let before = found[first].blocks.start;
        if let Some(person) = interviewed_before(outline, before, everyone) {
            let others = out.iter().flatten().any(|s| *s != person);
            let theirs = out.iter().flatten().any(|s| *s == person);
            if theirs && !others {
                for k in unnamed_blocks {
                    out[k] = Some(person.clone());
                }
            }
        }
    }
    // `Maestro David Sloss`, `Sister Geraldine Tan`: a title of a calling is no part of a
    // full name (kept before a name that is no known given name: `Sister Cities
    // International`, `Cardinal Glennon Children's Hospital`).
    for name in out.iter_mut().flatten() {
        if let Some(without) = names::without_title_of_calling(name) {
            *name = without;
        }
    }
    out
}

/// The speaker of the quote near quote `k` (a few quotes either way) whose words hold all of
/// `k`'s, compared as letters and digits alone, in any case.
fn pulled_from(found: &[&Pending], out: &[Option<String>], k: usize) -> Option<String> {
    /// How many quotes either way are looked at.
    const NEAR: usize = 8;
    /// The fewest letters a pull quote has: a phrase is no pull quote.
    const SHORTEST: usize = 24;
    let words = |text: &str| -> String {
        let mut plain = String::with_capacity(text.len());
        for word in text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            if !plain.is_empty() {
                plain.push(' ');
            }
            plain.extend(word.chars().flat_map(char::to_lowercase));
        }
        plain
    };
    let pulled = words(&found[k].quote.text);
    if pulled.len() < SHORTEST {
        return None;
    }
    let near = k.saturating_sub(NEAR)..(k + NEAR + 1).min(found.len());
    let mut speakers = near
        .filter(|&j| j != k)
        .filter_map(|j| Some((out[j].as_ref()?, j)))
        // Its letters and digits are no more than its text: a shorter one cannot hold them.
        .filter(|&(_, j)| found[j].quote.text.len() >= pulled.len())
        .filter(|&(_, j)| words(&found[j].quote.text).contains(&pulled))
        .map(|(speaker, _)| speaker);
    let first = speakers.next()?;
    // Words two people said are no one's in particular.
    speakers.all(|s| s == first).then(|| first.clone())
}

/// Whether one line of the outline's text writes both `names` (two people, not one written
/// two ways). Each pair is asked once, and a document's first [`PAIRS_ASKED`] pairs only:
/// each asking reads the whole text.
fn side_by_side(
    outline: &Outline,
    names: &[&str],
    asked: &mut FxHashMap<(String, String), bool>,
) -> bool {
    let [a, b] = names else {
        return false;
    };
    let key = (a.to_string(), b.to_string());
    if let Some(&known) = asked.get(&key) {
        return known;
    }
    if asked.len() >= PAIRS_ASKED {
        return false;
    }
    let both = outline
        .text
        .lines()
        .any(|line| line.contains(a) && line.contains(b));
    asked.insert(key, both);
    both
}

/// Whether `word`, capitalised, is written in lower case as a word of its own in quote `p`'s
/// block or the few blocks before it in its section: a common noun (`Respondents` beside
/// `most respondents`), not a name.
fn common_noun_nearby(outline: &Outline, p: &Pending, word: &str) -> bool {
    /// How many blocks before the quote's are read.
    const REACH: usize = 8;
    let lower = word.to_lowercase();
    if lower == word || !word.chars().all(char::is_alphabetic) {
        return false;
    }
    let blocks = p.blocks.start.saturating_sub(REACH)..p.blocks.end;
    outline.blocks[blocks.start..blocks.end.min(outline.blocks.len())]
        .iter()
        .filter(|b| b.section() == p.quote.section)
        .any(|b| {
            outline
                .text_of(b)
                .split(|c: char| !c.is_alphabetic())
                .any(|w| w == lower)
        })
}

/// What [`resolve_speakers`] looks up in the whole text of a document, once per head word,
/// office or gender however many quotes ask: a search of megabytes each time would make a big
/// document's load quadratic.
pub(super) struct Lookups<'o> {
    outline: &'o Outline,
    /// Where the text names each office's holders (see [`names::holders_of`]).
    offices: FxHashMap<&'static str, Vec<(usize, String)>>,
    /// The words written before a company's suffix (see [`names::company_words`]).
    companies: Option<FxHashSet<&'o str>>,
    /// Each head word and the organisation it stands for (see [`names::organisation_in_full`]).
    organisations: FxHashMap<String, Option<String>>,
    /// For each gender a title gives, the words of every paragraph or list item that speaks
    /// of kin of that gender (see [`names::words_beside_kin`]).
    kin: FxHashMap<Option<names::given::Gender>, FxHashSet<&'o str>>,
    /// Each given name written alone and the full names the text writes with it (see
    /// [`names::full_names_of_given`]), looked for once a name.
    full_names: FxHashMap<String, Vec<String>>,
    /// Whether the text writes a title before a full name (see
    /// [`Lookups::written_with_title`]), searched for once a pair: each search reads the
    /// whole text.
    titled: FxHashMap<(String, String), bool>,
}

impl<'o> Lookups<'o> {
    pub(super) fn new(outline: &'o Outline) -> Self {
        Lookups {
            outline,
            offices: FxHashMap::default(),
            companies: None,
            organisations: FxHashMap::default(),
            kin: FxHashMap::default(),
            full_names: FxHashMap::default(),
            titled: FxHashMap::default(),
        }
    }

    /// The full names the text writes with the given name `given`.
    fn full_names_of(&mut self, given: &str) -> &[String] {
        let outline = self.outline;
        self.full_names
            .entry(given.to_string())
            .or_insert_with(|| names::full_names_of_given(&outline.text, given))
    }

    /// Who holds `office` at byte `at` of the outline's text (see [`names::holder_at`]).
    fn holder(&mut self, office: &'static str, at: usize) -> Option<String> {
        let text = &self.outline.text;
        let holders = self
            .offices
            .entry(office)
            .or_insert_with(|| names::holders_of(text, office));
        names::holder_at(holders, at)
    }

    /// Whether `name` is an organisation's: by its words, or as a company the text writes
    /// with `Inc.` or `Ltd` (`Coastline Logistics`).
    fn is_organisation(&mut self, name: &str) -> bool {
        let text = &self.outline.text;
        let companies = self
            .companies
            .get_or_insert_with(|| names::company_words(text));
        names::is_body_name(name)
            || name
                .split_whitespace()
                .next()
                .is_some_and(|first| companies.contains(first))
    }

    /// The organisation the document names in full by `head` (`Ministry` → `Ministry of
    /// Water and Environment`), looked for in each prose block once per head word.
    fn organisation(&mut self, head: &str) -> Option<String> {
        if let Some(known) = self.organisations.get(head) {
            return known.clone();
        }
        let outline = self.outline;
        let texts = outline
            .blocks
            .iter()
            .filter(|b| !matches!(b.kind, BlockKind::Code { .. } | BlockKind::Html))
            .map(|b| outline.text_of(b));
        let whole = names::organisation_in_full(texts, head);
        self.organisations.insert(head.to_string(), whole.clone());
        whole
    }

    /// Whether a paragraph that names `surname` also speaks of kin of `gender` (`Mr.
    /// Lindqvist` beside `Erik Lindqvist … His grandfather`; `Ms Walsh` is none of `her two
    /// sons`).
    /// Which of `candidates` (full names that share the surname `surname`) the text last
    /// names before offset `before`: the last mention of the surname that says who, by the
    /// rest of a full name or by a title only one of them is written with (`General Howard`),
    /// past mentions of the surname alone. `None` when a title says nothing, or no mention
    /// near enough says who.
    fn last_named<'c>(
        &mut self,
        candidates: &[&'c str],
        surname: &str,
        before: usize,
    ) -> Option<&'c str> {
        /// How far back the mention is looked for.
        const REACH: usize = 4096;
        let text = self.outline.text.as_str();
        let before = before.min(text.len());
        let mut from = before.saturating_sub(REACH);
        while !text.is_char_boundary(from) {
            from -= 1;
        }
        let window = &text[from..before];
        let word_char = |c: char| c.is_alphanumeric();
        for at in memchr::memmem::rfind_iter(window.as_bytes(), surname.as_bytes()) {
            let (head, tail) = (&window[..at], &window[at + surname.len()..]);
            if head.ends_with(word_char) || tail.starts_with(word_char) {
                continue;
            }
            // `Howard University` is no mention of a Howard.
            let next = tail
                .trim_start_matches(['\'', '’', 's'])
                .trim_start_matches(' ');
            if tail.starts_with(' ') && next.starts_with(char::is_uppercase) {
                continue;
            }
            let head = head.trim_end();
            // The longest full name written there: `Oliver Otis Howard`, not `Otis Howard`.
            let named = candidates
                .iter()
                .filter(|c| {
                    c.strip_suffix(surname)
                        .map(str::trim_end)
                        .is_some_and(|given| {
                            !given.is_empty()
                                && head.ends_with(given)
                                && !head[..head.len() - given.len()].ends_with(word_char)
                        })
                })
                .max_by_key(|c| c.len());
            if let Some(c) = named {
                return Some(c);
            }
            let title = head.rsplit(char::is_whitespace).next().unwrap_or_default();
            if names::is_titled(&format!("{title} {surname}")) {
                let with: Vec<&str> = candidates
                    .iter()
                    .copied()
                    .filter(|c| self.written_with_title(title, c))
                    .collect();
                return (with.len() == 1).then(|| with[0]);
            }
            // The surname alone says no more: the mention before may.
        }
        None
    }

    /// `name`, a title and a surname several people named in `everyone` share, as the full
    /// name of the one the text writes with that title.
    fn titled_in_full(&mut self, name: &str, everyone: &names::People) -> Option<String> {
        if !names::is_titled(name) {
            return None;
        }
        let title = name.split_whitespace().next()?;
        let surname = name.split_whitespace().next_back()?;
        let with: Vec<&str> = everyone
            .with_surname(surname)
            .filter(|c| self.written_with_title(title, c))
            .collect();
        (with.len() == 1).then(|| with[0].to_string())
    }

    /// Whether the text writes `title` just before the full name `name` (`General` before
    /// `Oliver Otis Howard` in `Brigadier General Oliver Otis Howard`).
    fn written_with_title(&mut self, title: &str, name: &str) -> bool {
        let text = self.outline.text.as_str();
        let title = title.trim_end_matches('.');
        let key = (title.to_string(), name.to_string());
        if let Some(&known) = self.titled.get(&key) {
            return known;
        }
        let found = memchr::memmem::find_iter(text.as_bytes(), name.as_bytes()).any(|at| {
            let before = text[..at].trim_end_matches(' ').trim_end_matches('.');
            before.len() < at
                && before.ends_with(title)
                && !before[..before.len() - title.len()].ends_with(char::is_alphanumeric)
        });
        self.titled.insert(key, found);
        found
    }

    fn beside_kin(&mut self, gender: Option<names::given::Gender>, surname: &str) -> bool {
        let outline = self.outline;
        self.kin
            .entry(gender)
            .or_insert_with(|| {
                outline
                    .blocks
                    .iter()
                    .filter(|b| matches!(b.kind, BlockKind::Paragraph | BlockKind::Item { .. }))
                    .flat_map(|b| names::words_beside_kin(outline.text_of(b), gender))
                    .collect()
            })
            .contains(surname)
    }
}

/// The organisation `it` stands for in quote `k`'s attribution (`The Association of Scooter
/// Operators disagreed. In its response, it said that "…"`): the one that opens the sentence
/// just before the quote's, in its paragraph or as the last of the paragraph before, within
/// the section (not `The Water Board rejected it. Residents published a letter. It said …`:
/// the letter's words); a head word alone is the organisation the document names in full.
pub(super) fn body_before(
    outline: &Outline,
    found: &[&Pending],
    k: usize,
    lookups: &mut Lookups<'_>,
) -> Option<String> {
    let p = &found[k];
    let prose = |b: usize| {
        outline.blocks.get(b).filter(|block| {
            block.section() == p.quote.section
                && matches!(block.kind, BlockKind::Paragraph | BlockKind::Item { .. })
        })
    };
    let block = prose(p.blocks.start)?;
    let text = outline.text_of(block);
    let at = match p.quote.kind {
        QuoteKind::Inline => p.at.min(text.len()),
        QuoteKind::Block => 0,
    };
    let ends = sentences::boundaries(text);
    let own = sentences::start_before_in(text, &ends, at);
    let sentence = match own.checked_sub(1) {
        // The sentence before the quote's, in its paragraph.
        Some(before) => &text[sentences::start_before_in(text, &ends, before).min(own)..own],
        // The last sentence of the paragraph before.
        None => {
            let previous = outline.text_of(prose(p.blocks.start.checked_sub(1)?)?);
            let trimmed = previous.trim_end();
            let ends = sentences::boundaries(trimmed);
            let last = trimmed.len().checked_sub(1)?;
            let start = sentences::start_before_in(trimmed, &ends, last).min(trimmed.len());
            &trimmed[start..]
        }
    };
    let (_, name) = names::organisations_leading(sentence).into_iter().next()?;
    match name.contains(' ') {
        true => Some(name),
        false => lookups.organisation(&name),
    }
}

/// The full name the text gives the person a pronoun stands for (`Professor Cheung` is Peter
/// Cheung; `General Howard`, of several Howards, the one written with the title).
fn as_named_in_full(name: String, everyone: &names::People, lookups: &mut Lookups<'_>) -> String {
    match everyone.in_full(&name) {
        Some(full) => full.to_string(),
        None => lookups.titled_in_full(&name, everyone).unwrap_or(name),
    }
}

/// How many names a document's speakers are asked [`role_before_given_name`] of, at most.
const ROLES_ASKED: usize = 32;

/// How many pairs of full names a document's speakers are asked [`side_by_side`] of, at most.
const PAIRS_ASKED: usize = 32;

/// `name` without its first word, when that word says what the person is rather than names
/// them: a name of three words or more whose first word is no title and no known given name
/// and is a word the text writes after `the` (`Queditor Alex Blum` beside `the Queditors`),
/// when the rest is a name of its own: its first word a known given name, or the text writing
/// it without that word too (`said Alex Blum`).
fn role_before_given_name<'n>(outline: &Outline, name: &'n str) -> Option<&'n str> {
    let mut words = name.split_whitespace();
    let (first, second) = (words.next()?, words.next()?);
    words.next()?;
    let rest = name.trim_start()[first.len()..].trim_start();
    let role = !names::is_not_a_name(first)
        && names::given::of_given_name(first).is_none()
        && grammar::written_after_the(&outline.text, first)
        && (names::given::of_given_name(second).is_some()
            || names::written_without(&outline.text, rest, first));
    role.then_some(rest)
}

/// The people a pronoun can stand for: everyone the document's prose names in full or by
/// title and surname, and every speaker found so far.
pub(super) fn everyone_named(outline: &Outline, speakers: &[Option<String>]) -> names::People {
    let mut everyone = names::People::default();
    // Whether the text writes a word in lower case, asked once a word.
    let mut common: FxHashMap<String, bool> = FxHashMap::default();
    for block in &outline.blocks {
        if matches!(block.kind, BlockKind::Paragraph | BlockKind::Item { .. }) {
            for (_, name) in names::person_mentions(outline.text_of(block)) {
                // `Concertmaster Barantschik and Conductor …` (a caption): a first word that is
                // no known given name and that the text also writes in lower case (`his
                // concertmaster's seat`) is what the person is, not a name of theirs.
                // (A title is the name's own, read as one: `General Oliver Otis Howard`.)
                if let Some((first, _)) = name.split_once(' ') {
                    let role = !names::is_not_a_name(first)
                        && names::given::of_given_name(first).is_none()
                        && *common.entry(first.to_string()).or_insert_with(|| {
                            grammar::written_in_lower_case(&outline.text, first)
                        });
                    if role {
                        continue;
                    }
                }
                everyone.add(&name);
            }
        }
    }
    for name in speakers.iter().flatten() {
        everyone.add(name);
    }
    everyone
}

/// Whether quote `p` opens a paragraph that answers the question just before it: a paragraph
/// wholly in bold, as an interview sets its questions (`**How did this come about?**` then
/// `"I just have fallen in love with Eastford. …"`).
fn answers_a_question(outline: &Outline, p: &Pending) -> bool {
    p.opens && p.quote.kind == QuoteKind::Inline && question_before(outline, p.blocks.start)
}

/// Whether the block before block `b` is a paragraph of its section wholly in bold.
fn question_before(outline: &Outline, b: usize) -> bool {
    let (Some(before), Some(block)) = (
        b.checked_sub(1).and_then(|i| outline.blocks.get(i)),
        outline.blocks.get(b),
    ) else {
        return false;
    };
    let text = outline.text_of(before);
    let from = text.len() - text.trim_start().len();
    let to = text.trim_end().len();
    matches!(before.kind, BlockKind::Paragraph)
        && before.section == block.section
        && to > from
        && outline
            .marks_of(before)
            .iter()
            .any(|m| m.style == Inline::Strong && m.range.start <= from && m.range.end >= to)
}

/// The topic in bold capitals that opens quote `p`'s paragraph, when one does (`**WORKOUT**
/// "I try to work out every day …"`, `**PEAK MOMENT**`), as a profile sets out one person's
/// answers topic by topic. Not a label that says who speaks or where from (`**REPORTER:**`,
/// `**Q:**`, `**FROM OHIO**`, `**Participant 1**`, `**The Verge**`, `**Dana Reyes**`; for
/// labels that name someone in capitals, see [`topic_answers`]).
fn follows_a_topic<'o>(outline: &'o Outline, p: &Pending) -> Option<&'o str> {
    /// The most words a topic has.
    const LONGEST: usize = 4;
    let block = outline.blocks.get(p.blocks.start)?;
    if p.quote.kind != QuoteKind::Inline || !matches!(block.kind, BlockKind::Paragraph) {
        return None;
    }
    let text = outline.text_of(block);
    let from = text.len() - text.trim_start().len();
    // (The cheap tests first: a paragraph may hold thousands of marks, and each of its
    // quotes asks.)
    let m = outline.marks_of(block).iter().find(|m| {
        m.style == Inline::Strong
            && m.range.start == from
            && text
                .get(m.range.end..p.at)
                .is_some_and(|gap| gap.trim().is_empty())
    })?;
    let label = text.get(m.range.clone())?;
    let words: Vec<&str> = label.split_whitespace().collect();
    let topic = (1..=LONGEST).contains(&words.len())
        && !words
            .iter()
            .any(|w| matches!(*w, "FROM" | "IN" | "OF" | "ANONYMOUS"))
        && label.chars().any(char::is_alphabetic)
        && label
            .chars()
            .all(|c| c.is_uppercase() || c.is_whitespace() || matches!(c, '/' | '&' | '-'))
        && !words.iter().any(|w| names_someone(outline, w));
    topic.then_some(label)
}

/// Whether `word`, a word of a label in capitals (`SMITH`), names someone: a known given name,
/// or a word the document writes capitalised mid-sentence, as a name would be (`Smith`), as a
/// transcript labels its speakers.
fn names_someone(outline: &Outline, word: &str) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let titled: String = std::iter::once(first)
        .chain(chars.flat_map(char::to_lowercase))
        .collect();
    names::given::of_given_name(&titled).is_some()
        || names::written_mid_sentence(&outline.text, &titled)
}

/// Where each section's answers under topics in bold (see [`follows_a_topic`]) start: the
/// sections that set out two or more, each with its first answer. A section whose labels
/// repeat, or whose answers are not all in the first person (a profile's subject speaks of
/// themself), is a transcript's or a round-up's: its labels say who speaks (`**SMITH** "The
/// data shows …"`), and none is a topic.
fn topic_answers(outline: &Outline, found: &[&Pending]) -> FxHashMap<Option<usize>, usize> {
    /// A section's answers: the first, their labels, and whether all are in the first person.
    struct Answers<'o> {
        first: usize,
        labels: Vec<&'o str>,
        first_person: bool,
    }
    let mut sections: FxHashMap<Option<usize>, Answers> = FxHashMap::default();
    for (k, p) in found.iter().enumerate() {
        let Some(label) = follows_a_topic(outline, p) else {
            continue;
        };
        let first_person = p.quote.text.split_whitespace().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
            matches!(
                w,
                "I" | "me" | "my" | "I'm" | "I’m" | "I've" | "I’ve" | "I'd" | "I’d"
            )
        });
        let answers = sections.entry(p.quote.section).or_insert(Answers {
            first: k,
            labels: Vec::new(),
            first_person: true,
        });
        answers.labels.push(label);
        answers.first_person &= first_person;
    }
    sections
        .into_iter()
        .filter_map(|(section, mut answers)| {
            answers.labels.sort_unstable();
            let repeats = answers.labels.windows(2).any(|w| w[0] == w[1]);
            (answers.labels.len() >= 2 && !repeats && answers.first_person)
                .then_some((section, answers.first))
        })
        .collect()
}

/// The speaker of a section's answers under topics in bold, whose first is quote `first` (see
/// [`topic_answers`]): the person the quotations in that section before it are most the words
/// of (more than all others together).
fn topic_speaker(
    found: &[&Pending],
    out: &[Option<String>],
    section: Option<usize>,
    first: usize,
) -> Option<String> {
    let mut quoted: FxHashMap<&str, usize> = FxHashMap::default();
    let mut named = 0;
    for k in (0..first).filter(|&k| found[k].quote.section == section) {
        if let Some(s) = &out[k] {
            *quoted.entry(s.as_str()).or_default() += 1;
            named += 1;
        }
    }
    let (most, n) = quoted
        .into_iter()
        .max_by_key(|&(s, n)| (n, std::cmp::Reverse(s)))?;
    (2 * n > named).then(|| most.to_string())
}

/// The person an interview is with, when the document is one: at least two quotations that
/// answer a question in bold (see [`answers_a_question`]), and before the first question one
/// person the text says it sat down, spoke or talked with, or interviewed (`The Communicator
/// sat down with Ball last month`), as the full name the text gives them.
fn interviewee(outline: &Outline, found: &[&Pending], everyone: &names::People) -> Option<String> {
    let mut answers = found.iter().filter(|p| answers_a_question(outline, p));
    let first = answers.next()?.blocks.start;
    answers.next()?;
    interviewed_before(outline, first.saturating_sub(1), everyone)
}

/// The one person the paragraphs before block `before` say an interview was with, by the
/// full name the text gives them; `None` if they name several, or no one in full.
fn interviewed_before(
    outline: &Outline,
    before: usize,
    everyone: &names::People,
) -> Option<String> {
    let mut named: Option<String> = None;
    for block in outline.blocks.get(..before)? {
        if !matches!(block.kind, BlockKind::Paragraph) {
            continue;
        }
        let text = outline.text_of(block);
        for name in names::interviewed_in(text) {
            let full = everyone
                .mentions(&name)
                .first()
                .map_or(name.clone(), |(_, full)| full.to_string());
            match &named {
                Some(n) if *n != full => return None,
                _ => named = Some(full),
            }
        }
    }
    named.filter(|n| n.contains(' '))
}

/// Whether quote `j` sits in the block just before quote `k`'s, in the same section, with no
/// empty block quote between.
pub(super) fn just_before(
    outline: &Outline,
    found: &[&Pending],
    empty_quotes: &[usize],
    j: usize,
    k: usize,
) -> bool {
    let (a, b) = (&found[j], &found[k]);
    a.blocks.end == b.blocks.start
        && !empty_quotes.contains(&b.blocks.start)
        && a.quote.section == b.quote.section
        && outline.blocks.get(b.blocks.start).is_some()
}

/// How many bytes before a quote, in one block, a pronoun's antecedent is looked for.
const ANTECEDENT_WINDOW: usize = 4096;

/// The person a pronoun in quote `k`'s attribution stands for: the last person named before
/// it, in its paragraph or the one before (speakers of quotes there count as named), when
/// the pronoun's gender does not rule them out.
pub(super) fn antecedent(
    outline: &Outline,
    found: &[&Pending],
    out: &[Option<String>],
    people: &names::People,
    k: usize,
    gender: Option<names::given::Gender>,
    lookups: &mut Lookups<'_>,
) -> Option<String> {
    /// How many blocks back, within the section, the last person named is looked for.
    const REACH: usize = 4;
    let p = &found[k];
    // Nothing before a heading is the antecedent of what follows it.
    let first = (p.blocks.start.saturating_sub(REACH)..p.blocks.start)
        .rev()
        .find(|&b| {
            outline.blocks.get(b).is_none_or(|block| {
                block.section() != p.quote.section
                    || matches!(block.kind, BlockKind::Heading { .. })
            })
        })
        .map_or(p.blocks.start.saturating_sub(REACH), |b| b + 1);
    // Every mention: (block, offset, name, whether a noun beside it rules the pronoun out);
    // the latest whose gender the pronoun allows wins.
    let mut mentions: Vec<(usize, usize, String, bool)> = Vec::new();
    for b in first..p.blocks.end {
        let Some(block) = outline.blocks.get(b) else {
            continue;
        };
        if block.section() != p.quote.section || matches!(block.kind, BlockKind::Heading { .. }) {
            break;
        }
        let text = outline.text_of(block);
        // Before the quote in its own block; a block quote's own text names no antecedent.
        let until = match (b >= p.blocks.start, p.quote.kind) {
            (false, _) => text.len(),
            (true, QuoteKind::Block) => 0,
            (true, QuoteKind::Inline) => p.at,
        };
        // The last few thousand bytes before the quote: the sentence that names whom the
        // pronoun stands for is near it, and a paragraph of a megabyte is not read again for
        // each of its quotes. Offsets below are in `before`; `from` makes them the block's.
        let until = until.min(text.len());
        let from = sentences::floor_boundary(text, until.saturating_sub(ANTECEDENT_WINDOW));
        let before = &text[from..until];
        // `• Mimi spent years being told … "…" she told the researchers.`: the quote's own
        // paragraph opens with someone it names by a word alone that is no known name, a
        // mention of no one the pronoun can be named as (unless it names someone later).
        if b == p.blocks.start && from == 0 && opens_with_unknown_subject(before, people, gender) {
            mentions.push((b, 0, String::new(), false));
        }
        // `The Chair closed the session. "…," she said`: an office stands for its holder.
        let words: Vec<&str> = before.split_whitespace().collect();
        for i in 0..words.len() {
            let Some(office) = names::office_at(&words, i) else {
                continue;
            };
            let at = words[i].as_ptr() as usize - before.as_ptr() as usize;
            if let Some(holder) = lookups.holder(office, block.text_range().start + from + at) {
                mentions.push((b, from + at, holder, false));
            }
        }
        // `A woman from Dent County made the drive to see McCain and Palin. … "…," she told
        // me`: someone unnamed, of the pronoun's gender, is the subject of a sentence.
        if let Some(g) = gender {
            for at in grammar::unnamed_of_gender(before, &words, g) {
                mentions.push((b, from + at, String::new(), false));
            }
        }
        // `For all that Nichols idolized his comrades, … He says, "…"`, where the text names
        // two Nicholses: someone, but not one the pronoun can be named as.
        if gender.is_some() {
            for at in people.unresolved_mentions(before) {
                mentions.push((b, from + at, String::new(), false));
            }
        }
        // Names inside quotation marks are what someone says, not who speaks after.
        let quoted = quoted_spans(before);
        for (at, name) in people.mentions(before) {
            // `(such as General Robert E. Lee)`: an aside in brackets is no antecedent.
            if quoted.iter().any(|s| s.inner.contains(&at)) || grammar::in_brackets(before, at) {
                continue;
            }
            // What stands before a list of names stands before each of them: `his
            // favourites were Elvis Presley, Dire Straits, Pink Floyd and Queen`.
            let head = grammar::list_head(before, at);
            // `He has worked with … Sir Georg Solti, of whom he says, "…"`: a name in a
            // sentence whose subject is the pronoun itself is someone else.
            if gender.is_some() && grammar::has_pronoun_before(before, head, gender) {
                continue;
            }
            // `his favourites were Elvis Presley`: someone of the pronoun's person's.
            if grammar::possessed_before(before, head, gender) {
                continue;
            }
            // `during the Cold War`, `in San Mateo`: a run of capitalised words right after an
            // article or a preposition of place names a thing or a place, not a person.
            if gender.is_some()
                && grammar::after_article_or_place(before, head)
                && !grammar::possessive_at(before, at)
            {
                continue;
            }
            // `Her late husband, Emmanuel Adeyemi`: not `she`.
            let noun = names::given::of_noun_before(before, at);
            let ruled_out = gender.zip(noun).is_some_and(|(g, n)| g != n)
                || gender.is_some() && lookups.is_organisation(name)
                || gender.is_some() && grammar::names_a_thing(name, before);
            mentions.push((b, from + at, name.to_string(), ruled_out));
        }
        // `His mum, Karen, was in the stand. "…," she told …`: a given name alone, of the
        // pronoun's gender, in the quote's paragraph or the one before it.
        if let Some(g) = gender.filter(|_| b + 2 > p.blocks.start) {
            for (at, name) in names::lone_given_names(before, g) {
                if !people.knows(&name) {
                    mentions.push((b, from + at, name, false));
                }
            }
        }
    }
    for j in (0..k).rev() {
        let q = &found[j];
        if q.blocks.end <= first || q.quote.section != p.quote.section {
            break;
        }
        if let Some(s) = &out[j] {
            // `he` or `she` is never a company or a committee quoted before.
            let body = gender.is_some() && lookups.is_organisation(s);
            mentions.push((q.blocks.start, q.at, s.clone(), body));
        } else if q.who == Some(Who::Nobody) && q.quote.kind == QuoteKind::Inline {
            // `a white campaigner told voters that "…," even though Kim is Korean American. He
            // complained …`: the unnamed speaker, the subject of the sentence, at its start
            // (an empty name: no one the text names).
            let text = outline
                .blocks
                .get(q.blocks.start)
                .map_or("", |b| outline.text_of(b));
            let subject = sentences::start_before(text, q.at.min(text.len()));
            mentions.push((q.blocks.start, subject, String::new(), false));
        }
    }
    mentions.sort_by_key(|m| (m.0, m.1));
    // The paragraph that last names someone, and in it the first person named that the
    // pronoun can be: the subject before those named after it (`Ellery said he would meet
    // Pask. "…," he said` is Ellery's); never someone further back.
    // Someone quoted, or whose given name is known, before a capitalised run that may
    // name a thing (`the last Northern Spy when Walter Pruitt walks me up`).
    let last_block = mentions.last()?.0;
    // When the pronoun rules out everyone the last paragraph names (`Theo` for `she`), the
    // last person before whose given name or title says they can be it.
    let surely_of_gender = |name: &str| {
        let first = name.split_whitespace().next().unwrap_or_default();
        gender.is_some_and(|g| {
            names::given::of_given_name(first)
                .or_else(|| names::given::of_honorific(first))
                .is_some_and(|of| of == g)
        })
    };
    let fallback = mentions
        .iter()
        .rev()
        .take_while(|m| m.0 + 1 >= last_block)
        .find(|m| !m.3 && surely_of_gender(&m.2))
        .map(|m| m.2.clone());
    let mut allowed: Vec<(usize, String)> = mentions
        .into_iter()
        .filter(|m| {
            m.0 == last_block && !m.3 && (m.2.is_empty() || names::gender_allows(&m.2, gender))
        })
        .map(|m| (m.1, m.2))
        .collect();
    // `Woodworth remembered that … Sweet went off to Boise … He added, "…"`: one who adds to
    // or goes on with what they said is the last of that paragraph whose words it reports,
    // not the last it names.
    let block_text = outline.blocks.get(last_block).map(|b| outline.text_of(b));
    let reporter = block_text
        .filter(|_| goes_on_speaking(outline, p))
        .and_then(|text| {
            allowed
                .iter()
                .rposition(|(at, name)| !name.is_empty() && grammar::reports_at(text, *at))
        });
    if let Some(i) = reporter {
        allowed.swap(0, i);
        allowed.truncate(1);
    }
    // Of that paragraph, the last sentence that names someone the pronoun can be: `…, said
    // sorority president Jeannie Lieu. … the students fill a need, said executive director
    // Matt Koumaras. "…," he said` is Koumaras's.
    if let (Some(&(last_at, _)), Some(text)) = (allowed.last(), block_text) {
        let starts = sentences::start_before(text, last_at);
        allowed.retain(|(at, _)| *at >= starts);
        // `Before McCain arrived, Bill Reich … told the crowd`: a name in the clause that opens
        // the sentence with a subordinator is not its subject, when the rest names someone.
        if let Some(clause_end) = grammar::opening_clause_end(&text[starts..]) {
            let in_clause = |at: usize| at < starts + clause_end;
            if allowed
                .iter()
                .any(|(at, n)| !in_clause(*at) && !n.is_empty())
            {
                allowed.retain(|(at, _)| !in_clause(*at));
            }
        }
    }
    // `Sympathizing with Riley's vision is Rochelle Gutierrez, …. She adds, "…"`: someone
    // named in the possessive is no subject of a sentence whose subject, after its verb
    // `is` or `was`, is another the pronoun can be (not `Ann Lee's firm hired Maria Reyes.`).
    if let Some(text) = block_text {
        let possessive = |at: usize| {
            text.get(at..)
                .is_some_and(|_| grammar::possessive_at(text, at))
        };
        let inverted = |at: usize| {
            let word_before = text
                .get(..at)
                .and_then(|t| t.split_whitespace().next_back());
            matches!(word_before, Some("is" | "was"))
        };
        if allowed.iter().any(|(at, n)| !n.is_empty() && inverted(*at)) {
            allowed.retain(|(at, n)| n.is_empty() || !possessive(*at));
        }
    }
    // `Felix contacted Denis Wright, Dean of Students, who confirmed that he knew. He said:
    // "…"`: the one the sentence reports speaking, in a relative clause, before its subject.
    if let Some(text) = block_text {
        let mut speaking = allowed
            .iter()
            .enumerate()
            .filter(|(_, (at, name))| !name.is_empty() && grammar::reports_through_who(text, *at));
        if let (Some((i, _)), None) = (speaking.next(), speaking.next()) {
            allowed.swap(0, i);
            allowed.truncate(1);
        }
    }
    // The sentence's subject is someone unnamed: so is the pronoun.
    if allowed.first().is_some_and(|(_, name)| name.is_empty()) {
        return None;
    }
    let allowed: Vec<String> = allowed.into_iter().map(|(_, name)| name).collect();
    if allowed.is_empty() {
        return fallback.map(|f| names::without_description(&f).to_string());
    }
    let surely_a_person = |name: &String| {
        out.contains(&Some(name.clone()))
            || name
                .split_whitespace()
                .next()
                .is_some_and(|given| names::given::of_given_name(given).is_some())
    };
    let name = allowed
        .iter()
        .find(|n| surely_a_person(n))
        .or_else(|| allowed.first())?;
    // `Professor Nakamura` is the Terry Nakamura the text names in full; an office or a
    // party before a full name is no part of it.
    let name = people.in_full(name).unwrap_or(name);
    // A given name alone (`Prue is more forthcoming.`) is the one person the text names in
    // full with it (`Prue and Greg Coulthard`); of several, no one.
    if !name.contains(' ') {
        return match lookups.full_names_of(name) {
            [] => Some(name.to_string()),
            [one] => Some(one.clone()),
            _ => None,
        };
    }
    Some(names::without_description(name).to_string())
}

/// Whether quote `p`'s attribution says its speaker goes on speaking (`He added, "…"`, `"…,"
/// she continued.`): the verb right before the quotation, or right after it.
fn goes_on_speaking(outline: &Outline, p: &Pending) -> bool {
    let Some(text) = outline
        .blocks
        .get(p.blocks.start)
        .map(|b| outline.text_of(b))
    else {
        return false;
    };
    let before = text.get(..p.at.min(text.len())).unwrap_or_default();
    let after = text.get(p.end.min(text.len())..).unwrap_or_default();
    let near = before
        .split_whitespace()
        .rev()
        .take(2)
        .chain(after.split_whitespace().take(2));
    near.map(|w| w.trim_matches(|c: char| !c.is_alphabetic()))
        .any(|w| matches!(w, "added" | "adds" | "continued" | "continues"))
}

/// Whether `text` opens (after a bullet written as text) with one capitalised word and then a
/// verb in lower case (`Mimi spent years …`), the word neither a known given name, nor a word
/// never in a name, nor one of `people`, and a later sentence opens with the pronoun of
/// `gender`: someone the pronoun stands for, unknown.
fn opens_with_unknown_subject(
    text: &str,
    people: &names::People,
    gender: Option<names::given::Gender>,
) -> bool {
    // The paragraph goes on about them with the pronoun (`… She was relieved when …`): not
    // `Attendance grew by a fifth …`.
    let Some((_, opening)) = grammar::subject_pronoun(gender) else {
        return false;
    };
    if !text.contains(&format!(". {opening} ")) {
        return false;
    }
    let mut words = text
        .split_whitespace()
        .skip_while(|w| !w.chars().any(char::is_alphanumeric));
    let (Some(first), Some(second)) = (words.next(), words.next()) else {
        return false;
    };
    let first = first.trim_end_matches([',', ';']);
    // Not a plural (`Teachers noticed …`).
    !first.ends_with('s')
        && first.chars().all(char::is_alphabetic)
        && first.starts_with(char::is_uppercase)
        && first.chars().skip(1).all(char::is_lowercase)
        && grammar::is_verb_in_past_or_present(second)
        && !matches!(
            first,
            "He" | "She"
                | "They"
                | "It"
                | "We"
                | "You"
                | "This"
                | "That"
                | "These"
                | "Those"
                | "There"
                | "Here"
                | "One"
                | "Two"
                | "Three"
                | "Four"
                | "Five"
                | "Ten"
                | "Twenty"
                | "Thirty"
                | "Many"
                | "Most"
                | "Some"
                | "Several"
                | "Both"
                | "All"
                | "Each"
        )
        && names::given::of_given_name(first).is_none()
        && !names::is_not_a_name(first)
        && !names::is_reporting_verb(second)
        && people.mentions(first).is_empty()
}

/// The text of the paragraph just before quote `p`, when `p` opens its own paragraph (in
/// running text) and that one, in the same section, is one sentence that quotes nothing:
/// what may introduce the speaker of a quotation that says nothing of who speaks.
fn one_sentence_before<'o>(outline: &'o Outline, p: &Pending) -> Option<&'o str> {
    if !p.opens || p.quote.kind != QuoteKind::Inline {
        return None;
    }
    let b = p.blocks.start.checked_sub(1)?;
    let block = outline.blocks.get(b)?;
    if !matches!(block.kind, BlockKind::Paragraph) || block.section() != p.quote.section {
        return None;
    }
    let text = outline.text_of(block).trim();
    let one_sentence = text.ends_with('.') && sentences::end_after(text, 0) + 1 >= text.len();
    (one_sentence && !text.contains(['"', '“', '”'])).then_some(text)
}

/// The speaker of a quotation that opens its paragraph and says nothing of who speaks, when
/// the paragraph just before is one sentence, quotes nothing, and opens with a full name as
/// its subject, after words that describe them (`Wanganui skipper Campbell Hart could only
/// express his admiration at the side's mental lift.` then `"Everyone in our squad …`), and
/// names no one else.
fn introduced_before(outline: &Outline, p: &Pending) -> Option<String> {
    /// How many words may describe the person before their name.
    const DESCRIBED: usize = 3;
    let text = one_sentence_before(outline, p)?;
    let mentions = names::person_mentions(text);
    let [(at, name)] = mentions.as_slice() else {
        return None;
    };
    // The name opens the sentence, after a few words of description at most, and a verb in
    // lower case follows it.
    let before = text[..*at].split_whitespace().count();
    let after = text[*at + name.len()..]
        .split_whitespace()
        .next()
        .unwrap_or_default();
    (before <= DESCRIBED
        && name.contains(' ')
        && after.starts_with(char::is_lowercase)
        && text[..*at].split_whitespace().all(|w| !w.ends_with(',')))
    .then(|| names::without_description(name).to_string())
}

/// The gender of the pronoun that opens the paragraph just before quote `p`, when `p` opens
/// its own paragraph and the one before is one sentence that quotes nothing, names no one and
/// has the pronoun for its subject (`She has about a week left on the project.` then `“It’s
/// been a weird thing …”`): the quotation is the words of whom the pronoun stands for.
fn pronoun_introduced_before(outline: &Outline, p: &Pending) -> Option<names::given::Gender> {
    let text = one_sentence_before(outline, p)?;
    let mut words = text.split_whitespace();
    let gender = names::subject_pronoun(words.next()?)??;
    let verb = words.next()?;
    (verb.starts_with(char::is_lowercase) && names::person_mentions(text).is_empty())
        .then_some(gender)
}

/// The speaker quote `k` keeps from the quote before it: that quote's, when it is in the same
/// paragraph with no one else named between, or in the block just before and `k` opens its
/// own (a block quote after a block quote, a paragraph that opens with the quotation).
pub(super) fn continued(
    outline: &Outline,
    found: &[&Pending],
    empty_quotes: &[usize],
    out: &[Option<String>],
    people: &names::People,
    k: usize,
) -> Option<String> {
    let j = k.checked_sub(1)?;
    let (before, p) = (&found[j], &found[k]);
    let speaker = out[j].clone()?;
    let same_block = before.blocks == p.blocks && p.quote.kind == QuoteKind::Inline;
    if same_block {
        let text = outline.text_of(outline.blocks.get(p.blocks.start)?);
        // Names inside the quotation before are its words, not someone named between.
        let between = text.get(before.end.min(p.at)..p.at).unwrap_or_default();
        // `explained Mr. Zanfagna, who has taught … as long as Mr. Marino has been here. "…"`:
        // a name in a relative clause about the speaker is someone spoken of, not someone
        // else speaking. The clause runs from `, who` after the speaker's name to its
        // sentence's end.
        let clause = between.find(", who ").filter(|&w| {
            let name_word = between[..w].split_whitespace().next_back().unwrap_or("");
            speaker.split_whitespace().next_back() == Some(name_word)
        });
        let in_clause =
            |at: usize| clause.is_some_and(|w| at > w && sentences::start_before(between, at) <= w);
        let someone_else = people
            .mentions(between)
            .into_iter()
            .any(|(at, n)| n != speaker && !in_clause(at));
        // `"…," said Jeannie Lieu. … the students fill a need, said Matt Koumaras. "…"`:
        // someone else reported between the two, though not quoted, speaks next.
        let reported_else = || {
            let last = sentences::start_before(between, between.trim_end().len());
            // The speaker by a name of theirs alone (`Charles wrote to their mother.` after
            // `Charles Howard`) is no one else.
            let theirs = |n: &str| {
                names::surname_of(n) == names::surname_of(&speaker)
                    || speaker.split_whitespace().next() == Some(n)
            };
            matches!(
                names::who_in_lead_in(&between[last..]),
                Some(Who::Named(n)) if !theirs(&n)
            )
        };
        return (!someone_else && !reported_else()).then_some(speaker);
    }
    let kinds_agree = before.quote.kind == p.quote.kind || p.quote.kind == QuoteKind::Inline;
    // `For Jefferson, the allure … whom Jefferson described as "family."` between two of his
    // quotations: a paragraph with no quote of its own that names the speaker and no one
    // else does not break the speech.
    let bridged = || {
        let Some(between) = outline.blocks.get(before.blocks.end) else {
            return false;
        };
        let mentions = people.mentions(outline.text_of(between));
        before.blocks.end + 1 == p.blocks.start
            && p.quote.kind == QuoteKind::Inline
            && matches!(between.kind, BlockKind::Paragraph)
            && between.section() == p.quote.section
            && before.quote.section == p.quote.section
            && !mentions.is_empty()
            && mentions.iter().all(|(_, n)| *n == speaker)
    };
    // `These genetic rules revealed that the hybrid's genes mimic one parent. "…"` after a
    // paragraph of the speaker's quotations: a paragraph whose words before its quotation
    // name no one, as a name or a pronoun, goes on with the speech.
    let lead_names_no_one = || {
        p.quote.kind == QuoteKind::Inline
            && before.quote.kind == QuoteKind::Inline
            && outline.blocks.get(p.blocks.start).is_some_and(|b| {
                let lead = outline.text_of(b).get(..p.at).unwrap_or_default();
                let words: Vec<&str> = lead
                    .split_whitespace()
                    .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
                    .collect();
                // Whole sentences (not `Note:`, a label), with no one in them: no capitalised
                // word but the first, no pronoun for a person, no office (`The mayor sees
                // it differently.`).
                // Nor the first word when it names someone quoted before, not this speaker.
                let names_someone = people.mentions(lead).iter().any(|(_, n)| *n != speaker);
                lead.trim_end().ends_with(['.', '!', '?'])
                    && !lead.contains(['"', '“', '”', '„'])
                    && !names_someone
                    && words.iter().enumerate().all(|(i, w)| {
                        !(i > 0 && w.starts_with(char::is_uppercase)
                            || grammar::is_personal_pronoun(w)
                            || names::office_at(&words, i).is_some())
                    })
            })
    };
    let lead_only = !p.opens && lead_names_no_one();
    let carries = (p.opens || lead_only)
        && kinds_agree
        && (just_before(outline, found, empty_quotes, j, k) || bridged());
    // A paragraph that says, outside its quotations, who speaks (`said Fang SITU, …`) names
    // someone new, though the name was not made out.
    let attributes = || {
        p.quote.kind == QuoteKind::Inline
            && outline.blocks.get(p.blocks.start).is_some_and(|b| {
                // A lead that names no one was looked at: its verb (`These rules revealed
                // that …`) reports no one's words.
                let from = if lead_only { p.at } else { 0 };
                let text = outline.text_of(b).get(from..).unwrap_or_default();
                let spans = quoted_spans_running_on(text);
                // The gaps between the quotations, and before the first and after the last.
                let starts = std::iter::once(0).chain(spans.iter().map(|s| s.outer.end));
                let ends = spans.iter().map(|s| s.outer.start).chain([text.len()]);
                let reported = starts.zip(ends).any(|(from, to)| {
                    let gap = text.get(from..to).unwrap_or_default();
                    gap.split_whitespace().any(names::is_reporting_verb)
                });
                // `“…” (Adam Kendall)`, `“…” -** M. Adam Kendall**`: a few words after the
                // last quotation that name someone else sign it, though not as a signature
                // is read.
                let after = spans
                    .last()
                    .and_then(|s| text.get(s.outer.end..))
                    .unwrap_or_default();
                // (Not the speaker by another form of their name.)
                let signed_else = || {
                    after.split_whitespace().count() <= 6
                        && names::name_alone(after)
                            .is_some_and(|n| names::surname_of(&n) != names::surname_of(&speaker))
                };
                reported || signed_else()
            })
    };
    (carries && !attributes()).then_some(speaker)
}

/// The full names behind `surnames`, from every prose unit (headings are units too).
/// On two threads when `two_threads`.
pub(super) fn directory(outline: &Outline, surnames: Vec<&str>, two_threads: bool) -> Directory {
    let mut dir = Directory::for_surnames(surnames);
    // Each unit's range is read from its block where it is needed: a list of them would be
    // 16 bytes a unit (42 MB for a 200 MB dossier).
    let range = |u: &crate::document::outline::Unit| outline.blocks[u.block()].text_range();
    if two_threads {
        dir.add_ranges_on_two_threads(&outline.text, &outline.units, &range);
    } else {
        dir.add_ranges(&outline.text, outline.units.iter().map(range));
    }
    dir
}

/// The text of the sentence before `span`, from `sentence_start`, without the quotations that
/// come before it in the sentence: a name inside a quotation does not introduce the next one.
pub(super) fn lead_in_without_quotes(
    text: &str,
    before: &[Span],
    sentence_start: usize,
    span: &Span,
) -> String {
    let mut lead_in = String::new();
    let from = sentence_start.min(span.outer.start);
    let mut at = from;
    // Spans come in text order: skip those before the sentence without looking at each.
    let first = before.partition_point(|q| q.outer.start < from);
    for q in &before[first..] {
        lead_in.push_str(&text[at..q.outer.start]);
        // `Russell Rickford, in a lecture titled "Ferguson: The Next Steps," told …`: a comma
        // inside the marks still closes the aside the quotation stood in, before a verb of
        // the sentence (not before a participle of the thing named: `a petition titled "Stop
        // the Garage, Save Main," stating that`).
        let participle = text[q.outer.end..]
            .split_whitespace()
            .next()
            .is_some_and(|w| w.ends_with("ing"));
        if text[q.inner.clone()].trim_end().ends_with(',') && !participle {
            lead_in.truncate(lead_in.trim_end().len());
            lead_in.push(',');
        }
        lead_in.push(' ');
        at = q.outer.end;
    }
    lead_in.push_str(&text[at.min(span.outer.start)..span.outer.start]);
    lead_in
}

/// The speaker named by the paragraph just before block `block`, when it ends with a colon
/// or in its reporting verb (`Jane Doe said.`).
pub(super) fn lead_in_before_block(
    outline: &Outline,
    block: usize,
    section: Option<usize>,
) -> Option<Who> {
    let before = running_text_before(outline, block, section, true)?;
    let text = outline.text_of(before).trim_end();
    // `… the following comments made by Major General James Wilson while he was on the
    // witness stand in 1865.`: whose words follow, however the sentence ends.
    // (Most paragraphs say no such thing: one search of the bytes passes them over.)
    if memchr::memmem::find(text.as_bytes(), b"ollowing").is_some() {
        let last = sentences::start_before(text, text.len().saturating_sub(1));
        if let Some(name) = names::following_by(&text[last..]) {
            return Some(Who::Named(name));
        }
    }
    // Only a paragraph that ends in a colon, a reporting verb or a gesture leads in, or in a
    // comma after its reporting verb (`He told his audience,`).
    let comma = text.ends_with(',');
    if !text.ends_with(':') && !comma && !names::ends_in_reporting_verb(text) {
        return None;
    }
    let start = sentences::start_before(text, text.len().saturating_sub(1));
    let sentence = &text[start..];
    if comma {
        return match sentence.contains(['"', '“', '”']) {
            true => None,
            false => names::who_in_lead_in(sentence),
        };
    }
    if !text.ends_with(':') {
        // `Ellen Langhans, Program Manager at DHS, said.` leads into what follows; `"…,"
        // Evans said.` closes its own quotation, and so does `Campbell asked.` after `“…?”`
        // (a gesture there, `Hensley sighed.`, may be the one who answers: it leads in).
        let attributes_the_one_before = || {
            text[..start].trim_end().ends_with(['"', '”'])
                && sentence
                    .trim_end_matches(['.', ':'])
                    .split_whitespace()
                    .next_back()
                    .is_some_and(names::is_reporting_verb)
        };
        let quotes_itself = sentence.contains(['"', '“', '”']) || attributes_the_one_before();
        return (!quotes_itself)
            .then(|| names::speaker_ending_in_verb(sentence))
            .flatten();
    }
    // `This quote from Drew Schulke, VP of networking at Dell, stands out:`.
    if let Some(name) = quote_named_in(sentence) {
        return Some(Who::Named(name));
    }
    names::who_in_lead_in(sentence)
}

/// The speaker of a quotation that opens its paragraph and says nothing of who speaks, when
/// the paragraph just before reports someone's words in its last sentence and gives no
/// quotation of its own (`Scott, who is also a world champion, said winning was "a bit of a
/// whirlwind".` then `"Since I was 12 …`): news writing goes on from reported speech to the
/// same person's words. The subject of the sentence's first reporting verb, as
/// [`names::who_in_lead_in`] reads it: a name, a pronoun, an office.
pub(super) fn reported_before(
    outline: &Outline,
    block: usize,
    section: Option<usize>,
) -> Option<Who> {
    let before = running_text_before(outline, block, section, false)?;
    let text = outline.text_of(before).trim_end();
    // A lead-in that ends in a colon or a comma is read as one ([`lead_in_before_block`]).
    if text.ends_with([':', ',']) {
        return None;
    }
    let start = sentences::start_before(text, text.len().saturating_sub(1));
    speech_reported_in(&text[start..]).filter(|who| !matches!(who, Who::Nobody))
}

/// Whose words a sentence reports: the subject of its first reporting verb before any
/// quotation in it (`Scott, who is also a world champion, said winning was "…".`, `Sloss
/// explained that not paying for sets is quite intentional.`), a name, a pronoun or an office;
/// `Who::Nobody` for someone unnamed (`Critics said that …`).
pub(super) fn speech_reported_in(sentence: &str) -> Option<Who> {
    reported_by(sentence, false)
}

/// [`speech_reported_in`] of a sentence that reports the speech in a clause after its verb
/// (`that`, or the clause's own subject: `says it is …`; not `Jan Leike posted a long
/// thread.`).
pub(super) fn speech_reported_in_a_clause(sentence: &str) -> Option<Who> {
    reported_by(sentence, true)
}

fn reported_by(sentence: &str, in_a_clause: bool) -> Option<Who> {
    // The verb before any quotation in the sentence: what comes after it is what was said.
    let first_mark = sentence.find(['"', '“']).unwrap_or(sentence.len());
    let mut words = sentence[..first_mark].split_whitespace();
    let verb = words.find(|w| names::is_reporting_verb(w))?;
    let mut clause = || {
        words.next().is_some_and(|w| {
            matches!(
                w,
                "that" | "it" | "he" | "she" | "they" | "we" | "I" | "there"
            )
        })
    };
    if in_a_clause && !clause() {
        return None;
    }
    let verb_end = verb.as_ptr() as usize - sentence.as_ptr() as usize + verb.len();
    match names::who_in_lead_in(&sentence[..verb_end])? {
        who @ (Who::Named(_) | Who::Pronoun(_) | Who::Office(_) | Who::Nobody) => Some(who),
        _ => None,
    }
}

/// `Noting that most "… was shabby …" he recognized the community as different.`: a sentence
/// that opens with a participle of speech (`Noting that`, `Adding,`) before the quotation has
/// its subject after it, a pronoun or a name, then a verb in lower case. `lead_in` is the
/// sentence before the quotation, `rest` what follows it.
pub(super) fn subject_after_participle(lead_in: &str, rest: &str) -> Option<Who> {
    /// How many words may stand between the participle and the quotation.
    const NEAR: usize = 4;
    let words: Vec<&str> = lead_in.split_whitespace().collect();
    let first = words.first()?.trim_end_matches(',');
    let participle = matches!(
        first,
        "Noting"
            | "Adding"
            | "Saying"
            | "Explaining"
            | "Writing"
            | "Arguing"
            | "Recalling"
            | "Stressing"
            | "Insisting"
            | "Observing"
            | "Remarking"
    );
    if !participle || words.len() > NEAR + 1 {
        return None;
    }
    // The words after the quotation: its subject, then a verb in lower case.
    let tail = rest.trim_start_matches(['"', '”', ',', ' ']);
    let after: Vec<&str> = tail.split_whitespace().take(4).collect();
    if let Some(gender) = after.first().and_then(|w| names::subject_pronoun(w)) {
        let verb = after.get(1)?;
        return verb
            .starts_with(char::is_lowercase)
            .then_some(Who::Pronoun(gender));
    }
    // `… Brinkley recognized …`, `… David Brinkley recognized …`.
    let run = after
        .iter()
        .take_while(|w| w.starts_with(char::is_uppercase))
        .count();
    let verb = after.get(run)?;
    let name = &after[..run];
    let named = (1..=3).contains(&run)
        && verb.starts_with(char::is_lowercase)
        && name
            .iter()
            .all(|w| !names::is_not_a_name(w) && !w.ends_with([',', '.']));
    named.then(|| Who::Named(name.join(" ")))
}

/// The speaker a roundup of quotations names above one (`**Kellan McCrea, Chief Technology
/// Officer, Etsy**`, a picture, then `"Reflect honestly. …"`): a paragraph wholly in bold that
/// opens with a full name and a comma, within a few blocks before the quote's block in its
/// section, with nothing between but pictures, blank paragraphs and a line that leads in
/// (ends in a colon).
pub(super) fn labelled_before(
    outline: &Outline,
    block: usize,
    section: Option<usize>,
) -> Option<String> {
    label_above(outline, block, section).map(|(_, name)| name)
}

/// [`labelled_before`], with the block the label is in.
fn label_above(outline: &Outline, block: usize, section: Option<usize>) -> Option<(usize, String)> {
    /// How many blocks back the label is looked for.
    const REACH: usize = 4;
    for b in (block.saturating_sub(REACH)..block).rev() {
        let before = outline.blocks.get(b)?;
        if before.section() != section
            || before.quote_depth > 0
            || !matches!(before.kind, BlockKind::Paragraph)
        {
            return None;
        }
        let text = outline.text_of(before);
        let words = words_of(outline, before);
        let said = words.trim();
        if said.is_empty() || said.ends_with(':') && !said.contains(['"', '“', '”']) {
            continue;
        }
        let trimmed = text.trim();
        let from = text.len() - text.trim_start().len();
        let bold = outline.marks_of(before).iter().any(|m| {
            m.style == Inline::Strong
                && m.range.start <= from
                && m.range.end >= from + trimmed.len()
        });
        if !bold || said.contains(['"', '“', '”']) || !said.contains(',') {
            return None;
        }
        let name = names::name_in_attribution(said)?;
        let words: Vec<&str> = name.split_whitespace().collect();
        // `**Ernie Hsiung, …, and Mike Sarasti, Program Manager, …**`: two people, and
        // nothing says which of them speaks.
        let another = said.split(" and ").skip(1).any(|part| {
            names::name_in_attribution(part).is_some_and(|n| {
                let words: Vec<&str> = n.split_whitespace().collect();
                part.trim_start().starts_with(n.as_str()) && names::is_full_name(&words)
            })
        });
        return (said.starts_with(name.as_str()) && names::is_full_name(&words) && !another)
            .then_some((b, name));
    }
    None
}

/// What a paragraph says in words: its text without tags, pictures and code.
fn words_of(outline: &Outline, block: &Block) -> String {
    let text = outline.text_of(block);
    let mut words = String::new();
    let mut at = 0;
    for r in outline.not_prose(block) {
        if r.start >= at {
            words.push_str(text.get(at..r.start).unwrap_or_default());
            at = r.end;
        }
    }
    words.push_str(text.get(at..).unwrap_or_default());
    words
}

/// Whether the quotation in block `quote` is one of a roundup whose labels stand above their
/// quotations (`**Ann Lee, Director**`, a picture, `"…"`, `**Jane Pahl, Founder**`, …): a
/// label after it then names the next one, not this one. Which way round a series goes shows
/// at its start: walking back label by label, the first quotation has a label above it with
/// no quotation before that label; where labels sign the quotations above them, the first
/// has none.
fn labels_go_above(outline: &Outline, quote: usize, section: Option<usize>) -> bool {
    /// How many quotations back the series is followed.
    const LONGEST: usize = 64;
    let mut quote = quote_start(outline, quote, section);
    for _ in 0..LONGEST {
        let Some((label, _)) = label_above(outline, quote, section) else {
            return false;
        };
        match quote_before(outline, label, section) {
            Some(previous) => quote = quote_start(outline, previous, section),
            None => return true,
        }
    }
    false
}

/// The first block of the block quote that block `b` is in (`b` itself if it is in none).
fn quote_start(outline: &Outline, mut b: usize, section: Option<usize>) -> usize {
    let in_quote = |i: usize| {
        outline
            .blocks
            .get(i)
            .is_some_and(|block| block.quote_depth > 0 && block.section() == section)
    };
    while b > 0 && in_quote(b) && in_quote(b - 1) {
        b -= 1;
    }
    b
}

/// The quotation just before block `b` in its section, past pictures and blank paragraphs:
/// a block quote's last block, or a paragraph that opens with a quotation mark.
fn quote_before(outline: &Outline, b: usize, section: Option<usize>) -> Option<usize> {
    /// How many blocks back it is looked for.
    const REACH: usize = 4;
    for i in (b.saturating_sub(REACH)..b).rev() {
        let block = outline.blocks.get(i)?;
        if block.section() != section {
            return None;
        }
        let paragraph = matches!(block.kind, BlockKind::Paragraph);
        // (A heading that opens with a quotation mark is a title, no quotation.)
        let text = outline.text_of(block).trim();
        if block.quote_depth > 0 || paragraph && text.starts_with(['"', '“']) {
            return Some(i);
        }
        // Only a picture or nothing at all in words stands between.
        if !paragraph || !words_of(outline, block).trim().is_empty() {
            return None;
        }
    }
    None
}

/// The speaker of a block quote that opens with a quotation attributed inside it:
/// `> "In 1998, SAP started…," says Giese. "…"` is Giese's.
pub(super) fn attribution_inside(outline: &Outline, qb: &QuoteBlock) -> Option<Who> {
    let unit = outline.units.get(qb.units.clone())?.first()?;
    let block = outline.blocks.get(unit.block())?;
    let text = outline.text_of(block);
    // `> _“… the Department of Defense. — Inti de Ceukelaire, ethical hacker …_`: a
    // statement signed after a dash at the end of its paragraph.
    if let Some(at) = text
        .rfind('—')
        .filter(|&at| text[at + '—'.len_utf8()..].starts_with(' '))
    {
        // (Or in emphasis of its own to the end, with no stop before it: `… how we do science
        // *— Malin Pinsky (Pinsky Lab)*`.)
        let end = text.trim_end().len();
        let emphasised = || {
            outline.marks_of(block).iter().any(|m| {
                matches!(m.style, Inline::Emphasis | Inline::Strong)
                    && m.range.start <= at
                    && m.range.end >= end
                    && text[m.range.start..at].trim().is_empty()
            })
        };
        // (There, only a person's full name: not `*— Project Phoenix*`, `*— New York, April
        // 1932*`, `*— Kelso Press*`.)
        let person = || {
            let head = text[at + '—'.len_utf8()..]
                .split([',', '('])
                .next()
                .unwrap_or_default()
                .trim_matches(['*', '_', ' ']);
            let words: Vec<&str> = head.split_whitespace().collect();
            (2..=3).contains(&words.len())
                && names::is_full_name(&words)
                && !words.iter().any(|w| names::is_body_name(w))
                && names::person_mentions(head)
                    .first()
                    .is_some_and(|(_, n)| n == head)
        };
        let stops = text[..at].trim_end().ends_with(['.', '!', '?', '”', '"']);
        let tail = text[at..].trim_end_matches(['*', '_', ' ']);
        let signed = !tail.contains('\n') && is_attribution_line(tail);
        if signed && stops {
            if let Some(name) = names::name_in_attribution(tail) {
                return Some(Who::Named(name));
            }
        } else if signed && emphasised() {
            // Signed, but by no one a reader can name (`*— eventually*`, `*— Monday, 8:15*`):
            // the block is nobody's, not the speaker's of the block before.
            let name = person().then(|| names::name_in_attribution(tail)).flatten();
            return Some(name.map_or(Who::Nobody, Who::Named));
        }
    }
    let spans = quoted_spans(text);
    if !text
        .trim_start_matches(['*', '_', ' '])
        .starts_with(['"', '“'])
    {
        // `> Justin Cormack said "you need to quit your job …"`: the block's first sentence
        // names who says the quotation in it.
        let first = spans.first()?;
        let lead_in = &text[..first.outer.start];
        if lead_in.contains(['.', '!', '?', '\n']) {
            return None;
        }
        return match names::who_in_lead_in(lead_in)? {
            Who::Named(name) => Some(Who::Named(name)),
            _ => None,
        };
    }
    // Where the sentences end, found only when a span has words before it.
    let mut ends: Option<Vec<usize>> = None;
    for (i, span) in spans.iter().enumerate() {
        let opens = opens_its_block(text, span.outer.start);
        let in_lead_in = (!opens)
            .then(|| {
                let ends = ends.get_or_insert_with(|| sentences::boundaries(text));
                let start = sentences::start_before_in(text, ends, span.outer.start);
                names::who_in_lead_in(&lead_in_without_quotes(text, &spans[..i], start, span))
            })
            .flatten();
        let joined = super::joined_to(opens, &text[span.inner.clone()], &text[span.outer.end..]);
        if let Some(who) = in_lead_in.or_else(|| after_in_sentence(&text[span.outer.end..], joined))
        {
            return Some(who);
        }
    }
    None
}

/// The label a block quote opens with in bold, as an interview sets its answers:
/// `> **RA:** …` → `RA`, `> **Jane Doe**: …` → `Jane Doe`.
pub(super) fn speaker_label(outline: &Outline, qb: &QuoteBlock) -> Option<String> {
    let unit = outline.units.get(qb.units.clone())?.first()?;
    label_of(outline, outline.blocks.get(unit.block())?)
}

/// The label `block` opens with in bold (`**NG:** …` → `NG`), not an editor's (`Note:`).
pub(super) fn label_of(outline: &Outline, block: &Block) -> Option<String> {
    let text = outline.text_of(block);
    let strong = outline
        .marks_of(block)
        .iter()
        .find(|m| m.style == Inline::Strong && m.range.start == 0)?;
    let label = text.get(strong.range.clone())?.trim();
    let after = text.get(strong.range.end..)?;
    let label = match label.strip_suffix(':') {
        Some(label) => label,
        None if after.starts_with(':') => label,
        None => return None,
    };
    // `> **Note:** …`: an editor's label, no speaker's.
    const NOTES: &[&str] = &[
        "note",
        "notes",
        "tip",
        "tips",
        "warning",
        "important",
        "caution",
        "update",
        "updated",
        "edit",
        "editor's note",
        "editor’s note",
        "disclaimer",
        "tl;dr",
        "summary",
        "example",
        "source",
        "sources",
        "correction",
        "ps",
        "p.s.",
        "info",
        "hint",
        "danger",
        "attention",
        "reminder",
        "background",
        "context",
        "translation",
    ];
    if NOTES.contains(&label.trim().to_lowercase().as_str()) {
        return None;
    }
    let words = label.split_whitespace().count();
    (1..=4).contains(&words).then(|| label.trim().to_string())
}

/// Everyone the document's prose names in full, in order of first mention.
pub(super) fn named_in_full(outline: &Outline) -> Vec<String> {
    let mut named: Vec<String> = Vec::new();
    for block in &outline.blocks {
        if matches!(
            block.kind,
            BlockKind::Paragraph | BlockKind::Item { .. } | BlockKind::Heading { .. }
        ) {
            for (_, name) in names::person_mentions(outline.text_of(block)) {
                if !named.contains(&name) {
                    named.push(name);
                }
            }
        }
    }
    named
}

/// The block just before `block` when it is running text of section `section` outside any
/// block quote: a paragraph, or a list item too when `items` (what may lead in to a quote).
fn running_text_before(
    outline: &Outline,
    block: usize,
    section: Option<usize>,
    items: bool,
) -> Option<&Block> {
    let before = outline.blocks.get(block.checked_sub(1)?)?;
    let kind_ok = match before.kind {
        BlockKind::Paragraph => true,
        BlockKind::Item { .. } => items,
        _ => false,
    };
    (before.section() == section && before.quote_depth == 0 && kind_ok).then_some(before)
}

/// Block `block` when it is a paragraph of section `section` (what may follow a quote and
/// name its speaker).
fn paragraph_at(outline: &Outline, block: usize, section: Option<usize>) -> Option<&Block> {
    // `<!-- markdownlint-disable MD036 -->` between a quotation and what signs it: a comment
    // shows nothing to the reader.
    let is_comment = |b: &&Block| {
        b.kind == BlockKind::Html && {
            let text = outline.text_of(b).trim();
            text.starts_with("<!--") && text.ends_with("-->")
        }
    };
    let past = outline
        .blocks
        .get(block..)?
        .iter()
        .take_while(|b| is_comment(b))
        .count();
    let b = outline.blocks.get(block + past)?;
    (b.section() == section && matches!(b.kind, BlockKind::Paragraph)).then_some(b)
}

/// The paragraph right after a block quote opens with an attribution and nothing else
/// (`Endelman said.`, `said Jane Doe.`): the speaker of the quote, as a newspaper that sets
/// its quotations as block quotes writes it.
pub(super) fn said_after(outline: &Outline, block: usize, section: Option<usize>) -> Option<Who> {
    let after = paragraph_at(outline, block, section)?;
    let text = outline.text_of(after);
    let first = &text[..sentences::end_after(text, 0)];
    names::attribution_alone(first)
}

/// `This quote from writer Heidi Waterhouse …` right after a block quote names its speaker.
pub(super) fn quote_named_after(
    outline: &Outline,
    block: usize,
    section: Option<usize>,
) -> Option<String> {
    let after = paragraph_at(outline, block, section)?;
    quote_named_in(outline.text_of(after))
}

/// The person a sentence that opens `This quote from writer Heidi Waterhouse` names.
fn quote_named_in(text: &str) -> Option<String> {
    // Word by word, so that a paragraph that opens otherwise (most do) is left at its first
    // word, not taken apart into twelve.
    let mut words = text.split_whitespace();
    if !["This", "That", "The", "These", "Those"].contains(&words.next()?) {
        return None;
    }
    let noun = words.next()?.trim_end_matches(',');
    if ![
        "quote",
        "quotation",
        "quotes",
        "words",
        "line",
        "lines",
        "passage",
    ]
    .contains(&noun)
    {
        return None;
    }
    if !["from", "by", "of"].contains(&words.next()?) {
        return None;
    }
    let rest: Vec<&str> = words.take(9).collect();
    names::name_from(&rest)
}

/// An attribution paragraph right after a quote: wholly emphasised (`*Name, in …*`) or
/// opening with a dash (`— Name`).
pub(super) fn attribution_after(
    outline: &Outline,
    block: usize,
    section: Option<usize>,
) -> Option<String> {
    if let Some(name) = signed_by_a_lone_item(outline, block, section) {
        return Some(name);
    }
    let after = paragraph_at(outline, block, section)?;
    let whole = outline.text_of(after);
    let text = whole.trim();
    let emphasised = outline.marks_of(after).iter().any(|m| {
        matches!(m.style, Inline::Emphasis)
            && m.range.start == 0
            && m.range.end >= whole.trim_end().len()
    });
    if (emphasised && text.chars().count() < 160) || is_attribution_line(text) {
        return names::name_in_attribution(text);
    }
    // `Kate Chapman⏎President, Board of Directors`: a signature, a full name and then who
    // they are, with no sentence of its own.
    if text.len() < 480
        && text.chars().count() < 120
        && !text.contains(['.', '!', '?', ':', '"', '“'])
    {
        let name = names::name_opening_signature(text)?;
        // In a roundup labelled from above, this is the next quotation's label.
        if block
            .checked_sub(1)
            .is_some_and(|quote| labels_go_above(outline, quote, section))
        {
            return None;
        }
        let rest = &text[name.len()..];
        // An office after the name, or a comma and a given name known for a person's (not `Open
        // Source Summit, Vienna`, nor `Andrew Morgan (anoa) says`).
        let given = name.split(' ').next().and_then(names::given::of_given_name);
        let described = names::names_an_office(rest) || (rest.starts_with(',') && given.is_some());
        return described.then_some(name);
    }
    None
}

/// `“…”` then `- Kate Chapman (Former ED HOT)`: a list of one item right after a quotation,
/// holding a full name and who they are, signs it.
fn signed_by_a_lone_item(
    outline: &Outline,
    block: usize,
    section: Option<usize>,
) -> Option<String> {
    let is_item = |b: &Block| matches!(b.kind, BlockKind::Item { .. });
    let item = outline
        .blocks
        .get(block)
        .filter(|b| is_item(b) && b.section() == section)?;
    let alone = outline
        .blocks
        .get(block + 1)
        .is_none_or(|next| !is_item(next));
    let text = outline.text_of(item).trim();
    if !alone || text.chars().count() >= 160 || text.contains('\n') {
        return None;
    }
    names::name_opening_signature(text)
}

/// `", said Jane Doe.` / `," Jane Doe said` / `— Jane Doe` right after a closing quote;
/// `joined` when the quotation opens its sentence and a comma joins it to what follows
/// (`“…,” highlights Jane Doe.`, see [`super::joined_to`]).
pub(super) fn after_in_sentence(rest: &str, joined: bool) -> Option<Who> {
    // Up to the next quotation at most: a name inside it is not this quote's speaker.
    let next_quote = next_quotation_mark(rest.as_bytes(), 0).unwrap_or(rest.len());
    // `said Bonita "Bonnie" Banducci`: a nickname in quotation marks inside the name is no
    // quotation; the attribution is read without it.
    if let Some(after) = nickname_at(rest, next_quote) {
        let without = format!("{}{}", &rest[..next_quote], &rest[after..]);
        return after_in_sentence(&without, joined);
    }
    let mut end = sentences::end_after_until(rest, 0, next_quote);
    // `he said....Five student interns …`: an ellipsis run into the next sentence ends this one.
    if let Some(dots) = rest[..end].find("..") {
        let after = rest[dots..end].trim_start_matches('.');
        if after.starts_with(char::is_uppercase) {
            end = dots;
        }
    }
    // An attribution on its own line after a hard break (`”⏎**– John Roese, …**`).
    if let Some(next) = rest.trim_start_matches([' ', '\t']).strip_prefix('\n') {
        let line = next.lines().next().unwrap_or_default().trim();
        if is_attribution_line(line) {
            return names::name_in_attribution(line).map(Who::Named);
        }
    }
    // Emphasis marks left as text (`”* *— *Mohamed Elsaied`) are no part of it.
    let tail = rest[..end].trim_start_matches([',', '.', ' ', '*', '_']);
    if tail.is_empty() {
        return None;
    }
    // `consider it "incorrect" to regard Lovelace as …, as Babbage wrote …`: a quotation
    // that a sentence goes on from (an infinitive, a preposition, a verb of its own) is a
    // word of that sentence; what follows it is no attribution.
    if sentence_goes_on(tail) {
        return None;
    }
    // `"…" - Director Sales, Global Alliances`, `"…" -Johnu George (Nutanix)`: an
    // attribution with a hyphen for its dash; one that names no one is nobody's, not the
    // speaker's before.
    if let Some(signature) = signature(tail) {
        return Some(names::name_in_attribution(signature).map_or(Who::Nobody, Who::Named));
    }
    // `“…,” Faseela K, Istio Steering Committee Member at Ericsson.`: a name and who they
    // are, with no verb.
    if let Some(name) = names::name_then_description(tail) {
        return Some(Who::Named(name));
    }
    // `Lindqvist said when I asked him about it`: the attribution ends where a clause of its
    // own begins after its verb (whose verb is no reporting of this quote).
    let tail = tail.trim_end_matches(['.', '!', '?']);
    // `said organizer Emet (the organizers asked we use first names only)`: an aside in
    // brackets is no part of the attribution (its `asked` reports nothing here).
    let tail = match tail.find(" (") {
        Some(open) if tail.ends_with(')') => &tail[..open],
        _ => tail,
    };
    let tail = clause_after_verb(tail).map_or(tail, |at| &tail[..at]);
    names::according_to(tail)
        .map(Who::Named)
        .or_else(|| names::who_in_lead_in(tail))
        // `"…," she laughs.`: whoever laughs says it.
        .or_else(|| {
            (tail.split_whitespace().count() <= 3)
                .then(|| names::speaker_ending_in_verb(tail))
                .flatten()
        })
        // `"…," highlights Jane Doe.`: a verb none of the rules know, in an attribution's place.
        .or_else(|| joined.then(|| names::verb_and_name(tail)).flatten())
}

/// Whether the text after a quotation goes on with the sentence the quotation is a part of:
/// its first word is an infinitive's `to`, a preposition that takes an object, a form of `be`
/// or `have`, or `than`, `that` or `which` (`"incorrect" to regard …`, `"a hoax" is …`).
fn sentence_goes_on(tail: &str) -> bool {
    let mut words = tail.split_whitespace();
    let first = words.next().unwrap_or_default();
    // `"A disgrace," is how Senator Jane Smith described the vote`: an attribution all the
    // same.
    if matches!(first, "is" | "was") && matches!(words.next(), Some("how" | "what")) {
        return false;
    }
    matches!(
        first,
        "to" | "of"
            | "than"
            | "for"
            | "into"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "has"
            | "have"
            | "had"
            | "that"
            | "which"
    )
}

/// Where the text after a nickname at `at` resumes (`"Bonnie" Banducci` → at `Banducci`):
/// a word in quotation marks as [`names::is_nickname`] has it, after a capitalised word and
/// before another.
pub(super) fn nickname_at(text: &str, at: usize) -> Option<usize> {
    let before = text.get(..at)?.strip_suffix(' ')?;
    if !before
        .rsplit(' ')
        .next()
        .is_some_and(|w| w.starts_with(char::is_uppercase))
    {
        return None;
    }
    let word = text[at..].split(' ').next()?;
    let next = text[at + word.len()..].strip_prefix(' ')?;
    (names::is_nickname(word) && next.starts_with(char::is_uppercase))
        .then_some(at + word.len() + 1)
}

/// Where a subordinate clause starts (`when`, `after`, `because`, …) after the first
/// reporting verb of `tail`.
fn clause_after_verb(tail: &str) -> Option<usize> {
    // `says Nagaraj, who calls out …`: a relative clause is the named person's own.
    const OPENS: &[&str] = &[
        "when", "after", "before", "because", "while", "as", "since", "if", "though", "although",
        "who", "whose", "which",
    ];
    // The words since the reporting verb, once it is seen.
    let mut since_verb: Option<usize> = None;
    for w in tail.split_whitespace() {
        // `said member Freddy Bruner — the third round began`: a dash closes the aside the
        // attribution was. `said James Hawkins in a blogpost he wrote`: a pronoun that is no
        // subject of the verb (`said he`) opens a clause of its own.
        let opens = OPENS.contains(&w)
            || matches!(w, "—" | "–" | "--")
            || (since_verb.is_some_and(|n| n >= 2)
                && matches!(w, "he" | "she" | "they" | "I" | "we"));
        if since_verb.is_some() && opens {
            return Some(w.as_ptr() as usize - tail.as_ptr() as usize);
        }
        since_verb = match since_verb {
            Some(n) => Some(n + 1),
            None => names::is_reporting_verb(w).then_some(1),
        };
    }
    None
}

/// Whose statement each section is, worked out once per heading asked about (by all the
/// quote searches on one thread).
pub(in crate::document) struct HeadingSpeakers {
    own: Vec<OnceCell<Option<String>>>,
}

impl HeadingSpeakers {
    pub(in crate::document) fn new(outline: &Outline) -> Self {
        HeadingSpeakers {
            own: (0..outline.sections.len())
                .map(|_| OnceCell::new())
                .collect(),
        }
    }

    /// The person whose statement `section`, or the nearest section above it, is.
    pub(super) fn speaker(&self, outline: &Outline, section: Option<usize>) -> Option<String> {
        let mut at = section;
        let mut steps = 0;
        while let Some(i) = at {
            let s = outline.sections.get(i)?;
            let own = self.own.get(i)?;
            let title = outline.title_of(i);
            let name = own.get_or_init(|| {
                names::speaker_of_heading(title).or_else(|| profiled(outline, i, title))
            });
            if let Some(name) = name {
                return Some(name.clone());
            }
            at = s.parent;
            steps += 1;
            if steps > 64 {
                break;
            }
        }
        None
    }
}

/// `### Aashish Panta` then `Aashish Panta is a Ph.D. student …`: a section headed by a full
/// name whose first paragraph opens with that name, as a list of profiles sets each out, is
/// that person's: a quotation in it that names no one is theirs.
fn profiled(outline: &Outline, section: usize, title: &str) -> Option<String> {
    let title = title.trim();
    // The paragraph first, as most sections are no one's profile: then the name.
    let heading = *outline.heading_units.get(section)? as usize;
    let first = outline
        .blocks
        .get(outline.units.get(heading + 1)?.block())?;
    if first.section() != Some(section) || !matches!(first.kind, BlockKind::Paragraph) {
        return None;
    }
    let after = outline.text_of(first).strip_prefix(title)?;
    let verb = after.trim_start_matches(' ');
    if verb.len() == after.len() || !verb.starts_with(|c: char| c.is_lowercase()) {
        return None;
    }
    let words: Vec<&str> = title.split_whitespace().collect();
    ((2..=4).contains(&words.len()) && names::is_full_name(&words)).then(|| title.to_string())
}

/// Two halves of one statement joined only by an attribution, each too short to be a quote
/// alone: `"We knew," replied Tom, "that it would fail."` Who the attribution names, and the
/// second half's index.
pub(super) fn joined_halves(text: &str, spans: &[Span], i: usize) -> Option<(Who, usize)> {
    /// The most words an attribution between two halves has.
    const LONGEST_ATTRIBUTION: usize = 8;
    let (first, second) = (spans.get(i)?, spans.get(i + 1)?);
    let words = |s: &Span| text[s.inner.clone()].split_whitespace().count();
    if words(first) >= MIN_INLINE_WORDS || words(second) >= MIN_INLINE_WORDS {
        return None;
    }
    // `reflected Albert "Joey" Jefferson`: a nickname inside the name is no second half.
    if nickname_at(text, second.outer.start).is_some() {
        return None;
    }
    let between = text.get(first.outer.end..second.outer.start)?;
    let between = between.trim_matches([',', ' ']);
    if between.is_empty()
        || between.split_whitespace().count() > LONGEST_ATTRIBUTION
        || between.contains(['.', '!', '?', ';'])
    {
        return None;
    }
    Some((names::who_in_lead_in(between)?, i + 1))
}
