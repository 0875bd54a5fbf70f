"""Exact fractions for the memory and compute figures, a float64 token-level loss for accumulation,
float64 all-reduced gradients for DDP, a ring of isend/irecv pairs, einsum tensor parallelism, an
earliest-start-time pipeline simulator, and a count-down loss scaler."""
import itertools
from fractions import Fraction

import torch
import torch.distributed as dist
import torch.nn.functional as F


def zero_memory_gb(n_params, n_gpus, stage, optimizer_bytes=12):
    if stage not in range(4):
        raise ValueError(f"no ZeRO stage {stage}")
    psi, k, nd = Fraction(n_params), Fraction(optimizer_bytes), Fraction(n_gpus)
    parts = [2 * psi, 2 * psi, k * psi]                  # weights, gradients, optimizer states
    for i in range(stage):                               # stage 1 cuts the states, 2 the gradients, 3 the weights
        parts[2 - i] /= nd
    return float(sum(parts) / 10**9)


def accumulate_gradients(model, micro_batches):
    model.zero_grad(set_to_none=True)
    n_real = sum(int((y != -100).sum()) for _, y in micro_batches)
    total = 0.0
    for x, y in micro_batches:
        logp = torch.log_softmax(model(x).double(), dim=-1)            # (b, T, V) in float64
        keep = y != -100
        picked = logp.gather(-1, y.clamp_min(0).unsqueeze(-1)).squeeze(-1)
        token_sum = -(picked * keep).sum()
        (token_sum / max(n_real, 1)).backward()
        total += float(token_sum)
    return total / max(n_real, 1)


def ddp_sgd_step(rank, world_size, model, x, y, lr):
    n = x.shape[0] // world_size
    for p in model.parameters():
        p.grad = None
    F.mse_loss(model(x[rank * n:(rank + 1) * n]), y[rank * n:(rank + 1) * n]).backward()
    with torch.no_grad():
        for p in model.parameters():
            g = p.grad.double()
            dist.all_reduce(g)
            p.sub_((g / world_size * lr).to(p.dtype))
    return {name: p.detach().clone() for name, p in model.named_parameters()}


def ring_all_reduce(tensor):
    rank, world = dist.get_rank(), dist.get_world_size()
    bounds = [0] + list(itertools.accumulate(len(c) for c in torch.arange(tensor.numel()).tensor_split(world)))
    flat = tensor.detach().reshape(-1).clone()
    piece = lambda i: flat[bounds[i]:bounds[i + 1]]
    nxt, prv = (rank + 1) % world, (rank - 1) % world

    def exchange(i_out, i_in):
        buf = torch.empty_like(piece(i_in))
        reqs = [dist.isend(piece(i_out).clone(), nxt), dist.irecv(buf, prv)]
        for r in reqs:
            r.wait()
        return buf

    for s in range(world - 1):
        i_in = (rank - s - 1) % world
        piece(i_in).add_(exchange((rank - s) % world, i_in))
    for s in range(world - 1):
        i_in = (rank - s) % world
        piece(i_in).copy_(exchange((rank - s + 1) % world, i_in))
    return flat.view(tensor.shape)


def megatron_shards(w1, b1, w2, rank, world_size):
    size = w1.shape[0] // world_size
    idx = torch.arange(rank * size, (rank + 1) * size)
    return w1.index_select(0, idx), b1.index_select(0, idx), w2.index_select(1, idx)


def tp_mlp_forward(x, w1_shard, b1_shard, w2_shard, b2):
    hidden = F.gelu(torch.einsum("bd,hd->bh", x, w1_shard) + b1_shard)
    out = torch.einsum("bh,dh->bd", hidden, w2_shard).contiguous()
    dist.all_reduce(out)
    return out + b2


def pipeline_schedule(n_stages, n_micro, schedule="gpipe"):
    p, m = n_stages, n_micro
    programs = []
    for s in range(p):
        if schedule == "gpipe":
            programs.append([f"F{i}" for i in range(m)] + [f"B{i}" for i in range(m)])
        elif schedule == "1f1b":
            w = min(p - s - 1, m)
            prog = [f"F{i}" for i in range(w)]
            prog += [op for i in range(m - w) for op in (f"F{w + i}", f"B{i}")]
            programs.append(prog + [f"B{i}" for i in range(m - w, m)])
        else:
            raise ValueError(schedule)
    # earliest step of each op: one after its inputs and one after the stage's previous op
    start = {}
    remaining = {s: list(prog) for s, prog in enumerate(programs)}
    free_at = [0] * p
    while any(remaining.values()):
        for s in range(p):
            if not remaining[s]:
                continue
            op = remaining[s][0]
            i = int(op[1:])
            deps = [("F", s - 1, i)] if op[0] == "F" and s > 0 else []
            if op[0] == "B":
                deps = [("F", s, i)] + ([("B", s + 1, i)] if s < p - 1 else [])
            if all(d in start for d in deps):
                start[(op[0], s, i)] = max([free_at[s]] + [start[d] + 1 for d in deps])
                free_at[s] = start[(op[0], s, i)] + 1
                remaining[s].pop(0)
    length = max(free_at)
    timeline = [[""] * length for _ in range(p)]
    for (kind, s, i), t in start.items():
        timeline[s][t] = f"{kind}{i}"
    return timeline


def bubble_fraction(n_stages, n_micro):
    return float(Fraction(n_stages - 1, n_micro + n_stages - 1))


def peak_activations(timeline):
    delta = {"F": 1, "B": -1}
    return [max(itertools.accumulate((delta.get(c[:1], 0) for c in row), initial=0)) for row in timeline]


class DynamicLossScaler:
    def __init__(self, init_scale=2.0 ** 16, growth_factor=2.0, backoff_factor=0.5, growth_interval=2000):
        self.scale = float(init_scale)
        self.growth_factor, self.backoff_factor = growth_factor, backoff_factor
        self.growth_interval = growth_interval
        self.good_steps = 0
        self._left = growth_interval                    # finite steps until the next growth

    def update(self, found_inf):
        if found_inf:
            self.scale = float(self.scale * self.backoff_factor)
            self.good_steps, self._left = 0, self.growth_interval
            return False
        self.good_steps += 1
        self._left -= 1
        if self._left == 0:
            self.scale = float(self.scale * self.growth_factor)
            self.good_steps, self._left = 0, self.growth_interval
        return True


def fp16_gradient(grad, scale):
    scaled = grad.to(torch.float32) * float(scale)
    return scaled.to(torch.float16).to(torch.float32) / float(scale)


def apply_updates(w0, delta, n_steps, dtype, fp32_master):
    keep = torch.float32 if fp32_master else dtype
    w = torch.tensor([w0], dtype=keep)
    step = torch.tensor([delta], dtype=torch.float32)
    for _ in range(n_steps):
        w = (w.float() + step).to(keep)
    return w.to(dtype).item()


def training_compute(n_params, n_tokens, n_gpus, peak_flops, mfu):
    flops = 6.0 * float(n_params) * float(n_tokens)
    return flops, flops / (float(n_gpus) * float(peak_flops) * float(mfu)) / 3600.0
