"""Pure-NumPy compute engine. Never imports Qt or pyqtgraph (tests/engine/test_no_qt.py)."""
