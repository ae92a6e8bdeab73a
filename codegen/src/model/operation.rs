//! An operation: its request (path, query, headers, body), its answers and
//! failures, how it is polled or asked again, and the rules its page states.

use super::*;

/// The HTTP methods an operation may have.
pub const METHODS: [&str; 6] = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"];

#[derive(Debug, Clone)]
pub struct Operation {
    pub at: Location,
    /// Where the spec gives the method, the path and the clouds.
    pub method_at: Location,
    pub path_at: Location,
    pub clouds_at: Location,
    pub id: String,
    /// The area it belongs to: its spec file's [`Area::ident`].
    pub area: String,
    /// The method identifier, e.g. `get_customer`.
    pub fn_ident: String,
    pub name: String,
    /// The operation's error enum, e.g. `GetCustomerError`.
    pub error_type: String,
    /// The enum of its outcomes when it has several responses, e.g.
    /// `VerifyDomainAvailabilityResponse`.
    pub outcome_type: Option<String>,
    pub doc: String,
    /// Other pages that document the same call.
    pub also_on: Vec<String>,
    pub summary: String,
    /// Upper case, e.g. `GET`.
    pub method: String,
    pub path: String,
    pub segments: Vec<Segment>,
    /// The page's other request-syntax rows that are this same call: each
    /// row's URI after `{baseURL}`, and where the spec gives it.
    pub also_rows: Vec<(Location, String)>,
    /// Variants of the clouds the operation applies to, in spec order; `None`
    /// when the page does not say.
    pub clouds: Option<Vec<String>>,
    pub auth: Option<Auth>,
    pub path_params: Vec<Param>,
    /// The query parameters sent on their own, in spec order.
    pub query: Vec<Param>,
    pub one_of: Option<OneOf>,
    pub request_headers: Vec<OperationHeader>,
    pub body: Option<Body>,
    /// In spec order.
    pub responses: Vec<Response>,
    /// The status that says "not ready yet, ask again after `Retry-After`".
    pub not_ready: Option<NotReady>,
    /// In spec order (the documents' order).
    pub errors: Vec<ErrorEntry>,
    pub contradictions: Vec<Contradiction>,
    /// The union the request chooses that it answers, and the parameters
    /// that choose it.
    pub choice: Option<(String, Vec<String>)>,
}

impl Operation {
    /// Whether the page `file` documents this operation: its own page, or
    /// one of the others that document the same call.
    pub fn documented_on(&self, file: &str) -> bool {
        self.doc == file || self.also_on.iter().any(|d| d == file)
    }

    /// Every page that documents it, its own first.
    pub fn pages(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.doc.as_str()).chain(self.also_on.iter().map(String::as_str))
    }

    /// Every parameter: path, query, then those of the exactly-one-of group.
    pub fn params(&self) -> impl Iterator<Item = &Param> {
        self.path_params
            .iter()
            .chain(&self.query)
            .chain(self.one_of.iter().flat_map(|g| &g.params))
    }

    /// The query names that request example `index` of the page misspells,
    /// as the spec's contradictions record them (the element
    /// `<id>.request_examples[<index>].query[<name>].name`, the page's name
    /// its value): each (the page's name, the parameter's), so that the
    /// example's value is read as the parameter's.
    pub fn misspelt_query(&self, index: usize) -> Vec<(String, String)> {
        let prefix = format!("{}.request_examples[{index}].query[", self.id);
        self.contradictions
            .iter()
            .filter_map(|c| {
                let name = c.element.strip_prefix(&prefix)?.strip_suffix("].name")?;
                let documented = c.document_value.clone()?;
                self.query
                    .iter()
                    .any(|q| q.name == name)
                    .then(|| (documented, name.to_string()))
            })
            .collect()
    }

    /// The item type, when the operation answers a paged collection.
    pub fn page_item(&self) -> Option<&Type> {
        match &self.responses[..] {
            [r] => match &r.body {
                Some(Type::Collection(_, item)) => Some(item),
                _ => None,
            },
            _ => None,
        }
    }
}

/// One segment of a path template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    Literal(String),
    /// Index into `Operation::path_params`.
    Param(usize),
}

/// A path or query parameter.
#[derive(Debug, Clone)]
pub struct Param {
    pub at: Location,
    /// Name on the wire or in the path template.
    pub name: String,
    pub documented_as: Option<String>,
    /// The method argument or setter, e.g. `customer_tenant_id`.
    pub rust_ident: String,
    /// A scalar or a model.
    pub ty: Type,
    pub required: bool,
    pub repeated: bool,
    pub encoding: Encoding,
    pub origin: Origin,
    pub description: String,
    /// The enum variant, for a parameter of an exactly-one-of group.
    pub variant: String,
}

impl Param {
    /// The name the page's table gives.
    pub fn documented_name(&self) -> &str {
        self.documented_as.as_deref().unwrap_or(&self.name)
    }

    /// Whether this is the parameter a union's `chosen_by` names `wanted`:
    /// by its name or by the table's, without regard to ASCII case.
    pub fn chooses(&self, wanted: &str) -> bool {
        self.name.eq_ignore_ascii_case(wanted)
            || self.documented_name().eq_ignore_ascii_case(wanted)
    }
}

/// Query parameters of which exactly one must be sent, as one enum.
#[derive(Debug, Clone)]
pub struct OneOf {
    /// The spec's name of the group.
    pub name: String,
    pub rust_type: String,
    /// The method argument, e.g. `reseller`.
    pub arg_ident: String,
    pub description: String,
    pub params: Vec<Param>,
}

/// A header one operation sends.
#[derive(Debug, Clone)]
pub struct OperationHeader {
    pub at: Location,
    pub name: String,
    /// The constant of `headers.rs`, e.g. `IF_MATCH`.
    pub const_ident: String,
    /// The setter of the call, e.g. `if_match`.
    pub rust_ident: String,
    pub required: bool,
    /// Property path in the body, as (JSON name, Rust field, optional) steps.
    pub from_body: Option<Vec<PathStep>>,
    pub quoted: bool,
    pub doc: String,
    pub description: String,
}

/// One step of a property path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathStep {
    pub name: String,
    pub rust_ident: String,
    pub optional: bool,
}

#[derive(Debug, Clone)]
pub struct Body {
    pub at: Location,
    /// An object model.
    pub ty: Type,
    pub description: String,
}

#[derive(Debug, Clone)]
pub struct Response {
    pub at: Location,
    pub status: u16,
    /// The outcome variant when the operation has several responses.
    pub variant: Option<String>,
    pub body: Option<Type>,
    /// The media type the documents give a `binary` body.
    pub content_type: Option<String>,
    pub headers: Vec<String>,
    /// For a 202: how the accepted operation is followed.
    pub poll: Option<Poll>,
    pub description: String,
}

/// A success status that is no answer yet: the client asks again after the
/// response's `Retry-After`.
#[derive(Debug, Clone)]
pub struct NotReady {
    pub at: Location,
    pub status: u16,
    pub description: String,
}

/// How an accepted operation is followed: the operation its `Location`
/// addresses (its answer's type and its error type), and what in that
/// answer says it is done.
#[derive(Debug, Clone)]
pub struct Poll {
    pub at: Location,
    /// The polled operation's `id`.
    pub operation: String,
    /// Resolved once every operation is known: its name (the requests
    /// of a poll are traced as its), answer and error type.
    pub operation_name: String,
    /// The polled operation's path template (its requests are traced
    /// with it).
    pub operation_path: String,
    pub answer: Option<Type>,
    pub error_type: String,
    pub relative_to: String,
    pub property: String,
    pub done: Vec<String>,
}

/// One documented failure of an operation.
#[derive(Debug, Clone)]
pub struct ErrorEntry {
    pub at: Location,
    pub id: String,
    pub variant: String,
    pub origin: Origin,
    /// Heading of the failure example in the document (empty for prose).
    pub example: String,
    pub status: u16,
    /// Code and source, `None` for an entry told apart by status alone.
    pub code: Option<String>,
    pub source: Option<String>,
    pub description: String,
    pub data: Vec<String>,
    /// Another entry has the same status, code and source: the description
    /// tells them apart.
    pub needs_description: bool,
    /// The request the page says gets this failure.
    pub when: Option<When>,
}

/// A request that breaks a rule of its page; names are the spec's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum When {
    /// This path or query parameter is not of its type.
    Malformed(String),
    /// This required query parameter is left out.
    Missing(String),
    /// No parameter of the exactly-one-of group (by its name).
    NoneOf(String),
    /// Several parameters of the exactly-one-of group.
    SeveralOf(String),
    /// This required request header is left out.
    MissingHeader(String),
}
