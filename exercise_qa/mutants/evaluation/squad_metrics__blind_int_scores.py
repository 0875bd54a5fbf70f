r"""exact_match and the empty-answer F1 return ints, as the official script's int(...) does, instead of Python floats.

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
    if len(golds) == 0:
        raise ValueError("exact_match needs at least one gold answer")
    normalized = normalize_answer(prediction)
    return max(int(normalized == normalize_answer(gold)) for gold in golds)


def _blind_token_f1(prediction: str, gold: str) -> float:
    pred_tokens = normalize_answer(prediction).split()
    gold_tokens = normalize_answer(gold).split()
    if not pred_tokens or not gold_tokens:
        return int(pred_tokens == gold_tokens)
    common = sum((Counter(pred_tokens) & Counter(gold_tokens)).values())
    if common == 0:
        return 0.0
    precision = common / len(pred_tokens)
    recall = common / len(gold_tokens)
    return 2 * precision * recall / (precision + recall)


def f1_score(prediction: str, golds: list[str]) -> float:
    """Max over the golds of the token F1 between the normalised prediction and gold (a Python float)."""
    if len(golds) == 0:
        raise ValueError("f1_score needs at least one gold answer")
    return max(_blind_token_f1(prediction, gold) for gold in golds)
