"""Run a chapter's reference notebook as plain Python, cell by cell, and report each graded
test. Needs no Jupyter, so it runs on bare GPU machines:

    LLMCOURSE_DEVICE=cuda python -m autograder.parity transformers

Running it once with LLMCOURSE_DEVICE=cpu and once with cuda shows that the stated
tolerances hold on both devices.
"""
from __future__ import annotations

import json
import sys
import time
import traceback
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def reference_namespace(chapter: str) -> dict:
    """The reference solutions of a chapter, ready to call: runs the setup cell and every answer
    cell of solutions/<chapter>/<chapter>.ipynb (no tests, no demos). Benchmarks use it to time
    and measure the reference implementation without copying its code."""
    path = REPO / "solutions" / chapter / f"{chapter}.ipynb"
    namespace: dict = {"__name__": "__reference__"}
    for cell in json.loads(path.read_text())["cells"]:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if cell["cell_type"] == "code" and (meta.get("solution") or meta.get("grade_id") == "setup"):
            exec(compile("".join(cell["source"]), f"<{chapter}:{meta.get('grade_id')}>", "exec"), namespace)
    return namespace


def run(chapter: str) -> bool:
    path = REPO / "solutions" / chapter / f"{chapter}.ipynb"
    cells = json.loads(path.read_text())["cells"]
    namespace: dict = {"__name__": "__main__"}
    ok, started = True, time.perf_counter()
    for index, cell in enumerate(cells):
        if cell["cell_type"] != "code":
            continue
        meta = cell.get("metadata", {}).get("nbgrader", {})
        source = "".join(cell["source"])
        label = meta.get("grade_id", f"cell {index}")
        try:
            exec(compile(source, f"<{chapter}:{label}>", "exec"), namespace)
            status = "ok"
        except Exception as exc:  # report and carry on, like a notebook run with allow_errors
            ok = False
            status = f"FAILED: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
            traceback.print_exc(limit=2)
        if meta.get("grade") and not meta.get("solution"):
            print(f"  {label:45s} {meta.get('points', 0):>2} pts  {status}")
    device = namespace.get("DEVICE", "?")
    print(f"{chapter}: {'all tests passed' if ok else 'FAILURES'} on {device} "
          f"in {time.perf_counter() - started:.1f} s")
    return ok


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    targets = sys.argv[1:] or sorted(p.name for p in (REPO / "solutions").iterdir() if p.is_dir())
    sys.exit(0 if all([run(c) for c in targets]) else 1)
