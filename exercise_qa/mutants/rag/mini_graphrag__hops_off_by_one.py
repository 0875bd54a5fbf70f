"""BFS expands hops + 1 times ("distance 0 is a hop too"): documents two edges beyond the limit are returned.

Pattern: 1
Invisible when the query's component is small (the visible Turing-Enigma pair); on a chain,
hops = 0 already returns the neighbours' documents.
"""
from collections import defaultdict


def cooccurrence_graph(doc_entities: list[list[str]]) -> dict[str, dict[str, int]]:
    graph = {}
    for entities in doc_entities:
        unique = sorted(set(entities))
        for e in unique:
            graph.setdefault(e, {})
        for i, u in enumerate(unique):
            for v in unique[i + 1:]:
                graph[u][v] = graph[u].get(v, 0) + 1
                graph[v][u] = graph[v].get(u, 0) + 1
    return graph


def label_propagation_communities(graph: dict[str, dict[str, int]], max_iter: int = 100) -> list[list[str]]:
    labels = {node: node for node in graph}
    for _ in range(max_iter):
        changed = False
        for node in sorted(graph):
            if not graph[node]:
                continue
            weight = defaultdict(float)
            for nb, w in graph[node].items():
                weight[labels[nb]] += w
            top = max(weight.values())
            new = min(label for label, w in weight.items() if w == top)
            if new != labels[node]:
                labels[node] = new
                changed = True
        if not changed:
            break
    groups = defaultdict(list)
    for node, label in labels.items():
        groups[label].append(node)
    return sorted((sorted(g) for g in groups.values()), key=lambda g: g[0])


def multi_hop_documents(query_entities: list[str], doc_entities: list[list[str]],
                        graph: dict[str, dict[str, int]], hops: int = 2) -> list[int]:
    reached = {e for e in query_entities if e in graph}
    frontier = set(reached)
    for _ in range(hops + 1):
        frontier = {nb for u in frontier for nb in graph[u]} - reached
        reached |= frontier
    return sorted(i for i, ents in enumerate(doc_entities) if reached & set(ents))
