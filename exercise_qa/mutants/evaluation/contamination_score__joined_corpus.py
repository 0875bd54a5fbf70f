"""The documents are joined into one stream before taking n-grams, creating n-grams across document boundaries.

Pattern: 1
"""


def ngram_index(documents, n):
    if n < 1:
        raise ValueError("n < 1")
    tokens = words(" ".join(documents))
    return {tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1)}
