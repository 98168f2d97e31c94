"""Re-render a map whenever one of its files is saved: the loop behind ``argmap watch``.

A library module: it never prints and never exits. :func:`watch` renders
once, then again after every change to the argument files or to what they
read (their articles and positions files), and reports each render to a
callback as an :class:`Outcome`: written or not, how long it took, the
diagnostics. A render that fails (errors in the input, an unknown --focus,
Graphviz failing) leaves the last good output in place: outputs are only
ever replaced atomically (:func:`argmap.core.output.write_atomic`).

Changes come from watchfiles (inotify and friends), watching the files'
directories rather than the files, because editors often save by writing a
new file and renaming it over the old one. Every ``tick`` without events,
the files' sizes and times are compared with those of the last render as
well, so a save made while the watcher was starting (or one a file system
does not report) is not lost.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Protocol

import watchfiles

from ..checks.checker import check, has_errors
from ..core.errors import ArgmapError
from ..core.model import ArgumentMap, Diagnostic, Severity
from ..core.output import write_atomic
from ..draw.graph import build_graph
from ..draw.graphviz import GraphvizError
from ..draw.options import ViewOptions
from ..draw.themes import DEFAULT_THEME, Theme
from ..merge.combine import load
from .formats import draw

STEP_MS = 30  # wait this long without further events before rendering (editors write in bursts)
OUTPUT_IS_INPUT_HINT = "write the result to another file with -o"  # as `render -o` says it
TICK_MS = 250  # compare the files' sizes and times when nothing has happened for this long


class StopEvent(Protocol):
    def is_set(self) -> bool: ...


@dataclass(frozen=True, slots=True)
class Rendered:
    """What one render produced: the output (None when it failed) and everything it read."""

    data: bytes | None
    diagnostics: tuple[Diagnostic, ...]
    inputs: frozenset[Path]
    fatal: bool = False  # no use trying again (Graphviz is not installed)


@dataclass(frozen=True, slots=True)
class Outcome:
    """One render as the watcher reports it."""

    written: bool  # the output was replaced; otherwise the last good one stays
    seconds: float  # from reading the files to the output written (or given up)
    diagnostics: tuple[Diagnostic, ...]
    changed: tuple[str, ...] = ()  # the files whose change started it; empty for the first render
    inputs: frozenset[Path] = field(default_factory=frozenset)
    fatal: bool = False

    @property
    def errors(self) -> int:
        return sum(d.severity is Severity.ERROR for d in self.diagnostics)

    @property
    def warnings(self) -> int:
        return len(self.diagnostics) - self.errors


Job = Callable[[], Rendered]


def dependencies(files: Iterable[Path], argument_map: ArgumentMap) -> frozenset[Path]:
    """The argument files and what they read: each source's article and positions file."""
    found = {Path(f) for f in files}
    for document in argument_map.documents:
        if document.source.article:
            found.add(Path(document.source.article))
        positions = document.front_matter.get("positions") if isinstance(document.front_matter, dict) else None
        if isinstance(positions, str) and positions.strip():
            found.add(Path(document.path).parent / positions.strip())
    return frozenset(found)


def render_job(
    files: Iterable[str | Path],
    fmt: str,
    options: ViewOptions | None = None,
    theme: Theme = DEFAULT_THEME,
    max_width: int | None = None,
    timeout: float = 60.0,
    strict: bool = False,
    draw_map: Callable[[ArgumentMap], bytes] | None = None,
) -> Job:
    """A render as ``argmap render`` does it: load, check, lay out, draw. Never raises for bad input.

    ``draw_map`` draws the loaded map another way (``render --overview``) instead of the view ``options`` select.
    """
    paths = tuple(Path(f) for f in files)
    options = options or ViewOptions()

    def job() -> Rendered:
        argument_map = load(paths)
        diagnostics = tuple(check(argument_map))
        inputs = dependencies(paths, argument_map)
        if has_errors(list(diagnostics), strict):
            return Rendered(None, diagnostics, inputs)
        try:
            if draw_map is not None:
                data = draw_map(argument_map)
            else:
                data = draw(argument_map, build_graph(argument_map, options), fmt, timeout, theme, max_width, overview=not (options.focus or options.position or options.source))
        except ArgmapError as error:
            fatal = isinstance(error, GraphvizError) and error.code == "dot-missing"
            return Rendered(None, diagnostics + (error.diagnostic(),), inputs, fatal)
        return Rendered(data, diagnostics, inputs)

    return job


def refuse_input_as_output(output: str | Path, inputs: Iterable[str | Path]) -> None:
    """Raise ArgmapError("output-is-input") when ``output`` is one of ``inputs`` (as ``render -o`` does); a new output is fine."""
    if not os.path.exists(output):
        return
    for name in inputs:
        try:
            same = os.path.samefile(name, output)
        except OSError:
            continue
        if same:
            raise ArgmapError("output-is-input", hint=OUTPUT_IS_INPUT_HINT, file=str(output))


def run_once(job: Job, output: str | Path, changed: Iterable[str] = ()) -> Outcome:
    """Render and, if that worked, replace the output atomically; time both.

    Raises ArgmapError("output-is-input") when the output is one of the
    files the render read (an argument file, an article, a positions file),
    whether or not the render worked: an input is never overwritten, and
    watching cannot go on.
    """
    start = time.perf_counter()
    rendered = job()
    refuse_input_as_output(output, rendered.inputs)
    written = False
    diagnostics = rendered.diagnostics
    if rendered.data is not None:
        try:
            write_atomic(output, rendered.data, inputs=rendered.inputs)
            written = True
        except ArgmapError as error:
            if error.code == "output-is-input":
                raise
            diagnostics += (error.diagnostic(),)
        except OSError as error:
            failure = ArgmapError("cannot-write", hint="check that the directory exists and is writable", file=str(output), reason=error.strerror or str(error))
            diagnostics += (failure.diagnostic(),)
    return Outcome(written, time.perf_counter() - start, diagnostics, tuple(changed), rendered.inputs, rendered.fatal)


# ---------------------------------------------------------------- the loop


def _key(path: Path) -> str:
    """A path as watchfiles reports it below a resolved directory."""
    absolute = Path(os.path.abspath(path))
    return str(Path(os.path.realpath(absolute.parent)) / absolute.name)


def _stamp(path: Path) -> tuple[int, int, int] | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return (status.st_mtime_ns, status.st_size, status.st_ino)


def _stamps(paths: Iterable[Path]) -> dict[Path, tuple[int, int, int] | None]:
    return {path: _stamp(path) for path in paths}


def watch(
    files: Iterable[str | Path],
    output: str | Path,
    job: Job,
    on_outcome: Callable[[Outcome], None],
    *,
    stop_event: StopEvent | None = None,
    on_ready: Callable[[frozenset[Path]], None] | None = None,
    step_ms: int = STEP_MS,
    tick_ms: int = TICK_MS,
) -> Outcome:
    """Render now and after every change until ``stop_event`` is set (or Ctrl-C: KeyboardInterrupt).

    ``on_outcome`` hears of every render; ``on_ready`` once the watcher is
    watching, with the files it watches. Returns the last outcome; returns
    early when a render is ``fatal`` (Graphviz is missing). Raises
    ArgmapError("output-is-input"), before anything is written, when
    ``output`` is one of the files or of what they read.
    """
    paths = tuple(Path(f) for f in files)
    refuse_input_as_output(output, paths)
    inputs = frozenset(paths)
    stamps = _stamps(inputs)
    outcome = run_once(job, output)
    on_outcome(outcome)
    if outcome.fatal:
        return outcome
    inputs = outcome.inputs | frozenset(paths)
    stamps.update({p: _stamp(p) for p in inputs if p not in stamps})
    ready = False
    while stop_event is None or not stop_event.is_set():
        wanted = {_key(p): p for p in inputs}
        directories = sorted({os.path.dirname(k) for k in wanted if os.path.isdir(os.path.dirname(k))})
        if not directories:
            raise FileNotFoundError(f"none of the directories of {', '.join(map(str, paths))} exists")
        restart = False
        changes_of = watchfiles.watch(
            *directories,
            watch_filter=lambda _change, path: path in wanted,
            stop_event=stop_event,
            step=step_ms,
            rust_timeout=tick_ms,
            yield_on_timeout=True,
            recursive=False,
            raise_interrupt=True,
        )
        for changes in changes_of:
            if not ready:
                ready = True
                if on_ready is not None:
                    on_ready(inputs)
            if changes:
                changed = sorted({str(wanted[path]) for _change, path in changes})
            else:
                now = _stamps(inputs)
                changed = sorted(str(p) for p in inputs if now.get(p) != stamps.get(p))
                if not changed:
                    continue
            stamps = _stamps(inputs)  # before reading: a save during the render is seen at the next tick
            outcome = run_once(job, output, changed)
            on_outcome(outcome)
            if outcome.fatal:
                return outcome
            grown = outcome.inputs | frozenset(paths)
            if grown != inputs:  # an article or positions file was added or dropped: watch again
                stamps.update({p: _stamp(p) for p in grown if p not in stamps})
                inputs, restart = grown, True
                break
        if not restart:
            break
    return outcome
