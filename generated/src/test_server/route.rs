//! What the test server knows of each operation, as the generated code
//! states it, and the judgement of a request against it: which operation it
//! is, and which documented rule, if any, it breaks.

use std::str::FromStr;

use crate::protocol::Protocol;

/// Everything the server answers from, one static value in the generated code.
#[derive(Debug)]
pub(crate) struct Routes {
    pub(crate) operations: &'static [&'static Route],
    pub(crate) protocol: &'static Protocol,
    /// Catalogue entries the spec names for requests no operation documents.
    pub(crate) missing_token: Reply,
    pub(crate) invalid_request: Reply,
    pub(crate) unknown_path: Reply,
    pub(crate) throttled: Option<Throttled>,
}

/// One operation: where it answers, the rules its page states, and what it
/// answers.
#[derive(Debug)]
pub(crate) struct Route {
    /// The operation's id: the client's method.
    pub(crate) id: &'static str,
    pub(crate) method: &'static str,
    pub(crate) path: &'static [Segment],
    pub(crate) query: &'static [Query],
    pub(crate) one_of: Option<Group>,
    /// Request headers the page requires.
    pub(crate) headers: &'static [Required],
    /// A JSON body is required.
    pub(crate) body: bool,
    /// How its answer's pages are written, when it is a listing.
    pub(crate) page: Option<&'static PageShape>,
    /// The documented success.
    pub(crate) success: Reply,
    /// For an operation whose answer's model the request chooses: the
    /// success example of each documented choice; a request of other
    /// values gets `success`.
    pub(crate) chosen: &'static [Chosen],
    /// The documented failures, in the spec's order.
    pub(crate) errors: &'static [Failure],
    /// How `Client::replay` calls it.
    pub(crate) replay: super::replay::Replay,
}

/// A segment of a path template.
#[derive(Debug)]
pub(crate) enum Segment {
    Literal(&'static str),
    Param(Param),
}

/// A path or query parameter: its type, and the documented failure (an
/// index into [`Route::errors`]) when a value is not of it.
#[derive(Debug)]
pub(crate) struct Param {
    pub(crate) name: &'static str,
    pub(crate) kind: Kind,
    pub(crate) malformed: Option<usize>,
}

/// What a value must read as.
// Only parameters of some types use each: the runtime serves any spec.
#[allow(dead_code)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Text,
    Guid,
    Int,
    Bool,
    Decimal,
    DateTime,
    Date,
    Json,
}

/// A query parameter on its own.
#[derive(Debug)]
pub(crate) struct Query {
    pub(crate) param: Param,
    pub(crate) required: bool,
    /// The documented failure when a required one is left out.
    pub(crate) missing: Option<usize>,
}

/// Query parameters of which exactly one is sent.
#[derive(Debug)]
pub(crate) struct Group {
    pub(crate) params: &'static [Param],
    pub(crate) none: Option<usize>,
    pub(crate) several: Option<usize>,
}

/// A request header the page requires.
#[derive(Debug)]
pub(crate) struct Required {
    pub(crate) name: &'static str,
    pub(crate) missing: Option<usize>,
}

/// A response: status, headers and body, as the documents show it.
#[derive(Debug)]
pub(crate) struct Reply {
    pub(crate) status: u16,
    pub(crate) headers: &'static [(&'static str, &'static str)],
    pub(crate) body: &'static str,
}

/// A success example, and the values (by parameter name) of the request
/// that chose its model.
#[derive(Debug)]
pub(crate) struct Chosen {
    pub(crate) values: &'static [(&'static str, &'static str)],
    pub(crate) reply: Reply,
}

/// A documented failure and its response.
#[derive(Debug)]
pub(crate) struct Failure {
    pub(crate) id: &'static str,
    pub(crate) reply: Reply,
}

/// The documented throttled response; the bytes `seconds` of its body
/// (the documented wait) are replaced by the scripted one.
#[derive(Debug)]
pub(crate) struct Throttled {
    pub(crate) reply: Reply,
    pub(crate) retry_after: &'static str,
    pub(crate) seconds: Option<(usize, usize)>,
}

/// How a page of a listing is written: a JSON object with the collection's
/// required properties, where the items, the count and the next page go.
#[derive(Debug)]
pub(crate) struct PageShape {
    pub(crate) template: &'static str,
    pub(crate) items: &'static str,
    pub(crate) total: Option<&'static str>,
    /// Where a page names the next; `None`: a listing is one page.
    pub(crate) next: Option<NextShape>,
    pub(crate) relative_to: &'static str,
}

/// Where a page names the next page, and how.
// A spec may use either: the runtime serves any spec.
#[allow(dead_code)]
#[derive(Debug)]
pub(crate) enum NextShape {
    /// A link object at this property path: its uri, method and headers.
    Link {
        at: &'static [&'static str],
        uri: &'static str,
        method: Option<&'static str>,
        headers: Option<&'static str>,
        key: &'static str,
        value: &'static str,
        /// The continuation header and the `name=value` query pair.
        continuation: Option<(&'static str, &'static str, &'static str)>,
    },
    /// A URI, as text, at this property path.
    Uri { at: &'static [&'static str] },
}

// Constructors the generated routes are written with: the same values as
// the struct literals, in fewer words.

impl Route {
    /// What a route has when its page states no rule and documents no
    /// failure: the generated routes name what differs (their id, method,
    /// path and success at least) and take the rest from here.
    pub(crate) const PLAIN: Route = Route {
        id: "",
        method: "GET",
        path: &[],
        query: &[],
        one_of: None,
        headers: &[],
        body: false,
        page: None,
        success: reply(200, &[], ""),
        chosen: &[],
        errors: &[],
        replay: super::replay::not_replayable,
    };
}

impl Route {
    /// The success `request` gets: the example of the values it gives the
    /// parameters that choose its model (path or query, without regard to
    /// ASCII case), else the documented success.
    pub(crate) fn success_for(&self, request: &Incoming<'_>) -> &Reply {
        let value = |name: &str| {
            let in_path = self
                .path
                .iter()
                .zip(request.segments)
                .find_map(|(segment, sent)| match segment {
                    Segment::Param(p) if p.name == name => Some(sent.as_str()),
                    _ => None,
                });
            in_path.or_else(|| {
                request
                    .query
                    .iter()
                    .find(|(n, _)| n.eq_ignore_ascii_case(name))
                    .map(|(_, v)| v.as_str())
            })
        };
        self.chosen
            .iter()
            .find(|c| {
                c.values.iter().all(|(name, wanted)| {
                    value(name).is_some_and(|v| v.eq_ignore_ascii_case(wanted))
                })
            })
            .map_or(&self.success, |c| &c.reply)
    }
}

/// A literal segment of a path.
pub(crate) const fn lit(text: &'static str) -> Segment {
    Segment::Literal(text)
}

/// A path parameter of a path.
pub(crate) const fn path(name: &'static str, kind: Kind, malformed: Option<usize>) -> Segment {
    Segment::Param(param(name, kind, malformed))
}

/// A parameter, and the failure (an index into the route's errors) when
/// a value is not of its kind.
pub(crate) const fn param(name: &'static str, kind: Kind, malformed: Option<usize>) -> Param {
    Param {
        name,
        kind,
        malformed,
    }
}

/// A success example of a documented choice of model.
// Only a spec with a model the request chooses uses it: the runtime serves any spec.
#[allow(dead_code)]
pub(crate) const fn chosen(
    values: &'static [(&'static str, &'static str)],
    reply: Reply,
) -> Chosen {
    Chosen { values, reply }
}

/// A query parameter on its own, and the failure when a required one is missing.
pub(crate) const fn query(param: Param, required: bool, missing: Option<usize>) -> Query {
    Query {
        param,
        required,
        missing,
    }
}

/// A response.
pub(crate) const fn reply(
    status: u16,
    headers: &'static [(&'static str, &'static str)],
    body: &'static str,
) -> Reply {
    Reply {
        status,
        headers,
        body,
    }
}

/// A documented failure and its response.
pub(crate) const fn failure(id: &'static str, reply: Reply) -> Failure {
    Failure { id, reply }
}

/// A request as the server read it.
pub(crate) struct Incoming<'a> {
    pub(crate) method: &'a str,
    /// The path as sent, percent-encoded.
    pub(crate) path: &'a str,
    /// Percent-decoded segments.
    pub(crate) segments: &'a [String],
    /// Percent-decoded pairs.
    pub(crate) query: &'a [(String, String)],
    pub(crate) headers: &'a http::HeaderMap,
    pub(crate) body: &'a [u8],
}

impl Incoming<'_> {
    /// A header's value, if it is text.
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

/// What a request is.
#[derive(Debug)]
pub(crate) enum Verdict {
    /// No operation has this method and path.
    Unknown,
    /// Operation `route` (an index into [`Routes::operations`]) without a token.
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
    let token = routes
        .protocol
        .authorization
        .and_then(|name| request.header(name))
        .map(|v| v.trim().trim_start_matches("Bearer").trim());
    if routes.protocol.authorization.is_some() && token.is_none_or(str::is_empty) {
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

fn fits(path: &[Segment], segments: &[String]) -> bool {
    path.len() == segments.len()
        && path.iter().zip(segments).all(|(s, got)| match s {
            Segment::Literal(l) => l.eq_ignore_ascii_case(got),
            Segment::Param(_) => !got.is_empty(),
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
        if !reads_as(param.kind, got) {
            return Some(malformed(param, "path", got));
        }
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
    if route.body && serde_json::from_slice::<serde::de::IgnoredAny>(request.body).is_err() {
        return Some(Broken::Invalid("the body is not JSON".into()));
    }
    None
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
