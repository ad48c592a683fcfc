#!/usr/bin/env python3
"""Generates the small image fixtures of src/imaging/fixtures/ and their expected gray pixels.

The fixtures come from encoders other than the ones the app decodes with, so the decoders are checked
against independent implementations: Pillow (PNG, JPEG, BMP, TIFF), libtiff's tiffcp (predictor,
multi-strip, big-endian TIFF) and the hand-written writers below (interlaced and 16-bit PNG, top-down,
bit-field, RLE and OS/2 BMP, TIFF with lying strip tables). Every picture is a synthetic pattern made
here; none comes from real data.

Run with Debian's python3 and its packages (apt-get install python3-pil libtiff-tools):
    /usr/bin/python3 scripts/make-imaging-fixtures.py
It rewrites src/imaging/fixtures/ (images + expected.json) deterministically.
"""

import io
import json
import os
import shutil
import struct
import subprocess
import tempfile
import zlib

from PIL import Image

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'src', 'imaging', 'fixtures')
W, H = 13, 7  # odd width exercises row padding in BMP and sub-byte formats

expected = {}


# ---------------------------------------------------------------- patterns and the reference conversion
def gray_at(x, y):
    if (x, y) == (0, 0):
        return 0
    if (x, y) == (W - 1, H - 1):
        return 255
    return (x * 19 + y * 41 + (x * y) % 7 * 3) % 256


def rgb_at(x, y):
    return (gray_at(x, y), (x * 53 + 10) % 256, (y * 71 + x * 5) % 256)


def alpha_at(x, y):
    return [0, 255, 128, 30, 200][(x + 2 * y) % 5]


def luma(r, g, b):
    # BT.601 in 16-bit fixed point, as Pillow's convert('L') and the decoder compute it.
    return (r * 19595 + g * 38470 + b * 7471 + 32768) >> 16


def on_white(v, a):
    return (v * a + 255 * (255 - a) + 127) // 255


def scale16(v):
    return int(v * 255 / 65535 + 0.5)


def grid(fn, w=W, h=H):
    return [[fn(x, y) for x in range(w)] for y in range(h)]


def flat(rows):
    return [v for row in rows for v in row]


GRAY = grid(gray_at)
RGB = grid(rgb_at)
ALPHA = grid(alpha_at)
GRAY_EXPECTED = flat(GRAY)
RGB_EXPECTED = flat(grid(lambda x, y: luma(*rgb_at(x, y))))
RGBA_EXPECTED = flat(grid(lambda x, y: on_white(luma(*rgb_at(x, y)), alpha_at(x, y))))
GRAY16 = grid(lambda x, y: gray_at(x, y) * 257 + (0 if gray_at(x, y) in (0, 255) else (x * 13) % 200 - 100))
GRAY16_EXPECTED = flat([[scale16(v) for v in row] for row in GRAY16])


def expect(name, pages, width=W, height=H, tolerance=0, repairs=False):
    # Pixels as hex strings (two digits per pixel): compact, and stable under prettier.
    entry = {'width': width, 'height': height, 'pages': [bytes(page).hex() for page in pages], 'tolerance': tolerance}
    if repairs:
        entry['repairs'] = True
    expected[name] = entry


def path(name):
    return os.path.join(OUT, name)


# ---------------------------------------------------------------- an independent PNG writer
def png_chunk(kind, data):
    return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xFFFFFFFF)


def pack_row(samples, depth):
    if depth == 16:
        return b''.join(struct.pack('>H', s) for s in samples)
    if depth == 8:
        return bytes(samples)
    out, acc, bits = bytearray(), 0, 0
    for s in samples:
        acc = (acc << depth) | s
        bits += depth
        if bits == 8:
            out.append(acc)
            acc, bits = 0, 0
    if bits:
        out.append(acc << (8 - bits))
    return bytes(out)


ADAM7 = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]


def write_png(name, pixels, depth, colour_type, palette=None, trns=None, interlace=False):
    """pixels: rows of tuples of samples per pixel."""
    h, w = len(pixels), len(pixels[0])
    raw = bytearray()
    passes = ADAM7 if interlace else [(0, 0, 1, 1)]
    for x0, y0, dx, dy in passes:
        for y in range(y0, h, dy):
            row = [s for x in range(x0, w, dx) for s in pixels[y][x]]
            if row:
                raw += b'\x00' + pack_row(row, depth)
    data = b'\x89PNG\r\n\x1a\n'
    data += png_chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, depth, colour_type, 0, 0, 1 if interlace else 0))
    if palette:
        data += png_chunk(b'PLTE', bytes(c for entry in palette for c in entry))
    if trns is not None:
        data += png_chunk(b'tRNS', trns)
    data += png_chunk(b'IDAT', zlib.compress(bytes(raw), 9))
    data += png_chunk(b'IEND', b'')
    with open(path(name), 'wb') as f:
        f.write(data)
    return data


PALETTE16 = [((i * 17) % 256, (i * 40) % 256, (255 - i * 13) % 256) for i in range(16)]
PALETTE16_GRAY = [luma(*c) for c in PALETTE16]


def make_png():
    Image.frombytes('L', (W, H), bytes(GRAY_EXPECTED)).save(path('png-gray8.png'))
    expect('png-gray8.png', [GRAY_EXPECTED])
    im16 = Image.new('I;16', (W, H))
    im16.putdata(flat(GRAY16))
    im16.save(path('png-gray16.png'))
    expect('png-gray16.png', [GRAY16_EXPECTED])
    Image.frombytes('RGB', (W, H), bytes(c for p in flat(RGB) for c in p)).save(path('png-rgb8.png'))
    expect('png-rgb8.png', [RGB_EXPECTED])
    rgba = bytes(c for y in range(H) for x in range(W) for c in (*rgb_at(x, y), alpha_at(x, y)))
    Image.frombytes('RGBA', (W, H), rgba).save(path('png-rgba8.png'))
    expect('png-rgba8.png', [RGBA_EXPECTED])
    la = bytes(c for y in range(H) for x in range(W) for c in (gray_at(x, y), alpha_at(x, y)))
    Image.frombytes('LA', (W, H), la).save(path('png-gray-alpha8.png'))
    expect('png-gray-alpha8.png', [flat(grid(lambda x, y: on_white(gray_at(x, y), alpha_at(x, y))))])
    bw = grid(lambda x, y: 255 if (x + y) % 3 else 0)
    Image.frombytes('L', (W, H), bytes(flat(bw))).convert('1').save(path('png-gray1.png'))
    expect('png-gray1.png', [flat(bw)])
    # Palette (Pillow) with a transparent entry.
    indices = grid(lambda x, y: (x + y) % 16)
    pim = Image.frombytes('P', (W, H), bytes(flat(indices)))
    pim.putpalette([c for entry in PALETTE16 for c in entry])
    pim.save(path('png-palette8-trns.png'), transparency=3)
    expect('png-palette8-trns.png', [[255 if i == 3 else PALETTE16_GRAY[i] for i in flat(indices)]])
    # Hand-written: 16-bit RGB, interlaced variants, 2- and 4-bit, gray colour key.
    rgb16 = [[(min(65535, v * 257 + 77), ((x * 53 + 10) % 256) * 257, ((y * 71 + x * 5) % 256) * 257) for x, v in enumerate(row)]
             for y, row in enumerate(GRAY)]
    write_png('png-rgb16.png', rgb16, 16, 2)
    expect('png-rgb16.png', [flat([[luma(*(scale16(c) for c in px)) for px in row] for row in rgb16])])
    write_png('png-gray8-interlaced.png', [[(v,) for v in row] for row in GRAY], 8, 0, interlace=True)
    expect('png-gray8-interlaced.png', [GRAY_EXPECTED])
    write_png('png-gray16-interlaced.png', [[(v,) for v in row] for row in GRAY16], 16, 0, interlace=True)
    expect('png-gray16-interlaced.png', [GRAY16_EXPECTED])
    write_png('png-rgb8-interlaced.png', RGB, 8, 2, interlace=True)
    expect('png-rgb8-interlaced.png', [RGB_EXPECTED])
    write_png('png-palette4.png', [[(i,) for i in row] for row in indices], 4, 3, palette=PALETTE16)
    expect('png-palette4.png', [[PALETTE16_GRAY[i] for i in flat(indices)]])
    write_png('png-palette4-interlaced.png', [[(i,) for i in row] for row in indices], 4, 3, palette=PALETTE16, interlace=True)
    expect('png-palette4-interlaced.png', [[PALETTE16_GRAY[i] for i in flat(indices)]])
    bw = grid(lambda x, y: 1 if (x * 3 + y) % 4 else 0)
    write_png('png-gray1-interlaced.png', [[(v,) for v in row] for row in bw], 1, 0, interlace=True)
    expect('png-gray1-interlaced.png', [[v * 255 for v in flat(bw)]])
    gray2 = grid(lambda x, y: (x + 2 * y) % 4)
    write_png('png-gray2.png', [[(v,) for v in row] for row in gray2], 2, 0)
    expect('png-gray2.png', [[v * 85 for v in flat(gray2)]])
    write_png('png-gray8-colour-key.png', [[(v,) for v in row] for row in GRAY], 8, 0, trns=struct.pack('>H', GRAY[1][1]))
    expect('png-gray8-colour-key.png', [[255 if v == GRAY[1][1] else v for v in GRAY_EXPECTED]])


# ---------------------------------------------------------------- JPEG (lossy: compared with Pillow's decode)
def make_jpeg():
    jw, jh = 40, 24
    smooth = grid(lambda x, y: (20 + x * 3 + y * 2, 200 - x * 3, 60 + y * 6), jw, jh)
    rgb = Image.frombytes('RGB', (jw, jh), bytes(c for p in flat(smooth) for c in p))
    for name, image, kwargs in [
        ('jpeg-baseline-rgb.jpg', rgb, {}),
        ('jpeg-progressive-rgb.jpg', rgb, {'progressive': True}),
        ('jpeg-baseline-gray.jpg', rgb.convert('L'), {}),
        ('jpeg-progressive-gray.jpg', rgb.convert('L'), {'progressive': True}),
    ]:
        image.save(path(name), quality=95, **kwargs)
        reference = Image.open(path(name)).convert('L')
        expect(name, [list(reference.tobytes())], jw, jh, tolerance=3)


# ---------------------------------------------------------------- BMP: Pillow plus a hand-written writer
def bmp_bytes(width, height, bpp, pixel_rows, compression=0, header_size=40, palette=None, masks=None,
              top_down=False, raw_data=None):
    """pixel_rows: already packed rows (top row first) without padding, or raw_data for RLE."""
    stride = (width * bpp + 31) // 32 * 4
    if raw_data is None:
        rows = pixel_rows if top_down else list(reversed(pixel_rows))
        raw_data = b''.join(r + b'\x00' * (stride - len(r)) for r in rows)
    if header_size == 12:
        info = struct.pack('<IHHHH', 12, width, height, 1, bpp)
        pal = b''.join(bytes((b, g, r)) for r, g, b in (palette or []))
    else:
        info = struct.pack('<IiiHHIIiiII', header_size, width, -height if top_down else height, 1, bpp, compression,
                           len(raw_data), 2835, 2835, len(palette or []), 0)
        extra = b''
        if masks is not None:
            extra = struct.pack('<IIII', *masks)
        info += (extra + b'\x00' * header_size)[: header_size - 40] if header_size > 40 else b''
        if header_size == 40 and masks is not None:
            info += struct.pack('<III', *masks[:3])
        pal = b''.join(bytes((b, g, r, 0)) for r, g, b in (palette or []))
    offset = 14 + len(info) + len(pal)
    head = b'BM' + struct.pack('<IHHI', offset + len(raw_data), 0, 0, offset)
    return head + info + pal + raw_data


def rle8_encode(rows):
    out = bytearray()
    for row in reversed(rows):  # bottom-up
        x = 0
        while x < len(row):
            run = 1
            while x + run < len(row) and row[x + run] == row[x] and run < 255:
                run += 1
            if run >= 2:
                out += bytes((run, row[x]))
                x += run
            else:  # literal run of up to 5 differing pixels (absolute mode needs ≥ 3)
                lit = row[x:x + 5]
                if len(lit) >= 3:
                    out += bytes((0, len(lit))) + bytes(lit) + (b'\x00' if len(lit) % 2 else b'')
                else:
                    out += b''.join(bytes((1, v)) for v in lit)
                x += len(lit)
        out += b'\x00\x00'
    out += b'\x00\x01'
    return bytes(out)


def rle4_encode(rows):
    """Runs of one repeated 4-bit index per code pair (bottom-up rows), as RLE4 allows."""
    out = bytearray()
    for row in reversed(rows):
        x = 0
        while x < len(row):
            run = 1
            while x + run < len(row) and row[x + run] == row[x] and run < 255:
                run += 1
            out += bytes((run, (row[x] << 4) | row[x]))
            x += run
        out += b'\x00\x00'
    out += b'\x00\x01'
    return bytes(out)


def write(name, data):
    with open(path(name), 'wb') as f:
        f.write(data)


def make_bmp():
    rgb_image = Image.frombytes('RGB', (W, H), bytes(c for p in flat(RGB) for c in p))
    rgb_image.save(path('bmp-rgb24.bmp'))
    expect('bmp-rgb24.bmp', [RGB_EXPECTED])
    Image.frombytes('L', (W, H), bytes(GRAY_EXPECTED)).save(path('bmp-gray8.bmp'))
    expect('bmp-gray8.bmp', [GRAY_EXPECTED])
    bw = grid(lambda x, y: 255 if (x * y + y) % 4 else 0)
    Image.frombytes('L', (W, H), bytes(flat(bw))).convert('1').save(path('bmp-1bit.bmp'))
    expect('bmp-1bit.bmp', [flat(bw)])
    # 32-bit BI_RGB as the karyogram scanners write it: the fourth byte is 0 and means nothing.
    rows32 = [b''.join(bytes((b, g, r, 0)) for r, g, b in row) for row in RGB]
    write('bmp-rgb32-zero-alpha.bmp', bmp_bytes(W, H, 32, rows32))
    expect('bmp-rgb32-zero-alpha.bmp', [RGB_EXPECTED])
    rows24 = [b''.join(bytes((b, g, r)) for r, g, b in row) for row in RGB]
    write('bmp-rgb24-top-down.bmp', bmp_bytes(W, H, 24, rows24, top_down=True))
    expect('bmp-rgb24-top-down.bmp', [RGB_EXPECTED])
    # V5 header with bit fields and a real alpha channel.
    rows_bgra = [b''.join(bytes((b, g, r, alpha_at(x, y))) for x, (r, g, b) in enumerate(row)) for y, row in enumerate(RGB)]
    masks = (0x00FF0000, 0x0000FF00, 0x000000FF, 0xFF000000)
    write('bmp-rgba32-v5-bitfields.bmp', bmp_bytes(W, H, 32, rows_bgra, compression=3, header_size=124, masks=masks))
    expect('bmp-rgba32-v5-bitfields.bmp', [RGBA_EXPECTED])
    # 16-bit 5-6-5 bit fields after a 40-byte header.
    def to565(r, g, b):
        return struct.pack('<H', ((r >> 3) << 11) | ((g >> 2) << 5) | (b >> 3))
    rows565 = [b''.join(to565(*px) for px in row) for row in RGB]
    write('bmp-rgb16-565.bmp', bmp_bytes(W, H, 16, rows565, compression=3, masks=(0xF800, 0x07E0, 0x001F, 0)))
    expect('bmp-rgb16-565.bmp', [flat([[luma(round((r >> 3) * 255 / 31), round((g >> 2) * 255 / 63), round((b >> 3) * 255 / 31))
                                        for r, g, b in row] for row in RGB])])
    indices = grid(lambda x, y: (x * 3 + y) % 16)
    rows4 = [pack_row(row, 4) for row in indices]
    write('bmp-palette4.bmp', bmp_bytes(W, H, 4, rows4, palette=PALETTE16))
    expect('bmp-palette4.bmp', [[PALETTE16_GRAY[i] for i in flat(indices)]])
    write('bmp-palette8-os2.bmp', bmp_bytes(W, H, 8, [bytes(row) for row in indices], header_size=12, palette=PALETTE16))
    expect('bmp-palette8-os2.bmp', [[PALETTE16_GRAY[i] for i in flat(indices)]])
    runs = grid(lambda x, y: (x // 4 + y) % 16)
    write('bmp-palette8-rle.bmp', bmp_bytes(W, H, 8, None, compression=1, palette=PALETTE16, raw_data=rle8_encode(runs)))
    expect('bmp-palette8-rle.bmp', [[PALETTE16_GRAY[i] for i in flat(runs)]])
    write('bmp-palette4-rle.bmp', bmp_bytes(W, H, 4, None, compression=2, palette=PALETTE16, raw_data=rle4_encode(runs)))
    expect('bmp-palette4-rle.bmp', [[PALETTE16_GRAY[i] for i in flat(runs)]])


# ---------------------------------------------------------------- TIFF: Pillow, tiffcp, and a writer for lies
def tiffcp(source, target, *args):
    subprocess.run(['tiffcp', *args, path(source), path(target)], check=True)


def tiff_bytes(width, height, strips, rows_per_strip, bps=8, photometric=1, compression=1, offsets=None,
               counts=None):
    """A little-endian one-page gray TIFF laid out as header, IFD, arrays, strips; its strip table may
    lie: `offsets` and `counts` replace the true ones when given (None entries take the true value)."""
    tags = [[256, 4, [width]], [257, 4, [height]], [258, 3, [bps]], [259, 3, [compression]],
            [262, 3, [photometric]], [273, 4, None], [277, 3, [1]], [278, 4, [rows_per_strip]], [279, 4, None]]
    n_offsets = len(offsets) if offsets is not None else len(strips)
    n_counts = len(counts) if counts is not None else len(strips)
    array_bytes = (4 * n_offsets if n_offsets > 1 else 0) + (4 * n_counts if n_counts > 1 else 0)
    strip_base = 8 + 2 + 12 * len(tags) + 4 + array_bytes
    true_offsets, at = [], strip_base
    for strip in strips:
        true_offsets.append(at)
        at += len(strip)
    offsets = offsets if offsets is not None else true_offsets
    counts = counts if counts is not None else [len(s) for s in strips]
    tags[5][2] = [true_offsets[i] if v is None else v for i, v in enumerate(offsets)]
    tags[8][2] = [len(strips[i]) if v is None else v for i, v in enumerate(counts)]
    entries, arrays = b'', b''
    array_base = 8 + 2 + 12 * len(tags) + 4
    for tag, kind, values in tags:
        packed = b''.join(struct.pack('<H' if kind == 3 else '<I', v) for v in values)
        if len(packed) <= 4:
            entries += struct.pack('<HHI', tag, kind, len(values)) + packed.ljust(4, b'\x00')
        else:
            entries += struct.pack('<HHII', tag, kind, len(values), array_base + len(arrays))
            arrays += packed
    head = b'II*\x00' + struct.pack('<I', 8) + struct.pack('<H', len(tags)) + entries + b'\x00' * 4 + arrays
    assert len(head) == strip_base
    return head + b''.join(strips)


def gray_strips(rows_per_strip, compress=lambda b: b):
    return [compress(bytes(flat(GRAY[y:y + rows_per_strip]))) for y in range(0, H, rows_per_strip)]


def make_tiff():
    gray = Image.frombytes('L', (W, H), bytes(GRAY_EXPECTED))
    gray.save(path('tiff-gray8-none.tif'))
    gray.save(path('tiff-gray8-lzw.tif'), compression='tiff_lzw')
    gray.save(path('tiff-gray8-deflate.tif'), compression='tiff_adobe_deflate')
    gray.save(path('tiff-gray8-packbits.tif'), compression='packbits')
    for name in ['none', 'lzw', 'deflate', 'packbits']:
        expect(f'tiff-gray8-{name}.tif', [GRAY_EXPECTED])
    im16 = Image.new('I;16', (W, H))
    im16.putdata(flat(GRAY16))
    im16.save(path('tiff-gray16-lzw.tif'), compression='tiff_lzw')
    expect('tiff-gray16-lzw.tif', [GRAY16_EXPECTED])
    rgb = Image.frombytes('RGB', (W, H), bytes(c for p in flat(RGB) for c in p))
    rgb.save(path('tiff-rgb8-lzw.tif'), compression='tiff_lzw')
    expect('tiff-rgb8-lzw.tif', [RGB_EXPECTED])
    rgba = bytes(c for y in range(H) for x in range(W) for c in (*rgb_at(x, y), alpha_at(x, y)))
    Image.frombytes('RGBA', (W, H), rgba).save(path('tiff-rgba8-deflate.tif'), compression='tiff_adobe_deflate')
    expect('tiff-rgba8-deflate.tif', [RGBA_EXPECTED])
    indices = grid(lambda x, y: (x + y) % 16)
    pim = Image.frombytes('P', (W, H), bytes(flat(indices)))
    pim.putpalette([c for entry in PALETTE16 for c in entry])
    pim.save(path('tiff-palette8.tif'))
    expect('tiff-palette8.tif', [[PALETTE16_GRAY[i] for i in flat(indices)]])
    bw = grid(lambda x, y: 255 if (x + 2 * y) % 3 else 0)
    Image.frombytes('L', (W, H), bytes(flat(bw))).convert('1').save(path('tiff-1bit.tif'))
    expect('tiff-1bit.tif', [flat(bw)])
    # Multi-page: three cells, each a different picture.
    pages = [gray, gray.transpose(Image.FLIP_LEFT_RIGHT), Image.eval(gray, lambda v: 255 - v)]
    pages[0].save(path('tiff-multipage-lzw.tif'), compression='tiff_lzw', save_all=True, append_images=pages[1:])
    expect('tiff-multipage-lzw.tif', [list(p.tobytes()) for p in pages])
    # libtiff: horizontal predictor, 2-row strips, big-endian byte order, 16-bit with predictor.
    tiffcp('tiff-gray8-none.tif', 'tiff-gray8-lzw-predictor-strips.tif', '-c', 'lzw:2', '-r', '2')
    expect('tiff-gray8-lzw-predictor-strips.tif', [GRAY_EXPECTED])
    tiffcp('tiff-gray8-none.tif', 'tiff-gray8-deflate-predictor.tif', '-c', 'zip:2')
    expect('tiff-gray8-deflate-predictor.tif', [GRAY_EXPECTED])
    tiffcp('tiff-gray16-lzw.tif', 'tiff-gray16-big-endian-predictor.tif', '-B', '-c', 'lzw:2', '-r', '3')
    expect('tiff-gray16-big-endian-predictor.tif', [GRAY16_EXPECTED])
    tiffcp('tiff-rgb8-lzw.tif', 'tiff-rgb8-deflate-predictor.tif', '-c', 'zip:2', '-r', '2')
    expect('tiff-rgb8-deflate-predictor.tif', [RGB_EXPECTED])
    # Tiled (16 x 16 tiles over 40 x 24 pixels, so tiles overhang the right and bottom edges).
    tw, th = 40, 24
    big = grid(lambda x, y: (x * 7 + y * 11 + (x * y) % 5) % 256, tw, th)
    Image.frombytes('L', (tw, th), bytes(flat(big))).save(path('big-gray8.tif'))
    tiffcp('big-gray8.tif', 'tiff-gray8-tiled-lzw-predictor.tif', '-t', '-w', '16', '-l', '16', '-c', 'lzw:2')
    expect('tiff-gray8-tiled-lzw-predictor.tif', [flat(big)], tw, th)
    big16 = [[min(65535, v * 257 + (x % 3)) for x, v in enumerate(row)] for row in big]
    im16 = Image.new('I;16', (tw, th))
    im16.putdata(flat(big16))
    im16.save(path('big-gray16.tif'))
    tiffcp('big-gray16.tif', 'tiff-gray16-tiled-deflate-predictor.tif', '-t', '-w', '16', '-l', '16', '-c', 'zip:2')
    expect('tiff-gray16-tiled-deflate-predictor.tif', [flat([[scale16(v) for v in row] for row in big16])], tw, th)
    big_rgb = [[((v + 40) % 256, (x * 5) % 256, (y * 9) % 256) for x, v in enumerate(row)] for y, row in enumerate(big)]
    Image.frombytes('RGB', (tw, th), bytes(c for p in flat(big_rgb) for c in p)).save(path('big-rgb8.tif'))
    tiffcp('big-rgb8.tif', 'tiff-rgb8-tiled.tif', '-t', '-w', '16', '-l', '16')
    expect('tiff-rgb8-tiled.tif', [[luma(*p) for p in flat(big_rgb)]], tw, th)
    for name in ['big-gray8.tif', 'big-gray16.tif', 'big-rgb8.tif']:
        os.remove(path(name))
    # Hand-written: min-is-white, and the lies real files tell.
    inverted = bytes(255 - v for v in GRAY_EXPECTED)
    write('tiff-gray8-min-is-white.tif', tiff_bytes(W, H, [inverted], H, photometric=0))
    expect('tiff-gray8-min-is-white.tif', [GRAY_EXPECTED])
    strips = gray_strips(3, zlib.compress)
    # Byte counts that run past the end of the file (the data itself is complete).
    write('tiff-lying-byte-counts.tif', tiff_bytes(W, H, strips, 3, compression=8, counts=[None, None, 90_000]))
    expect('tiff-lying-byte-counts.tif', [GRAY_EXPECTED], repairs=True)
    # More strips declared than the rows need, the extra ones pointing past the end of the file.
    extra = tiff_bytes(W, H, strips, 3, compression=8, offsets=[None, None, None, 10_000_000, 10_000_500],
                       counts=[None, None, None, 400, 400])
    write('tiff-extra-strips.tif', extra)
    expect('tiff-extra-strips.tif', [GRAY_EXPECTED], repairs=True)
    # StripByteCounts all zero, uncompressed: inferred from the rows.
    write('tiff-zero-byte-counts.tif', tiff_bytes(W, H, gray_strips(4), 4, counts=[0, 0]))
    expect('tiff-zero-byte-counts.tif', [GRAY_EXPECTED], repairs=True)
    # Refusals (their errors are asserted in the tests): the last strip cut in half, and a header that
    # declares 1,000,000 x 1,000,000 pixels in a file of a few hundred bytes.
    whole = tiff_bytes(W, H, strips, 3, compression=8)
    write('tiff-truncated-strip.tif', whole[: len(whole) - len(strips[-1]) // 2])
    write('tiff-absurd-dimensions.tif', tiff_bytes(1_000_000, 1_000_000, gray_strips(H), H))


# Where Pillow's own conversion is known to differ from the exact reference above (by at most 1 level),
# or where libtiff refuses a file that the decoder is meant to repair.
PILLOW_DIFFERS = {
    'bmp-rgb16-565.bmp': 'Pillow rounds 5/6-bit channels differently',
    'png-rgb16.png': 'Pillow keeps the high byte of 16-bit RGB instead of rounding',
    'tiff-lying-byte-counts.tif': 'libtiff refuses strip byte counts past the end of the file',
}


def pillow_gray(frame):
    if frame.mode.startswith('I;16') or frame.mode == 'I':
        return [scale16(v) for v in frame.getdata()]
    if frame.mode in ('P', 'PA', 'RGBA', 'LA') or 'transparency' in frame.info:
        rgba = frame.convert('RGBA')
        return [on_white(luma(r, g, b), a) for r, g, b, a in rgba.getdata()]
    return list(frame.convert('L').getdata())


def verify_with_pillow():
    """Decodes every fixture with Pillow too: the expected pixels must agree with a second decoder."""
    from PIL import ImageSequence
    problems = []
    for name, entry in sorted(expected.items()):
        if name in PILLOW_DIFFERS:
            continue
        frames = [pillow_gray(frame.copy()) for frame in ImageSequence.Iterator(Image.open(path(name)))]
        wanted = [list(bytes.fromhex(page)) for page in entry['pages']]
        worst = max((abs(a - b) for f, w in zip(frames, wanted) for a, b in zip(f, w)), default=0)
        if len(frames) != len(wanted) or worst > entry['tolerance']:
            problems.append(f'{name}: Pillow disagrees by {worst}')
    if problems:
        raise SystemExit('\n'.join(problems))


def main():
    if os.path.isdir(OUT):
        for name in os.listdir(OUT):
            if name.endswith(('.png', '.jpg', '.bmp', '.tif', '.json')):
                os.remove(os.path.join(OUT, name))
    os.makedirs(OUT, exist_ok=True)
    make_png()
    make_jpeg()
    make_bmp()
    make_tiff()
    with open(path('expected.json'), 'w') as f:
        json.dump(expected, f, indent=2, sort_keys=True)
        f.write('\n')
    verify_with_pillow()
    print(f'wrote {len(expected)} fixtures with expected pixels to {os.path.normpath(OUT)}; Pillow agrees')


if __name__ == '__main__':
    main()
