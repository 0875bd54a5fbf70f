"""Each beam is extended only by its single best next token, i.e. B independent greedy searches."""


def beam_search(log_probs, start, steps, beam_width):
    first = log_probs[start]
    order = first.argsort(descending=True)[:beam_width].tolist()
    beams = [([t], float(first[t])) for t in order]
    for _ in range(steps - 1):
        beams = [(toks + [int(log_probs[toks[-1]].argmax())], s + float(log_probs[toks[-1]].max()))
                 for toks, s in beams]
        beams.sort(key=lambda b: b[1], reverse=True)
    return beams
