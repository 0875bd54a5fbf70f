"""SimPO length-normalises the log-probs in place (/=), silently modifying the caller's tensors (and failing on leaves that require grad).

Pattern: 2
"""
import torch
import torch.nn.functional as F


def ipo_loss(policy_chosen_logps, policy_rejected_logps, ref_chosen_logps, ref_rejected_logps,
             beta: float = 0.1):
    h = (policy_chosen_logps - ref_chosen_logps) - (policy_rejected_logps - ref_rejected_logps)
    return ((h - 1.0 / (2.0 * beta)) ** 2).mean()


def simpo_loss(policy_chosen_logps, policy_rejected_logps, chosen_lengths, rejected_lengths,
               beta: float = 2.0, gamma: float = 0.5):
    policy_chosen_logps /= chosen_lengths
    policy_rejected_logps /= rejected_lengths
    z = beta * (policy_chosen_logps - policy_rejected_logps) - gamma
    return -F.logsigmoid(z).mean()
