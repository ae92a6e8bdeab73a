//! The importer against the spec a person wrote: every fact of the spec's
//! operations and models, drafted again from their pages, fact by fact.

use std::collections::BTreeSet;
use std::path::PathBuf;

use partner_center_codegen::docs::{Page, syntax_rows};
use partner_center_codegen::import::{self, Known};
use partner_center_codegen::spec::{self, raw::*};
use partner_center_codegen::{default_docs, default_spec};

/// The share of the spec's facts (less those its contradictions explain)
/// the draft reproduces: a regression of the importer fails here. Pages
/// written by hand move it: 0.961 over the first 21 operations; 0.846 once
/// the device, analytics, margin, entitlement, rate-card and audit pages
/// came, with what the importer does not yet draft (enums whose values only
/// prose or a table without a type column lists, calls only examples show,
/// optional properties the examples leave out, `number` cells whose
/// examples hold fractions, the names people chose); 0.819 with the
/// invoice pages (written by hand before the importer), with what it does
/// not draft at all: a union the request chooses (the draft answers the
/// first variant), a model only an example defines (DailyUsageLineItem, 84
/// facts), rows of one call that write a parameter's value in the path,
/// and more `number` cells of money it reads as int; then the cart and
/// order pages (request bodies whose examples are not JSON or that the
/// page names after the example, enums of a `Name | ErrorCode` table, the
/// optional properties of a model many pages answer, a model named apart
/// from its heading, properties only other pages' examples show) and the
/// catalog's pages, whose examples show other calls' answers (a SKU where
/// availabilities are listed makes every Availability property optional in
/// the draft) and models only the examples show (a currency, a term's
/// cancellation policies, a SKU's links): 0.813 with all three. Issue 23's
/// 64 pages (administration, new commerce, devices, analytics, support)
/// were drafted at 76.5% (1,861 of their 2,433 facts): what a person fixed
/// most is optionality (an example leaves a property out), types (a
/// table's `object`, `number` of money, GUID ids) and the properties only
/// examples show; 0.807 with them.
const AT_LEAST: f64 = 0.807;

/// One fact of the spec, and what the draft says of it.
struct Fact {
    element: String,
    spec: String,
    draft: Option<String>,
    /// The draft's `decide:` of that item: why the importer was not sure.
    why: Option<String>,
}

impl Fact {
    fn same(&self) -> bool {
        self.draft.as_deref() == Some(self.spec.as_str())
    }
}

/// Facts of one item: `element` is the spec's name of it, as `cargo codegen docs` names it.
#[derive(Default)]
struct Facts(Vec<Fact>);

impl Facts {
    fn add(
        &mut self,
        element: String,
        spec: impl ToString,
        draft: Option<String>,
        why: Option<&String>,
    ) {
        self.0.push(Fact {
            element,
            spec: spec.to_string(),
            draft,
            why: why.cloned(),
        });
    }
}

/// The path templates are the same when their literals are, and their
/// parameters differ at most in case (as the documents check compares them).
fn same_path(a: &str, b: &str) -> bool {
    let (a, b): (Vec<&str>, Vec<&str>) = (a.split('/').collect(), b.split('/').collect());
    a.len() == b.len()
        && a.iter().zip(&b).all(|(x, y)| {
            if x.starts_with('{') && y.starts_with('{') {
                x.eq_ignore_ascii_case(y)
            } else {
                x == y
            }
        })
}

fn operation(facts: &mut Facts, s: &RawOperation, d: Option<&RawOperation>) {
    let id = &s.id;
    let why = d.and_then(|d| d.decide.as_ref());
    let got = |f: &dyn Fn(&RawOperation) -> String| d.map(f);
    facts.add(
        format!("{id}.method"),
        &s.method,
        got(&|d| d.method.clone()),
        why,
    );
    let path = got(&|d| d.path.clone()).map(|p| {
        if same_path(&p, &s.path) {
            s.path.clone()
        } else {
            p
        }
    });
    facts.add(format!("{id}.path"), &s.path, path, why);
    for (kind, ours, theirs) in [
        ("path_params", &s.path_params, d.map(|d| &d.path_params)),
        ("query_params", &s.query_params, d.map(|d| &d.query_params)),
    ] {
        for p in ours {
            let found = theirs.into_iter().flatten().find(|q| {
                if kind == "path_params" {
                    q.name.eq_ignore_ascii_case(&p.name)
                } else {
                    q.name == p.name
                }
            });
            let el = |f: &str| format!("{id}.params[{}]{f}", p.name);
            let why = found.and_then(|q| q.decide.as_ref()).or(why);
            facts.add(el(""), &p.name, found.map(|_| p.name.clone()), why);
            facts.add(el(".type"), &p.ty, found.map(|q| q.ty.clone()), why);
            facts.add(
                el(".required"),
                p.required,
                found.map(|q| q.required.to_string()),
                why,
            );
        }
    }
    for h in &s.request_headers {
        let found = d.and_then(|d| {
            d.request_headers
                .iter()
                .find(|x| x.name.eq_ignore_ascii_case(&h.name))
        });
        facts.add(
            format!("{id}.request_headers[{}]", h.name),
            &h.name,
            found.map(|x| x.name.clone()),
            why,
        );
    }
    let body = |b: &Option<RawBody>| b.as_ref().map_or("(none)".to_string(), |b| b.ty.clone());
    let body_why = d
        .and_then(|d| d.body.as_ref())
        .and_then(|b| b.decide.as_ref())
        .or(why);
    facts.add(
        format!("{id}.body"),
        body(&s.body),
        d.map(|d| body(&d.body)),
        body_why,
    );
    for r in &s.responses {
        let found = d.and_then(|d| d.responses.iter().find(|x| x.status == r.status));
        let el = |f: &str| format!("{id}.responses[{}]{f}", r.status);
        let why = found.and_then(|x| x.decide.as_ref()).or(why);
        facts.add(
            el(".status"),
            r.status,
            found.map(|x| x.status.to_string()),
            why,
        );
        let ty = |b: &Option<String>| b.clone().unwrap_or_else(|| "(none)".into());
        facts.add(el(".body"), ty(&r.body), found.map(|x| ty(&x.body)), why);
    }
    let clouds = |c: &Option<Vec<String>>| {
        format!(
            "{:?}",
            c.as_ref().map(|c| c.iter().collect::<BTreeSet<_>>())
        )
    };
    facts.add(
        format!("{id}.clouds"),
        clouds(&s.clouds),
        d.map(|d| clouds(&d.clouds)),
        why,
    );
    facts.add(
        format!("{id}.auth"),
        format!("{:?}", s.auth),
        d.map(|d| format!("{:?}", d.auth)),
        why,
    );
    let failure = |e: &RawError| {
        let code = e.code.as_ref().map(ErrorCode::as_text);
        format!(
            "{} {code:?} {:?} {:?} {:?}",
            e.status, e.source, e.description, e.data
        )
    };
    for e in s.errors.iter().filter(|e| e.origin == Origin::Example) {
        let found = d.and_then(|d| d.errors.iter().find(|x| failure(x) == failure(e)));
        let code = e.code.as_ref().map(ErrorCode::as_text).unwrap_or_default();
        facts.add(
            format!("{id}.errors[code={code}]"),
            failure(e),
            found.map(failure),
            why,
        );
    }
}

fn model(facts: &mut Facts, s: &RawModel, d: Option<&RawModel>) {
    let m = &s.name;
    let why = d.and_then(|d| d.decide.as_ref());
    facts.add(m.clone(), m, d.map(|d| d.name.clone()), why);
    for p in &s.properties {
        let found = d.and_then(|d| d.properties.iter().find(|q| q.name == p.name));
        let el = |f: &str| format!("{m}.properties[{}]{f}", p.name);
        let why = found.and_then(|q| q.decide.as_ref()).or(why);
        facts.add(el(""), &p.name, found.map(|q| q.name.clone()), why);
        facts.add(el(".type"), &p.ty, found.map(|q| q.ty.clone()), why);
        facts.add(
            el(".optional"),
            p.optional,
            found.map(|q| q.optional.to_string()),
            why,
        );
    }
    if let Some(limit) = &s.rate_limit {
        let drafted = d.map(|d| format!("{:?}", d.rate_limit));
        facts.add(
            format!("{m}.rate_limit"),
            format!("{:?}", Some(limit)),
            drafted,
            why,
        );
    }
    for v in &s.values {
        let found = d.and_then(|d| d.values.iter().find(|x| x.value == v.value));
        facts.add(
            format!("{m}.values[{}]", v.value),
            &v.value,
            found.map(|x| x.value.clone()),
            why,
        );
    }
}

/// The model a type names, without `[..]` or a collection around it.
fn inner(ty: &str) -> &str {
    let ty = ty.trim_start_matches('[').trim_end_matches(']');
    ty.split_once('<')
        .map_or(ty, |(_, item)| item.trim_end_matches('>'))
}

/// Pairs of the spec's and the draft's model for the same body or response.
fn same_models(s: &RawOperation, d: &RawOperation, out: &mut Vec<(String, String)>) {
    if let (Some(a), Some(b)) = (&s.body, &d.body) {
        out.push((inner(&a.ty).to_string(), inner(&b.ty).to_string()));
    }
    for r in &s.responses {
        let theirs = d
            .responses
            .iter()
            .find(|x| x.status == r.status)
            .and_then(|x| x.body.as_ref());
        if let (Some(a), Some(b)) = (&r.body, theirs) {
            out.push((inner(a).to_string(), inner(b).to_string()));
        }
    }
}

/// Whether a contradiction the spec records explains a difference at `element`.
fn explained(contradictions: &[&RawContradiction], element: &str) -> Option<String> {
    let element = element.to_ascii_lowercase();
    contradictions
        .iter()
        .find(|c| element.starts_with(&c.element.to_ascii_lowercase()))
        .map(|c| c.note.clone())
}

#[test]
fn the_draft_of_the_spec_pages_reproduces_the_spec() {
    let loaded = spec::load(&default_spec()).unwrap();
    let known = Known::of(&loaded);
    let parts = &loaded.parts;
    let ops: Vec<&RawOperation> = parts.iter().flat_map(|p| &p.operations).collect();
    let models: Vec<&RawModel> = parts.iter().flat_map(|p| &p.models).collect();
    let mut pages: Vec<String> = Vec::new();
    for doc in ops.iter().map(|o| &o.doc).chain(
        models
            .iter()
            .map(|m| &m.doc)
            .filter(|d| d.ends_with("-resources.md")),
    ) {
        if !pages.contains(doc) {
            pages.push(doc.clone());
        }
    }
    // The importer drafts from request-syntax rows: a page that writes its
    // calls only as examples (the webhook registration page) is not one it
    // drafts.
    pages.retain(|p| {
        let page = Page::read(&default_docs().join(p)).unwrap();
        p.ends_with("-resources.md") || !syntax_rows(&page).is_empty()
    });
    let paths: Vec<PathBuf> = pages.iter().map(|p| default_docs().join(p)).collect();
    let imported = import::import(&paths, &default_docs(), &known).unwrap();
    assert!(imported.errors.is_empty(), "{:?}", imported.errors);
    // Compared as a person reads it: the YAML, parsed with the spec's own types.
    let text = import::render(&imported.draft, &pages);
    let draft: RawFile = serde_yaml::from_str(&text).unwrap();

    let mut facts = Facts::default();
    let mut used = vec![false; draft.operations.len()];
    let mut contradictions: Vec<&RawContradiction> = Vec::new();
    let mut renamed: Vec<(String, String)> = Vec::new();
    for s in &ops {
        contradictions.extend(&s.contradictions);
        let same = |d: &RawOperation| {
            d.doc == s.doc && d.method == s.method && same_path(&d.path, &s.path)
        };
        let found = (0..draft.operations.len())
            .find(|&i| !used[i] && same(&draft.operations[i]))
            .or_else(|| {
                (0..draft.operations.len()).find(|&i| !used[i] && draft.operations[i].doc == s.doc)
            });
        if let Some(i) = found {
            used[i] = true;
            same_models(s, &draft.operations[i], &mut renamed);
        }
        operation(&mut facts, s, found.map(|i| &draft.operations[i]));
    }
    for s in &models {
        contradictions.extend(&s.contradictions);
        let heading = s.heading.as_deref().unwrap_or(&s.name);
        // By name, else by its table, else as the model the same body or
        // response of the same operation has in the draft.
        let other = renamed
            .iter()
            .find(|(ours, _)| *ours == s.name)
            .map(|(_, d)| d);
        let found = draft
            .models
            .iter()
            .find(|d| d.name == s.name)
            .or_else(|| {
                draft
                    .models
                    .iter()
                    .find(|d| d.doc == s.doc && d.heading.as_deref() == Some(heading))
            })
            .or_else(|| draft.models.iter().find(|d| Some(&d.name) == other));
        model(&mut facts, s, found);
    }

    let total = facts.0.len();
    let mut reproduced = 0;
    let mut because = Vec::new();
    let mut wrong = Vec::new();
    for f in &facts.0 {
        if f.same() {
            reproduced += 1;
        } else if let Some(note) = explained(&contradictions, &f.element) {
            because.push(format!(
                "{}: spec {:?}, draft {:?} (the spec's contradiction: {note})",
                f.element, f.spec, f.draft
            ));
        } else {
            let why = f
                .why
                .as_deref()
                .map_or(String::new(), |w| format!("\n      decide: {w}"));
            wrong.push(format!(
                "{}: spec {:?}, draft {:?}{why}",
                f.element, f.spec, f.draft
            ));
        }
    }
    let share = reproduced as f64 / (total - because.len()) as f64;
    println!("{} facts wrong:\n  {}", wrong.len(), wrong.join("\n  "));
    println!(
        "{} differences the spec's contradictions explain:\n  {}",
        because.len(),
        because.join("\n  ")
    );
    println!(
        "{reproduced} of {total} facts reproduced ({:.1}% of the {} the contradictions leave)",
        share * 100.0,
        total - because.len()
    );
    assert!(share >= AT_LEAST, "the share fell to {share:.3}");
}
