//! The JSON of the documents' examples, read leniently: a quarter of them are
//! not strict JSON. Tolerated, and each noted: a byte-order mark, trailing
//! and missing commas, unquoted keys (or keys without their opening
//! quote), single-quoted and typographic-quoted
//! strings, `//`, `#` and `/* */` comments, a `?` before the body (a
//! byte-order mark lost to a re-encoding), an object in a second pair of
//! braces, an object left unclosed before its array's `]`, C#'s capitalized
//! `True`, `False` and `Null`, line breaks inside strings, bare
//! placeholders such as `<quantity>` (read as the string `"<quantity>"`),
//! `...` or `…` standing for elided items or properties, and no-break
//! spaces where whitespace goes. Of these, the placeholders, the elisions
//! and the byte-order mark are the documents' ways of writing JSON; the
//! others are slips that make a body not JSON at all, also noted as such
//! (`not_json`), since the documents check reports them.
//!
//! `space` reads what lies between values (whitespace, comments, ellipses).

mod space;

use serde_json::{Map, Value};

/// A body as read, and what was not strict JSON in it.
#[derive(Debug, Clone, PartialEq)]
pub struct Lenient {
    pub value: Value,
    /// What was tolerated, each with its line in the body (1-based).
    pub quirks: Vec<String>,
    /// Those of `quirks` that are slips of JSON's syntax (a missing or
    /// trailing comma, an unquoted key, other quotes, a comment), not the
    /// documents' ways of leaving a value out.
    pub not_json: Vec<String>,
}

/// Reads `text` as JSON, tolerating what the documents write.
pub fn parse_lenient(text: &str) -> Result<Lenient, String> {
    let mut reader = Reader {
        chars: text.chars().collect(),
        at: 0,
        line: 1,
        quirks: Vec::new(),
        not_json: Vec::new(),
        depth: 0,
    };
    if reader.peek() == Some('\u{feff}') {
        reader.bump();
        reader.quirk("a byte-order mark");
    }
    reader.space();
    if reader.peek() == Some('?') && matches!(reader.chars.get(reader.at + 1), Some('{' | '[')) {
        reader.bump();
        reader.slip("a `?` before the body");
    }
    let value = reader
        .value()?
        .ok_or_else(|| reader.error("no JSON value"))?;
    reader.space();
    if reader.peek().is_some() {
        return Err(reader.error("text after the JSON value"));
    }
    Ok(Lenient {
        value,
        quirks: reader.quirks,
        not_json: reader.not_json,
    })
}

/// Whether a string is a placeholder of the documents, such as `<guid>`.
pub fn is_placeholder(s: &str) -> bool {
    s.len() > 2 && s.starts_with('<') && s.ends_with('>') && !s[1..s.len() - 1].contains(['<', '>'])
}

/// Nesting deeper than this is refused: no example comes near it.
const MAX_DEPTH: usize = 128;

struct Reader {
    chars: Vec<char>,
    at: usize,
    line: usize,
    quirks: Vec<String>,
    not_json: Vec<String>,
    depth: usize,
}

impl Reader {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.at += 1;
        if c == '\n' {
            self.line += 1;
        }
        Some(c)
    }

    fn error(&self, what: &str) -> String {
        match self.peek() {
            Some(c) => format!("line {}: {what} (at {c:?})", self.line),
            None => format!("line {}: {what} (at the end)", self.line),
        }
    }

    fn quirk(&mut self, what: &str) {
        let note = format!("line {}: {what}", self.line);
        if !self.quirks.contains(&note) {
            self.quirks.push(note);
        }
    }

    /// A quirk that is a slip of JSON's syntax.
    fn slip(&mut self, what: &str) {
        self.quirk(what);
        let note = format!("line {}: {what}", self.line);
        if !self.not_json.contains(&note) {
            self.not_json.push(note);
        }
    }

    /// A value, or `None` for an ellipsis.
    fn value(&mut self) -> Result<Option<Value>, String> {
        self.space();
        // `"product": { ... }`: the whole object is left out.
        if self.ellipsis() || self.enclosed_ellipsis('{', '}') {
            return Ok(None);
        }
        let value = match self.peek() {
            Some('{') => self.nested(Self::object)?,
            Some('[') => self.nested(Self::array)?,
            Some('"' | '\'' | '“') => Value::String(self.string()?),
            Some('<') => {
                let word = self.word(|c| c != '>' && c != '\n');
                if self.bump() != Some('>') {
                    return Err(self.error("an unclosed `<placeholder>`"));
                }
                self.quirk("a bare placeholder");
                Value::String(format!("{word}>"))
            }
            Some(c) if c == '-' || c.is_ascii_digit() => self.number()?,
            Some(c) if c.is_alphabetic() => match self.word(char::is_alphanumeric).as_str() {
                "true" => Value::Bool(true),
                "false" => Value::Bool(false),
                "null" => Value::Null,
                // C#'s spelling (add-a-verified-domain-for-a-customer.md's
                // `"IsDefault": Null`), which JSON does not read.
                word @ ("True" | "False" | "Null") => {
                    self.slip("a capitalized `true`, `false` or `null`");
                    match word {
                        "True" => Value::Bool(true),
                        "False" => Value::Bool(false),
                        _ => Value::Null,
                    }
                }
                _ => return Err(self.error("an unknown word")),
            },
            _ => return Err(self.error("no JSON value")),
        };
        Ok(Some(value))
    }

    fn nested(&mut self, read: fn(&mut Self) -> Result<Value, String>) -> Result<Value, String> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error("nesting too deep"));
        }
        let value = read(self);
        self.depth -= 1;
        value
    }

    fn word(&mut self, part: fn(char) -> bool) -> String {
        let mut out = String::new();
        while let Some(c) = self.peek().filter(|c| part(*c)) {
            out.push(c);
            self.bump();
        }
        out
    }

    fn number(&mut self) -> Result<Value, String> {
        let text = self.word(|c| c.is_ascii_digit() || matches!(c, '-' | '+' | '.' | 'e' | 'E'));
        serde_json::from_str::<serde_json::Number>(&text)
            .map(Value::Number)
            .map_err(|_| self.error(&format!("`{text}` is not a number")))
    }

    fn string(&mut self) -> Result<String, String> {
        let open = self.bump().unwrap_or('"');
        let quote = match open {
            '\'' => {
                self.slip("a single-quoted string");
                '\''
            }
            '“' => {
                self.slip("typographic quotes");
                '”'
            }
            _ => '"',
        };
        let mut out = String::new();
        loop {
            // JSON escapes the control characters of a string; an example
            // that breaks a long text over lines is read as the text it
            // shows, and said not to be JSON (a client refuses it).
            if self
                .peek()
                .is_some_and(|c| c != quote && u32::from(c) < 0x20)
            {
                self.slip("a line break or control character in a string");
            }
            match self.bump() {
                None => return Err(self.error("an unclosed string")),
                Some(c) if c == quote => return Ok(out),
                Some('\\') => match self.bump() {
                    Some('n') => out.push('\n'),
                    Some('t') => out.push('\t'),
                    Some('r') => out.push('\r'),
                    Some('b') => out.push('\u{8}'),
                    Some('f') => out.push('\u{c}'),
                    Some('u') => {
                        let hex: String = (0..4).filter_map(|_| self.bump()).collect();
                        let code = u32::from_str_radix(&hex, 16)
                            .map_err(|_| self.error("a bad `\\u` escape"))?;
                        out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
                    }
                    Some(c) => out.push(c),
                    None => return Err(self.error("an unclosed string")),
                },
                Some(c) => out.push(c),
            }
        }
    }

    fn key(&mut self) -> Result<String, String> {
        match self.peek() {
            Some('"' | '\'' | '“') => self.string(),
            Some(c) if c.is_alphabetic() || c == '_' || c == '$' => {
                let word = self.word(|c| c.is_alphanumeric() || c == '_' || c == '$' || c == '-');
                // `OrderId":` (update-the-nickname-for-a-subscription.md):
                // the closing quote is there, the opening one is not.
                if self.peek() == Some('"') {
                    self.bump();
                    self.slip("a property name without its opening quote");
                } else {
                    self.slip("an unquoted key");
                }
                Ok(word)
            }
            _ => Err(self.error("no property name")),
        }
    }

    fn object(&mut self) -> Result<Value, String> {
        self.bump();
        let mut map = Map::new();
        let mut first = true;
        loop {
            self.space();
            match self.peek() {
                Some('}') => {
                    self.bump();
                    return Ok(Value::Object(map));
                }
                Some(',') => return Err(self.error("a comma with no property before it")),
                // `{ {"a": 1} }`: the object it means is the inner one.
                Some('{') if first => return self.object_in_braces(),
                _ => {}
            }
            first = false;
            if self.ellipsis() {
                self.space();
                self.separator('}')?;
                continue;
            }
            let key = self.key()?;
            self.space();
            if self.bump() != Some(':') {
                return Err(self.error("no `:` after a property name"));
            }
            match self.value()? {
                Some(v) => {
                    map.insert(key, v);
                }
                None => self.quirk("an elided property value"),
            }
            self.space();
            // `[{"a": 1 ]`: the `}` is missing, the array closes.
            if self.peek() == Some(']') {
                self.slip("a missing `}`");
                return Ok(Value::Object(map));
            }
            self.separator('}')?;
        }
    }

    /// The object of `{ {...} }`, after its outer `{`.
    fn object_in_braces(&mut self) -> Result<Value, String> {
        self.slip("an object in a second pair of braces");
        let inner = self.nested(Self::object)?;
        self.space();
        self.separator('}')?;
        self.space();
        if self.bump() != Some('}') {
            return Err(self.error("no `}` after the object in braces"));
        }
        Ok(inner)
    }

    fn array(&mut self) -> Result<Value, String> {
        self.bump();
        let mut items = Vec::new();
        loop {
            self.space();
            if self.peek() == Some(']') {
                self.bump();
                return Ok(Value::Array(items));
            }
            if self.bracketed_ellipsis() {
                self.space();
                self.separator(']')?;
                continue;
            }
            if let Some(v) = self.value()? {
                items.push(v);
            }
            self.space();
            // `{"a": [{"b": 1} }`: the `]` is missing, the object closes
            // (create-a-self-serve-policy.md).
            if self.peek() == Some('}') {
                self.slip("a missing `]`");
                return Ok(Value::Array(items));
            }
            self.separator(']')?;
        }
    }

    /// After an item: a comma (a trailing one before `close` is tolerated)
    /// or `close` itself, which is left for the caller.
    fn separator(&mut self, close: char) -> Result<(), String> {
        match self.peek() {
            Some(',') => {
                self.bump();
                self.space();
                if self.peek() == Some(close) {
                    self.slip("a trailing comma");
                }
                Ok(())
            }
            Some(c) if c == close => Ok(()),
            // Items left out, with no comma before the ellipsis: the
            // documents' way of eliding, read as such.
            Some('…' | '.') if self.ellipsis() => {
                self.space();
                self.separator(close)
            }
            Some('[') if close == ']' && self.bracketed_ellipsis() => {
                self.space();
                self.separator(close)
            }
            // The next item, with no comma before it.
            Some('"' | '“' | '{' | '[') => {
                self.slip("a missing comma");
                Ok(())
            }
            _ => Err(self.error(&format!("no `,` or `{close}`"))),
        }
    }
}

#[cfg(test)]
mod tests;
