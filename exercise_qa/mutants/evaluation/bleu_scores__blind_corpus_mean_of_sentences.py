r"""corpus_bleu returns the mean of the sentence BLEUs instead of summing the statistics over the corpus and combining them once.

Pattern: 1
"""
import math
from collections import Counter


def _blind_ngrams(tokens, n):
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def bleu_counts(hypothesis: list[str], references: list[list[str]]) -> tuple[int, int, list[int], list[int]]:
    """BLEU's sufficient statistics for one hypothesis (orders 1..4)."""
    if len(references) == 0:
        raise ValueError("bleu_counts needs at least one reference")
    hyp_len = len(hypothesis)
    ref_len = min((len(r) for r in references), key=lambda length: (abs(length - hyp_len), length))
    matches, totals = [], []
    for n in range(1, 5):
        hyp_counts = _blind_ngrams(hypothesis, n)
        max_ref = Counter()
        for reference in references:
            max_ref |= _blind_ngrams(reference, n)
        matches.append(sum((hyp_counts & max_ref).values()))
        totals.append(sum(hyp_counts.values()))
    return hyp_len, ref_len, matches, totals


def bleu_from_counts(hyp_len: int, ref_len: int, matches: list[int], totals: list[int],
                     smooth: str = "exp", effective_order: bool = False) -> float:
    """Combine BLEU statistics into a score in [0, 1]."""
    if smooth not in ("none", "exp"):
        raise ValueError(f"smooth must be 'none' or 'exp', got {smooth!r}")
    if matches[0] == 0:
        return 0.0
    order = 4
    log_precisions = []
    n_zero = 0
    for n in range(4):
        if totals[n] == 0:
            if effective_order:
                order = n
                break
            return 0.0
        if matches[n] == 0:
            if smooth == "none":
                return 0.0
            n_zero += 1
            log_precisions.append(-math.log(2 ** n_zero * totals[n]))
        else:
            log_precisions.append(math.log(matches[n] / totals[n]))
    if order == 0:
        return 0.0
    if hyp_len == 0:
        return 0.0
    bp = 1.0 if hyp_len >= ref_len else math.exp(1 - ref_len / hyp_len)
    return float(bp * math.exp(sum(log_precisions[:order]) / order))


def corpus_bleu(hypotheses: list[list[str]], references: list[list[list[str]]], smooth: str = "exp") -> float:
    """Corpus BLEU-4."""
    if smooth not in ("none", "exp"):
        raise ValueError(f"smooth must be 'none' or 'exp', got {smooth!r}")
    if len(hypotheses) != len(references):
        raise ValueError(f"{len(hypotheses)} hypotheses but {len(references)} reference lists")
    if not hypotheses:
        return 0.0
    scores = [sentence_bleu(hypothesis, refs, smooth=smooth) for hypothesis, refs in zip(hypotheses, references)]
    return float(sum(scores) / len(scores))


def sentence_bleu(hypothesis: list[str], references: list[list[str]], smooth: str = "exp") -> float:
    """Sentence BLEU-4 with effective order."""
    hyp_len, ref_len, matches, totals = bleu_counts(hypothesis, references)
    return bleu_from_counts(hyp_len, ref_len, matches, totals, smooth=smooth, effective_order=True)
