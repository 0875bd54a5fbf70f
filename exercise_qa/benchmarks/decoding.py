"""Decoding benchmark: greedy tokens per second, a hand-written KV-cache loop against
`model.generate`, on the same tiny randomly initialised Llama model (nothing is downloaded).

Both paths use the KV cache and produce identical tokens (checked before timing). The model is
tiny, so the numbers measure per-step Python and framework overhead rather than FLOPs.
"""
from __future__ import annotations

import time

import torch

PROMPT_LEN = 16
NEW_TOKENS = 64
REPEATS = 5


def _tiny_model():
    from transformers import LlamaConfig, LlamaForCausalLM

    config = LlamaConfig(vocab_size=100, hidden_size=64, intermediate_size=128, num_hidden_layers=2,
                         num_attention_heads=4, num_key_value_heads=2, max_position_embeddings=512,
                         bos_token_id=None, eos_token_id=None, pad_token_id=0)
    torch.manual_seed(0)
    return LlamaForCausalLM(config).eval()


@torch.no_grad()
def greedy_loop(model, prompt: torch.Tensor, new_tokens: int) -> torch.Tensor:
    """Greedy decoding with the model's KV cache: one full forward, then one token per step."""
    out = model(input_ids=prompt, use_cache=True)
    chunks = [prompt]
    for step in range(new_tokens):
        token = out.logits[:, -1].argmax(dim=-1, keepdim=True)
        chunks.append(token)
        if step + 1 < new_tokens:
            out = model(input_ids=token, past_key_values=out.past_key_values, use_cache=True)
    return torch.cat(chunks, dim=1)


@torch.no_grad()
def _library(model, prompt: torch.Tensor, new_tokens: int) -> torch.Tensor:
    return model.generate(prompt, max_new_tokens=new_tokens, min_new_tokens=new_tokens,
                          do_sample=False, use_cache=True)


def _best_time(fn, *args) -> float:
    times = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        fn(*args)
        times.append(time.perf_counter() - started)
    return min(times)


def report() -> str:
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        model = _tiny_model()
        rows = ["| batch | path | tokens generated | best of 5 (ms) | tokens / s | identical to generate |",
                "|---:|---|---:|---:|---:|:---:|"]
        for batch in (1, 8):
            prompt = torch.randint(1, 100, (batch, PROMPT_LEN), generator=torch.Generator().manual_seed(batch))
            mine, ref = greedy_loop(model, prompt, NEW_TOKENS), _library(model, prompt, NEW_TOKENS)
            same = "yes" if torch.equal(mine, ref) else "NO"
            for name, fn in (("hand-written loop (KV cache)", greedy_loop), ("model.generate (KV cache)", _library)):
                fn(model, prompt, 4)  # warm-up
                seconds = _best_time(fn, model, prompt, NEW_TOKENS)
                n = batch * NEW_TOKENS
                rows.append(f"| {batch} | {name} | {n} | {1000 * seconds:.1f} | {n / seconds:,.0f} | {same} |")
        note = (f"\nTiny Llama (2 layers, hidden 64, vocab 100), prompt {PROMPT_LEN} tokens, greedy, "
                f"{NEW_TOKENS} new tokens per row, 1 CPU thread.")
        return "\n".join(rows) + "\n" + note
    finally:
        torch.set_num_threads(threads)


if __name__ == "__main__":
    print(report())
