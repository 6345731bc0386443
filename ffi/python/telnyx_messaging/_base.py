"""The plumbing between Python and the C ABI: argument encoding, owned handles, error
conversion, pages and lazy iterators. Nothing here is public API except :class:`Page`,
:class:`PageIterator`, :class:`ItemIterator`, :data:`NOT_GIVEN` and :class:`NotGiven`."""

from __future__ import annotations

import ctypes
import json
import threading
from ctypes import byref, c_void_p
from typing import Any, Callable, Dict, Generic, Iterator, List, Mapping, Optional, TypeVar, cast

from . import _lib
from ._exceptions import InvalidArgumentError, InvalidArgumentTypeError, TelnyxError, from_error_json
from ._types import PageMeta

__all__ = ["NOT_GIVEN", "NotGiven", "Page", "PageIterator", "ItemIterator"]

T = TypeVar("T")


class NotGiven:
    """The type of :data:`NOT_GIVEN`: marks an argument the caller left out, as opposed to
    ``None``, which is sent as JSON ``null``."""

    _instance: Optional["NotGiven"] = None

    def __new__(cls) -> "NotGiven":
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"

    def __reduce__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN = NotGiven()


# ---------------------------------------------------------------------------------------------
# Arguments


def _bad(message: str) -> InvalidArgumentError:
    return InvalidArgumentError(message, kind=1, kind_name="invalid_argument")


def _bad_type(message: str) -> InvalidArgumentTypeError:
    return InvalidArgumentTypeError(message, kind=1, kind_name="invalid_argument")


def check_text(value: Any, what: str) -> str:
    """``value`` if it is a ``str`` the C library can take: no NUL, no lone surrogate."""
    if not isinstance(value, str):
        raise _bad_type(f"{what} must be a str, not {type(value).__name__}")
    if "\x00" in value:
        raise _bad(f"{what} must not contain NUL characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise _bad(f"{what} must be valid Unicode text (it contains a lone surrogate)") from None
    return value


def cstr(value: Any, what: str) -> bytes:
    """A Python ``str`` as NUL-terminated UTF-8 for a ``const char *`` parameter."""
    return check_text(value, what).encode("utf-8")


#: How deep a JSON argument may nest; the C library refuses deeper documents (serde_json stops
#: at 128), and checking here keeps Python's own recursion limit out of reach.
MAX_DEPTH = 64

_SCALARS = (str, int, float, bool, type(None))


def check_json(value: Any, what: str) -> None:
    """Checks that ``value`` is made of JSON values only, naming the offending field
    (``number_pool_settings.geomatch``, ``keywords[2]``) and the rule it broke. Iterative, so
    any depth of nesting gives an error instead of ``RecursionError``."""
    stack = [(value, what, 0)]
    while stack:
        v, path, depth = stack.pop()
        if isinstance(v, str):
            check_text(v, path)
        elif isinstance(v, float):
            if v != v or v in (float("inf"), float("-inf")):
                raise _bad(f"{path} must be a finite number, got {v!r}")
        elif isinstance(v, _SCALARS):
            pass
        elif isinstance(v, (dict, list, tuple)):
            if depth >= MAX_DEPTH:
                raise _bad(f"{path} is nested more than {MAX_DEPTH} levels deep")
            if isinstance(v, dict):
                for k, item in v.items():
                    if not isinstance(k, str):
                        raise _bad_type(f"{path} keys must be str, not {type(k).__name__}")
                    check_text(k, f"{path} key")
                    stack.append((item, f"{path}.{k}", depth + 1))
            else:
                stack.extend((item, f"{path}[{i}]", depth + 1) for i, item in enumerate(v))
        else:
            raise _bad_type(
                f"{path} must be a JSON value (str, int, float, bool, None, list or dict), not {type(v).__name__}"
            )


def json_arg(value: Any, what: str) -> bytes:
    """``value`` as a JSON text for a ``const char *`` parameter. The fields of a dict are
    checked under their own names (the caller's keyword arguments)."""
    if isinstance(value, dict):
        for k, v in value.items():
            check_json(v, k)
    else:
        check_json(value, what)
    return _ENCODER.encode(value).encode("utf-8")


#: What ``json.dumps(value, allow_nan=False, separators=(",", ":"))`` uses, built once (``dumps``
#: with arguments builds a new encoder on every call).
_ENCODER = json.JSONEncoder(allow_nan=False, separators=(",", ":"))


def given(**fields: Any) -> Dict[str, Any]:
    """The fields that were passed (``NOT_GIVEN`` ones dropped; ``None`` kept, it means null)."""
    return {k: v for k, v in fields.items() if v is not NOT_GIVEN}


def params_arg(fields: Mapping[str, Any]) -> Optional[bytes]:
    """Query parameters as JSON, or NULL when there are none. ``None`` and ``NOT_GIVEN`` values
    are left out: a query parameter cannot be null."""
    present = {k: v for k, v in fields.items() if v is not None and v is not NOT_GIVEN}
    for k, v in present.items():
        if k in ("page_number", "page_size"):
            if not isinstance(v, int) or isinstance(v, bool):
                raise _bad_type(f"{k} must be an int, not {type(v).__name__}")
        else:
            check_text(v, k)
    return json_arg(present, "parameters") if present else None


# ---------------------------------------------------------------------------------------------
# Results and errors


def take_error(err: Any) -> TelnyxError:
    """Converts a non-NULL ``telnyx_error *`` into an exception and frees it."""
    lib = _lib.lib
    try:
        raw = lib.telnyx_error_to_json(err)
        if raw:
            try:
                text = ctypes.string_at(raw).decode("utf-8", errors="replace")
            finally:
                lib.telnyx_string_free(raw)
            try:
                data = json.loads(text)
            except ValueError:
                data = {"message": text}
        else:  # should not happen; fall back to the accessors
            msg = lib.telnyx_error_message(err)
            data = {
                "kind": int(lib.telnyx_error_kind(err)),
                "status": int(lib.telnyx_error_status(err)) or None,
                "message": msg.decode("utf-8", errors="replace") if msg else None,
            }
        if not isinstance(data, dict):
            data = {"message": str(data)}
        return from_error_json(data)
    finally:
        lib.telnyx_error_free(err)


def take_string(out: c_void_p) -> Optional[str]:
    """Reads and frees an owned ``char *`` written through an out-pointer (``None`` if NULL)."""
    if not out.value:
        return None
    try:
        return ctypes.string_at(out.value).decode("utf-8")
    finally:
        _lib.lib.telnyx_string_free(out.value)
        out.value = None


#: Result fields whose value repr() never shows.
SECRET_FIELDS = frozenset({"v1_secret"})


class Result(dict):  # type: ignore[type-arg]
    """A JSON object of a result: a plain ``dict`` in every way except that ``repr()`` and
    ``str()`` show secret fields (``v1_secret``) as ``'[redacted]'``, so printing or logging a
    result does not leak them. ``result["v1_secret"]`` still returns the real value."""

    __slots__ = ()

    def __repr__(self) -> str:
        items = (f"{k!r}: {repr('[redacted]') if k in SECRET_FIELDS else repr(v)}" for k, v in self.items())
        return "{" + ", ".join(items) + "}"

    __str__ = __repr__

    def copy(self) -> "Result":
        return Result(self)


#: Built once: ``json.loads(text, object_hook=...)`` builds a new decoder on every call, which
#: costs as much as decoding a whole profile.
_DECODER = json.JSONDecoder(object_hook=Result)


def loads(text: str) -> Any:
    """Decodes a result: every JSON object becomes a :class:`Result`."""
    return _DECODER.decode(text)


def take_json(out: c_void_p) -> Any:
    text = take_string(out)
    if text is None:
        raise TelnyxError("the C library reported success but returned no result")
    return loads(text)


# ---------------------------------------------------------------------------------------------
# The client handle


class ClientHandle:
    """Owns one ``telnyx_client *``. Any number of threads may call through it at once; after
    :meth:`close` new calls fail and the handle is freed when the last running call returns."""

    __slots__ = ("_ptr", "_lock", "_users", "_closed")

    def __init__(self, ptr: Any) -> None:
        self._ptr = ptr
        self._lock = threading.Lock()
        self._users = 0
        self._closed = False

    @property
    def closed(self) -> bool:
        return self._closed

    def call(self, fn: Callable[..., Any], *args: Any) -> Any:
        """Calls ``fn(client, *args)`` with the handle kept alive for the duration."""
        with self._lock:
            if self._closed:
                raise TelnyxError("the client is closed")
            self._users += 1
        try:
            return fn(self._ptr, *args)
        finally:
            with self._lock:
                self._users -= 1
                free = self._closed and self._users == 0
            if free:
                self._free()

    def close(self) -> None:
        with self._lock:
            if self._closed:
                return
            self._closed = True
            free = self._users == 0
        if free:
            self._free()

    def _free(self) -> None:
        ptr, self._ptr = self._ptr, None
        if ptr:
            _lib.lib.telnyx_client_free(ptr)

    def __del__(self) -> None:
        # The handle, not the Client, frees the C client: resources hold the handle, so
        # `Client(...).messaging_profiles.retrieve(x)` keeps it alive until the call returns.
        try:
            self._free()
        except Exception:  # interpreter shutdown
            pass


def call_json(handle: ClientHandle, name: str, *args: Any) -> Any:
    """Calls C function ``name(client, *args, &out)`` and returns the decoded JSON result."""
    fn = getattr(_lib.lib, name)
    out = c_void_p()
    err = handle.call(fn, *args, byref(out))
    if err:
        raise take_error(err)
    return take_json(out)


def call_page(handle: ClientHandle, name: str, *args: Any) -> "Page[Any]":
    return Page._from_json(call_json(handle, name, *args))


def open_iter(handle: ClientHandle, name: str, *args: Any) -> "PageIterator[Any]":
    """Calls C function ``name(client, *args, &iter)``: no request is sent yet."""
    fn = getattr(_lib.lib, name)
    out = _lib.PageIterP()
    err = handle.call(fn, *args, byref(out))
    if err:
        raise take_error(err)
    if not out:
        raise TelnyxError("the C library reported success but returned no iterator")
    return PageIterator(out)


# ---------------------------------------------------------------------------------------------
# Pages and iterators


class Page(Generic[T]):
    """One page of a list: ``data`` (the items, plain dicts as the API returned them) and
    ``meta`` (``page_number``, ``page_size``, ``total_pages``, ``total_results``, or ``None``
    when the server sent none). Iterating a page yields its own items only."""

    __slots__ = ("data", "meta")

    data: List[T]
    """The items of this page."""
    meta: Optional[PageMeta]
    """Page number, size and totals, or ``None`` when the server sent none."""

    def __init__(self, data: List[T], meta: Optional[PageMeta] = None) -> None:
        self.data = data
        self.meta = meta

    @classmethod
    def _from_json(cls, value: Any) -> "Page[Any]":
        if not isinstance(value, dict):
            raise TelnyxError(f"the C library returned a page that is not an object: {value!r:.100}")
        data = value.get("data")
        meta = value.get("meta")
        return cls(
            list(data) if isinstance(data, list) else [], cast(PageMeta, meta) if isinstance(meta, dict) else None
        )

    def has_next_page(self) -> bool:
        """Whether ``meta`` says there is a page after this one."""
        m = cast(Mapping[str, Any], self.meta or {})  # values as the server sent them: int() checks
        try:
            return bool(self.data) and int(m["page_number"]) < int(m["total_pages"])
        except (KeyError, TypeError, ValueError):
            return False

    def __iter__(self) -> Iterator[T]:
        return iter(self.data)

    def __len__(self) -> int:
        return len(self.data)

    def __getitem__(self, index: int) -> T:
        return self.data[index]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Page) and (self.data, self.meta) == (other.data, other.meta)

    def __repr__(self) -> str:
        return f"Page(data=<{len(self.data)} items>, meta={self.meta!r})"


class PageIterator(Generic[T]):
    """Lazily fetches page after page (``telnyx_page_iter``): a request is sent only when
    :func:`next` needs the next page. Stops after the last page, an empty page, or the first
    error (raised once). Safe to share between threads (calls are serialised)."""

    def __init__(self, ptr: Any) -> None:
        self._ptr = ptr
        self._lock = threading.Lock()

    def __iter__(self) -> "PageIterator[T]":
        return self

    def __next__(self) -> Page[T]:
        with self._lock:
            if not self._ptr:
                raise StopIteration
            out = c_void_p()
            err = _lib.lib.telnyx_page_iter_next(self._ptr, byref(out))
            if err:
                self._free()
                raise take_error(err)
            text = take_string(out)
            if text is None:
                self._free()
                raise StopIteration
        return Page._from_json(loads(text))

    def close(self) -> None:
        """Frees the C iterator; further :func:`next` calls stop. Idempotent."""
        with self._lock:
            self._free()

    def _free(self) -> None:
        ptr, self._ptr = self._ptr, None
        if ptr:
            _lib.lib.telnyx_page_iter_free(ptr)

    def __enter__(self) -> "PageIterator[T]":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self._free()
        except Exception:  # interpreter shutdown
            pass


#: What ``next(iterator, _END)`` returns at the end (``Any``, so that no ``cast`` is needed).
_END: Any = object()


class ItemIterator(Generic[T]):
    """Iterates over every item of a list, across pages, fetching the next page only when the
    current one is used up. Items are plain dicts as the API returned them."""

    def __init__(self, pages: PageIterator[T]) -> None:
        self._pages = pages
        self._items: Iterator[T] = iter(())
        self._lock = threading.Lock()

    def __iter__(self) -> "ItemIterator[T]":
        return self

    def __next__(self) -> T:
        # The lock is only taken to move to the next page: the next() of the current page's
        # list iterator is atomic already (under the GIL).
        item = next(self._items, _END)
        if item is not _END:
            return item
        with self._lock:
            while True:
                item = next(self._items, _END)
                if item is not _END:
                    return item
                self._items = iter(next(self._pages).data)

    def pages(self) -> PageIterator[T]:
        """The underlying page iterator (continues after the page being read; the rest of that
        page is skipped)."""
        with self._lock:
            self._items = iter(())
        return self._pages

    def close(self) -> None:
        """Frees the C iterator and drops the items not yet read. Idempotent."""
        with self._lock:
            self._items = iter(())
        self._pages.close()

    def __enter__(self) -> "ItemIterator[T]":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
