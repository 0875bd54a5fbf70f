"""The benchmark's pass@k pools the counts of all problems instead of averaging the per-problem estimates.

Pattern: 2
"""


def mean_pass_at_k(num_samples, num_correct, k):
    if len(num_samples) != len(num_correct) or len(num_samples) == 0:
        raise ValueError("bad lengths")
    for n, c in zip(num_samples, num_correct):
        pass_at_k(n, c, k)          # validates every problem
    return pass_at_k(int(sum(num_samples)), int(sum(num_correct)), k)
