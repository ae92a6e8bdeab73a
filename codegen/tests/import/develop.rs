//! The importer over every page of the documents (`../shared/docs/develop`,
//! beside the workspace): no page makes it panic or take long, and what it
//! drafts reads back as a spec file.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use partner_center_codegen::import::{self, Known};
use partner_center_codegen::spec::{self, raw::RawFile, raw::RawOperation};
use partner_center_codegen::{default_spec, workspace_root};

/// Each page in debug, its linked pages and the resource index included.
const PER_PAGE: Duration = Duration::from_secs(1);

#[test]
fn every_page_of_the_documents_is_drafted_or_refused_in_bounded_time() {
    let folder = workspace_root().join("../shared/docs/develop");
    if !folder.is_dir() {
        eprintln!(
            "skipped: {} does not exist on this machine",
            folder.display()
        );
        return;
    }
    let known = Known::of(&spec::load(&default_spec()).unwrap());
    let mut pages: Vec<PathBuf> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    pages.sort();
    let (mut operations, mut operation_pages, mut models, mut decisions) = (0, 0, 0, 0);
    let mut named_only = 0;
    let mut refused = Vec::new();
    let mut slowest = (Duration::ZERO, String::new());
    for page in &pages {
        let name = page.file_name().unwrap().to_string_lossy().into_owned();
        let start = Instant::now();
        let imported = import::import(std::slice::from_ref(page), &folder, &known).unwrap();
        let text = import::render(&imported.draft, std::slice::from_ref(&name));
        let took = start.elapsed();
        let parsed: Result<RawFile, _> = serde_yaml::from_str(&text);
        assert!(
            parsed.is_ok(),
            "{name}: the draft does not read back: {parsed:?}\n{text}"
        );
        assert!(took < PER_PAGE, "{name} took {took:?}");
        if took > slowest.0 {
            slowest = (took, name.clone());
        }
        let draft = &imported.draft;
        if !draft.operations.is_empty() {
            operation_pages += 1;
        }
        operations += draft.operations.len();
        named_only += draft.operations.iter().filter(|o| names_only(o)).count();
        models += draft.models.len();
        decisions += draft.decisions();
        refused.extend(imported.errors.iter().map(|_| name.clone()));
    }
    println!(
        "{} pages: {operations} operations drafted from {operation_pages} pages, {models} models (counted per page), \
         {decisions} `decide:` marks; {} pages neither operation nor resource pages; slowest {} ({:?})",
        pages.len(),
        refused.len(),
        slowest.1,
        slowest.0
    );
    println!(
        "{named_only} of the {operations} operations need a person only for names (their id and name, their failures' ids)"
    );
    println!("refused: {}", refused.join(", "));
    assert!(operations >= 190, "{operations} operations");
}

/// Whether the only marks of an operation's own parts are its names: the
/// models it uses may still have theirs.
fn names_only(o: &RawOperation) -> bool {
    let names = |d: &Option<String>| {
        d.as_deref().is_none_or(|d| {
            d.split("; ")
                .all(|m| m.starts_with("the id and name") || m.starts_with("the failure's id"))
        })
    };
    names(&o.decide)
        && o.errors.iter().all(|e| names(&e.decide))
        && o.path_params
            .iter()
            .chain(&o.query_params)
            .all(|p| p.decide.is_none())
        && o.request_headers.iter().all(|h| h.decide.is_none())
        && o.body.as_ref().is_none_or(|b| b.decide.is_none())
        && o.responses.iter().all(|r| r.decide.is_none())
}
