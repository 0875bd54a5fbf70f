"""Counts words with text.split(" "): double spaces, newlines and leading/trailing spaces produce empty or merged "words", so tokens_per_word is wrong.
Pattern: 2

The contract says words are text.split(); on single-spaced text like "the cat sat" both agree.
"""


def efficiency_metrics(text: str, num_tokens: int) -> dict[str, float]:
    n_words = len(text.split(" "))
    n_chars = len(text)
    n_bytes = len(text.encode("utf-8"))
    return {
        "tokens_per_word": num_tokens / n_words,
        "chars_per_token": n_chars / num_tokens,
        "bytes_per_token": n_bytes / num_tokens,
        "tokens_per_1k_chars": 1000 * num_tokens / n_chars,
    }


def embedding_params(vocab_size: int, d_model: int, tied: bool) -> int:
    return vocab_size * d_model * (1 if tied else 2)
