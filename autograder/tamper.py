"""A static scan of the code in a submission: evidence for the instructor, never a score.

Scores are decided by the judge, outside the student's process (see `llmcourse.judging` and
`autograder.worker`). Anything inside that process can be undone by the student's code, so the
scan only *flags* a submission for review: code that has no business in an exercise (patching
modules or builtins, exception or trace hooks, input transformers, exiting the kernel, reading
the grader's files). It reads every code cell, whatever its metadata, and the code inside
`exec`/`eval`/`compile` of constant strings.
"""
from __future__ import annotations

import ast
import re

CHECK_NAMES = ("check_close", "check_equal", "check_shape", "check_type", "check_true", "check_dtype",
               "check_raised", "hidden_test", "student", "raised")


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
_SUSPECT_STRINGS = re.compile(r"gradebook|solutions/|BEGIN HIDDEN|nbgrader|/proc/|\.\./|llmcourse\.observation|LLMCOURSE_GRADING", re.I)


def scan(cells: list[tuple[str, str]], allowed_imports: set[str] = frozenset(),
         forbidden_libraries: set[str] = frozenset()) -> list[str]:
    """Reasons to review the code of [(label, source)] (answer cells and added cells).

    ``forbidden_libraries``: top-level modules the notebook's rules say answers must not call
    (``sklearn`` in the evaluation notebook, say): importing one is flagged, so the instructor can
    look at a score that a library, not the student, may have earned."""
    reasons: list[str] = []
    for label, source in cells:
        try:
            tree = ast.parse(_strip_magics(source))
        except SyntaxError:
            continue  # it will fail its tests on its own
        reasons += [f"{label}: {why}" for why in _forbidden_imports(tree, forbidden_libraries)]
        modules = set(_MODULES)
        for node in ast.walk(tree):  # names bound to modules: patching them is patching a module
            if isinstance(node, ast.Import):
                modules.update(a.asname or a.name.split(".")[0] for a in node.names)
            elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in _MODULES:
                modules.update(a.asname or a.name for a in node.names)
        context = (allowed_imports, frozenset(modules))
        reasons += [f"{label}: {why}" for why in _scan_tree(tree, context, depth=0)]
    return list(dict.fromkeys(reasons))


def _forbidden_imports(tree, forbidden: set[str], depth: int = 0) -> list[str]:
    found = []
    if not forbidden:
        return found
    for node in ast.walk(tree):
        inner = _constant_code(node)             # exec("import sklearn") counts too, as in _scan_tree
        if inner is not None and depth < 5:
            try:
                found += _forbidden_imports(ast.parse(inner), forbidden, depth + 1)
            except (SyntaxError, ValueError):
                pass
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and not node.level:
            names = [node.module or ""]
        elif (isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None))
              in ("__import__", "import_module") and node.args and isinstance(node.args[0], ast.Constant)):
            names = [str(node.args[0].value)]
        for name in names:
            if name.split(".")[0] in forbidden:
                found.append(f"imports {name}, which this notebook's rules forbid in answers "
                             "(a library may have earned these points)")
    return found


def _scan_tree(tree, allowed_imports, depth: int) -> list[str]:
    found = []
    for node in ast.walk(tree):
        why = _scan_node(node, allowed_imports)
        if why:
            found.append(why)
        inner = _constant_code(node)
        if inner is not None and depth < 5:
            try:
                sub = ast.parse(inner)
            except (SyntaxError, ValueError):
                continue
            found += [f"in {_call_name(node)} of a string: {why}" for why in _scan_tree(sub, allowed_imports, depth + 1)]
    return found


def _call_name(node) -> str:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "?")


def _constant_code(node) -> str | None:
    """The source text given to exec/eval/compile as a constant string (or bytes)."""
    if isinstance(node, ast.Call) and _call_name(node) in ("exec", "eval", "compile", "run_cell") and node.args:
        arg = node.args[0]
        if isinstance(arg, ast.Constant) and isinstance(arg.value, (str, bytes)):
            value = arg.value
            return value.decode("utf-8", "replace") if isinstance(value, bytes) else value
    return None


def _strip_magics(source: str) -> str:
    return "\n".join("" if line.lstrip().startswith(("%", "!")) else line for line in source.splitlines())


def _root_name(node) -> str | None:
    while isinstance(node, (ast.Attribute, ast.Subscript)):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def _scan_node(node, allowed_imports) -> str | None:
    allowed_imports, modules = allowed_imports if isinstance(allowed_imports, tuple) else (allowed_imports, _MODULES)
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
            if isinstance(target, (ast.Attribute, ast.Subscript)) and _root_name(target) in modules:
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
        if name in ("__import__", "import_module") and node.args and isinstance(node.args[0], ast.Constant):
            top = str(node.args[0].value).split(".")[0]
            why = _IMPORTS.get(top)
            if why and top not in allowed_imports:
                return why
            if name == "__import__":
                return "imports a module through __import__"
        if name in ("setattr", "delattr") and node.args and _root_name(node.args[0]) in modules:
            return f"calls {name} on {ast.unparse(node.args[0])} (patching a module)"
        if name == "register" and isinstance(func, ast.Attribute) and "events" in ast.unparse(func.value):
            return "registers a cell-execution hook"
        if name in ("exec", "eval", "compile") and not (node.args and isinstance(node.args[0], ast.Constant)):
            return f"calls {name} on computed code"
        if name == "publish_display_data":
            return "publishes display data itself (the grader's observation channel)"
        if name in ("exit", "quit") and isinstance(func, (ast.Name, ast.Attribute)):
            return "exits the kernel"
        why = _CALLS.get(name) if name else None
        if why and not (name == "kill" and not isinstance(func, ast.Attribute)):
            return why
    if isinstance(node, ast.Attribute) and node.attr in ("input_transformers_post", "ast_transformers",
                                                         "input_transformers_cleanup", "custom_exceptions", "display_pub",
                                                         "input_transformer_manager", "displayhook", "display_formatter",
                                                         "_getframe", "f_locals", "f_back", "f_globals", "gi_frame",
                                                         "showtraceback", "__code__", "__globals__",
                                                         "__builtins__", "__subclasses__"):
        return f"touches {node.attr}"
    if isinstance(node, ast.Constant) and isinstance(node.value, str) and _SUSPECT_STRINGS.search(node.value):
        return f"mentions {_SUSPECT_STRINGS.search(node.value).group(0)!r} (reading the grader's files?)"
    return None
