"""The book builds warning-free, publishes every page in _toc.yml, shows the student
notebooks, and never leaks a reference solution, hidden test or mark scheme."""
from __future__ import annotations

import functools
import html
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import yaml

from autograder.config import chapters
from autograder.notebooks import is_written_answer, read, region_lines, source_path, student_path

REPO = Path(__file__).resolve().parent.parent
HTML = REPO / "_build" / "html"
IMPORT = re.compile(r"^(from \S+ )?import ")  # imports are shared vocabulary, not secrets


@pytest.fixture(scope="module")
def build():
    """Build the book exactly as CI requires: warnings are errors, every page is attempted.

    The whole course is embedded with MiniLM first (cached per passage), so the pages that use
    those vectors do not pay a cold start inside the per-page execution timeout."""
    from llmcourse.embeddings import course_embeddings
    course_embeddings()
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
    # Another chapter's pages are written independently of this chapter's solutions, so a
    # generic line found there (`with torch.device("meta"):`) is a coincidence, not a leak.
    others = {c for c in chapters() if c != chapter}
    for path in HTML.rglob("*"):
        parts = path.relative_to(HTML).parts
        if any(len(parts) > i + 1 and parts[i] in ("book", "notebooks") and parts[i + 1] in others
               for i in range(min(2, len(parts)))):
            continue
        if path.is_file() and path.suffix in (".html", ".ipynb", ".md", ".txt", ".js", ".json", ".py"):
            text = visible_text(path)
            leaks += [f"{path.relative_to(HTML)}: {s}" for s in secrets if s in text]
    assert not leaks, "reference material leaked into _build/html:\n" + "\n".join(leaks[:10])


# --- In a real browser --------------------------------------------------------------------
# Headless Chromium (Debian's `chromium`, installed by `make test`) driven through Playwright
# over the built book served on 127.0.0.1.

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SCREENSHOTS = REPO / "_build" / "screenshots"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-sync",
                 "--disable-component-update", "--no-first-run", "--disable-quic"]


@pytest.fixture(scope="module")
def site(build):
    assert build.returncode == 0, "the book did not build"
    class QuietHandler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(QuietHandler, directory=str(HTML))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="module")
def browser(site):
    if CHROMIUM is None and os.environ.get("CI"):
        pytest.fail("Chromium is missing in CI: `make test` should have installed Debian's chromium")
    if CHROMIUM is None:
        pytest.skip("Chromium is not installed (make test installs Debian's chromium when run as root)")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def open_page(browser, url):
    """Load `url`; return the page and every console error or uncaught exception it raised."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    problems = []
    page.on("console", lambda m: problems.append(f"console.{m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"uncaught: {e}"))
    page.goto(url, wait_until="load")
    # MathJax loads deferred; wait until it has typeset the page (a no-op on pages without it).
    page.evaluate("async () => { if (window.MathJax && MathJax.startup && MathJax.startup.promise)"
                  " await MathJax.startup.promise; }")
    return page, problems


def test_every_toc_page_loads_without_console_errors_and_renders_math(browser, site):
    failures = []
    for name in toc_files():
        page, problems = open_page(browser, f"{site}/{name}.html")
        # The prose only: code cells and their printed outputs may hold TeX on purpose (a
        # matplotlib label, a line of Markdown printed from the course's own text).
        text = page.evaluate("() => { const main = document.querySelector('main').cloneNode(true);"
                             " main.querySelectorAll('pre, .cell_input, .cell_output').forEach(e => e.remove());"
                             " return main.innerText; }")
        raw_math = [m for m in ("$$", "\\frac", "\\sqrt{") if m in text]
        if problems:
            failures.append(f"{name}: {problems}")
        if raw_math:
            failures.append(f"{name}: math left unrendered ({raw_math})")
        page.close()
    assert not failures, "\n".join(failures)


def test_math_and_figures_are_rendered(browser, site):
    page, _ = open_page(browser, f"{site}/book/transformers/attention.html")
    assert page.locator("mjx-container").count() > 20, "MathJax did not typeset the formulas"
    assert page.evaluate("() => [...document.scripts].every(s => !s.src || s.src.startsWith(location.origin))"), \
        "a script is loaded from outside the book (math must render offline)"
    for name, minimum in [("attention", 2), ("positions", 2), ("blocks", 1), ("flash", 1)]:
        page.goto(f"{site}/book/transformers/{name}.html", wait_until="load")
        loaded = page.evaluate("() => [...document.querySelectorAll('.cell_output img')]"
                               ".filter(i => i.complete && i.naturalWidth > 100).length")
        assert loaded >= minimum, f"{name}: {loaded} figure(s) rendered, expected at least {minimum}"
    page.close()


def test_launch_and_download_buttons_point_to_the_student_notebook(browser, site):
    config = yaml.safe_load((REPO / "_config.yml").read_text())
    repo_path = config["repository"]["url"].removeprefix("https://github.com/")
    for chapter in chapters():
        nb_path = f"notebooks/{chapter}/{chapter}.ipynb"
        page, problems = open_page(browser, f"{site}/notebooks/{chapter}/{chapter}.html")
        hrefs = page.evaluate("() => [...document.querySelectorAll('a')].map(a => a.getAttribute('href'))")
        expected = {
            "Colab": f"https://colab.research.google.com/github/{repo_path}/blob/main/{nb_path}",
            "Binder": f"https://mybinder.org/v2/gh/{repo_path}/main?urlpath=tree/{nb_path}",
            "JupyterHub": f"{config['launch_buttons']['jupyterhub_url']}/hub/user-redirect/git-pull?",
        }
        for button, url in expected.items():
            assert any(h and h.startswith(url) and nb_path in h for h in hrefs), f"{chapter}: no {button} button for {nb_path}"
        download = page.evaluate("() => [...document.querySelectorAll('a')].map(a => a.href)"
                                 f".find(h => h.endsWith('_sources/{nb_path}'))")
        assert download, f"{chapter}: no download button for the notebook"
        body = page.request.get(download).text()
        assert "raise NotImplementedError()" in body and "BEGIN SOLUTION" not in body, \
            "the download button must serve the student notebook"
        assert not problems, problems
        page.close()


def test_search_returns_results(browser, site):
    page, problems = open_page(browser, f"{site}/search.html?q=attention")
    page.wait_for_selector("#search-results ul.search li", timeout=20000)
    assert page.locator("#search-results ul.search li").count() >= 3
    assert not problems, problems
    page.close()


def test_screenshots_of_the_landing_and_a_chapter_page(browser, site):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name, path in [("landing", "book/intro.html"), ("chapter-attention", "book/transformers/attention.html")]:
        page, _ = open_page(browser, f"{site}/{path}")
        target = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(target))
        assert target.stat().st_size > 20_000, f"{target} looks empty"
        page.close()


def test_internal_links_resolve(build):
    """Every relative href/src in the built HTML points to a file that exists, and every
    #fragment to an element id on the target page."""
    ids: dict[Path, set[str]] = {}

    def ids_of(path: Path) -> set[str]:
        if path not in ids:
            ids[path] = set(re.findall(r'\sid="([^"]+)"', path.read_text(errors="replace")))
        return ids[path]

    broken = []
    for page in HTML.rglob("*.html"):
        if "_static" in page.parts:
            continue
        for target in re.findall(r'(?:href|src)="([^"]+)"', page.read_text(errors="replace")):
            target = html.unescape(target)
            if re.match(r"^[a-z][a-z0-9+.-]*:", target) or target.startswith("//"):
                continue  # external (checked by the launch-button test where it matters)
            path_part, _, fragment = target.partition("#")
            path_part = path_part.split("?")[0]
            resolved = (page.parent / path_part).resolve() if path_part else page
            if not resolved.exists():
                broken.append(f"{page.relative_to(HTML)} -> {target}")
            elif fragment and resolved.suffix == ".html" and fragment not in ids_of(resolved):
                broken.append(f"{page.relative_to(HTML)} -> {target} (no such anchor)")
    assert not broken, f"{len(broken)} broken internal link(s):\n" + "\n".join(sorted(set(broken))[:20])


def test_no_page_loads_code_or_styles_from_the_internet(build):
    """The book must work on an offline course server: no CDN scripts or stylesheets
    (MathJax is served from the build; notebook widgets would pull require.js from a CDN)."""
    external = []
    for page in HTML.rglob("*.html"):
        text = page.read_text(errors="replace")
        for url in re.findall(r'<script[^>]+src="(https?://[^"]+)"', text) + \
                re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="(https?://[^"]+)"', text):
            external.append(f"{page.relative_to(HTML)}: {url}")
    assert not external, "pages load resources from the internet:\n" + "\n".join(external[:10])
