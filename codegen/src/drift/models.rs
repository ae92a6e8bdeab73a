//! The models a page describes: each table under a model's heading, row by
//! row (name, type, description), and the values of open enums in the
//! page's text or examples. On a resource page, a table the spec has no
//! model for is reported too.

use super::{PageCx, Same, doctype, pair, shape::type_text};
use crate::docs::{Page, Table, percent_decode};
use crate::model::{Api, Encoding, EnumValue, Model, ModelKind, Origin, Property, Union};

pub(super) fn compare(cx: &mut PageCx<'_>, api: &Api) {
    let file = cx.file.clone();
    let page = cx.page;
    let models: Vec<&Model> = api.models.iter().filter(|m| m.doc == file).collect();
    for m in &models {
        match (&m.kind, m.origin) {
            (
                ModelKind::Object(properties)
                | ModelKind::Union(Union {
                    base: properties, ..
                }),
                Origin::Table,
            ) => match table_of(page, &m.heading) {
                Some(table) => rows(cx, api, m, table, properties),
                None => cx
                    .in_text(m.name.clone(), None)
                    .only_in_spec(&m.at, m.heading.clone()),
            },
            (ModelKind::Enum(values), origin) => enum_values(cx, m, values, origin),
            (ModelKind::Object(_) | ModelKind::Union(_), _) => {}
        }
    }
    let resource_page = !api.operations.iter().any(|o| o.documented_on(&file));
    if resource_page {
        for table in &page.tables {
            let known = api
                .models
                .iter()
                .any(|m| m.doc == file && m.heading.eq_ignore_ascii_case(&table.heading));
            if !known {
                let element = format!("models[{}]", table.heading);
                cx.in_text(element, Some(table.line))
                    .only_in_documents(table.header.join(" | "));
            }
        }
    }
}

/// The first table under a heading.
fn table_of<'p>(page: &'p Page, heading: &str) -> Option<&'p Table> {
    page.tables
        .iter()
        .find(|t| t.heading.eq_ignore_ascii_case(heading))
}

/// The column of a table whose header is `name`.
fn column(table: &Table, name: &str) -> Option<usize> {
    table
        .header
        .iter()
        .position(|h| h.trim().eq_ignore_ascii_case(name))
}

fn rows(cx: &mut PageCx<'_>, api: &Api, m: &Model, table: &Table, properties: &[Property]) {
    // A property taken from the model this one extends is in that table.
    let ours: Vec<&Property> = properties
        .iter()
        .filter(|p| p.origin == Origin::Table && !p.inherited)
        .collect();
    // A table without a "Type" column (a filter's keys and values) says no type.
    let type_col = column(table, "Type");
    let description_col =
        column(table, "Description").unwrap_or(table.header.len().saturating_sub(1));
    let cell = |r: usize, c: usize| table.rows[r].cells.get(c).cloned().unwrap_or_default();
    let doc_names: Vec<String> = (0..table.rows.len()).map(|r| cell(r, 0)).collect();
    let spec_names: Vec<String> = ours
        .iter()
        .map(|p| p.documented_name().to_string())
        .collect();
    let pairing = pair(&doc_names, &spec_names, Same::IgnoringCase);
    for &(r, s) in &pairing.pairs {
        let p = ours[s];
        let line = Some(table.rows[r].line);
        let element = |field: &str| format!("{}.properties[{}].{field}", m.name, p.name);
        if !doc_names[r].eq_ignore_ascii_case(p.documented_name()) {
            cx.in_text(element("name"), line).different(
                &p.at,
                p.documented_name().to_string(),
                doc_names[r].clone(),
            );
        }
        if let Some(ty) = type_col.map(|c| cell(r, c))
            && !doctype::fits(api, &ty, &p.ty, Encoding::Text)
        {
            cx.in_text(element("type"), line)
                .different(&p.at, type_text(&p.ty), ty);
        }
        let description = cell(r, description_col);
        if description != p.description {
            cx.in_text(element("description"), line).different(
                &p.at,
                p.description.clone(),
                description,
            );
        }
    }
    for &r in &pairing.only_doc {
        let element = format!("{}.properties[{}]", m.name, doc_names[r]);
        cx.in_text(element, Some(table.rows[r].line))
            .only_in_documents(cell(r, description_col));
    }
    for &s in &pairing.only_spec {
        let p = ours[s];
        let element = format!("{}.properties[{}]", m.name, p.name);
        cx.in_text(element, Some(table.line))
            .only_in_spec(&p.at, p.documented_name().to_string());
    }
}

/// Each documented value of an enum is written on its page: in the text
/// (the prose or a table), or, for one the examples define, in an example.
fn enum_values(cx: &mut PageCx<'_>, m: &Model, values: &[EnumValue], origin: Origin) {
    let page = cx.page;
    // Examples write values in URIs too, percent-encoded.
    let text: Vec<String> = match origin {
        Origin::Example => page
            .code_blocks
            .iter()
            .map(|b| percent_decode(&b.text))
            .collect(),
        Origin::Table | Origin::Prose => {
            let cells = page
                .tables
                .iter()
                .flat_map(|t| &t.rows)
                .flat_map(|r| &r.cells);
            page.paragraphs
                .iter()
                .map(|p| &p.text)
                .chain(cells)
                .cloned()
                .collect()
        }
    };
    for v in values {
        if !text.iter().any(|t| written(t, &v.value)) {
            let element = format!("{}.values[{}]", m.name, v.value);
            let place = if origin == Origin::Example {
                cx.in_code_block(element, None)
            } else {
                cx.in_text(element, None)
            };
            place.only_in_spec(&v.at, v.value.clone());
        }
    }
}

/// Whether `value` stands in `text` as a word of its own.
fn written(text: &str, value: &str) -> bool {
    text.match_indices(value).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + value.len()..].chars().next();
        let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric() && c != '_');
        boundary(before) && boundary(after)
    })
}
