//! The `partner-center-test-server` program: it listens where it says, and
//! answers as the documents show.
#![allow(clippy::unwrap_used)] // a test unwraps what it sets up itself

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

const PROGRAM: &str = env!("CARGO_BIN_EXE_partner-center-test-server");

/// The running program, stopped when the test ends, however it ends.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The program on a free port, and its address (`127.0.0.1:port`).
fn start(stderr: Stdio) -> (Running, String) {
    let mut running = Running(
        Command::new(PROGRAM)
            .args(["--port", "0"])
            .stdout(Stdio::piped())
            .stderr(stderr)
            .spawn()
            .unwrap(),
    );
    // Its first line, read on a thread: a program that says nothing fails
    // the test instead of hanging it.
    let stdout = running.0.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = BufReader::new(stdout).read_line(&mut line);
        let _ = tx.send(line);
    });
    let line = rx.recv_timeout(Duration::from_secs(30)).unwrap();
    let address = line
        .trim()
        .strip_prefix("http://")
        .filter(|a| a.starts_with("127.0.0.1:"))
        .unwrap_or_else(|| panic!("not a base URL on 127.0.0.1: {line:?}"));
    (running, address.to_string())
}

/// Sends `head` (without `Host` and the blank line) and reads the answer.
fn send(address: &str, head: &[u8]) -> String {
    let mut stream = TcpStream::connect(address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    stream.write_all(head).unwrap();
    let end = format!("\r\nHost: {address}\r\nConnection: close\r\n\r\n");
    stream.write_all(end.as_bytes()).unwrap();
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).unwrap();
    String::from_utf8_lossy(&answer).into_owned()
}

#[test]
fn the_program_serves_the_documented_examples_where_it_says() {
    let (_running, address) = start(Stdio::null());
    let answer = send(
        &address,
        b"GET /v1/compliance/csp/agreementstatus?mpnId=1234567 HTTP/1.1\r\nAuthorization: Bearer any",
    );
    assert!(answer.starts_with("HTTP/1.1 200 OK\r\n"), "{answer}");
    assert!(
        answer.ends_with("{\n    \"isAgreementSigned\": true\n}"),
        "{answer}"
    );
}

#[test]
fn what_it_prints_of_a_request_cannot_forge_a_line_or_drive_the_terminal() {
    let (mut running, address) = start(Stdio::piped());
    // Its standard error, line by line, on a thread.
    let stderr = running.0.stderr.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut stderr = BufReader::new(stderr);
        let mut line = Vec::new();
        while stderr.read_until(b'\n', &mut line).is_ok_and(|n| n > 0) {
            let _ = tx.send(String::from_utf8_lossy(&line).into_owned());
            line.clear();
        }
    });
    // A query value decoded into ESC, CR and LF; a path and a value with
    // bidi controls that would show the line reversed.
    let forged =
        "GET /v1/customers?size=1%1B%5B2J%0D%0AGET%20%2Fv1%2Fforged%20(list_customers) HTTP/1.1";
    send(&address, forged.as_bytes());
    let reversed = "HEAD /v1/domains/\u{202E}moc.elpmaxe HTTP/1.1\r\nAuthorization: Bearer t";
    send(&address, reversed.as_bytes());
    let bidi = "GET /v1/customers?size=%E2%81%A6%D8%9C%E2%80%8F1 HTTP/1.1";
    send(&address, bidi.as_bytes());

    let mut lines = Vec::new();
    while lines.len() < 4 {
        match rx.recv_timeout(Duration::from_secs(30)) {
            Ok(line) => lines.push(line),
            Err(e) => panic!("{e}: only {lines:?}"),
        }
    }
    let requests = &lines[1..];
    let hidden = |c: char| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
            || matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}')
    };
    for line in requests {
        assert!(!line.chars().any(hidden), "{line:?}");
        assert!(line.ends_with(")\n"), "one line each: {line:?}");
    }
    assert!(
        requests[0].starts_with("GET /v1/customers?size=1\\u{1b}[2J\\r\\nGET /v1/forged (list_customers) (list_customers)"),
        "{:?}",
        requests[0]
    );
    assert!(
        requests[1].starts_with("HEAD /v1/domains/\\u{202e}moc.elpmaxe ("),
        "{:?}",
        requests[1]
    );
    assert!(
        requests[2].starts_with("GET /v1/customers?size=\\u{2066}\\u{61c}\\u{200f}1 ("),
        "{:?}",
        requests[2]
    );
}

#[test]
fn a_port_that_is_no_number_is_a_usage_error() {
    let out = Command::new(PROGRAM)
        .args(["--port", "eighty"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("\"eighty\" is not a port number"),
        "{stderr}"
    );
    assert!(stderr.contains("usage:"), "{stderr}");
}
