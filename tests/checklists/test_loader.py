"""The content loader: the shipped model is complete, and broken files say exactly where."""
import json
import re
import subprocess
import sys

import pytest
import yaml

from checklists import ContentError, load_model
from checklists.model import PILLAR_IDS
from fixture_model import ROOT_DIR, item, pillar, write_model


def test_shipped_model_is_complete(shipped_model):
    assert [p.id for p in shipped_model.pillars] and sorted(p.id for p in shipped_model.pillars) == sorted(PILLAR_IDS)
    assert all(len(p.items) >= 8 for p in shipped_model.pillars)
    assert sum(len(p.items) for p in shipped_model.pillars) >= 45
    sources = {s.file for s in shipped_model.sources}
    for p in shipped_model.pillars:
        for it in p.items:
            assert it.id.startswith(p.prefix + "-")
            assert it.source in sources
            for text in (it.text, it.why, it.evidence, it.action.text, it.action.kpi):
                assert text.el.strip() and text.en.strip() and text.el != text.en


def test_every_seed_article_feeds_some_item(shipped_model):
    used = {it.source for it in shipped_model.items.values()}
    seeds = {s.file for s in shipped_model.sources if s.file != "practice"}
    assert seeds <= used


def test_cli_json_has_the_documented_shape():
    out = subprocess.run([sys.executable, "-m", "checklists", "--json"], cwd=ROOT_DIR, capture_output=True, text=True,
                         check=True)
    data = json.loads(out.stdout)
    assert {"version", "answer_scale", "levels", "pillars"} <= set(data)
    assert [o["value"] for o in data["answer_scale"]] == [0, 1, 2, 3, 4, "na", "unknown"]
    assert [lv["level"] for lv in data["levels"]] == [1, 2, 3, 4, 5]
    first = data["pillars"][0]["items"][0]
    assert {"id", "text", "weight", "critical", "source", "action"} <= set(first)
    assert {"text", "effort", "impact", "horizon_days", "kpi"} <= set(first["action"])


def test_cli_summary_and_broken_dir(tmp_path):
    ok = subprocess.run([sys.executable, "-m", "checklists", "--lang", "en"], cwd=ROOT_DIR, capture_output=True,
                        text=True)
    assert ok.returncode == 0 and "pillars: 5" in ok.stdout
    bad = subprocess.run([sys.executable, "-m", "checklists", "--dir", str(tmp_path)], cwd=ROOT_DIR,
                         capture_output=True, text=True)
    assert bad.returncode == 2 and "model.yaml" in bad.stderr and "Traceback" not in bad.stderr


def _broken(tmp_path, mutate):
    items = [item("PLAN", n) for n in range(1, 9)]
    data = pillar("cx_plan", 1, items=items)
    mutate(data)
    return write_model(tmp_path, {"cx_plan": data})


@pytest.mark.parametrize("mutate,expected", [
    (lambda d: d["items"][2]["text"].pop("el"), ["cx_plan.yaml", "item PLAN-03", "text.el"]),
    (lambda d: d["items"][4].update(weight=7), ["cx_plan.yaml", "item PLAN-05", "weight"]),
    (lambda d: d["items"][1]["action"].update(effort="XL"), ["item PLAN-02", "action.effort"]),
    (lambda d: d["items"][0]["action"].update(horizon_days=45), ["item PLAN-01", "action.horizon_days"]),
    (lambda d: d["items"][5].update(id="SEG-06"), ["PLAN-"]),
    (lambda d: d["items"][6].update(source="nowhere.txt"), ["PLAN-07", "nowhere.txt"]),
    (lambda d: d["items"][3]["why"].update(en="   "), ["item PLAN-04", "why.en"]),
    (lambda d: d.update(items=d["items"][:5]), ["cx_plan.yaml", "items"]),
    (lambda d: d["items"][7].update(surprise=1), ["item PLAN-08", "surprise"]),
])
def test_broken_content_names_file_item_and_field(tmp_path, mutate, expected):
    with pytest.raises(ContentError) as err:
        load_model(_broken(tmp_path, mutate))
    for part in expected:
        assert part in str(err.value)


def test_invalid_yaml_names_file_and_line(tmp_path):
    write_model(tmp_path)
    (tmp_path / "training.yaml").write_text("id: training\nitems: [\n  - broken", encoding="utf-8")
    with pytest.raises(ContentError, match=r"training\.yaml line \d+: not valid YAML"):
        load_model(tmp_path)


def test_missing_pillar_file(tmp_path):
    write_model(tmp_path)
    (tmp_path / "measurement.yaml").unlink()
    with pytest.raises(ContentError, match="measurement.yaml: file is missing"):
        load_model(tmp_path)


def test_answer_scale_must_be_complete(tmp_path):
    write_model(tmp_path)
    meta = yaml.safe_load((tmp_path / "model.yaml").read_text(encoding="utf-8"))
    meta["answer_scale"] = meta["answer_scale"][:5]
    (tmp_path / "model.yaml").write_text(yaml.safe_dump(meta, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ContentError, match="model.yaml.*answer_scale"):
        load_model(tmp_path)


@pytest.mark.parametrize("locale", ["C.UTF-8", "en_US.UTF-8"])
def test_cli_summary_is_greek_by_default_whatever_the_terminal(locale):
    """`make run` starts with this summary: Greek, like the app, also in an English terminal."""
    env = {"PATH": "/usr/bin:/bin", "LANG": locale, "LC_ALL": locale}
    out = subprocess.run([sys.executable, "-m", "checklists"], cwd=ROOT_DIR, capture_output=True, text=True,
                         env=env, check=True).stdout
    assert out.startswith("Μοντέλο ελέγχου ") and "ενότητες: 5" in out and "Σχέδιο για την εμπειρία του πελάτη" in out
    assert re.search(r"γρήγορες νίκες: \d+ \(\d+ %\)", out) and re.search(r"ρουτίνας τον μήνα: \d+(,\d)? ", out)
    words = re.sub(r"\b(?:[a-z_]+|PLAN|SEG|EMO|TRN|MEAS)\b", "", out)  # pillar ids and prefixes are ids
    assert not re.search("[A-Za-z]", words), out
    profile = subprocess.run([sys.executable, "-m", "checklists", "--profile", "sector=health,size=1-9"],
                             cwd=ROOT_DIR, capture_output=True, text=True, env=env, check=True).stdout
    assert "Προφίλ Υγεία" in profile and "Έως 9 άτομα" in profile
    english = subprocess.run([sys.executable, "-m", "checklists", "--lang", "en"], cwd=ROOT_DIR,
                             capture_output=True, text=True, env=env, check=True).stdout
    assert english.startswith("Audit model ") and not re.search("[α-ωΑ-Ω]", english)
