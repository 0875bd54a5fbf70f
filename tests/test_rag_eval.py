"""The RAG chapter's evaluation set: every relevance label resolves on the current book."""
from __future__ import annotations

import pytest

from llmcourse.embeddings import Passage
from llmcourse.rag_eval import (CORPUS_SKIP, EVAL_SET, EvalQuestion, LabelError, corpus_passages,
                                relevant_ids, word_tokens)


def test_the_set_is_large_enough_and_ids_are_unique():
    assert len(EVAL_SET) >= 40
    ids = [q.qid for q in EVAL_SET]
    assert len(ids) == len(set(ids))
    assert all(q.labels and q.question.endswith("?") for q in EVAL_SET)


def test_every_label_resolves_on_the_current_book():
    passages = corpus_passages()
    assert not any(p.page.startswith(CORPUS_SKIP) for p in passages), "the RAG chapter leaked into its corpus"
    pages = {p.page for p in passages}
    for q in EVAL_SET:
        for page, phrase in q.labels:
            assert page in pages, f"{q.qid}: page {page} is not in the corpus"
            gold = relevant_ids([EvalQuestion(q.qid, q.question, ((page, phrase),))], passages)[0]
            assert len(gold) >= 1, f"{q.qid}: label {(page, phrase)} selects nothing"
    gold = relevant_ids(EVAL_SET, passages)
    assert all(g <= {p.pid for p in passages} for g in gold)


def test_a_stale_label_raises_a_clear_error():
    passages = [Passage(0, "a.md", "Intro", "BM25 saturates term frequency.")]
    ok = EvalQuestion("x1", "What saturates?", (("a.md", "saturates TERM"),))
    assert relevant_ids([ok], passages) == [{0}]
    assert relevant_ids([EvalQuestion("x2", "?", (("a.md", "intro"),))], passages) == [{0}]  # heading
    for label in (("b.md", "BM25"), ("a.md", "cosine")):
        with pytest.raises(LabelError, match="x3"):
            relevant_ids([EvalQuestion("x3", "?", (label,))], passages)


def test_word_tokens():
    assert word_tokens("Top-p, BM25 & the KV-cache!") == ["top", "p", "bm25", "the", "kv", "cache"]
