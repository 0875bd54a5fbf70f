"""Correct alternatives: direct differences, einsum, per-subspace loops, lexsort-style ties, logsumexp; all must keep full marks."""
import math

import torch


def _sq_dists(a, b):
    # (na, nb) squared L2, by explicit differences in chunks (no norm expansion)
    return torch.cat([((a[i:i + 64, None, :] - b[None, :, :]) ** 2).sum(-1) for i in range(0, a.shape[0], 64)]) \
        if a.shape[0] else a.new_zeros((0, b.shape[0]))


def exact_knn(xb, xq, k, metric="l2"):
    if metric == "l2":
        key = _sq_dists(xq, xb)
    elif metric == "ip":
        key = -torch.einsum("qd,nd->qn", xq, xb)
    elif metric == "cos":
        qn = xq / xq.norm(dim=1, keepdim=True).clamp_min(1e-12)
        bn = xb / xb.norm(dim=1, keepdim=True).clamp_min(1e-12)
        key = -torch.einsum("qd,nd->qn", qn, bn)
    else:
        raise ValueError(metric)
    n = xb.shape[0]
    D = torch.full((xq.shape[0], k), float("inf") if metric == "l2" else float("-inf"),
                   dtype=xb.dtype, device=xb.device)
    I = torch.full((xq.shape[0], k), -1, dtype=torch.int64, device=xb.device)
    for i in range(xq.shape[0]):
        row = key[i].tolist()
        order = sorted(range(n), key=lambda j: (row[j], j))[:k]
        if order:
            idx = torch.tensor(order, dtype=torch.int64, device=xb.device)
            I[i, :len(order)] = idx
            D[i, :len(order)] = key[i, idx] if metric == "l2" else -key[i, idx]
    return D, I


def kmeans(x, init_centroids, n_iter):
    centroids = init_centroids.clone()
    inertia = []
    for step in range(n_iter + 1):
        d2 = _sq_dists(x, centroids)
        assign = d2.argmin(dim=1)
        inertia.append(d2.gather(1, assign[:, None]).sum().item())
        if step == n_iter:
            return centroids, assign, inertia
        for c in range(centroids.shape[0]):
            mask = assign == c
            if bool(mask.any()):
                centroids[c] = x[mask].mean(dim=0)


class ProductQuantizer:
    def __init__(self, d, m, nbits=8):
        if d % m or not 1 <= nbits <= 8:
            raise ValueError("bad PQ shape")
        self.d, self.m, self.nbits = d, m, nbits
        self.dsub, self.ksub = d // m, 2 ** nbits
        self.codebooks = None

    def _sub(self, x, j):
        return x[:, j * self.dsub:(j + 1) * self.dsub]

    def train(self, x, n_iter=20, seed=0):
        pick = torch.randperm(x.shape[0], generator=torch.Generator().manual_seed(seed))[:self.ksub].to(x.device)
        self.codebooks = torch.stack([kmeans(self._sub(x, j), self._sub(x, j)[pick], n_iter)[0]
                                      for j in range(self.m)])
        return self

    def encode(self, x):
        cols = [_sq_dists(self._sub(x, j), self.codebooks[j].to(x.dtype)).argmin(1) for j in range(self.m)]
        return torch.stack(cols, dim=1).to(torch.uint8)

    def decode(self, codes):
        return torch.cat([self.codebooks[j][codes[:, j].long()] for j in range(self.m)], dim=1)

    def adc_table(self, q):
        return torch.stack([_sq_dists(self._sub(q, j), self.codebooks[j].to(q.dtype)) for j in range(self.m)], dim=1)

    def adc_distances(self, q, codes):
        table = self.adc_table(q)
        out = torch.zeros(q.shape[0], codes.shape[0], dtype=q.dtype, device=q.device)
        for j in range(self.m):
            out += table[:, j, :][:, codes[:, j].long()]
        return out


class IVFFlat:
    def __init__(self, d, nlist):
        self.d, self.nlist = d, nlist
        self.centroids = self.xb = self.lists = None

    def train(self, x, n_iter=10, seed=0):
        pick = torch.randperm(x.shape[0], generator=torch.Generator().manual_seed(seed))[:self.nlist].to(x.device)
        self.centroids = kmeans(x, x[pick], n_iter)[0]
        return self

    def add(self, x):
        self.xb = x
        owner = _sq_dists(x, self.centroids).argmin(1).tolist()
        buckets = [[] for _ in range(self.nlist)]
        for i, c in enumerate(owner):
            buckets[c].append(i)
        self.lists = [torch.tensor(b, dtype=torch.int64, device=x.device) for b in buckets]
        return self

    def search(self, xq, k, nprobe):
        cd = _sq_dists(xq, self.centroids)
        D = torch.full((xq.shape[0], k), float("inf"), dtype=xq.dtype, device=xq.device)
        I = torch.full((xq.shape[0], k), -1, dtype=torch.int64, device=xq.device)
        evals = torch.zeros(xq.shape[0], dtype=torch.int64, device=xq.device)
        for i in range(xq.shape[0]):
            row = cd[i].tolist()
            probed = sorted(range(self.nlist), key=lambda c: (row[c], c))[:nprobe]
            ids = sorted(j for c in probed for j in self.lists[c].tolist())
            evals[i] = self.nlist + len(ids)
            if not ids:
                continue
            cand = torch.tensor(ids, dtype=torch.int64, device=xq.device)
            d = ((self.xb[cand] - xq[i]) ** 2).sum(1).tolist()
            best = sorted(range(len(ids)), key=lambda t: (d[t], ids[t]))[:k]
            I[i, :len(best)] = cand[best]
            D[i, :len(best)] = torch.tensor([d[t] for t in best], dtype=xq.dtype, device=xq.device)
        return D, I, evals


class IVFPQ:
    def __init__(self, d, nlist, m, nbits=8):
        self.d, self.nlist = d, nlist
        self.centroids = None
        self.pq = ProductQuantizer(d, m, nbits)

    def train(self, x, n_iter=10, seed=0):
        pick = torch.randperm(x.shape[0], generator=torch.Generator().manual_seed(seed))[:self.nlist].to(x.device)
        self.centroids, owner, _ = kmeans(x, x[pick], n_iter)
        self.pq.train(x - self.centroids.index_select(0, owner), n_iter, seed)
        return self

    def encode(self, x):
        owner = _sq_dists(x, self.centroids).argmin(1)
        return owner, self.pq.encode(x - self.centroids.index_select(0, owner))

    def decode(self, list_ids, codes):
        return self.pq.decode(codes) + self.centroids.index_select(0, list_ids.long())


def index_memory_bytes(n, d, kind, *, m=0, nbits=8, nlist=0, id_bytes=8, float_bytes=4):
    table = {"flat": (True, False, False), "pq": (False, True, False),
             "ivfflat": (True, False, True), "ivfpq": (False, True, True)}
    raw, coded, inverted = table[kind]
    out = dict(vectors=0, codes=0, codebooks=0, centroids=0, ids=0)
    if raw:
        out["vectors"] = n * d * float_bytes
    if coded:
        out["codes"] = n * math.ceil(m * nbits / 8)
        out["codebooks"] = int(m * 2 ** nbits * (d / m) * float_bytes)
    if inverted:
        out["centroids"] = nlist * d * float_bytes
        out["ids"] = n * id_bytes
    out["total"] = sum(out.values())
    return out


def simhash(x, planes):
    return torch.einsum("nd,bd->nb", x, planes).sign().ge(0)


def lsh_collision_probability(theta, n_bits=1, n_tables=1):
    miss_all = (1.0 - (1.0 - theta / math.pi) ** n_bits) ** n_tables
    return float(1.0 - miss_all)


def clip_loss(image_emb, text_emb, temperature=0.07):
    a = image_emb / image_emb.norm(dim=-1, keepdim=True)
    b = text_emb / text_emb.norm(dim=-1, keepdim=True)
    logits = torch.einsum("id,jd->ij", a, b) / temperature
    diag = logits.diagonal()
    i2t = (torch.logsumexp(logits, dim=1) - diag).mean()
    t2i = (torch.logsumexp(logits, dim=0) - diag).mean()
    return (i2t + t2i) / 2
