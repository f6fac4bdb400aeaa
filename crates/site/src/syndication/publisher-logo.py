# Regenerates publisher-logo.png (python3 publisher-logo.py); stdlib only, so the logo
# can be rebuilt anywhere and its pixels reviewed as code.
# Draws the publisher logo: a white "N" monogram on a deep red square, 512x512 PNG.
import struct, zlib
S = 512; SS = 3  # supersampling for smooth edges
bg = (0xA3, 0x12, 0x1A); fg = (0xFF, 0xFF, 0xFF)
def inside(x, y):
    # coordinates in 0..512 space
    left, right, top, bot, bar = 128, 384, 112, 400, 62
    if top <= y <= bot:
        if left <= x <= left + bar: return True
        if right - bar <= x <= right: return True
        # diagonal from top-left to bottom-right, thickness bar
        t = (y - top) / (bot - top)
        cx = left + bar / 2 + t * ((right - bar / 2) - (left + bar / 2))
        if abs(x - cx) <= bar * 0.62 and left <= x <= right: return True
    # rule under the letter (a newspaper's column rule)
    if 432 <= y <= 448 and 128 <= x <= 384: return True
    return False
rows = []
for y in range(S):
    row = bytearray([0])
    for x in range(S):
        n = 0
        for sy in range(SS):
            for sx in range(SS):
                if inside(x + (sx + .5) / SS, y + (sy + .5) / SS): n += 1
        a = n / (SS * SS)
        row += bytes(round(bg[i] * (1 - a) + fg[i] * a) for i in range(3))
    rows.append(bytes(row))
raw = b"".join(rows)
def chunk(t, d): return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", S, S, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")
import os; open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "publisher-logo.png"), "wb").write(png)
print(len(png))
