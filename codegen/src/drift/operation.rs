//! An operation page's tables: the request-syntax rows (method, URI
//! template, query names) and the URI-parameter table; its prose is
//! compared in `prose`. Several rows may be one call: rows of the same
//! method and path whose query names are all the operation's (a row with a
//! start date, another with a start and an end date) are that operation's
//! rows, and its query is what they name together.

use super::shape::type_text;
use super::{PageCx, Same, doctype, pair, prose};
use crate::docs::{Row, SyntaxRow, params_table, required_word, syntax_rows};
use crate::model::{Api, Operation, Origin, Param};

pub(super) fn compare(cx: &mut PageCx<'_>, api: &Api) {
    let file = cx.file.clone();
    let ops: Vec<&Operation> = api
        .operations
        .iter()
        .filter(|o| o.documented_on(&file))
        .collect();
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
        prose::applies_to_line(cx, api, op);
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
    params(cx, api, &ops);
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
    // A row may leave out the optional parameters its URI-parameter table
    // lists (compared there): the analytics pages write no query at all.
    // One of an exactly-one-of group is never optional.
    let left_out =
        |s: usize| s < op.query.len() && !ours[s].required && ours[s].origin == Origin::Table;
    for &s in pairing.only_spec.iter().filter(|&&s| !left_out(s)) {
        let element = format!("{id}.query[{}]", ours[s].name);
        cx.in_text(element, Some(rows[0].line))
            .only_in_spec(&ours[s].at, ours[s].name.clone());
    }
}

/// The URI-parameter table against the parameters of the page's operations:
/// one table serves every row of the syntax, so a parameter is required when
/// every operation of the page requires it.
fn params(cx: &mut PageCx<'_>, api: &Api, ops: &[&Operation]) {
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
    let Some(table) = params_table(cx.page) else {
        for (op, p, _) in &ours {
            let element = format!("{}.params[{}]", op.id, p.name);
            cx.in_text(element, None)
                .only_in_spec(&p.at, p.documented_name().to_string());
        }
        return;
    };
    let cell = |row: &Row, i: usize| row.cells.get(i).cloned().unwrap_or_default();
    // Name, Type, Required, Description, unless the header orders them
    // otherwise (one page writes Parameter, Type, Description, Required).
    let column = |name: &str, default: usize| {
        table
            .header
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
            .unwrap_or(default)
    };
    let (type_col, required_col, description_col) = (
        column("Type", 1),
        column("Required", 2),
        column("Description", 3),
    );
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
        let ty = cell(row, type_col);
        if !doctype::fits(api, &ty, &p.ty, p.encoding) {
            let ours = type_text(&p.ty);
            cx.in_text(element("type"), line).different(&p.at, ours, ty);
        }
        let said = cell(row, required_col);
        let doc_required = required_word(&said);
        if doc_required != Some(required) {
            let ours = if required { "Yes" } else { "No" };
            cx.in_text(element("required"), line)
                .different(&p.at, ours.to_string(), said);
        }
        let description = cell(row, description_col);
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
            .only_in_documents(cell(&table.rows[r], description_col));
    }
    for &s in &pairing.only_spec {
        let (op, p, _) = ours[s];
        let element = format!("{}.params[{}]", op.id, p.name);
        cx.in_text(element, Some(table.line))
            .only_in_spec(&p.at, p.documented_name().to_string());
    }
}
