//! `partner-center-rest-urls.md`: the base URL of each cloud.

use super::{Kind, PageCx, nothing, spec};
use crate::model::{Api, Cloud};

/// The base-URL table is the one whose second column holds URLs. A row names
/// one or more clouds (separated by line breaks) that share its URL.
pub(super) fn compare(cx: &mut PageCx<'_>, api: &Api) {
    let page = cx.page;
    let Some(table) = page.tables.iter().find(|t| {
        t.rows
            .iter()
            .any(|r| r.cells.get(1).is_some_and(|c| c.contains("://")))
    }) else {
        for c in &api.clouds {
            cx.text(
                Kind::OnlyInSpec,
                format!("clouds[{}]", c.id),
                None,
                spec(&c.at, c.base_url.clone()),
                None,
            );
        }
        return;
    };
    let mut named: Vec<&str> = Vec::new();
    for row in &table.rows {
        let url = row.cells.get(1).map_or("", |c| c.trim());
        let mut clouds: Vec<&Cloud> = Vec::new();
        for name in row.cells.first().map_or("", String::as_str).lines() {
            let name = name.trim();
            if name.is_empty() {
                continue;
            }
            match api.clouds.iter().find(|c| c.name == name) {
                Some(c) => {
                    clouds.push(c);
                    named.push(&c.id);
                }
                None => cx.text(
                    Kind::OnlyInDocuments,
                    format!("clouds[{name}]"),
                    Some(row.line),
                    nothing(),
                    Some(url.to_string()),
                ),
            }
        }
        // One finding per row and spec URL: the row states one URL for all of them.
        let mut seen: Vec<&str> = Vec::new();
        for c in &clouds {
            if c.base_url == url || seen.contains(&c.base_url.as_str()) {
                continue;
            }
            seen.push(&c.base_url);
            let ids: Vec<&str> = clouds
                .iter()
                .filter(|x| x.base_url == c.base_url)
                .map(|x| x.id.as_str())
                .collect();
            cx.text(
                Kind::Different,
                format!("clouds[{}].base_url", ids.join(",")),
                Some(row.line),
                spec(&c.at, c.base_url.clone()),
                Some(url.to_string()),
            );
        }
    }
    for c in api
        .clouds
        .iter()
        .filter(|c| !named.contains(&c.id.as_str()))
    {
        cx.text(
            Kind::OnlyInSpec,
            format!("clouds[{}]", c.id),
            Some(table.line),
            spec(&c.at, c.name.clone()),
            None,
        );
    }
}
