"""The exercise notebooks run wherever a student opens them (README, "Launching an exercise").

Three simulations, with no network beyond this machine: pip reads only the local package indexes
named in pip's own configuration (`pip config list`), plus wheels repacked from this environment
for what those lack; the course's wheel is served on 127.0.0.1 from a folder laid out like the
built book's _build/html/_static/.

- **Colab**: a fresh venv with only torch, numpy, transformers and matplotlib (and the ipykernel
  and pip any Colab has), at versions other than the course's pins where the local index has
  them. Every chapter's student notebook, its answers filled from the reference, runs from a
  folder outside the clone; its first cell installs llmcourse from the loopback URL
  (LLMCOURSE_WHEEL_URL), every visible test passes, and nothing is read from the clone (an audit
  hook in the kernel refuses any file under it).
- **Binder**: binder/requirements.txt and binder/postBuild carried out as repo2docker does, in a
  copy of the repository and a fresh environment; then one notebook runs, its first cell idle.
- **Download**: a notebook copied into an empty folder, the `pip install` its first Markdown cell
  gives run as written (the book's host pointed at the loopback server), then the notebook runs.

Each test prints its timings (`pytest -s`). Set LLMCOURSE_LAUNCH_BASE (e.g. "torch==2.6.0
numpy==1.26.4 transformers==4.57.6 matplotlib==3.10.9") and LLMCOURSE_LAUNCH_FIND_LINKS (folders
of extra wheels) to run the Colab simulation against other versions.
"""
from __future__ import annotations

import base64
import functools
import hashlib
import http.server
import importlib.metadata as md
import json
import os
import re
import subprocess
import sys
import threading
import time
import urllib.parse
import zipfile
from collections import defaultdict
from pathlib import Path

import nbformat
import pytest
from packaging.requirements import Requirement
from packaging.tags import sys_tags
from packaging.utils import canonicalize_name, parse_sdist_filename, parse_wheel_filename
from packaging.version import Version

from autograder.config import chapters, copy_working_tree
from autograder.launch import LAUNCH_ID, build_wheel, chapter_extras, import_name, wheel_name, wheel_url
from autograder.notebooks import reference_submission, source_path

REPO = Path(__file__).resolve().parent.parent
PY = sys.executable
# The Colab-like base: versions other than requirements.txt's pins, where the local index has them
# (the lower ends of pyproject.toml's ranges for numpy and matplotlib). Missing ones fall back to
# this environment's versions.
DEFAULT_BASE = "torch==2.13.0 numpy==1.26.4 transformers==5.17.0 matplotlib==3.10.9"
KERNEL_TOOLS = ["ipykernel", "pip"]      # what every Colab, Binder or hub kernel has
CELL_TIMEOUT_S = 300
TIMINGS: dict[str, float] = {}


def _timed(name: str):
    def wrap(fn):
        @functools.wraps(fn)
        def inner(*args, **kwargs):
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                TIMINGS[name] = TIMINGS.get(name, 0.0) + time.perf_counter() - start
        return inner
    return wrap


# --------------------------------------------------------------------------- a local-only pip
def _pip_sources() -> tuple[list[str], list[str]]:
    """(file:// index URLs, find-links) from pip's configuration; never a remote index."""
    out = subprocess.run([PY, "-m", "pip", "config", "list"], capture_output=True, text=True).stdout
    indexes, links = [], []
    for line in out.splitlines():
        key, _, value = line.partition("=")
        values = value.strip().strip("'\"").split()
        if key.endswith("index-url"):
            indexes += [v for v in values if v.startswith("file:")]
        elif key.endswith("find-links"):
            links += [v for v in values if not re.match(r"^https?:", v)]
    links += os.environ.get("LLMCOURSE_LAUNCH_FIND_LINKS", "").split()
    return list(dict.fromkeys(indexes)), list(dict.fromkeys(links))


def _local_versions(indexes: list[str], links: list[str]) -> dict[str, set[Version]]:
    """{project: versions} installable here from the local sources (wheels for this interpreter)."""
    supported = set(sys_tags())
    files: list[str] = []
    for url in indexes:
        root = Path(urllib.parse.urlparse(url).path)
        for page in root.glob("*/index.html"):
            files += re.findall(r'href="(?:[^"#]*/)?([^/"#]+)(?:#[^"]*)?"', page.read_text(errors="replace"))
    for link in links:
        folder = Path(link.removeprefix("file://"))
        if folder.is_dir():
            files += [f.name for f in folder.iterdir()]
    versions: dict[str, set[Version]] = defaultdict(set)
    for name in files:
        try:
            if name.endswith(".whl"):
                project, version, _, tags = parse_wheel_filename(name)
                if not tags & supported:
                    continue
            elif name.endswith((".tar.gz", ".zip")):
                project, version = parse_sdist_filename(name)
            else:
                continue
        except ValueError:
            continue
        versions[project].add(version)
    return versions


def _installed_closure(requirements: list[str]) -> dict[str, str]:
    """{project: version} of this environment's distributions that `requirements` pull in."""
    seen: dict[str, str] = {}
    todo = [(Requirement(r), ("",)) for r in requirements]
    while todo:
        req, _ = todo.pop()
        name = canonicalize_name(req.name)
        try:
            dist = md.distribution(name)
        except md.PackageNotFoundError:
            continue
        extras = ("",) + tuple(sorted(req.extras))
        key = f"{name}[{','.join(extras)}]"
        if key in seen:
            continue
        seen[key] = dist.version
        for raw in dist.requires or []:
            sub = Requirement(raw)
            if sub.marker is None or any(sub.marker.evaluate({"extra": e}) for e in extras):
                todo.append((sub, ("",)))
    return {k.split("[")[0]: v for k, v in seen.items()}


def _repack(project: str, wheelhouse: Path) -> Path:
    """A wheel of an installed distribution, rebuilt from its files (for what the local index lacks)."""
    dist = md.distribution(project)
    info = next(Path(str(dist.locate_file(f))).parent for f in dist.files if f.name == "METADATA")
    tags = [line.split(":", 1)[1].strip() for line in (info / "WHEEL").read_text().splitlines()
            if line.startswith("Tag:")] or ["py3-none-any"]
    parts = [".".join(dict.fromkeys(t.split("-")[i] for t in tags)) for i in range(3)]
    name = re.sub(r"[-_.]+", "_", dist.metadata["Name"])
    target = wheelhouse / f"{name}-{dist.version}-{'-'.join(parts)}.whl"
    record, skip = [], {"RECORD", "INSTALLER", "REQUESTED", "direct_url.json"}
    with zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as whl:
        for f in dist.files:
            path = Path(str(dist.locate_file(f)))
            if (str(f).startswith("..") or "__pycache__" in f.parts or not path.is_file()
                    or (path.parent == info and f.name in skip)):
                continue
            data = path.read_bytes()
            whl.writestr(str(f), data)
            digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
            record.append(f"{f},sha256={digest},{len(data)}")
        record.append(f"{info.name}/RECORD,,")
        whl.writestr(f"{info.name}/RECORD", "\n".join(record) + "\n")
    return target


def _pip_env(indexes: list[str], links: list[str], wheelhouse: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "VIRTUAL_ENV", "PYTHONPATH"))}
    env.update(PIP_CONFIG_FILE=os.devnull, PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_NO_INPUT="1",
               PIP_NO_COMPILE="1",   # no .pyc for every file of torch: Python compiles what it imports
               PIP_FIND_LINKS=" ".join(links + [str(wheelhouse)]), PIP_RETRIES="0")
    if indexes:
        env["PIP_INDEX_URL"] = indexes[0]
        if indexes[1:]:
            env["PIP_EXTRA_INDEX_URL"] = " ".join(indexes[1:])
    else:
        env["PIP_NO_INDEX"] = "1"
    return env


def _run(cmd: list[str], env: dict, cwd: Path | None = None, timeout: int = 600) -> str:
    done = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"{' '.join(cmd)} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done.stdout


# --------------------------------------------------------------------------- the loopback site
class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class Environments:
    """Everything the three simulations share, built once."""

    def __init__(self, root: Path):
        self.root = root
        start = time.perf_counter()
        self.site = root / "html"                      # laid out like _build/html
        self.wheel = build_wheel(self.site / "_static")
        TIMINGS["build the wheel"] = time.perf_counter() - start
        handler = functools.partial(_Quiet, directory=str(self.site))
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.wheel_url = f"http://127.0.0.1:{self.server.server_address[1]}/_static/{self.wheel.name}"

        start = time.perf_counter()
        indexes, links = _pip_sources()
        local = _local_versions(indexes, links)
        self.base = self._choose_base(local)
        every_extra = sorted({r for c in chapters() for r in chapter_extras(c)})
        binder = [ln.split("#")[0].strip() for ln in (REPO / "binder" / "requirements.txt").read_text().splitlines()]
        wanted = self.base + KERNEL_TOOLS + every_extra + [r for r in binder if r] + ["setuptools>=68"]
        self.wheelhouse = root / "wheelhouse"
        self.wheelhouse.mkdir()
        self.repacked = []
        for project, version in sorted(_installed_closure(wanted).items()):
            if Version(version) not in local.get(project, set()) and project != "llmcourse":
                _repack(project, self.wheelhouse)
                self.repacked.append(f"{project}=={version}")
        self.pip_env = _pip_env(indexes, links, self.wheelhouse)
        TIMINGS["local wheelhouse"] = time.perf_counter() - start

        start = time.perf_counter()
        self.pristine = root / "pristine-venv"
        _run([PY, "-m", "venv", "--without-pip", str(self.pristine)], self.pip_env)
        _run([PY, "-m", "pip", "--python", str(self.pristine / "bin" / "python"), "install", "-q",
              *self.base, *KERNEL_TOOLS], self.pip_env)
        TIMINGS["fresh venv: torch, numpy, transformers, matplotlib"] = time.perf_counter() - start
        self.versions = self.python_of(self.pristine, "import torch, numpy, transformers, matplotlib; "
                                       "print(torch.__version__, numpy.__version__, transformers.__version__, "
                                       "matplotlib.__version__)")

    def _choose_base(self, local: dict[str, set[Version]]) -> list[str]:
        chosen = []
        for spec in os.environ.get("LLMCOURSE_LAUNCH_BASE", DEFAULT_BASE).split():
            req = Requirement(spec)
            ok = [v for v in local.get(canonicalize_name(req.name), set())
                  if req.specifier.contains(v, prereleases=True) or req.specifier.contains(Version(v.base_version))]
            chosen.append(spec if ok else f"{req.name}=={md.version(req.name)}")
        return chosen

    def python_of(self, venv: Path, code: str) -> str:
        return _run([str(venv / "bin" / "python"), "-c", code], self.pip_env).strip()

    def fresh_venv(self, name: str) -> Path:
        """A copy of the pristine venv (hard links: quick, and the pristine one stays untouched)."""
        target = self.root / name
        _run(["cp", "-al", str(self.pristine), str(target)], self.pip_env)
        return target

    def kernel_env(self, venv: Path) -> dict[str, str]:
        env = dict(self.pip_env)
        env["PATH"] = os.pathsep.join([str(venv / "bin")] + [p for p in env["PATH"].split(os.pathsep)
                                                             if not p.startswith(str(REPO))])
        env.update(HF_HUB_OFFLINE="1", LLMCOURSE_WHEEL_URL=self.wheel_url, MPLBACKEND="agg",
                   LLMCOURSE_CACHE=str(self.root / "cache"))
        env.pop("LLMCOURSE_GRADING", None)
        return env


@pytest.fixture(scope="module")
def envs(tmp_path_factory):
    root = tmp_path_factory.mktemp("launch")
    assert not str(root).startswith(str(REPO)), "the simulations must run outside the clone"
    built = Environments(root)
    print(f"\nbase venv: torch, numpy, transformers, matplotlib = {built.versions}; "
          f"repacked from this environment (not in the local index): {', '.join(built.repacked) or 'none'}")
    yield built
    built.server.shutdown()
    print("\ntimings (s): " + "; ".join(f"{k} {v:.1f}" for k, v in TIMINGS.items()))


# --------------------------------------------------------------------------- running notebooks
GUARD = f'''import os as _os, sys as _sys
_CLONE = {str(REPO) + os.sep!r}
def _no_clone(event, args):  # the student's machine has no clone of the course: refuse any file in it
    if event == "open" and isinstance(args[0], (str, bytes, _os.PathLike)) \\
            and _os.path.abspath(_os.fsdecode(args[0])).startswith(_CLONE):
        raise PermissionError(f"read from the clone: {{args[0]}}")
_sys.addaudithook(_no_clone)'''
WHERE = f'''import llmcourse, llmcourse.corpus
try:
    open({str(REPO / "README.md")!r}).close()
    _guard = "OPEN"
except PermissionError:
    _guard = "GUARDED"
print("LLMCOURSE", llmcourse.__version__, llmcourse.__file__, llmcourse.corpus.SNAPSHOT, _guard)'''


def _kernelspec(root: Path, venv: Path) -> str:
    name = f"sim-{venv.name}"
    spec = root / "jupyter" / "kernels" / name
    spec.mkdir(parents=True, exist_ok=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [str(venv / "bin" / "python"), "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": name, "language": "python"}))
    return name


def run_notebook(envs: Environments, venv: Path, nb, workdir: Path, monkeypatch) -> dict[str, str]:
    """Execute `nb` in a kernel of `venv`, in `workdir`; {cell id: text output}. Raises on any error."""
    from nbclient import NotebookClient

    nb = nbformat.from_dict(nb)
    nb.cells.insert(0, nbformat.v4.new_code_cell(GUARD, id="guard"))
    nb.cells.append(nbformat.v4.new_code_cell(WHERE, id="where"))
    monkeypatch.setenv("JUPYTER_PATH", str(envs.root / "jupyter"))
    client = NotebookClient(nb, kernel_name=_kernelspec(envs.root, venv), timeout=CELL_TIMEOUT_S,
                            resources={"metadata": {"path": str(workdir)}})
    client.execute(env=envs.kernel_env(venv))
    out = {}
    for cell in nb.cells:
        if cell.cell_type == "code":
            out[cell.id] = "".join(o.get("text", "") for o in cell.get("outputs", []) if o.get("output_type") == "stream")
    where = out["where"].split()
    assert where[0] == "LLMCOURSE" and where[2].startswith(str(venv)) and where[3].startswith(str(venv)), \
        f"llmcourse was not imported from the student's environment: {out['where']}"
    assert where[4] == "GUARDED", "the kernel could read files of the clone: the no-clone guard is not active"
    return out


def visible_tests_passed(nb, out: dict[str, str]) -> list[str]:
    """grade_ids of the visible tests, each of which must have printed its 'passed' line."""
    ids = []
    for cell in nb.cells:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if cell.cell_type == "code" and meta.get("locked") and not meta.get("grade") and not meta.get("solution") \
                and cell.source.lstrip().startswith('"""Check'):
            ids.append(meta["grade_id"])
            assert "passed" in out.get(cell.id, ""), f"visible test {meta['grade_id']} printed no 'passed':\n{out.get(cell.id)}"
    return ids


def _ordered_chapters() -> list[str]:
    """Chapters without an extra first, so the first notebook installs llmcourse itself and later
    ones with an extra install just their extra packages. LLMCOURSE_LAUNCH_CHAPTERS (names, space
    separated) runs only those."""
    only = os.environ.get("LLMCOURSE_LAUNCH_CHAPTERS", "").split()
    return sorted((c for c in chapters() if not only or c in only), key=lambda c: (bool(chapter_extras(c)), c))


# --------------------------------------------------------------------------- the simulations
def test_colab_every_chapter_installs_through_its_first_cell_and_passes(envs, tmp_path, monkeypatch):
    venv = envs.pristine
    installed_modules: set[str] = set()
    first = True
    report = []
    for chapter in _ordered_chapters():
        start = time.perf_counter()
        workdir = tmp_path / chapter
        workdir.mkdir()
        nb = reference_submission(chapter)
        out = run_notebook(envs, venv, nb, workdir, monkeypatch)
        launch = out[LAUNCH_ID].strip()
        modules = {import_name(r) for r in chapter_extras(chapter)}
        if first:
            assert launch.startswith("Installed llmcourse") and envs.wheel_url in launch, launch
        elif modules - installed_modules:
            assert launch.startswith("Installed") and "llmcourse" not in launch, launch
        else:
            assert launch == "", f"{chapter}: the first cell should have done nothing, said {launch!r}"
        first = False
        installed_modules |= modules
        passed = visible_tests_passed(nb, out)
        seconds = time.perf_counter() - start
        TIMINGS[f"colab {chapter}"] = seconds
        report.append(f"{chapter} {seconds:.1f}s ({len(passed)} visible tests)")
    print("\ncolab: " + ", ".join(report))


BINDER_CHAPTER = "rag"
DOWNLOAD_CHAPTER = "tokenization"


@_timed("binder: requirements + postBuild + one notebook")
def test_binder_steps_install_everything_the_notebooks_need(envs, tmp_path, monkeypatch):
    home = tmp_path / "home"              # repo2docker copies the repository into the image's home
    home.mkdir()
    copy_working_tree(home)
    venv = envs.fresh_venv("binder-venv")
    env = envs.kernel_env(venv)
    _run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "-r", "binder/requirements.txt"], env, cwd=home)
    log = _run(["bash", "binder/postBuild"], env, cwd=home)
    assert "llmcourse" in log
    nb = nbformat.read(str(home / "notebooks" / BINDER_CHAPTER / f"{BINDER_CHAPTER}.ipynb"), as_version=4)
    answers = reference_submission(BINDER_CHAPTER)
    for cell, filled in zip(nb.cells, answers.cells):
        cell.source = filled.source
    out = run_notebook(envs, venv, nb, home / "notebooks" / BINDER_CHAPTER, monkeypatch)
    assert out[LAUNCH_ID].strip() == "", f"on Binder the first cell should do nothing: {out[LAUNCH_ID]!r}"
    assert visible_tests_passed(nb, out)


@_timed("download: pip install as the page says + one notebook")
def test_a_downloaded_notebook_runs_after_the_pip_install_its_page_gives(envs, tmp_path, monkeypatch):
    folder = tmp_path / "Downloads"
    folder.mkdir()
    nb = reference_submission(DOWNLOAD_CHAPTER)
    nbformat.write(nb, str(folder / f"{DOWNLOAD_CHAPTER}.ipynb"))
    intro = next(c for c in nb.cells if c.cell_type == "markdown").source
    [spec] = re.findall(r'`pip install "([^"]+)"`', intro)
    assert spec.endswith(f"@ {wheel_url()}"), f"the page's install line does not name the book's wheel: {spec}"
    venv = envs.fresh_venv("download-venv")
    local_spec = spec.replace(wheel_url(), envs.wheel_url)   # the book's host, served here
    _run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", local_spec], envs.kernel_env(venv), cwd=folder)
    out = run_notebook(envs, venv, nbformat.read(str(folder / f"{DOWNLOAD_CHAPTER}.ipynb"), as_version=4),
                       folder, monkeypatch)
    assert out[LAUNCH_ID].strip() == "", f"after the pip install the first cell should do nothing: {out[LAUNCH_ID]!r}"
    assert visible_tests_passed(nb, out)


# --------------------------------------------------------------------------- cheap static checks
def test_every_student_notebook_starts_with_the_launch_cell_and_the_install_line():
    for chapter in chapters():
        nb = nbformat.read(str(REPO / "notebooks" / chapter / f"{chapter}.ipynb"), as_version=4)
        first_code = next(c for c in nb.cells if c.cell_type == "code")
        meta = first_code.metadata.get("nbgrader", {})
        assert meta.get("grade_id") == LAUNCH_ID and meta.get("locked"), f"{chapter}: no locked launch cell first"
        assert wheel_url() in first_code.source and "LLMCOURSE_WHEEL_URL" in first_code.source
        intro = next(c for c in nb.cells if c.cell_type == "markdown").source
        extra = f"[{chapter}]" if chapter_extras(chapter) else ""
        assert f'`pip install "llmcourse{extra} @ {wheel_url()}"`' in intro, f"{chapter}: no install line"
        assert LAUNCH_ID not in {c.get("metadata", {}).get("nbgrader", {}).get("grade_id")
                                 for c in nbformat.read(str(source_path(chapter)), as_version=4).cells}


def test_binder_pins_match_the_course_requirements():
    def pins(path: Path) -> dict[str, str]:
        out = {}
        for line in path.read_text().splitlines():
            line = line.split("#")[0].strip()
            if "==" in line:
                name, version = line.split("==")
                out[canonicalize_name(name)] = version.strip()
        return out
    course, binder = pins(REPO / "requirements.txt"), pins(REPO / "binder" / "requirements.txt")
    assert binder and all(course.get(k) == v for k, v in binder.items()), \
        {k: (v, course.get(k)) for k, v in binder.items() if course.get(k) != v}
    assert wheel_name().startswith("llmcourse-")


def test_the_book_build_publishes_the_wheel_beside_the_site(tmp_path, monkeypatch):
    """The Sphinx hook (book/_ext/course_ext.py) puts the wheel in <outdir>/_static, where the
    notebooks' setup cell looks for it (the full build is checked by tests/test_book.py's run)."""
    from types import SimpleNamespace

    monkeypatch.syspath_prepend(str(REPO / "book" / "_ext"))
    import course_ext

    (tmp_path / "_static").mkdir()
    (tmp_path / "_static" / "llmcourse-0.0.1-py3-none-any.whl").write_bytes(b"stale")
    course_ext._publish_wheel(SimpleNamespace(outdir=str(tmp_path), builder=SimpleNamespace(format="html")), None)
    assert [p.name for p in (tmp_path / "_static").glob("llmcourse-*.whl")] == [wheel_name()]
    with zipfile.ZipFile(tmp_path / "_static" / wheel_name()) as whl:
        names = set(whl.namelist())
    assert {"llmcourse/data/course_pages.json.xz", "llmcourse/data/minilm-passages.npz"} <= names
