//! `partner-center-test-server`: the crate's test server as a program, on
//! 127.0.0.1, for trying the API by hand and for testing clients written in
//! other languages. Every operation of the spec answers as its page
//! documents; any bearer token is accepted.
//!
//! ```text
//! partner-center-test-server [--port PORT]
//! ```
//!
//! It prints its base URL on the first line of standard output, then
//! serves until it is stopped (Ctrl-C), writing a line to standard error
//! for each request it received, with the control and bidi characters of
//! what the client sent escaped. Port 0, the default, is a free one.

use std::fmt;
use std::process::ExitCode;

const USAGE: &str = "usage: partner-center-test-server [--port PORT]";

fn main() -> ExitCode {
    let port = match port(std::env::args().skip(1)) {
        Ok(Some(port)) => port,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(why) => {
            eprintln!("partner-center-test-server: {why}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("partner-center-test-server: cannot start a runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(async {
        let server = match partner_center::TestServer::start_on(port).await {
            Ok(server) => server,
            Err(e) => {
                eprintln!("partner-center-test-server: cannot listen on 127.0.0.1:{port}: {e}");
                return ExitCode::FAILURE;
            }
        };
        println!("{}", server.base_url());
        eprintln!(
            "partner-center-test-server: every operation answers its documented example; stop with Ctrl-C"
        );
        // The log, shown and forgotten as it grows.
        loop {
            tokio::time::sleep(std::time::Duration::from_millis(200)).await;
            for request in server.take_requests() {
                let query = request
                    .query
                    .iter()
                    .map(|(n, v)| format!("{n}={v}"))
                    .collect::<Vec<_>>()
                    .join("&");
                eprintln!(
                    "{} {}{}{} ({})",
                    Escaped(&request.method),
                    Escaped(&request.path),
                    if query.is_empty() { "" } else { "?" },
                    Escaped(&query),
                    request.operation.unwrap_or("no operation")
                );
            }
        }
    })
}

/// The port the arguments ask for; `None` for `--help`.
fn port(mut args: impl Iterator<Item = String>) -> Result<Option<u16>, String> {
    let mut port = 0;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--port" => {
                let value = args.next().ok_or("--port needs a number")?;
                port = value
                    .parse()
                    .map_err(|_| format!("--port {value:?} is not a port number"))?;
            }
            "-h" | "--help" => return Ok(None),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    Ok(Some(port))
}

/// Text a client sent, as it is printed: a control character (CR and LF
/// would start a forged line, ESC drive the terminal) or a bidi control
/// (which shows the rest of the line reversed) is written escaped, `\r`,
/// `\u{1b}`, `\u{202e}`, as the client's errors show a server's text.
struct Escaped<'a>(&'a str);

impl fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in self.0.chars() {
            if c.is_control() || is_bidi_control(c) {
                write!(f, "{}", c.escape_default())?;
            } else {
                fmt::Write::write_char(f, c)?;
            }
        }
        Ok(())
    }
}

/// The characters that change the direction of the text after them
/// (Unicode's bidi embeddings, overrides, isolates and marks).
fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
    )
}
