"""llmcourse.chat: the offline ChatML tokenizer and its library-built assistant mask."""
from __future__ import annotations

import pytest

from llmcourse.chat import (CHATML_TEMPLATE, IM_END, IM_START, PAD, chat_tokenizer, encode_chat,
                            instruction_dataset)


@pytest.fixture(scope="module")
def tokenizer():
    return chat_tokenizer()


def expected_mask(tokenizer, messages, add_generation_prompt=False):
    """The mask rebuilt independently: a token is trained on iff its characters lie inside an
    assistant message's content + <|im_end|>, located by searching the rendered text."""
    text = tokenizer.apply_chat_template(messages, tokenize=False,
                                         add_generation_prompt=add_generation_prompt)
    spans, cursor = [], 0
    for message in messages:
        header = f"{IM_START}{message['role']}\n"
        start = text.index(header, cursor) + len(header)
        end = start + len(message["content"]) + len(IM_END)
        assert text[start:end] == message["content"] + IM_END
        if message["role"] == "assistant":
            spans.append((start, end))
        cursor = end
    encoded = tokenizer(text, add_special_tokens=False, return_offsets_mapping=True)
    mask = [int(any(s <= a and b <= e for s, e in spans)) for a, b in encoded["offset_mapping"]]
    return encoded["input_ids"], mask


def test_rendering_is_chatml(tokenizer):
    messages = [{"role": "user", "content": "add 2 and 3"},
                {"role": "assistant", "content": "2 plus 3 is 5 ."}]
    text = tokenizer.apply_chat_template(messages, tokenize=False)
    assert text == ("<|im_start|>user\nadd 2 and 3<|im_end|>\n"
                    "<|im_start|>assistant\n2 plus 3 is 5 .<|im_end|>\n")
    prompt = tokenizer.apply_chat_template(messages[:1], tokenize=False, add_generation_prompt=True)
    assert prompt.endswith("<|im_end|>\n<|im_start|>assistant\n")
    assert tokenizer.chat_template == CHATML_TEMPLATE


def test_special_tokens(tokenizer):
    assert tokenizer.pad_token == PAD and tokenizer.eos_token == IM_END
    assert tokenizer.pad_token_id != tokenizer.eos_token_id, "padding must not reuse EOS (C10)"
    ids = tokenizer(f"{IM_START}user\nhello{IM_END}", add_special_tokens=False)["input_ids"]
    assert ids[0] == tokenizer.convert_tokens_to_ids(IM_START)
    assert ids[-1] == tokenizer.eos_token_id
    assert tokenizer.unk_token_id in ids  # "hello" is not in the synthetic vocabulary


def test_single_turn_mask_covers_content_and_end_token(tokenizer):
    messages = instruction_dataset(1, seed=3, max_turns=1)[0]
    ids, mask = encode_chat(tokenizer, messages)
    assert (ids, mask) == expected_mask(tokenizer, messages)
    reply = tokenizer(messages[-1]["content"], add_special_tokens=False)["input_ids"]
    trained = [i for i, m in zip(ids, mask) if m]
    assert trained == reply + [tokenizer.eos_token_id], "content + <|im_end|>, nothing else"
    # The newline after <|im_end|> is whitespace, so it yields no token of its own.
    assert ids[-1] == tokenizer.eos_token_id and mask[-1] == 1


@pytest.mark.parametrize("seed", range(6))
def test_multi_turn_masks_match_an_independent_rebuild(tokenizer, seed):
    for messages in instruction_dataset(8, seed=seed, max_turns=3):
        ids, mask = encode_chat(tokenizer, messages)
        assert len(ids) == len(mask)
        assert (ids, mask) == expected_mask(tokenizer, messages)
        n_assistant = sum(m["role"] == "assistant" for m in messages)
        ends_trained = sum(1 for i, m in zip(ids, mask) if m and i == tokenizer.eos_token_id)
        assert ends_trained == n_assistant, "every assistant turn's <|im_end|> is trained on"
        header = tokenizer.convert_tokens_to_ids("assistant")
        assert all(m == 0 for i, m in zip(ids, mask) if i == header)


def test_generation_prompt_is_not_trained_on(tokenizer):
    messages = instruction_dataset(1, seed=5, max_turns=2)[0][:-1]  # ends with a user turn
    ids, mask = encode_chat(tokenizer, messages, add_generation_prompt=True)
    assert (ids, mask) == expected_mask(tokenizer, messages, add_generation_prompt=True)
    assert tokenizer.convert_ids_to_tokens(ids[-2:]) == [IM_START, "assistant"]
    assert mask[-2:] == [0, 0]


def test_no_system_message_and_determinism(tokenizer):
    a = instruction_dataset(5, seed=9, system=None)
    assert a == instruction_dataset(5, seed=9, system=None)
    assert all(conv[0]["role"] == "user" for conv in a)
    assert instruction_dataset(5, seed=10) != instruction_dataset(5, seed=11)
    for messages in a:
        assert encode_chat(tokenizer, messages) == expected_mask(tokenizer, messages)
