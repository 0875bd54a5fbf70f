r"""rouge_l divides the LCS by the reference's length for precision and by the prediction's for recall (rouge-score's score(target, prediction) argument order mixed up).

Pattern: 1
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
    precision = lcs / len(ref_tokens)
    recall = lcs / len(pred_tokens)
    return precision, recall, 2 * precision * recall / (precision + recall)
