//! The `partner-center-test-server` program: it listens where it says, and
//! answers as the documents show.
#![allow(clippy::unwrap_used)] // a test unwraps what it sets up itself

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};

const PROGRAM: &str = env!("CARGO_BIN_EXE_partner-center-test-server");

#[test]
fn the_program_serves_the_documented_examples_where_it_says() {
    let mut child = Command::new(PROGRAM)
        .args(["--port", "0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let address = line
        .trim()
        .strip_prefix("http://127.0.0.1:")
        .map(|port| format!("127.0.0.1:{port}"));
    let answer = address.map(|address| {
        let mut stream = TcpStream::connect(&address).unwrap();
        let request = format!(
            "GET /v1/compliance/csp/agreementstatus?mpnId=1234567 HTTP/1.1\r\nHost: {address}\r\nAuthorization: Bearer any\r\nConnection: close\r\n\r\n"
        );
        stream.write_all(request.as_bytes()).unwrap();
        let mut answer = String::new();
        stream.read_to_string(&mut answer).unwrap();
        answer
    });
    child.kill().unwrap();
    child.wait().unwrap();
    let answer = answer.unwrap_or_else(|| panic!("not a base URL: {line:?}"));
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
