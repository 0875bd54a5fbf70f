"""Tiles the K/V heads with x.repeat instead of interleaving them, so query head h meets the wrong K/V head."""


def repeat_kv(x, n_rep):
    return x.repeat(1, n_rep, 1, 1)
