"""pyarrow's parse of a whole CSV input held in memory (the upload's bytes, or a file mapped
into memory): when no value can hold a line break, in two halves on two threads.

Why halves: on two cores pyarrow's own parallel read spends about a sixth more CPU than two
single-threaded reads of a half each (it splits the input into 1 MB blocks and hands them
between threads), and with the machine shared it loses more wall time waiting for its blocks.
Each half is a read of its own; the second is told the column names and gets no header.
Both start their type inference afresh, as pyarrow's one read does from its first block, so
when the two halves do not come out with the same column types the input is read again in one
go, and the result is always that of one read.
"""
from __future__ import annotations

import io
import mmap
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

BLOCK_SIZE = 1 << 20        # pyarrow's default, for one read of the whole input
PART_BLOCK_SIZE = 4 << 20   # a half is read on one thread: larger blocks, fewer dictionaries
MIN_SPLIT_BYTES = 4 << 20   # below this one read is as quick
PARTS = 2 if (os.cpu_count() or 1) >= 2 else 1
UNMAP_THREAD = "unmap-survey-input"


def whole_input(buf: Any) -> bytes | mmap.mmap:
    """The input as one bytes-like object with ``find``: bytes as they are, a file mapped
    into memory (the parse reads every page of it anyway; nothing is copied)."""
    if isinstance(buf, (bytes, bytearray)):
        return buf
    if isinstance(buf, io.BytesIO):
        return buf.getvalue()  # shares the buffer of a BytesIO made from bytes: no copy
    with open(buf, "rb") as fh:
        try:
            return mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):  # e.g. a pipe or an empty file
            return fh.read()


def release(data: bytes | mmap.mmap) -> None:
    """Done with the input: a file mapped into memory is unmapped on a thread of its own.
    Unmapping a 36 MB file takes 3-10 ms in the kernel (the interpreter lock released), which
    then runs on the other core beside the conversion to pandas instead of before it. Still
    exported (a pyarrow buffer over it alive): left to the garbage collector, as before."""
    if not isinstance(data, mmap.mmap):
        return

    def close() -> None:
        try:
            data.close()
        except BufferError:
            pass

    threading.Thread(target=close, name=UNMAP_THREAD, daemon=True).start()


def read_whole(data: bytes | mmap.mmap, *, quoted: bool | None, names: list[str] | None,
               parse: pacsv.ParseOptions, convert: pacsv.ConvertOptions) -> tuple[pa.Table, bool]:
    """Read ``data`` with pyarrow; returns the table and whether ``data`` holds a quote.

    ``quoted``: whether it holds one (then a value may hold a line break), None when not known
    yet. In halves on two threads when no value can hold a line break, the column names are
    known from the head and the input is big enough. Not known yet, the input is not scanned
    first (36 MB, single-threaded, on the critical path): the halves are read with quotes off
    and look for one in their own text values, where any quote of the input would be (in a
    number or a boolean it fails the read). A quote found, the input is read again the ordinary
    way; a read that failed with quotes off scans the input for one first. The table, and any
    error, are always those of a read with quotes."""
    whole = pa.py_buffer(data)
    splittable = bool(names) and PARTS >= 2 and len(data) >= MIN_SPLIT_BYTES
    cut = data.find(b"\n", len(data) // 2) + 1 if splittable else 0
    if quoted or cut <= 0 or cut >= len(data):
        quoted = data.find(b'"') >= 0 if quoted is None else quoted
        return _read(whole, None, BLOCK_SIZE, True, _options(parse, newlines_in_values=quoted),
                     convert), quoted
    look = quoted is None
    half_parse = _options(parse, quote_char=False, newlines_in_values=False) if look else parse
    try:
        with ThreadPoolExecutor(max_workers=1) as pool:
            second = pool.submit(_read_half, whole.slice(cut), names, half_parse, convert, look)
            first = _read_half(whole.slice(0, cut), None, half_parse, convert, look)
            rest = second.result()
    except pa.ArrowInvalid:
        if not look or data.find(b'"') < 0:
            raise  # no quote anywhere: quotes off read what quotes on read, this same error
        first = rest = None
    if first is None or rest is None:  # a quote: read again in one go, line breaks in values
        return read_whole(data, quoted=True, names=names, parse=parse, convert=convert)
    if _as_read(first.schema) != _as_read(rest.schema):
        return _read(whole, None, BLOCK_SIZE, True, parse, convert), False
    return pa.concat_tables(_same_codes(first, rest)), False


_PARSE_FIELDS = ("delimiter", "quote_char", "double_quote", "escape_char", "newlines_in_values",
                 "ignore_empty_lines")


def _options(parse: pacsv.ParseOptions, **changes: Any) -> pacsv.ParseOptions:
    """``parse`` with ``changes``."""
    return pacsv.ParseOptions(**{**{k: getattr(parse, k) for k in _PARSE_FIELDS}, **changes})


def _holds_quote(table: pa.Table) -> bool:
    """Whether a text value (a dictionary's, for a dictionary-encoded column) holds a quote."""
    for col in table.columns:
        if pa.types.is_dictionary(col.type):
            texts = [ch.dictionary for ch in col.chunks]
        elif pa.types.is_string(col.type) or pa.types.is_large_string(col.type):
            texts = col.chunks
        else:
            continue
        if any(pc.any(pc.match_substring(t, '"')).as_py() for t in texts):
            return True
    return False


def _read_half(buf: pa.Buffer, names: list[str] | None, parse: pacsv.ParseOptions,
               convert: pacsv.ConvertOptions, look: bool) -> pa.Table | None:
    """One half on one thread, its dictionary-encoded columns merged into one chunk there and
    their indices narrowed (:func:`half_codes`), in parallel with the other half: what is left
    to do afterwards is merging two chunks of one- or two-byte codes. ``look``: read with
    quotes off, None when a text value holds a quote."""
    table = _read(buf, names, PART_BLOCK_SIZE, False, parse, convert)
    if look and _holds_quote(table):
        return None
    return half_codes(one_dictionary(table))


# A half's dictionary below these sizes: the two halves' merged dictionary (at most twice as
# large) still fits the type pandas gives its categorical (int8 below 128 values, int16 below
# 32,768), so the codes can be narrowed before the halves meet.
_HALF_CODES = ((pa.int8(), 64), (pa.int16(), 16_384))


def half_codes(table: pa.Table) -> pa.Table:
    """A half's dictionary indices (one chunk each) cast from pyarrow's int32 to a type that
    both halves' merged dictionary fits: done here on the half's thread, beside the other half's
    parse, instead of one column after the other once the halves are merged (the cast releases
    the interpreter lock). :func:`pandas_codes` still narrows whatever is left afterwards, so the
    codes pandas gets are the same."""
    columns = list(table.columns)
    done = False
    for i, col in enumerate(columns):
        if not pa.types.is_dictionary(col.type) or col.num_chunks != 1:
            continue
        size = len(col.chunk(0).dictionary)
        typ = next((t for t, limit in _HALF_CODES if size < limit), None)
        if typ is not None and typ != col.type.index_type:
            columns[i] = _with_codes(col, typ)
            done = True
    return pa.Table.from_arrays(columns, names=table.column_names) if done else table


def _as_read(schema: pa.Schema) -> list[tuple[str, pa.DataType]]:
    """Column names and types as pyarrow read them (dictionary indices as int32, whatever
    :func:`half_codes` made of them): what the two halves must agree on."""
    return [(f.name, pa.dictionary(pa.int32(), f.type.value_type)
             if pa.types.is_dictionary(f.type) else f.type) for f in schema]


def _same_codes(first: pa.Table, rest: pa.Table) -> list[pa.Table]:
    """The two halves with the same index type in each dictionary-encoded column (the wider of
    the two, when one half has many more distinct values than the other)."""
    a, b = list(first.columns), list(rest.columns)
    for i, (x, y) in enumerate(zip(a, b, strict=True)):
        if pa.types.is_dictionary(x.type) and x.type != y.type:
            wide = max(x.type.index_type, y.type.index_type, key=lambda t: t.bit_width)
            a[i], b[i] = _with_codes(x, wide), _with_codes(y, wide)
    return [pa.Table.from_arrays(a, names=first.column_names),
            pa.Table.from_arrays(b, names=rest.column_names)]


def one_dictionary(table: pa.Table) -> pa.Table:
    """Dictionary-encoded columns as one chunk over one dictionary: pyarrow encodes each block
    with its own dictionary; merged once, the checks after the read and the conversion to a
    pandas categorical handle one dictionary of a few hundred values, not one per block."""
    if not any(pa.types.is_dictionary(t) for t in table.schema.types):
        return table
    table = table.unify_dictionaries()
    return pa.Table.from_arrays(
        [pa.chunked_array([col.combine_chunks()], col.type)
         if pa.types.is_dictionary(col.type) and col.num_chunks > 1 else col
         for col in table.columns], names=table.column_names)


def pandas_codes(table: pa.Table) -> pa.Table:
    """Dictionary-encoded columns (one chunk each, see :func:`one_dictionary`) with their
    indices in the integer type pandas gives a categorical of that many values (int8 below 128,
    int16 below 32,768): the conversion to pandas then takes them as they are instead of
    narrowing a million int32 codes itself, one column after the other. Cast here, the columns
    are narrowed side by side on two threads (a cast releases the interpreter lock). Values,
    codes and categories are the same."""
    todo = [i for i, col in enumerate(table.columns)
            if pa.types.is_dictionary(col.type) and col.num_chunks == 1
            and _code_type(col) != col.type.index_type]
    if not todo:
        return table
    columns = list(table.columns)
    with ThreadPoolExecutor(max_workers=min(PARTS, len(todo))) as pool:
        for i, col in zip(todo, pool.map(_narrowed, [columns[i] for i in todo]), strict=True):
            columns[i] = col
    return pa.Table.from_arrays(columns, names=table.column_names)


def to_pandas(table: pa.Table) -> pd.DataFrame:
    """``table.to_pandas(split_blocks=True, self_destruct=True)``, built by hand when every
    column is a dictionary of text or numbers without gaps (the survey columns: dates, stores,
    scores): the categoricals from their codes and categories as they are (pyarrow's conversion
    checks every code again and goes through its generic block machinery: about 2 ms of the
    main thread for a million rows, against under 1 here). Anything else, e.g. a column with
    missing values or free text, is left to pyarrow. Same values, types, categories, index."""
    names = table.column_names
    data: dict[str, Any] = {}
    for name, col in zip(names, table.columns, strict=True):
        typ = col.type
        if col.null_count or name in data:
            break
        if pa.types.is_dictionary(typ) and pa.types.is_string(typ.value_type) and col.num_chunks == 1:
            ch = col.chunk(0)
            data[name] = pd.Categorical.from_codes(ch.indices.to_numpy(), validate=False,
                                                   categories=pd.Index(ch.dictionary.to_pandas()))
        elif pa.types.is_integer(typ) or pa.types.is_floating(typ):
            parts = [ch.to_numpy() for ch in col.chunks]
            data[name] = parts[0] if len(parts) == 1 else np.concatenate(parts)
        else:
            break
    else:
        if names:
            return pd.DataFrame(data, copy=False)
    return table.to_pandas(split_blocks=True, self_destruct=True)


def _code_type(col: pa.ChunkedArray) -> pa.DataType:
    size = len(col.chunk(0).dictionary)
    return pa.int8() if size < 128 else pa.int16() if size < 32_768 else col.type.index_type


def _narrowed(col: pa.ChunkedArray) -> pa.ChunkedArray:
    return _with_codes(col, _code_type(col))


def _with_codes(col: pa.ChunkedArray, typ: pa.DataType) -> pa.ChunkedArray:
    """A dictionary-encoded column with its indices in ``typ`` (same values, same dictionary).

    ``typ`` always holds every index (the callers choose it by the dictionary's size, and an
    index is below that size), so neither the cast nor the new array checks the indices again
    (pyarrow's overflow and bounds checks are each a pass over a million codes)."""
    return pa.chunked_array([pa.DictionaryArray.from_arrays(ch.indices.cast(typ, safe=False), ch.dictionary,
                                                            safe=False)
                             for ch in col.chunks], pa.dictionary(typ, col.type.value_type))


def _read(buf: pa.Buffer, names: list[str] | None, block_size: int, threads: bool,
          parse: pacsv.ParseOptions, convert: pacsv.ConvertOptions) -> pa.Table:
    read = pacsv.ReadOptions(use_threads=threads, block_size=block_size,
                             **({"column_names": names} if names else {}))
    return pacsv.read_csv(pa.BufferReader(buf), read_options=read, parse_options=parse,
                          convert_options=convert)
