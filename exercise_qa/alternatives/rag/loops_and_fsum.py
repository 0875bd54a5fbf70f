"""Correct alternatives in plain-Python loops: fsum accumulators, a while-loop chunker, Counter BM25, two stable sorts, in-place LPA with a Counter, BFS layers by distance."""
import math
from collections import Counter

import faiss
import numpy as np


def chunk_tokens(tokens, size, overlap):
    if not (isinstance(size, int) and size >= 1) or not 0 <= overlap < size:
        raise ValueError("need size >= 1 and 0 <= overlap < size")
    out, start, n = [], 0, len(tokens)
    while n and True:
        end = min(start + size, n)
        out.append([tokens[i] for i in range(start, end)])
        if end == n:
            break
        start += size - overlap
    return out


def bm25_scores(query, docs, k1=1.5, b=0.75):
    n_docs = len(docs)
    total = math.fsum(len(d) for d in docs)
    if total == 0:
        return np.zeros(n_docs, dtype=np.float64)
    avgdl = total / n_docs
    tfs = [Counter(d) for d in docs]
    df = Counter()
    for tf in tfs:
        df.update(tf.keys())
    out = []
    for i, tf in enumerate(tfs):
        terms = []
        for t in query:
            f, n_t = tf.get(t, 0), df.get(t, 0)
            if f == 0 or n_t == 0:
                continue
            idf = math.log1p((n_docs - n_t + 0.5) / (n_t + 0.5))
            terms.append(idf * f * (k1 + 1) / (f + k1 * (1 - b + b * len(docs[i]) / avgdl)))
        out.append(math.fsum(terms))
    return np.array(out, dtype=np.float64)


def minmax_normalize(scores):
    s = [float(v) for v in np.ravel(np.asarray(scores))]
    lo, hi = min(s), max(s)
    return np.array([0.0 if hi == lo else (v - lo) / (hi - lo) for v in s], dtype=np.float64)


def zscore_normalize(scores):
    s = [float(v) for v in np.ravel(np.asarray(scores))]
    mean = math.fsum(s) / len(s)
    std = math.sqrt(math.fsum((v - mean) ** 2 for v in s) / len(s))
    return np.array([0.0 if std == 0 else (v - mean) / std for v in s], dtype=np.float64)


def alpha_fusion(sparse_scores, dense_scores, alpha):
    d, s = minmax_normalize(dense_scores), minmax_normalize(sparse_scores)
    return np.array([alpha * a + (1 - alpha) * c for a, c in zip(d, s)], dtype=np.float64)


def rrf_fusion(rankings, k=60):
    parts = {}
    for ranking in rankings:
        for i, doc in enumerate(ranking):
            parts.setdefault(doc, []).append(1.0 / (k + i + 1))
    fused = [(doc, math.fsum(v)) for doc, v in parts.items()]
    fused.sort(key=lambda p: p[0])
    fused.sort(key=lambda p: p[1], reverse=True)  # stable: ties stay by doc id
    return fused


def precision_at_k(ranked, relevant, k):
    return float(len([d for d in ranked[:k] if d in relevant])) / k


def recall_at_k(ranked, relevant, k):
    return len(set(ranked[:k]) & set(relevant)) / len(relevant) if relevant else 0.0


def hit_rate_at_k(ranked, relevant, k):
    return float(bool(set(ranked[:k]) & set(relevant)))


def reciprocal_rank(ranked, relevant):
    ranks = [i + 1 for i, d in enumerate(ranked) if d in relevant]
    return 1.0 / ranks[0] if ranks else 0.0


def average_precision(ranked, relevant):
    if not relevant:
        return 0.0
    ranks = [i + 1 for i, d in enumerate(ranked) if d in relevant]
    return math.fsum(n / r for n, r in enumerate(ranks, start=1)) / len(relevant)


def ndcg_at_k(ranked, gains, k):
    disc = [1.0 / math.log2(i + 2) for i in range(k)]
    dcg = math.fsum(gains.get(d, 0.0) * w for d, w in zip(ranked[:k], disc))
    idcg = math.fsum(g * w for g, w in zip(sorted(gains.values(), reverse=True), disc))
    return dcg / idcg if idcg > 0 else 0.0


def build_index(vectors):
    v = np.asarray(vectors, dtype=np.float64)
    unit = (v / np.linalg.norm(v, axis=1, keepdims=True)).astype(np.float32)
    index = faiss.IndexFlatIP(unit.shape[1])
    index.add(unit)
    return index


def retrieve(index, query_vectors, k):
    q = np.asarray(query_vectors, dtype=np.float64)
    unit = np.ascontiguousarray((q / np.linalg.norm(q, axis=1, keepdims=True)).astype(np.float32))
    scores, ids = index.search(unit, min(k, index.ntotal))
    return scores.astype(np.float32), ids.astype(np.int64)


def rerank(query, candidate_ids, texts, score_fn, top_k=None):
    scores = {i: score_fn(query, texts[i]) for i in candidate_ids}
    ranked = sorted(sorted(candidate_ids), key=lambda i: scores[i], reverse=True)
    return ranked if top_k is None else ranked[:max(top_k, 0)]


def cooccurrence_graph(doc_entities):
    graph = {}
    for entities in doc_entities:
        seen = set(entities)
        for u in seen:
            graph.setdefault(u, {})
            for v in seen:
                if u != v:
                    graph[u][v] = graph[u].get(v, 0) + 1
    return graph


def label_propagation_communities(graph, max_iter=100):
    labels = {node: node for node in graph}
    for _ in range(max_iter):
        changed = 0
        for node in sorted(graph):
            totals = Counter()
            for nb, w in graph[node].items():
                totals[labels[nb]] += w
            if not totals:
                continue
            best = min(totals, key=lambda lab: (-totals[lab], lab))
            changed += best != labels[node]
            labels[node] = best
        if not changed:
            break
    members = {}
    for node in sorted(labels):
        members.setdefault(labels[node], []).append(node)
    return sorted(members.values(), key=lambda m: m[0])


def multi_hop_documents(query_entities, doc_entities, graph, hops=2):
    dist = {e: 0 for e in query_entities if e in graph}
    layer = list(dist)
    for h in range(1, hops + 1):
        layer = [v for u in layer for v in graph[u] if v not in dist]
        for v in layer:
            dist.setdefault(v, h)
    return [i for i, ents in enumerate(doc_entities) if any(e in dist for e in ents)]


def claim_support(claims, passages, tau=0.6):
    bags = [set(word_tokens(p)) for p in passages]  # noqa: F821 (setup cell)
    flags = []
    for claim in claims:
        content = {t for t in word_tokens(claim) if t not in STOPWORDS}  # noqa: F821 (setup cell)
        ok = False
        for bag in bags:
            if content and len(content & bag) / len(content) >= tau:
                ok = True
                break
        flags.append(ok)
    return (math.fsum(1.0 for f in flags if f) / len(flags) if flags else 0.0), flags
