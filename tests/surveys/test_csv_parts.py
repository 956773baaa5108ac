"""surveys.csv_parts: the input unmapped off the critical path, and categorical codes narrowed
before the conversion to pandas, with the same DataFrame as before."""
import mmap
import threading

import pyarrow as pa

from surveys import csv_parts


def _join_unmapping():
    for thread in threading.enumerate():
        if thread.name == csv_parts.UNMAP_THREAD:
            thread.join()


def _mapped(tmp_path, text=b"nps,store\n9,A\n"):
    path = tmp_path / "s.csv"
    path.write_bytes(text)
    data = csv_parts.whole_input(str(path))
    assert isinstance(data, mmap.mmap)
    return data


def test_release_unmaps_the_file_on_its_own_thread(tmp_path):
    data = _mapped(tmp_path)
    csv_parts.release(data)
    _join_unmapping()
    assert data.closed


def test_release_leaves_an_input_still_in_use_alone(tmp_path):
    data = _mapped(tmp_path)
    view = pa.py_buffer(data)   # a pyarrow buffer over the mapping, still alive
    csv_parts.release(data)     # no error, on this thread or the other
    _join_unmapping()
    assert not data.closed and view.to_pybytes() == b"nps,store\n9,A\n"
    del view
    data.close()


def test_release_of_bytes_does_nothing():
    csv_parts.release(b"nps\n9\n")


def test_codes_narrowed_as_pandas_narrows_them():
    many = pa.array([f"d{i % 300}" for i in range(5_000)]).dictionary_encode()
    few = pa.array([["Α", None, "Β"][i % 3] for i in range(5_000)]).dictionary_encode()
    huge = pa.array([f"v{i}" for i in range(40_000)]).dictionary_encode()
    table = pa.table({"many": many, "few": few, "n": pa.array([i % 11 for i in range(5_000)], pa.int8())})
    narrowed = csv_parts.pandas_codes(table)
    assert narrowed.schema.field("many").type.index_type == pa.int16()
    assert narrowed.schema.field("few").type.index_type == pa.int8()
    assert narrowed.schema.field("n").type == pa.int8()
    before, after = table.to_pandas(), narrowed.to_pandas()
    assert after.equals(before)
    for col in ("many", "few"):
        assert after[col].cat.codes.dtype == before[col].cat.codes.dtype
        assert list(after[col].cat.categories) == list(before[col].cat.categories)
    wide = pa.table({"huge": huge})
    assert csv_parts.pandas_codes(wide).schema.field("huge").type.index_type == pa.int32()
