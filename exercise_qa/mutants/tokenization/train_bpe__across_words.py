"""BPE pair counts run over the whole text, so pairs span word boundaries (the space is dropped)."""
import collections


def train_bpe(text, num_merges):
    symbols = list("".join(text.split()))
    merges = []
    for _ in range(num_merges):
        counts = collections.Counter(zip(symbols, symbols[1:]))
        if not counts:
            break
        best = min(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        merges.append(best)
        out, i = [], 0
        while i < len(symbols):
            if i + 1 < len(symbols) and (symbols[i], symbols[i + 1]) == best:
                out.append(symbols[i] + symbols[i + 1]); i += 2
            else:
                out.append(symbols[i]); i += 1
        symbols = out
    return merges
