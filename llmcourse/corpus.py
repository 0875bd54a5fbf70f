"""The course's own text as a small, offline corpus (for tokenizers, embeddings and RAG).

The book's Markdown pages are read from the repository this package is installed from
(`make install` installs it in editable mode), so no data is ever downloaded.
"""
from __future__ import annotations

from pathlib import Path

BOOK = Path(__file__).resolve().parent.parent / "book"


def book_pages() -> dict[str, str]:
    """{path relative to book/: Markdown text} for every page of the book, in sorted order."""
    if not BOOK.is_dir():
        raise FileNotFoundError(f"the book's pages were not found at {BOOK}: install the course "
                                "with `make install` from a clone of the repository")
    return {str(p.relative_to(BOOK)): p.read_text(encoding="utf-8")
            for p in sorted(BOOK.rglob("*.md")) if "_build" not in p.parts}


def course_text() -> str:
    """All book pages concatenated, separated by blank lines."""
    return "\n\n".join(book_pages().values())
