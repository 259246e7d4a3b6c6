"""Random documents from a RELAX NG grammar (the XML syntax rnc2rng writes).

Used to test that every document the edition's customization accepts is
also a TEI P5 document: documents are drawn at random from the
customization's own grammar and validated against tei_all.
"""

from __future__ import annotations

import math
import random
from collections import defaultdict
from pathlib import Path

from lxml import etree

RNG = "{http://relaxng.org/ns/structure/1.0}"

VALUES = {
    "ID": None,  # unique, made on the fly
    "anyURI": "#x",
    "language": "en",
    "NCName": "x",
    "token": "x",
    "nonNegativeInteger": "3",
    "decimal": "1.5",
    "date": "1946-04-07",
    "gYear": "1946",
    "gYearMonth": "1946-04",
}


class Generator:
    """Draws documents from a grammar; past ``depth`` it takes the shortest way out."""

    def __init__(self, grammar: Path, depth: int = 6):
        tree = etree.parse(str(grammar))
        self._path = tree.getpath
        self.defines: dict[str, list[etree._Element]] = defaultdict(list)
        for define in tree.iter(RNG + "define"):
            self.defines[define.get("name")].append(define)
        self.start = tree.find(RNG + "start")
        self.depth = depth
        self._height: dict[str, float] = {}  # by XPath of the pattern node (proxies are not stable)
        self._compute_heights()

    # -- how deep each pattern must at least go --------------------------------
    def _compute_heights(self) -> None:
        changed = True
        while changed:
            changed = False
            for patterns in self.defines.values():
                for pattern in patterns:
                    for node in pattern.iter(RNG + "*"):
                        value = self._height_of(node)
                        if value < self._height.get(self._path(node), math.inf):
                            self._height[self._path(node)] = value
                            changed = True

    def _h(self, node: etree._Element) -> float:
        return self._height.get(self._path(node), math.inf)

    def _height_of(self, node: etree._Element) -> float:
        tag = node.tag[len(RNG):]
        kids = [k for k in node if isinstance(k.tag, str) and k.tag.startswith(RNG) and k.tag != RNG + "name"]
        if tag in ("text", "empty", "value", "data", "attribute"):
            return 0
        if tag in ("optional", "zeroOrMore"):
            return 0
        if tag == "ref":
            return min((self._h(d) for d in self.defines[node.get("name")]), default=math.inf)
        if tag == "choice":
            return min((self._h(k) for k in kids), default=math.inf)
        if tag == "element":
            return 1 + max((self._h(k) for k in kids), default=0)
        return max((self._h(k) for k in kids), default=0)  # group, interleave, oneOrMore, define

    # -- drawing ------------------------------------------------------------------
    def document(self, rng: random.Random) -> etree._Element:
        self._ids = 0
        items = self._draw(self.start, rng, 0)
        [root] = [i for i in items if isinstance(i, etree._Element)]
        return root

    def _draw(self, node: etree._Element, rng: random.Random, depth: int) -> list:
        tag = node.tag[len(RNG):]
        kids = [k for k in node if isinstance(k.tag, str) and k.tag.startswith(RNG) and k.tag != RNG + "name"]
        deep = depth > self.depth
        if tag in ("start", "define", "group"):
            return [item for k in kids for item in self._draw(k, rng, depth)]
        if tag == "interleave":
            parts = [self._draw(k, rng, depth) for k in kids]
            rng.shuffle(parts)
            return [item for part in parts for item in part]
        if tag == "ref":
            return self._draw(rng.choice(self.defines[node.get("name")]), rng, depth)
        if tag == "choice":
            options = kids
            if deep:
                least = min(self._h(k) for k in kids)
                options = [k for k in kids if self._h(k) == least]
            return self._draw(rng.choice(options), rng, depth)
        if tag == "optional":
            return [] if deep or rng.random() < 0.5 else self._draw_all(kids, rng, depth)
        if tag in ("zeroOrMore", "oneOrMore"):
            low = 0 if tag == "zeroOrMore" else 1
            count = low if deep else rng.randint(low, 2)
            return [item for _ in range(count) for item in self._draw_all(kids, rng, depth)]
        if tag == "text":
            return [rng.choice(["x", " y ", "z."])]
        if tag == "empty":
            return []
        if tag == "value":
            return [node.text or ""]
        if tag == "data":
            return [self._data(node.get("type"))]
        if tag == "attribute":
            content = self._draw_all(kids, rng, depth) or ["x"]
            return [("@", self._qname(node), "".join(str(c) for c in content))]
        if tag == "element":
            element = etree.Element(self._qname(node))
            self._fill(element, self._draw_all(kids, rng, depth + 1))
            return [element]
        raise ValueError(f"pattern {tag} is not supported by the generator")

    def _draw_all(self, nodes, rng, depth) -> list:
        return [item for n in nodes for item in self._draw(n, rng, depth)]

    def _data(self, datatype: str) -> str:
        if datatype == "ID":
            self._ids += 1
            return f"id{self._ids}"
        return VALUES[datatype]

    @staticmethod
    def _qname(node: etree._Element) -> str:
        name = node.find(RNG + "name")
        if name is None:
            return node.get("name")
        ns = name.get("ns")
        return f"{{{ns}}}{name.text}" if ns else name.text

    @staticmethod
    def _fill(element: etree._Element, items: list) -> None:
        last = None
        for item in items:
            if isinstance(item, tuple):
                element.set(item[1], item[2])
            elif isinstance(item, etree._Element):
                element.append(item)
                last = item
            elif last is None:
                element.text = (element.text or "") + item
            else:
                last.tail = (last.tail or "") + item
