//! Reading the published documents: their markdown structure (headings,
//! tables, fenced code), the HTTP messages of their examples and the JSON
//! of those messages, and which operation of the spec each example shows.
//! Generation (the test server's answers) and the documents check (`drift`)
//! both read the documents through this layer; it knows the spec's checked
//! model, never the check.

mod http;
mod json;
mod markdown;
mod messages;
mod rate_limit;
mod sections;
mod types;

pub use http::{
    HTTP_HEADERS, HttpHeader, HttpRequest, HttpResponse, file_signature, http_header,
    is_request_line, is_status_line, parse_request, parse_response, percent_decode, query_pairs,
    split_messages,
};
pub use json::{Lenient, is_placeholder, parse_lenient};
pub use markdown::{CodeBlock, Heading, Page, Paragraph, Row, Table};
pub use messages::{
    Exchange, Message, exchanges, is_call_of, messages, path_fits, text_fits, uuid_like,
};
pub use rate_limit::{StatedLimit, rate_limits, sentence as rate_limit_sentence};
pub use sections::{
    SyntaxRow, applies_to, call_rows, credentials, example_blocks, example_calls, names_header,
    params_table, required_word, section, syntax_rows,
};
pub use types::{
    DocType, RULES as TYPE_RULES, Rule as TypeRule, Word as TypeWord, read as read_type, singular,
};
