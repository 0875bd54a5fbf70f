"""llmcourse.distributed: real gloo workers whose failures come back as clear errors, never hangs."""
from __future__ import annotations

import os
import time

import nbformat
import pytest
import torch
import torch.distributed as dist
from nbclient import NotebookClient

from llmcourse.distributed import WorkerDied, WorkerError, pick_backend, run_distributed, torchrun_command


def _sum_of_ranks(rank, world_size, base):
    t = base + rank
    dist.all_reduce(t)
    return {"rank": rank, "sum": t, "env": (os.environ["RANK"], os.environ["WORLD_SIZE"])}


@pytest.mark.parametrize("world_size", [2, 3])
def test_results_come_back_in_rank_order(world_size):
    results = run_distributed(_sum_of_ranks, world_size, torch.zeros(2), timeout_s=30)
    expected = sum(range(world_size))
    assert [r["rank"] for r in results] == list(range(world_size))
    for rank, r in enumerate(results):
        assert torch.equal(r["sum"], torch.full((2,), float(expected)))
        assert r["env"] == (str(rank), str(world_size))


def _raises_on_rank_1(rank, world_size):
    if rank == 1:
        raise ValueError("bad shard size")
    dist.barrier()


def test_a_worker_exception_names_the_rank_and_keeps_the_traceback():
    with pytest.raises(WorkerError) as info:
        run_distributed(_raises_on_rank_1, 2, timeout_s=30)
    message = str(info.value)
    assert info.value.rank == 1 and info.value.exc_type == "ValueError"
    assert "rank 1 of 2 raised ValueError: bad shard size" in message
    assert "_raises_on_rank_1" in message  # the worker's traceback


def _exits_on_rank_0(rank, world_size):
    if rank == 0:
        os._exit(3)
    dist.barrier()


def test_a_dead_worker_is_reported_with_its_exit_code():
    with pytest.raises(WorkerDied, match="rank 0 of 2 exited with code 3"):
        run_distributed(_exits_on_rank_0, 2, timeout_s=30)


def _rank_1_skips_the_collective(rank, world_size):
    t = torch.ones(3)
    if rank != 1:
        dist.all_reduce(t)
    return t


def _recv_from_nobody(rank, world_size):
    buf = torch.zeros(1)
    dist.recv(buf, src=(rank + 1) % world_size)  # everyone receives, nobody sends


@pytest.mark.parametrize("fn, stuck", [(_rank_1_skips_the_collective, "[0, 2]"), (_recv_from_nobody, "[0, 1, 2]")])
def test_a_hang_becomes_a_timeout_error_in_bounded_time(fn, stuck):
    start = time.monotonic()
    with pytest.raises(TimeoutError) as info:
        run_distributed(fn, 3, timeout_s=3)
    elapsed = time.monotonic() - start
    assert elapsed < 3 + 10, f"took {elapsed:.1f} s to give up"
    message = str(info.value)
    assert f"rank(s) {stuck} of 3 did not finish within 3 s" in message
    assert "skipped a collective" in message and "matching recv" in message


def test_no_worker_outlives_a_failure():
    import multiprocessing as mp
    with pytest.raises(TimeoutError):
        run_distributed(_rank_1_skips_the_collective, 3, timeout_s=2)
    assert not mp.active_children()


def _prints(rank, world_size):
    print(f"hello from {rank}")
    return rank


def test_worker_stdout_is_echoed_with_the_rank(capsys):
    assert run_distributed(_prints, 2, timeout_s=30) == [0, 1]
    out = capsys.readouterr().out
    assert "[rank 0] hello from 0" in out and "[rank 1] hello from 1" in out


def test_backend_choice_and_torchrun_command():
    if not torch.cuda.is_available():
        assert pick_backend(2) == "gloo"
    assert pick_backend(10 ** 6) == "gloo"
    assert torchrun_command("train.py", 8) == "torchrun --standalone --nproc_per_node=8 train.py"
    assert "--nnodes=4" in torchrun_command("train.py", 8, nnodes=4)


def test_works_from_a_jupyter_kernel_with_functions_defined_in_cells(tmp_path):
    """Notebook-defined functions cannot be pickled for spawn: the fork start method must work
    inside a real ipykernel, for results, prints and the timeout path alike."""
    cells = [
        "import torch, torch.distributed as dist\nfrom llmcourse.distributed import run_distributed",
        "def f(rank, world_size):\n    t = torch.tensor([rank + 1.0])\n    dist.all_reduce(t)\n"
        "    print('rank', rank)\n    return t\nprint(run_distributed(f, 3, timeout_s=30))",
        "def g(rank, world_size):\n    if rank == 0:\n        dist.barrier()\n"
        "try:\n    run_distributed(g, 2, timeout_s=3)\nexcept TimeoutError as e:\n    print('TIMEOUT', e)",
    ]
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    NotebookClient(nb, timeout=60, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    text = "".join(o.get("text", "") for c in nb.cells for o in c.outputs)
    assert "[tensor([6.]), tensor([6.]), tensor([6.])]" in text
    assert "[rank 2] rank 2" in text
    assert "TIMEOUT run_distributed: rank(s) [0] of 2" in text
    assert not any(o.get("name") == "stderr" for c in nb.cells for o in c.outputs), "workers wrote to stderr"
