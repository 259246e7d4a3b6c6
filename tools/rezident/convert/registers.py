"""The registers of names and the convention that links mentions to them.

Every ``persName``/``orgName``/``placeName`` listed under an entry of
``tei/registers/*.xml`` is a form matched as written (case included), as a
whole word, never inside another word or inside a notation; the longest form
wins (``Lavrentii Beria`` over ``Beria``). A person's ``persName[@type='covername']``
becomes ``<rs type="covername">``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..errors import RezidentError
from .conventions import ALL, Convention, Found
from .tei import XML_ID, T, el

REGISTERS = {  # file -> (entry element, name element, mention element)
    "persons.xml": ("person", "persName", "persName"),
    "organisations.xml": ("org", "orgName", "orgName"),
    "places.xml": ("place", "placeName", "placeName"),
}


@dataclass(frozen=True)
class Entry:
    ref: str          # registers/persons.xml#per-beriya
    element: str      # persName, orgName, placeName or rs
    kind: str | None  # rs/@type


def load_forms(registers_dir: Path) -> dict[str, Entry]:
    """Every form of every entry, mapped to what a mention of it becomes."""
    forms: dict[str, Entry] = {}
    for filename, (entry_name, name_element, mention) in REGISTERS.items():
        path = registers_dir / filename
        if not path.is_file():
            continue
        try:
            root = etree.parse(str(path)).getroot()
        except etree.XMLSyntaxError as exc:
            raise RezidentError(f"the register is not well-formed XML: {exc.msg}", path=path,
                                line=exc.lineno, column=exc.offset) from None
        for entry in root.iter(T + entry_name):
            entry_id = entry.get(XML_ID)
            if not entry_id:
                continue
            ref = f"registers/{filename}#{entry_id}"
            for name in entry.findall(T + name_element):
                form = "".join(name.itertext()).strip()
                if not form or name.get("type") == "main":
                    continue
                covername = name.get("type") == "covername"
                known = forms.get(form)
                if known is not None and known.ref != ref:
                    raise RezidentError(f"the form {form!r} is listed under {known.ref} and {ref}: "
                                        "a mention could not be linked to one of them", path=path,
                                        line=name.sourceline,
                                        hint="keep the form under one entry; link the other by hand")
                forms[form] = Entry(ref, "rs" if covername else mention, "covername" if covername else None)
    return forms


def mentions_convention(forms: dict[str, Entry]) -> Convention | None:
    """One convention for all names: an alternation of the forms, longest first."""
    global _built
    if not forms:
        return None
    # Built once per set of forms, not per document (sorting and escaping them cost more than
    # the rest of the set-up). The forms themselves are the key, so a changed register is seen;
    # comparing them with the last set is cheaper than hashing them (equal items are the same objects).
    key = tuple(forms.items())
    if _built is None or _built[0] != key:
        _built = (key, _mentions(key))
    return _built[1]


_built: tuple[tuple[tuple[str, Entry], ...], Convention] | None = None


def _mentions(forms: tuple[tuple[str, Entry], ...]) -> Convention:
    entries = dict(forms)
    pattern = re.compile(rf"(?P<name>{_alternation(sorted(entries, key=lambda f: (-len(f), f)))})(?![\w\-])")

    def build(found: Found, ctx) -> list:
        entry = entries[found.parts["name"]]
        attrs = {"type": entry.kind, "ref": entry.ref} if entry.kind else {"ref": entry.ref}
        return [el(entry.element, attrs, found.parts["name"])]

    return Convention("mentions", frozenset({ALL}), pattern, build, "mentions", 90, "PETROV, Beriya")


NOT_AFTER_WORD = r"(?<![\w\-][\s\S])"   # after a form's first character: the one before it is no letter or hyphen


def _alternation(forms: list[str]) -> str:
    """The forms as one alternation, in their order, grouped by their first character.

    Same matches as ``(?<![\\w\\-])(?:form|form|...)``, five times faster: the regex engine
    scans for the first characters (a pattern that starts with a look-behind is tried at
    every character), and at each one tries the forms that start with it, not all of them.
    """
    groups: dict[str, list[str]] = {}
    for form in forms:
        groups.setdefault(form[0], []).append(re.escape(form[1:]))
    return "|".join(f"{re.escape(first)}{NOT_AFTER_WORD}(?:{'|'.join(rests)})" for first, rests in groups.items())
