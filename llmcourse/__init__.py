"""Shared helpers for the course notebooks.

Checks with clear messages, seeded fixtures, device choice and plotting. Nothing in this
package implements an exercise: students never find their answers here.
"""
# The package's version: the wheel's (pyproject.toml reads it here) and the one each exercise
# notebook's first cell requires (autograder/launch.py). Bump it when the notebooks need a change here.
__version__ = "0.2.0"

from llmcourse.checks import (
    CheckFailure,
    check_close,
    check_dtype,
    check_equal,
    check_shape,
    check_true,
    check_type,
)
from llmcourse.device import get_device
from llmcourse.judging import check_raised, hidden_test, raised, reference_only, student
from llmcourse.fixtures import randn, seed_everything

__all__ = [
    "CheckFailure",
    "check_close",
    "check_raised",
    "check_dtype",
    "check_equal",
    "check_shape",
    "check_true",
    "check_type",
    "get_device",
    "hidden_test",
    "randn",
    "raised",
    "reference_only",
    "seed_everything",
    "student",
]
