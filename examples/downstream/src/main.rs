//! Calls AgreementStatus against a one-shot HTTP server on 127.0.0.1 and
//! exits 0 if the client saw what the server sent.

use partner_center::{AgreementStatusError, Client, Cloud, Program, Reseller};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// Answers `responses` in order, one connection each.
async fn serve(listener: TcpListener, responses: Vec<String>) {
    for response in responses {
        let Ok((mut socket, _)) = listener.accept().await else { return };
        let mut request = Vec::new();
        let mut buf = [0u8; 1024];
        while !request.windows(4).any(|w| w == b"\r\n\r\n") {
            match socket.read(&mut buf).await {
                Ok(0) | Err(_) => break,
                Ok(n) => request.extend_from_slice(&buf[..n]),
            }
        }
        let _ = socket.write_all(response.as_bytes()).await;
    }
}

fn http_response(status: &str, body: &str) -> String {
    format!(
        "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nMS-RequestId: aa04fb9d-c6b6-4754-8a6a-86e00cdd5ccb\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let base_url = format!("http://{}", listener.local_addr()?);
    let responses = vec![
        http_response("200 OK", r#"{"isAgreementSigned": true}"#),
        http_response(
            "400 Bad Request",
            r#"{"code": 2205, "description": "Partner Center doesn't find any account associated to the Tenant ID 12345678-ACBD-1234-ABCD-123456789ABC", "data": [], "source": "PartnerFD"}"#,
        ),
    ];
    let server = tokio::spawn(serve(listener, responses));

    let client = Client::builder(Cloud::Global)
        .base_url(base_url)
        .allow_http_on_loopback()
        .token("example-token")
        .application("downstream-example")
        .build()?;

    let status = client
        .agreement_status(Program::Csp, Reseller::MpnId(1_234_567))
        .await?;
    assert!(status.is_agreement_signed);
    assert_eq!(status.meta().request_id(), Some("aa04fb9d-c6b6-4754-8a6a-86e00cdd5ccb"));

    let tenant = "a2898e3a-06ca-454e-a0d0-c73b0ee36bba".parse()?;
    match client.agreement_status(Program::Csp, Reseller::TenantId(tenant)).await {
        Err(AgreementStatusError::TenantIdNotFound(_)) => {}
        other => return Err(format!("expected TenantIdNotFound, got {other:?}").into()),
    }
    server.await?;
    println!("downstream: agreement_status ok");
    Ok(())
}
