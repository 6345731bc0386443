//! The one reader of the OpenAPI definition: its operations (operationId, method, path
//! template), read with a small line-based scan of `paths:`. The Rust and C suites call it in
//! process; the proxy (`telnyx-contract-proxy`) serves its answer to Python and Go.

use std::path::Path;

use serde::Serialize;

const METHODS: [&str; 8] = ["get", "put", "post", "delete", "patch", "options", "head", "trace"];

/// One operation of the definition.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Operation {
    pub operation_id: String,
    pub method: String,
    pub path: String,
}

/// Every operation of `tests/api/telnyx-messaging.openapi.yml`, sorted by operationId.
pub fn operations() -> Vec<Operation> {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/api/telnyx-messaging.openapi.yml");
    let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    parse_operations(&text)
}

/// Finds the top-level `paths:` block; inside it a path is a key indented by 2 that starts with
/// `/`, an operation an HTTP-method key indented by 4 under it, and its id the `operationId:`
/// indented by 6 under that.
pub fn parse_operations(yaml: &str) -> Vec<Operation> {
    let mut ops = Vec::new();
    let (mut in_paths, mut path, mut method) = (false, None::<String>, None::<String>);
    for line in yaml.lines() {
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let indent = line.len() - line.trim_start().len();
        if indent == 0 {
            (in_paths, path, method) = (line.trim_end() == "paths:", None, None);
            continue;
        }
        let (key, value) = line.trim().split_once(':').unwrap_or((line.trim(), ""));
        match (in_paths, indent) {
            (true, 2) => {
                let key = key.trim_matches(|c| c == '\'' || c == '"');
                (path, method) = (key.starts_with('/').then(|| key.to_owned()), None);
            }
            (true, 4) => method = METHODS.contains(&key).then(|| key.to_ascii_uppercase()),
            (true, 6) if key == "operationId" => {
                if let (Some(path), Some(method)) = (&path, &method) {
                    let operation_id = value.trim().trim_matches(|c| c == '\'' || c == '"').to_owned();
                    ops.push(Operation { operation_id, method: method.clone(), path: path.clone() });
                }
            }
            _ => {}
        }
    }
    ops.sort();
    ops
}

/// The operation a request reaches, if any.
pub fn operation_of<'a>(ops: &'a [Operation], method: &str, path: &str) -> Option<&'a Operation> {
    ops.iter().find(|op| op.method == method && path_matches(&op.path, path))
}

/// Whether a concrete request path matches a template such as `/messaging_profiles/{id}`.
pub fn path_matches(template: &str, path: &str) -> bool {
    let (t, p): (Vec<_>, Vec<_>) = (template.split('/').collect(), path.split('/').collect());
    t.len() == p.len()
        && t.iter()
            .zip(&p)
            .all(|(t, p)| if t.starts_with('{') && t.ends_with('}') { !p.is_empty() } else { t == p })
}
