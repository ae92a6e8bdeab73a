//! An HTTP/1.1 server on 127.0.0.1 that misbehaves on purpose: each request
//! gets the next scripted step (the last one repeats), and every request is
//! recorded with the time it arrived.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Notify;
use tokio::time::Instant;

/// What the server does with one request.
#[derive(Debug, Clone)]
pub enum Step {
    /// A complete response, with `Content-Length`.
    Reply {
        status: u16,
        headers: Vec<(String, String)>,
        body: Vec<u8>,
    },
    /// Waits, then replies.
    Slow(Duration, Box<Step>),
    /// Reads the request and closes the connection without answering.
    Close,
    /// Sends the head and part of the body, then resets the connection
    /// once `head_read` says the client has read the head (a
    /// [`Recorder`](crate::events::Recorder)'s `heads_read`): a reset sent
    /// before could be all the client sees of the response.
    ResetMidBody {
        declared: usize,
        sent: Vec<u8>,
        head_read: Arc<Notify>,
    },
    /// Sends the body one byte at a time.
    Trickle { interval: Duration, body: Vec<u8> },
    /// A complete response in `Transfer-Encoding: chunked`, a chunk for each
    /// piece of `chunks`: the client reads each one apart.
    Chunked { status: u16, chunks: Vec<Vec<u8>> },
}

impl Step {
    /// A JSON response.
    pub fn json(status: u16, body: &str) -> Step {
        Step::with(status, "application/json", body)
    }

    /// A response with this content type.
    pub fn with(status: u16, content_type: &str, body: &str) -> Step {
        Step::Reply {
            status,
            headers: vec![("Content-Type".into(), content_type.into())],
            body: body.as_bytes().to_vec(),
        }
    }

    /// A 429 with the documented throttling body and, if given, `Retry-After`.
    pub fn throttled(retry_after: Option<&str>) -> Step {
        let mut headers = vec![("Content-Type".to_string(), "application/json".to_string())];
        if let Some(value) = retry_after {
            headers.push(("Retry-After".into(), value.into()));
        }
        let body = r#"{ "statusCode": 429, "message": "Rate limit is exceeded. Try again in 1 seconds." }"#;
        Step::Reply {
            status: 429,
            headers,
            body: body.as_bytes().to_vec(),
        }
    }
}

/// A request the server received.
#[derive(Debug, Clone)]
pub struct Hit {
    pub at: Instant,
    pub request_line: String,
    pub headers: Vec<(String, String)>,
}

impl Hit {
    /// The value of header `name` (compared without case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// The misbehaving server. It stops when dropped.
pub struct FaultServer {
    pub base_url: String,
    hits: Arc<Mutex<Vec<Hit>>>,
    task: tokio::task::JoinHandle<()>,
}

impl FaultServer {
    pub async fn start(steps: Vec<Step>) -> FaultServer {
        assert!(!steps.is_empty(), "a script needs a step");
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind 127.0.0.1:0");
        let base_url = format!("http://{}", listener.local_addr().expect("local address"));
        let hits = Arc::new(Mutex::new(Vec::new()));
        let recorded = hits.clone();
        let task = tokio::spawn(async move {
            let mut next = 0;
            while let Ok((socket, _)) = listener.accept().await {
                let step = steps[next.min(steps.len() - 1)].clone();
                next += 1;
                tokio::spawn(serve(socket, step, recorded.clone()));
            }
        });
        FaultServer {
            base_url,
            hits,
            task,
        }
    }

    /// Every request received so far, in order.
    pub fn hits(&self) -> Vec<Hit> {
        self.hits.lock().unwrap().clone()
    }

    /// A client of this server with short backoffs, so that retries are quick.
    pub fn client(&self) -> partner_center::ClientBuilder {
        partner_center::Client::builder(partner_center::Cloud::Global)
            .base_url(&self.base_url)
            .allow_http_on_loopback()
            .token("secret-token-value")
            .retry(
                partner_center::RetryPolicy::default()
                    .base_delay(Duration::from_millis(10))
                    .max_delay(Duration::from_millis(50)),
            )
    }
}

impl Drop for FaultServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn serve(mut socket: TcpStream, step: Step, hits: Arc<Mutex<Vec<Hit>>>) {
    let mut head = Vec::new();
    let mut buf = [0u8; 4096];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        match socket.read(&mut buf).await {
            Ok(0) | Err(_) => return,
            Ok(n) => head.extend_from_slice(&buf[..n]),
        }
    }
    let text = String::from_utf8_lossy(&head).into_owned();
    let mut lines = text.split("\r\n");
    let request_line = lines.next().unwrap_or_default().to_string();
    let headers = lines
        .take_while(|l| !l.is_empty())
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .collect();
    hits.lock().unwrap().push(Hit {
        at: Instant::now(),
        request_line,
        headers,
    });
    let _ = act(&mut socket, step).await;
}

fn head(status: u16, headers: &[(String, String)], length: Option<usize>) -> Vec<u8> {
    let mut out = format!("HTTP/1.1 {status} Scripted\r\nConnection: close\r\n");
    for (n, v) in headers {
        out.push_str(&format!("{n}: {v}\r\n"));
    }
    match length {
        Some(n) => out.push_str(&format!("Content-Length: {n}\r\n\r\n")),
        None => out.push_str("Transfer-Encoding: chunked\r\n\r\n"),
    }
    out.into_bytes()
}

async fn act(socket: &mut TcpStream, step: Step) -> std::io::Result<()> {
    match step {
        Step::Reply {
            status,
            headers,
            body,
        } => {
            socket
                .write_all(&head(status, &headers, Some(body.len())))
                .await?;
            socket.write_all(&body).await?;
            socket.flush().await
        }
        Step::Slow(delay, then) => {
            tokio::time::sleep(delay).await;
            Box::pin(act(socket, *then)).await
        }
        Step::Close => socket.shutdown().await,
        Step::ResetMidBody {
            declared,
            sent,
            head_read,
        } => {
            // Waiting from before the head is sent: the client may read it
            // before this task would have started to wait.
            let mut read = std::pin::pin!(head_read.notified());
            read.as_mut().enable();
            let json = [("Content-Type".to_string(), "application/json".to_string())];
            // One write, so that it all goes out at once (no part held back
            // waiting for an acknowledgement): the reset drops what is unsent.
            let mut response = head(200, &json, Some(declared));
            response.extend_from_slice(&sent);
            socket.write_all(&response).await?;
            socket.flush().await?;
            // Bounded, so that a client that never says it read the head
            // (built without `tracing`) fails its test instead of hanging it.
            let _ = tokio::time::timeout(Duration::from_secs(10), read).await;
            // Linger 0: closing sends RST, not FIN.
            socket.set_zero_linger()?;
            Ok(())
        }
        Step::Trickle { interval, body } => {
            let json = [("Content-Type".to_string(), "application/json".to_string())];
            socket
                .write_all(&head(200, &json, Some(body.len())))
                .await?;
            for byte in body {
                socket.write_all(&[byte]).await?;
                socket.flush().await?;
                tokio::time::sleep(interval).await;
            }
            Ok(())
        }
        Step::Chunked { status, chunks } => {
            let json = [("Content-Type".to_string(), "application/json".to_string())];
            socket.write_all(&head(status, &json, None)).await?;
            for chunk in chunks.iter().filter(|c| !c.is_empty()) {
                socket
                    .write_all(format!("{:x}\r\n", chunk.len()).as_bytes())
                    .await?;
                socket.write_all(chunk).await?;
                socket.write_all(b"\r\n").await?;
                socket.flush().await?;
            }
            socket.write_all(b"0\r\n\r\n").await?;
            socket.flush().await
        }
    }
}
