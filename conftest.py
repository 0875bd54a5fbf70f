"""pytest at the repository root (tests/ and the nbval run over solutions/): the source notebooks'
hidden tests judge their own observations (see llmcourse/judging.py, "self-check")."""
import os

import pytest

os.environ["LLMCOURSE_GRADING"] = "self-check"


def pytest_collection_modifyitems(config, items):
    """Under `pytest -n 2 --dist loadgroup`: the tests of one module share a worker (module-scoped
    fixtures such as a graded class run once), except the mutants, which are split by chapter
    so that both workers check mutants."""
    for item in items:
        params = getattr(getattr(item, "callspec", None), "params", {})
        if item.path.name == "test_mutants.py" and ("variant" in params or "chapter" in params):
            group = "mutants-" + (params["variant"].chapter if "variant" in params else params["chapter"])
        else:
            group = str(item.path)
        item.add_marker(pytest.mark.xdist_group(group))
