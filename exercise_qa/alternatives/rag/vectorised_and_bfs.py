"""Correct alternatives: chunk count from the formula, a term-matrix BM25, an L2 faiss index, BFS hops."""
import itertools
import math
from collections import Counter, deque

import faiss
import numpy as np


def chunk_tokens(tokens, size, overlap):
    if size < 1 or overlap < 0 or overlap >= size:
        raise ValueError(f"invalid size={size}, overlap={overlap}")
    n, step = len(tokens), size - overlap
    if n == 0:
        return []
    count = 1 if n <= size else -(-(n - overlap) // step)
    return [list(tokens[i * step:i * step + size]) for i in range(count)]


def bm25_scores(query, docs, k1=1.5, b=0.75):
    vocab = {t: j for j, t in enumerate(sorted({t for d in docs for t in d}))}
    tf = np.zeros((len(docs), max(len(vocab), 1)))
    for i, d in enumerate(docs):
        for t, c in Counter(d).items():
            tf[i, vocab[t]] = c
    lengths = tf.sum(axis=1)
    if lengths.sum() == 0:
        return np.zeros(len(docs))
    df = (tf > 0).sum(axis=0)
    idf = np.log1p((len(docs) - df + 0.5) / (df + 0.5))
    saturation = tf * (k1 + 1) / (tf + k1 * (1 - b + b * lengths / lengths.mean())[:, None])
    weights = np.zeros(tf.shape[1])
    for t in query:
        if t in vocab:
            weights[vocab[t]] += 1
    return (saturation * idf) @ weights


def minmax_normalize(scores):
    s = np.asarray(scores, dtype=np.float64)
    span = np.ptp(s)
    return (s - s.min()) / span if span > 0 else np.zeros(s.shape)


def zscore_normalize(scores):
    s = np.asarray(scores, dtype=np.float64)
    centred = s - s.mean()
    std = math.sqrt(float((centred ** 2).mean()))
    return centred / std if std > 0 else np.zeros(s.shape)


def alpha_fusion(sparse_scores, dense_scores, alpha):
    d, s = minmax_normalize(dense_scores), minmax_normalize(sparse_scores)
    return s + alpha * (d - s)


def rrf_fusion(rankings, k=60):
    totals = Counter()
    for ranking in rankings:
        for i, doc_id in enumerate(ranking):
            totals[doc_id] += 1.0 / (k + i + 1)
    return sorted(((d, float(v)) for d, v in totals.items()), key=lambda x: (-x[1], x[0]))


def precision_at_k(ranked, relevant, k):
    return len(set(ranked[:k]) & set(relevant)) / k


def recall_at_k(ranked, relevant, k):
    return len(set(ranked[:k]) & set(relevant)) / len(relevant) if relevant else 0.0


def hit_rate_at_k(ranked, relevant, k):
    return float(bool(set(ranked[:k]) & set(relevant)))


def reciprocal_rank(ranked, relevant):
    positions = [i for i, d in enumerate(ranked) if d in relevant]
    return 1.0 / (positions[0] + 1) if positions else 0.0


def average_precision(ranked, relevant):
    if not relevant:
        return 0.0
    flags = np.array([d in relevant for d in ranked], dtype=float)
    if flags.sum() == 0:
        return 0.0
    precisions = np.cumsum(flags) / np.arange(1, len(flags) + 1)
    return float((precisions * flags).sum() / len(relevant))


def ndcg_at_k(ranked, gains, k):
    discounts = 1.0 / np.log2(np.arange(2, k + 2))
    got = np.array([gains.get(d, 0.0) for d in ranked[:k]] + [0.0] * (k - len(ranked[:k])))
    ideal = np.array((sorted(gains.values(), reverse=True) + [0.0] * k)[:k])
    idcg = float(ideal @ discounts)
    return float(got @ discounts) / idcg if idcg > 0 else 0.0


def build_index(vectors):
    unit = np.asarray(vectors, dtype=np.float32) / np.linalg.norm(vectors, axis=1, keepdims=True)
    index = faiss.IndexFlatL2(unit.shape[1])
    index.add(np.ascontiguousarray(unit, dtype=np.float32))
    return index


def retrieve(index, query_vectors, k):
    q = np.asarray(query_vectors, dtype=np.float32)
    q = np.ascontiguousarray(q / np.linalg.norm(q, axis=1, keepdims=True), dtype=np.float32)
    distances, ids = index.search(q, min(k, index.ntotal))
    return (1.0 - distances / 2.0).astype(np.float32), ids  # |a - b|^2 = 2 - 2 cos for unit vectors


def rerank(query, candidate_ids, texts, score_fn, top_k=None):
    scores = {i: score_fn(query, texts[i]) for i in candidate_ids}
    ranked = sorted(sorted(scores), key=lambda i: scores[i], reverse=True)
    return ranked[:top_k] if top_k is not None else ranked


def cooccurrence_graph(doc_entities):
    graph = {e: {} for doc in doc_entities for e in doc}
    for doc in doc_entities:
        for u, v in itertools.combinations(sorted(set(doc)), 2):
            graph[u][v] = graph[u].get(v, 0) + 1
            graph[v][u] = graph[u][v]
    return graph


def label_propagation_communities(graph, max_iter=100):
    labels = {n: n for n in graph}
    order = sorted(graph)
    for _ in range(max_iter):
        moved = 0
        for n in order:
            if graph[n]:
                totals = Counter()
                for m, w in graph[n].items():
                    totals[labels[m]] += w
                choice = min(totals, key=lambda lab: (-totals[lab], lab))
                moved += choice != labels[n]
                labels[n] = choice
        if not moved:
            break
    members = {}
    for n in order:
        members.setdefault(labels[n], []).append(n)
    return sorted(members.values())


def multi_hop_documents(query_entities, doc_entities, graph, hops=2):
    distance = {e: 0 for e in query_entities if e in graph}
    queue = deque(distance)
    while queue:
        u = queue.popleft()
        if distance[u] == hops:
            continue
        for v in graph[u]:
            if v not in distance:
                distance[v] = distance[u] + 1
                queue.append(v)
    return sorted(i for i, doc in enumerate(doc_entities) if any(e in distance for e in doc))


def claim_support(claims, passages, tau=0.6):
    flags = []
    for claim in claims:
        content = set(word_tokens(claim)) - STOPWORDS
        ok = False
        for passage in passages:
            words = set(word_tokens(passage))
            if content and sum(t in words for t in content) >= tau * len(content):
                ok = True
                break
        flags.append(ok)
    return (float(np.mean(flags)) if flags else 0.0), flags
