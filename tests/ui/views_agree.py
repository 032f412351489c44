"""Do the views show what the engine holds? Used after (and during) a UI storm.

`disagreements(window)` pauses training, publishes a fresh snapshot on each page, lets the
views draw it, and compares what they drew with values computed from the engine's state.
It returns one line per mismatch (empty when all agree).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QApplication, QDoubleSpinBox

from actgui.engine import softmax as sm


def disagreements(window) -> list[str]:
    out: list[str] = []
    current = window.current_page_name()
    for name, check in (("activations", _activations), ("softmax", _softmax),
                        ("training", _training), ("compare", _compare)):
        window.show_page(name)
        QApplication.processEvents()
        out += [f"{name}: {m}" for m in check(window.page(name))]
    window.show_page(current)
    return out


def _same(a, b) -> bool:
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return a.shape == b.shape and np.allclose(a, b, rtol=1e-12, atol=1e-12, equal_nan=True)


def _activations(page) -> list[str]:
    out = []
    z = page.z_grid()
    for name in page.shown():
        items = page.view.curve_items(name)
        if items is None:
            out.append(f"{name} is ticked but not drawn")
            continue
        f_item, df_item = items
        a = page.activation(name)
        if not (np.array_equal(f_item.xData, z) and np.array_equal(f_item.yData, a.f(z))):
            out.append(f"f curve of {name} {a.params} is not the engine's")
        if not np.array_equal(df_item.yData, a.df(z)):
            out.append(f"f′ curve of {name} {a.params} is not the engine's")
    probe = page.findChild(QDoubleSpinBox, "zProbe").value()
    if page.view.f_probe.value() != probe:
        out.append(f"probe line at {page.view.f_probe.value()} but the spin box says {probe}")
    return out


def _softmax(page) -> list[str]:
    out = []
    z, t = page.logits.values(), page.temperature.value()
    p = sm.softmax(z, temperature=t)
    if not _same(page.state["p"], p):
        out.append("probabilities are not softmax(logits / T)")
    bars = [it for it in page.probabilities.plot.getPlotItem().items
            if isinstance(it, pg.BarGraphItem)]
    if len(bars) != 1 or not _same(bars[0].opts["height"], p):
        out.append("the bars are not the probabilities")
    images = [it for it in page.jacobian.plot.getPlotItem().items
              if isinstance(it, pg.ImageItem)]
    if len(images) != 1 or not _same(images[0].image, sm.jacobian(p, t)):
        out.append("the Jacobian heatmap is not the engine's Jacobian")
    return out


def _training(page) -> list[str]:
    out = []
    c = page.controller
    c.pause()
    c.publish()
    page.curves_view.flush()
    QApplication.processEvents()
    s, t, config = c.snapshot, c.trainer, c.config
    if s.step != t.step_count or s.config != config:
        out.append(f"snapshot at step {s.step}, trainer at {t.step_count}")
    ctl = page.controls
    shown = (ctl.layers_spin.value(), ctl.units_edit.text(), ctl.activation_combo.currentData(),
             ctl.seed_spin.value(), ctl.batch_spin.value())
    wanted = (len(config.hidden), ", ".join(map(str, config.hidden)), config.activation,
              config.seed, config.batch_size)
    if shown != wanted:
        out.append(f"controls show {shown}, the configuration is {wanted}")
    view = page.network_view
    for l, st in enumerate(s.diagnostics.layers):
        for j in range(st.dead.size):
            state = view.unit_state(l, j)
            if (state["dead"], state["saturated"]) != (bool(st.dead[j]), bool(st.saturated[j])):
                out.append(f"unit {l},{j} marked {state}, engine dead={st.dead[j]} "
                           f"saturated={st.saturated[j]}")
    for l, W in enumerate(s.weights):
        drawn = np.array([[view.link_weight(l, i, j) for j in range(W.shape[1])]
                          for i in range(W.shape[0])])
        if not np.array_equal(drawn, W):
            out.append(f"links of layer {l} are not the weights")
    bv, res = page.boundary_view, s.resolution
    img, grid = bv.image_array(), s.grid[-1]
    if config.output_kind == "softmax":
        ok = img is not None and img.shape == (res, res, 3)
    elif bv.discretize():
        ok = img is not None and img.shape == (res, res)
    else:
        ok = _same(img, grid[:, 0].reshape(res, res))
    if not ok:
        out.append("the decision boundary is not the network's output")
    n_test = len(s.x_test) if bv.show_test() else 0
    if bv.point_count() != (len(s.x_train), n_test):
        out.append(f"{bv.point_count()} points drawn, the data has {(len(s.x_train), n_test)}")
    x, y = page.curves_view.curve_data("train_loss")
    h = s.history
    finite = np.isfinite(h["train_loss"])
    if not (np.array_equal(x, h["epoch"]) and _same(y[finite], h["train_loss"][finite])):
        out.append("the loss curve is not the history")
    return out


def _compare(page) -> list[str]:
    out = []
    c = page.controller
    c.pause()
    c.publish()
    QApplication.processEvents()
    f, res = c.frame, c.config.resolution
    if f.step != c.trainer.step_count:
        out.append(f"frame at step {f.step}, runs at {c.trainer.step_count}")
    if tuple(f.activations) != tuple(c.activations):
        out.append(f"frame shows {f.activations}, the runs are {c.activations}")
    if page.table.rowCount() != len(c.activations):
        out.append(f"{page.table.rowCount()} table rows for {len(c.activations)} activations")
    for g, _ in enumerate(c.tile_runs()):
        img = page.tiles.image_array(g)
        if c.config.output_kind == "softmax":
            ok = img is not None and img.shape == (res, res, 3)
        else:
            ok = _same(img, f.boundaries[g][:, 0].reshape(res, res))
        if not ok:
            out.append(f"tile {g} ({c.activations[g]}) is not its network's output")
        if not page.tiles.tiles[g].widget.isVisible():
            out.append(f"tile {g} is hidden")
    return out
