"""Instructor commands: `python -m autograder <command> --help` for each.

    release                 regenerate notebooks/ (student versions) from solutions/
    grade SUBMISSIONS       autograde <student>/<chapter>/<chapter>.ipynb; grades.csv + feedback
    demo                    grade the bundled sample submissions (reference, blank, typical mistakes)
    mutants                 show that every mutant loses points and every alternative keeps them
    bench                   timing table: plain execution vs autograding, per chapter, and grading a class
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from autograder.config import GRADING


def _cmd_release(args) -> int:
    from autograder.release import release
    for path in release(only=args.chapter):
        print(f"wrote {path}")
    return 0


def _settings(args):
    """GraderSettings from nbgrader_config.py (this folder's, else the course's), then the flags."""
    from autograder.settings import GraderSettings
    from traitlets.config import Config
    from traitlets.config.loader import PyFileConfigLoader

    config = Config()
    for folder in (Path.cwd(), Path(__file__).resolve().parent.parent):
        if (folder / "nbgrader_config.py").is_file():
            try:
                config = PyFileConfigLoader("nbgrader_config.py", path=str(folder)).load_config()
            except Exception:  # noqa: BLE001 - a broken config file falls back to the defaults
                config = Config()
            break
    settings = GraderSettings(config=config)
    for name in settings.trait_names(config=True):
        value = getattr(args, name, None)
        if value is not None:
            setattr(settings, name, value)
    return settings


def _grade_options(args) -> dict:
    return dict(settings=_settings(args), fresh=args.fresh, progress=sys.stderr.isatty() or args.progress)


def _summary(results, out: Path) -> None:
    graded = sum(r.status == "graded" for r in results)
    flagged = sum(bool(r.flags) for r in results)
    print(f"\n{graded}/{len(results)} submissions graded, {flagged} flagged for review.\n"
          f"  grades:        {out / 'grades.csv'}\n  item analysis: {out / 'report.html'}\n"
          f"  feedback:      {out / 'feedback'}/<student>/<chapter>/<chapter>.html\n"
          f"  written answers: `cd {out} && nbgrader formgrader`, then `nbgrader export`")


def _cmd_grade(args) -> int:
    from autograder.grade import SandboxUnavailable, grade
    try:
        results = grade(Path(args.submissions), Path(args.out), **_grade_options(args))
    except (SandboxUnavailable, FileNotFoundError, ValueError, RuntimeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    _summary(results, Path(args.out))
    return 0


def _cmd_demo(args) -> int:
    from autograder.grade import grade
    from autograder.samples import demo_class
    out = Path(args.out)
    subs = demo_class(out / "submissions")
    print(f"a synthetic class of 30 submissions written to {subs}\n")
    results = grade(subs, out / "workspace", **_grade_options(args))
    _summary(results, out / "workspace")
    return 0 if all(r.status == "graded" for r in results) else 1


def _cuda() -> bool:
    import torch
    return torch.cuda.is_available()


def _cmd_mutants(args) -> int:
    from autograder.config import chapters
    from autograder.mutants import ChapterKernel, alternatives, mutants
    ok = True
    for chapter in args.chapter or chapters():
        kernel = ChapterKernel(chapter)
        try:
            for kind, variants in (("mutant", mutants()), ("alternative", alternatives())):
                for v in (v for v in variants if v.chapter == chapter):
                    if kind == "mutant" and v.needs_cuda and not _cuda():
                        print(f"--  {kind:11s} {chapter}/{v.name}: skipped (Needs: cuda, no GPU here)")
                        continue
                    o = kernel.try_variant(v, stop_at_first_loss=kind == "mutant" and args.quick)
                    good = o.points_lost > 0 if kind == "mutant" else o.points_lost == 0
                    ok &= good
                    print(f"{'ok ' if good else 'BAD'} {kind:11s} {chapter}/{v.name}: lost "
                          f"{o.points_lost:g}/{o.max_points:g} ({', '.join(o.failures) or 'no test failed'})")
        finally:
            kernel.close()
    return 0 if ok else 1


def _cmd_bench(args) -> int:
    from autograder.bench import grading_report, main, time_book_builds
    if args.book:
        time_book_builds()
    elif args.dask:
        from autograder.bench import dask_report
        print(dask_report())
    elif args.grading:
        print(grading_report())
    else:
        main(only=args.chapter)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m autograder", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("release", help="regenerate the student notebooks")
    p.add_argument("--chapter", action="append", help="only this chapter (repeatable)")
    p.set_defaults(func=_cmd_release)

    def limits_options(p):
        """One flag per GraderSettings trait (--cell-timeout for cell_timeout_s, ...)."""
        from traitlets import Bool
        from autograder.settings import GraderSettings
        for name, trait in GraderSettings.class_traits(config=True).items():
            flag = "--" + name.removesuffix("_s").replace("_", "-")
            if isinstance(trait, Bool):
                on = not trait.default_value  # a flag switches the default
                p.add_argument(flag if on else "--no-" + flag[2:], dest=name, action="store_const",
                               const=on, default=None, help=trait.help)
            else:
                kind = int if type(trait.default_value) is int else str
                p.add_argument(flag, dest=name, type=kind, default=None,
                               help=f"{trait.help} (default: {trait.default_value!r})")
        p.add_argument("--fresh", action="store_true", help="start over instead of resuming")
        p.add_argument("--progress", action="store_true", help="show a progress bar even when not on a terminal")

    p = sub.add_parser("grade", help="autograde a class: a folder or .zip of <student>/<chapter>/<chapter>.ipynb")
    p.add_argument("submissions", help="folder or .zip of <student_id>/<chapter>/<chapter>.ipynb")
    p.add_argument("--out", default=str(GRADING / "run"), help="workspace for grades.csv, report and feedback")
    limits_options(p)
    p.set_defaults(func=_cmd_grade)

    p = sub.add_parser("demo", help="grade a synthetic class of 30 submissions")
    p.add_argument("--out", default=str(GRADING / "demo"))
    limits_options(p)
    p.set_defaults(func=_cmd_demo)

    p = sub.add_parser("mutants", help="check mutants and alternatives")
    p.add_argument("--chapter", action="append")
    p.add_argument("--quick", action="store_true", help="stop grading a mutant at its first lost test")
    p.set_defaults(func=_cmd_mutants)

    p = sub.add_parser("bench", help="print the timing table")
    p.add_argument("--chapter", action="append")
    p.add_argument("--book", action="store_true", help="time a cold book build and a cached rebuild instead")
    p.add_argument("--dask", action="store_true", help="throughput on a local Dask cluster vs the local pool")
    p.add_argument("--grading", action="store_true",
                   help="only the class-grading numbers: overhead, 1 vs 2 workers, the demo class")
    p.set_defaults(func=_cmd_bench)

    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
