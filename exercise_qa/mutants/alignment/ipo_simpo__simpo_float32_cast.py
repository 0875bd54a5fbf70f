"""SimPO casts the log-probs and lengths to float32 (lengths.float(), logps.float()) before normalising: float64 inputs lose precision and come back as float32.

Pattern: 3
"""
import torch
import torch.nn.functional as F


def ipo_loss(policy_chosen_logps, policy_rejected_logps, ref_chosen_logps, ref_rejected_logps,
             beta: float = 0.1):
    h = (policy_chosen_logps - ref_chosen_logps) - (policy_rejected_logps - ref_rejected_logps)
    return ((h - 1.0 / (2.0 * beta)) ** 2).mean()


def simpo_loss(policy_chosen_logps, policy_rejected_logps, chosen_lengths, rejected_lengths,
               beta: float = 2.0, gamma: float = 0.5):
    chosen = policy_chosen_logps.float() / chosen_lengths.float()
    rejected = policy_rejected_logps.float() / rejected_lengths.float()
    return -F.logsigmoid(beta * (chosen - rejected) - gamma).mean()
