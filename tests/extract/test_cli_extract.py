"""The `extract` and `suggest-merges` commands as a user runs them (snapshots of what they see)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from ..conftest import ROOT

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures"
SNAPSHOTS = HERE / "snapshots"
EXAMPLES = ROOT / "examples" / "ukraine-talks"


@pytest.fixture
def workdir(tmp_path):
    shutil.copy(FIXTURES / "small-article.txt", tmp_path / "small-article.txt")
    return tmp_path


def test_extract_small_article_snapshot(argmap_cli, workdir, snapshot):
    """The draft of a small article, exactly as the user gets it, and what `check` then says."""
    snapshot.snapshot_dir = SNAPSHOTS
    run = argmap_cli("extract", "small-article.txt", "-o", "draft.argmap", "--title", "Sanctions Alone Will Not End the War", "--url", "https://example.org/sanctions", cwd=workdir)
    assert run.exit_code == 0, run.stderr
    snapshot.assert_match(run.transcript(), "extract.transcript.txt")
    snapshot.assert_match((workdir / "draft.argmap").read_text(encoding="utf-8"), "small-article.draft.argmap")
    checked = argmap_cli("check", "draft.argmap", cwd=workdir)
    assert checked.exit_code == 0
    snapshot.assert_match(checked.transcript(), "check-draft.transcript.txt")


def test_extract_to_stdout(argmap_cli, workdir):
    run = argmap_cli("extract", "small-article.txt", "--max-claims", "2", cwd=workdir)
    assert run.exit_code == 0
    assert run.stdout.startswith("===\n") and run.stdout.count('  > "') == 2
    assert "article: small-article.txt" in run.stdout
    assert "2 candidate claims" in run.stderr


def test_extract_from_stdin_saves_the_text_beside_the_draft(argmap_cli, tmp_path):
    text = (FIXTURES / "small-article.txt").read_text(encoding="utf-8")
    run = argmap_cli("extract", "-", "-o", "out/draft.argmap", "--source-id", "op-ed", input=text, cwd=tmp_path) if (tmp_path / "out").mkdir() is None else None
    assert run.exit_code == 0, run.stderr
    assert (tmp_path / "out" / "draft.txt").read_text(encoding="utf-8") == text
    assert "saved the article's text to out/draft.txt" in run.stderr
    draft = (tmp_path / "out" / "draft.argmap").read_text(encoding="utf-8")
    assert "id: op-ed" in draft and "article: draft.txt" in draft
    assert argmap_cli("check", "out/draft.argmap", cwd=tmp_path).exit_code == 0


def test_extract_from_stdin_needs_an_output(argmap_cli, tmp_path):
    run = argmap_cli("extract", "-", input="Talks should go on.", cwd=tmp_path)
    assert run.exit_code == 2
    assert "-o is needed" in run.stderr and "hint: add -o draft.argmap" in run.stderr


def test_extract_html_page(argmap_cli, tmp_path):
    pytest.importorskip("trafilatura")
    paragraphs = "".join(f"<p>{line}</p>" for line in (FIXTURES / "small-article.txt").read_text(encoding="utf-8").splitlines()[2:11])
    page = (
        "<!DOCTYPE html><html><head><title>Sanctions</title></head><body>"
        '<nav><a href="/">Home</a> <a href="/about">About us</a></nav>'
        f"<article><h1>Sanctions Alone Will Not End the War</h1>{paragraphs}</article>"
        "<footer><p>Subscribe to our newsletter.</p><p>© 2025 Example Media. All rights reserved.</p></footer></body></html>"
    )
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    run = argmap_cli("extract", "page.html", "-o", "page.argmap", cwd=tmp_path)
    assert run.exit_code == 0, run.stderr
    text = (tmp_path / "page.txt").read_text(encoding="utf-8")
    assert "Therefore, sanctions alone will not bring Moscow to the table." in text
    assert "newsletter" not in text and "<p>" not in text
    assert "article: page.txt" in (tmp_path / "page.argmap").read_text(encoding="utf-8")
    assert argmap_cli("check", "page.argmap", cwd=tmp_path).exit_code == 0


@pytest.mark.parametrize(
    "args, status, message",
    [
        (["--url", "ftp://example.org"], 2, "is not an http(s) address"),
        (["--lexicon", "bad.yaml"], 1, "the lexicon is not valid"),
        (["--max-claims", "-1"], 2, "Invalid value"),
    ],
)
def test_extract_usage_errors(argmap_cli, workdir, args, status, message):
    (workdir / "bad.yaml").write_text("positions: [a, b]\n", encoding="utf-8")
    run = argmap_cli("extract", "small-article.txt", "-o", "draft.argmap", *args, cwd=workdir)
    assert run.exit_code == status
    assert message in run.stderr
    assert not (workdir / "draft.argmap").exists()


def test_extract_non_utf8_article(argmap_cli, tmp_path):
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 talks should go on.".encode("latin-1"))
    run = argmap_cli("extract", "latin1.txt", "-o", "d.argmap", cwd=tmp_path)
    assert run.exit_code == 1
    assert "latin1.txt:1:4: error: the file is not UTF-8 text" in run.stderr


# ---------------------------------------------------------------- suggest-merges


def _two_sources(tmp_path: Path) -> list[str]:
    (tmp_path / "a.argmap").write_text(
        "===\nsource: {id: a}\n===\n\n"
        "[Sanctions Bite]: Sanctions have cut Russia's oil revenue by a third.\n  > \"oil revenue fell by a third\"\n\n"
        "[Talks Are Theatre]: The summit is staged for the cameras.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.argmap").write_text(
        "===\nsource: {id: b}\n===\n\n"
        "[Oil Revenue Falls]: Russia's oil revenue has fallen by a third under sanctions.\n\n"
        "[Moscow Wants Land]: Moscow will not give up the occupied land.\n",
        encoding="utf-8",
    )
    return ["a.argmap", "b.argmap"]


def test_suggest_merges_text_snapshot(argmap_cli, tmp_path, snapshot):
    snapshot.snapshot_dir = SNAPSHOTS
    files = _two_sources(tmp_path)
    before = {f: (tmp_path / f).read_bytes() for f in files}
    run = argmap_cli("suggest-merges", *files, "--top", "2", cwd=tmp_path)
    assert run.exit_code == 0
    snapshot.assert_match(run.transcript(), "suggest-merges.transcript.txt")
    assert {f: (tmp_path / f).read_bytes() for f in files} == before  # never edits files


def test_suggest_merges_json(argmap_cli, tmp_path):
    files = _two_sources(tmp_path)
    run = argmap_cli("suggest-merges", *files, "--format", "json", cwd=tmp_path)
    assert run.exit_code == 0
    data = json.loads(run.stdout)
    assert len(data) == 4  # 2 × 2 cross-source pairs
    assert (data[0]["a"]["title"], data[0]["b"]["title"]) == ("Sanctions Bite", "Oil Revenue Falls")
    assert data[0]["a"]["quotes"] == ["oil revenue fell by a third"]
    assert [d["score"] for d in data] == sorted((d["score"] for d in data), reverse=True)


def test_suggest_merges_of_the_examples_ranks_cross_source_pairs_only(argmap_cli):
    files = sorted(str(p) for p in EXAMPLES.glob("*.argmap"))
    run = argmap_cli("suggest-merges", *files, "--top", "5", "--format", "json")
    assert run.exit_code == 0
    data = json.loads(run.stdout)
    assert len(data) == 5
    assert all(d["a"]["source"] != d["b"]["source"] and d["a"]["title"] != d["b"]["title"] for d in data)


def test_suggest_merges_reports_broken_files(argmap_cli, tmp_path):
    (tmp_path / "bad.argmap").write_text("[Unclosed title\n", encoding="utf-8")
    run = argmap_cli("suggest-merges", "bad.argmap", cwd=tmp_path)
    assert run.exit_code == 1
    assert "bad.argmap:1:" in run.stderr
