//! The HTTP messages of the documents' examples. They are written loosely: the
//! examples put the JSON body right under the headers, with no blank line,
//! so a header section ends at a blank line or at the first line that is not
//! `Name: value`; some request lines are relative or lack the version.

/// An example request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpRequest {
    pub method: String,
    /// The request target as written: most examples give absolute URLs, a
    /// few a path.
    pub target: String,
    pub headers: Vec<(String, String)>,
    /// The body, trimmed; empty when there is none.
    pub body: String,
}

/// An example response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpResponse {
    pub status: u16,
    pub reason: String,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl HttpRequest {
    /// The first value of header `name` (compared without case).
    pub fn header(&self, name: &str) -> Option<&str> {
        find(&self.headers, name)
    }

    /// The path of the target, without scheme, host or query.
    pub fn path(&self) -> &str {
        let target = self.target.as_str();
        let target = match target.split_once("://") {
            Some((_, rest)) => rest.find('/').map_or("", |i| &rest[i..]),
            None => target,
        };
        target.split_once('?').map_or(target, |(path, _)| path)
    }

    /// The query of the target, without `?`; empty when there is none.
    pub fn query(&self) -> &str {
        self.target.split_once('?').map_or("", |(_, q)| q)
    }
}

impl HttpResponse {
    /// The first value of header `name` (compared without case).
    pub fn header(&self, name: &str) -> Option<&str> {
        find(&self.headers, name)
    }

    /// The headers a server sends for this example: all but those that
    /// frame the message ([`HttpHeader`]'s `frames`), which the server sets
    /// itself.
    pub fn served_headers(&self) -> impl Iterator<Item = &(String, String)> {
        self.headers
            .iter()
            .filter(|(n, _)| !http_header(n).is_some_and(|h| h.frames))
    }

    /// The body a server sends for this example: as written when it is
    /// JSON (a byte-order mark included: clients pass over it), else the
    /// JSON it means, else as written.
    pub fn served_body(&self) -> String {
        match super::parse_lenient(&self.body) {
            Ok(read) if !read.quirks.iter().all(|q| q.contains("byte-order mark")) => {
                read.value.to_string()
            }
            _ => self.body.clone(),
        }
    }
}

/// One of HTTP's own headers (not Partner Center's): the examples write
/// them, the spec does not list them, since the spec states what is
/// particular to the API and HTTP states these.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HttpHeader {
    /// As HTTP writes it.
    pub name: &'static str,
    /// It frames the message on the wire (its length, its connection, its
    /// encoding): a server sends its own, never an example's, whose
    /// `Content-Length` values are often wrong.
    pub frames: bool,
    /// The client's transport sets it from the call (the host, the body's
    /// length and type, the connection, `Expect`, the encodings it
    /// decodes): an example request's value is not what the client sends.
    pub set_by_transport: bool,
    /// Its value is the moment the example was taken (`Date`): no later
    /// message can send it again (HTTP lets a client leave it out, and the
    /// client does).
    pub dated: bool,
}

/// HTTP's own headers that the examples write, and the part each plays.
/// `Transfer-Encoding` frames responses only: the client sends its bodies
/// with a length, and no example request writes one. `X-Powered-By` and
/// `X-SourceFiles` are the web server's (IIS, ASP.NET), as `Server` is:
/// the catalog's examples show them, and no page says more of them. The
/// webhook examples write `Content-Encoding: gzip` over the body they show
/// decoded: a server sends its own, as it encodes the body it sends.
pub static HTTP_HEADERS: [HttpHeader; 14] = [
    HttpHeader::named("Host").transport_sets(),
    HttpHeader::named("Content-Length")
        .framing()
        .transport_sets(),
    HttpHeader::named("Content-Type").transport_sets(),
    HttpHeader::named("Date").of_its_moment(),
    HttpHeader::named("Connection").framing().transport_sets(),
    HttpHeader::named("Server"),
    HttpHeader::named("Transfer-Encoding").framing(),
    HttpHeader::named("Cache-Control"),
    HttpHeader::named("Expect").transport_sets(),
    HttpHeader::named("Accept-Encoding").transport_sets(),
    HttpHeader::named("Content-Encoding").framing(),
    HttpHeader::named("Vary"),
    HttpHeader::named("X-Powered-By"),
    HttpHeader::named("X-SourceFiles"),
];

/// The words of the table above.
impl HttpHeader {
    /// A header that plays no part but being HTTP's own.
    const fn named(name: &'static str) -> HttpHeader {
        HttpHeader {
            name,
            frames: false,
            set_by_transport: false,
            dated: false,
        }
    }

    /// It frames the message (`frames`).
    const fn framing(self) -> HttpHeader {
        HttpHeader {
            frames: true,
            ..self
        }
    }

    /// Its value is the example's moment (`dated`).
    const fn of_its_moment(self) -> HttpHeader {
        HttpHeader {
            dated: true,
            ..self
        }
    }

    /// The client's transport sets it (`set_by_transport`).
    const fn transport_sets(self) -> HttpHeader {
        HttpHeader {
            set_by_transport: true,
            ..self
        }
    }
}

/// How a file of a media type starts, where its format says so (a PDF's
/// `%PDF-`): an example of such a file that starts otherwise is none.
pub fn file_signature(media: &str) -> Option<&'static str> {
    FILE_SIGNATURES
        .iter()
        .find(|(m, _)| m.eq_ignore_ascii_case(media))
        .map(|(_, s)| *s)
}

const FILE_SIGNATURES: [(&str, &str); 1] = [("application/pdf", "%PDF-")];

/// The header `name` (compared without case) when it is one of HTTP's own.
pub fn http_header(name: &str) -> Option<&'static HttpHeader> {
    HTTP_HEADERS
        .iter()
        .find(|h| h.name.eq_ignore_ascii_case(name))
}

fn find<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

const METHODS: [&str; 7] = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

/// Whether a line starts an example request: `METHOD target [HTTP/x.y]`.
pub fn is_request_line(line: &str) -> bool {
    let mut parts = line.split_whitespace();
    matches!(
        (parts.next(), parts.next()),
        (Some(m), Some(_)) if METHODS.contains(&m)
    )
}

/// Whether a line starts an example response: `HTTP/x.y status`.
pub fn is_status_line(line: &str) -> bool {
    line.trim_start().starts_with("HTTP/")
}

/// The messages of a code block: a few blocks hold several, each starting
/// with a request or status line.
pub fn split_messages(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in text.lines() {
        let starts = is_request_line(line) || is_status_line(line);
        if starts || out.is_empty() {
            out.push(String::new());
        }
        if let Some(current) = out.last_mut() {
            current.push_str(line);
            current.push('\n');
        }
    }
    out
}

/// Parses `METHOD target [HTTP/x.y]`, the headers under it, and the body.
pub fn parse_request(text: &str) -> Result<HttpRequest, String> {
    let mut lines = text.lines().skip_while(|l| l.trim().is_empty());
    let first = lines.next().ok_or("empty request")?;
    let mut parts = first.split_whitespace();
    let (Some(method), Some(target)) = (parts.next(), parts.next()) else {
        return Err(format!(
            "request line `{first}` is not `METHOD target HTTP/x.y`"
        ));
    };
    if !METHODS.contains(&method) {
        return Err(format!(
            "request line `{first}` does not start with an HTTP method"
        ));
    }
    // The version may be missing, or written `HTTP 1.1`.
    let version: Vec<&str> = parts.collect();
    let versioned = match version[..] {
        [] => true,
        [v] => v.starts_with("HTTP/"),
        ["HTTP", n] => n.parse::<f32>().is_ok(),
        _ => false,
    };
    if !versioned {
        return Err(format!(
            "request line `{first}` does not end with an HTTP version"
        ));
    }
    let (headers, body) = headers(lines);
    Ok(HttpRequest {
        method: method.to_string(),
        target: target.to_string(),
        headers,
        body: body.join("\n").trim().to_string(),
    })
}

/// Text with its `%XX` escapes (and `+` for a space) decoded; invalid UTF-8
/// is replaced, never refused.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    let hex = |b: Option<&u8>| b.and_then(|b| (*b as char).to_digit(16));
    while i < bytes.len() {
        match (bytes[i], hex(bytes.get(i + 1)), hex(bytes.get(i + 2))) {
            (b'%', Some(high), Some(low)) => {
                out.push((high * 16 + low) as u8);
                i += 3;
            }
            (b'+', _, _) => {
                out.push(b' ');
                i += 1;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The name and value pairs of a query (without its `?`), both
/// percent-decoded, in their order; empty pairs (`a=1&&b=2`) are passed
/// over, and a name without `=` has an empty value.
pub fn query_pairs(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (name, value) = p.split_once('=').unwrap_or((p, ""));
            (percent_decode(name), percent_decode(value))
        })
        .collect()
}

/// Parses `HTTP/x.y status reason`, the headers, and the body after them.
pub fn parse_response(text: &str) -> Result<HttpResponse, String> {
    let mut lines = text.lines().skip_while(|l| l.trim().is_empty());
    let first = lines.next().ok_or("empty response")?;
    let mut parts = first.trim().splitn(3, ' ');
    let version = parts.next().unwrap_or_default();
    if !version.starts_with("HTTP/") {
        return Err(format!(
            "status line `{first}` does not start with an HTTP version"
        ));
    }
    let status = parts
        .next()
        .and_then(|s| s.parse::<u16>().ok())
        .ok_or_else(|| format!("status line `{first}` has no numeric status"))?;
    let reason = parts.next().unwrap_or_default().trim().to_string();
    let (headers, body) = headers(lines);
    Ok(HttpResponse {
        status,
        reason,
        headers,
        body: body.join("\n").trim().to_string(),
    })
}

/// Splits header lines from the rest. Blank lines between header lines are
/// passed over (the throttling page double-spaces its example).
fn headers<'a>(lines: impl Iterator<Item = &'a str>) -> (Vec<(String, String)>, Vec<&'a str>) {
    let lines: Vec<&str> = lines.collect();
    let mut headers = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if let Some((name, value)) = header_line(lines[i]) {
            headers.push((name.to_string(), value.to_string()));
            i += 1;
            continue;
        }
        let next = lines[i..].iter().position(|l| !l.trim().is_empty());
        match next {
            Some(n) if n > 0 && header_line(lines[i + n]).is_some() => i += n,
            _ => break,
        }
    }
    (headers, lines[i..].to_vec())
}

fn header_line(line: &str) -> Option<(&str, &str)> {
    let (name, value) = line.split_once(':')?;
    let is_token = !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b));
    is_token.then(|| (name, value.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_may_follow_headers_without_a_blank_line() {
        let r =
            parse_response("HTTP/1.1 400 Bad Request\nMS-CV: a.0\n{\n  \"code\": 1\n}\n").unwrap();
        assert_eq!((r.status, r.reason.as_str()), (400, "Bad Request"));
        assert_eq!(r.header("ms-cv"), Some("a.0"));
        assert_eq!(r.body, "{\n  \"code\": 1\n}");
    }

    #[test]
    fn blank_lines_between_headers_are_passed_over() {
        let r = parse_response(
            "HTTP/1.1 429 Too Many Requests \n\nRetry-After: 57 \n\n{ \"statusCode\": 429 } \n",
        )
        .unwrap();
        assert_eq!(r.header("Retry-After"), Some("57"));
        assert_eq!(r.body, "{ \"statusCode\": 429 }");
    }

    #[test]
    fn request_line_and_headers() {
        let r = parse_request("GET https://h/p?q=1 HTTP/1.1\nAccept: application/json\n").unwrap();
        assert_eq!((r.path(), r.query()), ("/p", "q=1"));
        assert_eq!(
            (r.method.as_str(), r.target.as_str()),
            ("GET", "https://h/p?q=1")
        );
        assert_eq!(r.header("accept"), Some("application/json"));
        assert_eq!(
            parse_request("FETCH / HTTP/1.1\n").unwrap_err(),
            "request line `FETCH / HTTP/1.1` does not start with an HTTP method"
        );
        assert_eq!(percent_decode("a%20b+c%7B%zz"), "a b c{%zz");
        assert_eq!(
            query_pairs("a=1&&b&c%5B0%5D=x+y&d=e=f"),
            [("a", "1"), ("b", ""), ("c[0]", "x y"), ("d", "e=f")]
                .map(|(n, v)| (n.into(), v.into()))
        );
        assert_eq!(
            parse_request("GET / HTTP/1.1 extra\n").unwrap_err(),
            "request line `GET / HTTP/1.1 extra` does not end with an HTTP version"
        );
        // A version written with a space is still one.
        let spaced = parse_request("GET /a HTTP 1.1\n").unwrap();
        assert_eq!(
            (spaced.method.as_str(), spaced.target.as_str()),
            ("GET", "/a")
        );
        assert_eq!((spaced.headers.len(), spaced.body.as_str()), (0, ""));
        let relative = parse_request("POST /v1/x?a=1\nContent-Type: json\n\n{}\n").unwrap();
        assert_eq!(
            (relative.path(), relative.query(), relative.body.as_str()),
            ("/v1/x", "a=1", "{}")
        );
        assert_eq!(
            parse_response("HTTP/1.1 abc\n").unwrap_err(),
            "status line `HTTP/1.1 abc` has no numeric status"
        );
    }

    #[test]
    fn the_parts_http_headers_play() {
        let with = |part: fn(&HttpHeader) -> bool| -> Vec<&str> {
            HTTP_HEADERS
                .iter()
                .filter(|h| part(h))
                .map(|h| h.name)
                .collect()
        };
        assert_eq!(
            with(|h| h.frames),
            [
                "Content-Length",
                "Connection",
                "Transfer-Encoding",
                "Content-Encoding"
            ]
        );
        assert_eq!(
            with(|h| h.set_by_transport),
            [
                "Host",
                "Content-Length",
                "Content-Type",
                "Connection",
                "Expect",
                "Accept-Encoding"
            ]
        );
        assert_eq!(
            http_header("content-type").map(|h| h.name),
            Some("Content-Type")
        );
        assert_eq!(http_header("MS-RequestId"), None);
    }
}
