//! An operation page's prose: the "Applies to" line, the credentials, the
//! headers the request section names, and whether the page says there is a
//! request body.

use super::PageCx;
use super::shape::type_text;
use crate::docs::{applies_to, credentials, names_header, section};
use crate::model::{Api, Auth, Direction, Operation};

/// The "Applies to" line: cloud names separated by `|`, or a list under it.
pub(super) fn applies_to_line(cx: &mut PageCx<'_>, api: &Api, op: &Operation) {
    let id = &op.id;
    let read = applies_to(cx.page);
    let (Some((first, names)), Some(ours)) = (read.as_ref(), &op.clouds) else {
        match (read, &op.clouds) {
            (None, Some(ours)) => {
                cx.in_text(format!("{id}.clouds"), None)
                    .only_in_spec(&op.clouds_at, ours.join(", "));
            }
            (Some((p, _)), None) => {
                cx.in_text(format!("{id}.clouds"), Some(p.line))
                    .only_in_documents(p.text.clone());
            }
            _ => {}
        }
        return;
    };
    let line = Some(first.line);
    let mut seen = Vec::new();
    for name in names {
        match api.clouds.iter().find(|c| &c.name == name) {
            Some(c) if ours.contains(&c.variant) => seen.push(c.variant.clone()),
            found => {
                let which = found.map_or(name.as_str(), |c| c.id.as_str());
                cx.in_text(format!("{id}.clouds[{which}]"), line)
                    .only_in_documents(name.clone());
            }
        }
    }
    for c in api
        .clouds
        .iter()
        .filter(|c| ours.contains(&c.variant) && !seen.contains(&c.variant))
    {
        cx.in_text(format!("{id}.clouds[{}]", c.id), line)
            .only_in_spec(&op.clouds_at, c.name.clone());
    }
}

/// The credentials the prerequisites accept: "App+User credentials only",
/// or both app-only and App+User.
pub(super) fn auth(cx: &mut PageCx<'_>, op: &Operation) {
    let said = credentials(cx.page);
    let words = |a: Auth| match a {
        Auth::AppUser => "app-user",
        Auth::AppOrAppUser => "app-or-app-user",
    };
    let element = format!("{}.auth", op.id);
    match (said, op.auth) {
        (Some((p, theirs)), Some(ours)) if theirs != ours => {
            cx.in_text(element, Some(p.line)).different(
                &op.at,
                words(ours).to_string(),
                p.text.clone(),
            );
        }
        (Some((p, _)), None) => cx
            .in_text(element, Some(p.line))
            .only_in_documents(p.text.clone()),
        (None, Some(ours)) => cx
            .in_text(element, None)
            .only_in_spec(&op.at, words(ours).to_string()),
        _ => {}
    }
}

/// The headers that the "Request headers" section names: each must be one
/// the operation sends, and each the operation sends must be named there.
pub(super) fn request_headers(cx: &mut PageCx<'_>, api: &Api, op: &Operation) {
    let Some((line, paragraphs)) = section(cx.page, "Request headers") else {
        return;
    };
    let text: String = paragraphs
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let named = |name: &str| names_header(&text, name);
    for h in api
        .headers
        .iter()
        .filter(|h| h.direction == Direction::Request)
    {
        let sent_by_all = h.semantics.is_some() || h.default.is_some();
        let ours = op
            .request_headers
            .iter()
            .any(|x| x.name.eq_ignore_ascii_case(&h.name));
        if named(&h.name) && !ours && !sent_by_all {
            let element = format!("{}.request_headers[{}]", op.id, h.name);
            cx.in_text(element, Some(line))
                .only_in_documents(text.clone());
        }
    }
    for h in &op.request_headers {
        if !named(&h.name) {
            let element = format!("{}.request_headers[{}]", op.id, h.name);
            cx.in_text(element, Some(line))
                .only_in_spec(&h.at, h.description.clone());
        }
    }
}

/// Whether the "Request body" section says there is one.
pub(super) fn request_body(cx: &mut PageCx<'_>, op: &Operation) {
    let Some((line, paragraphs)) = section(cx.page, "Request body") else {
        return;
    };
    let has_table = cx
        .page
        .tables
        .iter()
        .any(|t| t.heading.eq_ignore_ascii_case("Request body"));
    let text: Vec<&str> = paragraphs.iter().map(|p| p.text.as_str()).collect();
    let text = text.join(" ");
    let none = matches!(
        text.trim()
            .trim_end_matches('.')
            .to_ascii_lowercase()
            .as_str(),
        "none"
    );
    let element = format!("{}.body", op.id);
    match &op.body {
        Some(body) if none => {
            let ours = type_text(&body.ty);
            cx.in_text(element, Some(line))
                .different(&body.at, ours, text);
        }
        None if !none && (has_table || !text.trim().is_empty()) => {
            cx.in_text(element, Some(line)).only_in_documents(text);
        }
        _ => {}
    }
}
