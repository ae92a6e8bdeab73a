//! `error-codes.md`: the rows of the error-codes table.

use super::{Kind, PageCx, nothing, spec};
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
            cx.text(
                Kind::OnlyInSpec,
                "error_codes".into(),
                None,
                spec(&codes.at, None),
                None,
            );
        }
        return;
    };

    let mut entries: Vec<Entry> = Vec::new();
    for row in &table.rows {
        let c = &row.cells;
        match entries
            .iter_mut()
            .find(|e| e.status == c[1] && e.code == c[2])
        {
            Some(e) if e.descriptions.contains(&c[3]) => {}
            Some(e) => e.descriptions.push(c[3].clone()),
            None => entries.push(Entry {
                line: row.line,
                status_name: c[0].clone(),
                status: c[1].clone(),
                code: c[2].clone(),
                descriptions: vec![c[3].clone()],
            }),
        }
    }

    // Pair by (status, code); then a changed status by code and descriptions;
    // then a changed code by status and descriptions.
    let mut used = vec![false; ours.len()];
    let mut matched: Vec<Option<usize>> = vec![None; entries.len()];
    let passes: [fn(&Entry, &GlobalCode) -> bool; 3] = [
        |e, g| e.status == g.status.to_string() && e.code == g.code,
        |e, g| e.code == g.code && e.descriptions == g.descriptions,
        |e, g| e.status == g.status.to_string() && e.descriptions == g.descriptions,
    ];
    for same in passes {
        for (i, e) in entries.iter().enumerate() {
            if matched[i].is_some() {
                continue;
            }
            if let Some(j) = (0..ours.len()).find(|&j| !used[j] && same(e, ours[j])) {
                used[j] = true;
                matched[i] = Some(j);
            }
        }
    }

    for (e, m) in entries.iter().zip(&matched) {
        let line = Some(e.line);
        let Some(j) = *m else {
            let element = format!("error_codes[status={},code={}]", e.status, e.code);
            cx.text(
                Kind::OnlyInDocuments,
                element,
                line,
                nothing(),
                Some(e.descriptions.join("\n")),
            );
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
                cx.text(
                    Kind::Different,
                    element(field),
                    line,
                    spec(&g.at, ours),
                    Some(theirs),
                );
            }
        }
    }
    for (_, g) in ours.iter().enumerate().filter(|(j, _)| !used[*j]) {
        let element = format!("error_codes[status={},code={}]", g.status, g.code);
        cx.text(
            Kind::OnlyInSpec,
            element,
            Some(table.line),
            spec(&g.at, g.descriptions.join("\n")),
            None,
        );
    }
}
