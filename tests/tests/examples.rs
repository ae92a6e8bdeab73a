//! Every example of every operation page, replayed through the client on a
//! loopback server: each example request is what the client sends when
//! called with the example's values, and each example response gives the
//! typed value or the documented failure.

use partner_center::Client;
use partner_center_codegen::docs::{
    HttpResponse, Message, Page, http_header, is_request_line, is_status_line, messages,
    parse_lenient, parse_request, parse_response, split_messages,
};
use partner_center_codegen::drift::shape;
use partner_center_codegen::model::{
    Direction, Encoding, Operation, Origin, Semantics, Type, ValueType,
};
use partner_center_tests::replay::{Args, Outcome, PLACEHOLDER_GUID, spec};
use partner_center_tests::{Reply, TestServer, en_us};

/// Calls the operation `op` with `a`, through the client's replay of it:
/// the typed method, its inputs read from the example's text.
async fn call(client: &Client, op: &str, a: &Args) -> Outcome {
    let replayed = client
        .replay(op, &a.inputs())
        .await
        .unwrap_or_else(|e| panic!("{op}: {e}"));
    Outcome {
        result: replayed
            .result
            .map(|json| serde_json::to_value(json).expect("JSON"))
            .map_err(|(id, error)| (id.to_string(), error)),
        meta: replayed.meta,
    }
}

/// The pages of the spec's operations, each read once.
fn pages() -> Vec<(String, Page)> {
    let mut files: Vec<&str> = spec().operations.iter().flat_map(|o| o.pages()).collect();
    files.sort_unstable();
    files.dedup();
    files
        .into_iter()
        .map(|f| (f.to_string(), en_us(f)))
        .collect()
}

/// How many example requests (or responses) the pages of the spec's
/// operations show, counted from their code blocks.
fn documented(requests: bool) -> usize {
    pages()
        .iter()
        .flat_map(|(_, page)| &page.code_blocks)
        .flat_map(|block| split_messages(&block.text))
        .filter(|text| {
            let first = text
                .lines()
                .find(|l| !l.trim().is_empty())
                .unwrap_or_default();
            if requests {
                is_request_line(first)
            } else {
                is_status_line(first)
            }
        })
        .count()
}

/// The inputs of `op`: those of its first example request (but values the
/// spec records as not of their type), or made up.
fn args_of(op: &Operation, all: &[Message<'_, '_>]) -> Args {
    all.iter()
        .find(|m| m.is_request && m.op.id == op.id)
        .and_then(|m| Some((m.index, parse_request(&m.text).ok()?)))
        .map_or_else(
            || Args::made_up(op),
            |(index, r)| {
                let mut args = Args::of(op, &r);
                args.take_contradicted(op, index);
                args
            },
        )
}

/// Path segments, percent-decoded and trimmed; a placeholder stands for the
/// GUID the call sent.
fn segments(path: &str) -> Vec<String> {
    path.trim_start_matches('/')
        .split('/')
        .map(|s| {
            partner_center_codegen::docs::percent_decode(s)
                .trim()
                .to_string()
        })
        .map(|s| {
            if partner_center_codegen::docs::is_placeholder(&s) {
                PLACEHOLDER_GUID.into()
            } else {
                s
            }
        })
        .collect()
}

#[tokio::test]
async fn each_example_request_is_what_the_client_sends() {
    let api = spec();
    let mut replayed = 0;
    for (file, page) in pages() {
        let all = messages(api, &file, &page);
        for m in all.iter().filter(|m| m.is_request) {
            let at = format!("{file}:{} ({})", m.block.line, m.op.id);
            let example = parse_request(&m.text).unwrap_or_else(|e| panic!("{at}: {e}"));
            let mut args = Args::of(m.op, &example);
            let contradicted = args.take_contradicted(m.op, m.index);
            // The crate's own test server: it answers the page's success
            // example, and only to a request that keeps the page's rules.
            let server = partner_center::TestServer::start().await.unwrap();
            let mut builder = server.client();
            if let Some(locale) = args.header("X-Locale") {
                builder = builder.locale(locale);
            }
            if let Some(application) = args.header("MS-PartnerCenter-Application") {
                builder = builder.application(application);
            }
            let client = builder.build().expect("client");
            // A value the spec records as not of its type is one the client
            // refuses, sending nothing; the rest of the example is sent.
            for (name, value) in contradicted {
                let mut with = args.clone();
                with.query.push((name.clone(), value));
                let refused = client.replay(&m.op.id, &with.inputs()).await;
                let refused = refused.err().unwrap_or_else(|| panic!("{at}: {name} sent"));
                assert!(refused.name.eq_ignore_ascii_case(&name), "{at}: {refused}");
            }
            let outcome = call(&client, &m.op.id, &args).await;
            assert!(outcome.result.is_ok(), "{at}: {:?}", outcome.result);

            let received = server.requests();
            assert_eq!(received.len(), 1, "{at}: one request");
            let got = &received[0];
            assert_eq!(got.operation, Some(m.op.id.as_str()), "{at}: routed");
            assert_eq!(got.method, example.method, "{at}: method");
            if segments(&got.path) != segments(example.path()) {
                // Sent as the spec says, where it records that the
                // example contradicts its page there.
                let element = format!("{}.request_examples[{}].path", m.op.id, m.index);
                let recorded = m.op.contradictions.iter().any(|c| {
                    c.element == element && c.document_value.as_deref() == Some(example.path())
                });
                assert!(
                    recorded,
                    "{at}: path {} sent, {} documented, and the spec records no contradiction `{element}`",
                    got.path,
                    example.path()
                );
            }
            // The order of query parameters carries no meaning.
            let by_name = |mut pairs: Vec<(String, String)>| {
                pairs.sort_by_key(|(n, _)| n.to_ascii_lowercase());
                pairs
            };
            let (sent, documented) = (by_name(got.query.clone()), by_name(args.query.clone()));
            assert_eq!(sent.len(), documented.len(), "{at}: query {sent:?}");
            for ((sn, sv), (dn, dv)) in sent.iter().zip(&documented) {
                assert!(sn.eq_ignore_ascii_case(dn), "{at}: query name {sn} vs {dn}");
                let json =
                    m.op.params()
                        .any(|p| p.name.eq_ignore_ascii_case(dn) && p.encoding == Encoding::Json);
                if json {
                    let (s, d) = (
                        parse_lenient(sv).unwrap().value,
                        parse_lenient(dv).unwrap().value,
                    );
                    assert_eq!(
                        shape::agree(&d, &s, shape::Keys::Exact),
                        Ok(()),
                        "{at}: query {dn}"
                    );
                } else {
                    assert_eq!(sv, dv, "{at}: query value of {dn}");
                }
            }
            headers(&at, &example.headers, got);
            // Required by the headers table although the examples leave it out.
            assert_eq!(got.header("ms-contract-version"), Some("v1"), "{at}");
            match (&args.body, got.body.is_empty()) {
                (Some(documented), false) => {
                    let sent: serde_json::Value =
                        serde_json::from_slice(&got.body).expect("JSON body");
                    assert_eq!(
                        shape::agree(documented, &sent, shape::Keys::AnyCase),
                        Ok(()),
                        "{at}: body"
                    );
                    assert_eq!(got.header("content-type"), Some("application/json"), "{at}");
                }
                (None, true) => {}
                (documented, _) => panic!(
                    "{at}: body {documented:?} vs {:?}",
                    String::from_utf8_lossy(&got.body)
                ),
            }
            replayed += 1;
        }
    }
    assert_eq!(replayed, documented(true), "every page's request examples");
}

/// The example's headers are the ones sent, but for HTTP's own that the
/// client's transport sets: ids as GUIDs (they are fresh for each call),
/// the token as present (the server's log never keeps it), the others as
/// written. A header the spec says only an example shows (the .NET SDK's
/// own name) is not one the client sends.
fn headers(at: &str, documented: &[(String, String)], got: &partner_center::Received) {
    for (name, value) in documented {
        if http_header(name).is_some_and(|h| h.set_by_transport) {
            continue;
        }
        let spec_header = spec()
            .headers
            .iter()
            .find(|h| h.direction == Direction::Request && h.name.eq_ignore_ascii_case(name));
        if spec_header.is_some_and(|h| h.origin == Origin::Example) {
            continue;
        }
        if spec_header.is_some_and(|h| h.semantics == Some(Semantics::Authorization)) {
            assert!(got.has_token, "{at}: {name} sent");
            continue;
        }
        let sent = got
            .header(name)
            .unwrap_or_else(|| panic!("{at}: header {name} not sent"));
        match spec_header.map(|h| h.value_type) {
            Some(partner_center_codegen::model::ValueType::Guid) => {
                sent.parse::<uuid::Uuid>()
                    .unwrap_or_else(|_| panic!("{at}: {name} {sent:?}"));
            }
            _ => assert_eq!(sent, value, "{at}: header {name}"),
        }
    }
}

#[tokio::test]
async fn each_example_response_gives_its_documented_outcome() {
    let api = spec();
    let mut replayed = 0;
    for (file, page) in pages() {
        let all = messages(api, &file, &page);
        for m in all.iter().filter(|m| !m.is_request) {
            let at = format!("{file}:{} ({}, {})", m.block.line, m.op.id, m.block.heading);
            let example = parse_response(&m.text).unwrap_or_else(|e| panic!("{at}: {e}"));
            let server = TestServer::start(Reply::from_example(&example)).await;
            let client = server.client().build().expect("client");
            let outcome = call(&client, &m.op.id, &args_of(m.op, &all)).await;
            check(&at, m.op, &m.block.heading, &example, &outcome);
            replayed += 1;
        }
    }
    assert_eq!(
        replayed,
        documented(false),
        "every page's response examples"
    );
}

/// The outcome is the one the example documents, with its status and ids.
fn check(at: &str, op: &Operation, heading: &str, example: &HttpResponse, outcome: &Outcome) {
    check_value(at, op, heading, example, outcome);
    let meta = outcome
        .meta
        .as_ref()
        .unwrap_or_else(|| panic!("{at}: a response"));
    assert_eq!(meta.status(), example.status, "{at}: status");
    assert_eq!(meta.request_id(), example.header("MS-RequestId"), "{at}");
    assert_eq!(
        meta.correlation_id(),
        example.header("MS-CorrelationId"),
        "{at}"
    );
    assert_eq!(meta.cv(), example.header("MS-CV"), "{at}");
    assert_eq!(meta.server_id(), example.header("MS-ServerId"), "{at}");
}

/// The value or failure is the one the example documents.
fn check_value(at: &str, op: &Operation, heading: &str, example: &HttpResponse, outcome: &Outcome) {
    match (
        &outcome.result,
        op.responses.iter().find(|r| r.status == example.status),
    ) {
        (Ok(value), Some(r)) => match &r.variant {
            Some(variant) => assert_eq!(value, variant.as_str(), "{at}: outcome"),
            None if r.body.is_none() => assert!(value.is_null(), "{at}: {value}"),
            // A file, as its text.
            None if r.body == Some(Type::Binary) => {
                assert_eq!(value.as_str(), Some(example.body.as_str()), "{at}: file")
            }
            None => {
                let documented = parse_lenient(&example.body).expect("JSON").value;
                assert_eq!(
                    shape::agree(&documented, value, shape::Keys::Exact),
                    Ok(()),
                    "{at}: body"
                );
            }
        },
        (Err((id, error)), None) => {
            let entry = op
                .errors
                .iter()
                .find(|x| x.example == heading)
                .unwrap_or_else(|| panic!("{at}: no documented failure has this example: {error}"));
            assert_eq!(id, &entry.id, "{at}: classified as another failure");
            let partner_center::Error::Api(api) = error else {
                panic!("{at}: {error}")
            };
            let body = parse_lenient(&example.body).expect("JSON").value;
            let got = api.body();
            assert_eq!(got.code, body["code"].to_string(), "{at}: code");
            assert_eq!(got.description, body["description"], "{at}: description");
            assert_eq!(got.source, body["source"], "{at}: source");
            assert_eq!(serde_json::json!(got.data), body["data"], "{at}: data");
        }
        (result, _) => panic!("{at}: unexpected outcome {result:?}"),
    }
}

#[tokio::test]
async fn every_operation_of_the_spec_is_called_by_this_test() {
    let pages = pages();
    for op in &spec().operations {
        let (_, page) = pages.iter().find(|(f, _)| *f == op.doc).expect("its page");
        let all = messages(spec(), &op.doc, page);
        // The crate's test server, answering as documented out of the box.
        let server = partner_center::TestServer::start().await.unwrap();
        let client = server.client().build().unwrap();
        let outcome = call(&client, &op.id, &args_of(op, &all)).await;
        // The answer is the page's success example, or an empty page where
        // the page shows none.
        let success = all
            .iter()
            .filter(|m| !m.is_request && m.op.id == op.id)
            .find_map(|m| {
                let example = parse_response(&m.text).ok()?;
                op.responses
                    .iter()
                    .any(|r| r.status == example.status)
                    .then_some((m.block.heading.clone(), example))
            });
        match success {
            Some((heading, example)) => {
                check_value(&op.id, op, &heading, &example, &outcome);
                let status = outcome.meta.as_ref().map(|m| m.status());
                assert_eq!(status, Some(example.status), "{}", op.id);
            }
            None => assert_eq!(
                outcome.result.as_ref().ok(),
                Some(&serde_json::json!({
                    "totalCount": 0, "items": [], "attributes": {"objectType": ""}
                })),
                "{}: {:?}",
                op.id,
                outcome.result
            ),
        }
        let received = server.requests();
        assert_eq!(received.len(), 1, "{}", op.id);
        assert_eq!(received[0].operation, Some(op.id.as_str()), "{}", op.id);
        assert_eq!(received[0].method, op.method, "{}", op.id);
        assert_eq!(
            segments(&received[0].path).len(),
            op.segments.len(),
            "{}",
            op.id
        );
    }
}

/// Where a page shows no success example, the test server answers the
/// smallest body the operation's model allows: the client reads it, for
/// every operation, into a value that is that body.
#[tokio::test]
async fn every_operation_reads_the_smallest_body_of_its_model() {
    let pages = pages();
    for op in &spec().operations {
        let (_, page) = pages.iter().find(|(f, _)| *f == op.doc).expect("its page");
        let all = messages(spec(), &op.doc, page);
        let response = &op.responses[0];
        let body = response.body.as_ref().map_or_else(String::new, |t| {
            partner_center_codegen::examples::sample(spec(), t, 0).to_string()
        });
        let mut reply = Reply::json(response.status, &body);
        reply
            .headers
            .extend(response.headers.iter().map(|h| made_up_header(h)));
        let server = TestServer::start(reply).await;
        let client = server.client().build().unwrap();
        let outcome = call(&client, &op.id, &args_of(op, &all)).await;
        let expected = match &response.variant {
            // An answer without a body is the variant its status names.
            Some(variant) => serde_json::json!(variant),
            None if body.is_empty() => serde_json::Value::Null,
            // A file, as the text sent.
            None if response.body == Some(Type::Binary) => serde_json::json!(body),
            None => serde_json::from_str(&body).unwrap(),
        };
        assert_eq!(
            outcome.result.as_ref().ok(),
            Some(&expected),
            "{}: {body}: {:?}",
            op.id,
            outcome.result
        );
    }
}

/// A response header the spec says a response carries (the `Location` of
/// a 202), with a value of its type.
fn made_up_header(name: &str) -> (String, String) {
    let header = spec()
        .headers
        .iter()
        .find(|h| h.direction == Direction::Response && h.name == name)
        .unwrap_or_else(|| panic!("{name}: a response header of the spec"));
    let value = match header.value_type {
        ValueType::Int => "0",
        ValueType::Guid => PLACEHOLDER_GUID,
        ValueType::Uri => "/made-up",
        _ => "made-up",
    };
    (header.name.clone(), value.to_string())
}
