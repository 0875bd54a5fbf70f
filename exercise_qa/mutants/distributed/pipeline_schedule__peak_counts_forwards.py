"""peak_activations counts the forwards a stage runs before its first backward (equal to m under GPipe) rather than the maximum number of micro-batches in flight: wrong for 1F1B.

Pattern: 4
"""
WARMUP = lambda p, s, m: min(p - s - 1, m)


def _programs(p, m, schedule):
    progs = []
    for s in range(p):
        if schedule == "gpipe":
            prog = [("F", i) for i in range(m)] + [("B", i) for i in range(m)]
        elif schedule == "1f1b":
            w = WARMUP(p, s, m)
            prog = [("F", i) for i in range(w)]
            f, b = w, 0
            while f < m:
                prog += [("F", f), ("B", b)]
                f += 1
                b += 1
            prog += [("B", i) for i in range(b, m)]
        else:
            raise ValueError(schedule)
        progs.append(prog)
    return progs


def _simulate(p, m, schedule):
    progs = _programs(p, m, schedule)
    ptr = [0] * p
    done = set()
    rows = [[] for _ in range(p)]
    while any(ptr[s] < len(progs[s]) for s in range(p)):
        finished = []
        for s in range(p):
            if ptr[s] >= len(progs[s]):
                rows[s].append("")
                continue
            kind, i = progs[s][ptr[s]]
            if kind == "F":
                ready = s == 0 or ("F", i, s - 1) in done
            else:
                ready = ("F", i, s) in done and (s == p - 1 or ("B", i, s + 1) in done)
            if ready:
                rows[s].append(f"{kind}{i}")
                finished.append((kind, i, s))
                ptr[s] += 1
            else:
                rows[s].append("")
        done.update(finished)
    return rows


def pipeline_schedule(n_stages: int, n_micro: int, schedule: str = "gpipe") -> list:
    return _simulate(n_stages, n_micro, schedule)


def bubble_fraction(n_stages: int, n_micro: int) -> float:
    return (n_stages - 1) / (n_micro + n_stages - 1)


def peak_activations(timeline: list) -> list:
    peaks = []
    for row in timeline:
        ops = [op for op in row if op]
        first_b = next(i for i, op in enumerate(ops) if op.startswith("B"))
        peaks.append(sum(1 for op in ops[:first_b] if op.startswith("F")) or 1)
    return peaks
