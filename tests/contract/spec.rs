//! The operations of the OpenAPI definition, read with a small line-based scan of `paths:`.

use std::collections::BTreeSet;
use std::path::Path;

const METHODS: [&str; 8] = ["get", "put", "post", "delete", "patch", "options", "head", "trace"];

/// `(METHOD, path template)` of every operation in `tests/api/telnyx-messaging.openapi.yml`.
pub fn operations() -> BTreeSet<(String, String)> {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/api/telnyx-messaging.openapi.yml");
    let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    parse_operations(&text)
}

/// Finds the top-level `paths:` block; inside it a path is a key indented by 2 that starts with
/// `/`, and an operation is an HTTP-method key indented by 4 under it.
pub fn parse_operations(yaml: &str) -> BTreeSet<(String, String)> {
    let mut ops = BTreeSet::new();
    let mut in_paths = false;
    let mut path: Option<String> = None;
    for line in yaml.lines() {
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let indent = line.len() - line.trim_start().len();
        if indent == 0 {
            in_paths = line.trim_end() == "paths:";
            path = None;
            continue;
        }
        if !in_paths {
            continue;
        }
        let key = line.trim().strip_suffix(':');
        match (indent, key) {
            (2, Some(key)) => {
                let key = key.trim_matches(|c| c == '\'' || c == '"');
                path = key.starts_with('/').then(|| key.to_owned());
            }
            (4, Some(key)) if METHODS.contains(&key) => {
                if let Some(path) = &path {
                    ops.insert((key.to_ascii_uppercase(), path.clone()));
                }
            }
            _ => {}
        }
    }
    ops
}

/// Whether a concrete request path matches a template such as `/messaging_profiles/{id}`.
pub fn path_matches(template: &str, path: &str) -> bool {
    let (t, p): (Vec<_>, Vec<_>) = (template.split('/').collect(), path.split('/').collect());
    t.len() == p.len()
        && t.iter()
            .zip(&p)
            .all(|(t, p)| if t.starts_with('{') && t.ends_with('}') { !p.is_empty() } else { t == p })
}
