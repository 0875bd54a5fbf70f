"""Make every student notebook run wherever it is opened: Colab, Binder, a JupyterHub, a download.

The notebooks import the course's helper package `llmcourse`. The book build publishes it as a
wheel beside the site (`<html.baseurl>/_static/llmcourse-<version>-py3-none-any.whl`, built by
:func:`build_wheel` from book/_ext/course_ext.py), and the release (autograder/release.py) gives
every student notebook, through :func:`add_launch_cells`:

- one line in its first Markdown cell: how to run it on your own machine (a `pip install` of
  the wheel's URL, with the chapter's extra);
- a first code cell, locked (grade_id ``launch``), that installs `llmcourse[<chapter>]` from that
  URL when the package is missing or older than the release, or only the chapter's extra
  packages when just those are missing, and says so in one line. Where everything is present (a
  clone after `make install`, a prepared hub, the grader's sandbox) it does nothing.
  ``LLMCOURSE_WHEEL_URL`` overrides the URL (the tests serve the wheel on 127.0.0.1).

The URL is configured once, as `html.baseurl` in _config.yml; the version is
`llmcourse.__version__`; a chapter's extra is `[project.optional-dependencies].<chapter>` in
pyproject.toml. The grader drops the launch cell before grading (autograder/worker.py): grading
runs offline with the package installed, and the cell is not part of any exercise.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from autograder.config import REPO

LAUNCH_ID = "launch"          # grade_id (and cell id) of the setup cell
RUN_LOCALLY = "**Running this notebook.**"   # opens the line added to the first Markdown cell
# Import names of the extras' distributions where they differ from the name with "-" -> "_".
IMPORT_NAMES = {"faiss-cpu": "faiss", "rouge-score": "rouge_score", "scikit-learn": "sklearn"}


def version() -> str:
    """llmcourse.__version__, read from the source (importing the package would import torch)."""
    text = (REPO / "llmcourse" / "__init__.py").read_text()
    return re.search(r'^__version__ = "([^"]+)"', text, re.M).group(1)


def wheel_name() -> str:
    return f"llmcourse-{version()}-py3-none-any.whl"


def book_url() -> str:
    """The published book's address: `html.baseurl` in _config.yml, ending with '/'."""
    import yaml

    config = yaml.safe_load((REPO / "_config.yml").read_text())
    url = (config.get("html") or {}).get("baseurl") or ""
    if not url.startswith(("https://", "http://")):
        raise ValueError("_config.yml must set html.baseurl to the book's published address "
                         "(the notebooks install llmcourse from <baseurl>/_static/)")
    return url.rstrip("/") + "/"


def wheel_url() -> str:
    return f"{book_url()}_static/{wheel_name()}"


def chapter_extras(chapter: str) -> list[str]:
    """The requirements of the chapter's extra (pyproject.toml), [] when it has none."""
    import tomllib

    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    return list(project.get("optional-dependencies", {}).get(chapter, []))


def import_name(requirement: str) -> str:
    name = re.match(r"[A-Za-z0-9._-]+", requirement).group(0).lower()
    return IMPORT_NAMES.get(name, name.replace("-", "_").replace(".", "_"))


def install_spec(chapter: str, url: str | None = None) -> str:
    """What `pip install` takes for this chapter: the wheel, with the chapter's extra if any."""
    extra = f"[{chapter}]" if chapter_extras(chapter) else ""
    return f"llmcourse{extra} @ {url or wheel_url()}"


def run_locally_line(chapter: str) -> str:
    return (f'{RUN_LOCALLY} On Colab, Binder or your course\'s JupyterHub, just run it: the first code '
            f'cell installs the course\'s helper package when it is missing. On your own computer '
            f'(Python 3.10 or newer), install it once with `pip install "{install_spec(chapter)}"`, '
            f'then open this notebook in Jupyter.')


def setup_cell_source(chapter: str) -> str:
    """The launch cell's code: short, standard library only, a no-op where all is installed."""
    extras = {import_name(req): req for req in chapter_extras(chapter)}
    wanted = tuple(int(p) for p in version().split(".")[:3])
    extra = f"[{chapter}]" if extras else ""
    return f'''# Setup (locked). Installs the course's helper package `llmcourse` where it is missing or too
# old (Colab, Binder, a downloaded notebook); in a clone, on a prepared hub and in grading it does nothing.
import importlib.util, os, subprocess, sys

_WHEEL = os.environ.get("LLMCOURSE_WHEEL_URL", "{wheel_url()}")
_EXTRAS = {json.dumps(extras)}  # module: requirement


def _to_install(version={wanted!r}) -> list[str]:
    try:
        import llmcourse
        found = tuple(int(p) for p in llmcourse.__version__.split(".")[:3] if p.isdigit())
    except (ImportError, AttributeError):
        found = ()
    if found < version:
        return [f"llmcourse{extra} @ {{_WHEEL}}"]
    return [req for module, req in _EXTRAS.items() if importlib.util.find_spec(module) is None]


if _todo := _to_install():
    _pip = subprocess.run([sys.executable, "-m", "pip", "install", "-q", *_todo], capture_output=True, text=True)
    if _pip.returncode:
        raise RuntimeError(f"could not install {{_todo}}; install it yourself with pip:\\n{{_pip.stderr[-3000:]}}")
    for _name in [n for n in sys.modules if n.split(".")[0] == "llmcourse"]:
        del sys.modules[_name]  # an older version imported above
    importlib.invalidate_caches()
    print("Installed", *_todo)'''


def is_launch_cell(cell) -> bool:
    meta = cell.get("metadata")
    nbgrader = meta.get("nbgrader") if isinstance(meta, dict) else None
    return isinstance(nbgrader, dict) and nbgrader.get("grade_id") == LAUNCH_ID


def add_launch_cells(nb, chapter: str):
    """Add (or refresh) the run-locally line and the locked launch cell of a student notebook."""
    import nbformat
    from nbgrader.utils import compute_checksum

    nb.cells = [c for c in nb.cells if not is_launch_cell(c)]
    first = next(i for i, c in enumerate(nb.cells) if c.cell_type == "markdown")
    intro = nb.cells[first]
    kept = [p for p in intro.source.split("\n\n") if not p.startswith(RUN_LOCALLY)]
    intro.source = "\n\n".join(kept + [run_locally_line(chapter)])
    cell = nbformat.v4.new_code_cell(setup_cell_source(chapter))
    cell.id = LAUNCH_ID
    cell.metadata = {"deletable": False, "editable": False,
                     "nbgrader": {"cell_type": "code", "grade": False, "grade_id": LAUNCH_ID, "locked": True,
                                  "schema_version": 3, "solution": False}}
    cell.metadata["nbgrader"]["checksum"] = compute_checksum(cell)
    nb.cells.insert(first + 1, cell)
    return nb


def build_wheel(dest: Path) -> Path:
    """Build llmcourse-<version>-py3-none-any.whl into `dest` (older ones there are removed).

    Built from a copy of the package sources in a temporary folder, so the clone gets no build/
    or egg-info litter; offline (no build isolation: setuptools comes from this environment)."""
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    with tempfile.TemporaryDirectory(prefix="llmcourse-wheel-") as tmp:
        src = Path(tmp) / "src"
        src.mkdir()
        shutil.copy2(REPO / "pyproject.toml", src / "pyproject.toml")
        for package in ("llmcourse", "autograder"):
            shutil.copytree(REPO / package, src / package, ignore=ignore)
        out = Path(tmp) / "dist"
        done = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
                               "--no-index", "-w", str(out), str(src)], capture_output=True, text=True)
        if done.returncode:
            raise RuntimeError(f"building the llmcourse wheel failed:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
        [wheel] = out.glob("llmcourse-*.whl")
        for old in dest.glob("llmcourse-*.whl"):
            old.unlink()
        target = dest / wheel.name
        shutil.move(str(wheel), target)
    if target.name != wheel_name():
        raise RuntimeError(f"built {target.name}, expected {wheel_name()}")
    return target
