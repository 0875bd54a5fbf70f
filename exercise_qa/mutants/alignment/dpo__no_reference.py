"""DPO without the reference model: the policy log-probs alone are compared."""
import torch.nn.functional as F


def dpo_loss(policy_chosen_logps, policy_rejected_logps, ref_chosen_logps, ref_rejected_logps, beta=0.1):
    rw, rl = beta * policy_chosen_logps, beta * policy_rejected_logps
    return -F.logsigmoid(rw - rl).mean(), rw.detach(), rl.detach()
