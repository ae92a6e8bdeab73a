//! `error-codes.md`: the rows of the error-codes table.

use std::collections::HashMap;

use super::PageCx;
use crate::model::{Api, GlobalCode};

/// The document's entries, grouped like the spec's: one per (status, code).
struct Entry {
    line: usize,
    status_name: String,
    status: String,
    code: String,
    descriptions: Vec<String>,
}

/// The error-codes table is the one with four columns whose second and third
/// columns are numbers (HTTP status, error code).
pub(super) fn compare(cx: &mut PageCx<'_>, api: &Api) {
    let page = cx.page;
    let ours: Vec<&GlobalCode> = api.error_codes.iter().flat_map(|c| &c.codes).collect();
    let numeric = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let table = page.tables.iter().find(|t| {
        t.header.len() == 4
            && !t.rows.is_empty()
            && t.rows
                .iter()
                .all(|r| r.cells.len() == 4 && numeric(&r.cells[1]) && numeric(&r.cells[2]))
    });
    let Some(table) = table else {
        if let Some(codes) = &api.error_codes {
            cx.in_text("error_codes", None)
                .only_in_spec(&codes.at, None);
        }
        return;
    };

    // Rows of one (status, code) are one entry: looked up, not searched, so
    // that a long table is read in linear time.
    let mut entries: Vec<Entry> = Vec::new();
    let mut by_key: HashMap<(&str, &str), usize> = HashMap::new();
    for row in &table.rows {
        let c = &row.cells;
        match by_key.get(&(c[1].as_str(), c[2].as_str())) {
            Some(&i) if entries[i].descriptions.contains(&c[3]) => {}
            Some(&i) => entries[i].descriptions.push(c[3].clone()),
            None => {
                by_key.insert((&c[1], &c[2]), entries.len());
                entries.push(Entry {
                    line: row.line,
                    status_name: c[0].clone(),
                    status: c[1].clone(),
                    code: c[2].clone(),
                    descriptions: vec![c[3].clone()],
                });
            }
        }
    }

    // Pair by (status, code); then a changed status by code and descriptions;
    // then a changed code by status and descriptions. Each pass looks the
    // spec's entries up by its key.
    let mut used = vec![false; ours.len()];
    let mut matched: Vec<Option<usize>> = vec![None; entries.len()];
    type Key = fn(&str, &str, &[String]) -> String;
    let passes: [Key; 3] = [
        |status, code, _| format!("{status}\0{code}"),
        |_, code, descriptions| format!("{code}\0{}", descriptions.join("\0")),
        |status, _, descriptions| format!("{status}\0{}", descriptions.join("\0")),
    ];
    for key in passes {
        let mut index: HashMap<String, Vec<usize>> = HashMap::new();
        for (j, g) in ours.iter().enumerate().rev().filter(|(j, _)| !used[*j]) {
            index
                .entry(key(&g.status.to_string(), &g.code, &g.descriptions))
                .or_default()
                .push(j);
        }
        for (i, e) in entries.iter().enumerate() {
            if matched[i].is_some() {
                continue;
            }
            let found = index.get_mut(&key(&e.status, &e.code, &e.descriptions));
            if let Some(j) = found.and_then(Vec::pop) {
                used[j] = true;
                matched[i] = Some(j);
            }
        }
    }

    for (e, m) in entries.iter().zip(&matched) {
        let line = Some(e.line);
        let Some(j) = *m else {
            let element = format!("error_codes[status={},code={}]", e.status, e.code);
            cx.in_text(element, line)
                .only_in_documents(e.descriptions.join("\n"));
            continue;
        };
        let g = ours[j];
        let element =
            |field: &str| format!("error_codes[status={},code={}].{field}", g.status, g.code);
        let fields = [
            ("status", g.status.to_string(), e.status.clone()),
            ("code", g.code.clone(), e.code.clone()),
            ("status_name", g.status_name.clone(), e.status_name.clone()),
            (
                "descriptions",
                g.descriptions.join("\n"),
                e.descriptions.join("\n"),
            ),
        ];
        for (field, ours, theirs) in fields {
            if ours != theirs {
                cx.in_text(element(field), line)
                    .different(&g.at, ours, theirs);
            }
        }
    }
    for (_, g) in ours.iter().enumerate().filter(|(j, _)| !used[*j]) {
        let element = format!("error_codes[status={},code={}]", g.status, g.code);
        cx.in_text(element, Some(table.line))
            .only_in_spec(&g.at, g.descriptions.join("\n"));
    }
}
