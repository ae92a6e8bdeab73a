//! Requests written byte by byte on a TCP connection to 127.0.0.1, for what
//! no typed client sends: a head that trickles in, a body that never ends,
//! bytes that are not UTF-8, a connection that stays silent.

use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::time::Instant;

/// An answer as read from the wire.
#[derive(Debug, Clone)]
pub struct Answer {
    pub status: u16,
    /// The status line and headers, as sent.
    pub head: String,
    pub body: Vec<u8>,
}

impl Answer {
    /// The first value of a header, its name compared without case.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.head.lines().skip(1).find_map(|line| {
            let (n, v) = line.split_once(':')?;
            n.trim().eq_ignore_ascii_case(name).then(|| v.trim())
        })
    }

    /// The body as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }
}

/// A connection to `address` (`127.0.0.1:port`).
pub async fn connect(address: &str) -> TcpStream {
    TcpStream::connect(address).await.unwrap()
}

/// The address of a base URL such as `http://127.0.0.1:49152`.
pub fn address(base_url: &str) -> String {
    base_url.trim_start_matches("http://").to_string()
}

/// Sends `request` as it is on a new connection and reads one answer;
/// `None` when none came `within`.
pub async fn exchange(address: &str, request: &[u8], within: Duration) -> Option<Answer> {
    let mut stream = connect(address).await;
    stream.write_all(request).await.unwrap();
    read_answer(&mut stream, within).await
}

/// Reads one answer (its head, then `Content-Length` bytes, or up to the
/// end when it has none); `None` when it did not come in full `within`.
pub async fn read_answer(stream: &mut TcpStream, within: Duration) -> Option<Answer> {
    let deadline = Instant::now() + within;
    let mut bytes = Vec::new();
    let mut chunk = [0u8; 64 * 1024];
    loop {
        if let Some(answer) = complete(&bytes) {
            return Some(answer);
        }
        let read = tokio::time::timeout_at(deadline, stream.read(&mut chunk)).await;
        match read {
            Ok(Ok(0)) | Ok(Err(_)) => return complete_at_end(&bytes),
            Ok(Ok(n)) => bytes.extend_from_slice(&chunk[..n]),
            Err(_) => return None,
        }
    }
}

/// The answer in `bytes` if its head and declared body are all there.
fn complete(bytes: &[u8]) -> Option<Answer> {
    let end = bytes.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = String::from_utf8_lossy(&bytes[..end]).into_owned();
    let mut answer = Answer {
        status: head.get(9..12)?.parse().ok()?,
        head,
        body: Vec::new(),
    };
    let length: usize = answer.header("Content-Length")?.parse().ok()?;
    let body = bytes.get(end + 4..end + 4 + length)?;
    answer.body = body.to_vec();
    Some(answer)
}

/// The answer in `bytes` when the connection ended after them.
fn complete_at_end(bytes: &[u8]) -> Option<Answer> {
    complete(bytes).or_else(|| {
        let end = bytes.windows(4).position(|w| w == b"\r\n\r\n")?;
        let head = String::from_utf8_lossy(&bytes[..end]).into_owned();
        Some(Answer {
            status: head.get(9..12)?.parse().ok()?,
            head,
            body: bytes[end + 4..].to_vec(),
        })
    })
}

/// How long after `since` the server closed `stream` (an end of stream or
/// a reset), reading and dropping whatever it sends meanwhile; `None` if it
/// is still open `within` after `since`. Every `trickle`, one more header
/// line is written, as a slow client writes its head.
pub async fn closed_within(
    stream: &mut TcpStream,
    since: Instant,
    within: Duration,
    trickle: Option<Duration>,
) -> Option<Duration> {
    let deadline = since + within;
    let mut chunk = [0u8; 4096];
    let mut next = trickle.map(|every| Instant::now() + every);
    let mut written = 0;
    loop {
        let wake = next.map_or(deadline, |n| n.min(deadline));
        tokio::select! {
            read = stream.read(&mut chunk) => match read {
                Ok(0) | Err(_) => return Some(since.elapsed()),
                Ok(_) => {}
            },
            () = tokio::time::sleep_until(wake) => {
                if Instant::now() >= deadline {
                    return None;
                }
                if let (Some(every), Some(at)) = (trickle, &mut next) {
                    let line = format!("X-Slow-{written}: 1\r\n");
                    if stream.write_all(line.as_bytes()).await.is_err() {
                        return Some(since.elapsed());
                    }
                    written += 1;
                    *at += every;
                }
            }
        }
    }
}
