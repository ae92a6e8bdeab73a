//! `--append FILE`: the draft's documents, operations and models that the
//! spec does not have yet, added to a spec file. The file's text is kept
//! byte for byte: each item goes at the end of the file's own list of its
//! kind (before the comments that open the next key), or into a new list
//! at the end of the file.

use super::yaml::{self, quoted};
use super::{Draft, Known};

/// A spec file with the draft's new items added, and what was left out.
#[derive(Debug)]
pub struct Appended {
    pub text: String,
    /// What was added, e.g. `operation get_customer_by_id`.
    pub added: Vec<String>,
    /// What the spec already has, e.g. `model Customer`.
    pub skipped: Vec<String>,
}

/// Adds to `text` (a spec file's text, empty for a new file) the items of
/// `draft` whose ids, names or files `known` (the whole spec) does not have.
pub fn append(text: &str, draft: &Draft, known: &Known) -> Result<Appended, String> {
    let mut added = Vec::new();
    let mut skipped = Vec::new();
    let mut fresh = |kind: &str, name: &str, spec: &[String], seen: &mut Vec<String>| {
        if spec.iter().any(|s| s == name) || seen.iter().any(|s| s == name) {
            skipped.push(format!("{kind} {name}"));
            false
        } else {
            seen.push(name.to_string());
            added.push(format!("{kind} {name}"));
            true
        }
    };
    let mut seen = Vec::new();
    let documents: Vec<_> = draft
        .documents
        .iter()
        .filter(|d| fresh("document", &d.file, &known.documents, &mut seen))
        .collect();
    let operations: Vec<_> = draft
        .operations
        .iter()
        .filter(|o| fresh("operation", &o.id, &known.operations, &mut seen))
        .collect();
    let models: Vec<_> = draft
        .models
        .iter()
        .filter(|m| fresh("model", &m.name, &known.models, &mut seen))
        .collect();

    let mut out = text.to_string();
    if out.trim().is_empty() && !(operations.is_empty() && models.is_empty()) {
        out.push_str("# yaml-language-server: $schema=spec.schema.json\n");
        out.push_str(&format!("description: {}\n", quoted(&draft.description)));
    }
    let sections = [
        ("documents", yaml::documents(&documents), false),
        ("operations", yaml::operations(&operations), true),
        ("models", yaml::models(&models), false),
    ];
    for (key, items, spaced) in sections {
        if !items.is_empty() {
            out = insert(&out, key, &items, spaced)?;
        }
    }
    Ok(Appended {
        text: out,
        added,
        skipped,
    })
}

/// `items` added to the top-level list `key` of `text`, or as a new list.
fn insert(text: &str, key: &str, items: &str, spaced: bool) -> Result<String, String> {
    let lines: Vec<(usize, &str)> = line_starts(text);
    let own = lines.iter().position(|(_, l)| top_key(l) == Some(key));
    let Some(own) = own else {
        let mut out = text.to_string();
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
        out.push_str(&format!("\n{key}:\n{items}"));
        return Ok(out);
    };
    let rest = lines[own].1.split_once(':').map_or("", |(_, r)| r);
    if !rest.trim().is_empty() && !rest.trim().starts_with('#') {
        return Err(format!(
            "`{key}:` is written on one line (flow style): add the items by hand"
        ));
    }
    // The end of the list: the next top-level key, before the comments and
    // blank lines that open it.
    let mut end = lines[own + 1..]
        .iter()
        .position(|(_, l)| top_key(l).is_some())
        .map_or(lines.len(), |i| own + 1 + i);
    while end > own + 1 && {
        let l = lines[end - 1].1.trim_end();
        l.is_empty() || l.starts_with('#')
    } {
        end -= 1;
    }
    let at = lines.get(end).map_or(text.len(), |(start, _)| *start);
    let mut insertion = String::new();
    if at > 0 && !text[..at].ends_with('\n') {
        insertion.push('\n');
    }
    if spaced && end > own + 1 {
        insertion.push('\n');
    }
    insertion.push_str(items);
    Ok(format!("{}{insertion}{}", &text[..at], &text[at..]))
}

/// Each line of `text` with the byte offset where it starts.
fn line_starts(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        out.push((start, line));
        start += line.len();
    }
    out
}

/// The key of a top-level `key:` line.
fn top_key(line: &str) -> Option<&str> {
    let (key, _) = line.split_once(':')?;
    let word = key.starts_with(|c: char| c.is_ascii_alphabetic())
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    word.then_some(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_go_to_the_end_of_their_list() {
        let text = "# head\ndescription: \"x\"\noperations:\n  - id: a\n\n# models of a\nmodels:\n  - name: A\n";
        let out = insert(text, "operations", "  - id: b\n", true).unwrap();
        assert_eq!(
            out,
            "# head\ndescription: \"x\"\noperations:\n  - id: a\n\n  - id: b\n\n# models of a\nmodels:\n  - name: A\n"
        );
        let out = insert(text, "models", "  - name: B\n", false).unwrap();
        assert!(out.ends_with("  - name: A\n  - name: B\n"), "{out}");
        let out = insert("description: \"x\"", "documents", "  - file: a.md\n", false).unwrap();
        assert_eq!(out, "description: \"x\"\n\ndocuments:\n  - file: a.md\n");
        assert!(insert("operations: []\n", "operations", "  - id: b\n", true).is_err());
    }
}
