"""Execute one MyST Markdown page of the book on its own and report errors and glued values
(a maintainer's tool: quicker than a whole-book build while writing a page).

    python tools/run_page.py book/<chapter>/<page>.md [--timeout 300]

Cross-references are not checked here; `make book` does that.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import nbformat
from myst_nb.core.read import read_myst_markdown_notebook
from nbclient import NotebookClient

GLUE_MIME = "application/papermill.record/text/plain"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", type=Path)
    parser.add_argument("--timeout", type=int, default=300)
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    nb = read_myst_markdown_notebook(args.page.read_text(encoding="utf-8"))
    nb = nbformat.from_dict(json.loads(json.dumps(nb)))
    started = time.perf_counter()
    client = NotebookClient(nb, timeout=args.timeout, kernel_name="python3",
                            resources={"metadata": {"path": str(args.page.parent.resolve())}})
    try:
        client.execute()
    except Exception as exc:  # report the failing cell and stop
        print(f"FAILED after {time.perf_counter() - started:.1f} s:\n{exc}", file=sys.stderr)
        return 1
    print(f"ran {args.page} in {time.perf_counter() - started:.1f} s")
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if out.get("output_type") == "display_data" and "scrapbook" in out.get("metadata", {}):
                value = data.get("text/plain", data.get(GLUE_MIME))  # display=False stores the record MIME only
                print(f"  glue {out['metadata']['scrapbook'].get('name')!r} = {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
