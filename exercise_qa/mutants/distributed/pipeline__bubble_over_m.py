"""Uses (p - 1) / m for the bubble: the idle time relative to the useful work, not the idle share."""


def bubble_fraction(n_stages, n_micro):
    return (n_stages - 1) / n_micro
