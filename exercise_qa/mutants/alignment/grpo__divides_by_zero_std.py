"""GRPO dividing by the raw group std: a group whose rewards are all equal gives 0/0 = NaN."""


def grpo_advantages(rewards, eps=1e-4):
    return (rewards - rewards.mean(1, keepdim=True)) / rewards.std(1, keepdim=True)
