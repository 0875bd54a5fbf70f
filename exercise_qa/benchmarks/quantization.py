"""Quantization benchmark: an int8 path against fp32 for one 1024x1024 linear layer on the CPU.

Three ways to compute y = x @ W.T are timed with one thread, for a single token (a GEMV, the shape
of decoding) and for a batch of 256 tokens (a GEMM, the shape of prefill):

* fp32: the reference `x @ W.T`;
* int8 weight-only: W stored as int8 codes with one fp32 scale per output row, dequantized to fp32
  on every call and then multiplied (what a naive weight-only kernel does);
* int8 W8A8: the activations are quantized per token to int8 on the fly, the product is computed
  by `torch._int_mm` (int8 x int8 -> int32) and rescaled, when this build of PyTorch supports it.

The report gives the time of each, the speed-up over fp32, the relative output error, and the
memory of the weights in each format. A CPU does not have to be faster with int8: the point of the
report is to measure it, not to assume it.
"""
from __future__ import annotations

import time

import torch

SIZE = 1024
BATCHES = (1, 256)
REPEATS = 30


def _best_ms(fn, repeats: int = REPEATS) -> float:
    fn()  # warm-up
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best * 1e3


def _int_mm_available() -> bool:
    try:
        a = torch.ones(32, 32, dtype=torch.int8)
        return bool(torch._int_mm(a, a).dtype == torch.int32)
    except Exception:  # noqa: BLE001 - any failure means the kernel is not usable here
        return False


def measure() -> dict:
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        g = torch.Generator().manual_seed(0)
        w = torch.randn(SIZE, SIZE, generator=g) * 0.02
        w_scale = w.abs().amax(dim=1, keepdim=True) / 127
        w_q = torch.clamp(torch.round(w / w_scale), -128, 127).to(torch.int8)
        w_q_t = w_q.T.contiguous()
        has_int_mm = _int_mm_available()
        rows = []
        for batch in BATCHES:
            x = torch.randn(batch, SIZE, generator=g)
            ref = x @ w.T

            def fp32():
                return x @ w.T

            def weight_only():
                return x @ (w_q.to(torch.float32) * w_scale).T

            def w8a8():
                x_scale = x.abs().amax(dim=1, keepdim=True).clamp(min=1e-12) / 127
                x_q = torch.clamp(torch.round(x / x_scale), -128, 127).to(torch.int8)
                if x_q.shape[0] <= 16:  # _int_mm needs at least 17 rows: pad the token batch
                    x_q = torch.cat([x_q, x_q.new_zeros(17 - x_q.shape[0], SIZE)])
                acc = torch._int_mm(x_q, w_q_t)[: x.shape[0]]
                return acc.to(torch.float32) * x_scale * w_scale.T

            paths = [("fp32", fp32), ("int8 weight-only (dequantize, then fp32 matmul)", weight_only)]
            if has_int_mm:
                paths.append(("int8 W8A8 (`torch._int_mm`)", w8a8))
            base = None
            for name, fn in paths:
                ms = _best_ms(fn)
                base = ms if base is None else base
                err = float((fn() - ref).norm() / ref.norm())
                rows.append({"batch": batch, "path": name, "ms": ms, "speedup": base / ms, "rel_err": err})
        memory = {"fp32": SIZE * SIZE * 4, "int8 + fp32 row scales": SIZE * SIZE + SIZE * 4}
        return {"rows": rows, "memory": memory, "has_int_mm": has_int_mm}
    finally:
        torch.set_num_threads(threads)


def report() -> str:
    m = measure()
    lines = [f"**Quantization: a {SIZE}x{SIZE} linear layer on the CPU (1 thread, best of {REPEATS}).**", "",
             "| tokens | path | time (ms) | speed-up vs fp32 | relative output error |",
             "|---:|---|---:|---:|---:|"]
    for r in m["rows"]:
        lines.append(f"| {r['batch']} | {r['path']} | {r['ms']:.3f} | {r['speedup']:.2f}x | {r['rel_err']:.2e} |")
    fp32_bytes = m["memory"]["fp32"]
    int8_bytes = m["memory"]["int8 + fp32 row scales"]
    lines += ["", "| weights | bytes | MiB |", "|---|---:|---:|"]
    for name, nbytes in m["memory"].items():
        lines.append(f"| {name} | {nbytes:,} | {nbytes / 2**20:.3f} |")
    lines += ["", f"Memory saved: {fp32_bytes - int8_bytes:,} bytes ({1 - int8_bytes / fp32_bytes:.1%} of the fp32 weights)."]
    slower = [r for r in m["rows"] if r["path"] != "fp32" and r["speedup"] < 1.0]
    if slower:
        worst = ", ".join(f"{r['path']} at {r['batch']} token(s): {r['speedup']:.2f}x" for r in slower)
        lines.append(f"On this CPU some int8 paths are **slower** than fp32 ({worst}). A CPU does not speed "
                     "quantized code up by itself: dequantizing int8 weights before an fp32 matmul is extra work, "
                     "and a single-token GEMV is too small for an int8 kernel to pay for quantizing the "
                     "activations. Only a true int8 x int8 kernel on a large batch can be faster.")
        faster = [r for r in m["rows"] if r["path"] != "fp32" and r["speedup"] > 1.0]
        if faster:
            best = max(faster, key=lambda r: r["speedup"])
            lines.append(f"The fastest int8 case was {best['path']} at {best['batch']} tokens ({best['speedup']:.2f}x); "
                         "the memory saving holds for every path.")
    else:
        lines.append("On this CPU every int8 path was at least as fast as fp32.")
    if not m["has_int_mm"]:
        lines.append("`torch._int_mm` is not available in this PyTorch build, so no W8A8 path was timed.")
    return "\n".join(lines)


if __name__ == "__main__":
    print(report())
