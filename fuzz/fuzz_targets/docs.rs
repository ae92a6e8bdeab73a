//! The documents reader and the documents check on pages they have never
//! seen: the input is a folder of pages (joined with `#=== name.md` lines,
//! or one page, named after a page the spec lists). Each is parsed as the
//! tests read it (markdown, the HTTP messages of its code blocks, their
//! JSON leniently, the examples of its operations), then the folder is
//! checked against the project's spec and the report rendered, and its
//! example responses made the test server's answers, as `cargo codegen`
//! does: the modules they reach must be formatted.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use partner_center_codegen::docs::{self, Page};
use partner_center_codegen::drift::{self, Format};
use partner_center_codegen::emit::test_server;
use partner_center_codegen::examples::Examples;
use partner_center_codegen::model::{Api, Area, Operation};
use partner_center_codegen::output;
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
    let mut written = Vec::new();
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
        written.push(name);
    }
    if let Ok(report) = drift::check(&API, &dir) {
        let _ = report.render(Format::Text, &root());
        let _ = report.render(Format::Json, &root());
    }
    // The pages' example responses become the test server's answers: the
    // routes they reach (of the areas of the pages written, and the
    // throttled answer's) must still be formatted.
    let examples = Examples::read(&API, &dir);
    let mut modules = Vec::new();
    for area in &API.areas {
        let operations: Vec<&Operation> = API
            .operations
            .iter()
            .filter(|o| o.area == area.ident)
            .collect();
        if operations.iter().any(|o| written.contains(&o.doc)) {
            modules.push(test_server::area(&API, &examples, &area.ident, &operations));
        }
    }
    if API
        .throttling
        .as_ref()
        .is_some_and(|t| written.contains(&t.doc))
    {
        let areas: Vec<&Area> = API
            .areas
            .iter()
            .filter(|a| API.operations.iter().any(|o| o.area == a.ident))
            .collect();
        modules.push(test_server::emit(&API, &examples, &areas));
    }
    for module in modules {
        let name = module.file_name.clone();
        if let Err(e) = output::render(module) {
            panic!("the pages' examples make {name} unformattable: {e}");
        }
    }
});
