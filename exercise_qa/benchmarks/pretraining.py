"""Pretraining benchmark: MinHash signatures and LSH banding for 10,000 documents, the reference
solution against `datasketch` 2.0.0, and the reference notebook's run time.

The documents are 10,000 windows of 60 words cut at seeded random offsets from the course's own text
(`llmcourse.corpus`), so overlapping windows make real near-duplicates. Each document is a set of
word 3-gram shingles. Both sides use 128 permutations drawn from seed 1 (datasketch's default
"affine32" scheme, which `llmcourse.pretraining` reproduces), so the reference signatures must equal
datasketch's value for value; the benchmark checks it, and that LSH banding (16 bands x 8 rows)
finds the same candidate pairs as `datasketch.MinHashLSH`.

Timed on the CPU with one thread (best of REPEATS where cheap):
- shingle hashing: SHA-1 + fmix32 per shingle (`llmcourse.pretraining.hash_shingles`);
- the reference `minhash_signature`, one call per document, on the hashed shingles;
- datasketch: one `MinHash(...).update_batch(...)` per document (its time includes hashing), and
  the bulk API `MinHash.bulk(...)`;
- the reference `lsh_candidate_pairs` vs `MinHashLSH` insert + query of every document.
"""
from __future__ import annotations

import os
import time

N_DOCS, WORDS_PER_DOC, SHINGLE, NUM_PERM, SEED = 10_000, 60, 3, 128, 1
BANDS, ROWS = 16, 8
REPEATS = 2
NOTEBOOK_TARGET_S = 20.0


def _best(fn, repeats: int = REPEATS) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeats):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def documents() -> list[list[str]]:
    """N_DOCS shingle lists: 60-word windows of the course text at seeded random offsets."""
    import numpy as np

    from llmcourse.corpus import course_text
    from llmcourse.pretraining import word_shingles

    words = course_text().split()
    starts = np.random.default_rng(2024).integers(0, len(words) - WORDS_PER_DOC, N_DOCS)
    return [word_shingles(" ".join(words[s:s + WORDS_PER_DOC]), k=SHINGLE) for s in starts]


def measure(ns) -> dict:
    import numpy as np
    import torch
    from datasketch import MinHash, MinHashLSH

    from llmcourse.pretraining import hash_shingles, minhash_permutations

    docs = documents()
    out = {"n_docs": len(docs), "n_shingles": sum(len(d) for d in docs)}
    a, b = minhash_permutations(NUM_PERM, seed=SEED)
    out["hash_s"], hashes = _best(lambda: [hash_shingles(d) for d in docs], repeats=1)
    signature = ns["minhash_signature"]
    out["ref_sig_s"], ref = _best(lambda: torch.stack([signature(h, a, b) for h in hashes]))

    encoded = [[s.encode("utf-8") for s in d] for d in docs]

    def per_document():
        sketches = []
        for shingles in encoded:
            m = MinHash(num_perm=NUM_PERM, seed=SEED)
            m.update_batch(shingles)
            sketches.append(m)
        return sketches
    out["ds_per_doc_s"], sketches = _best(per_document)
    out["ds_bulk_s"], bulk = _best(lambda: MinHash.bulk(encoded, num_perm=NUM_PERM, seed=SEED))
    library = np.stack([m.hashvalues.astype(np.int64) for m in sketches])
    out["same_signatures"] = bool(np.array_equal(library, ref.numpy())) and bool(
        np.array_equal(np.stack([m.hashvalues.astype(np.int64) for m in bulk]), library))

    pairs_fn = ns["lsh_candidate_pairs"]
    out["ref_lsh_s"], ref_pairs = _best(lambda: pairs_fn(ref, BANDS, ROWS))

    def datasketch_lsh():
        index = MinHashLSH(num_perm=NUM_PERM, params=(BANDS, ROWS))
        for i, m in enumerate(sketches):
            index.insert(i, m)
        return {(min(i, j), max(i, j)) for i, m in enumerate(sketches) for j in index.query(m) if j != i}
    out["ds_lsh_s"], ds_pairs = _best(datasketch_lsh)
    out["n_pairs"], out["same_pairs"] = len(ref_pairs), set(ref_pairs) == ds_pairs
    return out


def measure_notebook() -> float:
    from autograder.bench import time_plain_execution
    return time_plain_execution("pretraining")


def report() -> str:
    import torch

    from autograder.parity import reference_namespace

    previous = os.environ.get("LLMCOURSE_DEVICE")
    os.environ["LLMCOURSE_DEVICE"] = "cpu"
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        r = measure(reference_namespace("pretraining"))
    finally:
        torch.set_num_threads(threads)
        if previous is None:
            os.environ.pop("LLMCOURSE_DEVICE", None)
        else:
            os.environ["LLMCOURSE_DEVICE"] = previous
    notebook_s = measure_notebook()

    def verdict(ok: bool) -> str:
        return "pass" if ok else "FAIL"

    per_doc_us = lambda s: 1e6 * s / r["n_docs"]
    lines = [f"**pretraining: MinHash ({NUM_PERM} permutations) and LSH ({BANDS} bands x {ROWS} rows) for "
             f"{r['n_docs']:,} documents of {WORDS_PER_DOC} words ({r['n_shingles']:,} word {SHINGLE}-gram shingles); "
             "CPU, 1 thread**", "",
             "| step | time | per document |", "|---|---:|---:|",
             f"| hash shingles (SHA-1 + fmix32, `hash_shingles`) | {r['hash_s']:.2f} s | {per_doc_us(r['hash_s']):.0f} µs |",
             f"| reference `minhash_signature`, one call per document (hashes given) | {r['ref_sig_s']:.2f} s | "
             f"{per_doc_us(r['ref_sig_s']):.0f} µs |",
             f"| reference total (hashing + signatures) | {r['hash_s'] + r['ref_sig_s']:.2f} s | "
             f"{per_doc_us(r['hash_s'] + r['ref_sig_s']):.0f} µs |",
             f"| datasketch `MinHash.update_batch`, one per document (hashing included) | {r['ds_per_doc_s']:.2f} s | "
             f"{per_doc_us(r['ds_per_doc_s']):.0f} µs |",
             f"| datasketch `MinHash.bulk` (hashing included) | {r['ds_bulk_s']:.2f} s | {per_doc_us(r['ds_bulk_s']):.0f} µs |",
             f"| reference `lsh_candidate_pairs` | {r['ref_lsh_s']:.2f} s | {per_doc_us(r['ref_lsh_s']):.0f} µs |",
             f"| datasketch `MinHashLSH` insert + query | {r['ds_lsh_s']:.2f} s | {per_doc_us(r['ds_lsh_s']):.0f} µs |",
             "", "| check | measured | result |", "|---|---|:---:|",
             f"| reference signatures equal datasketch's, value for value | {r['n_docs']:,} x {NUM_PERM} | "
             f"{verdict(r['same_signatures'])} |",
             f"| reference LSH candidate pairs equal MinHashLSH's | {r['n_pairs']:,} pairs | {verdict(r['same_pairs'])} |",
             f"| reference notebook <= {NOTEBOOK_TARGET_S:g} s on the CPU (fresh kernel) | {notebook_s:.1f} s | "
             f"{verdict(notebook_s <= NOTEBOOK_TARGET_S)} |"]
    return "\n".join(lines)


if __name__ == "__main__":
    print(report())
