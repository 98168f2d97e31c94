"""```argmap blocks in Python-Markdown (argmap.markdown) and in an MkDocs site built with it."""

import os
import re
import subprocess
import sys
from pathlib import Path

import markdown

ROOT = Path(__file__).resolve().parents[2]
TALKS = ROOT / "examples" / "ukraine-talks"
LESSON = """# Lesson

Before the map.

```argmap caption="Talks & war"
[Talks]: Talks help.
  - [War]: War goes on.
```

```python
print("left alone")
```
"""


def to_html(text: str, **config) -> str:
    return markdown.markdown(text, extensions=["argmap.markdown", "fenced_code"], extension_configs={"argmap.markdown": config})


def svgs(page: str) -> list[str]:
    return re.findall(r"<svg\b.*?</svg>", page, flags=re.S)


def test_a_block_becomes_an_inline_svg_figure_and_other_code_stays_code():
    page = to_html(LESSON, name="lesson.md")
    (svg,) = svgs(page)
    assert "Talks help." in svg and "War goes on." in svg
    assert "<?xml" not in page and "<!DOCTYPE" not in page
    assert '<figure class="argmap">' in page and "<figcaption>Talks &amp; war</figcaption>" in page
    assert '<code class="language-python">print(&quot;left alone&quot;)' in page
    assert page.index("Before the map.") < page.index("<svg")


def test_the_same_text_gives_the_same_page():
    assert to_html(LESSON) == to_html(LESSON)


def test_file_options_are_those_of_the_sphinx_directive():
    text = '```argmap file=*.argmap focus="Putin Is Stalling" depth=1 theme=mono width=600\n```\n'
    (svg,) = svgs(to_html(text, base_dir=str(TALKS)))
    assert "Putin Is Stalling" in svg
    assert "NATO Expansion Was No Provocation" not in svg  # outside the focus
    assert re.search(r'<svg[^>]*width="600(px)?"', svg)


def test_the_overview_option():
    (svg,) = svgs(to_html("```argmap file=*.argmap overview top=1\n```\n", base_dir=str(TALKS)))
    assert all(position in svg for position in ("Restraint", "Pressure", "Skepticism"))


def test_two_maps_on_a_page_have_their_own_title_ids():
    page = to_html(LESSON + "\n```argmap\n[Other]: Another map.\n```\n")
    ids = re.findall(r'<title id="([^"]+)"', page)
    assert len(ids) == 2 and len(set(ids)) == 2
    for svg in svgs(page):
        (title,) = re.findall(r'<title id="([^"]+)"', svg)
        assert f'aria-labelledby="{title}"' in svg


def test_errors_show_the_blocks_place_and_message_and_the_other_maps_are_drawn(caplog):
    text = LESSON + '\n```argmap focus="Nope" colour=red\n[A]: a.\n```\n\n```argmap focus="Nope"\n[A]: a.\n```\n'
    page = to_html(text, name="lesson.md")
    assert len(svgs(page)) == 1
    errors = re.findall(r'<div class="argmap-error">\n<pre>(.*?)</pre>', page, flags=re.S)
    assert errors[0].startswith("lesson.md:14:24: error: unknown option &#x27;colour&#x27;\nhint: options are ")
    assert errors[1].startswith("lesson.md:18:11: error: focus: no statement or argument is titled &#x27;Nope&#x27;\nhint: ")
    assert "argmap: lesson.md:14:24: unknown option 'colour'" in caplog.text


def test_errors_in_the_markup_point_at_the_markdown_line():
    page = to_html("Text.\n\n```argmap\n[A]: a.\n  + [B]: b.\n[A]: a.\n  +> <C>: broken\n     (1) x\n```\n", name="page.md")
    (problems,) = re.findall(r'<div class="argmap-error">\n<pre>(.*?)</pre>', page, flags=re.S)
    # the block's line 5, "(1) x", is the page's line 8
    assert "page.md:8:10: error: this premise–conclusion structure has no inference line (----) before its conclusion" in problems
    assert "<svg" not in page


def test_images_next_to_the_page(tmp_path):
    page = to_html(LESSON, images=str(tmp_path / "maps"), image_url="../maps")
    (drawing,) = (tmp_path / "maps").glob("argmap-*.svg")
    assert f'<img src="../maps/{drawing.name}" alt="Argument map: 2 statements' in page
    assert "Talks help." in drawing.read_text(encoding="utf-8")
    assert not svgs(page)


def test_an_mkdocs_site_builds_with_the_map(tmp_path):
    docs = tmp_path / "docs"
    (docs / "maps").mkdir(parents=True)
    (docs / "maps" / "talks.argmap").write_text("[Talks]: Talks help.\n  - [War]: War goes on.\n", encoding="utf-8")
    (docs / "index.md").write_text("# Lesson\n\n```argmap file=maps/talks.argmap\n```\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: Lesson\nmarkdown_extensions:\n  - argmap.markdown:\n      base_dir: docs\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    (svg,) = svgs((tmp_path / "site" / "index.html").read_text(encoding="utf-8"))
    assert "Talks help." in svg and "War goes on." in svg


def test_mkdocs_reports_a_broken_block_and_strict_fails(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Lesson\n\n```argmap focus=Nope\n[A]: a.\n  + [B]: b.\n```\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: Lesson\nmarkdown_extensions:\n  - argmap.markdown\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 1
    assert "ERROR   -  argmap: <markdown>:3:11: focus: no statement or argument is titled 'Nope'" in result.stderr


def test_the_teaching_page_mkdocs_site_builds(tmp_path):
    """docs/teaching.md's MkDocs site, built as the page says."""
    page = (ROOT / "docs" / "teaching.md").read_text(encoding="utf-8")
    shown = re.findall(r"<!-- file: (lesson-mkdocs/\S+) -->\n(`{3,})[^\n]*\n(.*?)^\2[ \t]*$", page, flags=re.S | re.M)
    assert {path for path, _, _ in shown} == {"lesson-mkdocs/mkdocs.yml", "lesson-mkdocs/docs/index.md"}
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    for path, _, body in shown:
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(body, encoding="utf-8")
    assert "`cd lesson-mkdocs && mkdocs build --strict`" in page
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    result = subprocess.run(["bash", "-c", "cd lesson-mkdocs && mkdocs build --strict"], cwd=tmp_path, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "lesson-mkdocs" / "site" / "index.html").read_text(encoding="utf-8")
    first, second = svgs(html)
    assert "Putin May Be Warming to a Settlement" in first and "Sanctions Work" in second
    assert "<figcaption>Who hopes Putin is warming to a settlement, and who doubts it</figcaption>" in html
