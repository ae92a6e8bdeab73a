//! The test server (feature `test-server`) enforces what the documents
//! state. Requests written by hand, as the typed client never would: each
//! rule a page documents a failure for answers that failure's example, byte
//! for byte; a rule without one answers the catalogue's invalid-request
//! entry; a request without a token, or to a path no operation has, the
//! catalogue's entry for it; and a request that keeps every rule, its
//! page's success example.
#![allow(clippy::unwrap_used)] // a test unwraps what it sets up itself

use partner_center::TestServer;
use partner_center_codegen::docs::{HttpResponse, parse_lenient};
use partner_center_codegen::model::{
    Answers, Encoding, GlobalCode, Operation, Origin, Param, Segment, Type, ValueType, When,
};
use partner_center_tests::raw_request;
use partner_center_tests::replay::{Args, PLACEHOLDER_GUID, spec};
use partner_center_tests::served::{self, choosing_params, served_examples};

/// The ids the requests send, which every answer echoes.
const REQUEST_ID: &str = "0d2d9fd8-7e71-4b9b-9f3c-6b9a4e1f2a10";
const CORRELATION_ID: &str = "5e0d7c1a-3f4b-4c2e-9a8d-1b2c3d4e5f60";

/// A request of an operation, in parts to edit.
struct Written {
    method: String,
    path: Vec<String>,
    query: Vec<(String, String)>,
    headers: Vec<(String, String)>,
    body: String,
}

/// A value of `p`'s type, when the type is one the server checks.
fn typed(p: &Param) -> Option<&'static str> {
    Some(match (&p.ty, p.encoding) {
        (_, Encoding::Json) => "{}",
        (Type::Scalar(ValueType::Guid), _) => PLACEHOLDER_GUID,
        (Type::Scalar(ValueType::Int), _) => "1",
        (Type::Scalar(ValueType::Bool), _) => "true",
        (Type::Scalar(ValueType::Decimal), _) => "1.5",
        (Type::Scalar(ValueType::DateTime), _) => "2020-01-01T00:00:00Z",
        (Type::Scalar(ValueType::Date), _) => "2020-01-01",
        _ => return None,
    })
}

/// A value of `p`'s type.
fn valid(p: &Param) -> String {
    typed(p).unwrap_or("csp").to_string()
}

/// Whether a value of `p` can be malformed.
fn checked(p: &Param) -> bool {
    typed(p).is_some()
}

impl Written {
    /// A request of `op` that keeps every rule of its page.
    fn valid(op: &Operation) -> Written {
        let mut query: Vec<(String, String)> = op
            .query
            .iter()
            .filter(|q| q.required)
            .map(|q| (q.name.clone(), valid(q)))
            .collect();
        if let Some(group) = &op.one_of {
            query.push((group.params[0].name.clone(), valid(&group.params[0])));
        }
        let mut headers = vec![
            ("Authorization".to_string(), "Bearer t".to_string()),
            ("MS-RequestId".to_string(), REQUEST_ID.to_string()),
            ("MS-CorrelationId".to_string(), CORRELATION_ID.to_string()),
        ];
        for h in op.request_headers.iter().filter(|h| h.required) {
            headers.push((h.name.clone(), "\"1\"".into()));
        }
        Written {
            method: op.method.clone(),
            path: op
                .segments
                .iter()
                .map(|s| match s {
                    Segment::Literal(l) => l.clone(),
                    Segment::Param(i) => valid(&op.path_params[*i]),
                })
                .collect(),
            query,
            headers,
            body: if op.body.is_some() {
                "{}".into()
            } else {
                String::new()
            },
        }
    }

    /// A request of `op` that breaks the rule `when`, and that rule only.
    fn breaking(op: &Operation, when: &When) -> Written {
        let mut w = Written::valid(op);
        let group = op.one_of.iter().flat_map(|g| &g.params);
        match when {
            When::Malformed(name) => w.set(op, name, "not-a-value"),
            When::Missing(name) => w.query.retain(|(n, _)| n != name),
            When::NoneOf(_) => w
                .query
                .retain(|(n, _)| !group.clone().any(|p| &p.name == n)),
            When::SeveralOf(_) => {
                w.query
                    .retain(|(n, _)| !group.clone().any(|p| &p.name == n));
                w.query.extend(group.map(|p| (p.name.clone(), valid(p))));
            }
            When::MissingHeader(name) => w.headers.retain(|(n, _)| !n.eq_ignore_ascii_case(name)),
        }
        w
    }

    /// Sets the path or query parameter `name` to `value` (in place of
    /// its exactly-one-of group's).
    fn set(&mut self, op: &Operation, name: &str, value: &str) {
        for (segment, written) in op.segments.iter().zip(&mut self.path) {
            if matches!(segment, Segment::Param(i) if op.path_params[*i].name == name) {
                *written = value.into();
                return;
            }
        }
        let in_group = |n: &str| {
            op.one_of
                .iter()
                .flat_map(|g| &g.params)
                .any(|p| p.name == n)
        };
        if in_group(name) {
            self.query.retain(|(n, _)| !in_group(n));
        } else {
            self.query.retain(|(n, _)| n != name);
        }
        self.query.push((name.into(), value.into()));
    }

    async fn send(&self, server: &TestServer) -> HttpResponse {
        let mut query = url::form_urlencoded::Serializer::new(String::new());
        for (n, v) in &self.query {
            query.append_pair(n, v);
        }
        let target = format!("/{}?{}", self.path.join("/"), query.finish());
        let headers: Vec<(&str, &str)> = self
            .headers
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        raw_request(
            &server.base_url(),
            &self.method,
            &target,
            &headers,
            &self.body,
        )
        .await
    }
}

/// The example responses of `op`'s pages the server may answer, by heading.
fn example_responses(op: &Operation) -> Vec<(String, HttpResponse)> {
    served_examples(spec(), op)
        .into_iter()
        .map(|s| (s.heading, s.response))
        .collect()
}

/// The catalogue entry the spec names for `answers`.
fn catalogue(answers: Answers) -> &'static GlobalCode {
    let codes = &spec().error_codes.as_ref().unwrap().codes;
    codes.iter().find(|c| c.answers == Some(answers)).unwrap()
}

/// The answer carries the ids the request sent.
fn assert_echoed(at: &str, answer: &HttpResponse) {
    assert_eq!(answer.header("MS-RequestId"), Some(REQUEST_ID), "{at}");
    assert_eq!(
        answer.header("MS-CorrelationId"),
        Some(CORRELATION_ID),
        "{at}"
    );
}

/// `body` is the catalogue entry's, with `data` its data.
fn assert_catalogue(at: &str, answer: &HttpResponse, entry: &GlobalCode, data: &[String]) {
    assert_eq!(answer.status, entry.status, "{at}: status");
    let body: serde_json::Value = serde_json::from_str(&answer.body).unwrap();
    assert_eq!(body["code"].to_string(), entry.code, "{at}: code");
    assert_eq!(
        body["description"], entry.descriptions[0],
        "{at}: description"
    );
    assert_eq!(body["data"], serde_json::json!(data), "{at}: data");
}

/// What the test server calls a value of `p`'s type when one is not.
fn kind(p: &Param) -> &'static str {
    match (&p.ty, p.encoding) {
        (_, Encoding::Json) => "JSON",
        (Type::Scalar(ValueType::Guid), _) => "a GUID",
        (Type::Scalar(ValueType::Int), _) => "an integer",
        (Type::Scalar(ValueType::Bool), _) => "true or false",
        (Type::Scalar(ValueType::Decimal), _) => "a decimal number",
        (Type::Scalar(ValueType::DateTime), _) => "a date and time",
        (Type::Scalar(ValueType::Date), _) => "a date (YYYY-MM-DD)",
        (ty, encoding) => panic!("{}: {ty:?} {encoding:?} is not checked", p.name),
    }
}

/// The data of the failure of a required query parameter not sent.
fn required(name: &str) -> Vec<String> {
    vec![format!("the query parameter {name} is required")]
}

#[tokio::test]
async fn each_documented_rule_answers_its_failure_example_byte_for_byte() {
    let server = TestServer::start().await.unwrap();
    let mut checked = 0;
    for op in &spec().operations {
        let examples = example_responses(op);
        for entry in &op.errors {
            let Some(when) = &entry.when else { continue };
            let at = format!("{} {} ({when:?})", op.id, entry.id);
            let answer = Written::breaking(op, when).send(&server).await;
            assert_eq!(answer.status, entry.status, "{at}: status");
            assert_echoed(&at, &answer);
            if entry.origin == Origin::Example {
                let (_, documented) = examples
                    .iter()
                    .find(|(heading, _)| *heading == entry.example)
                    .unwrap_or_else(|| panic!("{at}: the page shows the failure"));
                assert_eq!(answer.body, documented.body, "{at}: the page's bytes");
            } else {
                let body: serde_json::Value = serde_json::from_str(&answer.body).unwrap();
                assert_eq!(body["description"], entry.description.as_str(), "{at}");
            }
            checked += 1;
        }
    }
    // Four of AgreementStatus (malformed ids, none, both), and the missing
    // If-Match of the billing profile's update (no example: the spec's entry).
    assert_eq!(checked, 5);
    let log = server.requests();
    assert_eq!(log.len(), 5);
    assert!(log.iter().all(|r| r.operation.is_some() && r.has_token));
}

#[tokio::test]
async fn rules_without_a_documented_failure_answer_the_invalid_request_entry() {
    let server = TestServer::start().await.unwrap();
    let invalid = catalogue(Answers::InvalidRequest);
    let (mut malformed, mut missing, mut bodies) = (0, 0, 0);
    let mut rerouted = 0;
    for op in &spec().operations {
        let documented = |when: When| op.errors.iter().any(|e| e.when.as_ref() == Some(&when));
        let params = op.path_params.iter().chain(&op.query);
        for p in params.filter(|p| checked(p)) {
            if documented(When::Malformed(p.name.clone())) {
                continue;
            }
            let mut w = Written::valid(op);
            w.set(op, &p.name, "not-a-value");
            let at = format!("{} malformed {}", op.id, p.name);
            let place = if op.path_params.iter().any(|pp| pp.name == p.name) {
                "path"
            } else {
                "query"
            };
            let data = format!(
                "the {place} parameter {} is not {}: \"not-a-value\"",
                p.name,
                kind(p)
            );
            assert_catalogue(&at, &w.send(&server).await, invalid, &[data]);
            malformed += 1;
        }
        for q in op.query.iter().filter(|q| q.required) {
            let w = Written::breaking(op, &When::Missing(q.name.clone()));
            let at = format!("{} without {}", op.id, q.name);
            let answer = w.send(&server).await;
            // Without it, a request may be another operation's of the same
            // path (a search without its filter is a listing): that one's
            // rule is broken, not this one's.
            let routed = server.requests().last().unwrap().operation.unwrap();
            let data = if routed == op.id {
                required(&q.name)
            } else {
                rerouted += 1;
                let other = spec().operations.iter().find(|o| o.id == routed).unwrap();
                let unsent = other
                    .query
                    .iter()
                    .find(|r| r.required && !w.query.iter().any(|(n, _)| *n == r.name))
                    .unwrap_or_else(|| panic!("{at}: {routed} has all it requires"));
                required(&unsent.name)
            };
            assert_catalogue(&at, &answer, invalid, &data);
            missing += 1;
        }
        if op.body.is_some() {
            let mut w = Written::valid(op);
            w.body = "{\"unfinished\": ".into();
            let at = format!("{} with a body that is not JSON", op.id);
            let data = ["the body is not JSON".to_string()];
            assert_catalogue(&at, &w.send(&server).await, invalid, &data);
            bodies += 1;
        }
    }
    // Counted over every operation, so that a rule the server stops
    // checking shows: malformed, a path or query parameter of a type the
    // server reads (GUIDs, integers, dates and times, booleans, JSON values);
    // missing, a required query parameter not sent; bodies, a request body
    // that is not JSON. Each page added to the spec adds its own (issue 23's
    // waves: the sum of what each wave added).
    assert_eq!((malformed, missing, bodies), (188, 31, 46));
    // Only a search without its filter is another operation's request (a
    // listing's, whose own rule is then the broken one).
    assert_eq!(rerouted, 1);
}

#[tokio::test]
async fn no_token_and_an_unknown_path_get_the_catalogue_s_entries() {
    let server = TestServer::start().await.unwrap();
    let op = spec()
        .operations
        .iter()
        .find(|o| o.id == "get_customer")
        .unwrap();
    let mut w = Written::valid(op);
    w.headers.retain(|(n, _)| n != "Authorization");
    let answer = w.send(&server).await;
    assert_catalogue("no token", &answer, catalogue(Answers::MissingToken), &[]);
    assert_echoed("no token", &answer);

    w.headers.push(("Authorization".into(), "Bearer ".into()));
    let answer = w.send(&server).await;
    assert_catalogue(
        "an empty token",
        &answer,
        catalogue(Answers::MissingToken),
        &[],
    );

    let unknown = raw_request(&server.base_url(), "GET", "/v1/nothing/here", &[], "").await;
    let entry = catalogue(Answers::UnknownPath);
    let data = ["no operation answers GET /v1/nothing/here".to_string()];
    assert_catalogue("unknown path", &unknown, entry, &data);
    // A known path with another method is no operation either.
    let wrong = raw_request(&server.base_url(), "DELETE", "/v1/customers", &[], "").await;
    let data = ["no operation answers DELETE /v1/customers".to_string()];
    assert_catalogue("unknown method", &wrong, entry, &data);

    let log = server.requests();
    assert_eq!(log.len(), 4);
    assert!(!log[0].has_token && !log[1].has_token);
    assert_eq!(log[0].operation, Some("get_customer"));
    assert_eq!(log[2].operation, None);
    assert!(log.iter().all(|r| r.header("Authorization").is_none()));
}

/// The success examples of `op`'s pages, with the arguments of the
/// example request before each.
fn success_examples(op: &Operation) -> Vec<(Args, HttpResponse)> {
    served::success_examples(spec(), op)
        .into_iter()
        .map(|s| {
            let args = s.asked.map(|(i, r)| Args::of(op, i, &r));
            (args.unwrap_or_default(), s.response)
        })
        .collect()
}

/// `answer` is `example` as the server sends `op`'s: its status, body and
/// headers (but the ids and date, the server's own, and a file's
/// Content-Type, the media type the spec reads).
fn assert_served(at: &str, op: &Operation, answer: &HttpResponse, example: &HttpResponse) {
    assert_eq!(answer.status, example.status, "{at}: status");
    assert_documented_body(at, &answer.body, &example.body);
    let media = op
        .responses
        .iter()
        .find(|x| x.status == example.status)
        .and_then(|x| x.content_type.as_deref());
    for (name, value) in example.served_headers() {
        let echoed = ["MS-RequestId", "MS-CorrelationId", "Date"];
        let value = match media {
            Some(media) if name.eq_ignore_ascii_case("Content-Type") => media,
            _ => value.as_str(),
        };
        if !echoed.iter().any(|e| e.eq_ignore_ascii_case(name)) {
            assert_eq!(answer.header(name), Some(value), "{at}: {name}");
        }
    }
}

#[tokio::test]
async fn a_request_that_keeps_every_rule_gets_its_page_s_success_example() {
    let server = TestServer::start().await.unwrap();
    let mut no_example = 0;
    let mut chosen = 0;
    for op in &spec().operations {
        let examples = success_examples(op);
        let at = &op.id;
        // Where the request chooses the answer's model, each example answers
        // the values of its request, and any other values (the made-up ones
        // of a valid request) the smallest body.
        // The first example of each combination is the one served (a later
        // one of the same values is a continuation's page, whose request
        // differs only in seekOperation and its token).
        let choosing = choosing_params(op);
        if !choosing.is_empty() {
            let mut seen: Vec<Vec<String>> = Vec::new();
            for (args, example) in &examples {
                let values: Vec<String> = choosing
                    .iter()
                    .map(|p| args.text(&p.name).to_string())
                    .collect();
                if seen.contains(&values) {
                    continue;
                }
                seen.push(values);
                let mut w = Written::valid(op);
                for p in &choosing {
                    w.set(op, &p.name, args.text(&p.name));
                }
                let answer = w.send(&server).await;
                assert_served(&format!("{at} (chosen)"), op, &answer, example);
                chosen += 1;
            }
        }
        let answer = Written::valid(op).send(&server).await;
        assert_echoed(at, &answer);
        match examples.first().filter(|_| op.choice.is_none()) {
            Some((_, example)) => assert_served(at, op, &answer, example),
            // No example: the smallest body of the model, or a few bytes of
            // a file's media type.
            None => {
                let response = &op.responses[0];
                assert_eq!(answer.status, response.status, "{at}: status");
                if let Some(media) = &response.content_type {
                    assert_eq!(answer.header("Content-Type"), Some(media.as_str()), "{at}");
                } else {
                    assert_smallest(at, response.body.as_ref(), &answer.body);
                }
                no_example += 1;
            }
        }
    }
    // Operations whose pages show no success example the server answers
    // (none, another call's answer, not JSON, a PDF that is no PDF, a model
    // the made-up request does not choose, dates the client refuses; each
    // recorded in the spec): their bodies are made from the spec. (The
    // products, by country or of a customer, answer their pages' bare JSON.)
    assert_eq!(no_example, 31);
    // Azure and Office's three by query and OneTime's usage line items (the
    // billed consumption page); OneTime's one by path; the unbilled usage and
    // billing line items.
    assert_eq!(chosen, 7);
}

/// `served` is the smallest body of `ty`, read from the spec here rather
/// than made as the server makes it: an object with exactly the required
/// properties of its model.
fn assert_smallest(at: &str, ty: Option<&Type>, served: &str) {
    let Some(ty) = ty else {
        assert_eq!(served, "", "{at}: no body");
        return;
    };
    let served: serde_json::Value = serde_json::from_str(served).unwrap();
    let served = served
        .as_object()
        .unwrap_or_else(|| panic!("{at}: {served}"));
    let mut keys: Vec<&str> = served.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        served::required_keys(spec(), ty),
        "{at}: the required properties only"
    );
}

/// The body a server sent for a page's example is the page's text: byte for
/// byte where the page writes JSON (a byte-order mark included) or no JSON
/// at all (a file), else the JSON the page means (read leniently: `<guid>`,
/// trailing commas, `…`).
fn assert_documented_body(at: &str, served: &str, documented: &str) {
    let strict =
        serde_json::from_str::<serde::de::IgnoredAny>(documented.trim_start_matches('\u{feff}'));
    match parse_lenient(documented) {
        Ok(meant) if strict.is_err() => {
            let got: serde_json::Value = serde_json::from_str(served).unwrap();
            assert_eq!(got, meant.value, "{at}: the JSON the page means");
        }
        _ => assert_eq!(served, documented, "{at}: the page's bytes"),
    }
}
