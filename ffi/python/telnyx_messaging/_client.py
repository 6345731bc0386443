"""The :class:`Client`."""

from __future__ import annotations

import datetime
import math
from ctypes import byref
from typing import Any, Dict, Mapping, Optional, Union

from . import _lib, _logging
from ._base import ClientHandle, _bad, _bad_type, check_text, json_arg, take_error
from ._exceptions import TelnyxError
from ._resources import MessagingProfileMetrics, MessagingProfiles, ShortCodes

__all__ = ["Client", "Seconds"]

#: A duration in seconds (``int`` or ``float``) or a :class:`datetime.timedelta`.
Seconds = Union[float, int, datetime.timedelta]


# Settings are checked here, in the caller's terms (the keyword and its rule), before they are
# encoded for the C library; the C library checks what only it can (URLs, header syntax).


def _ms(value: Seconds, what: str) -> int:
    """Seconds as whole milliseconds (a positive duration never rounds down to 0)."""
    if isinstance(value, datetime.timedelta):
        seconds = value.total_seconds()
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = float(value)
    else:
        raise _bad_type(f"{what} must be a number of seconds or a timedelta, not {type(value).__name__}")
    if not math.isfinite(seconds) or seconds < 0:
        raise _bad(f"{what} must be a finite, non-negative number of seconds, got {value!r}")
    ms = int(round(seconds * 1000))
    if ms > _MAX_MS:
        raise _bad(f"{what} must be at most {_MAX_MS // 1000} seconds, got {value!r}")
    return 1 if ms == 0 and seconds > 0 else ms


#: The largest duration the C library takes (u64 milliseconds; a year is plenty).
_MAX_MS = 365 * 24 * 3600 * 1000


def _count(value: Any, what: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise _bad_type(f"{what} must be a non-negative integer, not {type(value).__name__}")
    if value < 0:
        raise _bad(f"{what} must be a non-negative integer, got {value!r}")
    if value > 0xFFFFFFFF:
        raise _bad(f"{what} must be at most 4294967295, got {value!r}")
    return value


def _flag(value: Any, what: str) -> bool:
    if not isinstance(value, bool):
        raise _bad_type(f"{what} must be a bool, not {type(value).__name__}")
    return value


def _headers(value: Optional[Mapping[str, str]], what: str) -> Optional[Dict[str, str]]:
    """Header names or query parameter names mapped to their string values."""
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise _bad_type(f"{what} must be a mapping of names to string values, not {type(value).__name__}")
    out = {}
    for name, v in value.items():
        check_text(name, f"{what} name")
        out[name] = check_text(v, f"{what}[{name!r}]")
    return out


class Client:
    """A client of the Telnyx messaging-profile API, backed by the Rust library through its
    C ABI.

    Arguments left as ``None`` take the library's defaults: ``api_key`` from
    ``TELNYX_API_KEY``, ``base_url`` from ``TELNYX_BASE_URL`` then
    ``https://api.telnyx.com/v2``, ``timeout`` 60 s per attempt, ``connect_timeout`` 5 s,
    ``max_retries`` 2, no overall ``deadline``. Durations are seconds (float) or timedeltas.

    ``retry_post=True`` also retries a POST that may have reached the server (off by default,
    so a create is never made twice by accident). ``default_headers`` are sent with every
    request. ``proxy`` is ``"env"`` (the default: ``HTTPS_PROXY`` and friends), ``"none"`` or a
    proxy URL. ``allow_insecure_http=True`` permits a plain ``http://`` base URL on a
    non-loopback host. ``read_ahead=True`` makes the ``list`` iterators fetch the next page on
    a background thread while you use the current one (at most one page ahead; off by
    default): worth it when your loop spends time on each page.

    Arguments of the wrong type raise :class:`InvalidArgumentTypeError` (a ``TypeError``), bad
    values :class:`InvalidArgumentError` (a ``ValueError``), each naming the argument and its
    rule (``max_retries must be a non-negative integer, got -1``).

    A client that is not closed is freed when neither it nor anything taken from it (its
    resources, clients from :meth:`with_options`) is referenced any more.

    One client can be shared by any number of threads: calls release the GIL and run
    concurrently over one connection pool. Use it as a context manager, or call :meth:`close`.

    Raises :class:`ConfigurationError` when no API key is found or the base URL is unusable.
    """

    messaging_profiles: MessagingProfiles
    short_codes: ShortCodes
    messaging_profile_metrics: MessagingProfileMetrics

    def __init__(
        self,
        *,
        api_key: Optional[str] = None,
        base_url: Optional[str] = None,
        timeout: Optional[Seconds] = None,
        max_retries: Optional[int] = None,
        connect_timeout: Optional[Seconds] = None,
        deadline: Optional[Seconds] = None,
        max_retry_wait: Optional[Seconds] = None,
        default_headers: Optional[Mapping[str, str]] = None,
        retry_post: Optional[bool] = None,
        user_agent_suffix: Optional[str] = None,
        proxy: Optional[str] = None,
        allow_insecure_http: Optional[bool] = None,
        read_ahead: Optional[bool] = None,
    ) -> None:
        self._handle: Optional[ClientHandle] = None
        options: Dict[str, Any] = {}
        if api_key is not None:
            options["api_key"] = check_text(api_key, "api_key")
        if base_url is not None:
            options["base_url"] = check_text(base_url, "base_url")
        if timeout is not None:
            options["timeout_ms"] = _ms(timeout, "timeout")
        if connect_timeout is not None:
            options["connect_timeout_ms"] = _ms(connect_timeout, "connect_timeout")
        if deadline is not None:
            options["deadline_ms"] = _ms(deadline, "deadline")
        if max_retry_wait is not None:
            options["max_retry_wait_ms"] = _ms(max_retry_wait, "max_retry_wait")
        if max_retries is not None:
            options["max_retries"] = _count(max_retries, "max_retries")
        if retry_post is not None:
            options["retry_post"] = _flag(retry_post, "retry_post")
        if allow_insecure_http is not None:
            options["allow_insecure_http"] = _flag(allow_insecure_http, "allow_insecure_http")
        if read_ahead is not None:
            options["read_ahead"] = _flag(read_ahead, "read_ahead")
        if user_agent_suffix is not None:
            options["user_agent_suffix"] = check_text(user_agent_suffix, "user_agent_suffix")
        if proxy is not None:
            options["proxy"] = check_text(proxy, "proxy")
        headers = _headers(default_headers, "default_headers")
        if headers is not None:
            options["headers"] = headers
        out = _lib.ClientP()
        _logging.sync_level()
        err = _lib.lib.telnyx_client_new(json_arg(options, "client options") if options else None, byref(out))
        if err:
            raise take_error(err)
        self._init(ClientHandle(out))

    def _init(self, handle: ClientHandle) -> None:
        self._handle = handle
        self._parent: Optional[Client] = None
        self.messaging_profiles = MessagingProfiles(handle)
        self.short_codes = ShortCodes(handle)
        self.messaging_profile_metrics = MessagingProfileMetrics(handle)

    def with_options(
        self,
        *,
        headers: Optional[Mapping[str, str]] = None,
        timeout: Optional[Seconds] = None,
        max_retries: Optional[int] = None,
        deadline: Optional[Seconds] = None,
        retry_post: Optional[bool] = None,
        extra_query: Optional[Mapping[str, str]] = None,
        extra_body: Optional[Mapping[str, Any]] = None,
    ) -> "Client":
        """A client whose calls add ``headers`` and use ``timeout`` / ``max_retries`` /
        ``deadline`` / ``retry_post`` instead of this client's settings; ``extra_query`` adds
        query parameters to every request and ``extra_body`` adds (or overrides) members of every
        JSON body, for API fields newer than this library. On a client that came
        from ``with_options`` they add to the options it was made with (the C library merges
        them: later ones win, headers combine). It shares this client's connection pool and has
        its own handle: close it separately (closing either does not affect the other). It
        keeps this client alive, so a temporary parent is never collected under it.

        >>> client.with_options(max_retries=0, headers={"X-Trace": "abc"}).messaging_profiles.retrieve(id)
        """
        options: Dict[str, Any] = {}
        h = _headers(headers, "headers")
        if h is not None:
            options["headers"] = h
        if timeout is not None:
            options["timeout_ms"] = _ms(timeout, "timeout")
        if max_retries is not None:
            options["max_retries"] = _count(max_retries, "max_retries")
        if deadline is not None:
            options["deadline_ms"] = _ms(deadline, "deadline")
        if retry_post is not None:
            options["retry_post"] = _flag(retry_post, "retry_post")
        q = _headers(extra_query, "extra_query")
        if q is not None:
            options["extra_query"] = q
        if extra_body is not None:
            if not isinstance(extra_body, Mapping) or not all(isinstance(k, str) for k in extra_body):
                raise _bad_type(f"extra_body must be a mapping with string keys, not {type(extra_body).__name__}")
            options["extra_body"] = dict(extra_body)
        handle = self._require_handle()
        _logging.sync_level()
        out = _lib.ClientP()
        err = handle.call(_lib.lib.telnyx_client_with_options, json_arg(options, "request options"), byref(out))
        if err:
            raise take_error(err)
        client = Client.__new__(Client)
        client._init(ClientHandle(out))
        client._parent = self
        return client

    def _require_handle(self) -> ClientHandle:
        handle = self._handle
        if handle is None or handle.closed:
            raise TelnyxError("the client is closed")
        return handle

    @property
    def is_closed(self) -> bool:
        """Whether :meth:`close` was called."""
        return self._handle is None or self._handle.closed

    def close(self) -> None:
        """Frees the C handle (after calls still running in other threads return). Idempotent;
        later calls raise :class:`TelnyxError`. Iterators already created keep working."""
        handle = self._handle
        if handle is not None:
            handle.close()

    def __enter__(self) -> "Client":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<telnyx_messaging.Client{' (closed)' if self.is_closed else ''}>"


#: The name of the official SDK's client class.
Telnyx = Client
