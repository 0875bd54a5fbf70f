"""Encodes with greedy longest-match over the merged tokens (WordPiece-style) instead of applying the merges by rank.
Pattern: 4

On the tiny visible vocabulary the longest prefix is also what the merges produce ("low" + "est"),
so it passes by coincidence; with merges [("b", "c"), ("a", "b")], BPE encodes "abc" as
["a", "bc"] (rank 0 first) but longest-match gives ["ab", "c"].
"""
import collections
import heapq


def train_bpe(text: str, num_merges: int) -> list[tuple[str, str]]:
    word_counts = collections.Counter(text.split())
    words = [list(w) for w in word_counts]
    freqs = list(word_counts.values())

    def merge_word(symbols, a, b):
        out, i = [], 0
        while i < len(symbols):
            if i + 1 < len(symbols) and symbols[i] == a and symbols[i + 1] == b:
                out.append(a + b)
                i += 2
            else:
                out.append(symbols[i])
                i += 1
        return out

    pair_counts = collections.defaultdict(int)
    pair_words = collections.defaultdict(set)
    for idx, w in enumerate(words):
        for pair in zip(w, w[1:]):
            pair_counts[pair] += freqs[idx]
            pair_words[pair].add(idx)
    heap = [(-c, p) for p, c in pair_counts.items()]
    heapq.heapify(heap)

    merges = []
    while len(merges) < num_merges:
        best = None
        while heap:
            neg, pair = heapq.heappop(heap)
            if -neg > 0 and pair_counts.get(pair, 0) == -neg:
                best = pair
                break
        if best is None:
            break
        merges.append(best)
        a, b = best
        touched = set()
        for idx in list(pair_words.pop(best, ())):
            old = words[idx]
            new = merge_word(old, a, b)
            if new == old:
                continue
            f = freqs[idx]
            for pair in zip(old, old[1:]):
                pair_counts[pair] -= f
                touched.add(pair)
            for pair in zip(new, new[1:]):
                pair_counts[pair] += f
                pair_words[pair].add(idx)
                touched.add(pair)
            words[idx] = new
        for pair in touched:
            c = pair_counts.get(pair, 0)
            if c > 0:
                heapq.heappush(heap, (-c, pair))
            else:
                pair_counts.pop(pair, None)
    return merges


def bpe_encode(text: str, merges: list[tuple[str, str]]) -> list[str]:
    vocab = {a + b for a, b in merges}
    max_len = max((len(t) for t in vocab), default=1)
    tokens = []
    for word in text.split():
        i = 0
        while i < len(word):
            for j in range(min(len(word), i + max_len), i, -1):
                if j == i + 1 or word[i:j] in vocab:
                    tokens.append(word[i:j])
                    i = j
                    break
    return tokens
