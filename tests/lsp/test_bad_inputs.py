"""The test suite's bad inputs (tests/parse/bad/) in an editor: the server
reports what `argmap check` reports, word for word and place for place, and
survives them being typed in, asked about at every step.

A crash or an unhandled exception fails the test: the session ends with no
error in the server's log and every request answered.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient

import argmap
from argmap.lsp.features.diagnostics import message_of

from .conftest import CONFIG, start_session, units

pytestmark = [pytest.mark.asyncio(loop_scope="module"), pytest.mark.filterwarnings("error::pytest_lsp.LspSpecificationWarning")]

BAD = Path(__file__).resolve().parents[1] / "parse" / "bad"
NAMES = sorted(p.name for p in BAD.glob("*.argmap"))


@pytest.fixture(scope="module")
def bad_workspace(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("bad")
    for path in BAD.iterdir():
        shutil.copy(path, root / path.name)
    return root


@pytest_lsp.fixture(config=CONFIG, scope="module", params=["visual-studio-code", "neovim@v0.11.0"])
async def client(lsp_client: LanguageClient, request, bad_workspace):
    lsp_client.editor = await start_session(lsp_client, request, bad_workspace, request.param)
    yield
    await lsp_client.shutdown_session()


def expected_diagnostics(root: Path) -> dict[str, list[tuple]]:
    """What `argmap check` says about each file of the folder, placed as the editor counts."""
    paths = sorted(str(root / name) for name in NAMES)
    found: dict[str, list[tuple]] = {p: [] for p in paths}
    for diagnostic in argmap.check(argmap.load(paths)):
        found[diagnostic.span.path].append((diagnostic.severity.value, message_of(diagnostic), diagnostic.span.line - 1, diagnostic.span.column))
    return found


async def test_every_file_gets_what_argmap_check_says(client, bad_workspace):
    editor = client.editor
    uris = {editor.uri(name): str(bad_workspace / name) for name in NAMES}
    published = await editor.diagnostics_until(lambda d: set(uris) <= set(d))
    severities = {types.DiagnosticSeverity.Error: "error", types.DiagnosticSeverity.Warning: "warning"}
    expected = expected_diagnostics(bad_workspace)
    for uri, path in uris.items():
        text = Path(path).read_bytes().decode("utf-8", "replace").split("\n")
        got = [(severities[d.severity], d.message, d.range.start.line, d.range.start.character) for d in published[uri]]
        wanted = [
            (severity, message, line, units(text[line][: column - 1] if line < len(text) else "", editor.encoding))
            for severity, message, line, column in expected[path]
        ]
        assert got == wanted, Path(path).name
    assert sum(len(d) for d in published.values()) > 40
    editor.assert_no_server_errors()


async def test_typing_every_bad_input_and_asking_at_each_step(client):
    editor = client.editor
    scratch = editor.open("scratch.argmap", "")
    document = types.TextDocumentIdentifier(scratch)
    for name in NAMES:
        text = (BAD / name).read_bytes().decode("utf-8", "replace")  # as an editor shows a file that is not UTF-8
        steps = [len(text)] if len(text) > 100_000 else sorted({len(text) // 3, 2 * len(text) // 3, len(text)})
        for end in steps:
            editor.type(scratch, text[:end])
            lines = text[:end].split("\n")
            cursor = types.Position(len(lines) - 1, units(lines[-1], editor.encoding))  # at the end, where one types
            everything = types.Range(types.Position(0, 0), cursor)
            await editor.client.text_document_completion_async(types.CompletionParams(document, cursor))
            await editor.client.text_document_hover_async(types.HoverParams(document, cursor))
            await editor.client.text_document_definition_async(types.DefinitionParams(document, cursor))
            await editor.client.text_document_prepare_rename_async(types.PrepareRenameParams(document, cursor))
            await editor.client.text_document_document_symbol_async(types.DocumentSymbolParams(document))
            await editor.client.text_document_semantic_tokens_full_async(types.SemanticTokensParams(document))
            await editor.client.text_document_formatting_async(types.DocumentFormattingParams(document, types.FormattingOptions(2, True)))
            await editor.client.text_document_code_action_async(types.CodeActionParams(document, everything, types.CodeActionContext([])))
        await editor.diagnostics_of_version(scratch)
        editor.assert_no_server_errors()
    editor.close(scratch)
