"""Beam search ranks hypotheses by the last step's log-prob instead of the cumulative log-prob."""


def beam_search(log_probs, start, steps, beam_width):
    beams = [([], 0.0)]
    for _ in range(steps):
        candidates = []
        for tokens, score in beams:
            row = log_probs[tokens[-1] if tokens else start].tolist()
            for token in range(len(row)):
                candidates.append((tokens + [token], score + row[token], row[token]))
        candidates.sort(key=lambda c: c[2], reverse=True)
        beams = [(t, s) for t, s, _ in candidates[:beam_width]]
    return beams
