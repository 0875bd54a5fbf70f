"""IPO regressing the log-ratio margin to 1/beta instead of 1/(2 beta)."""


def ipo_loss(policy_chosen_logps, policy_rejected_logps, ref_chosen_logps, ref_rejected_logps, beta=0.1):
    h = (policy_chosen_logps - ref_chosen_logps) - (policy_rejected_logps - ref_rejected_logps)
    return ((h - 1.0 / beta) ** 2).mean()
