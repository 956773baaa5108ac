"""Load and validate the audit content from YAML.

A broken file fails with ContentError naming the file, the item id and the field, so whoever
edits the content can fix it without reading a traceback.
"""
from __future__ import annotations

import functools
import os
from pathlib import Path

import yaml
from pydantic import ValidationError

from checklists.model import PILLAR_IDS, AuditModel, CarryStep, ModelMeta, Pillar

CONTENT_DIR = Path(__file__).parent / "content"


# libyaml's parser when PyYAML has it (its wheels do): the same documents, read several times faster.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class ContentError(ValueError):
    """The audit content is invalid; the message says where."""


def _read_yaml(path: Path) -> dict:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)  # noqa: S506 (a safe loader)
    except FileNotFoundError:
        raise ContentError(f"{path.name}: file is missing") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark else ""
        raise ContentError(f"{path.name}{where}: not valid YAML ({getattr(exc, 'problem', exc)})") from None
    if not isinstance(data, dict):
        raise ContentError(f"{path.name}: expected a mapping at the top level")
    return data


def _describe(exc: ValidationError, path: Path, data: dict) -> str:
    """First validation problem as 'file: item X: field a.b: message'."""
    err = exc.errors()[0]
    loc = list(err["loc"])
    item_id = None
    if len(loc) >= 2 and loc[0] == "items" and isinstance(loc[1], int):
        try:
            item_id = data["items"][loc[1]].get("id")
        except (IndexError, AttributeError, KeyError, TypeError):
            item_id = None
        item_id = item_id or f"#{loc[1] + 1}"
        loc = loc[2:]
    field = ".".join(str(x) for x in loc) or "(top level)"
    msg = err["msg"]
    parts = [path.name]
    if item_id:
        parts.append(f"item {item_id}")
    parts.append(f"field {field}: {msg}")
    return ": ".join(parts)


def load_model(content_dir: Path | str | None = None) -> AuditModel:
    # $CXAUDIT_CONTENT_DIR lets content authors try a draft without touching the shipped files.
    content_dir = Path(content_dir or os.environ.get("CXAUDIT_CONTENT_DIR") or CONTENT_DIR)
    meta_path = content_dir / "model.yaml"
    meta_data = _read_yaml(meta_path)
    try:
        meta = ModelMeta.model_validate(meta_data)
    except ValidationError as exc:
        raise ContentError(_describe(exc, meta_path, meta_data)) from None
    pillars = []
    for pid in PILLAR_IDS:
        path = content_dir / f"{pid}.yaml"
        data = _read_yaml(path)
        try:
            pillars.append(Pillar.model_validate(data))
        except ValidationError as exc:
            raise ContentError(_describe(exc, path, data)) from None
    pillars.sort(key=lambda p: p.order)
    carryover = []
    carry_path = content_dir / "carryover.yaml"
    if carry_path.exists():  # optional: a content draft may start a new line of versions
        carry_data = _read_yaml(carry_path)
        try:
            carryover = [CarryStep.model_validate(s) for s in carry_data.get("steps") or []]
        except ValidationError as exc:
            raise ContentError(f"{carry_path.name}: {exc.errors()[0]['loc']}: {exc.errors()[0]['msg']}") from None
    try:
        return AuditModel(**meta.model_dump(), pillars=pillars, carryover=carryover)
    except ValidationError as exc:
        raise ContentError(f"{content_dir.name}: {exc.errors()[0]['msg']}") from None


@functools.lru_cache(maxsize=1)
def default_model() -> AuditModel:
    """The content model, loaded once per process."""
    return load_model()
