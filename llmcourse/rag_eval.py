"""An evaluation set for retrieval over the course's own book, and small shared RAG utilities.

The RAG chapter's book pages and its benchmark both measure retrievers on the same questions:

    >>> from llmcourse.embeddings import course_passages
    >>> from llmcourse.rag_eval import EVAL_SET, relevant_ids, corpus_passages
    >>> passages = corpus_passages()                  # the book without the RAG chapter itself
    >>> gold = relevant_ids(EVAL_SET, passages)       # [set of passage ids] per question

Passage ids change whenever a page is edited, so relevance is not stored as ids. Each question
lists one or more labels ``(page, phrase)``: a passage is relevant when it comes from ``page``
and its heading or text contains ``phrase`` (case-insensitive). :func:`relevant_ids` resolves
the labels for whatever passage list you give it and raises :class:`LabelError` if a label
matches nothing, so a rewritten page breaks the test suite instead of silently changing the
numbers.

Nothing here implements an exercise of the RAG notebook: no BM25, no fusion, no metric.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

# The RAG chapter quotes these questions, and the bibliography is a list of titles: neither is
# part of the corpus a reader would search.
CORPUS_SKIP = ("rag/", "bibliography.md")


@dataclass(frozen=True)
class EvalQuestion:
    """One evaluation question and the labels that say which passages answer it."""
    qid: str
    question: str
    labels: tuple[tuple[str, str], ...]  # ((page relative to book/, phrase), ...)


def _q(qid: str, question: str, *labels: tuple[str, str]) -> EvalQuestion:
    return EvalQuestion(qid, question, tuple(labels))


A, B, F, P = ("transformers/attention.md", "transformers/blocks.md", "transformers/flash.md",
              "transformers/positions.md")
SW, TP = "tokenization/subwords.md", "tokenization/templates.md"
RL, DPO = "alignment/rlhf.md", "alignment/dpo.md"
SA, SE, SP = "decoding/sampling.md", "decoding/search.md", "decoding/speculative.md"
QF, QM, QD = "quantization/formats.md", "quantization/methods.md", "quantization/deployment.md"
KS, KL, KP = "kv_cache/cache_size.md", "kv_cache/long_context.md", "kv_cache/paging.md"
FIX = "appendix/corrections.md"

EVAL_SET: tuple[EvalQuestion, ...] = (
    # Transformers
    _q("t01", "Why do we scale the query-key dot products before the softmax?",
       (A, "Their dot product is a sum of"), (A, "The softmax Jacobian")),
    _q("t02", "Can a token attend to itself under a causal mask?", (A, "including the diagonal")),
    _q("t03", "How should padded positions be excluded from attention?", (A, "masks *columns*")),
    _q("t04", "How many parameters does a multi-head attention layer have?", (A, "four $d \\times d$ matrices")),
    _q("t05", "With grouped-query attention, which key/value head does each query head read?",
       (A, "reads KV head")),
    _q("t06", "Does LayerNorm divide by n or by n minus one when it computes the variance?",
       (B, "measuring the output both ways"), (FIX, "population variance")),
    _q("t07", "Which normalisation placement trains more stably in deep stacks, pre-norm or post-norm?",
       (B, "Where the norm sits relative to the residual"), (B, "warm-up requirement")),
    _q("t08", "Why is the hidden width of a SwiGLU feed-forward layer two thirds of 4d?",
       (B, "three** matrices")),
    _q("t09", "Does a mixture-of-experts model save memory or only compute?", (B, "saves compute per token")),
    _q("t10", "How does FlashAttention avoid materialising the full score matrix?",
       (F, "running quantities over everything seen"), (F, "applies this recurrence to whole tiles")),
    _q("t11", "What happens to attention if there is no positional information at all?",
       (P, "permutation-equivariant")),
    _q("t12", "How do rotary embeddings encode the relative offset between two tokens?",
       (P, "rotates the queries and keys")),
    _q("t13", "How can a model trained on short contexts be extended to longer sequences?",
       (P, "Position interpolation"), (P, "beyond the training length")),
    # Tokenization
    _q("k01", "How are ties between equally frequent pairs broken when training BPE?",
       (SW, "lexicographically smallest")),
    _q("k02", "Why does byte-level BPE never produce an unknown token?",
       (SW, "Byte-level BPE: no unknown tokens")),
    _q("k03", "How does WordPiece split a word at inference time?", (SW, "longest prefix")),
    _q("k04", "How does the Unigram tokenizer choose a segmentation?", (SW, "kudo2018subword"),
       (SW, "Back-pointers")),
    _q("k05", "Which tokens should carry loss when fine-tuning on chat transcripts?",
       (TP, "content of each assistant message")),
    _q("k06", "How does the vocabulary size affect the parameter count of the embedding and output layers?",
       (TP, "The input embedding is a $V \\times d$ matrix")),
    _q("k07", "What is tokenizer fertility?", (TP, "fertility")),
    # Alignment
    _q("a01", "How is a reward model trained from pairwise human comparisons?", (RL, "Bradley–Terry model")),
    _q("a02", "Which networks are updated during PPO-based RLHF, and which stay frozen?",
       (RL, "four networks are in play"), (FIX, "holds four models but trains two")),
    _q("a03", "What is reward hacking and how do you limit it?", (RL, "reward model is a proxy")),
    _q("a04", "How does the DPO loss avoid training a separate reward model?",
       (DPO, "Parameterising $\\pi^*$")),
    _q("a05", "How does GRPO compute advantages without a value network?", (DPO, "removes the value model")),
    _q("a06", "How does best-of-n sampling compare to RL fine-tuning in KL divergence?",
       (RL, "grows only logarithmically")),
    # Decoding
    _q("d01", "What does raising the sampling temperature above one do to the distribution?",
       (SA, "Temperature divides the logits"), (FIX, "Temperature is not limited")),
    _q("d02", "Which tokens does nucleus sampling keep?", (SA, "The nucleus is the **smallest"),
       (FIX, "Top-p keeps the smallest set")),
    _q("d03", "How does min-p truncation decide which tokens survive?", (SA, "fraction of the top token")),
    _q("d04", "Why does beam search favour short outputs, and how is that corrected?",
       (SE, "raw scores favour **short**")),
    _q("d05", "When does speculative decoding accept a drafted token?", (SP, "accept } x")),
    _q("d06", "How does self-consistency pick the final answer from several reasoning paths?",
       (SP, "greedy chain of thought is one reasoning path"), (SP, "deterministic tie-break")),
    # Quantization
    _q("q01", "What is the difference between symmetric and asymmetric integer quantization?",
       (QF, "Two schemes are"), (FIX, "min–max scale is the asymmetric")),
    _q("q02", "Why do 4-bit weights use a separate scale for every small group of weights?",
       (QF, "16 levels are too few")),
    _q("q03", "How does GPTQ use second-order information when rounding weights?",
       (QM, "quantizes one linear layer at a time")),
    _q("q04", "Does AWQ keep salient weight channels in FP16?", (QM, "about 1% of weight channels"),
       (FIX, "AWQ scales salient channels")),
    _q("q05", "What is the NF4 data type used by QLoRA?", (QM, "normally distributed weig")),
    _q("q06", "Why is weight-only quantization faster when decoding one sequence at a time?",
       (QD, "is **memory-bound**")),
    # KV cache
    _q("c01", "What is the formula for the size of the KV cache in bytes?", (KS, "For each token the cache holds")),
    _q("c02", "How big is the GPT-3 KV cache at batch 8 and 2,048 tokens?", (KS, "about **77.3 GB"),
       (FIX, "GPT-3's KV cache at batch 8")),
    _q("c03", "Why do attention sinks let a model stream beyond its window?", (KL, "first few tokens")),
    _q("c04", "How does PagedAttention avoid memory fragmentation?", (KP, "borrows virtual memory")),
    _q("c05", "How can two requests share the cache of a common prompt prefix?", (KP, "copy-on-write")),
    _q("c06", "What does continuous batching change compared with static batching?",
       (KP, "**Static** batching")),
    # Retrieval-related corrections
    _q("r01", "Is recall at k the same thing as hit rate?", (FIX, "Recall@K is not hit rate")),
    _q("r02", "Are chunk sizes in a character splitter measured in tokens?",
       (FIX, "Chunk sizes in characters are not tokens")),
    _q("r03", "Does HNSW indexing compress the vectors?", (FIX, "HNSW is not a compression method")),
)


class LabelError(LookupError):
    """A relevance label matches no passage: the page was renamed or its wording changed."""


def _matches(passage, page: str, phrase: str) -> bool:
    if passage.page != page:
        return False
    needle = phrase.lower()
    return needle in passage.text.lower() or needle in passage.heading.lower()


def relevant_ids(questions: Sequence[EvalQuestion], passages: Sequence) -> list[set[int]]:
    """For each question, the set of ``pid`` of the passages its labels select.

    Raises :class:`LabelError` naming the question and label if a label selects nothing.
    """
    out = []
    for q in questions:
        gold: set[int] = set()
        for page, phrase in q.labels:
            hits = {p.pid for p in passages if _matches(p, page, phrase)}
            if not hits:
                raise LabelError(f"question {q.qid} ({q.question!r}): label ({page!r}, {phrase!r}) "
                                 "matches no passage; update the label in llmcourse/rag_eval.py")
            gold |= hits
        out.append(gold)
    return out


def corpus_passages(max_words: int = 120):
    """The retrieval corpus: the book's passages without the RAG chapter and the bibliography."""
    from .embeddings import course_passages

    return course_passages(max_words, skip=CORPUS_SKIP)


def corpus_embeddings(max_words: int = 120):
    """(passages, unit-length float32 [n, 384] MiniLM embeddings) of :func:`corpus_passages`, cached."""
    from .embeddings import course_embeddings

    return course_embeddings(max_words, skip=CORPUS_SKIP)


_WORD = re.compile(r"[a-z0-9]+")


def word_tokens(text: str) -> list[str]:
    """Lower-cased alphanumeric runs: the tokenizer the chapter's sparse retrievers use."""
    return _WORD.findall(text.lower())


def encode_cached(texts: Sequence[str], *, cache: bool = True):
    """MiniLM embeddings (unit-length float32 [n, 384]) of short texts, cached on disk per text
    (the question and heading vectors the book pages reuse between builds); the passages
    themselves go through :func:`corpus_embeddings`. Same cache as the passages."""
    from .embeddings import cached_encode

    return cached_encode(list(texts), cache=cache)
