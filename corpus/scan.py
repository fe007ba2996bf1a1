"""Turn chosen pages of a rendered PDF into image-only "scanned" pages.

The page is rasterised with pdfium (grey, at ``dpi``), tilted by ``skew``
degrees, sprinkled with seeded specks, stored as a JPEG and put back in
place of the vector page, so the page has no text layer and must be read
with OCR.  Deterministic for the same pdfium, Pillow and libjpeg versions.
"""

from __future__ import annotations

import io
import random


def scan_pages(pdf: bytes, pages: list[int], dpi: int = 150, skew: float = 0.0, seed: int = 0,
               quality: int = 70) -> bytes:
    """Return ``pdf`` with the 1-based ``pages`` replaced by page images."""
    import pikepdf
    import pypdfium2
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    rng = random.Random(seed)
    source = pypdfium2.PdfDocument(pdf)
    scans = io.BytesIO()
    sheet = canvas.Canvas(scans, invariant=1)
    for number in pages:
        page = source[number - 1]
        width, height = page.get_size()
        image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
        if skew:
            image = image.rotate(skew, resample=Image.BICUBIC, fillcolor=255)
        pixels = image.load()
        for _ in range(image.width * image.height // 4000):  # dust and toner specks
            x, y = rng.randrange(image.width), rng.randrange(image.height)
            pixels[x, y] = rng.choice((0, 60, 140))
        jpeg = io.BytesIO()
        image.save(jpeg, format="JPEG", quality=quality, optimize=False)
        sheet.setPageSize((width, height))
        sheet.drawImage(ImageReader(io.BytesIO(jpeg.getvalue())), 0, 0, width, height)
        sheet.showPage()
    sheet.save()
    source.close()
    with pikepdf.open(io.BytesIO(pdf)) as original, pikepdf.open(io.BytesIO(scans.getvalue())) as images:
        for index, number in enumerate(pages):
            original.pages[number - 1] = images.pages[index]
        out = io.BytesIO()
        original.save(out, static_id=True)
    return out.getvalue()


def library_versions() -> dict:
    """Versions that decide the scanned bytes (recorded beside reportlab's)."""
    import PIL
    import pikepdf
    import pypdfium2

    return {"pdfium": str(pypdfium2.PDFIUM_INFO), "pillow": PIL.__version__, "pikepdf": pikepdf.__version__}
