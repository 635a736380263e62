"""The browser tests' static server stays quiet when a browser drops a request (session 44).

Chromium aborts requests it no longer needs (a page navigated away, an image cancelled); the stock server printed a
``BrokenPipeError`` traceback into the test log for each, noise that hid real failures.  Other errors still print.
"""

from __future__ import annotations

import socket
import struct
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import serve


def test_a_request_the_client_drops_prints_no_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "big.bin").write_bytes(b"x" * (16 << 20))  # far more than the socket buffers hold
    with serve(tmp_path) as base:
        address = urlsplit(base)
        with socket.create_connection((address.hostname, address.port)) as client:
            client.sendall(b"GET /big.bin HTTP/1.1\r\nHost: x\r\n\r\n")
            client.recv(1)  # the server is writing the file
            client.setsockopt(
                socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
            )  # close with a reset
    # Leaving ``serve`` joins the handler's thread (ThreadingHTTPServer's block_on_close), so its error is reported.
    assert "Traceback" not in capsys.readouterr().err
