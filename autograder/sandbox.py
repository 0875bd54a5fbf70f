"""Run a submission's Jupyter kernel in a sandbox: bubblewrap namespaces, a cgroup per sandbox,
and per-process resource limits.

What the kernel can see and do (Linux, `bwrap` from the Debian package `bubblewrap`):

- files: the system folders and the Python environment read-only, the `llmcourse` helper package
  and the book's pages read-only. Its only writable places are two size-capped in-memory
  folders that vanish with it: /tmp (also HOME) and its working folder /work. `solutions/`, the
  gradebook, the grader's logs, other submissions and the instructor's files are not there;
- the kernel's connection: a folder the grader creates for the kernel's sockets. The
  connection file in it is the grader's (read-only to the kernel); once the kernel has bound its
  sockets, the folder is handed back to root and made read-only, so nothing the student's code
  writes can land on the host's disk. The grader removes it afterwards;
- network: none (a fresh network namespace with only its own loopback interface);
- processes: a fresh PID namespace, killed with the grader (`--die-with-parent`), under a private
  user id per worker slot;
- limits: a cgroup per sandbox caps the memory of all its processes together (its in-memory
  folders included) and the number of its processes (cgroup v2 where its controllers are
  enabled, else v1 `memory` and `pids`); `prlimit` adds per-process address space, file size and
  CPU time. Wall-clock limits per cell and per notebook are the grader's;
- file descriptors: none but the kernel's standard streams, which go to /dev/null;
- environment: an allowlist (see `kernel_environment`), never the grader's variables;
- devices: a minimal /dev; with `GraderSettings.gpu`, the GPU's device nodes (/dev/nvidia*) and
  nothing else of the host's /dev are added.

Where no sandbox is possible (macOS, or a Linux without user namespaces), `probe()` says why and
the grader refuses to grade untrusted work unless the instructor passes `--unsafe-no-sandbox`.
"""
from __future__ import annotations

import glob
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path

from jupyter_client.manager import AsyncKernelManager
from traitlets import Dict, Integer

from autograder.settings import GraderSettings

REPO = Path(__file__).resolve().parent.parent
SANDBOX_WORKDIR = "/tmp/work"  # the kernel's working folder (a capped tmpfs)
KERNEL_ENV_ALLOWED = ("PATH", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "CUDA_VISIBLE_DEVICES")
CGROUP_ROOT = Path("/sys/fs/cgroup")


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
        check = subprocess.run(bwrap_prefix(GraderSettings(), None) + ["true"],
                               capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return False, f"bubblewrap could not start: {exc}"
    if check.returncode != 0:
        return False, ("bubblewrap is installed but cannot create namespaces here "
                       f"({check.stderr.strip()[:200]}); enable unprivileged user namespaces "
                       "(sysctl kernel.unprivileged_userns_clone=1) or run the grader as root")
    return True, "bubblewrap" + ("" if cgroups_available() else " (no cgroup: per-process limits only)")


# --------------------------------------------------------------------------- cgroups
def _v2_root() -> Path | None:
    for root in (CGROUP_ROOT, CGROUP_ROOT / "unified"):
        controllers = root / "cgroup.controllers"
        if controllers.is_file() and {"memory", "pids"} <= set(controllers.read_text().split()):
            return root
    return None


def cgroups_available() -> bool:
    """Whether this process can give each sandbox its own memory and process-count cgroup."""
    if os.geteuid() != 0:
        return False
    if _v2_root() is not None:
        return True
    return all(os.access(CGROUP_ROOT / c, os.W_OK) for c in ("memory", "pids"))


def cgroup_dirs(slot: int) -> list[Path]:
    """The cgroup folder(s) of worker slot `slot` (created and limited by `prepare_cgroup`)."""
    name = f"autograder/slot-{slot}"
    v2 = _v2_root()
    if v2 is not None:
        return [v2 / name]
    return [CGROUP_ROOT / "memory" / name, CGROUP_ROOT / "pids" / name]


def prepare_cgroup(slot: int, settings: GraderSettings) -> list[Path]:
    """Create (or reset) the slot's cgroup(s) with the sandbox's memory and process limits."""
    if not cgroups_available():
        return []
    dirs = cgroup_dirs(slot)
    memory = settings.memory_mb * 2**20
    for folder in dirs:
        if folder.parent.name == "autograder" and _v2_root() is not None:
            control = folder.parent / "cgroup.subtree_control"
            folder.parent.mkdir(exist_ok=True)
            (folder.parent.parent / "cgroup.subtree_control").write_text("+memory +pids")
            control.write_text("+memory +pids")
        folder.mkdir(parents=True, exist_ok=True)
        _kill_cgroup(folder)
        limits = {"memory.max": memory, "pids.max": settings.max_processes, "memory.swap.max": 0,
                  "memory.limit_in_bytes": memory, "memory.memsw.limit_in_bytes": memory}
        for key, value in limits.items():
            if (folder / key).exists():
                try:
                    (folder / key).write_text(str(value))
                except OSError:
                    pass  # memsw needs swap accounting; memory alone still holds
        for peak in ("memory.max_usage_in_bytes", "memory.peak"):
            if (folder / peak).exists():
                try:
                    (folder / peak).write_text("0")
                except OSError:
                    pass
    return dirs


def cgroup_peak_memory(slot: int) -> int | None:
    """Peak memory of the slot's sandbox, in bytes, where the cgroup records it."""
    for folder in cgroup_dirs(slot):
        for name in ("memory.max_usage_in_bytes", "memory.peak"):
            try:
                return int((folder / name).read_text())
            except (OSError, ValueError):
                continue
    return None


def _kill_cgroup(folder: Path) -> None:
    import signal
    try:
        pids = [int(p) for p in (folder / "cgroup.procs").read_text().split()]
    except (OSError, ValueError):
        return
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


def kill_slot(slot: int) -> None:
    """Kill every process of the slot's sandbox (its cgroup, and anything left under its uid)."""
    for folder in cgroup_dirs(slot):
        _kill_cgroup(folder)
    if os.geteuid() != 0:
        return
    import signal
    uid = sandbox_uid(slot)
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if entry.stat().st_uid == uid:
                    os.kill(int(entry.name), signal.SIGKILL)
            except (OSError, ProcessLookupError):
                pass


# --------------------------------------------------------------------------- the command
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


def gpu_device_nodes() -> list[str]:
    """The host's NVIDIA device nodes (none on a machine without an NVIDIA GPU)."""
    return sorted(p for p in glob.glob("/dev/nvidia*") if not os.path.isdir(p)) + \
        sorted(glob.glob("/dev/nvidia-caps/*"))


def bwrap_prefix(settings: GraderSettings, ipc_dir: Path | None) -> list[str]:
    """The bubblewrap part of the command: namespaces and the file system the kernel sees."""
    if os.geteuid() == 0:  # root: no user namespace; the command drops to a private uid inside
        spaces = ["--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts", "--unshare-cgroup-try"]
    else:                  # an ordinary user: bubblewrap needs a user namespace
        spaces = ["--unshare-all"]
    size = str(settings.tmpfs_mb * 2**20)
    args = ["bwrap", *spaces, "--die-with-parent", "--new-session", "--proc", "/proc", "--dev", "/dev"]
    if settings.gpu:  # the GPU's device nodes, and nothing else of the host's /dev
        for node in gpu_device_nodes():
            args += ["--dev-bind", node, node]
    args += ["--perms", "01777", "--size", size, "--tmpfs", "/tmp",
             "--perms", "01777", "--size", size, "--tmpfs", SANDBOX_WORKDIR,
             "--perms", "0755", "--size", str(2**20), "--tmpfs", "/run"]
    args += _ro_binds(p for p in ("/usr", "/lib", "/lib64", "/lib32", "/bin", "/sbin", "/etc")
                      if Path(p).exists() and not Path(p).is_symlink())
    for link in ("/lib", "/lib64", "/bin", "/sbin"):
        if Path(link).is_symlink():
            args += ["--symlink", os.readlink(link), link]
    args += _ro_binds(_python_roots())
    # The helper package and the book's pages (public material), never the rest of the repo.
    args += _ro_binds([REPO / "llmcourse", REPO / "book"])
    args += ["--perms", "0777", "--dir", "/tmp/home", "--perms", "01777", "--dir", "/tmp/jupyter"]
    if ipc_dir is not None:
        args += _parents(ipc_dir) + ["--bind", str(ipc_dir), str(ipc_dir)]
    args += ["--chdir", SANDBOX_WORKDIR]
    return args


def sandboxed_command(argv: list[str], settings: GraderSettings, slot: int,
                      ipc_dir: Path | None) -> list[str]:
    """Wrap a command (the kernel's argv) so that it runs in slot `slot`'s sandbox.

    As root, the sandbox runs as a private unprivileged uid per slot (60000 + slot) inside the
    slot's cgroup, which `prepare_cgroup` must have created."""
    nproc = settings.max_processes
    drop, enter = [], []
    if os.geteuid() == 0:
        uid = sandbox_uid(slot)
        drop = ["setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups", "--inh-caps=-all", "--"]
        procs = " && ".join(f"echo $$ > {folder / 'cgroup.procs'}" for folder in cgroup_dirs(slot)
                            if folder.is_dir())
        if procs:  # join the cgroup, then become the sandbox
            enter = ["/bin/sh", "-c", f'{procs} && exec "$@"', "sh"]
    else:  # RLIMIT_NPROC counts all of this user's processes: allow the ones already running
        nproc += _user_process_count()
    limits_argv = ["prlimit", f"--as={settings.memory_mb * 2**20}", f"--nproc={nproc}",
                   f"--fsize={settings.max_file_mb * 2**20}", f"--cpu={settings.cpu_seconds}",
                   "--core=0", "--"]
    # ipykernel watches JPY_PARENT_PID (set by jupyter_client), which does not exist in the new PID
    # namespace; --die-with-parent already ties the kernel's life to the grader's.
    return enter + bwrap_prefix(settings, ipc_dir) + drop + limits_argv + ["env", "-u", "JPY_PARENT_PID"] + argv


def kernel_environment(settings: GraderSettings, grading: str) -> dict[str, str]:
    """The kernel's whole environment: an allowlist, never the grader's own variables."""
    env = {k: v for k, v in os.environ.items() if k in KERNEL_ENV_ALLOWED}
    env.setdefault("PATH", "/usr/bin:/bin")
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env["PATH"]
    for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS", "NUMEXPR_NUM_THREADS"):
        env[var] = str(settings.cpu_threads)
    env.update(HOME="/tmp/home", TMPDIR="/tmp", MPLCONFIGDIR="/tmp/mpl", MPLBACKEND="agg",
               HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", HF_HUB_DISABLE_PROGRESS_BARS="1",
               PYTHONDONTWRITEBYTECODE="1", JUPYTER_RUNTIME_DIR="/tmp/jupyter",
               IPYTHONDIR="/tmp/ipython", LLMCOURSE_GRADING=grading)
    if not settings.gpu:
        env["CUDA_VISIBLE_DEVICES"] = ""
    return env


def sandbox_uid(slot: int) -> int:
    """The private user id of worker slot `slot` (used when the grader runs as root)."""
    return 60000 + slot


def claim_slots(n: int) -> list[tuple[int, object]]:
    """Claim n worker slots no other grading run on this machine holds (an flock per slot).

    A slot fixes the sandbox's uid and cgroup, and the grader kills a slot's leftover processes,
    so two grading runs at the same time (or two test workers) must never share one. Keep the
    returned file objects open for as long as the slots are in use."""
    import fcntl

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


def remove_tree(path: Path) -> None:
    """Remove a folder however deep or odd its contents (GNU rm walks without recursion)."""
    if os.path.lexists(path):
        subprocess.run(["rm", "-rf", "--one-file-system", "--", str(path)], capture_output=True)


class SandboxKernelManager(AsyncKernelManager):
    """A kernel manager whose kernels start inside the sandbox of one worker slot."""

    sandbox_settings = Dict({}).tag(config=True)
    sandbox_slot = Integer(0).tag(config=True)
    grading_mode = Dict({}).tag(config=True)  # {"value": "observe:<nonce>"}

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        # Unix socket paths are limited to 107 bytes, so the sockets get a short folder of their
        # own under /tmp; it is removed when the kernel is cleaned up.
        self._ipc = Path(tempfile.mkdtemp(prefix="agk", dir="/tmp" if Path("/tmp").is_dir() else None))
        if os.geteuid() == 0:
            os.chown(self._ipc, sandbox_uid(self.sandbox_slot), 0)
        os.chmod(self._ipc, 0o700 if os.geteuid() == 0 else 0o755)
        self.transport = "ipc"
        self.ip = str(self._ipc / "kernel")
        self.connection_file = str(self._ipc / "kernel.json")

    @property
    def settings(self) -> GraderSettings:
        return GraderSettings.from_dict(self.sandbox_settings)

    def lock_ipc(self) -> None:
        """After the kernel has bound its sockets: nothing more may be written in their folder."""
        if os.geteuid() == 0:
            os.chown(self._ipc, 0, 0)
        os.chmod(self._ipc, 0o555)

    async def _async_cleanup_resources(self, restart: bool = False) -> None:
        await super()._async_cleanup_resources(restart=restart)
        if not restart:
            try:
                os.chmod(self._ipc, 0o700)
            except OSError:
                pass
            remove_tree(self._ipc)

    async def _async_interrupt_kernel(self):
        # A signal would reach bubblewrap, not the kernel in its PID namespace: ask the kernel
        # itself over the control channel (ipykernel raises KeyboardInterrupt in the cell).
        if self.kernel_spec is not None:
            self.kernel_spec.interrupt_mode = "message"
        await super()._async_interrupt_kernel()

    interrupt_kernel = _async_interrupt_kernel

    def write_connection_file(self, **kwargs):
        super().write_connection_file(**kwargs)
        if os.geteuid() == 0:
            os.chown(self.connection_file, 0, 0)
        os.chmod(self.connection_file, 0o444)  # the grader's file, read-only to the kernel

    def format_kernel_cmd(self, extra_arguments=None):
        argv = super().format_kernel_cmd(extra_arguments)
        return sandboxed_command(argv, self.settings, self.sandbox_slot, self._ipc)

    async def _async_launch_kernel(self, kernel_cmd, **kw):
        kw["env"] = kernel_environment(self.settings, self.grading_mode.get("value", ""))
        kw["cwd"] = "/"
        kw["stdout"] = kw["stderr"] = subprocess.DEVNULL  # never the worker's log
        kw["stdin"] = subprocess.DEVNULL
        return await super()._async_launch_kernel(kernel_cmd, **kw)


class PlainKernelManager(AsyncKernelManager):
    """Without a sandbox (`--unsafe-no-sandbox`): the same environment allowlist and modes."""

    sandbox_settings = Dict({}).tag(config=True)
    sandbox_slot = Integer(0).tag(config=True)
    grading_mode = Dict({}).tag(config=True)

    def lock_ipc(self) -> None:
        pass

    async def _async_launch_kernel(self, kernel_cmd, **kw):
        env = kernel_environment(GraderSettings.from_dict(self.sandbox_settings),
                                 self.grading_mode.get("value", ""))
        env["HOME"] = env["TMPDIR"] = tempfile.gettempdir()
        kw["env"] = env
        kw["stdout"] = kw["stderr"] = subprocess.DEVNULL
        return await super()._async_launch_kernel(kernel_cmd, **kw)
