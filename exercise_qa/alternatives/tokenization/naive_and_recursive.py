"""A correct alternative: naive recount-per-merge BPE, merge replay for encoding, recursive
WordPiece, memoised top-down Unigram search, regex-free chat rendering via a per-message loop."""
import collections
import functools
import math


def _merge(symbols, pair, fused):
    out, i = [], 0
    while i < len(symbols):
        if i + 1 < len(symbols) and symbols[i] == pair[0] and symbols[i + 1] == pair[1]:
            out.append(fused)
            i += 2
        else:
            out.append(symbols[i])
            i += 1
    return out


def train_bpe(text, num_merges):
    words = collections.Counter(tuple(w) for w in text.split())
    merges = []
    while len(merges) < num_merges:
        counts = collections.defaultdict(int)
        for word, n in words.items():
            for pair in zip(word, word[1:]):
                counts[pair] += n
        if not counts:
            break
        top = max(counts.values())
        best = sorted(p for p, c in counts.items() if c == top)[0]
        merges.append(best)
        rebuilt = collections.Counter()
        for word, n in words.items():
            rebuilt[tuple(_merge(list(word), best, best[0] + best[1]))] += n
        words = rebuilt
    return merges


def bpe_encode(text, merges):
    out = []
    for w in text.split():
        symbols = list(w)
        for m in merges:                       # replaying merges in training order
            symbols = _merge(symbols, m, m[0] + m[1])
        out.extend(symbols)
    return out


def byte_bpe_encode(text, merges):
    ids = list(text.encode("utf-8"))
    for r, pair in enumerate(merges):
        ids = _merge(ids, pair, 256 + r)
    return ids


def byte_bpe_decode(ids, merges):
    def expand(i):
        if i < 256:
            return [i]
        a, b = merges[i - 256]
        return expand(a) + expand(b)
    return bytes(b for i in ids for b in expand(i)).decode("utf-8", "replace")


def wordpiece_tokenize(word, vocab, unk_token="[UNK]", max_input_chars_per_word=100):
    if len(word) > max_input_chars_per_word:
        return [unk_token]

    def rest(start):
        if start == len(word):
            return []
        prefix = "" if start == 0 else "##"
        for end in range(len(word), start, -1):
            if prefix + word[start:end] in vocab:
                tail = rest(end)
                return None if tail is None else [prefix + word[start:end]] + tail
        return None
    pieces = rest(0)
    return [unk_token] if pieces is None else pieces


def viterbi_segment(text, log_probs):
    @functools.lru_cache(maxsize=None)
    def best_from(start):
        if start == len(text):
            return 0.0, ()
        result = (-math.inf, None)
        for end in range(start + 1, len(text) + 1):
            piece = text[start:end]
            if piece in log_probs:
                score, tail = best_from(end)
                if tail is not None and log_probs[piece] + score > result[0]:
                    result = (log_probs[piece] + score, (piece,) + tail)
        return result
    score, pieces = best_from(0)
    if pieces is None:
        return None, float("-inf")
    return list(pieces), float(score)


def render_chat(messages, style="chatml", add_generation_prompt=False):
    text, mask = "", []

    def emit(s, flag):
        nonlocal text
        text += s
        mask.extend([flag] * len(s))
    if style == "chatml":
        for m in messages:
            emit(f"<|im_start|>{m['role']}\n", False)
            emit(m["content"] + "<|im_end|>", m["role"] == "assistant")
            emit("\n", False)
        if add_generation_prompt:
            emit("<|im_start|>assistant\n", False)
    elif style == "llama3":
        emit("<|begin_of_text|>", False)
        for m in messages:
            emit(f"<|start_header_id|>{m['role']}<|end_header_id|>\n\n", False)
            emit(m["content"] + "<|eot_id|>", m["role"] == "assistant")
        if add_generation_prompt:
            emit("<|start_header_id|>assistant<|end_header_id|>\n\n", False)
    else:
        raise ValueError(style)
    return text, mask


def token_assistant_mask(offsets, char_mask):
    return [bool(e > s) and sum(char_mask[s:e]) == e - s for s, e in offsets]


def efficiency_metrics(text, num_tokens):
    n_words = sum(1 for _ in text.split())
    n_chars, n_bytes = len(text), len(bytes(text, "utf-8"))
    return {"tokens_per_word": float(num_tokens) / n_words, "chars_per_token": n_chars / float(num_tokens),
            "bytes_per_token": n_bytes / float(num_tokens), "tokens_per_1k_chars": num_tokens * 1000 / n_chars}


def embedding_params(vocab_size, d_model, tied):
    return int(vocab_size * d_model * (1 if tied else 2))
