//! A loopback server that allows each customer at most so many requests in
//! any span of time, as Partner Center counts its limits per tenant: one
//! past it is answered 429 with `Retry-After: 1`, any other a customer. It
//! runs on its own thread and core, like [`crate::server`], and counts each
//! request when it arrives.

use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;

/// A server started for the process; it stops with it.
pub struct Limited {
    /// `http://127.0.0.1:<port>`.
    pub base_url: String,
    refused: Arc<AtomicUsize>,
}

impl Limited {
    /// The requests answered 429 so far.
    pub fn refused(&self) -> usize {
        self.refused.load(Ordering::Relaxed)
    }
}

struct Shared {
    requests: usize,
    per: Duration,
    /// When the requests of the last span arrived, by customer.
    recent: Mutex<HashMap<String, VecDeque<Instant>>>,
    refused: Arc<AtomicUsize>,
}

/// Starts the server on 127.0.0.1, on a thread of its own: each customer
/// may send `requests` in any span of `per`.
pub fn start(requests: usize, per: Duration) -> Limited {
    let refused = Arc::new(AtomicUsize::new(0));
    let shared = Arc::new(Shared {
        requests,
        per,
        recent: Mutex::new(HashMap::new()),
        refused: refused.clone(),
    });
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        // The client's bench thread has the first core.
        crate::pin_to_cpu(1);
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            tx.send(listener.local_addr().unwrap()).unwrap();
            let app = axum::Router::new().fallback(answer).with_state(shared);
            axum::serve(listener, app).await.unwrap();
        });
    });
    let address = rx.recv().unwrap();
    Limited {
        base_url: format!("http://{address}"),
        refused,
    }
}

async fn answer(State(shared): State<Arc<Shared>>, request: Request) -> impl IntoResponse {
    let now = Instant::now();
    let customer = request
        .uri()
        .path()
        .split('/')
        .skip_while(|s| *s != "customers")
        .nth(1)
        .unwrap_or_default()
        .to_string();
    let allowed = {
        let mut recent = shared.recent.lock().unwrap();
        let times = recent.entry(customer.clone()).or_default();
        while times.front().is_some_and(|t| now - *t >= shared.per) {
            times.pop_front();
        }
        let allowed = times.len() < shared.requests;
        if allowed {
            times.push_back(now);
        }
        allowed
    };
    let json = (header::CONTENT_TYPE, "application/json");
    if !allowed {
        shared.refused.fetch_add(1, Ordering::Relaxed);
        let body = r#"{"statusCode": 429, "message": "Rate limit is exceeded."}"#.to_string();
        let headers = [json, (header::RETRY_AFTER, "1")];
        return (StatusCode::TOO_MANY_REQUESTS, headers, body).into_response();
    }
    let body = format!(
        r#"{{"id": "{customer}", "companyProfile": {{"tenantId": "{customer}", "domain": "contoso.onmicrosoft.com", "companyName": "Contoso", "attributes": {{"objectType": "CustomerCompanyProfile"}}}}, "relationshipToPartner": "reseller", "attributes": {{"objectType": "Customer"}}}}"#
    );
    (StatusCode::OK, [json], body).into_response()
}
