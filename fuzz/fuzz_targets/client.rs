//! The client's calls against a server that answers anything: a server on
//! 127.0.0.1 answers each request with the input (its first byte picks the
//! operation called and the status; then header lines, if a blank line
//! ends them; the rest is the body, sent as JSON).
//! Whatever it answers, a call gives a value or an error, never a panic;
//! and an error's `Display` shows no control character and never the token.
#![no_main]

use std::pin::pin;
use std::sync::{Arc, LazyLock, Mutex, PoisonError};
use std::time::Duration;

use libfuzzer_sys::fuzz_target;
use partner_center::{Client, Cloud, Error, Program, Reseller, RetryPolicy, Uuid};
use partner_center_fuzz::CLIENT_STATUSES;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::runtime::Runtime;

const TOKEN: &str = "fuzz-secret-token";

/// The runtime, the client and the bytes the server answers next.
struct Harness {
    runtime: Runtime,
    client: Client,
    answer: Arc<Mutex<Vec<u8>>>,
}

static HARNESS: LazyLock<Harness> = LazyLock::new(|| {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap_or_else(|e| panic!("no runtime: {e}"));
    let answer = Arc::new(Mutex::new(Vec::new()));
    let base_url = runtime.block_on(async {
        let listener = TcpListener::bind("127.0.0.1:0").await;
        let listener = listener.unwrap_or_else(|e| panic!("cannot listen: {e}"));
        let address = listener.local_addr().unwrap_or_else(|e| panic!("{e}"));
        tokio::spawn(serve(listener, answer.clone()));
        format!("http://{address}")
    });
    let client = Client::builder(Cloud::Global)
        .base_url(&base_url)
        .allow_http_on_loopback()
        .token(TOKEN)
        .retry(RetryPolicy::none())
        .attempt_timeout(Duration::from_secs(5))
        .build()
        .unwrap_or_else(|e| panic!("no client: {e}"));
    Harness {
        runtime,
        client,
        answer,
    }
});

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    let harness = &*HARNESS;
    let status = CLIENT_STATUSES[usize::from(which >> 3) % CLIENT_STATUSES.len()];
    // Header lines of the server's own before a blank line, if any; those
    // that frame the message are the server's to write.
    let (headers, body) = match rest.windows(4).position(|w| w == b"\r\n\r\n") {
        Some(end) => (&rest[..end], &rest[end + 4..]),
        None => (&b""[..], rest),
    };
    let mut answer = format!(
        "HTTP/1.1 {status} Fuzz\r\nContent-Type: application/json\r\nContent-Length: {}\r\n",
        body.len()
    )
    .into_bytes();
    for line in headers.split(|&b| b == b'\n') {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        let name = line.split(|&b| b == b':').next().unwrap_or_default();
        let framing = [&b"content-length"[..], b"transfer-encoding", b"connection"]
            .iter()
            .any(|f| name.trim_ascii().eq_ignore_ascii_case(f));
        if !framing && !line.contains(&b'\r') && line.contains(&b':') {
            answer.extend_from_slice(line);
            answer.extend_from_slice(b"\r\n");
        }
    }
    answer.extend_from_slice(b"\r\n");
    answer.extend_from_slice(body);
    *harness
        .answer
        .lock()
        .unwrap_or_else(PoisonError::into_inner) = answer;

    let client = &harness.client;
    let id = Uuid::nil();
    let result = harness.runtime.block_on(async {
        // In the order of CLIENT_OPERATIONS.
        match which % 8 {
            0 => drop_value(
                client
                    .agreement_status(Program::Csp, Reseller::MpnId(1))
                    .await,
            ),
            1 => drop_value(client.get_customer(id).await),
            2 => drop_value(client.list_customers(10).await),
            3 => drop_value(client.get_customer_billing_profile(id).await),
            4 => drop_value(client.list_customer_users(id).await),
            5 => drop_value(client.get_customer_user(id, id).await),
            6 => drop_value(client.list_available_licenses(id).await),
            // A listing followed: the next page gets the same answer.
            _ => {
                let mut items = pin!(client.list_customers(1).items());
                for _ in 0..3 {
                    match items.next().await {
                        Some(Err(e)) => return Err(Error::from(e)),
                        Some(Ok(_)) => {}
                        None => break,
                    }
                }
                Ok(())
            }
        }
    });
    if let Err(e) = result {
        let shown = e.to_string();
        assert!(!shown.chars().any(char::is_control), "{shown:?}");
        assert!(!shown.contains(TOKEN), "{shown}");
        assert!(!format!("{e:?}").contains(TOKEN), "{e:?}");
    }
});

/// A call's result, its value dropped.
// The crate's own choice (its errors keep the response's headers).
#[allow(clippy::result_large_err)]
fn drop_value<T, E: Into<Error>>(result: Result<T, E>) -> Result<(), Error> {
    result.map(|_| ()).map_err(Into::into)
}

/// Answers every request on every connection with the current answer.
async fn serve(listener: TcpListener, answer: Arc<Mutex<Vec<u8>>>) {
    while let Ok((stream, _)) = listener.accept().await {
        tokio::spawn(connection(stream, answer.clone()));
    }
}

async fn connection(mut stream: TcpStream, answer: Arc<Mutex<Vec<u8>>>) {
    let mut read = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        // A request is its head: the calls fuzzed send no body.
        while !read.windows(4).any(|w| w == b"\r\n\r\n") {
            match stream.read(&mut chunk).await {
                Ok(0) | Err(_) => return,
                Ok(n) => read.extend_from_slice(&chunk[..n]),
            }
        }
        if let Some(end) = read.windows(4).position(|w| w == b"\r\n\r\n") {
            read.drain(..end + 4);
        }
        let bytes = answer
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        if stream.write_all(&bytes).await.is_err() {
            return;
        }
    }
}
