//! Colours and text styles: a dark and a light theme. With `NO_COLOR` set, only bold,
//! italic, underline and reverse are used.
//!
//! The colours are from the 256-colour palette's cube and grey ramp (indexes 16–255), whose
//! RGB values terminals agree on, unlike the first sixteen, which each user's scheme sets:
//! so the contrast of every coloured text role against the theme's background can be
//! computed (a test does, for both themes). Body text keeps the terminal's own colour.

use ratatui::style::{Color, Modifier, Style};

use crate::app::{Look, Mark, Role};

/// Which theme: for a dark or a light terminal background.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scheme {
    #[default]
    Dark,
    Light,
}

impl Scheme {
    /// `dark` or `light` (any case), as `--theme` and `DOSSIER_THEME` say it.
    pub fn parse(s: &str) -> Option<Scheme> {
        match s.trim().to_ascii_lowercase().as_str() {
            "dark" => Some(Scheme::Dark),
            "light" => Some(Scheme::Light),
            _ => None,
        }
    }

    /// The theme for a terminal whose background is `rgb` (sRGB, each channel from 0 to 1):
    /// light when the background's perceived lightness (CIE L*) is over half.
    pub fn for_background(rgb: [f32; 3]) -> Scheme {
        let linear = |c: f32| {
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        let [r, g, b] = rgb.map(linear);
        let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        let lightness = if y <= 216.0 / 24389.0 {
            y * 24389.0 / 27.0
        } else {
            116.0 * y.cbrt() - 16.0
        };
        if lightness > 50.0 {
            Scheme::Light
        } else {
            Scheme::Dark
        }
    }
}

/// Every style the views use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
    /// The theme it is.
    pub scheme: Scheme,
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
    pub note: Style,
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

/// A theme's colours, as 256-colour palette indexes.
struct Palette {
    dim: u8,
    accent: u8,
    headings: [u8; 3],
    code: u8,
    link: u8,
    quote: u8,
    note: u8,
    /// Matches: a colour of their own (dark), or a background (light, where no yellow text
    /// is readable).
    matched: Style,
    search_hit: (u8, u8),
    marked: u8,
    border: u8,
    warning: u8,
    unfocused: (u8, u8),
}

const DARK: Palette = Palette {
    dim: 247,
    accent: 80,
    headings: [213, 80, 111],
    code: 222,
    link: 117,
    quote: 114,
    note: 215,
    matched: Style::new()
        .fg(Color::Indexed(221))
        .add_modifier(Modifier::BOLD.union(Modifier::UNDERLINED)),
    search_hit: (16, 221),
    marked: 221,
    border: 240,
    warning: 210,
    unfocused: (255, 238),
};

const LIGHT: Palette = Palette {
    dim: 240,
    accent: 24,
    headings: [90, 24, 19],
    code: 58,
    link: 25,
    quote: 22,
    note: 127,
    matched: Style::new()
        .fg(Color::Indexed(16))
        .bg(Color::Indexed(229))
        .add_modifier(Modifier::BOLD.union(Modifier::UNDERLINED)),
    search_hit: (16, 220),
    marked: 124,
    border: 248,
    warning: 124,
    unfocused: (16, 252),
};

impl Theme {
    /// The dark theme, for a terminal with or without colour.
    pub fn new(color: bool) -> Theme {
        Theme::of(Scheme::Dark, color)
    }

    /// The `scheme` theme, for a terminal with or without colour.
    pub fn of(scheme: Scheme, color: bool) -> Theme {
        let p = match scheme {
            Scheme::Dark => &DARK,
            Scheme::Light => &LIGHT,
        };
        let plain = Style::default();
        let bold = plain.add_modifier(Modifier::BOLD);
        let italic = plain.add_modifier(Modifier::ITALIC);
        let fg = |c: u8| {
            if color {
                plain.fg(Color::Indexed(c))
            } else {
                plain
            }
        };
        Theme {
            color,
            scheme,
            text: plain,
            dim: if color {
                fg(p.dim)
            } else {
                plain.add_modifier(Modifier::DIM)
            },
            accent: fg(p.accent).add_modifier(Modifier::BOLD),
            heading: [
                fg(p.headings[0]).add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
                fg(p.headings[1]).add_modifier(Modifier::BOLD),
                fg(p.headings[2]).add_modifier(Modifier::BOLD),
                bold.add_modifier(Modifier::ITALIC),
                bold,
                italic,
            ],
            emphasis: italic,
            strong: bold,
            code: fg(p.code),
            strike: plain.add_modifier(Modifier::CROSSED_OUT),
            link: fg(p.link).add_modifier(Modifier::UNDERLINED),
            quote_bar: fg(p.quote),
            quote: if color { fg(p.quote) } else { italic },
            note: if color { fg(p.note) } else { italic },
            selected: plain.add_modifier(Modifier::REVERSED),
            selected_unfocused: if color {
                plain
                    .bg(Color::Indexed(p.unfocused.1))
                    .fg(Color::Indexed(p.unfocused.0))
            } else {
                plain.add_modifier(Modifier::UNDERLINED)
            },
            matched: if color {
                p.matched
            } else {
                plain.add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
            },
            search_hit: if color {
                plain
                    .bg(Color::Indexed(p.search_hit.1))
                    .fg(Color::Indexed(p.search_hit.0))
            } else {
                plain.add_modifier(Modifier::REVERSED)
            },
            marked: fg(p.marked).add_modifier(Modifier::BOLD),
            border: if color { fg(p.border) } else { plain },
            border_focused: fg(p.accent),
            tab: plain,
            tab_active: fg(p.accent).add_modifier(Modifier::BOLD | Modifier::REVERSED),
            title: bold,
            warning: fg(p.warning).add_modifier(Modifier::BOLD),
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
            Role::Note => self.note,
            Role::Frame => self.dim,
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The RGB of a 256-colour palette index from 16 on (the 6×6×6 cube, then the greys).
    fn rgb(index: u8) -> [f64; 3] {
        let i = index as usize;
        assert!(
            i >= 16,
            "colour {i} is the user's scheme's, not a fixed one"
        );
        if i >= 232 {
            let v = (8 + 10 * (i - 232)) as f64;
            return [v, v, v];
        }
        let level = |n: usize| if n == 0 { 0.0 } else { (55 + 40 * n) as f64 };
        let i = i - 16;
        [level(i / 36), level(i / 6 % 6), level(i % 6)]
    }

    /// WCAG 2 relative luminance.
    fn luminance([r, g, b]: [f64; 3]) -> f64 {
        let f = |c: f64| {
            let c = c / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b)
    }

    /// WCAG 2 contrast ratio.
    fn contrast(a: [f64; 3], b: [f64; 3]) -> f64 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    fn index(c: Option<Color>) -> Option<u8> {
        match c {
            Some(Color::Indexed(i)) => Some(i),
            None | Some(Color::Reset) => None,
            Some(other) => panic!("{other:?} is not a palette index"),
        }
    }

    /// Every text role's style against the backgrounds a theme is for: the darkest and
    /// lightest of common dark terminals (black to #303030), and of light ones (#e4e4e4 to
    /// white). A style with a background of its own is measured against it.
    #[test]
    fn every_text_role_has_4_5_to_1_contrast_in_both_themes() {
        for (scheme, backgrounds) in [
            (Scheme::Dark, [[0.0; 3], [48.0; 3]]),
            (Scheme::Light, [[228.0; 3], [255.0; 3]]),
        ] {
            let t = Theme::of(scheme, true);
            let mut roles = vec![
                ("dim", t.dim),
                ("accent", t.accent),
                ("code", t.code),
                ("link", t.link),
                ("quote", t.quote),
                ("attribution", t.role(Role::Attribution)),
                ("note", t.note),
                ("matched", t.matched),
                ("search hit", t.search_hit),
                ("jump mark", t.marked),
                ("selected, unfocused", t.selected_unfocused),
                ("warning", t.warning),
                ("speaker", t.accent),
                ("table grid", t.role(Role::Frame)),
            ];
            for level in 1..=3 {
                roles.push(("heading", t.heading(level)));
            }
            for (name, style) in roles {
                let fg = index(style.fg).unwrap_or_else(|| panic!("{name} has a colour"));
                let worst = match index(style.bg) {
                    Some(bg) => contrast(rgb(fg), rgb(bg)),
                    None => backgrounds
                        .iter()
                        .map(|&bg| contrast(rgb(fg), bg))
                        .fold(f64::INFINITY, f64::min),
                };
                assert!(
                    worst >= 4.5,
                    "{scheme:?} {name}: {worst:.2}:1 is below 4.5:1"
                );
            }
        }
    }

    #[test]
    fn no_color_keeps_only_attributes() {
        for scheme in [Scheme::Dark, Scheme::Light] {
            let t = Theme::of(scheme, false);
            for style in [t.dim, t.code, t.link, t.quote, t.note, t.matched, t.marked] {
                assert_eq!((style.fg, style.bg), (None, None));
            }
        }
    }
}
