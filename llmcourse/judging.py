"""Hidden tests in two halves: an *observation* that runs in the student's kernel, and a
*judge* that runs in the grader, outside any process the student's code can touch.

A test author writes one thing per hidden test, in the hidden-test cell of the source notebook::

    @hidden_test("kv_cache_bytes_cases")
    def observe(seed):
        rng = torch.Generator().manual_seed(seed)
        cases = [...]                                   # inputs: seeded and/or fixed edge cases
        return {"cases": cases,                         # anything test-made: the skeleton
                "got": [student(kv_cache_bytes(*c)) for c in cases]}   # the code under test

    @observe.judge
    def _(got, ref):
        for case, g, e in zip(ref["cases"], got["got"], ref["got"]):
            check_equal(g, e, name=f"kv_cache_bytes{case}", misconceptions={...})

How it runs:

- ``observe(seed)`` calls the code under test on inputs it builds from ``seed`` and returns plain
  data. Every value that comes from the code under test is wrapped in :func:`student` (or
  recorded with :func:`raised`); everything else is the *skeleton* (inputs, expected sizes...).
- When the grader grades, the kernel only *observes*: the observation is encoded as
  safetensors (tensors) plus JSON (everything else; never pickle) and sent to the grader as one
  display message. The grader draws the seed per run, runs the same observation with the
  reference solution in a kernel that never saw student code, and calls
  ``judge(got, ref)`` itself. ``got`` is the *reference's* skeleton with the student's
  :func:`student` values put in, so nothing but those values comes from the student's process;
  ``ref`` is the reference observation. The judge raises ``CheckFailure`` (the course's checks)
  to fail the test.
- With ``LLMCOURSE_GRADING=self-check`` (nbval on the source notebooks in CI, a test author) the
  cell observes and judges the observation against itself, so a broken observation or judge is
  caught at once. Anywhere else (a plain ``nbgrader autograde`` that bypasses the course's grader)
  the test fails with a message saying how to grade: a notebook is never judged against itself
  by accident, which would pass any answer.

Rules for judges: read inputs and expected values from ``ref`` (``got``'s skeleton is the same),
student values from ``got``; compute every property you test from those, never trust a value
the student's process computed from its own output unless it is wrapped in :func:`student`
(then it is the student's claim, and a claim is checked, not believed).
"""
from __future__ import annotations

import base64
import hashlib
import json
import math
import os
from dataclasses import dataclass
from typing import Any, Callable

import torch

MIME = "application/vnd.llmcourse.observation+json"
ENV = "LLMCOURSE_GRADING"            # "student:<nonce>" / "reference:<nonce>" in the grader's kernels
MAX_DEPTH = 48                       # nesting of an observation
MAX_NODES = 1_000_000                # values in an observation
LOCAL_NONCE = "local"                # the seed source outside the grader
SELF_CHECK = "self-check"            # ENV value: judge the notebook's own observations (CI, authors)


class ObservationError(ValueError):
    """An observation that cannot be encoded or decoded (too deep, too big, malformed)."""


@dataclass(frozen=True)
class Student:
    """A value produced by the code under test (the only part of ``got`` the student supplies)."""
    value: Any


def student(value: Any) -> Student:
    """Mark ``value`` as produced by the code under test."""
    return Student(value)


def raised(fn: Callable, *args, **kwargs) -> Student:
    """Call ``fn``; record the names of the raised exception's classes (most derived first), or
    None if it returned. Judge it with :func:`check_raised`."""
    try:
        fn(*args, **kwargs)
    except Exception as exc:  # noqa: BLE001 - the point is to record whatever it raised
        return Student(tuple(cls.__name__ for cls in type(exc).__mro__ if cls is not object))
    return Student(None)


@dataclass(frozen=True)
class Opaque:
    """What the grader sees of an object that is not plain data (a look-alike, a custom class)."""
    type_name: str

    def __repr__(self) -> str:
        return f"<object of class {self.type_name}>"


# --------------------------------------------------------------------------- encoding
_NUMPY_KINDS = "biuf"  # numpy scalar kinds that travel (bool, int, uint, float)


def _type_name(x: Any) -> str:
    t = type(x)
    return f"{t.__module__}.{t.__qualname__}"


class _Encoder:
    def __init__(self):
        self.tensors: dict[str, torch.Tensor] = {}
        self.nodes = 0

    def __call__(self, x: Any, depth: int = 0) -> Any:
        self.nodes += 1
        if depth > MAX_DEPTH or self.nodes > MAX_NODES:
            raise ObservationError("the observation is too deep or too large")
        t = type(x)
        if x is None or t in (bool, int, str):
            return x
        if t is float:
            return x if math.isfinite(x) else {"$float": repr(x)}
        if t is Student:
            return {"$student": self(x.value, depth + 1)}
        if t is list:
            return [self(v, depth + 1) for v in x]
        if t in (tuple, torch.Size):
            return {"$tuple": [self(v, depth + 1) for v in x]}
        if t is dict:
            return {"$dict": [[self(k, depth + 1), self(v, depth + 1)] for k, v in x.items()]}
        if t in (set, frozenset):
            return {"$set" if t is set else "$frozenset": [self(v, depth + 1) for v in x]}
        if t is bytes:
            return {"$bytes": base64.b64encode(x).decode()}
        if t is torch.dtype:
            return {"$dtype": str(x)}
        if isinstance(x, torch.Tensor):
            return self._tensor(x, "$tensor")
        if t.__module__ == "numpy":
            import numpy as np
            if isinstance(x, np.ndarray) and x.dtype.kind in _NUMPY_KINDS:
                return self._tensor(torch.from_numpy(np.ascontiguousarray(x)), "$ndarray")
            if isinstance(x, np.generic) and x.dtype.kind in _NUMPY_KINDS:
                return {"$np": x.dtype.name, "v": self(x.item(), depth + 1)}
        return {"$opaque": _type_name(x)}

    def _tensor(self, x: torch.Tensor, tag: str) -> dict:
        if x.layout != torch.strided or x.is_quantized or x.device.type == "meta" or x.is_complex():
            return {"$opaque": f"torch.Tensor({x.layout}, {x.dtype}, {x.device.type})"}
        key = f"t{len(self.tensors)}"
        data = torch.Tensor.detach(x).to("cpu").clone().contiguous()
        self.tensors[key] = data.view(1) if data.dim() == 0 else data  # safetensors: 0-d as (1,)
        return {tag: key, "scalar": data.dim() == 0, "param": isinstance(x, torch.nn.Parameter)}


def encode(observation: Any) -> bytes:
    """Plain data -> bytes: safetensors holding the tensors, with the rest as JSON metadata."""
    from safetensors.torch import save

    enc = _Encoder()
    tree = enc(observation)
    return save(enc.tensors, metadata={"observation": json.dumps(tree, allow_nan=False)})


def decode(data: bytes, max_bytes: int | None = None) -> Any:
    """bytes -> plain data. Never executes anything from the data; raises ObservationError."""
    from safetensors.torch import load

    if max_bytes is not None and len(data) > max_bytes:
        raise ObservationError(f"the observation is larger than {max_bytes} bytes")
    try:
        n = int.from_bytes(data[:8], "little")
        header = json.loads(data[8:8 + n])
        tree = json.loads(header["__metadata__"]["observation"])
        tensors = load(bytes(data))
    except Exception as exc:  # noqa: BLE001 - anything malformed is the submission's problem
        raise ObservationError(f"malformed observation ({type(exc).__name__})") from None
    counter = [0]
    return _decode(tree, tensors, 0, counter)


def _decode(x: Any, tensors: dict, depth: int, counter: list) -> Any:
    counter[0] += 1
    if depth > MAX_DEPTH + 2 or counter[0] > MAX_NODES:
        raise ObservationError("the observation is too deep or too large")
    if x is None or type(x) in (bool, int, float, str):
        return x
    if type(x) is list:
        return [_decode(v, tensors, depth + 1, counter) for v in x]
    if type(x) is not dict or len(x) == 0:
        raise ObservationError("malformed observation")
    tag = next(iter(x))
    if tag == "$student":
        return Student(_decode(x[tag], tensors, depth + 1, counter))
    if tag == "$float":
        if x[tag] not in ("nan", "inf", "-inf"):
            raise ObservationError("malformed float")
        return float(x[tag])
    if tag == "$tuple":
        return tuple(_decode(v, tensors, depth + 1, counter) for v in _list(x[tag]))
    if tag == "$dict":
        out = {}
        for pair in _list(x[tag]):
            if type(pair) is not list or len(pair) != 2:
                raise ObservationError("malformed dict")
            key = _decode(pair[0], tensors, depth + 1, counter)
            try:
                out[key] = _decode(pair[1], tensors, depth + 1, counter)
            except TypeError:
                raise ObservationError("unhashable dict key") from None
        return out
    if tag in ("$set", "$frozenset"):
        try:
            items = {_decode(v, tensors, depth + 1, counter) for v in _list(x[tag])}
        except TypeError:
            raise ObservationError("unhashable set element") from None
        return items if tag == "$set" else frozenset(items)
    if tag == "$bytes":
        return base64.b64decode(str(x[tag]))
    if tag == "$dtype":
        name = str(x[tag]).removeprefix("torch.")
        value = getattr(torch, name, None) if name.isidentifier() else None
        if not isinstance(value, torch.dtype):
            raise ObservationError("unknown dtype")
        return value
    if tag in ("$tensor", "$ndarray"):
        t = tensors.get(x[tag]) if type(x[tag]) is str else None
        if t is None:
            raise ObservationError("missing tensor")
        if x.get("scalar") is True:
            if t.numel() != 1:
                raise ObservationError("malformed scalar tensor")
            t = t.reshape(())
        if tag == "$ndarray":
            return t.numpy()
        return torch.nn.Parameter(t, requires_grad=False) if x.get("param") is True else t
    if tag == "$np":
        import numpy as np
        try:
            dtype = np.dtype(str(x[tag]))
        except TypeError:
            raise ObservationError("unknown numpy dtype") from None
        if dtype.kind not in _NUMPY_KINDS or type(x.get("v")) not in (bool, int, float, dict):
            raise ObservationError("malformed numpy scalar")
        return dtype.type(_decode(x["v"], tensors, depth + 1, counter))
    if tag == "$opaque":
        return Opaque(str(x[tag])[:200])
    raise ObservationError("malformed observation")


def _list(x: Any) -> list:
    if type(x) is not list:
        raise ObservationError("malformed observation")
    return x


# --------------------------------------------------------------------------- merging
def _leaves(tree: Any, path: tuple = ()) -> list[tuple[tuple, Any]]:
    """(path, value) of every Student leaf, in a fixed traversal order."""
    if type(tree) is Student:
        return [(path, tree.value)]
    if type(tree) in (list, tuple):
        return [leaf for i, v in enumerate(tree) for leaf in _leaves(v, path + (i,))]
    if type(tree) is dict:
        return [leaf for i, (k, v) in enumerate(tree.items()) for leaf in _leaves(v, path + (i,))]
    return []


def _replace(tree: Any, values: list) -> Any:
    """``tree`` with its Student leaves replaced, in order, by ``values`` (consumed)."""
    if type(tree) is Student:
        return values.pop(0)
    if type(tree) is list:
        return [_replace(v, values) for v in tree]
    if type(tree) is tuple:
        return tuple(_replace(v, values) for v in tree)
    if type(tree) is dict:
        return {k: _replace(v, values) for k, v in tree.items()}
    return tree


def unwrap(tree: Any) -> Any:
    """The observation with every Student marker removed (the reference's view)."""
    leaves = _leaves(tree)
    return _replace(tree, [v for _, v in leaves])


def merge(ref: Any, got: Any) -> Any:
    """The reference's skeleton carrying the student's values. The two observations must have
    their student values at the same places; otherwise the student's is incomplete."""
    ref_leaves, got_leaves = _leaves(ref), _leaves(got)
    if [p for p, _ in ref_leaves] != [p for p, _ in got_leaves]:
        from llmcourse.checks import CheckFailure
        raise CheckFailure(
            f"the test could not observe your code completely: expected {len(ref_leaves)} results, "
            f"got {len(got_leaves)} in a different arrangement. Did a function return early, "
            "return a different kind of object, or stop partway?")
    return _replace(ref, [v for _, v in got_leaves])


# --------------------------------------------------------------------------- tests
def seed_for(nonce: str, grade_id: str) -> int:
    """The seed a hidden test gets: a digest of the run's nonce and the test's id."""
    digest = hashlib.sha256(f"{nonce}:{grade_id}".encode()).digest()
    return int.from_bytes(digest[:8], "little") >> 1


_REGISTRY: dict | None = None  # set while the grader collects judges (nothing runs then)


class HiddenTest:
    """One hidden test: ``observe(seed) -> observation`` and ``judge(got, ref)``."""

    def __init__(self, grade_id: str, observe: Callable):
        if not isinstance(grade_id, str) or not grade_id:
            raise TypeError("hidden_test needs the test cell's grade_id")
        self.grade_id, self.observe, self.judge_fn = grade_id, observe, None

    def judge(self, fn: Callable) -> "HiddenTest":
        """Register the judge; then (outside the grader) run the test."""
        self.judge_fn = fn
        if _REGISTRY is not None:
            _REGISTRY[self.grade_id] = self
            return self
        mode = os.environ.get(ENV, "")
        if mode.startswith(("student:", "reference:")):
            _publish(self, mode.split(":", 1)[1])
        elif mode == SELF_CHECK:
            observation = decode(encode(self.observe(seed_for(LOCAL_NONCE, self.grade_id))))
            self.verdict(observation, observation)  # raises CheckFailure if the judge disagrees
        else:  # never judge a notebook against itself by accident: that would pass anything
            from llmcourse.checks import CheckFailure
            raise CheckFailure(
                f"{self.grade_id}: this hidden test is judged by the course's grader, outside the "
                "notebook (`python -m autograder grade`, or `make grade`). To check the reference "
                f"solutions against their own tests, run with {ENV}={SELF_CHECK}.")
        return self

    def verdict(self, got: Any, ref: Any) -> None:
        """Judge a decoded student observation against the reference's; raise CheckFailure."""
        from llmcourse.checks import CheckFailure

        if isinstance(got, dict) and set(got) == {"$error"}:
            raise CheckFailure(f"your code raised {str(got['$error'])[:300]} while this test ran.")
        merged = merge(ref, got)
        try:
            self.judge_fn(merged, unwrap(ref))
        except AssertionError:
            raise
        except Exception as exc:  # noqa: BLE001 - results of the wrong form fail the test
            raise CheckFailure(f"your results could not be checked ({type(exc).__name__}: "
                               f"{str(exc)[:200]}): a value has the wrong type, length or shape.") from None


def in_reference() -> bool:
    """True unless this kernel is observing a student's code for the grader."""
    return not os.environ.get(ENV, "").startswith("student:")


def reference_only(fn: Callable, *args, **kwargs) -> Any:
    """``fn(*args, **kwargs)`` in the reference run (and outside the grader); None in a
    student's kernel. For values a judge compares with but the student's process must never
    hold (an independent computation of the expected answer): the judge reads them from ``ref``."""
    return fn(*args, **kwargs) if in_reference() else None


def hidden_test(grade_id: str) -> Callable[[Callable], HiddenTest]:
    """Decorator for a hidden test's observation; follow it with ``@<name>.judge``."""
    def wrap(observe: Callable) -> HiddenTest:
        return HiddenTest(grade_id, observe)
    return wrap


def _publish(test: HiddenTest, nonce: str) -> None:
    """In a grading kernel: observe and send the encoded observation to the grader."""
    from IPython.display import publish_display_data

    try:
        payload = encode(test.observe(seed_for(nonce, test.grade_id)))
    except Exception as exc:  # noqa: BLE001 - the student's code failed: report only that
        payload = encode({"$error": f"{type(exc).__name__}: {exc}"[:300]})
    publish_display_data({MIME: {"test": test.grade_id,
                                 "data": base64.b64encode(payload).decode("ascii")}})


def collect_judges(source: str, namespace: dict) -> dict[str, HiddenTest]:
    """Execute a hidden-test cell's (trusted) source with collection on; return its tests."""
    import ast

    global _REGISTRY
    tree = ast.parse(source)
    if not uses_hidden_test(tree):
        return {}
    # Only definitions run here: imports, functions, classes, constants (never a test's body).
    kinds = (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.ClassDef, ast.Assign, ast.AnnAssign)
    tree.body = [n for n in tree.body if isinstance(n, kinds)
                 or (isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant))]
    found: dict[str, HiddenTest] = {}
    previous, _REGISTRY = _REGISTRY, found
    try:
        exec(compile(tree, "<hidden test>", "exec"), namespace)  # noqa: S102 - course source
    finally:
        _REGISTRY = previous
    return found


def uses_hidden_test(tree) -> bool:
    """Whether a cell's parsed source defines a test with ``@hidden_test(...)``."""
    import ast
    return any(isinstance(node, ast.FunctionDef) and any(
        isinstance(d, ast.Call) and getattr(d.func, "id", getattr(d.func, "attr", None)) == "hidden_test"
        for d in node.decorator_list) for node in tree.body)


def check_raised(value: Any, expected: type | str, *, name: str, problem: str | None = None,
                 hint: str | None = None) -> None:
    """``value`` (from :func:`raised`) must show that ``expected`` (or a subclass) was raised."""
    from llmcourse.checks import CheckFailure

    wanted = expected if isinstance(expected, str) else expected.__name__
    if type(value) is tuple and wanted in value:
        return
    what = "returned normally" if value is None else (
        f"raised {value[0]}" if type(value) is tuple and value and type(value[0]) is str else "did something else")
    message = f"{name}: expected {wanted} to be raised, but the call {what}."
    if problem:
        message += f" {problem}"
    if hint:
        message += f"\n  Hint: {hint}"
    raise CheckFailure(message)


def observation_half(source: str) -> str:
    """The part of a hidden-test cell that the student's kernel runs: imports, the observation
    (its ``reference_only(...)`` calls replaced by None), and the definitions it uses, with every
    judge's body removed (``pass``). Judges, reference-only computations, and the helpers and
    constants only they use never enter the student's process, where its code could read them. Lines before ``### BEGIN HIDDEN TESTS`` (the cell's visible docstring)
    and the region markers are kept as they are."""
    import ast

    lines = source.split("\n")
    start = next((i for i, ln in enumerate(lines) if "BEGIN HIDDEN TESTS" in ln), None)
    end = next((i for i, ln in enumerate(lines) if "END HIDDEN TESTS" in ln), len(lines))
    if start is None:
        return source
    tree = ast.parse("\n".join(lines[start + 1:end]))
    if not uses_hidden_test(tree):
        return source

    def is_judge(node) -> bool:
        return isinstance(node, ast.FunctionDef) and any(
            isinstance(d, ast.Attribute) and d.attr == "judge" for d in node.decorator_list)

    def names_used(node) -> set:
        return {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}

    defined = {}
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and not is_judge(node):
            defined[node.name] = node
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                for n in ast.walk(target):
                    if isinstance(n, ast.Name):
                        defined[n.id] = node
    class NoReferenceOnly(ast.NodeTransformer):  # None in a student's kernel anyway
        def visit_Call(self, node):
            name = getattr(node.func, "id", getattr(node.func, "attr", None))
            return ast.Constant(None) if name == "reference_only" else self.generic_visit(node)

    observers = [n for n in tree.body if isinstance(n, ast.FunctionDef) and uses_hidden_test(ast.Module([n], []))]
    for node in observers:
        NoReferenceOnly().visit(node)
    needed, todo = set(), list(observers)
    while todo:
        node = todo.pop()
        if id(node) in needed:
            continue
        needed.add(id(node))
        todo += [defined[name] for name in names_used(node) if name in defined]
    body = []
    for node in tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom)) or id(node) in needed:
            body.append(node)
        elif is_judge(node):
            node.body = [ast.Pass()]
            body.append(node)
    kept = ast.unparse(ast.Module(body, []))
    return "\n".join(lines[:start + 1] + [kept] + lines[end:])
