//! The boundary helpers every exported function is built from: the panic guard that writes the
//! out-pointer, and the readers of C arguments (client handle, strings, JSON).

use std::ffi::{c_char, CStr};
use std::panic::{self, AssertUnwindSafe};
use std::ptr;

use serde::de::DeserializeOwned;

use crate::error::telnyx_error;
pub(crate) use crate::error::{cstring, no_panic};

/// What the body of an exported function returns.
pub(crate) type Outcome<T> = Result<T, telnyx_error>;

/// The shape of every fallible function: checks `out` (named `out_name` in errors), sets it to
/// NULL, runs `f` behind the panic boundary, writes its pointer to `out` on success only, and
/// returns NULL or the error (owned by the caller).
///
/// # Safety
/// `out` is NULL or valid for writing one pointer.
pub(crate) unsafe fn guard<O>(
    out: *mut *mut O,
    out_name: &str,
    f: impl FnOnce() -> Outcome<*mut O>,
) -> *mut telnyx_error {
    let result = panic::catch_unwind(AssertUnwindSafe(|| {
        if out.is_null() {
            return Err(telnyx_error::invalid(format!("{out_name}: must not be NULL")));
        }
        // SAFETY: `out` is not NULL and, by the caller's contract, writable.
        unsafe { out.write(ptr::null_mut()) };
        let value = f()?;
        // SAFETY: as above.
        unsafe { out.write(value) };
        Ok(())
    }));
    let error = match result {
        Ok(Ok(())) => return ptr::null_mut(),
        Ok(Err(error)) => error,
        Err(payload) => telnyx_error::panic(payload.as_ref()),
    };
    Box::into_raw(Box::new(error))
}

/// [`guard`] for functions whose result is JSON text (the server's own, from the Rust API's
/// `raw_json()` calls) written to `out_json`.
///
/// # Safety
/// `out_json` is NULL or valid for writing one pointer.
pub(crate) unsafe fn json_out(
    out_json: *mut *mut c_char,
    f: impl FnOnce() -> Outcome<String>,
) -> *mut telnyx_error {
    // SAFETY: forwarded contract.
    unsafe { guard(out_json, "out_json", || Ok(cstring(f()?).into_raw())) }
}

/// The UTF-8 text of the required C string `p`, named `name` in errors.
///
/// # Safety
/// `p` is NULL or a NUL-terminated string that outlives `'a`.
pub(crate) unsafe fn str_arg<'a>(p: *const c_char, name: &str) -> Outcome<&'a str> {
    if p.is_null() {
        return Err(telnyx_error::invalid(format!("{name}: must not be NULL")));
    }
    // SAFETY: not NULL, and NUL-terminated by the caller's contract.
    let text = unsafe { CStr::from_ptr(p) };
    text.to_str().map_err(|e| telnyx_error::invalid(format!("{name}: invalid UTF-8: {e}")))
}

/// The required JSON argument `p`, a JSON object decoded as `T`.
///
/// # Safety
/// `p` is NULL or a NUL-terminated string.
pub(crate) unsafe fn json_arg<T: DeserializeOwned>(p: *const c_char, name: &str) -> Outcome<T> {
    // SAFETY: forwarded contract.
    let text = unsafe { str_arg(p, name) }?;
    json_object(text, name)
}

/// The optional JSON argument `p`: NULL and JSON `null` mean `T::default()`, anything else is a
/// JSON object decoded as `T`.
///
/// # Safety
/// `p` is NULL or a NUL-terminated string.
pub(crate) unsafe fn opt_json_arg<T: DeserializeOwned + Default>(p: *const c_char, name: &str) -> Outcome<T> {
    if p.is_null() {
        return Ok(T::default());
    }
    // SAFETY: forwarded contract.
    let text = unsafe { str_arg(p, name) }?;
    if text.trim() == "null" {
        return Ok(T::default());
    }
    json_object(text, name)
}

/// Decodes `text`, which must be one JSON object (serde would also read a struct's fields from
/// an array), into `T`. Errors name the argument and the member path, in JSON terms.
fn json_object<T: DeserializeOwned>(text: &str, name: &str) -> Outcome<T> {
    if !text.trim_start().starts_with('{') {
        let what = match serde_json::from_str::<serde_json::Value>(text) {
            Ok(serde_json::Value::Array(_)) => "an array",
            Ok(serde_json::Value::String(_)) => "a string",
            Ok(serde_json::Value::Number(_)) => "a number",
            Ok(serde_json::Value::Bool(_)) => "a boolean",
            Ok(_) => "null",
            Err(e) => return Err(telnyx_error::invalid(format!("{name}: invalid JSON: {e}"))),
        };
        return Err(telnyx_error::invalid(format!("{name}: must be a JSON object, got {what}")));
    }
    let invalid_json = |e: serde_json::Error| telnyx_error::invalid(format!("{name}: invalid JSON: {e}"));
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut deserializer).map_err(|e| {
        let path = e.path().to_string();
        let e = e.into_inner();
        if e.is_syntax() || e.is_eof() {
            return invalid_json(e);
        }
        let message = json_terms(&e.to_string());
        // The path of an unknown member ends with that member, which the message names already.
        let path = match message.starts_with("unknown field") {
            true => path.rsplit_once('.').map_or("", |(parent, _)| parent),
            false => path.as_str(),
        };
        match path {
            "." | "" => telnyx_error::invalid(format!("{name}: {message}")),
            path => telnyx_error::invalid(format!("{name}: {path}: {message}")),
        }
    })?;
    deserializer.end().map_err(invalid_json)?;
    Ok(value)
}

/// A serde data error in JSON terms: Rust type names become JSON rules, and the position
/// (meaningless once the member is named) goes.
fn json_terms(message: &str) -> String {
    let message = message.split(" at line ").next().unwrap_or(message);
    [
        ("expected u16", "expected a whole number from 0 to 65535"),
        ("expected u32", "expected a whole number from 0 to 4294967295"),
        ("expected u64", "expected a whole number from 0 to 18446744073709551615"),
        ("expected i64", "expected a whole number"),
        ("expected f64", "expected a number"),
        ("expected a boolean", "expected true or false"),
        ("expected a map", "expected a JSON object"),
        ("expected a sequence", "expected a JSON array"),
        ("expected struct ", "expected a JSON object: "),
    ]
    .iter()
    .fold(message.to_owned(), |m, (rust, json)| m.replace(rust, json))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{telnyx_error_free, telnyx_error_kind, telnyx_error_kind_t, telnyx_error_message};

    /// The panic boundary, which no input can reach from C: a panic becomes a PANIC error and the
    /// out-pointer stays NULL.
    #[test]
    fn a_panic_becomes_a_panic_error() {
        let mut out: *mut c_char = ptr::dangling_mut();
        // SAFETY: `out` is a valid local.
        let e = unsafe { json_out(&mut out, || panic!("boom")) };
        assert!(out.is_null());
        // SAFETY: `e` is a live error, freed once.
        unsafe {
            assert_eq!(telnyx_error_kind(e), telnyx_error_kind_t::PANIC as u32);
            let message = CStr::from_ptr(telnyx_error_message(e)).to_str().unwrap();
            assert!(message.contains("boom"), "{message}");
            telnyx_error_free(e);
        }
    }

    #[test]
    fn interior_nul_bytes_are_dropped() {
        assert_eq!(cstring("a\0b".into()).as_bytes(), b"ab");
    }
}
