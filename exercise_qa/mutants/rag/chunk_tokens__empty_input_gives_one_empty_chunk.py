"""Do-while loop emits the first window before checking the length: an empty input gives [[]] instead of [].

Pattern: 1
"""


def chunk_tokens(tokens: list, size: int, overlap: int) -> list[list]:
    if size < 1 or not 0 <= overlap < size:
        raise ValueError("need size >= 1 and 0 <= overlap < size")
    step = size - overlap
    chunks, start = [], 0
    while True:
        chunks.append(list(tokens[start:start + size]))
        if start + size >= len(tokens):
            return chunks
        start += step
