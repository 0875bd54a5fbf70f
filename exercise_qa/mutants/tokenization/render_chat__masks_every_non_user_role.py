"""Masks every message that is not from the user ("train on what the model says"), so system prompts and tool messages are also marked True.
Pattern: 4

Right by coincidence on conversations that contain only user and assistant turns, like the visible
one; a system message's content and end token wrongly enter the loss.
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
        role, content = message["role"], message["content"]
        emit(header.format(role=role), False)
        emit(content + end, role != "user")
        emit(after_end, False)
    if add_generation_prompt:
        emit(gen_prompt, False)
    return "".join(parts), mask


def token_assistant_mask(offsets: list[tuple[int, int]], char_mask: list[bool]) -> list[bool]:
    return [end > start and all(char_mask[start:end]) for start, end in offsets]
