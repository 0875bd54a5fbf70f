"""Returns the implicit rewards as the raw log-ratios, forgetting the beta factor (the loss itself uses beta).

Pattern: 5
The loss is right and at pi = pi_ref the rewards are 0 either way (visible test), but the
returned chosen/rejected rewards are 1/beta times too large.
"""
import torch
import torch.nn.functional as F


def dpo_loss(policy_chosen_logps, policy_rejected_logps, ref_chosen_logps, ref_rejected_logps, beta=0.1):
    chosen_logratio = policy_chosen_logps - ref_chosen_logps
    rejected_logratio = policy_rejected_logps - ref_rejected_logps
    loss = -F.logsigmoid(beta * (chosen_logratio - rejected_logratio)).mean()
    return loss, chosen_logratio.detach(), rejected_logratio.detach()
