"""The assistant mask also covers the assistant role header, so the model is trained to write it."""


def render_chat(messages, style="chatml", add_generation_prompt=False):
    if style == "chatml":
        begin, header, end, after = "", "<|im_start|>{role}\n", "<|im_end|>", "\n"
    elif style == "llama3":
        begin, header, end, after = "<|begin_of_text|>", "<|start_header_id|>{role}<|end_header_id|>\n\n", "<|eot_id|>", ""
    else:
        raise ValueError(style)
    parts = [(begin, False)]
    for m in messages:
        a = m["role"] == "assistant"
        parts += [(header.format(role=m["role"]), a), (m["content"] + end, a), (after, False)]
    if add_generation_prompt:
        parts.append((header.format(role="assistant"), False))
    return "".join(p for p, _ in parts), [f for p, f in parts for _ in p]
