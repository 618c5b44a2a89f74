//! The section outline's state: which branches are folded, which sections that leaves in
//! view, and which is highlighted; and its actions, which move the reader along.

use super::App;

/// The section outline's state.
#[derive(Debug, Clone, Default)]
pub struct OutlineState {
    /// Per section: its branch is collapsed.
    pub collapsed: Vec<bool>,
    /// The sections shown (not inside a collapsed branch), in order.
    pub visible: Vec<usize>,
    /// The highlighted section.
    pub selected: Option<usize>,
}

impl App {
    /// The visible outline row of the selected section (or of its nearest visible ancestor).
    pub fn outline_row(&self) -> usize {
        let Some(mut s) = self.outline.selected else {
            return 0;
        };
        loop {
            if let Ok(row) = self.outline.visible.binary_search(&s) {
                return row;
            }
            match self.doc().sections.get(s).and_then(|x| x.parent) {
                Some(p) => s = p,
                None => return 0,
            }
        }
    }

    /// Moves the highlight `delta` rows and shows that section in the reader.
    pub(super) fn move_in_outline(&mut self, delta: isize) {
        let visible = &self.outline.visible;
        if visible.is_empty() {
            return;
        }
        let row = self.outline_row();
        let to = row.saturating_add_signed(delta).min(visible.len() - 1);
        let section = visible[to];
        self.outline.selected = Some(section);
        self.reader_to_section(section);
    }

    /// A click on section `s`: a second click on a branch folds or unfolds it.
    pub(super) fn click_section(&mut self, s: usize) {
        if self.outline.selected == Some(s) && self.has_children(s) {
            self.outline.collapsed[s] = !self.outline.collapsed[s];
            self.refresh_outline();
        }
        self.outline.selected = Some(s);
        self.reader_to_section(s);
    }

    /// `h`: folds the selected branch, or goes to its parent.
    pub(super) fn collapse(&mut self) {
        let Some(s) = self.outline.selected else {
            return;
        };
        if self.has_children(s) && !self.outline.collapsed[s] {
            self.set_collapsed(true);
        } else if let Some(parent) = self.doc().sections[s].parent {
            self.outline.selected = Some(parent);
            self.reader_to_section(parent);
        }
    }

    /// True when section `s` has subsections.
    pub fn has_children(&self, s: usize) -> bool {
        self.doc()
            .sections
            .get(s + 1)
            .is_some_and(|next| next.level > self.doc().sections[s].level)
    }

    pub(super) fn set_collapsed(&mut self, collapsed: bool) {
        let Some(s) = self.outline.selected else {
            return;
        };
        let s = self
            .outline
            .visible
            .get(self.outline_row())
            .copied()
            .unwrap_or(s);
        if self.has_children(s) {
            self.outline.collapsed[s] = collapsed;
            self.outline.selected = Some(s);
            self.refresh_outline();
        }
    }

    /// Enter in the outline: folds or unfolds the selected branch.
    pub(super) fn toggle_collapsed(&mut self) {
        let Some(s) = self.outline.selected else {
            return;
        };
        let collapsed = self.outline.collapsed.get(s).copied().unwrap_or(false);
        self.set_collapsed(!collapsed);
    }

    pub(super) fn refresh_outline(&mut self) {
        let mut visible = Vec::with_capacity(self.doc().sections.len());
        let mut hide_below: Option<u8> = None;
        for (i, s) in self.doc().sections.iter().enumerate() {
            if let Some(level) = hide_below {
                if s.level > level {
                    continue;
                }
                hide_below = None;
            }
            visible.push(i);
            if self.outline.collapsed[i] {
                hide_below = Some(s.level);
            }
        }
        self.outline.visible = visible;
    }
}
