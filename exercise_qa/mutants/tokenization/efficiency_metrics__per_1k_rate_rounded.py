"""Rounds the per-1k-characters rate to 2 decimals ("it's a rate, two decimals are enough"): an error up to 5e-3 on values in the hundreds, invisible to a loose tolerance, far above the 1e-9 required.
Pattern: 3

The other three metrics are exact; 1000 * 4 / 11 = 363.6363... comes back as 363.64.
"""


def efficiency_metrics(text: str, num_tokens: int) -> dict[str, float]:
    n_words = len(text.split())
    n_chars = len(text)
    n_bytes = len(text.encode("utf-8"))
    return {
        "tokens_per_word": num_tokens / n_words,
        "chars_per_token": n_chars / num_tokens,
        "bytes_per_token": n_bytes / num_tokens,
        "tokens_per_1k_chars": round(1000 * num_tokens / n_chars, 2),
    }


def embedding_params(vocab_size: int, d_model: int, tied: bool) -> int:
    return vocab_size * d_model * (1 if tied else 2)
