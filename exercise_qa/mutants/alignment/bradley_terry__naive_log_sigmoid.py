"""log(sigmoid(margin)) computed naively: it underflows to -inf for large negative margins."""
import torch


def bradley_terry_loss(reward_chosen, reward_rejected):
    return -torch.log(torch.sigmoid(reward_chosen - reward_rejected)).mean()
