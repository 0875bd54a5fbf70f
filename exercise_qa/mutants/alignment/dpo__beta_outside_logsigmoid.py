"""DPO with beta outside the log-sigmoid: beta * -log sigmoid(h) instead of -log sigmoid(beta * h)."""
import torch.nn.functional as F


def dpo_loss(policy_chosen_logps, policy_rejected_logps, ref_chosen_logps, ref_rejected_logps, beta=0.1):
    hc = policy_chosen_logps - ref_chosen_logps
    hr = policy_rejected_logps - ref_rejected_logps
    return -beta * F.logsigmoid(hc - hr).mean(), (beta * hc).detach(), (beta * hr).detach()
