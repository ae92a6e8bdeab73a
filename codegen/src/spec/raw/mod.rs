//! The spec as written: serde types mirroring the YAML, nothing checked yet.
//! Their doc comments become the descriptions of `spec.schema.json`.
//!
//! This module holds a file's top level (documents, headers, clouds, the
//! error catalogue, throttling, contradictions); `operation` and `model`
//! hold the operations and the resource models.

mod model;
mod operation;

use schemars::JsonSchema;
use serde::Deserialize;

pub use model::{
    RateLimit, RawCollection, RawContinuation, RawModel, RawProperty, RawValue, RawVariant, Span,
};
pub use operation::{
    Auth, Encoding, RawBody, RawError, RawOneOf, RawOperation, RawOperationHeader, RawParam,
    RawPoll, RawResponse, RawWhen,
};

/// One YAML file of the spec. A spec folder's files are merged item by item.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawFile {
    /// What this file's operations and models are about: the doc of the
    /// generated modules that hold them (`operations::<file>`,
    /// `models::<file>`, named after the file). Required when the file has
    /// operations or models.
    #[serde(default)]
    pub description: Option<String>,
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
    /// The envelopes of paged listings (the collection of most pages, the
    /// analytics pages' OData envelope, ...): generic models an operation
    /// names with its item, `ResourceCollection<Customer>`.
    #[serde(default)]
    pub collections: Vec<RawCollection>,
    /// The global error catalogue (at most once in the spec).
    #[serde(default)]
    pub error_codes: Option<RawErrorCodes>,
    /// The throttled (429) response (at most once in the spec).
    #[serde(default)]
    pub throttling: Option<RawThrottling>,
    /// Operation pages of the documents the spec leaves out on purpose,
    /// each with why: the coverage check counts their calls as known, not
    /// as missing.
    #[serde(default)]
    pub left_out: Vec<RawLeftOut>,
}

/// An operation page the spec does not describe, on purpose.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawLeftOut {
    /// The page's file name among the documents, e.g. `get-promotions.md`.
    pub file: String,
    /// Why the spec does not describe its calls.
    pub reason: String,
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
    /// Findings of the page as a whole that the spec knows of: a table no
    /// model comes from (`models[<heading>]`), a resource page the index
    /// leaves out (`index[<page>]`).
    #[serde(default)]
    pub contradictions: Vec<RawContradiction>,
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
    /// A date without a time, `YYYY-MM-DD`.
    Date,
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
    /// The Microsoft Entra ID authority that issues this cloud's tokens,
    /// where a document states it; left out where none does (never guessed).
    #[serde(default)]
    pub authority: Option<RawCloudFact>,
    /// The resource (audience) a Partner Center access token of this cloud is
    /// requested for, where a document states it; left out where none does.
    #[serde(default)]
    pub token_resource: Option<RawCloudFact>,
}

/// A URL a document states for a cloud: its token authority or resource.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawCloudFact {
    /// `https://host`, without path.
    pub url: String,
    /// The document that states it: a `file` of `documents`.
    pub doc: String,
}

/// A place where a page contradicts itself. The documents check reports the
/// finding named by `element` as a contradiction, not as drift, as long as
/// the page says there what `document_value` records.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawContradiction {
    /// The element of the finding, as `cargo codegen docs` names it.
    pub element: String,
    /// The page that contradicts itself there, when it is not the item's
    /// own (`doc`) but one of its `also_on`.
    #[serde(default)]
    pub page: Option<String>,
    /// What the page says there, byte for byte, as `cargo codegen docs`
    /// reports it (its document value; `--format json` prints it as a JSON
    /// string); `null` where it reports none (the page leaves the element
    /// out). Required: a page that changes there again is drift, not the
    /// contradiction the spec knows.
    #[serde(deserialize_with = "present")]
    #[schemars(with = "TextOrNull")]
    pub document_value: Option<String>,
    /// What the page says in each place, and which one the spec follows.
    pub note: String,
}

/// An `Option` that must be written, as `null` when it is none (serde and
/// schemars make an `Option` field one that can be left out, unless it is
/// read with a function of its own).
fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Option::<String>::deserialize(d)
}

/// The schema of [`present`]'s fields: text or `null`, and required.
struct TextOrNull;

impl JsonSchema for TextOrNull {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "TextOrNull".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": ["string", "null"] })
    }
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

/// The `decide:` marks of operations and models, in the order a file
/// writes them: what a person must still decide (see [`RawOperation::decide`]).
pub fn marks<'a>(operations: &'a [RawOperation], models: &'a [RawModel]) -> Vec<&'a str> {
    let mut out: Vec<&Option<String>> = Vec::new();
    for o in operations {
        out.push(&o.decide);
        out.extend(o.path_params.iter().map(|p| &p.decide));
        out.extend(o.query_params.iter().map(|p| &p.decide));
        out.extend(o.request_headers.iter().map(|h| &h.decide));
        out.extend(o.body.iter().map(|b| &b.decide));
        out.extend(o.responses.iter().map(|r| &r.decide));
        out.extend(o.errors.iter().map(|e| &e.decide));
    }
    for m in models {
        out.push(&m.decide);
        out.extend(m.properties.iter().map(|p| &p.decide));
    }
    out.into_iter().filter_map(Option::as_deref).collect()
}
