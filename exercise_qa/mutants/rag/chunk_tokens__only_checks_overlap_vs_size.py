"""Validation only rejects overlap >= size: a negative overlap (gaps between windows) or size 0 is accepted silently.

Pattern: 2
The docstring promises ValueError "if size < 1 or overlap is not in [0, size)". With overlap = -2
the windows skip tokens; with size = 0 and overlap = -1 the result is a list of empty chunks.
"""


def chunk_tokens(tokens: list, size: int, overlap: int) -> list[list]:
    if overlap >= size:
        raise ValueError("overlap must be smaller than size")
    step = size - overlap
    chunks = []
    for start in range(0, len(tokens), step):
        chunks.append(list(tokens[start:start + size]))
        if start + size >= len(tokens):
            break
    return chunks
