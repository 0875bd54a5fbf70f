"""The longest common substring (contiguous tokens) is used instead of the longest common subsequence.

Pattern: 5
"""


def rouge_l(prediction, reference):
    p, r = words(prediction), words(reference)
    if not p or not r:
        return 0.0, 0.0, 0.0
    best = 0
    previous = [0] * (len(r) + 1)
    for i in range(len(p)):
        current = [0] * (len(r) + 1)
        for j in range(len(r)):
            if p[i] == r[j]:
                current[j + 1] = previous[j] + 1
                best = max(best, current[j + 1])
        previous = current
    if not best:
        return 0.0, 0.0, 0.0
    precision, recall = best / len(p), best / len(r)
    return precision, recall, 2 * precision * recall / (precision + recall)
