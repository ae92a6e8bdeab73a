//! Answers the client cannot take: malformed, empty, of another type, too
//! large, too slow, or of a status the documents do not give.

use super::*;

#[tokio::test]
async fn malformed_json_is_a_decode_or_unexpected_body_error() {
    let server = FaultServer::start(vec![Step::json(200, r#"{"isAgreementSigned": tru"#)]).await;
    let client = server.client().build().unwrap();
    let err = call(&client).await.unwrap_err();
    assert!(
        matches!(&err, Error::Decode { expected, .. } if expected.contains("AgreementStatus")),
        "{err:?}"
    );
    // Display says which field and why (the JSON reader's reason, without
    // the value it quotes); the reader's own words are its source.
    let cause = std::error::Error::source(&err).map(ToString::to_string);
    assert!(cause.is_some_and(|c| c.contains("EOF")), "{err:?}");
    let shown = err.to_string();
    assert!(
        shown.contains("field `isAgreementSigned`: EOF while parsing a value at line 1 column 25"),
        "{shown}"
    );

    let server = FaultServer::start(vec![Step::json(400, r#"{"code": 20"#)]).await;
    let client = server.client().build().unwrap();
    let err = call(&client).await.unwrap_err();
    assert!(
        matches!(&err, Error::UnexpectedBody { excerpt, .. } if excerpt == r#"{"code": 20"#),
        "{err:?}"
    );
}

#[tokio::test]
async fn an_html_error_page_keeps_its_content_type_and_an_excerpt() {
    let page = format!("<html><body>{}</body></html>", "Not found. ".repeat(200));
    let server = FaultServer::start(vec![Step::with(404, "text/html; charset=utf-8", &page)]).await;
    let client = server.client().build().unwrap();
    let err = call(&client).await.unwrap_err();
    let Error::UnexpectedBody {
        meta,
        excerpt,
        call,
        ..
    } = &err
    else {
        panic!("{err:?}")
    };
    assert_eq!(meta.status(), 404);
    assert_eq!(meta.content_type(), Some("text/html; charset=utf-8"));
    assert!(
        excerpt.starts_with("<html><body>Not found.") && excerpt.len() < 600,
        "{excerpt}"
    );
    assert_eq!(call.attempts(), 1);
    assert!(err.to_string().contains("text/html"), "{err}");
}

#[tokio::test]
async fn an_empty_body_is_reported() {
    let server = FaultServer::start(vec![Step::json(200, "")]).await;
    let client = server.client().build().unwrap();
    assert!(matches!(
        call(&client).await.unwrap_err(),
        Error::Decode { .. }
    ));

    let server = FaultServer::start(vec![Step::json(401, "")]).await;
    let client = server.client().build().unwrap();
    let err = call(&client).await.unwrap_err();
    assert!(
        matches!(&err, Error::UnexpectedBody { meta, .. } if meta.status() == 401),
        "{err:?}"
    );
}

#[tokio::test]
async fn a_success_with_another_content_type_is_not_decoded() {
    let server = FaultServer::start(vec![Step::with(200, "text/plain", OK)]).await;
    let client = server.client().build().unwrap();
    let err = call(&client).await.unwrap_err();
    assert!(
        matches!(&err, Error::Decode { source, .. } if source.to_string().contains("text/plain")),
        "{err:?}"
    );
}

#[tokio::test]
async fn a_body_over_the_cap_is_an_error() {
    let big = format!(
        r#"{{"isAgreementSigned":true,"padding":"{}"}}"#,
        "x".repeat(4096)
    );
    let server = FaultServer::start(vec![Step::json(200, &big)]).await;
    let client = server.client().max_body_size(1024).build().unwrap();
    let err = call(&client).await.unwrap_err();
    assert!(
        matches!(&err, Error::BodyTooLarge { limit: 1024, .. }),
        "{err:?}"
    );
    assert_eq!(server.hits().len(), 1, "not retried");

    // Without Content-Length, the cap holds while reading.
    let server = FaultServer::start(vec![Step::Chunked {
        status: 200,
        chunks: vec![big.into_bytes()],
    }])
    .await;
    let client = server.client().max_body_size(1024).build().unwrap();
    let err = call(&client).await.unwrap_err();
    assert!(matches!(&err, Error::BodyTooLarge { .. }), "{err:?}");
}

#[tokio::test]
async fn a_body_trickling_past_the_deadline_times_out() {
    let trickle = Step::Trickle {
        interval: Duration::from_millis(100),
        body: OK.as_bytes().to_vec(),
    };
    let server = FaultServer::start(vec![trickle]).await;
    let client = server
        .client()
        .attempt_timeout(Duration::from_secs(30))
        .call_timeout(Duration::from_millis(800))
        .build()
        .unwrap();
    let err = call(&client).await.unwrap_err();
    assert!(err.is_timeout(), "{err:?}");
    assert_eq!(err.call().unwrap().attempts(), 1);
    // The status and headers had arrived: the failure keeps them.
    assert_eq!(err.meta().map(|m| m.status()), Some(200), "{err:?}");
}

/// A success status the documents do not give is not an answer: the
/// domain check, which the documents answer with 200 (in use) or 404
/// (available), gets a 201. It is not taken for either, nor retried.
#[tokio::test]
async fn a_success_status_the_documents_do_not_give_is_an_unexpected_answer() {
    let bare = |status| Step::Reply {
        status,
        headers: Vec::new(),
        body: Vec::new(),
    };
    for status in [201, 206, 299] {
        let server = FaultServer::start(vec![bare(status), bare(200)]).await;
        let client = server.client().build().unwrap();
        let err = client
            .verify_domain_availability("contoso.example")
            .await
            .map_err(Error::from)
            .unwrap_err();
        let Error::Decode {
            meta,
            expected,
            source,
            excerpt,
            call,
            ..
        } = &err
        else {
            panic!("{status}: {err:?}")
        };
        assert_eq!(meta.status(), status);
        assert!(
            expected.ends_with("::VerifyDomainAvailabilityResponse"),
            "{expected}"
        );
        assert_eq!(
            source.to_string(),
            format!("status {status} is not an answer the documents give")
        );
        assert_eq!(excerpt, "");
        assert_eq!(call.attempts(), 1);
        assert_eq!(server.hits().len(), 1, "{status}: not retried");
    }
    // The first status past them is a redirect's.
    let server = FaultServer::start(vec![bare(300)]).await;
    let client = server.client().build().unwrap();
    let err = call(&client).await.unwrap_err();
    assert!(
        matches!(&err, Error::Redirected { location: None, meta, .. } if meta.status() == 300),
        "{err:?}"
    );
}
