"""Label propagation that sweeps in dict order and breaks ties by the first neighbour seen: order-dependent."""
from collections import defaultdict


def label_propagation_communities(graph, max_iter=100):
    labels = {node: node for node in graph}
    for _ in range(max_iter):
        changed = False
        for node in graph:
            if not graph[node]:
                continue
            weight = {}
            for neighbour, w in graph[node].items():
                weight[labels[neighbour]] = weight.get(labels[neighbour], 0) + w
            new = max(weight, key=weight.get)  # first label with the maximum weight
            if new != labels[node]:
                labels[node], changed = new, True
        if not changed:
            break
    groups = defaultdict(list)
    for node, label in labels.items():
        groups[label].append(node)
    return sorted(sorted(members) for members in groups.values())
