"""docs/sources.md tells the truth: every seed recommendation it lists is asked by an item of the
model (as its question or its action, named by id), and its table of seeds and items is the one
the content gives today."""
import re

from fixture_model import ROOT_DIR

ID = re.compile(r"\b(?:PLAN|SEG|EMO|TRN|MEAS)-\d{2}\b")
SEEDS = ("000", "001", "002", "003", "004")


def _doc() -> str:
    return (ROOT_DIR / "docs" / "sources.md").read_text(encoding="utf-8")


def _recommendation_rows(doc: str) -> dict[str, list[tuple[str, str]]]:
    """{section heading: [(recommendation, asked in)]} of the hand-written tables."""
    part = doc.split("## Seed recommendations and where they are asked")[1].split("## Regenerating")[0]
    rows: dict[str, list[tuple[str, str]]] = {}
    section = None
    for line in part.splitlines():
        if line.startswith("### "):
            section = line[4:].strip()
            rows[section] = []
        elif line.startswith("|") and section and not set(line) <= set("|- "):
            cells = [c.strip() for c in line.strip("|").split("|")]
            if cells[0] in ("recommendation in the seed", "obligation", "practice"):
                continue  # header
            rows[section].append((cells[0], cells[1]))
    return rows


def test_every_seed_has_its_table_of_recommendations():
    rows = _recommendation_rows(_doc())
    for seed in SEEDS:
        section = next((s for s in rows if s.startswith(seed + ":")), None)
        assert section and len(rows[section]) >= 5, seed


def test_every_recommendation_is_asked_by_an_existing_item(shipped_model):
    rows = _recommendation_rows(_doc())
    assert sum(len(r) for r in rows.values()) >= 60
    for section, recs in rows.items():
        for rec, asked in recs:
            ids = ID.findall(asked)
            assert ids, (section, rec, "names no item")
            for i in ids:
                assert i in shipped_model.items, (section, rec, i)
            # a why text or an unchecked mention is not "asked"
            assert not re.search(r"\bwhy\b|not asked on its own|not used", asked), (section, rec, asked)


def test_the_seed_table_is_what_the_content_says(shipped_model):
    doc = _doc()
    for src in shipped_model.sources:
        ids = [i for i, it in shipped_model.items.items() if it.source == src.file]
        shown = ", ".join(f"**{i}**" if shipped_model.items[i].critical else i for i in ids)
        row = f"| `{src.file}` | {src.title.el}<br>*{src.title.en}* | {len(ids)} | {shown} |"
        assert row in doc, f"regenerate the table in docs/sources.md: {src.file}"
    outside = sum(it.source in ("practice", "law") for it in shipped_model.items.values())
    assert f"Total: {len(shipped_model.items)} items in 5 pillars" in doc
    assert f"together are\n{outside} items\n({round(100 * outside / len(shipped_model.items))} %" in doc
