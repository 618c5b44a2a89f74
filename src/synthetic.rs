//! Synthetic dossiers in the seed's shape, for benchmarks and scale tests: front matter,
//! dated headings, lists, block quotes with speakers and inline statements, varied by a
//! seeded generator so no two documents are alike.

use std::fmt::Write;
use std::path::Path;

const PEOPLE: &[&str] = &[
    "Jan Leike",
    "Ilya Sutskever",
    "Sam Altman",
    "Helen Toner",
    "Daniel Kokotajlo",
    "Timnit Gebru",
    "Frances Haugen",
    "Yoshua Bengio",
    "Geoffrey Hinton",
    "Dario Amodei",
    "Mira Murati",
    "Greg Brockman",
    "Margaret Mitchell",
    "Stuart Russell",
    "Meredith Whittaker",
    "Rumman Chowdhury",
];
const ORGS: &[&str] = &[
    "OpenAI",
    "Anthropic",
    "Google DeepMind",
    "Meta",
    "Microsoft",
    "xAI",
    "Mistral",
    "the board",
];
const TOPICS: &[&str] = &[
    "compute",
    "alignment",
    "safety culture",
    "governance",
    "whistleblower protections",
    "model evaluations",
    "interpretability",
    "red teaming",
    "release timelines",
    "preparedness",
    "oversight",
    "transparency",
];
const MONTHS: &[&str] = &crate::document::dates::MONTH_NAMES;
const WORDS: &[&str] = &[
    "the",
    "team",
    "said",
    "resources",
    "research",
    "priorities",
    "leadership",
    "concerns",
    "product",
    "launch",
    "pressure",
    "commitments",
    "public",
    "internal",
    "reality",
    "frontier",
    "labs",
    "trust",
    "risk",
    "progress",
    "careful",
    "faster",
    "budget",
    "staff",
    "policy",
    "report",
    "letter",
    "statement",
    "industry",
    "regulators",
];

/// A small deterministic generator (xorshift), so every run makes the same library.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }
    fn sentence(&mut self, words: usize) -> String {
        let mut s = String::new();
        for i in 0..words {
            if i > 0 {
                s.push(' ');
            }
            s.push_str(self.pick(WORDS));
        }
        let mut c = s.chars();
        match c.next() {
            Some(f) => f.to_uppercase().collect::<String>() + c.as_str() + ".",
            None => s,
        }
    }
}

/// Dossier number `i`: about 15 KB, with ~10 quotes and ~15 dated events.
pub fn dossier(i: usize) -> String {
    let mut r = Rng(0x9E37_79B9_7F4A_7C15 ^ (i as u64 + 1).wrapping_mul(0x2545_F491_4F6C_DD1D));
    let person = r.pick(PEOPLE);
    let org = r.pick(ORGS);
    let topic = r.pick(TOPICS);
    let year = r.range(2015, 2025);
    let surname = person.rsplit(' ').next().unwrap_or(person);
    let mut s = String::with_capacity(16 * 1024);
    let _ = write!(
        s,
        "---\ntitle: \"{person} on {topic} at {org} ({i})\"\nauthor: \"{} and various sources\"\nyear: {year}\nsource_url: \"https://example.org/dossiers/{i}\"\nsource_format: html\ndownloaded: 2026-02-10\nencrypted: false\nnotes: \"Synthetic dossier {i} for benchmarks.\"\n---\n\n# {person} on {topic} at {org}\n\n## Overview\n\n",
        r.pick(PEOPLE)
    );
    let month = r.pick(MONTHS);
    let day = r.range(1, 28);
    let _ = writeln!(
        s,
        "On {month} {day}, {year}, {person} spoke publicly about {topic} at {org}. {}\n",
        r.sentence(30)
    );
    s.push_str("## Background\n\n");
    for _ in 0..5 {
        let _ = writeln!(s, "- Joined {} in {}", r.pick(ORGS), r.range(2010, 2024));
    }
    let _ = writeln!(s, "\n{}\n\n## Timeline\n", r.sentence(60));
    for _ in 0..6 {
        let m = r.pick(MONTHS);
        let _ = writeln!(
            s,
            "### {m} {}, {year}\n{} {}\n",
            r.range(1, 28),
            r.pick(PEOPLE),
            r.sentence(25)
        );
    }
    let _ = writeln!(s, "## {surname}'s Public Statement\n");
    for q in 0..7 {
        let _ = writeln!(
            s,
            "### Point {q}\n\n> \"{} {} {}\"\n\n{}\n",
            r.sentence(12),
            topic,
            r.sentence(18),
            r.sentence(40)
        );
    }
    s.push_str("## Reactions\n\n");
    for _ in 0..3 {
        let speaker = r.pick(PEOPLE);
        let _ = writeln!(
            s,
            "- {speaker} said: \"{} {}\"",
            r.sentence(14),
            r.pick(TOPICS)
        );
    }
    let _ = writeln!(
        s,
        "\n## Context ({} {})\n",
        r.pick(MONTHS),
        year.saturating_sub(1)
    );
    for _ in 0..12 {
        let _ = writeln!(s, "{}\n", r.sentence(70));
    }
    s.push_str("## Sources\n\n");
    for k in 0..4 {
        let _ = writeln!(
            s,
            "- Report {k}: https://example.org/{year}/{:02}/{:02}/story-{i}-{k}",
            r.range(1, 12),
            r.range(1, 28)
        );
    }
    s
}

/// Writes `n` dossiers into `dir` (100 per subfolder) and returns the bytes written.
pub fn write_library(dir: &Path, n: usize) -> std::io::Result<u64> {
    let mut bytes = 0;
    for i in 0..n {
        let folder = dir.join(format!("{:03}", i / 100));
        if i % 100 == 0 {
            std::fs::create_dir_all(&folder)?;
        }
        let text = dossier(i);
        bytes += text.len() as u64;
        std::fs::write(folder.join(format!("{i:05}_dossier.md")), text)?;
    }
    Ok(bytes)
}

/// People the generated sections are about, in place of the seed's.
const SEED_PEOPLE: &[(&str, &str)] = &[
    ("Jan", "Leike"),
    ("Maria", "Okafor"),
    ("Tom", "Baptiste"),
    ("Priya", "Raman"),
    ("Lena", "Fischer"),
    ("Noor", "Haddad"),
    ("Felix", "Brandt"),
    ("Ada", "Byron"),
    ("Kofi", "Mensah"),
    ("Ana", "Ruiz"),
    ("Helen", "Toner"),
];

/// A dossier of at least `size` bytes: the seed's front matter, then its `##` sections over
/// and over, each copy about another person, in other years and months, with other numbers
/// (the parse benchmarks' large input: realistic prose, not one paragraph repeated).
pub fn seed_repeated(size: usize) -> String {
    let body_start = crate::library::EMBEDDED
        .match_indices("\n---\n")
        .next()
        .map_or(0, |(i, _)| i + 5);
    let (front, body) = crate::library::EMBEDDED.split_at(body_start);
    let mut sections: Vec<&str> = Vec::new();
    let mut rest = body;
    while let Some(i) = rest[1..].find("\n## ") {
        sections.push(&rest[..i + 2]);
        rest = &rest[i + 2..];
    }
    sections.push(rest);

    let mut out = String::with_capacity(size + 64 * 1024);
    out.push_str(front);
    let mut copy = 0usize;
    while out.len() < size {
        let (first, last) = SEED_PEOPLE[copy % SEED_PEOPLE.len()];
        let (o_first, o_last) = SEED_PEOPLE[(copy * 7 + 3) % SEED_PEOPLE.len()];
        let year = 1990 + (copy % 35);
        let month = MONTHS[(copy * 5) % 12];
        let day = 1 + copy % 28;
        for (i, section) in sections.iter().enumerate() {
            // Skip some sections in some copies so no two copies have the same outline.
            if i > 1 && (copy + i) % 5 == 0 {
                continue;
            }
            let varied = section
                .replace("Jan Leike", &format!("{first} {last}"))
                .replace("Leike", last)
                .replace("Ilya Sutskever", &format!("{o_first} {o_last}"))
                .replace("Sutskever", o_last)
                .replace("2024", &year.to_string())
                .replace("2023", &(year - 1).to_string())
                .replace("2021", &(year - 3).to_string())
                .replace("May 1", &format!("{month} 1"))
                .replace("May 28", &format!("{month} {day}"))
                .replace("20%", &format!("{}%", 5 + copy % 40));
            out.push_str(&varied);
            if !out.ends_with('\n') {
                out.push('\n');
            }
        }
        copy += 1;
    }
    out
}

/// The texts of the repository's own fixtures (`tests/fixtures/*.md`) and the embedded
/// dossier: for unit tests that check a property over every document the project has.
#[cfg(test)]
pub(crate) fn fixture_texts() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut texts: Vec<String> = std::fs::read_dir(dir)
        .expect("the fixtures")
        .map(|e| e.expect("a fixture").path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .map(|p| std::fs::read_to_string(p).expect("a fixture's text"))
        .collect();
    texts.push(crate::library::EMBEDDED.to_string());
    texts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_synthetic_dossier_has_the_seed_shape() {
        let text = dossier(7);
        assert_eq!(text, dossier(7), "deterministic");
        assert_ne!(text, dossier(8));
        let doc = crate::document::load("synthetic", &text);
        assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
        assert!(doc.sections.len() > 15);
        assert!(doc.quotes.len() >= 10, "{} quotes", doc.quotes.len());
        assert!(doc.timeline.len() >= 10, "{} events", doc.timeline.len());
        assert!(
            text.len() > 10_000 && text.len() < 20_000,
            "{} bytes",
            text.len()
        );
    }

    #[test]
    fn the_repeated_seed_is_the_size_asked_for_and_about_many_people() {
        let text = seed_repeated(300_000);
        assert!(
            text.len() >= 300_000 && text.len() < 400_000,
            "{} bytes",
            text.len()
        );
        let doc = crate::document::load("repeated", &text);
        assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
        assert_eq!(doc.meta.len(), 8, "the seed's front matter, once");
        let speakers: std::collections::HashSet<_> = doc
            .quotes
            .iter()
            .filter_map(|q| q.speaker.as_deref())
            .collect();
        assert!(
            speakers.contains("Jan Leike") && speakers.contains("Maria Okafor"),
            "{speakers:?}"
        );
        assert!(doc.timeline.iter().any(|e| e.date.iso().starts_with("199")));
    }
}
