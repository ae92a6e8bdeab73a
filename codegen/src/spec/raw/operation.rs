//! An operation as written: its parameters, headers, body, responses and
//! documented failures.

use schemars::JsonSchema;
use serde::Deserialize;

use super::{ErrorCode, Origin, RawContradiction};

/// One request-syntax row of a page.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawOperation {
    /// Identifier, e.g. `get_customer`; becomes the method and module name.
    pub id: String,
    /// The operation's name, e.g. `GetCustomer`; `<name>Error` is its error
    /// type and `<name>Response` its outcome when it has several.
    pub name: String,
    /// What a person must still decide here, and where the page says it:
    /// `what to decide (page.md:line)`. `cargo codegen import` writes it on
    /// what it cannot decide; the spec is refused while one is left.
    #[serde(default)]
    pub decide: Option<String>,
    /// The document it comes from: a `file` of `documents`.
    pub doc: String,
    /// Other pages that document the same call (the same method and path):
    /// each is compared with it as its own page is (their request-syntax
    /// rows, parameters and examples).
    #[serde(default)]
    pub also_on: Vec<String>,
    /// One sentence: what the operation does.
    pub summary: String,
    /// HTTP method: GET, POST, PUT, PATCH, DELETE or HEAD.
    pub method: String,
    /// Path template after the base URL, with `{params}`.
    pub path: String,
    /// Other request-syntax rows of the page that are this same call, each
    /// as the row writes its URI after `{baseURL}` (without ` HTTP/1.1`): a
    /// page that writes a row per value of a parameter (`?provider=office`,
    /// `?provider=azure`), or one with and one without optional parameters.
    /// A row may write a value where the path has a parameter, and leave out
    /// query parameters that another row of the operation has.
    #[serde(default)]
    pub also_rows: Vec<String>,
    /// The `id`s of the clouds of the page's "Applies to" line; left out when
    /// the page has none.
    #[serde(default)]
    pub clouds: Option<Vec<String>>,
    /// The credentials the page's prerequisites accept; left out when it does not say.
    #[serde(default)]
    pub auth: Option<Auth>,
    #[serde(default)]
    pub path_params: Vec<RawParam>,
    /// Query parameters, each on its own or in the `exactly_one_of` group.
    #[serde(default)]
    pub query_params: Vec<RawParam>,
    #[serde(default)]
    pub exactly_one_of: Option<RawOneOf>,
    /// Headers this operation sends besides the ones every call sends.
    #[serde(default)]
    pub request_headers: Vec<RawOperationHeader>,
    /// The request body.
    #[serde(default)]
    pub body: Option<RawBody>,
    /// The success responses, each with its status.
    pub responses: Vec<RawResponse>,
    /// A success status that is no answer yet: the service has not the data
    /// ready and says when to ask again (`Retry-After`); the client asks
    /// again, as it retries a 503.
    #[serde(default)]
    pub not_ready: Option<RawNotReady>,
    /// The documented failures.
    #[serde(default)]
    pub errors: Vec<RawError>,
    /// Where the page contradicts itself, and what the spec follows.
    #[serde(default)]
    pub contradictions: Vec<RawContradiction>,
}

/// The credentials an operation accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Auth {
    /// App+User credentials only.
    AppUser,
    /// App-only or App+User credentials.
    AppOrAppUser,
}

/// A path or query parameter.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawParam {
    /// The name on the wire (query) or in the path template.
    pub name: String,
    /// What a person must still decide here, and where the page says it:
    /// `what to decide (page.md:line)`. `cargo codegen import` writes it on
    /// what it cannot decide; the spec is refused while one is left.
    #[serde(default)]
    pub decide: Option<String>,
    /// The table cell when it is not `name` (compared without case).
    #[serde(default)]
    pub documented_as: Option<String>,
    /// A scalar (string, guid, int, bool, decimal, date-time, uri), an enum
    /// model, or (with `encoding: json`) an object model.
    #[serde(rename = "type")]
    pub ty: String,
    /// Whether the call must send it (path parameters always are).
    #[serde(default = "yes")]
    pub required: bool,
    /// A query parameter that may be sent several times.
    #[serde(default)]
    pub repeated: bool,
    #[serde(default)]
    pub encoding: Encoding,
    /// `table`: a row of the page's URI-parameter table; `example`: only in
    /// the request syntax and examples.
    #[serde(default)]
    pub origin: Origin,
    /// The Rust argument or setter name, when the one made from `name` is not wanted.
    #[serde(default)]
    pub rust_name: Option<String>,
    pub description: String,
}

fn yes() -> bool {
    true
}

/// How a parameter's value is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Encoding {
    /// As text.
    #[default]
    Text,
    /// As JSON text (a filter object), percent-encoded like any value.
    Json,
}

/// Query parameters of which exactly one is sent.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawOneOf {
    /// The Rust enum, e.g. `Reseller`.
    pub name: String,
    pub description: String,
    /// The `query_params` in the group.
    pub params: Vec<String>,
}

/// A header one operation sends.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawOperationHeader {
    /// A request header of the spec's `headers`.
    pub name: String,
    /// What a person must still decide here, and where the page says it:
    /// `what to decide (page.md:line)`. `cargo codegen import` writes it on
    /// what it cannot decide; the spec is refused while one is left.
    #[serde(default)]
    pub decide: Option<String>,
    pub required: bool,
    /// Where the value comes from: a property path of the request body, e.g.
    /// `attributes.etag`. Without it, the caller gives the value.
    #[serde(default)]
    pub from_body: Option<String>,
    /// The value is sent in double quotes.
    #[serde(default)]
    pub quoted: bool,
    /// The document that says how the value is written, when not the operation's.
    #[serde(default)]
    pub doc: Option<String>,
    pub description: String,
}

/// A request body.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawBody {
    /// An object model.
    #[serde(rename = "type")]
    pub ty: String,
    /// What a person must still decide here, and where the page says it:
    /// `what to decide (page.md:line)`. `cargo codegen import` writes it on
    /// what it cannot decide; the spec is refused while one is left.
    #[serde(default)]
    pub decide: Option<String>,
    pub description: String,
}

/// A success response.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawResponse {
    pub status: u16,
    /// What a person must still decide here, and where the page says it:
    /// `what to decide (page.md:line)`. `cargo codegen import` writes it on
    /// what it cannot decide; the spec is refused while one is left.
    #[serde(default)]
    pub decide: Option<String>,
    /// The outcome's name when the operation has several responses, e.g. `available`.
    #[serde(default)]
    pub name: Option<String>,
    /// The body: a model, `[Model]`, or `<Collection>`'s name with the item,
    /// e.g. `ResourceCollection<Customer>`; `binary` for a file (a PDF, a
    /// CSV) read as it arrives. Left out for an empty body.
    #[serde(default)]
    pub body: Option<String>,
    /// The media type the documents give a `binary` body, e.g. `application/pdf`.
    #[serde(default)]
    pub content_type: Option<String>,
    /// Response headers of the spec's `headers` this response carries.
    #[serde(default)]
    pub headers: Vec<String>,
    /// For a 202: how the accepted operation is followed (its `Location`).
    #[serde(default)]
    pub poll: Option<RawPoll>,
    pub description: String,
}

/// A success status the documents give for "not ready yet, ask again
/// after `Retry-After`".
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawNotReady {
    /// A 2xx other than the responses', without a body.
    pub status: u16,
    pub description: String,
}

/// How an accepted operation (a 202) is followed: the operation its
/// `Location` addresses, and what in that one's answer says it is done.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPoll {
    /// The `id` of the GET operation the `Location` addresses.
    pub operation: String,
    /// The path the `Location` is relative to, after the base URL (`/v1`).
    pub relative_to: String,
    /// The text or enum property of that operation's answer that tells
    /// how the operation goes.
    pub property: String,
    /// Its values that say the operation is done (the documents list the
    /// values; which of them end it is the spec's reading).
    pub done: Vec<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawError {
    /// Identifier, e.g. `tenant_id_not_guid`; becomes the error variant.
    pub id: String,
    /// What a person must still decide here, and where the page says it:
    /// `what to decide (page.md:line)`. `cargo codegen import` writes it on
    /// what it cannot decide; the spec is refused while one is left.
    #[serde(default)]
    pub decide: Option<String>,
    /// `example`: an example response of the page (heading, code, source and
    /// description required); `prose`: a status the page only describes.
    #[serde(default = "example")]
    pub origin: Origin,
    /// The heading of the failure example in the document.
    #[serde(default)]
    pub example: Option<String>,
    /// HTTP status, 400-599.
    pub status: u16,
    #[serde(default)]
    pub code: Option<ErrorCode>,
    /// The `source` of the example body.
    #[serde(default)]
    pub source: Option<String>,
    /// The `description` of the example body, byte for byte; for a prose
    /// entry, what the page says.
    pub description: String,
    #[serde(default)]
    pub data: Vec<String>,
    /// The request the page says gets this failure: the test server
    /// (feature `test-server`) answers it to such a request.
    #[serde(default)]
    pub when: Option<RawWhen>,
}

/// A request that breaks a rule of its page: one of the keys.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawWhen {
    /// This path or query parameter is not of its type (a GUID, a number).
    #[serde(default)]
    pub malformed: Option<String>,
    /// This required query parameter is left out.
    #[serde(default)]
    pub missing: Option<String>,
    /// No parameter of this `exactly_one_of` group (its `name`) is sent.
    #[serde(default)]
    pub none_of: Option<String>,
    /// More than one parameter of this `exactly_one_of` group is sent.
    #[serde(default)]
    pub several_of: Option<String>,
    /// This required request header is left out.
    #[serde(default)]
    pub missing_header: Option<String>,
}

fn example() -> Origin {
    Origin::Example
}
