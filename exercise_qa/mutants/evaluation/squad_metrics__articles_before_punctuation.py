"""The articles are removed before the punctuation: "a.k.a." loses its a's.

Pattern: 2
"""
import re
import string


def normalize_answer(text):
    text = re.sub(r"\b(a|an|the)\b", " ", text.lower())
    text = "".join(ch for ch in text if ch not in string.punctuation)
    return " ".join(text.split())
