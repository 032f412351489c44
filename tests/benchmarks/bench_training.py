"""Training page benchmark (a script, not a test): frames/s and steps/s with every view live.

    QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_training.py [--seconds 5]

(1) Playground's default (circle, x1 x2, 4-2 tanh, lr 0.03, batch 10) at the default speed and
    at a speed high enough for >= 10,000 steps/s; (2) 6 hidden layers of 8 ReLU units on
    spiral3 with softmax; (3) RSS growth over 100,000 steps with every view drawing.
A frame is one controller tick: training steps, one snapshot, every view updated and painted.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings  # noqa: E402  (PySide6 before pyqtgraph)
from PySide6.QtWidgets import QApplication  # noqa: E402


def rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def run(app, page, seconds: float) -> tuple[float, float]:
    """Play for `seconds`; returns (frames/s, steps/s) counted from painted snapshots."""
    c = page.controller
    frames = []

    def count(s):
        frames.append(s.step)

    c.snapshot_ready.connect(count)
    c.start()
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        app.processEvents()
    c.pause()
    dt = time.perf_counter() - t0
    c.snapshot_ready.disconnect(count)
    return len(frames) / dt, (frames[-1] - frames[0]) / dt if len(frames) > 1 else 0.0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=5.0)
    ap.add_argument("--soak-steps", type=int, default=100_000)
    args = ap.parse_args()

    import pyqtgraph as pg

    from actgui.ui.main_window import create_main_window

    app = QApplication(sys.argv)
    pg.setConfigOptions(antialias=True, background="w", foreground="k")
    settings = QSettings(os.path.join("/tmp", "bench_training.ini"), QSettings.Format.IniFormat)
    w = create_main_window(settings)
    w.resize(1280, 800)
    w.show()
    w.show_page("training")
    page = w.page("training")
    for _ in range(50):
        app.processEvents()
    c = page.controller

    print(f"command : {' '.join([sys.executable, *sys.argv])}")
    print(f"machine : {platform.platform()}, {os.cpu_count()} CPUs, load {os.getloadavg()}")
    print(f"window  : 1280x800, offscreen, every view visible; {args.seconds:g} s per case\n")
    rows = []
    for label, changes, speed in [
        ("default net, speed 25 (Playground's epoch/frame)", {}, 25),
        ("default net, speed 400", {}, 400),
        ("spiral3, 6x8 ReLU, softmax, speed 25", dict(dataset="spiral3", hidden=(8,) * 6,
                                                     activation="relu"), 25),
    ]:
        c.set_config(c.config.__class__(**changes))
        c.set_speed(speed)
        fps, sps = run(app, page, args.seconds)
        rows.append((label, fps, sps))
    print(f"{'case':52s} {'frames/s':>9s} {'steps/s':>10s}")
    for label, fps, sps in rows:
        print(f"{label:52s} {fps:9.1f} {sps:10,.0f}")
    print("targets: default net >= 60 frames/s while >= 10,000 steps/s; 6x8 ReLU >= 30 frames/s")

    # Soak: RSS growth over many steps with every view live (after a warm-up).
    c.set_config(c.config.__class__())
    c.set_speed(1000)
    run(app, page, 2.0)
    before = rss_mb()
    start_step = c.trainer.step_count
    c.start()
    t0 = time.perf_counter()
    while c.trainer.step_count - start_step < args.soak_steps and time.perf_counter() - t0 < 300:
        app.processEvents()
    c.pause()
    after = rss_mb()
    print(f"\nRSS over {c.trainer.step_count - start_step:,} steps: {before:.1f} -> "
          f"{after:.1f} MB (growth {after - before:+.1f} MB; target <= 10 MB)")
    w.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
