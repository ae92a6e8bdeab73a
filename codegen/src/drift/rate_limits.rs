//! A resource page's rate limits ("The **Customer** resource has a rate limit
//! of 500 requests per minute per tenant identifier.") against the
//! `rate_limit` of the page's models.

use super::PageCx;
use crate::docs::{rate_limit_sentence, rate_limits};
use crate::model::{Api, Model};

pub(super) fn compare(cx: &mut PageCx<'_>, api: &Api) {
    let file = cx.file.clone();
    let models: Vec<&Model> = api.models.iter().filter(|m| m.doc == file).collect();
    let stated = rate_limits(cx.page);
    for s in &stated {
        let element = format!("{}.rate_limit", s.resource);
        let line = Some(s.line);
        let model = models.iter().find(|m| m.name == s.resource);
        match (
            model.and_then(|m| m.rate_limit.as_ref().map(|l| (m, l))),
            &s.limit,
        ) {
            (Some((m, ours)), Ok(theirs)) if ours != theirs => cx.in_text(element, line).different(
                &m.at,
                rate_limit_sentence(&m.name, ours),
                rate_limit_sentence(&s.resource, theirs),
            ),
            (Some(_), Ok(_)) => {}
            (Some((m, ours)), Err(words)) => {
                let ours = rate_limit_sentence(&m.name, ours);
                cx.in_text(element, line)
                    .different(&m.at, ours, words.clone());
            }
            (None, Ok(theirs)) => cx
                .in_text(element, line)
                .only_in_documents(rate_limit_sentence(&s.resource, theirs)),
            (None, Err(words)) => cx.in_text(element, line).only_in_documents(words.clone()),
        }
    }
    for m in &models {
        let Some(ours) = &m.rate_limit else { continue };
        if !stated.iter().any(|s| s.resource == m.name) {
            let element = format!("{}.rate_limit", m.name);
            cx.in_text(element, None)
                .only_in_spec(&m.at, rate_limit_sentence(&m.name, ours));
        }
    }
}
