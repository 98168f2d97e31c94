"""Each feature as a user meets it, in the two-file test workspace, with
VS Code's and Neovim's recorded capabilities: type something, ask, and check
what the editor would show."""

from __future__ import annotations

from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient

from argmap.fmt.formatter import format_text

from .conftest import CONFIG, shown, start_session

pytestmark = [pytest.mark.asyncio(loop_scope="module"), pytest.mark.filterwarnings("error::pytest_lsp.LspSpecificationWarning")]


@pytest_lsp.fixture(config=CONFIG, scope="module", params=["visual-studio-code", "neovim@v0.11.0"])
async def client(lsp_client: LanguageClient, request, module_workspace):
    lsp_client.editor = await start_session(lsp_client, request, module_workspace, request.param)
    yield
    await lsp_client.shutdown_session()


@pytest.fixture
def editor(client):
    yield client.editor
    for uri in list(client.editor.versions):
        client.editor.close(uri)
    client.editor.assert_no_server_errors()


def doc(uri: str) -> types.TextDocumentIdentifier:
    return types.TextDocumentIdentifier(uri)


def applied(editor, uri: str, edits: list[types.TextEdit]) -> str:
    """The buffer after the editor applies ``edits`` (one-line ranges, or the whole buffer)."""
    lines = editor.text(uri).split("\n")
    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        start, end = edit.range.start, edit.range.end
        if start.line == end.line and start.line < len(lines):
            before = editor.in_range(uri, types.Range(types.Position(start.line, 0), start))
            old = editor.in_range(uri, edit.range)
            line = lines[start.line]
            lines[start.line] = before + edit.new_text + line[len(before) + len(old) :]
        else:
            return edit.new_text if (start.line, start.character) == (0, 0) else "\n".join(lines) + edit.new_text
    return "\n".join(lines)


def edits_by_file(edit: types.WorkspaceEdit) -> dict[str, list[types.TextEdit]]:
    found = {c.text_document.uri: list(c.edits) for c in edit.document_changes or []}
    found.update({uri: list(edits) for uri, edits in (edit.changes or {}).items()})
    return found


# ---------------------------------------------------------------- diagnostics


async def test_a_conflicting_definition_points_to_the_other_file(editor):
    beta = editor.open("beta.argmap")
    editor.type(beta, editor.text(beta).replace("  - [Talks Are Theatre]", "  - [Talks Are Theatre]: The talks are real diplomacy."))
    (conflict,) = [d for d in await editor.diagnostics_of_version(beta) if d.code == "conflicting-text"]
    assert conflict.message.startswith("[Talks Are Theatre] has a different text here than at ")
    assert conflict.message.endswith("alpha.argmap:12:1\nhint: give one of them a different title, or make the texts identical")
    (related,) = conflict.related_information
    assert related.location.uri == editor.uri("alpha.argmap") and related.location.range.start.line == 11
    assert related.message == "[Talks Are Theatre] is also written here: The round in Istanbul is a staged performance, not a path to peace."


async def test_a_position_declared_differently_points_to_the_other_declaration(editor):
    beta = editor.open("beta.argmap")
    editor.type(beta, editor.text(beta).replace("positions: positions.yaml", "positions:\n  pressure: {label: Force, color: red}"))
    found = [d for d in await editor.diagnostics_of_version(beta) if d.code == "conflicting-text"]
    (conflict,) = found
    assert conflict.message.startswith("position #pressure has a different text here than at ")
    (related,) = conflict.related_information
    assert related.location.uri == editor.uri("alpha.argmap") and related.location.range.start.line == 6  # its `positions:` line
    assert related.message == "position #pressure is declared differently here"


async def test_a_quote_not_in_the_article_is_marked_on_the_quote(editor):
    alpha = editor.open("alpha.argmap")
    editor.type(alpha, editor.text(alpha).replace("are a carefully orchestrated mirage", "are a carefully staged mirage"))
    (error,) = await editor.diagnostics_of_version(alpha)
    assert error.severity == types.DiagnosticSeverity.Error and error.code == "quote-not-found"
    assert error.message.startswith("the quote does not occur in the article articles/alpha.txt\nhint: closest match (")
    assert editor.in_range(alpha, error.range) == '> "The talks in Istanbul are a carefully staged mirage."'
    (passage,) = error.related_information
    assert passage.location.uri == editor.uri("articles/alpha.txt") and passage.location.range.start.line == 2


# ---------------------------------------------------------------- navigation and hover


async def test_definition_and_references_from_a_mention(editor):
    beta = editor.open("beta.argmap")
    editor.type(beta, editor.text(beta) + "\n[Skeptics Disagree]: Some call it theatre, see @[Talks Are Theatre].\n  - [Pressure Works]\n")
    where = editor.position(beta, "@[Talks", 3)
    (definition,) = await editor.client.text_document_definition_async(types.DefinitionParams(doc(beta), where))
    assert definition.uri == editor.uri("alpha.argmap") and definition.range.start.line == 11
    found = await editor.client.text_document_references_async(
        types.ReferenceParams(text_document=doc(beta), position=where, context=types.ReferenceContext(include_declaration=False))
    )
    assert sorted((loc.uri.rsplit("/", 1)[-1], loc.range.start.line) for loc in found) == [("alpha.argmap", 17), ("beta.argmap", 13), ("beta.argmap", 20)]


async def test_hover_on_a_reconstructed_argument(editor):
    beta = editor.open("beta.argmap")
    editor.type(beta, editor.text(beta) + "\n<Pressure Argument>: Pressure brings Moscow to the table. #pressure\n\n(1) [Pressure Works]\n(2) [Moscow’s Terms — a 🕊 Offer]\n----\n(3) [Moscow Will Talk]: Moscow will talk.\n")
    hover = await editor.client.text_document_hover_async(types.HoverParams(doc(beta), editor.position(beta, "<Pressure Argument>", 4)))
    text = shown(hover.contents)
    assert text.startswith("<Pressure Argument> · argument\n\nPressure brings Moscow to the table.\n")
    assert "(1) [Pressure Works]\n(2) [Moscow’s Terms — a 🕊 Offer]\n----\n(3) [Moscow Will Talk]" in text
    assert "Position: Pressure (#pressure)" in text and "Sources: Beta Review, “Pressure Works”" in text


# ---------------------------------------------------------------- completion


async def completions(editor, uri: str, text: str, at: str, offset: int) -> list[types.CompletionItem]:
    editor.type(uri, text)
    found = await editor.client.text_document_completion_async(types.CompletionParams(doc(uri), editor.position(uri, at, offset)))
    return found.items if found else []


async def test_completes_tags_with_the_positions_first(editor):
    alpha = editor.open("alpha.argmap")
    items = await completions(editor, alpha, editor.text(alpha) + "\n[Kyiv Holds]: Kyiv holds. #pre", "#pre", 4)
    assert [(i.label, i.detail) for i in items] == [
        ("pressure", "position: Pressure"),
        ("skepticism", "position: Skepticism"),
    ]
    assert editor.in_range(alpha, items[0].text_edit.range) == "pre"


async def test_completes_relation_signs_at_the_start_of_an_indented_line(editor):
    alpha = editor.open("alpha.argmap")
    items = await completions(editor, alpha, editor.text(alpha) + "\n[Kyiv Holds]: Kyiv holds.\n  ", "Kyiv holds.\n  ", 14)
    assert [i.label for i in items] == ["+", "-", "_", "+>", "->", "_>", "<+", "<-", "<_", "><"]
    assert items[3].detail == "the element above supports it" and items[3].text_edit.new_text == "+> "


async def test_completes_argument_titles_after_an_angle_bracket(editor):
    beta = editor.open("beta.argmap")
    items = await completions(editor, beta, editor.text(beta) + "\n[Kyiv Holds]: Kyiv holds.\n  + <Env", "<Env", 4)
    assert [(i.label, i.detail, i.text_edit.new_text) for i in items] == [("Envoys Without a Memorandum", "defined in alpha.argmap:16", "Envoys Without a Memorandum>")]


async def test_workspace_symbols_find_titles_in_every_file(editor):
    found = await editor.client.workspace_symbol_async(types.WorkspaceSymbolParams(query="terms offer"))
    assert [(s.name, s.container_name, s.location.range.start.line) for s in found] == [("[Moscow’s Terms — a 🕊 Offer]", "beta.argmap", 16)]


# ---------------------------------------------------------------- editing


async def test_formatting_gives_argmap_fmts_layout(editor):
    alpha = editor.open("alpha.argmap")
    messy = editor.text(alpha).replace("  +> [Talks Are Theatre]", "  +>   [Talks Are Theatre]   ").replace("\n\n# Is", "\n\n\n\n# Is").replace("  - [Pressure Works]", "    - [Pressure Works]")
    editor.type(alpha, messy)
    edits = await editor.client.text_document_formatting_async(types.DocumentFormattingParams(doc(alpha), types.FormattingOptions(2, True)))
    assert applied(editor, alpha, edits) == format_text(messy) == (editor.root / "alpha.argmap").read_text(encoding="utf-8")
    editor.type(alpha, messy + "\n+ [Broken")
    assert await editor.client.text_document_formatting_async(types.DocumentFormattingParams(doc(alpha), types.FormattingOptions(2, True))) is None


async def test_code_actions_apply_a_did_you_mean_in_every_file(editor):
    alpha = editor.open("alpha.argmap")
    editor.type(alpha, editor.text(alpha).replace("  - [Pressure Works]", "  - [Presure Works]"))
    (unknown,) = await editor.diagnostics_of_version(alpha)
    actions = await editor.client.text_document_code_action_async(types.CodeActionParams(doc(alpha), unknown.range, types.CodeActionContext([unknown])))
    assert [a.title for a in actions] == ["Change [Presure Works] to [Pressure Works]", "Define [Presure Works] at the end of this file"]
    fix = edits_by_file(actions[0].edit)
    assert list(fix) == [alpha]
    fixed = applied(editor, alpha, fix[alpha])
    assert fixed == (editor.root / "alpha.argmap").read_text(encoding="utf-8")
    define = edits_by_file(actions[1].edit)[alpha]
    editor.type(alpha, applied(editor, alpha, define))
    assert editor.text(alpha).endswith("  - [Moscow’s Terms — a 🕊 Offer]\n\n[Presure Works]: TODO: say what it claims.\n")
    # the new claim is known now; what is left is that it has no quote from the article yet
    assert [d.code for d in await editor.diagnostics_of_version(alpha)] == ["unsourced"]


async def test_code_action_fixes_a_misspelt_position_tag_in_the_file_that_has_it(editor):
    beta = editor.open("beta.argmap")
    editor.type(beta, editor.text(beta).replace("Western pressure. #pressure", "Western pressure. #presure"))
    alpha = editor.uri("alpha.argmap")
    found = await editor.diagnostics_until(lambda d: any(x.code == "undeclared-position" for x in d.get(alpha, [])))
    # on the first place [Pressure Works] is written, as `argmap check` says (an earlier test left an unquoted claim there)
    (warning,) = [d for d in found[alpha] if d.code == "undeclared-position"]
    assert warning.message == "tag #presure looks like a position but is not declared\nhint: did you mean #pressure?"
    editor.open("alpha.argmap")
    (action,) = await editor.client.text_document_code_action_async(types.CodeActionParams(doc(alpha), warning.range, types.CodeActionContext([warning])))
    assert action.title == "Change #presure to #pressure"
    assert list(edits_by_file(action.edit)) == [beta]
    assert applied(editor, beta, edits_by_file(action.edit)[beta]) == (editor.root / "beta.argmap").read_text(encoding="utf-8")


async def test_rename_refuses_an_empty_or_malformed_title(editor):
    alpha = editor.open("alpha.argmap")
    where = editor.position(alpha, "<Envoys", 3)
    for wanted, reason in (("  ", "a title cannot be empty"), ("A <B>", "a title cannot hold '<', '>' or a line break")):
        with pytest.raises(Exception, match=reason):
            await editor.client.text_document_rename_async(types.RenameParams(doc(alpha), where, wanted))
    edit = await editor.client.text_document_rename_async(types.RenameParams(doc(alpha), where, "<Envoys Came Empty-Handed>"))
    assert [(e.range.start.line, e.new_text) for e in edits_by_file(edit)[alpha]] == [(15, "Envoys Came Empty-Handed")]


# ---------------------------------------------------------------- colours and outline


async def test_semantic_tokens_colour_titles_tags_signs_and_quotes(editor):
    beta = editor.open("beta.argmap")
    legend = editor.client.initialize_result.capabilities.semantic_tokens_provider.legend
    tokens = await editor.client.text_document_semantic_tokens_full_async(types.SemanticTokensParams(doc(beta)))
    lines = editor.text(beta).split("\n")
    decoded, line, column = [], 0, 0
    for index in range(0, len(tokens.data), 5):
        delta_line, delta_column, length, kind, modifiers = tokens.data[index : index + 5]
        line, column = line + delta_line, (column + delta_column if delta_line == 0 else delta_column)
        text = editor.in_range(beta, types.Range(types.Position(line, column), types.Position(line, column + length)))
        decoded.append((lines[line].strip()[:12], legend.token_types[kind], text, modifiers))
    assert ("[Moscow’s Te", "class", "[Moscow’s Terms — a 🕊 Offer]:", 1) in decoded
    assert ("[Moscow’s Te", "decorator", "#pressure", 0) in decoded
    assert ("+ [Pressure ", "operator", "+", 0) in decoded
    assert ('> "The Kreml', "string", ' "The Kremlin 🕊 wants a deal on its terms."', 0) in decoded
    assert ("# Does press", "namespace", "# Does pressure work?", 0) in decoded


async def test_the_outline_nests_reconstructions_and_relations(editor):
    beta = editor.open("beta.argmap")
    editor.type(beta, editor.text(beta) + "\n<Pressure Argument>: Pressure brings Moscow to the table.\n\n(1) [Pressure Works]\n  - [Talks Are Theatre]\n(2) [Moscow Will Talk]\n----\n(3) [Moscow Will Deal]: It will deal.\n")
    symbols = await editor.client.text_document_document_symbol_async(types.DocumentSymbolParams(doc(beta)))

    def tree(items):
        return [(s.name, tree(s.children)) if s.children else s.name for s in items]

    (section,) = tree(symbols)
    assert section[1][-1] == ("<Pressure Argument>", [("[Pressure Works]", ["[Talks Are Theatre]"]), "[Moscow Will Talk]", "[Moscow Will Deal]"])
    argument = symbols[0].children[-1]
    assert argument.kind == types.SymbolKind.Function and argument.detail == "Pressure brings Moscow to the table."
    assert argument.range.end.line == len(editor.text(beta).split("\n")) - 2  # it spans its reconstruction


# ---------------------------------------------------------------- files outside the editor


async def test_files_created_and_deleted_on_disk_join_and_leave_the_map(editor, module_workspace):
    gamma = module_workspace / "gamma.argmap"
    gamma.write_text("[Gamma Agrees]: Gamma agrees.\n  + [Talks Are Theatre]\n  - [Pressure Wroks]\n", encoding="utf-8")
    uri = editor.uri("gamma.argmap")
    editor.client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams([types.FileEvent(uri, types.FileChangeType.Created)]))
    found = await editor.diagnostics_until(lambda d: d.get(uri))
    assert [d.message for d in found[uri]] == ["[Pressure Wroks] is never defined\nhint: did you mean [Pressure Works]?"]
    alpha = editor.open("alpha.argmap")
    references = await editor.client.text_document_references_async(
        types.ReferenceParams(text_document=doc(alpha), position=editor.position(alpha, "[Talks Are Theatre]:", 1), context=types.ReferenceContext(True))
    )
    assert uri in {loc.uri for loc in references}
    Path(gamma).unlink()
    editor.client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams([types.FileEvent(uri, types.FileChangeType.Deleted)]))
    await editor.diagnostics_until(lambda d: len(d[uri]) == 0)  # the editor clears what it showed
