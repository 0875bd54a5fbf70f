"""When no piece matches mid-word, keeps the pieces found so far and appends [UNK] instead of turning the whole word into [UNK].
Pattern: 2

"Keep as much as we can." Right for words that fail at their first character (the visible "xyz")
and for every word that can be fully encoded; "unaxyz" gives ["una", "[UNK]"] instead of ["[UNK]"].
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
            if piece in vocab:
                match = piece
                break
            end -= 1
        if match is None:
            pieces.append(unk_token)
            break
        pieces.append(match)
        start = end
    return pieces
