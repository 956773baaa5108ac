"""The input (a path, bytes or an upload), size-checked before anything is parsed."""
from __future__ import annotations

import io
import os
from typing import Any

from .errors import SurveyInputError

# The limits of what is read, in one place (the Measure page and the CLI's defaults).
DEFAULT_MAX_BYTES = 50 * 1024 * 1024      # the file as uploaded
MAX_ROWS = 1_048_576                      # data rows of a CSV (Excel's own sheet maximum)
XLSX_MAX_UNPACKED = 256 * 1024 * 1024     # a workbook unpacked (its zip directory says how big)
XLSX_MAX_ROWS = 300_000                   # rows of one sheet (openpyxl reads ~100,000 rows/s at best)
XLSX_MAX_CELLS = 4_000_000                # cells of one sheet, e.g. 200,000 answers × 20 columns
SAMPLE_BYTES = 64 * 1024


class Source:
    """The input, size-checked before anything is parsed.  A path is not read into memory
    up front: only its first ``SAMPLE_BYTES`` (for detection); pandas then reads the path
    itself, which is what makes the import as fast as a plain ``read_csv``."""

    def __init__(self, source: Any, max_bytes: int):
        self.path: str | None = None
        self._data: bytes | None = None
        self.name: str | None = None

        def too_large(size: int) -> SurveyInputError:
            return SurveyInputError("too_large", size=size, limit=max_bytes,
                                     size_mb=size / 1048576, limit_mb=max_bytes / 1048576)

        if isinstance(source, (bytes, bytearray, memoryview)):
            data = bytes(source)
            if len(data) > max_bytes:
                raise too_large(len(data))
            self._data = data
        elif isinstance(source, (str, os.PathLike)):
            path = os.fspath(source)
            try:
                size = os.path.getsize(path)
            except FileNotFoundError:
                raise SurveyInputError("file_not_found", path=path) from None
            except OSError as exc:
                raise SurveyInputError("unreadable", detail=exc.strerror or str(exc)) from None
            if os.path.isdir(path):
                raise SurveyInputError("unreadable", detail=f"{path} is a directory")
            if size > max_bytes:
                raise too_large(size)
            self.path, self.name, self.size = path, os.path.basename(path), size
            try:
                with open(path, "rb") as fh:
                    self.head = fh.read(SAMPLE_BYTES)
            except OSError as exc:
                raise SurveyInputError("unreadable", detail=exc.strerror or str(exc)) from None
            self._max = max_bytes
            return
        elif hasattr(source, "read"):
            size = getattr(source, "size", None)  # e.g. Streamlit's UploadedFile
            if isinstance(size, int) and size > max_bytes:
                raise too_large(size)
            try:
                if hasattr(source, "seek"):
                    try:
                        source.seek(0)
                    except (OSError, ValueError):
                        pass
                data = source.read(max_bytes + 1)
            except (OSError, ValueError) as exc:
                raise SurveyInputError("unreadable", detail=str(exc)) from None
            if isinstance(data, str):
                data = data.encode("utf-8")
            if len(data) > max_bytes:
                raise too_large(len(data))
            self._data = bytes(data)
            name = getattr(source, "name", None)
            self.name = os.path.basename(name) if isinstance(name, str) else None
        else:
            raise SurveyInputError("unreadable",
                                    detail=f"unsupported source type {type(source).__name__}")
        self.size = len(self._data)
        self.head = self._data[:SAMPLE_BYTES]

    @property
    def complete(self) -> bool:
        """Whether ``head`` is the whole input."""
        return len(self.head) >= self.size

    def data(self) -> bytes:
        if self._data is None:
            try:
                with open(self.path, "rb") as fh:  # type: ignore[arg-type]
                    self._data = fh.read(self._max + 1)
            except OSError as exc:
                raise SurveyInputError("unreadable", detail=exc.strerror or str(exc)) from None
        return self._data

    def binary(self) -> Any:
        """What to hand to pandas: the path itself, or a BytesIO."""
        return self.path if self.path is not None else io.BytesIO(self._data)
