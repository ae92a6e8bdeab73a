//! Shared pieces of the integration tests: where the documents are, and a
//! recording HTTP server on 127.0.0.1; [`fault`] has one that misbehaves.

pub mod fault;

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode};
use axum::response::Response;
use partner_center_codegen::docs::{CodeBlock, HttpRequest, HttpResponse, Page};

/// `spec/docs/en-us/<name>`, parsed.
pub fn en_us(name: &str) -> Page {
    let path = partner_center_codegen::workspace_root()
        .join("spec/docs/en-us")
        .join(name);
    Page::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// The page of the AgreementStatus endpoint.
pub fn agreement_status_page() -> Page {
    en_us("verify-indirect-reseller-mpa-status.md")
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

/// A request the server received.
#[derive(Debug, Clone)]
pub struct Received {
    pub method: String,
    pub path: String,
    pub query: Option<String>,
    pub headers: HeaderMap,
}

/// What the server answers to every request.
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Reply {
    /// The reply an example response documents. Its `Content-Length` is not
    /// kept (the documents' values are wrong) nor `Connection`: the server
    /// frames the body itself.
    pub fn from_example(example: &HttpResponse) -> Reply {
        let skip = ["content-length", "connection", "transfer-encoding"];
        Reply {
            status: example.status,
            headers: example
                .headers
                .iter()
                .filter(|(n, _)| !skip.contains(&n.to_ascii_lowercase().as_str()))
                .cloned()
                .collect(),
            body: example.body.clone(),
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
    reply: Mutex<Option<Reply>>,
}

/// An HTTP server on 127.0.0.1 that records each request and answers with
/// one canned reply. It stops when dropped.
pub struct TestServer {
    pub base_url: String,
    shared: Arc<Shared>,
    task: tokio::task::JoinHandle<()>,
}

impl TestServer {
    pub async fn start(reply: Reply) -> TestServer {
        let shared = Arc::new(Shared::default());
        *shared.reply.lock().unwrap() = Some(reply);
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
    let uri = request.uri();
    shared.received.lock().unwrap().push(Received {
        method: request.method().to_string(),
        path: uri.path().to_string(),
        query: uri.query().map(str::to_string),
        headers: request.headers().clone(),
    });
    let reply = shared
        .reply
        .lock()
        .unwrap()
        .clone()
        .expect("a reply is set");
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

/// The workspace's root folder.
pub fn root() -> PathBuf {
    partner_center_codegen::workspace_root()
}
