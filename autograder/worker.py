"""Grade ONE submission in a private nbgrader course folder, the verdict decided here.

    python -m autograder.worker --serve     (jobs named on stdin, one per line)

The student's kernel runs in the sandbox (`autograder.sandbox`) and only *observes*: each hidden
test sends the values the student's code produced through one size-limited channel (a display
message holding safetensors + JSON, see `llmcourse.judging`). This process, which the student's
code never touches, judges those observations against the reference's, computed with the same
seed in a kernel that never saw student code, and writes the verdict into the graded cells'
outputs, from which nbgrader's own `SaveAutoGrades` records the scores in the gradebook. The
formgrader, feedback and `nbgrader export` work as usual.

One route for findings: every preprocessor writes what it found into the graded notebook's
metadata (``metadata.autograder``); the result record is read from there and from the gradebook.
"""
from __future__ import annotations

import asyncio
import base64
import hashlib
import json
import os
import re
import shutil
import sys
import time
import warnings
from pathlib import Path

import nbformat
from nbformat import NotebookNode

from autograder.config import SOLUTIONS, apply_course_config
from autograder.notebooks import forbidden_libraries
from autograder.result import SubmissionResult, clean_text as clean
from autograder.sandbox import cgroup_peak_memory, kill_slot, prepare_cgroup, remove_tree
from autograder.settings import GraderSettings
from autograder.tamper import scan

SANITIZE = ["autograder.worker.DropLaunchCell", "autograder.worker.ScanSubmission",
            "nbgrader.preprocessors.ClearOutput", "nbgrader.preprocessors.DeduplicateIds", "nbgrader.preprocessors.OverwriteKernelspec",
            "autograder.worker.RecordingOverwriteCells", "autograder.worker.ObservationHalf",
            "nbgrader.preprocessors.CheckCellMetadata"]
RUN = ["autograder.worker.SandboxExecute", "autograder.worker.JudgeObservations",
       "nbgrader.preprocessors.LimitOutput", "nbgrader.preprocessors.SaveAutoGrades",
       "nbgrader.preprocessors.AssignLatePenalties", "nbgrader.preprocessors.CheckCellMetadata"]


def findings(nb) -> dict:
    """The graded notebook's record of what the grader found (flags, kernel, verdicts)."""
    return nb.metadata.setdefault("autograder", {"flags": [], "tests": {}, "run": {}})


def _label(cell, index: int) -> str:
    from nbgrader import utils
    gid = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
    kind = "answer" if utils.is_solution(cell) else "test" if utils.is_grade(cell) else "cell"
    return f"{kind} {gid}" if isinstance(gid, str) else f"added cell {index}"


# --------------------------------------------------------------------------- preprocessors
def _preprocessors():
    """Built lazily: importing nbgrader is slow, and the harness imports this module."""
    from nbgrader.preprocessors import Execute, NbGraderPreprocessor, OverwriteCells
    from nbgrader import utils
    from traitlets import Dict, Integer, Unicode

    class DropLaunchCell(NbGraderPreprocessor):
        """The notebook's first code cell (grade_id `launch`, autograder/launch.py) only installs the
        course package where it is missing. Grading runs offline with the package installed and the
        cell is no part of any exercise, so it is removed, whatever the submission did to it; the
        notebook is then graded exactly as one released without it."""

        def preprocess(self, nb, resources):
            from autograder.launch import is_launch_cell
            nb.cells = [c for c in nb.cells if not is_launch_cell(c)]
            return nb, resources

    class ScanSubmission(NbGraderPreprocessor):
        """Start the findings afresh and flag suspicious code in any cell the course did not
        write (answer cells, added cells, and course cells the student edited)."""
        release_notebook = Unicode("").tag(config=True)
        allowed_imports = Unicode("").tag(config=True)

        def preprocess(self, nb, resources):
            nb.metadata["autograder"] = {"flags": [], "tests": {}, "run": {}}
            course, forbidden = {}, set()
            if self.release_notebook:
                release = nbformat.read(self.release_notebook, as_version=4)
                course = {c.metadata.get("nbgrader", {}).get("grade_id"): c.source for c in release.cells
                          if c.cell_type == "code" and not utils.is_solution(c)}
                forbidden = forbidden_libraries(release)
            cells = []
            for i, cell in enumerate(nb.cells):
                if cell.cell_type != "code":
                    continue
                gid = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
                if isinstance(gid, str) and gid in course and cell.source.strip() == course[gid].strip():
                    continue
                cells.append((_label(cell, i), cell.source))
            allowed = set(filter(None, self.allowed_imports.split(",")))
            findings(nb)["flags"] += scan(cells, allowed_imports=allowed, forbidden_libraries=forbidden)
            return nb, resources

    class RecordingOverwriteCells(OverwriteCells):
        """nbgrader's OverwriteCells (course cells restored from the gradebook, deleted test cells
        added back), with every change it reports kept as a finding."""

        release_notebook = Unicode("").tag(config=True)

        def preprocess(self, nb, resources):
            self._changes = []
            present = {c.metadata.get("nbgrader", {}).get("grade_id") for c in nb.cells}
            self._restore_roles(nb)
            nb, resources = super().preprocess(nb, resources)
            flags = findings(nb)["flags"]
            for cell in nb.cells:
                gid = cell.metadata.get("nbgrader", {}).get("grade_id")
                if utils.is_grade(cell) and not utils.is_solution(cell) and gid not in present:
                    flags.append(f"{gid}: test cell missing (deleted, or its metadata stripped); the original was run")
            for name, attr in dict.fromkeys(self._changes):
                what = "edited by the student (the original was run instead)" if attr == "source" else \
                    f"{attr} changed by the student (restored)"
                flags.append(f"{name}: cell {what}")
            return nb, resources

        def add_missing_grade_cells(self, nb, resources):
            """Put deleted test cells back after the nearest earlier course cell still present
            (nbgrader's own version assumes that cell is an answer or a test)."""
            source_nb = self.gradebook.find_notebook(self.notebook_id, self.assignment_id)
            order = [c.name for c in source_nb.source_cells]
            by_name = {c.name: c for c in source_nb.source_cells}
            solutions = {c.name for c in source_nb.solution_cells}
            for grade_cell in source_nb.grade_cells:
                present = {c.metadata.get("nbgrader", {}).get("grade_id"): i for i, c in enumerate(nb.cells)}
                if grade_cell.name in present:
                    continue
                cell = self.missing_cell_transform(by_name[grade_cell.name], grade_cell.max_score,
                                                   is_solution=grade_cell.name in solutions)
                earlier = [present[n] for n in order[:order.index(grade_cell.name)] if n in present]
                nb.cells.insert(max(earlier) + 1 if earlier else 0, cell)
            return nb, resources

        def preprocess_cell(self, cell, resources, index):
            self._submitted_source = cell.get("source", "")
            return super().preprocess_cell(cell, resources, index)

        def report_change(self, name, attr, old, new):
            if attr == "checksum":
                # Hidden-test cells' checksums differ from the release by design: compare the
                # submitted source with the released one instead.
                if self._submitted_source.strip() != self._released.get(name, "").strip():
                    self._changes.append((name, "source"))
            else:
                self._changes.append((name, attr))

        def _restore_roles(self, nb):
            """A cell's role (test, answer, locked) is the course's, whatever the submission
            says: metadata copied from the release notebook; a role the course never gave is
            removed (nbgrader would otherwise stop at an unknown graded cell)."""
            release = nbformat.read(self.release_notebook, as_version=4)
            self._released = {c.metadata["nbgrader"]["grade_id"]: c.source for c in release.cells
                              if isinstance(c.metadata.get("nbgrader", {}).get("grade_id"), str)}
            roles = {c.metadata["nbgrader"]["grade_id"]: c.metadata["nbgrader"] for c in release.cells
                     if isinstance(c.metadata.get("nbgrader", {}).get("grade_id"), str)}
            for cell in nb.cells:
                meta = cell.metadata.get("nbgrader")
                if not isinstance(meta, dict):
                    continue
                gid = meta.get("grade_id")
                if gid in roles:
                    if {k: meta.get(k) for k in ("grade", "solution", "locked", "points")} != \
                            {k: roles[gid].get(k) for k in ("grade", "solution", "locked", "points")}:
                        self._changes.append((gid, "nbgrader metadata"))
                    cell.metadata["nbgrader"] = dict(roles[gid])
                elif meta.get("grade") or meta.get("solution") or meta.get("locked"):
                    findings(nb)["flags"].append(f"{clean(gid)}: a cell claims a role the course never gave (ignored)")
                    del cell.metadata["nbgrader"]

    class ObservationHalf(NbGraderPreprocessor):
        """The student's kernel gets only the observation half of each hidden test: judges (and
        what only they use) stay in the grader (`llmcourse.judging.observation_half`)."""

        def preprocess_cell(self, cell, resources, index):
            from llmcourse.judging import observation_half
            if cell.cell_type == "code" and utils.is_grade(cell) and not utils.is_solution(cell):
                cell.source = observation_half(cell.source)
            return cell, resources

    class SandboxExecute(Execute):
        """Run the notebook in the sandbox. Observations sent by hidden tests are taken out of
        the output stream (into ``resources["observations"]``), output is capped per cell as it
        arrives, and a kernel that dies or a notebook that overruns its time ends the run
        without an exception: what was observed until then still counts."""
        max_output_bytes = Integer(512 * 1024).tag(config=True)
        max_observation_bytes = Integer(32 * 2**20).tag(config=True)
        notebook_timeout = Integer(600).tag(config=True)
        slot = Integer(0).tag(config=True)
        sandbox_settings = Dict({}).tag(config=True)
        manager = Unicode("autograder.sandbox.SandboxKernelManager").tag(config=True)

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            # nbgrader's Execute passes its own kernel_manager_class, which would win over the
            # configuration: the sandbox's is set here, after it.
            from traitlets.utils.importstring import import_item
            self.kernel_manager_class = import_item(self.manager)

        def preprocess(self, nb, resources=None, km=None):
            from llmcourse.judging import MIME  # noqa: F401 - fail early if llmcourse is broken
            self._used, self._capped, self._observations = {}, {}, {}
            self._ids = {i: c.metadata.get("nbgrader", {}).get("grade_id") for i, c in enumerate(nb.cells)}
            run = findings(nb)["run"]
            run.update(kernel="ok", timeouts=[])
            if self.sandbox_settings:
                prepare_cgroup(self.slot, GraderSettings.from_dict(self.sandbox_settings))
            self.nb, self.resources = nb, resources if resources is not None else {}
            try:
                asyncio.run(self._run(nb, run))
            except Exception as exc:  # noqa: BLE001 - the kernel would not start or broke the client
                if run.get("kernel") == "ok":
                    run["kernel"] = "failed"
                    run["error"] = f"{type(exc).__name__}: {exc}"[:300]
            finally:
                kill_slot(self.slot)
            peak = cgroup_peak_memory(self.slot)
            if peak is not None:
                run["peak_memory_mb"] = round(peak / 2**20, 1)
            for index, cell in enumerate(nb.cells):
                if cell.cell_type == "code" and any(o.get("ename") == "CellTimeoutError" for o in cell.outputs):
                    run["timeouts"].append(_label(cell, index))
            resources["observations"] = self._observations
            return nb, resources

        async def _run(self, nb, run):
            from nbclient.exceptions import DeadKernelError

            self.reset_execution_trackers()
            self.shutdown_kernel = "immediate"
            deadline = time.monotonic() + self.notebook_timeout
            async with self.async_setup_kernel():
                lock = getattr(self.km, "lock_ipc", None)
                if lock is not None:
                    lock()
                for index, cell in enumerate(nb.cells):
                    if cell.cell_type != "code" or not cell.source.strip():
                        continue
                    remaining = deadline - time.monotonic()
                    try:
                        if remaining <= 0:
                            raise asyncio.TimeoutError
                        await asyncio.wait_for(self.async_execute_cell(cell, index, store_history=True),
                                               remaining)
                    except asyncio.TimeoutError:
                        run.update(kernel="notebook-timeout", stopped_at=_label(cell, index))
                        break
                    except DeadKernelError:
                        run.update(kernel="died", stopped_at=_label(cell, index))
                        break

        def output(self, outs, msg, display_id, cell_index):
            from llmcourse.judging import MIME
            content = msg.get("content", {})
            data = content.get("data") if isinstance(content, dict) else None
            if isinstance(data, dict) and MIME in data:
                self._take_observation(data[MIME], cell_index)
                return None
            used = self._used.get(cell_index, 0)
            size = len(json.dumps(content, default=str))
            self._used[cell_index] = used + size
            if used + size > self.max_output_bytes:
                if not self._capped.get(cell_index):
                    self._capped[cell_index] = True
                    outs.append(nbformat.v4.new_output(
                        "stream", name="stdout",
                        text=f"\n[grader: output beyond {self.max_output_bytes // 1024} KB was dropped]\n"))
                return None
            return super().output(outs, msg, display_id, cell_index)

        def _take_observation(self, payload, cell_index):
            """Keep the first observation a hidden-test cell sends under its own grade id."""
            gid = self._ids.get(cell_index)
            if not isinstance(payload, dict) or payload.get("test") != gid or gid in self._observations:
                return
            data = payload.get("data")
            if isinstance(data, str) and len(data) <= self.max_observation_bytes * 4 // 3 + 4:
                try:
                    self._observations[gid] = base64.b64decode(data, validate=True)
                except ValueError:
                    pass

    class JudgeObservations(NbGraderPreprocessor):
        """Judge every graded test from its observation and the reference's; leave in the notebook
        only the verdicts (nothing the student's code printed reaches the feedback)."""
        chapter = Unicode("").tag(config=True)
        reference_path = Unicode("").tag(config=True)
        nonce = Unicode("").tag(config=True)
        max_observation_bytes = Integer(32 * 2**20).tag(config=True)

        def preprocess(self, nb, resources):
            from llmcourse.judging import ObservationError, decode
            ref = load_reference(Path(self.reference_path))
            judges = judges_for(self.chapter)
            observations = resources.get("observations", {})
            record = findings(nb)
            secrets = scrubber(self.chapter, self.nonce)
            for index, cell in enumerate(nb.cells):
                if cell.cell_type != "code":
                    continue
                cell.outputs, cell.execution_count = [], None
                if not (utils.is_grade(cell) and not utils.is_solution(cell)):
                    continue
                gid = cell.metadata.nbgrader["grade_id"]
                try:
                    test = judges[gid]
                    if gid not in observations:
                        raise _fail(_missing_message(record["run"], gid))
                    got = decode(observations[gid], self.max_observation_bytes)
                    test.verdict(got, decode(ref[gid]))
                    passed, message = True, "passed"
                except KeyError:
                    passed, message = False, "this test has no judge in the course source (tell your instructor)"
                except ObservationError as exc:
                    passed, message = False, f"the values your code produced could not be read: {exc}"
                except AssertionError as exc:
                    passed, message = False, str(exc) or "the check failed"
                except Exception as exc:  # noqa: BLE001 - never let one test stop the others
                    passed, message = False, f"the test could not be judged ({type(exc).__name__})"
                message = secrets(message)[:2000]
                record["tests"][gid] = {"passed": passed, "message": message}
                if passed:
                    cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="passed\n")]
                else:
                    cell.outputs = [nbformat.v4.new_output("error", ename="CheckFailure", evalue=message,
                                                           traceback=[f"CheckFailure: {message}"])]
            return nb, resources

    return dict(DropLaunchCell=DropLaunchCell, ScanSubmission=ScanSubmission,
                RecordingOverwriteCells=RecordingOverwriteCells,
                ObservationHalf=ObservationHalf,
                SandboxExecute=SandboxExecute, JudgeObservations=JudgeObservations)


_BUILT: dict = {}


def __getattr__(name):  # nbgrader finds the preprocessors here by name
    if name in ("DropLaunchCell", "ScanSubmission", "RecordingOverwriteCells", "ObservationHalf",
                "SandboxExecute", "JudgeObservations"):
        if not _BUILT:
            _BUILT.update(_preprocessors())
        return _BUILT[name]
    raise AttributeError(name)


def _fail(message: str) -> AssertionError:
    from llmcourse.checks import CheckFailure
    return CheckFailure(message)


def _missing_message(run: dict, gid: str) -> str:
    kernel = run.get("kernel", "ok")
    if kernel == "died":
        return f"not run: the kernel stopped at {run.get('stopped_at')} (a crash, an exit, or too much memory)."
    if kernel == "notebook-timeout":
        return f"not run: the notebook ran out of time at {run.get('stopped_at')}."
    if kernel == "failed":
        return "not run: the kernel could not be started."
    return ("your code raised an error (or never returned) before this test could observe it: "
            "run the notebook from the top and check the cells above.")


# --------------------------------------------------------------------------- judges & reference
_JUDGES: dict[str, dict] = {}
_SAFE_CALLS = {"float", "int", "frozenset", "set", "tuple", "get_device", "split"}


def judge_namespace(source_nb) -> dict:
    """The names a judge may use: the setup cell's imports and constants (nothing else runs)."""
    import ast

    namespace: dict = {"__name__": "__judge__"}
    exec("import math\nimport torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n"  # noqa: S102
         "import numpy as np\nfrom llmcourse.checks import *\nfrom llmcourse.judging import *\n", namespace)
    setup = next((c.source for c in source_nb.cells
                  if c.get("metadata", {}).get("nbgrader", {}).get("grade_id") == "setup"), "")
    for node in ast.parse(setup).body:
        keep = isinstance(node, (ast.Import, ast.ImportFrom))
        if isinstance(node, ast.Assign) and all(isinstance(t, (ast.Name, ast.Tuple)) for t in node.targets):
            names = [n.id for t in node.targets for n in ast.walk(t) if isinstance(n, ast.Name)]
            calls = [n for n in ast.walk(node.value) if isinstance(n, ast.Call)]
            keep = all(n.isupper() for n in names) and all(
                (c.func.attr if isinstance(c.func, ast.Attribute) else getattr(c.func, "id", "")) in _SAFE_CALLS
                for c in calls)
        if keep:
            try:
                exec(compile(ast.Module([node], []), "<setup>", "exec"), namespace)  # noqa: S102
            except Exception:  # noqa: BLE001 - a name a judge does not need
                pass
    return namespace


def judges_for(chapter: str, source: Path | None = None) -> dict:
    """{grade_id: HiddenTest} of a chapter's source notebook (collected, never run)."""
    from llmcourse.judging import collect_judges
    from nbgrader import utils

    key = str(source or chapter)
    if key not in _JUDGES:
        nb = nbformat.read(str(source or SOLUTIONS / chapter / f"{chapter}.ipynb"), as_version=4)
        namespace = judge_namespace(nb)
        found = {}
        for cell in nb.cells:
            if cell.cell_type == "code" and utils.is_grade(cell) and not utils.is_solution(cell):
                found.update(collect_judges(cell.source, dict(namespace)))
        _JUDGES[key] = found
    return _JUDGES[key]


def load_reference(path: Path) -> dict[str, bytes]:
    raw = json.loads(path.read_text())
    return {gid: base64.b64decode(data) for gid, data in raw["observations"].items()}


_SCRUB: dict = {}
SHINGLE = 40  # characters of a hidden test's code (its strings blanked) that a message may not quote


def scrubber(chapter: str, nonce: str):
    """A function that removes grader secrets from text meant for students: the run's nonce and
    any 40-character run of a hidden test's code (string literals aside)."""
    key = (chapter, nonce)
    if key not in _SCRUB:
        from nbgrader import utils
        nb = nbformat.read(str(SOLUTIONS / chapter / f"{chapter}.ipynb"), as_version=4)
        hidden = []
        for cell in nb.cells:
            if cell.cell_type == "code" and utils.is_grade(cell):
                inside = False
                for line in _code_without_strings(cell.source).split("\n"):
                    if "BEGIN HIDDEN TESTS" in line:
                        inside = True
                    elif "END HIDDEN TESTS" in line:
                        inside = False
                    elif inside and len(line.strip()) >= SHINGLE:
                        hidden.append(re.sub(r"\s+", " ", line.strip()))
        # Only windows with code in them (a name of 3+ letters): runs of data such as
        # [True, False, ...] or ('', '') also occur in honest messages.
        shingles = {w for h in hidden for i in range(0, len(h) - SHINGLE + 1)
                    if re.search(r"[A-Za-z_]{3,}", re.sub(r"\b(True|False|None)\b", "", w := h[i:i + SHINGLE]))}

        def scrub(text: str) -> str:
            if nonce:
                text = text.replace(nonce, "[secret]")
            flat = re.sub(r"\s+", " ", text)
            if any(flat[i:i + SHINGLE] in shingles for i in range(0, max(0, len(flat) - SHINGLE + 1))):
                return "[this message quoted the hidden tests and was withheld]"
            return text
        _SCRUB[key] = scrub
    return _SCRUB[key]


def _code_without_strings(source: str) -> str:
    """A cell's code with its string literals blanked: the messages a test writes for students
    (names, hints, misconceptions) may be shown; its code may not. Comments are kept, as they
    carry the region markers."""
    import io
    import tokenize
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return source
    lines = source.split("\n")
    for tok in reversed(tokens):
        if tok.type == tokenize.STRING or tok.type == getattr(tokenize, "FSTRING_MIDDLE", -1):
            (r0, c0), (r1, c1) = tok.start, tok.end
            if r0 == r1:
                line = lines[r0 - 1]
                lines[r0 - 1] = line[:c0] + "''" + line[c1:]
            else:
                lines[r0 - 1] = lines[r0 - 1][:c0] + "''"
                for r in range(r0, r1 - 1):
                    lines[r] = ""
                lines[r1 - 1] = lines[r1 - 1][c1:]
    return "\n".join(lines)


def compute_reference(chapter: str, settings: GraderSettings, slot: int, nonce: str, out: Path,
                      sandbox: bool = True, source: Path | None = None) -> dict:
    """Run the chapter's source notebook (reference solutions and hidden tests) in a fresh
    sandboxed kernel that never saw student code; keep its observations; check that the
    reference passes its own hidden tests. Writes `out` (JSON, base64 observations)."""
    from traitlets.config import Config
    from llmcourse.judging import decode

    source = source or SOLUTIONS / chapter / f"{chapter}.ipynb"
    nb = nbformat.read(str(source), as_version=4)
    config = Config()
    _execute_config(config, settings, slot, nonce, sandbox, mode="reference")
    executor = __getattr__("SandboxExecute")(config=config)
    nb, resources = executor.preprocess(nb, {"metadata": {"path": "/"}})
    observations = resources["observations"]
    run = findings(nb)["run"]
    problems = []
    for gid, test in judges_for(chapter, source if source != SOLUTIONS / chapter / f"{chapter}.ipynb" else None).items():
        if gid not in observations:
            problems.append(f"{gid}: no observation ({_missing_message(run, gid)})")
            continue
        try:
            ref = decode(observations[gid])
            test.verdict(ref, ref)
        except Exception as exc:  # noqa: BLE001
            problems.append(f"{gid}: the reference fails its own judge: {exc}")
    record = {"chapter": chapter, "observations": {g: base64.b64encode(b).decode() for g, b in observations.items()},
              "problems": problems, "run": run}
    tmp = out.with_suffix(".tmp")
    tmp.write_text(json.dumps(record))
    os.replace(tmp, out)
    return record


def _execute_config(config, settings: GraderSettings, slot: int, nonce: str, sandbox: bool,
                    mode: str = "student") -> None:
    manager = "autograder.sandbox.SandboxKernelManager" if sandbox else "autograder.sandbox.PlainKernelManager"
    for cls in ("Execute", "SandboxExecute"):
        config[cls].timeout = settings.cell_timeout_s
        config[cls].startup_timeout = 120
        config[cls].interrupt_on_timeout = True
    config.SandboxExecute.manager = manager
    config.SandboxExecute.max_output_bytes = settings.max_output_kb * 1024
    config.SandboxExecute.max_observation_bytes = settings.max_observation_mb * 2**20
    config.SandboxExecute.notebook_timeout = settings.notebook_timeout_s
    config.SandboxExecute.slot = slot
    config.SandboxExecute.sandbox_settings = settings.to_dict() if sandbox and _cgroups_wanted() else {}
    config.SandboxKernelManager.sandbox_settings = settings.to_dict()
    config.SandboxKernelManager.sandbox_slot = slot
    config.SandboxKernelManager.grading_mode = {"value": f"{mode}:{nonce}"}
    config.PlainKernelManager.sandbox_settings = settings.to_dict()
    config.PlainKernelManager.grading_mode = {"value": f"{mode}:{nonce}"}


def _cgroups_wanted() -> bool:
    from autograder.sandbox import cgroups_available
    return cgroups_available()


# --------------------------------------------------------------------------- one submission
def grade_one(job: dict) -> SubmissionResult:
    from nbgrader.api import Gradebook
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory
    from traitlets.config import Config

    t0 = time.perf_counter()
    warnings.filterwarnings("ignore")
    from jupyter_client.channels import HBChannel
    HBChannel.time_to_dead = 10.0  # one missed heartbeat on a loaded machine is not a death
    settings = GraderSettings.from_dict(job["settings"])
    student, chapter = job["student"], job["chapter"]
    root = Path(job["workdir"])
    course = root / "course"
    remove_tree(root)
    course.mkdir(parents=True)
    shutil.copyfile(job["template_db"], course / "gradebook.db")
    shutil.copytree(job["template_release"], course / "release" / chapter)
    submitted = course / "submitted" / student / chapter
    submitted.mkdir(parents=True)
    shutil.copyfile(job["notebook"], submitted / f"{chapter}.ipynb")
    if hashlib.sha256((submitted / f"{chapter}.ipynb").read_bytes()).hexdigest() != job["sha256"]:
        return SubmissionResult(student, chapter, "error", message="the submission changed while it was being graded")

    config = Config()
    apply_course_config(config, root=course, source=SOLUTIONS, release=course / "release")
    config.Autograde.sanitize_preprocessors = SANITIZE
    config.Autograde.autograde_preprocessors = RUN
    _execute_config(config, settings, job["slot"], job["nonce"], job["sandbox"])
    config.ScanSubmission.release_notebook = str(course / "release" / chapter / f"{chapter}.ipynb")
    config.ScanSubmission.allowed_imports = ",".join(job.get("allowed_imports", []))
    config.RecordingOverwriteCells.add_missing_cells = True
    config.RecordingOverwriteCells.release_notebook = config.ScanSubmission.release_notebook
    config.JudgeObservations.chapter = chapter
    config.JudgeObservations.reference_path = job["reference"]
    config.JudgeObservations.nonce = job["nonce"]
    config.JudgeObservations.max_observation_bytes = settings.max_observation_mb * 2**20
    config.LimitOutput.max_lines = 400
    api = NbGraderAPI(coursedir=CourseDirectory(config=config), config=config)

    started = time.perf_counter()
    outcome = api.autograde(chapter, student)
    seconds = time.perf_counter() - started
    if not outcome["success"]:
        text = f"{outcome.get('log') or ''}\n{outcome.get('error') or ''}"
        lines = [ln.strip() for ln in text.splitlines() if ln.strip() and ("Error" in ln or "rror:" in ln)] or \
            [ln.strip() for ln in text.splitlines() if ln.strip()]
        return SubmissionResult(student, chapter, "error", seconds=seconds,
                                message="nbgrader could not autograde it: " + (lines[-1] if lines else "unknown error")[:300],
                                notes=[text[-3000:]])
    autograded = course / "autograded" / student / chapter / f"{chapter}.ipynb"
    record = findings(nbformat.read(str(autograded), as_version=4))
    result = SubmissionResult(student, chapter, "graded", seconds=seconds, flags=list(record.get("flags", [])))
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        sub = gb.find_submission(chapter, student)
        for notebook in sub.notebooks:
            for grade in notebook.grades:
                if grade.cell.cell_type == "code":
                    result.tests[grade.cell.name] = [float(grade.auto_score or 0), float(grade.max_score)]
        result.autograded_score = float(sub.code_score)
        result.autograded_max = float(sub.max_code_score)
        result.written_max = float(sub.max_written_score)
    result.failures = {gid: v["message"] for gid, v in record.get("tests", {}).items() if not v["passed"]}
    run = record.get("run", {})
    result.kernel = run.get("kernel", "ok")
    result.peak_memory_mb = run.get("peak_memory_mb")
    result.timeouts = list(run.get("timeouts", []))
    if result.kernel != "ok":
        result.flags.append(f"the kernel did not finish the notebook ({result.kernel} at {run.get('stopped_at')})")
    result.timing = {"setup": started - t0, "autograde": seconds}
    t_fb = time.perf_counter()
    if settings.feedback:
        fb = api.generate_feedback(chapter, student)
        if not fb["success"]:
            result.notes.append("feedback failed: " + (fb.get("error") or "").strip()[-200:])
    result.timing["feedback"] = time.perf_counter() - t_fb
    result.finish()
    return result


def main(job_path: str) -> int:
    """Run one job (a submission, or a chapter's reference) and write result.json beside it."""
    job = json.loads(Path(job_path).read_text())
    try:
        if job.get("kind") == "reference":
            record = compute_reference(job["chapter"], GraderSettings.from_dict(job["settings"]), job["slot"],
                                       job["nonce"], Path(job["out"]), job["sandbox"])
            result = {"kind": "reference", "problems": record["problems"], "run": record["run"]}
        else:
            result = grade_one(job).to_dict()
    except Exception as exc:  # noqa: BLE001 - reported per submission by the parent
        import traceback
        result = SubmissionResult(job.get("student", "-"), job.get("chapter", "-"), "error",
                                  message=f"the grader failed on this submission: {type(exc).__name__}: {exc}"[:400],
                                  notes=[traceback.format_exc()[-2000:]]).to_dict()
        if job.get("kind") == "reference":
            result = {"kind": "reference", "problems": [result["message"]], "run": {}}
    tmp = Path(job_path).with_name("result.json.tmp")
    tmp.write_text(json.dumps(result))
    os.replace(tmp, Path(job_path).with_name("result.json"))
    return 0


def serve() -> int:
    """Persistent worker: run the job files named on stdin, one per line, answering "done".

    Keeping the worker alive saves importing nbgrader for every submission; each submission
    still gets a fresh sandboxed kernel of its own."""
    protocol = os.fdopen(os.dup(1), "w", buffering=1)
    os.dup2(2, 1)
    for line in sys.stdin:
        path = line.strip()
        if path:
            main(path)
            protocol.write(f"done {path}\n")
    return 0


if __name__ == "__main__":
    sys.exit(serve() if sys.argv[1:] == ["--serve"] else main(sys.argv[1]))
