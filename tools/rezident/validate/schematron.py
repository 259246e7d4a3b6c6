"""Running the edition's Schematron (ISO, XSLT 1 query binding) with lxml.

The .sch is compiled once into an XSLT (lxml ships the ISO skeleton), then
applied to each parsed document: no re-parsing, no serialisation, and the
report's XPath locations are evaluated on the very tree whose nodes know
their source lines.

The rules look entries up in the registers with ``document()``. Those loads
go through a resolver that reads only local ``.xml`` files (never the
network), keeps each register parsed once per change of the file, and
refuses everything else; the XSLT itself may not write anything.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

from lxml import etree, isoschematron

from .. import safexml
from ..errors import ConfigError

SVRL_NS = "http://purl.oclc.org/dsdl/svrl"

_ACCESS = etree.XSLTAccessControl(read_file=True, write_file=False, create_dir=False,
                                  read_network=False, write_network=False)


@dataclass(frozen=True)
class Failure:
    """One failed assert or successful report, before it is mapped to a line."""

    rule: str
    role: str
    message: str
    location: str


class _LocalXMLResolver(etree.Resolver):
    """Serves document() from local .xml files, cached while they are unchanged."""

    def __init__(self) -> None:
        super().__init__()
        self._cache: dict[str, tuple[tuple[int, int], bytes]] = {}

    def resolve(self, url, pubid, context):
        parsed = urlparse(url or "")
        if parsed.scheme not in ("", "file") or not parsed.path.endswith(".xml"):
            return self.resolve_string("<refused/>", context)
        path = unquote(parsed.path)
        try:
            stat = os.stat(path)
        except OSError:
            return self.resolve_string("<missing/>", context)
        key = (stat.st_mtime_ns, stat.st_size)
        cached = self._cache.get(path)
        if cached is None or cached[0] != key:
            with open(path, "rb") as handle:
                cached = (key, handle.read())
            self._cache[path] = cached
        return self.resolve_string(cached[1], context, base_url=path)


class CompiledSchematron:
    """An ISO Schematron compiled once; ``run`` gives the failures for one document."""

    def __init__(self, path: Path):
        self.path = path
        try:
            schema = safexml.parse(path)
        except safexml.MalformedXMLError as exc:
            raise ConfigError(f"the Schematron is not well-formed: {exc.message}", path=path,
                              line=exc.line) from None
        try:
            schema = isoschematron.iso_dsdl_include(schema)
            schema = isoschematron.iso_abstract_expand(schema)
            compiled = isoschematron.iso_svrl_for_xslt1(schema)
        except etree.XSLTApplyError as exc:
            raise ConfigError(f"cannot compile the Schematron: {exc}", path=path) from None
        # Re-read the generated XSLT with a safe parser that carries the resolver:
        # libxslt's document() loads through the stylesheet's parser.
        parser = safexml.parser()
        parser.resolvers.add(_LocalXMLResolver())
        xslt_doc = etree.fromstring(etree.tostring(compiled), parser,
                                    base_url=str(path.resolve()))
        try:
            self._xslt = etree.XSLT(xslt_doc, access_control=_ACCESS)
        except etree.XSLTParseError as exc:
            raise ConfigError(f"the Schematron compiles to invalid XSLT: {exc}", path=path) from None

    def run(self, tree: etree._ElementTree) -> list[Failure]:
        try:
            report = self._xslt(tree)
        except etree.XSLTApplyError as exc:
            return [Failure("schematron", "error", f"the Schematron rules could not run: {exc}", "")]
        failures = []
        for node in report.getroot().iter(f"{{{SVRL_NS}}}failed-assert",
                                          f"{{{SVRL_NS}}}successful-report"):
            text = node.find(f"{{{SVRL_NS}}}text")
            message = " ".join("".join(text.itertext()).split()) if text is not None else ""
            failures.append(Failure(rule=node.get("id") or "schematron",
                                    role=(node.get("role") or "error").lower(),
                                    message=message, location=node.get("location") or ""))
        return failures
