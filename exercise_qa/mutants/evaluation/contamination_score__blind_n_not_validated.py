r"""ngram_index and contamination_score do not reject n < 1: n = 0 indexes the empty tuple and scores every item 1.0 instead of raising ValueError.

Pattern: 2
"""
def ngram_index(documents: list[str], n: int) -> set[tuple[str, ...]]:
    """Every n-gram of words(document) for each document (never across two documents)."""
    index = set()
    for document in documents:
        tokens = words(document)
        index.update(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))
    return index


def contamination_score(item: str, index: set[tuple[str, ...]], n: int) -> float:
    """Fraction of the item's n-gram positions (of words(item)) whose n-gram is in the index."""
    tokens = words(item)
    if len(tokens) < n:
        raise ValueError(f"the item has {len(tokens)} tokens, fewer than n = {n}")
    positions = [tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1)]
    return sum(gram in index for gram in positions) / len(positions)
