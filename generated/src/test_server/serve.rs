//! The HTTP side of the test server: connections on 127.0.0.1, each
//! request read, logged, judged against its page and answered.

use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use http::{HeaderName, HeaderValue, Response, StatusCode};
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Incoming as Body;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;

use super::page;
use super::route::{Broken, Incoming, Reply, Route, Verdict, judge};
use super::script::{Queued, Replaced};
use super::{Received, Shared};

/// The largest request body the server reads; a larger one is not JSON to it.
const MAX_BODY: usize = 16 << 20;

/// A connection closed on purpose, without an answer.
#[derive(Debug)]
pub(crate) struct Dropped;

impl std::fmt::Display for Dropped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("connection dropped as scripted")
    }
}

impl std::error::Error for Dropped {}

/// Accepts connections until the task is aborted; connections end with it.
pub(crate) async fn accept(listener: TcpListener, shared: Arc<Shared>) {
    let mut connections = tokio::task::JoinSet::new();
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            // Out of file descriptors, for instance: try again shortly.
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(20)).await;
                continue;
            }
        };
        while connections.try_join_next().is_some() {}
        let shared = shared.clone();
        connections.spawn(async move {
            let service = service_fn(move |request| answer(shared.clone(), request));
            let _ = http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}

/// A response: status, headers and body.
struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Answer {
    fn of(reply: &Reply) -> Answer {
        Answer {
            status: reply.status,
            headers: reply
                .headers
                .iter()
                .map(|(n, v)| (n.to_string(), v.to_string()))
                .collect(),
            body: reply.body.to_string(),
        }
    }

    /// `reply` with `detail` added to its body's `data`, when it has one.
    fn with_detail(reply: &Reply, detail: String) -> Answer {
        let mut answer = Answer::of(reply);
        if let Ok(serde_json::Value::Object(mut body)) = serde_json::from_str(reply.body)
            && let Some(serde_json::Value::Array(data)) = body.get_mut("data")
        {
            data.push(detail.into());
            answer.body = serde_json::Value::Object(body).to_string();
        }
        answer
    }
}

async fn answer(
    shared: Arc<Shared>,
    request: hyper::Request<Body>,
) -> Result<Response<Full<Bytes>>, Dropped> {
    let (parts, body) = request.into_parts();
    // A body over the limit is not read: the request is answered as invalid.
    let (body, oversized) = match Limited::new(body, MAX_BODY).collect().await {
        Ok(body) => (body.to_bytes(), false),
        Err(_) => (Bytes::new(), true),
    };
    let segments: Vec<String> = parts
        .uri
        .path()
        .trim_start_matches('/')
        .split('/')
        .map(|s| {
            percent_encoding::percent_decode_str(s)
                .decode_utf8_lossy()
                .into_owned()
        })
        .collect();
    let query: Vec<(String, String)> =
        url::form_urlencoded::parse(parts.uri.query().unwrap_or_default().as_bytes())
            .into_owned()
            .collect();
    let incoming = Incoming {
        method: parts.method.as_str(),
        path: parts.uri.path(),
        segments: &segments,
        query: &query,
        headers: &parts.headers,
        body: &body,
    };
    let routes = shared.routes;
    let verdict = match judge(routes, &incoming) {
        Verdict::Valid(i) | Verdict::Broken(i, _) if oversized => {
            let why = format!("the body is over {} MiB", MAX_BODY >> 20);
            Verdict::Broken(i, Broken::Invalid(why))
        }
        verdict => verdict,
    };
    let index = match verdict {
        Verdict::Unknown => None,
        Verdict::Unauthorized(i) | Verdict::Broken(i, _) | Verdict::Valid(i) => Some(i),
    };
    let route = index.map(|i| routes.operations[i]);
    shared.log(Received::new(
        route.map(|r| r.id),
        &parts,
        query.clone(),
        &body,
        routes,
    ));

    let answer = match verdict {
        Verdict::Unknown => Answer::with_detail(
            &routes.unknown_path,
            format!("no operation answers {} {}", parts.method, parts.uri.path()),
        ),
        Verdict::Unauthorized(_) => Answer::of(&routes.missing_token),
        Verdict::Broken(i, Broken::Documented(f)) => {
            Answer::of(&routes.operations[i].errors[f].reply)
        }
        Verdict::Broken(_, Broken::Invalid(why)) => {
            Answer::with_detail(&routes.invalid_request, why)
        }
        Verdict::Valid(i) => {
            let route = routes.operations[i];
            loop {
                let queued = shared.scripts().next(i);
                break match queued {
                    Some(Queued::Failure(f)) => Answer::of(&route.errors[f].reply),
                    Some(Queued::Raw(status, headers, body)) => Answer {
                        status,
                        headers,
                        body,
                    },
                    Some(Queued::Throttle(wait)) => throttled(&shared, wait),
                    Some(Queued::Drop) => return Err(Dropped),
                    // Then the next answer queued, or the success.
                    Some(Queued::Delay(by)) => {
                        tokio::time::sleep(by).await;
                        continue;
                    }
                    None => success(&shared, i, route, &incoming),
                };
            }
        }
    };
    Ok(response(&shared, answer, &parts.headers))
}

/// The operation's success: replaced by the script, or as documented.
fn success(shared: &Shared, index: usize, route: &Route, request: &Incoming<'_>) -> Answer {
    let replaced = shared.scripts().replaced(index).cloned();
    let mut answer = Answer::of(route.success_for(request));
    match replaced {
        None => {}
        Some(Replaced::Value(status, body)) => {
            answer.status = status.unwrap_or(answer.status);
            answer.body = body;
        }
        Some(Replaced::Items(items, per_page)) => match route.page {
            Some(shape) => match page::write(shape, &items, per_page, request) {
                Ok(json) => answer.body = json,
                Err(why) => return Answer::with_detail(&shared.routes.invalid_request, why),
            },
            None => answer.body = page::items_only(&items),
        },
    }
    answer
}

/// The documented 429, waiting `wait`.
fn throttled(shared: &Shared, wait: Duration) -> Answer {
    let seconds = wait
        .as_secs()
        .saturating_add(u64::from(wait.subsec_nanos() > 0));
    let Some(throttled) = &shared.routes.throttled else {
        return Answer {
            status: 429,
            headers: vec![("Retry-After".to_string(), seconds.to_string())],
            body: String::new(),
        };
    };
    let mut answer = Answer::of(&throttled.reply);
    answer
        .headers
        .retain(|(n, _)| !n.eq_ignore_ascii_case(throttled.retry_after));
    answer
        .headers
        .push((throttled.retry_after.to_string(), seconds.to_string()));
    if let Some((from, to)) = throttled.seconds
        && let (Some(before), Some(after)) = (answer.body.get(..from), answer.body.get(to..))
    {
        answer.body = format!("{before}{seconds}{after}");
    }
    answer
}

/// The HTTP response of `answer`, with the caller's ids echoed.
fn response(shared: &Shared, answer: Answer, request: &http::HeaderMap) -> Response<Full<Bytes>> {
    // A 1xx is no final answer: hyper would send a 500 in its place.
    let status = StatusCode::from_u16(answer.status)
        .ok()
        .filter(|s| !s.is_informational())
        .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let has_body = !answer.body.is_empty();
    let mut response = Response::new(Full::new(Bytes::from(answer.body)));
    *response.status_mut() = status;
    let headers = response.headers_mut();
    for (name, value) in answer.headers {
        if let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::from_str(&value),
        ) {
            headers.append(name, value);
        }
    }
    if has_body && !headers.contains_key(http::header::CONTENT_TYPE) {
        headers.insert(
            http::header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
    }
    let protocol = shared.routes.protocol;
    let echoed = [
        (protocol.request_id, protocol.replies.request_id),
        (protocol.correlation_id, protocol.replies.correlation_id),
    ];
    for (sent, replied) in echoed {
        if let (Some(sent), Some(replied)) = (sent, replied)
            && let Some(value) = request.get(sent)
            && let Ok(name) = HeaderName::from_bytes(replied.as_bytes())
        {
            headers.insert(name, value.clone());
        }
    }
    response
}
