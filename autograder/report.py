"""Item analysis for a graded class: one self-contained HTML page (plots embedded as PNG).

    workspace/report.html
      - score distribution per chapter (histogram of autograded percentages)
      - pass rate of every test, per chapter (bar chart and table)
      - the most common failures, named by the misconception the failing check detected
      - submissions flagged for manual review, and ones that could not be graded
"""
from __future__ import annotations

import base64
import html
import io
import re
from collections import Counter, defaultdict
from pathlib import Path

_MISCONCEPTION = re.compile(r"misconception: your result is exactly what you get when (.+?)\.(?:\s|$)")


def misconception(failure: str) -> str:
    """The misconception a failure message names, else its error class and first words."""
    found = _MISCONCEPTION.search(failure or "")
    if found:
        return found.group(1)
    head = (failure or "").split("\n")[0]
    return head[:90] + ("…" if len(head) > 90 else "")


def _png(fig) -> str:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=90, bbox_inches="tight")
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode()


def write_report(workspace: Path, results) -> Path:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    by_chapter = defaultdict(list)
    for r in results:
        by_chapter[r.chapter].append(r)
    parts = ["<!doctype html><html><head><meta charset='utf-8'><title>Item analysis</title><style>"
             "body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em}"
             "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.25em .5em;"
             "text-align:left;font-size:.9em}th{background:#f3f3f3}.low{color:#b00}</style></head><body>",
             "<h1>Item analysis</h1>",
             f"<p>{sum(r.status == 'graded' for r in results)} of {len(results)} submissions graded; "
             f"{sum(bool(r.flags) for r in results)} flagged for review.</p>"]
    for chapter in sorted(c for c in by_chapter if c != "-"):
        rows = [r for r in by_chapter[chapter] if r.status == "graded" and r.autograded_max]
        parts.append(f"<h2>{html.escape(chapter)}</h2>")
        if not rows:
            parts.append("<p>No graded submissions.</p>")
            continue
        pct = [100 * r.autograded_score / r.autograded_max for r in rows]
        fig, axes = plt.subplots(1, 2, figsize=(11, 3.2), gridspec_kw={"width_ratios": [1, 2]})
        axes[0].hist(pct, bins=[0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100.001], color="#4477aa",
                     edgecolor="white")
        axes[0].set(title=f"score distribution (n={len(rows)})", xlabel="autograded score (%)",
                    ylabel="submissions")
        tests = sorted({t for r in rows for t in r.tests})
        rate = {t: sum(r.tests.get(t, [0, 1])[0] >= r.tests.get(t, [0, 1])[1] for r in rows) / len(rows)
                for t in tests}
        order = sorted(tests, key=lambda t: rate[t])
        axes[1].barh(range(len(order)), [100 * rate[t] for t in order], color="#66aa55")
        axes[1].set_yticks(range(len(order)), order, fontsize=6)
        axes[1].set(title="pass rate per test", xlabel="% of submissions passing", xlim=(0, 100))
        fig.tight_layout()
        parts.append(f"<h3>Score distribution and pass rate per test</h3><img alt='{html.escape(chapter)}: "
                     f"score distribution and pass rate per test' src='{_png(fig)}' style='max-width:100%'>")
        plt.close(fig)
        mean = sum(pct) / len(pct)
        parts.append(f"<p>Mean {mean:.1f}%, median {sorted(pct)[len(pct) // 2]:.1f}%.</p>")
        parts.append("<table><tr><th>test</th><th>pass rate</th></tr>" + "".join(
            f"<tr><td>{html.escape(t)}</td><td class='{'low' if rate[t] < .5 else ''}'>{100 * rate[t]:.0f}%</td></tr>"
            for t in order) + "</table>")
        common = Counter((t, misconception(msg)) for r in rows for t, msg in r.failures.items())
        parts.append("<h3>Most common failures</h3><table><tr><th>test</th><th>misconception or error</th>"
                     "<th>submissions</th></tr>" + "".join(
                         f"<tr><td>{html.escape(t)}</td><td>{html.escape(m)}</td><td>{n}</td></tr>"
                         for (t, m), n in common.most_common(15)) + "</table>")
    flagged = [r for r in results if r.flags]
    parts.append("<h2>Flagged for manual review</h2>")
    parts.append("<p>None.</p>" if not flagged else "<table><tr><th>student</th><th>chapter</th><th>reasons</th></tr>"
                 + "".join(f"<tr><td>{html.escape(r.student_id)}</td><td>{html.escape(r.chapter)}</td><td>"
                           + "<br>".join(html.escape(f) for f in r.flags[:8]) + "</td></tr>" for r in flagged)
                 + "</table>")
    problems = [r for r in results if r.status != "graded"]
    parts.append("<h2>Not graded</h2>")
    parts.append("<p>None.</p>" if not problems else "<table><tr><th>student</th><th>chapter</th><th>status</th>"
                 "<th>why</th></tr>" + "".join(
                     f"<tr><td>{html.escape(r.student_id)}</td><td>{html.escape(r.chapter)}</td>"
                     f"<td>{html.escape(r.status)}</td><td>{html.escape(r.message)}</td></tr>" for r in problems)
                 + "</table>")
    parts.append("</body></html>")
    path = Path(workspace) / "report.html"
    path.write_text("\n".join(parts), encoding="utf-8")
    return path
