"""Strips each message's content (message["content"].strip()) although the template must be byte-exact with no stripping: leading/trailing spaces and newlines disappear.
Pattern: 2

Indistinguishable on contents without surrounding whitespace such as "Hi" and "Hello!"; the mask
stays consistent with the (wrong) text.
"""


def render_chat(messages: list[dict[str, str]], style: str = "chatml",
                add_generation_prompt: bool = False) -> tuple[str, list[bool]]:
    if style == "chatml":
        prefix = ""
        header = "<|im_start|>{role}\n"
        end, after_end = "<|im_end|>", "\n"
        gen_prompt = "<|im_start|>assistant\n"
    elif style == "llama3":
        prefix = "<|begin_of_text|>"
        header = "<|start_header_id|>{role}<|end_header_id|>\n\n"
        end, after_end = "<|eot_id|>", ""
        gen_prompt = "<|start_header_id|>assistant<|end_header_id|>\n\n"
    else:
        raise ValueError(f"unknown chat style {style!r}")
    parts, mask = [], []

    def emit(s, trained):
        parts.append(s)
        mask.extend([trained] * len(s))

    emit(prefix, False)
    for message in messages:
        role, content = message["role"], message["content"].strip()
        emit(header.format(role=role), False)
        emit(content + end, role == "assistant")
        emit(after_end, False)
    if add_generation_prompt:
        emit(gen_prompt, False)
    return "".join(parts), mask


def token_assistant_mask(offsets: list[tuple[int, int]], char_mask: list[bool]) -> list[bool]:
    return [end > start and all(char_mask[start:end]) for start, end in offsets]
