"""Small Sphinx additions for the course book.

(Offline math is the `sphinx-mathjax-offline` extension's, enabled in _config.yml.)

- sphinx-thebe registers its inline configuration script again on incremental builds, which
  makes browsers report "Identifier 'THEBE_JS_URL' has already been declared"; repeated
  scripts are dropped from each page.
"""


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


def setup(app):
    app.connect("config-inited", _configure)
    app.connect("html-page-context", _dedupe_scripts, priority=900)  # after the themes add theirs
    return {"parallel_read_safe": True, "parallel_write_safe": True}
