"""The carry-over map (checklists/content/carryover.yaml) is checked on load: steps lead to later
versions, in order, to the current one; a restored item must have been removed before."""
import shutil

import pytest
import yaml

from checklists import ContentError, load_model
from checklists.loader import CONTENT_DIR
from checklists.model import version_key


def _with_steps(tmp_path, edit):
    """The shipped content, with its carry-over steps passed through `edit`."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, content)
    path = content / "carryover.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(data["steps"])
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return content


def test_versions_order_as_released():
    assert version_key("2026.11") < version_key("2026.12") < version_key("2026.12.1") < version_key("2027.01")
    assert version_key("2026.12.2") < version_key("2026.12.10")  # numbers, not text
    for bad in ("2026", "2026.12a", "v2026.12", ""):
        with pytest.raises(ValueError, match="numbers with dots"):
            version_key(bad)


def test_the_shipped_map_loads(tmp_path):
    model = load_model(_with_steps(tmp_path, lambda steps: None))
    assert model.carryover[-1].to_version == model.version


def _unaccounted(steps):
    steps[0]["removed"] = []


def _restore_what_was_never_removed(steps):
    steps[1]["restored"].append("PLAN-22")


def _backwards(steps):
    steps[1]["from_version"] = "2026.13"
    steps[0]["to_version"] = "2026.13"


def _not_a_version(steps):
    steps[1]["from_version"] = "december"
    steps[0]["to_version"] = "december"


def _split_to_nothing(steps):
    steps[1]["splits"]["PLAN-20"] = ["PLAN-99"]


def _out_of_order(steps):
    steps.reverse()


@pytest.mark.parametrize("edit,expected", [
    (_unaccounted, "EMO-10 is gone but neither split nor removed"),
    (_restore_what_was_never_removed, "restored PLAN-22 was not removed"),
    (_backwards, "leads back"),
    (_not_a_version, "numbers with dots"),
    (_split_to_nothing, "unknown items"),
    (_out_of_order, "expected"),
])
def test_a_bad_map_is_refused(tmp_path, edit, expected):
    with pytest.raises(ContentError, match=expected):
        load_model(_with_steps(tmp_path, edit))
