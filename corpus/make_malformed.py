"""Write malformed and hostile "PDF" files for robustness tests (not committed).

    python corpus/make_malformed.py OUT_DIR [--seed N]

Sources are the corpus PDFs in corpus/pdf.  Every file is described in
OUT_DIR/manifest.json: its name, the kind of damage, the source it was made
from, what exactly was done, and what a reader may expect (``unreadable``:
no sane reader can get text out of it; ``readable``: a valid PDF with an
unusual property; ``either``: a good reader may recover).  The output is the
same for the same seed and corpus.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import re
import struct
import sys
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS_PDF = HERE / "pdf"
# small, varied sources: tables, two columns, landscape
SOURCES = (
    "ostersund-bun-namndsplan-2025.pdf",
    "kinnekulle-raddningsforbund-verksamhetsplan-2025.pdf",
    "vaxjo-klimat-handlingsplan-2025.pdf",
)
TRUNCATE_AT = (0.0005, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99)


class Writer:
    """Collects files and their manifest entries."""

    def __init__(self, out: Path):
        self.out = out
        self.entries = []

    def add(self, name: str, data: bytes, kind: str, source: str | None, detail: str, expect: str):
        if any(e["file"] == name for e in self.entries):
            raise ValueError(f"duplicate malformed file name {name}")
        (self.out / name).write_bytes(data)
        self.entries.append({"file": name, "kind": kind, "source": source, "detail": detail,
                             "expect": expect, "size": len(data)})


def minimal_pdf(objects: list[bytes], root: int = 1, header: bytes = b"%PDF-1.7\n") -> bytes:
    """A PDF from raw object bodies (1-based numbering) with a correct xref table."""
    buf = io.BytesIO()
    buf.write(header + b"%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(buf.tell())
        buf.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = buf.tell()
    buf.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        buf.write(b"%010d 00000 n \n" % offset)
    buf.write(b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref))
    return buf.getvalue()


def page_objects(extra_catalog: bytes = b"", mediabox: bytes = b"[0 0 595 842]", content: bytes = None):
    """Catalog, pages, one page with Helvetica text: the skeleton for hand-made PDFs."""
    if content is None:
        content = b"BT /F1 12 Tf 72 770 Td (Malformed test page) Tj ET"
    return [
        b"<< /Type /Catalog /Pages 2 0 R " + extra_catalog + b">>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox " + mediabox
        + b" /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]


def png_bytes(width: int = 8, height: int = 8) -> bytes:
    """A small valid PNG (grey gradient), built without an imaging library."""
    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + bytes((x * 32) % 256 for x in range(width)) for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def pikepdf_variants(w: Writer, source: Path):
    """Encrypted, zero-page and odd-geometry files written with pikepdf (deterministic ids)."""
    import pikepdf

    def save(pdf, **kwargs) -> bytes:
        buf = io.BytesIO()
        pdf.save(buf, static_id=True, **kwargs)
        return buf.getvalue()

    name = source.name
    with pikepdf.open(source) as pdf:
        w.add("encrypted-user-password.pdf",
              save(pdf, encryption=pikepdf.Encryption(owner="agare", user="hemligt", R=4, aes=False, metadata=False)),
              "encrypted", name, "RC4-128 (R4) with user password 'hemligt': cannot be opened without it",
              "unreadable")
    with pikepdf.open(source) as pdf:
        w.add("encrypted-empty-user-password.pdf",
              save(pdf, encryption=pikepdf.Encryption(owner="agare", user="", R=4, aes=False, metadata=False)),
              "encrypted", name, "RC4-128 (R4), empty user password, owner password set: opens without one",
              "readable")
    with pikepdf.open(source) as pdf:
        w.add("encrypted-no-extract.pdf",
              save(pdf, encryption=pikepdf.Encryption(
                  owner="agare", user="", R=4, aes=False, metadata=False,
                  allow=pikepdf.Permissions(extract=False, accessibility=False))),
              "encrypted", name, "empty user password but text extraction not permitted", "readable")
    empty = pikepdf.new()
    w.add("zero-pages.pdf", save(empty), "zero_pages", None, "valid PDF whose page tree has no pages",
          "readable")
    with pikepdf.open(source) as pdf:
        for page in pdf.pages:
            page.MediaBox = [0, 0, 10_000_000, 10_000_000]
        w.add("huge-mediabox.pdf", save(pdf), "huge_page", name, "every MediaBox set to [0 0 1e7 1e7]",
              "readable")
    with pikepdf.open(source) as pdf:
        pdf.pages[0].MediaBox = [0, 0, 0, 0]
        w.add("zero-mediabox.pdf", save(pdf), "odd_page", name, "first page MediaBox [0 0 0 0]", "either")
    with pikepdf.open(source) as pdf:
        pdf.pages[0].MediaBox = [595, 842, 0, 0]
        pdf.pages[0].Rotate = 90
        w.add("inverted-mediabox-rotated.pdf", save(pdf), "odd_page", name,
              "first page MediaBox inverted [595 842 0 0] and /Rotate 90", "readable")
    with pikepdf.open(source) as pdf:
        pdf.Root.Pages.Count = 100000
        w.add("lying-page-count.pdf", save(pdf), "bad_structure", name, "/Pages /Count set to 100000", "either")


def broken_xref_variants(w: Writer, data: bytes, name: str):
    """Damage the cross-reference table and the startxref pointer of a real PDF."""
    match = re.search(rb"startxref\s+(\d+)", data)
    if not match:
        raise ValueError(f"{name}: no startxref found")
    offset = int(match.group(1))
    start, end = match.span(1)

    def with_offset(value: int) -> bytes:
        return data[:start] + str(value).encode() + data[end:]

    w.add("xref-offset-shifted.pdf", with_offset(offset + 17), "broken_xref", name,
          f"startxref {offset} changed to {offset + 17}", "either")
    w.add("xref-offset-beyond-eof.pdf", with_offset(len(data) * 10), "broken_xref", name,
          "startxref points beyond the end of the file", "either")
    w.add("xref-offset-zero.pdf", with_offset(0), "broken_xref", name, "startxref set to 0", "either")
    table = data[offset:]
    garbled = re.sub(rb"(\d{10}) (\d{5}) n", lambda m: b"%010d %s n" % (int(m.group(1)) // 3, m.group(2)), table)
    w.add("xref-entries-wrong.pdf", data[:offset] + garbled, "broken_xref", name,
          "every in-use xref entry offset divided by 3", "either")
    w.add("xref-keyword-removed.pdf", data[:offset] + b"XXXX" + data[offset + 4:], "broken_xref", name,
          "the 'xref' keyword overwritten with 'XXXX'", "either")
    trailer = data.rfind(b"trailer")
    w.add("trailer-removed.pdf", data[:trailer] + data[data.rfind(b"startxref"):], "broken_xref", name,
          "trailer dictionary deleted", "either")
    w.add("no-eof-marker.pdf", data.replace(b"%%EOF", b""), "broken_xref", name, "%%EOF marker removed",
          "either")


def nested_variants(w: Writer):
    """Deeply nested objects that crash recursive parsers."""
    depth = 100_000
    nested = b"[" * depth + b"]" * depth
    w.add("nested-array-100000.pdf", minimal_pdf(page_objects(extra_catalog=b"/Deep 6 0 R ") + [nested]),
          "nested", None, f"catalog entry /Deep is an array nested {depth} deep", "either")
    ddepth = 50_000
    dnested = b"<< /A " * ddepth + b"null" + b" >>" * ddepth
    w.add("nested-dict-50000.pdf", minimal_pdf(page_objects(extra_catalog=b"/Deep 6 0 R ") + [dnested]),
          "nested", None, f"catalog entry /Deep is a dictionary nested {ddepth} deep", "either")
    w.add("nested-array-in-page.pdf",
          minimal_pdf(page_objects(mediabox=b"[0 0 595 842]") [:2]
                      + [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Annots "
                         + b"[" * 20000 + b"]" * 20000 + b" /Contents 4 0 R >>"]
                      + page_objects()[3:]),
          "nested", None, "page /Annots is an array nested 20000 deep", "either")
    unbalanced = b"[" * 30000
    w.add("unbalanced-array.pdf", minimal_pdf(page_objects(extra_catalog=b"/Deep 6 0 R ") + [unbalanced]),
          "nested", None, "an object that opens 30000 arrays and never closes them", "either")
    cyc = page_objects()
    cyc[1] = b"<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>"
    w.add("page-tree-cycle.pdf", minimal_pdf(cyc), "bad_structure", None,
          "the page tree lists itself among its kids", "either")
    w.add("handmade-valid.pdf", minimal_pdf(page_objects()), "control", None,
          "a valid one-page hand-made PDF (control for the hand-made variants)", "readable")
    w.add("huge-mediabox-handmade.pdf", minimal_pdf(page_objects(mediabox=b"[0 0 1e7 1e7]")), "huge_page", None,
          "MediaBox written as [0 0 1e7 1e7] (real-number exponent syntax, not valid PDF)", "either")
    w.add("garbage-content-stream.pdf",
          minimal_pdf(page_objects(content=b"BT /F9 12 Tf ( unterminated Tj ET q q q Q 1 0 0 cm Do Do")),
          "bad_content", None, "page content stream with unknown font, unbalanced string and stray operators",
          "either")


def generate(out: Path, seed: int = 0) -> list[dict]:
    """Write the malformed files into ``out``; return the manifest entries."""
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    w = Writer(out)
    sources = [CORPUS_PDF / name for name in SOURCES]
    missing = [p.name for p in sources if not p.is_file()]
    if missing:
        raise FileNotFoundError(f"corpus PDFs missing (run corpus/generate.py): {missing}")
    blobs = {p.name: p.read_bytes() for p in sources}

    for name, data in blobs.items():  # truncations
        stem = name[:-4]
        for fraction in TRUNCATE_AT:
            cut = max(1, int(len(data) * fraction))
            w.add(f"truncated-{stem}-{fraction:g}.pdf", data[:cut], "truncated", name,
                  f"first {cut} of {len(data)} bytes ({fraction:.2%})", "unreadable" if fraction < 0.5 else "either")
        w.add(f"truncated-{stem}-last-byte.pdf", data[:-1], "truncated", name, "last byte removed", "either")

    base_name, base = SOURCES[0], blobs[SOURCES[0]]
    for flips in (1, 8, 64, 512, 4096):  # seeded bounded mutations
        mutated = bytearray(base)
        positions = sorted(rng.sample(range(len(mutated)), min(flips, len(mutated))))
        for pos in positions:
            mutated[pos] = rng.randrange(256)
        w.add(f"mutated-{flips}-bytes.pdf", bytes(mutated), "mutated", base_name,
              f"{len(positions)} bytes replaced at random positions (seed {seed})", "either")
    for span in (16, 256, 2048):
        start = rng.randrange(len(base) - span)
        w.add(f"mutated-deleted-{span}.pdf", base[:start] + base[start + span:], "mutated", base_name,
              f"{span} bytes deleted at offset {start}", "either")
        start = rng.randrange(len(base) - span)
        w.add(f"mutated-duplicated-{span}.pdf", base[:start + span] + base[start:], "mutated", base_name,
              f"{span} bytes at offset {start} duplicated", "either")

    for size in (1, 100, 4096, 65536):  # random bytes
        w.add(f"random-{size}.pdf", bytes(rng.randrange(256) for _ in range(size)), "random", None,
              f"{size} random bytes", "unreadable")
    w.add("random-with-header.pdf", b"%PDF-1.7\n" + bytes(rng.randrange(256) for _ in range(8192)), "random",
          None, "a PDF header followed by 8192 random bytes", "unreadable")

    w.add("empty.pdf", b"", "empty", None, "zero bytes", "unreadable")
    w.add("header-only.pdf", b"%PDF-1.7\n%%EOF\n", "empty", None, "a header and an EOF marker, nothing else",
          "unreadable")
    w.add("html-named-pdf.pdf",
          "<!DOCTYPE html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\"><title>Sidan kunde inte hittas"
          "</title></head><body><h1>404 – Sidan kunde inte hittas</h1><p>Dokumentet Verksamhetsplan 2025 "
          "har flyttats.</p></body></html>\n".encode("utf-8"),
          "wrong_type", None, "an HTML error page saved with a .pdf name", "unreadable")
    w.add("png-named-pdf.pdf", png_bytes(), "wrong_type", None, "a valid 8x8 PNG image with a .pdf name",
          "unreadable")
    w.add("utf16-text-named-pdf.pdf", "Målet bedöms vara uppnått.\n".encode("utf-16"), "wrong_type", None,
          "UTF-16 text with a .pdf name", "unreadable")

    broken_xref_variants(w, base, base_name)
    nested_variants(w)
    pikepdf_variants(w, sources[1])

    manifest = {"seed": seed, "sources": list(SOURCES), "count": len(w.entries), "files": w.entries}
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return w.entries


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    entries = generate(args.out_dir, args.seed)
    print(f"wrote {len(entries)} files and manifest.json to {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
