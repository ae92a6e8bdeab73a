//! The shapes of the documentation tables the generated modules fill in.

/// A header as the documents describe it: a row of the generated `HEADERS` table.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct HeaderInfo {
    /// The name as the documents spell it, e.g. `MS-RequestId`.
    pub name: &'static str,
    /// The table cell, byte for byte (most have a trailing colon).
    pub documented_as: &'static str,
    /// Sent by the client or returned by the service.
    pub direction: Direction,
    /// Where the documents state it.
    pub origin: Origin,
    /// The value type the documents give.
    pub value_type: ValueType,
    /// Whether the documents call it required.
    pub requirement: Requirement,
    /// What the documents ask of its value, if anything.
    pub semantics: Option<Semantics>,
    /// The default value the description gives, if any.
    pub default: Option<&'static str>,
    /// The description, as the table gives it.
    pub description: &'static str,
    /// The document the row comes from, e.g. `headers.md`.
    pub document: &'static str,
}

/// Whether the client sends a header or the service returns it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Direction {
    /// Sent by the client.
    Request,
    /// Returned by the service.
    Response,
}

/// Where the documents state a header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Origin {
    /// A row of the request or response headers table.
    Table,
    /// Never defined: only seen in the example messages.
    Example,
    /// Described in the prose of a page.
    Prose,
}

/// A value type as the documents name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ValueType {
    /// `string`
    String,
    /// `GUID`
    Guid,
    /// `int`
    Int,
    /// `bool`
    Bool,
    /// A decimal number (money).
    Decimal,
    /// A date and time.
    DateTime,
    /// A date without a time.
    Date,
    /// A URI.
    Uri,
}

/// Whether the documents call a header required.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Requirement {
    /// The description starts with "Required."
    Required,
    /// The description starts with "Optional."
    Optional,
    /// The description says neither.
    Unspecified,
}

/// What a header is for, as its description says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Semantics {
    /// New for each call and the same on every retry of it (`MS-RequestId`).
    IdempotencyKey,
    /// New for each call, for logs and traces (`MS-CorrelationId`).
    CorrelationId,
    /// The bearer token (`Authorization`).
    Authorization,
    /// The name of the calling application.
    Application,
    /// The language of the response.
    Locale,
    /// The service's correlation vector (`MS-CV`).
    CorrelationVector,
    /// The server that answered (`MS-ServerId`).
    ServerId,
}

/// An entry of the global error catalogue: a row of the error-codes table.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ErrorCodeInfo {
    /// The error code, as text.
    pub code: &'static str,
    /// The HTTP status the table gives it.
    pub status: u16,
    /// The status as the table names it, e.g. `BadRequest`.
    pub status_name: &'static str,
    /// Every description the table gives this code, in its order.
    pub descriptions: &'static [&'static str],
}

impl ErrorCodeInfo {
    /// An entry of the table: the generated catalogue is a list of these.
    // A spec without a catalogue has none.
    #[allow(dead_code)]
    pub(crate) const fn new(
        status: u16,
        status_name: &'static str,
        code: &'static str,
        descriptions: &'static [&'static str],
    ) -> ErrorCodeInfo {
        ErrorCodeInfo {
            code,
            status,
            status_name,
            descriptions,
        }
    }
}

/// A failure an operation's page documents: an example response, or a
/// status its text describes.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct DocumentedError {
    /// The spec's identifier, e.g. `tenant_id_not_guid`.
    pub id: &'static str,
    /// The heading of the example in the document (empty for a described status).
    pub example: &'static str,
    /// The HTTP status.
    pub status: u16,
    /// The error code, as text (the service sends a number); `None` when the
    /// failure is told apart by its status alone.
    pub code: Option<&'static str>,
    /// The service component that reports it, when the example shows one.
    pub source: Option<&'static str>,
    /// The description of the example, byte for byte, or what the page says.
    pub description: &'static str,
    /// The help links of the example.
    pub data: &'static [&'static str],
}
