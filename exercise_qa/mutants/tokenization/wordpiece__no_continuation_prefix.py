"""WordPiece looks continuation pieces up without the "##" prefix."""


def wordpiece_tokenize(word, vocab, unk_token="[UNK]", max_input_chars_per_word=100):
    if len(word) > max_input_chars_per_word:
        return [unk_token]
    pieces, start = [], 0
    while start < len(word):
        for end in range(len(word), start, -1):
            if word[start:end] in vocab:
                pieces.append(word[start:end]); start = end
                break
        else:
            return [unk_token]
    return pieces
