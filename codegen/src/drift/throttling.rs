//! `api-throttling-guidance.md`: the example of a throttled response.

use super::{Kind, PageCx, json_fits, json_type, nothing, pair, same_exactly, spec, type_name};
use crate::docs::parse_response;
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
    let body: serde_json::Map<String, serde_json::Value> = match serde_json::from_str(&example.body)
    {
        Ok(serde_json::Value::Object(map)) => map,
        _ => {
            let element = "throttling.body".to_string();
            cx.code(
                Kind::Different,
                element,
                line,
                spec(&ours.at, "a JSON object".to_string()),
                Some(example.body),
            );
            return;
        }
    };
    let doc_names: Vec<String> = body.keys().cloned().collect();
    let spec_names: Vec<String> = ours.body.iter().map(|f| f.name.clone()).collect();
    let pairing = pair(&doc_names, &spec_names, same_exactly);
    for &(d, s) in &pairing.pairs {
        let (name, field) = (&doc_names[d], &ours.body[s]);
        if *name != field.name {
            let element = format!("throttling.body.fields[{}].name", field.name);
            cx.code(
                Kind::Different,
                element,
                line,
                spec(&field.at, field.name.clone()),
                Some(name.clone()),
            );
        } else if !json_fits(&body[name], field.value_type) {
            let element = format!("throttling.body.fields[{}].type", field.name);
            let (a, b) = (
                type_name(field.value_type).to_string(),
                json_type(&body[name]).to_string(),
            );
            cx.code(Kind::Different, element, line, spec(&field.at, a), Some(b));
        }
    }
    for &d in &pairing.only_doc {
        let element = format!("throttling.body.fields[{}]", doc_names[d]);
        cx.code(
            Kind::OnlyInDocuments,
            element,
            line,
            nothing(),
            Some(body[&doc_names[d]].to_string()),
        );
    }
    for &s in &pairing.only_spec {
        let field = &ours.body[s];
        let element = format!("throttling.body.fields[{}]", field.name);
        cx.code(
            Kind::OnlyInSpec,
            element,
            line,
            spec(&field.at, field.name.clone()),
            None,
        );
    }
}
