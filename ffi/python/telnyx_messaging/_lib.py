"""Finding, loading and declaring the C library ``libtelnyx_messaging_ffi``.

Every C function is declared here with its ``argtypes`` and ``restype``. Handles are typed
pointers to distinct opaque structs, so passing the wrong handle is a ``ctypes.ArgumentError``
instead of a crash. Strings the library hands over (owned ``char *``) come back as ``c_void_p``
and are freed with ``telnyx_string_free``; only borrowed or static strings use ``c_char_p``.

The library is loaded with :class:`ctypes.CDLL`, which releases the GIL for the duration of
every call, so many Python threads can wait on HTTP at once.
"""

from __future__ import annotations

import ctypes
import os
import sys
from ctypes import POINTER, c_char_p, c_int64, c_uint16, c_uint32, c_uint64, c_void_p
from pathlib import Path
from typing import List, Optional, Tuple

from ._endpoints import ENDPOINTS

__all__ = ["lib", "library_path", "ClientP", "PageIterP", "ErrorP", "MockP", "candidate_paths"]

ENV_VAR = "TELNYX_MESSAGING_LIB"


def _library_file_name() -> str:
    if sys.platform == "darwin":
        return "libtelnyx_messaging_ffi.dylib"
    if sys.platform.startswith("win"):
        return "telnyx_messaging_ffi.dll"
    return "libtelnyx_messaging_ffi.so"


LIBRARY_FILE = _library_file_name()


def _repo_root(start: Path) -> Optional[Path]:
    """The cargo workspace holding this package: the nearest parent with a ``Cargo.toml``
    that declares ``[workspace]``, else the nearest one with any ``Cargo.toml``."""
    nearest = None
    for parent in start.parents:
        manifest = parent / "Cargo.toml"
        if manifest.is_file():
            try:
                if "[workspace]" in manifest.read_text(encoding="utf-8", errors="replace"):
                    return parent
            except OSError:
                pass
            if nearest is None:
                nearest = parent
    return nearest


def candidate_paths() -> List[Tuple[str, Path]]:
    """Where the library is looked for, in order, each with a short description."""
    package_dir = Path(__file__).resolve().parent
    out: List[Tuple[str, Path]] = [("next to the package", package_dir / LIBRARY_FILE)]
    env = os.environ.get(ENV_VAR, "").strip()
    if env:
        p = Path(env).expanduser()
        out.append((f"${ENV_VAR}", p / LIBRARY_FILE if p.is_dir() else p))
    else:
        out.append((f"${ENV_VAR}", Path("<not set>")))
    target_dirs = []
    cargo_target = os.environ.get("CARGO_TARGET_DIR", "").strip()
    if cargo_target:
        target_dirs.append(("$CARGO_TARGET_DIR", Path(cargo_target)))
    root = _repo_root(package_dir)
    if root is not None:
        target_dirs.append(("cargo target directory", root / "target"))
    for what, target in target_dirs:
        for profile in ("release", "debug"):
            out.append((f"{what} ({profile})", target / profile / LIBRARY_FILE))
    return out


def _load() -> Tuple[ctypes.CDLL, Path]:
    tried = []
    for what, path in candidate_paths():
        if str(path) == "<not set>":
            tried.append(f"  - {what}: not set")
            continue
        if not path.is_file():
            tried.append(f"  - {what}: {path} (not found)")
            continue
        try:
            return ctypes.CDLL(str(path)), path
        except OSError as e:  # present but not loadable: wrong architecture, missing deps
            tried.append(f"  - {what}: {path} (could not load: {e})")
    raise ImportError(
        f"telnyx_messaging: cannot find the C library {LIBRARY_FILE}. Looked in:\n"
        + "\n".join(tried)
        + f"\nBuild it with `cargo build -p telnyx-messaging-ffi` (or --release) in the repository, "
        f"or set {ENV_VAR} to the library's path."
    )


class _Client(ctypes.Structure):
    """Opaque ``telnyx_client``."""


class _PageIter(ctypes.Structure):
    """Opaque ``telnyx_page_iter``."""


class _Error(ctypes.Structure):
    """Opaque ``telnyx_error``."""


class _Mock(ctypes.Structure):
    """Opaque ``telnyx_mock``."""


#: void (*)(void *user_data, uint32_t level, const char *target, const char *message)
LogCallback = ctypes.CFUNCTYPE(None, c_void_p, c_uint32, c_char_p, c_char_p)

ClientP = POINTER(_Client)
PageIterP = POINTER(_PageIter)
ErrorP = POINTER(_Error)
MockP = POINTER(_Mock)
_OutStr = POINTER(c_void_p)  # char **: owned string written on success
_OutClient = POINTER(ClientP)
_OutIter = POINTER(PageIterP)
_OutMock = POINTER(MockP)

# name -> (argtypes, restype)
_SIGNATURES = {
    "telnyx_version": ([], c_char_p),  # static, never freed
    "telnyx_client_new": ([c_char_p, _OutClient], ErrorP),
    "telnyx_client_with_options": ([ClientP, c_char_p, _OutClient], ErrorP),
    "telnyx_client_free": ([ClientP], None),
    "telnyx_page_iter_next": ([PageIterP, _OutStr], ErrorP),
    "telnyx_page_iter_free": ([PageIterP], None),
    "telnyx_error_kind": ([ErrorP], c_uint32),
    "telnyx_error_status": ([ErrorP], c_uint16),
    "telnyx_error_message": ([ErrorP], c_char_p),  # borrowed
    "telnyx_error_errors_json": ([ErrorP], c_char_p),  # borrowed
    "telnyx_error_retry_after_ms": ([ErrorP], c_int64),
    "telnyx_error_to_json": ([ErrorP], c_void_p),  # owned: telnyx_string_free
    "telnyx_error_free": ([ErrorP], None),
    "telnyx_string_free": ([c_void_p], None),
    "telnyx_mock_start": ([c_char_p, _OutMock], ErrorP),
    "telnyx_mock_base_url": ([MockP], c_char_p),  # borrowed, until telnyx_mock_free
    "telnyx_mock_requests_received": ([MockP], c_uint64),
    "telnyx_mock_connections_accepted": ([MockP], c_uint64),
    "telnyx_mock_api_key": ([], c_char_p),  # static, never freed
    "telnyx_mock_free": ([MockP], None),
    "telnyx_set_logger": ([LogCallback, c_void_p, c_uint32], ErrorP),
}
# The endpoint functions, from the table generated with the C functions themselves: the client,
# then the path ids and the JSON input, then the out-pointer.
for _name, (_strings, _iterator) in ENDPOINTS.items():
    _SIGNATURES[_name] = ([ClientP] + [c_char_p] * _strings + [_OutIter if _iterator else _OutStr], ErrorP)


def _declare(cdll: ctypes.CDLL, path: Path) -> None:
    missing = []
    for name, (argtypes, restype) in _SIGNATURES.items():
        try:
            fn = getattr(cdll, name)
        except AttributeError:
            missing.append(name)
            continue
        fn.argtypes = argtypes
        fn.restype = restype
    if missing:
        raise ImportError(
            f"telnyx_messaging: the C library at {path} lacks {len(missing)} function(s) "
            f"({', '.join(missing[:5])}{', ...' if len(missing) > 5 else ''}); it is older than "
            f"this package. Rebuild it with `cargo build -p telnyx-messaging-ffi`."
        )


lib, library_path = _load()
_declare(lib, library_path)
