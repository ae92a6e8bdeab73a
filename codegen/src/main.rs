//! `cargo codegen`: regenerate the client from the spec, check it is current,
//! compare the spec with the documents, or draft spec entries from pages.
//!
//! Exit codes: 0 success, 1 spec errors or stale output, 2 usage or I/O errors.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use partner_center_codegen::drift::{self, Format};
use partner_center_codegen::import::{self, Known};
use partner_center_codegen::{Diagnostic, Error, openapi, output, schema, spec};

#[derive(Parser)]
#[command(
    name = "cargo codegen",
    about = "Generate the partner-center client from spec/"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    paths: Paths,
}

#[derive(Subcommand)]
enum Command {
    /// Exit 0 if the output folder is current, else 1 and a diff (nothing is written).
    Check {
        #[command(flatten)]
        paths: Paths,
    },
    /// Write the spec as an OpenAPI 3.0.3 document [default: openapi/partner-center.json;
    /// `--out FILE` for another, `--out -` for standard output].
    Openapi {
        #[command(flatten)]
        paths: Paths,
    },
    /// Compare the spec with the documents: exit 0 if they agree, 1 on drift.
    Docs {
        /// The folder of documents [default: spec/docs/en-us]
        #[arg(long, value_name = "DIR")]
        docs: Option<PathBuf>,
        /// How to print the report
        #[arg(long, value_enum, default_value_t)]
        format: Format,
        #[command(flatten)]
        paths: Paths,
    },
    /// Draft spec entries from operation pages (and the resource pages they
    /// link to): print them, or append the new ones to a spec file. Exit 0
    /// drafted, 1 a page that could not be drafted, 2 usage or I/O errors.
    Import {
        /// The pages to draft from: operation pages, or resource pages
        #[arg(required = true, value_name = "PAGE.md")]
        pages: Vec<PathBuf>,
        /// Where linked pages are found, before the folder of each page [default: spec/docs/en-us]
        #[arg(long, value_name = "DIR")]
        docs: Option<PathBuf>,
        /// Add the operations and models the spec does not have yet to this
        /// spec file (its text kept byte for byte) instead of printing them
        #[arg(long, value_name = "FILE")]
        append: Option<PathBuf>,
        #[command(flatten)]
        paths: Paths,
    },
}

#[derive(Args, Clone, Default)]
struct Paths {
    /// The spec: a YAML file, or a folder of them [default: spec/]
    #[arg(long, global = true, value_name = "PATH")]
    spec: Option<PathBuf>,
    /// The folder of generated modules [default: generated/src/api]
    #[arg(long, global = true, value_name = "DIR")]
    out: Option<PathBuf>,
}

impl Paths {
    fn or(self, other: Paths) -> (PathBuf, PathBuf) {
        let spec = self
            .spec
            .or(other.spec)
            .unwrap_or_else(partner_center_codegen::default_spec);
        let out = self
            .out
            .or(other.out)
            .unwrap_or_else(partner_center_codegen::default_out);
        (spec, out)
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        None => {
            let (spec, out) = cli.paths.or(Paths::default());
            generate(&spec, &out)
        }
        Some(Command::Check { paths }) => {
            let (spec, out) = paths.or(cli.paths);
            check(&spec, &out)
        }
        Some(Command::Openapi { paths }) => {
            let spec = paths.spec.clone().or(cli.paths.spec.clone());
            let spec = spec.unwrap_or_else(partner_center_codegen::default_spec);
            let out = paths.out.or(cli.paths.out);
            openapi(&spec, out)
        }
        Some(Command::Docs {
            docs,
            format,
            paths,
        }) => {
            let (spec, _) = paths.or(cli.paths);
            let docs = docs.unwrap_or_else(partner_center_codegen::default_docs);
            compare_docs(&spec, &docs, format)
        }
        Some(Command::Import {
            pages,
            docs,
            append,
            paths,
        }) => {
            let (spec, _) = paths.or(cli.paths);
            let docs = docs.unwrap_or_else(partner_center_codegen::default_docs);
            import_pages(&spec, &docs, &pages, append.as_deref())
        }
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            report(&e);
            ExitCode::from(e.exit_code())
        }
    }
}

fn generate(spec: &Path, out: &Path) -> Result<ExitCode, Error> {
    let files = partner_center_codegen::generate(spec)?;
    let docs = partner_center_codegen::docs_of(spec);
    if !docs.is_dir() {
        eprintln!(
            "note: no documents at {}: the test server answers bodies made from the spec",
            shown(&docs).display()
        );
    }
    let changed = output::write(out, &files)?;
    if changed.is_empty() {
        eprintln!("{}: up to date", shown(out).display());
    }
    for name in changed {
        eprintln!("updated {}", shown(&out.join(name)).display());
    }
    let schema = schema::path_for(spec);
    match output::write_file(&schema, &schema::render(), schema::MARKER)? {
        output::Written::Updated => eprintln!("updated {}", shown(&schema).display()),
        output::Written::NotOurs => eprintln!(
            "{}: not replaced: it is not the generator's (no `{}` in it)",
            shown(&schema).display(),
            schema::MARKER
        ),
        output::Written::Unchanged => {}
    }
    if is_own(spec) {
        let path = openapi::default_path();
        let document = partner_center_codegen::openapi_of(spec)?;
        if output::write_file(&path, &document, openapi::MARKER)? == output::Written::Updated {
            eprintln!("updated {}", shown(&path).display());
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Whether `spec` is the workspace's own, whose OpenAPI document is
/// committed beside it and kept current with the crate.
fn is_own(spec: &Path) -> bool {
    let own = partner_center_codegen::default_spec();
    spec.canonicalize().ok() == own.canonicalize().ok()
}

/// `cargo codegen openapi`: the document of `spec`, written to `out` (a
/// file, or `-` for standard output) or to the committed copy.
fn openapi(spec: &Path, out: Option<PathBuf>) -> Result<ExitCode, Error> {
    let document = partner_center_codegen::openapi_of(spec)?;
    let path = match out {
        Some(path) if path.as_os_str() == "-" => {
            print!("{document}");
            return Ok(ExitCode::SUCCESS);
        }
        Some(path) => path,
        None => openapi::default_path(),
    };
    match output::write_file(&path, &document, openapi::MARKER)? {
        output::Written::NotOurs => {
            eprintln!(
                "{}: not replaced: it is not the generator's (no `{}` in it)",
                shown(&path).display(),
                openapi::MARKER
            );
            return Ok(ExitCode::from(2));
        }
        output::Written::Updated => eprintln!("wrote {}", shown(&path).display()),
        output::Written::Unchanged => eprintln!("{}: up to date", shown(&path).display()),
    }
    Ok(ExitCode::SUCCESS)
}

fn check(spec: &Path, out: &Path) -> Result<ExitCode, Error> {
    let files = partner_center_codegen::generate(spec)?;
    let mut drift = output::check(out, &files)?;
    drift.extend(output::check_file(
        &schema::path_for(spec),
        &schema::render(),
        schema::MARKER,
    )?);
    if is_own(spec) {
        let document = partner_center_codegen::openapi_of(spec)?;
        drift.extend(output::check_file(
            &openapi::default_path(),
            &document,
            openapi::MARKER,
        )?);
    }
    if drift.is_empty() {
        return Ok(ExitCode::SUCCESS);
    }
    for d in &drift {
        print!("{d}");
    }
    eprintln!(
        "{} file(s) differ from the spec: run `cargo codegen` and commit the result",
        drift.len()
    );
    Ok(ExitCode::from(1))
}

fn compare_docs(spec: &Path, docs: &Path, format: Format) -> Result<ExitCode, Error> {
    let api = partner_center_codegen::load_api(spec)?;
    let report = drift::check(&api, docs)?;
    let root = std::env::current_dir().unwrap_or_default();
    print!("{}", report.render(format, &root));
    Ok(if report.drift() == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn import_pages(
    spec: &Path,
    docs: &Path,
    pages: &[PathBuf],
    append: Option<&Path>,
) -> Result<ExitCode, Error> {
    let mut known = Known::of(&spec::load(spec)?);
    let imported = import::import(pages, docs, &known)?;
    let draft = &imported.draft;
    let failed = !imported.errors.is_empty();
    if failed {
        diagnostics(&imported.errors);
        eprintln!("{} page(s) could not be drafted", imported.errors.len());
    }
    match append {
        Some(file) if failed => {
            eprintln!("{}: nothing was appended", shown(file).display());
        }
        Some(file) => {
            let text = match std::fs::read_to_string(file) {
                Ok(text) => {
                    // The file's own items count as the spec's, wherever it is.
                    let own = Known::of(&spec::load(file)?);
                    known.operations.extend(own.operations);
                    known.models.extend(own.models);
                    known.documents.extend(own.documents);
                    text
                }
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
                Err(e) => {
                    return Err(Error::Io {
                        path: file.to_path_buf(),
                        source: e,
                    });
                }
            };
            let appended = import::append(&text, draft, &known).map_err(|message| {
                Error::Spec(vec![Diagnostic {
                    file: file.to_path_buf(),
                    line: 1,
                    column: 1,
                    message,
                }])
            })?;
            for item in &appended.skipped {
                eprintln!("skipped {item}: the spec has it already");
            }
            if appended.text != text {
                output::replace(file, &appended.text)?;
            }
            eprintln!(
                "{}: appended {} item(s), skipped {}",
                shown(file).display(),
                appended.added.len(),
                appended.skipped.len()
            );
        }
        None if draft.operations.is_empty() && draft.models.is_empty() => {}
        None => {
            let names: Vec<String> = pages
                .iter()
                .map(|p| shown(p).display().to_string())
                .collect();
            print!("{}", import::render(draft, &names));
        }
    }
    eprintln!(
        "drafted {} operation(s) and {} model(s); {} `decide:` mark(s) for a person to resolve",
        draft.operations.len(),
        draft.models.len(),
        draft.decisions()
    );
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn report(e: &Error) {
    match e {
        Error::Spec(found) => {
            diagnostics(found);
            eprintln!("{} error(s) in the spec; nothing was written", found.len());
        }
        other => eprintln!("{other}"),
    }
}

/// Each diagnostic with the line it points at, paths as given.
fn diagnostics(found: &[Diagnostic]) {
    let color = std::io::stderr().is_terminal();
    for d in found {
        let source = std::fs::read_to_string(&d.file).ok();
        let d = Diagnostic {
            file: shown(&d.file),
            ..d.clone()
        };
        eprintln!("{}", d.render(source.as_deref(), color));
    }
}

/// `path` relative to the current folder when it is below it.
fn shown(path: &Path) -> PathBuf {
    std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_path_buf())
}
