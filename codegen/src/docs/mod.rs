//! Reading the published documents: their markdown structure (headings,
//! tables, fenced code), the HTTP messages of their examples, and the JSON
//! of those messages.

mod http;
mod json;
mod markdown;

pub use http::{
    HttpRequest, HttpResponse, is_request_line, is_status_line, parse_request, parse_response,
    percent_decode, split_messages,
};
pub use json::{Lenient, is_placeholder, parse_lenient};
pub use markdown::{CodeBlock, Heading, Page, Paragraph, Row, Table};
