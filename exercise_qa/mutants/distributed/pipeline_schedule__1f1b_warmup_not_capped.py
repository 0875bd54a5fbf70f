"""1F1B warm-up uses w = p - s - 1 without min(., m): with fewer micro-batches than stages the warm-up schedules forwards F m, F m+1, ... that do not exist.

Pattern: 1
"""
WARMUP = lambda p, s, m: p - s - 1


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
        live = best = 0
        for op in row:
            if op.startswith("F"):
                live += 1
            elif op.startswith("B"):
                live -= 1
            best = max(best, live)
        peaks.append(best)
    return peaks
