"""Best-of-n KL computed in the wrong direction: KL(base || best-of-n) instead of KL(best-of-n || base)."""


def best_of_n_kl(probs, rewards, n):
    b = best_of_n_distribution(probs.double(), rewards, n)
    p = probs.double()
    keep = p > 0
    return float((p[keep] * (p[keep].log() - b[keep].log())).sum())
