"""Build hooks of the Python package: compile the C library with cargo and bundle it inside the
package, so that `pip install ./ffi/python` and `pip wheel ./ffi/python` give a working
platform wheel.

The package is pure ctypes (no extension module), so the wheel is tagged `py3-none-<platform>`:
one wheel serves every Python 3 on that platform. setuptools-rust was considered: its
`Binding.NoBinding` names the library as a CPython extension of one interpreter version and tags
the wheel per interpreter, which a ctypes package does not need; it also rebuilds the crate with
`cargo rustc` where the C install (`make -C ffi install`) has already built it with
`cargo build --release`, which this reuses.

Environment: `CARGO` (default `cargo`), `CARGO_TARGET_DIR` as for cargo.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import Distribution, setup
from setuptools.command.bdist_wheel import bdist_wheel
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
WORKSPACE = HERE.parent.parent  # the cargo workspace: this file is ffi/python/setup.py
CRATE = "telnyx-messaging-ffi"

if sys.platform == "darwin":
    LIBRARY_FILE = "libtelnyx_messaging_ffi.dylib"
elif sys.platform.startswith("win"):
    LIBRARY_FILE = "telnyx_messaging_ffi.dll"
else:
    LIBRARY_FILE = "libtelnyx_messaging_ffi.so"


def build_library() -> Path:
    """Runs `cargo build --release` for the C ABI crate and returns the shared library's path."""
    if not (WORKSPACE / "Cargo.toml").is_file() or not (WORKSPACE / "ffi" / "Cargo.toml").is_file():
        raise SystemExit(
            f"telnyx-messaging: the Rust sources are not at {WORKSPACE}: build the package from a "
            "checkout of the repository (pip install ./ffi/python), not from an sdist alone"
        )
    cargo = os.environ.get("CARGO", "cargo")
    if shutil.which(cargo) is None:
        raise SystemExit(
            f"telnyx-messaging: `{cargo}` was not found: building the package compiles the Rust "
            "library, so install Rust (rustup.rs) or set CARGO"
        )
    command = [cargo, "build", "--release", "--locked", "-p", CRATE, "--message-format=json-render-diagnostics"]
    print("telnyx-messaging: " + " ".join(command), file=sys.stderr)
    done = subprocess.run(command, cwd=WORKSPACE, stdout=subprocess.PIPE, text=True)
    if done.returncode != 0:
        raise SystemExit(f"telnyx-messaging: cargo failed with exit code {done.returncode}")
    for line in done.stdout.splitlines():
        message = json.loads(line) if line.startswith("{") else {}
        if message.get("reason") == "compiler-artifact" and "cdylib" in message["target"]["kind"]:
            for name in message["filenames"]:
                if Path(name).name == LIBRARY_FILE:
                    return Path(name)
    raise SystemExit(f"telnyx-messaging: cargo built no {LIBRARY_FILE}")


class build_py_with_library(build_py):
    """Copies the freshly built library into the package. An editable install uses the package
    in place, which finds the library in the checkout's target/ directory instead."""

    def run(self):
        super().run()
        library = build_library()
        if not self.editable_mode:
            dest = Path(self.build_lib) / "telnyx_messaging" / LIBRARY_FILE
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(library, dest)


class PlatformDistribution(Distribution):
    """Carries a native library, so its files install to platlib and its wheel names a platform."""

    def has_ext_modules(self):
        return True


class bdist_wheel_any_python(bdist_wheel):
    """A platform wheel for any Python 3: the package loads its library with ctypes, so no
    interpreter version or ABI is involved."""

    def get_tag(self):
        _, _, platform = super().get_tag()
        return "py3", "none", platform


setup(
    distclass=PlatformDistribution,
    cmdclass={"build_py": build_py_with_library, "bdist_wheel": bdist_wheel_any_python},
)
