//! The draft as the spec's files write it: block style, the keys in the
//! order of `spec/*.yaml`, descriptions and titles in double quotes (with
//! `\"`, `\\` and control characters escaped, other characters as they
//! are), and a blank line between operations. Written by hand rather than
//! by serde_yaml, whose output is flow-free but neither quotes nor orders
//! keys as a person reads the spec.

use std::fmt::Write;

use super::Draft;
use crate::spec::raw::{
    Auth, Encoding, ErrorCode, Origin, RawDocument, RawError, RawModel, RawOperation, RawParam,
    RawProperty,
};

/// The whole draft, as a spec file; `pages` are named in its header.
pub fn render(draft: &Draft, pages: &[String]) -> String {
    let mut out = String::from("# yaml-language-server: $schema=spec.schema.json\n");
    let _ = writeln!(
        out,
        "# A draft by `cargo codegen import` of {}: resolve every `decide:`, then check each fact against its page.",
        pages.join(", ")
    );
    let _ = writeln!(out, "description: {}", quoted(&draft.description));
    if !draft.documents.is_empty() {
        out.push_str("documents:\n");
        out.push_str(&documents(&draft.documents.iter().collect::<Vec<_>>()));
    }
    if !draft.operations.is_empty() {
        out.push_str("operations:\n");
        out.push_str(&operations(&draft.operations.iter().collect::<Vec<_>>()));
    }
    if !draft.models.is_empty() {
        out.push_str("\nmodels:\n");
        out.push_str(&models(&draft.models.iter().collect::<Vec<_>>()));
    }
    out
}

/// The items of a `documents:` list.
pub(super) fn documents(docs: &[&RawDocument]) -> String {
    let mut out = String::new();
    for d in docs {
        let _ = writeln!(out, "  - file: {}", scalar(&d.file));
        let _ = writeln!(out, "    title: {}", quoted(&d.title));
    }
    out
}

/// The items of an `operations:` list, a blank line between two.
pub(super) fn operations(ops: &[&RawOperation]) -> String {
    let mut out = String::new();
    for (i, o) in ops.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        operation(&mut out, o);
    }
    out
}

fn operation(out: &mut String, o: &RawOperation) {
    let _ = writeln!(out, "  - id: {}", scalar(&o.id));
    let w = Block { indent: "    " };
    w.key(out, "name", &scalar(&o.name));
    w.opt(out, "decide", o.decide.as_deref().map(quoted));
    w.key(out, "doc", &scalar(&o.doc));
    w.key(out, "summary", &quoted(&o.summary));
    w.key(out, "method", &scalar(&o.method));
    w.key(out, "path", &scalar(&o.path));
    if let Some(clouds) = &o.clouds {
        let ids: Vec<String> = clouds.iter().map(|c| scalar(c)).collect();
        w.key(out, "clouds", &format!("[{}]", ids.join(", ")));
    }
    w.opt(
        out,
        "auth",
        o.auth.map(|a| match a {
            Auth::AppUser => "app-user".to_string(),
            Auth::AppOrAppUser => "app-or-app-user".to_string(),
        }),
    );
    params(out, "path_params", &o.path_params);
    params(out, "query_params", &o.query_params);
    if !o.request_headers.is_empty() {
        out.push_str("    request_headers:\n");
        for h in &o.request_headers {
            let _ = writeln!(out, "      - name: {}", scalar(&h.name));
            let w = Block { indent: "        " };
            w.opt(out, "decide", h.decide.as_deref().map(quoted));
            w.key(out, "required", &h.required.to_string());
            w.opt(out, "from_body", h.from_body.as_deref().map(scalar));
            w.opt(out, "quoted", h.quoted.then(|| "true".to_string()));
            w.opt(out, "doc", h.doc.as_deref().map(scalar));
            w.key(out, "description", &quoted(&h.description));
        }
    }
    if let Some(b) = &o.body {
        out.push_str("    body:\n");
        let w = Block { indent: "      " };
        w.key(out, "type", &scalar(&b.ty));
        w.opt(out, "decide", b.decide.as_deref().map(quoted));
        w.key(out, "description", &quoted(&b.description));
    }
    out.push_str("    responses:\n");
    for r in &o.responses {
        let _ = writeln!(out, "      - status: {}", r.status);
        let w = Block { indent: "        " };
        w.opt(out, "name", r.name.as_deref().map(scalar));
        w.opt(out, "decide", r.decide.as_deref().map(quoted));
        w.opt(out, "body", r.body.as_deref().map(scalar));
        w.key(out, "description", &quoted(&r.description));
    }
    if !o.errors.is_empty() {
        out.push_str("    errors:\n");
        for e in &o.errors {
            error(out, e);
        }
    }
}

fn params(out: &mut String, key: &str, params: &[RawParam]) {
    if params.is_empty() {
        return;
    }
    let _ = writeln!(out, "    {key}:");
    for p in params {
        let _ = writeln!(out, "      - name: {}", scalar(&p.name));
        let w = Block { indent: "        " };
        w.opt(out, "decide", p.decide.as_deref().map(quoted));
        w.opt(out, "documented_as", p.documented_as.as_deref().map(scalar));
        w.key(out, "type", &scalar(&p.ty));
        w.opt(out, "required", (!p.required).then(|| "false".to_string()));
        w.opt(out, "repeated", p.repeated.then(|| "true".to_string()));
        w.opt(
            out,
            "encoding",
            (p.encoding == Encoding::Json).then(|| "json".to_string()),
        );
        w.opt(out, "origin", origin(p.origin));
        w.opt(out, "rust_name", p.rust_name.as_deref().map(scalar));
        w.key(out, "description", &quoted(&p.description));
    }
}

fn error(out: &mut String, e: &RawError) {
    let _ = writeln!(out, "      - id: {}", scalar(&e.id));
    let w = Block { indent: "        " };
    w.opt(out, "decide", e.decide.as_deref().map(quoted));
    w.opt(out, "example", e.example.as_deref().map(quoted));
    w.key(out, "status", &e.status.to_string());
    w.opt(
        out,
        "code",
        e.code.as_ref().map(|c| match c {
            ErrorCode::Number(n) => n.to_string(),
            ErrorCode::Text(t) => quoted(t),
        }),
    );
    w.opt(out, "source", e.source.as_deref().map(quoted));
    w.key(out, "description", &quoted(&e.description));
    if e.data.is_empty() {
        w.key(out, "data", "[]");
    } else {
        out.push_str("        data:\n");
        for d in &e.data {
            let _ = writeln!(out, "          - {}", quoted(d));
        }
    }
}

/// The items of a `models:` list.
pub(super) fn models(models: &[&RawModel]) -> String {
    let mut out = String::new();
    for m in models {
        let _ = writeln!(out, "  - name: {}", scalar(&m.name));
        let w = Block { indent: "    " };
        w.opt(&mut out, "decide", m.decide.as_deref().map(quoted));
        w.key(&mut out, "doc", &scalar(&m.doc));
        w.opt(&mut out, "origin", origin(m.origin));
        w.opt(&mut out, "heading", m.heading.as_deref().map(quoted));
        w.key(&mut out, "description", &quoted(&m.description));
        if !m.properties.is_empty() {
            out.push_str("    properties:\n");
            for p in &m.properties {
                property(&mut out, p);
            }
        }
        if let Some(limit) = &m.rate_limit {
            out.push_str("    rate_limit:\n");
            let _ = writeln!(out, "      requests: {}", limit.requests);
            let _ = writeln!(out, "      per: {}", limit.per.word());
            let _ = writeln!(out, "      scope: {}", quoted(&limit.scope));
        }
        if !m.values.is_empty() {
            out.push_str("    values:\n");
            for v in &m.values {
                let _ = writeln!(out, "      - value: {}", scalar(&v.value));
                let _ = writeln!(out, "        description: {}", quoted(&v.description));
            }
        }
    }
    out
}

fn property(out: &mut String, p: &RawProperty) {
    let _ = writeln!(out, "      - name: {}", scalar(&p.name));
    let w = Block { indent: "        " };
    w.opt(out, "decide", p.decide.as_deref().map(quoted));
    w.opt(out, "documented_as", p.documented_as.as_deref().map(scalar));
    w.key(out, "type", &scalar(&p.ty));
    w.opt(out, "optional", p.optional.then(|| "true".to_string()));
    w.opt(out, "origin", origin(p.origin));
    w.opt(out, "rust_name", p.rust_name.as_deref().map(scalar));
    w.key(out, "description", &quoted(&p.description));
}

fn origin(o: Origin) -> Option<String> {
    match o {
        Origin::Table => None,
        Origin::Example => Some("example".into()),
        Origin::Prose => Some("prose".into()),
    }
}

/// Keys of one mapping, at one indentation.
struct Block {
    indent: &'static str,
}

impl Block {
    fn key(&self, out: &mut String, key: &str, value: &str) {
        let _ = writeln!(out, "{}{key}: {value}", self.indent);
    }

    fn opt(&self, out: &mut String, key: &str, value: Option<String>) {
        if let Some(value) = value {
            self.key(out, key, &value);
        }
    }
}

/// A scalar written plain where YAML reads it back as the same text, in
/// double quotes otherwise.
pub(super) fn scalar(s: &str) -> String {
    let safe_start = s.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '/' || c == '_');
    let safe = s
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "_-./{}<>+".contains(c));
    let lower = s.to_ascii_lowercase();
    let reserved =
        ["true", "false", "yes", "no", "on", "off", "null", "y", "n"].contains(&lower.as_str());
    let numeric = s.parse::<f64>().is_ok() || s.starts_with(|c: char| c.is_ascii_digit());
    if safe_start && safe && !reserved && !numeric {
        s.to_string()
    } else {
        quoted(s)
    }
}

/// A double-quoted YAML scalar of `s`, byte for byte when read back.
pub(super) fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            // Control characters, and what YAML reads as a line break or a mark.
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}') => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_read_back_as_written() {
        let texts = [
            "plain",
            "with \"quotes\", colons: and a # hash",
            "back\\slash and C:\\path",
            "The customer’s Parnter Ünïcode — 日本",
            "line\nbreak\ttab\u{1}\u{2028}",
            "yes",
            "123",
            "[string]",
            "-dash",
            "",
            "ResourceCollection<Customer>",
            "/v1/customers/{customer-tenant-id}",
        ];
        for text in texts {
            for written in [scalar(text), quoted(text)] {
                let read: String = serde_yaml::from_str(&format!("key: {written}\n"))
                    .map(|m: std::collections::BTreeMap<String, String>| m["key"].clone())
                    .unwrap();
                assert_eq!(read, text, "{written}");
            }
        }
        assert_eq!(scalar("/v1/customers/{id}"), "/v1/customers/{id}");
        assert_eq!(scalar("[string]"), "\"[string]\"");
    }
}
