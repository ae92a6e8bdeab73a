//! The spec as written: serde types mirroring the YAML, nothing checked yet.

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
    /// The endpoints, each with its parameters, success body and documented failures.
    #[serde(default)]
    pub endpoints: Vec<RawEndpoint>,
    /// The global error catalogue (at most once in the spec).
    #[serde(default)]
    pub error_codes: Option<RawErrorCodes>,
    /// The throttled (429) response (at most once in the spec).
    #[serde(default)]
    pub throttling: Option<RawThrottling>,
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
}

/// The throttled response.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawThrottling {
    pub doc: String,
    pub status: u16,
    pub retry_after: String,
    pub body: Vec<RawField>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawDocument {
    /// File name under spec/docs/en-us/, e.g. `headers.md`.
    pub file: String,
    /// The page's title.
    pub title: String,
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

/// Where the documents state a header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Origin {
    /// A row of a headers table.
    Table,
    /// Only in example messages.
    Example,
    /// In the prose of a guidance page.
    Guidance,
}

/// A value type as the documents name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ValueType {
    String,
    Guid,
    Int,
    Bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Requirement {
    Required,
    Optional,
    Unspecified,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Semantics {
    /// New for each call, the same on every retry of that call.
    IdempotencyKey,
    /// New for each call, for tracing.
    CorrelationId,
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

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawEndpoint {
    /// Identifier, e.g. `agreement_status`; becomes the method and module name.
    pub id: String,
    /// The operation's name, e.g. `AgreementStatus`; `<name>Error` is its error enum.
    pub name: String,
    /// The document it comes from: a `file` of `documents`.
    pub doc: String,
    /// One sentence: what the endpoint does.
    pub summary: String,
    /// HTTP method: GET, POST, PUT, PATCH or DELETE.
    pub method: String,
    /// Path template after the base URL, with `{params}`.
    pub path: String,
    /// The `id`s of the clouds of the page's "Applies to" line.
    pub clouds: Vec<String>,
    pub auth: Auth,
    #[serde(default)]
    pub path_params: Vec<RawPathParam>,
    #[serde(default)]
    pub query_params: Vec<RawQueryParam>,
    #[serde(default)]
    pub exactly_one_of: Option<RawOneOf>,
    pub response: RawResponse,
    #[serde(default)]
    pub errors: Vec<RawError>,
}

/// The credentials an endpoint accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Auth {
    /// App+User credentials only.
    AppUser,
    /// App-only or App+User credentials.
    AppOrAppUser,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPathParam {
    pub name: String,
    pub rust_type: String,
    pub description: String,
    #[serde(default)]
    pub known_values: Vec<RawKnownValue>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawKnownValue {
    pub value: String,
    pub description: String,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawQueryParam {
    pub name: String,
    pub documented_as: String,
    #[serde(rename = "type")]
    pub value_type: ValueType,
    pub description: String,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawOneOf {
    pub rust_type: String,
    pub description: String,
    pub params: Vec<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawResponse {
    pub status: u16,
    pub rust_type: String,
    pub description: String,
    pub fields: Vec<RawField>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawField {
    pub name: String,
    #[serde(rename = "type")]
    pub value_type: ValueType,
    pub description: String,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawError {
    /// Identifier, e.g. `tenant_id_not_guid`; becomes the error variant.
    pub id: String,
    /// The heading of the failure example in the document.
    pub example: String,
    /// HTTP status, 400-599.
    pub status: u16,
    pub code: ErrorCode,
    /// The `source` of the example body.
    pub source: String,
    /// The `description` of the example body, byte for byte.
    pub description: String,
    #[serde(default)]
    pub data: Vec<String>,
}

/// An error code: a number in every example, a string in the error-codes table.
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
