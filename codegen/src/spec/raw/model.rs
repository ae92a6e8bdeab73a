//! The resource models as written, and the envelope of paged listings.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;

use super::{Origin, RawContradiction};

/// A resource model: an object with `properties`, an open enum with
/// `values`, or one of several models (`variants`, with the `properties`
/// they share), chosen by a field of the body (`discriminator`) or by the
/// request (`chosen_by`).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawModel {
    /// The Rust type, e.g. `CustomerBillingProfile`.
    pub name: String,
    /// What a person must still decide here, and where the page says it:
    /// `what to decide (page.md:line)`. `cargo codegen import` writes it on
    /// what it cannot decide; the spec is refused while one is left.
    #[serde(default)]
    pub decide: Option<String>,
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
    /// The model this one extends ("inherits from"): its properties come
    /// first, and are compared with that model's table, not this one's.
    #[serde(default)]
    pub extends: Option<String>,
    /// The property of the body whose value names the variant.
    #[serde(default)]
    pub discriminator: Option<String>,
    /// The request parameters whose values choose the variant: the
    /// operations that answer this model have them.
    #[serde(default)]
    pub chosen_by: Vec<String>,
    /// The models this one is one of; any other kind is kept as JSON.
    #[serde(default)]
    pub variants: Vec<RawVariant>,
    /// The calls the service accepts on this resource, as its page states
    /// them ("a rate limit of 500 requests per minute per tenant identifier").
    #[serde(default)]
    pub rate_limit: Option<RateLimit>,
    #[serde(default)]
    pub contradictions: Vec<RawContradiction>,
}

/// A resource's rate limit: `requests` per `per` for each `scope`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RateLimit {
    /// How many requests, e.g. `500`.
    pub requests: u32,
    /// The span of time they are counted over.
    pub per: Span,
    /// What they are counted for, as the page words it: `tenant identifier`.
    pub scope: String,
}

/// A span of time a rate limit counts requests over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Span {
    Second,
    Minute,
    Hour,
    Day,
}

impl Span {
    /// The word the documents use for it: `minute`.
    pub fn word(self) -> &'static str {
        match self {
            Span::Second => "second",
            Span::Minute => "minute",
            Span::Hour => "hour",
            Span::Day => "day",
        }
    }

    /// How many seconds it lasts.
    pub fn seconds(self) -> u64 {
        match self {
            Span::Second => 1,
            Span::Minute => 60,
            Span::Hour => 60 * 60,
            Span::Day => 24 * 60 * 60,
        }
    }
}

/// A property of a model (or of a body).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawProperty {
    /// The JSON name.
    pub name: String,
    /// What a person must still decide here, and where the page says it:
    /// `what to decide (page.md:line)`. `cargo codegen import` writes it on
    /// what it cannot decide; the spec is refused while one is left.
    #[serde(default)]
    pub decide: Option<String>,
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

/// A variant of a model that is one of several.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawVariant {
    /// The variant's object model, which `extends` the one it is a variant of.
    pub model: String,
    /// The discriminator's value that names it (with `discriminator`).
    #[serde(default)]
    pub value: Option<String>,
    /// The request's values that choose it, by parameter name (with `chosen_by`).
    #[serde(default)]
    pub when: BTreeMap<String, String>,
}

/// A documented value of an open enum.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawValue {
    pub value: String,
    pub description: String,
}

/// The envelope of a paged listing, e.g. `{totalCount, items, links,
/// attributes}`, and how a page names the next: a link object
/// (`next_link`), a URI (`next_uri`), or neither (one page).
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
    #[serde(default)]
    pub next_link: Option<String>,
    /// The property path of the next page's URI, a string, e.g. `@nextLink`.
    #[serde(default)]
    pub next_uri: Option<String>,
    /// Relative link URIs are relative to the base URL and this prefix
    /// (`/v1`), unless they already start with it.
    pub relative_to: String,
    /// The integer property that counts the listing's items in all, e.g.
    /// `totalCount`.
    #[serde(default)]
    pub total: Option<String>,
    /// How the next page is asked for, where the documents show it (with a
    /// `next_link` only: its headers carry the token).
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
