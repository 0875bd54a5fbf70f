"""An empty prediction or reference divides by zero instead of scoring (0, 0, 0).

Pattern: 1
"""


def _lcs(a, b):
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a)):
        for j in range(len(b)):
            table[i + 1][j + 1] = table[i][j] + 1 if a[i] == b[j] else max(table[i][j + 1], table[i + 1][j])
    return table[-1][-1]


def rouge_l(prediction, reference):
    p, r = words(prediction), words(reference)
    lcs = _lcs(p, r)
    precision, recall = lcs / len(p), lcs / len(r)
    f = 2 * precision * recall / (precision + recall) if lcs else 0.0
    return precision, recall, f
