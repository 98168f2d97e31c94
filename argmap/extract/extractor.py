"""Semi-extraction: draft an argument file from an article.

The article is split into paragraphs (its lines) and sentences (pysbd).
Every sentence is scored with transparent cues (see :data:`CUES` and
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

The library never prints or exits; problems are :class:`~argmap.errors.ArgmapError`.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Iterable, Sequence

import yaml

from ..build.document import parse_document
from ..core.text import normalize_quote
from ..core.errors import ArgmapError
from ..core.model import Severity, Span

DEFAULT_MIN_SCORE = 1.0
DEFAULT_LEXICON = "ukraine-war.yaml"

# ---------------------------------------------------------------- cues
#
# A cue family fires once per sentence however many of its markers occur;
# the sentence's score is the sum of the weights of the families that fired.
# Markers are regular expressions matched case-insensitively on whole words.


@dataclass(frozen=True)
class CueFamily:
    name: str
    weight: float
    patterns: tuple[str, ...]
    initial_only: bool = False  # markers count only at the start of the sentence
    regex: re.Pattern = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        body = "|".join(f"(?:{p})" for p in self.patterns)
        if self.initial_only:
            pattern = rf"^\W*(?:{body})\b"
        else:
            pattern = rf"(?<![\w'’-])(?:{body})(?![\w'’-])"
        object.__setattr__(self, "regex", re.compile(pattern, re.IGNORECASE))

    def find(self, sentence: str) -> list[str]:
        return [m.group(0).strip(" \t\"'“”‘’(") for m in self.regex.finditer(sentence)]


_NOT_AFTER_SO = r"(?!\s+(?:far|much|many|long|called|that|too|as|to|often|well|few|little)\b)(?!-)"
_TEMPORAL_SINCE = (
    r"(?!\s+(?:then|when|\d+|the\s+(?:start|beginning|end|war|invasion|fall|collapse|outbreak)|early|last|its|his|her|their"
    r"|january|february|march|april|may|june|july|august|september|october|november|december)\b)"
)

CONCLUSION = CueFamily(
    "conclusion marker",
    2.0,
    (
        "therefore", "thus", "hence", "consequently", "accordingly", "as a result", "it follows that",
        "which means", "this means", "that means", "which is why", "this is why", "that is why",
        "for this reason", "for these reasons", "in short", "in sum", "to sum up", "in conclusion",
        "ultimately", "in the end", "the upshot", r"(?:^|(?<=[,;:—–]))\s*so" + _NOT_AFTER_SO,
    ),
)
PREMISE = CueFamily(
    "premise marker",
    1.5,
    (
        "because", "given that", "given the", "due to", "owing to", "in light of", "in view of",
        "the reason is", "the reason why", "after all", "as shown by", "as evidenced by", "since" + _TEMPORAL_SINCE,
    ),
)
CONTRAST = CueFamily(
    "contrast marker",
    1.0,
    (
        "but", "however", "although", "though", "even though", "despite", "in spite of", "nevertheless",
        "nonetheless", "on the other hand", "whereas", "instead", "rather than", "even so", "by contrast",
        "on the contrary", "conversely", r"(?:^|(?<=[,;:—–]))\s*yet(?!\s+(?:to|another|again)\b)",
        r"^\W*still(?=,)", r"^\W*while",
    ),
)
DEONTIC = CueFamily(
    "modal: ought",
    2.0,
    (
        "should", "shouldn[’']t", "should not", "must", "mustn[’']t", "ought to", "needs? to", "has to", "have to",
        "cannot afford", "it is (?:essential|imperative|vital|crucial|necessary|time)", "it[’']s time", "is no time",
    ),
)
EPISTEMIC = CueFamily(
    "modal: likelihood",
    1.0,
    (
        "(?-i:may)", "might", "could", "would", "likely", "unlikely", "probably", "perhaps", "possibly",
        "seems?", "seemed", "appears? to", "apparently", "presumably", "arguably", "certainly",
        "surely", "undoubtedly", "evidently", "inevitabl[ey]", "cannot", "can[’']t", "won[’']t", "will never",
    ),
)
EVALUATIVE = CueFamily(
    "evaluative",
    1.0,
    (
        "reasonable", "unreasonable", "legitimate", "illegitimate", "valid", "invalid", "wrong(?:ly)?", "rightly",
        "mistaken?", "mistakes", "misguided", "naive", "na[iï]ve", "foolish", "reckless", "dangerous", "disastrous",
        "catastroph(?:e|ic)", "calamit(?:y|ous)", "crucial", "essential", "vital", "important", "necessary",
        "unnecessary", "needless(?:ly)?", "fail(?:s|ed|ure|ing)?", "success(?:ful)?", "effective", "ineffective",
        "futile", "pointless", "counterproductive", "unrealistic", "realistic", "credible", "flawed", "illusion",
        "fantasy", "absurd", "outrageous", "terrible", "worse", "worst", "better", "best", "wise", "unwise",
        "prudent", "sensible", "irresponsible", "hypocri(?:sy|tical)", "cynical", "genuine(?:ly)?", "sincere",
        "weak(?:ness)?", "serious(?:ly)?", "costly", "risky", "risks?", "harmful", "unacceptable", "acceptable",
        "(?:un)?justified", "immoral", "shameful", "clumsy", "clumsily", "fruitless", "doomed", "predictably",
        "unfortunately", "fortunately", "sadly", "tragic(?:ally)?", "desperate(?:ly)?", "blunder", "folly",
    ),
)
STANCE = CueFamily(
    "stance phrase",
    2.0,
    (
        "in my view", "in my opinion", "i think", "i believe", "i argue", "i would argue", "i[’']d argue", "i know",
        "i suspect", "we should", "we must", "we need", "we cannot", "the truth is", "the fact is", "the reality is",
        "the problem is", "the point is", "the question is", "the lesson", "the bottom line", "make no mistake",
        "there is no doubt", "no doubt", "it is clear", "clearly", "obviously", "to be sure", "of course",
        "in fact", "indeed", "let us be clear", "let[’']s be clear", "what matters", "the key",
        "there is (?:every|good|little|no) reason", "it is (?:little|no) wonder",
    ),
)
REPORTED = CueFamily(
    "reported position",
    1.0,
    (
        "argues?", "argued", "contends?", "contended", "claims?", "claimed", "insists?", "insisted",
        "maintains?", "maintained", "believes?", "believed", "warns?", "warned", "asserts?", "asserted",
        "says?", "said", "stated", "noted", "acknowledged", "suggests?", "suggested", "according to",
        "critics", "proponents", "supporters", "opponents", "skeptics", "sceptics", "analysts", "experts",
        "observers", "officials", "hawks", "doves", "realists",
    ),
)

CUES: tuple[CueFamily, ...] = (CONCLUSION, PREMISE, CONTRAST, DEONTIC, EPISTEMIC, EVALUATIVE, STANCE, REPORTED)
TOPIC_WEIGHT = 0.5  # a sentence that uses any term of the position lexicon is about the debate
SHORT_PENALTY = -1.0  # fewer than SHORT_WORDS words: rarely a claim of its own
SHORT_WORDS = 6
INTRO_PENALTY = -2.0  # a sentence ending in a colon introduces a quotation or a list: not a claim itself

# Sentence-initial connectives that relate a sentence to the candidate before it.
# "After all, X" gives a reason for what came before; "Because X, Y" is one sentence with its own
# reason, so "because" and "since" relate to the sentence before only when no clause follows a comma.
_INITIAL_PREMISE = CueFamily(
    "premise",
    0,
    (
        "after all", "for one thing", "for another", "that is because", "this is because", "it is because",
        "the reason is", "the reason for this", r"(?:because|since" + _TEMPORAL_SINCE + r")(?=[^,;:]*$)",
    ),
    initial_only=True,
)
_INITIAL_CONCLUSION = CueFamily(
    "conclusion",
    0,
    (
        "therefore", "thus", "hence", "consequently", "accordingly", "as a result", "so(?=[ ,])" + _NOT_AFTER_SO,
        "this means", "that means", "that is why", "this is why", "for this reason", "for these reasons",
        "in short", "in sum", "in conclusion", "ultimately", "it follows",
    ),
    initial_only=True,
)
_INITIAL_CONTRAST = CueFamily(
    "contrast",
    0,
    (
        "but", "however", "yet(?!\\s+(?:to|another|again)\\b)", "still(?=,)", "nevertheless", "nonetheless",
        "on the other hand", "even so", "by contrast", "on the contrary", "conversely", "instead",
    ),
    initial_only=True,
)

# ---------------------------------------------------------------- boilerplate

_BOILERPLATE = re.compile(
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

# ---------------------------------------------------------------- lexicon


@dataclass(frozen=True)
class PositionCues:
    """One position of a lexicon: what the front matter declares and the terms that signal it."""

    tag: str
    label: str
    color: str = ""
    description: str = ""
    terms: tuple[str, ...] = ()
    regexes: tuple[re.Pattern, ...] = field(default=(), repr=False, compare=False)

    def matches(self, sentence: str) -> list[str]:
        return [term for term, regex in zip(self.terms, self.regexes) if regex.search(sentence)]


@dataclass(frozen=True)
class Lexicon:
    path: str
    positions: tuple[PositionCues, ...]


_TAG_WORD = re.compile(r"^[\w-]+$")


def _term_regex(term: str) -> re.Pattern:
    """Whole words, any case; a word ending in * matches any ending; spaces or hyphens between words."""
    parts = []
    for word in re.split(r"[\s-]+", term.strip()):
        if word.strip("*"):
            parts.append(re.escape(word.rstrip("*")) + (r"[\w'’-]*" if word.endswith("*") else ""))
    body = r"[\s-]+".join(parts)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


def default_lexicon_path() -> Path:
    return Path(str(resources.files("argmap.extract") / "lexicon" / DEFAULT_LEXICON))


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """Read a position lexicon (YAML); the default one when ``path`` is None."""
    path = Path(path) if path is not None else default_lexicon_path()
    where = Span(str(path), 1, 1, 1, 1)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ArgmapError("lexicon-unreadable", where, "check the path of --lexicon", file=str(path), reason="no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ArgmapError("lexicon-unreadable", where, "save the lexicon as UTF-8 YAML", file=str(path), reason=str(exc)) from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        if mark is not None:
            where = Span(str(path), mark.line + 1, mark.column + 1, mark.line + 1, mark.column + 1)
        raise ArgmapError("lexicon-invalid", where, "see docs/extract.md for the lexicon format", reason=str(getattr(exc, "problem", exc))) from None
    return lexicon_from_data(data, str(path))


def lexicon_from_data(data: object, path: str = "<lexicon>") -> Lexicon:
    where = Span(path, 1, 1, 1, 1)
    hint = "see docs/extract.md for the lexicon format"

    def invalid(reason: str) -> ArgmapError:
        return ArgmapError("lexicon-invalid", where, hint, reason=reason)

    if not isinstance(data, dict) or not isinstance(data.get("positions"), dict) or not data["positions"]:
        raise invalid("it needs a mapping 'positions:' of position tags")
    positions = []
    for tag, entry in data["positions"].items():
        tag = str(tag)
        if not _TAG_WORD.match(tag):
            raise invalid(f"position tag {tag!r} must be one word (letters, digits, '-', '_')")
        if not isinstance(entry, dict):
            raise invalid(f"position {tag!r} must be a mapping with 'label' and 'terms'")
        terms = entry.get("terms") or []
        if not isinstance(terms, list) or not all(isinstance(t, (str, int, float)) and str(t).strip() for t in terms):
            raise invalid(f"the terms of position {tag!r} must be a list of words or phrases")
        terms = tuple(dict.fromkeys(str(t).strip() for t in terms))
        colour = entry.get("color", entry.get("colour", ""))
        positions.append(
            PositionCues(
                tag=tag,
                label=str(entry.get("label") or tag),
                color=str(colour or ""),
                description=str(entry.get("description") or ""),
                terms=terms,
                regexes=tuple(_term_regex(t) for t in terms),
            )
        )
    return Lexicon(path, tuple(positions))


# ---------------------------------------------------------------- the article


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
        boilerplate = in_boilerplate_section or bool(_BOILERPLATE.search(body))
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


# ---------------------------------------------------------------- scoring


@dataclass(frozen=True)
class Cue:
    family: str
    markers: tuple[str, ...]
    weight: float

    def __str__(self) -> str:
        markers = ", ".join(f'"{m.lower()}"' for m in self.markers[:3])
        return f"{self.family} {markers} ({self.weight:+g})" if markers else f"{self.family} ({self.weight:+g})"


@dataclass(frozen=True)
class Scored:
    sentence: Sentence
    score: float
    cues: tuple[Cue, ...]
    position: str | None
    position_terms: tuple[str, ...]
    position_tie: tuple[str, ...]  # the tied positions when no single one wins
    boilerplate: bool
    hits: tuple[tuple[str, tuple[str, ...]], ...] = ()  # lexicon terms found, per position tag
    position_from_context: bool = False  # the position comes from the neighbouring sentences


def score_sentence(sentence: Sentence, lexicon: Lexicon) -> Scored:
    text = sentence.text
    cues: list[Cue] = []
    for family in CUES:
        markers = family.find(text)
        if markers:
            cues.append(Cue(family.name, tuple(dict.fromkeys(m for m in markers if m)) or (family.name,), family.weight))
    hits = {p.tag: p.matches(text) for p in lexicon.positions}
    if any(hits.values()):
        terms = tuple(dict.fromkeys(t for p in lexicon.positions for t in hits[p.tag]))
        cues.append(Cue("debate term", terms, TOPIC_WEIGHT))
    if len(text.split()) < SHORT_WORDS:
        cues.append(Cue("short sentence", (), SHORT_PENALTY))
    if text.rstrip().endswith(":"):
        cues.append(Cue("introduces what follows", (), INTRO_PENALTY))
    weight = {tag: _weight(v) for tag, v in hits.items()}
    best = max(weight.values(), default=0)
    leaders = tuple(tag for tag, v in weight.items() if best and v == best)
    position = leaders[0] if len(leaders) == 1 else None
    terms = tuple(hits[position]) if position else ()
    boilerplate = bool(_BOILERPLATE.search(text))
    score = round(sum(c.weight for c in cues), 2)
    hits_tuple = tuple((tag, tuple(v)) for tag, v in hits.items())
    return Scored(sentence, score, tuple(cues), position, terms, leaders if len(leaders) > 1 else (), boilerplate, hits_tuple)


def _weight(terms: Iterable[str]) -> float:
    """A phrase is more telling than a word: terms of two or more words count twice."""
    return sum(2 if len(re.split(r"[\s-]+", t.strip("*").strip())) > 1 else 1 for t in terms)


CONTEXT_SENTENCES = 3  # a sentence without a position of its own looks this many sentences either way, in its paragraph


def with_context(scored: Sequence[Scored]) -> list[Scored]:
    """Sentences the lexicon leaves undecided take the position of their neighbours in the paragraph.

    A sentence's own terms count twice, its neighbours' once; a clear winner
    becomes the position, marked as coming from the context.
    """
    result = []
    for i, item in enumerate(scored):
        if item.position is not None:
            result.append(item)
            continue
        votes: dict[str, float] = {tag: 2.0 * _weight(terms) for tag, terms in item.hits}
        evidence: dict[str, list[str]] = {tag: list(terms) for tag, terms in item.hits}
        for j in range(max(0, i - CONTEXT_SENTENCES), min(len(scored), i + CONTEXT_SENTENCES + 1)):
            other = scored[j]
            if j == i or other.sentence.paragraph != item.sentence.paragraph:
                continue
            for tag, terms in other.hits:
                votes[tag] = votes.get(tag, 0.0) + _weight(terms)
                evidence.setdefault(tag, []).extend(terms)
        best = max(votes.values(), default=0.0)
        leaders = [tag for tag, v in votes.items() if best and v == best]
        if len(leaders) == 1 and leaders[0] == item.position:
            result.append(item)
        elif len(leaders) == 1:
            tag = leaders[0]
            terms = tuple(dict.fromkeys(evidence[tag]))
            result.append(dataclasses.replace(item, position=tag, position_terms=terms, position_from_context=True))
        else:
            result.append(item)
    return result


# ---------------------------------------------------------------- titles

_STOPWORDS = frozenset(
    """a an the and or but nor of to in on at for with by from as into onto over under about after before between
    through during without within against among upon is are was were be been being am it its it's this that these those
    he she they we you i me him her them us his hers their theirs our ours your yours my mine not no so than then too
    very can could may might will would shall should must do does did done have has had having there here what which who
    whom whose when where why how if while because since until also more most such only own same other some any each
    all both few many much just even still yet however though although whether either neither one ones s t
    said says say says told according one's per via amid despite like unlike onto out up down off again further once
    let lets let's mr mrs ms dr moreover furthermore meanwhile additionally instead rather therefore thus hence indeed
    means mean meant alternatively worse""".split()
)
_WORD = re.compile(r"[^\W_](?:[\w'’.-]*[^\W_])?")
_NEGATIONS = frozenset({"not", "no", "never", "cannot"})
_SUBORDINATE_START = re.compile(
    r"^\W*(?:after|before|when|whenever|while|although|though|even though|if|unless|since|because|as|once|until|despite|given|"
    r"according to|in|on|at|for|with|amid|following|by|under|over|during|like|unlike|however|but|yet|still|so|thus|"
    r"therefore|hence|indeed|of course|in fact)\b[^,;:]{0,120}[,;:]\s*",
    re.IGNORECASE,
)
TITLE_WORDS = 5


def make_title(sentence: str, taken: set[str] | None = None, words: int = TITLE_WORDS) -> str:
    """A short title from the sentence's own content words (main clause first), unique among ``taken``."""
    main = _SUBORDINATE_START.sub("", sentence, count=1)
    chosen = _content_words(main) or _content_words(sentence) or ["Claim"]
    if len(chosen) < 3 and main != sentence:
        chosen = _content_words(sentence) or chosen
    title = " ".join(_capitalise(w) for w in chosen[:words])
    taken = taken if taken is not None else set()
    unique, n = title, 2
    while unique.casefold() in taken:
        unique, n = f"{title} {n}", n + 1
    taken.add(unique.casefold())
    return unique


def _content_words(text: str) -> list[str]:
    """Content words in order: no stop words, no adverbs in -ly, long runs of names cut to their last two words."""
    words: list[tuple[str, bool]] = []  # (word, capitalised)
    for match in _WORD.finditer(text):
        word = match.group(0).replace("’", "'")
        if word.endswith("'s"):
            word = word[:-2]
        if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word):
            word += "."  # U.S, U.K → U.S., U.K.
        words.append((word, word[:1].isupper()))
    kept: list[str] = []
    run: list[str] = []

    def flush() -> None:
        kept.extend(run[-2:] if len(run) > 2 else run)
        run.clear()

    for word, capitalised in words:
        bare = word.lower().strip(".'-")
        if bare in _NEGATIONS or bare.endswith("n't"):
            flush()
            kept.append("not")
            continue
        if not bare or bare in _STOPWORDS or (len(bare) < 3 and not word.isupper()) or bare.isdigit() or (bare.endswith("ly") and len(bare) > 4):
            flush()
            continue
        if capitalised:
            run.append(word.strip("'-"))
        else:
            flush()
            kept.append(word.strip(".'-"))
    flush()
    found: list[str] = []
    for word in kept:
        if word.lower() not in (w.lower() for w in found):
            found.append(word)
    return found


def _capitalise(word: str) -> str:
    return word if word[:1].isupper() or any(c.isupper() for c in word[1:]) else word[:1].upper() + word[1:]


# ---------------------------------------------------------------- the draft


@dataclass(frozen=True)
class Candidate:
    title: str
    scored: Scored

    @property
    def sentence(self) -> Sentence:
        return self.scored.sentence


@dataclass(frozen=True)
class ProposedRelation:
    source: str  # candidate titles
    target: str
    type: str  # "support" or "attack"
    marker: str


@dataclass(frozen=True)
class ProposedArgument:
    title: str
    premises: tuple[str, ...]
    conclusion: str
    marker: str


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


@dataclass(frozen=True)
class Options:
    source_id: str = "article"
    title: str = ""
    url: str = ""
    article: str = ""  # the article's path as the draft's front matter should name it
    max_claims: int | None = None
    min_score: float = DEFAULT_MIN_SCORE


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
    relations, arguments = _propose(candidates)
    text = render(candidates, relations, arguments, paras, options, lexicon)
    return Draft(text, tuple(candidates), tuple(relations), tuple(arguments), total, boilerplate, dropped)


NEIGHBOUR_SENTENCES = 2  # a connective relates a sentence to a candidate at most this many sentences back
PREMISES_MAX = 3  # a conclusion marker takes at most this many candidates before it as premises


def _propose(candidates: list[Candidate]) -> tuple[list[ProposedRelation], list[ProposedArgument]]:
    relations: list[ProposedRelation] = []
    arguments: list[ProposedArgument] = []
    premise_titles: set[str] = set()
    conclusion_titles: set[str] = set()
    attacks_previous: set[str] = set()
    for i, candidate in enumerate(candidates):
        if i == 0:
            continue
        previous = candidates[i - 1]
        sentence, before = candidate.sentence, previous.sentence
        near = sentence.index - before.index <= NEIGHBOUR_SENTENCES and sentence.paragraph - before.paragraph <= 1
        if not near:
            continue
        text = sentence.text
        if marker := _INITIAL_CONCLUSION.find(text):
            premises: list[Candidate] = []
            for earlier in reversed(candidates[:i]):
                if len(premises) == PREMISES_MAX or earlier.sentence.paragraph < sentence.paragraph - 1:
                    break
                if earlier.title in premise_titles:
                    break  # already a premise of another argument
                premises.append(earlier)
                if earlier.title in conclusion_titles:
                    break  # an earlier conclusion becomes a premise: the arguments chain
                if earlier.title in attacks_previous:
                    break  # what a contrast marker turned against is not a premise of the same argument
            if not premises:
                continue
            premises.reverse()
            # arguments have their own namespace: the argument is named after its conclusion
            arguments.append(ProposedArgument(candidate.title, tuple(p.title for p in premises), candidate.title, marker[0]))
            premise_titles.update(p.title for p in premises)
            conclusion_titles.add(candidate.title)
        elif marker := _INITIAL_PREMISE.find(text):
            relations.append(ProposedRelation(candidate.title, previous.title, "support", marker[0]))
        elif marker := _INITIAL_CONTRAST.find(text):
            relations.append(ProposedRelation(candidate.title, previous.title, "attack", marker[0]))
            attacks_previous.add(candidate.title)
    return relations, arguments


# ---------------------------------------------------------------- writing the draft

_UNSAFE_TEXT = re.compile(r"[\[\]{}<>#@*_`\\|]")


def safe_text(text: str) -> str:
    """The sentence as a statement text: markup characters neutralised, one line."""
    text = text.replace("[", "(").replace("]", ")").replace("{", "(").replace("}", ")")
    text = _UNSAFE_TEXT.sub(" ", text)
    text = re.sub(r"/{2,}", "/", text)
    text = re.sub(r"\s+", " ", text).strip()
    # what follows `[Title]: ` must not start like a marker (+>, -, 1., (1), ...)
    return re.sub(r"^(?:[^\w\"“‘'(]+|\d+[.)]\s*|\(\d+\)\s*|_+)+", "", text)


def quote_line(text: str) -> str:
    """The sentence as a quote line's content: `"…"`, cut before anything the parser would take for a comment."""
    text = re.sub(r"\s+", " ", text).strip()
    hazard = re.search(r"[\"“”„]\s+//", text)
    if hazard:
        text = text[: hazard.start() + 1]
    return f'"{text}"'


def _comment(text: str) -> str:
    """Text safe inside a trailing // comment: no block-comment delimiters, one line."""
    text = text.replace("*/", "* /").replace("/*", "/ *").replace("-->", "- ->").replace("<!--", "< !--")
    return re.sub(r"\s+", " ", text).strip()


def _cue_comment(scored: Scored) -> str:
    cues = "; ".join(str(c) for c in scored.cues)
    return _comment(f"score {scored.score:g}: {cues}")


def _position_comment(scored: Scored) -> str:
    if scored.position:
        terms = ", ".join(f'"{t}"' for t in scored.position_terms[:3])
        if scored.position_from_context:
            return f"TODO: position? from the sentences around it ({terms})"
        return f"position from {terms}"
    if scored.position_tie:
        return "TODO: position? " + " or ".join(f"#{t}" for t in scored.position_tie) + " tie"
    return "TODO: position? no lexicon term"


def _statement_lines(candidate: Candidate, indent: str, number: int | None = None) -> list[str]:
    scored = candidate.scored
    tag = f" #{scored.position}" if scored.position else ""
    head = f"({number}) " if number is not None else ""
    comment = _comment(f"{_cue_comment(scored)}; {_position_comment(scored)}")
    quote_indent = indent + ("    " if number is not None else "  ")
    return [
        f"{indent}{head}[{candidate.title}]: {safe_text(candidate.sentence.text)}{tag} // {comment}",
        f"{quote_indent}> {quote_line(candidate.sentence.text)}",
    ]


def render(
    candidates: Sequence[Candidate],
    relations: Sequence[ProposedRelation],
    arguments: Sequence[ProposedArgument],
    paras: Sequence[Paragraph],
    options: Options,
    lexicon: Lexicon,
) -> str:
    lines = [*_front_matter(options, lexicon), ""]
    lines += [
        "// Drafted by `argmap extract`: each statement quotes one sentence of the article",
        "// verbatim; the title, the text (the sentence itself), the position tag, the",
        "// relations and the arguments are proposals. A trailing comment says which cues",
        "// fired; `TODO` marks what needs a human decision. Rename, merge, rewrite or",
        "// delete freely, then run `argmap check` (it warns about each claim that has",
        "// no relation yet).",
    ]
    if not candidates:
        lines += ["", "// TODO: no sentence scored high enough to be a candidate claim; try a lower --min-score."]
        return "\n".join(lines) + "\n"
    by_title = {c.title: c for c in candidates}
    argument_of = {a.conclusion: a for a in arguments}
    premise_of = {p: a for a in arguments for p in a.premises}
    outgoing: dict[str, list[ProposedRelation]] = {}
    for relation in relations:
        outgoing.setdefault(relation.source, []).append(relation)
    headings = {p.index: p for p in paras if p.heading and not p.boilerplate}
    next_heading = 0
    heading_indices = sorted(headings)
    written: set[str] = set()
    for candidate in candidates:
        paragraph = candidate.sentence.paragraph
        pending = [h for h in heading_indices[next_heading:] if h < paragraph]
        if pending:
            heading = headings[pending[-1]]
            next_heading = heading_indices.index(pending[-1]) + 1
            heading_text = safe_text(heading.text).strip(" :") or "Section"
            lines += ["", f"# {heading_text}"]
        if candidate.title in premise_of and candidate.title not in argument_of:
            continue  # written in its argument's premise–conclusion structure
        lines.append("")
        argument = argument_of.get(candidate.title)
        if argument is None:
            lines += _statement_lines(candidate, "")
            lines += _relation_lines(outgoing.get(candidate.title, []), "  ")
            written.add(candidate.title)
            continue
        conclusion = by_title[argument.conclusion]
        tag = f" #{conclusion.scored.position}" if conclusion.scored.position else ""
        lines += [
            f"<{argument.title}>:{tag} // TODO: one line saying how the premises lead to the conclusion; proposed because of \"{_comment(argument.marker.lower())}\"",
            "",
        ]
        number = 0
        for title in argument.premises:
            number += 1
            premise = by_title[title]
            if title in written:
                lines.append(f"({number}) [{title}]")
            else:
                lines += _statement_lines(premise, "", number)
                lines += _relation_lines(outgoing.get(title, []), "  ")
                written.add(title)
        lines.append("----")
        lines += _statement_lines(conclusion, "", number + 1)
        lines += _relation_lines(outgoing.get(conclusion.title, []), "  ")
        written.add(conclusion.title)
    return "\n".join(lines) + "\n"


def _relation_lines(relations: Iterable[ProposedRelation], indent: str) -> list[str]:
    lines = []
    for relation in relations:
        sign, verb = ("+>", "supports") if relation.type == "support" else ("->", "attacks")
        marker = _comment(relation.marker.lower())
        lines.append(f"{indent}{sign} [{relation.target}] // TODO: check that this {verb} it (\"{marker}\")")
    return lines


def _front_matter(options: Options, lexicon: Lexicon) -> list[str]:
    source: dict[str, str] = {"id": options.source_id}
    if options.title:
        source["title"] = options.title
    if options.url:
        source["url"] = options.url
    if options.article:
        source["article"] = options.article
    positions = {}
    for position in lexicon.positions:
        entry = {"label": position.label}
        if position.color:
            entry["color"] = position.color
        if position.description:
            entry["description"] = position.description
        positions[position.tag] = entry
    data = yaml.safe_dump({"source": source, "positions": positions}, sort_keys=False, allow_unicode=True, width=1000)
    return ["===", *data.rstrip("\n").split("\n"), "==="]


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
