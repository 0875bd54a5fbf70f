"""Run a function on several real ``torch.distributed`` processes, from a notebook or a script.

``run_distributed(fn, world_size, *args)`` starts ``world_size`` worker processes. Each one
joins a process group (gloo on the CPU, or NCCL when every rank can have its own GPU), calls
``fn(rank, world_size, *args, **kwargs)`` and sends its return value back. The parent returns
the values in rank order, with tensors moved to the CPU.

Why "fork": a function defined in a notebook cell lives in ``__main__`` of the kernel, which a
"spawn"ed worker cannot import, so it cannot be pickled for spawn. A forked worker inherits it
(and every argument) directly. Fork exists on Linux only in a usable form; on macOS or Windows
put the function in a ``.py`` file, import it, and pass ``start_method="spawn"``.

The parent never blocks forever. A worker that raises is reported with its rank, the exception
and its traceback; a worker that dies is reported with its exit code; if the ranks have not all
finished after ``timeout_s`` seconds (a rank skipped a collective, a ``send`` has no matching
``recv``, ...) every worker is stopped and a ``TimeoutError`` says which ranks were stuck.

Each worker sees the same environment variables ``torchrun`` sets (``RANK``, ``WORLD_SIZE``,
``LOCAL_RANK``, ``MASTER_ADDR``, ``MASTER_PORT``), so the body of ``fn`` runs unchanged under
``torchrun --nproc_per_node=N script.py`` on a real cluster.
"""
from __future__ import annotations

import datetime
import multiprocessing as mp
import os
import shutil
import signal
import socket
import sys
import tempfile
import time
import traceback
import warnings
from typing import Any, Callable

import torch
import torch.distributed as dist

DEFAULT_TIMEOUT_S = 60.0
_GRACE_S = 10.0  # the process group's own timeout exceeds the parent's, so the parent reports first

__all__ = ["DEFAULT_TIMEOUT_S", "WorkerDied", "WorkerError", "free_port", "pick_backend", "rank_device",
           "run_distributed", "torchrun_command"]


class WorkerError(RuntimeError):
    """A worker raised. ``rank``, ``exc_type``, ``exc_message`` and ``worker_traceback`` say where and what."""

    def __init__(self, rank: int, world_size: int, exc_type: str, exc_message: str, worker_traceback: str):
        self.rank, self.exc_type, self.exc_message, self.worker_traceback = rank, exc_type, exc_message, worker_traceback
        super().__init__(f"rank {rank} of {world_size} raised {exc_type}: {exc_message}\n"
                         f"--- traceback in rank {rank} ---\n{worker_traceback.rstrip()}")


class WorkerDied(RuntimeError):
    """A worker exited without returning (``os._exit``, a segfault, killed): ``rank`` and ``exitcode``."""

    def __init__(self, rank: int, world_size: int, exitcode: int | None):
        self.rank, self.exitcode = rank, exitcode
        how = (f"was killed by signal {-exitcode}" if exitcode is not None and exitcode < 0
               else f"exited with code {exitcode}")
        if exitcode == -signal.SIGABRT:
            how += (" (SIGABRT: gloo aborts like this when the ranks' collectives do not match, e.g. "
                    "different tensor sizes or a different order of calls; its message is on stderr)")
        super().__init__(f"rank {rank} of {world_size} {how} before returning a result "
                         "(os._exit, a crash in native code, or the OS killed it, e.g. out of memory). "
                         "All workers were stopped.")


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now (bind to port 0 and let the OS choose)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pick_backend(world_size: int, start_method: str = "fork") -> str:
    """"nccl" when every rank can own a CUDA device, else "gloo" (CPU tensors).

    A forked child cannot use CUDA once the parent has initialised it, so with fork NCCL is
    chosen only while the parent has not touched CUDA yet.
    """
    if (dist.is_nccl_available() and torch.cuda.is_available() and torch.cuda.device_count() >= world_size
            and not (start_method == "fork" and torch.cuda.is_initialized())):
        return "nccl"
    return "gloo"


def rank_device() -> torch.device:
    """Inside a worker: the device this rank's tensors must live on (cuda:<rank> under NCCL, else CPU)."""
    if dist.is_initialized() and dist.get_backend() == "nccl":
        return torch.device("cuda", dist.get_rank() % torch.cuda.device_count())
    return torch.device("cpu")


def torchrun_command(script: str, nproc_per_node: int, nnodes: int = 1, rdzv_endpoint: str | None = None) -> str:
    """The ``torchrun`` command that runs ``script`` the same way on a real machine or cluster."""
    if nnodes == 1:
        return f"torchrun --standalone --nproc_per_node={nproc_per_node} {script}"
    endpoint = rdzv_endpoint or "<head-node-host>:29500"
    return (f"torchrun --nnodes={nnodes} --nproc_per_node={nproc_per_node} --rdzv_id=<job-id> "
            f"--rdzv_backend=c10d --rdzv_endpoint={endpoint} {script}")


def _map_tensors(obj: Any, f: Callable[[torch.Tensor], torch.Tensor]) -> Any:
    if isinstance(obj, torch.Tensor):
        return f(obj)
    if isinstance(obj, (list, tuple)) and type(obj) in (list, tuple):
        return type(obj)(_map_tensors(o, f) for o in obj)
    if isinstance(obj, dict) and type(obj) is dict:
        return {k: _map_tensors(v, f) for k, v in obj.items()}
    return obj


def _format_worker_traceback(exc: BaseException) -> str:
    """The worker's traceback. Lines of notebook cells are left out (only file, line and
    function are kept), so graded feedback never quotes test code."""
    out = []
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename == __file__:
            continue  # the worker wrapper itself
        out.append(f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}')
        in_cell = "ipykernel_" in frame.filename or frame.filename.startswith("<")
        if frame.line and not in_cell:
            out.append(f"    {frame.line.strip()}")
    out.append(f"{type(exc).__name__}: {exc}")
    return "\n".join(out)


def _die_with_parent() -> None:
    """Linux: ask the kernel to SIGKILL this worker if the parent dies (no orphans)."""
    try:
        import ctypes
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except Exception:  # not Linux: the process group timeout and the release wait bound the orphan
        pass


def _redirect_output(log_path: str) -> None:
    """Send this worker's stdout and stderr (Python and C++ alike) to its own log file.

    The parent shows the log when something fails and echoes the worker's stdout after a
    successful run; nothing reaches the notebook's stderr directly, where c10d's harmless
    warnings would otherwise make a graded cell count as failed.
    """
    fd = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.dup2(fd, 1)
    os.dup2(fd, 2)
    os.close(fd)
    sys.stdout = open(1, "w", buffering=1, closefd=False)
    sys.stderr = open(2, "w", buffering=1, closefd=False)


def _worker(fn, rank, world_size, backend, port, timeout_s, result_path, release_path, args, kwargs):
    _die_with_parent()
    _redirect_output(result_path[:-3] + ".log")
    os.environ.update(MASTER_ADDR="127.0.0.1", MASTER_PORT=str(port), RANK=str(rank),
                      WORLD_SIZE=str(world_size), LOCAL_RANK=str(rank), LOCAL_WORLD_SIZE=str(world_size))
    torch.set_num_threads(1)  # world_size processes share the machine's cores
    backstop = timeout_s + _GRACE_S
    ok = False
    try:
        if backend == "nccl":
            torch.cuda.set_device(rank % torch.cuda.device_count())
        dist.init_process_group(backend, rank=rank, world_size=world_size,
                                timeout=datetime.timedelta(seconds=backstop))
        value = fn(rank, world_size, *args, **kwargs)
        payload, ok = ("ok", _map_tensors(value, lambda t: t.detach().cpu())), True
    except BaseException as exc:  # noqa: BLE001 -- everything goes back to the parent
        payload = ("error", type(exc).__name__, str(exc), _format_worker_traceback(exc))
    try:
        torch.save(payload, result_path + ".tmp")
    except Exception as exc:  # an unpicklable return value
        payload, ok = ("error", type(exc).__name__, f"could not send the return value back: {exc}",
                       _format_worker_traceback(exc)), False
        torch.save(payload, result_path + ".tmp")
    os.replace(result_path + ".tmp", result_path)
    sys.stdout.flush()
    sys.stderr.flush()
    # Stay alive until every rank is done: a rank that exits early would make its peers fail
    # with "connection closed" instead of letting the parent see the real problem.
    # (A file, not a multiprocessing.Event: killing a process that waits on an Event can leave
    # the Event's internal lock held, and the parent would then block in Event.set().)
    give_up = time.monotonic() + backstop
    while not os.path.exists(release_path) and time.monotonic() < give_up:
        time.sleep(0.005)
    if ok and dist.is_initialized():
        try:
            dist.destroy_process_group()
        except Exception:
            pass
    os._exit(0)


_NOISE = ("The hostname of the client socket cannot be retrieved",)  # c10d, harmless without DNS


def _read_log(path: str, last: int | None = None) -> str:
    try:
        with open(path, errors="replace") as f:
            lines = [ln.rstrip("\n") for ln in f if not any(n in ln for n in _NOISE)]
    except OSError:
        return ""
    return "\n".join(lines[-last:] if last else lines)


def _with_logs(message: str, logs: list[str], ranks) -> str:
    for rank in ranks:
        tail = _read_log(logs[rank], last=15)
        if tail.strip():
            message += f"\n--- last output of rank {rank} ---\n{tail}"
    return message


def _stop(procs) -> None:
    for p in procs:
        if p.is_alive():
            p.terminate()
    deadline = time.monotonic() + 2.0
    for p in procs:
        p.join(max(0.0, deadline - time.monotonic()))
    for p in procs:
        if p.is_alive():
            p.kill()
            p.join(2.0)


def run_distributed(fn: Callable[..., Any], world_size: int, *args: Any, backend: str | None = None,
                    timeout_s: float = DEFAULT_TIMEOUT_S, start_method: str | None = None,
                    **kwargs: Any) -> list:
    """Run ``fn(rank, world_size, *args, **kwargs)`` on ``world_size`` processes; return their results.

    Args:
        fn: called in every worker after ``init_process_group``; it may use any collective.
        world_size: number of worker processes (ranks 0 .. world_size - 1).
        *args, **kwargs: passed to every rank (inherited under fork, pickled under spawn).
        backend: "gloo", "nccl", or None to let :func:`pick_backend` choose.
        timeout_s: the parent stops waiting after this many seconds, kills every worker and
            raises ``TimeoutError``.
        start_method: "fork" (default on Linux: works for functions defined in a notebook) or
            "spawn" (macOS/Windows; ``fn`` must then live in an importable ``.py`` file).
    Returns:
        a list with each rank's return value, in rank order; tensors (also inside lists,
        tuples and dicts) are detached and moved to the CPU.
    Raises:
        WorkerError: a rank raised (message: rank, exception, worker traceback).
        WorkerDied: a rank exited without a result (message: rank, exit code).
        TimeoutError: not every rank finished in ``timeout_s`` (message: which ranks, and why
            that usually happens).
    """
    if world_size < 1:
        raise ValueError(f"world_size must be >= 1, got {world_size}")
    if start_method is None:
        start_method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
    backend = backend or pick_backend(world_size, start_method)
    if start_method == "fork" and torch.cuda.is_available() and torch.cuda.is_initialized():
        if backend == "nccl":
            raise RuntimeError("NCCL workers cannot be forked after this process has used CUDA; "
                               "use backend='gloo' with CPU tensors, or start_method='spawn'.")
        # A forked child must not touch CUDA: hand it CPU copies of the arguments.
        args = _map_tensors(args, lambda t: t.detach().cpu() if t.is_cuda else t)
        kwargs = _map_tensors(kwargs, lambda t: t.detach().cpu() if t.is_cuda else t)
    ctx = mp.get_context(start_method)
    folder = tempfile.mkdtemp(prefix="llmcourse-dist-")
    paths = [os.path.join(folder, f"rank{r}.pt") for r in range(world_size)]
    logs = [os.path.join(folder, f"rank{r}.log") for r in range(world_size)]
    release_path = os.path.join(folder, "release")
    port = free_port()
    procs = []
    try:
        with warnings.catch_warnings():  # Python >= 3.12 warns about fork in a threaded process
            warnings.simplefilter("ignore", DeprecationWarning)
            for rank in range(world_size):
                p = ctx.Process(target=_worker, name=f"rank{rank}", daemon=True,
                                args=(fn, rank, world_size, backend, port, timeout_s, paths[rank], release_path,
                                      args, kwargs))
                p.start()
                procs.append(p)
        results: dict[int, Any] = {}
        deadline = time.monotonic() + timeout_s
        while len(results) < world_size:
            for rank in range(world_size):
                if rank in results:
                    continue
                if os.path.exists(paths[rank]):
                    payload = torch.load(paths[rank], weights_only=False)
                    if payload[0] == "error":
                        _stop(procs)
                        error = WorkerError(rank, world_size, *payload[1:])
                        error.args = (_with_logs(str(error), logs, [rank]),)
                        raise error
                    results[rank] = payload[1]
                elif not procs[rank].is_alive() and not os.path.exists(paths[rank]):
                    _stop(procs)
                    error = WorkerDied(rank, world_size, procs[rank].exitcode)
                    error.args = (_with_logs(str(error), logs, range(world_size)),)
                    raise error
            if len(results) == world_size:
                break
            if time.monotonic() > deadline:
                stuck = [r for r in range(world_size) if r not in results]
                done = sorted(results)
                _stop(procs)
                finished = (f"rank(s) {done} returned while the others waited"
                            if done else "no rank returned")
                raise TimeoutError(_with_logs(
                    f"run_distributed: rank(s) {stuck} of {world_size} did not finish within {timeout_s:g} s "
                    f"({finished}); all workers were stopped. Typical causes: a rank skipped a collective "
                    "that the others are blocked in (every rank must call every all_reduce/broadcast/barrier); "
                    "a send with no matching recv (or a recv from the wrong peer); ranks calling collectives "
                    "in a different order; or the work simply needs more than timeout_s.", logs, range(world_size)))
            time.sleep(0.005)
        open(release_path, "w").close()
        for p in procs:
            p.join(5.0)
        for rank in range(world_size):  # echo what the workers printed, like torchrun does
            text = _read_log(logs[rank])
            if text.strip():
                print("\n".join(f"[rank {rank}] {line}" for line in text.splitlines()))
        return [results[r] for r in range(world_size)]
    finally:
        _stop(procs)
        shutil.rmtree(folder, ignore_errors=True)
