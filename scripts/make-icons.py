#!/usr/bin/env python3
"""Draws the Teams app icons: a speech bubble holding a heart.

manifest/color.png    192x192, full colour on the accent colour.
manifest/outline.png   32x32, white on transparent (only white pixels, shaped by alpha).

Standard library only (zlib + struct write the PNGs). Run from anywhere: python3 scripts/make-icons.py
"""
import os
import struct
import zlib

ACCENT = (0x2E, 0x6E, 0x73)   # manifest accentColor
WHITE = (0xFF, 0xFF, 0xFF)
HEART = (0xE0, 0x6C, 0x5A)    # warm coral
SAMPLES = 4                   # supersampling per axis, for smooth edges


def rounded_rect(x, y, left, top, right, bottom, radius):
    """True when (x, y) lies inside the rounded rectangle."""
    if not (left <= x <= right and top <= y <= bottom):
        return False
    cx = min(max(x, left + radius), right - radius)
    cy = min(max(y, top + radius), bottom - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2


def triangle(x, y, a, b, c):
    def side(p, q):
        return (x - q[0]) * (p[1] - q[1]) - (p[0] - q[0]) * (y - q[1])
    d1, d2, d3 = side(a, b), side(b, c), side(c, a)
    has_neg = d1 < 0 or d2 < 0 or d3 < 0
    has_pos = d1 > 0 or d2 > 0 or d3 > 0
    return not (has_neg and has_pos)


def bubble(x, y, inset=0.0):
    """The speech bubble in unit coordinates (0..1), shrunk by inset."""
    body = rounded_rect(x, y, 0.10 + inset, 0.14 + inset, 0.90 - inset, 0.72 - inset, 0.16 - inset)
    tail = triangle(x, y, (0.26 + inset, 0.62), (0.50 - inset, 0.62), (0.22 + inset * 0.6, 0.90 - inset * 1.8))
    return body or tail


def heart(x, y, cx=0.5, cy=0.43, size=0.17):
    """The classic heart curve (x^2 + y^2 - 1)^3 - x^2 y^3 <= 0, centred at (cx, cy)."""
    u = (x - cx) / size
    v = -(y - cy) / size + 0.15
    return (u * u + v * v - 1) ** 3 - u * u * v ** 3 <= 0


def render(size, shade):
    """shade(x, y) -> (r, g, b, a) or None for transparent; returns rows of RGBA bytes, antialiased."""
    rows = []
    for py in range(size):
        row = bytearray()
        for px in range(size):
            acc = [0.0, 0.0, 0.0, 0.0]
            for sy in range(SAMPLES):
                for sx in range(SAMPLES):
                    x = (px + (sx + 0.5) / SAMPLES) / size
                    y = (py + (sy + 0.5) / SAMPLES) / size
                    colour = shade(x, y)
                    if colour is not None:
                        r, g, b, a = colour
                        acc[0] += r * a
                        acc[1] += g * a
                        acc[2] += b * a
                        acc[3] += a
            n = SAMPLES * SAMPLES
            alpha = acc[3] / n
            if alpha == 0:
                row += bytes((255, 255, 255, 0))
            else:
                row += bytes(round(acc[i] / acc[3]) for i in range(3)) + bytes((round(alpha * 255),))
        rows.append(bytes(row))
    return rows


def color_shade(x, y):
    if heart(x, y):
        return HEART + (1.0,)
    if bubble(x, y):
        return WHITE + (1.0,)
    return ACCENT + (1.0,)


def outline_shade(x, y):
    # A white bubble outline with a white heart inside; everything else transparent.
    ring = bubble(x, y) and not bubble(x, y, inset=0.085)
    if ring or heart(x, y, cy=0.45, size=0.15):
        return WHITE + (1.0,)
    return None


def write_png(path, rows):
    size = len(rows)

    def chunk(kind, data):
        return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack('>IIBBBBB', size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA, no interlace
    raw = b''.join(b'\x00' + row for row in rows)                # filter type 0 (none) on every row
    with open(path, 'wb') as f:
        f.write(b'\x89PNG\r\n\x1a\n')
        f.write(chunk(b'IHDR', header))
        f.write(chunk(b'IDAT', zlib.compress(raw, 9)))
        f.write(chunk(b'IEND', b''))


def main():
    manifest_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'manifest')
    write_png(os.path.join(manifest_dir, 'color.png'), render(192, color_shade))
    write_png(os.path.join(manifest_dir, 'outline.png'), render(32, outline_shade))


if __name__ == '__main__':
    main()
