"""Returns the raw log-ratios as the implicit rewards, forgetting the factor beta (the loss itself uses beta correctly).

Pattern: 5
"""
import torch
import torch.nn.functional as F


def dpo_loss(policy_chosen_logps, policy_rejected_logps, ref_chosen_logps, ref_rejected_logps,
             beta: float = 0.1):
    chosen_ratio = policy_chosen_logps - ref_chosen_logps
    rejected_ratio = policy_rejected_logps - ref_rejected_logps
    loss = F.softplus(-beta * (chosen_ratio - rejected_ratio)).mean()
    return loss, chosen_ratio.detach(), rejected_ratio.detach()
