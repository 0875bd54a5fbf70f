r"""rouge_l finds a common subsequence greedily (each prediction token matched to the next occurrence in the reference), which is not the longest one.

Pattern: 1
"""
def _blind_lcs_length(a: list[str], b: list[str]) -> int:
    length, start = 0, 0
    for x in a:
        for j in range(start, len(b)):
            if b[j] == x:
                length, start = length + 1, j + 1
                break
    return length


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
    return precision, recall, 2 * precision * recall / (precision + recall)
