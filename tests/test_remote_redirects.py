"""A remote image's redirect is judged before it is followed (``hooks/zhudu/notes/remote_images.py``).

A public image host answering ``302 Location: http://127.0.0.1:…/`` (or the cloud's metadata
address) made the build send that request from the author's machine, and only then refused what
came back.  Here the public host is a name the build's check resolves to a public address while its
connection reaches a server on this machine (a DNS answer faked for that one name: there is no
public address to serve a test from), and the private server counts the requests it gets.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from zhudu.notes import remote_images

PUBLIC_NAME = "images.zd-public.test"
PUBLIC_ADDRESS = "93.184.215.14"  # a global address: what a real image host's name resolves to


def _serve(answer: type[BaseHTTPRequestHandler]) -> Iterator[ThreadingHTTPServer]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), answer)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def private_server() -> Iterator[tuple[ThreadingHTTPServer, list[str]]]:
    asked: list[str] = []

    class Answer(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            asked.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    for server in _serve(Answer):
        yield server, asked


def test_a_redirect_to_a_private_host_is_refused_before_it_is_requested(
    tmp_path, private_server, monkeypatch
):
    private, asked = private_server
    target = f"http://127.0.0.1:{private.server_port}/latest/meta-data/"

    class Redirect(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(302)
            self.send_header("Location", target)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    real = socket.getaddrinfo

    def resolve(host, port, *args, **kwargs):  # type: ignore[no-untyped-def]
        if host != PUBLIC_NAME:
            return real(host, port, *args, **kwargs)
        if port is None:  # the build's check of the host: a public address
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (PUBLIC_ADDRESS, 0))]
        return real("127.0.0.1", port, *args, **kwargs)  # the connection: the server below

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    for public in _serve(Redirect):
        fetched = remote_images.fetch(f"http://{PUBLIC_NAME}:{public.server_port}/a.png", tmp_path)
    assert fetched.original is None and "private address" in (fetched.error or ""), fetched
    assert asked == [], "the build requested the private address it was redirected to"
