"""Checks whose failure messages teach.

Every check raises :class:`CheckFailure` (an ``AssertionError``, so nbgrader counts it as a
failed test) with a message that says what was expected, what came back and, when the
answer matches a known wrong variant, which misconception that suggests.

``misconceptions`` maps a description ("you did not divide by sqrt(d_k)") to the value that
mistake would produce. If the student's value matches one of them, the message names it.
"""
from __future__ import annotations

import numbers
from typing import Any, Mapping

import torch

_TENSOR_TYPES = (torch.Tensor, torch.nn.Parameter)


class CheckFailure(AssertionError):
    """A failed course check. The message is written for the student."""


def _fail(name: str, problem: str, hint: str | None = None) -> None:
    message = f"{name}: {problem}"
    if hint:
        message += f"\n  Hint: {hint}"
    raise CheckFailure(message)


def _as_float64(t: torch.Tensor) -> torch.Tensor:
    return t.detach().to(device="cpu", dtype=torch.float64)


def _matches(actual: torch.Tensor, candidate: Any, atol: float, rtol: float) -> bool:
    if not isinstance(candidate, torch.Tensor) or tuple(candidate.shape) != tuple(actual.shape):
        return False
    a, c = _as_float64(actual), _as_float64(candidate)
    return bool(torch.allclose(a, c, atol=atol, rtol=rtol, equal_nan=True))


def _diagnose(actual: Any, misconceptions: Mapping[str, Any] | None, atol: float,
              rtol: float) -> str | None:
    for description, wrong_value in (misconceptions or {}).items():
        if isinstance(actual, torch.Tensor):
            if _matches(actual, wrong_value, atol, rtol):
                return f"your result is exactly what you get when {description}."
        elif actual == wrong_value:
            return f"your result is exactly what you get when {description}."
    return None


def check_type(actual: Any, expected_type: type | tuple, *, name: str, exact: bool = False) -> None:
    """``actual`` must be an instance of ``expected_type``: exact classes, not look-alikes.

    ``int`` also accepts numpy integers (an observation may carry them) unless ``exact=True``,
    which demands exactly the class named: ``check_type(n, int, exact=True)`` for "a Python int"."""
    types = expected_type if isinstance(expected_type, tuple) else (expected_type,)
    if exact:
        ok = type(actual) in types
    elif expected_type is torch.Tensor or torch.Tensor in types:
        ok = type(actual) in _TENSOR_TYPES or any(
            t is not torch.Tensor and isinstance(actual, t) for t in types)
    elif int in types:
        ok = (isinstance(actual, numbers.Integral) and not isinstance(actual, bool)) or any(
            t is not int and isinstance(actual, t) for t in types)
    else:
        ok = isinstance(actual, types)
    if not ok:
        wanted = " or ".join(t.__name__ for t in types)
        _fail(name, f"expected a {wanted}, got {_describe_type(actual)}.")


def _describe_type(actual: Any) -> str:
    type_name = getattr(actual, "type_name", None)  # llmcourse.judging.Opaque: not plain data
    if type(actual).__name__ == "Opaque" and isinstance(type_name, str):
        return f"an object of class {type_name}, which is not plain data"
    return f"{type(actual).__module__}.{type(actual).__name__}"


def check_shape(actual: Any, expected_shape, *, name: str, hint: str | None = None) -> None:
    """``actual`` must be a tensor of exactly ``expected_shape``."""
    check_type(actual, torch.Tensor, name=name)
    expected_shape = tuple(expected_shape)
    if tuple(actual.shape) != expected_shape:
        _fail(name, f"expected shape {expected_shape}, got {tuple(actual.shape)}.", hint)


def check_dtype(actual: torch.Tensor, expected_dtype: torch.dtype, *, name: str,
                hint: str | None = None) -> None:
    """``actual`` must be a tensor of dtype ``expected_dtype``."""
    check_type(actual, torch.Tensor, name=name)
    if actual.dtype != expected_dtype:
        _fail(name, f"expected dtype {expected_dtype}, got {actual.dtype}.", hint)


def check_close(actual: Any, expected: torch.Tensor, *, name: str, atol: float = 1e-5,
                rtol: float = 1e-4, misconceptions: Mapping[str, Any] | None = None,
                hint: str | None = None) -> None:
    """``actual`` must be a tensor of ``expected``'s shape, finite where ``expected`` is, and
    equal to it within ``|actual - expected| <= atol + rtol * |expected|`` elementwise.
    Both are compared in float64 on the CPU, so the check is the same on every device."""
    check_shape(actual, expected.shape, name=name, hint=hint)
    a, e = _as_float64(actual), _as_float64(expected)
    bad_nan = torch.isnan(a) & ~torch.isnan(e)
    if bad_nan.any():
        where = tuple(int(i) for i in bad_nan.nonzero()[0])
        diagnosis = _diagnose(actual, misconceptions, atol, rtol)
        _fail(name, f"{int(bad_nan.sum())} NaN value(s), first at index {where}, where "
                    f"{float(e[where]):.6g} was expected."
                    + (f" This suggests a misconception: {diagnosis}" if diagnosis else ""), hint)
    if not torch.allclose(a, e, atol=atol, rtol=rtol, equal_nan=True):
        err = (a - e).abs().nan_to_num(nan=0.0, posinf=float("inf"))
        where = tuple(int(i) for i in torch.nonzero(err == err.max())[0])
        problem = (f"values differ: max |actual - expected| = {float(err.max()):.3g} at index "
                   f"{where} (expected {float(e[where]):.6g}, got {float(a[where]):.6g}; "
                   f"tolerance atol={atol:g}, rtol={rtol:g}).")
        diagnosis = _diagnose(actual, misconceptions, atol, rtol)
        if diagnosis:
            problem += f" This suggests a misconception: {diagnosis}"
        _fail(name, problem, hint)


def check_equal(actual: Any, expected: Any, *, name: str,
                misconceptions: Mapping[str, Any] | None = None, hint: str | None = None) -> None:
    """Exact equality. Tensors must match in shape, dtype and every element; numbers and
    other values are compared with ``==`` after an exact type check."""
    if isinstance(expected, torch.Tensor):
        check_shape(actual, expected.shape, name=name, hint=hint)
        check_dtype(actual, expected.dtype, name=name, hint=hint)
        same = torch.equal(actual.detach().cpu(), expected.detach().cpu())
        if not same:
            mismatch = (actual.detach().cpu() != expected.detach().cpu())
            where = tuple(int(i) for i in mismatch.nonzero()[0])
            problem = (f"{int(mismatch.sum())} element(s) differ, first at index {where} "
                       f"(expected {expected.detach().cpu()[where].item()!r}, "
                       f"got {actual.detach().cpu()[where].item()!r}).")
            diagnosis = _diagnose(actual, misconceptions, 0.0, 0.0)
            if diagnosis:
                problem += f" This suggests a misconception: {diagnosis}"
            _fail(name, problem, hint)
        return
    check_type(actual, type(expected), name=name)
    problem = _look_alike(actual, expected)
    if problem:
        _fail(name, problem, hint)
    if not expected == actual:  # the expected value's own __eq__, never the submission's
        problem = f"expected {expected!r}, got {actual!r}."
        diagnosis = _diagnose(actual, misconceptions, 0.0, 0.0)
        if diagnosis:
            problem += f" This suggests a misconception: {diagnosis}"
        _fail(name, problem, hint)


_PLAIN = (str, bytes, bool, type(None), list, tuple, dict, set, frozenset)


def _numeric(x: Any) -> bool:
    import numpy as np
    return type(x) in (int, float) or (type(x).__module__ == "numpy" and isinstance(x, np.number))


def _look_alike(actual: Any, expected: Any, path: str = "the value") -> str | None:
    """Why `actual` is not made of the same plain types as `expected` (None when it is).

    Objects of user-defined classes (for example one whose ``__eq__`` always returns True) and
    subclasses of built-in types are rejected, all the way down nested containers."""
    if _numeric(expected):
        if _numeric(actual) and (isinstance(expected, float) or not isinstance(actual, float)):
            return None
        return f"{path}: expected a number of type {type(expected).__name__}, got {type(actual).__module__}.{type(actual).__name__}."
    if type(expected) in _PLAIN:
        if type(actual) is not type(expected):
            return f"{path}: expected exactly {type(expected).__name__}, got {type(actual).__module__}.{type(actual).__name__}."
        if isinstance(expected, (list, tuple)):
            if len(actual) != len(expected):
                return None  # the == comparison reports it
            for i, (a, e) in enumerate(zip(actual, expected)):
                problem = _look_alike(a, e, f"{path}[{i}]")
                if problem:
                    return problem
        elif isinstance(expected, dict):
            for key, e in expected.items():
                if key in actual:
                    problem = _look_alike(actual[key], e, f"{path}[{key!r}]")
                    if problem:
                        return problem
        elif isinstance(expected, (set, frozenset)):
            if any(type(a).__module__ not in ("builtins", "numpy") for a in actual):
                return f"{path}: contains objects of a user-defined class."
    return None


def check_true(condition: Any, *, name: str, problem: str, hint: str | None = None) -> None:
    """``condition`` must be exactly ``True`` (a real bool, not a truthy look-alike)."""
    if isinstance(condition, torch.Tensor) and condition.numel() == 1:
        condition = bool(condition.item())
    if condition is not True:
        _fail(name, problem, hint)
