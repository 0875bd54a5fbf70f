"""Correct alternatives written with loops: per-row logsumexp, Counter unions for BLEU clipping, a full LCS table, str.translate, exact Fractions for pass@k, MM for Bradley-Terry, list-based ECE bins, rng.choice for the bootstrap."""
import math
import re
import string
from collections import Counter
from fractions import Fraction

import numpy as np
import torch


def token_nll(logits, input_ids, attention_mask):
    B, T, V = logits.shape
    out = torch.zeros(B, T - 1, dtype=logits.dtype, device=logits.device)
    real = attention_mask.tolist()
    for b in range(B):
        for t in range(T - 1):
            if real[b][t] and real[b][t + 1]:
                row = logits[b, t]
                out[b, t] = torch.logsumexp(row, dim=0) - row[input_ids[b, t + 1]]
    return out


def perplexity(logits, input_ids, attention_mask):
    real = attention_mask.tolist()
    n_scored = sum(1 for row in real for left, right in zip(row, row[1:]) if left and right)
    if n_scored == 0:
        raise ValueError("no scored target")
    nll = token_nll(logits, input_ids, attention_mask).double().flatten().tolist()
    mean = math.fsum(nll) / n_scored
    return math.inf if mean > 709.78 else math.exp(mean)


def _ngrams(tokens, n):
    return Counter(zip(*[tokens[i:] for i in range(n)]))


def bleu_counts(hypothesis, references):
    if len(references) == 0:
        raise ValueError("no reference")
    c = len(hypothesis)
    closest = sorted((abs(len(r) - c), len(r)) for r in references)[0][1]
    matches, totals = [], []
    for n in range(1, 5):
        hyp = _ngrams(hypothesis, n)
        best = Counter()
        for ref in references:
            best |= _ngrams(ref, n)          # | keeps the max count
        matches.append(sum((hyp & best).values()))
        totals.append(sum(hyp.values()))
    return c, closest, matches, totals


def bleu_from_counts(hyp_len, ref_len, matches, totals, smooth="exp", effective_order=False):
    if smooth != "none" and smooth != "exp":
        raise ValueError(f"unknown smoothing {smooth!r}")
    if sum(matches) == 0:
        return 0.0
    orders = 4
    if 0 in totals:
        if not effective_order:
            return 0.0
        orders = totals.index(0)
    precisions, k = [], 0
    for n in range(orders):
        if matches[n]:
            precisions.append(Fraction(matches[n], totals[n]))
        elif smooth == "none":
            return 0.0
        else:
            k += 1
            precisions.append(Fraction(1, 2 ** k * totals[n]))
    log_mean = math.fsum(math.log(p) for p in precisions) / orders
    penalty = 0.0 if hyp_len == 0 else min(1.0, math.exp(1 - ref_len / hyp_len))
    return penalty * math.exp(log_mean)


def corpus_bleu(hypotheses, references, smooth="exp"):
    if len(hypotheses) != len(references):
        raise ValueError("one list of references per hypothesis")
    stats = [bleu_counts(h, r) for h, r in zip(hypotheses, references)]
    hyp_len = sum(s[0] for s in stats)
    ref_len = sum(s[1] for s in stats)
    matches = [sum(s[2][n] for s in stats) for n in range(4)]
    totals = [sum(s[3][n] for s in stats) for n in range(4)]
    return bleu_from_counts(hyp_len, ref_len, matches, totals, smooth, effective_order=False)


def sentence_bleu(hypothesis, references, smooth="exp"):
    hyp_len, ref_len, matches, totals = bleu_counts(hypothesis, references)
    return bleu_from_counts(hyp_len, ref_len, matches, totals, smooth, effective_order=True)


def rouge_l(prediction, reference):
    p, r = words(prediction), words(reference)
    if len(p) == 0 or len(r) == 0:
        return 0.0, 0.0, 0.0
    table = np.zeros((len(p) + 1, len(r) + 1), dtype=np.int64)
    for i in range(1, len(p) + 1):
        for j in range(1, len(r) + 1):
            table[i, j] = table[i - 1, j - 1] + 1 if p[i - 1] == r[j - 1] else max(table[i - 1, j], table[i, j - 1])
    lcs = int(table[-1, -1])
    if lcs == 0:
        return 0.0, 0.0, 0.0
    precision, recall = lcs / len(p), lcs / len(r)
    return precision, recall, 2 * precision * recall / (precision + recall)


_DELETE_PUNCTUATION = str.maketrans("", "", string.punctuation)


def normalize_answer(text):
    text = text.lower().translate(_DELETE_PUNCTUATION)
    return " ".join(re.sub(r"\b(?:a|an|the)\b", " ", text).split())


def exact_match(prediction, golds):
    if len(golds) == 0:
        raise ValueError("no gold answer")
    return float(normalize_answer(prediction) in {normalize_answer(g) for g in golds})


def f1_score(prediction, golds):
    if len(golds) == 0:
        raise ValueError("no gold answer")
    p = normalize_answer(prediction).split()
    scores = []
    for gold in golds:
        g = normalize_answer(gold).split()
        if len(p) == 0 or len(g) == 0:
            scores.append(1.0 if len(p) == len(g) else 0.0)
            continue
        remaining = Counter(g)
        common = 0
        for token in p:
            if remaining[token] > 0:
                remaining[token] -= 1
                common += 1
        scores.append(0.0 if common == 0 else 2.0 * common / (len(p) + len(g)))
    return max(scores)


def pass_at_k(n, c, k):
    n, c, k = int(n), int(c), int(k)
    if c < 0 or c > n or k < 1 or k > n:
        raise ValueError("need 0 <= c <= n and 1 <= k <= n")
    if n - c < k:
        return 1.0
    return float(1 - Fraction(math.comb(n - c, k), math.comb(n, k)))


def mean_pass_at_k(num_samples, num_correct, k):
    num_samples, num_correct = list(num_samples), list(num_correct)
    if len(num_samples) == 0 or len(num_samples) != len(num_correct):
        raise ValueError("two sequences of the same non-zero length")
    values = [pass_at_k(n, c, k) for n, c in zip(num_samples, num_correct)]
    return math.fsum(values) / len(values)


def bradley_terry(wins):
    w = np.array(wins, dtype=np.float64)
    if w.ndim != 2 or w.shape[0] != w.shape[1] or w.shape[0] < 2:
        raise ValueError("need a square matrix of at least two models")
    if (w < 0).any() or (np.diag(w) != 0).any():
        raise ValueError("negative count or non-zero diagonal")
    m = len(w)
    reach = (w > 0) | np.eye(m, dtype=bool)
    for _ in range(m):                       # transitive closure by repeated squaring-ish steps
        reach = reach | ((reach.astype(int) @ reach.astype(int)) > 0)
    if not reach.all():
        raise ValueError("the win graph is not strongly connected: no maximum-likelihood solution")
    games, won = w + w.T, w.sum(axis=1)
    strength = np.ones(m)
    for _ in range(200_000):
        new = won / (games / (strength[:, None] + strength[None, :])).sum(axis=1)
        new /= np.exp(np.log(new).mean())
        change = np.max(np.abs(np.log(new) - np.log(strength)))
        strength = new
        if change < 1e-14:
            break
    theta = np.log(strength)
    return theta - theta.mean()


def elo_ratings(matches, n_models, k_factor=32.0, initial=1000.0):
    ratings = [float(initial)] * n_models
    for a, b, score in matches:
        if a == b or min(a, b) < 0 or max(a, b) >= n_models:
            raise ValueError("bad model ids")
        if score not in (0, 0.5, 1):
            raise ValueError("bad score")
        expected = 1 / (1 + 10 ** ((ratings[b] - ratings[a]) / 400))
        ratings[a], ratings[b] = ratings[a] + k_factor * (score - expected), ratings[b] - k_factor * (score - expected)
    return np.array(ratings, dtype=np.float64)


def expected_calibration_error(probs, labels, n_bins=15, binning="width"):
    if binning not in ("width", "mass"):
        raise ValueError("unknown binning")
    if n_bins < 1 or len(probs) == 0:
        raise ValueError("need n_bins >= 1 and examples")
    rows = probs.detach().cpu().double().tolist()
    gold = labels.cpu().tolist()
    conf = [max(row) for row in rows]
    right = [float(row.index(max(row)) == y) for row, y in zip(rows, gold)]
    n = len(conf)
    if binning == "width":
        groups = [[] for _ in range(n_bins)]
        for i, c in enumerate(conf):
            groups[min(int(math.floor(c * n_bins)), n_bins - 1)].append(i)
    else:
        order = sorted(range(n), key=lambda i: conf[i])   # sorted() is stable
        size, extra = divmod(n, n_bins)
        groups, start = [], 0
        for g in range(n_bins):
            end = start + size + (1 if g < extra else 0)
            groups.append(order[start:end])
            start = end
    total = 0.0
    for g in groups:
        if g:
            total += len(g) / n * abs(math.fsum(right[i] for i in g) / len(g) - math.fsum(conf[i] for i in g) / len(g))
    return total


def paired_bootstrap_ci(correct_a, correct_b, rng, n_resamples=1000, confidence=0.95):
    a = np.asarray(correct_a).astype(np.float64)
    b = np.asarray(correct_b).astype(np.float64)
    if a.ndim != 1 or b.ndim != 1 or len(a) != len(b) or len(a) == 0:
        raise ValueError("two 1-D inputs of the same non-zero length")
    if n_resamples < 1 or confidence <= 0 or confidence >= 1:
        raise ValueError("bad n_resamples or confidence")
    n = len(a)
    rows = rng.choice(n, size=(n_resamples, n))       # the same draws as rng.integers(0, n, size=...)
    diffs = a[rows].mean(axis=1) - b[rows].mean(axis=1)
    tail = (1 - confidence) / 2
    low, high = np.quantile(diffs, [tail, 1 - tail])
    return float(np.mean(a) - np.mean(b)), float(low), float(high)


def ngram_index(documents, n):
    if n < 1:
        raise ValueError("n must be positive")
    index = set()
    for doc in documents:
        tokens = words(doc)
        for start in range(0, len(tokens) - n + 1):
            index.add(tuple(tokens[start:start + n]))
    return index


def contamination_score(item, index, n):
    tokens = words(item)
    if n < 1 or len(tokens) < n:
        raise ValueError("item shorter than n")
    hits = total = 0
    for start in range(len(tokens) - n + 1):
        total += 1
        hits += tuple(tokens[start:start + n]) in index
    return hits / total


_CONSISTENT = {("first", "second"): "A", ("second", "first"): "B"}


def debias_pairwise(a_first, b_first):
    if len(a_first) != len(b_first):
        raise ValueError("lengths differ")
    labels = {"first", "second", "tie"}
    if not set(a_first) <= labels or not set(b_first) <= labels:
        raise ValueError("unknown verdict")
    pairs = list(zip(a_first, b_first))
    verdicts = [_CONSISTENT.get(p, "tie") for p in pairs]
    if not pairs:
        return [], 0.0, 0.0
    score = sum({"A": 1.0, "B": 0.0, "tie": 0.5}[v] for v in verdicts) / len(pairs)
    bias = sum(1 for x, y in pairs if x == y and x != "tie") / len(pairs)
    return verdicts, score, bias
