"""Reading an article: its bytes as text (HTML through trafilatura), its lines as paragraphs with headings and boilerplate recognised, and its sentences (pysbd)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..core.errors import ArgmapError
from ..core.model import Span

# ---------------------------------------------------------------- boilerplate

BOILERPLATE = re.compile(
    r"|".join(
        (
            r"\bsubscri(?:be|ption|bers?)\b", r"\bnewsletter\b", r"\bsign (?:up|in)\b", r"\blog ?in\b",
            r"\ball rights reserved\b", r"\bcopyright\b", "©", r"\bcookies?\b", r"\bprivacy policy\b",
            r"\bterms of (?:use|service)\b", r"\badvertisement\b", r"\bsponsored\b", r"\bthe views expressed\b",
            r"\bdo(?:es)? not (?:necessarily )?(?:reflect|represent)\b", r"\bappeared first on\b",
            r"\boriginally (?:published|appeared)\b", r"\babout us\b", r"\bcontact us\b", r"\bfollow us\b",
            r"\bshare (?:this|on)\b", r"\bclick here\b", r"\bread more\b", r"^related(?: articles| stories| posts)?:",
            r"\b(?:photo|image) (?:credit|by)\b", r"\bgetty images\b", r"^editor[’']s note\b", r"\bthis article (?:was|is|first)\b",
            r"\bis an? (?:senior |visiting |contributing |associate )?(?:fellow|columnist|contributor|writer|editor|professor|journalist|correspondent)\b",
            r"\bleave a (?:comment|reply)\b", r"^tags?:", r"^filed under\b", r"\bdonate\b", r"\bsupport our\b",
            r"^disclaimer\b", r"\bretrieved (?:on|from)?\b", r"\bdoi:", r"\bisbn\b", r"^https?://\S+$", r"^www\.\S+$",
            r"^(?:\[\d+\]|\^)\s",
        )
    ),
    re.IGNORECASE,
)
# a heading that starts a section of boilerplate: everything up to the next heading is left out
_BOILERPLATE_HEADING = re.compile(
    r"^(?:references|sources|notes|endnotes|footnotes|bibliography|further reading|see also|about the authors?"
    r"|related(?: articles| stories| posts)?|more from .*|comments?|share this.*|read more.*|subscribe.*)$",
    re.IGNORECASE,
)

_MARKDOWN_PREFIX = re.compile(r"^[ \t]*(?:(?P<heading>#{1,6})[ \t]+|>[ \t]?|[-*+•][ \t]+|\d{1,3}[.)][ \t]+)")
_TERMINAL = ".!?:;…\"”’')]"


@dataclass(frozen=True)
class Sentence:
    text: str  # verbatim, as in the article
    start: int  # offsets into the article text
    end: int
    paragraph: int
    index: int  # position among the article's sentences


@dataclass(frozen=True)
class Paragraph:
    index: int
    text: str  # without a markdown prefix
    start: int
    heading: bool  # a heading line (markdown '#', or short with no final punctuation)
    boilerplate: bool


def normalize_article(text: str) -> str:
    """The article as the checker reads it (NFC, no byte-order mark)."""
    return unicodedata.normalize("NFC", text.removeprefix("\ufeff"))


def html_to_text(html: str) -> str:
    """The main text of an HTML page (trafilatura, an optional extra: pip install 'argmap[html]')."""
    try:
        import trafilatura
    except ImportError:
        raise ArgmapError("extract-needs-trafilatura", None, "install the extra: pip install 'argmap[html]'") from None
    text = trafilatura.extract(html, include_comments=False, include_tables=False, include_links=False, favor_precision=True)
    if not text:
        raise ArgmapError("extract-no-text", None, "save the article's text as a .txt file and extract that")
    return text.strip() + "\n"


def looks_like_html(text: str, name: str = "") -> bool:
    if name.lower().endswith((".html", ".htm", ".xhtml")):
        return True
    head = text.lstrip()[:500].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text)


def paragraphs(text: str) -> list[Paragraph]:
    """The article's lines as paragraphs, with headings and boilerplate recognised."""
    found: list[Paragraph] = []
    offset = 0
    in_boilerplate_section = False
    for line in text.splitlines(keepends=True):
        start = offset
        offset += len(line)
        stripped = line.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        if not stripped.strip():
            continue
        prefix = _MARKDOWN_PREFIX.match(stripped)
        body_start = prefix.end() if prefix else 0
        body = stripped[body_start:]
        lead = len(body) - len(body.lstrip())
        body = body.strip()
        if not body:
            continue
        words = body.split()
        heading = bool(prefix and prefix.group("heading")) or (
            len(words) <= 12 and body[-1] not in _TERMINAL and not body[0].islower()
        )
        if heading:
            in_boilerplate_section = bool(_BOILERPLATE_HEADING.match(body.strip("*_:# ")))
        boilerplate = in_boilerplate_section or bool(BOILERPLATE.search(body))
        found.append(Paragraph(len(found), body, start + body_start + lead, heading, boilerplate))
    return found


_SEGMENTER = None


def _segmenter():
    global _SEGMENTER
    if _SEGMENTER is None:
        import pysbd

        _SEGMENTER = pysbd.Segmenter(language="en", clean=False)
    return _SEGMENTER


def sentences(text: str) -> tuple[list[Paragraph], list[Sentence]]:
    """Paragraphs and the sentences of the paragraphs that are neither headings nor boilerplate."""
    paras = paragraphs(text)
    found: list[Sentence] = []
    for para in paras:
        if para.heading or para.boilerplate:
            continue
        position = 0
        for piece in _segmenter().segment(para.text):
            piece = piece.strip()
            if not piece:
                continue
            at = para.text.find(piece, position)
            if at < 0:  # the segmenter changed the text: never quote what is not there
                continue
            position = at + len(piece)
            found.append(Sentence(piece, para.start + at, para.start + at + len(piece), para.index, len(found)))
    return paras, found



def decode(data: bytes, name: str) -> str:
    """An article's bytes as text (UTF-8, byte-order mark allowed), as the checker will read it."""
    where = Span(name, 1, 1, 1, 1)
    if b"\x00" in data:
        raise ArgmapError("binary", where, "extract reads UTF-8 text or HTML")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise ArgmapError("not-utf8", Span(name, line, column, line, column), "save the article as UTF-8", byte=data[exc.start], offset=exc.start) from None
