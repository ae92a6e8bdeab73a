//! The spec as written: serde types mirroring the YAML, nothing checked yet.
//! Their doc comments become the descriptions of `spec.schema.json`.

use schemars::JsonSchema;
use serde::Deserialize;

/// One YAML file of the spec. A spec folder's files are merged item by item.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawFile {
    /// The documents the spec describes, under spec/docs/en-us/.
    #[serde(default)]
    pub documents: Vec<RawDocument>,
    /// Request and response headers.
    #[serde(default)]
    pub headers: Vec<RawHeader>,
    /// The versions of Partner Center and their base URLs.
    #[serde(default)]
    pub clouds: Vec<RawCloud>,
    /// The operations: one per request-syntax row of a page.
    #[serde(default)]
    pub operations: Vec<RawOperation>,
    /// The resource models: objects with properties, and open enums.
    #[serde(default)]
    pub models: Vec<RawModel>,
    /// The envelope of paged listings (at most once in the spec).
    #[serde(default)]
    pub collection: Option<RawCollection>,
    /// The global error catalogue (at most once in the spec).
    #[serde(default)]
    pub error_codes: Option<RawErrorCodes>,
    /// The throttled (429) response (at most once in the spec).
    #[serde(default)]
    pub throttling: Option<RawThrottling>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawDocument {
    /// File name under spec/docs/en-us/, e.g. `headers.md`.
    pub file: String,
    /// The page's title.
    pub title: String,
    /// The page is the index of the resource pages: a table naming, for each
    /// resource page, the models it describes.
    #[serde(default)]
    pub index: bool,
}

/// Where the documents state a fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Origin {
    /// A row of a table of `doc` (for a model: the table under its heading).
    #[default]
    Table,
    /// Only shown by the examples of `doc` (or its request syntax), never
    /// defined in a table.
    Example,
    /// Described in the prose of `doc`.
    Prose,
}

/// The global error catalogue of a document.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawErrorCodes {
    pub doc: String,
    pub codes: Vec<RawErrorCode>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawErrorCode {
    pub code: ErrorCode,
    pub status: u16,
    pub status_name: String,
    pub descriptions: Vec<String>,
    /// The request the test server (feature `test-server`) answers with
    /// this entry, when no failure of the operation documents one.
    #[serde(default)]
    pub answers: Option<Answers>,
}

/// A request the test server answers with an entry of the global catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Answers {
    /// A request without the authorization token.
    MissingToken,
    /// A request that breaks a rule of its page (a parameter missing or
    /// malformed, a body that is not JSON).
    InvalidRequest,
    /// A path that no operation has.
    UnknownPath,
}

/// The throttled response.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawThrottling {
    pub doc: String,
    pub status: u16,
    /// The response header that says how long to wait.
    pub retry_after: String,
    /// The body's text property that says what happened.
    #[serde(default)]
    pub message: Option<String>,
    /// The JSON body's properties.
    pub body: Vec<RawProperty>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawHeader {
    /// The HTTP header name, e.g. `MS-RequestId`.
    pub name: String,
    /// The table cell, byte for byte, e.g. `MS-RequestId:`.
    pub documented_as: String,
    pub direction: Direction,
    pub origin: Origin,
    /// A scalar type: string, guid, int, bool.
    #[serde(rename = "type")]
    pub value_type: ValueType,
    pub requirement: Requirement,
    /// The description, as the table gives it.
    pub description: String,
    #[serde(default)]
    pub semantics: Option<Semantics>,
    /// The default value the description gives.
    #[serde(default)]
    pub default: Option<String>,
    /// The document it comes from: a `file` of `documents`.
    pub doc: String,
}

/// Whether a header is sent by the client or returned by the service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    Request,
    Response,
}

/// A scalar type as the documents name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ValueType {
    String,
    Guid,
    Int,
    Bool,
    Decimal,
    DateTime,
    Uri,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Requirement {
    Required,
    Optional,
    Unspecified,
}

/// What a header is for, as its description says: the client sets or reads
/// the header of each role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Semantics {
    /// New for each call, the same on every retry of that call.
    IdempotencyKey,
    /// New for each call, for tracing.
    CorrelationId,
    /// The bearer token.
    Authorization,
    /// The name of the calling application.
    Application,
    /// The language of the response.
    Locale,
    /// The service's correlation vector.
    CorrelationVector,
    /// The server that answered.
    ServerId,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawCloud {
    /// Identifier, e.g. `us_government`; becomes the `Cloud` variant.
    pub id: String,
    /// The name the documents give this version of Partner Center.
    pub name: String,
    /// `https://host`, without path.
    pub base_url: String,
    /// The document it comes from: a `file` of `documents`.
    pub doc: String,
}

/// One request-syntax row of a page.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawOperation {
    /// Identifier, e.g. `get_customer`; becomes the method and module name.
    pub id: String,
    /// The operation's name, e.g. `GetCustomer`; `<name>Error` is its error
    /// type and `<name>Response` its outcome when it has several.
    pub name: String,
    /// The document it comes from: a `file` of `documents`.
    pub doc: String,
    /// One sentence: what the operation does.
    pub summary: String,
    /// HTTP method: GET, POST, PUT, PATCH, DELETE or HEAD.
    pub method: String,
    /// Path template after the base URL, with `{params}`.
    pub path: String,
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
    pub description: String,
}

/// A success response.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawResponse {
    pub status: u16,
    /// The outcome's name when the operation has several responses, e.g. `available`.
    #[serde(default)]
    pub name: Option<String>,
    /// The body: a model, `[Model]`, or `<Collection>`'s name with the item,
    /// e.g. `ResourceCollection<Customer>`. Left out for an empty body.
    #[serde(default)]
    pub body: Option<String>,
    /// Response headers of the spec's `headers` this response carries.
    #[serde(default)]
    pub headers: Vec<String>,
    pub description: String,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawError {
    /// Identifier, e.g. `tenant_id_not_guid`; becomes the error variant.
    pub id: String,
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

/// A place where a page contradicts itself. The documents check reports the
/// finding named by `element` as a contradiction, not as drift.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawContradiction {
    /// The element of the finding, as `cargo codegen docs` names it.
    pub element: String,
    /// What the page says in each place, and which one the spec follows.
    pub note: String,
}

/// A resource model: an object with `properties`, or an open enum with `values`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawModel {
    /// The Rust type, e.g. `CustomerBillingProfile`.
    pub name: String,
    /// The document it comes from: a `file` of `documents`.
    pub doc: String,
    /// `table`: the table under its heading; `example`: only the examples of
    /// `doc` show it; `prose`: the text of `doc` describes it.
    #[serde(default)]
    pub origin: Origin,
    /// The heading of its table, when not `name`.
    #[serde(default)]
    pub heading: Option<String>,
    pub description: String,
    #[serde(default)]
    pub properties: Vec<RawProperty>,
    /// An open enum's documented values; other values are kept as text.
    #[serde(default)]
    pub values: Vec<RawValue>,
    #[serde(default)]
    pub contradictions: Vec<RawContradiction>,
}

/// A property of a model (or of a body).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawProperty {
    /// The JSON name.
    pub name: String,
    /// The table cell when it is not `name` (compared without case).
    #[serde(default)]
    pub documented_as: Option<String>,
    /// A scalar, a model, or `[T]` for an array of T.
    #[serde(rename = "type")]
    pub ty: String,
    /// The documents show it missing (or null).
    #[serde(default)]
    pub optional: bool,
    /// `table` (a row of the model's table) or `example` (only in examples).
    #[serde(default)]
    pub origin: Origin,
    /// The Rust field name, when the one made from `name` is not wanted.
    #[serde(default)]
    pub rust_name: Option<String>,
    pub description: String,
}

/// A documented value of an open enum.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawValue {
    pub value: String,
    pub description: String,
}

/// The envelope of a paged listing: `{totalCount, items, links, attributes}`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawCollection {
    /// The generic Rust type, e.g. `ResourceCollection`; operations name it
    /// with their item, `ResourceCollection<Customer>`.
    pub name: String,
    pub doc: String,
    #[serde(default)]
    pub origin: Origin,
    pub description: String,
    /// The property path of the next page's link, e.g. `links.next`: a model
    /// with `uri`, `method` and `headers` (`key`, `value`).
    pub next_link: String,
    /// Relative link URIs are relative to the base URL and this prefix
    /// (`/v1`), unless they already start with it.
    pub relative_to: String,
    /// The integer property that counts the listing's items in all, e.g.
    /// `totalCount`.
    #[serde(default)]
    pub total: Option<String>,
    /// How the next page is asked for, where the documents show it.
    #[serde(default)]
    pub continuation: Option<RawContinuation>,
    /// The properties; the item list has type `[T]`.
    pub properties: Vec<RawProperty>,
}

/// How a listing asks for its next page: the link's URI is the page's own
/// with `query` added, and `header` carries the continuation token.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawContinuation {
    /// The request header of the token, e.g. `MS-ContinuationToken`.
    pub header: String,
    /// A `name=value` query pair, e.g. `seekOperation=Next`.
    pub query: String,
}

/// The global catalogue's codes: a number in every example, a string in its table.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum ErrorCode {
    Number(i64),
    Text(String),
}

impl ErrorCode {
    /// The code as text, the form the client compares.
    pub fn as_text(&self) -> String {
        match self {
            ErrorCode::Number(n) => n.to_string(),
            ErrorCode::Text(s) => s.clone(),
        }
    }
}
