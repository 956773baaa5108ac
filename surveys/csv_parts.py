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

import pyarrow as pa
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


def read_whole(data: bytes | mmap.mmap, *, multiline: bool, names: list[str] | None,
               parse: pacsv.ParseOptions, convert: pacsv.ConvertOptions) -> pa.Table:
    """Read ``data`` with pyarrow; in halves on two threads when no value can hold a line break
    (``multiline`` False), the column names are known from the head and it is big enough."""
    whole = pa.py_buffer(data)
    if multiline or not names or PARTS < 2 or len(data) < MIN_SPLIT_BYTES:
        return _read(whole, None, BLOCK_SIZE, True, parse, convert)
    cut = data.find(b"\n", len(data) // 2) + 1
    if cut <= 0 or cut >= len(data):
        return _read(whole, None, BLOCK_SIZE, True, parse, convert)
    with ThreadPoolExecutor(max_workers=1) as pool:
        second = pool.submit(_read_half, whole.slice(cut), names, parse, convert)
        first = _read_half(whole.slice(0, cut), None, parse, convert)
        rest = second.result()
    if not first.schema.equals(rest.schema):
        return _read(whole, None, BLOCK_SIZE, True, parse, convert)
    return pa.concat_tables([first, rest])


def _read_half(buf: pa.Buffer, names: list[str] | None, parse: pacsv.ParseOptions,
               convert: pacsv.ConvertOptions) -> pa.Table:
    """One half on one thread, its dictionary-encoded columns merged into one chunk there (in
    parallel with the other half; what is left to merge afterwards is two chunks)."""
    return one_dictionary(_read(buf, names, PART_BLOCK_SIZE, False, parse, convert))


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


def _code_type(col: pa.ChunkedArray) -> pa.DataType:
    size = len(col.chunk(0).dictionary)
    return pa.int8() if size < 128 else pa.int16() if size < 32_768 else col.type.index_type


def _narrowed(col: pa.ChunkedArray) -> pa.ChunkedArray:
    chunk = col.chunk(0)
    return pa.chunked_array([pa.DictionaryArray.from_arrays(
        chunk.indices.cast(_code_type(col)), chunk.dictionary)])


def _read(buf: pa.Buffer, names: list[str] | None, block_size: int, threads: bool,
          parse: pacsv.ParseOptions, convert: pacsv.ConvertOptions) -> pa.Table:
    read = pacsv.ReadOptions(use_threads=threads, block_size=block_size,
                             **({"column_names": names} if names else {}))
    return pacsv.read_csv(pa.BufferReader(buf), read_options=read, parse_options=parse,
                          convert_options=convert)
