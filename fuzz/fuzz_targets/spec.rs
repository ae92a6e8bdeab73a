//! The generator's pipeline on a spec it has never seen: the input is a
//! spec folder (files joined with `#=== name.yaml` lines, or one file),
//! loaded and validated; its diagnostics rendered as the CLI shows them;
//! and, when it validates, every module emitted and formatted, which must
//! succeed: nothing after validation may fail on user input.
#![no_main]

use std::path::Path;
use std::sync::Once;

use libfuzzer_sys::fuzz_target;
use partner_center_codegen::{Error, emit, examples::Examples, output};
use partner_center_fuzz::{files, root, scratch};

fuzz_target!(|data: &[u8]| {
    let dir = scratch("spec");
    link_documents(&dir);
    for (name, bytes) in files(data, "spec.yaml", "yaml") {
        let _ = std::fs::write(dir.join(name), bytes);
    }
    let api = match partner_center_codegen::load_api(&dir) {
        Ok(api) => api,
        Err(Error::Spec(diagnostics)) => {
            for d in diagnostics {
                let source = std::fs::read_to_string(&d.file).ok();
                let _ = d.render(source.as_deref(), false);
            }
            return;
        }
        Err(_) => return,
    };
    // As `generate` does, on this thread.
    let examples = Examples::read(&api, &partner_center_codegen::docs_of(&dir));
    let mut outlines = Vec::new();
    for job in emit::jobs(&api, &examples) {
        let module = job();
        outlines.push(module.outline());
        let name = module.file_name.clone();
        if let Err(e) = output::render(module) {
            panic!("a spec that validates cannot be generated ({name}): {e}");
        }
    }
    if let Err(e) = output::render(emit::root(&outlines)) {
        panic!("a spec that validates cannot be generated (mod.rs): {e}");
    }
});

/// `docs` in `dir`: the project's documents, whose examples the generated
/// test server answers.
fn link_documents(dir: &Path) {
    static LINK: Once = Once::new();
    LINK.call_once(|| {
        let link = dir.join("docs");
        if !link.exists() {
            let _ = std::os::unix::fs::symlink(root().join("spec/docs"), link);
        }
    });
}
