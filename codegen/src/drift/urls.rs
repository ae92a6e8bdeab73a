//! `partner-center-rest-urls.md`: the base URL of each cloud.

use super::PageCx;
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
            cx.in_text(format!("clouds[{}]", c.id), None)
                .only_in_spec(&c.at, c.base_url.clone());
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
                None => cx
                    .in_text(format!("clouds[{name}]"), Some(row.line))
                    .only_in_documents(url.to_string()),
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
            cx.in_text(
                format!("clouds[{}].base_url", ids.join(",")),
                Some(row.line),
            )
            .different(&c.at, c.base_url.clone(), url.to_string());
        }
    }
    for c in api
        .clouds
        .iter()
        .filter(|c| !named.contains(&c.id.as_str()))
    {
        cx.in_text(format!("clouds[{}]", c.id), Some(table.line))
            .only_in_spec(&c.at, c.name.clone());
    }
}
