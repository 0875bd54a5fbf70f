"""The one typed record of a submission's outcome, from the worker to grades.csv and the report."""
from __future__ import annotations

import unicodedata
from dataclasses import asdict, dataclass, field, fields

STATUSES = ("graded", "missing", "malformed", "wrong-chapter", "unknown-chapter", "error")


def clean_text(text, limit: int = 600) -> str:
    """Text from a submission made safe to print, store or put in a CSV/HTML cell: any
    characters that cannot be encoded become escapes, control characters become spaces."""
    text = str(text).encode("utf-8", "backslashreplace").decode("utf-8")
    text = "".join(" " if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") and ch not in "\n" else ch
                   for ch in text)
    return text[:limit]


@dataclass
class SubmissionResult:
    student_id: str
    chapter: str
    status: str                        # one of STATUSES
    autograded_score: float = 0.0
    autograded_max: float = 0.0
    written_max: float = 0.0
    message: str = ""
    seconds: float = 0.0               # wall time of autograding this submission
    failed_tests: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)   # reasons to review by hand (tampering)
    tests: dict = field(default_factory=dict)        # grade_id -> [score, max]
    failures: dict = field(default_factory=dict)     # grade_id -> the judge's message
    kernel: str = ""                   # ok | died | notebook-timeout | failed
    peak_memory_mb: float | None = None
    timeouts: list[str] = field(default_factory=list)
    timing: dict = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def __post_init__(self):
        if self.status not in STATUSES:
            raise ValueError(f"unknown status {self.status!r}")
        self.student_id = clean_text(self.student_id, 200)
        self.chapter = clean_text(self.chapter, 200)
        self.message = clean_text(self.message, 1000)
        self.flags = [clean_text(f, 400) for f in self.flags]

    def finish(self) -> None:
        """Derive the failed tests and the one-line message from the record."""
        self.flags = [clean_text(f, 400) for f in dict.fromkeys(self.flags)]
        self.failed_tests = sorted(name for name, (score, top) in self.tests.items() if score < top)
        notes = []
        if self.kernel == "died":
            notes.append("the kernel stopped before the end of the notebook (a crash, an exit or too much "
                         "memory); the tests after that scored 0")
        elif self.kernel == "notebook-timeout":
            notes.append("the notebook ran out of time; the tests after that scored 0")
        if self.timeouts:
            notes.append("a cell ran longer than the time limit and was interrupted (an infinite loop?): "
                         + ", ".join(self.timeouts))
        if self.failed_tests:
            notes.append("lost points on: " + ", ".join(self.failed_tests))
        notes += [n for n in self.notes if n.startswith(("feedback failed", "ignored extra files"))]
        self.message = clean_text("; ".join(notes), 1000)

    def line(self) -> str:
        head = f"{self.student_id}/{self.chapter}: {self.status}"
        if self.status == "graded":
            head += f" {self.autograded_score:g}/{self.autograded_max:g} autograded points"
            if self.written_max:
                head += f" (+{self.written_max:g} written, to grade by hand)"
        line = f"{head}{' — ' + self.message if self.message else ''}"
        if self.flags:
            line += f" [FLAGGED for review: {len(self.flags)} reason(s); first: {self.flags[0]}]"
        return clean_text(line, 2000).replace("\n", " ")

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, values: dict) -> "SubmissionResult":
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in values.items() if k in known})
