//! The request target, path and query, percent-decoded strictly: bytes that
//! are not UTF-8 once decoded are kept as they were sent and marked, never
//! replaced by U+FFFD, so that a value read lossily is never judged, and
//! answered, as if it had been sent; and the request as the server read
//! it (`Incoming`), which the judgement and the routes take.

use percent_encoding::percent_decode_str;

/// A request as the server read it.
pub(crate) struct Incoming<'a> {
    pub(crate) method: &'a str,
    /// The path as sent, percent-encoded.
    pub(crate) path: &'a str,
    /// Percent-decoded segments; those that are not UTF-8, as sent.
    pub(crate) segments: &'a [Segment<'a>],
    /// Percent-decoded pairs.
    pub(crate) query: &'a [(String, String)],
    /// The first query pair that is not UTF-8 once decoded, as sent.
    pub(crate) query_not_utf8: Option<&'a str>,
    pub(crate) headers: &'a http::HeaderMap,
    pub(crate) body: &'a [u8],
}

impl Incoming<'_> {
    /// A header's value, if it is text.
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

/// A path segment: its text once percent-decoded, or, when that is not
/// UTF-8, the segment as sent (still percent-encoded).
pub(crate) type Segment<'a> = Result<String, &'a str>;

/// The segments of `path`, each decoded on its own (an encoded `/` stays
/// inside its segment).
pub(crate) fn segments(path: &str) -> Vec<Segment<'_>> {
    path.trim_start_matches('/')
        .split('/')
        .map(|s| match percent_decode_str(s).decode_utf8() {
            Ok(text) => Ok(text.into_owned()),
            Err(_) => Err(s),
        })
        .collect()
}

/// The query's name and value pairs, decoded as a form (`+` is a space),
/// and the first pair that is not UTF-8 once decoded, as sent. The pairs
/// are for the log and are decoded lossily; a request with such a pair is
/// refused before any of them is read.
pub(crate) fn query(query: &str) -> (Vec<(String, String)>, Option<&str>) {
    let pairs = url::form_urlencoded::parse(query.as_bytes())
        .into_owned()
        .collect();
    let not_utf8 = query
        .split('&')
        .find(|pair| percent_decode_str(pair).decode_utf8().is_err());
    (pairs, not_utf8)
}

#[cfg(test)]
mod tests {
    use super::{query, segments};

    #[test]
    fn bytes_that_are_not_utf8_are_kept_as_sent() {
        let decoded = segments("/v1/a%20b/%FF/%C3%BF/%C3");
        let expected: Vec<Result<String, &str>> = vec![
            Ok("v1".into()),
            Ok("a b".into()),
            Err("%FF"),
            Ok("\u{ff}".into()),
            Err("%C3"),
        ];
        assert_eq!(decoded, expected);

        let (pairs, not_utf8) = query("a=1&b=%FF+x&c=%C3%BF");
        assert_eq!(
            pairs[1],
            ("b".into(), "\u{FFFD} x".into()),
            "lossy, for the log"
        );
        assert_eq!(not_utf8, Some("b=%FF+x"));
        assert_eq!(query("a=%C3%BF&%FF").1, Some("%FF"));
        assert_eq!(query("a=b+c&d=%2B").1, None);
    }
}
