"""Shared fixtures. Everything is discovered from the repository layout: no hand-kept lists."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from autograder.config import chapters

# nbgrader shells out to `alembic`; make this interpreter's scripts findable.
os.environ["PATH"] = str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", "")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

CHAPTERS = chapters()


def pytest_generate_tests(metafunc):
    if "chapter" in metafunc.fixturenames and not hasattr(metafunc.module, "SHARE"):
        metafunc.parametrize("chapter", CHAPTERS)


@pytest.fixture(scope="session")
def repo() -> Path:
    return Path(__file__).resolve().parent.parent

