"""A correct alternative in another style: BPE training with a pair -> positions index, byte codec with an
explicit expansion stack, for-else WordPiece, forward Viterbi over start
positions, chat masks from prefix sums, exact Fraction metrics."""
import collections
import math
from fractions import Fraction


def _merge_word(symbols, left, right):
    out, i = [], 0
    while i < len(symbols):
        if i + 1 < len(symbols) and symbols[i] == left and symbols[i + 1] == right:
            out.append(left + right)
            i += 2
        else:
            out.append(symbols[i])
            i += 1
    return out


def train_bpe(text, num_merges):
    freq = collections.Counter(text.split())
    words = {w: list(w) for w in freq}
    index = collections.defaultdict(set)          # pair -> words that contain it
    counts = collections.Counter()
    for w, symbols in words.items():
        for pair in zip(symbols, symbols[1:]):
            counts[pair] += freq[w]
            index[pair].add(w)
    merges = []
    for _ in range(num_merges):
        live = [(c, p) for p, c in counts.items() if c > 0]
        if not live:
            break
        best = min(live, key=lambda cp: (-cp[0], cp[1]))[1]
        merges.append(best)
        for w in sorted(index.pop(best, set())):
            old = words[w]
            for pair in zip(old, old[1:]):
                counts[pair] -= freq[w]
            new = _merge_word(old, *best)
            words[w] = new
            for pair in zip(new, new[1:]):
                counts[pair] += freq[w]
                index[pair].add(w)
        counts = collections.Counter({p: c for p, c in counts.items() if c > 0})
    return merges


def bpe_encode(text, merges):
    rank = {tuple(m): r for r, m in enumerate(merges)}
    out = []
    for word in text.split():
        symbols = list(word)
        while True:
            ranked = sorted((rank[p], p) for p in set(zip(symbols, symbols[1:])) if p in rank)
            if not ranked:
                break
            symbols = _merge_word(symbols, *ranked[0][1])
        out.extend(symbols)
    return out


def byte_bpe_encode(text, merges):
    ids = list(bytearray(text, "utf-8"))
    rank = {tuple(m): r for r, m in enumerate(merges)}
    while True:
        found = [rank[p] for p in zip(ids, ids[1:]) if p in rank]
        if not found:
            return ids
        r = min(found)
        pair, new, out, i = tuple(merges[r]), 256 + r, [], 0
        while i < len(ids):
            if i + 1 < len(ids) and (ids[i], ids[i + 1]) == pair:
                out.append(new)
                i += 2
            else:
                out.append(ids[i])
                i += 1
        ids = out


def byte_bpe_decode(ids, merges):
    raw = bytearray()
    for token in ids:
        stack = [token]
        while stack:                      # expand depth first, left part before right part
            t = stack.pop()
            if t < 256:
                raw.append(t)
            else:
                left, right = merges[t - 256]
                stack.extend((right, left))
    return bytes(raw).decode("utf-8", "replace")


def wordpiece_tokenize(word, vocab, unk_token="[UNK]", max_input_chars_per_word=100):
    if len(word) > max_input_chars_per_word:
        return [unk_token]
    pieces, i = [], 0
    while i < len(word):
        prefix = "##" if i else ""
        for j in range(len(word), i, -1):
            if prefix + word[i:j] in vocab:
                pieces.append(prefix + word[i:j])
                i = j
                break
        else:
            return [unk_token]
    return pieces


def viterbi_segment(text, log_probs):
    best = {0: (0.0, None)}               # end position -> (score, start of the last piece)
    for start in range(len(text)):
        if start not in best:
            continue
        for piece, lp in log_probs.items():
            if text.startswith(piece, start) and piece:
                end, score = start + len(piece), best[start][0] + lp
                if end not in best or score > best[end][0]:
                    best[end] = (score, start)
    if len(text) not in best:
        return None, -math.inf
    pieces, end = [], len(text)
    while end:
        start = best[end][1]
        pieces.insert(0, text[start:end])
        end = start
    return pieces, float(best[len(text)][0])


def render_chat(messages, style="chatml", add_generation_prompt=False):
    templates = {"chatml": ("", "<|im_start|>{}\n", "<|im_end|>", "\n"),
                 "llama3": ("<|begin_of_text|>", "<|start_header_id|>{}<|end_header_id|>\n\n", "<|eot_id|>", "")}
    if style not in templates:
        raise ValueError(style)
    begin, header, end, after = templates[style]
    text, mask = [begin], [False] * len(begin)
    for m in messages:
        for piece, flag in ((header.format(m["role"]), False), (m["content"] + end, m["role"] == "assistant"),
                            (after, False)):
            text.append(piece)
            mask += [flag] * len(piece)
    if add_generation_prompt:
        text.append(header.format("assistant"))
        mask += [False] * len(text[-1])
    return "".join(text), mask


def token_assistant_mask(offsets, char_mask):
    unmasked = [0]
    for flag in char_mask:
        unmasked.append(unmasked[-1] + (not flag))
    return [end > start and unmasked[end] == unmasked[start] for start, end in offsets]


def efficiency_metrics(text, num_tokens):
    n = Fraction(num_tokens)
    return {"tokens_per_word": float(n / len(text.split())),
            "chars_per_token": float(len(text) / n),
            "bytes_per_token": float(len(text.encode("utf-8")) / n),
            "tokens_per_1k_chars": float(1000 * n / len(text))}


def embedding_params(vocab_size, d_model, tied):
    return int(vocab_size) * int(d_model) * (1 if tied else 2)
