"""XLSX "zip bombs" for the tests and for bench/: a few hundred kB that unpack to a sheet of
millions of rows (the rows are identical, so they compress about 1000:1)."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl


def zip_bomb(rows: int, *, declared_rows: int | None = None, path: Path | None = None) -> bytes:
    """A valid workbook whose one sheet has a header and ``rows`` answers "10" (NPS).

    ``declared_rows`` writes a <dimension> that lies (None: the true one)."""
    wb = openpyxl.Workbook()
    wb.active.append(["NPS"])
    small = io.BytesIO()
    wb.save(small)
    dim = (declared_rows if declared_rows is not None else rows) + 1
    head = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f'<dimension ref="A1:A{dim}"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>NPS</t></is></c></row>')
    out = io.BytesIO()
    with zipfile.ZipFile(small) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as dst:
        for info in src.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                dst.writestr(info, src.read(info.filename))
                continue
            with dst.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
                fh.write(head.encode())
                row = b"<row><c><v>10</v></c></row>"  # row and cell numbers are optional
                chunk = 20_000
                for start in range(0, rows, chunk):
                    fh.write(row * min(chunk, rows - start))
                fh.write(b"</sheetData></worksheet>")
    data = out.getvalue()
    if path is not None:
        path.write_bytes(data)
    return data
