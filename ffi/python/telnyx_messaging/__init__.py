"""telnyx_messaging: a client of the Telnyx messaging-profile API.

A pure-ctypes binding of the Rust library ``telnyx-messaging`` through its C ABI
(``libtelnyx_messaging_ffi``). Shapes follow the official ``telnyx`` Python SDK::

    from telnyx_messaging import Client, NotFoundError

    with Client() as client:                       # TELNYX_API_KEY, TELNYX_BASE_URL
        for profile in client.messaging_profiles.list(page_size=50):
            print(profile["id"], profile.get("name"))
        try:
            client.messaging_profiles.retrieve("00000000-0000-0000-0000-000000000000")
        except NotFoundError as e:
            print(e.status_code, e.errors)

Results are ``dict``s as the API returned them (``v1_secret`` shows as ``[redacted]`` in their
repr; read it by key). The C library is found next to this
package, through ``TELNYX_MESSAGING_LIB``, or in the cargo target directory of the checkout.

:mod:`telnyx_messaging.mock` serves an offline mock of the whole API in-process, for tests
(``MockServer``; give a client ``api_key=telnyx_messaging.mock.API_KEY, base_url=mock.base_url``).
"""

from __future__ import annotations

from . import _exceptions, _lib, mock
from ._base import NOT_GIVEN, ItemIterator, NotGiven, Page, PageIterator
from ._client import Client, Telnyx
from ._exceptions import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConfigurationError,
    ConflictError,
    InternalServerError,
    InvalidArgumentError,
    InvalidArgumentTypeError,
    NotFoundError,
    PanicError,
    PermissionDeniedError,
    RateLimitError,
    TelnyxError,
    UnexpectedPageError,
    UnprocessableEntityError,
)
from ._logging import TRACE
from ._resources import AutorespConfigs, MessagingProfileMetrics, MessagingProfiles, ShortCodes

__version__ = "0.1.0"

__all__ = [
    "Client",
    "Telnyx",
    "Page",
    "PageIterator",
    "ItemIterator",
    "NOT_GIVEN",
    "NotGiven",
    "MessagingProfiles",
    "AutorespConfigs",
    "ShortCodes",
    "MessagingProfileMetrics",
    *_exceptions.__all__,
    "library_version",
    "library_path",
    "TRACE",
]


def library_version() -> str:
    """The version of the loaded C library (``telnyx_version()``)."""
    v = _lib.lib.telnyx_version()
    return v.decode("utf-8") if v else ""


#: Where the C library was loaded from.
library_path = str(_lib.library_path)
