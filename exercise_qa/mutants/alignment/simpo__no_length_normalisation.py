"""SimPO without length normalisation: summed log-probs are compared directly."""
import torch.nn.functional as F


def simpo_loss(policy_chosen_logps, policy_rejected_logps, chosen_lengths, rejected_lengths, beta=2.0, gamma=0.5):
    return -F.logsigmoid(beta * (policy_chosen_logps - policy_rejected_logps) - gamma).mean()
