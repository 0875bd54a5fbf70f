r"""exact_match uses any(...) and f1_score max(..., default=0.0), so an empty list of golds scores 0.0 instead of raising ValueError.

Pattern: 2
"""
import re
import string
from collections import Counter


def normalize_answer(text: str) -> str:
    """SQuAD normalisation: lowercase, delete string.punctuation, drop the words a/an/the, collapse spaces."""
    text = text.lower()
    text = "".join(ch for ch in text if ch not in set(string.punctuation))
    text = re.sub(r"\b(a|an|the)\b", " ", text)
    return " ".join(text.split())


def exact_match(prediction: str, golds: list[str]) -> float:
    """1.0 if normalize_answer(prediction) equals the normalised form of any gold answer, else 0.0."""
    normalized = normalize_answer(prediction)
    return float(any(normalized == normalize_answer(gold) for gold in golds))


def _blind_token_f1(prediction: str, gold: str) -> float:
    pred_tokens = normalize_answer(prediction).split()
    gold_tokens = normalize_answer(gold).split()
    if not pred_tokens or not gold_tokens:
        return float(pred_tokens == gold_tokens)
    common = sum((Counter(pred_tokens) & Counter(gold_tokens)).values())
    if common == 0:
        return 0.0
    precision = common / len(pred_tokens)
    recall = common / len(gold_tokens)
    return 2 * precision * recall / (precision + recall)


def f1_score(prediction: str, golds: list[str]) -> float:
    """Max over the golds of the token F1 between the normalised prediction and gold (a Python float)."""
    return max((_blind_token_f1(prediction, gold) for gold in golds), default=0.0)
