//! The examples of an operation page, row by row: each request goes to the
//! request-syntax row of its method and path, each response to the row of
//! the request before it, each with its line.

use crate::docs::{
    HttpRequest, HttpResponse, Page, SyntaxRow, example_blocks, exchanges, parse_request,
    parse_response, percent_decode,
};

/// The example messages of one request-syntax row, each with its line.
#[derive(Debug, Default)]
pub(super) struct RowExamples {
    pub requests: Vec<(usize, HttpRequest)>,
    /// Responses, with the heading above each.
    pub responses: Vec<(usize, String, HttpResponse)>,
    /// Messages that do not parse, and why.
    pub broken: Vec<(usize, String)>,
    /// Requests shown under a response's heading (four pages do it).
    pub misplaced: Vec<usize>,
}

impl RowExamples {
    /// The value the first example request gives the path's `segment`-th
    /// segment (counted as `split('/')` counts), percent-decoded.
    pub fn path_value(&self, segment: usize) -> Option<String> {
        let (_, r) = self.requests.first()?;
        example_path(r).split('/').nth(segment).map(percent_decode)
    }

    /// The value the first example request that sends `name` gives it.
    pub fn query_value(&self, name: &str) -> Option<String> {
        self.requests.iter().find_map(|(_, r)| {
            crate::docs::query_pairs(r.query())
                .into_iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(name))
                .map(|(_, v)| v)
        })
    }
}

/// An example's path: a relative target such as `{baseURL}/v1/x` from its
/// first `/`.
pub(super) fn example_path(r: &HttpRequest) -> &str {
    let path = r.path();
    path.find('/').map_or(path, |i| &path[i..])
}

/// Whether an example's path is the template's: the same literal segments
/// (without case), any value for a parameter.
pub(super) fn fits(template: &str, path: &str) -> bool {
    let a: Vec<&str> = template.trim_end_matches('/').split('/').collect();
    let b: Vec<&str> = path.trim_end_matches('/').split('/').collect();
    a.len() == b.len()
        && a.iter().zip(&b).all(|(t, p)| {
            (t.starts_with('{') && t.ends_with('}') && !p.is_empty()) || t.eq_ignore_ascii_case(p)
        })
}

/// The examples of a page, per row: a request goes to the row of its
/// method and path (else the row of the one before it), a response to the
/// row of the request before it.
pub(super) fn examples(page: &Page, rows: &[SyntaxRow]) -> Vec<RowExamples> {
    let methods: Vec<String> = rows
        .iter()
        .map(|r| r.method.trim().to_ascii_uppercase())
        .collect();
    let shows = |r: &HttpRequest| {
        (0..rows.len()).find(|&i| methods[i] == r.method && fits(rows[i].path(), example_path(r)))
    };
    let mut out: Vec<RowExamples> = rows.iter().map(|_| RowExamples::default()).collect();
    // Where the last message of the current block ended: its byte and line,
    // so that each block is searched once from start to end.
    let mut cursor: (usize, usize, usize) = (0, 0, 0);
    for x in exchanges(page, rows.len(), shows, example_blocks(page)) {
        if cursor.0 != x.block.line {
            cursor = (x.block.line, 0, 0);
        }
        let text = &x.block.text;
        let found = text
            .get(cursor.1..)
            .and_then(|rest| rest.find(x.text.trim_start()));
        if let Some(i) = found {
            let start = cursor.1 + i;
            cursor.2 += text[cursor.1..start].matches('\n').count();
            cursor.1 = start;
        }
        let line = x.block.line + 1 + cursor.2;
        let slot = &mut out[x.of];
        if x.is_request && x.block.heading.to_ascii_lowercase().contains("response") {
            slot.misplaced.push(line);
        }
        if x.is_request {
            match parse_request(&x.text) {
                Ok(r) => slot.requests.push((line, r)),
                Err(why) => slot.broken.push((line, why)),
            }
        } else {
            match parse_response(&x.text) {
                Ok(r) => slot.responses.push((line, x.block.heading.clone(), r)),
                Err(why) => slot.broken.push((line, why)),
            }
        }
    }
    out
}
