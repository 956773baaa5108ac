"""Store benchmarks with 10,000 generated assessments: the Clients page and one client's history
view (AppTest reruns, each against a floor page with the same widgets measured in the same run),
and the cost of one autosave (write_cells of one answer, as a session writes it, on that database).

`python -m bench.bench_store` prints the figures as JSON. Targets: Clients page rerun ≤ 0.3 s,
one autosave ≤ 20 ms.
"""
from __future__ import annotations

import json
import os
import random
import statistics
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
N_ASSESSMENTS = 10_000
HISTORY_CLIENT_ASSESSMENTS = 20
RERUNS = 21
SAVES = 200
ANSWERS = (0, 1, 2, 3, 4, "na", "unknown")
FIRST = ["Καφέ", "Φούρνος", "Ταβέρνα", "Κομμωτήριο", "Βιβλιοπωλείο", "Ζαχαροπλαστείο", "Φαρμακείο", "Ξενοδοχείο",
         "Ανθοπωλείο", "Οπτικά", "Γυμναστήριο", "Ψητοπωλείο", "Studio", "Bistro", "Ηλεκτρολογικά"]
SECOND = [
    "Ήλιος",
    "Άλφα",
    "Ωμέγα",
    "Γαλήνη",
    "Ζωή",
    "Αύρα",
    "Θάλασσα",
    "Νεφέλη",
    "Όλυμπος",
    "Ίρις",
    "Δελφίνι",
    "Κέδρος",
]
CITIES = ["Αθήνα", "Θεσσαλονίκη", "Πάτρα", "Ηράκλειο", "Λάρισα", "Βόλος", "Ιωάννινα", "Χανιά", "Καβάλα", "Ρόδος"]


def generate(url: str, n: int = N_ASSESSMENTS, seed: int = 7) -> dict:
    """Bulk-insert n scored assessments (about four per client; one client with 20)."""
    from sqlalchemy import insert

    from assessment import cells, new_assessment
    from checklists import default_model
    from checklists.profile import SECTORS
    from i18n import sort_key
    from store import client_key, get_engine
    from store.denormalise import score_columns
    from store.schema import assessment_cells, assessments, clients

    rng = random.Random(seed)
    model = default_model()
    engine = get_engine(url)
    item_ids = list(model.items)
    start = datetime(2022, 1, 1, tzinfo=UTC)
    client_rows, assessment_rows, cell_rows = [], [], []
    names: list[str] = []
    sizes: list[int] = [HISTORY_CLIENT_ASSESSMENTS]
    while sum(sizes) < n:
        sizes.append(min(rng.randint(1, 7), n - sum(sizes)))
    for k, size in enumerate(sizes):
        name = f"{rng.choice(FIRST)} {rng.choice(SECOND)} {k:05d}" if k else "Αρχοντικό Ιστορικό"
        city, sector = rng.choice(CITIES), rng.choice(SECTORS)
        cid = uuid.uuid4().hex
        key = client_key(name)
        client_rows.append({"id": cid, "name": name, "name_key": key, "name_sort_key": sort_key(name)[0],
                            "sector": sector, "city": city,
                            "created_at": start, "deleted_at": None})
        names.append(name)
        for j in range(size):
            when = start + timedelta(days=75 * j + rng.randint(0, 30), hours=rng.randint(8, 18))
            a = new_assessment(model)
            a.company.name, a.company.city, a.company.sector = name, city, sector
            a.created_at = a.updated_at = when.replace(microsecond=0).isoformat()
            level = rng.random()
            for item_id in item_ids:
                if rng.random() < 0.9:
                    a.set_value(item_id, rng.choice(ANSWERS[: 1 + int(level * 5)] + ("na",)))
            a.updated_at = a.created_at
            cell_rows.extend({"assessment_id": a.id, "path": path, "value": cells.dumps(value), "rev": 1,
                              "updated_at": when, "updated_by": None} for path, value in cells.flatten(a).items())
            assessment_rows.append({"id": a.id, "client_id": cid, "rev": 1,
                                    "model_version": a.model_version, "company_name": name, "created_at": when,
                                    "updated_at": when, "deleted_at": None, **score_columns(a, model)})
    with engine.begin() as conn:
        conn.execute(insert(clients), client_rows)
        for i in range(0, len(assessment_rows), 2000):
            conn.execute(insert(assessments), assessment_rows[i:i + 2000])
        for i in range(0, len(cell_rows), 20000):
            conn.execute(insert(assessment_cells), cell_rows[i:i + 20000])
    return {"clients": len(client_rows), "assessments": len(assessment_rows), "history_client": client_rows[0]["id"]}


def _median_rerun(at: AppTest, n: int) -> float:
    at.run()
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def _compare(ours: AppTest, floor: AppTest) -> dict:
    o, f = [], []
    for _ in range(3):
        f.append(_median_rerun(floor, RERUNS // 3))
        o.append(_median_rerun(ours, RERUNS // 3))
    om, fm = statistics.median(o), statistics.median(f)
    return {"ours_ms": round(om * 1000, 1), "floor_ms": round(fm * 1000, 1), "ratio": round(om / fm, 2)}


def autosave_cost(url: str) -> dict:
    from assessment import new_assessment
    from checklists import default_model
    from store import get_engine, save_assessment, write_cells

    model = default_model()
    engine = get_engine(url)
    a = new_assessment(model)
    a.company.name = "Καφέ Ήλιος 00001"
    seen = dict(save_assessment(engine, a, model).saved)
    ids = list(model.items)
    times = []
    for n in range(SAVES):
        path = f"answers.{ids[n % len(ids)]}.value"
        t0 = time.perf_counter()
        result = write_cells(engine, a.id, {path: (ANSWERS[n % 5], seen.get(path)),
                                            "updated_at": (a.updated_at, None)}, model)
        times.append(time.perf_counter() - t0)
        seen.update(result.saved)
    times.sort()
    return {"median_ms": round(statistics.median(times) * 1000, 2),
            "p95_ms": round(times[int(0.95 * len(times))] * 1000, 2), "saves": SAVES}


def run() -> dict:
    tmp = Path(tempfile.mkdtemp(prefix="cxaudit-bench-"))
    url = f"sqlite:///{tmp / 'bench.sqlite'}"
    old_url = os.environ.get("CXAUDIT_DATABASE_URL")
    os.environ["CXAUDIT_DATABASE_URL"] = url
    try:
        t0 = time.perf_counter()
        data = generate(url)
        data["generate_s"] = round(time.perf_counter() - t0, 1)

        ours = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        ours.run()
        ours.switch_page("pages/clients.py")
        os.environ["BENCH_HISTORY"] = "0"
        floor = AppTest.from_file(str(ROOT / "bench" / "floor_clients.py"), default_timeout=60)
        clients_page = _compare(ours, floor)

        ours.session_state["clients_selected"] = data["history_client"]
        os.environ["BENCH_HISTORY"] = "1"
        os.environ["BENCH_HISTORY_ROWS"] = str(HISTORY_CLIENT_ASSESSMENTS)
        floor_h = AppTest.from_file(str(ROOT / "bench" / "floor_clients.py"), default_timeout=60)
        history_view = _compare(ours, floor_h)
        assert not ours.exception, ours.exception
        ours.session_state["clients_selected"] = None
        search = ours.text_input(key="clients_search").set_value("ηλιος")
        search.run()
        search_view = {"ours_ms": round(_median_rerun(ours, RERUNS) * 1000, 1)}
        return {"data": data, "clients_page": clients_page, "history_view": history_view,
                "clients_page_with_search": search_view, "autosave": autosave_cost(url),
                "targets": {"clients_page_ms": 300, "autosave_ms": 20}}
    finally:
        if old_url is None:
            os.environ.pop("CXAUDIT_DATABASE_URL", None)
        else:
            os.environ["CXAUDIT_DATABASE_URL"] = old_url


if __name__ == "__main__":
    print(json.dumps(run(), indent=2, ensure_ascii=False))
