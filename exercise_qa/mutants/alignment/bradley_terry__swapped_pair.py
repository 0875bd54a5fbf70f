"""Bradley–Terry with the pair in the wrong order: softmax over (rejected, chosen) picks the rejected one."""
import torch


def bradley_terry_loss(reward_chosen, reward_rejected):
    pair = torch.stack([reward_chosen, reward_rejected], dim=-1)
    return -torch.log_softmax(pair, dim=-1)[..., 1].mean()
