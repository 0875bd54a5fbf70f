"""The assistant mask covers only the content, not the end token, so the model never learns to stop."""


def render_chat(messages, style="chatml", add_generation_prompt=False):
    if style == "chatml":
        begin, header, end, after = "", "<|im_start|>{role}\n", "<|im_end|>", "\n"
    elif style == "llama3":
        begin, header, end, after = "<|begin_of_text|>", "<|start_header_id|>{role}<|end_header_id|>\n\n", "<|eot_id|>", ""
    else:
        raise ValueError(style)
    parts = [(begin, False)]
    for m in messages:
        parts += [(header.format(role=m["role"]), False), (m["content"], m["role"] == "assistant"),
                  (end + after, False)]
    if add_generation_prompt:
        parts.append((header.format(role="assistant"), False))
    return "".join(p for p, _ in parts), [f for p, f in parts for _ in p]
