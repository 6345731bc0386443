//! The operation table (`telnyx_messaging::operations`) against the vendored API definition:
//! the same 19 operations, each with the definition's method and path template.

#[path = "contract/spec.rs"]
#[allow(dead_code)]
mod spec;

use telnyx_messaging::operations::{Input, OPERATIONS};

#[test]
fn the_table_has_every_operation_of_the_definition_with_its_method_and_path() {
    let mut table: Vec<spec::Operation> = OPERATIONS
        .iter()
        .map(|op| spec::Operation {
            operation_id: op.id.to_owned(),
            method: op.method.as_str().to_owned(),
            path: op.path.to_owned(),
        })
        .collect();
    table.sort();
    assert_eq!(table, spec::operations());
}

#[test]
fn rows_are_consistent() {
    for op in OPERATIONS {
        // Only GET lists page, with a Page result and page params.
        if op.paged {
            assert_eq!(op.method.as_str(), "GET", "{}", op.id);
            assert!(op.output.starts_with("Page<"), "{}", op.id);
            assert!(matches!(op.input, Input::Query(_)), "{}", op.id);
        }
        // Bodies go with POST, PUT and PATCH only.
        if let Input::Body(_) = op.input {
            assert!(["POST", "PUT", "PATCH"].contains(&op.method.as_str()), "{}", op.id);
        }
        assert!(!op.data_envelope || !op.output.starts_with("Page<"), "{}", op.id);
    }
}
