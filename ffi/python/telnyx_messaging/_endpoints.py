# Generated from `telnyx_messaging::operations` by ffi/tests/generated.rs: do not edit.
# Regenerate with `UPDATE_GENERATED=1 cargo test -p telnyx-messaging-ffi --test generated`.
"""The C endpoint functions: name -> (how many string arguments follow the client, whether
the result is a page iterator rather than a JSON string)."""

from typing import Dict, Tuple

ENDPOINTS: Dict[str, Tuple[int, bool]] = {
    "telnyx_messaging_profiles_list": (1, False),
    "telnyx_messaging_profiles_list_all": (1, True),
    "telnyx_messaging_profiles_create": (1, False),
    "telnyx_messaging_profiles_retrieve": (1, False),
    "telnyx_messaging_profiles_update": (2, False),
    "telnyx_messaging_profiles_delete": (1, False),
    "telnyx_messaging_profiles_regenerate_secret": (1, False),
    "telnyx_messaging_profiles_list_phone_numbers": (2, False),
    "telnyx_messaging_profiles_list_all_phone_numbers": (2, True),
    "telnyx_messaging_profiles_list_short_codes": (2, False),
    "telnyx_messaging_profiles_list_all_short_codes": (2, True),
    "telnyx_messaging_profiles_list_alphanumeric_sender_ids": (2, False),
    "telnyx_messaging_profiles_list_all_alphanumeric_sender_ids": (2, True),
    "telnyx_messaging_profiles_retrieve_metrics": (2, False),
    "telnyx_messaging_profiles_autoresp_configs_list": (2, False),
    "telnyx_messaging_profiles_autoresp_configs_create": (2, False),
    "telnyx_messaging_profiles_autoresp_configs_retrieve": (2, False),
    "telnyx_messaging_profiles_autoresp_configs_update": (3, False),
    "telnyx_messaging_profiles_autoresp_configs_delete": (2, False),
    "telnyx_short_codes_list": (1, False),
    "telnyx_short_codes_list_all": (1, True),
    "telnyx_short_codes_retrieve": (1, False),
    "telnyx_short_codes_update": (2, False),
    "telnyx_messaging_profile_metrics_list": (1, False),
}
