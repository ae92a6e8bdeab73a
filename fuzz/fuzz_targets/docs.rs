//! The documents reader and the documents check on pages they have never
//! seen: the input is a folder of pages (joined with `#=== name.md` lines,
//! or one page, named after a page the spec lists). Each is parsed as the
//! tests read it (markdown, the HTTP messages of its code blocks, their
//! JSON leniently, the examples of its operations), then the folder is
//! checked against the project's spec and the report rendered.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use partner_center_codegen::docs::{self, Page};
use partner_center_codegen::drift::{self, Format};
use partner_center_codegen::model::Api;
use partner_center_fuzz::{files, root, scratch};

/// The project's spec, read once.
static API: LazyLock<Api> = LazyLock::new(|| {
    partner_center_codegen::load_api(&root().join("spec"))
        .unwrap_or_else(|e| panic!("the project's spec does not load: {e}"))
});

fuzz_target!(|data: &[u8]| {
    let listed = &API.documents;
    let default = match data.first() {
        Some(&b) if !listed.is_empty() => listed[usize::from(b) % listed.len()].file.as_str(),
        _ => "page.md",
    };
    let dir = scratch("docs");
    for (name, bytes) in files(data, default, "md") {
        let text = String::from_utf8_lossy(bytes);
        let page = Page::parse(&text);
        for block in &page.code_blocks {
            for message in docs::split_messages(&block.text) {
                let _ = docs::parse_request(&message);
                let _ = docs::parse_response(&message);
            }
            let _ = docs::parse_lenient(&block.text);
        }
        let _ = docs::messages(&API, &name, &page);
        let _ = std::fs::write(dir.join(&name), bytes);
    }
    if let Ok(report) = drift::check(&API, &dir) {
        let _ = report.render(Format::Text, &root());
        let _ = report.render(Format::Json, &root());
    }
});
