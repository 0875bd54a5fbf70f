"""Treats 1F1B as a reordering that changes nothing: runs the GPipe program, so every stage holds m activations."""
_reference_pipeline_schedule = pipeline_schedule  # noqa: F821


def pipeline_schedule(n_stages, n_micro, schedule="gpipe"):
    return _reference_pipeline_schedule(n_stages, n_micro, "gpipe")
