"""Feedback that students may see: scores and check messages, never the hidden tests.

nbgrader's autograded notebooks contain the hidden tests' source (they are re-inserted to
grade), and IPython tracebacks quote the lines around a failure. This preprocessor removes
the hidden regions and reduces every error to its one-line message, which the course's
checks write for students ("expected ..., got ..., which suggests ...").
"""
from nbconvert.preprocessors import Preprocessor
from traitlets import Bool

from autograder.notebooks import strip_markers

HIDDEN_NOTE = "# (hidden tests: their code is not shown in feedback)"


class StudentSafeFeedback(Preprocessor):
    enabled = Bool(True)  # nbconvert preprocessors are off unless enabled

    def preprocess_cell(self, cell, resources, index):
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if cell.cell_type == "code" and meta.get("grade") and not meta.get("solution"):
            cell.source = _without_hidden(cell.source)
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                output["traceback"] = [f"{output.get('ename', 'Error')}: {output.get('evalue', '')}"]
        return cell, resources


def _without_hidden(source: str) -> str:
    kept, hidden = [], False
    for line in source.split("\n"):
        if "BEGIN HIDDEN TESTS" in line:
            hidden = True
            kept.append(HIDDEN_NOTE)
        elif "END HIDDEN TESTS" in line:
            hidden = False
        elif not hidden:
            kept.append(line)
    return strip_markers("\n".join(kept))
