"""The library's log records, delivered to Python's :mod:`logging` under the
``telnyx_messaging`` logger: a DEBUG record per attempt (method, path, status, duration,
attempt, request id), INFO for each retry with its wait and reason, WARNING when a call fails,
and the bodies at level 5 (``TRACE``), with ``v1_secret`` and the API key redacted.

The C library formats only the records the logger lets through when a client is created (its
effective level then). ``TELNYX_LOG=info|debug|trace`` sets that level and, when the logger has
no handler, adds one writing to stderr, like the official SDK.
"""

from __future__ import annotations

import logging
import os
from ctypes import c_uint32
from typing import Optional

from . import _lib
from ._base import take_error

logger = logging.getLogger("telnyx_messaging")

#: Python's level for the library's ``trace`` records (bodies).
TRACE = 5

# C level (1 error .. 5 trace) -> Python level, and back.
_TO_PYTHON = {1: logging.ERROR, 2: logging.WARNING, 3: logging.INFO, 4: logging.DEBUG, 5: TRACE}


def _c_level(python_level: int) -> int:
    """The most detailed C level whose records ``python_level`` lets through (0: none)."""
    return max((c for c, p in _TO_PYTHON.items() if p >= python_level), default=0)


@_lib.LogCallback  # type: ignore[untyped-decorator]  # a ctypes CFUNCTYPE: untyped to mypy
def _deliver(_user_data: Optional[int], level: int, _target: bytes, message: bytes) -> None:
    logger.log(_TO_PYTHON.get(level, logging.DEBUG), message.decode("utf-8", "replace"))


_current: Optional[int] = None


def sync_level() -> None:
    """Tells the C library which records to send: those the logger would handle now."""
    global _current
    level = _c_level(logger.getEffectiveLevel()) if logger.isEnabledFor(logging.CRITICAL) else 0
    if level != _current:
        err = _lib.lib.telnyx_set_logger(_deliver, None, c_uint32(level))
        if err:
            raise take_error(err)
        _current = level


def _from_environment() -> None:
    wanted = {"info": logging.INFO, "debug": logging.DEBUG, "trace": TRACE}.get(os.environ.get("TELNYX_LOG", "").strip())
    if wanted is None:
        # A library stays quiet unless the program configures logging (no "last resort" output).
        logger.addHandler(logging.NullHandler())
        return
    logger.setLevel(wanted)
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(name)s %(levelname)s: %(message)s"))
        logger.addHandler(handler)


logging.addLevelName(TRACE, "TRACE")
_from_environment()
# Installed at import, before any client exists, so the library's own stderr logger (which
# TELNYX_LOG would turn on for programs without a logger) never takes the place of this one.
sync_level()

__all__ = ["logger", "sync_level", "TRACE"]
