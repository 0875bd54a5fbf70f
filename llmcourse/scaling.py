"""A real, CPU-sized scaling-law experiment: tiny decoder-only models trained on the course's text.

The book's pretraining chapter fits L(N, D) = E + A / N**alpha + B / D**beta to held-out losses
measured here. Training every point takes minutes, so the book never trains: it reads the cache
that this module writes.

    python -m llmcourse.scaling run      # re-train the whole family, rewrite the cache (~11 CPU-minutes, one thread)
    python -m llmcourse.scaling check    # does the cache match this module's code and setup?

What is fixed, and recorded in the cache, so that a run can be reproduced and checked:

- the text: a frozen snapshot of the book's pages (``data/scaling_corpus.txt.xz``), written the
  first time ``run`` is called with ``--refresh-corpus`` (or when it is missing), so that later
  edits to the book do not move the measured losses;
- the tokenizer: raw UTF-8 bytes (ids 0-255) plus one end-of-document id (256);
- the model family, the token budgets and every optimisation setting (:class:`ScalingSetup`);
- a fingerprint of the source code of the functions that define a run (:func:`code_fingerprint`).
"""
from __future__ import annotations

import argparse
import hashlib
import inspect
import json
import lzma
import math
import platform
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
import torch

DATA_DIR = Path(__file__).resolve().parent / "data"
CACHE_PATH = DATA_DIR / "scaling_runs.json"
CORPUS_PATH = DATA_DIR / "scaling_corpus.txt.xz"
END_OF_DOCUMENT = 256          # the one id beyond the 256 byte values
VOCAB_SIZE = 257
DOCUMENT_SEPARATOR = "\x00"    # separates pages in the snapshot; never occurs in the book's text


@dataclass(frozen=True)
class ModelShape:
    """One member of the model family (a Llama-style decoder: RMSNorm, SwiGLU, RoPE)."""
    d_model: int       # residual width
    n_layers: int      # transformer blocks
    n_heads: int       # attention heads (no grouped KV heads at this size)

    @property
    def d_ff(self) -> int:
        """SwiGLU hidden width: 8/3 of d_model rounded up to a multiple of 8 (3 matrices ~ 8 d^2)."""
        return 8 * math.ceil(8 * self.d_model / 3 / 8)


@dataclass(frozen=True)
class ScalingSetup:
    """Everything that determines the measured losses, apart from the code and the text.

    The learning-rate and initialisation rules were chosen by a small sweep at 0.5M tokens on
    the smallest, middle and largest widths: Hugging Face's default init (std 0.02) is far too
    small for models this narrow, and the best peak rate fell with width.
    """
    shapes: tuple[ModelShape, ...] = (
        ModelShape(32, 1, 2),           # every shape has attention heads of width 16
        ModelShape(32, 2, 2),
        ModelShape(48, 2, 3),
        ModelShape(64, 3, 4),
        ModelShape(96, 3, 6),
        ModelShape(128, 3, 8),
    )
    token_budgets: tuple[int, ...] = (125_000, 250_000, 500_000, 1_000_000, 2_000_000)  # tokens D
    seq_len: int = 128                  # tokens per training sequence
    batch_size: int = 4                 # sequences per step: 512 tokens per step
    reference_lr: float = 8e-3          # AdamW peak learning rate at d_model = reference_width ...
    reference_width: int = 48           # ... scaled by (reference_width / d_model) ** 0.5 for others
    init_std_times_sqrt_width: float = 0.7   # weights ~ N(0, (0.7 / sqrt(d_model))^2)
    warmup_fraction: float = 0.05       # linear warm-up over this share of the steps
    final_lr_ratio: float = 0.1         # cosine decays to this fraction of the peak
    weight_decay: float = 0.1           # decoupled (AdamW), on matrices only
    betas: tuple[float, float] = (0.9, 0.95)
    grad_clip: float = 1.0              # global gradient-norm clip
    heldout_every: int = 10             # pages 5, 15, 25, ... (in sorted order) are held out
    heldout_windows: int = 256          # held-out sequences of seq_len tokens scored per model
    seed: int = 0
    noise_points: tuple[tuple[int, int], ...] = ((0, 0), (3, 2))  # (shape, budget) indices ...
    noise_seeds: tuple[int, ...] = (1, 2, 3)                        # ... re-trained with these seeds


def encode(text: str) -> list[int]:
    """Byte-level tokenizer: the UTF-8 bytes of the text, one id per byte (0-255)."""
    return list(text.encode("utf-8"))


def freeze_corpus(path: Path = CORPUS_PATH) -> str:
    """Write the book's current pages to the snapshot the experiment trains on; return its sha256."""
    from llmcourse.corpus import book_pages

    pages = [text for name, text in book_pages().items() if not name.startswith("pretraining/")]
    snapshot = DOCUMENT_SEPARATOR.join(pages)
    if any(DOCUMENT_SEPARATOR in page for page in pages):
        raise ValueError("a book page contains the NUL character used to separate pages")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(lzma.compress(snapshot.encode("utf-8"), preset=9))
    return hashlib.sha256(snapshot.encode("utf-8")).hexdigest()


def snapshot_pages(path: Path = CORPUS_PATH) -> list[str]:
    """The pages of the frozen snapshot, in the book's sorted order."""
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing: run `python -m llmcourse.scaling run "
                                "--refresh-corpus` to snapshot the book's pages")
    return lzma.decompress(path.read_bytes()).decode("utf-8").split(DOCUMENT_SEPARATOR)


def heldout_page_indices(n_pages: int, setup: ScalingSetup) -> list[int]:
    """Indices of the pages held out from training: every heldout_every-th, from the middle one."""
    return [i for i in range(n_pages) if i % setup.heldout_every == setup.heldout_every // 2]


def load_corpus(setup: ScalingSetup, path: Path = CORPUS_PATH) -> tuple[torch.Tensor, torch.Tensor, str]:
    """(train_ids, heldout_ids, sha256 of the snapshot): pages as bytes, each ended by END_OF_DOCUMENT.

    Documents are *packed*: concatenated into one stream, so a training window may cross a page
    boundary (the end-of-document id tells the model where). Whole pages are held out, so the
    held-out loss measures text the model never saw, not a random window of a page it trained on.
    """
    pages = snapshot_pages(path)
    heldout_indices = set(heldout_page_indices(len(pages), setup))
    train, heldout = [], []
    for index, page in enumerate(pages):
        ids = encode(page) + [END_OF_DOCUMENT]
        (heldout if index in heldout_indices else train).extend(ids)
    snapshot = DOCUMENT_SEPARATOR.join(pages).encode("utf-8")
    return (torch.tensor(train, dtype=torch.long), torch.tensor(heldout, dtype=torch.long),
            hashlib.sha256(snapshot).hexdigest())


def peak_lr(shape: ModelShape, setup: ScalingSetup) -> float:
    """The peak learning rate for one width: the reference rate times sqrt(reference / d_model)."""
    return setup.reference_lr * (setup.reference_width / shape.d_model) ** 0.5


def build_model(shape: ModelShape, setup: ScalingSetup):
    """A randomly initialised Llama-style decoder of the given shape (byte vocabulary, tied embeddings)."""
    from transformers import LlamaConfig, LlamaForCausalLM

    config = LlamaConfig(initializer_range=setup.init_std_times_sqrt_width / shape.d_model ** 0.5,
                         vocab_size=VOCAB_SIZE, hidden_size=shape.d_model, intermediate_size=shape.d_ff,
                         num_hidden_layers=shape.n_layers, num_attention_heads=shape.n_heads,
                         num_key_value_heads=shape.n_heads, max_position_embeddings=setup.seq_len,
                         tie_word_embeddings=True, bos_token_id=END_OF_DOCUMENT,
                         eos_token_id=END_OF_DOCUMENT, pad_token_id=None)
    config._attn_implementation = "sdpa"
    return LlamaForCausalLM(config)


def non_embedding_params(model) -> int:
    """N as Kaplan et al. count it: every parameter except the (tied) token-embedding table."""
    return sum(p.numel() for name, p in model.named_parameters() if "embed_tokens" not in name)


def warmup_cosine_scheduler(optimizer, total_steps: int, warmup_steps: int, final_lr_ratio: float):
    """PyTorch's own schedulers chained: linear warm-up to the peak, then cosine decay.

    Call ``scheduler.step()`` after every ``optimizer.step()``. Step t (from 0) uses
    peak * (t + 1) / warmup_steps during warm-up; the cosine then starts at the peak and would
    reach final_lr_ratio * peak at t == total_steps. Requires 2 <= warmup_steps < total_steps.
    """
    from torch.optim.lr_scheduler import CosineAnnealingLR, LinearLR, SequentialLR

    if not 2 <= warmup_steps < total_steps:
        raise ValueError(f"need 2 <= warmup_steps < total_steps, got {warmup_steps} and {total_steps}")
    peak = optimizer.param_groups[0]["lr"]
    warmup = LinearLR(optimizer, start_factor=1 / warmup_steps, end_factor=1.0, total_iters=warmup_steps - 1)
    cosine = CosineAnnealingLR(optimizer, T_max=total_steps - warmup_steps, eta_min=final_lr_ratio * peak)
    return SequentialLR(optimizer, [warmup, cosine], milestones=[warmup_steps])


@torch.no_grad()
def heldout_loss(model, heldout: torch.Tensor, setup: ScalingSetup) -> float:
    """Mean next-token cross-entropy (nats per byte) over the first heldout_windows windows."""
    model.eval()
    n_windows = min(setup.heldout_windows, (len(heldout) - 1) // setup.seq_len)
    windows = heldout[: n_windows * setup.seq_len].view(n_windows, setup.seq_len)   # (W, T)
    total = 0.0
    for batch in windows.split(64):
        total += model(input_ids=batch, labels=batch).loss.item() * len(batch)
    model.train()
    return total / n_windows


def train_point(shape: ModelShape, tokens: int, setup: ScalingSetup, train: torch.Tensor,
                heldout: torch.Tensor, seed: int) -> dict:
    """Train one model of `shape` on `tokens` training tokens; return its measured losses and costs.

    Each point gets its own full warm-up + cosine schedule sized to its budget (a run cut short
    from a longer schedule would understate what that budget can reach).
    """
    torch.manual_seed(seed)
    model = build_model(shape, setup)
    decay = [p for p in model.parameters() if p.dim() >= 2]
    no_decay = [p for p in model.parameters() if p.dim() < 2]
    optimizer = torch.optim.AdamW([{"params": decay, "weight_decay": setup.weight_decay},
                                   {"params": no_decay, "weight_decay": 0.0}],
                                  lr=peak_lr(shape, setup), betas=setup.betas)
    tokens_per_step = setup.batch_size * setup.seq_len
    total_steps = tokens // tokens_per_step
    warmup_steps = max(2, round(setup.warmup_fraction * total_steps))
    scheduler = warmup_cosine_scheduler(optimizer, total_steps, warmup_steps, setup.final_lr_ratio)
    generator = torch.Generator().manual_seed(seed)
    cpu_start, wall_start = time.process_time(), time.perf_counter()
    recent = []
    for _ in range(total_steps):
        starts = torch.randint(0, len(train) - setup.seq_len, (setup.batch_size,), generator=generator)
        batch = torch.stack([train[s: s + setup.seq_len] for s in starts.tolist()])   # (B, T)
        loss = model(input_ids=batch, labels=batch).loss
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), setup.grad_clip)
        optimizer.step()
        scheduler.step()
        recent = (recent + [loss.item()])[-20:]
    return {"d_model": shape.d_model, "n_layers": shape.n_layers, "n_heads": shape.n_heads,
            "params_non_embedding": non_embedding_params(model),
            "params_total": sum(p.numel() for p in model.parameters()),
            "peak_lr": peak_lr(shape, setup),
            "tokens": total_steps * tokens_per_step, "steps": total_steps, "seed": seed,
            "train_loss_last20": float(np.mean(recent)),
            "heldout_loss": heldout_loss(model, heldout, setup),
            "cpu_seconds": time.process_time() - cpu_start,
            "wall_seconds": time.perf_counter() - wall_start}


def code_fingerprint() -> str:
    """sha256 over the source of everything that decides a measured loss (not of the CLI or docs)."""
    parts = [inspect.getsource(obj) for obj in (ModelShape, ScalingSetup, encode, snapshot_pages,
                                                  heldout_page_indices, load_corpus,
                                                  peak_lr, build_model, non_embedding_params,
                                                  warmup_cosine_scheduler,
                                                  heldout_loss, train_point)]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def setup_as_dict(setup: ScalingSetup) -> dict:
    """The setup as plain JSON data (tuples become lists)."""
    return json.loads(json.dumps(asdict(setup)))


def run_family(setup: ScalingSetup = ScalingSetup(), cache_path: Path = CACHE_PATH,
               refresh_corpus: bool = False) -> dict:
    """Train every (shape, budget) point plus the noise re-runs, and write the cache."""
    import transformers

    torch.set_num_threads(1)
    if refresh_corpus or not CORPUS_PATH.exists():
        freeze_corpus()
    train, heldout, corpus_sha = load_corpus(setup)
    cpu_start, wall_start = time.process_time(), time.perf_counter()
    runs = []
    for shape_index, shape in enumerate(setup.shapes):
        for budget_index, tokens in enumerate(setup.token_budgets):
            seeds = [setup.seed]
            if (shape_index, budget_index) in setup.noise_points:
                seeds += list(setup.noise_seeds)
            for seed in seeds:
                result = train_point(shape, tokens, setup, train, heldout, seed)
                runs.append(result)
                print(f"d={shape.d_model:3d} L={shape.n_layers} N={result['params_non_embedding']:7,d} "
                      f"D={result['tokens']:9,d} seed={seed}: held-out {result['heldout_loss']:.4f} "
                      f"nats/byte ({result['cpu_seconds']:.1f} s CPU)", flush=True)
    cache = {
        "description": "Held-out losses of tiny Llama-style byte-level models trained on the course's "
                       "text; written by `python -m llmcourse.scaling run`.",
        "code_fingerprint": code_fingerprint(),
        "setup": setup_as_dict(setup),
        "corpus": {"path": CORPUS_PATH.name, "sha256": corpus_sha,
                   "train_tokens": len(train), "heldout_tokens": len(heldout)},
        "environment": {"torch": torch.__version__, "transformers": transformers.__version__,
                        "python": platform.python_version(), "machine": platform.machine(),
                        "torch_threads": torch.get_num_threads()},
        "total_cpu_seconds": time.process_time() - cpu_start,
        "total_wall_seconds": time.perf_counter() - wall_start,
        "runs": runs,
    }
    cache_path.write_text(json.dumps(cache, indent=1) + "\n", encoding="utf-8")
    return cache


def load_cache(cache_path: Path = CACHE_PATH) -> dict:
    """The cached measurements, or a FileNotFoundError that says how to make them."""
    if not cache_path.exists():
        raise FileNotFoundError(f"{cache_path} is missing: run `python -m llmcourse.scaling run`")
    return json.loads(cache_path.read_text(encoding="utf-8"))


def cache_mismatches(cache: dict, setup: ScalingSetup = ScalingSetup()) -> list[str]:
    """Reasons the cache was not produced by this code and setup (empty when it was)."""
    problems = []
    if cache.get("code_fingerprint") != code_fingerprint():
        problems.append("the training code changed since the cache was written (code fingerprint differs)")
    if cache.get("setup") != setup_as_dict(setup):
        problems.append("ScalingSetup's defaults differ from the setup recorded in the cache")
    if CORPUS_PATH.exists():
        if hashlib.sha256(lzma.decompress(CORPUS_PATH.read_bytes())).hexdigest() != cache["corpus"]["sha256"]:
            problems.append(f"{CORPUS_PATH.name} is not the text the cache was trained on")
    else:
        problems.append(f"{CORPUS_PATH.name} is missing")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m llmcourse.scaling", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="re-train the whole family and rewrite the cache")
    run.add_argument("--refresh-corpus", action="store_true",
                     help="snapshot the book's current pages first (changes every measured loss)")
    sub.add_parser("check", help="say whether the cache matches this module")
    args = parser.parse_args(argv)
    if args.command == "run":
        cache = run_family(refresh_corpus=args.refresh_corpus)
        print(f"wrote {CACHE_PATH}: {len(cache['runs'])} runs, {cache['total_cpu_seconds']:.0f} s CPU, "
              f"{cache['total_wall_seconds']:.0f} s wall")
        return 0
    problems = cache_mismatches(load_cache())
    print("\n".join(problems) if problems else "the cache matches this module, its setup and its text")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
