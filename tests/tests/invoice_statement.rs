//! An invoice's statement, as a user saves it: a PDF, read a piece at a
//! time into a writer of the user's (a file, say), never held whole by the
//! client; the bytes exactly as sent, whatever they are.
#![allow(clippy::unwrap_used)] // a test unwraps what it sets up itself

use std::io::Write;

use partner_center::{Error, GetInvoiceStatementError, TestServer};
use partner_center_tests::fault::{FaultServer, Step};

/// A PDF's worth of bytes: its header, then every byte value, over and
/// over, for `len` bytes (not text: a decoder that took it for UTF-8 or
/// JSON would fail or change it).
fn pdf(len: usize) -> Vec<u8> {
    let mut bytes = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut n: u32 = 7;
    while bytes.len() < len {
        n = n.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        bytes.push((n >> 16) as u8);
    }
    bytes
}

/// A file of the user's: it counts the writes it is given.
#[derive(Default)]
struct Saved {
    bytes: Vec<u8>,
    writes: usize,
}

impl Write for Saved {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.writes += 1;
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn statement(body: Vec<u8>) -> Step {
    Step::Reply {
        status: 200,
        headers: vec![
            ("Content-Type".into(), "application/pdf".into()),
            (
                "Content-Disposition".into(),
                "attachment; filename=Invoice_G000024132.pdf".into(),
            ),
        ],
        body,
    }
}

#[tokio::test]
async fn a_statement_is_written_to_a_writer_a_piece_at_a_time() {
    let file = pdf(3 << 20);
    let server = FaultServer::start(vec![statement(file.clone())]).await;
    let client = server.client().build().unwrap();

    let response = client.get_invoice_statement("G000024132").await.unwrap();
    assert_eq!(response.meta().status(), 200);
    let download = response.into_inner();
    assert_eq!(download.content_type(), Some("application/pdf"));
    let mut saved = Saved::default();
    let written = download.write_to(&mut saved).await.unwrap();

    assert_eq!(written, file.len() as u64);
    assert!(saved.bytes == file, "the bytes as sent");
    assert!(
        saved.writes > 1,
        "a piece at a time: {} write(s)",
        saved.writes
    );
    let hits = server.hits();
    assert_eq!(
        hits[0].request_line,
        "GET /v1/invoices/G000024132/documents/statement HTTP/1.1"
    );
}

#[tokio::test]
async fn a_statement_over_the_download_limit_stops_there() {
    let server = FaultServer::start(vec![statement(pdf(1 << 20))]).await;
    let client = server
        .client()
        .max_download_size(256 << 10)
        .build()
        .unwrap();
    let download = client
        .get_invoice_statement("G000024132")
        .await
        .unwrap()
        .into_inner();
    let mut saved = Saved::default();
    let err = download.write_to(&mut saved).await.unwrap_err();
    assert!(matches!(err, Error::BodyTooLarge { .. }), "{err:?}");
    assert!(
        saved.bytes.len() <= 256 << 10,
        "{} written",
        saved.bytes.len()
    );
}

#[tokio::test]
async fn the_test_server_answers_a_file_of_the_statement_s_media_type() {
    // The page's example is a debugger's view, not a PDF: the test server
    // answers a few bytes of the spec's media type instead.
    let server = TestServer::start().await.unwrap();
    let client = server.client().build().unwrap();
    let download = client
        .get_invoice_statement("G000024132")
        .await
        .unwrap()
        .into_inner();
    assert_eq!(download.content_type(), Some("application/pdf"));
    assert!(!download.bytes().await.unwrap().is_empty());

    // The page documents no failure: any is `Other`, its status kept.
    server.get_invoice_statement().status(404, "");
    let failed = client.get_invoice_statement("G000000000").await;
    let Err(GetInvoiceStatementError::Other(err)) = failed else {
        panic!("{failed:?}")
    };
    assert_eq!(err.meta().map(|m| m.status()), Some(404));
}
