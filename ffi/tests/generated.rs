//! The files generated from the operation table (`telnyx_messaging::operations`) must be what
//! it generates now: the C functions `ffi/src/endpoints.rs` (and so, through cbindgen, their
//! declarations and documentation in the header) and the Python ctypes table
//! `ffi/python/telnyx_messaging/_endpoints.py`. Rewrite both with
//! `UPDATE_GENERATED=1 cargo test -p telnyx-messaging-ffi --test generated`.

use std::collections::BTreeSet;
use std::fmt::Write;
use std::path::Path;

use telnyx_messaging::operations::{Input, Operation, OPERATIONS};

const REGENERATE: &str = "UPDATE_GENERATED=1 cargo test -p telnyx-messaging-ffi --test generated";

/// One C function: a row of the table, as one page / one result or as its page iterator.
struct Function<'a> {
    op: &'a Operation,
    iterator: bool,
}

impl Function<'_> {
    /// `messaging_profiles().autoresp_configs(profile_id).list` as accessor names and method.
    fn rust_parts(&self) -> (Vec<(&'static str, Option<&'static str>)>, String) {
        let (accessors, method) = self.op.rust.rsplit_once('.').expect("accessors.method");
        let accessors = accessors
            .split('.')
            .map(|a| {
                let (name, arg) = a.split_once('(').expect("an accessor call");
                (name, Some(arg.trim_end_matches(')')).filter(|arg| !arg.is_empty()))
            })
            .collect();
        let method = if self.iterator { method.replacen("list", "list_all", 1) } else { method.to_owned() };
        (accessors, method)
    }

    fn name(&self) -> String {
        let (accessors, method) = self.rust_parts();
        let mut name = String::from("telnyx");
        for (accessor, _) in accessors {
            name.push('_');
            name.push_str(accessor);
        }
        format!("{name}_{method}")
    }

    fn path_ids(&self) -> Vec<&'static str> {
        self.op.path.split('{').skip(1).filter_map(|s| s.split_once('}').map(|(id, _)| id)).collect()
    }

    /// The JSON argument: its C name and Rust type.
    fn input(&self) -> Option<(&'static str, &'static str)> {
        match self.op.input {
            Input::Query("PageParams") => Some(("page_json", "PageParams")),
            Input::Query(ty) => Some(("params_json", ty)),
            Input::Body(ty) => Some(("body_json", ty)),
            _ => None,
        }
    }

    fn doc(&self) -> String {
        let (method, path) = (self.op.method.as_str(), self.op.path);
        let first = if self.iterator {
            let list = Function { op: self.op, iterator: false }.name();
            let arg = self.input().map_or("params_json", |(name, _)| name);
            format!(
                "`{method} {path}`, every page: creates a page iterator (read it with `telnyx_page_iter_next`). \
                 `{arg}` as for `{list}`; `page_number` is the first page fetched, and without a `page_size` \
                 it asks for 250 items per page. No request is sent until the first \
                 `telnyx_page_iter_next`, which also reports invalid page params."
            )
        } else {
            format!("`{method} {path}`. {}", self.op.c_doc)
        };
        let rest = if self.iterator {
            "\n\nOwnership: on success the caller owns `*out` (free it with `telnyx_page_iter_free`); it \
             stays valid after `c` is freed. A returned error is owned by the caller.\n\
             Thread-safe: `c` may be used by other threads at the same time.\n\n# Safety\n\
             `c` is NULL or a live client handle; each string argument is NULL or NUL-terminated; `out` \
             is NULL or valid for writing one pointer."
        } else {
            "\n\nOwnership: on success the caller owns `*out_json` (free it with `telnyx_string_free`); a \
             returned error is owned by the caller (free it with `telnyx_error_free`).\n\
             Thread-safe: `c` may be used by other threads at the same time.\n\n# Safety\n\
             `c` is NULL or a live client handle; each string argument is NULL or NUL-terminated; \
             `out_json` is NULL or valid for writing one pointer."
        };
        doc_comment(&(first + rest))
    }

    fn render(&self, out: &mut String) {
        let (accessors, method) = self.rust_parts();
        let name = self.name();
        let ids = self.path_ids();
        let (out_arg, out_type, boundary) = if self.iterator {
            ("out", "telnyx_page_iter", "iter_out")
        } else {
            ("out_json", "c_char", "json_out")
        };
        write!(
            out,
            "{}#[no_mangle]\npub unsafe extern \"C\" fn {name}(\n    c: *const telnyx_client,\n",
            self.doc()
        )
        .unwrap();
        for id in &ids {
            writeln!(out, "    {id}: *const c_char,").unwrap();
        }
        if let Some((arg, _)) = self.input() {
            writeln!(out, "    {arg}: *const c_char,").unwrap();
        }
        writeln!(out, "    {out_arg}: *mut *mut {out_type},\n) -> *mut telnyx_error {{").unwrap();
        writeln!(
            out,
            "    // SAFETY: forwarded contract.\n    unsafe {{\n        {boundary}({out_arg}, || {{"
        )
        .unwrap();
        let mut args = Vec::new();
        if let Some((arg, ty)) = self.input() {
            let reader = if matches!(self.op.input, Input::Body(_)) { "json_arg" } else { "opt_json_arg" };
            writeln!(out, "            let input: {ty} = {reader}({arg}, \"{arg}\")?;").unwrap();
            args.push("&input".to_owned());
        }
        let mut call = String::from("client_arg(c)?");
        for (i, (accessor, arg)) in accessors.iter().enumerate() {
            match arg {
                Some(id) => write!(call, ".{accessor}(str_arg({id}, \"{id}\")?)").unwrap(),
                None => write!(call, ".{accessor}()").unwrap(),
            }
            if i == 0 {
                call.push_str(".raw_json()");
            }
        }
        let by_accessor: Vec<_> = accessors.iter().filter_map(|(_, arg)| *arg).collect();
        let mut method_args: Vec<String> = ids
            .iter()
            .filter(|id| !by_accessor.contains(id))
            .map(|id| format!("str_arg({id}, \"{id}\")?"))
            .collect();
        method_args.extend(args);
        let question = if self.iterator { "" } else { "?" };
        writeln!(out, "            Ok({call}.{method}({}){question})", method_args.join(", ")).unwrap();
        out.push_str("        })\n    }\n}\n");
    }
}

/// `text` as `///` lines of at most 100 columns.
fn doc_comment(text: &str) -> String {
    let mut out = String::new();
    for paragraph in text.split('\n') {
        let mut line = String::from("///");
        for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
            if line.len() + 1 + word.len() > 100 && line != "///" {
                out.push_str(&line);
                out.push('\n');
                line = String::from("///");
            }
            line.push(' ');
            line.push_str(word);
        }
        out.push_str(&line);
        out.push('\n');
    }
    out
}

fn functions() -> Vec<Function<'static>> {
    OPERATIONS
        .iter()
        .flat_map(|op| {
            let iterator = op.paged.then_some(Function { op, iterator: true });
            std::iter::once(Function { op, iterator: false }).chain(iterator)
        })
        .collect()
}

fn endpoints_rs() -> String {
    let types: BTreeSet<_> = functions().iter().filter_map(|f| f.input().map(|(_, ty)| ty)).collect();
    let mut out = format!(
        "// Generated from `telnyx_messaging::operations` by ffi/tests/generated.rs: do not edit.\n\
         // Regenerate with `{REGENERATE}`.\n\n\
         //! One function per endpoint method of the Rust library, generated from its operation table:\n\
         //! C strings and JSON in, one call, JSON or an error out.\n\
         //!\n\
         //! Every function here shares these rules, repeated in each one's documentation:\n\
         //! on success it returns NULL and the caller owns the string or iterator written to the\n\
         //! out-pointer; on failure it returns an error owned by the caller and the out-pointer stays NULL.\n\
         //! All of them are thread-safe: a client handle may be used by many threads at once.\n\n\
         use std::ffi::c_char;\n\n\
         use telnyx_messaging::{{{}}};\n\n\
         use crate::boundary::{{json_arg, json_out, opt_json_arg, str_arg}};\n\
         use crate::client::{{client_arg, telnyx_client}};\n\
         use crate::error::telnyx_error;\n\
         use crate::iter::{{iter_out, telnyx_page_iter}};\n",
        types.into_iter().collect::<Vec<_>>().join(", ")
    );
    for function in functions() {
        out.push('\n');
        function.render(&mut out);
    }
    out
}

fn endpoints_py() -> String {
    let mut out = format!(
        "# Generated from `telnyx_messaging::operations` by ffi/tests/generated.rs: do not edit.\n\
         # Regenerate with `{REGENERATE}`.\n\
         \"\"\"The C endpoint functions: name -> (how many string arguments follow the client, whether\n\
         the result is a page iterator rather than a JSON string).\"\"\"\n\n\
         from typing import Dict, Tuple\n\n\
         ENDPOINTS: Dict[str, Tuple[int, bool]] = {{\n"
    );
    for f in functions() {
        let strings = f.path_ids().len() + usize::from(f.input().is_some());
        let iterator = if f.iterator { "True" } else { "False" };
        writeln!(out, "    \"{}\": ({strings}, {iterator}),", f.name()).unwrap();
    }
    out.push_str("}\n");
    out
}

fn check(relative: &str, generated: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    if std::env::var_os("UPDATE_GENERATED").is_some_and(|v| v == "1") {
        std::fs::write(&path, generated).unwrap_or_else(|e| panic!("write {relative}: {e}"));
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if committed != generated {
        let line = committed.lines().zip(generated.lines()).position(|(a, b)| a != b).unwrap_or(0);
        panic!(
            "ffi/{relative} is not what the operation table generates (first difference at line {}: \
             committed {:?}, generated {:?}).\nRegenerate it with:\n    {REGENERATE}\nthen the header \
             with `UPDATE_HEADER=1 cargo test -p telnyx-messaging-ffi --test header`.",
            line + 1,
            committed.lines().nth(line).unwrap_or("<end>"),
            generated.lines().nth(line).unwrap_or("<end>"),
        );
    }
}

#[test]
fn c_endpoints_are_generated_from_the_operation_table() {
    check("src/endpoints.rs", &endpoints_rs());
}

#[test]
fn python_endpoint_table_is_generated_from_the_operation_table() {
    check("python/telnyx_messaging/_endpoints.py", &endpoints_py());
}

/// The exported functions that are not generated endpoints.
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
    "telnyx_set_logger",
];

/// The functions the committed header declares.
fn header_functions() -> BTreeSet<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../include/telnyx_messaging.h");
    let header = std::fs::read_to_string(path).expect("include/telnyx_messaging.h");
    header
        .lines()
        .filter(|l| !l.starts_with([' ', '*', '/', '#']))
        .filter_map(|l| {
            let name = l[..l.find('(')?].rsplit([' ', '*']).next()?;
            name.starts_with("telnyx_").then(|| name.to_owned())
        })
        .collect()
}

#[test]
fn the_header_declares_every_operation_and_the_support_functions_only() {
    assert_eq!(OPERATIONS.len(), 19);
    let endpoints: BTreeSet<_> = functions().iter().map(Function::name).collect();
    assert_eq!(endpoints.len(), 19 + OPERATIONS.iter().filter(|op| op.paged).count(), "names are unique");
    let expected: BTreeSet<_> = endpoints.into_iter().chain(SUPPORT.iter().map(|s| s.to_string())).collect();
    assert_eq!(header_functions(), expected);
}
