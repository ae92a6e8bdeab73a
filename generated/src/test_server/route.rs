//! What the test server knows of each operation, as the generated code
//! states it: where it answers, the rules its page states, and what it
//! answers. [`judge`](super::judge) holds a request against it.

use super::target::Incoming;
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
                    // A segment that is not UTF-8 chooses nothing.
                    Segment::Param(p) if p.name == name => sent.as_deref().ok(),
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
