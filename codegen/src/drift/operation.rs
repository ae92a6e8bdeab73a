//! An operation page's tables: the request-syntax rows (method, URI
//! template, query names) and the URI-parameter table; its prose is
//! compared in `prose`. Several rows may be one call: rows of the same
//! method and path whose query names are all the operation's (a row with a
//! start date, another with a start and an end date) are that operation's
//! rows, and its query is what they name together.

use super::shape::type_text;
use super::{PageCx, Same, doctype, pair, prose};
use crate::docs::{Page, Row, Table, query_pairs};
use crate::model::{Api, Operation, Origin, Param};

pub(super) fn compare(cx: &mut PageCx<'_>, api: &Api) {
    let file = cx.file.clone();
    let ops: Vec<&Operation> = api.operations.iter().filter(|o| o.doc == file).collect();
    let rows = syntax_rows(cx.page);
    let matched = match_rows(&rows, &ops);
    for (i, op) in ops.iter().enumerate() {
        let mine: Vec<&SyntaxRow> = matched[i].iter().map(|&r| &rows[r]).collect();
        if mine.is_empty() {
            cx.in_text(format!("{}.path", op.id), None)
                .only_in_spec(&op.path_at, op.path.clone());
        } else {
            syntax(cx, op, &mine);
        }
        prose::applies_to(cx, api, op);
        prose::auth(cx, op);
        prose::request_headers(cx, api, op);
        prose::request_body(cx, op);
    }
    for (r, row) in rows.iter().enumerate() {
        if !matched.iter().any(|m| m.contains(&r)) {
            let element = format!("{}.syntax[{r}]", ops[0].id);
            cx.in_text(element, Some(row.line))
                .only_in_documents(row.uri.clone());
        }
    }
    params_table(cx, api, &ops);
}

/// A request-syntax row: the one naming `{baseURL}`.
struct SyntaxRow {
    line: usize,
    method: String,
    /// After `{baseURL}`, without the HTTP version.
    uri: String,
}

impl SyntaxRow {
    fn path(&self) -> &str {
        self.uri.split_once('?').map_or(&self.uri, |(p, _)| p)
    }

    /// The names of the row's query, e.g. `mpnId` of `?mpnId={mpnId}`.
    fn query_names(&self) -> Vec<String> {
        let query = self.uri.split_once('?').map_or("", |(_, q)| q);
        query_pairs(query).into_iter().map(|(n, _)| n).collect()
    }
}

fn syntax_rows(page: &Page) -> Vec<SyntaxRow> {
    let mut out = Vec::new();
    for row in page.tables.iter().flat_map(|t| &t.rows) {
        let Some(cell) = row.cells.iter().find(|c| c.contains("{baseURL}")) else {
            continue;
        };
        let after = cell
            .split_once("{baseURL}")
            .map_or(cell.as_str(), |(_, rest)| rest);
        let uri = after
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_string();
        out.push(SyntaxRow {
            line: row.line,
            method: row.cells.first().cloned().unwrap_or_default(),
            uri,
        });
    }
    out
}

/// Two path templates are the same when their literals are, and their
/// parameters differ at most in case.
fn same_path(doc: &str, ours: &str) -> bool {
    let a: Vec<&str> = doc.split('/').collect();
    let b: Vec<&str> = ours.split('/').collect();
    a.len() == b.len()
        && a.iter().zip(&b).all(|(x, y)| {
            if x.starts_with('{') && y.starts_with('{') {
                x.eq_ignore_ascii_case(y)
            } else {
                x == y
            }
        })
}

/// The query parameters of an operation, its exactly-one-of group's included.
fn query_params(op: &Operation) -> Vec<&Param> {
    op.query
        .iter()
        .chain(op.one_of.iter().flat_map(|g| &g.params))
        .collect()
}

/// For each operation, its rows: first the row of the same path; then the
/// other rows of the same call (the same method and path, only names of
/// its query); else, for an operation no row has the path of, the next
/// unpaired row in the page's order.
fn match_rows(rows: &[SyntaxRow], ops: &[&Operation]) -> Vec<Vec<usize>> {
    let mut used = vec![false; rows.len()];
    let mut out: Vec<Vec<usize>> = ops
        .iter()
        .map(|o| {
            let found = rows
                .iter()
                .enumerate()
                .position(|(i, row)| !used[i] && same_path(row.path(), &o.path));
            if let Some(r) = found {
                used[r] = true;
            }
            found.into_iter().collect()
        })
        .collect();
    for (r, row) in rows.iter().enumerate() {
        let same_call = |o: &Operation| {
            let ours = query_params(o);
            row.method == o.method
                && same_path(row.path(), &o.path)
                && row
                    .query_names()
                    .iter()
                    .all(|n| ours.iter().any(|q| &q.name == n))
        };
        let owner = (0..ops.len()).find(|&i| !out[i].is_empty() && same_call(ops[i]));
        if let (false, Some(i)) = (used[r], owner) {
            used[r] = true;
            out[i].push(r);
        }
    }
    for slot in out.iter_mut().filter(|s| s.is_empty()) {
        if let Some(r) = used.iter().position(|u| !u) {
            used[r] = true;
            slot.push(r);
        }
    }
    out
}

/// An operation's rows against it: each row's method and path, and the
/// query names of all its rows against its query parameters.
fn syntax(cx: &mut PageCx<'_>, op: &Operation, rows: &[&SyntaxRow]) {
    let id = &op.id;
    for row in rows {
        let line = Some(row.line);
        if row.method != op.method {
            let element = format!("{id}.method");
            cx.in_text(element, line).different(
                &op.method_at,
                op.method.clone(),
                row.method.clone(),
            );
        }
        if !same_path(row.path(), &op.path) {
            let element = format!("{id}.path");
            cx.in_text(element, line).different(
                &op.path_at,
                op.path.clone(),
                row.path().to_string(),
            );
        }
    }
    let ours = query_params(op);
    // Each name once, with the first row that names it.
    let mut named: Vec<(String, &SyntaxRow)> = Vec::new();
    for row in rows {
        for name in row.query_names() {
            if !named.iter().any(|(n, _)| *n == name) {
                named.push((name, row));
            }
        }
    }
    let doc_names: Vec<String> = named.iter().map(|(n, _)| n.clone()).collect();
    let spec_names: Vec<String> = ours.iter().map(|q| q.name.clone()).collect();
    let pairing = pair(&doc_names, &spec_names, Same::Exactly);
    for &(d, s) in &pairing.pairs {
        if doc_names[d] != ours[s].name {
            let element = format!("{id}.query[{}].name", ours[s].name);
            cx.in_text(element, Some(named[d].1.line)).different(
                &ours[s].at,
                ours[s].name.clone(),
                doc_names[d].clone(),
            );
        }
    }
    for &d in &pairing.only_doc {
        let (name, row) = &named[d];
        let element = format!("{id}.query[{name}]");
        cx.in_text(element, Some(row.line))
            .only_in_documents(row.uri.clone());
    }
    for &s in &pairing.only_spec {
        let element = format!("{id}.query[{}]", ours[s].name);
        cx.in_text(element, Some(rows[0].line))
            .only_in_spec(&ours[s].at, ours[s].name.clone());
    }
}

/// The table of URI parameters: the first one after the syntax and before
/// the request's headers or body (found by their English headings; on a
/// translated page, the first one after the syntax).
fn find_params_table(page: &Page) -> Option<&Table> {
    let syntax = page.tables.iter().position(|t| {
        t.rows
            .iter()
            .any(|r| r.cells.iter().any(|c| c.contains("{baseURL}")))
    })?;
    let after = page.tables[syntax].line;
    let end = page
        .headings
        .iter()
        .find(|h| {
            h.line > after
                && ["request headers", "request body", "request example"]
                    .iter()
                    .any(|name| h.text.eq_ignore_ascii_case(name))
        })
        .map_or(usize::MAX, |h| h.line);
    page.tables[syntax + 1..]
        .iter()
        .find(|t| t.line < end && t.header.len() >= 3)
}

/// The URI-parameter table against the parameters of the page's operations:
/// one table serves every row of the syntax, so a parameter is required when
/// every operation of the page requires it.
fn params_table(cx: &mut PageCx<'_>, api: &Api, ops: &[&Operation]) {
    let mut ours: Vec<(&Operation, &Param, bool)> = Vec::new();
    for op in ops {
        for p in op.params().filter(|p| p.origin == Origin::Table) {
            match ours.iter_mut().find(|(_, q, _)| {
                q.documented_name()
                    .eq_ignore_ascii_case(p.documented_name())
            }) {
                Some(entry) => entry.2 &= p.required,
                None => ours.push((op, p, p.required)),
            }
        }
    }
    for (_, p, required) in ours.iter_mut() {
        let everywhere = ops.iter().all(|o| o.params().any(|q| q.name == p.name));
        *required &= everywhere;
    }
    let Some(table) = find_params_table(cx.page) else {
        for (op, p, _) in &ours {
            let element = format!("{}.params[{}]", op.id, p.name);
            cx.in_text(element, None)
                .only_in_spec(&p.at, p.documented_name().to_string());
        }
        return;
    };
    let cell = |row: &Row, i: usize| row.cells.get(i).cloned().unwrap_or_default();
    let doc_names: Vec<String> = table.rows.iter().map(|r| cell(r, 0)).collect();
    let spec_names: Vec<String> = ours
        .iter()
        .map(|(_, p, _)| p.documented_name().to_string())
        .collect();
    let pairing = pair(&doc_names, &spec_names, Same::IgnoringCase);
    for &(r, s) in &pairing.pairs {
        let (op, p, required) = ours[s];
        let row = &table.rows[r];
        let line = Some(row.line);
        let element = |field: &str| format!("{}.params[{}].{field}", op.id, p.name);
        let name = cell(row, 0);
        if !name.eq_ignore_ascii_case(p.documented_name()) {
            cx.in_text(element("name"), line).different(
                &p.at,
                p.documented_name().to_string(),
                name,
            );
        }
        let ty = cell(row, 1);
        if !doctype::fits(api, &ty, &p.ty, p.encoding) {
            let ours = type_text(&p.ty);
            cx.in_text(element("type"), line).different(&p.at, ours, ty);
        }
        let said = cell(row, 2);
        let doc_required = match said.to_ascii_lowercase().as_str() {
            "y" | "yes" | "true" | "required" => Some(true),
            "n" | "no" | "false" | "optional" => Some(false),
            _ => None,
        };
        if doc_required != Some(required) {
            let ours = if required { "Yes" } else { "No" };
            cx.in_text(element("required"), line)
                .different(&p.at, ours.to_string(), said);
        }
        let description = cell(row, 3);
        if description != p.description {
            cx.in_text(element("description"), line).different(
                &p.at,
                p.description.clone(),
                description,
            );
        }
    }
    for &r in &pairing.only_doc {
        let element = format!("{}.params[{}]", ops[0].id, doc_names[r]);
        cx.in_text(element, Some(table.rows[r].line))
            .only_in_documents(cell(&table.rows[r], 3));
    }
    for &s in &pairing.only_spec {
        let (op, p, _) = ours[s];
        let element = format!("{}.params[{}]", op.id, p.name);
        cx.in_text(element, Some(table.line))
            .only_in_spec(&p.at, p.documented_name().to_string());
    }
}
