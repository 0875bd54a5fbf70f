"""The course's own text as a small, offline corpus (for tokenizers, embeddings and RAG).

The text is a FROZEN snapshot of the book's Markdown pages, shipped inside the package
(``llmcourse/data/course_pages.json.xz``), so the notebooks read the same corpus on Colab, Binder,
a JupyterHub or a laptop as in a clone, and nothing is ever downloaded. A page added to the book
or edited later changes nothing until a maintainer takes a new snapshot, explicitly:

    python -m llmcourse.corpus status                # what differs between book/ and the snapshot
    python -m llmcourse.corpus freeze                # re-snapshot the same parts from book/ (make corpus)
    python -m llmcourse.corpus freeze --add evaluation   # ... and let a new chapter in
    python -m llmcourse.corpus freeze --rev HEAD     # snapshot committed text, not the working tree

The snapshot lists its *parts* (top-level folders and pages of book/); `freeze` keeps that list
unless told otherwise, so a new chapter never enters the corpus by accident. `freeze` also
refreshes the packaged MiniLM vectors of the snapshot's passages (see `llmcourse.embeddings`).
"""
from __future__ import annotations

import argparse
import json
import lzma
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
SNAPSHOT = DATA / "course_pages.json.xz"
BOOK = Path(__file__).resolve().parent.parent / "book"   # only in a clone of the repository
SKIPPED_DIRS = ("_build", "_static", "_ext")


@lru_cache(maxsize=1)
def snapshot() -> dict:
    """The frozen snapshot: {"parts": [...], "source": str, "pages": {page: Markdown}}."""
    if not SNAPSHOT.is_file():
        raise FileNotFoundError(f"the course text snapshot {SNAPSHOT} is missing: reinstall llmcourse, "
                                "or in a clone run `python -m llmcourse.corpus freeze`")
    return json.loads(lzma.decompress(SNAPSHOT.read_bytes()).decode("utf-8"))


def book_pages() -> dict[str, str]:
    """{path relative to book/: Markdown text} for every page of the frozen snapshot, sorted."""
    return dict(snapshot()["pages"])


def course_text() -> str:
    """All pages of the snapshot concatenated, separated by blank lines."""
    return "\n\n".join(book_pages().values())


# --------------------------------------------------------------------------- maintainers
def _part(page: str) -> str:
    return page.split("/", 1)[0]


def live_book_pages(root: Path = BOOK, rev: str | None = None) -> dict[str, str]:
    """{page: Markdown} for every *.md of a clone's book/: the working tree, or git revision `rev`."""
    if rev is None:
        if not root.is_dir():
            raise FileNotFoundError(f"no book/ folder at {root}: freezing needs a clone of the course")
        return {str(p.relative_to(root)): p.read_text(encoding="utf-8")
                for p in sorted(root.rglob("*.md")) if not set(p.relative_to(root).parts) & set(SKIPPED_DIRS)}
    repo = root.parent
    names = subprocess.run(["git", "ls-tree", "-r", "--name-only", rev, "book/"], cwd=repo,
                           capture_output=True, text=True, check=True).stdout.split()
    pages = {}
    for name in sorted(names):
        page = name.removeprefix("book/")
        if name.endswith(".md") and not set(page.split("/")) & set(SKIPPED_DIRS):
            pages[page] = subprocess.run(["git", "show", f"{rev}:{name}"], cwd=repo, capture_output=True,
                                         check=True).stdout.decode("utf-8")
    return pages


def freeze(*, rev: str | None = None, add: tuple[str, ...] = (), drop: tuple[str, ...] = (),
           embeddings: bool = True, echo=print) -> dict:
    """Write a new snapshot of the book's pages (same parts as before, plus `add`, minus `drop`).

    The first snapshot takes every part of book/. Pages are stored verbatim (the tokenizers train
    on the Markdown). With `embeddings`, the packaged MiniLM vectors are rebuilt for the new
    passages (reusing the disk cache), so the book and the notebooks never embed the corpus.
    """
    live = live_book_pages(rev=rev)
    parts = set(snapshot()["parts"]) if SNAPSHOT.is_file() else {_part(p) for p in live}
    unknown = [p for p in add if p not in {_part(q) for q in live}]
    if unknown:
        raise ValueError(f"--add {unknown}: no such folder or page under book/")
    parts = (parts | set(add)) - set(drop)
    pages = {page: text for page, text in live.items() if _part(page) in parts}
    data = {"format": 1, "source": f"git {rev}" if rev else "working tree", "parts": sorted(parts),
            "pages": pages}
    DATA.mkdir(exist_ok=True)
    SNAPSHOT.write_bytes(lzma.compress(json.dumps(data, ensure_ascii=False, indent=0).encode("utf-8"),
                                       preset=9 | lzma.PRESET_EXTREME))
    snapshot.cache_clear()
    left_out = sorted({_part(p) for p in live} - parts)
    echo(f"froze {len(pages)} pages ({len(course_text()):,} characters) from the {data['source']} "
         f"into {SNAPSHOT.name}")
    if left_out:
        echo(f"not in the corpus (add with --add NAME): {', '.join(left_out)}")
    if embeddings:
        from llmcourse.embeddings import freeze_passage_vectors
        echo(freeze_passage_vectors())
    return data


def status(echo=print) -> int:
    """Print how book/ differs from the snapshot; 0 when it does not."""
    live, frozen = live_book_pages(), book_pages()
    parts = set(snapshot()["parts"])
    changed = sorted(p for p in frozen if p in live and live[p] != frozen[p])
    removed = sorted(p for p in frozen if p not in live)
    new = sorted(p for p in live if p not in frozen and _part(p) in parts)
    outside = sorted({_part(p) for p in live} - parts)
    echo(f"snapshot: {len(frozen)} pages from the {snapshot()['source']}")
    for label, items in (("edited since", changed), ("removed since", removed),
                         ("new pages in frozen parts", new), ("parts not in the corpus", outside)):
        if items:
            echo(f"{label}: {', '.join(items)}")
    return 1 if changed or removed or new else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m llmcourse.corpus", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("status", help="what differs between book/ and the frozen snapshot")
    f = sub.add_parser("freeze", help="take a new snapshot of book/ (maintainers)")
    f.add_argument("--rev", help="a git revision to read the pages from (default: the working tree)")
    f.add_argument("--add", nargs="*", default=[], help="parts of book/ to let in (e.g. evaluation)")
    f.add_argument("--drop", nargs="*", default=[], help="parts to leave out from now on")
    f.add_argument("--no-embeddings", action="store_true", help="do not rebuild the packaged MiniLM vectors")
    args = parser.parse_args(argv)
    if args.command == "status":
        return status()
    freeze(rev=args.rev, add=tuple(args.add), drop=tuple(args.drop), embeddings=not args.no_embeddings)
    return 0


if __name__ == "__main__":
    sys.exit(main())
