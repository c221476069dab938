"""A Chinese font for the PDFs: an installed TrueType CJK font when there is one, else STSong-Light.

reportlab embeds TrueType fonts (the PDF then looks the same everywhere) but cannot read
PostScript-outline OpenType, which is what Noto CJK ships; the built-in CID font STSong-Light
needs no file at all and every PDF reader substitutes a Song face for it.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFError, TTFont

FALLBACK = "STSong-Light"
EMBEDDED = "ExamSiteCJK"
LATIN = "Helvetica"
LATIN_BOLD = "Helvetica-Bold"
#: (file, face index): TrueType CJK faces common on Debian-family systems and Windows.
CANDIDATES = (
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),  # SC; taken only if reportlab can read it
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    ("C:/Windows/Fonts/msyh.ttc", 0),
    ("C:/Windows/Fonts/simhei.ttf", 0),
    ("C:/Windows/Fonts/simsun.ttc", 0),
)


@lru_cache(maxsize=1)
def cjk_font() -> str:
    """The registered name of the font for Chinese text (registered on first use)."""
    for path, index in CANDIDATES:
        if not Path(path).is_file():
            continue
        try:
            pdfmetrics.registerFont(TTFont(EMBEDDED, path, subfontIndex=index))
        except (TTFError, OSError):
            continue
        return EMBEDDED
    pdfmetrics.registerFont(UnicodeCIDFont(FALLBACK))
    return FALLBACK


def style(size: float, *, align: int = 0, leading: float | None = None, colour=None) -> ParagraphStyle:
    """A paragraph style in the Chinese font; `align` 0 left, 1 centre, 2 right."""
    extra = {"textColor": colour} if colour is not None else {}
    return ParagraphStyle(f"cjk-{size}-{align}", fontName=cjk_font(), fontSize=size, alignment=align,
                          leading=leading or size * 1.3, wordWrap="CJK", **extra)


def latin(text: str, *, bold: bool = False) -> str:
    """Paragraph markup printing digits and letters (ticket numbers, codes) in a Latin face."""
    return f'<font name="{LATIN_BOLD if bold else LATIN}">{escape(text)}</font>'
