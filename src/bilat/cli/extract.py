"""`bilat extract` (filled in by the extraction pipeline work)."""
from __future__ import annotations

from .common import main
