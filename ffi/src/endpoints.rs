// Generated from `telnyx_messaging::operations` by ffi/tests/generated.rs: do not edit.
// Regenerate with `UPDATE_GENERATED=1 cargo test -p telnyx-messaging-ffi --test generated`.

//! One function per endpoint method of the Rust library, generated from its operation table:
//! C strings and JSON in, one call, JSON or an error out.
//!
//! Every function here shares these rules, repeated in each one's documentation:
//! on success it returns NULL and the caller owns the string or iterator written to the
//! out-pointer; on failure it returns an error owned by the caller and the out-pointer stays NULL.
//! All of them are thread-safe: a client handle may be used by many threads at once.

use std::ffi::c_char;

use telnyx_messaging::{AutorespConfigParams, CreateMessagingProfileParams, ListAutorespConfigsParams, ListMessagingProfilesParams, ListShortCodesParams, MetricsParams, PageParams, UpdateMessagingProfileParams, UpdateShortCodeParams};

use crate::boundary::{json_arg, json_out, opt_json_arg, str_arg};
use crate::client::{client_arg, telnyx_client};
use crate::error::telnyx_error;
use crate::iter::{iter_out, telnyx_page_iter};

/// `GET /messaging_profiles`. One page of profiles. `params_json` is NULL or a JSON object with the
/// optional keys `filter_name`, `filter_name_eq`, `filter_name_contains` (strings), `page_number`
/// (from 1) and `page_size` (1..250). `*out_json`: `{"data": [...], "meta": {...}}`.
///
/// Ownership: on success the caller owns `*out_json` (free it with `telnyx_string_free`); a
/// returned error is owned by the caller (free it with `telnyx_error_free`).
/// Thread-safe: `c` may be used by other threads at the same time.
///
/// # Safety
/// `c` is NULL or a live client handle; each string argument is NULL or NUL-terminated; `out_json`
/// is NULL or valid for writing one pointer.
#[no_mangle]
pub unsafe extern "C" fn telnyx_messaging_profiles_list(
    c: *const telnyx_client,
    params_json: *const c_char,
    out_json: *mut *mut c_char,
) -> *mut telnyx_error {
    // SAFETY: forwarded contract.
    unsafe {
        json_out(out_json, || {
            let input: ListMessagingProfilesParams = opt_json_arg(params_json, "params_json")?;
            Ok(client_arg(c)?.messaging_profiles().raw_json().list(&input)?)
        })
    }
}

/// `GET /messaging_profiles`, every page: creates a page iterator (read it with
/// `telnyx_page_iter_next`). `params_json` as for `telnyx_messaging_profiles_list`; `page_number`
/// is the first page fetched, and without a `page_size` it asks for 250 items per page. No request
/// is sent until the first `telnyx_page_iter_next`, which also reports invalid page params.
///
/// Ownership: on success the caller owns `*out` (free it with `telnyx_page_iter_free`); it stays
/// valid after `c` is freed. A returned error is owned by the caller.
/// Thread-safe: `c` may be used by other threads at the same time.
///
/// # Safety
/// `c` is NULL or a live client handle; each string argument is NULL or NUL-terminated; `out` is
/// NULL or valid for writing one pointer.
#[no_mangle]
pub unsafe extern "C" fn telnyx_messaging_profiles_list_all(
    c: *const telnyx_client,
    params_json: *const c_char,
    out: *mut *mut telnyx_page_iter,
) -> *mut telnyx_error {
    // SAFETY: forwarded contract.
    unsafe {
        iter_out(out, || {
            let input: ListMessagingProfilesParams = opt_json_arg(params_json, "params_json")?;
            Ok(client_arg(c)?.messaging_profiles().raw_json().list_all(&input))
        })
    }
}

/// `POST /messaging_profiles`. `body_json` (required) uses the API's field names; `name` and
/// `whitelisted_destinations` are required. `*out_json`: the created profile.
///
/// Ownership: on success the caller owns `*out_json` (free it with `telnyx_string_free`); a
/// returned error is owned by the caller (free it with `telnyx_error_free`).
/// Thread-safe: `c` may be used by other threads at the same time.
///
/// # Safety
/// `c` is NULL or a live client handle; each string argument is NULL or NUL-terminated; `out_json`
/// is NULL or valid for writing one pointer.
#[no_mangle]
pub unsafe extern "C" fn telnyx_messaging_profiles_create(
    c: *const telnyx_client,
    body_json: *const c_char,
    out_json: *mut *mut c_char,
) -> *mut telnyx_error {
    // SAFETY: forwarded contract.
    unsafe {
        json_out(out_json, || {
            let input: CreateMessagingProfileParams = json_arg(body_json, "body_json")?;
            Ok(client_arg(c)?.messaging_profiles().raw_json().create(&input)?)
        })
    }
}

/// `GET /messaging_profiles/{id}`. `*out_json`: the profile.
///
/// Ownership: on success the caller owns `*out_json` (free it with `telnyx_string_free`); a
/// returned error is owned by the caller (free it with `telnyx_error_free`).
/// Thread-safe: `c` may be used by other threads at the same time.
///
/// # Safety
/// `c` is NULL or a live client handle; each string argument is NULL or NUL-terminated; `out_json`
/// is NULL or valid for writing one pointer.
#[no_mangle]
pub unsafe extern "C" fn telnyx_messaging_profiles_retrieve(
    c: *const telnyx_client,
    id: *const c_char,
    out_json: *mut *mut c_char,
) -> *mut telnyx_error {
    // SAFETY: forwarded contract.
    unsafe {
        json_out(out_json, || {
            Ok(client_arg(c)?.messaging_profiles().raw_json().retrieve(str_arg(id, "id")?)?)
        })
    }
}

/// `PATCH /messaging_profiles/{id}`. `body_json` (required): the fields to change, with the API's
/// names; a key set to `null` clears that field (`webhook_url`, `webhook_failover_url`,
/// `alpha_sender`, `number_pool_settings`, `url_shortener_settings`, `ai_assistant_id`), a missing
/// key leaves it unchanged; read-only fields are refused. `*out_json`: the profile.
///
/// Ownership: on success the caller owns `*out_json` (free it with `telnyx_string_free`); a
/// returned error is owned by the caller (free it with `telnyx_error_free`).
/// Thread-safe: `c` may be used by other threads at the same time.
///
/// # Safety
/// `c` is NULL or a live client handle; each string argument is NULL or NUL-terminated; `out_json`
/// is NULL or valid for writing one pointer.
#[no_mangle]
pub unsafe extern "C" fn telnyx_messaging_profiles_update(
    c: *const telnyx_client,
    id: *const c_char,
    body_json: *const c_char,
    out_json: *mut *mut c_char,
) -> *mut telnyx_error {
    // SAFETY: forwarded contract.
    unsafe {
        json_out(out_json, || {
            let input: UpdateMessagingProfileParams = json_arg(body_json, "body_json")?;
            Ok(client_arg(c)?.messaging_profiles().raw_json().update(str_arg(id, "id")?, &input)?)
        })
    }
}

/// `DELETE /messaging_profiles/{id}`. `*out_json`: the deleted profile.
///
/// Ownership: on success the caller owns `*out_json` (free it with `telnyx_string_free`); a
/// returned error is owned by the caller (free it with `telnyx_error_free`).
/// Thread-safe: `c` may be used by other threads at the same time.
///
/// # Safety
/// `c` is NULL or a live client handle; each string argument is NULL or NUL-terminated; `out_json`
/// is NULL or valid for writing one pointer.
#[no_mangle]
pub unsafe extern "C" fn telnyx_messaging_profiles_delete(
    c: *const telnyx_client,
    id: *const c_char,
    out_json: *mut *mut c_char,
) -> *mut telnyx_error {
    // SAFETY: forwarded contract.
    unsafe {
        json_out(out_json, || {
            Ok(client_arg(c)?.messaging_profiles().raw_json().delete(str_arg(id, "id")?)?)
        })
    }
}

/// `POST /messaging_profiles/{id}/actions/regenerate_secret`. `*out_json`: the profile with its new
/// `v1_secret`.
///
/// Ownership: on success the caller owns `*out_json` (free it with `telnyx_string_free`); a
/// returned error is owned by the caller (free it with `telnyx_error_free`).
/// Thread-safe: `c` may be used by other threads at the same time.
///
/// # Safety
/// `c` is NULL or a live client handle; each string argument is NULL or NUL-terminated; `out_json`
/// is NULL or valid for writing one pointer.
#[no_mangle]
pub unsafe extern "C" fn telnyx_messaging_profiles_regenerate_secret(
    c: *const telnyx_client,
    id: *const c_char,
    out_json: *mut *mut c_char,
) -> *mut telnyx_error {
    // SAFETY: forwarded contract.
    unsafe {
        json_out(out_json, || {
            Ok(client_arg(c)?.messaging_profiles().raw_json().regenerate_secret(str_arg(id, "id")?)?)
        })
    }
}

/// `GET /messaging_profiles/{id}/phone_numbers`. `page_json` is NULL or `{"page_number": n,
/// "page_size": n}` (both optional). `*out_json`: `{"data": [...], "meta": {...}}`.
///
/// Ownership: on success the caller owns `*out_json` (free it with `telnyx_string_free`); a
/// returned error is owned by the caller (free it with `telnyx_error_free`).
/// Thread-safe: `c` may be used by other threads at the same time.
///
/// # Safety
/// `c` is NULL or a live client handle; each string argument is NULL or NUL-terminated; `out_json`
/// is NULL or valid for writing one pointer.
#[no_mangle]
pub unsafe extern "C" fn telnyx_messaging_profiles_list_phone_numbers(
    c: *const telnyx_client,
    id: *const c_char,
    page_json: *const c_char,
    out_json: *mut *mut c_char,
) -> *mut telnyx_error {
    // SAFETY: forwarded contract.
    unsafe {
        json_out(out_json, || {
            let input: PageParams = opt_json_arg(page_json, "page_json")?;
            Ok(client_arg(c)?.messaging_profiles().raw_json().list_phone_numbers(str_arg(id, "id")?, &input)?)
        })
    }
}

/// `GET /messaging_profiles/{id}/phone_numbers`, every page: creates a page iterator (read it with
/// `telnyx_page_iter_next`). `page_json` as for `telnyx_messaging_profiles_list_phone_numbers`;
/// `page_number` is the first page fetched, and without a `page_size` it asks for 250 items per
/// page. No request is sent until the first `telnyx_page_iter_next`, which also reports invalid
/// page params.
///
/// Ownership: on success the caller owns `*out` (free it with `telnyx_page_iter_free`); it stays
/// valid after `c` is freed. A returned error is owned by the caller.
/// Thread-safe: `c` may be used by other threads at the same time.
///
/// # Safety
/// `c` is NULL or a live client handle; each string argument is NULL or NUL-terminated; `out` is
/// NULL or valid for writing one pointer.
#[no_mangle]
pub unsafe extern "C" fn telnyx_messaging_profiles_list_all_phone_numbers(
    c: *const telnyx_client,
    id: *const c_char,
    page_json: *const c_char,
    out: *mut *mut telnyx_page_iter,
) -> *mut telnyx_error {
    // SAFETY: forwarded contract.
    unsafe {
        iter_out(out, || {
            let input: PageParams = opt_json_arg(page_json, "page_json")?;
            Ok(client_arg(c)?.messaging_profiles().raw_json().list_all_phone_numbers(str_arg(id, "id")?, &input))
        })
    }
}

/// `GET /messaging_profiles/{id}/short_codes`. `page_json` is NULL or `{"page_number": n,
/// "page_size": n}` (both optional). `*out_json`: `{"data": [...], "meta": {...}}`.
///
/// Ownership: on success the caller owns `*out_json` (free it with `telnyx_string_free`); a
/// returned error is owned by the caller (free it with `telnyx_error_free`).
/// Thread-safe: `c` may be used by other threads at the same time.
///
/// # Safety
/// `c` is NULL or a live client handle; each string argument is NULL or NUL-terminated; `out_json`
/// is NULL or valid for writing one pointer.
#[no_mangle]
pub unsafe extern "C" fn telnyx_messaging_profiles_list_short_codes(
    c: *const telnyx_client,
    id: *const c_char,
    page_json: *const c_char,
    out_json: *mut *mut c_char,
) -> *mut telnyx_error {
    // SAFETY: forwarded contract.
    unsafe {
        json_out(out_json, || {
            let input: PageParams = opt_json_arg(page_json, "page_json")?;
            Ok(client_arg(c)?.messaging_profiles().raw_json().list_short_codes(str_arg(id, "id")?, &input)?)
        })
    }
}

/// `GET /messaging_profiles/{id}/short_codes`, every page: creates a page iterator (read it with
/// `telnyx_page_iter_next`). `page_json` as for `telnyx_messaging_profiles_list_short_codes`;
/// `page_number` is the first page fetched, and without a `page_size` it asks for 250 items per
/// page. No request is sent until the first `telnyx_page_iter_next`, which also reports invalid
/// page params.
///
/// Ownership: on success the caller owns `*out` (free it with `telnyx_page_iter_free`); it stays
/// valid after `c` is freed. A returned error is owned by the caller.
/// Thread-safe: `c` may be used by other threads at the same time.
///
/// # Safety
/// `c` is NULL or a live client handle; each string argument is NULL or NUL-terminated; `out` is
/// NULL or valid for writing one pointer.
#[no_mangle]
pub unsafe extern "C" fn telnyx_messaging_profiles_list_all_short_codes(
    c: *const telnyx_client,
    id: *const c_char,
    page_json: *const c_char,
    out: *mut *mut telnyx_page_iter,
) -> *mut telnyx_error {
    // SAFETY: forwarded contract.
    unsafe {
        iter_out(out, || {
            let input: PageParams = opt_json_arg(page_json, "page_json")?;
            Ok(client_arg(c)?.messaging_profiles().raw_json().list_all_short_codes(str_arg(id, "id")?, &input))
        })
    }
}

/// `GET /messaging_profiles/{id}/alphanumeric_sender_ids`. `page_json` is NULL or `{"page_number":
/// n, "page_size": n}` (both optional). `*out_json`: `{"data": [...], "meta": {...}}`.
///
/// Ownership: on success the caller owns `*out_json` (free it with `telnyx_string_free`); a
/// returned error is owned by the caller (free it with `telnyx_error_free`).
/// Thread-safe: `c` may be used by other threads at the same time.
///
/// # Safety
/// `c` is NULL or a live client handle; each string argument is NULL or NUL-terminated; `out_json`
/// is NULL or valid for writing one pointer.
#[no_mangle]
pub unsafe extern "C" fn telnyx_messaging_profiles_list_alphanumeric_sender_ids(
    c: *const telnyx_client,
    id: *const c_char,
    page_json: *const c_char,
    out_json: *mut *mut c_char,
) -> *mut telnyx_error {
    // SAFETY: forwarded contract.
    unsafe {
        json_out(out_json, || {
            let input: PageParams = opt_json_arg(page_json, "page_json")?;
            Ok(client_arg(c)?.messaging_profiles().raw_json().list_alphanumeric_sender_ids(str_arg(id, "id")?, &input)?)
        })
    }
}

/// `GET /messaging_profiles/{id}/alphanumeric_sender_ids`, every page: creates a page iterator
/// (read it with `telnyx_page_iter_next`). `page_json` as for
/// `telnyx_messaging_profiles_list_alphanumeric_sender_ids`; `page_number` is the first page
/// fetched, and without a `page_size` it asks for 250 items per page. No request is sent until the
/// first `telnyx_page_iter_next`, which also reports invalid page params.
///
/// Ownership: on success the caller owns `*out` (free it with `telnyx_page_iter_free`); it stays
/// valid after `c` is freed. A returned error is owned by the caller.
/// Thread-safe: `c` may be used by other threads at the same time.
///
/// # Safety
/// `c` is NULL or a live client handle; each string argument is NULL or NUL-terminated; `out` is
/// NULL or valid for writing one pointer.
#[no_mangle]
pub unsafe extern "C" fn telnyx_messaging_profiles_list_all_alphanumeric_sender_ids(
    c: *const telnyx_client,
    id: *const c_char,
    page_json: *const c_char,
    out: *mut *mut telnyx_page_iter,
) -> *mut telnyx_error {
    // SAFETY: forwarded contract.
    unsafe {
        iter_out(out, || {
            let input: PageParams = opt_json_arg(page_json, "page_json")?;
            Ok(client_arg(c)?.messaging_profiles().raw_json().list_all_alphanumeric_sender_ids(str_arg(id, "id")?, &input))
        })
    }
}

/// `GET /messaging_profiles/{id}/metrics`. `params_json` is NULL or `{"time_frame": "1h"}` (`1h`,
/// `3h`, `24h`, `3d`, `7d`, `30d`; server default `24h`). `*out_json`: the metrics object,
/// free-form.
///
/// Ownership: on success the caller owns `*out_json` (free it with `telnyx_string_free`); a
/// returned error is owned by the caller (free it with `telnyx_error_free`).
/// Thread-safe: `c` may be used by other threads at the same time.
///
/// # Safety
/// `c` is NULL or a live client handle; each string argument is NULL or NUL-terminated; `out_json`
/// is NULL or valid for writing one pointer.
#[no_mangle]
pub unsafe extern "C" fn telnyx_messaging_profiles_retrieve_metrics(
    c: *const telnyx_client,
    id: *const c_char,
    params_json: *const c_char,
    out_json: *mut *mut c_char,
) -> *mut telnyx_error {
    // SAFETY: forwarded contract.
    unsafe {
        json_out(out_json, || {
            let input: MetricsParams = opt_json_arg(params_json, "params_json")?;
            Ok(client_arg(c)?.messaging_profiles().raw_json().retrieve_metrics(str_arg(id, "id")?, &input)?)
        })
    }
}

/// `GET /messaging_profiles/{profile_id}/autoresp_configs`. Every config, as one list.
/// `params_json` is NULL or a JSON object with the optional string keys `country_code`,
/// `created_at_gte`, `created_at_lte`, `updated_at_gte`, `updated_at_lte`. `*out_json`: `{"data":
/// [...], "meta": {...}}`.
///
/// Ownership: on success the caller owns `*out_json` (free it with `telnyx_string_free`); a
/// returned error is owned by the caller (free it with `telnyx_error_free`).
/// Thread-safe: `c` may be used by other threads at the same time.
///
/// # Safety
/// `c` is NULL or a live client handle; each string argument is NULL or NUL-terminated; `out_json`
/// is NULL or valid for writing one pointer.
#[no_mangle]
pub unsafe extern "C" fn telnyx_messaging_profiles_autoresp_configs_list(
    c: *const telnyx_client,
    profile_id: *const c_char,
    params_json: *const c_char,
    out_json: *mut *mut c_char,
) -> *mut telnyx_error {
    // SAFETY: forwarded contract.
    unsafe {
        json_out(out_json, || {
            let input: ListAutorespConfigsParams = opt_json_arg(params_json, "params_json")?;
            Ok(client_arg(c)?.messaging_profiles().raw_json().autoresp_configs(str_arg(profile_id, "profile_id")?).list(&input)?)
        })
    }
}

/// `POST /messaging_profiles/{profile_id}/autoresp_configs`. `body_json` (required): `{"op":
/// "start"|"stop"|"info", "keywords": [...], "country_code": "US", "resp_text": "..."}`
/// (`resp_text` optional). `*out_json`: the created config.
///
/// Ownership: on success the caller owns `*out_json` (free it with `telnyx_string_free`); a
/// returned error is owned by the caller (free it with `telnyx_error_free`).
/// Thread-safe: `c` may be used by other threads at the same time.
///
/// # Safety
/// `c` is NULL or a live client handle; each string argument is NULL or NUL-terminated; `out_json`
/// is NULL or valid for writing one pointer.
#[no_mangle]
pub unsafe extern "C" fn telnyx_messaging_profiles_autoresp_configs_create(
    c: *const telnyx_client,
    profile_id: *const c_char,
    body_json: *const c_char,
    out_json: *mut *mut c_char,
) -> *mut telnyx_error {
    // SAFETY: forwarded contract.
    unsafe {
        json_out(out_json, || {
            let input: AutorespConfigParams = json_arg(body_json, "body_json")?;
            Ok(client_arg(c)?.messaging_profiles().raw_json().autoresp_configs(str_arg(profile_id, "profile_id")?).create(&input)?)
        })
    }
}

/// `GET /messaging_profiles/{profile_id}/autoresp_configs/{autoresp_cfg_id}`. `*out_json`: the
/// config.
///
/// Ownership: on success the caller owns `*out_json` (free it with `telnyx_string_free`); a
/// returned error is owned by the caller (free it with `telnyx_error_free`).
/// Thread-safe: `c` may be used by other threads at the same time.
///
/// # Safety
/// `c` is NULL or a live client handle; each string argument is NULL or NUL-terminated; `out_json`
/// is NULL or valid for writing one pointer.
#[no_mangle]
pub unsafe extern "C" fn telnyx_messaging_profiles_autoresp_configs_retrieve(
    c: *const telnyx_client,
    profile_id: *const c_char,
    autoresp_cfg_id: *const c_char,
    out_json: *mut *mut c_char,
) -> *mut telnyx_error {
    // SAFETY: forwarded contract.
    unsafe {
        json_out(out_json, || {
            Ok(client_arg(c)?.messaging_profiles().raw_json().autoresp_configs(str_arg(profile_id, "profile_id")?).retrieve(str_arg(autoresp_cfg_id, "autoresp_cfg_id")?)?)
        })
    }
}

/// `PUT /messaging_profiles/{profile_id}/autoresp_configs/{autoresp_cfg_id}`. Replaces the whole
/// config. `body_json` (required) as for `telnyx_messaging_profiles_autoresp_configs_create`.
/// `*out_json`: the config.
///
/// Ownership: on success the caller owns `*out_json` (free it with `telnyx_string_free`); a
/// returned error is owned by the caller (free it with `telnyx_error_free`).
/// Thread-safe: `c` may be used by other threads at the same time.
///
/// # Safety
/// `c` is NULL or a live client handle; each string argument is NULL or NUL-terminated; `out_json`
/// is NULL or valid for writing one pointer.
#[no_mangle]
pub unsafe extern "C" fn telnyx_messaging_profiles_autoresp_configs_update(
    c: *const telnyx_client,
    profile_id: *const c_char,
    autoresp_cfg_id: *const c_char,
    body_json: *const c_char,
    out_json: *mut *mut c_char,
) -> *mut telnyx_error {
    // SAFETY: forwarded contract.
    unsafe {
        json_out(out_json, || {
            let input: AutorespConfigParams = json_arg(body_json, "body_json")?;
            Ok(client_arg(c)?.messaging_profiles().raw_json().autoresp_configs(str_arg(profile_id, "profile_id")?).update(str_arg(autoresp_cfg_id, "autoresp_cfg_id")?, &input)?)
        })
    }
}

/// `DELETE /messaging_profiles/{profile_id}/autoresp_configs/{autoresp_cfg_id}`. `*out_json`: the
/// JSON string the server returned, such as `"OK"` (with the quotes).
///
/// Ownership: on success the caller owns `*out_json` (free it with `telnyx_string_free`); a
/// returned error is owned by the caller (free it with `telnyx_error_free`).
/// Thread-safe: `c` may be used by other threads at the same time.
///
/// # Safety
/// `c` is NULL or a live client handle; each string argument is NULL or NUL-terminated; `out_json`
/// is NULL or valid for writing one pointer.
#[no_mangle]
pub unsafe extern "C" fn telnyx_messaging_profiles_autoresp_configs_delete(
    c: *const telnyx_client,
    profile_id: *const c_char,
    autoresp_cfg_id: *const c_char,
    out_json: *mut *mut c_char,
) -> *mut telnyx_error {
    // SAFETY: forwarded contract.
    unsafe {
        json_out(out_json, || {
            Ok(client_arg(c)?.messaging_profiles().raw_json().autoresp_configs(str_arg(profile_id, "profile_id")?).delete(str_arg(autoresp_cfg_id, "autoresp_cfg_id")?)?)
        })
    }
}

/// `GET /short_codes`. One page. `params_json` is NULL or a JSON object with the optional keys
/// `filter_messaging_profile_id` (the string `"null"` finds unassigned short codes), `page_number`
/// and `page_size`. `*out_json`: `{"data": [...], "meta": {...}}`.
///
/// Ownership: on success the caller owns `*out_json` (free it with `telnyx_string_free`); a
/// returned error is owned by the caller (free it with `telnyx_error_free`).
/// Thread-safe: `c` may be used by other threads at the same time.
///
/// # Safety
/// `c` is NULL or a live client handle; each string argument is NULL or NUL-terminated; `out_json`
/// is NULL or valid for writing one pointer.
#[no_mangle]
pub unsafe extern "C" fn telnyx_short_codes_list(
    c: *const telnyx_client,
    params_json: *const c_char,
    out_json: *mut *mut c_char,
) -> *mut telnyx_error {
    // SAFETY: forwarded contract.
    unsafe {
        json_out(out_json, || {
            let input: ListShortCodesParams = opt_json_arg(params_json, "params_json")?;
            Ok(client_arg(c)?.short_codes().raw_json().list(&input)?)
        })
    }
}

/// `GET /short_codes`, every page: creates a page iterator (read it with `telnyx_page_iter_next`).
/// `params_json` as for `telnyx_short_codes_list`; `page_number` is the first page fetched, and
/// without a `page_size` it asks for 250 items per page. No request is sent until the first
/// `telnyx_page_iter_next`, which also reports invalid page params.
///
/// Ownership: on success the caller owns `*out` (free it with `telnyx_page_iter_free`); it stays
/// valid after `c` is freed. A returned error is owned by the caller.
/// Thread-safe: `c` may be used by other threads at the same time.
///
/// # Safety
/// `c` is NULL or a live client handle; each string argument is NULL or NUL-terminated; `out` is
/// NULL or valid for writing one pointer.
#[no_mangle]
pub unsafe extern "C" fn telnyx_short_codes_list_all(
    c: *const telnyx_client,
    params_json: *const c_char,
    out: *mut *mut telnyx_page_iter,
) -> *mut telnyx_error {
    // SAFETY: forwarded contract.
    unsafe {
        iter_out(out, || {
            let input: ListShortCodesParams = opt_json_arg(params_json, "params_json")?;
            Ok(client_arg(c)?.short_codes().raw_json().list_all(&input))
        })
    }
}

/// `GET /short_codes/{id}`. `id` is the UUID, not the digits. `*out_json`: the short code.
///
/// Ownership: on success the caller owns `*out_json` (free it with `telnyx_string_free`); a
/// returned error is owned by the caller (free it with `telnyx_error_free`).
/// Thread-safe: `c` may be used by other threads at the same time.
///
/// # Safety
/// `c` is NULL or a live client handle; each string argument is NULL or NUL-terminated; `out_json`
/// is NULL or valid for writing one pointer.
#[no_mangle]
pub unsafe extern "C" fn telnyx_short_codes_retrieve(
    c: *const telnyx_client,
    id: *const c_char,
    out_json: *mut *mut c_char,
) -> *mut telnyx_error {
    // SAFETY: forwarded contract.
    unsafe {
        json_out(out_json, || {
            Ok(client_arg(c)?.short_codes().raw_json().retrieve(str_arg(id, "id")?)?)
        })
    }
}

/// `PATCH /short_codes/{id}`. `body_json` (required): `{"messaging_profile_id": "..." | null | "",
/// "tags": [...]}`; `messaging_profile_id` is required (`null` or `""` unassigns), `tags` optional.
/// `*out_json`: the short code.
///
/// Ownership: on success the caller owns `*out_json` (free it with `telnyx_string_free`); a
/// returned error is owned by the caller (free it with `telnyx_error_free`).
/// Thread-safe: `c` may be used by other threads at the same time.
///
/// # Safety
/// `c` is NULL or a live client handle; each string argument is NULL or NUL-terminated; `out_json`
/// is NULL or valid for writing one pointer.
#[no_mangle]
pub unsafe extern "C" fn telnyx_short_codes_update(
    c: *const telnyx_client,
    id: *const c_char,
    body_json: *const c_char,
    out_json: *mut *mut c_char,
) -> *mut telnyx_error {
    // SAFETY: forwarded contract.
    unsafe {
        json_out(out_json, || {
            let input: UpdateShortCodeParams = json_arg(body_json, "body_json")?;
            Ok(client_arg(c)?.short_codes().raw_json().update(str_arg(id, "id")?, &input)?)
        })
    }
}

/// `GET /messaging_profile_metrics`. High-level metrics of every profile, as one list.
/// `params_json` is NULL or `{"time_frame": "24h"}`. `*out_json`: `{"data": [...], "meta": {...}}`.
///
/// Ownership: on success the caller owns `*out_json` (free it with `telnyx_string_free`); a
/// returned error is owned by the caller (free it with `telnyx_error_free`).
/// Thread-safe: `c` may be used by other threads at the same time.
///
/// # Safety
/// `c` is NULL or a live client handle; each string argument is NULL or NUL-terminated; `out_json`
/// is NULL or valid for writing one pointer.
#[no_mangle]
pub unsafe extern "C" fn telnyx_messaging_profile_metrics_list(
    c: *const telnyx_client,
    params_json: *const c_char,
    out_json: *mut *mut c_char,
) -> *mut telnyx_error {
    // SAFETY: forwarded contract.
    unsafe {
        json_out(out_json, || {
            let input: MetricsParams = opt_json_arg(params_json, "params_json")?;
            Ok(client_arg(c)?.messaging_profile_metrics().raw_json().list(&input)?)
        })
    }
}
