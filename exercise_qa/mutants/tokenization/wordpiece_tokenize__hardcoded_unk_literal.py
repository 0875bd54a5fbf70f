"""Returns the literal "[UNK]" for unknown words instead of the unk_token argument.
Pattern: 2

The default unk_token is "[UNK]", so every default call is right; a tokenizer with a custom
unknown token ("<unk>") gets the wrong string, for both the failed-match and the too-long case.
"""


def wordpiece_tokenize(word: str, vocab: set[str], unk_token: str = "[UNK]",
                       max_input_chars_per_word: int = 100) -> list[str]:
    if len(word) > max_input_chars_per_word:
        return ["[UNK]"]
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
            return ["[UNK]"]
        pieces.append(match)
        start = end
    return pieces
