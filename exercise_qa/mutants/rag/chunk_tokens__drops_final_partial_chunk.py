"""Windows only start where a full window fits, range(0, n - size + 1, step): a shorter final chunk is never emitted.

Pattern: 1
The "advanced chunker" bug from the markdown. When the windows happen to tile the input exactly
(10 tokens, size 4, overlap 1) nothing is lost; with 11 tokens the last token disappears, and an
input shorter than size gives no chunk at all.
"""


def chunk_tokens(tokens: list, size: int, overlap: int) -> list[list]:
    if size < 1 or not 0 <= overlap < size:
        raise ValueError("need size >= 1 and 0 <= overlap < size")
    step = size - overlap
    return [list(tokens[s:s + size]) for s in range(0, len(tokens) - size + 1, step)]
