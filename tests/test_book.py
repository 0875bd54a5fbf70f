"""The book builds warning-free, publishes every page in _toc.yml, shows the student
notebooks, and never leaks a reference solution, hidden test or mark scheme."""
from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from autograder.notebooks import is_written_answer, read, region_lines, source_path, student_path

REPO = Path(__file__).resolve().parent.parent
HTML = REPO / "_build" / "html"
IMPORT = re.compile(r"^(from \S+ )?import ")  # imports are shared vocabulary, not secrets


@pytest.fixture(scope="module")
def build():
    """Build the book exactly as CI requires: warnings are errors, every page is attempted."""
    jb = Path(sys.executable).parent / "jupyter-book"
    run = subprocess.run([str(jb), "build", str(REPO), "-W", "-n", "--keep-going"],
                         capture_output=True, text=True, timeout=1500)
    return run


def toc_files() -> list[str]:
    toc = yaml.safe_load((REPO / "_toc.yml").read_text())
    files = [toc["root"]]

    def walk(entries):
        for entry in entries or []:
            if "file" in entry:
                files.append(entry["file"])
            walk(entry.get("sections"))
            walk(entry.get("chapters"))
    walk(toc.get("parts"))
    walk(toc.get("chapters"))
    return files


def visible_text(path: Path) -> str:
    """What a reader (or a scraper) can get from a built file, whitespace-normalised."""
    raw = path.read_text(errors="replace")
    if path.suffix == ".ipynb":
        raw = "\n".join("".join(c.get("source", "")) for c in json.loads(raw).get("cells", []))
    elif path.suffix in (".html", ".htm"):
        raw = html.unescape(re.sub(r"<[^>]+>", "", raw))
    return re.sub(r"\s+", " ", raw)


def secret_lines(chapter: str) -> set[str]:
    """Distinctive lines of the reference answers, hidden tests and model answers."""
    student_text = re.sub(r"\s+", " ", "\n".join(c.source for c in read(student_path(chapter)).cells))
    secrets = set()
    for cell in read(source_path(chapter)).cells:
        lines = region_lines(cell.source, "SOLUTION") + region_lines(cell.source, "HIDDEN TESTS")
        if is_written_answer(cell):
            lines += [s for s in re.split(r"(?<=[.!?])\s+", " ".join(region_lines(cell.source, "SOLUTION")))]
        for line in lines:
            line = re.sub(r"\s+", " ", line).strip()
            if len(line) >= 24 and line not in student_text and not IMPORT.match(line):
                secrets.add(line)
    return secrets


def test_book_builds_with_warnings_as_errors(build):
    assert build.returncode == 0, f"jupyter-book build failed:\n{build.stdout[-4000:]}\n{build.stderr[-4000:]}"


def test_every_toc_page_is_published(build):
    missing = [f for f in toc_files() if not (HTML / f"{f}.html").is_file()]
    assert not missing, f"pages in _toc.yml with no HTML: {missing}"


def test_nothing_outside_the_toc_is_published(build):
    assert not (HTML / "solutions").exists(), "solutions/ was published"
    assert not list(HTML.rglob("*gradebook*")), "a gradebook was published"


def test_exercise_page_is_the_student_notebook(build, chapter):
    page = HTML / "notebooks" / chapter / f"{chapter}.html"
    text = visible_text(page)
    assert "raise NotImplementedError()" in text, "the exercise page does not show the student stubs"
    assert "BEGIN SOLUTION" not in text and "BEGIN HIDDEN TESTS" not in text


def test_no_solution_or_hidden_test_leaks_into_the_build(build, chapter):
    secrets = secret_lines(chapter)
    assert len(secrets) > 20, "too few distinctive lines to make this check meaningful"
    leaks = []
    for path in HTML.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".ipynb", ".md", ".txt", ".js", ".json", ".py"):
            text = visible_text(path)
            leaks += [f"{path.relative_to(HTML)}: {s}" for s in secrets if s in text]
    assert not leaks, "reference material leaked into _build/html:\n" + "\n".join(leaks[:10])
