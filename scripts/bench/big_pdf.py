"""Writes a valid one-page PDF of about SIZE megabytes (an uncompressed
content stream of spaces after one line of text) to PATH.

    python3 scripts/bench/big_pdf.py PATH SIZE_MB
"""
import sys

path, size_mb = sys.argv[1], int(sys.argv[2])
text = b"BT /F1 14 Tf 72 700 Td (Een groot rapport) Tj ET\n"
padding = size_mb * 1_000_000
objects = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 595 842] >>",
    b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R"
    b" /Resources << /Font << /F1 5 0 R >> >> >>",
    None,  # the content stream, written in pieces below
    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
]
with open(path, "wb") as out:
    out.write(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n)
        if body is None:
            out.write(b"<< /Length %d >>\nstream\n" % (len(text) + padding))
            out.write(text)
            chunk = b" " * 1_000_000
            for _ in range(size_mb):
                out.write(chunk)
            out.write(b"\nendstream")
        else:
            out.write(body)
        out.write(b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for o in offsets:
        out.write(b"%010d 00000 n \n" % o)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
