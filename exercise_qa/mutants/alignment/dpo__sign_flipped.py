"""DPO with the sign flipped: the margin is rejected minus chosen."""
import torch.nn.functional as F


def dpo_loss(policy_chosen_logps, policy_rejected_logps, ref_chosen_logps, ref_rejected_logps, beta=0.1):
    rw = beta * (policy_chosen_logps - ref_chosen_logps)
    rl = beta * (policy_rejected_logps - ref_rejected_logps)
    return -F.logsigmoid(rl - rw).mean(), rw.detach(), rl.detach()
