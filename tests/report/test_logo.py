"""The logo: only real PNG and JPEG files, checked by content and declared size before decoding;
every refusal a problem code with a Greek and an English text."""
from __future__ import annotations

import io
import re

import pytest
from PIL import Image

from bad_inputs import bad_logo, png, png_bomb
from report import LogoError, load_logo


def code_of(data: bytes) -> str:
    with pytest.raises(LogoError) as err:
        load_logo(data)
    (p,) = err.value.problems
    return p.code, err.value


@pytest.mark.parametrize("case,code", [
    ("empty", "file_empty"), ("text", "logo_not_image"), ("svg_renamed", "logo_format"),
    ("gif_renamed", "logo_format"), ("truncated_png", "logo_damaged"), ("png_bomb", "logo_bomb"),
    ("too_big", "file_too_big"),
])
def test_bad_logos_are_refused_with_a_code(case, code):
    found, err = code_of(bad_logo(case))
    assert found == code
    el = err.first_line("el")
    assert re.search("[α-ωΑ-Ω]", el) and "logo:" not in el


def test_gif_is_named_so_people_know_what_to_convert():
    _, err = code_of(bad_logo("gif_renamed"))
    assert err.first_line("el") == "οι εικόνες GIF δεν υποστηρίζονται· χρησιμοποιήστε PNG ή JPEG"


def test_a_bomb_below_pils_own_limit_is_refused_by_ours_before_decoding():
    # 9000 × 9000 = 81 Mpx: under PIL's bomb error (2 × 89 Mpx), over our 40 Mpx
    found, err = code_of(png_bomb(9000, 9000))
    assert found == "logo_pixels" and err.problems[0].params == {"width": 9000, "height": 9000, "limit": 40}
    assert err.first_line("en") == "image is 9,000×9,000 pixels; the limit is 40 megapixels"


@pytest.mark.parametrize("fmt,mode", [("PNG", "RGBA"), ("JPEG", "RGB"), ("JPEG", "CMYK"), ("PNG", "P")])
def test_real_png_and_jpeg_are_accepted(fmt, mode):
    buf = io.BytesIO()
    Image.new(mode, (1200, 300)).save(buf, format=fmt)
    out, size = load_logo(buf.getvalue())
    assert size == (1200, 300) and Image.open(out).size[0] <= 900


def test_a_small_png_is_fine():
    assert load_logo(png())[1] == (40, 20)


def test_missing_file_path():
    with pytest.raises(LogoError) as err:
        load_logo("/no/such/logo.png")
    assert err.value.problems[0].code == "read_missing"
