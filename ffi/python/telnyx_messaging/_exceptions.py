"""Exceptions, named and ordered like the official ``telnyx`` Python SDK.

::

    TelnyxError                      every error raised by this package
    ├── InvalidArgumentError         (also a ValueError) rejected before any request was sent
    │   └── InvalidArgumentTypeError (also a TypeError) an argument of the wrong Python type
    ├── ConfigurationError           the client could not be built (no API key, bad base URL)
    ├── PanicError                   a bug in the C library, caught at its boundary
    └── APIError                     anything that happened while talking to the API
        ├── APIConnectionError       the server could not be reached / the connection broke
        │   └── APITimeoutError      a timeout or the overall deadline expired
        ├── APIResponseValidationError   a 2xx answer whose body is not what the API promises
        ├── UnexpectedPageError      a list iterator got a page other than the one it asked for
        └── APIStatusError           the API answered with a non-2xx status
            ├── BadRequestError            400
            ├── AuthenticationError        401
            ├── PermissionDeniedError      403
            ├── NotFoundError              404
            ├── ConflictError              409
            ├── UnprocessableEntityError   422
            ├── RateLimitError             429
            └── InternalServerError        500-599

Bad input never raises ``RecursionError`` or a bare ``TypeError``/``ValueError`` from inside the
package: it is an :class:`InvalidArgumentError` (a ``ValueError``) or, for a wrong Python type,
an :class:`InvalidArgumentTypeError` (a ``TypeError`` too), whose message names the argument or
field (``max_retries``, ``number_pool_settings.geomatch``) and the rule it broke.

Every exception carries ``message``, ``kind`` (the C library's stable error kind number) and
``kind_name``; API errors add ``status_code``, ``errors`` (the parsed ``errors[]`` list of the
response body, as dicts), ``retry_after`` (seconds the server asked to wait, or ``None``),
``request_id`` and ``rate_limit`` (the ``x-ratelimit-*`` headers as a dict with ``limit``,
``remaining`` and ``reset``, each ``None`` when not sent; ``None`` without an HTTP answer).
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional

__all__ = [
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
]


class TelnyxError(Exception):
    """Base class of every error this package raises."""

    message: str
    kind: Optional[int]
    kind_name: Optional[str]
    status_code: Optional[int]
    errors: List[Dict[str, Any]]
    retry_after: Optional[float]
    request_id: Optional[str]
    rate_limit: Optional[Dict[str, Optional[int]]]

    def __init__(
        self,
        message: str,
        *,
        kind: Optional[int] = None,
        kind_name: Optional[str] = None,
        status_code: Optional[int] = None,
        errors: Optional[List[Dict[str, Any]]] = None,
        retry_after: Optional[float] = None,
        request_id: Optional[str] = None,
        rate_limit: Optional[Dict[str, Optional[int]]] = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.kind = kind
        self.kind_name = kind_name
        self.status_code = status_code
        self.errors = list(errors or [])
        self.retry_after = retry_after
        self.request_id = request_id
        self.rate_limit = rate_limit

    def __repr__(self) -> str:
        extra = f", status_code={self.status_code}" if self.status_code is not None else ""
        return f"{type(self).__name__}({self.message!r}{extra})"


class InvalidArgumentError(TelnyxError, ValueError):
    """An argument was rejected before any request was sent (library kind INVALID_ARGUMENT)."""


class InvalidArgumentTypeError(InvalidArgumentError, TypeError):
    """An argument of the wrong Python type (``max_retries="3"``, an id that is not a ``str``,
    a value JSON cannot encode): a :class:`TypeError` as Python code expects, and an
    :class:`InvalidArgumentError` so one ``except`` catches every rejected argument. Nothing
    was sent."""


class ConfigurationError(TelnyxError):
    """The client could not be built: no API key, a bad base URL, header or proxy."""


class PanicError(TelnyxError):
    """A bug in the C library, caught at its boundary. Please report it."""


class APIError(TelnyxError):
    """Something went wrong while talking to the API."""


class APIConnectionError(APIError):
    """The server could not be reached, or the connection broke."""


class APITimeoutError(APIConnectionError):
    """A timeout (connect or per attempt) or the overall deadline expired."""


class APIResponseValidationError(APIError):
    """A 2xx response whose body is not what the API definition promises."""


class UnexpectedPageError(APIError):
    """A list iterator received a page other than the one it asked for (a server that repeats
    or skips pages); iteration stops instead of looping or returning duplicates."""


class APIStatusError(APIError):
    """The API answered with a status outside 2xx."""

    # Always set here (narrower than TelnyxError's Optional[int]), as in the official SDK.
    status_code: int  # pyright: ignore[reportIncompatibleVariableOverride]


class BadRequestError(APIStatusError):
    """HTTP 400."""


class AuthenticationError(APIStatusError):
    """HTTP 401."""


class PermissionDeniedError(APIStatusError):
    """HTTP 403."""


class NotFoundError(APIStatusError):
    """HTTP 404."""


class ConflictError(APIStatusError):
    """HTTP 409."""


class UnprocessableEntityError(APIStatusError):
    """HTTP 422."""


class RateLimitError(APIStatusError):
    """HTTP 429."""


class InternalServerError(APIStatusError):
    """HTTP 500 to 599."""


# The C library's error kinds (never renumbered) and the exception each becomes.
KIND_CLASSES = {
    1: InvalidArgumentError,
    2: ConfigurationError,
    3: APIConnectionError,
    4: APITimeoutError,
    5: BadRequestError,
    6: AuthenticationError,
    7: PermissionDeniedError,
    8: NotFoundError,
    9: ConflictError,
    10: UnprocessableEntityError,
    11: RateLimitError,
    12: InternalServerError,
    13: APIStatusError,
    14: APIResponseValidationError,
    15: UnexpectedPageError,
    16: PanicError,
    17: TelnyxError,  # an error the library does not classify
}


def from_error_json(data: Dict[str, Any]) -> TelnyxError:
    """Builds the exception for the ``telnyx_error_to_json`` object ``data``."""
    kind = data.get("kind")
    status = data.get("status")
    cls = KIND_CLASSES.get(kind) if isinstance(kind, int) else None
    if cls is None:  # a kind newer than this package
        cls = APIStatusError if isinstance(status, int) and status >= 300 else TelnyxError
    retry_ms = data.get("retry_after_ms")
    errors = data.get("errors")
    return cls(
        str(data.get("message") or data.get("kind_name") or "unknown error"),
        kind=kind if isinstance(kind, int) else None,
        kind_name=data.get("kind_name"),
        status_code=status if isinstance(status, int) else None,
        errors=errors if isinstance(errors, list) else [],
        retry_after=retry_ms / 1000.0 if isinstance(retry_ms, (int, float)) else None,
        request_id=data.get("request_id"),
        rate_limit=data.get("rate_limit") if isinstance(data.get("rate_limit"), dict) else None,
    )
