"""`argmap extract` and `argmap suggest-merges`: drafting argument files from
articles, and finding claims that several files share."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .common import EXIT_INPUT, EXIT_USAGE, FILES, fail, load


@click.command()
@click.argument("article", type=click.Path(allow_dash=True, dir_okay=False, path_type=str))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the draft here (atomically) instead of stdout.")
@click.option("--source-id", metavar="ID", help="The source id in the front matter.  [default: from the file name]")
@click.option("--title", default="", help="The article's title, for the front matter.")
@click.option("--url", default="", help="The article's http(s) address, for the front matter.")
@click.option("--lexicon", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Position lexicon (YAML).  [default: the shipped one]")
@click.option("--max-claims", type=click.IntRange(min=0), help="Keep at most this many candidates, the best scored.")
@click.option("--min-score", type=float, default=None, help="Keep sentences scoring at least this.  [default: 1.0]")
@click.option("--html/--text", "html", default=None, help="Read the input as HTML or plain text.  [default: guess]")
def extract(article: str, output: Path | None, source_id: str | None, title: str, url: str, lexicon: Path | None, max_claims: int | None, min_score: float | None, html: bool | None) -> None:
    """Draft an argument file from an article (plain text or HTML; '-' for stdin).

    Each candidate claim becomes a statement that quotes its sentence
    verbatim; TODO comments mark what a human must decide. Text from stdin or
    HTML is saved beside the draft (draft.txt) so that its quotes are checked.
    """
    from ..core.errors import ArgmapError
    from ..core.output import write_atomic
    from ..extract.extractor import extract_article
    from ..extract.lexicon import load_lexicon
    from ..extract.scoring import DEFAULT_MIN_SCORE

    try:
        data = sys.stdin.buffer.read() if article == "-" else Path(article).read_bytes()
    except OSError as exc:
        raise click.BadParameter(f"cannot read {article}: {exc.strerror or exc}", param_hint="ARTICLE") from None
    try:
        result = extract_article(
            data, article, output, source_id=source_id, title=title, url=url, lexicon=load_lexicon(lexicon),
            max_claims=max_claims, min_score=DEFAULT_MIN_SCORE if min_score is None else min_score, html=html,
        )
    except ArgmapError as error:
        fail(error, EXIT_USAGE if error.code in ("extract-needs-output", "bad-url") else EXIT_INPUT)
    if result.text_path is not None:
        write_atomic(result.text_path, result.text, inputs=[article])
    draft = result.draft
    if output is None:
        click.echo(draft.text, nl=False)
    else:
        write_atomic(output, draft.text, inputs=[article])
    where = f"; wrote {output} (next: edit it, then `argmap check {output}`)" if output is not None else ""
    saved = f"; saved the article's text to {result.text_path} (the draft's quotes are checked against it)" if result.text_path else ""
    click.echo(
        f"{len(draft.candidates)} candidate claims from {draft.sentences} sentences, {len(draft.relations)} relations, "
        f"{len(draft.arguments)} arguments proposed{where}{saved}",
        err=True,
    )


@click.command("suggest-merges")
@FILES
@click.option("--top", type=click.IntRange(min=1), default=20, show_default=True, help="Show this many pairs.")
@click.option("--min-score", type=click.FloatRange(0, 1), default=0.0, show_default=True, help="Leave out pairs scoring below this.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Output format.")
def suggest_merges(files: tuple[Path, ...], top: int, min_score: float, fmt: str) -> None:
    """Rank pairs of statements from different sources that may state the same claim.

    Prints both titles, both quotes and the score; never edits the files.
    Give a pair one title to merge them.
    """
    import json

    from ..core.diagnostics import format_all
    from ..core.model import Severity
    from ..extract.suggest import as_records, as_text, claims_of_map, suggest

    argument_map = load(files)
    errors = [d for d in argument_map.diagnostics if d.severity is Severity.ERROR]
    if errors:
        click.echo(format_all(errors), err=True)
        raise SystemExit(EXIT_INPUT)
    found = suggest(claims_of_map(argument_map), top=top, min_score=min_score)
    if fmt == "json":
        click.echo(json.dumps(as_records(found), ensure_ascii=False, indent=2))
    else:
        click.echo(as_text(found), nl=False)
