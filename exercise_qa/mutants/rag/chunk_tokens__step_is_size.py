"""Advances the window by size instead of size - overlap, so consecutive chunks share nothing."""


def chunk_tokens(tokens, size, overlap):
    if size < 1 or not 0 <= overlap < size:
        raise ValueError("need size >= 1 and 0 <= overlap < size")
    return [list(tokens[s:s + size]) for s in range(0, len(tokens), size)]
