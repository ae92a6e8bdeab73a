//! The spec as written: serde types mirroring the YAML, nothing checked yet.

use serde::Deserialize;

/// One YAML file of the spec. A spec folder's files are merged item by item.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFile {
    #[serde(default)]
    pub documents: Vec<RawDocument>,
    #[serde(default)]
    pub headers: Vec<RawHeader>,
    #[serde(default)]
    pub clouds: Vec<RawCloud>,
    #[serde(default)]
    pub endpoints: Vec<RawEndpoint>,
    #[serde(default)]
    pub error_codes: Option<RawErrorCodes>,
    #[serde(default)]
    pub throttling: Option<RawThrottling>,
}

/// The global error catalogue of a document.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawErrorCodes {
    pub doc: String,
    pub codes: Vec<RawErrorCode>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawErrorCode {
    pub code: ErrorCode,
    pub status: u16,
    pub status_name: String,
    pub descriptions: Vec<String>,
}

/// The throttled response.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawThrottling {
    pub doc: String,
    pub status: u16,
    pub retry_after: String,
    pub body: Vec<RawField>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDocument {
    pub file: String,
    pub title: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawHeader {
    pub name: String,
    pub documented_as: String,
    pub direction: Direction,
    pub origin: Origin,
    #[serde(rename = "type")]
    pub value_type: ValueType,
    pub requirement: Requirement,
    pub description: String,
    #[serde(default)]
    pub semantics: Option<Semantics>,
    #[serde(default)]
    pub default: Option<String>,
    pub doc: String,
}

/// Whether a header is sent by the client or returned by the service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    Request,
    Response,
}

/// Where the documents state a header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ValueType {
    String,
    Guid,
    Int,
    Bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Requirement {
    Required,
    Optional,
    Unspecified,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Semantics {
    /// New for each call, the same on every retry of that call.
    IdempotencyKey,
    /// New for each call, for tracing.
    CorrelationId,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCloud {
    pub id: String,
    pub name: String,
    pub base_url: String,
    pub doc: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEndpoint {
    pub id: String,
    pub name: String,
    pub doc: String,
    pub summary: String,
    pub method: String,
    pub path: String,
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Auth {
    /// App+User credentials only.
    AppUser,
    /// App-only or App+User credentials.
    AppOrAppUser,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPathParam {
    pub name: String,
    pub rust_type: String,
    pub description: String,
    #[serde(default)]
    pub known_values: Vec<RawKnownValue>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawKnownValue {
    pub value: String,
    pub description: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQueryParam {
    pub name: String,
    pub documented_as: String,
    #[serde(rename = "type")]
    pub value_type: ValueType,
    pub description: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOneOf {
    pub rust_type: String,
    pub description: String,
    pub params: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawResponse {
    pub status: u16,
    pub rust_type: String,
    pub description: String,
    pub fields: Vec<RawField>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawField {
    pub name: String,
    #[serde(rename = "type")]
    pub value_type: ValueType,
    pub description: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawError {
    pub id: String,
    pub example: String,
    pub status: u16,
    pub code: ErrorCode,
    pub source: String,
    pub description: String,
    #[serde(default)]
    pub data: Vec<String>,
}

/// An error code: a number in every example, a string in the error-codes table.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
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
