"""Sentence BLEU always averages four orders, so a hypothesis of 1-3 tokens scores 0 (sacreBLEU uses the effective order).

Pattern: 1
"""


def sentence_bleu(hypothesis, references, smooth="exp"):
    return bleu_from_counts(*bleu_counts(hypothesis, references), smooth=smooth, effective_order=False)
