"""Page furniture that needs the page count ("第 x 页 / 共 y 页"): pages are kept until the end."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.pdfgen.canvas import Canvas


def counting_canvas(draw_furniture: Callable[[Canvas, int, int], None]) -> type[Canvas]:
    """A Canvas class that calls `draw_furniture(canvas, page, pages)` on every page once all are laid out."""

    class CountingCanvas(Canvas):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            pages = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                draw_furniture(self, number, pages)
                super().showPage()
            super().save()

    return CountingCanvas
