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
repr; read it by key), typed for mypy, pyright and editors by the ``TypedDict`` s exported here
(:class:`MessagingProfile`, :class:`ShortCode`, :class:`PhoneNumberWithMessagingSettings`,
:class:`AutorespConfig`, ...): ``profile.get("name")`` is an ``Optional[str]``, a misspelt key
an error. The C library is found next to this
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
from ._types import (
    AlphanumericSenderId,
    AutorespConfig,
    MessagingFeatures,
    MessagingFeatureSet,
    MessagingProfile,
    NumberHealthMetrics,
    NumberPoolSettings,
    PageMeta,
    PhoneNumberWithMessagingSettings,
    ProfileMetrics,
    ProfileMetricsHighLevel,
    ShortCode,
    UrlShortenerSettings,
)

__version__ = "0.1.0"

# Every name literally (not `*_exceptions.__all__`): type checkers read this list to know what
# the package exports (`mypy --strict` refuses `from telnyx_messaging import NotFoundError`
# otherwise). tests/test_typing.py checks that it covers the exceptions and the result types.
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
    # result types (TypedDicts: annotations only, results are plain dicts)
    "PageMeta",
    "MessagingProfile",
    "NumberPoolSettings",
    "UrlShortenerSettings",
    "PhoneNumberWithMessagingSettings",
    "MessagingFeatures",
    "MessagingFeatureSet",
    "NumberHealthMetrics",
    "ShortCode",
    "AlphanumericSenderId",
    "AutorespConfig",
    "ProfileMetrics",
    "ProfileMetricsHighLevel",
    # exceptions
    "TelnyxError",
    "InvalidArgumentError",
    "InvalidArgumentTypeError",
    "ConfigurationError",
    "PanicError",
    "APIError",
    "APIConnectionError",
    "APITimeoutError",
    "APIResponseValidationError",
    "UnexpectedPageError",
    "APIStatusError",
    "BadRequestError",
    "AuthenticationError",
    "PermissionDeniedError",
    "NotFoundError",
    "ConflictError",
    "UnprocessableEntityError",
    "RateLimitError",
    "InternalServerError",
    "library_version",
    "library_path",
    "TRACE",
]


def library_version() -> str:
    """The version of the loaded C library (``telnyx_version()``)."""
    v = _lib.lib.telnyx_version()
    return v.decode("utf-8") if v else ""


#: Where the C library was loaded from.
library_path: str = str(_lib.library_path)
