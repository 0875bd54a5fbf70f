"""Small Sphinx additions for the course book.

(Offline math is the `sphinx-mathjax-offline` extension's, enabled in _config.yml.)

- sphinx-thebe registers its inline configuration script again on incremental builds, which
  makes browsers report "Identifier 'THEBE_JS_URL' has already been declared"; repeated
  scripts are dropped from each page.
- The course's helper package is built as a wheel into the site's _static/ folder
  (_build/html/_static/llmcourse-<version>-py3-none-any.whl), so wherever the book is hosted
  the exercise notebooks can install it from there (autograder/launch.py).
"""
from pathlib import Path

from sphinx.util import logging

logger = logging.getLogger(__name__)


def _configure(app, config):
    # sphinx-book-theme leaves pydata's colour-mode default empty, which its JS reports as a
    # console error ("Got invalid theme mode"); give it a valid one.
    config.html_context.setdefault("default_mode", "light")


def _dedupe_scripts(app, pagename, templatename, context, doctree):
    scripts = context.get("script_files")
    if not scripts:
        return
    seen, unique = set(), []
    for script in scripts:
        key = (getattr(script, "filename", None) or "",
               tuple(sorted((k, str(v)) for k, v in getattr(script, "attributes", {}).items())))
        if key not in seen:
            seen.add(key)
            unique.append(script)
    context["script_files"] = unique


def _publish_wheel(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    from autograder.launch import build_wheel

    wheel = build_wheel(Path(app.outdir) / "_static")
    logger.info(f"llmcourse wheel: {wheel}")


def setup(app):
    app.connect("config-inited", _configure)
    app.connect("build-finished", _publish_wheel)
    app.connect("html-page-context", _dedupe_scripts, priority=900)  # after the themes add theirs
    return {"parallel_read_safe": True, "parallel_write_safe": True}
