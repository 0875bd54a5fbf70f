"""Average precision divided by the number of relevant docs retrieved instead of all relevant docs."""


def average_precision(ranked, relevant):
    hits, total = 0, 0.0
    for rank, d in enumerate(ranked, start=1):
        if d in relevant:
            hits += 1
            total += hits / rank
    return total / hits if hits else 0.0
