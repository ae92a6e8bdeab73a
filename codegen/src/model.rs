//! The checked model: what `validate` produces and `emit` consumes. Every name
//! here is resolved and every Rust identifier chosen, so emitting cannot fail.

pub use crate::spec::raw::{Auth, Direction, Origin, Requirement, Semantics, ValueType};

/// The whole API description.
#[derive(Debug, Clone)]
pub struct Api {
    /// Fingerprint of the spec input, written into every generated file.
    pub spec_hash: u64,
    pub documents: Vec<Document>,
    pub headers: Vec<Header>,
    pub clouds: Vec<Cloud>,
    /// Sorted by id.
    pub endpoints: Vec<Endpoint>,
    /// The global error catalogue, if the spec has one.
    pub error_codes: Option<ErrorCodes>,
    /// The throttled response, if the spec describes it.
    pub throttling: Option<Throttling>,
}

/// Where an item stands in the spec.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Location {
    pub file: std::path::PathBuf,
    /// 1-based.
    pub line: usize,
}

/// The global error catalogue.
#[derive(Debug, Clone)]
pub struct ErrorCodes {
    pub doc: String,
    pub at: Location,
    /// In the document's order.
    pub codes: Vec<GlobalCode>,
}

/// One (status, code) of the global catalogue.
#[derive(Debug, Clone)]
pub struct GlobalCode {
    pub code: String,
    pub status: u16,
    pub status_name: String,
    /// Every description the document gives this code, in its order.
    pub descriptions: Vec<String>,
    pub at: Location,
}

/// The throttled response.
#[derive(Debug, Clone)]
pub struct Throttling {
    pub doc: String,
    pub status: u16,
    pub retry_after: String,
    pub body: Vec<Field>,
    pub at: Location,
}

#[derive(Debug, Clone)]
pub struct Document {
    pub file: String,
    pub title: String,
}

#[derive(Debug, Clone)]
pub struct Header {
    /// HTTP name as the documents spell it (without the table's trailing colon).
    pub name: String,
    /// The constant's identifier, e.g. `MS_REQUEST_ID`.
    pub const_ident: String,
    pub documented_as: String,
    pub direction: Direction,
    pub origin: Origin,
    pub value_type: ValueType,
    pub requirement: Requirement,
    pub semantics: Option<Semantics>,
    pub default: Option<String>,
    pub description: String,
    pub doc: String,
    pub at: Location,
}

#[derive(Debug, Clone)]
pub struct Cloud {
    pub at: Location,
    pub id: String,
    pub variant: String,
    pub name: String,
    pub base_url: String,
    pub doc: String,
}

#[derive(Debug, Clone)]
pub struct Endpoint {
    pub at: Location,
    /// Where the spec gives the method, the path and the clouds.
    pub method_at: Location,
    pub path_at: Location,
    pub clouds_at: Location,
    pub id: String,
    /// Module and method identifier, e.g. `agreement_status`.
    pub fn_ident: String,
    pub name: String,
    /// The operation's error enum, e.g. `AgreementStatusError`.
    pub error_type: String,
    pub doc: String,
    pub summary: String,
    /// Upper case, e.g. `GET`.
    pub method: String,
    pub path: String,
    pub segments: Vec<Segment>,
    /// Variants of the clouds the endpoint applies to, in spec order.
    pub clouds: Vec<String>,
    pub auth: Auth,
    pub path_params: Vec<PathParam>,
    pub reseller: Option<OneOf>,
    pub response: Response,
    /// In spec order (the documents' order).
    pub errors: Vec<ErrorEntry>,
}

/// One segment of a path template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    Literal(String),
    /// Index into `Endpoint::path_params`.
    Param(usize),
}

/// A path parameter: a string with documented values, typed as an enum with
/// an `Other` fallback.
#[derive(Debug, Clone)]
pub struct PathParam {
    pub name: String,
    pub rust_type: String,
    /// The method argument, e.g. `program`.
    pub arg_ident: String,
    pub description: String,
    pub known_values: Vec<KnownValue>,
}

#[derive(Debug, Clone)]
pub struct KnownValue {
    pub value: String,
    pub variant: String,
    pub description: String,
}

/// Query parameters of which exactly one must be sent, as one enum.
#[derive(Debug, Clone)]
pub struct OneOf {
    pub rust_type: String,
    /// The method argument, e.g. `reseller`.
    pub arg_ident: String,
    pub description: String,
    pub params: Vec<QueryParam>,
}

#[derive(Debug, Clone)]
pub struct QueryParam {
    pub at: Location,
    /// Name on the wire, from the request-syntax table.
    pub name: String,
    pub documented_as: String,
    pub variant: String,
    pub value_type: ValueType,
    pub description: String,
}

#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    pub rust_type: String,
    pub description: String,
    pub fields: Vec<Field>,
}

#[derive(Debug, Clone)]
pub struct Field {
    pub at: Location,
    /// JSON name.
    pub name: String,
    pub rust_ident: String,
    pub value_type: ValueType,
    pub description: String,
}

/// One documented failure of an endpoint.
#[derive(Debug, Clone)]
pub struct ErrorEntry {
    pub at: Location,
    pub id: String,
    pub variant: String,
    /// Heading of the failure example in the document.
    pub example: String,
    pub status: u16,
    pub code: String,
    pub source: String,
    pub description: String,
    pub data: Vec<String>,
    /// Another entry has the same status, code and source: the description
    /// tells them apart.
    pub needs_description: bool,
}
