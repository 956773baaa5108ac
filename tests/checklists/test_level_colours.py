"""Every level's label reads on its colour: the report writes level names and scores on level-
coloured cells and boxes (report/layout.py, in report.styles.LEVEL_TEXT), and the colours are the
model's (checklists/content/model.yaml), so the two are checked together at WCAG AA for text."""
from checklists import default_model
from report.branding import contrast, luminance
from report.styles import LEVEL_TEXT

AA_TEXT = 4.5


def test_every_level_label_reaches_aa_on_its_colour():
    model = default_model()
    assert set(LEVEL_TEXT) == {lv.level for lv in model.levels}
    for lv in model.levels:
        text = "#" + LEVEL_TEXT[lv.level].hexval()[2:]
        ratio = contrast(lv.color, text)
        assert ratio >= AA_TEXT, f"level {lv.level}: {text} on {lv.color} is {ratio:.2f}:1"


def test_the_levels_stay_a_red_to_green_scale():
    """Red, orange, yellow, then two greens, the top one the darkest: each level distinct."""
    def hue(hex_colour: str) -> float:
        import colorsys
        r, g, b = (int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
        return colorsys.rgb_to_hsv(r, g, b)[0] * 360

    colours = [lv.color for lv in default_model().levels]
    hues = [hue(c) for c in colours]
    assert hues[0] < 15 or hues[0] > 345                  # red
    assert 15 <= hues[1] < 45 and 45 <= hues[2] < 65      # orange, yellow
    assert all(90 <= h < 170 for h in hues[3:])          # greens
    assert luminance(colours[4]) < luminance(colours[3]) * 0.7  # the top level clearly darker
    assert len(set(colours)) == 5
