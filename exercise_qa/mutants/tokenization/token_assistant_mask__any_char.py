"""A token counts as assistant if ANY of its characters is masked, instead of all of them."""


def token_assistant_mask(offsets, char_mask):
    return [end > start and any(char_mask[start:end]) for start, end in offsets]
