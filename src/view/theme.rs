//! Colours and text styles. With `NO_COLOR` set, only bold, italic, underline and reverse
//! are used. The colours are the terminal's own palette (not RGB), so they follow the user's
//! dark or light scheme.

use ratatui::style::{Color, Modifier, Style};

use crate::app::{Look, Mark, Role};

/// Every style the views use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
    pub text: Style,
    pub dim: Style,
    pub accent: Style,
    pub heading: [Style; 6],
    pub emphasis: Style,
    pub strong: Style,
    pub code: Style,
    pub strike: Style,
    pub link: Style,
    pub quote_bar: Style,
    pub quote: Style,
    pub selected: Style,
    pub selected_unfocused: Style,
    pub matched: Style,
    pub search_hit: Style,
    pub marked: Style,
    pub border: Style,
    pub border_focused: Style,
    pub tab: Style,
    pub tab_active: Style,
    pub title: Style,
    pub warning: Style,
}

impl Theme {
    /// The theme for a terminal with or without colour.
    pub fn new(color: bool) -> Theme {
        let plain = Style::default();
        let bold = plain.add_modifier(Modifier::BOLD);
        let italic = plain.add_modifier(Modifier::ITALIC);
        let fg = |c: Color| if color { plain.fg(c) } else { plain };
        Theme {
            color,
            text: plain,
            dim: if color {
                fg(Color::DarkGray)
            } else {
                plain.add_modifier(Modifier::DIM)
            },
            accent: fg(Color::Cyan).add_modifier(Modifier::BOLD),
            heading: [
                fg(Color::Magenta).add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
                fg(Color::Cyan).add_modifier(Modifier::BOLD),
                fg(Color::Blue).add_modifier(Modifier::BOLD),
                bold.add_modifier(Modifier::ITALIC),
                bold,
                italic,
            ],
            emphasis: italic,
            strong: bold,
            code: fg(Color::Yellow),
            strike: plain.add_modifier(Modifier::CROSSED_OUT),
            link: fg(Color::Blue).add_modifier(Modifier::UNDERLINED),
            quote_bar: fg(Color::Green),
            quote: if color { fg(Color::Green) } else { italic },
            selected: plain.add_modifier(Modifier::REVERSED),
            selected_unfocused: if color {
                plain.bg(Color::DarkGray).fg(Color::White)
            } else {
                plain.add_modifier(Modifier::UNDERLINED)
            },
            matched: fg(Color::Yellow).add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            search_hit: if color {
                plain.bg(Color::Yellow).fg(Color::Black)
            } else {
                plain.add_modifier(Modifier::REVERSED)
            },
            marked: fg(Color::Yellow).add_modifier(Modifier::BOLD),
            border: if color { fg(Color::DarkGray) } else { plain },
            border_focused: fg(Color::Cyan),
            tab: plain,
            tab_active: fg(Color::Cyan).add_modifier(Modifier::BOLD | Modifier::REVERSED),
            title: bold,
            warning: fg(Color::Red).add_modifier(Modifier::BOLD),
        }
    }

    /// The style of a heading of `level` (1–6).
    pub fn heading(&self, level: u8) -> Style {
        self.heading[(level.clamp(1, 6) - 1) as usize]
    }

    /// The style of text of `role`.
    pub fn role(&self, role: Role) -> Style {
        match role {
            Role::Text => self.text,
            Role::Dim => self.dim,
            Role::Accent => self.accent,
            Role::Heading(level) => self.heading(level),
            Role::Quote => self.quote,
            Role::QuoteBar => self.quote_bar,
            Role::Attribution => self.quote.add_modifier(Modifier::ITALIC),
            Role::Code => self.code,
            Role::Strong => self.strong,
            Role::Warning => self.warning,
        }
    }

    /// The style of text that looks `look`: its role's, with each mark laid over in turn.
    pub fn look(&self, look: Look) -> Style {
        look.marks().fold(self.role(look.role), |style, mark| {
            style.patch(match mark {
                Mark::Emphasis => self.emphasis,
                Mark::Strong => self.strong,
                Mark::Code => self.code,
                Mark::Strike => self.strike,
                Mark::Link => self.link,
            })
        })
    }
}
