//! An operation page's tables: the request-syntax rows (method, URI
//! template, query names) and the URI-parameter table; its prose is
//! compared in `prose`. Several rows may be one call: those the operation
//! names (`also_rows`, where a row may write a parameter's value), or, when
//! it names none, the rows of the same method and path whose query names
//! are all the operation's (a row with a start date, another with a start
//! and an end date); its query is what they name together.

use super::{PageCx, Same, pair, params, prose};
use crate::docs::{SyntaxRow, percent_decode, syntax_rows, text_fits};
use crate::model::{Api, Operation, Origin, Param};

pub(super) fn compare(cx: &mut PageCx<'_>, api: &Api) {
    let file = cx.file.clone();
    let ops: Vec<&Operation> = api
        .operations
        .iter()
        .filter(|o| o.documented_on(&file))
        .collect();
    let rows = syntax_rows(cx.page);
    let matched = match_rows(&rows, &ops, &file);
    for (i, op) in ops.iter().enumerate() {
        // The operation's rows, each with the element its method and path
        // are reported under.
        let mut mine: Vec<(&SyntaxRow, String)> = Vec::new();
        match matched.own[i] {
            Some(r) => mine.push((&rows[r], op.id.clone())),
            None => cx
                .in_text(format!("{}.path", op.id), None)
                .only_in_spec(&op.path_at, op.path.clone()),
        }
        // Its other rows are on its own page.
        let also = op.also_rows.iter().filter(|_| op.doc == file);
        for (k, (at, uri)) in also.enumerate() {
            let element = format!("{}.also_rows[{k}]", op.id);
            match matched.also[i][k] {
                Some(r) => mine.push((&rows[r], element)),
                None => cx.in_text(element, None).only_in_spec(at, uri.clone()),
            }
        }
        // Rows of the same call it does not name: their method and path
        // are its own.
        for &r in &matched.same_call[i] {
            mine.push((&rows[r], op.id.clone()));
        }
        if !mine.is_empty() {
            syntax(cx, api, op, &mine);
        }
        prose::applies_to_line(cx, api, op);
        prose::auth(cx, op);
        prose::request_headers(cx, api, op);
        prose::request_body(cx, op);
    }
    for (r, row) in rows.iter().enumerate() {
        if matched.owner(r).is_none() {
            let element = format!("{}.syntax[{r}]", ops[0].id);
            cx.in_text(element, Some(row.line))
                .only_in_documents(row.uri.clone());
        }
    }
    params::compare(cx, api, &ops);
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

/// The rows of each operation: its own, the others it names, and the
/// others of the same call.
struct Matched {
    /// By operation: its own row.
    own: Vec<Option<usize>>,
    /// By operation, then by its `also_rows`: the row of that URI.
    also: Vec<Vec<Option<usize>>>,
    /// By operation: the rows of its method and path, and only names of its
    /// query, that it does not name.
    same_call: Vec<Vec<usize>>,
}

impl Matched {
    /// The operation whose row `row` is, if any.
    fn owner(&self, row: usize) -> Option<usize> {
        (0..self.own.len()).find(|&i| {
            self.own[i] == Some(row)
                || self.also[i].contains(&Some(row))
                || self.same_call[i].contains(&row)
        })
    }
}

/// For each row of a page, the operation of `ops` (documented on `file`)
/// it is a row of, paired as the documents check pairs them.
pub(super) fn row_owners(rows: &[SyntaxRow], ops: &[&Operation], file: &str) -> Vec<Option<usize>> {
    let matched = match_rows(rows, ops, file);
    (0..rows.len()).map(|r| matched.owner(r)).collect()
}

/// The query parameters of an operation, its exactly-one-of group's included.
fn query_params(op: &Operation) -> Vec<&Param> {
    op.query
        .iter()
        .chain(op.one_of.iter().flat_map(|g| &g.params))
        .collect()
}

/// For each operation, the rows it names (`also_rows`, by their URI, on
/// its own page `doc` only), then its own row: the row of the same path;
/// then, for one that names no rows, the other rows of the same call (the
/// same method and path, only names of its query); else, for an operation
/// no row has the path of, the next unpaired row in the page's order.
fn match_rows(rows: &[SyntaxRow], ops: &[&Operation], file: &str) -> Matched {
    let mut used = vec![false; rows.len()];
    let also: Vec<Vec<Option<usize>>> = ops
        .iter()
        .map(|o| {
            o.also_rows
                .iter()
                .filter(|_| o.doc == file)
                .map(|(_, uri)| {
                    let r = (0..rows.len()).find(|&r| !used[r] && rows[r].uri == *uri)?;
                    used[r] = true;
                    Some(r)
                })
                .collect()
        })
        .collect();
    let mut own: Vec<Option<usize>> = ops
        .iter()
        .map(|o| {
            let r = rows
                .iter()
                .enumerate()
                .position(|(i, row)| !used[i] && same_path(row.path(), &o.path))?;
            used[r] = true;
            Some(r)
        })
        .collect();
    // An operation that names its other rows has those; one that names none
    // has every row of its call.
    let names_none = |i: usize| also[i].is_empty();
    let mut same_call = vec![Vec::new(); ops.len()];
    for (r, row) in rows.iter().enumerate() {
        let of_call = |o: &Operation| {
            let ours = query_params(o);
            row.method == o.method
                && same_path(row.path(), &o.path)
                && row
                    .query_names()
                    .iter()
                    .all(|n| ours.iter().any(|q| &q.name == n))
        };
        let owner = (0..ops.len()).find(|&i| own[i].is_some() && names_none(i) && of_call(ops[i]));
        if let (false, Some(i)) = (used[r], owner) {
            used[r] = true;
            same_call[i].push(r);
        }
    }
    for slot in own.iter_mut().filter(|s| s.is_none()) {
        if let Some(r) = used.iter().position(|u| !u) {
            used[r] = true;
            *slot = Some(r);
        }
    }
    Matched {
        own,
        also,
        same_call,
    }
}

/// Whether a row's path is the operation's, where the row may write a
/// value of a parameter in its place (`/lineitems/OneTime/...` for
/// `/lineitems/{billing-provider}/...`).
fn fits_path(api: &Api, row: &str, op: &Operation) -> bool {
    let a: Vec<&str> = row.split('/').collect();
    let b: Vec<&str> = op.path.split('/').collect();
    a.len() == b.len()
        && a.iter().zip(&b).all(|(x, y)| {
            let param = y.strip_prefix('{').and_then(|n| n.strip_suffix('}'));
            match (x.starts_with('{'), param) {
                (true, Some(_)) => x.eq_ignore_ascii_case(y),
                (false, Some(name)) => op
                    .path_params
                    .iter()
                    .find(|p| p.name == name)
                    .is_some_and(|p| text_fits(api, p, &percent_decode(x))),
                (_, None) => x == y,
            }
        })
}

/// The operation's rows against it: each row's method and path, and the
/// query names of all of them (a name of a row that the operation does
/// not have; a parameter of the operation that none of its rows has).
fn syntax(cx: &mut PageCx<'_>, api: &Api, op: &Operation, rows: &[(&SyntaxRow, String)]) {
    let id = &op.id;
    let ours = query_params(op);
    let spec_names: Vec<String> = ours.iter().map(|q| q.name.clone()).collect();
    let mut seen = vec![false; ours.len()];
    for (i, (row, element)) in rows.iter().enumerate() {
        let line = Some(row.line);
        if row.method != op.method {
            cx.in_text(format!("{element}.method"), line).different(
                &op.method_at,
                op.method.clone(),
                row.method.clone(),
            );
        }
        // The operation's own row is its template; another may write a
        // parameter's value in its place.
        let same = match i {
            0 if element == id => same_path(row.path(), &op.path),
            _ => fits_path(api, row.path(), op),
        };
        if !same {
            cx.in_text(format!("{element}.path"), line).different(
                &op.path_at,
                op.path.clone(),
                row.path().to_string(),
            );
        }
        // A repeated parameter may be written several times in one row
        // (`licenseGroupIds=Group1&licenseGroupIds=Group2`): one name.
        let mut doc_names: Vec<String> = Vec::new();
        for name in row.query_names() {
            let repeated = ours.iter().any(|q| q.repeated && q.name == name);
            if !(repeated && doc_names.contains(&name)) {
                doc_names.push(name);
            }
        }
        let pairing = pair(&doc_names, &spec_names, Same::Exactly);
        for &(d, s) in &pairing.pairs {
            seen[s] = true;
            if doc_names[d] != ours[s].name {
                let element = format!("{id}.query[{}].name", ours[s].name);
                cx.in_text(element, line).different(
                    &ours[s].at,
                    ours[s].name.clone(),
                    doc_names[d].clone(),
                );
            }
        }
        for &d in &pairing.only_doc {
            let element = format!("{id}.query[{}]", doc_names[d]);
            cx.in_text(element, line).only_in_documents(row.uri.clone());
        }
    }
    // A row may leave out the optional parameters its URI-parameter table
    // lists (compared there): the analytics pages write no query at all.
    // One of an exactly-one-of group is never optional.
    let left_out =
        |s: usize| s < op.query.len() && !ours[s].required && ours[s].origin == Origin::Table;
    let line = rows.first().map(|(row, _)| row.line);
    for s in (0..ours.len()).filter(|&s| !seen[s] && !left_out(s)) {
        let element = format!("{id}.query[{}]", ours[s].name);
        cx.in_text(element, line)
            .only_in_spec(&ours[s].at, ours[s].name.clone());
    }
}
