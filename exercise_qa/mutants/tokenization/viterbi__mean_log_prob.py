"""Viterbi maximises the mean log-prob per piece instead of the summed log-probability."""
import itertools


def viterbi_segment(text, log_probs):
    if not text:
        return [], 0.0
    best, best_key = None, None
    for cuts in itertools.product([False, True], repeat=len(text) - 1):
        seg, start = [], 0
        for i, cut in enumerate(cuts, start=1):
            if cut:
                seg.append(text[start:i]); start = i
        seg.append(text[start:])
        if all(p in log_probs for p in seg):
            total = sum(log_probs[p] for p in seg)
            key = total / len(seg)
            if best_key is None or key > best_key:
                best, best_key, best_total = seg, key, total
    if best is None:
        return None, float("-inf")
    return best, float(best_total)
