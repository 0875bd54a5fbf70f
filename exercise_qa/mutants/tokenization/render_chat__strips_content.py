"""The renderer strips whitespace from message contents, so the text is no longer byte-exact."""

_original_render_chat = render_chat


def render_chat(messages, style="chatml", add_generation_prompt=False):
    stripped = [{"role": m["role"], "content": m["content"].strip()} for m in messages]
    return _original_render_chat(stripped, style, add_generation_prompt)
