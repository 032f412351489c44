"""A seeded storm of 2,000 random user actions over every page (issue 8).

Zero uncaught exceptions, zero Qt warnings or criticals, zero Python warnings; every broken
file refused with a message and no change; afterwards every view agrees with the engine.
A failure prints the seed: `python tests/benchmarks/bench_storm.py --seed N` replays it.
The long storms (many seeds, more actions) are that benchmark script.
"""

import os

import pytest
from ui_storm import Storm

SEED = int(os.environ.get("ACTGUI_STORM_SEED", "20261127"))
ACTIONS = int(os.environ.get("ACTGUI_STORM_ACTIONS", "2000"))


@pytest.mark.qt_no_exception_capture
@pytest.mark.qt_log_ignore(".*")
def test_ui_storm(qapp, tmp_path):
    storm = Storm(SEED, str(tmp_path))
    try:
        storm.run(ACTIONS)
    finally:
        storm.close()
    print(storm.report())
    assert storm.ok(), storm.report()
    # The storm did reach the parts it is meant to: refusals, loads, every page.
    assert storm.refusals >= 10 and storm.loaded >= 1
