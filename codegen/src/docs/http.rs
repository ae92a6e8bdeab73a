//! The HTTP messages of the documents' examples. They are written loosely: the
//! response examples put the JSON body right under the headers, with no blank
//! line, so a header section ends at a blank line or at the first line that is
//! not `Name: value`.

/// An example request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpRequest {
    pub method: String,
    /// The request target as written (the examples give absolute URLs).
    pub target: String,
    pub headers: Vec<(String, String)>,
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
}

impl HttpResponse {
    /// The first value of header `name` (compared without case).
    pub fn header(&self, name: &str) -> Option<&str> {
        find(&self.headers, name)
    }
}

fn find<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// Parses `METHOD target HTTP/x.y` and the headers under it.
pub fn parse_request(text: &str) -> Result<HttpRequest, String> {
    let mut lines = text.lines().skip_while(|l| l.trim().is_empty());
    let first = lines.next().ok_or("empty request")?;
    let mut parts = first.split_whitespace();
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(format!(
            "request line `{first}` is not `METHOD target HTTP/x.y`"
        ));
    };
    if !version.starts_with("HTTP/") {
        return Err(format!(
            "request line `{first}` does not end with an HTTP version"
        ));
    }
    let (headers, _) = headers(lines);
    Ok(HttpRequest {
        method: method.to_string(),
        target: target.to_string(),
        headers,
    })
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
        assert_eq!(
            (r.method.as_str(), r.target.as_str()),
            ("GET", "https://h/p?q=1")
        );
        assert_eq!(r.header("accept"), Some("application/json"));
        assert!(parse_request("GET /\n").is_err());
        assert!(parse_response("HTTP/1.1 abc\n").is_err());
    }
}
