"""A small, hand-checkable audit model for unit tests, written to a temp dir as real YAML files.

Every pillar has 8 items; item weights, critical flags and actions are chosen so that scoring
expectations can be computed by hand in the tests.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from checklists.loader import CONTENT_DIR
from checklists.model import PILLAR_IDS

ROOT_DIR = Path(__file__).resolve().parent.parent

PREFIX = {"cx_plan": "PLAN", "segmentation": "SEG", "emotional_connection": "EMO",
          "training": "TRN", "measurement": "MEAS"}


def tx(s: str) -> dict:
    return {"el": f"{s} (ελ)", "en": s}


def item(prefix: str, n: int, weight: int = 1, critical: bool = False, effort: str = "S", impact: int = 1) -> dict:
    return {
        "id": f"{prefix}-{n:02d}", "text": tx(f"Question {prefix}-{n:02d}?"), "why": tx("Why"),
        "evidence": tx("Evidence"), "weight": weight, "critical": critical,
        "source": "000_e6431eb691245990.txt",
        "action": {"text": tx(f"Do {prefix}-{n:02d}"), "effort": effort, "impact": impact,
                   "horizon_days": 30, "kpi": tx("KPI")},
    }


def pillar(pid: str, order: int, weight: float = 1, items: list[dict] | None = None) -> dict:
    prefix = PREFIX[pid]
    return {
        "id": pid, "prefix": prefix, "order": order, "weight": weight,
        "title": tx(f"Pillar {pid}"), "short_title": tx(prefix), "description": tx("Description"),
        "items": items or [item(prefix, n) for n in range(1, 9)],
    }


def write_model(dest: Path, pillars: dict[str, dict] | None = None, meta: dict | None = None) -> Path:
    """Write model.yaml (copied from the shipped one, with `meta` keys replaced) and five pillar
    files into dest."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(CONTENT_DIR / "model.yaml", dest / "model.yaml")
    if meta:
        data = yaml.safe_load((dest / "model.yaml").read_text(encoding="utf-8"))
        data.update(meta)
        (dest / "model.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    pillars = pillars or {}
    for order, pid in enumerate(PILLAR_IDS, start=1):
        data = pillars.get(pid) or pillar(pid, order)
        (dest / f"{pid}.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return dest
