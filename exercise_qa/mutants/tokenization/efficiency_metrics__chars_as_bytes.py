"""Bytes per token counts characters instead of UTF-8 bytes."""


def efficiency_metrics(text, num_tokens):
    return {"tokens_per_word": num_tokens / len(text.split()), "chars_per_token": len(text) / num_tokens,
            "bytes_per_token": len(text) / num_tokens, "tokens_per_1k_chars": 1000.0 * num_tokens / len(text)}
