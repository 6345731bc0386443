//! Gives the shared library its SONAME on ELF targets: `libtelnyx_messaging.so.<abi>`, the name
//! `make -C ffi install` installs it under. `<abi>` is the semver-compatible part of the version
//! (`0.MINOR` before 1.0, `MAJOR` from then on), so the SONAME changes exactly when the C ABI may
//! break and programs linked against an older ABI refuse to start instead of misbehaving.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let elf = matches!(os.as_str(), "linux" | "android" | "freebsd" | "netbsd" | "openbsd" | "dragonfly");
    if elf {
        let major = std::env::var("CARGO_PKG_VERSION_MAJOR").unwrap_or_default();
        let minor = std::env::var("CARGO_PKG_VERSION_MINOR").unwrap_or_default();
        let abi = if major == "0" { format!("0.{minor}") } else { major };
        println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libtelnyx_messaging.so.{abi}");
    }
}
