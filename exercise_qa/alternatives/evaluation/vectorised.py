"""Correct alternatives written vectorised: F.cross_entropy with ignore_index, bit-parallel LCS, log1p sums for pass@k, Newton with a pseudo-inverse for Bradley-Terry, bincount ECE, one-hot n-gram hits."""
import math
import re
import string
from collections import Counter

import numpy as np
import torch
import torch.nn.functional as F


def token_nll(logits, input_ids, attention_mask):
    B, T, V = logits.shape
    real = attention_mask.bool()
    scored = real[:, :-1] & real[:, 1:]
    labels = input_ids[:, 1:].masked_fill(~scored, -100)
    nll = F.cross_entropy(logits[:, :-1].reshape(-1, V), labels.reshape(-1), ignore_index=-100, reduction="none")
    return nll.reshape(B, T - 1).masked_fill(~scored, 0.0)


def perplexity(logits, input_ids, attention_mask):
    real = attention_mask.bool()
    count = (real[:, :-1] & real[:, 1:]).sum()
    if count.item() == 0:
        raise ValueError("no scored target")
    mean = token_nll(logits, input_ids, attention_mask).double().sum() / count
    return float(torch.exp(mean))


def bleu_counts(hypothesis, references):
    if not references:
        raise ValueError("no reference")
    lengths = np.array([len(r) for r in references])
    gaps = np.abs(lengths - len(hypothesis))
    ref_len = int(lengths[gaps == gaps.min()].min())
    matches, totals = [0, 0, 0, 0], [0, 0, 0, 0]
    for n in range(1, 5):
        hyp = Counter(tuple(hypothesis[i:i + n]) for i in range(len(hypothesis) - n + 1))
        refs = [Counter(tuple(r[i:i + n]) for i in range(len(r) - n + 1)) for r in references]
        totals[n - 1] = sum(hyp.values())
        matches[n - 1] = sum(min(k, max(r[g] for r in refs)) for g, k in hyp.items())
    return len(hypothesis), ref_len, matches, totals


def bleu_from_counts(hyp_len, ref_len, matches, totals, smooth="exp", effective_order=False):
    if smooth not in {"none", "exp"}:
        raise ValueError(f"unknown smoothing {smooth!r}")
    m, t = np.array(matches, dtype=np.float64), np.array(totals, dtype=np.float64)
    if m.sum() == 0:
        return 0.0
    orders = 4
    if (t == 0).any():
        if not effective_order:
            return 0.0
        orders = int(np.argmax(t == 0))
    m, t = m[:orders], t[:orders]
    zero = m == 0
    if zero.any() and smooth == "none":
        return 0.0
    m[zero] = 1.0 / 2.0 ** np.cumsum(zero)[zero]        # NIST: 1 / 2^k for the k-th zero order
    log_bp = 0.0 if hyp_len >= ref_len else 1.0 - ref_len / hyp_len
    return float(np.exp(log_bp + np.mean(np.log(m / t))))


def corpus_bleu(hypotheses, references, smooth="exp"):
    if len(hypotheses) != len(references):
        raise ValueError("lengths differ")
    if not hypotheses:
        return bleu_from_counts(0, 0, [0] * 4, [0] * 4, smooth)
    stats = [bleu_counts(h, r) for h, r in zip(hypotheses, references)]
    lengths = np.array([[s[0], s[1]] for s in stats]).sum(0)
    counts = np.array([s[2] + s[3] for s in stats]).sum(0)
    return bleu_from_counts(int(lengths[0]), int(lengths[1]), counts[:4].tolist(), counts[4:].tolist(), smooth)


def sentence_bleu(hypothesis, references, smooth="exp"):
    return bleu_from_counts(*bleu_counts(hypothesis, references), smooth=smooth, effective_order=True)


def _lcs_bits(a, b):
    # Bit-parallel LCS (Allison-Dix / Hyyro): one big-int bit per token of a.
    if not a or not b:
        return 0
    masks = {}
    for i, token in enumerate(a):
        masks[token] = masks.get(token, 0) | (1 << i)
    full = (1 << len(a)) - 1
    v = full
    for token in b:
        u = v & masks.get(token, 0)
        v = ((v + u) | (v - u)) & full
    return len(a) - bin(v).count("1")


def rouge_l(prediction, reference):
    p, r = words(prediction), words(reference)
    lcs = _lcs_bits(p, r)
    if lcs == 0:
        return 0.0, 0.0, 0.0
    precision, recall = lcs / len(p), lcs / len(r)
    return precision, recall, 2 * precision * recall / (precision + recall)


_PUNCTUATION = re.compile("[" + re.escape(string.punctuation) + "]")
_ARTICLES = re.compile(r"\b(a|an|the)\b")


def normalize_answer(text):
    return " ".join(_ARTICLES.sub(" ", _PUNCTUATION.sub("", text.lower())).split())


def exact_match(prediction, golds):
    if not golds:
        raise ValueError("no gold answer")
    normalised = normalize_answer(prediction)
    return max(float(normalised == normalize_answer(g)) for g in golds)


def f1_score(prediction, golds):
    if not golds:
        raise ValueError("no gold answer")
    p = Counter(normalize_answer(prediction).split())

    def one(gold):
        g = Counter(normalize_answer(gold).split())
        if not p or not g:
            return float(not p and not g)
        common = sum((p & g).values())
        return 0.0 if not common else 2 * common / (sum(p.values()) + sum(g.values()))
    return max(one(g) for g in golds)


def pass_at_k(n, c, k):
    n, c, k = int(n), int(c), int(k)
    if not (0 <= c <= n and 1 <= k <= n):
        raise ValueError("need 0 <= c <= n and 1 <= k <= n")
    if n - c < k:
        return 1.0
    log_all_fail = math.fsum(math.log1p(-k / i) for i in range(n - c + 1, n + 1))
    return -math.expm1(log_all_fail)


def mean_pass_at_k(num_samples, num_correct, k):
    n, c = np.asarray(num_samples, dtype=np.int64), np.asarray(num_correct, dtype=np.int64)
    if n.ndim != 1 or n.shape != c.shape or n.size == 0:
        raise ValueError("two 1-D sequences of the same non-zero length")
    if (c < 0).any() or (c > n).any() or k < 1 or (n < k).any():
        raise ValueError("need 0 <= c <= n and 1 <= k <= n for every problem")
    # log P(all k fail) = S[n] - S[n - c] with S[m] = sum_{i=k+1}^{m} log(1 - k/i)
    steps = np.zeros(int(n.max()) + 1)
    steps[k + 1:] = np.log1p(-k / np.arange(k + 1, int(n.max()) + 1))
    cumulative = np.cumsum(steps)
    failing = n - c
    log_fail = np.where(failing >= k, cumulative[n] - cumulative[np.maximum(failing, 0)], -np.inf)
    return float(np.mean(-np.expm1(log_fail)))


def bradley_terry(wins):
    w = np.asarray(wins, dtype=np.float64).copy()
    if w.ndim != 2 or w.shape[0] < 2 or w.shape[0] != w.shape[1]:
        raise ValueError("need an (M, M) matrix, M >= 2")
    if np.any(w < 0) or np.any(np.diagonal(w) != 0):
        raise ValueError("negative count or non-zero diagonal")
    m = w.shape[0]
    reach = np.linalg.matrix_power((w > 0).astype(np.int64) + np.eye(m, dtype=np.int64), m - 1) > 0
    if not reach.all():
        raise ValueError("not strongly connected: the maximum does not exist")
    games = w + w.T
    theta = np.zeros(m)
    for _ in range(500):
        p = 1 / (1 + np.exp(theta[None, :] - theta[:, None]))
        gradient = w.sum(1) - (games * p).sum(1)
        curvature = games * p * p.T
        hessian = curvature - np.diag(curvature.sum(1))
        step = np.linalg.pinv(hessian) @ gradient
        theta = theta - step
        theta -= theta.mean()
        if np.abs(step).max() < 1e-13:
            break
    return theta


def elo_ratings(matches, n_models, k_factor=32.0, initial=1000.0):
    ratings = np.full(n_models, initial, dtype=np.float64)
    for a, b, s in matches:
        if a == b or not (0 <= a < n_models) or not (0 <= b < n_models) or s not in {0.0, 0.5, 1.0}:
            raise ValueError("invalid match")
        step = k_factor * (s - 1.0 / (1.0 + 10.0 ** ((ratings[b] - ratings[a]) / 400.0)))
        ratings[[a, b]] += np.array([step, -step])
    return ratings


def expected_calibration_error(probs, labels, n_bins=15, binning="width"):
    if binning not in {"width", "mass"} or n_bins < 1 or probs.shape[0] == 0:
        raise ValueError("bad binning, n_bins or empty input")
    p = probs.double().cpu()
    conf = p.max(-1).values
    correct = (p.argmax(-1) == labels.cpu()).double()
    n = conf.numel()
    if binning == "width":
        group = (conf * n_bins).long().clamp(max=n_bins - 1)
    else:
        rank = torch.empty(n, dtype=torch.long)
        rank[torch.sort(conf, stable=True).indices] = torch.arange(n)
        size, extra = divmod(n, n_bins)
        big = extra * (size + 1)
        group = torch.where(rank < big, rank // (size + 1), extra + (rank - big) // max(size, 1))
    counts = torch.bincount(group, minlength=n_bins).double()
    conf_sum = torch.bincount(group, weights=conf, minlength=n_bins)
    right_sum = torch.bincount(group, weights=correct, minlength=n_bins)
    used = counts > 0
    return float(((right_sum[used] - conf_sum[used]).abs()).sum() / n)


def paired_bootstrap_ci(correct_a, correct_b, rng, n_resamples=1000, confidence=0.95):
    a = np.array(correct_a, dtype=np.float64)
    b = np.array(correct_b, dtype=np.float64)
    if a.shape != b.shape or a.ndim != 1 or not a.size:
        raise ValueError("two 1-D inputs of the same non-zero length")
    if not (n_resamples >= 1 and 0.0 < confidence < 1.0):
        raise ValueError("bad n_resamples or confidence")
    d = a - b
    rows = rng.integers(0, d.size, size=(n_resamples, d.size))
    diffs = np.take(d, rows).sum(axis=1) / d.size
    low, high = np.quantile(diffs, [(1 - confidence) / 2, (1 + confidence) / 2], method="linear")
    return float(d.mean()), float(low), float(high)


def ngram_index(documents, n):
    if n < 1:
        raise ValueError("n must be >= 1")
    return {gram for doc in documents for gram in zip(*(words(doc)[i:] for i in range(n)))}


def contamination_score(item, index, n):
    tokens = words(item)
    if n < 1 or len(tokens) < n:
        raise ValueError("the item is shorter than n")
    grams = Counter(zip(*(tokens[i:] for i in range(n))))
    return sum(count for gram, count in grams.items() if gram in index) / sum(grams.values())


def debias_pairwise(a_first, b_first):
    if len(a_first) != len(b_first):
        raise ValueError("lengths differ")
    x, y = np.array(list(a_first), dtype=object), np.array(list(b_first), dtype=object)
    valid = np.array(["first", "second", "tie"], dtype=object)
    if not (np.isin(x, valid).all() and np.isin(y, valid).all()):
        raise ValueError("unknown verdict")
    if x.size == 0:
        return [], 0.0, 0.0
    a_wins = (x == "first") & (y == "second")
    b_wins = (x == "second") & (y == "first")
    verdicts = np.where(a_wins, "A", np.where(b_wins, "B", "tie")).tolist()
    win_rate = float((a_wins.sum() + 0.5 * (~a_wins & ~b_wins).sum()) / x.size)
    bias = float(((x == y) & (x != "tie")).sum() / x.size)
    return verdicts, win_rate, bias
