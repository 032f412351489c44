"""Compare-page benchmarks (a script, not a test).

1. Page: an offscreen ComparePage (1280 x 800) racing sigmoid, tanh and ReLU, 2-8-8-1 on
   circle, batch 10, at the top speed setting (so each frame trains for the ~8 ms budget).
   Over ~5 s: frames drawn per second and lockstep steps per second, i.e. the steps each of
   the three networks makes. Targets: >= 30 frames/s and >= 3,000 steps/s per network.
2. Engine: MultiTrainer alone with 60 networks (20 seeds x sigmoid, tanh, ReLU), 2-8-8-1,
   batch 10, stepping for ~5 s. Target: >= 5,000 lockstep steps/s. The three-network engine
   rate is printed beside it for reference.

Every measurement runs --repeats times (default 2; the machine may be shared) and the best
is reported. --profile adds a breakdown of one 60-network lockstep step by operation.

Run from the repository root:
    QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_compare.py [--seconds 5]
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
from PySide6 import __version__ as pyside_version  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

import pyqtgraph as pg  # noqa: E402  # isort: skip  (PySide6 first)

from actgui.engine.config import TrainConfig  # noqa: E402
from actgui.engine.multirun import MultiTrainer  # noqa: E402

ACTS = ["sigmoid", "tanh", "relu"]
CONFIG = TrainConfig(dataset="circle", hidden=(8, 8), batch_size=10, learning_rate=0.03)
PAGE_FPS_TARGET, PAGE_SPS_TARGET, ENGINE_TARGET = 30.0, 3000.0, 5000.0


def machine() -> str:
    cpu = platform.processor() or "?"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            cpu = next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    load = ", ".join(f"{v:.2f}" for v in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return (f"{cpu}; {os.cpu_count()} logical CPUs; load average {load}\n"
            f"Python {platform.python_version()}, NumPy {np.__version__}, "
            f"PySide6 {pyside_version}, pyqtgraph {pg.__version__}, {platform.platform()}")


def bench_page(seconds: float) -> tuple[float, float]:
    """(frames/s, lockstep steps/s) of the page training three networks at top speed."""
    app = QApplication.instance() or QApplication([])
    pg.setConfigOptions(antialias=True, background="w", foreground="k")
    from actgui.ui.compare_controller import MAX_SPEED
    from actgui.ui.pages.compare import ComparePage

    page = ComparePage()
    page.resize(1280, 800)
    page.show()
    c = page.controller
    c.set_config(CONFIG)
    c.set_activations(ACTS)
    c.set_seed_count(1)
    c.set_speed(MAX_SPEED)
    frames = [0]
    c.frame_ready.connect(lambda _f: frames.__setitem__(0, frames[0] + 1))
    c.start()
    warm = time.perf_counter()
    while time.perf_counter() - warm < 0.5:  # first frames build caches; not counted
        app.processEvents()
    frames[0], s0, t0 = 0, c.trainer.step_count, time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        app.processEvents()
    dt = time.perf_counter() - t0
    n, steps = frames[0], c.trainer.step_count - s0
    c.pause()
    page.close()
    page.deleteLater()
    app.processEvents()
    return n / dt, steps / dt


def bench_engine(seeds: int, seconds: float) -> float:
    """Lockstep steps/s of MultiTrainer with 3 x seeds networks."""
    m = MultiTrainer(CONFIG, ACTS, list(range(seeds)))
    m.step(200)  # warm the work buffers
    steps, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        m.step(250)
        steps += 250
    return steps / (time.perf_counter() - t0)


def profile_engine(seeds: int = 20, steps: int = 3000) -> None:
    import cProfile
    import pstats

    m = MultiTrainer(CONFIG, ACTS, list(range(seeds)))
    m.step(200)
    prof = cProfile.Profile()
    prof.enable()
    m.step(steps)
    prof.disable()
    pstats.Stats(prof).sort_stats("tottime").print_stats(15)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=5.0)
    ap.add_argument("--repeats", type=int, default=2)
    ap.add_argument("--profile", action="store_true")
    args = ap.parse_args(argv)

    print(machine())
    page = [bench_page(args.seconds) for _ in range(args.repeats)]
    fps, sps = max(page, key=lambda r: r[1] if r[0] >= PAGE_FPS_TARGET else r[0])
    eng60 = max(bench_engine(20, args.seconds) for _ in range(args.repeats))
    eng3 = max(bench_engine(1, args.seconds) for _ in range(args.repeats))

    def ok(v, target):
        return "ok" if v >= target else "MISSED"

    rows = [
        ("page, 3 networks: frames/s", fps, PAGE_FPS_TARGET),
        ("page, 3 networks: steps/s per network", sps, PAGE_SPS_TARGET),
        ("engine, 60 networks: lockstep steps/s", eng60, ENGINE_TARGET),
        ("engine, 3 networks: lockstep steps/s", eng3, None),
    ]
    print(f"\nbest of {args.repeats} runs of {args.seconds:g} s each "
          f"(2-8-8-1 on circle, batch 10; all runs: "
          + "; ".join(f"{f:.1f} fps / {s:,.0f} steps/s" for f, s in page) + ")")
    print(f"{'measurement':40s} {'value':>10s} {'target':>10s}  result")
    for name, value, target in rows:
        t = f"{target:,.0f}" if target else "—"
        print(f"{name:40s} {value:10,.1f} {t:>10s}  {ok(value, target) if target else ''}")
    if args.profile:
        print("\n60-network MultiTrainer.step, by function (cProfile, tottime):")
        profile_engine()
    return 0


if __name__ == "__main__":
    sys.exit(main())
