//! What the generator accepts compiles: the property tests of the generator
//! (`codegen/tests/properties.rs`) check that every mutated spec it accepts
//! parses; here a sample of them, the first few of a fixed sequence that
//! validate, is built, warnings included. Parsing cannot see what rustc
//! refuses of parsed code: two items of one name, an identifier of another
//! edition, a character a lint denies.
#![allow(clippy::unwrap_used)] // a test unwraps what it sets up itself

use partner_center_codegen::{GeneratedFile, generate};
use partner_center_tests::scratch::ScratchCrate;
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::TestRunner;

// The generator's own test helpers: its copies of the spec and the edits.
#[path = "../../codegen/tests/common/mod.rs"]
mod common;
use common::mutation::{edits, mutated};
use common::write_spec;

/// How many accepted specs are built: each build after the first compiles
/// the crate again, a few seconds each.
const SAMPLES: usize = 4;

/// How many edits are tried, at most, to find them (about 15% validate).
const TRIES: usize = 400;

#[test]
fn a_sample_of_the_mutated_specs_that_validate_compiles() {
    let real = generate(&partner_center_codegen::default_spec()).unwrap_or_else(|e| panic!("{e}"));
    // Always the same sequence of edits: a failure can be run again.
    let mut runner = TestRunner::deterministic();
    let strategy = edits();
    let mut built: Vec<Vec<GeneratedFile>> = vec![real];
    let scratch = ScratchCrate::new();
    for _ in 0..TRIES {
        if built.len() > SAMPLES {
            break;
        }
        let edit = strategy.new_tree(&mut runner).unwrap().current();
        let dir = tempfile::tempdir().unwrap();
        write_spec(dir.path(), &mutated(&edit));
        let Ok(files) = generate(dir.path()) else {
            continue;
        };
        // An edit of a comment gives the same crate: nothing new to build.
        if built.contains(&files) {
            continue;
        }
        scratch.write(&files);
        if let Err(why) = scratch.build_all() {
            panic!("the crate of the spec edited by {edit:?} {why}");
        }
        built.push(files);
    }
    assert_eq!(
        built.len(),
        SAMPLES + 1,
        "only {} of {TRIES} edits gave another crate that validates",
        built.len() - 1
    );
}
