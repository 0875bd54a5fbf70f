"""Correct alternatives in another style: float64 loops with logsumexp, logaddexp losses, GAE as one
matrix product with discount powers, hand-written group statistics and a Python loop for best-of-n;
all must keep full marks."""
import math

import torch


def response_logprobs(logits, input_ids, response_mask):
    B, T, _ = logits.shape
    out = torch.zeros(B, dtype=torch.float64, device=logits.device)
    for b in range(B):
        for t in range(1, T):
            if bool(response_mask[b, t]):
                row = logits[b, t - 1].double()
                out[b] += row[int(input_ids[b, t])] - torch.logsumexp(row, dim=0)
    return out.to(logits.dtype)


def bradley_terry_loss(reward_chosen, reward_rejected):
    zero = torch.zeros_like(reward_chosen)
    return torch.logaddexp(zero, reward_rejected - reward_chosen).mean()


def train_linear_reward_model(features_chosen, features_rejected, steps=300, lr=0.05):
    chosen, rejected = features_chosen.double(), features_rejected.double()
    w = torch.zeros(chosen.shape[1], dtype=torch.float64, device=chosen.device, requires_grad=True)
    optimiser = torch.optim.Adam([w], lr=lr)
    for _ in range(steps):
        loss = bradley_terry_loss(chosen @ w, rejected @ w)
        (grad,) = torch.autograd.grad(loss, [w])
        w.grad = grad
        optimiser.step()
    return w.detach().to(features_chosen.dtype).clone()


def dpo_loss(policy_chosen_logps, policy_rejected_logps, ref_chosen_logps, ref_rejected_logps, beta=0.1):
    chosen = beta * (policy_chosen_logps - ref_chosen_logps)
    rejected = beta * (policy_rejected_logps - ref_rejected_logps)
    margin = chosen - rejected
    loss = torch.logaddexp(torch.zeros_like(margin), -margin).mean()
    return loss, chosen.detach().clone(), rejected.detach().clone()


def ipo_loss(policy_chosen_logps, policy_rejected_logps, ref_chosen_logps, ref_rejected_logps, beta=0.1):
    h = policy_chosen_logps - policy_rejected_logps - ref_chosen_logps + ref_rejected_logps
    err = h - 0.5 / beta
    return (err * err).sum() / err.numel()


def simpo_loss(policy_chosen_logps, policy_rejected_logps, chosen_lengths, rejected_lengths, beta=2.0, gamma=0.5):
    z = beta * (policy_chosen_logps / chosen_lengths - policy_rejected_logps / rejected_lengths) - gamma
    return torch.logaddexp(torch.zeros_like(z), -z).mean()


def kl_shaped_rewards(policy_logps, ref_logps, scores, response_mask, beta=0.1):
    out = torch.zeros_like(policy_logps)
    for b in range(policy_logps.shape[0]):
        positions = [t for t in range(policy_logps.shape[1]) if bool(response_mask[b, t])]
        for t in positions:
            out[b, t] = -beta * (policy_logps[b, t] - ref_logps[b, t])
        out[b, positions[-1]] += scores[b]
    return out


def ppo_clip_loss(logp_new, logp_old, advantages, clip_eps=0.2):
    ratio = (logp_new - logp_old).exp()
    clipped = torch.where(ratio > 1 + clip_eps, torch.full_like(ratio, 1 + clip_eps),
                          torch.where(ratio < 1 - clip_eps, torch.full_like(ratio, 1 - clip_eps), ratio))
    objective = torch.where(ratio * advantages < clipped * advantages, ratio * advantages, clipped * advantages)
    return -objective.sum() / objective.numel()


def gae(rewards, values, gamma=1.0, lam=0.95):
    T = rewards.shape[-1]
    deltas = rewards + gamma * values[..., 1:] - values[..., :-1]
    steps = torch.arange(T, device=rewards.device)
    gap = (steps[None, :] - steps[:, None]).to(torch.float64)                 # k - t
    weights = torch.where(gap >= 0, (gamma * lam) ** gap.clamp(min=0), torch.zeros_like(gap))
    advantages = (deltas.double() @ weights.T).to(rewards.dtype)              # A_t = sum_k (g l)^(k-t) delta_k
    return advantages, advantages + values[..., :T]


def grpo_advantages(rewards, eps=1e-4):
    G = rewards.shape[1]
    mean = rewards.sum(dim=1, keepdim=True) / G
    centred = rewards - mean
    std = ((centred * centred).sum(dim=1, keepdim=True) / (G - 1)).sqrt()
    return centred / (std + eps)


def best_of_n_distribution(probs, rewards, n):
    order = sorted(range(probs.shape[0]), key=lambda i: float(rewards[i]))
    out = torch.zeros_like(probs)
    below = 0.0
    for i in order:
        p = float(probs[i])
        upto = min(below + p, 1.0)
        out[i] = upto ** n - below ** n
        below = upto
    return out


def best_of_n_kl(probs, rewards, n):
    best = best_of_n_distribution(probs.double(), rewards, n)
    total = 0.0
    for b, p in zip(best.tolist(), probs.double().tolist()):
        if b > 0:
            total += b * (math.log(b) - math.log(p))
    return total
