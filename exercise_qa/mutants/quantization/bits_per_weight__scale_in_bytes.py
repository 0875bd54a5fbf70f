"""Counts the scale and zero-point in bytes instead of bits when spreading them over the group."""


def bits_per_weight(bits, group_size, scale_bits=16, zero_point_bits=0):
    return float(bits + (scale_bits + zero_point_bits) / 8 / group_size)
