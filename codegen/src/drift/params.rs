//! An operation page's URI-parameter table against the parameters of the
//! page's operations: names, types, whether each is required, and the rows
//! that name a request-syntax placeholder.

use super::shape::type_text;
use super::{PageCx, Same, doctype, pair};
use crate::docs::{Row, SyntaxRow, params_table, required_word, syntax_rows};
use crate::model::{Api, Operation, Origin, Param};

/// The URI-parameter table against the parameters of the page's operations:
/// one table serves every row of the syntax, so a parameter is required when
/// every operation of the page requires it.
pub(super) fn compare(cx: &mut PageCx<'_>, api: &Api, ops: &[&Operation]) {
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
        // By the table's name: one operation may send it in the query
        // (`provider`), another in the path (`{billing-provider}`).
        let everywhere = ops.iter().all(|o| {
            o.params().any(|q| {
                q.documented_name()
                    .eq_ignore_ascii_case(p.documented_name())
            })
        });
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
    let (type_col, description_col) = (column("Type", 1), column("Description", 3));
    // A table of Name, Type, Description (the analytics pages) does not
    // say which are required: its third column is no Required column.
    let required_col = table
        .header
        .iter()
        .position(|h| h.trim().eq_ignore_ascii_case("Required"))
        .or((description_col != 2).then_some(2));
    let doc_names: Vec<String> = table.rows.iter().map(|r| cell(r, 0)).collect();
    let spec_names: Vec<String> = ours
        .iter()
        .map(|(_, p, _)| p.documented_name().to_string())
        .collect();
    // A row may name the placeholder a request-syntax row gives a query
    // parameter (`filter_string` of `?filter={filter_string}`): it is that
    // parameter, when no parameter of the spec has the row's name.
    let placeholders: Vec<(String, String)> = syntax_rows(cx.page)
        .iter()
        .flat_map(SyntaxRow::query)
        .filter_map(|(name, value)| {
            let inner = value.strip_prefix('{')?.strip_suffix('}')?;
            Some((inner.to_string(), name))
        })
        .collect();
    let known = |n: &str| spec_names.iter().any(|s| s.eq_ignore_ascii_case(n));
    let keys: Vec<String> = doc_names
        .iter()
        .map(|n| {
            placeholders
                .iter()
                .find(|(inner, name)| !known(n) && inner.eq_ignore_ascii_case(n) && known(name))
                .map_or_else(|| n.clone(), |(_, name)| name.clone())
        })
        .collect();
    let pairing = pair(&keys, &spec_names, Same::IgnoringCase);
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
        if let Some(required_col) = required_col {
            let said = cell(row, required_col);
            let doc_required = required_word(&said);
            if doc_required != Some(required) {
                let ours = if required { "Yes" } else { "No" };
                cx.in_text(element("required"), line)
                    .different(&p.at, ours.to_string(), said);
            }
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
