//! The index of the resource pages: for each resource page of the spec (a
//! page of models that no operation comes from), its row names exactly the
//! models the spec takes from it, each by its heading (two pages may each
//! have a `RenewsTo`, which the spec names apart).

use std::collections::BTreeSet;

use super::PageCx;
use crate::model::{Api, Model, Origin};

pub(super) fn compare(cx: &mut PageCx<'_>, api: &Api) {
    let resource_pages: BTreeSet<&str> = api
        .models
        .iter()
        .filter(|m| m.origin == Origin::Table)
        .map(|m| m.doc.as_str())
        .filter(|doc| !api.operations.iter().any(|o| o.documented_on(doc)))
        .collect();
    let mut listed = BTreeSet::new();
    let page = cx.page;
    for row in page.tables.iter().flat_map(|t| &t.rows) {
        let theirs: Vec<&str> = row
            .cells
            .get(1)
            .map(|c| {
                c.lines()
                    .filter_map(|l| l.split_whitespace().next())
                    .collect()
            })
            .unwrap_or_default();
        let files: Vec<&str> = row
            .links
            .iter()
            .map(|l| l.split('#').next().unwrap_or_default())
            .collect();
        // A row whose area names no page may link each model to its own
        // page, one a line (the Agreements row): each line is then a row.
        let groups: Vec<(&str, Vec<&str>)> = if files.len() > 1 && files.len() == theirs.len() {
            files
                .iter()
                .zip(&theirs)
                .filter(|(f, _)| resource_pages.contains(**f))
                .map(|(f, name)| (*f, vec![*name]))
                .collect()
        } else {
            files
                .iter()
                .find(|f| resource_pages.contains(**f))
                .map(|f| (*f, theirs.clone()))
                .into_iter()
                .collect()
        };
        for (file, theirs) in groups {
            listed.insert(file.to_string());
            compare_row(cx, api, file, &theirs, row.line);
        }
    }
    for file in resource_pages.iter().filter(|f| !listed.contains(**f)) {
        // A resource page is the page of a model of the spec: found.
        if let Some(m) = api.models.iter().find(|m| m.doc == *file) {
            cx.in_text(format!("index[{file}]"), None)
                .only_in_spec(&m.at, file.to_string());
        }
    }
}

/// The models a row of the index names for one page, against the spec's.
fn compare_row(cx: &mut PageCx<'_>, api: &Api, file: &str, theirs: &[&str], line: usize) {
    let ours: Vec<&Model> = api
        .models
        .iter()
        .filter(|m| m.doc == file && m.origin == Origin::Table)
        .collect();
    let line = Some(line);
    for name in theirs {
        if !ours.iter().any(|m| m.heading == *name) {
            let element = format!("index[{file}].{name}");
            cx.in_text(element, line)
                .only_in_documents(name.to_string());
        }
    }
    for m in &ours {
        if !theirs.contains(&m.heading.as_str()) {
            let element = format!("index[{file}].{}", m.heading);
            cx.in_text(element, line)
                .only_in_spec(&m.at, m.heading.clone());
        }
    }
}
