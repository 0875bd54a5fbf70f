"""Precision and recall are swapped (rouge-score's score(target, prediction) takes the reference first).

Pattern: 2
"""


def _lcs(a, b):
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a)):
        for j in range(len(b)):
            table[i + 1][j + 1] = table[i][j] + 1 if a[i] == b[j] else max(table[i][j + 1], table[i + 1][j])
    return table[-1][-1]


def rouge_l(prediction, reference):
    p, r = words(prediction), words(reference)
    if not p or not r:
        return 0.0, 0.0, 0.0
    lcs = _lcs(p, r)
    if not lcs:
        return 0.0, 0.0, 0.0
    precision, recall = lcs / len(r), lcs / len(p)
    return precision, recall, 2 * precision * recall / (precision + recall)
