//! What lies between the values of a lenient body: whitespace, the
//! comments the documents write, and the ellipses that stand for items or
//! properties left out.

use super::Reader;

impl Reader {
    /// Whitespace and comments.
    pub(super) fn space(&mut self) {
        loop {
            match self.peek() {
                // JSON's own whitespace is space, tab, CR and LF: a page
                // that indents with no-break spaces is not strict JSON.
                Some('\u{a0}') => {
                    self.bump();
                    self.slip("a no-break space");
                }
                Some(c) if c.is_whitespace() || c == '\u{feff}' => {
                    self.bump();
                }
                Some('#') => self.comment("a `#` comment"),
                Some('/') if self.chars.get(self.at + 1) == Some(&'/') => {
                    self.comment("a `//` comment")
                }
                Some('/') if self.chars.get(self.at + 1) == Some(&'*') => self.block_comment(),
                _ => return,
            }
        }
    }

    /// A comment to the end of the line.
    fn comment(&mut self, what: &str) {
        self.slip(what);
        while self.peek().is_some_and(|c| c != '\n') {
            self.bump();
        }
    }

    /// A `/* */` comment, to its end (or the end of the text).
    fn block_comment(&mut self) {
        self.slip("a `/* */` comment");
        self.at += 2;
        while self.peek().is_some() && !self.chars[self.at..].starts_with(&['*', '/']) {
            self.bump();
        }
        self.at = (self.at + 2).min(self.chars.len());
    }

    /// An ellipsis standing for elided items: `...` or `…`.
    pub(super) fn ellipsis(&mut self) -> bool {
        if self.peek() == Some('…') {
            self.bump();
        } else if self.chars[self.at..].starts_with(&['.', '.', '.']) {
            self.at += 3;
        } else {
            return false;
        }
        while self.peek() == Some('.') {
            self.bump();
        }
        self.quirk("an ellipsis for elided content");
        true
    }

    /// An ellipsis in brackets standing among the items of an array for
    /// the items left out (`}\n  [...]\n]`): read as an ellipsis, not as an
    /// empty array.
    pub(super) fn bracketed_ellipsis(&mut self) -> bool {
        self.enclosed_ellipsis('[', ']')
    }

    /// An ellipsis alone between `open` and `close`, e.g. `{ ... }` for an
    /// object left out: consumed, and noted as an ellipsis.
    pub(super) fn enclosed_ellipsis(&mut self, open: char, close_char: char) -> bool {
        let blank = |c: &&char| c.is_whitespace();
        let rest = &self.chars[self.at..];
        if rest.first() != Some(&open) {
            return false;
        }
        let inner = rest[1..].iter().take_while(blank).count() + 1;
        let dots = match rest.get(inner) {
            Some('…') => 1,
            Some('.') if rest[inner..].starts_with(&['.', '.', '.']) => 3,
            _ => return false,
        };
        let after = inner + dots;
        let after = after + rest[after..].iter().take_while(|c| **c == '.').count();
        let close = after + rest[after..].iter().take_while(blank).count();
        if rest.get(close) != Some(&close_char) {
            return false;
        }
        for _ in 0..=close {
            self.bump();
        }
        self.quirk("an ellipsis for elided content");
        true
    }
}
