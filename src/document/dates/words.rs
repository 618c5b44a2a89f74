//! The words around a year that make it a date (context words, parts of a year, weekdays),
//! the month words, and the limits the recogniser holds to.

/// Month words in lower case, their month, and whether they may take an abbreviating dot.
pub(super) const MONTH_WORDS: [(&str, u8, bool); 24] = [
    ("january", 1, false),
    ("jan", 1, true),
    ("february", 2, false),
    ("feb", 2, true),
    ("march", 3, false),
    ("mar", 3, true),
    ("april", 4, false),
    ("apr", 4, true),
    // "May" is its own abbreviation, and takes no dot.
    ("may", 5, false),
    ("june", 6, false),
    ("jun", 6, true),
    ("july", 7, false),
    ("jul", 7, true),
    ("august", 8, false),
    ("aug", 8, true),
    ("september", 9, false),
    ("sept", 9, true),
    ("sep", 9, true),
    ("october", 10, false),
    ("oct", 10, true),
    ("november", 11, false),
    ("nov", 11, true),
    ("december", 12, false),
    ("dec", 12, true),
];

/// Words that make a following bare year read as a date (compared case-insensitively).
pub(super) const CONTEXT_WORDS: [&str; 25] = [
    "in",
    "since",
    "by",
    "until",
    "till",
    "through",
    "throughout",
    "during",
    "before",
    "after",
    "from",
    "between",
    "circa",
    "early",
    "late",
    "mid",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "around",
    "fiscal",
    "christmas",
    "easter",
];

/// Words that make `of` before a bare year read as a date: `the end of 2023`, `the summer of
/// 2021`, `as of 2022` (compared case-insensitively). Not `a total of 2000`.
pub(super) const OF_CONTEXT_WORDS: [&str; 18] = [
    "end",
    "start",
    "beginning",
    "middle",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "half",
    "quarter",
    "as",
    "most",
    "much",
    "all",
    "rest",
    "remainder",
    "part",
];

/// Words that, right before a bare year (or year range) and a word in lower case after it,
/// make it say when the thing named was made or happened: `the 1987 film`, `its 2022
/// paper`, `during the 2001–2004 restoration` (compared case-insensitively).
pub(super) const DETERMINERS: [&str; 9] = [
    "the", "a", "an", "its", "their", "our", "his", "her", "whose",
];

/// Words after a number that make it a quantity, not a year: `a 2000 word essay`, `the
/// 1500 metre final`, `a 2048 bit key`.
pub(super) const UNITS: [&str; 24] = [
    "word",
    "page",
    "mile",
    "metre",
    "meter",
    "kilometre",
    "kilometer",
    "foot",
    "yard",
    "bit",
    "byte",
    "pound",
    "dollar",
    "euro",
    "seat",
    "bed",
    "acre",
    "hectare",
    "square",
    "calorie",
    "volt",
    "watt",
    "strong",
    "odd",
];

/// Things that happen in a year, before `of` and a year (`the floods of 1998,`, `the budget
/// cuts of 2009 and 2010`).
pub(super) const HAPPENINGS: &[&str] = &[
    "floods",
    "flood",
    "cuts",
    "election",
    "elections",
    "strike",
    "strikes",
    "riots",
    "war",
    "crash",
    "crisis",
    "storm",
    "storms",
    "fire",
    "fires",
    "earthquake",
    "drought",
    "recession",
    "pandemic",
    "outbreak",
    "protests",
    "reforms",
    "games",
    "championship",
    "season",
    "seasons",
    "summers",
    "winters",
    "springs",
    "autumns",
    "months",
    "weeks",
    "events",
    "changes",
    "merger",
    "collapse",
    "closure",
    "class",
    "census",
    "referendum",
    "uprising",
    "revolution",
    "lockdown",
    "lockdowns",
    "bushfires",
    "heatwave",
    "blackout",
    "shutdown",
    "layoffs",
    "redundancies",
    "bailout",
];

/// Words after a year-like number, with a determiner before it, that make it a count
/// (`the 1500 new homes`, `the 2000 people`, `a 1200 km trip`).
pub(super) const COUNTED: &[&str] = &[
    "new",
    "additional",
    "extra",
    "other",
    "more",
    "fewer",
    "existing",
    "remaining",
    "people",
    "staff",
    "block",
    "km",
    "m",
    "kg",
    "mg",
    "ft",
    "cc",
    "mph",
    "hp",
    "mAh",
    "ml",
    "kW",
    "MW",
    "GB",
    "MB",
    "TB",
    "cm",
    "mm",
    "lb",
    "lbs",
    "oz",
];

/// Longest word before `of` looked at (`temperature`).
pub(super) const MAX_OF_WORD_LEN: usize = 12;

/// Words that join a bare year to the date just before it: `between 2019 and 2021`.
pub(super) const JOINING_WORDS: [&str; 3] = ["and", "or", "to"];

/// Weekday names and abbreviations that may open a date heading (compared case-insensitively).
pub(super) const WEEKDAYS: [&str; 17] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
];

/// Lowest year accepted in text.
pub(super) const MIN_YEAR: u16 = 1000;
/// Highest year accepted in text.
pub(super) const MAX_YEAR: u16 = 2199;
/// Most whitespace characters allowed between the words of a month form.
pub(super) const MAX_GAP: usize = 3;
/// Longest month word (`September`).
pub(super) const MAX_MONTH_LEN: usize = 9;
/// Longest context word (`throughout`).
pub(super) const MAX_CONTEXT_LEN: usize = 10;
