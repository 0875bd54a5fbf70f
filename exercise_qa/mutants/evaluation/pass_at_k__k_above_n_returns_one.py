"""k > n returns 1.0 (the "n - c < k" shortcut runs before the checks) instead of raising ValueError.

Pattern: 2
"""


def pass_at_k(n, c, k):
    n, c, k = int(n), int(c), int(k)
    if n - c < k:
        return 1.0
    if not 0 <= c <= n or k < 1:
        raise ValueError("bad arguments")
    miss = 1.0
    for i in range(n - c + 1, n + 1):
        miss *= 1.0 - k / i
    return 1.0 - miss
