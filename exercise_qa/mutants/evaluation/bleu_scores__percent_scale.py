"""Scores are returned on sacreBLEU's printed 0-100 scale instead of [0, 1].

Pattern: 2
"""
import math


def bleu_from_counts(hyp_len, ref_len, matches, totals, smooth="exp", effective_order=False):
    if smooth not in ("none", "exp"):
        raise ValueError(smooth)
    if not any(matches):
        return 0.0
    bp = 1.0 if hyp_len >= ref_len else math.exp(1.0 - ref_len / hyp_len)
    logs, zeros = [], 0
    for n in range(4):
        if totals[n] == 0:
            if effective_order:
                break
            return 0.0
        if matches[n] == 0:
            if smooth == "none":
                return 0.0
            zeros += 1
            logs.append(-math.log(2.0 ** zeros * totals[n]))
        else:
            logs.append(math.log(matches[n] / totals[n]))
    return 100.0 * bp * math.exp(sum(logs) / len(logs))
