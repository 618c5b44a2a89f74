//! How a piece of laid-out text looks, named by its role rather than by a colour: the app lays
//! text out with [`Look`]s, and the view's theme turns each into a style. So the app's layout
//! needs no theme, and a theme change needs no new layout.

/// What a piece of text is, for styling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Role {
    /// Body text.
    #[default]
    Text,
    /// Secondary text: markers, captions, link targets, HTML.
    Dim,
    /// Keys, list markers, labels.
    Accent,
    /// A heading of this level (1–6).
    Heading(u8),
    /// Text inside a block quote.
    Quote,
    /// The bars before a block quote's lines.
    QuoteBar,
    /// A block quote's attribution line.
    Attribution,
    /// Code.
    Code,
    /// Strong text (a table's header row).
    Strong,
    /// A footnote: its reference mark in the text, and the note itself.
    Note,
    /// A table's grid and a code block's frame.
    Frame,
    /// A warning.
    Warning,
}

/// An inline mark laid over a role (marks nest: a link inside emphasis has both).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Emphasis = 1,
    Strong = 2,
    Code = 3,
    Strike = 4,
    Link = 5,
}

impl Mark {
    fn from_code(code: u16) -> Option<Mark> {
        Some(match code {
            1 => Mark::Emphasis,
            2 => Mark::Strong,
            3 => Mark::Code,
            4 => Mark::Strike,
            5 => Mark::Link,
            _ => return None,
        })
    }
}

/// What a piece of text leads to when it is followed: a link's target, or a footnote's note.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Anchor {
    /// Nothing.
    #[default]
    None,
    /// Link `n` of the document (its target is `Document::links[n - 1]`).
    Link(u32),
    /// The reference to footnote `n` (numbered in the order of first reference).
    Footnote(u32),
}

/// A role and the marks laid over it, in the order they apply (outermost first; up to five),
/// and what the text leads to. Two links side by side differ in their anchor, so they stay
/// two runs when a line is wrapped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Look {
    /// What the text is.
    pub role: Role,
    /// The marks, three bits each, the first in the lowest bits.
    marks: u16,
    /// What following the text leads to.
    pub anchor: Anchor,
}

impl Look {
    /// Text of `role` with no marks.
    pub const fn new(role: Role) -> Look {
        Look {
            role,
            marks: 0,
            anchor: Anchor::None,
        }
    }

    /// This look leading to `anchor`.
    pub const fn to(self, anchor: Anchor) -> Look {
        Look { anchor, ..self }
    }

    /// This look with `mark` laid over it (ignored beyond five marks).
    pub fn with(self, mark: Mark) -> Look {
        let n = self.marks().count() as u16;
        if n >= 5 {
            return self;
        }
        Look {
            marks: self.marks | (mark as u16) << (3 * n),
            ..self
        }
    }

    /// The marks, in the order they apply.
    pub fn marks(self) -> impl Iterator<Item = Mark> {
        let mut bits = self.marks;
        std::iter::from_fn(move || {
            let mark = Mark::from_code(bits & 0b111)?;
            bits >>= 3;
            Some(mark)
        })
    }
}

impl From<Role> for Look {
    fn from(role: Role) -> Look {
        Look::new(role)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_apply_in_the_order_they_were_laid() {
        let look = Look::new(Role::Quote).with(Mark::Link).with(Mark::Code);
        assert_eq!(look.marks().collect::<Vec<_>>(), [Mark::Link, Mark::Code]);
        assert_eq!(Look::new(Role::Text).marks().count(), 0);
    }
}
