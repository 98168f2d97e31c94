"""A real editor session against `argmap lsp`: pytest-lsp starts the server as a
subprocess and plays the client with the capabilities an editor records.

``workspace/`` is a small debate of two files that share claims (alpha
quotes one article, beta another; titles with curly quotes, dashes and an
emoji). Each module copies it, so edits and renames never touch the
fixture. :class:`Editor` does what a user's editor does: open, type, ask.
"""

from __future__ import annotations

import asyncio
import re
import shutil
import sys
from pathlib import Path

import pytest
from lsprotocol import types
from pygls.uris import from_fs_path
from pytest_lsp import ClientServerConfig, LanguageClient

HERE = Path(__file__).parent
WORKSPACE = HERE / "workspace"
SERVER = [sys.executable, "-m", "argmap", "lsp"]
# Recorded client capabilities shipped with pytest-lsp: UTF-16 (VS Code),
# UTF-8 (Neovim 0.11 offers it first), UTF-32 (Emacs' eglot offers it first).
EDITORS = ["visual-studio-code", "neovim@v0.11.0", "emacs"]
TIMEOUT = 10.0


def make_client() -> LanguageClient:
    """pytest-lsp's test client, also remembering which version of a buffer each publication was for."""
    from pygls.protocol import default_converter
    from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

    def publish_diagnostics(client: LanguageClient, params: types.PublishDiagnosticsParams):
        client.diagnostics[params.uri] = params.diagnostics
        client.published_versions[params.uri] = params.version

    client = LanguageClient(converter_factory=default_converter)
    client.published_versions = {}
    register_lsp_features(client, {**DEFAULT_CLIENT_FEATURES, types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: publish_diagnostics})
    return client


CONFIG = ClientServerConfig(server_command=SERVER, client_factory=make_client)


def copy_workspace(target: Path) -> Path:
    shutil.copytree(WORKSPACE, target, dirs_exist_ok=True)
    return target


class Editor:
    """The client side of a session, as a user drives it."""

    def __init__(self, client, root: Path):
        self.client = client
        self.root = root
        self.versions: dict[str, int] = {}
        self.texts: dict[str, str] = {}

    def uri(self, name: str) -> str:
        return from_fs_path(str(self.root / name))

    @property
    def encoding(self) -> str:
        return self.client.position_encoding

    # ------------------------------------------------------------ buffers

    def open(self, name: str, text: str | None = None) -> str:
        uri = self.uri(name)
        text = (self.root / name).read_text(encoding="utf-8") if text is None else text
        self.texts[uri] = text
        self.versions[uri] = version = self._next_version()
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(uri=uri, language_id="argmap", version=version, text=text)))
        return uri

    def _next_version(self) -> int:
        """Versions only grow, across buffers too, so a publication is never taken for a later one's."""
        self.last_version = getattr(self, "last_version", 0) + 1
        return self.last_version

    def type(self, uri: str, text: str) -> None:
        """Replace the buffer's text, as an editor sends it after a keystroke (full sync)."""
        self.versions[uri] = self._next_version()
        self.texts[uri] = text
        change = types.TextDocumentContentChangeWholeDocument(text=text)
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(types.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri]), [change]))

    def close(self, uri: str) -> None:
        self.versions.pop(uri, None)
        self.texts.pop(uri, None)
        self.client.text_document_did_close(types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri)))

    # ------------------------------------------------------------ positions as the editor counts them

    def position(self, uri: str, needle: str, offset: int = 0, occurrence: int = 0) -> types.Position:
        """Where ``needle`` (its ``occurrence``-th appearance) starts in the buffer, plus ``offset`` characters."""
        text = self.text(uri)
        at = -1
        for _ in range(occurrence + 1):
            at = text.index(needle, at + 1)
        at += offset
        line = text.count("\n", 0, at)
        before = text[text.rfind("\n", 0, at) + 1 : at]
        return types.Position(line, units(before, self.encoding))

    def text(self, uri: str) -> str:
        if uri in self.texts:
            return self.texts[uri]
        return Path(uri.removeprefix("file://")).read_text(encoding="utf-8")

    def in_range(self, uri: str, range_: types.Range) -> str:
        """The text an editor shows in a range (one line)."""
        assert range_.start.line == range_.end.line
        line = self.text(uri).split("\n")[range_.start.line]
        return from_units(line, range_.start.character, range_.end.character, self.encoding)

    # ------------------------------------------------------------ waiting for the server

    async def diagnostics_of_version(self, uri: str) -> list[types.Diagnostic]:
        """The diagnostics published for the buffer as last typed."""
        await self.diagnostics_until(lambda d: self.client.published_versions.get(uri) == self.versions[uri])
        return self.client.diagnostics[uri]

    async def diagnostics_until(self, condition, timeout: float = TIMEOUT) -> dict:
        """Wait until the published diagnostics satisfy ``condition(diagnostics by uri)``."""
        deadline = asyncio.get_running_loop().time() + timeout
        while not condition(self.client.diagnostics):
            if asyncio.get_running_loop().time() > deadline:
                raise AssertionError(f"diagnostics never became as expected: {self.messages()}")
            await asyncio.sleep(0.005)  # the client stores each publication as it arrives
        return self.client.diagnostics

    def messages(self, name: str | None = None) -> dict[str, list[str]]:
        found = {uri: [d.message for d in ds] for uri, ds in self.client.diagnostics.items()}
        return found if name is None else {self.uri(name): found.get(self.uri(name), [])}

    def assert_no_server_errors(self) -> None:
        errors = [m.message for m in self.client.log_messages if m.type == types.MessageType.Error]
        errors += [m.message for m in self.client.messages if m.type == types.MessageType.Error]
        assert not errors, errors


def shown(content: types.MarkupContent) -> str:
    """The words an editor shows for hover content: Markdown's bold, fences and escapes rendered away."""
    if content.kind != types.MarkupKind.Markdown:
        return content.value
    text = "\n".join(line for line in content.value.split("\n") if not line.startswith("```"))
    text = re.sub(r"(?<!\\)\*\*", "", text)
    return re.sub(r"\\(.)", r"\1", text)


def units(text: str, encoding: str) -> int:
    if encoding == "utf-8":
        return len(text.encode("utf-8"))
    if encoding == "utf-16":
        return len(text.encode("utf-16-le")) // 2
    return len(text)


def from_units(line: str, start: int, end: int, encoding: str) -> str:
    if encoding == "utf-8":
        return line.encode("utf-8")[start:end].decode("utf-8")
    if encoding == "utf-16":
        return line.encode("utf-16-le")[2 * start : 2 * end].decode("utf-16-le")
    return line[start:end]


async def start_session(client, request, root: Path, editor: str) -> Editor:
    """Initialize the session as ``editor`` does, with ``root`` as the workspace folder."""
    from pytest_lsp import client_capabilities

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register_capability(params):  # as editors do: accept the file watchers
        client.registrations = [*getattr(client, "registrations", []), *params.registrations]

    result = await client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities(editor),
            root_uri=from_fs_path(str(root)),
            workspace_folders=[types.WorkspaceFolder(from_fs_path(str(root)), root.name)],
        )
    )
    client.initialize_result = result
    client.position_encoding = result.capabilities.position_encoding or "utf-16"
    return Editor(client, root)


@pytest.fixture(scope="module")
def module_workspace(tmp_path_factory) -> Path:
    return copy_workspace(tmp_path_factory.mktemp("debate"))
