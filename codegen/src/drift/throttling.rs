//! `api-throttling-guidance.md`: the example of a throttled response.

use super::{Kind, PageCx, shape, spec};
use crate::docs::{parse_lenient, parse_response};
use crate::model::Api;

pub(super) fn compare(cx: &mut PageCx<'_>, api: &Api) {
    let Some(ours) = &api.throttling else { return };
    let page = cx.page;
    let example = page.code_blocks.iter().find_map(|b| {
        let r = parse_response(&b.text).ok()?;
        (r.status == ours.status || (400..600).contains(&r.status)).then_some((b.line, r))
    });
    let Some((line, example)) = example else {
        cx.code(
            Kind::OnlyInSpec,
            "throttling".into(),
            None,
            spec(&ours.at, ours.status.to_string()),
            None,
        );
        return;
    };
    let line = Some(line);
    if example.status != ours.status {
        let (a, b) = (ours.status.to_string(), example.status.to_string());
        cx.code(
            Kind::Different,
            "throttling.status".into(),
            line,
            spec(&ours.at, a),
            Some(b),
        );
    }
    if example.header(&ours.retry_after).is_none() {
        let element = "throttling.retry_after".to_string();
        cx.code(
            Kind::OnlyInSpec,
            element,
            line,
            spec(&ours.at, ours.retry_after.clone()),
            None,
        );
    }
    match parse_lenient(&example.body) {
        Ok(body) => {
            let mut found = Vec::new();
            shape::compare_properties(api, &ours.body, &body.value, &ours.at, &mut found);
            cx.shape("throttling.body", line, found);
        }
        Err(why) => cx.code(
            Kind::Different,
            "throttling.body".into(),
            line,
            spec(&ours.at, "a JSON object".to_string()),
            Some(why),
        ),
    }
}
