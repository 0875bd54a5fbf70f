"""Instructor tooling: release student notebooks, grade submissions, check mutants, benchmark."""
