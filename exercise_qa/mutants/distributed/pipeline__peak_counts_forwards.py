"""Counts every forward ever run as in flight, forgetting that a backward frees the activations."""


def peak_activations(timeline):
    return [sum(1 for cell in row if cell.startswith("F")) for row in timeline]
