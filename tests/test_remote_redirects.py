"""A remote image's host is judged before anything is sent to it, and the request goes where it was judged.

``hooks/zhudu/notes/remote_images.py`` with ``hooks/zhudu/notes/pinned_http.py``.  A public image
host answering ``302 Location: http://127.0.0.1:…/`` (or the cloud's metadata address) made the
build send that request from the author's machine, and only then refused what came back.  And a
name was resolved twice, once to be checked and once by urllib to connect: a name answering a
public address to the check and ``127.0.0.1`` to the connection (DNS rebinding) reached the machine.

The network is faked for the test's names only: there is no public address to serve a test from.
A public name resolves to a global address, and a connection to that address (or to the name) reaches
a server on this machine (the "public host"); a rebinding name answers the private server's address from its
second query on.  The private server counts the requests it gets.
"""

from __future__ import annotations

import io
import socket
import ssl
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from PIL import Image

from zhudu.notes import remote_images

PUBLIC_NAME = "images.zd-public.test"
OTHER_NAME = "cdn.zd-public.test"
#: A host that never answers (``test_remote_silent_host.py``): not asked again in the process.
SILENT_NAME = "silent.zd-public.test"
#: Global addresses: what a real image host's name resolves to.  Connections to them reach 127.0.0.1.
PUBLIC_ADDRESSES = {PUBLIC_NAME: "93.184.215.14", OTHER_NAME: "93.184.215.15", SILENT_NAME: "93.184.215.16"}


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (4, 3), (200, 80, 40)).save(out, "PNG")
    return out.getvalue()


def _serve(
    answer: type[BaseHTTPRequestHandler], tls: ssl.SSLContext | None = None
) -> Iterator[ThreadingHTTPServer]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), answer)
    if tls is not None:
        server.socket = tls.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def _answer(asked: list[str], status: int, headers: dict[str, str], body: bytes = b"") -> type:
    class Answer(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            asked.append(f"{self.headers['Host']}{self.path}")
            self.send_response(status)
            for name, value in {**headers, "Content-Length": str(len(body))}.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    return Answer


@pytest.fixture
def private_server() -> Iterator[tuple[ThreadingHTTPServer, list[str]]]:
    asked: list[str] = []
    for server in _serve(_answer(asked, 200, {"Content-Type": "image/png"}, _png())):
        yield server, asked


@pytest.fixture
def network(monkeypatch):
    """The fake DNS and routes; returns the names that rebind to ``(host, port)`` from their second query."""
    rebinding: dict[str, tuple[str, int]] = {}
    queries: dict[str, int] = {}
    real_resolve, real_connect = socket.getaddrinfo, socket.create_connection

    def resolve(host, port, *args, **kwargs):  # type: ignore[no-untyped-def]
        if host not in PUBLIC_ADDRESSES:
            return real_resolve(host, port, *args, **kwargs)
        queries[host] = queries.get(host, 0) + 1
        if host in rebinding and queries[host] > 1:
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", rebinding[host])]
        if port is not None:  # a connection's own lookup by name (urllib's): the same route
            return real_resolve("127.0.0.1", port, *args, **kwargs)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (PUBLIC_ADDRESSES[host], port or 0))]

    def connect(address, *args, **kwargs):  # type: ignore[no-untyped-def]
        if address[0] in PUBLIC_ADDRESSES.values():
            return real_connect(("127.0.0.1", address[1]), *args, **kwargs)
        return real_connect(address, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    monkeypatch.setattr(socket, "create_connection", connect)
    return rebinding


def test_a_redirect_to_a_private_host_is_refused_before_it_is_requested(tmp_path, private_server, network):
    private, asked = private_server
    target = f"http://127.0.0.1:{private.server_port}/latest/meta-data/"
    for public in _serve(_answer([], 302, {"Location": target})):
        fetched = remote_images.fetch(f"http://{PUBLIC_NAME}:{public.server_port}/a.png", tmp_path)
    assert fetched.original is None and "private address" in (fetched.error or ""), fetched
    assert asked == [], "the build requested the private address it was redirected to"


@pytest.mark.parametrize("redirected", [False, True], ids=["first-url", "redirect-target"])
def test_a_name_rebinding_to_a_private_address_is_not_reached(tmp_path, private_server, network, redirected):
    private, private_asked = private_server
    public_asked: list[str] = []
    rebinding_name = OTHER_NAME if redirected else PUBLIC_NAME
    network[rebinding_name] = ("127.0.0.1", private.server_port)
    png = _answer(public_asked, 200, {"Content-Type": "image/png"}, _png())
    for public in _serve(png):
        port = public.server_port
        if redirected:  # the public host redirects to another public name, which rebinds
            for first in _serve(_answer([], 302, {"Location": f"http://{OTHER_NAME}:{port}/b.png"})):
                fetched = remote_images.fetch(f"http://{PUBLIC_NAME}:{first.server_port}/a.png", tmp_path)
        else:
            fetched = remote_images.fetch(f"http://{PUBLIC_NAME}:{port}/a.png", tmp_path)
    assert private_asked == [], "the build connected to the private address the name rebound to"
    assert fetched.original is not None, fetched
    path = "/b.png" if redirected else "/a.png"
    assert public_asked == [f"{rebinding_name}:{port}{path}"], "the Host header names the host"


#: A certificate for the test's public names only (self-signed, a century long), and its key.
CERT = Path(__file__).parent / "fixtures" / "tls-images-cert.pem"
KEY = Path(__file__).parent / "fixtures" / "tls-images-key.pem"


def test_an_https_host_is_reached_at_its_checked_address_under_its_name(
    tmp_path, private_server, network, monkeypatch
):
    """TLS still names the host (SNI, the certificate checked against the name) at the pinned address."""
    monkeypatch.setenv("SSL_CERT_FILE", str(CERT))  # the default context trusts the test's certificate
    private, private_asked = private_server
    network[PUBLIC_NAME] = ("127.0.0.1", private.server_port)
    public_asked: list[str] = []
    names: list[str | None] = []
    tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    tls.load_cert_chain(CERT, KEY)
    tls.sni_callback = lambda _socket, name, _context: names.append(name)
    for public in _serve(_answer(public_asked, 200, {"Content-Type": "image/png"}, _png()), tls):
        fetched = remote_images.fetch(f"https://{PUBLIC_NAME}:{public.server_port}/a.png", tmp_path)
    assert private_asked == [], "the build connected to the private address the name rebound to"
    assert fetched.original is not None, fetched
    assert names == [PUBLIC_NAME] and public_asked == [f"{PUBLIC_NAME}:{public.server_port}/a.png"]


@pytest.mark.parametrize(("width", "height", "said"), [(20000, 20000, "400"), (12000, 10000, "120")])
def test_a_downloaded_image_over_the_limit_is_said_to_be(tmp_path, recwarn, width, height, said):
    # The limit a local image has too (``image_sizes``): one Pillow refuses to open at all was "not an image".
    from test_hostile_paths import png_header

    asked: list[str] = []
    for server in _serve(_answer(asked, 200, {"Content-Type": "image/png"}, png_header(width, height))):
        url = f"http://127.0.0.1:{server.server_address[1]}/bomb-{width}.png"
        fetched = remote_images.fetch(url, tmp_path, private_hosts=True)
    assert fetched.original is None and asked
    assert f"{said} megapixels, over the 40-megapixel limit" in (fetched.error or ""), fetched.error
    assert not [w for w in recwarn if "decompression bomb" in str(w.message)]
