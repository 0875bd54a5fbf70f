"""BPE training picks any most-frequent pair (first seen) instead of breaking ties by the smallest pair."""
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
        best = max(counts, key=counts.get)
        merges.append(best)
        new_words = collections.Counter()
        for word, n in words.items():
            out, i = [], 0
            while i < len(word):
                if i + 1 < len(word) and (word[i], word[i + 1]) == best:
                    out.append(word[i] + word[i + 1]); i += 2
                else:
                    out.append(word[i]); i += 1
            new_words[tuple(out)] += n
        words = new_words
    return merges
