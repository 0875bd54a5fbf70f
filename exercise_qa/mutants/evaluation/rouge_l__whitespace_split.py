"""The texts are split on whitespace instead of with words(): case and punctuation break the matches.

Pattern: 2
"""


def _lcs(a, b):
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a)):
        for j in range(len(b)):
            table[i + 1][j + 1] = table[i][j] + 1 if a[i] == b[j] else max(table[i][j + 1], table[i + 1][j])
    return table[-1][-1]


def rouge_l(prediction, reference):
    p, r = prediction.split(), reference.split()
    if not p or not r:
        return 0.0, 0.0, 0.0
    lcs = _lcs(p, r)
    if not lcs:
        return 0.0, 0.0, 0.0
    precision, recall = lcs / len(p), lcs / len(r)
    return precision, recall, 2 * precision * recall / (precision + recall)
