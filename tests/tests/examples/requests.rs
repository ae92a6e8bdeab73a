//! Each example request is what the client sends when called with its values.

use super::*;

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
                    let recorded = m.op.records(&file, &element, Some(&why));
                    assert!(recorded, "{at}: {why}, and the spec records no `{element}`");
                    replayed += 1;
                    continue;
                }
            };
            let mut args = Args::of(m.op, m.index, &example);
            let contradicted = args.take_contradicted(m.op, m.index);
            let recorded = |what: &str| {
                let element = format!("{}.request_examples[{}].{what}", m.op.id, m.index);
                m.op.records(&file, &element, None)
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
                let recorded = m.op.records(&file, &element, Some(&example.method));
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
                let recorded = m.op.records(&file, &element, Some(example.path()));
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
    assert_eq!(replayed, documented(true), "every page's request examples");
}

/// The example's headers are the ones sent, but for HTTP's own that the
/// client's transport sets: ids as GUIDs (they are fresh for each call),
/// the token as present (the server's log never keeps it), `Accept` as one
/// of the types the example lists, the others as written. A header the spec says only an example shows (the .NET SDK's
/// own name) is not one the client sends.
fn headers(at: &str, documented: &[(String, String)], got: &partner_center::Received) {
    for (name, value) in documented {
        // The transport's own, or the moment the example was taken (the
        // Date of remove-a-reseller-relationship-with-a-customer.md's).
        if http_header(name).is_some_and(|h| h.set_by_transport || h.dated) {
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
