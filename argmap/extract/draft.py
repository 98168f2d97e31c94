"""Writing the drafted .argmap text: front matter, statements quoting their sentences, proposed relations and arguments, and the comments that explain them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Sequence

import yaml

from .article import Paragraph
from .lexicon import Lexicon
from .proposals import Candidate, ProposedArgument, ProposedRelation
from .scoring import DEFAULT_MIN_SCORE, Scored


@dataclass(frozen=True)
class Options:
    """What the draft's front matter says about its article, and how many candidates it keeps."""

    source_id: str = "article"
    title: str = ""
    url: str = ""
    article: str = ""  # the article's path as the draft's front matter should name it
    max_claims: int | None = None
    min_score: float = DEFAULT_MIN_SCORE



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
        lines += _argument_lines(argument, by_title, outgoing, written)
    return "\n".join(lines) + "\n"


def _argument_lines(
    argument: ProposedArgument,
    by_title: dict[str, Candidate],
    outgoing: dict[str, list[ProposedRelation]],
    written: set[str],
) -> list[str]:
    """A proposed argument as a premise–conclusion structure; a premise already ``written`` is only referred to."""
    conclusion = by_title[argument.conclusion]
    tag = f" #{conclusion.scored.position}" if conclusion.scored.position else ""
    lines = [
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
    return lines


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
