//! Citing what is selected: a quote, a timeline event, a section, or the reader's passage,
//! with where it comes from (title, author, year, section, line, `source_url`), as plain
//! text (`y`) or as Markdown with a link (`Y`).

use super::{App, Focus, View};
use crate::document::{BlockKind, Document, Quote, Section, TimelineEntry};

/// How a citation is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CiteAs {
    /// One plain line after the text: `— Speaker, Title, Author (Year), § Section, line N, URL`.
    Plain,
    /// Markdown: the text quoted, the title a link to `source_url`.
    Markdown,
}

/// What was cited, for the footer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cited {
    Quote,
    Event,
    Section,
    Passage,
}

impl Cited {
    fn noun(self) -> &'static str {
        match self {
            Cited::Quote => "the quote",
            Cited::Event => "the event",
            Cited::Section => "the section",
            Cited::Passage => "the passage",
        }
    }
}

/// Where a piece of a document is: the document, its section and its line.
struct Place<'a> {
    doc: &'a Document,
    section: Option<usize>,
    line: usize,
}

impl Place<'_> {
    /// `Title, Author (Year)`, with whichever of author and year the front matter has; in
    /// Markdown the title links to `source_url` when that is a web address.
    fn work(&self, as_: CiteAs) -> String {
        let doc = self.doc;
        let title = doc.title();
        let url = doc.field("source_url").filter(|u| is_web(u));
        let mut out = match (as_, &url) {
            (CiteAs::Markdown, Some(url)) => format!("[{}](<{url}>)", escape_md(&title)),
            (CiteAs::Markdown, None) => escape_md(&title),
            (CiteAs::Plain, _) => title,
        };
        if let Some(author) = doc.field("author") {
            out.push_str(", ");
            out.push_str(&author);
        }
        if let Some(year) = doc.field("year") {
            out.push_str(&format!(" ({year})"));
        }
        out
    }

    /// The citation's parts after the speaker: the work, `§ Section`, `line N`, and in plain
    /// text the `source_url` (Markdown links the title to it instead).
    fn parts(&self, as_: CiteAs) -> Vec<String> {
        let mut parts = vec![self.work(as_)];
        if let Some(s) = self.section.and_then(|s| self.doc.sections.get(s)) {
            parts.push(format!("§ {}", s.title.as_str()));
        }
        parts.push(format!("line {}", self.line));
        if as_ == CiteAs::Plain {
            parts.extend(self.doc.field("source_url"));
        }
        parts
    }
}

/// A web address a Markdown link may point to.
fn is_web(url: &str) -> bool {
    url.starts_with("https://") || url.starts_with("http://")
}

/// `text` with the characters Markdown would read as markup escaped.
fn escape_md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '[' | ']' | '*' | '_' | '`' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// `body` quoted and cited: `"body" — parts` in plain text; a block quote in Markdown.
fn quoted(body: &str, speaker: Option<&str>, place: &Place, as_: CiteAs) -> String {
    let mut parts: Vec<String> = speaker.map(str::to_string).into_iter().collect();
    parts.extend(place.parts(as_));
    match as_ {
        CiteAs::Plain => format!("\"{}\" — {}", one_line(body), parts.join(", ")),
        CiteAs::Markdown => {
            let mut out: String = (body.lines())
                .map(|l| format!("> {}\n", escape_md(l).trim_end()))
                .collect();
            out.push_str(">\n> — ");
            out.push_str(&parts.join(", "));
            out
        }
    }
}

/// `text` on one line: line breaks as spaces.
fn one_line(text: &str) -> String {
    text.replace(['\n', '\r'], " ")
}

/// What is selected, as `y` copies it and `m` marks it: the selected quote, event or
/// section, or a passage (the reader's, or the Search view's).
pub(super) struct Selected<'a> {
    /// Which kind of thing.
    pub what: Cited,
    /// Its document.
    pub doc: usize,
    /// Its section, if in one.
    pub section: Option<usize>,
    /// Its 1-based line.
    pub line: usize,
    /// The thing itself.
    pub item: Item<'a>,
}

/// The thing selected.
pub(super) enum Item<'a> {
    Quote(&'a Quote),
    Event(&'a TimelineEntry),
    Section(&'a Section),
    Passage(&'a str),
}

impl Selected<'_> {
    /// The text that finds it again in a changed document: the quote's, the event's title,
    /// the section's title, the passage's text.
    pub fn anchor(&self) -> &str {
        match &self.item {
            Item::Quote(q) => &q.text,
            Item::Event(e) => &e.title,
            Item::Section(s) => s.title.as_str(),
            Item::Passage(text) => text,
        }
    }
}

impl Cited {
    /// The kind of mark for it.
    pub fn kind(self) -> crate::marks::Kind {
        use crate::marks::Kind;
        match self {
            Cited::Quote => Kind::Quote,
            Cited::Event => Kind::Event,
            Cited::Section => Kind::Section,
            Cited::Passage => Kind::Passage,
        }
    }
}

impl App {
    /// What is selected here: the selected quote, event or section, the selected search
    /// result, or the passage at the top of the reader (the marked one, when a jump marked
    /// one on screen). `y` copies it, `m` marks it.
    pub(super) fn selected(&self) -> Option<Selected<'_>> {
        match self.view {
            View::Quotes => {
                let hit = self.quotes.hits.get(self.quotes.selected)?;
                let (d, q) = self.hit_quote(hit)?;
                self.docs.get(d)?;
                Some(Selected {
                    what: Cited::Quote,
                    doc: d,
                    section: q.section,
                    line: q.line,
                    item: Item::Quote(q),
                })
            }
            View::Timeline => {
                let (d, e) = self.timeline.row(self.timeline.selected)?;
                let e = self.docs.get(d)?.timeline.get(e)?;
                Some(Selected {
                    what: Cited::Event,
                    doc: d,
                    section: e.section,
                    line: e.line,
                    item: Item::Event(e),
                })
            }
            View::Sections if self.focus == Focus::Outline => {
                let s = self.outline.selected?;
                let section = self.doc().sections.get(s)?;
                Some(Selected {
                    what: Cited::Section,
                    doc: self.current,
                    section: Some(s),
                    line: section.line,
                    item: Item::Section(section),
                })
            }
            View::Sections => {
                let doc = self.docs.get(self.current)?;
                let height = self.reader_area().height as usize;
                let on_screen = self.reader.top..self.reader.top + height;
                let line = (self.reader.marked.as_ref())
                    .map(|m| m.start)
                    .filter(|l| on_screen.contains(l))
                    .unwrap_or(self.reader.top);
                // The first block of text at or after that line (under a heading, its first
                // paragraph).
                let first = self.reader.layout.block_of(line)?;
                let block = (first..doc.blocks.len()).find(|&b| {
                    doc.blocks.get(b).is_some_and(|b| {
                        !matches!(b.kind, BlockKind::Heading { .. })
                            && !doc.text_of(b).trim().is_empty()
                    })
                })?;
                let b = doc.blocks.get(block)?;
                Some(Selected {
                    what: Cited::Passage,
                    doc: self.current,
                    section: b.section(),
                    line: b.line(),
                    item: Item::Passage(doc.text_of(b)),
                })
            }
            View::Search => {
                let hit = self.search.hits.get(self.search.selected)?;
                let (d, p) = (hit.doc as usize, hit.passage as usize);
                let text = self.texts().docs.get(d)?;
                let passage = text.passages.get(p)?;
                self.docs.get(d)?;
                Some(Selected {
                    what: Cited::Passage,
                    doc: d,
                    section: passage.section(),
                    line: passage.line as usize,
                    item: Item::Passage(text.passage_text(p)),
                })
            }
            View::Library | View::People | View::Marks => None,
        }
    }

    /// What `y` (or `Y`) copies here: what is selected, with its citation.
    pub fn citation(&self, as_: CiteAs) -> Option<(Cited, String)> {
        let s = self.selected()?;
        let doc = self.docs.get(s.doc)?;
        let place = Place {
            doc,
            section: s.section,
            line: s.line,
        };
        let text = match s.item {
            Item::Quote(q) => quoted(&q.text, q.speaker.as_deref(), &place, as_),
            Item::Event(e) => {
                let parts = place.parts(as_).join(", ");
                match as_ {
                    CiteAs::Plain => {
                        format!("{}: {} — {parts}", e.date.human(), one_line(&e.title))
                    }
                    CiteAs::Markdown => format!(
                        "**{}**: {} — {parts}",
                        e.date.human(),
                        escape_md(&one_line(&e.title))
                    ),
                }
            }
            Item::Section(section) => {
                let parts = place.parts(as_).join(", ");
                let body = section.text.trim();
                let text = match as_ {
                    CiteAs::Plain => format!("{}\n\n{body}\n\n— {parts}", section.title.as_str()),
                    CiteAs::Markdown => format!(
                        "{} {}\n\n{}\n\n— {parts}",
                        "#".repeat(section.level.clamp(1, 6) as usize),
                        escape_md(&section.title),
                        body
                    ),
                };
                text.replace("\n\n\n\n", "\n\n")
            }
            Item::Passage(body) => quoted(body, None, &place, as_),
        };
        Some((s.what, text))
    }

    /// `y` / `Y`: what is selected, with its citation, goes to the clipboard.
    pub(super) fn copy(&mut self, as_: CiteAs) {
        let Some((what, text)) = self.citation(as_) else {
            self.message = Some("Nothing here to copy".into());
            return;
        };
        self.clipboard = Some(text);
        let how = match as_ {
            CiteAs::Plain => "",
            CiteAs::Markdown => " as Markdown",
        };
        self.message = Some(format!("Copied {} and its citation{how}", what.noun()));
    }

    /// The terminal layer put the clipboard text where it could: the footer says where.
    pub(super) fn copied(&mut self, via: &str) {
        if let Some(message) = self.message.as_mut() {
            if message.starts_with("Copied ") {
                message.push_str(&format!(" ({via})"));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_text_is_escaped_and_web_links_only() {
        assert_eq!(escape_md("a [b] *c* `d`"), "a \\[b\\] \\*c\\* \\`d\\`");
        assert!(is_web("https://example.org/x") && !is_web("javascript:alert(1)"));
    }
}
