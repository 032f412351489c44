"""Engine benchmarks (a script, not a test).

(a) 2-8-8-1 tanh, sigmoid output (binary cross-entropy), circle, 500 training points, full
    batch (500), SGD: training steps per second. Target: >= 4x PyTorch (float64, 1 thread).
(b) 2-8-8-8-8-8-8-3 ReLU, softmax output, spiral3 (250 training points), batch 10, SGD.
    Target: >= 4x PyTorch (float64, 1 thread).
(c) One Trainer.snapshot() of (b) with a 64x64 grid. Target: <= 2 ms.
(d) The TensorFlow Playground default (TrainConfig()): circle, 250 training points, 2-4-2-1
    tanh, batch 10, lr 0.03: epochs per second, per-epoch history included. Target: >= 1,500.

Ours is timed through the real Trainer.step(n). Every engine runs in chunks of whole epochs
(and whole history intervals) sized from a warm-up to take about --seconds each; the chunks of
ours and of torch alternate, so a load change on a shared machine hits both alike. A figure
is the best chunk (the median is beside it). The garbage collector is off while a chunk runs.
With torch importable, (a) and (b) also run with torch.nn + autograd + torch.optim.SGD on the
same data, batches and initial weights: batches pre-shuffled once per epoch, then sliced.

Run from the repository root:
    python tests/benchmarks/bench_engine.py [--quick] [--no-torch] [--seconds S] [--repeats N]
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import shlex
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from actgui.engine import datasets  # noqa: E402
from actgui.engine.config import TrainConfig  # noqa: E402
from actgui.engine.trainer import Trainer  # noqa: E402

CONFIGS = {
    "a": TrainConfig(dataset="circle", n_points=1000, hidden=(8, 8), activation="tanh",
                     batch_size=500),
    "b": TrainConfig(dataset="spiral3", n_points=500, hidden=(8,) * 6, activation="relu",
                     batch_size=10),
    "d": TrainConfig(),
}
TORCH_RATIO_TARGET = 4.0
SNAPSHOT_TARGET_MS = 2.0
EPOCHS_TARGET = 1500.0
PLAYGROUND_EPOCHS = 6100.0  # the Playground's own engine on (d), quoted in the issue


def timed(fn) -> float:
    """Seconds of one call of fn(), with the garbage collector off."""
    gc.collect()
    gc.disable()
    try:
        t0 = time.perf_counter()
        fn()
        return time.perf_counter() - t0
    finally:
        gc.enable()


def steps_per_epoch(cfg: TrainConfig) -> int:
    return -(-cfg.n_train // cfg.batch_size)


def chunk_size(cfg: TrainConfig, run, seconds: float) -> int:
    """Steps for a chunk of about `seconds`: whole epochs and whole history intervals.

    run(n) trains n steps; the warm-up calls it, and times the fastest of three calls.
    """
    unit = steps_per_epoch(cfg) * -(-10 // steps_per_epoch(cfg))  # history: every >= 10 steps
    n = unit * max(1, round(20 / unit))
    run(n)  # buffers, caches, lazy initialisation
    per_step = min(timed(lambda: run(n)) for _ in range(3)) / n
    return unit * max(1, round(seconds / per_step / unit))


def interleaved(cfg: TrainConfig, runs: dict, seconds: float, repeats: int) -> dict:
    """{name: (best, median) steps per second, chunk} for each run(n) in `runs`."""
    chunks = {name: chunk_size(cfg, run, seconds) for name, run in runs.items()}
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(repeats):
        for name, run in runs.items():
            times[name].append(timed(lambda run=run, name=name: run(chunks[name])))
    return {name: (chunks[name] / min(t), chunks[name] / statistics.median(t), chunks[name])
            for name, t in times.items()}


def snapshot_ms(cfg: TrainConfig, repeats: int) -> tuple[float, float]:
    """(best, median) milliseconds of one snapshot(), with one training step before each."""
    trainer = Trainer(cfg)
    trainer.step(100)
    trainer.snapshot()
    times = []
    for _ in range(repeats):
        trainer.step(1)  # a new step, so the timeline gains a row as it does in the app
        times.append(timed(trainer.snapshot) * 1e3)
    return min(times), statistics.median(times)


def torch_run(torch, case: str, dtype, threads: int):
    """run(n): n SGD steps of case (a) or (b) in torch.nn, from our initial parameters."""
    cfg, nn = CONFIGS[case], torch.nn
    trainer = Trainer(cfg)  # the same data, split and initial weights as ours
    net, layers = trainer.net, []
    for l, (W, b) in enumerate(zip(net.weights, net.biases, strict=True)):
        lin = nn.Linear(*W.shape, dtype=dtype)
        with torch.no_grad():
            lin.weight.copy_(torch.from_numpy(W.T.copy()))
            lin.bias.copy_(torch.from_numpy(b.copy()))
        layers.append(lin)
        if l < net.n_layers - 1:
            layers.append(nn.Tanh() if case == "a" else nn.ReLU())
    model = nn.Sequential(*layers)
    X = torch.from_numpy(datasets.features(trainer.x_train, cfg.features)).to(dtype)
    y = torch.from_numpy(np.asarray(trainer.y_train, dtype=np.int64))
    if case == "a":
        Y, loss_fn = y.to(dtype).reshape(-1, 1), nn.BCEWithLogitsLoss()
    else:
        Y, loss_fn = y, nn.CrossEntropyLoss()
    opt = torch.optim.SGD(model.parameters(), lr=cfg.learning_rate)
    b, n = cfg.batch_size, len(X)
    gen = torch.Generator().manual_seed(cfg.seed)
    batches: list = []

    def run(steps: int) -> None:
        torch.set_num_threads(threads)  # once per chunk: the variants alternate
        for _ in range(steps):
            if not batches:  # a new epoch: shuffle once, then slice
                perm = torch.randperm(n, generator=gen)
                batches.extend(zip(X[perm].split(b)[::-1], Y[perm].split(b)[::-1],
                                   strict=True))
            xb, yb = batches.pop()
            opt.zero_grad(set_to_none=True)
            loss_fn(model(xb), yb).backward()
            opt.step()

    return run


def machine() -> list[str]:
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next((ln.split(":", 1)[1].strip() for ln in f if ln.startswith("model name")),
                       "?")
    except OSError:
        pass
    try:
        blas = np.show_config(mode="dicts")["Build Dependencies"]["blas"]
        blas = blas.get("openblas configuration") or f"{blas['name']} {blas['version']}"
    except Exception:  # noqa: BLE001 - informational only
        blas = "?"
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else "?"
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    coretype = os.environ.get("OPENBLAS_CORETYPE")
    return [
        f"command   {shlex.join([sys.executable, *sys.argv])}",
        f"platform  {platform.platform()}",
        f"python    {platform.python_version()} ({platform.python_implementation()})",
        f"numpy     {np.__version__}; BLAS: {blas}",
        f"cpu       {cpu}; {os.cpu_count()} logical cores, {usable} usable; load avg {load}",
        f"env       OPENBLAS_CORETYPE={'unset' if coretype is None else repr(coretype)}",
    ]


def row(case, engine, best, median, unit, chunk="", note="") -> str:
    us = f"{1e6 / best:9.1f}" if unit == "steps/s" else ""
    digits = 3 if unit == "ms" else 1
    return (f"{case:<4} {engine:<22} {best:>10,.{digits}f} {median:>10,.{digits}f}  {unit:<8} "
            f"{us:>9} {chunk:>6}  {note}").rstrip()


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--quick", action="store_true", help="fewer, shorter chunks (smoke run)")
    p.add_argument("--no-torch", action="store_true", help="skip the PyTorch comparison")
    p.add_argument("--seconds", type=float, help="seconds per timed chunk (default 0.3)")
    p.add_argument("--repeats", type=int, help="timed chunks per engine (default 9)")
    args = p.parse_args(argv)
    repeats, seconds = (3, 0.05) if args.quick else (9, 0.3)
    repeats, seconds = args.repeats or repeats, args.seconds or seconds

    print("\n".join(machine()))
    print(f"runs      best of {repeats} chunks of ~{seconds:g} s each, ours and torch "
          f"alternating (median beside it); snapshot: best of {repeats * 5}")
    # (c) and (d) first: once torch has run, its idle worker threads slow NumPy down.
    ours = "actgui NumPy f64"
    snap = snapshot_ms(CONFIGS["b"], repeats * 5)
    cfg_d = CONFIGS["d"]
    steps_d = interleaved(cfg_d, {ours: Trainer(cfg_d).step}, seconds, repeats)[ours]

    torch = None
    if not args.no_torch:
        try:
            import torch
        except ImportError:
            print("torch     not importable: no PyTorch comparison")
    if torch is not None:
        threads = torch.get_num_threads()
        print(f"torch     {torch.__version__}; default threads {threads}")
    print(f"\n{'case':<4} {'engine':<22} {'best':>10} {'median':>10}  {'unit':<8} "
          f"{'µs/step':>9} {'chunk':>6}  ratio / target")
    for case in ("a", "b"):
        runs = {ours: Trainer(CONFIGS[case]).step}
        if torch is not None:
            for dtype, n in ((torch.float64, 1), (torch.float64, threads), (torch.float32, 1)):
                runs[f"torch {str(dtype)[6:]} {n} thr"] = torch_run(torch, case, dtype, n)
        result = interleaved(CONFIGS[case], runs, seconds, repeats)
        best, median, chunk = result.pop(ours)
        print(row(case, ours, best, median, "steps/s", chunk,
                  f"target >= {TORCH_RATIO_TARGET:g}x torch float64 1 thr"), flush=True)
        for name, (t_best, t_median, t_chunk) in result.items():
            verdict = ""
            if name == "torch float64 1 thr":
                verdict = "  OK" if best / t_best >= TORCH_RATIO_TARGET else "  MISS"
            print(row(case, name, t_best, t_median, "steps/s", t_chunk,
                      f"ours/torch {best / t_best:.2f}x (medians {median / t_median:.2f}x)"
                      f"{verdict}"), flush=True)
        if torch is not None:
            torch.set_num_threads(threads)

    verdict = "OK" if snap[0] <= SNAPSHOT_TARGET_MS else "MISS"
    print(row("c", "snapshot (b), 64x64", *snap, "ms", "",
              f"target <= {SNAPSHOT_TARGET_MS:g} ms  {verdict}"))
    best, median, chunk = steps_d
    epochs = best / steps_per_epoch(cfg_d)
    verdict = "OK" if epochs >= EPOCHS_TARGET else "MISS"
    print(row("d", ours, best, median, "steps/s", chunk))
    print(row("d", "", epochs, median / steps_per_epoch(cfg_d), "epochs/s", "",
              f"target >= {EPOCHS_TARGET:,g} epochs/s  {verdict}"))
    print(f"\n(c) and (d) ran before torch was imported. (d) for scale: the Playground's own "
          f"engine ~{PLAYGROUND_EPOCHS:,g} epochs/s; its page is capped at one epoch per frame "
          "(60/s).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
