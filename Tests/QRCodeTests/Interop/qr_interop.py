#!/usr/bin/env python3
"""Independent QR tools for OpenDVC's QRCodeTests: zxing-cpp (decoding) and segno (reference encoder).

Usage: qr_interop.py COMMAND REQUEST.json   (writes a JSON answer to standard output)

  decode          {"paths": [...]}           -> [{"ok", "text", "bytes_hex", "ec_level", "version"} | {"ok": false, "error"}]
  decode-terminal {"texts": [...], "light_glyphs": [...]} -> [text | null]   (half-block text drawn as pixels)
  segno-matrix    {"cases": [{"data_hex", "mode", "version", "level", "mask"}]} -> [["0101...", ...], ...]
  segno-version   {"cases": [{"data_hex", "level"}]} -> [{"version" (null: too long for segno), "mode", "error"}]
  segno-scores    {"matrices": [["0101...", ...], ...]} -> [[n1, n2, n3, n4], ...]

The PNG reader here is written from the PNG specification (signature, chunk CRCs, zlib, filters 0-4,
greyscale bit depths 1/2/4/8) so that zxing-cpp sees the pixels without any imaging library; it rejects
anything else.
Requires: pip install zxing-cpp==3.1.1 segno==1.6.6
"""
import json
import struct
import sys
import zlib


def read_png(path):
    """Returns (width, height, bytes of 8-bit grey pixels) or raises ValueError."""
    with open(path, "rb") as handle:
        data = handle.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("bad PNG signature")
    position = 8
    header = None
    idat = b""
    seen_end = False
    while position < len(data):
        (length,) = struct.unpack(">I", data[position:position + 4])
        kind = data[position + 4:position + 8]
        body = data[position + 8:position + 8 + length]
        (crc,) = struct.unpack(">I", data[position + 8 + length:position + 12 + length])
        if zlib.crc32(kind + body) & 0xFFFFFFFF != crc:
            raise ValueError("CRC mismatch in chunk %r" % kind)
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            seen_end = True
            break
        position += 12 + length
    if header is None or not seen_end:
        raise ValueError("missing IHDR or IEND")
    width, height, depth, colour, compression, filtering, interlace = header
    if colour != 0 or depth not in (1, 2, 4, 8) or compression or filtering or interlace:
        raise ValueError("unsupported PNG header %r" % (header,))
    raw = zlib.decompress(idat)
    row_bytes = (width * depth + 7) // 8
    if len(raw) != (row_bytes + 1) * height:
        raise ValueError("image data has %d bytes, expected %d" % (len(raw), (row_bytes + 1) * height))
    pixel_bytes = max(1, depth // 8)
    previous = bytearray(row_bytes)
    out = bytearray()
    for y in range(height):
        start = y * (row_bytes + 1)
        kind = raw[start]
        line = bytearray(raw[start + 1:start + 1 + row_bytes])
        for i in range(row_bytes):
            left = line[i - pixel_bytes] if i >= pixel_bytes else 0
            up = previous[i]
            up_left = previous[i - pixel_bytes] if i >= pixel_bytes else 0
            if kind == 0:
                value = 0
            elif kind == 1:
                value = left
            elif kind == 2:
                value = up
            elif kind == 3:
                value = (left + up) // 2
            elif kind == 4:
                p = left + up - up_left
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - up_left)
                value = left if pa <= pb and pa <= pc else (up if pb <= pc else up_left)
            else:
                raise ValueError("bad filter type %d" % kind)
            line[i] = (line[i] + value) & 0xFF
        previous = line
        if depth == 8:
            out += line
        else:
            maximum = (1 << depth) - 1
            for x in range(width):
                bit_position = x * depth
                value = (line[bit_position // 8] >> (8 - depth - bit_position % 8)) & maximum
                out.append(value * 255 // maximum)
    return width, height, bytes(out)


def decode(request):
    import zxingcpp

    answers = []
    for path in request["paths"]:
        try:
            width, height, pixels = read_png(path)
        except (ValueError, OSError, zlib.error) as error:
            answers.append({"ok": False, "error": "png: %s" % error})
            continue
        view = memoryview(pixels).cast("B", (height, width))
        results = zxingcpp.read_barcodes(view, formats=zxingcpp.BarcodeFormat.QRCode)
        if len(results) != 1:
            answers.append({"ok": False, "error": "%d symbols found" % len(results)})
            continue
        result = results[0]
        answers.append({
            "ok": True,
            "text": result.text,
            "bytes_hex": bytes(result.bytes).hex(),
            "ec_level": result.ec_level,
            "version": str(result.extra.get("Version", "")),
        })
    return answers


def decode_terminal(request):
    """Draws half-block text as a terminal would (4x4 pixels per module) and decodes it. With "light_glyphs"
    the glyphs are light on a dark background (a light-on-dark terminal), otherwise dark on light."""
    import zxingcpp

    answers = []
    for text, light_glyphs in zip(request["texts"], request["light_glyphs"]):
        lines = text.split("\n")[:-1]
        halves = []
        for line in lines:
            halves.append([c in "\u2588\u2580" for c in line])
            halves.append([c in "\u2588\u2584" for c in line])
        scale = 4
        width = max(len(row) for row in halves) * scale
        pixels = bytearray()
        for row in halves:
            line = bytearray()
            for painted in row:
                light = painted if light_glyphs else not painted
                line += bytes([255 if light else 0]) * scale
            line += bytes([0 if light_glyphs else 255]) * (width - len(line))
            pixels += bytes(line) * scale
        view = memoryview(bytes(pixels)).cast("B", (len(halves) * scale, width))
        results = zxingcpp.read_barcodes(view, formats=zxingcpp.BarcodeFormat.QRCode, try_invert=False)
        answers.append(results[0].text if len(results) == 1 else None)
    return answers


def segno_matrix(request):
    import segno

    answers = []
    for case in request["cases"]:
        data = bytes.fromhex(case["data_hex"])
        code = segno.make_qr(data, error=case["level"], version=case["version"], mask=case["mask"],
                             mode=case["mode"], boost_error=False)
        answers.append(["".join("1" if module else "0" for module in row) for row in code.matrix])
    return answers


def segno_version(request):
    import segno

    answers = []
    for case in request["cases"]:
        try:
            code = segno.make_qr(bytes.fromhex(case["data_hex"]), error=case["level"], boost_error=False)
        except segno.DataOverflowError:
            # Too long for segno's single-mode encoding in any version.
            answers.append({"version": None, "error": case["level"]})
            continue
        answers.append({"version": code.version, "mode": code.mode, "error": code.error})
    return answers


def segno_scores(request):
    from segno import encoder

    answers = []
    for rows in request["matrices"]:
        matrix = tuple(bytearray(1 if c == "1" else 0 for c in row) for row in rows)
        answers.append(list(encoder.mask_scores(matrix, len(rows), len(rows))))
    return answers


COMMANDS = {
    "decode": decode,
    "decode-terminal": decode_terminal,
    "segno-matrix": segno_matrix,
    "segno-version": segno_version,
    "segno-scores": segno_scores,
}

if __name__ == "__main__":
    with open(sys.argv[2], "r", encoding="utf-8") as handle:
        request = json.load(handle)
    json.dump(COMMANDS[sys.argv[1]](request), sys.stdout)
