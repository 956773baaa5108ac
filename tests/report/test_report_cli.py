"""python -m report: success in both languages, one-line errors with status 2, same PDF as the app."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest
from report_fixtures import HOSTILE, answered, full_assessment, pdf_pages

from bad_inputs import bad_logo, deep_json
from report import pdf_for

ROOT = Path(__file__).resolve().parents[2]


def run(*args, env_dir=None):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    if env_dir:
        env["CXAUDIT_CONTENT_DIR"] = str(env_dir)
    return subprocess.run([sys.executable, "-m", "report", *map(str, args)], cwd=ROOT, env=env,
                          capture_output=True, timeout=120)


@pytest.fixture(scope="module")
def content(model, tmp_path_factory):
    from report_fixtures import greek_pillars

    from fixture_model import write_model

    return write_model(tmp_path_factory.mktemp("cli_content"), greek_pillars())


def write(tmp_path, a, name="a.json") -> Path:
    path = tmp_path / name
    path.write_text(a.to_json(), encoding="utf-8")
    return path


@pytest.mark.parametrize("lang", ["el", "en"])
def test_cli_builds_and_matches_the_app(model, content, tmp_path, lang):
    a = full_assessment(model, company={"name": HOSTILE["markup"]})
    src = write(tmp_path, a)
    out = tmp_path / "out.pdf"
    r = run(src, "-o", out, "--lang", lang, env_dir=content)
    assert r.returncode == 0, r.stderr.decode()
    assert r.stderr == b""
    cli_pages = pdf_pages(out.read_bytes())
    # The Plan page's download runs pdf_for on the session's assessment.
    from assessment import parse_assessment

    loaded, _ = parse_assessment(src.read_bytes(), model)
    app_pages = pdf_pages(pdf_for(model, loaded, lang))
    assert len(cli_pages) == len(app_pages)
    assert [p.replace(" ", "") for p in cli_pages] == [p.replace(" ", "") for p in app_pages]


@pytest.mark.parametrize("case", ["no_gaps", "half", "empty"])
def test_cli_edge_assessments(model, content, tmp_path, case):
    a = {"no_gaps": lambda: answered(model, 4), "half": lambda: answered(model, 2, 0.5),
         "empty": lambda: answered(model, 2, 0)}[case]()
    out = tmp_path / "o.pdf"
    r = run(write(tmp_path, a), "-o", out, env_dir=content)
    assert r.returncode == 0, r.stderr.decode()
    # cover, summary, the plan; a section with no answers is a line of the summary, not a page
    assert len(pypdf.PdfReader(io.BytesIO(out.read_bytes())).pages) >= 3


def test_cli_logo_and_stdout(model, content, tmp_path):
    from PIL import Image

    logo = tmp_path / "logo.jpg"
    Image.new("RGB", (400, 200), "navy").save(logo)
    r = run(write(tmp_path, full_assessment(model)), "-o", "-", "--logo", logo, env_dir=content)
    assert r.returncode == 0 and r.stdout.startswith(b"%PDF")


def _bad_inputs(tmp_path: Path, model) -> dict[str, list]:
    good = write(tmp_path, full_assessment(model), "good.json")
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "list.json").write_text("[1, 2]", encoding="utf-8")
    (tmp_path / "value.json").write_text(json.dumps({"answers": {"PLAN-01": {"value": 9}}}), encoding="utf-8")
    (tmp_path / "unknown.json").write_text(
        json.dumps({"answers": {"NOPE-01": {"value": 1}}, "model_version": model.version}), encoding="utf-8"
    )
    (tmp_path / "latin1.json").write_bytes('{"answers": {}, "company": {"name": "Καφέ"}}'.encode("cp1253"))
    (tmp_path / "logo.png").write_bytes(b"this is text, not a picture")
    (tmp_path / "cut.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01")
    (tmp_path / "deep.json").write_bytes(deep_json())
    doc = json.loads(full_assessment(model).to_json())
    (tmp_path / "twice.json").write_text(json.dumps(doc).replace('"language": ', '"language": "en", "language": ', 1),
                                         encoding="utf-8")
    (tmp_path / "survey.json").write_text(json.dumps({**doc, "surveys": [{"metric": "nps", "value": "καλό"}]}),
                                          encoding="utf-8")
    (tmp_path / "gif.png").write_bytes(bad_logo("gif_renamed"))
    (tmp_path / "bomb.png").write_bytes(bad_logo("png_bomb"))
    out = tmp_path / "o.pdf"
    return {
        "deep nesting": [tmp_path / "deep.json", "-o", out],
        "duplicate key": [tmp_path / "twice.json", "-o", out],
        "bad survey": [tmp_path / "survey.json", "-o", out],
        "logo gif": [good, "-o", out, "--logo", tmp_path / "gif.png"],
        "logo bomb": [good, "-o", out, "--logo", tmp_path / "bomb.png"],
        "missing file": [tmp_path / "nope.json", "-o", out],
        "bad json": [tmp_path / "bad.json", "-o", out],
        "not an object": [tmp_path / "list.json", "-o", out],
        "bad value": [tmp_path / "value.json", "-o", out],
        "unknown item": [tmp_path / "unknown.json", "-o", out],
        "not utf-8": [tmp_path / "latin1.json", "-o", out],
        "bad language": [good, "-o", out, "--lang", "fr"],
        "no output": [good],
        "logo not an image": [good, "-o", out, "--logo", tmp_path / "logo.png"],
        "logo corrupt": [good, "-o", out, "--logo", tmp_path / "cut.png"],
        "logo missing": [good, "-o", out, "--logo", tmp_path / "nope.png"],
        "output dir missing": [good, "-o", tmp_path / "no" / "such" / "dir.pdf"],
        "directory as input": [tmp_path, "-o", out],
    }


def test_bad_inputs_get_status_2_and_one_line(model, content, tmp_path):
    for name, args in _bad_inputs(tmp_path, model).items():
        r = run(*args, env_dir=content)
        err = r.stderr.decode()
        assert r.returncode == 2, (name, err)
        assert err.count("\n") == 1 and err.startswith("error: "), (name, err)
        assert "Traceback" not in err


@pytest.mark.parametrize("ext,magic", [("pdf", b"%PDF"), ("docx", b"PK"), ("xlsx", b"PK")])
def test_cli_writes_the_format_of_the_extension(model, content, tmp_path, ext, magic):
    src = write(tmp_path, full_assessment(model))
    out = tmp_path / f"report.{ext}"
    r = run(src, "-o", out, "--lang", "en", env_dir=content)
    assert r.returncode == 0, r.stderr
    data = out.read_bytes()
    assert data.startswith(magic)
    if ext == "docx":
        from docx import Document
        assert any(p.style.name == "Heading 1" for p in Document(io.BytesIO(data)).paragraphs)
    if ext == "xlsx":
        from openpyxl import load_workbook
        assert load_workbook(io.BytesIO(data)).sheetnames[0] == "Plan"


def test_cli_appendix_adds_pages_and_unknown_extension_is_refused(model, content, tmp_path):
    src = write(tmp_path, full_assessment(model))
    plain, more = tmp_path / "a.pdf", tmp_path / "b.pdf"
    assert run(src, "-o", plain, env_dir=content).returncode == 0
    assert run(src, "-o", more, "--appendix", env_dir=content).returncode == 0
    assert len(pypdf.PdfReader(more).pages) > len(pypdf.PdfReader(plain).pages)
    r = run(src, "-o", tmp_path / "a.odt", env_dir=content)
    assert r.returncode == 2 and r.stderr.decode().count("\n") == 1 and b".docx" in r.stderr
    assert not (tmp_path / "a.odt").exists()


GREEK_CASES = ["missing file", "not utf-8", "deep nesting", "duplicate key", "bad survey", "logo corrupt", "logo gif",
               "output dir missing"]


def test_bad_inputs_in_greek_with_lang_el(model, content, tmp_path):
    import re

    cases = _bad_inputs(tmp_path, model)
    for name in GREEK_CASES:
        r = run(*cases[name], "--lang", "el", env_dir=content)
        err = r.stderr.decode()
        assert r.returncode == 2 and err.count("\n") == 1 and "Traceback" not in err, (name, err)
        message = err.split(": ", 2)[-1]
        assert re.search("[α-ωΑ-Ω]", message), (name, err)
        assert not re.search(r"\b(cannot|not|the|is|expected|image|file)\b", message), (name, err)
