//! A model (object, open enum or union) and its properties, and the
//! envelopes of paged listings with how their next page is asked for.

use super::*;

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
