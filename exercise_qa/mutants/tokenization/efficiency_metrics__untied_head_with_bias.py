"""Untied count adds a bias vector for the LM head (2*V*d + V), although the contract says no bias.
Pattern: 2

The tied count (the visible GPT-2 check) is exact; the untied one is off by vocab_size.
"""


def efficiency_metrics(text: str, num_tokens: int) -> dict[str, float]:
    n_words = len(text.split())
    n_chars = len(text)
    n_bytes = len(text.encode("utf-8"))
    return {
        "tokens_per_word": num_tokens / n_words,
        "chars_per_token": n_chars / num_tokens,
        "bytes_per_token": n_bytes / num_tokens,
        "tokens_per_1k_chars": 1000 * num_tokens / n_chars,
    }


def embedding_params(vocab_size: int, d_model: int, tied: bool) -> int:
    embedding = vocab_size * d_model
    if tied:
        return embedding
    return embedding + vocab_size * d_model + vocab_size
