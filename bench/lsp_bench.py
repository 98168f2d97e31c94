"""Language server latency: from an edit to its diagnostics, on a workspace
of 5 files and 500 statements.

    python bench/lsp_bench.py [--files 5] [--statements 500] [--edits 21]

Writes a generated debate (bench/generate.py; 100 statements a file, each
file's titles its own, and every file referring to claims of the next) to a
temporary folder, starts the real `argmap lsp` over stdio with a pygls
client, opens one file and makes ``--edits`` edits one after another (one
warm-up first), each a keystroke that changes what the checker says (a
reference misspelt, then put right). Each edit is timed from sending
`didChange` to receiving `publishDiagnostics` for that version of the file:
what a user waits for, the server's 40 ms debounce included. Prints the
median, the 90th percentile and the maximum. Target (issue 17): the median
under 150 ms on 2 cores.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import document  # noqa: E402

from lsprotocol import types  # noqa: E402
from pygls.lsp.client import LanguageClient  # noqa: E402

TARGET = 0.150


def workspace(folder: Path, files: int, statements: int) -> list[Path]:
    """``files`` documents of ``statements / files`` statements; each refers to two claims of the next."""
    per_file = statements // files
    paths = []
    for index in range(files):
        text = document(per_file, seed=index + 1).replace("[S", f"[F{index}S").replace("[C", f"[F{index}C").replace("<A", f"<F{index}A")
        following = (index + 1) % files
        text += f"\n[F{index}S1]\n  + [F{following}S2]\n  - [F{following}S3]\n"
        path = folder / f"part{index}.argmap"
        path.write_text(f"===\nsource:\n  id: part{index}\n===\n\n{text}", encoding="utf-8")
        paths.append(path)
    return paths


async def measure(paths: list[Path], edits: int) -> list[float]:
    client = LanguageClient("lsp-bench", "1")
    arrived: dict[tuple[str, int | None], float] = {}
    published = asyncio.Event()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
        arrived[(params.uri, params.version)] = time.perf_counter()
        published.set()

    await client.start_io(sys.executable, "-m", "argmap", "lsp")
    folder = paths[0].parent
    await client.initialize_async(types.InitializeParams(capabilities=types.ClientCapabilities(), root_uri=folder.as_uri(), workspace_folders=[types.WorkspaceFolder(folder.as_uri(), "bench")]))
    client.initialized(types.InitializedParams())
    uri = paths[0].as_uri()
    original = paths[0].read_text(encoding="utf-8")
    client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(uri=uri, language_id="argmap", version=1, text=original)))
    await _wait_for(arrived, (uri, 1))
    misspelt = original.replace("[F0S1]\n  + [F1S2]", "[F0S1]\n  + [F1S2x]")
    times = []
    for version in range(2, edits + 3):
        text = misspelt if version % 2 == 0 else original
        sent = time.perf_counter()
        change = types.TextDocumentContentChangeWholeDocument(text=text)
        client.text_document_did_change(types.DidChangeTextDocumentParams(types.VersionedTextDocumentIdentifier(version=version, uri=uri), [change]))
        await _wait_for(arrived, (uri, version))
        if version > 2:  # the first edit warms up
            times.append(arrived[(uri, version)] - sent)
        await asyncio.sleep(0.2)  # a pause between keystrokes longer than the debounce
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return times


async def _wait_for(arrived: dict, key: tuple, limit: float = 30.0) -> None:
    deadline = time.perf_counter() + limit
    while key not in arrived:
        if time.perf_counter() > deadline:
            raise SystemExit(f"no diagnostics for {key} within {limit} s")
        await asyncio.sleep(0.001)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=5)
    parser.add_argument("--statements", type=int, default=500)
    parser.add_argument("--edits", type=int, default=21)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        paths = workspace(Path(folder), args.files, args.statements)
        size = sum(p.stat().st_size for p in paths)
        times = sorted(asyncio.run(measure(paths, args.edits)))
    median = statistics.median(times)
    p90 = times[min(len(times) - 1, int(0.9 * len(times)))]
    print(f"{args.files} files, {args.statements} statements ({size // 1000} kB): edit → diagnostics over {len(times)} edits")
    print(f"median {median * 1000:.0f} ms, 90th percentile {p90 * 1000:.0f} ms, max {times[-1] * 1000:.0f} ms (target {TARGET * 1000:.0f} ms)")
    print("OK" if median <= TARGET else "SLOWER THAN THE TARGET")


if __name__ == "__main__":
    main()
