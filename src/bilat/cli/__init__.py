"""bilat's command line: thin front ends over the library.

Each group of commands lives in its own module and registers itself on ``main``;
options used by several commands are defined once in ``common``.
"""
from __future__ import annotations

from .common import main

# Command modules register their commands on `main` when imported.
from . import extract as _extract  # noqa: E402,F401
from . import serve as _serve  # noqa
from . import store as _store  # noqa
from . import demo as _demo  # noqa: E402,F401
from . import why as _why  # noqa: E402,F401
from . import batch as _batch  # noqa: E402,F401
from . import watch as _watch  # noqa: E402,F401

__all__ = ["main"]
