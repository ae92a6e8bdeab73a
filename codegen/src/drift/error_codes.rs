//! `error-codes.md`: the rows of the error-codes table.

use std::collections::HashMap;
use std::hash::Hash;

use super::PageCx;
use crate::model::{Api, GlobalCode};

/// The document's entries, grouped like the spec's: one per (status, code).
struct Entry {
    line: usize,
    status_name: String,
    status: String,
    code: String,
    descriptions: Vec<String>,
}

/// The error-codes table is the one with four columns whose second and third
/// columns are numbers (HTTP status, error code).
pub(super) fn compare(cx: &mut PageCx<'_>, api: &Api) {
    let page = cx.page;
    let ours: Vec<&GlobalCode> = api.error_codes.iter().flat_map(|c| &c.codes).collect();
    let numeric = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let table = page.tables.iter().find(|t| {
        t.header.len() == 4
            && !t.rows.is_empty()
            && t.rows
                .iter()
                .all(|r| r.cells.len() == 4 && numeric(&r.cells[1]) && numeric(&r.cells[2]))
    });
    let Some(table) = table else {
        if let Some(codes) = &api.error_codes {
            cx.in_text("error_codes", None)
                .only_in_spec(&codes.at, None);
        }
        return;
    };

    // Rows of one (status, code) are one entry.
    let keys = table.rows.iter().map(|r| (&r.cells[1], &r.cells[2]));
    let mut entries: Vec<Entry> = Vec::new();
    for (row, group) in table.rows.iter().zip(groups(keys)) {
        let c = &row.cells;
        match entries.get_mut(group) {
            Some(e) if e.descriptions.contains(&c[3]) => {}
            Some(e) => e.descriptions.push(c[3].clone()),
            None => entries.push(Entry {
                line: row.line,
                status_name: c[0].clone(),
                status: c[1].clone(),
                code: c[2].clone(),
                descriptions: vec![c[3].clone()],
            }),
        }
    }

    // Pair by (status, code); then a changed status by code and descriptions;
    // then a changed code by status and descriptions.
    let mut used = vec![false; ours.len()];
    let mut matched: Vec<Option<usize>> = vec![None; entries.len()];
    type Key = fn(&str, &str, &[String]) -> String;
    let passes: [Key; 3] = [
        |status, code, _| format!("{status}\0{code}"),
        |_, code, descriptions| format!("{code}\0{}", descriptions.join("\0")),
        |status, _, descriptions| format!("{status}\0{}", descriptions.join("\0")),
    ];
    for key in passes {
        let entry_key = |i: usize| {
            let e = &entries[i];
            key(&e.status, &e.code, &e.descriptions)
        };
        let code_key = |j: usize| {
            let g = ours[j];
            key(&g.status.to_string(), &g.code, &g.descriptions)
        };
        pair(&mut matched, &mut used, entry_key, code_key);
    }

    for (e, m) in entries.iter().zip(&matched) {
        let line = Some(e.line);
        let Some(j) = *m else {
            let element = format!("error_codes[status={},code={}]", e.status, e.code);
            cx.in_text(element, line)
                .only_in_documents(e.descriptions.join("\n"));
            continue;
        };
        let g = ours[j];
        let element =
            |field: &str| format!("error_codes[status={},code={}].{field}", g.status, g.code);
        let fields = [
            ("status", g.status.to_string(), e.status.clone()),
            ("code", g.code.clone(), e.code.clone()),
            ("status_name", g.status_name.clone(), e.status_name.clone()),
            (
                "descriptions",
                g.descriptions.join("\n"),
                e.descriptions.join("\n"),
            ),
        ];
        for (field, ours, theirs) in fields {
            if ours != theirs {
                cx.in_text(element(field), line)
                    .different(&g.at, ours, theirs);
            }
        }
    }
    for (_, g) in ours.iter().enumerate().filter(|(j, _)| !used[*j]) {
        let element = format!("error_codes[status={},code={}]", g.status, g.code);
        cx.in_text(element, Some(table.line))
            .only_in_spec(&g.at, g.descriptions.join("\n"));
    }
}

/// The group of each key: keys that are equal are one group, numbered in the
/// order they first appear. Looked up, not searched, so that a long table is
/// read in linear time.
fn groups<K: Hash + Eq>(keys: impl IntoIterator<Item = K>) -> Vec<usize> {
    let mut numbers: HashMap<K, usize> = HashMap::new();
    keys.into_iter()
        .map(|k| {
            let next = numbers.len();
            *numbers.entry(k).or_insert(next)
        })
        .collect()
}

/// Pairs each entry not yet `matched` with an unused code of the same key,
/// the first such code first, and marks that code `used`. The codes are
/// looked up by key, not searched: a long catalogue took 20 s when pairing
/// rescanned the list.
fn pair<K: Hash + Eq>(
    matched: &mut [Option<usize>],
    used: &mut [bool],
    entry_key: impl Fn(usize) -> K,
    code_key: impl Fn(usize) -> K,
) {
    let mut index: HashMap<K, Vec<usize>> = HashMap::new();
    // Backwards, so that popping gives the first.
    for j in (0..used.len()).rev().filter(|j| !used[*j]) {
        index.entry(code_key(j)).or_default().push(j);
    }
    for (i, m) in matched.iter_mut().enumerate().filter(|(_, m)| m.is_none()) {
        if let Some(j) = index.get_mut(&entry_key(i)).and_then(Vec::pop) {
            used[j] = true;
            *m = Some(j);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;
    use std::hash::{Hash, Hasher};

    use super::{groups, pair};

    thread_local! {
        static COMPARED: Cell<usize> = const { Cell::new(0) };
    }

    /// A key that counts how often it is compared: the work of a lookup.
    /// A search that rescanned what it had seen would compare each key with
    /// every other, n * n / 2 times; a lookup compares it about once.
    struct Counted(usize);

    impl PartialEq for Counted {
        fn eq(&self, other: &Counted) -> bool {
            COMPARED.with(|c| c.set(c.get() + 1));
            self.0 == other.0
        }
    }

    impl Eq for Counted {}

    impl Hash for Counted {
        fn hash<H: Hasher>(&self, state: &mut H) {
            self.0.hash(state);
        }
    }

    /// How many comparisons `f` made.
    fn comparisons(f: impl FnOnce()) -> usize {
        COMPARED.with(|c| c.set(0));
        f();
        COMPARED.with(Cell::get)
    }

    const N: usize = 4000;

    #[test]
    fn grouping_looks_each_key_up_once() {
        // Each key twice, the second time after all the others: 0 1 .. 0 1 ..
        let keys = (0..2 * N).map(|i| Counted(i % N));
        let mut got = Vec::new();
        let compared = comparisons(|| got = groups(keys));
        let expected: Vec<usize> = (0..2 * N).map(|i| i % N).collect();
        assert_eq!(got, expected);
        assert!(
            compared <= 2 * N,
            "{compared} comparisons for {} keys",
            2 * N
        );
    }

    #[test]
    fn pairing_looks_each_key_up_once() {
        // Entry i has the key of code N - 1 - i; entry 0 is matched already
        // (to code N - 1, used); entry 1's key is no code's.
        let mut matched = vec![None; N];
        matched[0] = Some(N - 1);
        let mut used = vec![false; N];
        used[N - 1] = true;
        let entry_key = |i: usize| Counted(if i == 1 { N } else { N - 1 - i });
        let compared = comparisons(|| pair(&mut matched, &mut used, entry_key, Counted));
        let expected: Vec<Option<usize>> = (0..N).map(|i| (i != 1).then_some(N - 1 - i)).collect();
        assert_eq!(matched, expected);
        assert_eq!(used.iter().filter(|u| !**u).count(), 1);
        assert!(!used[N - 2]);
        assert!(compared <= 2 * N, "{compared} comparisons for {N} entries");
    }

    #[test]
    fn codes_of_one_key_are_paired_in_their_order() {
        let mut matched = vec![None, None, Some(1), None];
        let mut used = vec![false, true, false, false];
        pair(
            &mut matched,
            &mut used,
            |_| 7,
            |j| if j == 3 { 8 } else { 7 },
        );
        assert_eq!(matched, [Some(0), Some(2), Some(1), None]);
        assert_eq!(used, [true, true, true, false]);
    }
}
