"""Ignores the dependencies between stages: every stage runs its program back to back from step 0."""


def pipeline_schedule(n_stages, n_micro, schedule="gpipe"):
    rows = []
    for s in range(n_stages):
        if schedule == "gpipe":
            ops = [f"F{i}" for i in range(n_micro)] + [f"B{i}" for i in range(n_micro)]
        else:
            w = min(n_stages - s - 1, n_micro)
            ops = [f"F{i}" for i in range(w)]
            for i in range(n_micro - w):
                ops += [f"F{w + i}", f"B{i}"]
            ops += [f"B{i}" for i in range(n_micro - w, n_micro)]
        rows.append(ops)
    length = 2 * (n_micro + n_stages - 1)
    return [row + [""] * (length - len(row)) for row in rows]
