"""KV-cache benchmark: cached against uncached greedy decoding on a tiny random Llama (CPU).

Cached decoding feeds one new token per step and reuses `past_key_values`; uncached decoding
re-runs the whole sequence every step. Both must produce the same tokens. The report gives the
wall time of each for 128 and 512 new tokens, the speed-up, and whether the cached time grows
linearly (its time per token at 512 within 1.5x of that at 128).
"""
from __future__ import annotations

import time

import torch

NEW_TOKENS = (128, 512)
PROMPT_LEN = 16
REPEATS = 3
LINEAR_SLACK = 1.5  # cached ms/token at 512 may be at most this times that at 128


def _tiny_llama():
    from transformers import LlamaConfig, LlamaForCausalLM

    config = LlamaConfig(vocab_size=100, hidden_size=64, intermediate_size=128, num_hidden_layers=2,
                         num_attention_heads=4, num_key_value_heads=2,
                         max_position_embeddings=PROMPT_LEN + max(NEW_TOKENS) + 8)
    with torch.random.fork_rng():
        torch.manual_seed(0)
        model = LlamaForCausalLM(config).eval()
    prompt = torch.randint(0, config.vocab_size, (1, PROMPT_LEN), generator=torch.Generator().manual_seed(0))
    return model, prompt


@torch.no_grad()
def _greedy(model, prompt, n_new: int, cached: bool) -> torch.Tensor:
    out = model(prompt, use_cache=cached)
    seq = prompt
    for _ in range(n_new):
        nxt = out.logits[:, -1:].argmax(-1)
        seq = torch.cat([seq, nxt], dim=1)
        out = (model(nxt, past_key_values=out.past_key_values, use_cache=True) if cached
               else model(seq, use_cache=False))
    return seq


def _best_time(fn) -> tuple[float, torch.Tensor]:
    best, result = float("inf"), None
    for _ in range(REPEATS):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def measure() -> list[dict]:
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        model, prompt = _tiny_llama()
        _greedy(model, prompt, 8, True), _greedy(model, prompt, 8, False)  # warm-up
        rows = []
        for n in NEW_TOKENS:
            t_cached, seq_cached = _best_time(lambda: _greedy(model, prompt, n, True))
            t_full, seq_full = _best_time(lambda: _greedy(model, prompt, n, False))
            rows.append({"new_tokens": n, "cached_s": t_cached, "uncached_s": t_full,
                         "speedup": t_full / t_cached, "same_tokens": torch.equal(seq_cached, seq_full)})
        return rows
    finally:
        torch.set_num_threads(threads)


def report() -> str:
    rows = measure()
    lines = ["**kv_cache: greedy decoding on a tiny Llama (2 layers, d=64, 4 query / 2 KV heads; CPU, "
             f"1 thread, best of {REPEATS})**", "",
             "| new tokens | cached (s) | cached (ms/token) | uncached (s) | uncached (ms/token) | "
             "speed-up | same tokens |",
             "|---:|---:|---:|---:|---:|---:|:---:|"]
    for r in rows:
        n = r["new_tokens"]
        lines.append(f"| {n} | {r['cached_s']:.3f} | {1e3 * r['cached_s'] / n:.2f} | {r['uncached_s']:.3f} | "
                     f"{1e3 * r['uncached_s'] / n:.2f} | {r['speedup']:.2f}x | {'yes' if r['same_tokens'] else 'NO'} |")
    short, long = rows[0], rows[-1]
    per_token_ratio = (long["cached_s"] / long["new_tokens"]) / (short["cached_s"] / short["new_tokens"])
    linear = per_token_ratio <= LINEAR_SLACK
    lines += ["", f"Cached time per token at {long['new_tokens']} vs {short['new_tokens']} new tokens: "
                  f"{per_token_ratio:.2f}x, so cached decoding time grows "
                  f"{'linearly' if linear else 'faster than linearly'} (threshold {LINEAR_SLACK:g}x). "
                  f"Uncached time per token grows "
                  f"{(long['uncached_s'] / long['new_tokens']) / (short['uncached_s'] / short['new_tokens']):.2f}x."]
    return "\n".join(lines)


if __name__ == "__main__":
    print(report())
