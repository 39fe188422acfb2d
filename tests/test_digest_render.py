"""The demo's HTML digest, rendered by headless Chromium (Debian's, installed by .ci/run) to a PNG that is not blank."""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import zlib

import pytest
from conftest import run_cli

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def png_pixels_vary(data: bytes) -> tuple[int, int, int]:
    """``(width, height, distinct byte values in the image data)`` of a PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    idat, offset = b"", 8
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset : offset + 8])
        if kind == b"IDAT":
            idat += data[offset + 8 : offset + 8 + length]
        offset += 12 + length
    return width, height, len(set(zlib.decompress(idat)))


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium: .ci/run installs Debian's chromium package")
def test_html_digest_renders_in_chromium(tmp_path):
    result = run_cli("demo", "--db", str(tmp_path / "demo.db"), timeout=600)
    assert result.returncode == 0, result.stderr
    html = re.search(r"HTML digests: (\S+?\.html)", result.stdout).group(1)
    png = tmp_path / "digest.png"
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    f"--user-data-dir={tmp_path / 'profile'}", "--window-size=800,1000", f"--screenshot={png}",
                    f"file://{html}"], check=True, capture_output=True, timeout=600)
    width, height, distinct = png_pixels_vary(png.read_bytes())
    assert (width, height) == (800, 1000)
    assert distinct > 30  # text, highlights and links: far from a blank page
