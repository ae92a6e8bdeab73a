//! `api-throttling-guidance.md`: the example of a throttled response.

use super::{PageCx, shape};
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
        cx.in_code_block("throttling", None)
            .only_in_spec(&ours.at, ours.status.to_string());
        return;
    };
    let line = Some(line);
    if example.status != ours.status {
        let (a, b) = (ours.status.to_string(), example.status.to_string());
        cx.in_code_block("throttling.status", line)
            .different(&ours.at, a, b);
    }
    if example.header(&ours.retry_after).is_none() {
        let element = "throttling.retry_after".to_string();
        cx.in_code_block(element, line)
            .only_in_spec(&ours.at, ours.retry_after.clone());
    }
    match parse_lenient(&example.body) {
        Ok(body) => {
            let mut found = Vec::new();
            shape::compare_properties(api, &ours.body, &body.value, &ours.at, &mut found);
            cx.in_code_block("throttling.body", line).shape(found);
        }
        Err(why) => cx.in_code_block("throttling.body", line).different(
            &ours.at,
            "a JSON object".to_string(),
            why,
        ),
    }
}
