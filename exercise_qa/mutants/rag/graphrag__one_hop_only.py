"""Follows only the direct neighbours of the query entities (1 hop), whatever hops says."""


def multi_hop_documents(query_entities, doc_entities, graph, hops=2):
    reached = {e for e in query_entities if e in graph}
    if hops > 0:
        reached |= {v for u in list(reached) for v in graph[u]}
    return [i for i, entities in enumerate(doc_entities) if reached & set(entities)]
