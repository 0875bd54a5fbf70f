"""Correct alternatives computed in float64 internally (results cast back), log-space LSH and InfoNCE, heap-free loops; all must keep full marks."""
import math

import torch


def _d2(a, b):
    """(na, nb) squared L2 in float64 by explicit differences."""
    a64, b64 = a.double(), b.double()
    return ((a64[:, None, :] - b64[None, :, :]) ** 2).sum(-1)


def exact_knn(xb, xq, k, metric="l2"):
    n, nq = xb.shape[0], xq.shape[0]
    if metric == "l2":
        key = _d2(xq, xb)
    elif metric == "ip":
        key = -(xq.double() @ xb.double().T)
    elif metric == "cos":
        qn = xq.double() / xq.double().norm(dim=1, keepdim=True).clamp_min(1e-300)
        bn = xb.double() / xb.double().norm(dim=1, keepdim=True).clamp_min(1e-300)
        key = -(qn @ bn.T)
    else:
        raise ValueError(metric)
    order = torch.sort(key, dim=1, stable=True).indices[:, :k]
    vals = key.gather(1, order)
    if metric != "l2":
        vals = -vals
    fill = float("inf") if metric == "l2" else float("-inf")
    D = torch.full((nq, k), fill, dtype=torch.float64, device=xb.device)
    I = torch.full((nq, k), -1, dtype=torch.int64, device=xb.device)
    D[:, :order.shape[1]] = vals
    I[:, :order.shape[1]] = order
    return D.to(xb.dtype), I


def kmeans(x, init_centroids, n_iter):
    x64 = x.double()
    c = init_centroids.double().clone()
    inertia = []
    for step in range(n_iter + 1):
        d2 = _d2(x64, c)
        best, assign = d2.min(dim=1)
        inertia.append(float(best.sum()))
        if step == n_iter:
            break
        for j in range(c.shape[0]):
            members = x64[assign == j]
            if members.shape[0] > 0:
                c[j] = members.sum(0) / members.shape[0]
    return c.to(init_centroids.dtype), assign, inertia


class ProductQuantizer:
    def __init__(self, d, m, nbits=8):
        if d % m or not 1 <= nbits <= 8:
            raise ValueError("d must be divisible by m, and 1 <= nbits <= 8")
        self.d, self.m, self.nbits = d, m, nbits
        self.dsub, self.ksub = d // m, 2 ** nbits
        self.codebooks = None

    def _sub(self, x, j):
        return x[:, j * self.dsub:(j + 1) * self.dsub]

    def train(self, x, n_iter=20, seed=0):
        rows = torch.randperm(x.shape[0], generator=torch.Generator().manual_seed(seed))[:self.ksub].to(x.device)
        self.codebooks = torch.stack([kmeans(self._sub(x, j), self._sub(x, j)[rows], n_iter)[0] for j in range(self.m)])
        return self

    def encode(self, x):
        cols = [_d2(self._sub(x, j), self.codebooks[j]).argmin(1) for j in range(self.m)]
        return torch.stack(cols, 1).to(torch.uint8)

    def decode(self, codes):
        return torch.cat([self.codebooks[j][codes[:, j].long()] for j in range(self.m)], 1)

    def adc_table(self, q):
        return torch.stack([_d2(self._sub(q, j), self.codebooks[j]) for j in range(self.m)], 1).to(q.dtype)

    def adc_distances(self, q, codes):
        table = self.adc_table(q).double()
        total = torch.zeros(q.shape[0], codes.shape[0], dtype=torch.float64, device=q.device)
        for j in range(self.m):
            total += table[:, j, :][:, codes[:, j].long()]
        return total.to(q.dtype)


class IVFFlat:
    def __init__(self, d, nlist):
        self.d, self.nlist = d, nlist
        self.centroids, self.xb, self.lists = None, None, None

    def train(self, x, n_iter=10, seed=0):
        rows = torch.randperm(x.shape[0], generator=torch.Generator().manual_seed(seed))[:self.nlist].to(x.device)
        self.centroids = kmeans(x, x[rows], n_iter)[0]
        return self

    def add(self, x):
        self.xb = x
        owner = _d2(x, self.centroids).argmin(1).tolist()
        buckets = [[] for _ in range(self.nlist)]
        for i, c in enumerate(owner):
            buckets[c].append(i)
        self.lists = [torch.tensor(b, dtype=torch.int64, device=x.device) for b in buckets]
        return self

    def search(self, xq, k, nprobe):
        probe = torch.sort(_d2(xq, self.centroids), dim=1, stable=True).indices[:, :nprobe]
        D = torch.full((xq.shape[0], k), float("inf"), dtype=self.xb.dtype, device=xq.device)
        I = torch.full((xq.shape[0], k), -1, dtype=torch.int64, device=xq.device)
        evals = []
        for i in range(xq.shape[0]):
            cand = sorted(v for c in probe[i].tolist() for v in self.lists[c].tolist())
            evals.append(self.nlist + len(cand))
            if not cand:
                continue
            ids = torch.tensor(cand, dtype=torch.int64, device=xq.device)
            d = _d2(xq[i:i + 1], self.xb[ids])[0]
            order = torch.sort(d, stable=True).indices[:k]
            D[i, :len(order)] = d[order].to(self.xb.dtype)
            I[i, :len(order)] = ids[order]
        return D, I, torch.tensor(evals, dtype=torch.int64, device=xq.device)


class IVFPQ:
    def __init__(self, d, nlist, m, nbits=8):
        self.d, self.nlist = d, nlist
        self.centroids = None
        self.pq = ProductQuantizer(d, m, nbits)

    def train(self, x, n_iter=10, seed=0):
        rows = torch.randperm(x.shape[0], generator=torch.Generator().manual_seed(seed))[:self.nlist].to(x.device)
        self.centroids, assign, _ = kmeans(x, x[rows], n_iter)
        self.pq.train(x - self.centroids[assign], n_iter, seed)
        return self

    def encode(self, x):
        list_ids = _d2(x, self.centroids).argmin(1)
        return list_ids, self.pq.encode(x - self.centroids[list_ids])

    def decode(self, list_ids, codes):
        return self.centroids[list_ids] + self.pq.decode(codes)


def index_memory_bytes(n, d, kind, *, m=0, nbits=8, nlist=0, id_bytes=8, float_bytes=4):
    if kind not in ("flat", "pq", "ivfflat", "ivfpq"):
        raise ValueError(kind)
    out = dict.fromkeys(("vectors", "codes", "codebooks", "centroids", "ids"), 0)
    if kind in ("flat", "ivfflat"):
        out["vectors"] = n * d * float_bytes
    if kind in ("pq", "ivfpq"):
        out["codes"] = n * -(-(m * nbits) // 8)
        out["codebooks"] = (1 << nbits) * d * float_bytes  # m codebooks of 2**nbits codewords of d/m floats
    if kind in ("ivfflat", "ivfpq"):
        out["centroids"] = nlist * d * float_bytes
        out["ids"] = n * id_bytes
    out["total"] = sum(out.values())
    return out


def simhash(x, planes):
    return torch.einsum("nd,bd->nb", x.double(), planes.double()) >= 0


def lsh_collision_probability(theta, n_bits=1, n_tables=1):
    p_key = (1.0 - theta / math.pi) ** n_bits
    if p_key >= 1.0:
        return 1.0
    return -math.expm1(n_tables * math.log1p(-p_key))  # 1 - (1 - p^b)^L in log space


def clip_loss(image_emb, text_emb, temperature=0.07):
    a = image_emb.double() / image_emb.double().norm(dim=-1, keepdim=True)
    b = text_emb.double() / text_emb.double().norm(dim=-1, keepdim=True)
    logits = a @ b.T / temperature

    def ce(l):  # mean over rows of logsumexp(row) - row[i], with the max subtracted by hand
        top = l.max(dim=1, keepdim=True).values
        lse = top[:, 0] + (l - top).exp().sum(1).log()
        return (lse - l.diagonal()).mean()

    return (0.5 * (ce(logits) + ce(logits.T))).to(image_emb.dtype)
