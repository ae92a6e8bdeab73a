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

#[test]
fn the_program_serves_the_documented_examples_where_it_says() {
    let mut running = Running(
        Command::new(PROGRAM)
            .args(["--port", "0"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
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

    let mut stream = TcpStream::connect(address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let request = format!(
        "GET /v1/compliance/csp/agreementstatus?mpnId=1234567 HTTP/1.1\r\nHost: {address}\r\nAuthorization: Bearer any\r\nConnection: close\r\n\r\n"
    );
    stream.write_all(request.as_bytes()).unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 200 OK\r\n"), "{answer}");
    assert!(
        answer.ends_with("{\n    \"isAgreementSigned\": true\n}"),
        "{answer}"
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
