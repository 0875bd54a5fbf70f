"""Tokenization benchmark: BPE training speed on about 1 MB of the course's own text.

Three trainers learn merges from the same whitespace-split words (no end-of-word marker):
- the incremental trainer of the reference solution (pair counts + pair -> words index + lazy heap),
- a naive trainer that recounts every pair after each merge (timed on fewer merges, per merge),
- Hugging Face `tokenizers` (Rust) for scale.
The incremental and naive trainers must produce identical merges (checked). The issue's budget is
500 merges on ~1 MB in under 10 s for the reference solution.
"""
from __future__ import annotations

import collections
import heapq
import time

TARGET_CHARS = 1_000_000
MERGES = 500
NAIVE_MERGES = 40
BUDGET_S = 10.0


def _corpus() -> str:
    from llmcourse.corpus import course_text

    text = course_text()
    return (text * (TARGET_CHARS // len(text) + 1))[:TARGET_CHARS]


def _replace(symbols, left, right):
    out, i = [], 0
    while i < len(symbols):
        if i + 1 < len(symbols) and symbols[i] == left and symbols[i + 1] == right:
            out.append(left + right)
            i += 2
        else:
            out.append(symbols[i])
            i += 1
    return out


def incremental_bpe(text: str, num_merges: int) -> list[tuple[str, str]]:
    """Most frequent pair first, ties to the smallest pair; only words holding the pair are touched."""
    freq = collections.Counter(text.split())
    words = [list(w) for w in freq]
    weight = list(freq.values())
    counts: collections.Counter = collections.Counter()
    index = collections.defaultdict(set)
    for k, sym in enumerate(words):
        for p in zip(sym, sym[1:]):
            counts[p] += weight[k]
            index[p].add(k)
    heap = [(-c, p) for p, c in counts.items()]
    heapq.heapify(heap)
    merges: list[tuple[str, str]] = []
    while heap and len(merges) < num_merges:
        c, p = heapq.heappop(heap)
        if counts.get(p, 0) != -c:
            continue
        merges.append(p)
        changed = set()
        for k in index.pop(p, ()):
            before = words[k]
            for q in zip(before, before[1:]):
                counts[q] -= weight[k]
                changed.add(q)
            after = _replace(before, *p)
            words[k] = after
            for q in zip(after, after[1:]):
                counts[q] += weight[k]
                changed.add(q)
                index[q].add(k)
        for q in changed:
            if counts[q] > 0:
                heapq.heappush(heap, (-counts[q], q))
            else:
                del counts[q]
    return merges


def naive_bpe(text: str, num_merges: int) -> list[tuple[str, str]]:
    """Recount all pairs of all distinct words after every merge."""
    words = collections.Counter(tuple(w) for w in text.split())
    merges = []
    for _ in range(num_merges):
        tally: collections.Counter = collections.Counter()
        for w, n in words.items():
            for p in zip(w, w[1:]):
                tally[p] += n
        if not tally:
            break
        best = min(tally.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        merges.append(best)
        nxt: collections.Counter = collections.Counter()
        for w, n in words.items():
            nxt[tuple(_replace(list(w), *best))] += n
        words = nxt
    return merges


def _hf_seconds(text: str, num_merges: int) -> float:
    from tokenizers import Tokenizer, models, pre_tokenizers, trainers

    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    alphabet = len(set("".join(text.split())))
    started = time.perf_counter()
    tok.train_from_iterator([text], trainers.BpeTrainer(vocab_size=alphabet + num_merges, show_progress=False))
    return time.perf_counter() - started


def report() -> str:
    text = _corpus()
    started, cpu = time.perf_counter(), time.process_time()
    fast = incremental_bpe(text, MERGES)
    fast_s, fast_cpu = time.perf_counter() - started, time.process_time() - cpu
    started = time.perf_counter()
    slow = naive_bpe(text, NAIVE_MERGES)
    slow_s = time.perf_counter() - started
    assert slow == fast[:NAIVE_MERGES], "the incremental and naive trainers disagree"
    hf_s = _hf_seconds(text, MERGES)
    naive_extrapolated = slow_s / NAIVE_MERGES * MERGES
    rows = [
        "| BPE trainer (whitespace words, 1 MB) | merges | seconds | per merge (ms) |",
        "|---|---|---|---|",
        f"| incremental (reference solution) | {len(fast)} | {fast_s:.2f} | {1000 * fast_s / len(fast):.2f} |",
        f"| incremental, CPU time of this process | {len(fast)} | {fast_cpu:.2f} | {1000 * fast_cpu / len(fast):.2f} |",
        f"| naive recount | {len(slow)} | {slow_s:.2f} | {1000 * slow_s / len(slow):.2f} |",
        f"| naive recount, extrapolated | {MERGES} | ~{naive_extrapolated:.0f} | |",
        f"| HF `tokenizers` (Rust) | {MERGES} | {hf_s:.2f} | {1000 * hf_s / MERGES:.2f} |",
        "",
        f"Corpus: {len(text):,} characters ({len(set(text.split())):,} distinct words). "
        f"Budget: {MERGES} merges in < {BUDGET_S:.0f} s: "
        f"{'met' if fast_s < BUDGET_S else 'MISSED'} ({fast_s:.2f} s). "
        f"The first {NAIVE_MERGES} merges of both Python trainers are identical.",
    ]
    return "\n".join(rows)


if __name__ == "__main__":
    print(report())
