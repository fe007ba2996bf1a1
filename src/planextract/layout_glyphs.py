"""Glyphs of a PDF page from pdfium's text page, cheaply.

One ctypes call gives a page's text; two per character give its box and
text object (private function pointers without argument conversion, which
halves the cost of a call); font size, name, weight and slant are looked
up once per text object.  Boxes are turned into the displayed page's
coordinates (top-left origin, the page's rotation applied); glyphs of
rotated text (chart labels, margin notes) are left out.
"""

from __future__ import annotations

import ctypes
import functools
import math
import re

import pypdfium2.raw as pdfium_c

from .textnorm import is_symbol_font, symbol_font_chars

# --------------------------------------------------------------------------
# pdfium access: private function pointers with cheap argument types
# --------------------------------------------------------------------------


def _pdfium_function(name: str, restype, *argtypes):
    """A fresh ctypes function object for ``name`` (not shared with pypdfium2)."""
    library = getattr(pdfium_c, "_libs", None)
    if library is None:
        from pypdfium2_raw import bindings

        library = bindings._libs
    function = library["pdfium"][name]
    function.restype = restype
    function.argtypes = argtypes or None
    return function


_VP = ctypes.c_void_p
# No argtypes: the caller passes ready c_void_p handles and plain ints, which
# halves the cost of a call (these two run for every character).
_LOOSE_BOX = _pdfium_function("FPDFText_GetLooseCharBox", ctypes.c_int)
_TEXT_OBJECT = _pdfium_function("FPDFText_GetTextObject", _VP)


class _FontInfo:
    """What one text object says of its glyphs: size, name, weight, slant, direction."""

    __slots__ = ("size", "name", "bold", "italic", "horizontal", "symbol")

    def __init__(self, size: float, name: str, bold: bool, italic: bool, horizontal: bool):
        self.size, self.name, self.bold, self.italic = size, name, bold, italic
        self.horizontal = horizontal
        self.symbol = is_symbol_font(name)


_BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demibold|extrabold|ultrabold|fett", re.I)
_ITALIC_NAME = re.compile(r"italic|oblique|kursiv", re.I)


@functools.lru_cache(maxsize=1024)
def _font_name(raw: bytes) -> tuple[str, bool, bool]:
    """A font's name without its subset prefix, and whether the name says bold or italic."""
    name = raw.decode("utf-8", "replace")
    if len(name) > 7 and name[6] == "+" and name[:6].isupper():
        name = name[7:]
    return name, bool(_BOLD_NAME.search(name)), bool(_ITALIC_NAME.search(name))


@functools.lru_cache(maxsize=4096)
def _shared_font(size: float, name: str, bold: bool, italic: bool, horizontal: bool) -> _FontInfo:
    return _FontInfo(size, name, bold, italic, horizontal)


def emboldened(font: _FontInfo) -> _FontInfo:
    """The same font, bold."""
    return _shared_font(font.size, font.name, True, font.italic, font.horizontal)


def _font_info(textpage, index: int, obj, transform, faces: dict) -> _FontInfo:
    """The font of character ``index`` of text object ``obj`` (looked up once per object).

    Size and direction come from the object; name, weight and slant from
    its font, looked up once per font (``faces`` caches them by handle).
    """
    size = pdfium_c.FPDFText_GetFontSize(textpage, index)
    matrix = pdfium_c.FS_MATRIX()
    if pdfium_c.FPDFText_GetMatrix(textpage, index, matrix):
        size *= math.hypot(matrix.c, matrix.d)
        dx, dy = transform.vector(matrix.a, matrix.b)
        horizontal = dx > 0 and abs(dy) <= 0.05 * dx
    else:
        horizontal = True
    pointer = ctypes.cast(obj, pdfium_c.FPDF_PAGEOBJECT) if obj else None
    font = ctypes.cast(pdfium_c.FPDFTextObj_GetFont(pointer), ctypes.c_void_p).value if pointer else None
    face = faces.get(font) if font else None
    if face is None:
        buffer = ctypes.create_string_buffer(128)
        flags = ctypes.c_int(0)
        length = pdfium_c.FPDFText_GetFontInfo(textpage, index, buffer, 128, ctypes.byref(flags))
        name, bold_name, italic_name = _font_name(buffer.value if length else b"")
        weight = pdfium_c.FPDFText_GetFontWeight(textpage, index)
        bold = weight >= 600 or bold_name or bool(flags.value & (1 << 18))
        italic = italic_name or bool(flags.value & (1 << 6))
        face = (name, bold, italic)
        if font:
            faces[font] = face
    name, bold, italic = face
    if not bold and pointer:  # filled and stroked glyphs: a common way to fake bold
        mode = pdfium_c.FPDFTextObj_GetTextRenderMode(pointer)
        bold = mode in (pdfium_c.FPDF_TEXTRENDERMODE_FILL_STROKE, pdfium_c.FPDF_TEXTRENDERMODE_FILL_STROKE_CLIP)
    return _shared_font(round(size, 2), name, bold, italic, horizontal)


class _Transform:
    """From PDF user space to the displayed page (top-left origin, rotation applied)."""

    def __init__(self, page):
        self.left, self.bottom, self.right, self.top = page.get_cropbox()
        self.rotation = page.get_rotation() % 360

    def box(self, x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
        """(x0, top, x1, bottom) on the displayed page of a user-space box."""
        rotation = self.rotation
        if rotation == 0:
            return x0 - self.left, self.top - y1, x1 - self.left, self.top - y0
        if rotation == 90:
            return y0 - self.bottom, x0 - self.left, y1 - self.bottom, x1 - self.left
        if rotation == 180:
            return self.right - x1, y0 - self.bottom, self.right - x0, y1 - self.bottom
        return self.top - y1, self.right - x1, self.top - y0, self.right - x0

    def vector(self, dx: float, dy: float) -> tuple[float, float]:
        """A user-space direction on the displayed page (y pointing down)."""
        rotation = self.rotation
        if rotation == 0:
            return dx, -dy
        if rotation == 90:
            return dy, dx
        if rotation == 180:
            return -dx, dy
        return -dy, -dx


# --------------------------------------------------------------------------
# Characters
# --------------------------------------------------------------------------

_SPACES = frozenset(" \t\r\n\x0b\x0c\xa0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000")

# A glyph: (x0, top, x1, bottom, char, font, spaced) on the displayed page;
# ``spaced`` tells that a space character came just before it in the text.
Glyph = tuple


def read_glyphs(page) -> list[Glyph]:
    """The visible, horizontal glyphs of a pdfium page, without spaces.

    Words are told apart by the gaps between glyphs (which works for PDFs
    that position words without space characters) and by the spaces of the
    text (which works for tight headings whose word gaps are narrow).
    """
    textpage = page.get_textpage()
    try:
        count = pdfium_c.FPDFText_CountChars(textpage.raw)
        if count <= 0:
            return []
        text = textpage.get_text_range(0, count)
        if len(text) != count:  # one code unit per char is what pdfium promises
            text = "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, i)) for i in range(count))
        handle = _VP(ctypes.cast(textpage.raw, _VP).value)
        transform = _Transform(page)
        upright = transform.rotation == 0
        left_edge, top_edge = transform.left, transform.top
        fonts: dict = {}
        faces: dict = {}
        rect = pdfium_c.FS_RECTF()
        rect_pointer = _VP(ctypes.addressof(rect))
        box, text_object = _LOOSE_BOX, _TEXT_OBJECT
        glyphs = []
        append = glyphs.append
        spaced = False  # a space (printed or put in by pdfium) came before this glyph
        for index in range(count):
            char = text[index]
            if char in _SPACES:
                spaced = True
                continue
            box(handle, index, rect_pointer)
            x0, x1 = rect.left, rect.right
            if x1 <= x0:
                continue  # an empty glyph
            obj = text_object(handle, index)
            font = fonts.get(obj)
            if font is None:
                font = fonts[obj] = _font_info(textpage.raw, index, obj, transform, faces)
            if not font.horizontal:
                continue  # rotated text (chart labels, margin notes)
            if font.symbol:
                char = symbol_font_chars().get(char, char)  # "‡" drawn by Symbol is "≥"
            if upright:
                append((x0 - left_edge, top_edge - rect.top, x1 - left_edge, top_edge - rect.bottom, char, font, spaced))
            else:
                append((*transform.box(x0, rect.bottom, x1, rect.top), char, font, spaced))
            spaced = False
        return glyphs
    finally:
        textpage.close()
