"""Every page fits every window from the smallest allowed (760 x 520) to 1920 x 1080.

A QSplitter given less room than its children's minimum sizes lays them over each other (the
Training page's diagram was drawn over the readouts and the decision plane at 1024 x 768),
and a layout given less than its minimum squeezes or cuts off its widgets. For each page and
size this builds the main window, shows the page and checks that no splitter overlaps or
squeezes its children, that no laid-out widget is squeezed below its minimum or overlaps a
sibling, and that wrapped texts get the height they need.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSettings, QSize, Qt
from PySide6.QtWidgets import QLabel, QLayout, QSizePolicy, QSplitter, QWidget

from actgui.ui.main_window import MINIMUM_SIZE, PAGE_NAMES, create_main_window
from actgui.ui.pages.training_controls import COLUMN_WIDTH

SIZES = [MINIMUM_SIZE, (1024, 768), (1280, 800), (1920, 1080)]


@pytest.fixture(scope="module")
def windows(qapp, tmp_path_factory):
    """One main window per size (each page is built once in it); closed at the end."""
    built = {}

    def get(size):
        if size not in built:
            ini = tmp_path_factory.mktemp("narrow") / "actgui.ini"
            window = create_main_window(QSettings(str(ini), QSettings.Format.IniFormat))
            window.resize(*size)
            window.show()
            built[size] = window
        return built[size]

    yield get
    for window in built.values():
        window.close()
        window.deleteLater()
    qapp.processEvents()


def settle(qapp) -> None:
    for _ in range(8):  # layouts run in posted events, a few levels deep
        qapp.processEvents()


def show(windows, qapp, name: str, size) -> QWidget:
    window = windows(size)
    window.show_page(name)
    page = window.page(name)
    if name == "training":
        for _ in range(3):  # real numbers in the readouts
            page.controller.step_epoch()
    settle(qapp)
    assert (window.width(), window.height()) == size
    return page


# -- what "fits" means -----------------------------------------------------------------------

def _smallest(policy, hint: int, min_hint: int, explicit: int) -> int:
    """One dimension of the size a layout will not go below (Qt's qSmartMinSize)."""
    if explicit > 0:
        return explicit
    if policy == QSizePolicy.Policy.Ignored:
        return 0
    if policy.value & QSizePolicy.PolicyFlag.ShrinkFlag.value:
        return max(min_hint, 0)
    return max(hint, min_hint, 0)


def least_size(w: QWidget) -> QSize:
    hint, min_hint, explicit, policy = w.sizeHint(), w.minimumSizeHint(), w.minimumSize(), \
        w.sizePolicy()
    width = _smallest(policy.horizontalPolicy(), hint.width(), min_hint.width(), explicit.width())
    height = _smallest(policy.verticalPolicy(), hint.height(), min_hint.height(),
                       explicit.height())
    return QSize(width, height)


def where(w: QWidget) -> str:
    names = []
    while w is not None and len(names) < 4:
        names.append(w.objectName() or type(w).__name__)
        w = w.parentWidget()
    return " < ".join(names)


def check_fits(w: QWidget, problems: list[str]) -> None:
    need, got = least_size(w), w.size()
    if got.width() < need.width() or got.height() < need.height():
        problems.append(f"{where(w)}: {got.width()}x{got.height()} is below its minimum "
                        f"{need.width()}x{need.height()}")
    if isinstance(w, QLabel) and w.wordWrap() and w.text() and got.width() > 0:
        wanted = w.heightForWidth(got.width())
        if got.height() < wanted:
            problems.append(f"{where(w)}: wrapped text needs {wanted} px, has {got.height()}")


def check_splitter(s: QSplitter, problems: list[str]) -> None:
    horizontal = s.orientation() == Qt.Orientation.Horizontal
    end = None
    for i in range(s.count()):
        child = s.widget(i)
        if child.isHidden():
            continue
        g = child.geometry()
        if not s.rect().contains(g):
            problems.append(f"{where(child)}: {g.getRect()} outside its splitter "
                            f"{s.rect().getRect()}")
        start = g.left() if horizontal else g.top()
        if end is not None and start <= end:
            problems.append(f"{where(child)}: overlaps the splitter's previous child")
        end = g.right() if horizontal else g.bottom()
        check_fits(child, problems)


def laid_out_widgets(layout: QLayout) -> list[QWidget]:
    out = []
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item.widget() is not None:
            out.append(item.widget())
        elif item.layout() is not None:
            out += laid_out_widgets(item.layout())
    return out


def check_layout(container: QWidget, problems: list[str]) -> None:
    """The widgets of a layout: inside their parent, not squeezed, not overlapping."""
    kids = [w for w in laid_out_widgets(container.layout()) if not w.isHidden()]
    rect = container.rect()
    for k, w in enumerate(kids):
        g = w.geometry()
        if g.isEmpty():
            continue
        if not rect.contains(g):
            problems.append(f"{where(w)}: {g.getRect()} outside {rect.getRect()}")
        check_fits(w, problems)
        for other in kids[k + 1:]:
            if g.intersects(other.geometry()):
                problems.append(f"{where(w)} overlaps {where(other)}")


def page_problems(page: QWidget) -> list[str]:
    problems = []
    hint = page.minimumSizeHint()
    if hint.width() > page.width() or hint.height() > page.height():
        problems.append(f"page needs {hint.width()}x{hint.height()}, has "
                        f"{page.width()}x{page.height()}")
    for s in page.findChildren(QSplitter):
        if s.isVisible():
            check_splitter(s, problems)
    for w in [page, *page.findChildren(QWidget)]:
        if w.isVisible() and w.layout() is not None and not isinstance(w, QSplitter):
            check_layout(w, problems)
    return problems


# -- the tests -------------------------------------------------------------------------------

@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("name", PAGE_NAMES)
def test_page_fits_the_window(windows, qapp, name, size):
    page = show(windows, qapp, name, size)
    assert page_problems(page) == []


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_training_readouts_and_plane_are_whole(windows, qapp, size):
    page = show(windows, qapp, "training", size)
    readouts = page.readouts
    assert readouts.sizeHint().width() <= readouts.width()
    for label in readouts.values.values():
        assert label.sizeHint().width() <= label.width(), label.objectName()
    # the diagram beside the plane, never over it
    network, column = page.network_view.geometry(), page.top_splitter.widget(1).geometry()
    assert network.right() < column.left()
    legend = page.boundary_view.legend
    assert legend.height() >= legend.heightForWidth(legend.width())


def test_training_readouts_use_one_row_when_there_is_room(windows, qapp):
    page = show(windows, qapp, "training", (1280, 800))
    values = page.readouts.values
    tops = {values[k].geometry().top() for k in values}
    assert len(tops) == 1  # Epoch, losses and accuracy side by side, as they always were
    assert page.readouts.step.isVisible()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_nothing_needs_scrolling_that_should_not(windows, qapp, size):
    """The Training columns fit every size without their fallback scroll bars; the
    softmax cards and the compare results scroll only in the smallest window."""
    training = show(windows, qapp, "training", size)
    assert not training.body.verticalScrollBar().isVisible()
    assert not training.body.horizontalScrollBar().isVisible()
    if size != MINIMUM_SIZE:
        softmax = show(windows, qapp, "softmax", size)
        assert not softmax.cards.verticalScrollBar().isVisible()
        compare = show(windows, qapp, "compare", size)
        assert not compare.results.verticalScrollBar().isVisible()
        settings = compare.findChild(QWidget, "compareSettingsScroll")
        assert not settings.horizontalScrollBar().isVisible()


def test_training_fits_after_shrinking_and_with_eight_layers(windows, qapp):
    """Sizes set when the window was large must give way when it shrinks; a deep network's
    longer legends and diagnostics wrap rather than widen the page (in the smallest window
    its columns then scroll rather than overlap)."""
    window = windows((1920, 1080))
    window.show_page("training")
    page = window.page("training")
    assert page.apply_changes({"hidden": (8,) * 8})
    page.controller.step_epoch()
    try:
        for size in ((1280, 800), MINIMUM_SIZE, (1024, 768)):
            window.resize(*size)
            settle(qapp)
            assert page_problems(page) == [], size
    finally:
        window.resize(1920, 1080)
        page.apply_changes({"hidden": (4, 2)})
        settle(qapp)


@pytest.mark.parametrize("name", ["activations", "training", "compare"])
def test_columns_get_their_width_back_in_a_larger_window(windows, qapp, name):
    """A page first shown in the smallest window squeezes its side column; when the window
    grows, the column gets its usual width back (a splitter would give the room to the
    stretching column only)."""
    page = show(windows, qapp, name, MINIMUM_SIZE)
    window = windows(MINIMUM_SIZE)
    try:
        window.resize(1280, 800)
        settle(qapp)
        assert page_problems(page) == []
        if name == "training":
            assert page.controls.width() >= COLUMN_WIDTH
            assert not page.controls.horizontalScrollBar().isVisible()
        elif name == "compare":
            settings = page.findChild(QWidget, "compareSettingsScroll")
            assert not settings.horizontalScrollBar().isVisible()
            assert page.results.widget().widget(0).orientation() == Qt.Orientation.Horizontal
        else:
            assert page.findChild(QWidget, "activationSide").width() >= 290
    finally:
        window.resize(*MINIMUM_SIZE)
        settle(qapp)


def test_compare_note_stays_under_the_table(windows, qapp):
    page = show(windows, qapp, "compare", (1024, 768))
    table, note = page.table, page.seed_note
    top_of_note = note.mapTo(page, note.rect().topLeft()).y()
    bottom_of_table = table.mapTo(page, table.rect().bottomLeft()).y()
    assert bottom_of_table < top_of_note
    assert note.height() >= note.heightForWidth(note.width())


def test_softmax_cards_are_whole(windows, qapp):
    for size in SIZES:
        page = show(windows, qapp, "softmax", size)
        for card in (page.probabilities, page.jacobian, page.gradient):
            need = card.layout().totalMinimumHeightForWidth(card.width())
            assert card.height() >= need, (size, type(card).__name__)
            assert card.readout.holder.height() >= card.readout.heightForWidth(
                card.readout.holder.width())
        controls, cards = (w.geometry() for w in (page.controls, page.cards))
        assert not QRect(controls).intersects(cards)
