//! Every example of every operation page, replayed through the client on a
//! loopback server: each example request is what the client sends when
//! called with the example's values, and each example response gives the
//! typed value or the documented failure.
//!
//! This file reads the pages and an example's inputs; `requests` replays
//! the requests, `responses` the responses.

mod requests;
mod responses;

use partner_center::Client;
use partner_center_codegen::docs::{
    HttpRequest, HttpResponse, Message, Page, example_blocks, http_header, is_request_line,
    is_status_line, messages, parse_lenient, parse_request, parse_response, split_messages,
};
use partner_center_codegen::drift::answer::not_the_answer;
use partner_center_codegen::drift::values::{self, Keys};
use partner_center_codegen::model::{
    Direction, Encoding, ModelKind, Operation, Origin, Semantics, Type, ValueType,
};
use partner_center_tests::replay::{Args, Outcome, PLACEHOLDER_GUID, spec};
use partner_center_tests::served;
use partner_center_tests::{Reply, TestServer, en_us};
use serde_json::Value;

/// Calls the operation `op` with `a`, through the client's replay of it:
/// the typed method, its inputs read from the example's text.
async fn call(client: &Client, op: &str, a: &Args) -> Outcome {
    let replayed = client
        .replay(op, &a.inputs())
        .await
        .unwrap_or_else(|e| panic!("{op}: {e}"));
    Outcome {
        result: replayed
            .result
            .map(|json| serde_json::to_value(json).expect("JSON"))
            .map_err(|(id, error)| (id.to_string(), error)),
        meta: replayed.meta,
    }
}

/// `example` as served: a placeholder where the answer has a GUID
/// (`"<subscriptionID>"`) stands for PLACEHOLDER_GUID, as in a request. A
/// body without one is served as written.
fn guids_filled(op: &Operation, example: &HttpResponse) -> HttpResponse {
    let mut served = example.clone();
    let answer = op.responses.iter().find(|r| r.status == example.status);
    if let (Some(ty), Ok(parsed)) = (
        answer.and_then(|r| r.body.as_ref()),
        parse_lenient(&example.body),
    ) {
        let filled = values::fill_guids(spec(), ty, &parsed.value, PLACEHOLDER_GUID);
        if filled != parsed.value {
            served.body = filled.to_string();
        }
    }
    served
}

/// The pages of the spec's operations, each read once.
fn pages() -> Vec<(String, Page)> {
    let mut files: Vec<&str> = spec().operations.iter().flat_map(|o| o.pages()).collect();
    files.sort_unstable();
    files.dedup();
    files
        .into_iter()
        .map(|f| (f.to_string(), en_us(f)))
        .collect()
}

/// How many example requests (or responses) the pages of the spec's
/// operations show, counted from their example blocks.
fn documented(requests: bool) -> usize {
    pages()
        .iter()
        .flat_map(|(_, page)| {
            let examples = example_blocks(page);
            page.code_blocks.iter().filter(move |b| examples(b))
        })
        .flat_map(|block| split_messages(&block.text))
        .filter(|text| {
            let first = text
                .lines()
                .find(|l| !l.trim().is_empty())
                .unwrap_or_default();
            if requests {
                is_request_line(first)
            } else {
                is_status_line(first)
            }
        })
        .count()
}

/// The inputs of `op`: those of its first example request (but values the
/// spec records as not of their type), or made up.
fn args_of(op: &Operation, all: &[Message<'_, '_>]) -> Args {
    all.iter()
        .find(|m| m.is_request && m.op.id == op.id)
        .and_then(|m| Some((m.index, parse_request(&m.text).ok()?)))
        .map_or_else(|| Args::made_up(op), |(i, r)| example_args(op, i, &r))
}

/// The inputs of `op`'s `index`-th example request, but the values the spec
/// records as not of their type (the typed client cannot send them).
fn example_args(op: &Operation, index: usize, request: &HttpRequest) -> Args {
    let mut args = Args::of(op, index, request);
    args.take_contradicted(op, index);
    args
}

/// The inputs of the request `response` answers: the operation's example
/// request before it (its values choose the model of some answers), or its
/// first.
fn args_before(response: &Message<'_, '_>, all: &[Message<'_, '_>]) -> Args {
    let before = all
        .iter()
        .take_while(|m| !std::ptr::eq(*m, response))
        .filter(|m| m.is_request && m.op.id == response.op.id)
        .last()
        .and_then(|m| Some((m.index, parse_request(&m.text).ok()?)));
    match before {
        Some((i, request)) => example_args(response.op, i, &request),
        None => args_of(response.op, all),
    }
}

/// Whether the query parameter `name` of `op` is of an open enum of the spec.
fn open_enum(op: &Operation, name: &str) -> bool {
    op.params().any(|p| {
        p.name.eq_ignore_ascii_case(name)
            && matches!(&p.ty, Type::Model(m) if spec().models.iter().any(|x| {
                x.name == *m && matches!(x.kind, ModelKind::Enum(_))
            }))
    })
}

/// Path segments, percent-decoded and trimmed; a placeholder stands for the
/// GUID the call sent, and a GUID is the same in either case (the client
/// writes it in lower case, some examples in upper).
fn segments(path: &str) -> Vec<String> {
    path.trim_start_matches('/')
        .split('/')
        .map(|s| {
            partner_center_codegen::docs::percent_decode(s)
                .trim()
                .to_string()
        })
        .map(|s| {
            if partner_center_tests::replay::stands_for_a_value(&s) {
                PLACEHOLDER_GUID.into()
            } else if partner_center_codegen::docs::uuid_like(&s) {
                s.to_ascii_lowercase()
            } else {
                s
            }
        })
        .collect()
}
