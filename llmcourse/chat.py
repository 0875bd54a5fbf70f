"""An offline ChatML tokenizer and a synthetic instruction set for the fine-tuning chapter.

The assistant mask comes from the library, not from hand-written code: the ChatML template
below wraps every assistant turn in Jinja ``{% generation %}`` markers, and
``tokenizer.apply_chat_template(..., return_dict=True, return_assistant_tokens_mask=True)``
turns the marked character spans into a per-token mask. The tokenization chapter's exercise
builds the same mask by hand; this module never does.

Everything is built locally from a few hundred synthetic conversations, so nothing is
downloaded.
"""
from __future__ import annotations

import os
import random

# The vocabulary is tiny: training it on one thread is instant, and it keeps a graded kernel from
# starting a Rust thread pool (sandboxed kernels run under a small per-user process limit).
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
from transformers import PreTrainedTokenizerFast

IM_START, IM_END, PAD, UNK = "<|im_start|>", "<|im_end|>", "<|pad|>", "<|unk|>"
SPECIAL_TOKENS = [PAD, UNK, IM_START, IM_END]

# ChatML: <|im_start|>{role}\n{content}<|im_end|>\n per message. The generation block covers the
# assistant's content and its <|im_end|>: what supervised fine-tuning trains on. The role header
# and the newline after <|im_end|> are supplied by the template, so they stay outside the block.
CHATML_TEMPLATE = (
    "{%- for message in messages -%}"
    "{{- '<|im_start|>' + message['role'] + '\n' -}}"
    "{%- if message['role'] == 'assistant' -%}"
    "{%- generation -%}{{- message['content'] + '<|im_end|>' -}}{%- endgeneration -%}"
    "{%- else -%}{{- message['content'] + '<|im_end|>' -}}{%- endif -%}"
    "{{- '\n' -}}"
    "{%- endfor -%}"
    "{%- if add_generation_prompt -%}{{- '<|im_start|>assistant\n' -}}{%- endif -%}"
)

_WORDS = ["red", "blue", "green", "cat", "dog", "fish", "sun", "moon", "tree", "rock",
          "bird", "lamp", "road", "ship", "wind", "snow"]
_NUMBERS = [str(n) for n in range(20)]


def _one_task(rng: random.Random) -> tuple[str, str]:
    """A (user request, assistant reply) pair from one of four tiny synthetic tasks."""
    kind = rng.randrange(4)
    if kind == 0:
        words = rng.sample(_WORDS, 3)
        return "reverse : " + " ".join(words), " ".join(reversed(words))
    if kind == 1:
        a, b = rng.randrange(10), rng.randrange(10)
        return f"add {a} and {b}", f"{a} plus {b} is {a + b} ."
    if kind == 2:
        word, times = rng.choice(_WORDS), rng.randrange(2, 5)
        return f"repeat {word} {times} times", " ".join([word] * times)
    words = rng.sample(_WORDS, 4)
    return "first word of : " + " ".join(words), words[0]


def instruction_dataset(n: int = 128, seed: int = 0, max_turns: int = 2,
                        system: str | None = "answer briefly .") -> list[list[dict[str, str]]]:
    """``n`` synthetic conversations (lists of {"role", "content"} dicts), deterministic in ``seed``.

    Each has an optional system message and 1..max_turns user/assistant exchanges drawn from four
    toy tasks (reverse three words, add two digits, repeat a word, first word of a list).
    """
    rng = random.Random(seed)
    conversations = []
    for _ in range(n):
        messages = [{"role": "system", "content": system}] if system else []
        for _ in range(rng.randint(1, max_turns)):
            request, reply = _one_task(rng)
            messages += [{"role": "user", "content": request},
                         {"role": "assistant", "content": reply}]
        conversations.append(messages)
    return conversations


def _vocabulary_text() -> list[str]:
    """Every word the synthetic tasks can produce, plus the role names."""
    fixed = "system user assistant reverse add and plus is repeat times first word of : . answer briefly"
    return [fixed, " ".join(_WORDS), " ".join(_NUMBERS)]


def chat_tokenizer(extra_texts: list[str] | None = None) -> PreTrainedTokenizerFast:
    """A small word-level ChatML tokenizer with the template above, built offline.

    Words are split on whitespace and punctuation (``tokenizers``' ``Whitespace`` pre-tokenizer), so
    every token maps to whole characters of the rendered string. Special tokens: ``<|pad|>``
    (a distinct padding token, id 0), ``<|unk|>``, ``<|im_start|>`` and ``<|im_end|>`` (the
    end-of-turn token, also ``eos_token``). ``extra_texts`` adds words to the vocabulary.
    """
    core = Tokenizer(models.WordLevel(unk_token=UNK))
    core.pre_tokenizer = pre_tokenizers.Whitespace()
    core.decoder = decoders.WordPiece(prefix="##")  # joins words with spaces
    trainer = trainers.WordLevelTrainer(special_tokens=SPECIAL_TOKENS, min_frequency=1)
    core.train_from_iterator(_vocabulary_text() + list(extra_texts or []), trainer=trainer)
    tokenizer = PreTrainedTokenizerFast(tokenizer_object=core, pad_token=PAD, unk_token=UNK,
                                        eos_token=IM_END, additional_special_tokens=[IM_START])
    tokenizer.chat_template = CHATML_TEMPLATE
    return tokenizer


def encode_chat(tokenizer: PreTrainedTokenizerFast, messages: list[dict[str, str]],
                add_generation_prompt: bool = False) -> tuple[list[int], list[int]]:
    """(input_ids, assistant_mask) for one conversation, both lists of ints of equal length.

    ``assistant_mask[i]`` is 1 exactly on the tokens of each assistant message's content and its
    ``<|im_end|>``; 0 on role headers, system/user turns, separators and the generation prompt.
    """
    out = tokenizer.apply_chat_template(messages, tokenize=True, return_dict=True,
                                        add_generation_prompt=add_generation_prompt,
                                        return_assistant_tokens_mask=True)
    return list(out["input_ids"]), list(out["assistant_masks"])
