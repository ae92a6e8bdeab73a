//! Every example of every operation page, replayed through the client on a
//! loopback server: each example request is what the client sends when
//! called with the example's values, and each example response gives the
//! typed value or the documented failure.

use partner_center::Client;
use partner_center_codegen::docs::{
    HttpRequest, HttpResponse, Message, Page, http_header, is_request_line, is_status_line,
    messages, parse_lenient, parse_request, parse_response, split_messages,
};
use partner_center_codegen::drift::answer::not_the_answer;
use partner_center_codegen::drift::values::{self, Keys};
use partner_center_codegen::model::{
    Direction, Encoding, ModelKind, Operation, Origin, Semantics, Type, ValueType,
};
use partner_center_tests::replay::{Args, Outcome, PLACEHOLDER_GUID, spec};
use partner_center_tests::served;
use partner_center_tests::{Reply, TestServer, en_us};
use serde_json::Value;

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

/// `example` as served: a placeholder where the answer has a GUID
/// (`"<subscriptionID>"`) stands for PLACEHOLDER_GUID, as in a request. A
/// body without one is served as written.
fn guids_filled(op: &Operation, example: &HttpResponse) -> HttpResponse {
    let mut served = example.clone();
    let answer = op.responses.iter().find(|r| r.status == example.status);
    if let (Some(ty), Ok(parsed)) = (
        answer.and_then(|r| r.body.as_ref()),
        parse_lenient(&example.body),
    ) {
        let filled = values::fill_guids(spec(), ty, &parsed.value, PLACEHOLDER_GUID);
        if filled != parsed.value {
            served.body = filled.to_string();
        }
    }
    served
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
        .map_or_else(|| Args::made_up(op), |(i, r)| example_args(op, i, &r))
}

/// The inputs of `op`'s `index`-th example request, but the values the spec
/// records as not of their type (the typed client cannot send them).
fn example_args(op: &Operation, index: usize, request: &HttpRequest) -> Args {
    let mut args = Args::of(op, index, request);
    args.take_contradicted(op, index);
    args
}

/// The inputs of the request `response` answers: the operation's example
/// request before it (its values choose the model of some answers), or its
/// first.
fn args_before(response: &Message<'_, '_>, all: &[Message<'_, '_>]) -> Args {
    let before = all
        .iter()
        .take_while(|m| !std::ptr::eq(*m, response))
        .filter(|m| m.is_request && m.op.id == response.op.id)
        .last()
        .and_then(|m| Some((m.index, parse_request(&m.text).ok()?)));
    match before {
        Some((i, request)) => example_args(response.op, i, &request),
        None => args_of(response.op, all),
    }
}

/// Path segments, percent-decoded and trimmed; a placeholder stands for the
/// GUID the call sent, and a GUID is the same in either case (the client
/// writes it in lower case, some examples in upper).
/// Whether the query parameter `name` of `op` is of an open enum of the spec.
fn open_enum(op: &Operation, name: &str) -> bool {
    op.params().any(|p| {
        p.name.eq_ignore_ascii_case(name)
            && matches!(&p.ty, Type::Model(m) if spec().models.iter().any(|x| {
                x.name == *m && matches!(x.kind, ModelKind::Enum(_))
            }))
    })
}

fn segments(path: &str) -> Vec<String> {
    path.trim_start_matches('/')
        .split('/')
        .map(|s| {
            partner_center_codegen::docs::percent_decode(s)
                .trim()
                .to_string()
        })
        .map(|s| {
            if partner_center_tests::replay::stands_for_a_value(&s) {
                PLACEHOLDER_GUID.into()
            } else if partner_center_codegen::docs::uuid_like(&s) {
                s.to_ascii_lowercase()
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
            let example = match parse_request(&m.text) {
                Ok(example) => example,
                // A request the page writes so that it is not one (a space
                // in its URL): sent by no client, as the spec records.
                Err(why) => {
                    let element = format!("{}.request_examples[{}].request", m.op.id, m.index);
                    let recorded = m.op.contradictions.iter().any(|c| {
                        c.element == element && c.document_value.as_deref() == Some(why.as_str())
                    });
                    assert!(recorded, "{at}: {why}, and the spec records no `{element}`");
                    replayed += 1;
                    continue;
                }
            };
            let mut args = Args::of(m.op, m.index, &example);
            let contradicted = args.take_contradicted(m.op, m.index);
            let recorded = |what: &str| {
                let element = format!("{}.request_examples[{}].{what}", m.op.id, m.index);
                m.op.contradictions.iter().any(|c| c.element == element)
            };
            // A request the spec records as sending no body where the call
            // needs one (a 202 response written as a request): the body of
            // the operation's first example is sent.
            if args.body.is_none() && m.op.body.is_some() && recorded("body") {
                args.body = args_of(m.op, &all).body;
            }
            // Headers the spec records as not the request's (a response's
            // Location written into a request).
            args.headers
                .retain(|(name, _)| !recorded(&format!("headers[{name}]")));
            // The crate's own test server: it answers the page's success
            // example, and only to a request that keeps the page's rules.
            let server = partner_center::TestServer::start().await.unwrap();
            let mut builder = server.client();
            if let Some(locale) = args.header("X-Locale") {
                builder = builder.locale(locale);
            }
            // The application's name is the builder's setting too.
            let application = api.header_for(Direction::Request, Semantics::Application);
            if let Some(name) = application.and_then(|h| args.header(&h.name)) {
                builder = builder.application(name);
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
            if got.method != example.method {
                // Sent as the spec says, where it records that the example
                // contradicts its page there (a GET that sends a body).
                let element = format!("{}.request_examples[{}].method", m.op.id, m.index);
                let recorded = m.op.contradictions.iter().any(|c| {
                    c.element == element && c.document_value.as_deref() == Some(&example.method)
                });
                assert!(
                    recorded,
                    "{at}: method {} sent, {} documented, and the spec records no contradiction `{element}`",
                    got.method, example.method
                );
            }
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
                        values::agree(&d, &s, Keys::Exact),
                        Ok(()),
                        "{at}: query {dn}"
                    );
                } else if open_enum(m.op, dn) && sv.eq_ignore_ascii_case(dv) {
                    // An open enum reads a documented value in any case
                    // (`onetime` is OneTime) and sends it as documented.
                } else {
                    assert_eq!(sv, dv, "{at}: query value of {dn}");
                }
            }
            headers(&at, &args.headers, got);
            // Required by the headers table although the examples leave it out.
            assert_eq!(got.header("ms-contract-version"), Some("v1"), "{at}");
            match (&args.body, got.body.is_empty()) {
                (Some(documented), false) => {
                    let sent: serde_json::Value =
                        serde_json::from_slice(&got.body).expect("JSON body");
                    assert_eq!(
                        values::agree(documented, &sent, Keys::AnyCase),
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
    // One request of the pages is no call of the API: the webhook page's
    // `POST /webhooks/callback`, which Partner Center posts to the
    // partner's own server (under no example heading of a page whose calls
    // are only its examples).
    assert_eq!(
        replayed + 1,
        documented(true),
        "every page's request examples"
    );
}

/// The example's headers are the ones sent, but for HTTP's own that the
/// client's transport sets: ids as GUIDs (they are fresh for each call),
/// the token as present (the server's log never keeps it), `Accept` as one
/// of the types the example lists, the others as written. A header the spec says only an example shows (the .NET SDK's
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
        // An example may accept more than JSON (`application/json,
        // text/plain, */*`): the client's type is one of those it lists, or
        // in a range it lists (the webhook examples' `*/*`).
        if name.eq_ignore_ascii_case("Accept") {
            let in_range = |range: &str| match range.split_once('/') {
                Some(("*", "*")) => true,
                Some((kind, "*")) => sent.split('/').next() == Some(kind),
                _ => range == sent,
            };
            assert!(
                value.split(',').any(|t| in_range(t.trim())),
                "{at}: header {name} {sent:?} is not one of {value:?}"
            );
            continue;
        }
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
            let server =
                TestServer::start(Reply::from_example(&guids_filled(m.op, &example))).await;
            let client = server.client().build().expect("client");
            let outcome = call(&client, &m.op.id, &args_before(m, &all)).await;
            // Also one whose values the spec records as not of their type
            // (dates with spaces in them).
            if not_the_answer(api, m.op, m.index, &example.body)
                || m.op.refuses_response_example(api, &file, m.index)
            {
                // Another call's answer, or not JSON, as the spec records:
                // the client refuses it, with the response's status.
                assert!(
                    matches!(
                        &outcome.result,
                        Err((_, partner_center::Error::Decode { .. }))
                    ),
                    "{at}: recorded as not the answer, but read: {:?}",
                    outcome.result
                );
                let meta = outcome.meta.as_ref().unwrap_or_else(|| panic!("{at}"));
                assert_eq!(meta.status(), example.status, "{at}: status");
                replayed += 1;
                continue;
            }
            let recorded = Recorded {
                file: &file,
                index: m.index,
            };
            check(&at, m.op, &m.block.heading, &example, &outcome, recorded);
            replayed += 1;
        }
    }
    assert_eq!(
        replayed,
        documented(false),
        "every page's response examples"
    );
}

/// Where a response example stands: its page, and its place among the
/// operation's responses there.
#[derive(Clone, Copy)]
struct Recorded<'a> {
    file: &'a str,
    index: usize,
}

impl Recorded<'_> {
    /// `documented` without the properties the spec records as a
    /// contradiction of this example (`<op>.response_examples[i].body.<path>`)
    /// where the client's value `read` has none: a key in PascalCase the
    /// client does not read. A contradicted value the client reads (an enum
    /// value the table does not list) is still compared.
    fn without_contradicted(self, op: &Operation, mut documented: Value, read: &Value) -> Value {
        let prefix = format!("{}.response_examples[{}].body.", op.id, self.index);
        for c in op.contradictions.iter().filter(|c| c.page == self.file) {
            if let Some(path) = c.element.strip_prefix(&prefix) {
                let steps: Vec<&str> = path.split('.').collect();
                remove_unread(&mut documented, read, &steps);
            }
        }
        documented
    }
}

/// Removes the key at the end of `steps` (`lineItems[]` steps into each
/// item) where `read`, the client's value at the same place, lacks it.
fn remove_unread(value: &mut Value, read: &Value, steps: &[&str]) {
    let Some((first, rest)) = steps.split_first() else {
        return;
    };
    let (key, each) = match first.strip_suffix("[]") {
        Some(key) => (key, true),
        None => (*first, false),
    };
    let Value::Object(map) = value else { return };
    if rest.is_empty() {
        if read.get(key).is_none() {
            map.remove(key);
        }
        return;
    }
    let theirs = read.get(key).unwrap_or(&Value::Null);
    match (map.get_mut(key), each) {
        (Some(Value::Array(items)), true) => {
            let read_items = theirs.as_array().map(Vec::as_slice).unwrap_or_default();
            for (i, item) in items.iter_mut().enumerate() {
                remove_unread(item, read_items.get(i).unwrap_or(&Value::Null), rest);
            }
        }
        (Some(inner), false) => remove_unread(inner, theirs, rest),
        _ => {}
    }
}

/// The outcome is the one the example documents, with its status and ids.
fn check(
    at: &str,
    op: &Operation,
    heading: &str,
    example: &HttpResponse,
    outcome: &Outcome,
    recorded: Recorded<'_>,
) {
    check_value(at, op, heading, example, outcome, recorded);
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

/// The value or failure is the one the example documents: its value (a
/// file's text, as written), its documented failure, or, for a body the spec
/// records as not JSON, a body that does not decode.
fn check_value(
    at: &str,
    op: &Operation,
    heading: &str,
    example: &HttpResponse,
    outcome: &Outcome,
    recorded: Recorded<'_>,
) {
    let not_json = op
        .contradictions
        .iter()
        .any(|c| c.element == format!("{}.response_examples[{}].body", op.id, recorded.index));
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
                let documented = parse_lenient(&example.body)
                    .unwrap_or_else(|e| panic!("{at}: {e}"))
                    .value;
                let documented = recorded.without_contradicted(op, documented, value);
                let ty = r.body.as_ref().expect("a body");
                let documented = values::described(spec(), ty, &documented);
                assert_eq!(
                    values::agree(&documented, value, Keys::Exact),
                    Ok(()),
                    "{at}: body"
                );
            }
        },
        (Err((_, partner_center::Error::Decode { .. })), Some(_)) if not_json => {
            assert!(
                parse_lenient(&example.body).is_err(),
                "{at}: the spec records a body that is not JSON, and it reads"
            );
        }
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
        // The answer is the first success example the server serves (where
        // the request chooses the model, the first whose request chose as
        // the one sent), or, where there is none, a body made from the spec.
        let args = args_of(op, &all);
        let outcome = call(&client, &op.id, &args).await;
        let examples = served::success_examples(spec(), op);
        let served = match &op.choice {
            None => examples.first(),
            Some(_) => {
                let chosen = |a: &Args| -> Vec<String> {
                    served::choosing_params(op)
                        .iter()
                        .map(|p| a.value(&p.name).unwrap_or_default().to_ascii_lowercase())
                        .collect()
                };
                examples.iter().find(|s| {
                    s.asked
                        .as_ref()
                        .is_some_and(|(i, r)| chosen(&Args::of(op, *i, r)) == chosen(&args))
                })
            }
        };
        let status = outcome.meta.as_ref().map(|m| m.status());
        match served {
            Some(s) => {
                let recorded = Recorded {
                    file: &s.file,
                    index: s.index,
                };
                check_value(&op.id, op, &s.heading, &s.response, &outcome, recorded);
                assert_eq!(status, Some(s.response.status), "{}", op.id);
            }
            None => {
                let response = &op.responses[0];
                assert_eq!(status, Some(response.status), "{}", op.id);
                let value = outcome
                    .result
                    .as_ref()
                    .unwrap_or_else(|e| panic!("{}: {e:?}", op.id));
                match &response.body {
                    // A file, as its text.
                    Some(Type::Binary) => assert!(value.is_string(), "{}: {value}", op.id),
                    Some(ty) => {
                        let object = value.as_object().unwrap_or_else(|| panic!("{value}"));
                        let mut keys: Vec<&str> = object.keys().map(String::as_str).collect();
                        keys.sort_unstable();
                        assert_eq!(
                            keys,
                            served::required_keys(spec(), ty),
                            "{}: {value}",
                            op.id
                        );
                    }
                    None => assert!(value.is_null(), "{}: {value}", op.id),
                }
            }
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
