//! A local Partner Center for tests (feature `test-server`): an HTTP server
//! on 127.0.0.1, generated from the spec like the client, that answers every
//! operation as its page documents it.
//!
//! - **By default** each operation answers its page's success example
//!   (status, headers, body), with the caller's `MS-RequestId` and
//!   `MS-CorrelationId` echoed: a client pointed at the server works out of
//!   the box. Where a page shows no example, the body is the smallest one
//!   the model allows.
//! - **The rules of the documents are enforced**: a request without a
//!   Bearer token gets 401 (another scheme, such as `Basic`, or an empty
//!   token is no token; the scheme's case does not matter), a path no
//!   operation has 404, and a request that breaks a rule of its page (a
//!   required query parameter left out, both or neither of an
//!   exactly-one-of pair, a GUID or number that is not one, a required
//!   `If-Match` missing, a body that is not JSON) gets the failure the page
//!   documents for it, or else the catalogue's "Invalid request input"
//!   (400) with what is wrong in its `data`. Text must be UTF-8: a body,
//!   a path parameter or a query pair that is not, once percent-decoded,
//!   is such a broken rule (a malformed parameter, a body that is not
//!   JSON), never read with the bytes replaced; a path whose literal
//!   segment is not is no operation's (404).
//! - **Scripting** ([`Script`]): per operation (`server.get_customer()`,
//!   named like the client's method) or for all ([`TestServer::all`]), a
//!   documented failure by its variant, the catalogue's 404 for any
//!   operation, any status, headers and body, a throttled 429 with
//!   `Retry-After`, a delay or a dropped connection, your own value (or
//!   outcome) for the success, or a listing of your items across pages.
//!   One rule for them all: an answer is given once, unless it says
//!   [`.times(n)`](Scripted::times) or [`.always()`](Scripted::always).
//! - **A token endpoint** ([`TokenEndpoint`]): Entra ID's
//!   `/{tenant}/oauth2/token`, issuing, rotating, expiring and refusing
//!   tokens as scripted, for the `entra` token providers (`.authority(..)`
//!   set to the server's base URL); the API can be told to take only the
//!   tokens it issued.
//! - **A log** of every request ([`TestServer::requests`]): method, path,
//!   query, headers and body; the token is recorded as present or absent,
//!   never as text.
//! - **A replay** of any operation by its id (`client.replay(id, &inputs)`):
//!   [`Inputs`] by name as a recorded request gives them, read as the types
//!   of the operation's method, and what came back as JSON ([`Replayed`]).
//! - **Limits**, far above what a client of the API needs, so that a slow
//!   or hostile client cannot hold the server's memory or connections: a
//!   request head must arrive within 10 seconds of the connection being
//!   ready for it (a connection kept alive and idle as long is closed); a
//!   body within 10 seconds more (else 408), and of at most 1 MiB (else
//!   413, answered without reading it; the documented bodies are a few
//!   KiB). At most 64 connections are served at once: one more waits,
//!   unread, until one closes, and meanwhile every connection kept alive
//!   closes after its current answer to make room.
//!
//! ```
//! use partner_center::{AgreementStatusError, Program, Reseller, TestServer};
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! # tokio::runtime::Builder::new_current_thread().enable_all().build()?.block_on(async {
//! let server = TestServer::start().await?;
//! let client = server.client().build()?;
//!
//! // The page's example, out of the box.
//! let status = client.agreement_status(Program::Csp, Reseller::MpnId(1_234_567)).await?;
//! assert!(status.is_agreement_signed);
//!
//! // A documented failure, by its variant: once, then the example again.
//! server.agreement_status().fail(AgreementStatusError::MpaNotSigned);
//! let failed = client.agreement_status(Program::Csp, Reseller::MpnId(1_234_567)).await;
//! assert!(matches!(failed, Err(AgreementStatusError::MpaNotSigned(_))));
//!
//! // The same failure for every call, until `server.reset()`.
//! server.agreement_status().fail(AgreementStatusError::MpaNotSigned).always();
//! for _ in 0..2 {
//!     let failed = client.agreement_status(Program::Csp, Reseller::MpnId(1_234_567)).await;
//!     assert!(matches!(failed, Err(AgreementStatusError::MpaNotSigned(_))));
//! }
//!
//! // What the client sent.
//! let sent = server.requests();
//! assert_eq!(sent[1].query_value("mpnId"), Some("1234567"));
//! assert!(sent.iter().all(|r| r.has_token));
//! # Ok(())
//! # })
//! # }
//! ```
//!
//! The server runs on the Tokio runtime that starts it, and stops when the
//! [`TestServer`] is dropped. The `partner-center-test-server` program runs
//! one on a port of your choice, for trying things by hand or for clients
//! in other languages.

mod answers;
mod auth;
mod body;
mod connection;
mod judge;
mod limits;
mod page;
mod replay;
mod route;
mod script;
mod serve;
mod target;
mod tokens;

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use serde::de::DeserializeOwned;
use tokio::net::TcpListener;

pub use replay::{InputError, Inputs, Replayed};
pub(crate) use replay::{Replaying, done, json, name, replay_in};
// A spec without a file to download leaves it unused.
pub use answers::{Scripted, Scripting};
#[allow(unused_imports)]
pub(crate) use replay::downloaded;
pub(crate) use route::*;
use script::Scripts;
pub use script::{AllOperations, Answer, Script};
use tokens::Tokens;
pub use tokens::{TokenEndpoint, TokenExchange, TokenRefusal};

use crate::builder::ClientBuilder;

/// The token [`TestServer::client`] sends.
const TOKEN: &str = "test-server-token";

/// A local Partner Center on 127.0.0.1: see the [module](self).
///
/// Start one with `TestServer::start()` (a free port) or
/// `TestServer::start_on(port)`; each operation's answers are scripted
/// through the method named like the client's, e.g. `server.list_customers()`.
pub struct TestServer {
    shared: Arc<Shared>,
    address: SocketAddr,
    task: tokio::task::JoinHandle<()>,
}

/// What the server and its handle share.
pub(crate) struct Shared {
    pub(crate) routes: &'static Routes,
    requests: Mutex<Vec<Received>>,
    scripts: Mutex<Scripts>,
    tokens: Mutex<Tokens>,
}

impl Shared {
    pub(crate) fn log(&self, request: Received) {
        lock(&self.requests).push(request);
    }

    pub(crate) fn scripts(&self) -> MutexGuard<'_, Scripts> {
        lock(&self.scripts)
    }

    pub(crate) fn tokens(&self) -> MutexGuard<'_, Tokens> {
        lock(&self.tokens)
    }
}

/// A lock that a panic elsewhere does not spoil: every change under it is
/// one push or one insert.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

impl TestServer {
    /// A server of `routes` on 127.0.0.1:`port` (0 for a free one).
    pub(crate) async fn serve(routes: &'static Routes, port: u16) -> std::io::Result<TestServer> {
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, port)).await?;
        let address = listener.local_addr()?;
        let shared = Arc::new(Shared {
            routes,
            requests: Mutex::new(Vec::new()),
            scripts: Mutex::new(Scripts::default()),
            tokens: Mutex::new(Tokens::default()),
        });
        let task = tokio::spawn(connection::accept(listener, shared.clone()));
        Ok(TestServer {
            shared,
            address,
            task,
        })
    }

    /// The address the server listens on (always 127.0.0.1).
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// The base URL of the server, e.g. `http://127.0.0.1:49152`.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.address)
    }

    /// A client builder for this server: its base URL, plain http allowed
    /// on loopback, and a token. Everything else is the default and can
    /// still be set (retries, timeouts, ...).
    pub fn client(&self) -> ClientBuilder {
        ClientBuilder::new(&self.base_url(), self.shared.routes.protocol)
            .allow_http_on_loopback()
            .token(TOKEN)
    }

    /// Every request received so far, in order.
    pub fn requests(&self) -> Vec<Received> {
        lock(&self.shared.requests).clone()
    }

    /// Every request received so far, in order, and forgotten: the next
    /// call gives those received after this one.
    pub fn take_requests(&self) -> Vec<Received> {
        std::mem::take(&mut *lock(&self.shared.requests))
    }

    /// Scripts the answers of every operation.
    pub fn all(&self) -> Script<'_, AllOperations, AllOperations> {
        Script::all(self)
    }

    /// Forgets every script and every request received, and everything its
    /// token endpoint issued and was told: the server answers as
    /// documented again.
    pub fn reset(&self) {
        *self.shared.scripts() = Scripts::default();
        *self.shared.tokens() = Tokens::default();
        lock(&self.shared.requests).clear();
    }

    pub(crate) fn routes(&self) -> &'static Routes {
        self.shared.routes
    }

    pub(crate) fn scripts(&self) -> MutexGuard<'_, Scripts> {
        self.shared.scripts()
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl std::fmt::Debug for TestServer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TestServer")
            .field("address", &self.address)
            .field("requests", &lock(&self.shared.requests).len())
            .finish_non_exhaustive()
    }
}

/// A request the [`TestServer`] received.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Received {
    /// The operation it was for, by the client's method name (e.g.
    /// `"get_customer"`); `None` for a path no operation has.
    pub operation: Option<&'static str>,
    /// The HTTP method.
    pub method: String,
    /// The path as sent (percent-encoded).
    pub path: String,
    /// The query's name and value pairs, decoded, in order (bytes that are
    /// not UTF-8 once decoded show as U+FFFD here; the server answers such a
    /// request as invalid).
    pub query: Vec<(String, String)>,
    /// Every header but `Authorization`: names in lower case, in order.
    pub headers: Vec<(String, String)>,
    /// Whether the request carried a Bearer token (any other scheme is no
    /// token); the token itself is not kept.
    pub has_token: bool,
    /// The body, as sent; empty when it was not read: over 1 MiB (answered
    /// 413) or not in full within 10 seconds (answered 408).
    pub body: Vec<u8>,
}

impl Received {
    pub(crate) fn new(
        operation: Option<&'static str>,
        parts: &http::request::Parts,
        query: Vec<(String, String)>,
        body: &[u8],
        routes: &Routes,
    ) -> Received {
        let authorization = routes.protocol.authorization.unwrap_or("authorization");
        let token = parts
            .headers
            .get(authorization)
            .and_then(|v| v.to_str().ok());
        Received {
            operation,
            method: parts.method.to_string(),
            path: parts.uri.path().to_string(),
            query,
            headers: parts
                .headers
                .iter()
                .filter(|(name, _)| !name.as_str().eq_ignore_ascii_case(authorization))
                .map(|(name, value)| {
                    let value = String::from_utf8_lossy(value.as_bytes()).into_owned();
                    (name.to_string(), value)
                })
                .collect(),
            has_token: auth::is_bearer(token),
            body: body.to_vec(),
        }
    }

    /// The first value of a header, its name compared without case.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The first value of a query parameter, its name compared without case.
    pub fn query_value(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The body read as JSON into `T` (a model the client sends); `None`
    /// when there is none or it does not read as `T`.
    pub fn body_as<T: DeserializeOwned>(&self) -> Option<T> {
        serde_json::from_slice(&self.body).ok()
    }
}
