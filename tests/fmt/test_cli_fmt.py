"""`argmap fmt FILE...`: rewrite in place, --check, --diff, stdin, files with syntax errors."""

import os
from pathlib import Path

UNTIDY = "[A]:   a\n\t<+ [B]: b   \n[C]: c\n"
TIDY = "[A]: a\n  + [B]: b\n\n[C]: c\n"
BROKEN = "[A]: a\n\n  + [B]: b\n"


def write(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("utf-8"))
    return path


def test_rewrites_files_in_place_and_only_those_that_change(argmap_cli, tmp_path):
    untidy = write(tmp_path / "untidy.argmap", UNTIDY)
    tidy = write(tmp_path / "tidy.argmap", TIDY)
    os.chmod(untidy, 0o640)
    inode = tidy.stat().st_ino
    result = argmap_cli("fmt", untidy, tidy)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == f"reformatted {untidy}\nargmap fmt: 1 reformatted, 1 unchanged\n"
    assert untidy.read_text(encoding="utf-8") == TIDY
    assert untidy.stat().st_mode & 0o777 == 0o640  # the replacement keeps the permissions
    assert tidy.stat().st_ino == inode  # not rewritten
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tidy.argmap", "untidy.argmap"]  # no temporary files left


def test_check_shows_a_diff_exits_1_and_writes_nothing(argmap_cli, tmp_path):
    untidy = write(tmp_path / "untidy.argmap", UNTIDY)
    tidy = write(tmp_path / "tidy.argmap", TIDY)
    result = argmap_cli("fmt", "--check", untidy, tidy)
    assert result.exit_code == 1
    assert untidy.read_text(encoding="utf-8") == UNTIDY
    assert result.stdout == (
        f"--- {untidy}\n+++ {untidy} (formatted)\n@@ -1,3 +1,4 @@\n"
        "-[A]:   a\n-\t<+ [B]: b   \n+[A]: a\n+  + [B]: b\n+\n [C]: c\n"
    )
    assert result.stderr == "argmap fmt: 1 file would be reformatted\n"
    assert argmap_cli("fmt", "--check", tidy).transcript() == "$ exit 0\n--- stdout\n--- stderr\n"


def test_check_names_line_end_and_byte_order_mark_changes(argmap_cli, tmp_path):
    crlf = tmp_path / "crlf.argmap"
    crlf.write_bytes("\ufeff[A]: a\r\n  + [B]: b\r\n".encode("utf-8"))
    result = argmap_cli("fmt", "--check", crlf)
    assert result.exit_code == 1
    assert result.stdout == f"# {crlf}: the byte-order mark is dropped\n# {crlf}: CRLF line ends become LF\n"
    assert argmap_cli("fmt", crlf).exit_code == 0
    assert crlf.read_bytes() == b"[A]: a\n  + [B]: b\n"


def test_diff_prints_the_changes_without_writing(argmap_cli, tmp_path):
    untidy = write(tmp_path / "untidy.argmap", UNTIDY)
    result = argmap_cli("fmt", "--diff", untidy)
    assert result.exit_code == 0
    assert result.stdout.startswith(f"--- {untidy}\n+++ {untidy} (formatted)\n")
    assert untidy.read_text(encoding="utf-8") == UNTIDY


def test_dash_reads_stdin_and_writes_stdout(argmap_cli):
    result = argmap_cli("fmt", "-", input=UNTIDY)
    assert (result.exit_code, result.stdout, result.stderr) == (0, TIDY, "")
    result = argmap_cli("fmt", "--check", "-", input=UNTIDY)
    assert result.exit_code == 1
    assert result.stdout.startswith("--- <stdin>\n+++ <stdin> (formatted)\n")


def test_files_with_syntax_errors_are_reported_and_left_untouched(argmap_cli, tmp_path):
    broken = write(tmp_path / "broken.argmap", BROKEN)
    untidy = write(tmp_path / "untidy.argmap", UNTIDY)
    result = argmap_cli("fmt", broken, untidy)
    assert result.exit_code == 1
    assert f"{broken}:3:3: error: a relation cannot start a new block after a blank line" in result.stderr
    assert result.stderr.endswith("argmap fmt: 1 reformatted, 0 unchanged, 1 with errors\n")
    assert broken.read_text(encoding="utf-8") == BROKEN
    assert untidy.read_text(encoding="utf-8") == TIDY  # the other files are still formatted
    assert argmap_cli("fmt", "-", input=BROKEN).stderr.startswith("<stdin>:3:3: error:")


def test_a_file_that_is_not_utf8_is_an_error(argmap_cli, tmp_path):
    latin = tmp_path / "latin.argmap"
    latin.write_bytes(b"[A]: caf\xe9\n")
    result = argmap_cli("fmt", latin)
    assert result.exit_code == 1
    assert f"{latin}: error: the file is not UTF-8 text" in result.stderr
    assert latin.read_bytes() == b"[A]: caf\xe9\n"
