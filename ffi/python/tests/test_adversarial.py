"""Bad input against EVERY public method, generated from the package itself.

The methods are found by introspection (every resource reachable from a ``Client``, every
public method of each, every keyword of ``Client`` and ``with_options``), and the bad values
by each parameter's type hint and role, so a new method or argument is covered without editing
this file (and a resource the walk cannot reach fails ``test_every_resource_is_reached``).

The arguments of ``telnyx_messaging.mock.MockServer`` get the same treatment as the client's.

Each case asserts: the exception type (``InvalidArgumentTypeError``, a ``TypeError``, for a
wrong Python type; ``InvalidArgumentError``, a ``ValueError``, or ``ConfigurationError`` for a
bad value), a message naming the argument, and that ZERO requests reached the local server.
"""

from __future__ import annotations

import inspect
import math
import re
import typing
from dataclasses import dataclass
from typing import Any, Dict, Iterator, List, Tuple, Type

import pytest

import telnyx_messaging as tm
from telnyx_messaging import Client, ItemIterator, NotGiven
from telnyx_messaging._resources import _Resource
from telnyx_messaging.mock import MockServer

from conftest import API_KEY

MB_ID = "x" * 1_000_000
GENERIC_REPLY = {"data": {"id": "p1"}}


# ---------------------------------------------------------------------------------------------
# The public surface, by introspection


def _resources(obj: Any, path: str) -> Iterator[Tuple[str, _Resource]]:
    """Every resource reachable from ``obj`` (a client or a resource), with its access path."""
    for name, value in sorted(vars(obj).items()):
        if not name.startswith("_") and isinstance(value, _Resource):
            yield f"{path}.{name}", value
            yield from _resources(value, f"{path}.{name}")


def _methods(resource: _Resource) -> List[str]:
    return [n for n, m in inspect.getmembers(type(resource), inspect.isfunction) if not n.startswith("_")]


def _surface() -> List[Tuple[str, str, inspect.Signature, Dict[str, Any]]]:
    """(resource path, method name, signature, type hints) of every public resource method."""
    c = Client(api_key=API_KEY, base_url="http://127.0.0.1:9")
    try:
        out = []
        for path, res in _resources(c, "client"):
            for name in _methods(res):
                fn = getattr(type(res), name)
                out.append((path, name, inspect.signature(fn), typing.get_type_hints(fn)))
        return out
    finally:
        c.close()


SURFACE = _surface()


def _resolve(client: Client, path: str) -> Any:
    obj: Any = client
    for part in path.split(".")[1:]:
        obj = getattr(obj, part)
    return obj


def test_every_resource_is_reached():
    """Every resource class the package exports is reached by the walk from a Client, and every
    one of them has public methods."""
    exported = {getattr(tm, n) for n in tm.__all__ if isinstance(getattr(tm, n), type)}
    classes = {c for c in exported if issubclass(c, _Resource)}
    c = Client(api_key=API_KEY, base_url="http://127.0.0.1:9")
    reached = {type(r) for _, r in _resources(c, "client")}
    c.close()
    assert classes and reached == classes
    assert len(SURFACE) >= 24, [f"{p}.{n}" for p, n, _, _ in SURFACE]  # 24 today


# ---------------------------------------------------------------------------------------------
# Roles and values


def _parts(hint: Any) -> List[Any]:
    """The alternatives of a hint, NotGiven left out."""
    args = typing.get_args(hint) if typing.get_origin(hint) is typing.Union else (hint,)
    return [a for a in args if a is not NotGiven]


def _role(param: inspect.Parameter, hint: Any) -> str:
    parts = _parts(hint)
    if param.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD or param.name == "profile_id":
        return "id"  # a path segment
    if int in parts:
        return "int"
    if bool in parts:
        return "bool"
    if str in parts:
        return "str"
    if any(typing.get_origin(p) is dict for p in parts):
        return "dict"
    if any(typing.get_origin(p) is not None for p in parts):
        return "seq"
    raise AssertionError(f"no bad values known for {param.name}: {hint}")


VALID = {"op": "start", "country_code": "US", "keywords": ["START"], "whitelisted_destinations": ["US"],
         "name": "n"}


def _valid(param: inspect.Parameter, hint: Any) -> Any:
    if param.name in VALID:
        return VALID[param.name]
    return {"id": "p1", "str": "p1", "int": 1, "bool": True, "dict": {}, "seq": ["US"]}[_role(param, hint)]


def _deep(n: int) -> Any:
    v: Any = []
    for _ in range(n):
        v = [v]
    return v


TYPE, VALUE = tm.InvalidArgumentTypeError, tm.InvalidArgumentError

# role -> (label, bad value, expected exception). Query strings may be huge (a 1 MB filter makes
# a URL the library must refuse); body strings may hold NUL (valid JSON).
BAD: Dict[str, List[Tuple[str, Any, Type[BaseException]]]] = {
    "id": [("None", None, TYPE), ("int", 123, TYPE), ("bytes", b"p1", TYPE), ("empty", "", VALUE),
           ("dot", ".", VALUE), ("dotdot", "..", VALUE), ("NUL", "a\x00b", VALUE), ("surrogate", "\ud800", VALUE),
           ("1 MB", MB_ID, VALUE)],
    "str": [("int", 123, TYPE), ("bytes", b"x", TYPE), ("list", ["x"], TYPE), ("surrogate", "a\udc80", VALUE)],
    "int": [("str", "1", TYPE), ("bool", True, TYPE), ("float", 1.5, TYPE), ("negative", -1, VALUE),
            ("huge", 10**30, VALUE)],
    "bool": [("str", "yes", TYPE), ("int", 1, TYPE), ("bytes", b"", TYPE)],
    "seq": [("a lone str", "US", TYPE), ("int item", [1], TYPE), ("None item", [None], TYPE),
            ("nested", [["US"]], TYPE), ("surrogate item", ["\ud800"], VALUE), ("dict", {"US": 1}, TYPE)],
    "dict": [("list", [], TYPE), ("str", "x", TYPE), ("int key", {1: "x"}, TYPE), ("NaN", {"a": math.nan}, VALUE),
             ("bytes value", {"a": b"x"}, TYPE), ("100000 deep", {"a": _deep(100_000)}, VALUE),
             ("surrogate key", {"\ud800": 1}, VALUE)],
}
QUERY_ONLY = [("NUL", "a\x00b", VALUE), ("1 MB", MB_ID, VALUE)]


@dataclass(repr=False)
class Case:
    path: str
    method: str
    param: str
    label: str
    value: Any
    expected: Type[BaseException]
    args: Dict[str, Any]  # the valid arguments, the bad one included

    @property
    def id(self) -> str:
        return f"{self.path[7:]}.{self.method}({self.param}={self.label})"

    def __repr__(self) -> str:  # short: the values may be 1 MB
        return self.id


def _is_query(method: str, param: str) -> bool:
    return method.startswith("list") or method == "retrieve_metrics" or param.startswith(("filter_", "created_at",
                                                                                         "updated_at", "page_"))


def _valid_args(sig: inspect.Signature, hints: Dict[str, Any]) -> Dict[str, Any]:
    return {n: _valid(p, hints[n]) for n, p in list(sig.parameters.items())[1:] if p.default is inspect.Parameter.empty}


def _cases() -> List[Case]:
    out = []
    for path, method, sig, hints in SURFACE:
        base = _valid_args(sig, hints)
        for name, param in list(sig.parameters.items())[1:]:
            role = _role(param, hints[name])
            bad = list(BAD[role])
            if role == "str" and _is_query(method, name):
                bad += QUERY_ONLY
            if role != "id" and type(None) not in _parts(hints[name]) and not isinstance(param.default, type(None)):
                bad.append(("None", None, TYPE))
            for label, value, expected in bad:
                out.append(Case(path, method, name, label, value, expected, {**base, name: value}))
    return out


CASES = _cases()


def _call(client: Client, path: str, method: str, args: Dict[str, Any], sig: inspect.Signature) -> None:
    _call_on(getattr(_resolve(client, path), method), args, sig)


def _call_on(fn: Any, args: Dict[str, Any], sig: inspect.Signature) -> None:
    """Calls ``fn`` with ids positional, the rest by keyword; reads the first item of an
    iterator (lazy: its request goes out on the first next())."""
    args = dict(args)
    positional = [args.pop(n) for n, p in list(sig.parameters.items())[1:]
                  if p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD and n in args]
    result = fn(*positional, **args)
    if isinstance(result, ItemIterator):
        next(result, None)


SIGS = {(p, m): s for p, m, s, _ in SURFACE}
HINTS = {(p, m): h for p, m, _, h in SURFACE}


# The library's words for an argument, where they differ from its name.
FIELD_WORDS = {"autoresp_cfg_id": "autoresp config id"}


def _names_the_field(message: str, field: str) -> bool:
    """The message names the argument, as the Python name or as the API's query parameter
    (``filter_name_contains`` is ``filter[name][contains]`` on the wire)."""
    m = " ".join(re.sub(r"[\[\]_]", " ", message.lower()).split())
    return field.replace("_", " ") in m or FIELD_WORDS.get(field, "\0") in m


@pytest.mark.parametrize("path, method", [(p, m) for p, m, _, _ in SURFACE],
                         ids=[f"{p[7:]}.{m}" for p, m, _, _ in SURFACE])
def test_the_valid_baseline_reaches_the_server(server, client, path, method):
    """The arguments the bad cases start from are good: exactly one request is sent. Without
    this, a bad case could pass because the call was refused for another reason."""
    server.reply(200, GENERIC_REPLY)
    sig = SIGS[(path, method)]
    hints = HINTS[(path, method)]
    try:
        _call(client, path, method, _valid_args(sig, hints), sig)
    except tm.APIError:
        pass  # the generic reply may not decode as this method's result; the request was sent
    assert len(server.requests) == 1


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_argument_is_refused_before_sending(server, client, case):
    server.reply(200, GENERIC_REPLY)
    with pytest.raises(tm.TelnyxError) as e:
        _call(client, case.path, case.method, case.args, SIGS[(case.path, case.method)])
    assert isinstance(e.value, case.expected), f"{type(e.value).__name__}: {str(e.value)[:300]}"
    assert isinstance(e.value, TypeError) == (case.expected is TYPE), type(e.value).__mro__
    assert _names_the_field(str(e.value), case.param), str(e.value)[:300]
    assert len(str(e.value)) < 1000, "the message repeats a huge value"
    assert server.requests == []


HOSTILE_IDS = ["../x", "%2F", "?a=b", "#", " ", "a/b", "x\r\nHost: evil", "\t", "é", "[]"]


WITH_ID = [(p, m) for p, m, s, _ in SURFACE
           if any(q.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD for q in list(s.parameters.values())[1:])]


@pytest.mark.parametrize("path, method", WITH_ID, ids=[f"{p[7:]}.{m}" for p, m in WITH_ID])
def test_hostile_ids_stay_one_encoded_path_segment(server, client, path, method):
    """Ids that look like URL structure are legal ids: each is sent percent-encoded as exactly one
    path segment (never a traversal, a query or a fragment), and no other request is made."""
    sig = SIGS[(path, method)]
    hints = HINTS[(path, method)]
    first = next(n for n, p in list(sig.parameters.items())[1:] if p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD)
    server.reply(200, GENERIC_REPLY)
    for hostile in HOSTILE_IDS:
        before = len(server.requests)
        try:
            _call(client, path, method, {**_valid_args(sig, hints), first: hostile}, sig)
        except tm.APIError:
            pass
        sent = server.requests[before:]
        assert len(sent) == 1, (hostile, sent)
        encoded = "".join(c if c.isascii() and (c.isalnum() or c in "-_.~") else
                          "".join(f"%{b:02X}" for b in c.encode()) for c in hostile)
        assert f"/{encoded}" in sent[0].path and "/../" not in sent[0].path, (hostile, sent[0].target)
        assert "?" not in sent[0].path and "#" not in sent[0].target


# ---------------------------------------------------------------------------------------------
# Client and with_options


def _option_cases(fn: Any) -> List[Tuple[str, str, Any, Tuple[Type[BaseException], ...]]]:
    hints = typing.get_type_hints(fn)
    out = []
    for name, param in list(inspect.signature(fn).parameters.items())[1:]:
        parts = [p for p in _parts(hints[name]) if p is not type(None)]
        cfg = (VALUE, tm.ConfigurationError)
        if parts == [str]:
            out += [(name, "int", 123, (TYPE,)), (name, "bytes", b"x", (TYPE,)),
                    (name, "surrogate", "\ud800", (VALUE,)), (name, "NUL", "a\x00b", (VALUE,)),
                    (name, "CR LF", "a\r\nX-Evil: 1", cfg if name in ("api_key", "base_url", "proxy") else ())]
        elif int in parts and float not in parts:
            out += [(name, "negative", -1, (VALUE,)), (name, "str", "3", (TYPE,)), (name, "bool", True, (TYPE,)),
                    (name, "float", 1.0, (TYPE,))]
        elif bool in parts:
            out += [(name, "str", "yes", (TYPE,)), (name, "int", 1, (TYPE,))]
        elif float in parts:  # Seconds
            out += [(name, "negative", -1, (VALUE,)), (name, "NaN", math.nan, (VALUE,)), (name, "str", "5", (TYPE,)),
                    (name, "bool", True, (TYPE,)), (name, "inf", math.inf, (VALUE,))]
            if name != "max_retry_wait":  # 0 makes every call time out at once
                out.append((name, "zero", 0, cfg))
        elif name == "extra_query":  # percent-encoded: only what is not text is bad
            out += [(name, "list", [("x", "1")], (TYPE,)), (name, "int value", {"x": 1}, (TYPE,)),
                    (name, "bytes name", {b"x": "1"}, (TYPE,)), (name, "surrogate", {"x": "\ud800"}, (VALUE,))]
        elif name == "extra_body":
            out += [(name, "list", [1], (TYPE,)), (name, "int key", {1: "x"}, (TYPE,)),
                    (name, "NaN", {"x": math.nan}, (VALUE,)), (name, "bytes value", {"x": b"1"}, (TYPE,)),
                    (name, "set value", {"x": {1}}, (TYPE,))]
        else:  # headers
            out += [(name, "list", [("X", "1")], (TYPE,)), (name, "int value", {"X": 1}, (TYPE,)),
                    (name, "bytes name", {b"X": "1"}, (TYPE,)), (name, "CR LF value", {"X": "a\r\nY: 1"}, cfg),
                    (name, "CR LF name", {"X\r\nY": "1"}, cfg), (name, "space name", {"X Y": "1"}, cfg),
                    (name, "Authorization", {"Authorization": "Bearer other"}, cfg),
                    (name, "Content-Length", {"Content-Length": "5"}, cfg), (name, "Host", {"Host": "evil"}, cfg),
                    (name, "NUL", {"X": "a\x00"}, (VALUE,))]
    return [c for c in out if c[3]]


BAD_URLS = ["not a url", "ftp://127.0.0.1/v2", "http://127.0.0.1:99999/v2", "http://127.0.0.1:abc/v2",
            "http://127.0.0.1/v2#frag", "http://user:pw@127.0.0.1:bad/v2", "http://[::1/v2", "",
            "http://" + "a" * 70_000 + "/v2", "https://", "//127.0.0.1/v2", "http://example.com/v2"]
BAD_PROXIES = ["garbage", "socks5://127.0.0.1:1080", "ftp://proxy", "http://:0"]

CLIENT_CASES = _option_cases(Client.__init__)
WITH_CASES = _option_cases(Client.with_options)

ALIASES = {"default_headers": "header", "headers": "header", "base_url": "base url", "api_key": "api key",
           "connect_timeout": "timeout", "max_retry_wait": "max retry wait"}


def _names_option(message: str, name: str) -> bool:
    return _names_the_field(message, name) or ALIASES.get(name, "\0") in message.lower().replace("_", " ")


@pytest.mark.parametrize("name, label, value, expected", CLIENT_CASES, ids=[f"{c[0]}={c[1]}" for c in CLIENT_CASES])
def test_bad_client_option(server, name, label, value, expected):
    args: Dict[str, Any] = {"api_key": API_KEY, "base_url": server.url, name: value}
    with pytest.raises(tm.TelnyxError) as e:
        Client(**args).close()
    assert isinstance(e.value, expected), f"{type(e.value).__name__}: {e.value}"
    assert _names_option(str(e.value), name), str(e.value)
    assert server.requests == []


@pytest.mark.parametrize("name, label, value, expected", WITH_CASES, ids=[f"{c[0]}={c[1]}" for c in WITH_CASES])
def test_bad_with_options(server, client, name, label, value, expected):
    """with_options refuses what Client refuses, when it is called (not on a later request)."""
    server.reply(200, GENERIC_REPLY)
    with pytest.raises(tm.TelnyxError) as e:
        client.with_options(**{name: value})
    assert isinstance(e.value, expected), f"{type(e.value).__name__}: {e.value}"
    assert _names_option(str(e.value), name), str(e.value)
    assert server.requests == []


@pytest.mark.parametrize("url", BAD_URLS, ids=[u[:40] for u in BAD_URLS])
def test_bad_base_url(server, url):
    with pytest.raises(tm.ConfigurationError) as e:
        Client(api_key=API_KEY, base_url=url).close()
    message = str(e.value)
    assert "base url" in message.lower() and len(message) < 1000 and "pw" not in message, message
    assert server.requests == []


@pytest.mark.parametrize("proxy", BAD_PROXIES)
def test_bad_proxy(server, proxy):
    with pytest.raises(tm.ConfigurationError) as e:
        Client(api_key=API_KEY, base_url=server.url, proxy=proxy).close()
    assert "proxy" in str(e.value).lower(), str(e.value)
    assert server.requests == []


def test_non_ascii_api_key_is_refused(server):
    with pytest.raises(tm.ConfigurationError) as e:
        Client(api_key="KEY-café", base_url=server.url).close()
    assert "api key" in str(e.value).lower() and "café" not in str(e.value)
    assert server.requests == []


@pytest.mark.parametrize("path, method", [(p, m) for p, m, _, _ in SURFACE], ids=[f"{p[7:]}.{m}" for p, m, _, _ in SURFACE])
def test_every_method_of_a_closed_client(server, path, method):
    c = Client(api_key=API_KEY, base_url=server.url)
    sig, hints = SIGS[(path, method)], HINTS[(path, method)]
    resource = _resolve(c, path)
    c.close()
    with pytest.raises(tm.TelnyxError, match="closed"):
        _call_on(getattr(resource, method), _valid_args(sig, hints), sig)
    assert server.requests == []



# ---------------------------------------------------------------------------------------------
# The mock server's arguments (0 is a good latency: the "zero" cases of durations are left out)

MOCK_CASES = [c for c in _option_cases(MockServer.__init__) if c[1] != "zero"]


def test_every_mock_argument_has_cases():
    assert {c[0] for c in MOCK_CASES} == set(list(inspect.signature(MockServer.__init__).parameters)[1:])


@pytest.mark.parametrize("name, label, value, expected", MOCK_CASES, ids=[f"{c[0]}={c[1]}" for c in MOCK_CASES])
def test_bad_mock_argument(name, label, value, expected):
    with pytest.raises(tm.TelnyxError) as e:
        MockServer(**{name: value}).close()
    assert isinstance(e.value, expected), f"{type(e.value).__name__}: {e.value}"
    assert _names_the_field(str(e.value), name), str(e.value)
