//! Every endpoint method of the Rust library has its C function in the committed header, named
//! `telnyx_<resource>_<method>`, and the header exports nothing else but the fixed support
//! functions (the client, iterator, error and string functions, and the in-process mock).
//!
//! The endpoint methods are read from the source: the `pub fn`s of the `impl<.., M:
//! ResponseMode>` blocks in `src/resources/*.rs`. A method that returns another resource handle
//! (`MessagingProfiles::autoresp_configs`) is not an endpoint but nests that resource's prefix:
//! `telnyx_messaging_profiles_autoresp_configs_<method>`. Root prefixes come from the methods of
//! `Client` that return a resource handle.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The exported functions that are not endpoints.
const SUPPORT: &[&str] = &[
    "telnyx_version",
    "telnyx_client_new",
    "telnyx_client_with_options",
    "telnyx_client_free",
    "telnyx_page_iter_next",
    "telnyx_page_iter_free",
    "telnyx_error_kind",
    "telnyx_error_status",
    "telnyx_error_message",
    "telnyx_error_errors_json",
    "telnyx_error_retry_after_ms",
    "telnyx_error_to_json",
    "telnyx_error_free",
    "telnyx_string_free",
    "telnyx_mock_start",
    "telnyx_mock_base_url",
    "telnyx_mock_requests_received",
    "telnyx_mock_connections_accepted",
    "telnyx_mock_api_key",
    "telnyx_mock_free",
];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// One `pub fn` of an impl block: its name and the type name its return type starts with.
struct Method {
    name: String,
    returns: String,
}

/// The `pub fn`s of every impl block of `source` whose header satisfies `wanted`, by the
/// implemented type's name.
fn methods(source: &str, wanted: impl Fn(&str) -> bool) -> BTreeMap<String, Vec<Method>> {
    let mut found: BTreeMap<String, Vec<Method>> = BTreeMap::new();
    let mut current: Option<String> = None;
    let mut lines = source.lines();
    while let Some(line) = lines.next() {
        if line.starts_with("impl") {
            current = wanted(line).then(|| impl_type(line));
        } else if line.starts_with('}') {
            current = None;
        } else if let (Some(ty), Some(rest)) = (&current, line.strip_prefix("    pub fn ")) {
            let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            // The signature may span lines; it ends at the opening brace of the body.
            let mut signature = rest.to_owned();
            while !signature.contains('{') {
                signature.push_str(lines.next().expect("unterminated signature"));
            }
            let returns = signature
                .split_once("->")
                .map(|(_, r)| r.trim().chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect())
                .unwrap_or_default();
            found.entry(ty.clone()).or_default().push(Method { name, returns });
        }
    }
    found
}

/// `impl<'c, M: ResponseMode> AutorespConfigs<'c, M> {` -> `AutorespConfigs`.
fn impl_type(line: &str) -> String {
    let mut rest = line.trim_start_matches("impl");
    if rest.starts_with('<') {
        let mut depth = 0;
        let end = rest
            .char_indices()
            .find(|&(_, c)| {
                depth += match c {
                    '<' => 1,
                    '>' => -1,
                    _ => 0,
                };
                depth == 0
            })
            .map(|(i, _)| i)
            .expect("unbalanced generics");
        rest = &rest[end + 1..];
    }
    rest.trim().chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect()
}

/// The C names the endpoint methods of the Rust library call for.
fn expected_functions() -> BTreeSet<String> {
    let mut resources = BTreeMap::new();
    let dir = root().join("src/resources");
    let mut files: Vec<_> = fs::read_dir(&dir).expect("src/resources").map(|e| e.unwrap().path()).collect();
    files.sort();
    for file in files.iter().filter(|f| f.extension().is_some_and(|e| e == "rs")) {
        resources.extend(methods(&fs::read_to_string(file).unwrap(), |l| l.contains("ResponseMode>")));
    }
    assert!(resources.len() >= 4, "found only these resource handles: {:?}", resources.keys());

    // Root prefixes: methods of `Client` that return a resource handle, in `impl Client` blocks of
    // src/client.rs or of the resources' own files.
    let mut client_methods = Vec::new();
    for file in std::iter::once(root().join("src/client.rs")).chain(files) {
        let source = fs::read_to_string(&file).unwrap();
        client_methods.extend(
            methods(&source, |l| l.trim_end() == "impl Client {").remove("Client").unwrap_or_default(),
        );
    }
    let mut prefixes: BTreeMap<String, String> = BTreeMap::new();
    for m in &client_methods {
        if resources.contains_key(&m.returns) {
            prefixes.insert(m.returns.clone(), format!("telnyx_{}", m.name));
        }
    }
    // Nested prefixes: a resource method that returns another resource handle.
    for _ in 0..resources.len() {
        for (ty, list) in &resources {
            let Some(prefix) = prefixes.get(ty).cloned() else { continue };
            for m in list.iter().filter(|m| resources.contains_key(&m.returns) && &m.returns != ty) {
                prefixes.entry(m.returns.clone()).or_insert_with(|| format!("{prefix}_{}", m.name));
            }
        }
    }

    let mut expected = BTreeSet::new();
    for (ty, list) in &resources {
        let prefix = prefixes.get(ty).unwrap_or_else(|| panic!("no way from Client to resource {ty}"));
        for m in list.iter().filter(|m| !resources.contains_key(&m.returns)) {
            expected.insert(format!("{prefix}_{}", m.name));
        }
    }
    expected
}

/// The functions the committed header declares.
fn header_functions() -> BTreeSet<String> {
    let header =
        fs::read_to_string(root().join("include/telnyx_messaging.h")).expect("include/telnyx_messaging.h");
    header
        .lines()
        .filter(|l| !l.starts_with([' ', '*', '/', '#']))
        .filter_map(|l| {
            let open = l.find('(')?;
            let name = l[..open].rsplit([' ', '*']).next()?;
            name.starts_with("telnyx_").then(|| name.to_owned())
        })
        .collect()
}

#[test]
fn every_endpoint_method_has_a_c_function() {
    let expected = expected_functions();
    let declared = header_functions();
    assert!(expected.len() >= 24, "found too few endpoint methods, is the parser broken? {expected:#?}");
    let missing: Vec<_> = expected.difference(&declared).collect();
    assert!(
        missing.is_empty(),
        "endpoint methods of the Rust library without a C function in include/telnyx_messaging.h:\n  {}",
        missing.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("\n  ")
    );
}

#[test]
fn the_header_exports_only_endpoints_and_support_functions() {
    let expected = expected_functions();
    let extra: Vec<_> = header_functions()
        .into_iter()
        .filter(|f| !expected.contains(f) && !SUPPORT.contains(&f.as_str()))
        .collect();
    assert!(extra.is_empty(), "C functions that match no endpoint method nor support function: {extra:?}");
    for f in SUPPORT {
        assert!(header_functions().contains(*f), "support function {f} is missing from the header");
    }
}
