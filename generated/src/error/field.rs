//! Which field of a JSON body failed to decode, and why, in words that never
//! show a value of the body (a password a response carries, a secret of the
//! partner's): the path of the field, worked out from the position the JSON
//! reader gives, and the reader's message with the value it quotes left out.
//!
//! The path costs nothing until a body fails: it is found by reading the
//! body again, up to the failure, instead of tracking it while decoding.

/// The path of the field `error` (from reading `body`) is about:
/// `companyProfile.domain`, `items[2].id`; `None` for the body as a whole.
pub(crate) fn failed_field(body: &[u8], error: &serde_json::Error) -> Option<String> {
    if error.line() == 0 {
        return None;
    }
    let offset = offset_of(body, error.line(), error.column());
    let mut path = path_at(&body[..offset.min(body.len())]);
    // A missing field is reported at the end of its object: the path is the
    // object's, the message names the field.
    let message = error.to_string();
    if let Some(rest) = message.strip_prefix("missing field `")
        && let Some(name) = rest.split('`').next()
    {
        path.push(Step::Key(name.to_string()));
    }
    (!path.is_empty()).then(|| show(&path))
}

/// The byte just past `line` and `column` (both from 1, as serde_json counts).
fn offset_of(body: &[u8], line: usize, column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match body[start..].iter().position(|b| *b == b'\n') {
            Some(at) => start += at + 1,
            None => return body.len(),
        }
    }
    start + column
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Key(String),
    Index(usize),
}

/// A container open at some point of the body.
enum Open {
    /// An object, and the key of the value being read (`None` before one).
    Object(Option<String>),
    /// An array, and the index of the value being read.
    Array(usize),
}

/// The path to the value being read at the end of `read`; after a `}` that
/// ends it, the path of the object just closed (where serde reports what
/// it misses).
fn path_at(read: &[u8]) -> Vec<Step> {
    let mut open: Vec<Open> = Vec::new();
    let mut closed: Option<Vec<Step>> = None;
    let mut string: Option<Vec<u8>> = None;
    let mut escaped = false;
    let mut key_next = false;
    for &byte in read {
        if let Some(text) = &mut string {
            match (escaped, byte) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => {
                    let text = String::from_utf8_lossy(text).into_owned();
                    string = None;
                    if key_next && let Some(Open::Object(key)) = open.last_mut() {
                        *key = Some(text);
                    }
                    key_next = false;
                    continue;
                }
                _ => {}
            }
            if key_next {
                text.push(byte);
            }
            continue;
        }
        closed = None;
        match byte {
            b'"' => string = Some(Vec::new()),
            b'{' => {
                open.push(Open::Object(None));
                key_next = true;
            }
            b'[' => open.push(Open::Array(0)),
            b',' => match open.last_mut() {
                Some(Open::Array(index)) => *index += 1,
                Some(Open::Object(_)) => key_next = true,
                None => {}
            },
            b'}' | b']' => {
                closed = Some(steps(&open[..open.len().saturating_sub(1)]));
                open.pop();
            }
            _ => {}
        }
    }
    closed.unwrap_or_else(|| steps(&open))
}

fn steps(open: &[Open]) -> Vec<Step> {
    open.iter()
        .filter_map(|o| match o {
            Open::Object(key) => key.clone().map(Step::Key),
            Open::Array(index) => Some(Step::Index(*index)),
        })
        .collect()
}

/// `companyProfile.domain`, `items[2].id`.
fn show(path: &[Step]) -> String {
    let mut shown = String::new();
    for step in path {
        match step {
            Step::Key(key) if shown.is_empty() => shown.push_str(key),
            Step::Key(key) => {
                shown.push('.');
                shown.push_str(key);
            }
            Step::Index(index) => shown.push_str(&format!("[{index}]")),
        }
    }
    shown
}

/// serde's message without the value it quotes: `invalid type: string
/// "hunter2", expected an integer` is `invalid type: string, expected an
/// integer`. Only the kind of value is kept.
pub(crate) fn without_value(message: &str) -> String {
    for lead in ["invalid type: ", "invalid value: "] {
        let Some(rest) = message.strip_prefix(lead) else {
            continue;
        };
        for kind in ["boolean ", "integer ", "floating point ", "character "] {
            if let Some(value) = rest.strip_prefix(kind)
                && let Some(after) = value.strip_prefix('`')
                && let Some(end) = after.find('`')
            {
                return format!("{lead}{}{}", kind.trim_end(), &after[end + 1..]);
            }
        }
        if let Some(value) = rest.strip_prefix("string \"") {
            // The value is written with its quotes escaped.
            let mut escaped = false;
            for (at, c) in value.char_indices() {
                match (escaped, c) {
                    (true, _) => escaped = false,
                    (false, '\\') => escaped = true,
                    (false, '"') => return format!("{lead}string{}", &value[at + 1..]),
                    _ => {}
                }
            }
        }
    }
    message.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The failed field's path and the message without the value.
    fn fail<T: serde::de::DeserializeOwned + std::fmt::Debug>(body: &str) -> Failed {
        let error = serde_json::from_str::<T>(body).unwrap_err();
        Failed {
            path: failed_field(body.as_bytes(), &error),
            why: without_value(&error.to_string()),
        }
    }

    #[derive(Debug)]
    struct Failed {
        path: Option<String>,
        why: String,
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Profile {
        domain: String,
        size: u32,
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Customer {
        id: String,
        profile: Profile,
        tags: Vec<Profile>,
    }

    #[test]
    fn a_wrong_type_names_its_field_and_not_its_value() {
        let body = r#"{"id": "a", "profile": {"domain": "hunter\"2", "size": "x"}, "tags": []}"#;
        let failed = fail::<Customer>(body);
        assert_eq!(failed.path.as_deref(), Some("profile.size"));
        assert_eq!(
            failed.why,
            "invalid type: string, expected u32 at line 1 column 58"
        );
        let failed = fail::<Customer>(r#"{"id": 5}"#);
        assert_eq!(failed.path.as_deref(), Some("id"));
        assert_eq!(
            failed.why,
            "invalid type: integer, expected a string at line 1 column 8"
        );
    }

    #[test]
    fn a_missing_field_is_named_with_its_object() {
        let body = "{\n  \"id\": \"a\",\n  \"profile\": {\"size\": 1},\n  \"tags\": []\n}";
        let failed = fail::<Customer>(body);
        assert_eq!(failed.path.as_deref(), Some("profile.domain"));
        assert!(
            failed.why.starts_with("missing field `domain`"),
            "{failed:?}"
        );
        let failed = fail::<Customer>(r#"{"profile": {"domain": "d", "size": 1}, "tags": []}"#);
        assert_eq!(failed.path.as_deref(), Some("id"));
    }

    #[test]
    fn items_of_arrays_are_numbered() {
        let body = r#"{"id": "a", "profile": {"domain": "d", "size": 1},
            "tags": [{"domain": "d", "size": 1}, {"domain": "d", "size": -1}]}"#;
        let failed = fail::<Customer>(body);
        assert_eq!(failed.path.as_deref(), Some("tags[1].size"));
        assert!(
            failed
                .why
                .starts_with("invalid value: integer, expected u32")
        );
    }

    #[test]
    fn a_body_that_is_no_json_has_no_path() {
        let failed = fail::<Customer>("<html>");
        assert_eq!(failed.path, None);
        assert_eq!(failed.why, "expected value at line 1 column 1");
    }
}
