//! The checked model: what `validate` produces and `emit` consumes. Every name
//! here is resolved and every Rust identifier chosen, so emitting cannot fail.
//!
//! This module holds the API as a whole (documents, headers, clouds, the
//! error catalogue, resolved types); `operation` the operations and what
//! they send and answer; `resource` the models and the listing envelopes.

mod operation;
mod resource;

pub use operation::*;
pub use resource::*;

pub use crate::spec::raw::{
    Answers, Auth, Direction, Encoding, Origin, RateLimit, Requirement, Semantics, Span, ValueType,
};

/// The whole API description.
#[derive(Debug, Clone)]
pub struct Api {
    pub documents: Vec<Document>,
    /// The spec's files that hold operations or models, sorted by ident.
    pub areas: Vec<Area>,
    pub headers: Vec<Header>,
    pub clouds: Vec<Cloud>,
    /// Sorted by id.
    pub operations: Vec<Operation>,
    /// Sorted by name.
    pub models: Vec<Model>,
    /// The envelopes of paged listings, sorted by name.
    pub collections: Vec<Collection>,
    /// The global error catalogue, if the spec has one.
    pub error_codes: Option<ErrorCodes>,
    /// The throttled response, if the spec describes it.
    pub throttling: Option<Throttling>,
    /// Operation pages left out on purpose, sorted by file.
    pub left_out: Vec<LeftOut>,
}

/// An operation page of the documents the spec does not describe, on purpose.
#[derive(Debug, Clone)]
pub struct LeftOut {
    pub file: String,
    pub reason: String,
}

impl Api {
    /// The header with `semantics` in `direction`, if the spec names one.
    pub fn header_for(&self, direction: Direction, semantics: Semantics) -> Option<&Header> {
        self.headers
            .iter()
            .find(|h| h.direction == direction && h.semantics == Some(semantics))
    }

    /// The collection envelope named `name`.
    pub fn collection(&self, name: &str) -> Option<&Collection> {
        self.collections.iter().find(|c| c.name == name)
    }

    /// The model named `name`.
    pub fn model(&self, name: &str) -> Option<&Model> {
        self.models
            .binary_search_by(|m| m.name.as_str().cmp(name))
            .ok()
            .map(|i| &self.models[i])
    }
}

/// A part of the API, as the spec groups it: one spec file's operations
/// and models, emitted as `operations::<ident>` and `models::<ident>`.
#[derive(Debug, Clone)]
pub struct Area {
    /// The module name, from the file's name: `directory-roles.yaml` ->
    /// `directory_roles`.
    pub ident: String,
    pub description: String,
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
    /// The request the test server answers with it.
    pub answers: Option<Answers>,
    pub at: Location,
}

/// The throttled response.
#[derive(Debug, Clone)]
pub struct Throttling {
    pub doc: String,
    pub status: u16,
    pub retry_after: String,
    pub message: Option<String>,
    pub body: Vec<Property>,
    pub at: Location,
}

#[derive(Debug, Clone)]
pub struct Document {
    pub file: String,
    pub title: String,
    /// The index of the resource pages.
    pub index: bool,
    /// Where the page as a whole disagrees with the spec's reading of it.
    pub contradictions: Vec<Contradiction>,
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
    /// Entra ID's authority for the cloud's tokens; `None`: no document states it.
    pub authority: Option<CloudFact>,
    /// The resource a Partner Center token is requested for; `None`: no
    /// document states it.
    pub token_resource: Option<CloudFact>,
}

/// A URL a document states for a cloud, and which document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CloudFact {
    pub at: Location,
    pub url: String,
    pub doc: String,
}

/// A resolved type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Type {
    Scalar(ValueType),
    /// A model, by name.
    Model(String),
    Array(Box<Type>),
    /// An object of any keys whose values are of this type (`map<T>`).
    Map(Box<Type>),
    /// Any JSON value (`json`): what the documents leave free.
    Json,
    /// A file (`binary`), not JSON: a response body read as it arrives.
    Binary,
    /// The collection envelope of this name around these items.
    Collection(String, Box<Type>),
    /// The collection's item type parameter.
    Item,
}

/// A self-contradiction of a page that the spec knows of.
#[derive(Debug, Clone)]
pub struct Contradiction {
    pub at: Location,
    /// The page that contradicts itself (the item's own, or another that
    /// documents the same call).
    pub page: String,
    pub element: String,
    /// What the page says there, as the documents check reports it; `None`
    /// where it reports no value.
    pub document_value: Option<String>,
    pub note: String,
}
