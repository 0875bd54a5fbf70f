"""Replace the source of one cell of a source notebook, by grade_id (a maintainer's tool).

    python tools/set_cell.py solutions/<chapter>/<chapter>.ipynb <grade_id> <file with the new source>
"""
import json
import sys
from pathlib import Path

path, grade_id, source_file = sys.argv[1:4]
nb = json.loads(Path(path).read_text())
cells = [c for c in nb["cells"] if c.get("metadata", {}).get("nbgrader", {}).get("grade_id") == grade_id]
if len(cells) != 1:
    sys.exit(f"{path}: {len(cells)} cells with grade_id {grade_id!r}")
text = Path(source_file).read_text().rstrip("\n")
lines = text.split("\n")
cells[0]["source"] = [line + "\n" for line in lines[:-1]] + [lines[-1]]
Path(path).write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n")
print(f"{path}: {grade_id} replaced ({len(lines)} lines)")
