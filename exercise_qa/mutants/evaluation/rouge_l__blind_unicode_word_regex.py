r"""rouge_l tokenizes with re.findall(r"\w+") on the lowercased text, which keeps underscores and non-ASCII letters that rouge-score's tokenizer turns into separators.

Pattern: 1
"""
import re


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
    pred_tokens = re.findall(r"\w+", prediction.lower())
    ref_tokens = re.findall(r"\w+", reference.lower())
    if not pred_tokens or not ref_tokens:
        return 0.0, 0.0, 0.0
    lcs = _blind_lcs_length(pred_tokens, ref_tokens)
    if lcs == 0:
        return 0.0, 0.0, 0.0
    precision = lcs / len(pred_tokens)
    recall = lcs / len(ref_tokens)
    return precision, recall, 2 * precision * recall / (precision + recall)
