"""WordPiece takes the shortest matching piece at each position instead of the longest."""


def wordpiece_tokenize(word, vocab, unk_token="[UNK]", max_input_chars_per_word=100):
    if len(word) > max_input_chars_per_word:
        return [unk_token]
    pieces, start = [], 0
    while start < len(word):
        for end in range(start + 1, len(word) + 1):
            cand = word[start:end] if start == 0 else "##" + word[start:end]
            if cand in vocab:
                pieces.append(cand); start = end
                break
        else:
            return [unk_token]
    return pieces
