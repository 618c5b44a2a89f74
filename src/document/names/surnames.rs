//! Who the document means by a name: the people the quotes' speakers are, where a text
//! mentions them, and a surname resolved to the full name the document uses elsewhere
//! (`Leike` → `Jan Leike`).

use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};

use super::words::*;
use super::{gender_allows, given, is_titled};
use crate::document::sentences::word_around;

/// The people the quotes' attributions name, by every word of their names: where a text
/// mentions one of them.
#[derive(Debug, Default)]
pub struct People {
    /// A word of a name (`Hsieh`, `Brian`) and the full name; a word two people share
    /// names neither. (FxHash, as for every map of names here: nothing is iterated in the
    /// order of a map, and SipHash showed in the load of a document with many quotes.)
    words: FxHashMap<String, Option<String>>,
    /// The names added so far.
    added: FxHashSet<String>,
    /// How many of the full names added end in each surname (a title and surname aside).
    surnames: FxHashMap<String, usize>,
}

impl People {
    /// Adds a speaker's full name.
    pub fn add(&mut self, full: &str) {
        // `Professor Peter Cheung` is Peter Cheung: a title before a full name is no part of
        // it (`Professor Cheung` stays as written, for the full name to be found).
        let full = match full.split_once(' ') {
            Some((title, rest)) if is_title(bare(title)) && rest.contains(' ') => rest,
            _ => full,
        };
        // Most speakers are quoted many times: each name is taken apart (and copied) once.
        if self.added.contains(full) || !self.added.insert(full.to_string()) {
            return;
        }
        if full.contains(' ') && !is_titled(full) {
            if let Some(surname) = full.rsplit(' ').next() {
                *self.surnames.entry(surname.to_string()).or_default() += 1;
            }
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
                // `Nakamura T.` (a reference list's) and `Terry Nakamura`: one person.
                Some(known) => {
                    *entry = match without_initials_of_others(&[known, full]).as_slice() {
                        [one] => Some(one.to_string()),
                        _ => None,
                    }
                }
                None => {}
            }
        }
    }

    /// The full name a title and surname stand for (`Professor Nakamura` → `Terry Nakamura`),
    /// when one person added has that surname and the title allows them.
    pub fn in_full(&self, name: &str) -> Option<&str> {
        if !is_titled(name) {
            return None;
        }
        let surname = name.split_whitespace().next_back()?;
        let full = self.words.get(surname)?.as_deref()?;
        (!is_titled(full)).then_some(full)
    }

    /// The full names added whose last word is `surname` (a title and surname excepted).
    pub fn with_surname<'p>(&'p self, surname: &'p str) -> impl Iterator<Item = &'p str> + 'p {
        self.added
            .iter()
            .map(String::as_str)
            .filter(move |n| n.rsplit(' ').next() == Some(surname) && n.contains(' '))
            .filter(|n| !is_titled(n))
    }

    /// Whether `word` is a word of the name of someone added.
    pub fn knows(&self, word: &str) -> bool {
        self.words.contains_key(word)
    }

    /// Where `text` names, by a capitalised word alone, someone of several people added who
    /// share it (`Nichols` of `George W. Nichols` and `A. J. Nichols`): a person, but which
    /// the word does not say.
    pub fn unresolved_mentions(&self, text: &str) -> Vec<usize> {
        let mut found = Vec::new();
        if self.words.is_empty() {
            return found;
        }
        let mut previous: Option<&str> = None;
        for raw in text.split_whitespace() {
            let w = strip_possessive(bare(raw));
            // Alone: not the last word of a name written in full (`Grace Adeyemi`).
            let alone =
                previous.is_none_or(|p| !is_capitalised(bare(p)) || p.ends_with(['.', ',']));
            if alone
                && is_capitalised(w)
                && matches!(self.words.get(w), Some(None))
                && self.surnames.get(w).is_some_and(|&n| n >= 2)
            {
                found.push(offset_in(text, raw));
            }
            previous = Some(raw);
        }
        found
    }

    /// Each mention in `text` of a person added: where, and their full name.
    pub fn mentions<'p>(&'p self, text: &str) -> Vec<(usize, &'p str)> {
        let mut found: Vec<(usize, &str)> = Vec::new();
        if self.words.is_empty() {
            return found;
        }
        // Whether the word before was a word of a mention (of whom).
        let mut previous: Option<&str> = None;
        for raw in text.split_whitespace() {
            let start = offset_in(text, raw);
            let w = strip_possessive(bare(raw));
            let full = match self.words.get(w) {
                Some(Some(full)) => Some(full.as_str()),
                _ => None,
            };
            if let Some(full) = full {
                // `Jeff McAffer` is one mention, not two; `Mr. Reyes … Mr. Reyes` is two.
                if previous != Some(full) || !is_capitalised(w) {
                    found.push((start, full));
                }
            }
            previous = full;
        }
        found
    }
}

/// Whether `word` is one of [`NOT_PERSON_ENDINGS`], looked up in a set (asked of every word
/// before a surname).
pub(super) fn ends_a_body(word: &str) -> bool {
    static WORDS: std::sync::OnceLock<super::words::WordSet> = std::sync::OnceLock::new();
    WORDS
        .get_or_init(|| NOT_PERSON_ENDINGS.iter().copied().collect())
        .contains(word)
}

/// First words of capitalised runs that name places, not people (`San Mateo`, `Los Angeles`,
/// `Fort Worth`, `North Carolina`).
pub(super) const PLACE_OPENINGS: &[&str] = &[
    "San", "Santa", "Los", "Las", "Fort", "Port", "Mount", "Lake", "Cape", "New", "North", "South",
    "East", "West", "Upper", "Lower", "Greater",
];

/// Last words of capitalised runs that name places, bodies and things, not people.
pub(super) const NOT_PERSON_ENDINGS: &[&str] = &[
    "Ridge",
    "Ocean",
    "Sea",
    "Island",
    "Keys",
    "Islands",
    "Coast",
    "Gulf",
    "Peninsula",
    "Canyon",
    "Desert",
    "Forest",
    "Mountain",
    "Mountains",
    "Basin",
    "Harbour",
    "Harbor",
    "Airport",
    "Station",
    "Museum",
    "Library",
    "Gallery",
    "Cathedral",
    "Palace",
    "Stadium",
    "Arena",
    "Highway",
    "Creek",
    "Falls",
    "Reef",
    "Track",
    "Hotel",
    "Motel",
    "Roadhouse",
    "Restaurant",
    "Cafe",
    "Café",
    "Market",
    "Mall",
    "Plaza",
    "Ranch",
    // Bodies, fields and teams named in the plural (`the Social Sciences and Humanities
    // Research Council`, `Halbridge Rovers`): no surname ends so.
    "Sciences",
    "Humanities",
    "Studies",
    "Affairs",
    "Services",
    "Resources",
    "Technologies",
    "Industries",
    "Holdings",
    "Solutions",
    "Logistics",
    "Analytics",
    "Robotics",
    "Therapeutics",
    "Pharmaceuticals",
    "Airlines",
    // Companies named by their trade (`Carta Healthcare`, `Halbridge Media`).
    "Healthcare",
    "Networks",
    "Partners",
    "Ventures",
    "Capital",
    "Media",
    "Energy",
    "Motors",
    "Insurance",
    "Consulting",
    "Communications",
    "Electronics",
    "Entertainment",
    "Studios",
    "Rovers",
    "Rangers",
    "Wanderers",
    "Whalers",
    "Athletics",
    "End",
    // Publications and bodies: `the Halbridge Echo`, `Manitoba History`, `the Grand Jury`.
    "Echo",
    "Journal",
    "Gazette",
    "Herald",
    "Tribune",
    "Chronicle",
    "Telegraph",
    "Observer",
    "Magazine",
    "Quarterly",
    "Bulletin",
    "Courier",
    "History",
    "Jury",
    "Street",
    "Avenue",
    "Road",
    "Square",
    "Park",
    "Bridge",
    "River",
    "Lake",
    "Valley",
    "Area",
    "Country",
    "Region",
    "District",
    "Province",
    "Territory",
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
    "Libraries",
    "Universities",
    "Communities",
    "Societies",
    "Agencies",
    "Companies",
    "Philharmonic",
    "Orchestra",
    "Symphony",
    "Opera",
    "Command",
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
    // Whether the last word was the `of` of an office (`Prime Minister of`), and whether the
    // run began right after one: `Prime Minister of India Jawaharlal Nehru` names Jawaharlal
    // Nehru, the first of three words being the office's place.
    let mut office_of = false;
    let mut run_after_office = false;
    let mut note = |run: &mut Vec<&str>, title: Option<&str>, start: usize, after_office: bool| {
        if after_office && run.len() == 3 {
            run.remove(0);
        }
        let person = match run.as_slice() {
            [one] => title.map(|t| format!("{t} {one}")),
            // `Note G`, `Plan B`: a bare letter ends no one's name; `San Francisco`, `Fort
            // Worth` open as places do.
            [first, .., last]
                if run.len() <= 3
                    && !NOT_PERSON_ENDINGS.contains(last)
                    && !PLACE_OPENINGS.contains(first)
                    && last.chars().nth(1).is_some() =>
            {
                Some(run.join(" "))
            }
            _ => None,
        };
        if let Some(person) = person {
            found.push((start, person));
        }
        run.clear();
    };
    let mut words = text.split_whitespace().peekable();
    while let Some(raw) = words.next() {
        let start = offset_in(text, raw);
        match name_word(raw) {
            Some((stem, closes)) => {
                if run.is_empty() {
                    run_start = start;
                    run_after_office = office_of;
                }
                office_of = false;
                run.push(stem);
                if closes {
                    note(&mut run, title.take(), run_start, run_after_office);
                }
            }
            // `Alan deLevie`: a surname with its particle joined in lower case, after a known
            // given name.
            None if joined_surname_after(&run, raw) => {
                run.push(bare(raw));
                if raw.ends_with([',', '.', ':', ';', ')']) {
                    note(&mut run, title.take(), run_start, run_after_office);
                }
            }
            None if month_as_surname(&run, raw, words.peek().copied()).is_some() => {
                // `Dame Ruth May told`, `Theresa May said`: a month after a given name is a
                // surname, which ends the name.
                run.push(bare(raw));
                note(&mut run, title.take(), run_start, run_after_office);
            }
            None => {
                // `Injured Olympic champion McClenaghan`: capitalised words before a role and
                // a name describe that person; they name no one.
                let described = !run.is_empty()
                    && words.peek().is_some_and(|next| name_word(next).is_some())
                    && super::grammar::is_role_noun(raw);
                if described {
                    run.clear();
                }
                let after_title = title.is_some();
                note(&mut run, title.take(), run_start, run_after_office);
                let b = bare(raw);
                office_of = after_title && raw == "of";
                title = (is_honorific(b) || is_title(b)).then(|| as_written(raw));
            }
        }
    }
    note(&mut run, title, run_start, run_after_office);
    found
}

/// Full names (runs of two or three capitalised words) seen in a document, with how often,
/// for the surnames that need resolving. Only the words around each occurrence of a wanted
/// surname are looked at, found by one pass over the bytes of each text.
#[derive(Debug, Default)]
pub struct Directory {
    /// Finds the wanted surnames in a text; `None` when none is wanted.
    finder: Option<Finder>,
    counts: FxHashMap<String, usize>,
    /// The full names by surname, given name and name without its suffix, most frequent
    /// first, made at the first [`Directory::candidates`].
    by_word: std::cell::OnceCell<FxHashMap<String, Vec<(String, usize)>>>,
}

/// How a directory looks for its surnames: one SIMD substring search per surname when there
/// are few (most documents quote one to three people; building an automaton costs more than
/// searching a short document), all at once when there are many: with a packed (Teddy)
/// search where it can run, else with Aho-Corasick.
#[derive(Debug, Clone)]
enum Finder {
    Few(Vec<(String, memchr::memmem::Finder<'static>)>),
    /// Many surnames, all at once with a packed (Teddy) search alone, where it can run: no
    /// automaton to build, and a candidate is checked against the few surnames it may be.
    Packed(aho_corasick::packed::Searcher),
    Many(aho_corasick::AhoCorasick),
}

/// Up to this many surnames are searched for one by one.
pub(super) const FEW: usize = 4;

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
            Finder::Packed(search) => {
                for m in search.find_iter(text.as_bytes()) {
                    found(m.start(), m.end());
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
            // word is checked against the surname afterwards. The same matches either way.
            let packed = aho_corasick::packed::Config::new()
                .match_kind(aho_corasick::packed::MatchKind::LeftmostLongest)
                .builder()
                .extend(&wanted)
                .build();
            match packed {
                Some(search) => Some(Finder::Packed(search)),
                None => aho_corasick::AhoCorasick::builder()
                    .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                    .build(&wanted)
                    .ok()
                    .map(Finder::Many),
            }
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
        let ranges: Vec<Range<usize>> = ranges.into_iter().collect();
        self.add_ranges_in(text, 0..text.len(), &ranges, &Range::clone);
    }

    /// [`Directory::add_ranges`] with the surnames searched for in `window` of `text` alone
    /// (the ranges are in it), and the ranges those of a slice of `items` (`range` gives an
    /// item's): a half of a big document's ranges is read where it is, not copied (millions
    /// of ranges).
    fn add_ranges_in<T>(
        &mut self,
        text: &str,
        window: Range<usize>,
        items: &[T],
        range: &impl Fn(&T) -> Range<usize>,
    ) {
        let Some(finder) = &self.finder else { return };
        self.by_word.take();
        let counts = &mut self.counts;
        // Most mentions repeat a name already counted: it is built here, not allocated.
        let mut full = String::new();
        // The range the last mention ended in: mentions mostly come in text order, so the next
        // one's range is found by stepping from there rather than by a search of them all.
        let mut at = 0;
        // Where the last words of the names counted start: a run found from its first word
        // (`Policy Community Policymakers`) is not counted again from its last.
        let mut counted: FxHashSet<usize> = Default::default();
        let shift = window.start;
        finder.for_each(&text[window], |start, end| {
            let (start, end) = (start + shift, end + shift);
            // The range the surname ends in; it must start there too.
            if at > 0 && range(&items[at - 1]).end >= end {
                at = 0;
            }
            at = first_ending_at_or_after(items, at, end, range);
            let Some(range) = items.get(at).map(range) else {
                return;
            };
            if start < range.start {
                return;
            }
            let surname = &text[start..end];
            let within = &text[range.clone()];
            // A run is known by where its last word starts.
            let at_word = start - range.start;
            let mut found_from_given = false;
            let last_word = if full_name_ending_at(within, at_word, surname, &mut full) {
                if let Some(suffix) = suffix_after(&text[end..range.end]) {
                    full.push_str(suffix);
                }
                Some(word_around(within, at_word).start)
            } else if within[end - range.start..]
                .strip_prefix(' ')
                .is_some_and(|next| next.starts_with(|c: char| c.is_uppercase()))
            {
                // A given name opens a run only before a capitalised word.
                found_from_given = true;
                full_name_starting_at(within, at_word, surname, &mut full)
            } else {
                None
            };
            if last_word.is_some_and(|w| counted.insert(range.start + w)) {
                // `Sunita and Dev Mistry`: two people of one surname (the full name's, which
                // is not the word found when that is a given name: `Gary and Sharon Hagan`
                // found from `Sharon` is Gary Hagan, not Gary Sharon).
                let family = match found_from_given {
                    true => family_name(&full).unwrap_or(surname),
                    false => surname,
                };
                let partner =
                    partner_before(within, &full).map(|given| format!("{given} {family}"));
                for name in std::iter::once(&full).chain(partner.as_ref()) {
                    match counts.get_mut(name.as_str()) {
                        Some(count) => *count += 1,
                        None => {
                            counts.insert(name.clone(), 1);
                        }
                    }
                }
            }
        });
    }

    /// [`Directory::add_ranges`], the second half of the ranges searched on a second thread
    /// (for a big document: starting a thread costs tens of microseconds). The names noted
    /// are the same.
    pub fn add_ranges_on_two_threads<T: Sync>(
        &mut self,
        text: &str,
        items: &[T],
        range: &(impl Fn(&T) -> Range<usize> + Sync),
    ) {
        // The second half starts at a range that a line break comes before: no surname can
        // run from one half into the other, so each half notes the names of its own ranges.
        let split = (items.len() / 2..items.len()).find(|&i| {
            let at = range(&items[i]).start;
            at > 0 && text.as_bytes().get(at - 1) == Some(&b'\n')
        });
        let Some(split) = split else {
            return self.add_ranges_in(text, 0..text.len(), items, range);
        };
        let mid = range(&items[split]).start;
        let (first, second) = items.split_at(split);
        // Each half searches its own side of `mid`: a char boundary (a line break is before it).
        let mid = if text.is_char_boundary(mid) {
            mid
        } else {
            text.len()
        };
        let finder = self.finder.clone();
        let count_second = || {
            let mut other = Directory {
                finder: finder.clone(),
                ..Directory::default()
            };
            other.add_ranges_in(text, mid..text.len(), second, range);
            other.counts
        };
        let counts = std::thread::scope(|scope| {
            let helper = std::thread::Builder::new()
                .name("dossier-names".into())
                .spawn_scoped(scope, count_second);
            self.add_ranges_in(text, 0..mid, first, range);
            match helper {
                Ok(helper) => helper
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                Err(_) => count_second(),
            }
        });
        for (name, n) in counts {
            *self.counts.entry(name).or_default() += n;
        }
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
            let mut index: FxHashMap<String, Vec<(String, usize)>> = FxHashMap::default();
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
        // `De Morgan`: a surname with its particle, the full names that end in it.
        if let Some(surname) = particle_surname(name) {
            return index
                .get(surname)
                .map(|names| {
                    names
                        .iter()
                        .map(|(full, _)| full.as_str())
                        .filter(|full| full.ends_with(name) && full.len() > name.len())
                        .collect()
                })
                .unwrap_or_default();
        }
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

/// The surname of `name` when it is a surname with its particle and nothing else (`De
/// Morgan` → `Morgan`, `van Dijk` → `Dijk`): one the text may write in full elsewhere
/// (`Augustus De Morgan`).
pub fn particle_surname(name: &str) -> Option<&str> {
    let (particle, surname) = name.trim().split_once(' ')?;
    // (The particles are ASCII: an ASCII word is compared without case, in place.)
    let particle = match particle.is_ascii() {
        true => is_particle_ignoring_case(particle),
        false => is_particle(&particle.to_lowercase()),
    };
    (particle && !surname.contains(' ') && is_capitalised(surname)).then_some(surname)
}

/// Whether `word` is a noun for what a person does or is (`Midfielder`, `Novelist`,
/// `Historian`), written before their name as a description.
pub(super) fn is_agent_noun(word: &str) -> bool {
    // A list, not a shape: many given names end as such nouns do (`Spencer`, `Christian`).
    const DESCRIPTIONS: &[&str] = &[
        "midfielder",
        "striker",
        "goalkeeper",
        "defender",
        "forward",
        "catcher",
        "pitcher",
        "quarterback",
        "coach",
        "novelist",
        "author",
        "writer",
        "historian",
        "photographer",
        "engineer",
        "teacher",
        "nurse",
        "doctor",
        "farmer",
        "fisherman",
        "lawyer",
        "attorney",
        "officer",
        "firefighter",
        "analyst",
        "researcher",
        "scientist",
        "student",
        "pianist",
        "singer",
        "actor",
        "actress",
        "artist",
        "designer",
        "owner",
        "resident",
        "volunteer",
        "chef",
        "driver",
        "pilot",
        "veteran",
        "economist",
        "journalist",
        "editor",
        "reporter",
        "columnist",
        "developer",
        "maintainer",
        "programmer",
        "biologist",
        "chemist",
        "physicist",
        "geologist",
        "oceanographer",
        "surgeon",
        "paramedic",
        "candidate",
        "incumbent",
        "challenger",
        "co-author",
        "activist",
        "campaigner",
        "entrepreneur",
        "investor",
        "founder",
        "co-founder",
        "historian",
        "archivist",
        "librarian",
        "curator",
        "advocate",
        "contributor",
        "manager",
        "architect",
        "tuner",
        "musician",
        "poet",
        "playwright",
        "filmmaker",
        "director",
        "producer",
        "principal",
        "superintendent",
        "counselor",
        "counsellor",
        "coordinator",
        "administrator",
        "organizer",
        "organiser",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "chairman",
        "chairwoman",
        "chairperson",
        "teen",
        "teenager",
        "intern",
        "freshman",
        "sophomore",
        "employee",
        "worker",
        "rancher",
        "elder",
        "panelist",
        "panellist",
        "moderator",
        "presenter",
    ];
    static WORDS: std::sync::OnceLock<Caseless> = std::sync::OnceLock::new();
    WORDS
        .get_or_init(|| Caseless::new(DESCRIPTIONS))
        .contains(word)
}

/// The given name of a partner written before `full` in `within` and joined to it by `and`,
/// the two sharing its surname (`Sunita and Dev Mistry` → `Sunita`): a known given name, as
/// `full`'s own is, so `Smith and Dev Mistry` names no one more.
fn partner_before<'t>(within: &'t str, full: &str) -> Option<&'t str> {
    let given = full.split(' ').next()?;
    given::of_given_name(given)?;
    let at = within.find(full)?;
    let mut before = within[..at].split_whitespace().rev();
    let (and, partner) = (before.next()?, before.next()?);
    (and == "and" && given::of_given_name(partner).is_some()).then_some(partner)
}

/// The family name of a full name: its last word with the particles before it, a suffix
/// left out (`Sharon Van Buren` → `Van Buren`, `Sharon Lynn Hagan` → `Hagan`, `James Hagan
/// Jr.` → `Hagan`).
fn family_name(full: &str) -> Option<&str> {
    let full = match full.rsplit_once(' ') {
        Some((before, last)) if is_suffix(last.trim_end_matches('.')) && before.contains(' ') => {
            before.trim_end_matches(',')
        }
        _ => full,
    };
    // Particles join the family name from the end, never the given name that opens it.
    let (mut rest, mut family) = full.rsplit_once(' ')?;
    while let Some((before, word)) = rest.rsplit_once(' ') {
        if !is_particle_ignoring_case(word) {
            break;
        }
        family = &full[before.len() + 1..];
        rest = before;
    }
    Some(family)
}

/// Whether the sentence that `rest` goes on with ends in a question mark.
fn asks(rest: &str) -> bool {
    rest.find(['.', '?', '!', '\n'])
        .is_some_and(|at| rest[at..].starts_with('?'))
}

/// Every nickname `text` writes in quotation marks inside a full name, with the full name
/// it stands for (`Yukihiro “Matz” Matsumoto`: `Matz` → `Yukihiro Matsumoto`): the name as
/// the full names around it are written, the nickname left out and what the person is
/// before it (`Drummer Bonita "Bonnie" Banducci` → `Bonita Banducci`); `None` for a nickname
/// the text gives two people (`John “Doc” Holliday` and `Robert “Doc” Jones`). One pass over
/// the text, however many names ask.
pub fn nicknames_in(text: &str) -> FxHashMap<String, Option<String>> {
    let mut found: FxHashMap<String, Option<String>> = FxHashMap::default();
    let mut full = String::new();
    for (open, mark) in text.match_indices(['“', '"']) {
        let inner_at = open + mark.len();
        let rest = &text[inner_at..];
        // One capitalised word, closed by a mark, a space and a name word after it.
        let nick_len = rest
            .find(|c: char| !(c.is_alphanumeric() || matches!(c, '.' | '\'' | '’' | '-')))
            .unwrap_or(rest.len());
        let nick = &rest[..nick_len];
        let after = &rest[nick_len..];
        let Some(close) = after.chars().next().filter(|c| matches!(c, '”' | '"')) else {
            continue;
        };
        if nick.is_empty() || !is_capitalised(nick) || !after[close.len_utf8()..].starts_with(' ') {
            continue;
        }
        let surname_at = inner_at + nick_len + close.len_utf8() + 1;
        // The name's own line (no heading's words before it), and of it only the few words
        // a name can have before the nickname: a line of a megabyte is not read again for
        // each of its quotation marks.
        let mut window = open.saturating_sub(120);
        while !text.is_char_boundary(window) {
            window += 1;
        }
        let line = text[window..open]
            .rfind('\n')
            .map_or(window, |n| window + n + 1);
        let line_text = &text[line..];
        let at = surname_at - line;
        let word = word_around(line_text, at);
        let Some((surname, _)) = name_word(&line_text[word]) else {
            continue;
        };
        // A given name before the nickname: the run ends at the surname and skips it.
        if !full_name_ending_at(line_text, at, surname, &mut full) {
            continue;
        }
        let mut words: Vec<&str> = full.split(' ').collect();
        while words.len() > 2 && given::of_given_name(words[0]).is_none() {
            words.remove(0);
        }
        if words.len() < 2 {
            continue;
        }
        let name = words.join(" ");
        match found.get_mut(nick) {
            Some(known) if known.as_deref() != Some(name.as_str()) => *known = None,
            Some(_) => {}
            None => {
                found.insert(nick.to_string(), Some(name));
            }
        }
    }
    found
}

/// Whether `name` opens with initials run together (`J.R. Halloway`).
pub fn opens_with_initials(name: &str) -> bool {
    // Asked of every speaker's name: no allocation, bytes only.
    let Some((first, _)) = name.split_once(' ') else {
        return false;
    };
    let b = first.as_bytes();
    b.len() >= 4
        && b.len() % 2 == 0
        && b.chunks(2)
            .all(|c| c[0].is_ascii_uppercase() && c[1] == b'.')
}

/// The one full name of `named` that `name`, initials and a surname (`J.R. Halloway`), stands
/// for (`Joseph R. Halloway`).
pub fn in_full_of_initials(name: &str, named: &[String]) -> Option<String> {
    let surname = name.split_whitespace().next_back()?;
    let mut fuller = named
        .iter()
        .filter(|n| n.rsplit(' ').next() == Some(surname) && n.as_str() != name)
        .filter(|n| without_initials_of_others(&[name, n.as_str()]) == [n.as_str()]);
    let one = fuller.next()?;
    // Two people it may stand for: it stays as written.
    let others: Vec<&String> = fuller.collect();
    let all: Vec<&str> = std::iter::once(one.as_str())
        .chain(others.iter().map(|s| s.as_str()))
        .collect();
    match without_initials_of_others(&all).as_slice() {
        [full] => Some(full.to_string()),
        _ => None,
    }
}

/// `names` without any that only shortens another to initials: `T. Wierzbicki` (a reference
/// list's) is the `Tomasz Wierzbicki` the text names, one person; so is `Joseph Curren`
/// the `Joseph F. Curren` the text names with his middle initial, and `J.F. Curren`.
pub fn without_initials_of_others<'n>(names: &[&'n str]) -> Vec<&'n str> {
    let shortens = |s: &[&str], f: &[&str]| {
        s != f
            && s.len() == f.len()
            && s.last() == f.last()
            && s.iter().zip(f).rev().skip(1).all(|(a, b)| {
                a == b
                    // `Joseph F Curren` (a reference's) is `Joseph F. Curren`.
                    || b.strip_suffix('.') == Some(a)
                    || a.strip_suffix('.').is_some_and(|i| {
                        i.chars().count() == 1 && b.starts_with(i) && b.len() > i.len()
                    })
            })
    };
    // `Nakamura T.` (a reference list's, surname first) is `Terry Nakamura`.
    let reversed = |s: &[&str], f: &[&str]| match (s, f) {
        ([surname, initial], [given, .., last]) => {
            surname.trim_end_matches(',') == *last
                && initial
                    .trim_end_matches(['.', ','])
                    .chars()
                    .next()
                    .is_some_and(|i| given.starts_with(i))
                && initial.trim_end_matches(['.', ',']).chars().count() == 1
        }
        _ => false,
    };
    // `Joseph Curren` is `Joseph F. Curren`, and `Harry Huskey` is `Harry Douglas Huskey`:
    // only middle names or their initials are left out between the two.
    let initial = |w: &str| {
        let w = w.trim_end_matches('.');
        w.chars().count() == 1 && w.chars().all(char::is_uppercase)
    };
    let middle = |w: &str| initial(w) || name_word(w).is_some_and(|(_, closes)| !closes);
    let middle_left_out = |s: &[&str], f: &[&str]| {
        s.len() == 2
            && f.len() > 2
            && s.first() == f.first()
            && s.last() == f.last()
            && !initial(s[0])
            && f[1..f.len() - 1].iter().all(|w| middle(w))
    };
    // `J.F. Curren` (a letter's signature) is `Joseph F. Curren`: one initial a word.
    let initials_joined = |s: &[&str], f: &[&str]| {
        let [joined, last] = s else {
            return false;
        };
        f.len() > 2
            && f.last() == Some(last)
            && joined.ends_with('.')
            && joined.split_terminator('.').count() == f.len() - 1
            && joined.split_terminator('.').zip(f).all(|(l, w)| {
                l.chars().count() == 1 && l.chars().all(char::is_uppercase) && w.starts_with(l)
            })
    };
    let gone = |n: &[&str], other: &[&str]| {
        shortens(n, other)
            || reversed(n, other)
            || middle_left_out(n, other)
            || initials_joined(n, other)
    };
    // One name (as most speakers' are) is compared with itself alone: its words are split onto
    // the stack.
    if let [one] = names {
        let mut buf = [""; 8];
        let mut n = 0;
        for w in one.split_whitespace() {
            if n == buf.len() {
                n += 1;
                break;
            }
            buf[n] = w;
            n += 1;
        }
        if let Some(w) = buf.get(..n) {
            return match gone(w, w) {
                true => Vec::new(),
                false => vec![*one],
            };
        }
    }
    // Each name's words, split once for all the pairs.
    let words: Vec<Vec<&str>> = names
        .iter()
        .map(|n| n.split_whitespace().collect())
        .collect();
    names
        .iter()
        .zip(&words)
        .filter(|(_, n)| !words.iter().any(|other| gone(n, other)))
        .map(|(name, _)| *name)
        .collect()
}

/// `name` without a word before it that describes the person rather than names them: an
/// office or a party (`Councilmember Tricia Cavanaugh`, `Republican Ruth Calloway`), a
/// word shaped like a noun for what someone does or is (`Development Laura Beck`), a
/// department (`Interior Ken Salazar`), a year of study (`Junior Rebeqah James`) or a word
/// for a countryman before a given name (`Welshman Tom Jones`).
pub fn without_description(name: &str) -> &str {
    const PARTIES: &[&str] = &[
        "Republican",
        "Democrat",
        "Democratic",
        "Labour",
        "Conservative",
        "Tory",
        "Liberal",
        "Independent",
        "Socialist",
    ];
    let mut words = name.split_whitespace();
    let (Some(first), Some(second)) = (words.next(), words.next()) else {
        return name;
    };
    let rest_count = 1 + words.count();
    // `Council Member Terrence Whitaker`, `Council Member Whitaker`: an office of two words.
    if second == "Member" && rest_count >= 2 {
        let after = name.trim_start()[first.len()..].trim_start();
        return after.strip_prefix("Member").unwrap_or(after).trim_start();
    }
    // Only a capitalised word after two words or more can be the name a description leads to.
    if rest_count < 2 || !is_capitalised(second) {
        return name;
    }
    // `Delhi-based Centre for Forest Rights`: where the body is, not its name.
    let placed = || {
        ["-based", "-born", "-led", "-headquartered"]
            .iter()
            .any(|s| first.ends_with(s))
    };
    // `Director of Development Laura Beck`, `Secretary of the Interior Ken Salazar`: a
    // department before a given name.
    let before_given = || given::of_given_name(bare(second)).is_some();
    let department =
        || (is_department(bare(first)) || is_department_of_state(bare(first))) && before_given();
    // `junior Rebeqah James`, `Year Lawrence Russell` (of `Second Year`), `Welshman Tom
    // Jones`: a year of study, or a word for a countryman, before the name.
    let year_of_study = matches!(
        bare(first),
        "Junior" | "Senior" | "Sophomore" | "Freshman" | "Year" | "Graduate" | "Alumnus" | "Alumna"
    ) && rest_count >= 2;
    let countryman = || {
        (first.ends_with("man") || first.ends_with("woman"))
            && given::of_given_name(bare(first)).is_none()
            && before_given()
    };
    let describes = is_title(bare(first))
        || PARTIES.contains(&first)
        || is_agent_noun(first)
        || placed()
        || department()
        || year_of_study
        || countryman();
    if describes {
        // (The first word starts where the name does once trimmed.)
        return name.trim_start()[first.len()..].trim_start();
    }
    name
}

/// Whether `word` names a government department by its subject (`Secretary of the Interior`,
/// `Secretary of State`): before a given name it is no part of a name.
fn is_department_of_state(word: &str) -> bool {
    matches!(
        word,
        "Interior"
            | "State"
            | "Defense"
            | "Defence"
            | "Treasury"
            | "Justice"
            | "Labor"
            | "Labour"
            | "Health"
            | "Energy"
            | "Commerce"
            | "Education"
            | "Agriculture"
            | "Transportation"
            | "Transport"
            | "Housing"
    )
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
pub(super) fn first_ending_at_or_after<T>(
    items: &[T],
    from: usize,
    end: usize,
    range: impl Fn(&T) -> Range<usize>,
) -> usize {
    let rest = items.get(from..).unwrap_or_default();
    let mut bound = 1;
    while bound < rest.len() && range(&rest[bound - 1]).end < end {
        bound *= 2;
    }
    from + rest[..bound.min(rest.len())].partition_point(|r| range(r).end < end)
}

/// Whether `raw` is a nickname set in quotation marks between a given name and a surname
/// (`"Tiggy"`, `“KK”`): one capitalised word, quoted whole.
pub fn is_nickname(raw: &str) -> bool {
    let Some(inner) = raw
        .strip_prefix(['"', '“', '\'', '‘'])
        .and_then(|r| r.strip_suffix(['"', '”', '\'', '’']))
    else {
        return false;
    };
    inner.starts_with(|c: char| c.is_uppercase())
        && inner
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '.')
}

/// A word as part of a run of name words: its stem (possessive removed), and whether it closes
/// the run (punctuation or a possessive after it). `None` when it is not a name word.
/// `Renee` of `CA--Renee`: a dateline's place in capitals, then a dash and the word after it
/// (`SANTA CRUZ, CA--Renee Firestone survived …`); any other word as it is.
fn after_dateline(raw: &str) -> &str {
    // Asked of every capitalised word: most hold no dash at all (an em or en dash opens with
    // the byte 0xE2).
    if !raw.bytes().any(|b| b == b'-' || b == 0xE2) {
        return raw;
    }
    for dash in ["--", "—", "–"] {
        if let Some((place, after)) = raw.split_once(dash) {
            let mut letters = place.chars().filter(|c| c.is_alphabetic()).peekable();
            let capitals = letters.peek().is_some() && letters.all(char::is_uppercase);
            if capitals && after.starts_with(char::is_uppercase) {
                return after;
            }
        }
    }
    raw
}

pub(super) fn name_word(raw: &str) -> Option<(&str, bool)> {
    // Most name words are a capital and ASCII letters, perhaps with a mark of punctuation after
    // them that closes the name (`Leike,`): nothing to split or strip, and what the steps below
    // give such a word is the letters, closing the name when the mark is there.
    let (letters, closes) = match raw.as_bytes().last() {
        Some(b',' | b'.' | b':' | b';' | b')' | b'"') => (&raw[..raw.len() - 1], true),
        _ => (raw, false),
    };
    let bytes = letters.as_bytes();
    if bytes.len() >= 2
        && bytes[0].is_ascii_uppercase()
        && bytes[1..].iter().all(u8::is_ascii_alphabetic)
    {
        let good = bytes[1..].iter().any(u8::is_ascii_lowercase) && !is_never_in_a_name(letters);
        return good.then_some((letters, closes));
    }
    name_word_read_whole(raw)
}

/// Whether `raw` is a surname with its particle joined in lower case (`deLevie`) right after
/// a run of one known given name.
pub(super) fn joined_surname_after(run: &[&str], raw: &str) -> bool {
    matches!(run, [given] if super::given::of_given_name(given).is_some())
        && super::words::is_particle_joined(bare(raw))
}

/// [`name_word`] for any word: every step taken.
fn name_word_read_whole(raw: &str) -> Option<(&str, bool)> {
    // Most words are not capitalised: they are passed over before anything is trimmed.
    let first = raw.chars().find(|c| c.is_alphanumeric())?;
    if !first.is_uppercase() {
        return None;
    }
    let raw = after_dateline(raw);
    // `Dent County--about 3 hours`: a dash that joins words in lower case to the name's last
    // word closes the name there.
    // (Most words hold no dash: one pass over the bytes for `-` and the em dash's lead byte.)
    let dash = raw.bytes().any(|b| b == b'-' || b == 0xE2);
    let (raw, dashed) = match dash
        .then(|| raw.find("--").or_else(|| raw.find('—')))
        .flatten()
    {
        Some(i)
            if i > 0
                && raw[i..]
                    .trim_start_matches(['-', '—'])
                    .starts_with(char::is_lowercase) =>
        {
            (&raw[..i], true)
        }
        _ => (raw, false),
    };
    let first = raw.chars().find(|c| c.is_alphanumeric())?;
    // `Carla Freccero (Literature)`: what is in brackets after a name is no part of it, nor
    // the first word of a quotation after it (`Peter Cheung⏎“Paying someone …`).
    if !first.is_uppercase() || raw.starts_with(['(', '[', '"', '“']) {
        return None;
    }
    let w = bare(raw);
    let stem = strip_possessive(w);
    // An initial (`M.` in `Rosa M. Delgado`) is part of the name and closes nothing. Only a
    // word of one letter can be one: the others are not asked (`is_initial` trims again).
    let one_letter = w.chars().nth(1).is_none();
    if (one_letter && stem == w || is_initials_run(w)) && is_initial(raw) {
        let closes = raw.ends_with([',', ':', ';', ')', '"', '”']);
        return Some((as_written(raw), closes));
    }
    // A title is not part of a full name: `Miss Reyes` is no one's full name.
    let good = is_capitalised(stem) && has_name_letters(stem) && !is_never_in_a_name(stem);
    let closes = dashed || stem != w || raw.ends_with([',', '.', ':', ';', ')', '"', '”']);
    good.then_some((stem, closes))
}

/// Whether `stem` is written as a name is: letters, hyphens and apostrophes only, and not an
/// acronym (two letters or more, none in lower case). One pass over its characters, where
/// `is_acronym` and the test of each character took three.
pub(super) fn has_name_letters(stem: &str) -> bool {
    if stem.is_ascii() {
        let (mut letters, mut lower) = (0, false);
        for &b in stem.as_bytes() {
            if b.is_ascii_alphabetic() {
                letters += 1;
                lower |= b.is_ascii_lowercase();
            } else if !matches!(b, b'-' | b'\'') {
                return false;
            }
        }
        return letters < 2 || lower;
    }
    let (mut letters, mut lower) = (0, false);
    for c in stem.chars() {
        if c.is_alphabetic() {
            letters += 1;
            lower |= c.is_lowercase();
        } else if !matches!(c, '-' | '\'' | '’') {
            return false;
        }
    }
    // What `is_acronym` says of a word of letters: two letters or more, none in lower case.
    debug_assert_eq!(letters >= 2 && !lower, is_acronym(stem));
    // Not an acronym.
    letters < 2 || lower
}

/// A suffix that follows the name ending at the start of `rest`: `, Jr.` in `Walter Pryce,
/// Jr.`, as written (`Jr.`).
pub(super) fn suffix_after(rest: &str) -> Option<&str> {
    let unset = rest.strip_prefix(',').unwrap_or(rest);
    let word = unset.strip_prefix(' ')?.split_whitespace().next()?;
    let word = word.trim_end_matches([',', ';', ':', ')']);
    // As written: `Leonard Sipes, Jr.`, `Byron Stookey Jr.`.
    let end = rest.len() - unset.len() + 1 + word.len();
    is_suffix(word).then(|| &rest[..end])
}

/// The full name whose run of name words ends with the word at byte `at`, when that word is
/// `surname` and the run is two or three words long: written to `full`, and true.
pub(super) fn full_name_ending_at(text: &str, at: usize, surname: &str, full: &mut String) -> bool {
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
pub(super) fn full_name_starting_at(
    text: &str,
    at: usize,
    given: &str,
    full: &mut String,
) -> Option<usize> {
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
        // `Sam "Tiggy" Tigwell`: a nickname in quotation marks is no word of the full name.
        if run.len() == 1 && is_nickname(&text[w.clone()]) {
            end = w.end;
            continue;
        }
        // `Taric Santos de Andrade`: a particle between name words.
        let particle = &text[w.clone()];
        if run.len() >= 2 && is_particle(particle) {
            let after = text[w.end..].trim_start();
            let next = word_around(text, text.len() - after.len());
            if !after.is_empty()
                && text[w.end..].len() > after.len()
                && name_word(&text[next]).is_some()
            {
                run.push(particle);
                end = w.end;
                continue;
            }
        }
        match name_word(&text[w.clone()]) {
            Some((stem, closes)) => {
                run.push(stem);
                end = w.end;
                last = w.start;
                if closes || run.len() > 4 {
                    break;
                }
            }
            None => {
                // `Ruth May told the inquiry`: a month after a given name is a surname.
                let after = text[w.end..].split_whitespace().next();
                if let Some(month) = month_as_surname(&run, &text[w.clone()], after) {
                    run.push(month);
                    last = w.start;
                }
                break;
            }
        }
    }
    let particles = run.iter().filter(|w| is_particle(w)).count();
    if !(2..=3).contains(&(run.len() - particles)) {
        return None;
    }
    full.clear();
    full.push_str(&run.join(" "));
    Some(last)
}

/// `May` in `Ruth May`: a month's name that is the surname of the run of name words before
/// it, when the run is a known given name alone (`Theresa May`, not `In May`) and no number
/// follows (`Ruth May 2020` is no one). The month as the name writes it.
fn month_as_surname<'t>(run: &[&str], raw: &'t str, after: Option<&str>) -> Option<&'t str> {
    let [given_name] = run else { return None };
    let month = bare(raw);
    let dated = after.is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()));
    (crate::document::dates::MONTH_NAMES.contains(&month)
        && !dated
        && super::given::of_given_name(given_name).is_some())
    .then_some(month)
}

/// The words of [`full_name_ending_at`], last first, and how many there are.
pub(super) fn full_name_words<'t>(
    text: &'t str,
    at: usize,
    surname: &str,
) -> Option<([&'t str; 3], usize)> {
    let word = word_around(text, at);
    // Most mentions of a surname follow a lowercase word ("said Leike"): no full name ends
    // there, which one look at the word before tells.
    let before = text[..word.start].trim_end();
    let last = before.chars().next_back()?;
    let previous = after_markup(text, word_around(text, before.len() - last.len_utf8()));
    if !is_capitalised(bare(&text[previous])) {
        return None;
    }
    let (stem, closes) = name_word(&text[word.clone()])?;
    if stem != surname {
        return None;
    }
    // The run must end here: this word closes it, or the next word is not a name word (a
    // suffix may follow: `Byron Stookey Jr.`).
    if !closes {
        let rest = &text[word.end..];
        let next = rest.trim_start();
        if !next.is_empty() {
            let from = text.len() - next.len();
            let next = &text[word_around(text, from)];
            let suffix = is_suffix(next.trim_end_matches([',', ';', ':', ')']));
            if !suffix && name_word(next).is_some() {
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
        let whole = word_around(text, before.len() - before.chars().next_back()?.len_utf8());
        let prev = after_markup(text, whole.clone());
        // Markup before the word ends the run there.
        let markup_before = prev.start != whole.start;
        // `Sam "Tiggy" Tigwell`: a nickname in quotation marks is no word of the full name.
        if is_nickname(&text[prev.clone()]) && n == 1 {
            start = prev.start;
            continue;
        }
        match name_word(&text[prev.clone()]) {
            // `Before joining Suffolk Libraries Alison spent …`: a word that ends a body's
            // name is no part of a person's, and the name starts after it.
            Some((w, false)) if ends_a_body(w) => break,
            Some((w, false)) => {
                if n == run.len() {
                    // `Catcher Billy Joe Pruitt`: a word for what the person does ends the
                    // run; `Senate Majority Carl Brandt`: words before a known given name
                    // describe the person; else the run is no person's name.
                    if is_agent_noun(w) {
                        break;
                    }
                    // `English Teacher Jamie Woods`: the word before the given name is for
                    // what the person does (a given name the list may not know).
                    if given::of_given_name(run[1]).is_some() || is_agent_noun(run[2]) {
                        n = 2;
                        break;
                    }
                    return None;
                }
                run[n] = w;
                n += 1;
                start = prev.start;
                if markup_before {
                    break;
                }
            }
            // `Will Sullivan, former Director of …`: `Will`, never a name word elsewhere (`Will
            // Fischer say?`), is a given name before a surname that a comma closes, in a
            // sentence that asks nothing (not `Will Park, after this defeat, run again?`).
            None if n == 1
                && &text[prev.clone()] == "Will"
                && text[word.clone()].ends_with(',')
                && !asks(&text[word.end..]) =>
            {
                run[1] = "Will";
                n = 2;
                break;
            }
            _ => break,
        }
    }
    // `Midfielder Sam Tigwell` at the start of a sentence: a word for what a person does
    // describes them (not `Billy Joe Pruitt`).
    // The list of such words holds no given name; the given name after it may be one the
    // list of given names lacks (`Teacher Jamie Woods`).
    if n == 3 && is_agent_noun(run[2]) {
        n = 2;
    }
    // `Dean of Humanities Wlad Godzich`, `Secretary of the Interior Ken Salazar`: the word
    // after a preposition is what the office is of, not the person's first name.
    if n == 3 {
        let before = text[..start].trim_end();
        let mut words = before.rsplit(char::is_whitespace);
        let word = words.next().unwrap_or_default();
        // `Secretary of the Interior Ken Salazar`: after `of the` too.
        let word = match word {
            "the" => words.next().unwrap_or_default(),
            _ => word,
        };
        if matches!(word, "of" | "for" | "at" | "in" | "from") {
            n = 2;
        }
    }
    // `Reporting fromSan Francisco Meta`: words run together (a page's lines flattened); the
    // run goes on inside the word before it, and is no name.
    let before_run = text[..start].trim_end();
    let before_run = before_run
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or_default();
    if super::words::glued_capital(before_run) {
        return None;
    }
    (n >= 2).then_some((run, n))
}

/// The word at `word` of `text` without markup run into its start (`height="60"}Dick`, an
/// image's attributes; `<b>Dick`, a tag), when a capital follows the markup: no part of a name.
fn after_markup(text: &str, word: Range<usize>) -> Range<usize> {
    match text[word.clone()].rfind(['}', '>']) {
        Some(i) if text[word.start + i + 1..word.end].starts_with(char::is_uppercase) => {
            word.start + i + 1..word.end
        }
        _ => word,
    }
}

/// Prepositions after which a given name is seldom a person a pronoun stands for.
fn is_preposition(word: &str) -> bool {
    matches!(
        word,
        "to" | "from"
            | "with"
            | "in"
            | "on"
            | "at"
            | "by"
            | "for"
            | "of"
            | "into"
            | "onto"
            | "via"
            | "like"
            | "than"
            | "about"
    )
}

/// Each given name of `gender` that `text` writes alone (no capitalised word beside it, so
/// no part of a full name or a title): where, and the name; one of a couple with the
/// surname after (`Prue and Greg Coulthard` → `Prue Coulthard`). Not a word that is more
/// often something else (`Will`, `May`, `Grace`).
pub fn lone_given_names(text: &str, gender: given::Gender) -> Vec<(usize, String)> {
    const OTHER_WORDS: &[&str] = &[
        "Will", "May", "June", "April", "August", "Grace", "Faith", "Hope", "Joy", "Mark", "Bill",
        "Art", "Rose", "Summer", "Dawn", "Pat", "Sue", "Frank", "Guy", "Max", "Rich", "Sandy",
        "Lane", "Victoria", "Georgia", "Virginia", "Carolina", "Florence", "Chase", "Drew",
    ];
    let words: Vec<&str> = text.split_whitespace().collect();
    let capital = |i: Option<usize>| {
        i.and_then(|i| words.get(i))
            .is_some_and(|w| is_capitalised(bare(w)) && !w.ends_with(['.', '!', '?']))
    };
    let mut found = Vec::new();
    for (i, raw) in words.iter().enumerate() {
        let w = strip_possessive(bare(raw));
        if !is_capitalised(w)
            || OTHER_WORDS.contains(&w)
            || given::of_given_name(w) != Some(gender)
            || capital(i.checked_sub(1))
            || (!raw.ends_with([',', '.', ';', ':', '!', '?']) && capital(Some(i + 1)))
        {
            continue;
        }
        // Where a person stands, not a thing that may share the name (`moved the site to
        // Hugo`, `after two years with Julia,`): set off by commas after a noun (`His mum,
        // Karen,`), or opening a sentence before a word in lower case or a comma (`Prue is
        // …`, `Kieran, 34, was …`).
        let before = i.checked_sub(1).map(|j| words[j]);
        let set_off = before.is_some_and(|b| {
            b.ends_with(',') && !is_capitalised(bare(b)) && !is_preposition(bare(b))
        }) && raw.ends_with(',');
        // A bullet written as text (`• Paula told researchers …`) opens its line too.
        let opens = before.is_none_or(|b| {
            b.ends_with(['.', '!', '?', ':']) || !b.chars().any(char::is_alphanumeric)
        }) && (raw.ends_with(',')
            || words
                .get(i + 1)
                .is_some_and(|n| n.starts_with(char::is_lowercase)));
        if !set_off && !opens {
            continue;
        }
        // `Prue and Greg Coulthard`: one of a couple, named with the surname after.
        let couple = (!raw.ends_with([',', '.', ';', ':']))
            .then(|| words.get(i + 1..i + 4))
            .flatten()
            .filter(|w| {
                matches!(w[0], "and" | "&")
                    && given::of_given_name(bare(w[1])).is_some()
                    && capital(Some(i + 3))
            });
        let name = match couple {
            Some(after) => format!("{w} {}", bare(after[2])),
            None => w.to_string(),
        };
        found.push((offset_in(text, raw), name));
    }
    found
}

/// The full names `text` writes with the given name `given`: `Given Surname`, and one of a
/// couple (`Prue and Greg Coulthard` → `Prue Coulthard`); each once, in order.
pub fn full_names_of_given(text: &str, given: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for (at, _) in text.match_indices(given) {
        let starts_word = text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let rest = &text[at + given.len()..];
        if !starts_word || !rest.starts_with(' ') {
            continue;
        }
        let words: Vec<&str> = rest.split_whitespace().take(3).collect();
        let name_word = |w: &str| {
            let b = bare(w);
            is_capitalised(b) && !is_not_name(b) && !is_title(b) && strip_possessive(b) == b
        };
        let surname = match words.as_slice() {
            [and, partner, last, ..]
                if matches!(*and, "and" | "&")
                    && given::of_given_name(bare(partner)).is_some()
                    && name_word(last) =>
            {
                bare(last)
            }
            [next, ..] if name_word(next) => bare(next),
            _ => continue,
        };
        let full = format!("{given} {surname}");
        if !found.contains(&full) {
            found.push(full);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    #[test]
    fn one_name_alone_is_kept_unless_it_shortens_itself() {
        let keep = [
            "Jan Leike",
            "Leike",
            "Joseph F. Curren",
            "Nakamura T.",
            "J.F. Curren",
            "A B C D E F G H I J",
        ];
        for name in keep {
            assert_eq!(super::without_initials_of_others(&[name]), [name], "{name}");
        }
        // A surname and its own initial (`A A`) reads as a reference's `Surname I.` of itself,
        // with the other names as without them.
        assert!(super::without_initials_of_others(&["A A"]).is_empty());
        assert_eq!(
            super::without_initials_of_others(&["Joseph Curren", "Joseph F. Curren"]),
            ["Joseph F. Curren"]
        );
    }

    #[test]
    fn a_plain_name_word_is_read_as_every_step_reads_it() {
        let words = [
            "Leike",
            "Leike,",
            "Leike.",
            "Leike:",
            "Leike;",
            "Leike)",
            "Leike\"",
            "Leike's",
            "AB",
            "AB,",
            "Ab",
            "Ab.",
            "A.",
            "A,",
            "X",
            "Mr.",
            "Mr",
            "May",
            "May,",
            "Jr.",
            "leike",
            "McDonald",
            "DeVries;",
            "O'Neil",
            "Smith-Jones",
            "Ángel",
            "Leike,,",
            "(Leike)",
            "Leike--who",
            "NASA",
            "Dan",
            "Hon.",
        ];
        for w in words {
            assert_eq!(super::name_word(w), super::name_word_read_whole(w), "{w}");
        }
    }

    /// `Professor Peter Cheung` and `Professor Cheung` are the one Peter Cheung; a word that
    /// opens a quotation after a name (`Peter Cheung⏎“Paying …`) is no part of it.
    #[test]
    fn a_title_before_a_full_name_and_a_quotation_after_it_are_no_part_of_it() {
        let mut people = People::default();
        people.add("Professor Peter Cheung");
        people.add("Peter Cheung");
        for (_, name) in person_mentions("Professor Peter Cheung “Paying someone twice is odd.”")
        {
            people.add(&name);
        }
        assert_eq!(people.in_full("Professor Cheung"), Some("Peter Cheung"));
        assert_eq!(name_word("“Paying"), None);
        assert_eq!(name_word("(Literature),"), None);
    }

    use super::*;

    /// Every full name in `text`, by a scan over every word: what the targeted search must find.
    fn all_full_names(text: &str) -> FxHashMap<String, usize> {
        let mut counts = FxHashMap::default();
        let mut run: Vec<&str> = Vec::new();
        let mut note = |run: &mut Vec<&str>| {
            // `Midfielder Sam Tigwell`: a description before a known given name.
            if run.len() == 3 && is_agent_noun(run[0]) && given::of_given_name(run[1]).is_some() {
                run.remove(0);
            }
            if (2..=3).contains(&run.len()) {
                *counts.entry(run.join(" ")).or_default() += 1;
            }
            run.clear();
        };
        for raw in text.split_whitespace() {
            match name_word(raw) {
                Some((stem, closes)) => {
                    // A word that ends a body's name starts no person's before the next.
                    if run.last().is_some_and(|w| NOT_PERSON_ENDINGS.contains(w)) {
                        run.clear();
                    }
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
    fn many_surnames_are_found_alike_by_teddy_and_by_aho_corasick() {
        let wanted = [
            "Lei",
            "Leike",
            "Altman",
            "Sutskever",
            "Murati",
            "Brockman",
            "Okafor",
            "Kei",
        ];
        let seed = include_str!("../../../data/leike-openai-departure-2024.md");
        let text = format!("{seed}{seed} LeikeLei Leike Lei LeiLeike Okafor KeiLeike");
        let Some(Finder::Packed(packed)) = Directory::for_surnames(wanted).finder else {
            // No Teddy on this machine: Aho-Corasick is used, and there is nothing to compare.
            return;
        };
        let ac = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(wanted)
            .expect("an automaton");
        let by_teddy: Vec<(usize, usize)> = packed
            .find_iter(text.as_bytes())
            .map(|m| (m.start(), m.end()))
            .collect();
        let by_automaton: Vec<(usize, usize)> =
            ac.find_iter(&text).map(|m| (m.start(), m.end())).collect();
        assert!(by_teddy.len() > 20);
        assert_eq!(by_teddy, by_automaton);
    }

    #[test]
    fn the_gallop_finds_what_a_search_of_all_ranges_finds() {
        let ranges: Vec<Range<usize>> = (0..50).map(|i| i * 10..i * 10 + 5 + i % 3).collect();
        for from in 0..=ranges.len() {
            // Every range before `from` ends before `end`.
            let low = from.checked_sub(1).map_or(0, |i| ranges[i].end + 1);
            for end in low..520 {
                let expected = ranges.partition_point(|r| r.end < end);
                assert_eq!(
                    first_ending_at_or_after(&ranges, from, end, Range::clone),
                    expected
                );
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
