"""Looks pieces up in the notebook's global toy_vocab (left over from debugging against the visible test) instead of the vocab argument.
Pattern: 4

Works only because the visible test happens to pass toy_vocab itself; with the real BERT
vocabulary almost every word becomes [UNK].
"""


def wordpiece_tokenize(word: str, vocab: set[str], unk_token: str = "[UNK]",
                       max_input_chars_per_word: int = 100) -> list[str]:
    if len(word) > max_input_chars_per_word:
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
            if piece in toy_vocab:
                match = piece
                break
            end -= 1
        if match is None:
            return [unk_token]
        pieces.append(match)
        start = end
    return pieces
