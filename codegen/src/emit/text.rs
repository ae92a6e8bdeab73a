//! Text in generated code, laid out as a person would: doc comments wrapped
//! to a readable width, and long string literals split over lines with
//! `concat!`, so that no generated line is much wider than 100 columns.

use proc_macro2::TokenStream;
use quote::quote;

/// Doc text is wrapped at this many characters (before indentation and `/// `).
const DOC_WIDTH: usize = 90;

/// A string literal whose escaped text is longer than this is split into
/// pieces of at most this.
const LITERAL_WIDTH: usize = 80;

/// Doc attributes for `text`, one per line, so that it reads as written,
/// prose wrapped at [`DOC_WIDTH`] (tables and code blocks as they are).
/// `<` outside code spans is escaped: rustdoc would take `<token>` for an
/// HTML tag. What a comment cannot hold is made text that can
/// ([`comment_safe`]); the data the crate carries keeps it as written.
pub(crate) fn doc(text: &str) -> TokenStream {
    let text = comment_safe(text);
    let mut lines = Vec::new();
    let mut in_fence = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            in_fence = !in_fence;
        }
        if in_fence || line.trim_start().starts_with("```") {
            lines.push(format!(" {line}"));
        } else if line.trim_start().starts_with('|') {
            lines.push(format!(" {}", escape_markup(line)));
        } else {
            wrap(&escape_markup(line), &mut lines);
        }
    }
    let lines = lines.iter().map(|l| quote! { #[doc = #l] });
    quote! { #(#lines)* }
}

/// `text` as a doc comment can hold it. Its line breaks are `\n`: a bare
/// `\r` is an error in a doc comment (and `\r\n` would leave one wherever
/// a line is cut). Characters that reorder how text is displayed (the
/// bidirectional controls, which rustc refuses in comments: a reader would
/// not see the code the compiler sees) and other control characters are
/// written as their escape, `\u{202E}`, so that the doc shows them.
fn comment_safe(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_bidi_control(c) || (c.is_control() && !matches!(c, '\n' | '\t')) {
            out.push_str(&format!("\\u{{{:04X}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// The characters that change the direction of the text around them:
/// embeddings, overrides and isolates (rustc's
/// `text_direction_codepoint_in_comment` and `_in_literal`), and the marks,
/// which can reorder neighbouring characters too.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// `doc`, then a blank doc line, then `more`.
pub(crate) fn doc2(text: &str, more: &str) -> TokenStream {
    doc(&format!("{text}\n\n{more}"))
}

/// `<` (an HTML tag to rustdoc) and `[` (a link to rustdoc: the analytics
/// pages' `orderby=field [order]`) escaped outside code spans; a link the
/// generator writes, `` [`Client`] ``, is kept.
fn escape_markup(line: &str) -> String {
    let mut escaped = String::with_capacity(line.len() + 2);
    let mut in_code = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '`' => in_code = !in_code,
            '<' if !in_code => escaped.push('\\'),
            '[' if !in_code && chars.peek() != Some(&'`') => escaped.push('\\'),
            _ => {}
        }
        escaped.push(c);
    }
    escaped
}

/// `line` as doc lines (each with the leading space of `/// `), broken at
/// spaces before [`DOC_WIDTH`]; the lines after the first of a list item
/// are indented under its text, so that they stay in the item. A line is
/// never broken before a word that would begin a block of its own there
/// (`+ productKey` would become a list item).
fn wrap(line: &str, out: &mut Vec<String>) {
    let indent = line.len() - line.trim_start().len();
    let body = &line[indent..];
    let marker = ["- ", "* "]
        .iter()
        .find(|m| body.starts_with(**m))
        .map_or(0, |m| m.len());
    let hang = " ".repeat(indent + marker);
    let mut current = format!(" {}", &line[..indent]);
    let mut width = 0;
    for word in body.split(' ') {
        let len = word.chars().count();
        if width > 0 && width + 1 + len > DOC_WIDTH && !begins_block(word) {
            out.push(std::mem::take(&mut current));
            current = format!(" {hang}{word}");
            width = hang.len() + len;
        } else {
            if width > 0 {
                current.push(' ');
                width += 1;
            }
            current.push_str(word);
            width += len;
        }
    }
    out.push(current);
}

/// Whether a line that starts with `word` (and a space) is a markdown
/// block other than a paragraph: a list item (`-`, `+`, `*`, `1.`, `1)`),
/// a heading (`#`), a quote (`>`), a rule or underline (`---`, `===`), or a
/// fence (a word of three backticks or tildes).
fn begins_block(word: &str) -> bool {
    let all = |c: char| !word.is_empty() && word.chars().all(|x| x == c);
    let numbered = word
        .strip_suffix(['.', ')'])
        .is_some_and(|n| !n.is_empty() && n.len() <= 9 && n.bytes().all(|b| b.is_ascii_digit()));
    matches!(word, "-" | "+" | "*" | ">")
        || (all('#') && word.len() <= 6)
        || all('-')
        || all('=')
        || word.starts_with("```")
        || word.starts_with("~~~")
        || numbered
}

/// A string literal of `value`: as is when short, else `concat!` of pieces
/// that each fit a line, broken after a line break of the text or a space
/// where there is one.
pub(crate) fn literal(value: &str) -> TokenStream {
    if escaped_width(value) <= LITERAL_WIDTH {
        return quote!(#value);
    }
    let mut pieces: Vec<&str> = Vec::new();
    let mut rest = value;
    while !rest.is_empty() {
        let end = piece_end(rest);
        pieces.push(&rest[..end]);
        rest = &rest[end..];
    }
    quote!(concat!(#(#pieces),*))
}

/// Where the first piece of `text` ends: after its last line break or
/// space within [`LITERAL_WIDTH`] escaped characters, else at that width.
fn piece_end(text: &str) -> usize {
    let mut width = 0;
    let (mut newline, mut space, mut hard) = (None, None, text.len());
    for (i, c) in text.char_indices() {
        width += escaped_width_of(c);
        if width > LITERAL_WIDTH {
            hard = if i == 0 { c.len_utf8() } else { i };
            break;
        }
        let after = i + c.len_utf8();
        match c {
            '\n' => newline = Some(after),
            ' ' => space = Some(after),
            _ => {}
        }
    }
    if hard == text.len() {
        return hard;
    }
    newline.or(space).unwrap_or(hard)
}

fn escaped_width(text: &str) -> usize {
    text.chars().map(escaped_width_of).sum()
}

/// Columns a character takes in a Rust string literal, escaped as
/// proc-macro2 escapes it (`char::escape_debug`, but `'` as is).
fn escaped_width_of(c: char) -> usize {
    match c {
        '\'' => 1,
        c => c.escape_debug().count(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brackets_of_the_documents_are_no_links_and_ours_stay_links() {
        let line = "orderby=field [order], see [`Client`] and `a [b]`";
        assert_eq!(
            escape_markup(line),
            "orderby=field \\[order], see [`Client`] and `a [b]`"
        );
    }

    #[test]
    fn long_literals_are_pieces_that_make_the_same_text() {
        let text = "{\n  \"id\": \"eebd1b55-5360-4438-a11d-5c06918c3014\",\n  \"name\": \"a name that goes on and on and on and on and on and on\"\n}";
        let tokens = literal(text).to_string();
        assert!(tokens.starts_with("concat !"), "{tokens}");
        let expr: syn::Expr = syn::parse_str(&tokens).unwrap();
        let syn::Expr::Macro(m) = expr else {
            panic!("{tokens}")
        };
        let pieces = m
            .mac
            .parse_body_with(
                syn::punctuated::Punctuated::<syn::LitStr, syn::Token![,]>::parse_terminated,
            )
            .unwrap();
        let joined: String = pieces.iter().map(|p| p.value()).collect();
        assert_eq!(joined, text);
        assert!(
            pieces
                .iter()
                .all(|p| escaped_width(&p.value()) <= LITERAL_WIDTH)
        );
        assert_eq!(quote!("short").to_string(), literal("short").to_string());
    }

    #[test]
    fn a_piece_without_a_space_is_cut_at_a_character_boundary() {
        let text = "é".repeat(200);
        let end = piece_end(&text);
        assert!(text.is_char_boundary(end));
        assert_eq!(end, LITERAL_WIDTH * 'é'.len_utf8());
    }

    /// The values of the doc attributes of `tokens`.
    fn doc_values(tokens: TokenStream) -> Vec<String> {
        let attrs = syn::parse::Parser::parse2(syn::Attribute::parse_outer, tokens).unwrap();
        attrs
            .iter()
            .map(|a| match &a.meta {
                syn::Meta::NameValue(nv) => match &nv.value {
                    syn::Expr::Lit(syn::ExprLit {
                        lit: syn::Lit::Str(s),
                        ..
                    }) => s.value(),
                    _ => panic!("a doc attribute's value is a string"),
                },
                _ => panic!("a doc attribute is `doc = ..`"),
            })
            .collect()
    }

    #[test]
    fn doc_comments_hold_no_carriage_return_and_show_bidi_controls_escaped() {
        let text = "one\r\ntwo\rthree \u{202E}four\u{2066}\u{200F} nul\u{0}\ttab";
        let lines = doc_values(doc(text));
        assert_eq!(
            lines,
            [
                " one",
                " two",
                " three \\u{202E}four\\u{2066}\\u{200F} nul\\u{0000}\ttab"
            ]
        );
    }

    #[test]
    fn literals_escape_bidi_controls_and_keep_the_text() {
        let text = "a\r\nb\rc \u{202A}\u{202E}\u{2066}\u{2069}\u{200E}\u{061C} ".repeat(8);
        let tokens = literal(&text).to_string();
        assert!(!tokens.chars().any(|c| is_bidi_control(c) || c == '\r'));
        let expr: syn::Expr = syn::parse_str(&tokens).unwrap();
        let syn::Expr::Macro(m) = expr else {
            panic!("{tokens}")
        };
        let pieces = m
            .mac
            .parse_body_with(
                syn::punctuated::Punctuated::<syn::LitStr, syn::Token![,]>::parse_terminated,
            )
            .unwrap();
        assert_eq!(pieces.iter().map(|p| p.value()).collect::<String>(), text);
        assert!(
            pieces
                .iter()
                .all(|p| p.token().to_string().chars().count() <= LITERAL_WIDTH + 2)
        );
    }

    #[test]
    fn doc_lines_wrap_and_list_items_hang() {
        let text = format!("- {}", "word ".repeat(40).trim_end());
        let tokens = doc(&text).to_string();
        let lines: Vec<&str> = tokens.split("# [doc = ").skip(1).collect();
        assert!(lines.len() > 1, "{tokens}");
        assert!(lines[1].starts_with("\"   word"), "{}", lines[1]);
        let table = doc("| a | b |").to_string();
        assert!(table.contains("\" | a | b |\""), "{table}");
    }

    #[test]
    fn no_doc_line_begins_a_block_the_text_does_not_have() {
        for marker in ["+", "-", "*", ">", "#", "1.", "2)", "---", "==="] {
            // The marker at every place of a line, the end among them.
            for n in 1..40 {
                let text = format!("{} {marker} tail", "word ".repeat(n).trim_end());
                let tokens = doc(&text).to_string();
                for line in tokens.split("# [doc = ").skip(2) {
                    let first = line.trim_start_matches('"').split_whitespace().next();
                    assert_ne!(first, Some(marker), "{text:?} gives {line}");
                }
            }
        }
    }
}
