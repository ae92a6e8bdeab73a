//! The example responses the crate's test server answers an operation
//! with, read from its pages as the server reads them: one reader for every
//! test that asks what the server serves.

use partner_center_codegen::docs::{
    HttpRequest, HttpResponse, file_signature, messages, parse_lenient, parse_request,
    parse_response,
};
use partner_center_codegen::drift::answer::not_the_answer;
use partner_center_codegen::examples::bare_success;
use partner_center_codegen::model::{Api, ChosenBy, ModelKind, Operation, Param, Type};

use crate::en_us;

/// An example response of an operation, where its page shows it.
#[derive(Debug, Clone)]
pub struct Served {
    /// The page (`spec/docs/en-us/<file>`).
    pub file: String,
    /// Its place among the operation's responses on that page.
    pub index: usize,
    /// The heading it stands under.
    pub heading: String,
    /// The example request before it on the page, with its place among the
    /// operation's requests there.
    pub asked: Option<(usize, HttpRequest)>,
    /// The response.
    pub response: HttpResponse,
}

/// The pages of `op` as the server reads them: its own page first, then
/// the others in the order of their names.
pub fn served_pages(op: &Operation) -> Vec<&str> {
    let mut others: Vec<&str> = op.also_on.iter().map(String::as_str).collect();
    others.sort_unstable();
    std::iter::once(op.doc.as_str()).chain(others).collect()
}

/// The parameters of `op` whose values choose the model of its answer, in
/// the order of its parameters (none where the request does not choose).
pub fn choosing_params(op: &Operation) -> Vec<&Param> {
    let Some((_, choosers)) = &op.choice else {
        return Vec::new();
    };
    op.params()
        .filter(|p| choosers.iter().any(|c| p.chooses(c)))
        .collect()
}

/// The example responses of `op`'s pages the server may answer: not one
/// the spec records as holding a value not of its type, as another call's
/// answer, or as not JSON (the client would refuse each).
pub fn served_examples(api: &Api, op: &Operation) -> Vec<Served> {
    let mut out = Vec::new();
    for file in served_pages(op) {
        let page = en_us(file);
        let mut asked = None;
        for m in messages(api, file, &page)
            .iter()
            .filter(|m| m.op.id == op.id)
        {
            if m.is_request {
                asked = parse_request(&m.text).ok().map(|r| (m.index, r));
                continue;
            }
            let response =
                parse_response(&m.text).unwrap_or_else(|e| panic!("{file}:{}: {e}", m.block.line));
            if op.refuses_response_example(api, file, m.index)
                || not_the_answer(api, op, file, m.index, &response.body)
            {
                continue;
            }
            out.push(Served {
                file: file.to_string(),
                index: m.index,
                heading: m.block.heading.clone(),
                asked: asked.clone(),
                response,
            });
        }
    }
    out
}

/// The success examples among [`served_examples`]: a status the operation
/// answers, with a body the client reads (JSON, or a file that starts as
/// its media type's files do); where there is none, a body its pages write
/// as bare JSON, without a status line ([`bare_success`]).
pub fn success_examples(api: &Api, op: &Operation) -> Vec<Served> {
    let found = with_status_lines(api, op);
    if !found.is_empty() || op.choice.is_some() {
        return found;
    }
    served_pages(op)
        .into_iter()
        .find_map(|file| {
            let page = en_us(file);
            let (line, response) = bare_success(api, op, file, &page)?;
            let heading = page
                .code_blocks
                .iter()
                .find(|b| b.line == line)?
                .heading
                .clone();
            Some(Served {
                file: file.to_string(),
                index: 0,
                heading,
                asked: None,
                response,
            })
        })
        .into_iter()
        .collect()
}

fn with_status_lines(api: &Api, op: &Operation) -> Vec<Served> {
    served_examples(api, op)
        .into_iter()
        .filter(|s| {
            let example = &s.response;
            let Some(r) = op.responses.iter().find(|r| r.status == example.status) else {
                return false;
            };
            match (&r.body, &r.content_type) {
                (Some(Type::Binary), Some(media)) => {
                    file_signature(media).is_none_or(|start| example.body.starts_with(start))
                }
                _ => example.body.trim().is_empty() || parse_lenient(&example.body).is_ok(),
            }
        })
        .collect()
}

/// The keys of the smallest body of `ty`, in order: the required properties
/// of its model (of its first variant, with the discriminator, for a union),
/// read from the spec here rather than made as the server makes the body.
pub fn required_keys<'a>(api: &'a Api, ty: &'a Type) -> Vec<&'a str> {
    let object = |name: &str| match &api.model(name).unwrap().kind {
        ModelKind::Object(properties) => properties,
        kind => panic!("{name} is {kind:?}"),
    };
    let (properties, discriminator) = match ty {
        Type::Collection(name, _) => (&api.collection(name).unwrap().properties, None),
        Type::Model(name) => match &api.model(name).unwrap().kind {
            ModelKind::Union(union) => match (union.variants.first(), &union.by) {
                (Some(first), ChosenBy::Field(field)) => (object(&first.model), Some(field)),
                (Some(first), _) => (object(&first.model), None),
                (None, _) => (&union.base, None),
            },
            _ => (object(name), None),
        },
        ty => panic!("no keys in a body of {ty:?}"),
    };
    let mut keys: Vec<&str> = properties
        .iter()
        .filter(|p| !p.optional)
        .map(|p| p.name.as_str())
        .chain(discriminator.map(String::as_str))
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}
