"""The reader of bilat's data tables (``bilat/data/*.tsv``): tab-separated, with a header
row, after '#' lines that give the table's provenance. Imports nothing from bilat."""
from __future__ import annotations

import csv
from importlib import resources


def read_table(name: str) -> list[dict[str, str]]:
    """Rows of a tab-separated data file; '#' lines are its provenance header."""
    text = resources.files("bilat.data").joinpath(name).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))
