"""The result types: exported, resolvable at run time on this interpreter, annotations only
(results stay plain dicts), and the package's __all__ lists every public name literally."""

import ast
import sys
import typing
from pathlib import Path

import telnyx_messaging as tm
from telnyx_messaging import _exceptions, _resources, _types

PACKAGE = Path(tm.__file__).resolve().parent


def test_all_is_literal_and_complete():
    # Type checkers read __all__ only when it is a list of string literals.
    tree = ast.parse((PACKAGE / "__init__.py").read_text())
    [node] = [n for n in tree.body if isinstance(n, ast.Assign) and getattr(n.targets[0], "id", "") == "__all__"]
    assert isinstance(node.value, ast.List)
    assert all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.value.elts)
    names = [e.value for e in node.value.elts]
    assert len(names) == len(set(names))
    assert set(_exceptions.__all__) <= set(names)
    assert set(_types.__all__) <= set(names)
    for name in names:
        assert hasattr(tm, name), name


def test_typed_dicts_resolve():
    for name in _types.__all__:
        t = getattr(tm, name)
        if isinstance(t, type):
            hints = typing.get_type_hints(t)
            assert hints, name
            if sys.version_info >= (3, 9):  # __required_keys__ is 3.9+
                assert set(t.__required_keys__) | set(t.__optional_keys__) == set(hints)
    if sys.version_info < (3, 9):
        return
    assert tm.AutorespConfig.__required_keys__ == frozenset({"id", "op", "keywords", "country_code"})
    assert tm.NumberPoolSettings.__required_keys__ == frozenset(
        {"long_code_weight", "toll_free_weight", "skip_unhealthy"}
    )
    assert tm.MessagingProfile.__required_keys__ == frozenset()
    assert "type" in tm.PhoneNumberWithMessagingSettings.__optional_keys__


def test_every_public_method_has_a_precise_return_type():
    for cls in (tm.MessagingProfiles, tm.AutorespConfigs, tm.ShortCodes, tm.MessagingProfileMetrics):
        for name, fn in vars(cls).items():
            if name.startswith("_") or not callable(fn):
                continue
            ret = typing.get_type_hints(fn)["return"]
            assert ret is not typing.Any, f"{cls.__name__}.{name}"
            # Dict[str, Any] only where the definition has a free-form object (metrics).
            assert ret != _resources.JSON or name == "retrieve_metrics", f"{cls.__name__}.{name}"


def test_results_are_plain_dicts(server, client):
    from fixtures import PROFILE, meta

    server.route(lambda req: (200, {"data": [PROFILE], "meta": meta(1, 1, 1)}, {}))
    page = client.messaging_profiles.list_page()
    assert isinstance(page.data[0], dict) and page.data[0]["id"] == PROFILE["id"]
    assert page.meta == {"page_number": 1, "page_size": 1, "total_pages": 1, "total_results": 1}
