"""Long UI storms (a script, not a test): many seeds of random user actions over every page.

tests/ui/test_storm.py runs one 2,000-action storm in CI. This script runs longer ones and
more seeds, and replays a failing seed: each storm reports its seed, the exceptions, Qt
warnings and Python warnings it caught, and any view that disagreed with the engine.

Run from the repository root:
    QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_storm.py [--seeds 5]
        [--actions 10000] [--seed N] [--language zh_CN]
Exit status 1 when any storm found a problem.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "ui"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from ui_storm import Storm  # noqa: E402  # isort: skip  (PySide6 first)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=int, default=5, help="storms to run (seeds 1..N)")
    ap.add_argument("--seed", type=int, help="run (replay) only this seed")
    ap.add_argument("--actions", type=int, default=10_000, help="actions per storm")
    ap.add_argument("--language", default="en", help="language to start in (en, zh_CN)")
    args = ap.parse_args(argv)
    app = QApplication.instance() or QApplication([])
    app.setOrganizationName("actgui-bench")  # never touch a user's settings
    seeds = [args.seed] if args.seed is not None else list(range(1, args.seeds + 1))
    failed = []
    for seed in seeds:
        with tempfile.TemporaryDirectory() as folder:
            t0 = time.perf_counter()
            storm = Storm(seed, folder, args.language)
            try:
                storm.run(args.actions)
            finally:
                storm.close()
            dt = time.perf_counter() - t0
        print(f"seed {seed}: {storm.count:,} actions in {dt:.0f} s "
              f"({storm.count / dt:.0f}/s): {'ok' if storm.ok() else 'PROBLEMS'}", flush=True)
        if not storm.ok():
            print(storm.report(), flush=True)
            failed.append(seed)
    print(f"{len(seeds) - len(failed)} of {len(seeds)} storms clean"
          + (f"; replay with --seed {failed[0]}" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
