//! How an error shows what the server said: its text with control
//! characters escaped, the first bytes of a body, and the call's ids.

use std::fmt;

use super::CallInfo;

pub(crate) fn write_call(f: &mut fmt::Formatter<'_>, call: &CallInfo) -> fmt::Result {
    write!(
        f,
        " [MS-RequestId {}, MS-CorrelationId {}, {} attempt{}]",
        call.request_id,
        call.correlation_id,
        call.attempts,
        if call.attempts == 1 { "" } else { "s" }
    )
}

/// Text from the server, shown with its control characters escaped, so that
/// a response cannot write to the reader's terminal.
pub(crate) struct Shown<'a>(pub(crate) &'a str);

impl fmt::Display for Shown<'_> {
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

/// The characters that reorder the text around them (the Unicode
/// bidirectional controls): shown as they are, a server's text could make a
/// log line read other than it is.
fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

impl fmt::Debug for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.0, f)
    }
}

/// The first bytes of a body, for error messages.
pub(crate) fn excerpt(body: &[u8]) -> String {
    const MAX: usize = 512;
    let text = String::from_utf8_lossy(&body[..body.len().min(MAX)]).into_owned();
    if body.len() > MAX {
        format!("{text}…")
    } else {
        text
    }
}
