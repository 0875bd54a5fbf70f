"""WordPiece keeps the pieces found so far and appends [UNK] instead of replacing the whole word."""


def wordpiece_tokenize(word, vocab, unk_token="[UNK]", max_input_chars_per_word=100):
    if len(word) > max_input_chars_per_word:
        return [unk_token]
    pieces, start = [], 0
    while start < len(word):
        for end in range(len(word), start, -1):
            cand = word[start:end] if start == 0 else "##" + word[start:end]
            if cand in vocab:
                pieces.append(cand); start = end
                break
        else:
            pieces.append(unk_token)
            return pieces
    return pieces
