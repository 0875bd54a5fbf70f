"""Corpus BLEU is computed as the mean of the sentence BLEUs instead of from the summed statistics.

Pattern: 5
"""


def corpus_bleu(hypotheses, references, smooth="exp"):
    if len(hypotheses) != len(references):
        raise ValueError("lengths differ")
    if not hypotheses:
        return 0.0
    return sum(sentence_bleu(h, r, smooth=smooth) for h, r in zip(hypotheses, references)) / len(hypotheses)
