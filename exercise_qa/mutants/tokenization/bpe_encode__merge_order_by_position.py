"""BPE encoding merges the leftmost mergeable pair first instead of the lowest-rank merge."""


def bpe_encode(text, merges):
    rank = {pair: r for r, pair in enumerate(merges)}
    tokens = []
    for word in text.split():
        symbols = list(word)
        changed = True
        while changed:
            changed = False
            for i in range(len(symbols) - 1):
                if (symbols[i], symbols[i + 1]) in rank:
                    symbols[i:i + 2] = [symbols[i] + symbols[i + 1]]
                    changed = True
                    break
        tokens.extend(symbols)
    return tokens
