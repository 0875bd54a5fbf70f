"""Drops the final partial chunk: only full windows are emitted, so the tail of the text is lost."""


def chunk_tokens(tokens, size, overlap):
    if size < 1 or not 0 <= overlap < size:
        raise ValueError("need size >= 1 and 0 <= overlap < size")
    step = size - overlap
    return [list(tokens[s:s + size]) for s in range(0, len(tokens) - size + 1, step)]
