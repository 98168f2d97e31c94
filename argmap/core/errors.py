"""Errors and the catalogue of messages.

Every problem with the input is an :class:`ArgmapError` (or, when the input
still means something, a warning :class:`~argmap.model.Diagnostic`). The
messages live together in :data:`MESSAGES` so their wording stays consistent
and can be reviewed in one place. The library never prints or exits: the CLI
turns errors into output and exit codes.
"""

from __future__ import annotations

from .model import Diagnostic, Severity, Span

MESSAGES: dict[str, str] = {
    # reading files
    "not-found": "no such file",
    "not-a-file": "not a regular file",
    "unreadable": "cannot read the file: {reason}",
    "not-utf8": "the file is not UTF-8 text (byte 0x{byte:02x} at offset {offset})",
    "binary": "the file looks binary (it contains NUL bytes)",
    # syntax
    "unexpected-token": "unexpected {found}; expected {expected}",
    "unexpected-char": "unexpected character {char!r}; expected {expected}",
    "unexpected-end": "the file ends too early; expected {expected}",
    "mixed-indentation": "tabs and spaces are mixed in the indentation of one block",
    "relation-without-parent": "this relation has no element above it to attach to",
    "relation-after-blank": "a relation cannot start a new block after a blank line",
    "unterminated-front-matter": "the front matter opened here is never closed with '==='",
    "unterminated-comment": "the comment opened here is never closed with '{closer}'",
    "unclosed-bracket": "the title is not closed with '{closer}'",
    "too-deep": "relations are nested more than {limit} levels deep",
    "text-after-quote": "a quote is followed by plain text",
    "quote-without-element": "this quote has no statement or argument above it to belong to",
    # front matter and data
    "front-matter-yaml": "the front matter is not valid YAML: {reason}",
    "front-matter-not-mapping": "the front matter must be a mapping of keys to values",
    "front-matter-key": "front matter key '{key}' must be {expected}",
    "inline-data-yaml": "inline data is not valid YAML: {reason}",
    "inline-data-not-mapping": "inline data must be a mapping like {{key: value}}",
    "bad-colour": "position colour {colour!r} is not a colour like '#1f77b4' or 'steelblue'",
    "positions-file": "cannot read the positions file {file!r}: {reason}",
    "article-missing": "the article {file!r} does not exist",
    "article-unreadable": "cannot read the article {file!r}: {reason}",
    "bad-url": "source url {url!r} is not an http(s) address",
    # premise–conclusion structures
    "pcs-no-conclusion": "this premise–conclusion structure has no conclusion after its last inference line",
    "pcs-no-inference": "this premise–conclusion structure has no inference line (----) before its conclusion",
    "inference-without-premises": "an inference line needs at least one premise above it",
    "argument-in-pcs": "an argument cannot be a premise or conclusion",
    "pcs-numbering": "premise number ({found}) breaks the sequence; expected ({expected})",
    # model
    "self-relation": "{element} {verb} itself; the relation is ignored",
    "undercut-statement": "an undercut should target an argument, but {element} is a statement",
    "unknown-reference": "{element} is never defined",
    "conflicting-text": "{element} has a different text here than at {other}",
    "undeclared-position": "tag #{tag} looks like a position but is not declared",
    "isolated": "{element} has no relation and no role in an argument",
    "dropped-by-argdown": "{element} {verb} its own main conclusion; Argdown drops this relation",
    "relation-without-space": "this line starts with '{sign}' but has no space after it, so it is read as text",
    "text-after-reference": "text after the reference {element} makes this a definition",
    "quote-not-found": "the quote does not occur in the article {file}",
    "quote-unchecked": "the quote cannot be checked: the front matter names no source article",
    "voice-value": "'{key}' must be {expected}, not {found}",
    "conflicting-voice": "{element} has {key} {found!r} here but {other!r} at {where}",
    "unsourced": "{element} has no quote from {file} and is not marked as the mapper's",
    "empty-file": "the file is empty",
    # render and stats
    "render-unknown-focus": "--focus: no statement or argument is titled {title!r}",
    "render-ambiguous-focus": "--focus: {title!r} is the title of both a statement and an argument",
    "render-focus-hidden": "--focus: {element} is not in the view that --position/--source select",
    "render-unknown-position": "--position: no position {name!r}; the map has {known}",
    "render-unknown-source": "--source: no source {name!r}; the map has {known}",
    "render-needs-output": "{format} output cannot go to the terminal; write it to a file with -o FILE",
    "render-unknown-extension": "cannot tell the output format from {file!r}",
    "render-depth-without-focus": "--depth needs --focus",
    "dot-missing": "Graphviz's dot program was not found",
    "dot-timeout": "Graphviz's dot did not finish within {seconds} seconds",
    "dot-failed": "Graphviz's dot failed (exit status {status}): {reason}",
    # extract and suggest-merges
    "lexicon-unreadable": "cannot read the lexicon {file!r}: {reason}",
    "lexicon-invalid": "the lexicon is not valid: {reason}",
    "extract-needs-trafilatura": "reading an HTML page needs trafilatura, an optional extra",
    "extract-no-text": "no main text found in the HTML page",
    "extract-unverified": "the draft did not pass its own check",
    "extract-needs-output": "text from standard input or an HTML page must be saved beside the draft, so -o is needed",
    "cannot-write": "cannot write {file!r}: {reason}",
    "output-is-input": "the output {file!r} is one of the inputs; an input is never overwritten",
    "output-not-regular": "the output {file!r} exists and is not a regular file; only a regular file is replaced",
    # embed (Markdown) and the Sphinx directive
    "embed-unclosed-fence": "the {fence}argmap block opened here is never closed",
    "embed-bad-syntax": "cannot read the block's options from here on",
    "embed-unknown-option": "unknown option {name!r}",
    "embed-repeated-option": "option {name!r} is given twice",
    "embed-bad-value": "option {name}={value!r}: {reason}",
    "embed-bad-options": "the options do not make a view: {reason}",
    "embed-no-file": "file={pattern!r} names no file",
    "embed-empty": "there is no map to draw: no markup and no file= option",
    "embed-depth-without-focus": "depth= needs focus=",
    "embed-same-file": "the output {file!r} is the input itself; the input is never modified",
    # render --width, watch
    "render-width-format": "--width caps svg, png and html output, not {format}",
    # the language server
    "lsp-needs-pygls": "the language server needs pygls and lsprotocol, an optional extra",
    # evaluate
    "evaluate-needs-clingo": "preferred and stable semantics need the clingo solver, an optional extra",
    # render --overview
    "overview-no-positions": "the overview draws the map's positions, but none are declared",
    "overview-option": "{option} does not apply to --overview, which draws whole positions",
    "overview-top-without-overview": "--top needs --overview",
    # render --page, --pages
    "page-format": "--page lays the map out for a slide or paper: write svg, pdf, png, dot or json, not {format}",
    "page-width": "--width and --page both set the drawing's size; give one of them",
    "pages-output": "--pages writes one PDF (-o FILE.pdf) or one SVG per page (-o FILE.svg: FILE-01.svg, FILE-02.svg, …), not {format}",
    "pages-option": "{option} does not apply to --pages, which cuts the whole map into pages by position or section",
    "page-small-text": "at {page} size the smallest text is {points:.1f} pt",
    "pages-small-text": "page {number} ({title}) prints its smallest text at {points:.1f} pt: an expanded argument too big for the paper",
    # AIF import (argmap import)
    "aif-not-json": "the file is not JSON: {reason}",
    "aif-not-aif": "this JSON is not AIF, xAIF or OVA: {reason}",
    "aif-bad-value": "{where}: {reason}",
    "aif-duplicate-id": "{where}: the node id {id!r} is used twice (first at {first})",
    "aif-missing-node": "{where}: {key} {id!r} names no node of the file",
    "aif-rephrase-cycle": "{where}: MA (rephrase) nodes go round in a cycle: {cycle}",
    "aif-skipped": "{where}: {what} is left out: {reason}",
    "aif-dialogue": "{count} dialogue nodes (L, TA, YA) are not claims: {kept}",
    "aif-unrelated": "{nodes} in no relation: kept in the front matter (aif: unrelated:), not drawn",
    "aif-output-exists": "the output {file!r} is the input itself; the input is never modified",
    # fmt
    "fmt-blank-statement": "only white space follows the comment on this line, which makes an empty statement; fmt would drop it, so the file is left as it is",
    "fmt-empty-heading": "this heading has no title; without the white space after its '#' it would become text, so the file is left as it is",
    "fmt-leading-bom": "this text starts with an invisible U+FEFF (byte-order mark), which readers drop at the top of a file; the file is left as it is",
    "fmt-front-matter-lookalike": "this text starts with '===', which opens front matter at the top of a file; fmt would move it there, so the file is left as it is",
    "fmt-mark-alone": "only a comment follows this mark, so its text is the next line's, which reads differently wherever fmt puts it; the file is left as it is",
    "fmt-lone-cr": "a carriage return (CR) without a line feed; fmt writes LF line ends only, so the file is left as it is",
    "fmt-changes-meaning": "fmt cannot lay out this file without changing what it means; the file is left as it is",
    "fmt-note-bom": "the byte-order mark is dropped",
    "fmt-note-crlf": "CRLF line ends become LF",
}


def message(code: str, **values: object) -> str:
    return MESSAGES[code].format(**values)


class ArgmapError(Exception):
    """The root of argmap's errors: what is wrong, where (a span, if the input
    says), and how to fix it. Every error the library raises is one of these."""

    def __init__(self, code: str, span: Span | None = None, hint: str = "", **values: object):
        self.code = code
        self.span = span
        self.hint = hint
        self.text = message(code, **values)
        super().__init__(f"{span}: {self.text}" if span else self.text)

    def diagnostic(self) -> Diagnostic:
        return Diagnostic(Severity.ERROR, self.text, self.span, self.hint, self.code)


class InputErrors(ArgmapError):
    """Several problems with the input found in one go (the CLI exits 1)."""

    def __init__(self, diagnostics: list[Diagnostic]):
        first = diagnostics[0]
        Exception.__init__(self, "\n".join(d.message for d in diagnostics))
        self.code, self.span, self.hint, self.text = first.code, first.span, first.hint, first.message
        self.diagnostics = diagnostics


class ToolError(ArgmapError):
    """A tool argmap runs (Graphviz's dot) is missing, failed or timed out (the CLI exits 3)."""


def warning(code: str, span: Span | None = None, hint: str = "", **values: object) -> Diagnostic:
    return Diagnostic(Severity.WARNING, message(code, **values), span, hint, code)


def error(code: str, span: Span | None = None, hint: str = "", **values: object) -> Diagnostic:
    return Diagnostic(Severity.ERROR, message(code, **values), span, hint, code)
