"""Any style other than "llama3" silently renders ChatML instead of raising the documented ValueError (a typo like "chat_ml" or "llama-3" goes unnoticed).
Pattern: 2
"""


def render_chat(messages: list[dict[str, str]], style: str = "chatml",
                add_generation_prompt: bool = False) -> tuple[str, list[bool]]:
    if style == "llama3":
        prefix = "<|begin_of_text|>"
        header = "<|start_header_id|>{role}<|end_header_id|>\n\n"
        end, after_end = "<|eot_id|>", ""
        gen_prompt = "<|start_header_id|>assistant<|end_header_id|>\n\n"
    else:  # default to ChatML
        prefix = ""
        header = "<|im_start|>{role}\n"
        end, after_end = "<|im_end|>", "\n"
        gen_prompt = "<|im_start|>assistant\n"
    parts, mask = [], []

    def emit(s, trained):
        parts.append(s)
        mask.extend([trained] * len(s))

    emit(prefix, False)
    for message in messages:
        role, content = message["role"], message["content"]
        emit(header.format(role=role), False)
        emit(content + end, role == "assistant")
        emit(after_end, False)
    if add_generation_prompt:
        emit(gen_prompt, False)
    return "".join(parts), mask


def token_assistant_mask(offsets: list[tuple[int, int]], char_mask: list[bool]) -> list[bool]:
    return [end > start and all(char_mask[start:end]) for start, end in offsets]
