r"""contamination_score counts the item's distinct n-grams (a set) instead of its n-gram positions, so a repeated n-gram counts once.

Pattern: 1
"""
def ngram_index(documents: list[str], n: int) -> set[tuple[str, ...]]:
    """Every n-gram of words(document) for each document (never across two documents)."""
    if n < 1:
        raise ValueError(f"n must be >= 1, got {n}")
    index = set()
    for document in documents:
        tokens = words(document)
        index.update(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))
    return index


def contamination_score(item: str, index: set[tuple[str, ...]], n: int) -> float:
    """Fraction of the item's n-gram positions (of words(item)) whose n-gram is in the index."""
    if n < 1:
        raise ValueError(f"n must be >= 1, got {n}")
    tokens = words(item)
    if len(tokens) < n:
        raise ValueError(f"the item has {len(tokens)} tokens, fewer than n = {n}")
    positions = list({tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1)})
    return sum(gram in index for gram in positions) / len(positions)
