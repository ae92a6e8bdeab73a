//! The answer to each request: read, logged, judged against its page and
//! answered as it documents, or as scripted.

use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use http::{HeaderName, HeaderValue, Response, StatusCode};
use http_body_util::Full;

use super::auth;
use super::body::{self, Body};
use super::judge::{Broken, Verdict, judge};
use super::limits::{BODY_TIMEOUT, MAX_BODY};
use super::route::{Reply, Route, Routes};
use super::script::Queued;
use super::target::Incoming;
use super::{Received, Shared};
use super::{page, target, tokens};

/// A connection closed on purpose, without an answer.
#[derive(Debug)]
pub(crate) struct Dropped;

impl std::fmt::Display for Dropped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("connection dropped as scripted")
    }
}

impl std::error::Error for Dropped {}

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

/// The answer to `request`: read, logged, judged against its page.
pub(crate) async fn answer(
    shared: Arc<Shared>,
    request: hyper::Request<hyper::body::Incoming>,
) -> Result<Response<Full<Bytes>>, Dropped> {
    let (parts, body) = request.into_parts();
    let read = body::read(body).await;
    let body = read.bytes();
    let segments = target::segments(parts.uri.path());
    let (query, query_not_utf8) = target::query(parts.uri.query().unwrap_or_default());
    let incoming = Incoming {
        method: parts.method.as_str(),
        path: parts.uri.path(),
        segments: &segments,
        query: &query,
        query_not_utf8,
        headers: &parts.headers,
        body: &body,
    };
    let routes = shared.routes;
    let verdict = judge(routes, &incoming);
    if matches!(verdict, Verdict::Unknown)
        && let Some(tenant) = tokens::tenant_of(incoming.method, &segments)
    {
        let (status, body) = tokens::answer(&mut shared.tokens(), tenant, &body);
        let headers = Vec::new();
        return Ok(response(
            &shared,
            Answer {
                status,
                headers,
                body,
            },
            &parts.headers,
        ));
    }
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
        _ if shared.tokens().refuses(bearer(routes, &parts.headers)) => {
            Answer::of(&routes.missing_token)
        }
        // A request of an operation, with a token, whose body was not read.
        _ if !matches!(read, Body::Read(_)) => unread(routes, &read),
        Verdict::Broken(i, Broken::Documented(f)) => {
            Answer::of(&routes.operations[i].errors[f].reply)
        }
        Verdict::Broken(_, Broken::Invalid(why)) => {
            Answer::with_detail(&routes.invalid_request, why)
        }
        Verdict::Valid(i) => {
            let route = routes.operations[i];
            let continuing = route
                .page
                .is_some_and(|shape| page::continues(shape, &incoming));
            let mut delayed = false;
            loop {
                let queued = shared.scripts().next(i, continuing, delayed);
                break match queued {
                    Some(Queued::Failure(f)) => Answer::of(&route.errors[f].reply),
                    Some(Queued::NotFound) => Answer::of(&routes.unknown_path),
                    Some(Queued::Raw(status, headers, body)) => Answer {
                        status,
                        headers,
                        body,
                    },
                    Some(Queued::Throttle(wait)) => throttled(&shared, wait),
                    Some(Queued::Drop) => return Err(Dropped),
                    // Then the next answer, or the success.
                    Some(Queued::Delay(by)) => {
                        tokio::time::sleep(by).await;
                        delayed = true;
                        continue;
                    }
                    Some(replaced @ (Queued::Value(..) | Queued::Items(_))) => {
                        success(&shared, route, &incoming, Some(replaced))
                    }
                    None => success(&shared, route, &incoming, None),
                };
            }
        }
    };
    Ok(response(&shared, answer, &parts.headers))
}

/// The Bearer token of a request, if it has one.
fn bearer<'h>(routes: &Routes, headers: &'h http::HeaderMap) -> Option<&'h str> {
    let name = routes.protocol.authorization.unwrap_or("authorization");
    auth::bearer_token(headers.get(name).and_then(|v| v.to_str().ok()))
}

/// The answer to a request whose body was not read: the catalogue's invalid
/// request with what went wrong, as 413 or 408 when the body was too large
/// or too slow. Its connection is closed: what is left of the body is not
/// read as the next request.
fn unread(routes: &Routes, body: &Body) -> Answer {
    let (status, why) = match body {
        Body::TooLarge => (
            413,
            format!(
                "the body is over {} MiB, the most this server reads",
                MAX_BODY >> 20
            ),
        ),
        Body::TooSlow => (
            408,
            format!(
                "the body did not arrive in full within {} s",
                BODY_TIMEOUT.as_secs()
            ),
        ),
        Body::Unreadable(why) => (400, format!("the body cannot be read: {why}")),
        Body::Read(_) => (400, String::new()),
    };
    let mut answer = Answer::with_detail(&routes.invalid_request, why);
    answer.status = status;
    answer.headers.push(("Connection".into(), "close".into()));
    answer
}

/// The operation's success: as documented, or `replaced` by the script.
fn success(
    shared: &Shared,
    route: &Route,
    request: &Incoming<'_>,
    replaced: Option<Queued>,
) -> Answer {
    let mut answer = Answer::of(route.success_for(request));
    match replaced {
        Some(Queued::Value(status, body)) => {
            answer.status = status.unwrap_or(answer.status);
            answer.body = body;
        }
        Some(Queued::Items((items, per_page))) => match route.page {
            Some(shape) => match page::write(shape, &items, per_page, request) {
                Ok(json) => answer.body = json,
                Err(why) => return Answer::with_detail(&shared.routes.invalid_request, why),
            },
            None => answer.body = page::items_only(&items),
        },
        _ => {}
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
