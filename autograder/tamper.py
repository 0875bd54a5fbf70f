"""Run-time defences against tampering, and a static scan of the code a student wrote.

Run time (inside nbgrader's autograde, in the trusted worker):

- `SealTests` (before execution) appends an epilogue to every graded test cell. The epilogue
  probes the kernel for the usual ways of faking a pass (a custom exception handler, trace or
  cell hooks, replaced check functions or comparison functions, a replaced stdout) and then
  prints a seal: an HMAC of the cell's grade id under a random key that exists only for this
  run. A test cell earns points only if its output ends with the right seal.
- `VerifySeals` (after execution) removes the seals and, for every test cell that did not
  reach its seal, or reported tampering, adds an error output, so nbgrader scores it 0. The
  reasons are written to the worker's result for the grades report.

Static (`scan`): an AST scan of answer cells and any extra cells a student added, for code
that has no business in an exercise (patching modules or builtins, exception hooks, exiting
the kernel, reading the grader's files). It flags a submission for review; it never changes a
score on its own.
"""
from __future__ import annotations

import ast
import hashlib
import hmac
import inspect
import re
import textwrap

from nbconvert.preprocessors import Preprocessor
from nbformat import NotebookNode
from traitlets import Bool, Unicode

SEAL_PREFIX = "\u2063grader-seal:"
TAMPER_PREFIX = "\u2063grader-tamper:"
EPILOGUE_MARK = "# --- grader epilogue (added at grading time) ---"
CHECK_NAMES = ("check_close", "check_equal", "check_shape", "check_type", "check_true", "check_dtype")


def seal(key: str, grade_id: str) -> str:
    return hmac.new(key.encode(), grade_id.encode(), hashlib.sha256).hexdigest()[:24]


def code_digest(code) -> str:
    """A digest of a code object that is stable across processes (marshal's is not: it depends
    on reference counts). The epilogue computes the same digest inside the kernel."""
    h = hashlib.sha256(code.co_code + repr((code.co_names, code.co_varnames)).encode())
    for const in code.co_consts:
        if hasattr(const, "co_code"):
            h.update(code_digest(const).encode())
        elif isinstance(const, frozenset):
            h.update(repr(sorted(map(repr, const))).encode())
        else:
            h.update(repr(const).encode())
    return h.hexdigest()


def check_code_digests() -> dict[str, str]:
    """Digests of the course's check functions, computed outside the sandbox."""
    import llmcourse.checks as checks

    return {name: code_digest(getattr(checks, name).__code__) for name in CHECK_NAMES}


# The kernel computes digests with the very same function, so it is inlined from its source.
_DIGEST_SOURCE = textwrap.indent(inspect.getsource(code_digest), "    ")

_EPILOGUE = '''
{mark}
def __grader_epilogue(_key={key!r}, _gid={gid!r}, _digests={digests!r}):
    import sys, builtins, hashlib, hmac
{digest_source}
    _digest = code_digest
    bad = []
    ip = get_ipython()
    if getattr(ip, "custom_exceptions", ()):
        bad.append("a custom exception handler is installed (set_custom_exc)")
    if sys.gettrace() is not None or sys.getprofile() is not None:
        bad.append("a trace or profile hook is installed")
    for event in ("pre_execute", "pre_run_cell", "post_execute", "post_run_cell"):
        for callback in ip.events.callbacks.get(event, []):
            if getattr(callback, "__module__", None) in (None, "__main__"):
                bad.append("a cell-execution hook is registered (" + event + ")")
    if ip.ast_transformers or ip.input_transformers_post:
        bad.append("an input or AST transformer is registered")
    if type(sys.stdout).__module__ != "ipykernel.iostream" or type(sys.stderr).__module__ != "ipykernel.iostream":
        bad.append("sys.stdout or sys.stderr was replaced")
    shell_mods = ("ipykernel.", "IPython.")
    for attr in ("run_cell", "run_code", "run_ast_nodes", "showtraceback", "_showtraceback", "run_cell_async"):
        for owner in (vars(ip), vars(type(ip))):
            fn = owner.get(attr)
            mod = getattr(getattr(fn, "__func__", fn), "__module__", None) or ""
            if fn is not None and not mod.startswith(shell_mods):
                bad.append("the shell's " + attr + " was replaced")
    for name in ("isinstance", "type", "len", "abs", "all", "any", "float", "int", "bool", "repr", "str", "print", "getattr", "hasattr", "min", "max", "sum", "sorted", "zip", "range", "__import__"):
        obj = getattr(builtins, name, None)
        if getattr(obj, "__name__", None) != name or getattr(obj, "__module__", "builtins") not in ("builtins", None):
            bad.append("builtins." + name + " was replaced")
    g = globals()
    for name, digest in _digests.items():
        fn = g.get(name)
        if fn is None:
            continue
        code = getattr(fn, "__code__", None)
        if code is None or _digest(code) != digest:
            bad.append(name + " is not the course's " + name)
    failure = sys.modules.get("llmcourse.checks")
    if failure is not None:
        mod_fn = getattr(failure, "check_close", None)
        if mod_fn is not None and _digest(getattr(mod_fn, "__code__", compile("", "", "exec"))) != _digests.get("check_close"):
            bad.append("llmcourse.checks was modified")
    torch = sys.modules.get("torch")
    if torch is not None:
        a, b = torch.tensor([1.0, 2.0]), torch.tensor([1.0, 2.5])
        probes = [(lambda: torch.allclose(a, b), False), (lambda: torch.equal(a, b), False),
                  (lambda: bool(torch.isclose(a, b).all()), False), (lambda: bool((a == b).all()), False),
                  (lambda: float((a - b).abs().max()), 0.5), (lambda: isinstance(a, torch.Tensor), True),
                  (lambda: bool(torch.isnan(torch.tensor([float("nan")])).all()), True)]
        for i, (probe, want) in enumerate(probes):
            try:
                got = probe()
            except Exception as exc:
                got = exc
            if got is not want and got != want:
                bad.append("torch comparison functions were modified (probe " + str(i) + ")")
                break
    np = sys.modules.get("numpy")
    if np is not None:
        try:
            ok = (not np.allclose([1.0], [2.0])) and (not np.array_equal([1], [2])) and np.isclose(1.0, 1.0)
        except Exception:
            ok = False
        if not ok:
            bad.append("numpy comparison functions were modified")
    if bad:
        print({tamper!r} + "; ".join(dict.fromkeys(bad)))
    else:
        print({seal!r} + hmac.new(_key.encode(), _gid.encode(), hashlib.sha256).hexdigest()[:24])
__grader_epilogue()
del __grader_epilogue
'''


def _is_test(cell) -> bool:
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return cell.cell_type == "code" and bool(meta.get("grade")) and not meta.get("solution")


class SealTests(Preprocessor):
    """Append the sealing epilogue to every graded test cell (run after OverwriteCells)."""
    enabled = Bool(True)
    key = Unicode("").tag(config=True)

    def preprocess(self, nb, resources):
        if not self.key:
            raise ValueError("SealTests needs a per-run key")
        digests = check_code_digests()
        for cell in nb.cells:
            if _is_test(cell):
                gid = cell.metadata["nbgrader"]["grade_id"]
                cell.source = cell.source.rstrip() + "\n" + _EPILOGUE.format(
                    mark=EPILOGUE_MARK, key=self.key, gid=gid, digests=digests,
                    tamper=TAMPER_PREFIX, seal=SEAL_PREFIX, digest_source=_DIGEST_SOURCE)
        return nb, resources


class VerifySeals(Preprocessor):
    """Score 0 (by adding an error) every test cell that did not end with its seal."""
    enabled = Bool(True)
    key = Unicode("").tag(config=True)

    def preprocess(self, nb, resources):
        findings = resources.setdefault("tamper", [])
        for cell in nb.cells:
            if not _is_test(cell):
                continue
            gid = cell.metadata["nbgrader"]["grade_id"]
            cell.source = cell.source.split("\n" + EPILOGUE_MARK)[0]
            sealed, reasons, kept = False, [], []
            for out in cell.get("outputs", []):
                if out.get("output_type") == "stream":
                    lines = out.get("text", "").split("\n")
                    rest = []
                    for line in lines:
                        if line.startswith(SEAL_PREFIX):
                            sealed = hmac.compare_digest(line[len(SEAL_PREFIX):].strip(), seal(self.key, gid))
                        elif line.startswith(TAMPER_PREFIX):
                            reasons.append(line[len(TAMPER_PREFIX):].strip())
                        else:
                            rest.append(line)
                    out["text"] = "\n".join(rest)
                    if not out["text"].strip() and out.get("name") == "stdout":
                        continue
                kept.append(out)
            cell.outputs = kept
            has_error = any(o.get("output_type") == "error" for o in kept)
            if reasons:
                findings.append({"test": gid, "reason": "tampering detected: " + "; ".join(reasons)})
                cell.outputs.append(_error("TamperingDetected",
                                           "this test was not counted: " + "; ".join(reasons)))
            elif not sealed and not has_error:
                findings.append({"test": gid, "reason": "the test cell stopped before its end without "
                                                        "reporting an error (exceptions swallowed or the shell patched?)"})
                cell.outputs.append(_error("TestDidNotComplete", "this test stopped before its end without "
                                           "an error being reported, so it was not counted"))
        return nb, resources


FINDINGS: list[dict] = []   # what VerifySeals found in the notebook being graded (per worker)


class RecordingVerifySeals(VerifySeals):
    """VerifySeals that also keeps its findings in FINDINGS, since nbgrader does not hand the
    preprocessors' resources back to its caller."""

    def preprocess(self, nb, resources):
        nb, resources = super().preprocess(nb, resources)
        FINDINGS.extend(resources.get("tamper", []))
        return nb, resources


def _error(ename: str, evalue: str) -> NotebookNode:
    return NotebookNode(output_type="error", ename=ename, evalue=evalue, traceback=[f"{ename}: {evalue}"])


# --------------------------------------------------------------------------- static scan

_MODULES = {"torch", "np", "numpy", "builtins", "math", "llmcourse", "checks", "sys", "os", "F", "nn",
            "IPython", "ipykernel", "faiss", "transformers", "random", "__builtins__"}
_CALLS = {
    "set_custom_exc": "installs a custom exception handler",
    "settrace": "installs a trace hook", "setprofile": "installs a profile hook",
    "_exit": "exits the kernel (os._exit)", "kill": "sends a signal to a process",
    "register": None,  # only with .events
    "excepthook": "replaces the exception hook",
    "fork": "forks the process", "system": "runs a shell command", "popen": "runs a shell command",
}
_IMPORTS = {"ctypes": "imports ctypes", "gc": "imports gc (can reach and rewrite live objects)",
            "subprocess": "imports subprocess", "inspect": None, "socket": "opens network sockets",
            "importlib": None, "signal": "changes signal handling", "pty": "imports pty",
            "multiprocessing": None, "shutil": None, "sqlite3": "imports sqlite3 (the gradebook format)"}
_DUNDERS = {"__eq__", "__ne__", "__bool__", "__torch_function__", "__array_ufunc__", "__array_function__",
            "__instancecheck__", "__subclasscheck__", "__getattribute__"}
_SUSPECT_STRINGS = re.compile(r"gradebook|solutions/|BEGIN HIDDEN|nbgrader|/proc/|\.\./", re.I)


def scan(cells: list[tuple[str, str]], allowed_imports: set[str] = frozenset()) -> list[str]:
    """Reasons to review the code of [(label, source)] (answer cells and added cells)."""
    reasons: list[str] = []
    for label, source in cells:
        try:
            tree = ast.parse(_strip_magics(source))
        except SyntaxError:
            continue  # it will fail its tests on its own
        for node in ast.walk(tree):
            found = _scan_node(node, allowed_imports)
            if found:
                reasons.append(f"{label}: {found}")
    return list(dict.fromkeys(reasons))


def _strip_magics(source: str) -> str:
    return "\n".join("" if line.lstrip().startswith(("%", "!")) else line for line in source.splitlines())


def _root_name(node) -> str | None:
    while isinstance(node, (ast.Attribute, ast.Subscript)):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def _scan_node(node, allowed_imports) -> str | None:
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
        for name in names:
            top = name.split(".")[0]
            why = _IMPORTS.get(top)
            if why and top not in allowed_imports:
                return why
    if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Delete)):
        targets = node.targets if isinstance(node, (ast.Assign, ast.Delete)) else [node.target]
        for target in targets:
            if isinstance(target, (ast.Attribute, ast.Subscript)) and _root_name(target) in _MODULES:
                return f"changes {ast.unparse(target)} (patching a module or the builtins)"
            if isinstance(target, ast.Name) and (target.id in CHECK_NAMES or target.id == "CheckFailure"):
                return f"redefines the course's {target.id}"
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        if node.name in CHECK_NAMES or node.name == "CheckFailure":
            return f"redefines the course's {node.name}"
        if isinstance(node, ast.FunctionDef) and node.name in _DUNDERS:
            return f"defines {node.name} (an object that can fake comparisons or types)"
    if isinstance(node, ast.Call):
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
        if name in ("setattr", "delattr") and node.args and _root_name(node.args[0]) in _MODULES:
            return f"calls {name} on {ast.unparse(node.args[0])} (patching a module)"
        if name == "register" and isinstance(func, ast.Attribute) and "events" in ast.unparse(func.value):
            return "registers a cell-execution hook"
        if name in ("exec", "eval", "compile") and not (node.args and isinstance(node.args[0], ast.Constant)):
            return f"calls {name} on computed code"
        if name in ("exit", "quit") and isinstance(func, (ast.Name, ast.Attribute)):
            return "exits the kernel"
        why = _CALLS.get(name) if name else None
        if why and not (name == "kill" and not isinstance(func, ast.Attribute)):
            return why
    if isinstance(node, ast.Attribute) and node.attr in ("input_transformers_post", "ast_transformers",
                                                         "input_transformers_cleanup", "custom_exceptions",
                                                         "showtraceback", "__code__", "__globals__",
                                                         "__builtins__", "__subclasses__"):
        return f"touches {node.attr}"
    if isinstance(node, ast.Constant) and isinstance(node.value, str) and _SUSPECT_STRINGS.search(node.value):
        return f"mentions {_SUSPECT_STRINGS.search(node.value).group(0)!r} (reading the grader's files?)"
    return None
