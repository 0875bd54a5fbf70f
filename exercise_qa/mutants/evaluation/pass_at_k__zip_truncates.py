"""mean_pass_at_k does not check the lengths: zip silently drops the problems of the longer list.

Pattern: 2
"""


def mean_pass_at_k(num_samples, num_correct, k):
    pairs = list(zip(num_samples, num_correct))
    if not pairs:
        raise ValueError("no problems")
    return float(sum(pass_at_k(n, c, k) for n, c in pairs) / len(pairs))
