"""The S-curve with bands and rows swapped: 1 - (1 - s**bands)**rows.

Pattern: 3
"""


def lsh_candidate_probability(s, bands, rows):
    return float(1.0 - (1.0 - s ** bands) ** rows)
