"""HTTP(S) requests sent to the very address a host's name was checked at (no DNS rebinding).

``remote_images`` downloads from hosts a note names, and refuses hosts whose addresses are not
public (the machine itself, its network, the cloud's metadata address).  Checking a name and then
letting urllib connect resolves the name twice: a name whose DNS answers a public address to the
check and ``127.0.0.1`` a moment later (rebinding, a TTL of 0) would pass the check and reach the
machine.  So the handlers here resolve each request's host once (the first request and every
redirect), check every address, and connect to one of those addresses: the connection classes are
``http.client``'s, subclassed only in ``connect`` (the Host header, TLS's server name and its
certificate check still use the name).
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import urllib.parse
import urllib.request
from typing import Any


class RefusedHostError(Exception):
    """A host not downloaded from: its name does not resolve, or to an address that is not public."""


def checked_addresses(host: str, private_hosts: bool) -> list[str]:
    """The addresses ``host`` resolves to, each public unless ``private_hosts``; in resolver order."""
    try:
        infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise RefusedHostError(f"could not be downloaded ({exc})") from None
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    for address in addresses if not private_hosts else ():
        if not ipaddress.ip_address(address.split("%", 1)[0]).is_global:
            raise RefusedHostError(
                f"{host} is a private address ({address}): not downloaded "
                "(extra.zhudu.remote_images_from_private_hosts allows it)"
            )
    if not addresses:
        raise RefusedHostError(f"could not be downloaded ({host} has no address)")
    return addresses


def _connect(addresses: list[str], port: int, timeout: Any) -> socket.socket:
    """A socket connected to the first of ``addresses`` that answers (as ``create_connection`` tries)."""
    error: OSError | None = None
    for address in addresses:
        try:
            return socket.create_connection((address, port), timeout)
        except OSError as exc:
            error = exc
    raise error or OSError("no address to connect to")


class _PinnedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, host: str, *, addresses: list[str], **kwargs: Any) -> None:
        super().__init__(host, **kwargs)
        self.addresses = addresses

    def connect(self) -> None:
        self.sock = _connect(self.addresses, self.port, self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, host: str, *, addresses: list[str], tls: ssl.SSLContext, **kwargs: Any) -> None:
        super().__init__(host, context=tls, **kwargs)
        self.addresses = addresses
        self.tls = tls

    def connect(self) -> None:
        sock = _connect(self.addresses, self.port, self.timeout)
        self.sock = self.tls.wrap_socket(sock, server_hostname=self.host)


class PinnedHTTPHandler(urllib.request.HTTPHandler):
    """``http:`` requests connected to the checked addresses of their host."""

    def __init__(self, private_hosts: bool) -> None:
        super().__init__()
        self.private_hosts = private_hosts

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        addresses = checked_addresses(_hostname(req), self.private_hosts)
        return self.do_open(_PinnedHTTPConnection, req, addresses=addresses)


class PinnedHTTPSHandler(urllib.request.HTTPSHandler):
    """``https:`` requests connected to the checked addresses of their host (certificates checked)."""

    def __init__(self, private_hosts: bool) -> None:
        self.tls = ssl.create_default_context()
        super().__init__(context=self.tls)
        self.private_hosts = private_hosts

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        addresses = checked_addresses(_hostname(req), self.private_hosts)
        return self.do_open(_PinnedHTTPSConnection, req, addresses=addresses, tls=self.tls)


def _hostname(req: urllib.request.Request) -> str:
    # ``req.host`` is host[:port] (IPv6 in brackets); the URL's hostname is the name alone.
    return urllib.parse.urlsplit(req.full_url).hostname or ""
