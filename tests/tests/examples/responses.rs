//! Each example response gives its documented outcome: the typed value or
//! the documented failure.

use super::*;

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
