"""Instructor commands: `python -m autograder <command> --help` for each.

    release                 regenerate notebooks/ (student versions) from solutions/
    grade SUBMISSIONS       autograde <student>/<chapter>/<chapter>.ipynb; grades.csv + feedback
    demo                    grade the bundled sample submissions (reference, blank, typical mistakes)
    mutants                 show that every mutant loses points and every alternative keeps them
    bench                   timing table: plain execution vs autograding, per chapter
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from autograder.config import CELL_TIMEOUT_S, GRADING


def _cmd_release(args) -> int:
    from autograder.release import release
    for path in release(only=args.chapter):
        print(f"wrote {path}")
    return 0


def _cmd_grade(args) -> int:
    from autograder.grade import grade
    results = grade(Path(args.submissions), Path(args.out), cell_timeout=args.cell_timeout)
    graded = sum(r.status == "graded" for r in results)
    print(f"\n{graded}/{len(results)} submissions graded; grades: {Path(args.out) / 'grades.csv'}; "
          f"feedback: {Path(args.out) / 'feedback'}/<student>/<chapter>/<chapter>.html")
    return 0


def _cmd_demo(args) -> int:
    from autograder.grade import grade
    from autograder.samples import write_samples
    out = Path(args.out)
    subs = write_samples(out / "submissions", only=args.chapter)
    print(f"sample submissions written to {subs}\n")
    results = grade(subs, out / "workspace", cell_timeout=args.cell_timeout)
    print(f"\ngrades: {out / 'workspace' / 'grades.csv'}")
    return 0 if all(r.status == "graded" for r in results) else 1


def _cmd_mutants(args) -> int:
    from autograder.config import chapters
    from autograder.mutants import ChapterKernel, alternatives, mutants
    ok = True
    for chapter in args.chapter or chapters():
        kernel = ChapterKernel(chapter)
        try:
            for kind, variants in (("mutant", mutants()), ("alternative", alternatives())):
                for v in (v for v in variants if v.chapter == chapter):
                    o = kernel.try_variant(v)
                    good = o.points_lost > 0 if kind == "mutant" else o.points_lost == 0
                    ok &= good
                    print(f"{'ok ' if good else 'BAD'} {kind:11s} {chapter}/{v.name}: lost "
                          f"{o.points_lost:g}/{o.max_points:g} ({', '.join(o.failures) or 'no test failed'})")
        finally:
            kernel.close()
    return 0 if ok else 1


def _cmd_bench(args) -> int:
    from autograder.bench import main, time_book_builds
    if args.book:
        time_book_builds()
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

    p = sub.add_parser("grade", help="autograde a folder of submissions")
    p.add_argument("submissions", help="folder of <student_id>/<chapter>/<chapter>.ipynb")
    p.add_argument("--out", default=str(GRADING / "run"), help="workspace for grades.csv and feedback")
    p.add_argument("--cell-timeout", type=int, default=CELL_TIMEOUT_S, help="seconds per cell")
    p.set_defaults(func=_cmd_grade)

    p = sub.add_parser("demo", help="grade the sample submissions")
    p.add_argument("--out", default=str(GRADING / "demo"))
    p.add_argument("--chapter", action="append")
    p.add_argument("--cell-timeout", type=int, default=CELL_TIMEOUT_S)
    p.set_defaults(func=_cmd_demo)

    p = sub.add_parser("mutants", help="check mutants and alternatives")
    p.add_argument("--chapter", action="append")
    p.set_defaults(func=_cmd_mutants)

    p = sub.add_parser("bench", help="print the timing table")
    p.add_argument("--chapter", action="append")
    p.add_argument("--book", action="store_true", help="time a cold book build and a cached rebuild instead")
    p.set_defaults(func=_cmd_bench)

    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
