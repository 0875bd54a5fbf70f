"""The other half of the chapters' mutants and alternatives (see test_mutants.py)."""
from test_mutants import (_close_kernels, pytest_generate_tests, test_alternative_keeps_full_marks,  # noqa: F401
                          test_every_exercise_has_two_mutants_and_every_chapter_an_alternative,
                          test_mutant_loses_points, test_reference_and_alternatives_pass_under_other_seeds)

SHARE = 1
