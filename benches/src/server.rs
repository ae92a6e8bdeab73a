//! A loopback server that answers like Partner Center, on its own thread and
//! runtime, so that the client under measure has the bench thread to itself:
//! a small JSON object (AgreementStatus), a listing of three pages of ten
//! customers (each page linking to the next with a continuation token), and
//! a created user (POST).

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::{get, post};

/// The number of pages of the listing.
pub const PAGES: usize = 3;
/// The customers on each page.
pub const PER_PAGE: usize = 10;

/// The continuation header of the listing's next links.
const TOKEN: &str = "MS-ContinuationToken";

/// A server started for the process; it stops with it.
pub struct Server {
    /// `http://127.0.0.1:<port>`.
    pub base_url: String,
}

/// Starts the server on 127.0.0.1 on a thread of its own.
pub fn start() -> Server {
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
            let pages: Vec<Bytes> = (0..PAGES).map(|p| Bytes::from(page(p))).collect();
            let app = axum::Router::new()
                .route("/v1/compliance/{program}/agreementstatus", get(status))
                .route("/v1/customers", get(listing))
                .route("/v1/customers/{customer}/users", post(created))
                .with_state(pages);
            axum::serve(listener, app).await.unwrap();
        });
    });
    let address = rx.recv().unwrap();
    Server {
        base_url: format!("http://{address}"),
    }
}

fn json(status: StatusCode, body: impl Into<Bytes>) -> impl IntoResponse {
    (
        status,
        [(header::CONTENT_TYPE, "application/json")],
        body.into(),
    )
}

async fn status() -> impl IntoResponse {
    json(StatusCode::OK, r#"{"isAgreementSigned": true}"#)
}

async fn listing(State(pages): State<Vec<Bytes>>, headers: HeaderMap) -> impl IntoResponse {
    let page = headers
        .get(TOKEN)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or(0)
        .min(PAGES - 1);
    json(StatusCode::OK, pages[page].clone())
}

async fn created(Path(customer): Path<String>, _body: Bytes) -> impl IntoResponse {
    json(
        StatusCode::CREATED,
        format!(
            r#"{{"id": "4b10bf41-ab11-40e3-8c53-cd67849b50de", "userPrincipalName": "ada@{customer}.example", "firstName": "Ada", "lastName": "Lovelace", "displayName": "Ada Lovelace", "usageLocation": "GB", "state": "active", "attributes": {{"objectType": "CustomerUser"}}}}"#
        ),
    )
}

/// Page `n` of the listing, linking to the next but on the last.
fn page(n: usize) -> String {
    let items: Vec<String> = (0..PER_PAGE)
        .map(|i| {
            let id = format!("00000000-0000-0000-0000-{:012}", n * PER_PAGE + i);
            format!(
                r#"{{"id": "{id}", "companyProfile": {{"tenantId": "{id}", "domain": "customer{i}.onmicrosoft.com", "companyName": "Customer {i}", "attributes": {{"objectType": "CustomerCompanyProfile"}}}}, "relationshipToPartner": "reseller", "links": {{"self": {{"uri": "/customers/{id}", "method": "GET", "headers": []}}}}, "attributes": {{"objectType": "Customer"}}}}"#
            )
        })
        .collect();
    let next = if n + 1 < PAGES {
        format!(
            r#", "next": {{"uri": "/customers?size={PER_PAGE}&seekOperation=Next", "method": "GET", "headers": [{{"key": "{TOKEN}", "value": "{}"}}]}}"#,
            n + 1
        )
    } else {
        String::new()
    };
    format!(
        r#"{{"totalCount": {}, "items": [{}], "links": {{"self": {{"uri": "/customers?size={PER_PAGE}", "method": "GET", "headers": []}}{next}}}, "attributes": {{"objectType": "Collection"}}}}"#,
        PAGES * PER_PAGE,
        items.join(", ")
    )
}
