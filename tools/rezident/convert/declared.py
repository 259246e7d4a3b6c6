"""Conventions an edition declares as data in ``edition.toml``, without Python.

    [[convention]]
    name = "illegible"
    profiles = ["*"]
    pattern = '\\[illegible\\]'
    tei = '<gap reason="illegible"/>'
    diplomatic = "[illegible]"
    label = "illegible"

``pattern`` is a regular expression; its named groups (``(?P<text>...)``) may
fill ``{text}`` in ``tei`` (an attribute value or the whole content) and in
``diplomatic``. ``label`` is what HTML and PDF show for an empty element (a
gap's ``desc``). Declared conventions win over built-in ones at the same place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from .. import TEI_NS
from ..errors import ConfigError
from .conventions import ALL, BY_NAME, PROFILES, Convention, Found
from .diplomatic import PLACEHOLDER, DeclaredForm, builtin_form
from .tei import T, el

KEYS = {"name", "profiles", "pattern", "tei", "diplomatic", "label", "description"}
GAP_REASONS = ("redacted", "cipher-unrecovered", "unrecoverable", "garbled", "corrupt", "omitted", "illegible",
               "damage")


@dataclass(frozen=True)
class Declared:
    conventions: tuple[Convention, ...] = ()
    forms: tuple[DeclaredForm, ...] = ()
    descriptions: dict[str, str] = field(default_factory=dict)

    def notes_for(self, counts: dict[str, int]) -> list[str]:
        """Editorial-declaration sentences for the declared conventions a document used."""
        return [self.descriptions[c.name] for c in self.conventions if counts.get(c.name)]


def _line_of(config: Path | None, number: int) -> int | None:
    """The line of the ``number``-th ``[[convention]]`` in the file, for error messages."""
    if config is None or not config.is_file():
        return None
    seen = 0
    for index, line in enumerate(config.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip().startswith("[[convention]]"):
            seen += 1
            if seen == number:
                return index
    return None


def load_declared(entries: Any, config: Path | None = None) -> Declared:
    """Check and compile the ``[[convention]]`` entries of an edition."""
    if not entries:
        return Declared()
    if not isinstance(entries, list):
        raise ConfigError("`convention` must be an array of tables: write [[convention]]", path=config)
    conventions, forms, descriptions = [], [], {}
    for number, entry in enumerate(entries, start=1):
        def fail(message: str, hint: str | None = None, entry: Any = entry, number: int = number) -> ConfigError:
            name = entry.get("name") if isinstance(entry, dict) else None
            what = f"convention {name!r}" if name else f"convention {number}"
            return ConfigError(f"{what}: {message}", path=config, line=_line_of(config, number),
                               hint=hint or "see docs/converter.md, 'Conventions of your own'")
        if not isinstance(entry, dict):
            raise fail("must be a table")
        unknown = set(entry) - KEYS
        if unknown:
            raise fail(f"unknown key {sorted(unknown)[0]!r}", f"the keys are {', '.join(sorted(KEYS))}")
        for key in ("name", "pattern", "tei", "diplomatic"):
            if not isinstance(entry.get(key), str) or not entry[key]:
                raise fail(f"needs `{key}` (a non-empty string)")
        name = entry["name"]
        if not re.fullmatch(r"[a-z][a-z0-9-]*", name):
            raise fail("`name` must be lower-case letters, digits and hyphens")
        if name in BY_NAME or name in descriptions or name == "mentions":
            raise fail(f"the name {name!r} is already taken", "choose another name")
        profiles = entry.get("profiles", [ALL])
        if isinstance(profiles, str):
            profiles = [profiles]
        for profile in profiles:
            if profile != ALL and profile not in PROFILES:
                raise fail(f"unknown profile {profile!r}", f"profiles are {', '.join(PROFILES)} or \"*\"")
        try:
            pattern = re.compile(entry["pattern"])
        except re.error as exc:
            raise fail(f"`pattern` is not a valid regular expression: {exc}") from None
        if pattern.match(""):
            raise fail("`pattern` matches empty text", "a notation must have at least one character")
        template = _template(entry["tei"], fail)
        groups = set(pattern.groupindex)
        used = set(PLACEHOLDER.findall(entry["tei"])) | set(PLACEHOLDER.findall(entry["diplomatic"]))
        if used - groups:
            raise fail(f"{{{sorted(used - groups)[0]}}} is not a named group of `pattern`",
                       "name it in the pattern: (?P<text>...)")
        if set(PLACEHOLDER.findall(entry["tei"])) != set(PLACEHOLDER.findall(entry["diplomatic"])):
            raise fail("`tei` and `diplomatic` must use the same {placeholders}",
                       "otherwise the transcript cannot be regenerated from the TEI")
        if not groups and not pattern.fullmatch(entry["diplomatic"]):
            raise fail("`diplomatic` is not matched by `pattern`",
                       "the diplomatic form is what the transcript has; the pattern must find it")
        label = entry.get("label")
        if label is not None and (len(template) or (template.text or "").strip()):
            raise fail("`label` is for an element without content (a gap)",
                       "an element with content shows its content")
        probe = _fill_template(template, {g: "x" for g in groups})
        if builtin_form(probe, lambda e: "") is not None:
            raise fail("its TEI is what a built-in convention writes; the text could not tell them apart",
                       "use another element or attribute value")
        if any(f.diplomatic_of(probe, lambda e: "x") is not None for f in forms):
            raise fail("its TEI is the same as an earlier convention's", "give each convention its own TEI")
        forms.append(DeclaredForm(name, template, entry["diplomatic"]))
        descriptions[name] = entry.get("description") or (
            f"{label or name}: {entry['diplomatic']} in the transcript is encoded as {entry['tei']} "
            "(a convention declared by this edition).")
        conventions.append(Convention(name, frozenset(profiles), pattern, _builder(name, template, label),
                                      name, 5, entry["diplomatic"]))
    return Declared(tuple(conventions), tuple(forms), descriptions)


def _template(tei: str, fail) -> etree._Element:
    try:
        element = etree.fromstring(f'<wrap xmlns="{TEI_NS}">{tei}</wrap>')
    except etree.XMLSyntaxError as exc:
        raise fail(f"`tei` is not well-formed XML: {exc.msg}") from None
    children = list(element)
    if len(children) != 1 or (element.text or "").strip() or (children[0].tail or "").strip():
        raise fail("`tei` must be exactly one element", 'e.g. \'<gap reason="illegible"/>\'')
    template = children[0]
    if len(template):
        raise fail("`tei` may hold text or one {placeholder}, not other elements")
    if template.tag == T + "gap":
        reason = template.get("reason", "")
        if reason not in GAP_REASONS:
            raise fail(f"gap reason {reason!r} is not one the schema allows",
                       f"use one of {', '.join(GAP_REASONS)}")
    template.tail = None
    return template


def _fill_template(template: etree._Element, values: dict[str, str]) -> etree._Element:
    element = etree.Element(template.tag)
    for key, value in template.attrib.items():
        element.set(key, PLACEHOLDER.sub(lambda m: values.get(m.group(1), ""), value))
    if template.text:
        element.text = PLACEHOLDER.sub(lambda m: values.get(m.group(1), ""), template.text)
    return element


def _builder(name: str, template: etree._Element, label: str | None):
    def build(found: Found, ctx) -> list:
        element = _fill_template(template, found.parts)
        if label:
            element.append(el("desc", None, label))
        return [element]
    return build
