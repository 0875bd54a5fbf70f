"""BPE merges overlapping occurrences: in "aaa" every (a, a) position is fused, right to left."""
import collections


def train_bpe(text, num_merges):
    words = collections.Counter(tuple(w) for w in text.split())
    merges = []
    for _ in range(num_merges):
        counts = collections.Counter()
        for word, n in words.items():
            for pair in zip(word, word[1:]):
                counts[pair] += n
        if not counts:
            break
        best = min(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        merges.append(best)
        new_words = collections.Counter()
        for word, n in words.items():
            out = list(word)
            i = len(out) - 2
            while i >= 0:                      # right to left: "aaa" -> "a", "aa"
                if i + 1 < len(out) and (out[i], out[i + 1]) == best:
                    out[i:i + 2] = [out[i] + out[i + 1]]
                i -= 1
            new_words[tuple(out)] += n
        words = new_words
    return merges
