"""Semi-extraction: draft an argument file from an article.

The article is split into paragraphs (its lines) and sentences (pysbd).
Every sentence is scored with transparent cues (see :data:`~argmap.extract.cues.CUES` and
docs/extract.md): conclusion and premise markers, contrast markers, modal and
evaluative language, stance phrases and reported positions. Boilerplate
(subscription blurbs, disclaimers, reference lists, ...) is recognised and left
out. Each sentence that scores at least ``min_score`` becomes a statement whose
quote is the sentence, verbatim; a position tag comes from a per-position
lexicon (YAML). Connectives at the start of a sentence propose relations to the
candidate before it, and a conclusion marker turns the candidates before it
into the premises of a proposed argument.

The draft is verified before it is returned: it must parse without errors and
every quote must occur in the article. Extraction never invents text: quotes
are the article's words, statement texts are the same sentences with markup
characters neutralised, and everything the human must judge is marked
``// TODO``. The same input always gives the same draft.

The library never prints or exits; problems are :class:`~argmap.core.errors.ArgmapError`.

This module runs the stages and checks the result: :mod:`.article` reads the
article, :mod:`.scoring` scores its sentences with the :mod:`.cues` and the
:mod:`.lexicon`, :mod:`.titles` names the candidates, :mod:`.proposals`
relates them and :mod:`.draft` writes the text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..build.document import parse_document
from ..core.errors import ArgmapError
from ..core.model import Severity
from ..core.text import normalize_quote
from .article import Paragraph, decode, html_to_text, looks_like_html, normalize_article, sentences
from .draft import Options, render
from .lexicon import Lexicon, load_lexicon
from .proposals import Candidate, ProposedArgument, ProposedRelation, propose
from .scoring import DEFAULT_MIN_SCORE, Scored, score_sentence, with_context
from .titles import make_title


@dataclass(frozen=True)
class Draft:
    """A drafted argument file: its text and what went into it."""

    text: str
    candidates: tuple[Candidate, ...]
    relations: tuple[ProposedRelation, ...]
    arguments: tuple[ProposedArgument, ...]
    sentences: int  # sentences considered (not headings or boilerplate)
    boilerplate: int  # paragraphs left out as boilerplate
    dropped: int  # candidates dropped because their quote did not verify


def extract(text: str, options: Options = Options(), lexicon: Lexicon | None = None, path: str = "draft.argmap") -> Draft:
    """Draft an argument file from an article's plain text.

    ``path`` is where the draft will be written (it only names the draft in
    the self-check); ``options.article`` is what its front matter's
    ``article:`` says.
    """
    lexicon = lexicon if lexicon is not None else load_lexicon()
    if options.url and not re.match(r"^https?://[^\s<>\"']+$", options.url, re.I):
        raise ArgmapError("bad-url", None, "give an http(s) address", url=options.url)
    text = normalize_article(text)
    paras, found = sentences(text)
    scored = with_context([score_sentence(s, lexicon) for s in found])
    kept = [s for s in scored if s.score >= options.min_score and not s.boilerplate and _quotable(s.sentence.text)]
    if options.max_claims is not None:
        best = sorted(kept, key=lambda s: (-s.score, s.sentence.index))[: max(options.max_claims, 0)]
        kept = sorted(best, key=lambda s: s.sentence.index)
    boilerplate = sum(p.boilerplate for p in paras) + sum(s.boilerplate for s in scored)
    normalized = normalize_quote(text)
    dropped: set[int] = set()
    for _attempt in range(len(kept) + 1):
        chosen = [s for s in kept if s.sentence.index not in dropped]
        draft = _assemble(chosen, paras, options, lexicon, len(found), boilerplate, len(dropped))
        bad = _verify(draft, normalized, path)
        if not bad:
            return draft
        dropped |= bad
    raise ArgmapError("extract-unverified", None, "please report this article as a bug")  # pragma: no cover


def _quotable(sentence: str) -> bool:
    """Sentences a quote line can hold: no control characters, some letters."""
    return not any(unicodedata.category(c) == "Cc" and c != "\t" for c in sentence) and any(c.isalpha() for c in sentence)


def _assemble(chosen: list[Scored], paras: list[Paragraph], options: Options, lexicon: Lexicon, total: int, boilerplate: int, dropped: int) -> Draft:
    taken: set[str] = set()
    candidates = [Candidate(make_title(s.sentence.text, taken), s) for s in chosen]
    relations, arguments = propose(candidates)
    text = render(candidates, relations, arguments, paras, options, lexicon)
    return Draft(text, tuple(candidates), tuple(relations), tuple(arguments), total, boilerplate, dropped)


def _verify(draft: Draft, normalized_article: str, path: str) -> set[int]:
    """Sentence indices of candidates whose lines break the draft (parse errors, quotes not in the article)."""
    document = parse_document(draft.text, path)
    lines = draft.text.split("\n")
    owner: dict[int, int] = {}
    current = None
    titles = {c.title: c.sentence.index for c in draft.candidates}
    for number, line in enumerate(lines, 1):
        match = re.match(r"^(?:\(\d+\) )?\[([^\[\]]+)\]:", line)
        if match and match.group(1) in titles:
            current = titles[match.group(1)]
        if current is not None:
            owner[number] = current
    bad: set[int] = set()
    errors = [d for d in document.diagnostics if d.severity is Severity.ERROR]
    for error in errors:
        line = error.span.line if error.span else 0
        if line in owner:
            bad.add(owner[line])
    if errors and not bad:
        bad = set(titles.values())  # cannot tell which: drop all rather than write a broken draft
    for statement in document.statements:
        for quote in statement.quotes:
            if normalize_quote(quote.text) not in normalized_article and quote.span.line in owner:
                bad.add(owner[quote.span.line])
    return bad


def slug(text: str) -> str:
    """A source id from a file name: lower-case words joined by '-'."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "article"


# ---------------------------------------------------------------- files


@dataclass(frozen=True)
class Result:
    """What `argmap extract` writes: the draft and, for stdin or HTML input, the text beside it."""

    draft: Draft
    text_path: Path | None  # where the article's text must be saved for the quotes to be checkable
    text: str  # the article's plain text
    source_id: str
    html: bool


def text_path_for(output: Path) -> Path:
    """Where the text of a stdin or HTML article goes: beside the draft, same name, .txt."""
    candidate = output.with_suffix(".txt")
    return candidate if candidate != output else output.with_name(output.name + ".article.txt")


def extract_article(
    data: bytes,
    name: str,
    output: Path | None,
    *,
    source_id: str | None = None,
    title: str = "",
    url: str = "",
    lexicon: Lexicon | None = None,
    max_claims: int | None = None,
    min_score: float = DEFAULT_MIN_SCORE,
    html: bool | None = None,
) -> Result:
    """Draft from an article file (``name``; '-' for standard input) that will be written to ``output``.

    A plain-text file is quoted where it is: the draft's ``article:`` is its
    path relative to the draft. Text from standard input or an HTML page
    has no file to quote, so :attr:`Result.text_path` names one beside the
    draft (the caller writes :attr:`Result.text` there); without ``output``
    that is impossible and an error.
    """
    stdin = name == "-"
    text = decode(data, "<stdin>" if stdin else name)
    is_html = looks_like_html(text, "" if stdin else name) if html is None else html
    if is_html:
        text = html_to_text(text)
    text = normalize_article(text)
    base = Path(output).stem if (stdin and output is not None) else Path(name).stem if not stdin else "article"
    source_id = source_id or slug(base)
    text_path = None
    if stdin or is_html:
        if output is None:
            raise ArgmapError("extract-needs-output", None, "add -o draft.argmap; the text is saved beside it as draft.txt")
        text_path = text_path_for(output)
        article = text_path.name
    else:
        directory = Path(output).parent if output is not None else Path(".")
        article = Path(_relative(Path(name), directory)).as_posix()
    options = Options(source_id, title, url, article, max_claims, min_score)
    draft = extract(text, options, lexicon, str(output or "draft.argmap"))
    return Result(draft, text_path, text, source_id, is_html)


def _relative(path: Path, directory: Path) -> str:
    import os

    try:
        return os.path.relpath(path.resolve(), directory.resolve())
    except ValueError:  # another drive on Windows
        return str(path.resolve())
