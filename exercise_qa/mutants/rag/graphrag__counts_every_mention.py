"""Counts every mention pair, so an entity repeated inside one document inflates the edge weights."""


def cooccurrence_graph(doc_entities):
    graph = {}
    for entities in doc_entities:
        for u in entities:
            graph.setdefault(u, {})
        for a, u in enumerate(entities):
            for v in entities[a + 1:]:
                if u != v:
                    graph[u][v] = graph[u].get(v, 0) + 1
                    graph[v][u] = graph[v].get(u, 0) + 1
    return graph
