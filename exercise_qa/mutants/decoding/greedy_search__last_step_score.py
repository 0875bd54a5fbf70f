"""Greedy search returns the last step's log-prob as the score instead of the sum over the sequence."""
import torch


def greedy_search(log_probs, start, steps):
    tokens, previous, score = [], start, 0.0
    for _ in range(steps):
        choice = int(torch.argmax(log_probs[previous]))
        score = float(log_probs[previous, choice])
        tokens.append(choice)
        previous = choice
    return tokens, score
