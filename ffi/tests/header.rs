//! The committed header `include/telnyx_messaging.h` must be what cbindgen generates from
//! `ffi/src` now. `UPDATE_HEADER=1 cargo test -p telnyx-messaging-ffi --test header` rewrites it.

use std::path::Path;

const REGENERATE: &str = "UPDATE_HEADER=1 cargo test -p telnyx-messaging-ffi --test header";

fn generate() -> String {
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let config = cbindgen::Config::from_file(crate_dir.join("cbindgen.toml")).expect("ffi/cbindgen.toml");
    let bindings = cbindgen::Builder::new()
        .with_crate(crate_dir)
        .with_config(config)
        .generate()
        .expect("cbindgen could not generate the header");
    let mut out = Vec::new();
    bindings.write(&mut out);
    String::from_utf8(out).expect("the header is UTF-8")
}

#[test]
fn committed_header_is_up_to_date() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../include/telnyx_messaging.h");
    let generated = generate();
    if std::env::var_os("UPDATE_HEADER").is_some_and(|v| v == "1") {
        std::fs::write(&path, &generated).expect("write include/telnyx_messaging.h");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if committed != generated {
        let first_difference = committed
            .lines()
            .zip(generated.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| committed.lines().count().min(generated.lines().count()));
        panic!(
            "include/telnyx_messaging.h is not what cbindgen generates from ffi/src (first difference at \
             line {}: committed {:?}, generated {:?}).\nRegenerate it with:\n    {REGENERATE}",
            first_difference + 1,
            committed.lines().nth(first_difference).unwrap_or("<end of file>"),
            generated.lines().nth(first_difference).unwrap_or("<end of file>"),
        );
    }
}
