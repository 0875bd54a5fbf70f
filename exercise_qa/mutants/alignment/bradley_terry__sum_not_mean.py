"""The pairwise losses are summed over the batch instead of averaged."""
import torch.nn.functional as F


def bradley_terry_loss(reward_chosen, reward_rejected):
    return -F.logsigmoid(reward_chosen - reward_rejected).sum()
