"""Length limit tested with >= instead of >: a word of exactly max_input_chars_per_word characters becomes [UNK] although BERT still encodes it.
Pattern: 1

Boundary size n: words of length n - 1 and n + 1 behave correctly, length n does not.
"""


def wordpiece_tokenize(word: str, vocab: set[str], unk_token: str = "[UNK]",
                       max_input_chars_per_word: int = 100) -> list[str]:
    if len(word) >= max_input_chars_per_word:
        return [unk_token]
    pieces = []
    start = 0
    while start < len(word):
        end = len(word)
        match = None
        while start < end:
            piece = word[start:end]
            if start > 0:
                piece = "##" + piece
            if piece in vocab:
                match = piece
                break
            end -= 1
        if match is None:
            return [unk_token]
        pieces.append(match)
        start = end
    return pieces
