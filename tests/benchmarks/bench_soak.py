"""Soak benchmark (a script, not a test): 1,000,000 training steps with every view live.

    QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_soak.py [--steps 1000000]

The training page of a shown 1280x800 main window (offscreen) trains under the app's own
event loop (`app.exec()`): the controller's frame timer steps the trainer and emits one
snapshot per frame, and every view draws it: the network diagram with a heatmap per unit, the
decision plane, the loss and diagnostic curves, the readouts, and one open unit inspector
(first hidden unit). Paint events of each view are counted, so the output shows that every
view was live.

Warm-up is the first `--warmup` share of the steps (default 10 %), not a time. RSS (from
/proc/self/statm), steps, snapshots and CPU time are logged every 0.1 s; the table shows a
row every `--sample-seconds` (default 10) of wall clock from the end of warm-up. Targets:
  * RSS growth from the end of warm-up to the end of the run <= 10 MB;
  * steps/s of the last `--sample-seconds` within 10 % of the first ones after warm-up
    (end/start >= 0.90), each window taken as the median of its one-second rates, so that
    another process taking the CPU for a few seconds (a shared machine) does not decide it.
    The windows' means, best seconds and CPU shares are printed too.
Exit status 1 if a target fails, training diverged, or a view hardly painted; else 0.
`--profile` and `--tracemalloc` add a cProfile of both windows and the allocations that grew.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import platform
import pstats
import statistics
import sys
import time
import tracemalloc
from dataclasses import dataclass, replace

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer  # noqa: E402  (before pyqtgraph)
from PySide6.QtWidgets import QApplication, QGraphicsView, QWidget  # noqa: E402

PAGE_BYTES = os.sysconf("SC_PAGE_SIZE")
RSS_TARGET_MB = 10.0
RATE_TARGET = 0.90  # end steps/s over start steps/s
MONITOR_MS = 100  # how often the sampler looks at the clock (a cheap Qt timer)


def rss_mb() -> float:
    """Resident set size now, MB (second field of /proc/self/statm, in pages)."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * PAGE_BYTES / 2**20


class PaintCounter(QObject):
    """Counts paint events of some widgets (a view's viewport, or a widget and its children)."""

    def __init__(self, widgets):
        super().__init__()
        self.count = 0
        self._widgets = list(widgets)  # keep the wrappers alive
        for w in self._widgets:
            w.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def surfaces(widget: QWidget) -> list[QWidget]:
    """What actually paints for a view: viewports of its graphics views, or else its widgets."""
    views = ([widget] if isinstance(widget, QGraphicsView) else []) + widget.findChildren(
        QGraphicsView)
    if views:
        return [v.viewport() for v in views]
    return [widget, *widget.findChildren(QWidget)]


@dataclass
class Sample:
    label: str
    t: float  # s since the start of the run
    steps: int  # training steps since the start of the run
    cpu: float  # process CPU seconds since the start of the run
    frames: int  # snapshots emitted since the start of the run
    rss: float  # MB


class Soak:
    """Drives the run from a monitor timer inside app.exec(): a fine log every MONITOR_MS,
    a table row every `sample_seconds`, optional profiles of the first and last window."""

    def __init__(self, app, page, args):
        self.app, self.page, self.c = app, page, page.controller
        self.target = args.steps
        self.warmup_steps = int(args.warmup * args.steps)
        self.every = args.sample_seconds
        self.timeout = args.timeout
        self.frames = 0
        self.log: list[Sample] = []  # every MONITOR_MS
        self.samples: list[Sample] = []  # the table's rows
        self.warm: Sample | None = None
        self.profiles: dict[str, cProfile.Profile] = {}
        self._profiling = args.profile
        self._prof: tuple[str, cProfile.Profile] | None = None
        self.on_warm = None  # called once warm-up is over
        self._next = None
        self._timer = QTimer()
        self._timer.setInterval(MONITOR_MS)
        self._timer.timeout.connect(self._monitor)
        self.c.snapshot_ready.connect(self._count)

    def _count(self, _snapshot) -> None:
        self.frames += 1

    def _now(self, label: str) -> Sample:
        return Sample(label, time.perf_counter() - self.t0, self.c.trainer.step_count - self.s0,
                      time.process_time() - self.cpu0, self.frames, rss_mb())

    def run(self) -> None:
        self.t0, self.cpu0 = time.perf_counter(), time.process_time()
        self.s0 = self.c.trainer.step_count
        self.frames = 0
        self.samples.append(self._now("start"))
        self.log.append(self.samples[0])
        self._timer.start()
        self.c.start()
        self.app.exec()

    def _profile(self, name: str | None) -> None:
        if self._prof is not None:
            self._prof[1].disable()
            self._prof = None
        if name is not None and self._profiling and name not in self.profiles:
            self.profiles[name] = cProfile.Profile()
            self._prof = (name, self.profiles[name])
            self._prof[1].enable()

    def _monitor(self) -> None:
        now = self._now("")
        self.log.append(now)
        done = now.steps >= self.target or not self.c.running or now.t > self.timeout
        if done:
            self.c.pause()
            self._profile(None)
        if self.warm is None and (now.steps >= self.warmup_steps or done):
            self.warm = replace(now, label="warm-up end")
            self.samples.append(self.warm)
            self._next = self.warm.t + self.every
            if self.on_warm is not None:
                self.on_warm()
            if not done:
                self._profile("first window")
        elif done:
            self.samples.append(replace(now, label="end"))
        elif self._next is not None and now.t >= self._next:
            self.samples.append(replace(now, label="sample"))
            self._next += self.every
        if self._prof is not None and self._prof[0] == "first window" and \
                now.t >= self.warm.t + self.every:
            self._profile(None)
        if self._profiling and not done and self.warm is not None and len(self.log) > 20 \
                and "last window" not in self.profiles:
            # Profile the last ~window: start when the recent rate says it is that close.
            recent = self.log[-20]
            sps = (now.steps - recent.steps) / max(now.t - recent.t, 1e-9)
            if sps > 0 and (self.target - now.steps) / sps <= self.every:
                self._profile("last window")
        if done:
            self._timer.stop()
            self.app.quit()


@dataclass
class Window:
    """Rates over [t0, t1] of the fine log."""

    t0: float
    t1: float
    steps_per_s: float
    frames_per_s: float
    cpu_share: float
    per_second: list[float]  # steps/s of each whole second in the window

    @property
    def median(self) -> float:
        return statistics.median(self.per_second) if self.per_second else float("nan")

    @property
    def best(self) -> float:
        return max(self.per_second, default=float("nan"))


def window(log: list[Sample], t0: float, t1: float) -> Window:
    rows = [r for r in log if t0 - 1e-9 <= r.t <= t1 + 1e-9]
    a, b = rows[0], rows[-1]
    dt = max(b.t - a.t, 1e-9)
    per_second, i = [], 0
    for j, r in enumerate(rows):
        if r.t - rows[i].t >= 1.0 - MONITOR_MS / 2000:
            per_second.append((r.steps - rows[i].steps) / (r.t - rows[i].t))
            i = j
    return Window(a.t, b.t, (b.steps - a.steps) / dt, (b.frames - a.frames) / dt,
                  (b.cpu - a.cpu) / dt, per_second)


def rate(a: Sample, b: Sample) -> tuple[float, float, float]:
    """(steps/s, frames/s, CPU share) between two samples."""
    dt = max(b.t - a.t, 1e-9)
    return (b.steps - a.steps) / dt, (b.frames - a.frames) / dt, (b.cpu - a.cpu) / dt


def print_profile(name: str, prof: cProfile.Profile, n: int = 15) -> None:
    out = io.StringIO()
    pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(n)
    lines = [x for x in out.getvalue().splitlines() if x.strip()]
    print(f"\n--- cProfile, {name} (by own time) ---")
    print("\n".join(lines[:n + 6]))


def main() -> int:
    from actgui.ui.controller import MAX_SPEED

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--steps", type=int, default=1_000_000)
    ap.add_argument("--sample-seconds", type=float, default=10.0,
                    help="seconds between table rows, and the length of the first and last "
                         "windows whose steps/s are compared (default 10)")
    ap.add_argument("--warmup", type=float, default=0.10,
                    help="share of the steps counted as warm-up (default 0.10)")
    ap.add_argument("--speed", type=int, default=MAX_SPEED,
                    help=f"steps per frame, capped by the controller's time budget "
                         f"(default the maximum, {MAX_SPEED})")
    ap.add_argument("--dataset", default=None, help="a data set name (default: the app's)")
    ap.add_argument("--hidden", default=None,
                    help="hidden layer sizes, e.g. 8,8 (default: the app's)")
    ap.add_argument("--activation", default=None, help="(default: the app's)")
    ap.add_argument("--no-inspector", action="store_true", help="do not open a unit inspector")
    ap.add_argument("--timeout", type=float, default=900.0, help="give up after this many s")
    ap.add_argument("--profile", action="store_true",
                    help="cProfile the first window after warm-up and the last (slows both)")
    ap.add_argument("--tracemalloc", action="store_true",
                    help="list the Python allocations that grew from warm-up to the end "
                         "(slows training a lot: use with fewer --steps)")
    args = ap.parse_args()

    import pyqtgraph as pg

    from actgui.ui.main_window import create_main_window

    app = QApplication(sys.argv)
    pg.setConfigOptions(antialias=True, background="w", foreground="k")
    ini = os.path.join("/tmp", f"bench_soak_{os.getpid()}.ini")
    w = create_main_window(QSettings(ini, QSettings.Format.IniFormat))
    w.resize(1280, 800)
    w.show()
    w.show_page("training")
    page = w.page("training")
    c = page.controller
    changes = {}
    if args.dataset:
        changes["dataset"] = args.dataset
    if args.hidden:
        changes["hidden"] = tuple(int(x) for x in args.hidden.split(",") if x.strip())
    if args.activation:
        changes["activation"] = args.activation
    if changes:
        c.update_config(**changes)  # a ValueError names a bad value
        page.controls.set_config(c.config)
    c.reset()
    c.set_speed(args.speed)
    page.transport.set_speed(c.speed)
    views = {"network": page.network_view, "boundary": page.boundary_view,
             "curves": page.curves_view, "readouts": page.readouts}
    if not args.no_inspector:
        inspector = page.open_inspector(0, 0)  # first unit of the first hidden layer
        inspector.resize(560, 640)
        views["inspector"] = inspector
    for _ in range(50):
        app.processEvents()
    counters = {name: PaintCounter(surfaces(v)) for name, v in views.items()}

    print(f"command : {' '.join([sys.executable, *sys.argv])}")
    print(f"machine : {platform.platform()}, {os.cpu_count()} CPUs, "
          f"load {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    cfg = c.config
    print(f"config  : {cfg.dataset}, hidden {cfg.hidden} {cfg.activation}, "
          f"batch {cfg.batch_size}, lr {cfg.learning_rate}, {cfg.n_train} training points; "
          f"speed {c.speed} steps/frame (the frame's time budget caps it)")
    print(f"views   : {', '.join(views)}; window 1280x800 offscreen")
    print(f"run     : {args.steps:,} steps; warm-up = the first {args.warmup:.0%} of the "
          f"steps ({int(args.warmup * args.steps):,}); a row every {args.sample_seconds:g} s "
          "after it\n")

    if args.tracemalloc:
        tracemalloc.start(1)
    soak = Soak(app, page, args)
    traced = {}
    if args.tracemalloc:
        soak.on_warm = lambda: traced.setdefault("warm", tracemalloc.take_snapshot())
    soak.run()
    if args.tracemalloc:
        traced["end"] = tracemalloc.take_snapshot()
        tracemalloc.stop()
    s = soak.samples

    print(f"{'sample':12s} {'time s':>7s} {'steps':>10s} {'steps/s':>8s} {'frames/s':>8s} "
          f"{'CPU %':>6s} {'RSS MB':>7s}")
    for prev, cur in zip([None, *s], s, strict=False):
        if prev is None:
            cols = f"{'':>8s} {'':>8s} {'':>6s}"
        else:
            sps, fps, cpu = rate(prev, cur)
            cols = f"{sps:8,.0f} {fps:8.1f} {100 * cpu:6.0f}"
        print(f"{cur.label:12s} {cur.t:7.1f} {cur.steps:10,d} {cols} {cur.rss:7.1f}")
    print("(rates since the row above; CPU % = CPU time of this process / wall time)\n")

    t = c.trainer
    total = s[-1]
    after = [r for r in soak.log if r.t >= soak.warm.t]
    print(f"total   : {total.steps:,} steps in {total.t:.1f} s = {total.steps / total.t:,.0f} "
          f"steps/s; {total.frames:,} snapshots = {total.frames / total.t:.1f} frames/s; "
          f"CPU {total.cpu:.1f} s")
    print("paints  : " + ", ".join(f"{name} {cnt.count:,}" for name, cnt in counters.items()))
    loss = t.history.last("train_loss") if t.history.n else float("nan")
    print(f"trainer : step {t.step_count:,}, epoch {t.epoch:,}, train loss {loss:.4g}, "
          f"diverged: {'at step ' + format(t.diverged_at, ',') if t.diverged else 'no'}; "
          f"history rows {t.history.n:,}")
    print(f"RSS     : peak after warm-up {max(r.rss for r in after):.1f} MB, min "
          f"{min(r.rss for r in after):.1f} MB ({len(after)} readings)\n")

    ok = True
    if total.steps < args.steps:
        print(f"FAIL  ran {total.steps:,} of {args.steps:,} steps (timeout or divergence)")
        ok = False
    if t.diverged:
        print(f"FAIL  training diverged at step {t.diverged_at:,}")
        ok = False
    idle = [name for name, cnt in counters.items() if cnt.count < total.frames // 10]
    if idle:
        print(f"FAIL  views that hardly painted: {', '.join(idle)}")
        ok = False

    growth = total.rss - soak.warm.rss
    passed = growth <= RSS_TARGET_MB
    ok &= passed
    print(f"{'PASS' if passed else 'FAIL'}  RSS growth after warm-up: {soak.warm.rss:.1f} -> "
          f"{total.rss:.1f} MB = {growth:+.1f} MB (target <= {RSS_TARGET_MB:g} MB)")

    span = args.sample_seconds
    if total.t - soak.warm.t < 2 * span:
        print(f"FAIL  steps/s: the run after warm-up is shorter than two {span:g}-s windows "
              "(use more --steps or a smaller --sample-seconds)")
        ok = False
    else:
        # The first window after warm-up against the last one, each as its median
        # one-second rate: another process taking the CPU for a few seconds (this machine is
        # shared) moves the window's mean but hardly its median.
        first = window(soak.log, soak.warm.t, soak.warm.t + span)
        last = window(soak.log, total.t - span, total.t)
        ratio = last.median / first.median
        passed = ratio >= RATE_TARGET
        ok &= passed
        print(f"{'PASS' if passed else 'FAIL'}  steps/s, median of the 1-s rates in the first "
              f"{span:g} s after warm-up {first.median:,.0f} and in the last {span:g} s "
              f"{last.median:,.0f}: end/start {ratio:.3f} (target >= {RATE_TARGET:.2f})")
        for name, x in (("first", first), ("last", last)):
            print(f"      {name:5s} window {x.t0:5.1f}-{x.t1:5.1f} s: mean {x.steps_per_s:,.0f} "
                  f"steps/s, best 1-s {x.best:,.0f}, {x.frames_per_s:.1f} frames/s, CPU "
                  f"{100 * x.cpu_share:.0f} %")
        print(f"      end/start of the means {last.steps_per_s / first.steps_per_s:.3f}, of the "
              f"best 1-s rates {last.best / first.best:.3f}")

    for name, prof in soak.profiles.items():
        print_profile(name, prof)
    if "warm" in traced:
        print("\n--- tracemalloc: allocations that grew from warm-up to the end ---")
        ignore = [tracemalloc.Filter(False, tracemalloc.__file__),
                  tracemalloc.Filter(False, __file__)]
        warm, end = (traced[k].filter_traces(ignore) for k in ("warm", "end"))
        for stat in end.compare_to(warm, "lineno")[:12]:
            print(f"  {stat}")
    w.close()
    if os.path.exists(ini):
        os.remove(ini)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
