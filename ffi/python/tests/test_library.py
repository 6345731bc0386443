"""Library loading and the ctypes declarations."""

import ctypes
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import telnyx_messaging as tm
from telnyx_messaging import _lib

PACKAGE = Path(tm.__file__).resolve().parent
# The header, found from this file (ffi/python/tests), not from the package: it may be installed.
HEADER = Path(__file__).resolve().parents[3] / "include" / "telnyx_messaging.h"


def _copy_package(dest):
    """A copy of the package without the library a wheel bundles next to it."""
    shutil.copytree(PACKAGE, dest, ignore=shutil.ignore_patterns("__pycache__", "*.so", "*.dylib", "*.dll"))


def _import_in_subprocess(pythonpath, env_overrides):
    env = {k: v for k, v in os.environ.items() if k not in ("TELNYX_MESSAGING_LIB", "CARGO_TARGET_DIR")}
    env.update(env_overrides)
    env["PYTHONPATH"] = str(pythonpath)
    return subprocess.run(
        [sys.executable, "-c", "import telnyx_messaging as t; print(t.library_path)"],
        env=env, capture_output=True, text=True, timeout=60, cwd=str(pythonpath),
    )


def test_import_error_names_every_place_it_looked(tmp_path):
    repo = tmp_path / "repo"
    (repo / "ffi" / "python").mkdir(parents=True)
    (repo / "Cargo.toml").write_text("[workspace]\nmembers = []\n")
    _copy_package(repo / "ffi" / "python" / "telnyx_messaging")
    missing = tmp_path / "nowhere" / "libx.so"
    r = _import_in_subprocess(repo / "ffi" / "python", {"TELNYX_MESSAGING_LIB": str(missing)})
    assert r.returncode != 0
    err = r.stderr
    assert "ImportError" in err and "cannot find the C library" in err
    lib = _lib.LIBRARY_FILE
    assert str(repo / "ffi" / "python" / "telnyx_messaging" / lib) in err
    assert str(missing) in err
    assert str(repo / "target" / "release" / lib) in err
    assert str(repo / "target" / "debug" / lib) in err
    assert "cargo build -p telnyx-messaging-ffi" in err and "TELNYX_MESSAGING_LIB" in err


def test_import_error_when_the_variable_is_not_set(tmp_path):
    _copy_package(tmp_path / "telnyx_messaging")
    r = _import_in_subprocess(tmp_path, {})
    assert r.returncode != 0
    assert "TELNYX_MESSAGING_LIB" in r.stderr and "not set" in r.stderr


def test_library_found_through_the_environment_variable(tmp_path):
    _copy_package(tmp_path / "telnyx_messaging")
    r = _import_in_subprocess(tmp_path, {"TELNYX_MESSAGING_LIB": tm.library_path})
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == tm.library_path


def test_library_next_to_the_package_comes_first(tmp_path):
    pkg = tmp_path / "telnyx_messaging"
    _copy_package(pkg)
    shutil.copy(tm.library_path, pkg / _lib.LIBRARY_FILE)
    r = _import_in_subprocess(tmp_path, {"TELNYX_MESSAGING_LIB": "/nonexistent/lib.so"})
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == str(pkg / _lib.LIBRARY_FILE)


def _header_functions():
    """The names of the functions the committed header declares (comments stripped)."""
    text = re.sub(r"/\*.*?\*/", "", HEADER.read_text(), flags=re.S)
    return set(re.findall(r"\b(telnyx_[a-z0-9_]+)\s*\(", text))


def test_every_function_is_declared():
    """Every function of the header has argtypes and restype set on the loaded library (an
    undeclared ctypes function has argtypes None and restype c_int, and would truncate the
    pointers it returns)."""
    names = _header_functions()
    assert len(names) >= 30, sorted(names)
    for name in sorted(names):
        fn = getattr(_lib.lib, name)
        assert fn.argtypes is not None, f"{name} has no argtypes"
        assert fn.restype is not ctypes.c_int, f"{name} has no restype"


def test_owned_strings_are_never_c_char_p():
    """Functions that hand over ownership of a string return c_void_p (freed by the library);
    c_char_p would copy and lose the pointer, leaking it."""
    assert _lib.lib.telnyx_error_to_json.restype is _lib.c_void_p
    assert _lib.lib.telnyx_string_free.argtypes == [_lib.c_void_p]


def test_declarations_cover_the_header():
    text = HEADER.read_text()
    # Declarations start a line: "<type> *telnyx_name(" (comments start with " *" or "/*").
    declared = set(re.findall(r"^[A-Za-z_][\w ]*[\s*](telnyx_[a-z0-9_]+)\(", text, re.MULTILINE))
    assert declared, "no functions found in the header"
    assert declared == set(_lib._SIGNATURES), (
        f"in the header but not declared: {sorted(declared - set(_lib._SIGNATURES))}; "
        f"declared but not in the header: {sorted(set(_lib._SIGNATURES) - declared)}"
    )


def test_declarations_match_the_header_prototypes():
    """Each argtypes/restype agrees with the C prototype in the committed header."""
    text = re.sub(r"/\*.*?\*/", "", HEADER.read_text(), flags=re.S)
    c_types = {
        "void": None,
        "const char *": _lib.c_char_p,
        "char *": _lib.c_void_p,  # owned: must not be c_char_p
        "char **": _lib._OutStr,
        "telnyx_error *": _lib.ErrorP,
        "const telnyx_error *": _lib.ErrorP,
        "telnyx_client *": _lib.ClientP,
        "const telnyx_client *": _lib.ClientP,
        "telnyx_client **": _lib._OutClient,
        "telnyx_page_iter *": _lib.PageIterP,
        "telnyx_page_iter **": _lib._OutIter,
        "telnyx_mock *": _lib.MockP,
        "const telnyx_mock *": _lib.MockP,
        "telnyx_mock **": _lib._OutMock,
        "uint64_t": _lib.c_uint64,
        "uint32_t": _lib.c_uint32,
        "uint16_t": _lib.c_uint16,
        "int64_t": _lib.c_int64,
        "void *": _lib.c_void_p,
        "telnyx_log_callback": _lib.LogCallback,
    }

    def ctype(decl):
        decl = " ".join(decl.replace("*", " * ").split())
        decl = re.sub(r"\s+[A-Za-z_]\w*$", "", decl) if decl not in c_types and decl != "void" else decl
        decl = decl.replace(" *", "*").replace("*", " *", 1).replace(" * *", " **").replace("* *", "**")
        assert decl in c_types, f"unexpected C type {decl!r}"
        return c_types[decl]

    found = 0
    for m in re.finditer(r"^([A-Za-z_][\w \*]*?)\b(telnyx_\w+)\(([^)]*)\);", text, re.MULTILINE):
        ret, name, params = m.group(1).strip(), m.group(2), " ".join(m.group(3).split())
        argtypes, restype = _lib._SIGNATURES[name]
        assert ctype(ret) is restype, f"{name}: returns {ret!r}"
        params = [] if params == "void" else [p.strip() for p in params.split(",")]
        assert [ctype(p) for p in params] == argtypes, f"{name}({', '.join(params)})"
        found += 1
    assert found == len(_lib._SIGNATURES)
