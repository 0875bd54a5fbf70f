"""Every non-word character is removed (regex [^\w\s]), not only string.punctuation: curly quotes and dashes disappear too.

Pattern: 3
"""
import re


def normalize_answer(text):
    text = re.sub(r"[^\w\s]", "", text.lower())
    return " ".join(re.sub(r"\b(a|an|the)\b", " ", text).split())
