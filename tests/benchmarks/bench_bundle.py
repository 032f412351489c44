"""Bundle benchmarks (a script, not a test): size of the PyInstaller bundle and its start-up.

1. Size: the one-folder bundle dist/actgui/ (bytes of its files, symlinks as links; `du -sh`
   is printed too) and the archive dist/actgui-<version>-<platform>.tar.gz, with the largest
   parts. Targets: folder <= 160 MB, archive <= 70 MB.
2. Start-up: process start -> first painted main window (``--quit-after-paint``) of the bundle
   against ``python -m actgui`` from the virtual environment running this script; median of N
   runs each, interleaved, after one warm-up run of each. Target: ratio <= 1.3.

Build the bundle first (``python packaging/build.py``), then run from the repository root:
    QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_bundle.py [--runs 7]
"""

from __future__ import annotations

import argparse
import glob
import os
import platform
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
import bundle_rules as rules  # noqa: E402

FOLDER_TARGET_MB = 160.0
ARCHIVE_TARGET_MB = 70.0
STARTUP_TARGET = 1.3


def _mb(n: float) -> str:
    return f"{n / 1e6:7.1f} MB"


def _group(rel: str) -> str:
    """A readable part name for a file of the bundle."""
    parts = rel.split("/")
    if parts[0] != "_internal":
        if parts[0] == rules.APP or parts[0] == rules.APP + ".exe":
            return "executable (with the Python code archive)"
        return "desktop integration (share/, install-desktop.sh)"
    rest = parts[1:]
    name = rest[-1]
    if name.startswith("libicu"):
        return "ICU (Unicode data for Qt)"
    if rest[0] == "PySide6":
        if len(rest) > 2 and rest[1] == "Qt":
            return f"Qt {rest[2]}"
        return "PySide6 bindings"
    if rest[0] == "shiboken6":
        return "PySide6 bindings"
    if rest[0] in ("numpy", "numpy.libs"):
        return "NumPy (with OpenBLAS)"
    if name.startswith("libpython") or rest[0] in ("python3.11", "base_library.zip") \
            or rest[0].startswith("python3"):
        return "Python runtime"
    if name.startswith(("libQt6", "libpyside6", "libshiboken6")):
        return "Qt lib"  # symbolic links to PySide6/Qt/lib/
    if len(rest) == 1 and name.startswith("lib"):
        return "system libraries (X11/xcb ...)"
    return rest[0]


def report_size(folder: Path, archive: str | None) -> tuple[float, float | None]:
    files = []
    for d, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(d, name)
            files.append((os.path.relpath(path, folder).replace(os.sep, "/"),
                          os.lstat(path).st_size))
    total = sum(size for _, size in files)
    groups: Counter[str] = Counter()
    for rel, size in files:
        groups[_group(rel)] += size
    du = subprocess.run(["du", "-sh", str(folder)], capture_output=True, text=True).stdout
    print(f"size of {folder} ({len(files)} files; du -sh: {du.split()[0] if du else '?'})")
    for name, size in groups.most_common():
        print(f"  {name:<52} {_mb(size)}")
    verdict = "ok" if total <= FOLDER_TARGET_MB * 1e6 else "OVER TARGET"
    print(f"  {'folder (target <= 160 MB)':<52} {_mb(total)}  {verdict}")
    archive_size = None
    if archive:
        archive_size = os.path.getsize(archive)
        verdict = "ok" if archive_size <= ARCHIVE_TARGET_MB * 1e6 else "OVER TARGET"
        print(f"  {os.path.basename(archive) + ' (target <= 70 MB)':<52} {_mb(archive_size)}"
              f"  {verdict}")
    print()
    return total, archive_size


def _time_to_paint(args: list[str], env: dict[str, str]) -> float:
    """Seconds from just before the process is spawned to the first-paint time it prints."""
    start = time.time()
    done = subprocess.run(args, env=env, capture_output=True, text=True, check=True,
                          timeout=60)
    marks = [line for line in done.stdout.splitlines() if line.startswith("first-paint ")]
    if not marks:
        raise SystemExit(f"{args[0]} printed no first-paint mark:\n{done.stdout}{done.stderr}")
    return float(marks[-1].split()[1]) - start


def report_startup(exe: Path, runs: int) -> float:
    base = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    base.setdefault("QT_QPA_PLATFORM", "offscreen")
    venv_env = dict(base, PYTHONPATH=str(ROOT))
    bundle = [str(exe), "--quit-after-paint"]
    venv = [sys.executable, "-m", "actgui", "--quit-after-paint"]
    _time_to_paint(bundle, base)  # warm the file cache (and the bytecode of the venv run)
    _time_to_paint(venv, venv_env)
    bundle_t, venv_t = [], []
    for _ in range(runs):
        bundle_t.append(_time_to_paint(bundle, base))
        venv_t.append(_time_to_paint(venv, venv_env))
    b, v = statistics.median(bundle_t), statistics.median(venv_t)
    ratio = b / v
    print(f"start-up to the first painted window, median of {runs} runs "
          f"(QPA {base['QT_QPA_PLATFORM']})")
    print(f"  {'virtual environment: python -m actgui':<52} {v * 1e3:7.0f} ms"
          f"  (best {min(venv_t) * 1e3:.0f})")
    print(f"  {'bundle: ' + str(exe.relative_to(ROOT) if exe.is_relative_to(ROOT) else exe):<52}"
          f" {b * 1e3:7.0f} ms  (best {min(bundle_t) * 1e3:.0f})")
    verdict = "ok" if ratio <= STARTUP_TARGET else "OVER TARGET"
    print(f"  {'ratio (target <= 1.3)':<52} {ratio:7.2f} x  {verdict}")
    return ratio


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist",
                        help="folder holding actgui/ and the archive (default: dist)")
    parser.add_argument("--runs", type=int, default=7, help="start-up runs (default 7)")
    parser.add_argument("--only", choices=("size", "startup"), help="run one part only")
    args = parser.parse_args()

    folder = args.dist / rules.APP
    exe = folder / (rules.APP + (".exe" if sys.platform == "win32" else ""))
    if not exe.is_file():
        raise SystemExit(f"no bundle at {folder}: run python packaging/build.py first")
    archives = sorted(glob.glob(str(args.dist / f"{rules.APP}-*-{rules.platform_tag()}.*")))

    print(f"machine : {platform.platform()}, {os.cpu_count()} CPUs, "
          f"{platform.processor() or platform.machine()}")
    print(f"python  : {platform.python_version()} ({sys.executable})")
    print()
    if args.only != "startup":
        report_size(folder, archives[-1] if archives else None)
    if args.only != "size":
        report_startup(exe, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
