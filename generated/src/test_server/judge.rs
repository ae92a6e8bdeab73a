//! The judgement of a request against the routes: which operation it is,
//! whether it carries a token, and which documented rule, if any, it breaks.

use std::str::FromStr;

use super::auth::is_bearer;
use super::route::{Kind, Param, Route, Routes, Segment};
use super::target::{self, Incoming};

/// What a request is.
#[derive(Debug)]
pub(crate) enum Verdict {
    /// No operation has this method and path.
    Unknown,
    /// Operation `route` (an index into [`Routes::operations`]) without a
    /// Bearer token.
    Unauthorized(usize),
    /// Operation `route`, breaking a rule.
    Broken(usize, Broken),
    /// Operation `route`, as its page asks.
    Valid(usize),
}

/// A broken rule: the documented failure, or what is wrong when the page
/// documents none.
#[derive(Debug)]
pub(crate) enum Broken {
    Documented(usize),
    Invalid(String),
}

/// Which operation `request` is, and whether it keeps the rules of its page.
pub(crate) fn judge(routes: &Routes, request: &Incoming<'_>) -> Verdict {
    let Some(index) = find(routes, request) else {
        return Verdict::Unknown;
    };
    let route = routes.operations[index];
    if let Some(name) = routes.protocol.authorization
        && !is_bearer(request.header(name))
    {
        return Verdict::Unauthorized(index);
    }
    match broken(route, request) {
        Some(broken) => Verdict::Broken(index, broken),
        None => Verdict::Valid(index),
    }
}

/// The operation of the request's method and path; of several (one path,
/// told apart by their query), the one whose required parameters are sent
/// and which knows more of the parameters sent, the first in the spec's
/// order when that does not tell.
fn find(routes: &Routes, request: &Incoming<'_>) -> Option<usize> {
    routes
        .operations
        .iter()
        .enumerate()
        // `max_by_key` gives the last of equals: the first, reversed.
        .rev()
        .filter(|(_, r)| r.method.eq_ignore_ascii_case(request.method))
        .filter(|(_, r)| fits(r.path, request.segments))
        .max_by_key(|(_, r)| {
            let literals = r
                .path
                .iter()
                .filter(|s| matches!(s, Segment::Literal(_)))
                .count();
            let unsent = r
                .query
                .iter()
                .filter(|q| q.required && value(request.query, q.param.name).is_none())
                .count();
            // Its parameters the request has, required or not.
            let grouped = r.one_of.iter().flat_map(|g| g.params);
            let sent = r
                .query
                .iter()
                .map(|q| &q.param)
                .chain(grouped)
                .filter(|p| value(request.query, p.name).is_some())
                .count();
            (literals, usize::MAX - unsent, sent)
        })
        .map(|(i, _)| i)
}

/// Whether `segments` are a path of the template `path`: a segment that
/// is not UTF-8 is no literal, but it is a value (a malformed one).
fn fits(path: &[Segment], segments: &[target::Segment<'_>]) -> bool {
    path.len() == segments.len()
        && path.iter().zip(segments).all(|(s, got)| match (s, got) {
            (Segment::Literal(l), Ok(got)) => l.eq_ignore_ascii_case(got),
            (Segment::Literal(_), Err(_)) => false,
            (Segment::Param(_), Ok(got)) => !got.is_empty(),
            (Segment::Param(_), Err(_)) => true,
        })
}

/// The first value of a query parameter; names are compared without case,
/// as the service does.
fn value<'q>(query: &'q [(String, String)], name: &str) -> Option<&'q str> {
    query
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// The first rule of its page that the request breaks.
fn broken(route: &Route, request: &Incoming<'_>) -> Option<Broken> {
    let params = route
        .path
        .iter()
        .zip(request.segments)
        .filter_map(|(s, got)| match s {
            Segment::Param(p) => Some((p, got)),
            Segment::Literal(_) => None,
        });
    for (param, got) in params {
        match got {
            Ok(got) if !reads_as(param.kind, got) => {
                return Some(malformed(param, "path", got));
            }
            Ok(_) => {}
            Err(sent) => {
                return Some(documented_or(param.malformed, || {
                    format!(
                        "the path parameter {} is not UTF-8 once percent-decoded: {sent:?}",
                        param.name
                    )
                }));
            }
        }
    }
    if let Some(sent) = request.query_not_utf8 {
        return Some(Broken::Invalid(format!(
            "the query is not UTF-8 once percent-decoded: {sent:?}"
        )));
    }
    if let Some(group) = &route.one_of {
        let sent: Vec<&Param> = group
            .params
            .iter()
            .filter(|p| value(request.query, p.name).is_some())
            .collect();
        let names = || {
            let names: Vec<&str> = group.params.iter().map(|p| p.name).collect();
            names.join(", ")
        };
        match sent.len() {
            0 => {
                return Some(documented_or(group.none, || {
                    format!("one of the query parameters {} is required", names())
                }));
            }
            1 => {}
            _ => {
                return Some(documented_or(group.several, || {
                    format!("only one of the query parameters {} can be sent", names())
                }));
            }
        }
    }
    for q in route.query.iter().filter(|q| q.required) {
        if value(request.query, q.param.name).is_none() {
            return Some(documented_or(q.missing, || {
                format!("the query parameter {} is required", q.param.name)
            }));
        }
    }
    let grouped = route.one_of.iter().flat_map(|g| g.params);
    for param in route.query.iter().map(|q| &q.param).chain(grouped) {
        let values = request
            .query
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(param.name));
        if let Some((_, got)) = values.into_iter().find(|(_, v)| !reads_as(param.kind, v)) {
            return Some(malformed(param, "query", got));
        }
    }
    for header in route.headers {
        if request
            .header(header.name)
            .is_none_or(|v| v.trim().is_empty())
        {
            return Some(documented_or(header.missing, || {
                format!("the header {} is required", header.name)
            }));
        }
    }
    if route.body && !is_json(request.body) {
        return Some(Broken::Invalid("the body is not JSON".into()));
    }
    None
}

/// Whether `body` is JSON: UTF-8 text first (RFC 8259, 8.1), which reading
/// the bytes alone does not check inside a string that is passed over.
fn is_json(body: &[u8]) -> bool {
    std::str::from_utf8(body)
        .is_ok_and(|text| serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok())
}

fn malformed(param: &Param, place: &str, got: &str) -> Broken {
    documented_or(param.malformed, || {
        format!(
            "the {place} parameter {} is not {}: {got:?}",
            param.name,
            param.kind.expected()
        )
    })
}

fn documented_or(failure: Option<usize>, why: impl FnOnce() -> String) -> Broken {
    failure.map_or_else(|| Broken::Invalid(why()), Broken::Documented)
}

/// Whether `text` is a value of `kind`, as the client writes one.
fn reads_as(kind: Kind, text: &str) -> bool {
    match kind {
        Kind::Text => true,
        Kind::Guid => uuid::Uuid::parse_str(text).is_ok(),
        Kind::Int => text.parse::<i64>().is_ok(),
        Kind::Bool => text.eq_ignore_ascii_case("true") || text.eq_ignore_ascii_case("false"),
        Kind::Decimal => crate::Decimal::from_str(text).is_ok(),
        Kind::DateTime => crate::DateTime::from_str(text).is_ok(),
        Kind::Date => crate::Date::from_str(text).is_ok(),
        Kind::Json => serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok(),
    }
}

impl Kind {
    fn expected(self) -> &'static str {
        match self {
            Kind::Text => "text",
            Kind::Guid => "a GUID",
            Kind::Int => "an integer",
            Kind::Bool => "true or false",
            Kind::Decimal => "a decimal number",
            Kind::DateTime => "a date and time",
            Kind::Date => "a date (YYYY-MM-DD)",
            Kind::Json => "JSON",
        }
    }
}
