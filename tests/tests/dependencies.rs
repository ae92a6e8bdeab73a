//! What the client crate pulls into its users' builds: only the features it
//! uses (the workspace's test features, a multi-threaded runtime and macros,
//! must not leak to them), and `tracing` without its attribute macros.
#![allow(clippy::unwrap_used)] // a test unwraps what it sets up itself

use partner_center_tests::root;

/// `crate vX [features]` for every dependency of the client as a user builds it.
fn tree(features: &[&str]) -> String {
    tree_of("normal", features)
}

/// The same, through the dependency `edges` of cargo tree's `-e`.
fn tree_of(edges: &str, features: &[&str]) -> String {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = std::process::Command::new(cargo)
        .args(["tree", "--offline", "-p", "partner-center", "-e", edges])
        .args(["-f", "{p} [{f}]", "--prefix", "none"])
        .args(features)
        .current_dir(root())
        .output()
        .expect("run cargo tree");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn features_of<'t>(tree: &'t str, krate: &str) -> Vec<&'t str> {
    tree.lines()
        .filter(|l| l.starts_with(&format!("{krate} v")))
        .flat_map(|l| {
            l.split_once('[')
                .map_or("", |(_, f)| f)
                .trim_end_matches(|c| c != ']')
                .trim_end_matches(']')
                .split(',')
        })
        .collect()
}

#[test]
fn the_client_enables_only_the_runtime_features_it_uses() {
    let default = tree(&[]);
    let tokio = features_of(&default, "tokio");
    assert!(tokio.contains(&"time"), "{tokio:?}");
    for leak in ["macros", "rt-multi-thread"] {
        assert!(
            !tokio.contains(&leak),
            "tokio {leak} reaches users: {tokio:?}"
        );
    }
    // (hyper-util uses tracing whatever the client does.)
    let traced = tree(&["--features", "tracing"]);
    let tracing = features_of(&traced, "tracing");
    assert!(!tracing.is_empty(), "the feature brings tracing");
    assert!(!tracing.contains(&"attributes"), "{tracing:?}");
    assert!(
        !traced
            .lines()
            .any(|l| l.starts_with("tracing-attributes v"))
    );
}

/// The test server's stack (hyper's server side) is built only for the
/// crates that ask for the `test-server` feature.
#[test]
fn the_server_stack_is_built_only_with_the_test_server_feature() {
    for features in [
        &[][..],
        &["--no-default-features"],
        &["--features", "tracing"],
    ] {
        let tree = tree(features);
        let hyper = features_of(&tree, "hyper");
        assert!(!hyper.is_empty(), "{tree}");
        assert!(!hyper.contains(&"server"), "{features:?}: {hyper:?}");
        assert!(!tree.contains("axum"), "{features:?}");
    }
    let served = tree(&["--features", "test-server"]);
    let hyper = features_of(&served, "hyper");
    assert!(hyper.contains(&"server"), "{hyper:?}");
    assert!(features_of(&served, "tokio").contains(&"rt"));
}

/// The `azure-core` adapter is built only for the crates that ask for it,
/// and what it adds to a build needs no C toolchain and no OpenSSL.
#[test]
fn azure_core_is_built_only_with_its_feature_and_builds_no_c() {
    let crates = |tree: &str| -> Vec<String> {
        let mut names: Vec<String> = tree
            .lines()
            .filter_map(|l| l.split(" v").next())
            .map(str::to_string)
            .collect();
        names.sort_unstable();
        names.dedup();
        names
    };
    for features in [&[][..], &["--features", "entra,test-server,tracing"]] {
        let without = crates(&tree(features));
        assert!(!without.iter().any(|c| c == "azure_core"), "{features:?}");
    }
    let before = crates(&tree_of("normal,build", &[]));
    let after = crates(&tree_of("normal,build", &["--features", "azure-core"]));
    let added: Vec<&String> = after.iter().filter(|c| !before.contains(c)).collect();
    assert!(added.iter().any(|c| *c == "azure_core"), "{added:?}");
    for c_code in [
        "cc",
        "cmake",
        "pkg-config",
        "bindgen",
        "openssl",
        "openssl-sys",
        "native-tls",
    ] {
        assert!(!added.iter().any(|c| *c == c_code), "{c_code}: {added:?}");
    }
}

/// No public item of the client names a type of its HTTP stack: reqwest's
/// next major release (or http's, hyper's, url's) must not be the client's.
/// Public signatures, public fields and the fields of public enums are read
/// from the sources, the generated modules included.
#[test]
fn no_public_item_names_a_type_of_the_http_stack() {
    // The crates, named as the start of a path (`bytes::Bytes`), and their
    // types, named anywhere (a method may be called `bytes`).
    const CRATES: [&str; 5] = ["reqwest", "hyper", "http", "url", "bytes"];
    const TYPES: [&str; 6] = [
        "Url",
        "Bytes",
        "HeaderMap",
        "HeaderName",
        "HeaderValue",
        "StatusCode",
    ];
    let names_stack = |code: &str| {
        code.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
            .any(|path| {
                let segments: Vec<&str> = path.split("::").collect();
                segments.iter().any(|s| TYPES.contains(s))
                    || (segments.len() > 1 && CRATES.contains(&segments[0]))
            })
    };
    let mut files = Vec::new();
    let mut folders = vec![root().join("generated/src")];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    let mut found = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        // Inside a public enum, every field is public.
        let mut enum_depth: Option<i32> = None;
        let mut signature: Option<String> = None;
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default().trim();
            if code.starts_with("#[cfg(test)]") {
                break;
            }
            if code.starts_with("#[") {
                continue;
            }
            // String literals are text, not types.
            let code: String = code.split('"').step_by(2).collect::<Vec<_>>().join("\"\"");
            let code = code.as_str();
            let public = code.starts_with("pub ")
                || code.starts_with("pub const")
                || code.starts_with("pub static");
            if public && code.contains(" enum ") {
                enum_depth = Some(0);
            }
            if public || signature.is_some() {
                let s = signature.get_or_insert_with(String::new);
                s.push_str(code);
                if code.contains('{') || code.ends_with(';') || code.ends_with(',') {
                    let whole = signature.take().unwrap_or_default();
                    let head = whole.split('{').next().unwrap_or_default();
                    if names_stack(head) {
                        found.push(format!("{}:{}: {whole}", path.display(), n + 1));
                    }
                }
            } else if enum_depth.is_some() && names_stack(code) {
                found.push(format!("{}:{}: {code}", path.display(), n + 1));
            }
            if let Some(depth) = enum_depth.as_mut() {
                *depth += code.matches('{').count() as i32 - code.matches('}').count() as i32;
                if *depth <= 0 && code.contains('}') {
                    enum_depth = None;
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "public items naming the HTTP stack:\n{}",
        found.join("\n")
    );
}

/// The crates a build of the client with these cargo arguments compiles
/// (build dependencies included), by name.
fn crates_of(features: &[&str]) -> Vec<String> {
    let mut names: Vec<String> = tree_of("normal,build", features)
        .lines()
        .filter_map(|l| l.split(" v").next())
        .map(str::to_string)
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

/// The default TLS is rustls with ring: no aws-lc-sys and no CMake, whose
/// C build was most of a cold build (BENCHMARKS.md); aws-lc comes with the
/// `rustls` feature only.
#[test]
fn the_default_tls_builds_neither_aws_lc_nor_cmake() {
    let default = crates_of(&[]);
    assert!(default.iter().any(|c| c == "ring"), "{default:?}");
    for c_build in ["aws-lc-sys", "aws-lc-rs", "cmake", "openssl-sys"] {
        assert!(!default.iter().any(|c| c == c_build), "{c_build}");
    }
    let aws = crates_of(&["--no-default-features", "--features", "rustls"]);
    assert!(aws.iter().any(|c| c == "aws-lc-sys"), "{aws:?}");
    assert!(!aws.iter().any(|c| c == "ring"), "{aws:?}");
}

/// Each conversion feature adds its crate and what that crate needs at the
/// least (default features off): no C, and nothing else of the ecosystem.
#[test]
fn each_conversion_feature_adds_its_crate_alone() {
    let bare = crates_of(&["--no-default-features"]);
    for (feature, expected) in [
        (
            "time",
            &["time", "time-core", "deranged", "num-conv", "powerfmt"][..],
        ),
        ("jiff", &["jiff", "jiff-core"]),
        ("chrono", &["chrono", "num-traits", "autocfg"]),
        (
            "rust_decimal",
            &["rust_decimal", "arrayvec", "num-traits", "autocfg"],
        ),
    ] {
        let with = crates_of(&["--no-default-features", "--features", feature]);
        let added: Vec<&String> = with.iter().filter(|c| !bare.contains(c)).collect();
        assert!(added.iter().any(|c| *c == feature), "{feature}: {added:?}");
        for crate_ in &added {
            assert!(
                expected.contains(&crate_.as_str()),
                "{feature} adds {crate_}"
            );
        }
    }
}
