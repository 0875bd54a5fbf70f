r"""rouge_l tests the raw strings for emptiness instead of their tokens, so a text of punctuation only (no token) divides by zero.

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
    if not prediction.strip() or not reference.strip():
        return 0.0, 0.0, 0.0
    lcs = _blind_lcs_length(pred_tokens, ref_tokens)
    precision = lcs / len(pred_tokens)
    recall = lcs / len(ref_tokens)
    fmeasure = 0.0 if lcs == 0 else 2 * precision * recall / (precision + recall)
    return precision, recall, fmeasure
