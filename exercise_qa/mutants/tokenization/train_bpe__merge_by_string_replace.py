"""Applies a merge with " ".join(symbols).replace("a b", "ab"): the match ignores symbol boundaries, so ("e", "r") also fuses the symbols "he" + "r".
Pattern: 1

Left-to-right without overlaps like the spec, and right on the visible corpus where no symbol ends
with the left piece of a later merge; on longer text it merges pairs that were never chosen.
"""
import collections
import heapq


def train_bpe(text: str, num_merges: int) -> list[tuple[str, str]]:
    word_counts = collections.Counter(text.split())
    words = [list(w) for w in word_counts]
    freqs = list(word_counts.values())

    def merge_word(symbols, a, b):
        return " ".join(symbols).replace(f"{a} {b}", a + b).split(" ")

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
    ranks = {}
    for i, pair in enumerate(merges):
        ranks.setdefault(tuple(pair), i)
    tokens = []
    for word in text.split():
        symbols = list(word)
        while len(symbols) > 1:
            candidates = [(ranks[p], p) for p in zip(symbols, symbols[1:]) if p in ranks]
            if not candidates:
                break
            _, (a, b) = min(candidates)
            merged, i = [], 0
            while i < len(symbols):
                if i + 1 < len(symbols) and symbols[i] == a and symbols[i + 1] == b:
                    merged.append(a + b)
                    i += 2
                else:
                    merged.append(symbols[i])
                    i += 1
            symbols = merged
        tokens.extend(symbols)
    return tokens
