"""The grader's one configuration object.

Every option is a traitlets trait, so it can be set in `nbgrader_config.py` beside nbgrader's
own options (``c.GraderSettings.memory_mb = 4096``) or on the command line
(``python -m autograder grade ... --memory-mb 4096``). It travels to the worker processes as
one JSON object and back into this class, nowhere else.
"""
from __future__ import annotations

from traitlets import Bool, Integer, Unicode
from traitlets.config import Configurable


class GraderSettings(Configurable):
    """Limits and switches for grading one class."""

    cell_timeout_s = Integer(120, help="wall clock per cell; the cell is interrupted").tag(config=True)
    notebook_timeout_s = Integer(600, help="wall clock per submission; the kernel is stopped").tag(config=True)
    memory_mb = Integer(6144, help="memory of the whole sandbox (all its processes and its "
                                   "in-memory folders), and address space per process").tag(config=True)
    max_processes = Integer(64, help="processes and threads of one sandbox").tag(config=True)
    max_file_mb = Integer(64, help="largest file the submission may write").tag(config=True)
    tmpfs_mb = Integer(256, help="size of the sandbox's writable folders (/tmp and the "
                                 "working folder), each").tag(config=True)
    max_output_kb = Integer(512, help="notebook output kept per cell; the rest is dropped").tag(config=True)
    max_observation_mb = Integer(32, help="largest observation one hidden test may send").tag(config=True)
    cpu_threads = Integer(1, help="OMP/MKL/torch threads per kernel").tag(config=True)
    workers = Integer(0, help="parallel submissions (0: one per CPU core)").tag(config=True)
    gpu = Bool(False, help="bind the GPU's device nodes (/dev/nvidia*) into the sandbox").tag(config=True)
    unsafe_no_sandbox = Bool(False, help="grade without a sandbox (trusted submissions only)").tag(config=True)
    feedback = Bool(True, help="write per-student feedback").tag(config=True)
    scheduler = Unicode("", help="a Dask scheduler (tcp://HOST:8786) to grade on; default: this "
                                 "machine, with no Dask process started").tag(config=True)
    seed = Unicode("", help="the run's seed for hidden-test inputs (default: random, kept in "
                            "the workspace so a resumed run uses the same)").tag(config=True)

    @property
    def cpu_seconds(self) -> int:
        return self.notebook_timeout_s * 2

    def to_dict(self) -> dict:
        return {name: getattr(self, name) for name in self.trait_names(config=True)}

    @classmethod
    def from_dict(cls, values: dict) -> "GraderSettings":
        return cls(**values)
