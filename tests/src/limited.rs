//! A server on 127.0.0.1 that allows each customer at most `requests`
//! requests in any span of `per`, as Partner Center counts its limits "per
//! tenant identifier": a request past the limit is answered the documented
//! 429 with `Retry-After`, any other the customer of the example of
//! get-a-customer-by-id.md. It runs on a thread and runtime of its own.
//!
//! It counts each request at the moment the client let it through, which
//! the token of [`LimitedServer::client`] carries (its provider is asked
//! right then): a request reaches the server some time later, and on a
//! loaded machine that delay varies by more than a short window's margin
//! (a 64th of it). When each request arrived is kept too.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use axum::response::Response;

use crate::{Reply, en_us, example_responses};

/// The server. It stops when dropped.
pub struct LimitedServer {
    pub base_url: String,
    shared: Arc<Shared>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

struct Shared {
    requests: usize,
    per: Duration,
    /// The seconds a refused request is told to wait.
    retry_after: u64,
    customer: Reply,
    /// What the tokens' moments count from.
    epoch: Instant,
    seen: Mutex<Seen>,
}

/// When each customer's requests were let through, and when they arrived.
#[derive(Default)]
struct Seen {
    sent: HashMap<String, Vec<Instant>>,
    arrived: HashMap<String, Vec<Instant>>,
    /// The requests let through, by customer (those of the last few spans).
    allowed: HashMap<String, Vec<Instant>>,
    /// When each customer's refused requests arrived.
    refused: HashMap<String, Vec<Instant>>,
}

impl LimitedServer {
    /// A server that lets each customer send `requests` in any span of
    /// `per`, and tells one past it to wait `retry_after` seconds.
    pub fn start(requests: usize, per: Duration, retry_after: u64) -> LimitedServer {
        let page = en_us("get-a-customer-by-id.md");
        let (_, example) = example_responses(&page)
            .into_iter()
            .find(|(_, r)| r.status == 200)
            .expect("the page shows a customer");
        let shared = Arc::new(Shared {
            requests,
            per,
            retry_after,
            customer: Reply::from_example(&example),
            epoch: Instant::now(),
            seen: Mutex::new(Seen::default()),
        });
        let app = axum::Router::new()
            .fallback(answer)
            .with_state(shared.clone());
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = stop.clone();
        let (tx, rx) = std::sync::mpsc::channel();
        let thread = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
                tx.send(listener.local_addr().unwrap()).unwrap();
                tokio::select! {
                    _ = axum::serve(listener, app) => {}
                    _ = async {
                        while !stopped.load(Ordering::Relaxed) {
                            tokio::time::sleep(Duration::from_millis(10)).await;
                        }
                    } => {}
                }
            });
        });
        let addr = rx.recv().expect("the server's address");
        LimitedServer {
            base_url: format!("http://{addr}"),
            shared,
            stop,
            thread: Some(thread),
        }
    }

    /// A client of this server, without a rate limit of its own, whose
    /// token says when each attempt was let through.
    pub fn client(&self) -> partner_center::ClientBuilder {
        let epoch = self.shared.epoch;
        partner_center::Client::builder(partner_center::Cloud::Global)
            .base_url(&self.base_url)
            .allow_http_on_loopback()
            .token_provider(move || {
                let token = format!("sent-at-{}", epoch.elapsed().as_nanos());
                async move { Ok(token) }
            })
    }

    /// When each customer's requests were let through by the client, in
    /// the order they arrived.
    pub fn sent(&self) -> HashMap<String, Vec<Instant>> {
        self.shared.seen.lock().unwrap().sent.clone()
    }

    /// When each customer's requests arrived, in order.
    pub fn arrived(&self) -> HashMap<String, Vec<Instant>> {
        self.shared.seen.lock().unwrap().arrived.clone()
    }

    /// When each customer's requests answered 429 arrived.
    pub fn refused(&self) -> HashMap<String, Vec<Instant>> {
        self.shared.seen.lock().unwrap().refused.clone()
    }

    /// How many requests were answered 429.
    pub fn refusals(&self) -> usize {
        self.shared
            .seen
            .lock()
            .unwrap()
            .refused
            .values()
            .map(Vec::len)
            .sum()
    }
}

/// The most of `times` within any span of `span`.
pub fn most_within(times: &[Instant], span: Duration) -> usize {
    let mut sorted = times.to_vec();
    sorted.sort();
    let mut most = 0;
    let mut first = 0;
    for (last, at) in sorted.iter().enumerate() {
        while *at - sorted[first] >= span {
            first += 1;
        }
        most = most.max(last - first + 1);
    }
    most
}

impl Drop for LimitedServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// The customer of a path `/v1/customers/{id}/...`, if it has one.
fn customer_of(path: &str) -> Option<String> {
    let mut segments = path.split('/');
    segments.find(|s| s.eq_ignore_ascii_case("customers"))?;
    segments
        .next()
        .filter(|id| !id.is_empty())
        .map(str::to_ascii_lowercase)
}

/// When the client let the request through, as its token says.
fn sent_at(shared: &Shared, request: &Request) -> Option<Instant> {
    let token = request
        .headers()
        .get(header::AUTHORIZATION)?
        .to_str()
        .ok()?;
    let nanos = token.strip_prefix("Bearer sent-at-")?.parse::<u64>().ok()?;
    Some(shared.epoch + Duration::from_nanos(nanos))
}

async fn answer(State(shared): State<Arc<Shared>>, request: Request) -> Response {
    let arrived = Instant::now();
    let sent = sent_at(&shared, &request).unwrap_or(arrived);
    let customer = customer_of(request.uri().path()).unwrap_or_default();
    let allowed = {
        let mut seen = shared.seen.lock().unwrap();
        seen.sent.entry(customer.clone()).or_default().push(sent);
        seen.arrived
            .entry(customer.clone())
            .or_default()
            .push(arrived);
        // Requests may arrive in another order than they were sent: the
        // spans around this one, before and after it, are counted.
        let per = shared.per;
        let allowed = seen.allowed.entry(customer.clone()).or_default();
        allowed.retain(|at| sent.saturating_duration_since(*at) < 4 * per);
        let near: Vec<Instant> = allowed
            .iter()
            .copied()
            .filter(|at| at.max(&sent).duration_since(*at.min(&sent)) < per)
            .chain([sent])
            .collect();
        if most_within(&near, per) <= shared.requests {
            allowed.push(sent);
            true
        } else {
            seen.refused.entry(customer).or_default().push(arrived);
            false
        }
    };
    if !allowed {
        let body = r#"{"statusCode": 429, "message": "Rate limit is exceeded."}"#;
        return Response::builder()
            .status(StatusCode::TOO_MANY_REQUESTS)
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::RETRY_AFTER, shared.retry_after.to_string())
            .body(Body::from(body))
            .expect("a valid response");
    }
    let reply = &shared.customer;
    let mut response = Response::builder().status(reply.status);
    for (name, value) in &reply.headers {
        response = response.header(name.as_str(), value.as_str());
    }
    response
        .body(Body::from(reply.body.clone()))
        .expect("a valid response")
}
