"""UI benchmarks (a script, not a test).

1. Start-up: process start -> first painted main window (``python -m actgui --quit-after-paint``),
   against a bare ``python -c "import PySide6.QtWidgets, pyqtgraph, numpy"``; median of N runs
   each, interleaved. Target: ratio <= 1.5.
2. Control change -> repaint: set a control's value, then process events until a round paints
   nothing more anywhere in the window (so every paint the change caused is done), and time
   it. 200 changes per control, alternately "update" (just that) and "forced" (then also
   page.repaint(), repainting the whole page synchronously: an upper bound); p50 / p95 of
   each kind. Activations page
   with 5 activations shown (paramSlider, zProbe); softmax page with k = 10 (logitSpin0..9,
   temperatureSpin). Target: update p95 <= 10 ms (wall clock).
   Also reported, to read the wall times by: the process CPU time per update change (all
   threads, so Qt's painting thread pool counts too), the paint events per update change,
   and the load average before and after. On a shared machine a load above the CPU count
   inflates wall times beyond the CPU times; run it again when the machine is quieter.

Run from the repository root:
    QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_ui.py [--runs 5] [--changes 200]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # measure this checkout, not an installed actgui
BARE = "import PySide6.QtWidgets, pyqtgraph, numpy, time; print('done', time.time())"
SHOWN = ("sigmoid", "tanh", "relu", "leaky_relu", "elu")
STARTUP_TARGET = 1.5
REPAINT_TARGET_MS = 10.0


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env["PYTHONDONTWRITEBYTECODE"] = "0"
    return env


def _time_to_mark(args: list[str], env: dict[str, str]) -> float:
    """Seconds from just before the process is spawned to the wall time it prints last."""
    start = time.time()
    done = subprocess.run(args, env=env, capture_output=True, text=True, check=True)
    mark = float(done.stdout.split()[-1])
    return mark - start


def bench_startup(runs: int) -> tuple[float, float]:
    env = _env()
    app = [sys.executable, "-m", "actgui", "--quit-after-paint"]
    bare = [sys.executable, "-c", BARE]
    _time_to_mark(app, env)  # warm the file cache and the bytecode
    _time_to_mark(bare, env)
    app_t, bare_t = [], []
    for _ in range(runs):
        app_t.append(_time_to_mark(app, env))
        bare_t.append(_time_to_mark(bare, env))
    return statistics.median(app_t), statistics.median(bare_t)


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def bench_repaint(changes: int) -> list[tuple[str, list[float], list[float]]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QObject, QSettings, Qt
    from PySide6.QtWidgets import QApplication, QListWidget, QWidget

    app = QApplication.instance() or QApplication([])
    from actgui.ui.main_window import create_main_window

    scratch = tempfile.TemporaryDirectory()
    window = create_main_window(
        QSettings(os.path.join(scratch.name, "b.ini"), QSettings.Format.IniFormat)
    )
    window.show()
    window.build_all_pages()
    for _ in range(5):
        app.processEvents()

    class PaintCounter(QObject):
        count = 0

        def eventFilter(self, obj, event):  # noqa: N802 (Qt override)
            if event.type() == QEvent.Type.Paint:
                self.count += 1
            return False

    counter = PaintCounter()
    unsettled = 0  # changes still painting after the last round settle() allows

    def settle() -> int:
        """Process events until a round paints nothing; return the number of paints."""
        nonlocal unsettled
        total = 0
        for _ in range(10):
            counter.count = 0
            app.processEvents()
            if counter.count == 0:
                break
            total += counter.count
        else:
            unsettled += 1
        return total

    # Every visible widget of the window counts, not only the page's: a change that repaints
    # the status bar or re-lays out the window is not done before those paints are. (Hidden
    # pages paint nothing, and a filter on them would only slow every event down.)
    watched: set[int] = set()

    def watch_all() -> None:
        for widget in [window, *window.findChildren(QWidget)]:
            if widget.isVisible() and id(widget) not in watched:
                watched.add(id(widget))
                widget.installEventFilter(counter)

    def timed(page: QWidget, values, apply) -> tuple[list[float], ...]:
        watch_all()
        settle()
        update, forced, cpu, paints = [], [], [], []
        for i, value in enumerate(values):
            t0, c0 = time.perf_counter(), time.process_time()
            apply(value)
            n = settle()
            if i % 2:
                page.repaint()
                forced.append((time.perf_counter() - t0) * 1e3)
            else:
                update.append((time.perf_counter() - t0) * 1e3)
                cpu.append((time.process_time() - c0) * 1e3)
                paints.append(n)
        if sum(paints) == 0:
            raise SystemExit(f"changes on {page.objectName()} caused no paint: check the bench")
        return update, forced, cpu, paints

    def child(page: QWidget, name: str):
        widget = page.findChild(QWidget, name)
        if widget is None:
            raise SystemExit(f"{page.objectName()} has no child named {name!r}: is it a stub?")
        return widget

    rows = []
    # -- activations page, 5 activations shown ---------------------------------------------
    window.show_page("activations")
    page = window.page("activations")
    listing: QListWidget = child(page, "activationList")
    param_item = None
    for i in range(listing.count()):
        item = listing.item(i)
        name = item.data(Qt.ItemDataRole.UserRole)
        item.setCheckState(
            Qt.CheckState.Checked if name in SHOWN else Qt.CheckState.Unchecked
        )
        if name == "leaky_relu":
            param_item = item
    if param_item is not None:
        listing.setCurrentItem(param_item)  # its parameter drives paramSlider
    shown = sum(
        listing.item(i).checkState() == Qt.CheckState.Checked for i in range(listing.count())
    )
    for _ in range(5):
        app.processEvents()
    for name in ("paramSlider", "zProbe"):
        control = child(page, name)
        low, high = control.minimum(), control.maximum()
        values = [low + (high - low) * ((7 * i) % 100) / 99 for i in range(changes)]
        if isinstance(control.value(), int):
            values = [round(v) for v in values]
        enabled = "" if control.isEnabled() else " (disabled!)"
        rows.append((f"activations ({shown} shown): {name}{enabled}",
                     *timed(page, values, control.setValue)))

    # -- softmax page, k = 10 --------------------------------------------------------------
    window.show_page("softmax")
    page = window.page("softmax")
    child(page, "logitCount").setValue(10)
    for _ in range(5):
        app.processEvents()
    spins = [child(page, f"logitSpin{i}") for i in range(10)]

    def set_logit(i: int) -> None:
        spin = spins[i % 10]
        spin.setValue(((i * 37) % 81) / 10 - 4.0)

    rows.append(("softmax (k = 10): logitSpin0..9", *timed(page, range(changes), set_logit)))
    temperature = child(page, "temperatureSpin")
    low, high = max(temperature.minimum(), 0.1), min(temperature.maximum(), 5.0)
    values = [low + (high - low) * ((13 * i) % 50) / 49 for i in range(changes)]
    rows.append(("softmax (k = 10): temperatureSpin",
                 *timed(page, values, temperature.setValue)))

    window.close()
    scratch.cleanup()
    if unsettled:
        print(f"warning: {unsettled} changes were still painting after 10 rounds of "
              "processEvents; their times are too low")
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="start-up runs (default 5)")
    parser.add_argument("--changes", type=int, default=200, help="changes per control")
    parser.add_argument("--only", choices=("startup", "repaint"), help="run one part only")
    args = parser.parse_args()

    import numpy
    import PySide6

    import pyqtgraph  # isort: skip  (after PySide6, so that it binds to PySide6)

    print(f"machine : {platform.platform()}, {os.cpu_count()} CPUs, "
          f"{platform.processor() or platform.machine()}")
    print(f"python  : {platform.python_version()}, PySide6 {PySide6.__version__}, "
          f"pyqtgraph {pyqtgraph.__version__}, NumPy {numpy.__version__}, "
          f"QPA {os.environ.get('QT_QPA_PLATFORM', 'default')}")
    print()

    if args.only != "repaint":
        report_startup(args.runs)
    if args.only != "startup":
        report_repaint(args.changes)
    return 0


def report_startup(runs: int) -> None:
    app_s, bare_s = bench_startup(runs)
    ratio = app_s / bare_s
    print(f"start-up, median of {runs} runs")
    print(f"  {'bare imports (PySide6.QtWidgets, pyqtgraph, numpy)':<52} {bare_s * 1e3:8.0f} ms")
    print(f"  {'actgui: process start -> first painted window':<52} {app_s * 1e3:8.0f} ms")
    verdict = "ok" if ratio <= STARTUP_TARGET else "OVER TARGET"
    print(f"  {'ratio (target <= 1.5)':<52} {ratio:8.2f} x  {verdict}")
    print()


def _load() -> str:
    try:
        return "{:.2f} {:.2f} {:.2f}".format(*os.getloadavg())
    except OSError:
        return "n/a"


def report_repaint(changes: int) -> None:
    load_before = _load()
    rows = bench_repaint(changes)
    half = changes // 2
    print(f"control change -> repaint (ms); {half} changes 'update' + {half} 'forced' each; "
          f"load average {load_before} before, {_load()} after ({os.cpu_count()} CPUs)")
    print(f"  {'control':<46} {'update p50':>10} {'p95':>7} {'forced p50':>11} {'p95':>7} "
          f"{'cpu p50':>8} {'paints':>7}")
    worst = 0.0
    for label, update, forced, cpu, paints in rows:
        p95 = _percentile(update, 95)
        worst = max(worst, p95)
        print(f"  {label:<46} {statistics.median(update):10.2f} {p95:7.2f} "
              f"{statistics.median(forced):11.2f} {_percentile(forced, 95):7.2f} "
              f"{statistics.median(cpu):8.2f} {statistics.mean(paints):7.1f}")
    verdict = "ok" if worst <= REPAINT_TARGET_MS else "OVER TARGET"
    print(f"  worst update p95 {worst:.2f} ms (target <= {REPAINT_TARGET_MS:.0f} ms)  {verdict}")


if __name__ == "__main__":
    sys.exit(main())
