r"""rouge_l's F-measure uses beta = 1.2, (1 + b^2) P R / (R + b^2 P) as in pycocoevalcap's ROUGE-L, instead of rouge-score's harmonic mean 2PR / (P + R).

Pattern: 2
"""
def _blind_lcs_length(a: list[str], b: list[str]) -> int:
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b):
            current.append(previous[j] + 1 if x == y else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]


def rouge_l(prediction: str, reference: str) -> tuple[float, float, float]:
    """ROUGE-L precision, recall and F-measure of a prediction against one reference."""
    pred_tokens, ref_tokens = words(prediction), words(reference)
    if not pred_tokens or not ref_tokens:
        return 0.0, 0.0, 0.0
    lcs = _blind_lcs_length(pred_tokens, ref_tokens)
    if lcs == 0:
        return 0.0, 0.0, 0.0
    precision = lcs / len(pred_tokens)
    recall = lcs / len(ref_tokens)
    beta = 1.2
    return precision, recall, (1 + beta ** 2) * precision * recall / (recall + beta ** 2 * precision)
