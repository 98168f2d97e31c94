"""Writing an interpreted AIF graph as an ordinary ``.argmap`` file.

Each claim is defined once: in the premise–conclusion structure that first
uses it, or in a block of its own with its relations indented under it.
Texts are written so that the markup reads them back exactly (backslash
escapes); the file is parsed again at the end and any text that still
reads differently is reported. Claims that take part in no relation go to
the front matter (``aif: unrelated:``), so the map passes ``argmap check
--strict`` and an export gives every I-node back. Whose voice a claim,
an argument or a relation is in (argmap's own export says it) is written as
inline data, ``{speaker: …, hedge: …, reconstructed: …}``; a relation's on
the reference of its relation line.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Callable

import yaml

from ..build.markup import SHORTCODES, plain_text
from ..core.errors import warning
from ..core.model import Diagnostic, Voice
from ..core.text import normalize_title
from .aif_json import json_path
from .aif_read import Graph
from .aif_structure import Claim, Imported, Link, Structure, interpret

MakeTitle = Callable[[str, set], str]
OPERATORS = {"support": "+>", "attack": "->", "undercut": "_>", "contradictory": "><"}
INCOMING = {"support": "<+", "attack": "<-", "undercut": "<_"}  # under an inference line, aimed at it
_BAD_TITLE = re.compile(r"[\[\]<>\r\n]")
_SHORTCODE = re.compile(r"([.:])[^\s.:]{1,12}\1")


def import_graph(graph: Graph, make_title: MakeTitle, warnings: list[Diagnostic]) -> str:
    """The ``.argmap`` text of an AIF graph; what is left out or changed goes into ``warnings``."""
    return to_markup(interpret(graph, warnings), make_title, warnings)


def to_markup(imported: Imported, make_title: MakeTitle, warnings: list[Diagnostic]) -> str:
    writer = _Writer(imported, make_title, warnings)
    text = writer.write()
    writer.summarise()
    return text


def source_id(name: str) -> str:
    """A source id from the file's name: ``Nodeset 6064.json`` → ``nodeset-6064``."""
    stem = Path(name).stem.casefold()
    return re.sub(r"[^a-z0-9]+", "-", stem).strip("-") or "aif"


class _Writer:
    def __init__(self, imported: Imported, make_title: MakeTitle, warnings: list[Diagnostic]):
        self.map, self.make_title, self.warnings = imported, make_title, warnings
        self.titles: dict[tuple, str] = {}
        self.taken: set[tuple[str, str]] = set()  # (namespace, title), and casefolded
        self.suffixes: dict[str, int] = {}
        self.outgoing: dict[tuple, list[Link]] = {}
        self.under_inference: dict[tuple, list[Link]] = {}
        self.in_structures = {c for s in imported.structures.values() for step in s.steps for c in (*step.premises, step.conclusion)}
        self.defined: set[str] = set()
        self.expected: dict[int, str] = {}  # the text written for each element, braces replaced
        for link in imported.links:
            if len(link.target) == 3:
                self.under_inference.setdefault(link.target, []).append(link)
            else:
                self.outgoing.setdefault(link.source, []).append(link)
        related = {end[:2] for link in imported.links for end in (link.source, link.target)}
        self.unrelated = [c for c in imported.claims.values() if ("claim", c.id) not in related and c.id not in self.in_structures]
        self.unrelated_ids = {c.id for c in self.unrelated}
        self._name_everything()

    # ------------------------------------------------------------ titles

    def _name_everything(self) -> None:
        for claim in self.map.claims.values():
            space = "statement" if claim.element == "statement" else "argument"
            self.titles[("claim", claim.id)] = self._title(claim.given_title, self.make_title(claim.text or "Claim", set()), space, claim)
        for structure in self.map.structures.values():
            first = self.map.claims[structure.steps[0].premises[0]]
            rules = structure.steps[-1].rules
            made = f"{rules[0] + ':' if rules else 'Because'} {self.make_title(first.text or 'Claim', set())}"
            self.titles[("structure", structure.id)] = self._title(structure.given_title, made, "argument", structure)

    def _title(self, given: str, made: str, space: str, element: Claim | Structure) -> str:
        """The title argmap's export gave, if usable; else one made from the text, unique in both namespaces."""
        given = normalize_title(given)
        if given and not _BAD_TITLE.search(given) and (space, given) not in self.taken:
            self.taken.update({(space, given), (space, given.casefold())})
            return given
        if given:
            self._warn(element.node.path, "its title", f"{given!r} is not usable as a title here; a new one is made from the text")
        title = _BAD_TITLE.sub(" ", made).strip() or "Claim"
        unique, n = title, self.suffixes.get(title.casefold(), 2)  # where the search for a free number stopped last time
        while self._is_taken(unique):
            unique, n = f"{title} {n}", n + 1
        self.suffixes[title.casefold()] = n
        self.taken.update({(space, unique), (space, unique.casefold())})
        return unique

    def _is_taken(self, title: str) -> bool:
        folded = title.casefold()
        return any((space, folded) in self.taken or (space, title) in self.taken for space in ("statement", "argument"))

    def _ref(self, end: tuple) -> str:
        title = self.titles[end[:2]]
        if end[0] == "claim" and self.map.claims[end[1]].element == "statement":
            return f"[{title}]"
        return f"<{title}>"

    # ------------------------------------------------------------ the file

    def write(self) -> str:
        lines = self._front_matter()
        graph = self.map.graph
        lines += ["", f"// Imported by `argmap import` from {Path(graph.file.name).name} ({graph.format})."]
        if any(c.said for c in self.map.claims.values()) or any(s.said for s in self.map.structures.values()):
            lines.append("// `said`: the locutions that assert a claim (AIF's L-nodes), with their speakers.")
        for kind, ident in self.map.order:
            if kind == "structure":
                lines += ["", *self._structure(self.map.structures[ident])]
            elif ident not in self.in_structures and ident not in self.unrelated_ids:
                lines += ["", *self._claim_lines(self.map.claims[ident], "")]
        text = "\n".join(lines) + "\n"
        self._verify(text)
        return text

    def summarise(self) -> None:
        """A warning for the dialogue left out, one for the claims kept out of the map."""
        nodes, counts = self.map.graph.nodes, self.map.dialogue
        kinds = (("ta", "transition (TA)", "transitions (TA)"), ("l left", "locution that asserts no claim", "locutions that assert no claim"), ("ya left", "illocution (YA) that anchors no claim", "illocutions (YA) that anchor no claim"))
        left = [_count(counts[key], one, many) for key, one, many in kinds if counts.get(key)]
        if left:
            dialogue = [n for n in nodes.values() if n.type in ("L", "TA", "YA")]
            kept = f"{counts['kept']} locutions are kept as `said` data on the claims they assert; left out: {', '.join(left)}"
            self.warnings.append(warning("aif-dialogue", self.map.graph.file.span(dialogue[0].path), "", count=len(dialogue), kept=kept))
        if self.unrelated:
            first = self.unrelated[0].node.path
            self.warnings.append(warning("aif-unrelated", self.map.graph.file.span(first), "relate one to the map by moving it into the body as [Title]: text", nodes=_count(len(self.unrelated), "I-node takes part", "I-nodes take part")))

    def _verify(self, text: str) -> None:
        """Read the file back: every text must come out as the AIF file has it."""
        from ..build.document import parse_document

        document = parse_document(text, f"{self.map.graph.file.name}.argmap")
        read = {(s.title, "claim"): s.text for s in document.statements if not s.is_reference}
        read.update({(a.title, "argument"): a.text for a in document.arguments if not a.is_reference})
        for claim in self.map.claims.values():
            if claim.id in self.unrelated_ids:
                continue
            title = self.titles[("claim", claim.id)]
            got = read.get((title, "claim" if claim.element == "statement" else "argument"))
            if got is not None and got != " ".join(self.expected.get(id(claim), claim.text).split()):
                self._warn(claim.node.path, "its exact text", f"the markup reads it as {got!r}")
        for problem in document.diagnostics:
            self.warnings.append(problem)

    def _front_matter(self) -> list[str]:
        graph = self.map.graph
        source: dict[str, Any] = {"id": source_id(graph.file.name)}
        if graph.title:
            source["title"] = graph.title
        front: dict[str, Any] = {"source": source}
        positions = graph.metadata.get("positions")
        if isinstance(positions, list) and positions:
            front["positions"] = {p["tag"]: {k: p[k] for k in ("label", "color", "description") if p.get(k)} for p in positions if isinstance(p, dict) and isinstance(p.get("tag"), str)}
        aif: dict[str, Any] = {"file": Path(graph.file.name).name, "format": graph.format}
        if self.unrelated:
            aif["unrelated"] = [{"title": self.titles[("claim", c.id)], "text": c.text, **self._data(c)} for c in self.unrelated]
        front["aif"] = aif
        body = yaml.safe_dump(front, sort_keys=False, allow_unicode=True, width=1_000_000, default_flow_style=False)
        return ["===", *body.rstrip("\n").split("\n"), "==="]

    def _claim_lines(self, claim: Claim, indent: str, number: str = "") -> list[str]:
        end = ("claim", claim.id)
        if claim.id in self.defined:  # its relations are written where it is defined
            return [f"{indent}{number}{self._ref(end)}"]
        self.defined.add(claim.id)
        head = f"{indent}{number}{self._ref(end)}: {self._text(claim.text, claim)}"
        return [head + _tags(claim.tags) + _inline_data(self._data(claim)), *self._relations(end, indent + "  ")]

    def _data(self, claim: Claim) -> dict[str, Any]:
        data = _voice_data(claim.voice)
        if claim.said:
            data["said"] = claim.said
        if claim.rephrasings:
            data["rephrasings"] = claim.rephrasings
        if claim.preferred_over:
            data["preferred_over"] = [self.titles[("claim", c)] for c in claim.preferred_over]
        return data

    def _relations(self, source: tuple, indent: str) -> list[str]:
        return [f"{indent}{OPERATORS[link.type]} {self._ref(link.target)}{_link_data(link)}" for link in self.outgoing.get(source, ())]

    def _structure(self, structure: Structure) -> list[str]:
        end = ("structure", structure.id)
        head = f"{self._ref(end)}"
        text = self._text(structure.text, structure) if structure.text else ""
        data = _inline_data({**_voice_data(structure.voice), **({"said": structure.said} if structure.said else {})})
        if text or structure.tags or data:
            head += ":" + (f" {text}" if text else "") + _tags(structure.tags) + data
        lines = [head, *self._relations(end, "  "), ""]
        written: list[str] = []
        for index, step in enumerate(structure.steps):
            for premise in step.premises:
                if premise in written and written and premise == written[-1] and index:
                    continue  # the previous conclusion, used again
                if premise in written:
                    self._warn(self.map.graph.nodes[step.node].path, "a premise used twice in one argument", "it is written once")
                    continue
                written.append(premise)
                lines += self._claim_lines(self.map.claims[premise], "", f"({len(written)}) ")
            rules = [_rule(r) for r in step.rules]
            lines.append(f"-- {', '.join(rules)} --" if rules else "----")
            for link in self.under_inference.get((*end, index), ()):
                lines.append(f"  {INCOMING[link.type]} {self._ref(link.source)}{_link_data(link)}")
            written.append(step.conclusion)
            lines += self._claim_lines(self.map.claims[step.conclusion], "", f"({len(written)}) ")
        return lines

    # ------------------------------------------------------------ texts

    def _text(self, text: str, element: Claim | Structure) -> str:
        self.expected[id(element)] = text
        if "{" in text or "}" in text:
            self._warn(element.node.path, "its braces", "the markup reads {…} as inline data, even across lines; they are written as (…)")
            text = text.replace("{", "(").replace("}", ")")
            self.expected[id(element)] = text
        if any(m.group(0) in SHORTCODES for m in _SHORTCODE.finditer(text)):
            self._warn(element.node.path, "its exact text", "it contains one of Argdown's shortcodes (such as :heart:), which the markup turns into a symbol")
        return escape(text)

    def _warn(self, path: tuple, what: str, reason: str) -> None:
        file = self.map.graph.file
        self.warnings.append(warning("aif-skipped", file.span(path), "", where=json_path(path), what=what, reason=reason))


def escape(text: str) -> str:
    """A text that the markup reads back as itself: markup characters behind a backslash."""
    text = " ".join(text.split()).replace("\\", "\\\\")
    if plain_text(text) != text:  # bold, italic or a link would lose characters
        text = re.sub(r"([*_\[\]])", r"\\\1", text)
    text = re.sub(r"(?<!\S)#", r"\\#", text)  # a tag
    text = re.sub(r"@(?=[\[<])", r"\\@", text)  # a mention
    text = text.replace("<!--", "<\\!--").replace("/*", "/\\*")  # comments: the lexer must not see them
    text = re.sub(r"(?<!\S)/(?=/)", r"\\/", text)  # a line comment
    return re.sub(r"^>", r"\\>", text)  # a quote line


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _tags(tags: list[str]) -> str:
    return "".join(f" #{t}" if re.fullmatch(r"[\w\-]+", t) else f" #({t})" for t in tags)


def _rule(rule: str) -> str:
    return " ".join(rule.replace(",", ";").replace("--", "–").split())


def _voice_data(voice: Voice | None) -> dict[str, Any]:
    """An element's voice as the markup's inline data keys (a note, or ``true`` for none)."""
    if voice is None:
        return {}
    data: dict[str, Any] = {k: v for k, v in (("speaker", voice.speaker), ("hedge", voice.hedge)) if v}
    if voice.reconstructed is not None:
        data["reconstructed"] = voice.reconstructed or True
    return data


def _link_data(link: Link) -> str:
    """After the bare reference of a relation line, inline data marks the relation itself."""
    return _inline_data({"reconstructed": link.reconstructed or True} if link.reconstructed is not None else {})


def _inline_data(data: dict[str, Any]) -> str:
    return f" {_flow(data)}" if data else ""


def _flow(value: Any) -> str:
    """YAML flow style on one line; braces inside strings escaped, so the markup's {…} stays balanced."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(str(value), ensure_ascii=False).replace("{", "\\x7B").replace("}", "\\x7D")
