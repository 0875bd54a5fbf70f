"""Punctuation is replaced by a space instead of deleted, so "state-of-the-art" becomes "state of art".

Pattern: 2
"""
import re
import string


def normalize_answer(text):
    text = "".join(" " if ch in string.punctuation else ch for ch in text.lower())
    return " ".join(re.sub(r"\b(a|an|the)\b", " ", text).split())
