"""Small Sphinx additions for the course book.

- Offline math: MathJax 3 is served from the build (`_static/mathjax`, copied from the
  `sphinx-mathjax-offline` distribution) instead of a CDN, so formulas render on an offline
  course server.
- sphinx-thebe registers its inline configuration script again on incremental builds, which
  makes browsers report "Identifier 'THEBE_JS_URL' has already been declared"; repeated
  scripts are dropped from each page.
"""
from importlib.metadata import distribution
from pathlib import Path

from sphinx.util.fileutil import copy_asset

MATHJAX_ENTRY = "mathjax/tex-chtml.js"


def _mathjax_source() -> Path:
    return Path(distribution("sphinx-mathjax-offline").locate_file("sphinx-mathjax-offline/static/mathjax"))


def _configure(app, config):
    config.mathjax_path = MATHJAX_ENTRY
    # sphinx-book-theme leaves pydata's colour-mode default empty, which its JS reports as a
    # console error ("Got invalid theme mode"); give it a valid one.
    config.html_context.setdefault("default_mode", "light")


def _copy_mathjax(app, exc):
    if exc is None and app.builder.format == "html":
        copy_asset(str(_mathjax_source()), str(Path(app.outdir) / "_static" / "mathjax"))


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


def setup(app):
    if not _mathjax_source().is_dir():
        raise RuntimeError("sphinx-mathjax-offline is not installed: run `make install`")
    app.connect("config-inited", _configure)
    app.connect("build-finished", _copy_mathjax)
    app.connect("html-page-context", _dedupe_scripts, priority=900)  # after the themes add theirs
    return {"parallel_read_safe": True, "parallel_write_safe": True}
