"""WCAG AA contrast of the colour pairs the edition's stylesheet uses."""

from __future__ import annotations

import re
from pathlib import Path

import pytest


def luminance(colour: str) -> float:
    colour = colour.lstrip("#")
    if len(colour) == 3:
        colour = "".join(c * 2 for c in colour)
    channels = [int(colour[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.fixture(scope="module")
def palette(xslt_dir: Path) -> dict[str, str]:
    css = (xslt_dir / "html" / "assets" / "edition.css").read_text()
    colours = dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{3,6})\s*;", css))
    colours.update(white="#ffffff", bar="#111111", chart="#174a82")
    return colours


# (text, background) pairs as the stylesheet combines them
PAIRS = [
    ("ink", "paper"), ("muted", "paper"), ("link", "paper"), ("link-visited", "paper"),
    ("ink", "panel"), ("muted", "panel"), ("link", "panel"),
    ("mark-ink", "mark-bg"), ("ink", "mark-bg"), ("link", "mark-bg"),
    ("white", "bar"), ("white", "ink"), ("focus", "paper"), ("chart", "paper"),
]


@pytest.mark.parametrize("text, background", PAIRS)
def test_text_meets_wcag_aa(palette, text, background):
    ratio = contrast(palette[text], palette[background])
    assert ratio >= 4.5, f"{text} on {background}: {ratio:.2f}:1"
