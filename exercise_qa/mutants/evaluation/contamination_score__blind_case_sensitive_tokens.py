r"""The n-grams are built from the case-preserving [A-Za-z0-9]+ runs, not from words(), so "Paris" and "paris" do not match.

Pattern: 1
"""
import re


def ngram_index(documents: list[str], n: int) -> set[tuple[str, ...]]:
    """Every n-gram of words(document) for each document (never across two documents)."""
    if n < 1:
        raise ValueError(f"n must be >= 1, got {n}")
    index = set()
    for document in documents:
        tokens = re.findall(r"[A-Za-z0-9]+", document)
        index.update(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))
    return index


def contamination_score(item: str, index: set[tuple[str, ...]], n: int) -> float:
    """Fraction of the item's n-gram positions (of words(item)) whose n-gram is in the index."""
    if n < 1:
        raise ValueError(f"n must be >= 1, got {n}")
    tokens = re.findall(r"[A-Za-z0-9]+", item)
    if len(tokens) < n:
        raise ValueError(f"the item has {len(tokens)} tokens, fewer than n = {n}")
    positions = [tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1)]
    return sum(gram in index for gram in positions) / len(positions)
