"""GRPO normalising over the whole batch instead of within each prompt's group."""


def grpo_advantages(rewards, eps=1e-4):
    return (rewards - rewards.mean()) / (rewards.std() + eps)
