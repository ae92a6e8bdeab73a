//! Reading the published documents: their markdown structure (headings,
//! tables, fenced code) and the HTTP messages of their examples.

mod http;
mod markdown;

pub use http::{HttpRequest, HttpResponse, parse_request, parse_response};
pub use markdown::{CodeBlock, Heading, Page, Paragraph, Row, Table};
