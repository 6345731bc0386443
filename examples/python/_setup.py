"""Makes the examples runnable from a checkout without installing the package: puts
ffi/python on sys.path when telnyx_messaging is not installed."""

import sys
from pathlib import Path

try:
    import telnyx_messaging  # noqa: F401
except ImportError:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "ffi" / "python"))
