//! Loads a spec file, or every `*.yaml` file of a spec folder, keeping the text
//! so that later steps can point at lines.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Error};
use crate::spec::raw::RawFile;

/// One file of the spec, as read.
#[derive(Debug)]
pub struct SourceFile {
    pub path: PathBuf,
    pub text: String,
    /// Every `key: value` line (or `- key: value`), by key: (line, column,
    /// value as written without quotes), in line order. serde_yaml keeps no
    /// locations, so they are found again from the text, which the spec
    /// writes one key per line; the index makes each lookup a search, not a
    /// scan of the file.
    keys: HashMap<String, Vec<(usize, usize, String)>>,
}

impl SourceFile {
    /// Reads nothing: indexes `text`, the contents of `path`.
    pub fn new(path: PathBuf, text: String) -> SourceFile {
        let mut keys: HashMap<String, Vec<(usize, usize, String)>> = HashMap::new();
        for (i, line) in text.lines().enumerate() {
            let indent = line.len() - line.trim_start().len();
            let rest = &line[indent..];
            let (dash, rest) = match rest.strip_prefix("- ") {
                Some(r) => (2, r),
                None => (0, rest),
            };
            let Some((key, value)) = rest.split_once(':') else {
                continue;
            };
            if key.is_empty() || key.contains([' ', '"', '\'', '#', '{', '[']) {
                continue;
            }
            let column = line[..indent].chars().count() + dash + 1;
            let value = unquote(value.trim());
            keys.entry(key.to_string())
                .or_default()
                .push((i + 1, column, value));
        }
        SourceFile { path, text, keys }
    }

    /// Where the `nth` (0-based) line of the form `key: value` (or `- key: value`)
    /// stands at or after line `from` (1-based), as (line, column). With no
    /// `value`, any line with that key matches.
    pub fn locate(
        &self,
        key: &str,
        value: Option<&str>,
        from: usize,
        nth: usize,
    ) -> Option<(usize, usize)> {
        let lines = self.keys.get(key)?;
        let start = lines.partition_point(|(line, _, _)| *line < from);
        lines[start..]
            .iter()
            .filter(|(_, _, v)| value.is_none_or(|value| v == value))
            .nth(nth)
            .map(|&(line, column, _)| (line, column))
    }

    /// A diagnostic for this file at (line, column).
    pub fn diagnostic(&self, (line, column): (usize, usize), message: String) -> Diagnostic {
        Diagnostic {
            file: self.path.clone(),
            line,
            column,
            message,
        }
    }
}

/// A scalar's value, without its quotes or a trailing comment; the escapes
/// of a double-quoted one decoded (`"a\nb"` is the value the spec's types
/// read, with a line break), so that it is found by that value.
fn unquote(s: &str) -> String {
    let quoted = |q: char| s.len() >= 2 && s.starts_with(q) && s.ends_with(q);
    if quoted('"') && s.contains('\\') {
        serde_yaml::from_str::<String>(s).unwrap_or_else(|_| s[1..s.len() - 1].to_string())
    } else if quoted('"') || quoted('\'') {
        s[1..s.len() - 1].to_string()
    } else {
        s.split(" #").next().unwrap_or(s).trim_end().to_string()
    }
}

/// The largest spec file read: the spec's own are a few tens of kilobytes.
pub const MAX_FILE_BYTES: u64 = 4 << 20;

/// The deepest nesting of flow collections read: the YAML reader takes time
/// quadratic in it, and the spec nests them at most twice.
pub const MAX_FLOW_DEPTH: usize = 32;

/// Where flow collections first nest deeper than [`MAX_FLOW_DEPTH`], if they
/// do: brackets in quoted scalars and comments do not count.
fn too_deep(text: &str) -> Option<(usize, usize)> {
    let mut depth = 0usize;
    for (i, line) in text.lines().enumerate() {
        let (mut single, mut double, mut escaped) = (false, false, false);
        let mut previous = ' ';
        for (column, c) in line.chars().enumerate() {
            match c {
                _ if escaped => escaped = false,
                '\\' if double => escaped = true,
                '"' if !single => double = !double,
                '\'' if !double => single = !single,
                '#' if !single && !double && previous.is_whitespace() => break,
                '[' | '{' if !single && !double => {
                    depth += 1;
                    if depth > MAX_FLOW_DEPTH {
                        return Some((i + 1, column + 1));
                    }
                }
                ']' | '}' if !single && !double => depth = depth.saturating_sub(1),
                _ => {}
            }
            previous = c;
        }
    }
    None
}

/// The spec as read: every file's text and its parsed content.
#[derive(Debug)]
pub struct Loaded {
    pub files: Vec<SourceFile>,
    /// Parsed files, in the same order as `files`.
    pub parts: Vec<RawFile>,
}

/// Reads the spec at `path`: one YAML file, or a folder whose `*.yaml` files
/// (not its subfolders) are read in name order and merged.
pub fn load(path: &Path) -> Result<Loaded, Error> {
    let paths = if path.is_dir() {
        let mut paths = Vec::new();
        for entry in std::fs::read_dir(path).map_err(|e| Error::io(path, e))? {
            let entry = entry.map_err(|e| Error::io(path, e))?;
            let p = entry.path();
            let is_yaml = p.extension().is_some_and(|e| e == "yaml" || e == "yml");
            if is_yaml && p.is_file() {
                paths.push(p);
            }
        }
        paths.sort();
        paths
    } else {
        vec![path.to_path_buf()]
    };
    if paths.is_empty() {
        return Err(Error::Spec(vec![Diagnostic {
            file: path.to_path_buf(),
            line: 1,
            column: 1,
            message: "no spec files here: expected `*.yaml` files".into(),
        }]));
    }

    let mut texts = Vec::new();
    let mut too_big = Vec::new();
    for p in paths {
        let size = std::fs::metadata(&p).map_err(|e| Error::io(&p, e))?.len();
        if size > MAX_FILE_BYTES {
            too_big.push(Diagnostic {
                file: p.clone(),
                line: 1,
                column: 1,
                message: format!(
                    "the file has {size} bytes; a spec file has at most {MAX_FILE_BYTES}: split it"
                ),
            });
            continue;
        }
        let text = std::fs::read_to_string(&p).map_err(|e| Error::io(&p, e))?;
        if let Some((line, column)) = too_deep(&text) {
            too_big.push(Diagnostic {
                file: p.clone(),
                line,
                column,
                message: format!(
                    "flow collections (`[...]`, `{{...}}`) nest more than {MAX_FLOW_DEPTH} deep here: write them as blocks"
                ),
            });
            continue;
        }
        texts.push((p, text));
    }
    if !too_big.is_empty() {
        return Err(Error::Spec(too_big));
    }

    // Each file indexed and parsed on its own, the files spread over the cores.
    let read = crate::parallel::map(&texts, |(p, text)| {
        let parsed = serde_yaml::from_str::<Option<RawFile>>(text).map_err(|e| {
            let ((line, column), message) = yaml_error(&e);
            Diagnostic {
                file: p.clone(),
                line,
                column,
                message,
            }
        });
        (SourceFile::new(p.clone(), text.clone()), parsed)
    });
    let mut files = Vec::with_capacity(read.len());
    let mut parts = Vec::with_capacity(read.len());
    let mut diagnostics = Vec::new();
    for (file, parsed) in read {
        match parsed {
            Ok(Some(raw)) => parts.push(raw),
            Ok(None) => {
                diagnostics.push(file.diagnostic((1, 1), empty(&file.text)));
                parts.push(RawFile::default());
            }
            Err(d) => {
                diagnostics.push(d);
                parts.push(RawFile::default());
            }
        }
        files.push(file);
    }
    if !diagnostics.is_empty() {
        return Err(Error::Spec(diagnostics));
    }
    Ok(Loaded { files, parts })
}

/// Why a file that YAML reads as no document at all is refused: it is most
/// likely a truncated copy, and read as stating nothing it would silently
/// drop what the file should say (the spec merges its files, so a missing
/// part can still validate). A file that means to state nothing is removed.
fn empty(text: &str) -> String {
    let comments = text.lines().any(|l| l.trim_start().starts_with('#'));
    let what = if text.trim().is_empty() {
        "the file is empty"
    } else if comments {
        "the file is empty but for comments"
    } else {
        "the file holds no YAML mapping"
    };
    format!(
        "{what}: a spec file states at least one key (a truncated copy?); remove a file that has nothing to say"
    )
}

/// serde_yaml's message and where to point. It appends " at line L column C"
/// to the problem, and to a context when there is one ("..., while scanning a
/// quoted scalar at line 10 column 11"): the context's place is where the
/// maintainer must look, so the diagnostic points there.
fn yaml_error(e: &serde_yaml::Error) -> ((usize, usize), String) {
    let at = e.location().map_or((1, 1), |l| (l.line(), l.column()));
    let message = e.to_string();
    let (problem, context) = match message.split_once(", while ") {
        Some((p, c)) => (p, Some(c)),
        None => (message.as_str(), None),
    };
    let strip = |s: &str| -> (String, Option<(usize, usize)>) {
        let Some(i) = s.find(" at line ") else {
            return (s.to_string(), None);
        };
        let place = s[i + 9..].split_once(" column ").and_then(|(l, c)| {
            let c: String = c.chars().take_while(char::is_ascii_digit).collect();
            Some((l.parse().ok()?, c.parse().ok()?))
        });
        (s[..i].to_string(), place)
    };
    let (problem, _) = strip(problem);
    match context.map(strip) {
        Some((context, Some(place))) => (
            place,
            format!(
                "{problem} at line {}, while {context} that starts here",
                at.0
            ),
        ),
        _ => (at, problem),
    }
}
