"""tokens_per_1k_chars computed with floor division (1000 * num_tokens // len(text)): an int, truncated, instead of a float.
Pattern: 2

The three other metrics are exact floats; the visible test only looks at tokens_per_word.
"""


def efficiency_metrics(text: str, num_tokens: int) -> dict[str, float]:
    n_words = len(text.split())
    n_chars = len(text)
    n_bytes = len(text.encode("utf-8"))
    return {
        "tokens_per_word": num_tokens / n_words,
        "chars_per_token": n_chars / num_tokens,
        "bytes_per_token": n_bytes / num_tokens,
        "tokens_per_1k_chars": 1000 * num_tokens // n_chars,
    }


def embedding_params(vocab_size: int, d_model: int, tied: bool) -> int:
    return vocab_size * d_model * (1 if tied else 2)
