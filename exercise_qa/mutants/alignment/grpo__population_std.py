"""GRPO with the population standard deviation (unbiased=False) instead of the sample one."""


def grpo_advantages(rewards, eps=1e-4):
    return (rewards - rewards.mean(1, keepdim=True)) / (rewards.std(1, unbiased=False, keepdim=True) + eps)
