"""pytest at the repository root (tests/ and the nbval run over solutions/): the source notebooks'
hidden tests judge their own observations (see llmcourse/judging.py, "self-check")."""
import os

os.environ["LLMCOURSE_GRADING"] = "self-check"

