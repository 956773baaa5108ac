"""Bad files of every kind, shared by the unit, CLI and page tests: each is something a person
could really upload (a file from another tool, a hand edit gone wrong, or a hostile file)."""
from __future__ import annotations

import io
import json
import struct
import zlib

GOOD_SURVEY = {
    "metric": "nps", "column": "Σύσταση", "value": 32.0, "n": 214, "ci_low": 22.1, "ci_high": 41.0,
    "ci_method": "adjusted_wald", "period_from": "2026-01", "period_to": "2026-03",
    "period_label": {"el": "Ιαν–Μαρ 2026", "en": "Jan–Mar 2026"}, "scale": "0-10",
    "formula_id": "nps_promoters_minus_detractors",
    "formula": "NPS = 100 × (promoters [9–10] − detractors [0–6]) / n, range −100…+100",
    "higher_is_better": True, "source": "έρευνα.csv", "segment_column": None, "invalid": 2,
    "saved_at": "2026-04-01T10:00:00+00:00",
}


def document(model, **overrides) -> dict:
    """A valid assessment document for `model`, answering its first item, with one survey result."""
    first = next(iter(model.items))
    doc = {"schema_version": 1, "id": "a" * 32, "model_version": model.version, "language": "el",
           "company": {"name": "Φούρνος «Η Ζύμη»", "sector": "food_service", "size": "micro", "city": "Βόλος"},
           "assessor": {"name": "Μαρία", "organisation": ""},
           "created_at": "2026-11-01T09:00:00+00:00", "updated_at": "2026-11-01T10:00:00+00:00",
           "answers": {first: {"value": 3, "note": "σημείωση"}},
           "plan": {"targets": {}, "actions": {}}, "surveys": [dict(GOOD_SURVEY)]}
    doc.update(overrides)
    return doc


def deep_json(depth: int = 100_000) -> bytes:
    """Nested lists far deeper than Python's recursion limit (a RecursionError before)."""
    return b'{"answers": {}, "surveys": ' + b"[" * depth + b"]" * depth + b"}"


def duplicate_key_json(model, where: str = "top") -> bytes:
    """A valid document with one key written twice (top level, inside company, or inside an answer)."""
    text = json.dumps(document(model), ensure_ascii=False)
    first = next(iter(model.items))
    if where == "top":
        text = text.replace('"language": "el"', '"language": "el", "language": "en"', 1)
    elif where == "company":
        text = text.replace('"name": "Φούρνος', '"name": "Άλλο", "name": "Φούρνος', 1)
    elif where == "answer":
        text = text.replace(f'"{first}": {{"value": 3', f'"{first}": {{"value": 0, "value": 3', 1)
    else:
        raise ValueError(where)
    return text.encode("utf-8")


# A survey result the Measure and Measurement pages cannot show: each was imported before and then
# crashed those pages (value as text, n as text, the entry not even an object, …).
BAD_SURVEYS = {
    "value_text": {**GOOD_SURVEY, "value": "πολύ καλό"},
    "n_text": {**GOOD_SURVEY, "n": "214"},
    "n_negative": {**GOOD_SURVEY, "n": -3},
    "interval_text": {**GOOD_SURVEY, "ci_low": "22"},
    "metric_unknown": {**GOOD_SURVEY, "metric": "wow"},
    "metric_missing": {k: v for k, v in GOOD_SURVEY.items() if k != "metric"},
    "label_number": {**GOOD_SURVEY, "period_label": 5},
    "scale_number": {**GOOD_SURVEY, "scale": 7},
    "unknown_field": {**GOOD_SURVEY, "kind": "nps"},
    "not_an_object": "NPS +32",
    "bool_for_number": {**GOOD_SURVEY, "n": True},
    "off_the_scale": {**GOOD_SURVEY, "value": 250.0},
    "interval_reversed": {**GOOD_SURVEY, "ci_low": 41.0, "ci_high": 22.1},
    "period_text": {**GOOD_SURVEY, "period_from": "Ιανουάριος"},
}


def png(width: int = 40, height: int = 20) -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 30)).save(buf, format="PNG")
    return buf.getvalue()


def png_bomb(width: int = 200_000, height: int = 200_000) -> bytes:
    """A tiny PNG whose header declares 40 gigapixels (decoding it would need ~120 GB)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    # one row's worth of zeros, compressed: a few hundred bytes on disk
    idat = zlib.compress(b"\x00" * (1 + 3 * min(width, 100_000)), 9)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def gif() -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("P", (30, 30)).save(buf, format="GIF")
    return buf.getvalue()


SVG = (b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
       b'<rect width="10" height="10"/></svg>')

BAD_LOGOS = {
    "empty": b"",
    "text": b"not an image at all",
    "svg_renamed": SVG,
    "gif_renamed": None,      # filled lazily (needs PIL)
    "truncated_png": None,
    "png_bomb": None,
    "too_big": b"\x89PNG\r\n\x1a\n" + b"\x00" * (11 * 1024 * 1024),
}


def bad_logo(name: str) -> bytes:
    if name == "gif_renamed":
        return gif()
    if name == "truncated_png":
        return png(800, 800)[:300]
    if name == "png_bomb":
        return png_bomb()
    return BAD_LOGOS[name]
