//! Shared pieces of the integration tests: where the documents are, and a
//! recording HTTP server on 127.0.0.1; [`fault`] has one that misbehaves,
//! [`limited`] one that allows each customer so many requests a window,
//! [`events`] records what the client tells `tracing`, and [`scratch`]
//! builds the crate another spec generates.
// Test scaffolding: it unwraps what the tests set up themselves, and its
// items are for the tests of this package only.
#![allow(clippy::unwrap_used, missing_docs)]

pub mod events;
pub mod fault;
pub mod limited;
pub mod replay;
pub mod scratch;
pub mod served;
pub mod wire;

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode};
use axum::response::Response;
use partner_center_codegen::docs::{CodeBlock, HttpRequest, HttpResponse, Page};

/// What a busy machine may add to a wait that a test measures: the upper
/// bound of each timing test is the wait plus this. Generous, since other
/// builds run beside the tests; what a test tells apart it tells by the
/// client's own account of its waits or by a lower bound, never by this.
pub const SLOWER: Duration = Duration::from_secs(3);

/// `spec/docs/en-us/<name>`, parsed.
pub fn en_us(name: &str) -> Page {
    let path = partner_center_codegen::workspace_root()
        .join("spec/docs/en-us")
        .join(name);
    Page::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// The crate documentation of the client (the `//!` lines of
/// `generated/src/lib.rs`), read as the markdown it is.
pub fn crate_docs() -> Page {
    let source = std::fs::read_to_string(root().join("generated/src/lib.rs")).unwrap();
    let text: Vec<&str> = source
        .lines()
        .filter_map(|l| l.strip_prefix("//!"))
        .map(|l| l.strip_prefix(' ').unwrap_or(l))
        .collect();
    Page::parse(&text.join("\n"))
}

/// The example requests of a page (fenced `http` blocks that start with a method).
pub fn example_requests(page: &Page) -> Vec<(&CodeBlock, HttpRequest)> {
    http_blocks(page)
        .filter(|b| !b.text.trim_start().starts_with("HTTP/"))
        .map(|b| {
            let parsed = partner_center_codegen::docs::parse_request(&b.text)
                .unwrap_or_else(|e| panic!("example request at line {}: {e}", b.line));
            (b, parsed)
        })
        .collect()
}

/// The example responses of a page (fenced `http` blocks that start with `HTTP/`).
pub fn example_responses(page: &Page) -> Vec<(&CodeBlock, HttpResponse)> {
    http_blocks(page)
        .filter(|b| b.text.trim_start().starts_with("HTTP/"))
        .map(|b| {
            let parsed = partner_center_codegen::docs::parse_response(&b.text)
                .unwrap_or_else(|e| panic!("example response at line {}: {e}", b.line));
            (b, parsed)
        })
        .collect()
}

fn http_blocks(page: &Page) -> impl Iterator<Item = &CodeBlock> {
    page.code_blocks.iter().filter(|b| b.info == "http")
}

/// Customer `n` of a made-up listing: its id is the GUID of the number `n`,
/// its domain `customer<n>.example`, a reseller's customer.
pub fn numbered_customer(n: usize) -> partner_center::Customer {
    let id = partner_center::Uuid::from_u128(n as u128);
    let profile = partner_center::CustomerCompanyProfile::new(id, format!("customer{n}.example"));
    partner_center::Customer::new(id, profile, partner_center::RelationshipToPartner::Reseller)
}

/// A request the server received.
#[derive(Debug, Clone)]
pub struct Received {
    pub method: String,
    pub path: String,
    pub query: Option<String>,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Received {
    /// The value of a header, as text.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// The query, decoded into pairs.
    pub fn query_pairs(&self) -> Vec<(String, String)> {
        url::form_urlencoded::parse(self.query.as_deref().unwrap_or("").as_bytes())
            .into_owned()
            .collect()
    }
}

/// What the server answers to every request.
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Reply {
    /// The reply an example response documents, as a server sends it
    /// (`HttpResponse::served_headers` and `served_body`).
    pub fn from_example(example: &HttpResponse) -> Reply {
        Reply {
            status: example.status,
            headers: example.served_headers().cloned().collect(),
            body: example.served_body(),
        }
    }

    /// A JSON reply with no other headers.
    pub fn json(status: u16, body: &str) -> Reply {
        Reply {
            status,
            headers: vec![("Content-Type".into(), "application/json".into())],
            body: body.into(),
        }
    }
}

#[derive(Default)]
struct Shared {
    received: Mutex<Vec<Received>>,
    /// Answered in order; the last one to every request after it.
    replies: Mutex<Vec<Reply>>,
}

/// An HTTP server on 127.0.0.1 that records each request and answers with
/// canned replies, in order (the last one repeats). It stops when dropped.
pub struct TestServer {
    pub base_url: String,
    shared: Arc<Shared>,
    task: tokio::task::JoinHandle<()>,
}

impl TestServer {
    pub async fn start(reply: Reply) -> TestServer {
        TestServer::start_with(vec![reply]).await
    }

    /// A server that answers `replies` in order, the last one to every
    /// request after it.
    pub async fn start_with(replies: Vec<Reply>) -> TestServer {
        assert!(!replies.is_empty(), "a server needs a reply");
        let shared = Arc::new(Shared::default());
        *shared.replies.lock().unwrap() = replies;
        let app = axum::Router::new()
            .fallback(answer)
            .with_state(shared.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind 127.0.0.1:0");
        let addr = listener.local_addr().expect("local address");
        let task = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        TestServer {
            base_url: format!("http://{addr}"),
            shared,
            task,
        }
    }

    /// Answers `replies` from now on, in order (counted from the first
    /// request), the last one to every request after it.
    pub fn replace_replies(&self, replies: Vec<Reply>) {
        assert!(!replies.is_empty(), "a server needs a reply");
        *self.shared.replies.lock().unwrap() = replies;
    }

    /// Every request received so far.
    pub fn received(&self) -> Vec<Received> {
        self.shared.received.lock().unwrap().clone()
    }

    /// A client of this server with the token `<token>`, as in the examples.
    pub fn client(&self) -> partner_center::ClientBuilder {
        partner_center::Client::builder(partner_center::Cloud::Global)
            .base_url(&self.base_url)
            .allow_http_on_loopback()
            .token("<token>")
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn answer(State(shared): State<Arc<Shared>>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let body = axum::body::to_bytes(body, 16 << 20)
        .await
        .map(|b| b.to_vec())
        .unwrap_or_default();
    let reply = {
        let mut received = shared.received.lock().unwrap();
        received.push(Received {
            method: parts.method.to_string(),
            path: parts.uri.path().to_string(),
            query: parts.uri.query().map(str::to_string),
            headers: parts.headers.clone(),
            body,
        });
        let replies = shared.replies.lock().unwrap();
        replies[(received.len() - 1).min(replies.len() - 1)].clone()
    };
    let mut response = Response::new(Body::from(reply.body));
    *response.status_mut() = StatusCode::from_u16(reply.status).expect("a valid status");
    for (name, value) in reply.headers {
        response.headers_mut().append(
            HeaderName::try_from(name.as_str()).expect("a valid header name"),
            HeaderValue::try_from(value.as_str()).expect("a valid header value"),
        );
    }
    response
}

/// Sends one HTTP/1.1 request as written (`target` is a path and query,
/// `headers` are sent as given) to `base_url` and reads the whole answer:
/// for requests the typed client would never send.
pub async fn raw_request(
    base_url: &str,
    method: &str,
    target: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> HttpResponse {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let address = base_url.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(address).await.unwrap();
    let mut head =
        format!("{method} {target} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n");
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str(&format!("Content-Length: {}\r\n\r\n{body}", body.len()));
    stream.write_all(head.as_bytes()).await.unwrap();
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).await.unwrap();
    let text = String::from_utf8(answer).unwrap();
    // The head as the documents' reader reads it; the body byte for byte.
    let (head, body) = text.split_once("\r\n\r\n").unwrap();
    let mut response = partner_center_codegen::docs::parse_response(head).unwrap();
    response.body = body.to_string();
    response
}

/// The workspace's root folder.
pub fn root() -> PathBuf {
    partner_center_codegen::workspace_root()
}

/// `cargo`, offline, in `dir`, building into `target/downstream`: its own
/// target folder (the workspace's is locked by the running `cargo test`),
/// shared by the tests that build a crate outside the workspace.
pub fn offline_cargo(dir: &std::path::Path) -> std::process::Command {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let mut command = std::process::Command::new(cargo);
    command
        .arg("--offline")
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", root().join("target/downstream"));
    command
}
