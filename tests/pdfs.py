"""Small real PDFs made on the fly for tests (reportlab, pikepdf)."""

from __future__ import annotations

import io
from pathlib import Path


def text_pdf(path: Path, pages: list[list[str]], *, title: str | None = None) -> Path:
    """A PDF whose pages hold the given lines (the first, if ``title``, in bold)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    width, height = A4
    for lines in pages:
        y = height - 72
        if title:
            pdf.setFont("Helvetica-Bold", 18)
            pdf.drawString(72, y, title)
            y -= 30
        pdf.setFont("Helvetica", 11)
        for line in lines:
            pdf.drawString(72, y, line)
            y -= 15
        pdf.showPage()
    pdf.save()
    return path


def plan_pdf(path: Path, kommun: str = "Sala") -> Path:
    """A short plan with a goal heading, an indicator list and an activity table."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    styles = getSampleStyleSheet()
    doc = SimpleDocTemplate(str(path), pagesize=A4, invariant=1)
    story = [
        Paragraph(f"Verksamhetsplan 2025–2028 för Socialnämnden i {kommun} kommun", styles["Title"]),
        Paragraph("1 Nämndens mål", styles["Heading1"]),
        Paragraph("1.1 Alla brukare ska erbjudas en meningsfull vardag", styles["Heading2"]),
        Paragraph("Indikatorer", styles["Heading3"]),
        ListFlowable(
            [ListItem(Paragraph("Andelen brukare som är nöjda med aktiviteterna ska öka från 60 % (2022) till minst 70 % fram till och med 2023", styles["Normal"]))],
            bulletType="bullet",
        ),
        Spacer(1, 12),
        Paragraph("Aktiviteter", styles["Heading3"]),
    ]
    table = Table(
        [["Aktivitet", "Ansvarig", "Tidplan"], ["Införa aktivitetsombud på varje boende", "Enhetschef", "2025"]],
    )
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold")]))
    story.append(table)
    doc.build(story)
    return path


def image_only_pdf(path: Path) -> Path:
    """A 'scanned' page: an image and no text layer."""
    from PIL import Image, ImageDraw
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    image = Image.new("RGB", (400, 200), "white")
    ImageDraw.Draw(image).rectangle((20, 20, 380, 180), outline="black", width=3)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    buffer.seek(0)
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    pdf.drawImage(ImageReader(buffer), 72, 400, width=400, height=200)
    pdf.showPage()
    pdf.save()
    return path


def encrypted_pdf(source: Path, path: Path, user_password: str) -> Path:
    import pikepdf

    with pikepdf.open(source) as pdf:
        pdf.save(path, encryption=pikepdf.Encryption(owner="owner-secret", user=user_password, R=4))
    return path


def zero_page_pdf(path: Path) -> Path:
    import pikepdf

    pdf = pikepdf.new()
    pdf.save(path)
    return path


def broken_xref_pdf(source: Path, path: Path) -> Path:
    """A copy whose startxref points at nonsense and whose xref table is garbled."""
    data = bytearray(source.read_bytes())
    start = data.rfind(b"startxref")
    data[start:] = b"startxref\n999999999\n%%EOF\n"
    xref = data.find(b"xref")
    if 0 <= xref < start:
        data[xref : xref + 4] = b"xfer"
    path.write_bytes(bytes(data))
    return path
