//! The lenient reader, on what the documents write.

use super::*;

#[test]
fn strict_json_has_no_quirks() {
    let got = parse_lenient(r#"{"a": [1, 2.5, -3e2], "b": {"c": null, "d": true}, "e": "x\"y"}"#)
        .unwrap();
    assert_eq!(
        got.value,
        serde_json::json!({"a": [1, 2.5, -300.0], "b": {"c": null, "d": true}, "e": "x\"y"})
    );
    assert!(got.quirks.is_empty(), "{:?}", got.quirks);
    assert!(got.not_json.is_empty(), "{:?}", got.not_json);
}

#[test]
fn what_the_documents_write_is_read_and_noted() {
    let text = "\u{feff}{\n  \"Domain\": \"x\",\n  password: 'abc',\n  \"q\": <quantity>,\n  \"items\": [ {\"a\": 1}, ... ],\n  …\n}";
    let got = parse_lenient(text).unwrap();
    assert_eq!(
        got.value,
        serde_json::json!({"Domain": "x", "password": "abc", "q": "<quantity>", "items": [{"a": 1}]})
    );
    assert_eq!(
        got.quirks,
        [
            "line 1: a byte-order mark",
            "line 3: an unquoted key",
            "line 3: a single-quoted string",
            "line 4: a bare placeholder",
            "line 5: an ellipsis for elided content",
            "line 6: an ellipsis for elided content",
        ]
    );
    // Placeholders, elisions and the mark are the documents' ways of
    // writing JSON; the quotes and the key are slips.
    assert_eq!(
        got.not_json,
        ["line 3: an unquoted key", "line 3: a single-quoted string"]
    );
    let trailing = parse_lenient("{\"a\": 1,\n}").unwrap();
    assert_eq!(trailing.quirks, ["line 2: a trailing comma"]);
    assert_eq!(trailing.not_json, trailing.quirks);
    let loose = parse_lenient("{“a”: 1 \"b\": [2 {}] # note\n}").unwrap();
    assert_eq!(loose.value, serde_json::json!({"a": 1, "b": [2, {}]}));
    assert_eq!(
        loose.quirks,
        [
            "line 1: typographic quotes",
            "line 1: a missing comma",
            "line 1: a `#` comment",
        ]
    );
    assert_eq!(loose.not_json, loose.quirks);
    // Indented with no-break spaces (get-invoiceline-items.md): not
    // JSON's whitespace, a slip.
    let indented = parse_lenient("{\n\u{a0}\u{a0}\"a\": 1\n}").unwrap();
    assert_eq!(indented.value, serde_json::json!({"a": 1}));
    assert_eq!(indented.quirks, ["line 2: a no-break space"]);
    assert_eq!(indented.not_json, indented.quirks);
    let half = parse_lenient("{\n  OrderId\": \"6183\"\n}").unwrap();
    assert_eq!(half.value, serde_json::json!({"OrderId": "6183"}));
    assert_eq!(
        half.not_json,
        ["line 2: a property name without its opening quote"]
    );
    // A text broken over two lines (get-an-offer-by-id.md): read as the
    // text it shows, and a slip, since JSON escapes a line break.
    let broken = parse_lenient("{\"d\": \"one,\n  two\"}").unwrap();
    assert_eq!(broken.value, serde_json::json!({"d": "one,\n  two"}));
    assert_eq!(
        broken.not_json,
        ["line 1: a line break or control character in a string"]
    );
}

#[test]
fn comments_a_question_mark_and_misplaced_braces_are_slips() {
    // create-a-cart.md comments its line items; checkout-a-cart.md
    // starts its body with `?`; update-a-cart.md doubles the braces.
    let commented =
        parse_lenient("{\n  \"a\": [\n    {\n    /* one */\n      \"id\": 0\n    }\n  ]\n}")
            .unwrap();
    assert_eq!(commented.value, serde_json::json!({"a": [{"id": 0}]}));
    assert_eq!(commented.not_json, ["line 4: a `/* */` comment"]);
    // (`{...}`, an object left out, is left out.)
    let marked = parse_lenient("?{\n  \"a\": {...},\n  \"b\": 1,\n  ...\n}").unwrap();
    assert_eq!(marked.value, serde_json::json!({"b": 1}));
    assert_eq!(marked.not_json, ["line 1: a `?` before the body"]);
    let doubled = parse_lenient("{\n  {\n    \"a\": [1],\n  }\n}").unwrap();
    assert_eq!(doubled.value, serde_json::json!({"a": [1]}));
    assert_eq!(
        doubled.not_json,
        [
            "line 2: an object in a second pair of braces",
            "line 4: a trailing comma"
        ]
    );
    // get-all-of-a-customer-s-orders.md leaves a line item unclosed.
    let unclosed = parse_lenient("{\"items\": [\n  {\"a\": 1\n  ],\n  \"b\": 2}").unwrap();
    assert_eq!(
        unclosed.value,
        serde_json::json!({"items": [{"a": 1}], "b": 2})
    );
    assert_eq!(unclosed.not_json, ["line 3: a missing `}`"]);
    // create-a-self-serve-policy.md leaves its permissions unclosed.
    let open = parse_lenient("{\"p\": [{\n  \"a\": 1\n}\n}").unwrap();
    assert_eq!(open.value, serde_json::json!({"p": [{"a": 1}]}));
    assert_eq!(open.not_json, ["line 4: a missing `]`"]);
    for bad in [
        "{ {\"a\": 1} \"b\": 2}",
        "{\"a\": /* open",
        "?x",
        "{\"a\": 1]",
    ] {
        assert!(parse_lenient(bad).is_err(), "{bad}");
    }
}

#[test]
fn items_left_out_are_read_as_an_ellipsis() {
    // An ellipsis with no comma before it, and one in brackets among
    // the items (get-a-sku-by-id.md, get-a-list-of-skus-for-a-product.md).
    let text =
        "{\"a\": [\n  \"x\"\n…\n], \"items\": [\n  {\"b\": 1}\n  [...]\n], \"c\": [ [ … ] ]}";
    let got = parse_lenient(text).unwrap();
    assert_eq!(
        got.value,
        serde_json::json!({"a": ["x"], "items": [{"b": 1}], "c": []})
    );
    assert!(got.not_json.is_empty(), "{:?}", got.not_json);
    assert!(
        got.quirks.iter().all(|q| q.contains("ellipsis")),
        "{:?}",
        got.quirks
    );
    // An object left out is left out, as an elided value is.
    let object = parse_lenient("{\"a\": 1, \"product\": { ... }, \"sku\": {…}}").unwrap();
    assert_eq!(object.value, serde_json::json!({"a": 1}));
    // An empty array is still one.
    let empty = parse_lenient("{\"a\": [], \"b\": [[]]}").unwrap();
    assert_eq!(empty.value, serde_json::json!({"a": [], "b": [[]]}));
}

#[test]
fn broken_json_is_an_error_with_its_line() {
    for (bad, error) in [
        ("{\"a\": }", "line 1: no JSON value (at '}')"),
        ("{\"a\" 1}", "line 1: no `:` after a property name (at '}')"),
        ("[1 2]", "line 1: no `,` or `]` (at '2')"),
        ("{\"a\": \"b", "line 1: an unclosed string (at the end)"),
        ("", "line 1: no JSON value (at the end)"),
        ("{} x", "line 1: text after the JSON value (at 'x')"),
        ("{,}", "line 1: a comma with no property before it (at ',')"),
        ("{\n\n  \"a\": ]", "line 3: no JSON value (at ']')"),
        ("{\"a\": 1, {}}", "line 1: no property name (at '{')"),
    ] {
        assert_eq!(parse_lenient(bad).unwrap_err(), error, "{bad}");
    }
    assert_eq!(
        parse_lenient(&"[".repeat(1000)).unwrap_err(),
        "line 1: nesting too deep (at '[')"
    );
    assert!(is_placeholder("<guid>") && !is_placeholder("<a><b>") && !is_placeholder("<>"));
}

#[test]
fn capitalized_literals_are_read_as_a_slip() {
    let got = parse_lenient("{\n  \"a\": Null,\n  \"b\": True,\n  \"c\": False\n}").unwrap();
    assert_eq!(
        got.value,
        serde_json::json!({"a": null, "b": true, "c": false})
    );
    let noted = [
        "line 2: a capitalized `true`, `false` or `null`",
        "line 3: a capitalized `true`, `false` or `null`",
        "line 4: a capitalized `true`, `false` or `null`",
    ];
    assert_eq!(got.quirks, noted);
    assert_eq!(got.not_json, noted);
    assert!(parse_lenient("{\"a\": NULL}").is_err());
}

#[test]
fn a_string_broken_over_lines_is_read_as_a_slip() {
    let got = parse_lenient("{\n  \"a\": \"^[0-9]{\n  5\n}$\"\n}").unwrap();
    assert_eq!(got.value, serde_json::json!({"a": "^[0-9]{\n  5\n}$"}));
    let noted = [
        "line 2: a line break or control character in a string",
        "line 3: a line break or control character in a string",
    ];
    assert_eq!(got.quirks, noted);
    assert_eq!(got.not_json, noted);
}
