"""Rendering TEI into the HTML edition with saxonche, in-process.

The stylesheets in ``xslt/html/`` are compiled once per ``HtmlRenderer``;
one Saxon processor serves the whole process (saxonche allows only one to
live comfortably). Library code: no printing, no chdir.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import re
import tempfile
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import BinaryIO, NamedTuple

from lxml import etree
from saxonche import PySaxonApiError, PySaxonProcessor, PyXdmNode, PyXsltExecutable

from ..edition import Edition
from ..errors import RezidentError

SUMMARY_NS = "https://rezident.example/ns/summary"
TEI = {"tei": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"

# collection page name -> named template in collection.xsl
COLLECTION_PAGES = ("index", "persons", "organisations", "places", "glossary",
                    "statistics", "encoding", "search")

REGISTER_FILES = ("persons.xml", "organisations.xml", "places.xml")

_TEMPORARY_NUMBERS = itertools.count()


class _Parsed(NamedTuple):
    node: PyXdmNode
    data: bytes
    may_hold_cyrillic: bool


class _Default:
    """Marks an argument left out (as opposed to None, "there is none")."""


EDITION = _Default()


@cache
def saxon() -> PySaxonProcessor:
    """The process's one Saxon processor."""
    return PySaxonProcessor(license=False)


class HtmlRenderer:
    """Turns TEI documents and their summaries into the pages of the site."""

    def __init__(self, xslt_dir: Path, edition: Edition | None = None):
        self.xslt_dir = Path(xslt_dir)
        self.html_dir = self.xslt_dir / "html"
        self.edition = edition
        self._document = self._compile("document.xsl")
        self._summary = self._compile("summary.xsl")
        self._collection = self._compile("collection.xsl")
        for executable in (self._document, self._collection):
            self._set_edition_parameters(executable)
        self._parsed: tuple[Path, float, _Parsed] | None = None
        self._register_key: tuple | None = None

    # -- compilation and parameters ------------------------------------

    def _compile(self, name: str) -> PyXsltExecutable:
        path = self.html_dir / name
        if not path.is_file():
            raise RezidentError(f"stylesheet {path} is missing", path=path,
                                hint="the edition's xslt/ folder needs html/ and common/; "
                                     "remove it to use rezident's own stylesheets")
        compiler = saxon().new_xslt30_processor()
        try:
            return compiler.compile_stylesheet(stylesheet_file=str(path))
        except PySaxonApiError as exc:
            raise RezidentError(f"the stylesheet does not compile: {exc}", path=path) from None

    def _set_edition_parameters(self, executable: PyXsltExecutable) -> None:
        edition = self.edition
        if edition is None:
            return
        for name, value in (("edition-title", edition.title),
                            ("edition-version", edition.version),
                            ("edition-publisher", edition.publisher),
                            ("edition-licence", edition.licence),
                            ("edition-licence-url", edition.licence_url),
                            ("edition-pub-place", edition.pub_place),
                            ("edition-editors", "; ".join(edition.editors))):
            executable.set_parameter(name, saxon().make_string_value(value))

    def _string(self, value: str):
        return saxon().make_string_value(value)

    def _parse(self, tei_path: Path) -> _Parsed:
        """Parse a TEI file: its tree, its bytes (the TEI copy is those bytes:
        the file is read once) and whether it may hold Cyrillic. The last one
        is kept, as summarize and render_document are usually called on the
        same file in turn."""
        tei_path = _as_path(tei_path)
        try:
            mtime = os.stat(tei_path).st_mtime
            if self._parsed and self._parsed[0] == tei_path and self._parsed[1] == mtime:
                return self._parsed[2]
            data = tei_path.read_bytes()
        except FileNotFoundError:
            raise RezidentError("the TEI file does not exist", path=tei_path) from None
        text = _utf8_text(data)
        try:
            # Saxon parses a string about twice as fast as it opens a file
            node = (saxon().parse_xml(xml_text=text, encoding="UTF-8") if text is not None
                    else saxon().parse_xml(xml_file_name=str(tei_path.resolve())))
        except PySaxonApiError as exc:
            raise RezidentError(f"not well-formed XML: {_first_line(exc)}", path=tei_path,
                                hint="run `rezident validate` on it") from None
        # Another encoding than plain UTF-8 may spell Cyrillic in bytes we do not look at.
        parsed = _Parsed(node, data, text is None or _may_hold_cyrillic(data))
        self._parsed = (tei_path, mtime, parsed)
        return parsed

    def _use_register_names(self, registers_dir: str | os.PathLike) -> None:
        """Give the document stylesheet the registers' names (id -> main
        name), so a mention or a cover name can say whom it names. The
        registers are the ones the document's pointers resolve to
        (``registers/`` beside it); read again only when they change."""
        folder = os.fspath(registers_dir)
        key = tuple((name, _mtime(os.path.join(folder, name))) for name in REGISTER_FILES)
        if key == self._register_key:
            return
        names = register_names(Path(folder))
        value = saxon().make_map({saxon().make_string_value(k): saxon().make_string_value(v)
                                  for k, v in names.items()})
        self._document.set_parameter("register-names", value)
        self._register_key = key

    def _transform(self, executable: PyXsltExecutable, node: PyXdmNode, source: Path,
                   **parameters: str | bool) -> str:
        for name, value in parameters.items():
            executable.set_parameter(name, saxon().make_boolean_value(value) if isinstance(value, bool)
                                     else self._string(value))
        try:
            result = executable.transform_to_string(xdm_node=node)
        except PySaxonApiError as exc:
            raise RezidentError(f"rendering failed: {_first_line(exc)}", path=source) from None
        if not result or not result.strip():
            raise RezidentError("not a TEI document: no <TEI> element in the TEI namespace",
                                path=source, hint="the root should be "
                                "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">")
        return result

    # -- the API the build uses ----------------------------------------

    def render_document(self, tei_path: Path, out_dir: Path) -> list[Path]:
        """Write ``<id>.html`` and the TEI copy ``tei/<id>.xml`` the page links to."""
        tei_path = _as_path(tei_path)
        doc_id = tei_path.stem
        # plain strings on this path: pathlib costs a page a tenth of a millisecond per join
        self._use_register_names(os.path.join(os.path.dirname(tei_path), "registers"))
        node, data, cyrillic = self._parse(tei_path)
        html = self._transform(self._document, node, tei_path,
                               **{"doc-id": doc_id, "tei-href": f"tei/{doc_id}.xml",
                                  "pdf-href": f"../pdf/{doc_id}.pdf",
                                  "cyrillic": cyrillic})
        page = Path(out_dir, f"{doc_id}.html")
        _write(page, html)
        copy = Path(out_dir, "tei", f"{doc_id}.xml")
        _write(copy, data)
        return [page, copy]

    def summarize(self, tei_path: Path) -> bytes:
        """The document's summary (header facts, counts, mentions, terms)."""
        tei_path = _as_path(tei_path)
        text = self._transform(self._summary, self._parse(tei_path).node, tei_path,
                               **{"doc-id": tei_path.stem})
        return text.encode("utf-8")

    def render_collection(self, summaries: Iterable[bytes], out_dir: Path,
                          registers_dir: Path | None | _Default = EDITION,
                          schema_dir: Path | None | _Default = EDITION,
                          inline_documents: int | None = None) -> list[Path]:
        """Index, registers, glossary, statistics, encoding and search pages,
        and the entry pages (``persons/<id>.html``, ``glossary/<id>.html`` ...)
        of the entries mentioned in more than ``inline_documents`` documents
        (None: the stylesheet's default).

        ``registers_dir`` and ``schema_dir`` default to the edition's (None:
        there are none); the registers and the schema are copied beside the
        TEI copies so that a downloaded document still resolves its pointers.
        Returns every file written.
        """
        out_dir = Path(out_dir)
        if isinstance(registers_dir, _Default):
            registers_dir = self.edition.registers_dir if self.edition is not None else None
        if isinstance(schema_dir, _Default):
            schema_dir = self.edition.schema_dir if self.edition is not None else None
        out_dir.mkdir(parents=True, exist_ok=True)
        # The summaries go through a file and the pages straight into files:
        # an edition of 10,000 documents has 50 MB of summaries and a places
        # page of as much, which need not also be held as Python strings.
        with tempfile.TemporaryDirectory(prefix="rezident-summaries-") as folder:
            joined = os.path.join(folder, "summaries.xml")
            with open(joined, "wb") as handle:
                _write_summaries(summaries, handle)
            collection = saxon().parse_xml(xml_file_name=joined)
        executable = self._collection
        executable.set_global_context_item(xdm_item=collection)
        executable.set_parameter("registers-dir", self._string(
            registers_dir.resolve().as_uri() + "/" if registers_dir and registers_dir.is_dir() else ""))
        schema = schema_dir / "rezident.rng" if schema_dir else None
        executable.set_parameter("schema-uri", self._string(
            schema.resolve().as_uri() if schema and schema.is_file() else ""))
        if inline_documents is None:
            with contextlib.suppress(KeyError):  # saxonche: "not set"
                executable.remove_parameter("inline-documents")
        else:
            executable.set_parameter("inline-documents", saxon().make_integer_value(inline_documents))
        written = []
        for page in COLLECTION_PAGES:
            target = out_dir / f"{page}.html"
            try:
                _write_by(target, lambda tmp, page=page: executable.call_template_returning_file(
                    template_name=page, output_file=tmp))
            except PySaxonApiError as exc:
                raise RezidentError(f"the {page} page failed: {_first_line(exc)}",
                                    path=self.html_dir / "collection.xsl") from None
            written.append(target)
        written += self._render_entry_pages(executable, out_dir)
        written += _copy_files(registers_dir, REGISTER_FILES, out_dir / "tei" / "registers")
        written += _copy_files(schema_dir, ("rezident.rng", "rezident.sch"), out_dir / "schema")
        return written

    def _render_entry_pages(self, executable: PyXsltExecutable, out_dir: Path) -> list[Path]:
        """The pages of the entries mentioned in too many documents to list
        on their register or glossary page: collection.xsl's entry-pages
        names them, entry-page makes each one (one call a page, about as
        cheap as a template call; each page is written and renamed whole)."""
        stylesheet = self.html_dir / "collection.xsl"
        executable.set_result_as_raw_value(True)  # the strings, not a document holding them
        try:
            listed = executable.call_template_returning_value(template_name="entry-pages")
        except PySaxonApiError as exc:
            if "XTDE0040" in str(exc):  # an edition's own older collection.xsl: no entry pages
                return []
            raise RezidentError(f"the list of entry pages failed: {_first_line(exc)}",
                                path=stylesheet) from None
        finally:
            executable.set_result_as_raw_value(False)
        values = [] if listed is None else [listed.item_at(i).string_value for i in range(listed.size)]
        if len(values) % 5:
            raise RezidentError("the entry-pages template must give five strings per page "
                                f"(kind, key, id, title, path), not {len(values)}", path=stylesheet)
        written: list[Path] = []
        made: set[str] = set()
        folders: set[str] = set()
        try:
            for kind, key, entry_id, title, href in zip(*[iter(values)] * 5):
                folder, _, name = href.partition("/")
                if not folder or not name or "/" in name or name.startswith(".") or folder.startswith("."):
                    raise RezidentError(f"an entry page must be folder/name.html, not {href!r}",
                                        path=stylesheet)
                # Our collection.xsl gives every entry an id of its own; an edition's
                # own may not, and two entries of one id then get the first one's page.
                if href in made:
                    continue
                made.add(href)
                target = Path(out_dir, folder, name)
                if folder not in folders:
                    os.makedirs(os.path.join(out_dir, folder), exist_ok=True)
                    folders.add(folder)
                executable.set_initial_template_parameters(False, {
                    "kind": self._string(kind), "key": self._string(key),
                    "id": self._string(entry_id), "title": self._string(title)})
                try:
                    _write_by(target, lambda tmp: executable.call_template_returning_file(
                        template_name="entry-page", output_file=tmp))
                except PySaxonApiError as exc:
                    raise RezidentError(f"the entry page {href} failed: {_first_line(exc)}",
                                        path=stylesheet) from None
                written.append(target)
        finally:
            executable.set_initial_template_parameters(False, {})
        return written

    def copy_assets(self, out_dir: Path) -> list[Path]:
        """The CSS and JavaScript every page links to (``assets/``)."""
        source = self.html_dir / "assets"
        written = []
        for path in sorted(source.rglob("*")):
            if path.is_file():
                target = Path(out_dir) / "assets" / path.relative_to(source)
                _write(target, path.read_bytes())
                written.append(target)
        return written


def register_names(registers_dir: Path) -> dict[str, str]:
    """Entry id -> the entry's main name, from the registers in a folder."""
    names: dict[str, str] = {}
    for name in REGISTER_FILES:
        path = registers_dir / name
        if not path.is_file():
            continue
        try:
            tree = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
        except etree.XMLSyntaxError as exc:
            raise RezidentError(f"the register is not well-formed XML: {exc}", path=path) from None
        for entry in tree.xpath("//tei:person[@xml:id] | //tei:org[@xml:id] | //tei:place[@xml:id]",
                                namespaces=TEI):
            names_of = "tei:persName | tei:orgName | tei:placeName | tei:name"
            candidates = (entry.xpath(f"({names_of})[@type = 'main' or @type = 'reg' or @type = 'preferred']",
                                      namespaces=TEI)
                          or entry.xpath(names_of, namespaces=TEI))
            if candidates:
                names[entry.get(XML_ID)] = " ".join("".join(candidates[0].itertext()).split())
    return names


def _as_path(path: str | os.PathLike) -> Path:
    return path if isinstance(path, Path) else Path(path)


def _mtime(path: str | os.PathLike) -> float | None:
    try:
        return os.stat(path).st_mtime
    except FileNotFoundError:
        return None


def _copy_files(source_dir: Path | None, names: Iterable[str], target_dir: Path) -> list[Path]:
    written = []
    if source_dir is None:
        return written
    for name in names:
        source = source_dir / name
        if source.is_file():
            _write(target_dir / name, source.read_bytes())
            written.append(target_dir / name)
    return written


def _write_summaries(summaries: Iterable[bytes], handle: BinaryIO) -> None:
    """One <summaries> document for the collection stylesheet, written as it goes.

    Every summary carries its document's encodingDesc, and most documents
    of an edition share the same one: each distinct encodingDesc goes in
    once, as <encoding id="encoding-N">, and the summaries point to it
    with <encoding ref="encoding-N"/>. This keeps the collection small (an
    encodingDesc is a third of a typical summary) and the encoding page
    from grouping the same statements thousands of times.
    """
    handle.write(f'<summaries xmlns="{SUMMARY_NS}">'.encode())
    encodings: dict[str, str] = {}
    for summary in summaries:
        text = summary.decode("utf-8")
        if text.startswith("<?xml"):
            text = text[text.index("?>") + 2:]
        found = _ENCODING_DESC.search(text)
        if found:
            ref = encodings.setdefault(found.group(), f"encoding-{len(encodings) + 1}")
            text = f'{text[:found.start()]}<encoding ref="{ref}"/>{text[found.end():]}'
        handle.write(text.encode("utf-8"))
    for desc, ref in encodings.items():
        handle.write(f'<encoding id="{ref}">{desc}</encoding>'.encode())
    handle.write(b"</summaries>")


# A summary's copy of the encodingDesc (summary.xsl writes it unprefixed,
# at most one): empty, or up to its end tag.
_ENCODING_DESC = re.compile(r"<encodingDesc\b[^>]*?(?:/>|>.*?</encodingDesc>)", re.DOTALL)


_ENCODING_DECLARATION = re.compile(rb"""^<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


def _utf8_text(data: bytes) -> str | None:
    """The document as a string when it is plainly UTF-8 (its declaration,
    if any, says so, it decodes, it has no DTD), else None: the parser then
    reads the file itself, honouring its encoding and resolving its DTD."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    declared = _ENCODING_DECLARATION.match(data)
    if declared and declared.group(1).upper().replace(b"_", b"-") not in (b"UTF-8", b"UTF8"):
        return None
    if b"<!DOCTYPE" in data:  # a DTD may be relative to the file: let the parser find it
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


# Every byte but the UTF-8 lead bytes of Cyrillic letters (D0-D4):
# ``data.translate(None, _ALL_BUT_CYRILLIC_LEADS)`` keeps only those, at C
# speed (a regular expression takes 20 times longer on a page of text).
_ALL_BUT_CYRILLIC_LEADS = bytes(b for b in range(256) if not 0xD0 <= b <= 0xD4)


def _may_hold_cyrillic(utf8: bytes) -> bool:
    """False only when a UTF-8 file surely holds no Cyrillic (no letter, no
    character reference that could be one): the stylesheet then skips
    looking for it in every text node."""
    return b"&#" in utf8 or bool(utf8.translate(None, _ALL_BUT_CYRILLIC_LEADS))


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or ["unknown error"])[0]


def _temporary_name(path: Path | str) -> str:
    """A name beside ``path`` for writing it before the rename: process id
    and counter, cheaper than ``mkstemp``'s random names on thousands of files."""
    folder, name = os.path.split(os.fspath(path))
    return os.path.join(folder, f".{name}.{os.getpid()}.{next(_TEMPORARY_NUMBERS)}.tmp")


def _write(path: Path, data: bytes | str) -> None:
    """Replace ``path`` in one rename, so no reader sees half a page.

    Unlike ``files.write_atomic`` this does not fsync: a site is thousands
    of small files, rebuilt whole after a crash, and the build publishes
    its staging folder in one step anyway.
    """
    if isinstance(data, str):
        data = data.encode("utf-8")
    while True:
        tmp = _temporary_name(path)
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o644)
            break
        except FileExistsError:  # left by a process that had our id before
            continue
        except FileNotFoundError:
            os.makedirs(os.path.dirname(tmp), exist_ok=True)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            os.fchmod(handle.fileno(), 0o644)  # whatever the umask: a web server must read the site
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _write_by(path: Path, produce: Callable[[str], object]) -> None:
    """Like ``_write``, for a writer that makes the file itself (Saxon
    serializing a page): ``produce`` writes the temporary name given."""
    tmp = _temporary_name(path)
    try:
        produce(tmp)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
