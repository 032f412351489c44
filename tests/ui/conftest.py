import pyqtgraph as pg
import PySide6.QtWidgets  # noqa: F401  (PySide6 before pyqtgraph)
import pytest


@pytest.fixture(scope="module", autouse=True)
def _pg_options():
    """The plot options the app sets in main(), for widgets built directly by the tests."""
    old = {k: pg.getConfigOption(k) for k in ("antialias", "background", "foreground")}
    pg.setConfigOptions(antialias=True, background="w", foreground="k")
    yield
    pg.setConfigOptions(**old)
