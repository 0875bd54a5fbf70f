"""Run a submission's Jupyter kernel in a sandbox: bubblewrap namespaces plus resource limits.

What the kernel can see and do (Linux, `bwrap` from the Debian package `bubblewrap`):
- files: the system directories read-only (/usr, /lib*, /bin, /sbin, /etc), the Python
  environment read-only, the `llmcourse` helper package and the book's pages read-only, and
  one private, writable copy of the submission folder as its working directory. HOME and /tmp
  are empty private folders. `solutions/`, the gradebook, other submissions and the instructor's
  files are simply not there;
- network: none (a fresh network namespace with only its own loopback interface);
- processes: a fresh PID namespace, killed with the grader (`--die-with-parent`), and a private
  user id per parallel worker so that a process-count limit applies to this sandbox alone;
- limits (`prlimit`): address space (memory), number of processes, size of any file written,
  CPU seconds. Wall-clock limits per cell and per notebook are enforced by the grader.

The kernel talks to the grader over Unix-domain sockets (`transport="ipc"`) in a folder that
both sides see, because TCP on the grader's loopback is unreachable from another network
namespace.

Where no sandbox is possible (macOS, or a Linux without user namespaces), `probe()` says why
and the grader refuses to grade untrusted work unless the instructor passes `--unsafe-no-sandbox`.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from dataclasses import dataclass
from pathlib import Path

from jupyter_client.manager import AsyncKernelManager
from traitlets import Dict, Unicode

from autograder.config import REPO


@dataclass
class Limits:
    """Resource limits for one submission; every one can be set from the command line."""
    cell_timeout_s: int = 120        # wall clock per cell (nbclient interrupts the cell)
    notebook_timeout_s: int = 600    # wall clock for the whole submission (the worker is killed)
    memory_mb: int = 6144            # address-space limit of every process in the sandbox
    max_processes: int = 64          # processes and threads of the sandbox's user
    max_file_mb: int = 64            # largest file the submission may write
    max_output_kb: int = 512         # notebook output kept per cell; the rest is dropped
    cpu_threads: int = 1             # OMP/MKL/torch threads per kernel (parallel workers share cores)

    @property
    def cpu_seconds(self) -> int:
        return self.notebook_timeout_s * 2


def probe(install: bool = True) -> tuple[bool, str]:
    """(usable, reason). Installs Debian's bubblewrap when missing and we are root."""
    if not sys.platform.startswith("linux"):
        return False, (f"no sandbox on {sys.platform}: bubblewrap needs Linux namespaces. Grade on a "
                       "Linux machine, or pass --unsafe-no-sandbox if you trust every submission")
    if shutil.which("bwrap") is None and install and os.geteuid() == 0 and shutil.which("apt-get"):
        for attempt in (["apt-get", "install", "-y", "-q", "bubblewrap"],
                        ["sh", "-c", "apt-get update -q && apt-get install -y -q bubblewrap"]):
            subprocess.run(attempt, capture_output=True, timeout=900,
                           env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))
            if shutil.which("bwrap"):
                break
    if shutil.which("bwrap") is None:
        return False, ("bubblewrap (`bwrap`) is not installed: `sudo apt-get install bubblewrap` "
                       "(Debian/Ubuntu) or `dnf install bubblewrap`, then grade again")
    if shutil.which("prlimit") is None:
        return False, "prlimit (util-linux) is not installed"
    try:
        check = subprocess.run(bwrap_prefix(Path("/tmp"), None, uid=None) + ["true"],
                               capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return False, f"bubblewrap could not start: {exc}"
    if check.returncode != 0:
        return False, ("bubblewrap is installed but cannot create namespaces here "
                       f"({check.stderr.strip()[:200]}); enable unprivileged user namespaces "
                       "(sysctl kernel.unprivileged_userns_clone=1) or run the grader as root")
    return True, "bubblewrap"


def _python_roots() -> list[Path]:
    """Folders the kernel's Python needs: the venv, the base installation, and site-packages."""
    roots = {Path(sys.prefix), Path(sys.base_prefix), Path(sys.exec_prefix),
             Path(os.path.realpath(sys.executable)).parent.parent}
    for key in ("stdlib", "platstdlib", "purelib", "platlib"):
        roots.add(Path(sysconfig.get_paths()[key]))
    return sorted(r for r in roots if r.exists())


def _ro_binds(paths) -> list[str]:
    args = []
    for path in paths:
        path = Path(path)
        if path.exists():
            args += _parents(path) + ["--ro-bind", str(path), str(path)]
    return args


def _parents(path: Path) -> list[str]:
    """Create the mount point's parent folders world-traversable (bwrap's default is 0700)."""
    args = []
    for parent in reversed(Path(path).parents):
        if str(parent) not in ("/", "/usr", "/tmp", "/etc") and not str(parent).startswith("/usr/"):
            args += ["--perms", "0755", "--dir", str(parent)]
    return args


def bwrap_prefix(workdir: Path, ipc_dir: Path | None, uid: None = None) -> list[str]:
    """The bubblewrap part of the command: namespaces and the file system the kernel sees."""
    if os.geteuid() == 0:  # root: no user namespace; the command drops to a private uid inside
        spaces = ["--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts", "--unshare-cgroup-try"]
    else:                  # an ordinary user: bubblewrap needs a user namespace
        spaces = ["--unshare-all"]
    args = ["bwrap", *spaces, "--die-with-parent", "--new-session",
            "--proc", "/proc", "--dev", "/dev", "--perms", "01777", "--tmpfs", "/tmp", "--tmpfs", "/run"]
    args += _ro_binds(p for p in ("/usr", "/lib", "/lib64", "/lib32", "/bin", "/sbin", "/etc")
                      if Path(p).exists() and not Path(p).is_symlink())
    for link in ("/lib", "/lib64", "/bin", "/sbin"):
        if Path(link).is_symlink():
            args += ["--symlink", os.readlink(link), link]
    args += _ro_binds(_python_roots())
    # The helper package and the book's pages (public material), never the rest of the repo.
    args += _ro_binds([REPO / "llmcourse", REPO / "book"])
    home = "/tmp/home"
    args += ["--perms", "0777", "--dir", home, "--perms", "01777", "--dir", "/tmp/jupyter", "--setenv", "HOME", home, "--setenv", "TMPDIR", "/tmp",
             "--setenv", "MPLCONFIGDIR", "/tmp/mpl"]
    if ipc_dir is not None:
        args += _parents(ipc_dir) + ["--bind", str(ipc_dir), str(ipc_dir)]
    args += _parents(workdir) + ["--bind", str(workdir), str(workdir), "--chdir", str(workdir)]
    return args


def sandboxed_command(argv: list[str], workdir: Path, ipc_dir: Path | None, limits: Limits,
                      slot: int = 0) -> list[str]:
    """Wrap a command (the kernel's argv) so that it runs in the sandbox under the limits.

    As root, the sandbox runs as a private unprivileged uid per worker slot (60000 + slot), so the
    process limit counts only that sandbox's processes.
    """
    nproc = limits.max_processes
    drop = []
    if os.geteuid() == 0:
        uid = sandbox_uid(slot)
        drop = ["setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups", "--inh-caps=-all", "--"]
    else:  # RLIMIT_NPROC counts all of this user's processes: allow the ones already running
        nproc += _user_process_count()
    limits_argv = ["prlimit", f"--as={limits.memory_mb * 2**20}", f"--nproc={nproc}",
                   f"--fsize={limits.max_file_mb * 2**20}", f"--cpu={limits.cpu_seconds}",
                   "--core=0", "--"]
    # ipykernel would watch JPY_PARENT_PID, which does not exist in the new PID namespace;
    # --die-with-parent already ties the kernel's life to the grader's.
    # The shell reports how the kernel ended (signal or exit code) on the worker's log.
    report = ('env -u JPY_PARENT_PID "$@"; s=$?; '
              'echo "[sandbox] kernel exited with status $s" >&2; exit $s')
    return bwrap_prefix(workdir, ipc_dir, None) + drop + limits_argv + ["/bin/sh", "-c", report, "sh"] + argv


def sandbox_uid(slot: int) -> int:
    """The private user id of parallel worker `slot` (used when the grader runs as root)."""
    return 60000 + slot


def claim_slots(n: int) -> list[tuple[int, object]]:
    """Claim n worker slots no other grading run on this machine holds (an flock per slot).

    A slot fixes the sandbox's uid, and the grader kills a slot's leftover processes by uid, so
    two grading runs at the same time (or two test workers) must never share one. Keep the
    returned file objects open for as long as the slots are in use."""
    import fcntl
    import tempfile

    folder = Path(tempfile.gettempdir()) / "autograder-sandbox-slots"
    folder.mkdir(exist_ok=True)
    try:
        os.chmod(folder, 0o1777)
    except OSError:
        pass
    claimed = []
    for slot in range(1000):
        handle = open(folder / f"{slot}.lock", "a")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            continue
        claimed.append((slot, handle))
        if len(claimed) == n:
            return claimed
    raise RuntimeError("no free sandbox slot: too many grading runs at once")


def _user_process_count() -> int:
    uid = os.getuid()
    count = 0
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                count += entry.stat().st_uid == uid
            except OSError:
                pass
    return count


class SandboxKernelManager(AsyncKernelManager):
    """A kernel manager whose kernels start inside the sandbox (configured per worker)."""

    sandbox_workdir = Unicode("").tag(config=True)
    sandbox_limits = Dict({}).tag(config=True)
    sandbox_slot = Unicode("0").tag(config=True)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        # Unix socket paths are limited to 107 bytes, so the sockets get a short folder of their
        # own (a deep workspace path would not fit); it is removed when the kernel is cleaned up.
        import tempfile
        ipc = Path(tempfile.mkdtemp(prefix="agk", dir="/tmp" if Path("/tmp").is_dir() else None))
        os.chmod(ipc, 0o777)
        self.transport = "ipc"
        self.ip = str(ipc / "kernel")
        self.connection_file = str(ipc / "kernel.json")

    async def _async_cleanup_resources(self, restart: bool = False) -> None:
        await super()._async_cleanup_resources(restart=restart)
        if not restart:
            shutil.rmtree(Path(self.ip).parent, ignore_errors=True)

    async def _async_interrupt_kernel(self):
        # A signal would reach bubblewrap, not the kernel in its PID namespace: ask the kernel
        # itself over the control channel (ipykernel raises KeyboardInterrupt in the cell).
        if self.kernel_spec is not None:
            self.kernel_spec.interrupt_mode = "message"
        await super()._async_interrupt_kernel()

    interrupt_kernel = _async_interrupt_kernel

    def write_connection_file(self, **kwargs):
        super().write_connection_file(**kwargs)
        os.chmod(self.connection_file, 0o644)  # the kernel runs as the sandbox's own uid

    def format_kernel_cmd(self, extra_arguments=None):
        argv = super().format_kernel_cmd(extra_arguments)
        limits = Limits(**self.sandbox_limits)
        workdir = Path(self.sandbox_workdir)
        cmd = sandboxed_command(argv, workdir, Path(self.ip).parent, limits, int(self.sandbox_slot))
        if os.environ.get("AUTOGRADER_SANDBOX_DEBUG"):  # record how each sandbox ended
            log = Path(self.sandbox_workdir).parent / "sandbox-exit.log"
            cmd = ["/bin/sh", "-c", f'"$@"; s=$?; echo "$(date +%T.%N) sandbox exited with status $s" >> {log}', "sh"] + cmd
        return cmd

    async def _async_launch_kernel(self, kernel_cmd, **kw):
        env = dict(kw.get("env") or os.environ)
        limits = Limits(**self.sandbox_limits)
        for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS", "NUMEXPR_NUM_THREADS"):
            env[var] = str(limits.cpu_threads)
        env.update(HF_HUB_OFFLINE="1", HF_HUB_DISABLE_PROGRESS_BARS="1", PYTHONDONTWRITEBYTECODE="1",
                   JUPYTER_RUNTIME_DIR="/tmp/jupyter", IPYTHONDIR="/tmp/ipython")
        for secret in [k for k in env if k.startswith(("NBGRADER", "JUPYTERHUB", "GITHUB", "AWS_"))]:
            env.pop(secret)
        kw["env"] = env
        kw["cwd"] = self.sandbox_workdir
        return await super()._async_launch_kernel(kernel_cmd, **kw)
