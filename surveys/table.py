"""A table read from a survey export, and how it was read."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from .rows import LineMap


@dataclass
class ImportedTable:
    """A table read from a file: the DataFrame plus how it was read."""
    df: pd.DataFrame
    kind: str                       # "csv" | "xlsx"
    encoding: str | None            # CSV only
    separator: str | None           # CSV only
    lines: LineMap
    sheet: str | None = None        # XLSX only
    name: str | None = None
    warnings: list[dict[str, Any]] = field(default_factory=list)
    cache: dict[Any, Any] = field(default_factory=dict, repr=False)  # parsed dates, group codes
    # categorical columns every category of which occurs in the column: the CSV reader's (a
    # pyarrow dictionary holds only values read), so their codes need no check for unused ones
    complete_categories: frozenset[str] = frozenset()


def dedupe(names: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for i, nm in enumerate(names):
        nm = nm or f"Unnamed: {i}"
        if nm in seen:
            seen[nm] += 1
            new = f"{nm}.{seen[nm]}"
            while new in seen:
                seen[nm] += 1
                new = f"{nm}.{seen[nm]}"
            seen[new] = 0
            out.append(new)
        else:
            seen[nm] = 0
            out.append(nm)
    return out
