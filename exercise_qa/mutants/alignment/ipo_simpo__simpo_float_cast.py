"""SimPO: calls .float() on log-probs and lengths "so the division is not integer division", silently dropping float64 inputs to float32.

Pattern: 3
The result differs from the exact value by ~1e-7 relative, far inside the float32 tolerance
(visible test), but misses the float64 references at atol=1e-10 and is returned as float32 for
float64 inputs. IPO is correct.
"""
import torch
import torch.nn.functional as F


def ipo_loss(policy_chosen_logps, policy_rejected_logps, ref_chosen_logps, ref_rejected_logps, beta=0.1):
    h = (policy_chosen_logps - ref_chosen_logps) - (policy_rejected_logps - ref_rejected_logps)
    return ((h - 1 / (2 * beta)) ** 2).mean()


def simpo_loss(policy_chosen_logps, policy_rejected_logps, chosen_lengths, rejected_lengths,
               beta=2.0, gamma=0.5):
    chosen = policy_chosen_logps.float() / chosen_lengths.float()
    rejected = policy_rejected_logps.float() / rejected_lengths.float()
    return -F.logsigmoid(beta * (chosen - rejected) - gamma).mean()
