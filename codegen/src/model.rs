//! The checked model: what `validate` produces and `emit` consumes. Every name
//! here is resolved and every Rust identifier chosen, so emitting cannot fail.

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

#[derive(Debug, Clone)]
pub struct Model {
    pub at: Location,
    /// The Rust type, e.g. `Customer`.
    pub name: String,
    /// The area it belongs to: its spec file's [`Area::ident`].
    pub area: String,
    pub doc: String,
    pub origin: Origin,
    /// The heading of its table.
    pub heading: String,
    pub description: String,
    pub kind: ModelKind,
    /// The model whose properties this one's start with.
    pub extends: Option<String>,
    /// The resource's rate limit, where its page states one.
    pub rate_limit: Option<RateLimit>,
    pub contradictions: Vec<Contradiction>,
}

#[derive(Debug, Clone)]
pub enum ModelKind {
    Object(Vec<Property>),
    /// An open enum: these values and any other kept as text.
    Enum(Vec<EnumValue>),
    /// One of several models, and any other kind kept as JSON.
    Union(Union),
}

/// A model that is one of several: the properties they share (its table),
/// what chooses the variant, and the variants.
#[derive(Debug, Clone)]
pub struct Union {
    pub base: Vec<Property>,
    pub by: ChosenBy,
    pub variants: Vec<Variant>,
}

/// What chooses the variant of a union.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChosenBy {
    /// The value of this property of the body (its JSON name).
    Field(String),
    /// The values of these request parameters.
    Request(Vec<String>),
}

/// A variant of a union: its model, and what chooses it.
#[derive(Debug, Clone)]
pub struct Variant {
    pub at: Location,
    /// The variant's object model; also the Rust variant's name.
    pub model: String,
    /// The discriminator's value, for a union chosen by a field.
    pub value: Option<String>,
    /// The parameters' values, for a union chosen by the request.
    pub when: Vec<(String, String)>,
}

#[derive(Debug, Clone)]
pub struct Property {
    pub at: Location,
    /// JSON name.
    pub name: String,
    pub documented_as: Option<String>,
    pub rust_ident: String,
    pub ty: Type,
    pub optional: bool,
    pub origin: Origin,
    pub description: String,
    /// Taken from the model this one extends: its table is that model's.
    pub inherited: bool,
}

impl Property {
    /// The name the page's table gives.
    pub fn documented_name(&self) -> &str {
        self.documented_as.as_deref().unwrap_or(&self.name)
    }
}

#[derive(Debug, Clone)]
pub struct EnumValue {
    pub at: Location,
    pub value: String,
    pub variant: String,
    pub description: String,
}

/// The envelope of paged listings.
#[derive(Debug, Clone)]
pub struct Collection {
    pub at: Location,
    pub name: String,
    /// The area it belongs to: its spec file's [`Area::ident`].
    pub area: String,
    pub doc: String,
    pub origin: Origin,
    pub description: String,
    /// The item list's property.
    pub items: String,
    /// Where a page names the next, if it does.
    pub next: Option<Next>,
    pub relative_to: String,
    /// The property that counts the items in all.
    pub total: Option<String>,
    /// How the next page is asked for.
    pub continuation: Option<Continuation>,
    pub properties: Vec<Property>,
}

/// Where a page names the next page.
#[derive(Debug, Clone)]
pub enum Next {
    /// A link object at this path: its uri, method and headers.
    Link(Vec<PathStep>, Box<LinkShape>),
    /// A URI, as text, at this path.
    Uri(Vec<PathStep>),
}

/// The next page's request: the page's URI with a query pair added, and a
/// header with the continuation token.
#[derive(Debug, Clone)]
pub struct Continuation {
    pub header: String,
    pub query_name: String,
    pub query_value: String,
}

/// How a link is read: the model and the fields of its parts.
#[derive(Debug, Clone)]
pub struct LinkShape {
    pub uri: PathStep,
    pub method: Option<PathStep>,
    pub headers: Option<PathStep>,
    /// The key and value fields of a header pair.
    pub key: PathStep,
    pub value: PathStep,
}
