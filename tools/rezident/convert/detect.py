"""Which profile a transcript is written in, when nobody said."""

from __future__ import annotations

import re

# profile -> signs of it, each worth one point per occurrence. A word boundary is written as a
# look-behind after the first character ("25X(?<!\w25X)" for "\b25X"): the same matches, but the
# pattern starts with its literal, which the regex engine scans for instead of trying every character.
SIGNS: dict[str, tuple[re.Pattern[str], ...]] = {
    "venona": (re.compile(r"\[\d+ groups? un\w+\]"), re.compile(r"\[[A-Z]% "), re.compile(r"^Comments:", re.M),
               re.compile(r"^(?:Ref\. No|Copy No):", re.M)),
    "crest": (re.compile(r"25X(?<!\w25X)\d\b"), re.compile(r"\[ \]"), re.compile(r"^\s*-\d+-\s*$", re.M),
              re.compile(r"^\s*(?:TOP SECRET|SECRET|CONFIDENTIAL)\s*$", re.M | re.I),
              re.compile(r"(?:C(?<!\wC)(?:IA|LASSIFICATION)|R(?<!\wR)ELEASED?|D(?<!\wD)ECLASSIFIED)\b")),
    "slides": (re.compile(r"\*\*[^*\n]+\*\*"),),
    "archive-translation": (re.compile(r"^[\s\u00a0]*(?:A source|Archive):", re.M),
                            re.compile(r"[A-Z](?<!\w[A-Z])[a-z]*[A-Z]\w* \[[A-Z][a-z]"),
                            re.compile(r"^\d{1,3}\.\S", re.M)),
}
BULLET = re.compile(r"^ *- \S", re.M)


def detect_profile(text: str) -> str:
    """The profile whose signs occur most; archive translation when none does.

    Bullets count for slides only where they make up a fifth of the lines:
    a few dashes in a report make no slide deck.
    """
    scores = {name: sum(len(p.findall(text)) for p in signs) for name, signs in SIGNS.items()}
    lines = [line for line in text.splitlines() if line.strip()]
    bullets = len(BULLET.findall(text))
    if lines and bullets / len(lines) >= 0.2:
        scores["slides"] += bullets
    best = max(scores, key=lambda name: (scores[name], name == "archive-translation"))
    return best if scores[best] else "archive-translation"
