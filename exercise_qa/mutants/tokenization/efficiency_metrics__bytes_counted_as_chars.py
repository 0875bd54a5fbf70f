"""bytes_per_token uses len(text) (code points) instead of the UTF-8 byte count: identical for ASCII, too small for accented, CJK or emoji text.
Pattern: 1
"""


def efficiency_metrics(text: str, num_tokens: int) -> dict[str, float]:
    n_words = len(text.split())
    n_chars = len(text)
    return {
        "tokens_per_word": num_tokens / n_words,
        "chars_per_token": n_chars / num_tokens,
        "bytes_per_token": n_chars / num_tokens,
        "tokens_per_1k_chars": 1000 * num_tokens / n_chars,
    }


def embedding_params(vocab_size: int, d_model: int, tied: bool) -> int:
    return vocab_size * d_model * (1 if tied else 2)
