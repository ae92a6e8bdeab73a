//! The example messages of an operation page, and the operation each one
//! shows: a page of several operations (a list and a search, say) gives
//! its examples in one stream of code blocks, and the request line tells
//! them apart. Both generation (the responses the test server answers) and
//! the documents check read the examples this way.

use super::{
    CodeBlock, HttpRequest, Page, example_blocks, is_placeholder, is_request_line, is_status_line,
    parse_request, percent_decode, split_messages,
};
use crate::model::{Api, Encoding, ModelKind, Operation, Param, Segment, Type, ValueType};

/// An example message of an operation page, and the operation it shows.
#[derive(Debug, Clone)]
pub struct Message<'a, 'p> {
    pub op: &'a Operation,
    /// Its place among the operation's requests, or among its responses.
    pub index: usize,
    pub block: &'p CodeBlock,
    /// The message's text (a block may hold several).
    pub text: String,
    pub is_request: bool,
}

/// The example messages of the page `file`, each with its operation: a
/// request shows the operation whose method and path it has (the first
/// otherwise), a response the operation of the request before it. Code
/// blocks that hold no HTTP message (a filter's JSON, C# code) are passed over.
/// Only the page's example blocks are read ([`example_blocks`]).
pub fn messages<'a, 'p>(api: &'a Api, file: &str, page: &'p Page) -> Vec<Message<'a, 'p>> {
    let ops: Vec<&Operation> = api
        .operations
        .iter()
        .filter(|o| o.documented_on(file))
        .collect();
    let shows = |r: &HttpRequest| {
        ops.iter()
            .position(|o| is_call_of(api, o, &r.method, r.path()))
    };
    exchanges(page, ops.len(), shows, example_blocks(page))
        .into_iter()
        .map(|x| Message {
            op: ops[x.of],
            index: x.index,
            block: x.block,
            text: x.text,
            is_request: x.is_request,
        })
        .collect()
}

/// Whether a request of `method` to the concrete `path` is a call of `op`:
/// its method, and its path with each parameter's value of its type.
pub fn is_call_of(api: &Api, op: &Operation, method: &str, path: &str) -> bool {
    op.method == method && path_fits(api, op, path)
}

/// An example message of a page, and which of the page's `count` requests
/// (operations, or request-syntax rows of a page not yet in the spec) it shows.
#[derive(Debug, Clone)]
pub struct Exchange<'p> {
    /// The request it shows: a place among the page's.
    pub of: usize,
    /// Its place among that request's example requests, or among its responses.
    pub index: usize,
    pub block: &'p CodeBlock,
    /// The message's text (a block may hold several).
    pub text: String,
    pub is_request: bool,
}

/// The example messages of a page, each with the request it shows: a
/// request the one `shows` names (the one before it otherwise), a response
/// the one of the request before it. Empty when `count` is 0. Only the
/// blocks `shown` keeps are read.
pub fn exchanges<'p>(
    page: &'p Page,
    count: usize,
    shows: impl Fn(&HttpRequest) -> Option<usize>,
    shown: impl Fn(&CodeBlock) -> bool,
) -> Vec<Exchange<'p>> {
    let mut out = Vec::new();
    if count == 0 {
        return out;
    }
    let mut requests = vec![0; count];
    let mut responses = vec![0; count];
    let mut current = 0;
    for block in page.code_blocks.iter().filter(|b| shown(b)) {
        for text in split_messages(&block.text) {
            let first = text
                .lines()
                .find(|l| !l.trim().is_empty())
                .unwrap_or_default();
            let is_request = is_request_line(first);
            if !is_request && !is_status_line(first) {
                continue;
            }
            if is_request && let Ok(r) = parse_request(&text) {
                current = shows(&r).filter(|&i| i < count).unwrap_or(current);
            }
            let counter = if is_request {
                &mut requests
            } else {
                &mut responses
            };
            let index = counter[current];
            counter[current] += 1;
            out.push(Exchange {
                of: current,
                index,
                block,
                text,
                is_request,
            });
        }
    }
    out
}

/// Whether a path of an example is the operation's template, each
/// parameter's value of its type.
pub fn path_fits(api: &Api, op: &Operation, path: &str) -> bool {
    let parts: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    parts.len() == op.segments.len()
        && parts
            .iter()
            .zip(&op.segments)
            .all(|(part, segment)| match segment {
                Segment::Literal(s) => s == part,
                Segment::Param(i) => text_fits(api, &op.path_params[*i], &percent_decode(part)),
            })
}

/// Whether a text value of a path, query or header is of the parameter's type.
pub fn text_fits(api: &Api, p: &Param, value: &str) -> bool {
    if is_placeholder(value)
        || (value.starts_with('{') && value.ends_with('}') && p.encoding == Encoding::Text)
    {
        return !value.is_empty();
    }
    match &p.ty {
        Type::Scalar(ValueType::Guid) => uuid_like(value),
        Type::Scalar(ValueType::Int) => value.parse::<i64>().is_ok(),
        Type::Scalar(ValueType::Bool) => value == "true" || value == "false",
        Type::Scalar(ValueType::Date) => date_only(value),
        Type::Model(name) if p.encoding == Encoding::Text => match api.model(name).map(|m| &m.kind)
        {
            Some(ModelKind::Enum(values)) => {
                values.iter().any(|v| v.value.eq_ignore_ascii_case(value))
            }
            _ => false,
        },
        _ => !value.is_empty(),
    }
}

/// `YYYY-MM-DD`: a date without a time, as the documents' "yyyy-mm-dd".
fn date_only(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
}

/// `8-4-4-4-12` hexadecimal digits: a GUID as the examples write it.
pub fn uuid_like(s: &str) -> bool {
    let groups: Vec<&str> = s.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(g, n)| g.len() == n && g.bytes().all(|b| b.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guids() {
        assert!(uuid_like("b44bb1fb-c595-45b0-9e09-d657365580bf"));
        assert!(!uuid_like("b44bb1fb-c595-45b0-9e09-d657365580b"));
    }

    #[test]
    fn dates() {
        assert!(date_only("2017-06-01"));
        for not in [
            "6/1/2017 12:00:00 AM",
            "2017-06-01T00:00:00Z",
            "2017-6-1",
            "20170601xx",
        ] {
            assert!(!date_only(not), "{not}");
        }
    }
}
