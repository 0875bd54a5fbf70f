"""SimPO with the target margin gamma added to the score difference instead of subtracted."""
import torch.nn.functional as F


def simpo_loss(policy_chosen_logps, policy_rejected_logps, chosen_lengths, rejected_lengths, beta=2.0, gamma=0.5):
    z = beta * policy_chosen_logps / chosen_lengths - beta * policy_rejected_logps / rejected_lengths
    return -F.logsigmoid(z + gamma).mean()
