//! What prettyplease leaves to a person: a blank line between items, and
//! the runtime's macros that generated modules invoke laid out one entry a
//! line. prettyplease prints the tokens of a macro it does not know as a
//! paragraph; these invocations are lists (a model's fields, an error
//! type's variants) and read as lists.

/// The invocations laid out one entry a line: `<path>!(Head { a, b, c });`.
const LIST_MACROS: [&str; 4] = [
    "crate::json::object!(",
    "crate::json::open_enum!(",
    "crate::json::union!(",
    "crate::error::operation_error!(",
];

/// `text` (prettyplease's output) with blank lines between items and the
/// list macros laid out.
pub fn lay_out(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut out: Vec<String> = Vec::with_capacity(lines.len() * 5 / 4);
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let trimmed = line.trim_start();
        let indent = &line[..line.len() - trimmed.len()];
        if let Some(after) = out.last()
            && starts_item(trimmed)
            && ends_item(after, indent)
            && !(trimmed.starts_with("use ") && after.trim_start().starts_with("use "))
        {
            out.push(String::new());
        }
        match LIST_MACROS.iter().find(|m| trimmed.starts_with(**m)) {
            Some(path) => {
                // The invocation runs to the line that closes it, `);`.
                let end = (i..lines.len())
                    .find(|&j| lines[j].trim_end().ends_with(");") && lines[j].starts_with(indent))
                    .unwrap_or(i);
                let joined: Vec<&str> = lines[i..=end].iter().map(|l| l.trim()).collect();
                let joined = joined.join(" ");
                match list(&joined, path, indent) {
                    Some(laid) => out.extend(laid),
                    None => out.extend(lines[i..=end].iter().map(|l| l.to_string())),
                }
                i = end + 1;
            }
            None => {
                out.push(line.to_string());
                i += 1;
            }
        }
    }
    let mut text = out.join("\n");
    text.push('\n');
    text
}

/// Whether a line begins an item (or its doc or attributes).
fn starts_item(line: &str) -> bool {
    const STARTS: [&str; 14] = [
        "///", "#[", "pub ", "pub(", "fn ", "impl ", "impl<", "struct ", "enum ", "const ",
        "static ", "mod ", "use ", "crate::",
    ];
    STARTS.iter().any(|s| line.starts_with(s))
}

/// Whether the line before one at `indent` ends an item at that indent.
fn ends_item(line: &str, indent: &str) -> bool {
    let trimmed = line.trim_start();
    line.len() - trimmed.len() == indent.len()
        && !trimmed.starts_with("///")
        && !trimmed.starts_with("#[")
        && (trimmed.ends_with('}') || trimmed.ends_with(';'))
}

/// `path Head { a, b, c });` (one line) as lines: the head, an entry a
/// line, the close. `None` when it is not of that form.
fn list(joined: &str, path: &str, indent: &str) -> Option<Vec<String>> {
    let inner = joined.strip_prefix(path)?.strip_suffix(");")?.trim();
    let (head, body) = inner.split_once('{')?;
    let body = body.trim().strip_suffix('}')?.trim();
    let head = head.trim();
    if body.is_empty() {
        return Some(vec![format!("{indent}{path}{head} {{}});")]);
    }
    let mut out = vec![format!("{indent}{path}{head} {{")];
    for entry in split_commas(body) {
        out.push(format!("{indent}    {entry},"));
    }
    out.push(format!("{indent}}});"));
    Some(out)
}

/// `text` split at its commas outside string literals, each part trimmed,
/// empty parts left out.
fn split_commas(text: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut current = String::new();
    let (mut in_string, mut escaped) = (false, false);
    for c in text.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' if in_string => escaped = true,
            '"' => in_string = !in_string,
            ',' if !in_string => {
                parts.push(std::mem::take(&mut current));
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    parts.push(current);
    parts
        .into_iter()
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_are_apart_and_statements_are_not() {
        let text = "use a::b;\nuse c::d;\npub struct A {\n    pub x: i64,\n    /// y\n    pub y: i64,\n}\nimpl A {\n    fn f() {\n        let a = 1;\n        let b = 2;\n    }\n    /// g\n    fn g() {}\n}\n";
        assert_eq!(
            lay_out(text),
            "use a::b;\nuse c::d;\n\npub struct A {\n    pub x: i64,\n    /// y\n    pub y: i64,\n}\n\nimpl A {\n    fn f() {\n        let a = 1;\n        let b = 2;\n    }\n\n    /// g\n    fn g() {}\n}\n"
        );
    }

    #[test]
    fn list_macros_have_an_entry_a_line() {
        let text = "crate::json::object!(\n    Link { required uri = \"u,v\", optional\n    method = \"method\" }\n);\n";
        assert_eq!(
            lay_out(text),
            "crate::json::object!(Link {\n    required uri = \"u,v\",\n    optional method = \"method\",\n});\n"
        );
        let one = "crate::error::operation_error!(GetCustomerError {});\n";
        assert_eq!(lay_out(one), one);
    }
}
